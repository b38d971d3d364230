"""Regulators' inspections and orders are compliance work; a court step beside another forum is litigation too."""

import pytest

from legalnet.matching.resolver import resolve_request


@pytest.mark.parametrize(("title", "description"), [
    ("Fire services notice at our Kwai Chung godown",
     "The Fire Services Department came round last week and served a Fire Hazard Abatement Notice on our godown in "
     "Kwai Chung. We have 21 days to replace the sprinkler heads. How should we answer them?"),
    ("Penang plant: DOE notice",
     "Officers of the Department of Environment visited our Penang factory and issued a notice over the storage of "
     "scheduled waste. Please advise on our reply and the likely compound."),
    ("工厂被罚", "我们在东莞的工厂被生态环境局处罚，说污水排放超标，要求限期整改。想问处罚决定能不能申请听证。"),
    ("Kilang disegel", "Dinas Lingkungan Hidup menjatuhkan sanksi administratif kepada pabrik kami di Cikarang."),
])
def test_an_inspection_or_order_of_a_regulator_is_compliance_work(title, description):
    assert "compliance-investigations" in resolve_request(title, description).practice_areas


def test_an_acronym_the_description_spells_out_is_not_read_as_another_regulator():
    resolution = resolve_request(
        "DOE visit at the Johor plant",
        "The Department of Environment (DOE) Johor inspected our plant under the Environmental Quality Act and may "
        "compound us. Please help us respond.")
    assert "energy" not in resolution.practice_areas
    assert "compliance-investigations" in resolution.practice_areas
    assert resolution.jurisdictions == ["MY"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Recognition of our HKIAC award in Thailand",
     "We won an HKIAC award last spring. The buyer has only assets in Chonburi and has not paid a cent.",
     {"arbitration", "litigation"}),
    ("SIAC award against a Jakarta buyer",
     "The tribunal ruled for us in May. We now need an Indonesian firm for recognition and enforcement in Jakarta.",
     {"arbitration", "litigation"}),
    ("泰国买家违约", "合同约定在香港国际仲裁中心仲裁，我们准备启动仲裁，同时想向泰国法院申请临时措施冻结买家的账户。",
     {"arbitration", "litigation"}),
    ("Kiện hay phá sản?", "Công ty đối tác ở Bình Dương nợ chúng tôi 3 tỷ đồng. Nên khởi kiện ra tòa hay nộp đơn "
     "yêu cầu mở thủ tục phá sản?", {"litigation", "insolvency"}),
    ("Bounced cheques", "A customer in Pampanga issued 4 cheques that all bounced. We want to file BP 22 and a "
     "collection case against him.", {"criminal", "litigation"}),
    ("債權唔獲承認", "客戶喺內地破產重整，管理人唔承認我哋申報嘅債權。想先提出異議，唔得就提起債權確認訴訟。",
     {"insolvency", "litigation"}),
])
def test_a_court_step_beside_a_forum_of_its_own_is_litigation_too(title, description, expected):
    assert expected <= set(resolve_request(title, description).practice_areas)


def test_measures_asked_of_an_emergency_arbitrator_are_no_court_step():
    resolution = resolve_request(
        "新加坡仲裁", "对方拖欠货款，合同约定SIAC仲裁。我们想启动仲裁，并申请紧急仲裁员措施冻结其托管账户。")
    assert resolution.practice_areas == ["arbitration"]


@pytest.mark.parametrize(("title", "description", "area"), [
    ("Agency licence", "I want to set up an insurance agency in Davao. What does the Insurance Commission require?",
     "banking-finance"),
    ("ขึ้นทะเบียน", "บริษัทเราจะนำเข้าเครื่องดื่มสมุนไพร ต้องขอเลข อย. อย่างไรบ้าง", "healthcare-life-sciences"),
    ("Serbuan di kedai", "Pegawai Penguatkuasa Farmasi datang ke kedai kami di Ipoh dan stok ubat dirampas.",
     "compliance-investigations"),
])
def test_insurance_intermediaries_product_registration_and_pharmacy_raids(title, description, area):
    assert area in resolve_request(title, description).practice_areas


@pytest.mark.parametrize(("title", "description", "area"), [
    ("開診所", "我哋想喺南沙開一間港資牙科診所，請問要點樣申請？", "foreign-investment"),
    ("Tuition centre", "Can foreigners own shares in a tuition centre company in Vientiane, and which licence is "
     "needed?", "foreign-investment"),
    ("Money changer", "Kami ingin membuka usaha KUPVA BB di Batam. Izin apa yang diperlukan?", "fintech"),
])
def test_foreign_owners_and_money_changers(title, description, area):
    assert area in resolve_request(title, description).practice_areas


def test_a_factory_building_alone_is_no_property_work_and_a_premise_licence_is_company_work():
    resolution = resolve_request("中成藥註冊", "本公司廠房喺橫琴，想喺澳門申請中成藥註冊，"
                                 "請熟悉藥物監督管理局程序嘅律師幫手。")
    assert "real-estate" not in resolution.practice_areas
    assert "corporate-commercial" in resolve_request(
        "Bakery licences", "We want to open a bakery in Ipoh. Which business premise licence do we need from "
        "the council?").practice_areas


@pytest.mark.parametrize(("title", "description"), [
    ("Casino licence", "We are buying a hotel in Poipet that holds a casino licence. Does the CGMC have to approve "
     "the change of owner?"),
    ("Izin umrah", "Izin PPIU kami akan habis bulan depan dan Kemenag meminta laporan keberangkatan jamaah."),
])
def test_gaming_and_pilgrimage_licences_are_regulatory_work(title, description):
    assert "compliance-investigations" in resolve_request(title, description).practice_areas


def test_a_ministry_of_religious_affairs_is_no_typo_of_the_trade_ministry():
    resolution = resolve_request("Audit", "Ada audit dari Kemenag atas biro umrah kami.")
    assert "trade-customs" not in resolution.practice_areas


@pytest.mark.parametrize(("title", "description"), [
    ("Distributor for Cambodia", "A Phnom Penh trading company wants to be our exclusive distributor for five years "
     "and sent a draft. What should we watch for?"),
    ("新加坡開分店", "我喺澳門有兩間糖水舖，想喺新加坡開分店，聽講要有本地董事，使唔使搵人做掛名董事？"),
    ("เปิดร้านที่มาเลเซีย", "ดิฉันอยากจดบริษัทที่กัวลาลัมเปอร์เพื่อเปิดร้านกาแฟ ต้องทำอย่างไรบ้างคะ"),
])
def test_a_distributor_of_the_clients_and_the_directors_of_a_new_company_are_company_work(title, description):
    assert "corporate-commercial" in resolve_request(title, description).practice_areas


@pytest.mark.parametrize("description, area", [
    ("My husband died on a building site in Rayong. I want to claim from the Workmen's Compensation Fund.",
     "employment"),
    ("Yung asawa ko po ay na-detain ng immigration sa Sandakan, Sabah. Baka po makulong siya.", "criminal"),
])
def test_a_state_compensation_fund_and_a_detention_in_taglish(description, area):
    assert area in resolve_request("", description).practice_areas


def test_a_product_recall_is_compliance_work_in_chinese_too():
    description = ("我们是佛山的一家电动滑板车出口企业。新加坡陆路交通管理局（LTA）通知要求停止销售并召回。"
                   "需要新加坡律师协助。")
    assert "compliance-investigations" in resolve_request("产品在新加坡被要求召回", description).practice_areas
