"""Some areas are a separate piece of advice whenever a specific term names them (a tax question, a visa, the
regulator of an energy business): they stay central beside the main work, however briefly they are asked."""

import pytest

from legalnet.matching.resolver import resolve_request


@pytest.mark.parametrize("title, description, main, separate", [
    ("Share purchase – Singapore software house",
     "We are buying 100% of a Singapore software company under an SPA signed next month. The target's advisers "
     "sent a long data room index and a disclosure letter, and the sellers want a locked-box price. Please also "
     "check any withholding tax on the royalties it pays.", "mergers-acquisitions", "tax"),
    ("Acquisition of a solar developer",
     "We plan to acquire a Philippine solar developer through a share purchase; the deal needs DOE approval of "
     "the service contract transfer.", "mergers-acquisitions", "energy"),
])
def test_a_separate_piece_of_advice_stays_beside_the_main_work(title, description, main, separate):
    resolved = resolve_request(title, description)
    assert {main, separate} <= set(resolved.practice_areas)


def test_a_generic_word_of_such_an_area_is_only_mentioned():
    # A passport to show at the signing says nothing about immigration work.
    resolved = resolve_request("Share purchase in Penang",
                               "We are buying a Penang logistics company under an SPA; the sellers will bring their "
                               "passport to the signing.")
    assert "mergers-acquisitions" in resolved.practice_areas
    assert "immigration" not in resolved.practice_areas
