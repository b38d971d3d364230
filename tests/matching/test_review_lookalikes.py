"""Requests that look like the newer rules but are not what they read: a worker abroad in her own script, staff
working where a bracket names, a lawyer there the client is leaving, drafting against a refusal, a patent's claims,
a form that lists litigation second."""

import pytest

from legalnet.matching.resolver import resolve_request


@pytest.mark.parametrize(("description", "expected"), [
    ("ฉันทำงานอยู่ที่ฮ่องกง นายจ้างไม่จ่ายเงินเดือนสองเดือน", ["HK"]),
    ("Our Singapore company is hiring remote workers (Malaysia, Indonesia). Do we need local entities, and which "
     "employment law applies to them?", ["ID", "MY"]),
    ("We are setting up a subsidiary in Vietnam. Also, our director working in Thailand needs his work permit "
     "renewed.", ["TH"]),
])
def test_where_the_writer_or_its_staff_work_stays_the_place(description, expected):
    assert sorted(resolve_request("", description).jurisdictions) == expected


@pytest.mark.parametrize(("description", "area"), [
    ("We have a tax audit in Malaysia and a labour dispute in Thailand, and the lawyers there are on leave until "
     "May, so we need new counsel for both.", "tax"),
    ("我们在泰国的工厂有劳动纠纷，当地律师在跟进但我们不满意，想换律师。", "employment"),
])
def test_a_lawyer_there_who_is_away_or_being_replaced_hands_nothing_over(description, area):
    assert area in resolve_request("Request", description).practice_areas


@pytest.mark.parametrize("description", [
    "请帮我们起草一份在香港的商铺租赁合同，写明哪些情况下押金不退。",
    "我们是保险公司，请帮我们审阅香港的保单条款，看看哪些情况下可以不赔付。",
    "Công ty chúng tôi bị cơ quan thuế truy thu nợ thuế ở Hà Nội.",
    "The examiner at IPOS rejected our patent claims in the first office action.",
])
def test_drafting_against_a_refusal_or_an_authoritys_decision_is_no_dispute(description):
    assert "litigation" not in resolve_request("Request", description).practice_areas


def test_a_word_with_e_for_i_is_another_word_not_a_misspelt_term():
    resolved = resolve_request("", "We manufacture convection ovens in Penang and want to license our design.")
    assert "criminal" not in resolved.practice_areas + resolved.also_mentioned


@pytest.mark.parametrize("listed", [["debt collection", "litigation"], ["litigation", "debt collection"]])
def test_litigation_typed_in_the_form_counts_wherever_it_stands(listed):
    resolved = resolve_request("Unpaid", "Our customer in Malaysia owes us RM500k. The contract has an AIAC "
                               "arbitration clause.", practice_areas=listed)
    assert "litigation" in resolved.practice_areas
