"""Sentences an over-eager reading would get wrong: each rule of the resolver has a near miss here."""

import pytest

from legalnet.matching.resolver import resolve_request


def read(title: str, description: str):
    """The resolution of a request."""
    return resolve_request(title, description)


def test_a_list_of_places_after_a_party_noun_is_no_party():
    found = read("Distribution", "We have partners in Thailand, Vietnam and Cambodia and need a distribution "
                                 "agreement reviewed.")
    assert found.jurisdictions == ["TH", "VN", "KH"]
    assert found.counterparties == []


def test_a_title_in_capitals_is_no_name():
    assert read("Landlord Refuses Deposit Return", "My landlord keeps the deposit.").counterparties == []


def test_a_government_named_as_a_party_still_names_its_place():
    found = read("Incentives", "Can we claim tax incentives from the Government of Vietnam for our factory?")
    assert found.jurisdictions == ["VN"]


@pytest.mark.parametrize(("title", "description", "expected", "home"), [
    ("ซื้อหุ้น", "เราอยู่ระหว่างเจรจาซื้อหุ้นบริษัทจีน ต้องการทนาย", ["CN"], []),
    ("设厂", "我们是想在越南设厂，需要律师。", ["VN"], []),
    ("Barang ditahan", "Barang kami dari China ditahan di pelabuhan Jakarta. Perlu bantuan.", ["ID"], []),
])
def test_words_that_only_look_like_the_clients_seat(title, description, expected, home):
    found = read(title, description)
    assert found.jurisdictions == expected
    assert found.home_jurisdictions == home


def test_an_abbreviation_in_small_letters_stays_a_place_beside_capitalised_ones():
    assert read("Lease", "Moving our office from Singapore to hcmc, need advice on the lease.").jurisdictions == ["VN"]


def test_looking_at_something_is_not_weighing_an_option():
    found = read("Tax rules", "We looked at the contract and the Vietnamese tax rules but could not understand them. "
                              "Please help.")
    assert "tax" in found.practice_areas


def test_a_civil_law_country_is_no_civil_claim():
    areas = read("Arrest", "Vietnam is a civil law country; my brother was arrested in Hanoi, need criminal lawyer."
                 ).practice_areas
    assert "litigation" not in areas


def test_both_sides_of_a_contract_ask_for_no_second_place():
    assert read("Unpaid", "Both sides signed the supply contract in Vietnam. The buyer has not paid.").jurisdictions \
        == ["VN"]


@pytest.mark.parametrize(("description", "parties"), [
    ("ธนาคารแห่งประเทศไทยมีข้อจำกัดเรื่องการโอนเงิน ต้องการทนาย", []),
    ("我们公司叫 Golden Dragon Trading，需要律师。", []),
    ("The legal department of Sinar Jaya Sdn Bhd sent us a demand letter.", ["Sinar Jaya Sdn Bhd"]),
    ("My supplier Si Thu Aung has not delivered.", ["Si Thu Aung"]),
])
def test_parties_near_misses(description, parties):
    assert read("Request", description).counterparties == parties


def test_a_title_that_names_the_clients_company_before_a_colon_names_the_topic():
    found = read("Singapore company: how to strike off?", "We also have a Malaysian subsidiary that will keep "
                                                          "running.")
    assert found.jurisdictions == ["SG"]
