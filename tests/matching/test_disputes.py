"""A request that names a dispute to be fought is litigation work too, unless its forum is its own."""

import pytest

from legalnet.matching.resolver import resolve_request
from legalnet.matching.resolver.disputes import names_dispute


@pytest.mark.parametrize("title, description, subject", [
    ("Villa in Ubud", "Penjual villa kami di Ubud menolak menyerahkan sertifikat tanah; ada sengketa soal pelunasan.",
     "real-estate"),
    ("厂房租约", "房东在租期内突然要求我们搬走，双方就租赁合同发生纠纷，我们想起诉。", "real-estate"),
    ("Pte Ltd", "A shareholder dispute in our Singapore company: the majority moved money out, and we want to take "
     "them to court.", "corporate-commercial"),
])
def test_a_dispute_adds_litigation_to_its_subject(title, description, subject):
    resolved = resolve_request(title, description)
    assert subject in resolved.practice_areas
    assert "litigation" in resolved.practice_areas
    assert "litigation" not in resolved.also_mentioned


@pytest.mark.parametrize("title, description", [
    # A labour dispute goes to labour arbitration or the tribunal first.
    ("劳动争议", "员工被辞退后说要去劳动仲裁，争议是经济补偿金怎么算。"),
    # The contract sends the dispute to arbitration.
    ("SIAC", "A dispute under our supply contract must go to SIAC arbitration; we need counsel for the hearing."),
])
def test_a_dispute_with_a_forum_of_its_own_stays_out_of_litigation(title, description):
    assert "litigation" not in resolve_request(title, description).practice_areas


def test_words_that_only_contain_a_dispute_word_do_not_count():
    assert not names_dispute(["We have an issue with the pursued licence and a tissue supplier."])
    assert names_dispute(["They may sue us."]) and names_dispute(["Tranh chấp đất đai ở Đà Nẵng"])
