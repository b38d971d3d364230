"""When a request names no place, a district or small town in it names the jurisdiction, and failing that the
script or written language it is in; neither overrides a place the request does name."""

import pytest

from legalnet.matching.resolver import resolve_request


def places(title: str, description: str = "", **fields) -> list[str]:
    """The jurisdictions a request resolves to."""
    return resolve_request(title, description, **fields).jurisdictions


@pytest.mark.parametrize(("title", "description", "code"), [
    ("舖頭租約", "我哋喺旺角有間舖頭，業主突然加租一倍。", "HK"),            # a district known only as a list item
    ("Resort licence", "We are opening a small resort on Ko Samui and need a hotel licence.", "TH"),
    ("ร้านอาหาร", "เราต้องการเปิดร้านอาหารที่เกาะสมุย ต้องขอใบอนุญาตอะไรบ้าง", "TH"),
])
def test_a_minor_place_names_the_jurisdiction_when_nothing_else_does(title, description, code):
    assert places(title, description) == [code]


@pytest.mark.parametrize(("title", "description", "code"), [
    ("Villa lease", "A Singaporean couple wants to lease a villa on Ko Samui for 30 years.", "TH"),
    ("เปิดร้านกาแฟ", "นักธุรกิจจากมาเลเซียอยากเปิดร้านกาแฟที่เกาะสมุย ต้องจดทะเบียนบริษัทอย่างไร", "TH"),
    ("舖位", "一位新加坡投資者想喺旺角租舖開餐廳。", "HK"),
])
def test_a_minor_place_where_the_matter_is_wins_over_another_partys_place(title, description, code):
    assert places(title, description) == [code]


def test_a_minor_place_named_without_a_word_that_places_it_stays_behind_a_partys_place():
    # Hua Hin only describes a hotel the partner once ran; the partner is from Singapore.
    assert places("JV exit", "Our partner from Singapore wants to leave the joint venture; he used to run a Hua Hin "
                  "hotel.") == ["SG"]


@pytest.mark.parametrize(("title", "description", "code"), [
    ("ค่าชดเชย", "บริษัทของเราต้องการเลิกจ้างพนักงานและต้องการทราบค่าชดเชยตามกฎหมาย", "TH"),
    ("Hợp đồng lao động", "Công ty muốn chấm dứt hợp đồng với một nhân viên vì vi phạm kỷ luật.", "VN"),
    ("ការលែងលះ", "ខ្ញុំចង់លែងលះប្តីរបស់ខ្ញុំ", "KH"),
    ("追數", "客戶欠咗我哋三十萬冇還，佢話唔夠錢，想入稟追數。", "HK"),
])
def test_the_writing_names_the_jurisdiction_when_no_place_is_named(title, description, code):
    assert places(title, description) == [code]


@pytest.mark.parametrize(("title", "description"), [
    ("Unpaid invoice", "A customer owes us USD 40,000 and stopped answering."),
    ("合同纠纷", "供应商迟迟不发货，我们想起诉要求退款。"),      # Chinese is written everywhere: no guess
    ("Peminjaman", "Kami ingin menuntut peminjam yang tidak membayar hutang."),  # Malay/Indonesian: several places
])
def test_no_guess_from_writing_shared_by_several_places(title, description):
    assert places(title, description) == []


def test_a_named_place_wins_over_the_writing_and_minor_places():
    # Thai text about a Lao matter; a Cantonese message about Singapore.
    assert places("ตั้งบริษัทในลาว", "บริษัทของเราต้องการตั้งบริษัทในประเทศลาว") == ["LA"]
    assert places("星加坡公司", "我哋想喺新加坡開公司，唔知要咩文件。") == ["SG"]
    assert places("Lease", "Landlord in Cheras.", jurisdictions=["Singapore"]) == ["SG"]  # a district of KL


def test_a_place_inside_a_party_name_is_not_the_matter():
    # The only place is part of the other side's name: nothing is read from it.
    found = resolve_request("Unpaid invoice", "Samui Coconut Trading Co., Ltd. owes us USD 12,000.")
    assert found.jurisdictions == [] and "Samui Coconut Trading Co., Ltd." in found.counterparties


def test_a_two_character_place_in_chinese_needs_a_word_that_places_it():
    # 美孚 is a district and an oil company; 山頂 a district and any mountain top.
    assert places("油價", "美孚石油公司的合同出了問題，對方拒絕付款。") != ["HK"]
    assert places("租約", "我住在美孚，房東不肯退還按金。") == ["HK"]


@pytest.mark.parametrize(("title", "description", "code"), [
    ("Ex-employee joined a rival", "Our former sales head joined Meridian Lab Supplies Pte. Ltd. with our price "
     "list. We want an injunction.", "SG"),
    ("Unpaid invoices", "PT Sinar Baja Nusantara has not paid three invoices for steel coils; we want to claim.", "ID"),
    ("Tranh chấp hợp đồng", "Công ty Cổ phần Thép Hòa Bình chưa thanh toán tiền hàng cho chúng tôi.", "VN"),
    ("Supply contract", "บริษัท สยามแพ็คกิ้ง จำกัด ผิดสัญญาซื้อขาย เราต้องการฟ้อง", "TH"),
])
def test_with_no_place_named_a_partys_legal_form_names_it(title, description, code):
    assert places(title, description) == [code]


def test_a_form_two_places_use_names_the_first_and_a_named_place_wins_over_any_form():
    # Sdn Bhd is Malaysian and Bruneian, far more often Malaysian.
    assert places("Claim", "Syarikat Maju Jaya Sdn Bhd owes us money. We are based in Hong Kong.") == ["MY"]
    assert places("Claim", "Meridian Lab Supplies Pte. Ltd. owes us money for a shipment to Jakarta.") == ["ID"]


@pytest.mark.parametrize(("description", "absent"), [
    ("Chúng tôi cần kiểm tra tình trạng pháp lý của nhà xưởng ở Bình Dương.", "TH"),  # tình trạng, not Trang
])
def test_a_word_written_in_vietnamese_is_not_a_foreign_place_without_its_marks(description, absent):
    found = places("Thẩm định", description)
    assert "VN" in found and absent not in found


def test_a_foreign_country_by_its_vietnamese_name_is_still_read():
    assert "TH" in places("Đầu tư", "Công ty chúng tôi muốn mở nhà máy ở Thái Lan.")


@pytest.mark.parametrize("description", [
    "Our GZ plant got a post-clearance audit notice from customs.",
    "Factory in SZ needs labour advice on overtime pay.",
])
def test_the_greater_bay_areas_shorthand_for_its_cities(description):
    assert places("", description) == ["CN"]
