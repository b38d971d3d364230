"""The plain words of company ownership (a shareholder, a co-owner's shares, a business partner) name company work,
except beside a listing or a share deal; the plain words of an arrest name criminal work, and those of a dismissal
employment work; a word one letter from a term is not read as that term ("pangalan", "was filed")."""

import pytest

from legalnet.matching.resolver import read_prose, resolve_request


def areas_read(text: str) -> set[str]:
    """The practice areas a text's terms name."""
    return {code for code, _source in read_prose(text).practice_areas}


@pytest.mark.parametrize("title, description", [
    ("Partner died - his shares?", "My partner in our HK Ltd died last month; his widow wants his shares and a board "
                                   "seat. What are my options?"),
    ("拍檔偷客", "我同拍檔一人一半股份，兩個都係董事，而家佢另外開公司搶客，我想迫佢退出。"),
    ("", "Các cổ đông còn lại không cho chị tôi xem sổ sách của công ty, chị muốn rút vốn."),
])
def test_the_words_of_company_ownership_name_company_work(title, description):
    assert "corporate-commercial" in resolve_request(title, description).practice_areas


@pytest.mark.parametrize("description", [
    "We plan an IPO on the Main Board next year; a shareholder of ours holds 12% through a BVI company.",
    "We are acquiring the target under a share purchase agreement; the seller is its sole shareholder and a director.",
])
def test_a_shareholder_beside_a_listing_or_a_share_deal_is_not_company_work(description):
    assert "corporate-commercial" not in resolve_request("", description).practice_areas


@pytest.mark.parametrize("description", [
    "My son is in custody in Macau since yesterday and may be charged; he may also be banned from entering Macau.",
    "Police say he is under arrest and must stay in Taipa until the hearing.",
    "Anh tôi bị tạm giữ ở đồn công an từ hôm qua, gia đình cần luật sư gấp.",
])
def test_an_arrest_told_in_plain_words_is_criminal_work(description):
    assert "criminal" in resolve_request("", description).practice_areas


def test_a_tagalog_word_one_letter_from_a_term_is_not_that_term():
    assert "maritime" not in areas_read("Naka-pangalan po sa pinsan ko yung shares niya sa corporation namin.")


@pytest.mark.parametrize("description", [
    "Working in Macau as a dealer since 2019. Last month they dismiss me saying restructuring, only 1 month pay.",
    "My boss fired me yesterday after six years, no notice pay.",
    "Employer terminated me last Sunday and did not pay March salary.",
])
def test_a_dismissal_told_in_plain_words_is_employment_work(description):
    assert "employment" in resolve_request("Request", description).practice_areas


def test_a_mark_that_was_filed_is_not_a_worker_who_was_fired():
    text = "We think their mark was filed in bad faith; we need an invalidation at CNIPA."
    assert "employment" not in areas_read(text)
