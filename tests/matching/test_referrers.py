"""Requests sent on someone else's behalf (accountants, company secretaries, banks, foreign law firms): the
referrer's own office is not where the work is, in any of the ways it is written."""

import pytest

from legalnet.matching.resolver import read_prose, resolve_request


@pytest.mark.parametrize(("title", "description", "matter", "office"), [
    ("Luật sư Singapore", "Chúng tôi là công ty dịch vụ kế toán tại Quận 3, TP.HCM. Khách hàng của chúng tôi cần "
     "luật sư Singapore để khởi kiện người mua.", ["SG"], "VN"),
    ("Malaysian counsel", "We are an accounting firm in Sathorn, Bangkok. Our client needs Malaysian counsel to sue "
     "a buyer in Penang.", ["MY"], "TH"),
    ("Hải quan", "Văn phòng luật của chúng tôi ở quận Cầu Giấy, Hà Nội. Khách hàng cần luật sư Trung Quốc làm việc "
     "với hải quan Bằng Tường.", ["CN"], "VN"),
    ("ทนายมาเลเซีย", "ดิฉันเป็นผู้จัดการลูกค้าสัมพันธ์ของธนาคารแห่งหนึ่ง สาขาหาดใหญ่ ลูกค้าต้องการฟ้องร้องเรียกหนี้ที่ศาลมาเลเซีย",
     ["MY"], "TH"),
    ("ID counsel", "Brief from our Singapore audit & advisory team: the client is selling its Indonesian "
     "subsidiary and needs ID counsel.", ["ID"], "SG"),
])
def test_the_referrers_office_is_not_the_matter(title, description, matter, office):
    assert office in {code for code, _name in read_prose(description).home_jurisdictions}
    assert resolve_request(title, description).jurisdictions == matter


def test_a_branch_the_client_opens_is_the_matter():
    assert read_prose("เราต้องการเปิดสาขาเวียดนาม").jurisdictions == [("VN", "เวียดนาม")]
    assert not read_prose("เราต้องการเปิดสาขาเวียดนาม").home_jurisdictions


def test_a_district_before_a_comma_does_not_carry_the_seat_into_the_next_clause():
    resolved = resolve_request("Vietnam", "We are a law firm in Tokyo, acting for a client who wants to sue in "
                               "Vietnam.")
    assert resolved.jurisdictions == ["VN"]


def test_where_goods_are_shipped_from_is_not_the_clients_seat():
    reading = read_prose("Counterfeits are shipped from Guangzhou to Port Klang and sold in Kuala Lumpur.")
    assert not reading.home_jurisdictions


def test_the_lawyer_a_client_needs_is_not_a_lawyer_it_has():
    assert [code for code, _name in read_prose("Our client needs Malaysian counsel.").jurisdictions] == ["MY"]
    assert resolve_request("Counsel", "The matter is handled by our Singapore counsel; we need help in "
                           "Vietnam.").jurisdictions == ["VN"]


def test_a_side_left_for_later_in_the_next_clause_is_not_asked_for():
    resolved = resolve_request("Counterfeits in Malaysia", "The fakes come from a factory in China. About China "
                               "side, client will consider later, now only Malaysia please.")
    assert resolved.jurisdictions == ["MY"]


def test_a_chinese_word_for_an_asset_freeze_does_not_make_the_court_chinese():
    resolved = resolve_request("柬埔寨货款追讨", "合同约定由柬埔寨法院管辖。"
                               "客户想了解在柬埔寨起诉的流程，以及能否申请财产保全。")
    assert resolved.jurisdictions == ["KH"]


def test_a_party_named_by_its_country_and_advice_not_sought_are_not_the_matter():
    resolved = resolve_request(
        "LC payment - possible sanctions nexus (Myanmar beneficiary)",
        "We are the trade finance compliance unit of a bank in Kuala Lumpur. We issued a sight LC; the beneficiary "
        "is a trading company of Yangon. We need Malaysian legal advice on whether we can refuse payment. Not "
        "seeking Myanmar advice.")
    assert resolved.jurisdictions == ["MY"]


def test_an_insurance_regulator_implies_its_place():
    reading = read_prose("保險業監管局早前嚟信，要求公司喺21日內回覆。")
    assert ("HK", "保險業監管局") in reading.implied_jurisdictions


@pytest.mark.parametrize(("description", "home"), [
    ("We're licensed moneylender in Singapore (Geylang). The borrower moved back to Johor Bahru; need MY lawyer.",
     "SG"),
    ("We are Japanese law firm in Osaka. Our client needs counsel in Malaysia for counterfeit curry products.", None),
    ("We are patent and trademark attorney office in Bangkok. Our client needs counsel in Malaysia.", "TH"),
])
def test_a_self_description_without_an_article_names_the_writers_seat(description, home):
    reading = read_prose(description)
    assert "MY" in {code for code, _name in reading.jurisdictions}
    assert [code for code, _name in reading.home_jurisdictions][:1] == ([home] if home else [])


def test_a_verb_after_we_are_is_no_self_description():
    assert not read_prose("We are suing a company in Vietnam.").home_jurisdictions


def test_a_lawyer_based_in_a_place_is_where_the_client_wants_its_lawyer():
    reading = read_prose("We're HK owners. Need HK-based solicitors who do LMAA arbitration.")
    assert "HK" in {code for code, _name in reading.jurisdictions}


def test_a_chinese_party_named_by_its_place_and_trade_is_not_the_matter():
    resolved = resolve_request("菲律宾支付合作方拖欠结算款 SIAC仲裁",
                               "双方的服务协议约定适用新加坡法律，争议提交SIAC在新加坡仲裁。我们想尽快启动仲裁。")
    assert resolved.jurisdictions == ["SG"]


def test_a_part_the_client_already_has_lawyers_for_is_not_asked():
    resolved = resolve_request("印尼收购 + ODI备案", "客户拟收购印尼一家镍冶炼企业51%的股权。"
                               "需要国内的ODI备案和印尼的尽职调查。"
                               "交易文件拟适用新加坡法律，但新加坡部分客户已有律师，无需推荐。")
    assert sorted(resolved.jurisdictions) == ["CN", "ID"]


def test_where_a_thai_client_exports_to_and_its_buyers_sit_are_not_the_matter():
    resolved = resolve_request("สอบถามการจัดตั้งบริษัทในฮ่องกง",
                               "ลูกค้าของเราเป็นบริษัทไทยที่ส่งออกผลไม้อบแห้งไปจีน "
                               "ต้องการจดทะเบียนบริษัทลูกในฮ่องกงเพื่อรับชำระเงินจากผู้ซื้อในจีนแผ่นดินใหญ่")
    assert resolved.jurisdictions == ["HK"]


@pytest.mark.parametrize(("title", "description", "matter"), [
    ("JV deadlock Yangon", "We are a Bangkok-listed hospital group with a JV hospital in Yangon. We need Myanmar "
     "counsel to seek an urgent court order in Yangon. Our in-house team in Bangkok will coordinate.", ["MM"]),
    ("Medical Council inquiry", "I'm a GP in Mong Kok facing a Medical Council of Hong Kong inquiry. I also do "
     "sessions at a clinic in Shenzhen on weekends but that is not involved.", ["HK"]),
    ("GBA drug access", "A private hospital in Nansha wants to use an orphan drug under the 'HK/Macao Drug and Device "
     "Access' policy. Need PRC counsel on the application.", ["CN"]),
])
def test_the_clients_own_team_a_part_not_involved_and_a_quoted_scheme_are_not_the_matter(title, description, matter):
    assert resolve_request(title, description).jurisdictions == matter


def test_a_filing_the_title_names_and_legal_services_not_needed_decide_the_places():
    resolved = resolve_request(
        "收购马来西亚光伏电站项目公司及境外投资备案",
        "我司系一家注册于江苏常州的企业，拟通过新加坡全资子公司收购两家马来西亚项目公司100%股权。"
        "委托事项：境内部分：发改委的境外投资（ODI）备案及外汇登记；马来西亚部分：法律尽职调查。"
        "新加坡子公司仅为持股平台，无需新加坡法律服务。")
    assert sorted(resolved.jurisdictions) == ["CN", "MY"]


@pytest.mark.parametrize(("title", "description", "matter"), [
    # Where fakes are made, and a step the client does not pursue.
    ("Fake serums - VN and PH", "We want local counsel in Vietnam and the Philippines for test purchases and raids. "
     "The goods are probably made in China but we are not going after the factory at this point.", ["PH", "VN"]),
    # An ask turned back and put off to next year.
    ("Mantan distributor", "Kami ingin kirim somasi dan gugatan ke Pengadilan Niaga. Merek juga ingin kami daftarkan "
     "di Malaysia dan Thailand, tapi itu rencana tahun depan.", ["ID"]),
    # A Filipina abroad: where she works is not the matter.
    ("Refund sa preselling condo", "OFW po ako dito sa Hong Kong. Kumuha po ako ng preselling condo unit sa Quezon "
     "City. Pwede po ba ang Maceda Law o mag-file sa DHSUD?", ["PH"]),
    # "thoi trang" (fashion) in Vietnamese without accents is no Thai province; QLTT is Vietnam's market police.
    ("hang gia thuong hieu thoi trang", "minh la chu thuong hieu o TP HCM. Minh muon to cao gui QLTT xu ly cac shop "
     "ban hang gia.", ["VN"]),
])
def test_origins_steps_not_pursued_and_asks_put_off_are_not_the_matter(title, description, matter):
    assert sorted(resolve_request(title, description).jurisdictions) == matter


def test_a_partys_short_name_is_the_party_not_a_regulator():
    resolved = resolve_request("Vendor suspension", "We are a Brunei oilfield services contractor in Kuala Belait. "
                               "Brunei Shell Petroleum (BSP) has kept our company suspended from its vendor list.")
    assert resolved.jurisdictions == ["BN"]


def test_where_capital_comes_from_and_a_trip_are_not_the_seat_or_the_matter():
    reading = read_prose("Công ty chúng tôi là doanh nghiệp 100% vốn Hồng Kông, trụ sở tại Bắc Ninh.")
    assert [code for code, _name in reading.home_jurisdictions] == ["VN"]
    assert not read_prose("聽講佢之前去澳門旅行嗰陣，分判商幫佢俾咗酒店錢。").jurisdictions


def test_debarment_and_the_government_inspectorate_are_compliance_work():
    assert "compliance-investigations" in resolve_request(
        "ADB debarment", "We were debarred by a development bank after a tender in Manila.").practice_areas
    resolved = resolve_request("Thanh tra dự án", "Thanh tra Chính phủ đang thanh tra dự án đường dây của chúng tôi.")
    assert resolved.jurisdictions == ["VN"] and "compliance-investigations" in resolved.practice_areas


@pytest.mark.parametrize(("description", "expected", "home"), [
    ("Macao client's milk-tea brand: we need trade mark filings in Vietnam and Thailand.", ["VN", "TH"], ["MO"]),
    ("客戶（香港公司）持有仰光一間合資公司 45% 股權，需要緬甸律師處理股權轉讓。", ["MM"], ["HK"]),
])
def test_the_place_of_a_referrers_client_is_the_clients_seat(description, expected, home):
    found = resolve_request("Referral", description)
    assert found.jurisdictions == expected
    assert found.home_jurisdictions == home


def test_mic_beside_the_sfc_is_a_manager_in_charge_not_myanmars_investment_commission():
    found = resolve_request("SFC Type 9", "Client is setting up a Hong Kong asset manager and needs the SFC Type 9 "
                            "licence and RO/MIC arrangements.")
    assert found.jurisdictions == ["HK"]
    assert found.practice_areas == ["capital-markets"]
    assert resolve_request("MIC", "We need MIC approval for our factory in Yangon.").jurisdictions == ["MM"]


@pytest.mark.parametrize(("description", "own", "other"), [
    ("I am a partner at Baker Lane LLP in London. We represent Nordwind GmbH in a claim against PT Samudra Jaya.",
     "Baker Lane LLP", "PT Samudra Jaya"),
    ("I'm a senior associate at Hartley & Moss LLP, Sydney; our client has a dispute with Saigon Foods JSC.",
     "Hartley & Moss LLP", "Saigon Foods JSC"),
    ("弊社（東京）の顧客である山田商事株式会社が、ベトナムのSaigon Foods JSCとの紛争で現地弁護士を必要としています。",
     "山田商事株式会社", "Saigon Foods JSC"),
    ("I am in charge of ASEAN business at Shinwa Trading Singapore Pte. Ltd. We want to open a representative office "
     "in Hanoi with Hanoi Machinery JSC.", "Shinwa Trading Singapore Pte. Ltd.", "Hanoi Machinery JSC"),
])
def test_a_referrers_own_firm_and_its_client_are_not_screened(description, own, other):
    screened = resolve_request("Referral", description).screened_counterparties
    assert other in screened and own not in screened
