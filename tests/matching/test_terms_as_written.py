"""Terms are read as people write them: a term of a script written without spaces that holds a number (第183條,
37号文, 9號牌, ภ.พ.30, รายงานตัว 90 วัน), an abbreviation's plural (RSUs, NDAs), a Thai abbreviation that opens a word
(พ.ร.บ.คอมพิวเตอร์) and a regulator's name in title case; a step put off with 明年再 or 先不急 names no place of the
matter now."""

import pytest

from legalnet.matching.resolver import read_prose, resolve_request


def areas_read(text: str) -> set[str]:
    """The practice areas a text's terms name."""
    return {code for code, _source in read_prose(text).practice_areas}


@pytest.mark.parametrize(("text", "area"), [
    ("根據《證券及期貨條例》第183條發出嘅通知，下星期要去證監會會面。", "compliance-investigations"),
    ("投资人要求创始人补办37号文登记。", "foreign-investment"),
    ("公司持有證監會9號牌，想擴展業務。", "capital-markets"),
    ("บริษัทยื่น ภ.พ.30 ล่าช้าสามเดือน", "tax"),
    ("ลืมรายงานตัว 90 วัน ต้องทำอย่างไร", "immigration"),
])
def test_a_term_with_a_number_is_read_in_prose(text, area):
    assert area in areas_read(text)


def test_words_on_either_side_of_a_number_are_still_read():
    found = resolve_request("海关扣货", "工厂2023年在越南被海关扣货，需要越南律师。")
    assert found.jurisdictions == ["VN"] and "trade-customs" in found.practice_areas


@pytest.mark.parametrize("description", [
    "我们是广州的私募基金管理人，中基协登记被反馈。另外我们在香港有子公司，打算明年再申请9号牌，这个现在先不急。",
    "我们是广州的私募基金管理人，中基协登记被反馈。香港9号牌嘅申请，而家唔急住。",
])
def test_a_licence_put_off_names_no_place_of_the_matter(description):
    assert resolve_request("私募管理人登记", description).jurisdictions == ["CN"]


@pytest.mark.parametrize(("text", "area"), [
    ("Our RSUs vest next year and the company wants to claw them back.", "employment"),
    ("Both NDAs were signed in 2021 and the distributor is now using our price lists.", "corporate-commercial"),
    ("โดนคดี พ.ร.บ.คอมพิวเตอร์ เพราะโพสต์รีวิวร้านอาหาร", "criminal"),
    ("We received a letter from the Insurance Authority about our broker licence.", "banking-finance"),
])
def test_terms_written_as_people_write_them_are_read(text, area):
    assert area in areas_read(text)


def test_a_code_with_a_plural_s_is_no_place():
    assert read_prose("We hold two SGs and three HKs of stock.").jurisdictions == []


@pytest.mark.parametrize(("text", "area"), [
    ("Before appointing distributors we want to register the word mark and logo in classes 29 and 30.",
     "intellectual-property"),
    ("Five of our trucks were stopped by Lao customs at Savannakhet and fines are demanded.", "trade-customs"),
    ("Queremos concorrer a um concurso público de obras públicas em Macau.", "construction"),
    ("Can someone review the licence of an open-weights model before we fine-tune it for a paid product?",
     "technology-media-telecoms"),
    ("I want to set up a Labuan trust to hold my kids' shares in our Surabaya companies.", "private-client"),
    ("我喺澳門讀緊書，前度將我啲私密相放咗上網，可唔可以告佢？", "criminal"),
    ("深圳海关说要立案侦查走私普通货物罪，人还在里面。", "criminal"),
    ("Sudah 5 bulan gaji belum dibayar, total kira-kira USD 96.000.", "employment"),
    ("She left a residential lot in Talisay and a small house in Cebu City.", "real-estate"),
])
def test_everyday_words_of_an_area_are_read(text, area):
    assert area in areas_read(text)

