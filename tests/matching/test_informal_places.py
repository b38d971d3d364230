"""Places as people write them in a hurry: abbreviations in small letters, places for later, both sides of a
matter, people and parties named with the place they come from."""

import pytest

from legalnet.matching.resolver import resolve_request, resolve_terms


def places(title: str, description: str, listed: list[str] | None = None) -> list[str]:
    """The jurisdictions a request resolves to, in sorted order."""
    return sorted(resolve_request(title, description, listed or []).jurisdictions)


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("moving hk->sg, RSU tax", "how r they taxed in hk and in sg? need advice both sides", ["HK", "SG"]),
    ("buy 60% vn coffee co", "looking to buy 60% of a roaster in hcmc. need legal DD.", ["VN"]),
    ("privacy", "clients in msia and indo, need PDPA and PDP Law review per country", ["ID", "MY"]),
])
def test_abbreviations_in_small_letters(title, description, expected):
    assert places(title, description) == expected


def test_codes_that_are_words_stay_words():
    assert places("Lease", "my landlord in Cebu wants to id me and la la la") == ["PH"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Privacy review", "We need a review per country: Thai PDPA, Vietnam Decree 13.", ["TH", "VN"]),
])
def test_a_demonym_before_a_statutes_acronym_names_its_place(title, description, expected):
    assert places(title, description) == expected


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("医疗器械注册", "现在要向HSA申请医疗器械产品注册。以后可能去马来西亚MDA注册，但现阶段只做新加坡。", ["SG"]),
    ("clinic licence cambodia", "We run 3 private hospitals in bkk. Now we need the licence for our clinic in "
                                "Phnom Penh.", ["KH"]),
])
def test_plans_for_later_and_the_clients_own_operations_are_not_the_matter(title, description, expected):
    assert places(title, description) == expected


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Recruitment", "We run a staffing agency in Singapore and want to recruit nurses through a Philippine "
                    "agency with DMW accreditation. Want to make sure compliant both sides.", ["PH", "SG"]),
    ("證監會183條通知", "我哋收到證監會根據《證券及期貨條例》第183條發出嘅通知。"
                        "同時新加坡附屬公司董事收到MAS嘅面談通知。需要兩地律師協調。", ["HK", "SG"]),
])
def test_both_sides_asks_for_a_second_place(title, description, expected):
    assert places(title, description) == expected


@pytest.mark.parametrize(("title", "description", "listed", "expected"), [
    ("Batam PT PMA", "我哋 HK holding company 想喺 Batam set up 一間 PT PMA，仲要幫兩個香港 engineers 搞 KITAS。", [],
     ["ID"]),
    ("Thừa kế nhà đất ở Đà Lạt", "Tôi có quốc tịch Singapore. Ba mẹ tôi để lại nhà đất ở Việt Nam. Tôi muốn "
                                  "biết thủ tục khai nhận di sản.", ["Singapore"], ["VN"]),
    ("disability claim", "Ang principal ay Pacific Halcyon Shipping Ltd. ng Hong Kong. Gusto ko po mag-file ng claim "
                         "dito sa Iloilo.", [], ["PH"]),
    ("ทุเรียน", "บริษัทของเราอยู่จันทบุรี ส่งออกทุเรียนไปจีนผ่านบ่อเต็น อยากได้ทนายฝั่งจีน", ["บ่อเต็น"], ["CN"]),
])
def test_people_parties_and_routes_named_with_a_place_are_background(title, description, listed, expected):
    assert places(title, description, listed) == expected


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Lao hydropower + ODI", "We need Lao counsel for the concession. The ODI filings have not been started and we "
                             "would also like PRC counsel to handle them.", ["CN", "LA"]),
    ("香港判決喺深圳執行", "我哋係香港公司。想搵內地律師喺深圳中院申請認可同執行呢個判決。", ["CN"]),
    ("Nhãn hiệu", "Công ty chúng tôi có trụ sở tại TP. Thủ Đức. Nhãn hiệu bị đăng ký trước tại Trung Quốc, cần "
                  "luật sư.", ["CN"]),
    ("Annulment po", "Dito po ako nagtatrabaho sa Singapore pero gusto ko pong mag-file ng annulment sa Pilipinas.",
     ["PH"]),
    ("利润汇出",
     "我们在广州南沙有一家外商独资企业，股东是香港公司。打算把利润分红到香港，需要内地律师协助备案。", ["CN"]),
])
def test_more_ways_of_naming_the_clients_side_and_the_matters(title, description, expected):
    assert places(title, description) == expected


@pytest.mark.parametrize(("description", "languages", "parties"), [
    ("Xin tìm giúp luật sư nói được tiếng Việt, tiếng Anh của tôi yếu.", ["vi"], []),
    ("遺囑係用葡文寫嘅。想搵識講廣東話嘅澳門律師。", ["yue"], []),
    ("Yung asawa ko po ay si Jerome Dizon Bautista.", [], ["Jerome Dizon Bautista"]),
    ("Bekas rakan kongsi saya, Lim Chee Keong, enggan membayar.", [], ["Lim Chee Keong"]),
    ("ดิฉันทำงานที่ บริษัท หัวเซิง อินดัสทรี (ประเทศไทย) จำกัด มา 7 ปี", [],
     ["บริษัท หัวเซิง อินดัสทรี (ประเทศไทย) จำกัด"]),
])
def test_languages_and_parties_in_more_phrasings(description, languages, parties):
    found = resolve_request("Request", description)
    assert found.languages == languages
    assert found.counterparties == parties


@pytest.mark.parametrize(("description", "expected"), [
    ("We need to oppose a trademark at DGIP.", ["ID"]),
    ("Nhãn hiệu của chúng tôi bị từ chối tại Cục Sở hữu trí tuệ.", ["VN"]),
    ("我们在蛇口有一个仓库租赁纠纷。", ["CN"]),
])
def test_ip_offices_and_districts(description, expected):
    assert places("Request", description) == expected


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("数据出境", "准备把国内用户数据迁到新加坡子公司。需要做个人信息出境安全评估或标准合同备案（网信办），"
                 "同时新加坡那边也要符合PDPA。", ["CN", "SG"]),
    ("Thép", "Bộ Công Thương vừa áp thuế chống bán phá giá, chúng tôi cần luật sư. Nhà cung cấp đã kiện chúng tôi ra "
             "CIETAC ở Bắc Kinh, chúng tôi cần luật sư Trung Quốc.", ["CN", "VN"]),
])
def test_a_regulator_named_where_the_client_asks_puts_its_place_in_play(title, description, expected):
    assert places(title, description) == expected


def test_a_word_of_local_usage_does_not():
    found = places("Injury at construction site in Macau", "我係內地工人，喺澳門地盤做嘢受傷，判頭唔肯賠償，想告佢。")
    assert found == ["MO"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("WHT on royalties", "Our Brunei company pays royalties to our Hong Kong parent. What withholding tax applies in "
                         "Brunei and can we use the Brunei–HK DTA?", ["BN"]),
    ("Account frozen",
     "我哋係觀塘一間 trading company，銀行話 police 發咗 LCN，同一筆由泰國客戶過嚟嘅 payment 有關。", ["HK"]),
    ("พินัยกรรม", "ผมเป็นคนไทย ปัจจุบันทำงานและอาศัยอยู่ที่สิงคโปร์ มีคอนโดในกรุงเทพฯ ต้องการทำพินัยกรรม", ["TH"]),
])
def test_treaties_hk_consent_letters_and_where_a_thai_client_lives(title, description, expected):
    assert places(title, description) == expected


@pytest.mark.parametrize(("description", "languages", "parties"), [
    ("Our board would prefer to discuss with counsel in Cantonese, while documents can be in English.", ["yue"], []),
    ("อยากได้ทนายที่คุยภาษาไทยได้ครับ", ["th"], []),
    ("Mas okay po kung Tagalog magsalita yung abogado.", ["fil"], []),
    ("One ex-sales guy, Marcus Goh Jun Hao, resigned last month.", [], ["Marcus Goh Jun Hao"]),
    ("想在澳门氹仔买一套二手住宅，卖方是李国华先生。", [], ["李国华"]),
    ("Minh muon mua can ho tu ong Tran Van Phuc.", [], ["Tran Van Phuc"]),
    ("一名前员工向南山区劳动人事争议仲裁委员会申请仲裁。", [], []),
])
def test_more_language_cues_and_party_roles(description, languages, parties):
    found = resolve_request("Request", description)
    assert found.languages == languages
    assert found.counterparties == parties


def test_a_capitalised_ong_is_a_surname_and_a_filing_in_portuguese_no_request():
    assert resolve_request("Plant", "Best regards, Ong Siew Lan, Group Legal").counterparties == []
    assert resolve_request("氹仔", "中介说物业登记局的文件是葡文的，需要律师帮忙查册。").languages == []


@pytest.mark.parametrize("name", ["Quảng Đông", "Quang Dong", "Đông Quan", "Vân Nam", "Đông Hưng"])
def test_vietnamese_names_of_chinese_places_are_china(name):
    assert resolve_terms("jurisdictions", [name]).codes == ["CN"]


@pytest.mark.parametrize(("name", "code"), [("Quảng Nam", "VN"), ("Quảng Trị", "VN"), ("Quảng Ninh", "VN")])
def test_vietnamese_provinces_named_like_chinese_ones_stay_vietnam(name, code):
    assert resolve_terms("jurisdictions", [name]).codes == [code]


@pytest.mark.parametrize(("name", "code"), [
    ("Sheung Wan", "HK"), ("上環", "HK"), ("中環", "HK"), ("荔枝角", "HK"), ("Causeway Bay", "HK"),
    ("Tanjong Pagar", "SG"), ("Sukhumvit", "TH"), ("Sudirman", "ID"), ("Alabang", "PH"),
])
def test_business_districts_name_their_jurisdiction(name, code):
    assert resolve_request("", f"Our office is near {name}. We need a lawyer there.").jurisdictions == [code]


def test_our_company_in_a_place_is_the_clients_seat():
    found = resolve_request("", "Our company in Kuala Lumpur wants to register a trademark in Vietnam.")
    assert (found.jurisdictions, found.home_jurisdictions) == (["VN"], ["MY"])


@pytest.mark.parametrize(("title", "description", "listed", "expected"), [
    ("เปิดสาขาที่ลาว", "ร้านเราอยู่อุบล อยากไปเปิดสาขาที่ลาว ต้องจดทะเบียนอะไรบ้าง", ["อุบลราชธานี"], ["LA"]),
    ("", "โรงงานอยู่โคราช ลูกค้าที่พนมเปญไม่จ่ายเงินค่าสินค้า อยากฟ้องที่กัมพูชา", [], ["KH"]),
])
def test_thai_cities_by_their_everyday_short_names_are_the_clients_seat(title, description, listed, expected):
    assert places(title, description, listed) == expected


def test_people_told_by_the_city_they_come_from_are_not_the_place_of_the_matter():
    assert places("", "代朋友咨询：北京一位投资人想在新加坡申请EP并设立基金管理公司，请推荐新加坡律师。") == ["SG"]


@pytest.mark.parametrize(("description", "listed", "expected"), [
    ("We run a small printing shop in Kwun Tong. A client in Makati owes us PHP 800k and stopped replying. "
     "Can we sue there?", ["HK"], ["PH"]),
    ("我哋喺元朗做海味批發，有個澳門客欠咗我哋三十萬，想喺澳門告佢。", [], ["MO"]),
    ("舖頭喺旺角，業主突然話要加租五成，唔加就收舖，想搵律師睇下租約。", [], ["HK"]),
])
def test_hong_kong_districts_are_read_in_prose(description, listed, expected):
    assert places("", description, listed) == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("我哋喺香港做布料批發，有個越南客欠咗我哋四十萬，想喺胡志明市告佢。", ["VN"]),
    ("我們在深圳開了十幾年五金廠，現在有個馬來西亞客戶欠款，想在吉隆坡起訴。", ["MY"]),
    ("我们在新加坡开公司需要什么手续？", ["SG"]),
])
def test_the_business_a_writer_runs_in_a_place_makes_it_the_seat(description, expected):
    assert places("", description) == expected


def test_the_clients_own_district_does_not_narrow_a_region():
    assert places("", "我哋係元朗一間老字號餅店，想喺大灣區開分店，要注意啲乜？") == ["CN", "HK", "MO"]


def test_a_place_in_small_letters_counts_beside_a_code_in_capitals():
    # "SG" in capitals says nothing of how the writer writes names: "bali" is still Bali.
    resolved = resolve_request("villa lease", "my lease in canggu is disputed by the owner's son. need bali lawyer "
                               "pls, i stay in SG most of the time")
    assert resolved.jurisdictions == ["ID"]
