"""Places that tell who people are, where a judgment came from or where goods sell are background; a request
that asks for a lawyer in a place is about that place."""

import pytest

from legalnet.matching.parties import find_parties
from legalnet.matching.resolver import read_prose, resolve_request
from legalnet.matching.resolver.background import asks


def places(title: str, description: str) -> list[str]:
    """The jurisdictions a request resolves to."""
    return resolve_request(title, description).jurisdictions


@pytest.mark.parametrize(("title", "description", "expected"), [
    # Where a person comes from, the province written before the city too.
    ("弟弟被困", "我弟弟是福建莆田人，上个月被骗到柬埔寨西港，护照被扣。", ["KH"]),
    ("供应商违约", "我们在广东深圳的供应商违约了，我们在越南的工厂需要律师。", ["VN"]),
    # A domestic helper named by her country (印尼姐姐) is no place of the matter.
    ("外傭", "我哋請咗個印尼姐姐，佢話要去勞資審裁處告我哋。", ["HK"]),
    ("Helper", "我哋屋企個菲律賓姐姐話要告我哋，我哋喺新加坡。", ["SG"]),
    # Workers named by their nationality in Thai.
    ("แรงงาน", "เราจ้างแรงงานเมียนมาและกัมพูชา ต้องการทนายในชลบุรี", ["TH"]),
    # People named by their nationality and their trade.
    ("Due diligence in Bangkok", "Please check the work permits of the target's Myanmar drivers in the Thai DD.",
     ["TH"]),
    ("Crew wages", "Our Indonesian crew have not been paid for three months; we need a lawyer in Manila.", ["PH"]),
])
def test_the_people_of_a_place_are_background(title, description, expected):
    assert places(title, description) == expected


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Enforce Shenzhen judgment in Hong Kong", "We want to register it and enforce it against their bank account.",
     ["HK"]),
    ("Recognition of a Singapore award", "The debtor's assets are in Jakarta. Please advise on enforcement there.",
     ["ID"]),
])
def test_a_place_before_judgment_or_award_is_where_it_came_from(title, description, expected):
    assert places(title, description) == expected


def test_an_arbitral_institution_named_in_full_is_no_place_of_the_matter():
    found = resolve_request(
        "Enforcing an award",
        "We obtained a final award under the rules of the Singapore International Arbitration Centre against "
        "PT Sinar Baja Nusantara Tbk. Their assets are in East Kalimantan. We need counsel to enforce it there.")
    assert found.jurisdictions == ["ID"]
    assert "arbitration" in found.practice_areas


def test_a_legal_form_closes_a_name_opened_by_pt():
    assert find_parties("We won an award against PT Sinar Baja Nusantara Tbk for USD 4.6 million.") == [
        "PT Sinar Baja Nusantara Tbk"]


@pytest.mark.parametrize(("description", "expected"), [
    ("Produk kami dijual di Malaysia dan Singapura. Distributor kami di Filipina tidak membayar dan "
     "mendaftarkan merek kami di IPOPHL.", ["PH"]),
    ("Our snacks are sold in Malaysia. We need to register our trade mark in Vietnam.", ["VN"]),
])
def test_where_goods_are_sold_is_background(description, expected):
    assert places("Request", description) == expected


def test_where_the_clients_team_sits_is_its_own_side():
    found = resolve_request(
        "OJK warning letter",
        "We are a BNPL startup in Hong Kong and our tech team is in Manila. Our local PT received a warning "
        "letter from OJK. We need a lawyer who deals with OJK.")
    assert found.jurisdictions == ["ID"]
    assert "PH" in found.home_jurisdictions


@pytest.mark.parametrize("verb", ["perlukan", "memerlukan", "membutuhkan"])
def test_a_lawyer_asked_for_in_malay_or_indonesian_names_an_asked_place(verb):
    found = resolve_request(
        "Pembiayaan dari bank Brunei",
        f"Kami {verb} peguam di Brunei untuk dokumen pembiayaan dan peguam di Malaysia untuk cagaran tanah.")
    assert sorted(found.jurisdictions) == ["BN", "MY"]


def test_a_lowercase_word_is_no_misspelt_place_in_a_text_that_capitalises_places():
    found = resolve_request("Acquisition", "Does the indirect change of ownership need approval in Vietnam?")
    assert found.jurisdictions == ["VN"]
    # A writer who writes everything in lowercase still has typos read.
    assert resolve_request("x", "need lawyer in singapre for a contract").jurisdictions == ["SG"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("外傭", "佢話會搵印尼領事館，我哋喺香港，想問使唔使請律師？", ["HK"]),
    ("Helper dispute", "Our helper went to the Philippine embassy and says she will file a claim in Hong Kong.",
     ["HK"]),
])
def test_a_countrys_consulate_or_embassy_is_not_its_country(title, description, expected):
    assert places(title, description) == expected


def test_a_business_partner_in_a_place_is_another_partys_seat():
    found = resolve_request(
        "MAS licence",
        "We are a remittance company in Singapore. MAS asked us to apply for a major payment institution licence. "
        "Our payout partner in Yangon also wants our new AML policy. Can you help with the application?")
    assert found.jurisdictions == ["SG"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Acquisition in Thailand",
     "We need Thai counsel for the due diligence and the SPA. Our team in Hong Kong will handle the HKEX "
     "announcements, so we do not need help on those.", ["TH"]),
    ("泰国收购", "我们需要泰国律师做尽职调查。香港的公告由我们自己处理，不需要协助。", ["TH"]),
    ("Pembelian saham", "Kami perlu peguam di Thailand. Urusan di Singapura tidak perlu bantuan.", ["TH"]),
])
def test_a_place_the_client_says_it_needs_no_help_in_is_not_asked_about(title, description, expected):
    assert places(title, description) == expected



@pytest.mark.parametrize(("sentence", "asking"), [
    ("香港的老客户也打电话来问怎么回事。", False),
    ("佢哋嚟問點解。", False),
    ("The buyer called to ask how we would ship the goods.", False),
    ("Customers keep asking whether the product is safe.", False),
    ("想问能不能追回这笔钱。", True),
    ("我来问一下在越南设立公司需要什么手续", True),
    ("我們嚟問下澳門買樓要請律師嗎", True),
    ("后来问题越来越多我们想找泰国律师处理", True),
    ("We came to ask for advice on suing a supplier in Vietnam", True),
    ("I wrote to ask whether we can sue in Malaysia, please advise", True),
    ("请问如何处理？", True),
    ("Can you advise how to sue them?", True),
])
def test_a_question_someone_else_asked_the_client_is_no_ask(sentence, asking):
    assert asks(sentence) is asking


def test_a_place_named_in_someone_elses_question_does_not_outweigh_the_matters():
    found = places("前合伙人转走公司的钱", "我们在佛山的公司被前合伙人转走了62万。香港的老客户也打电话来问怎么回事。"
                   "想问能不能追回这笔钱。")
    assert "CN" in found


def test_a_place_code_written_as_the_initials_of_a_term_named_before_is_that_term():
    found = resolve_request("Angel round", "I invest via a convertible note in a Hong Kong startup. Please review "
                                           "the CN terms.")
    assert found.jurisdictions == ["HK"]
    # Without the term spelled out, CN is China.
    assert "CN" in resolve_request("Angel round", "Please review our CN subsidiary's terms.").jurisdictions


def test_a_reciprocal_arrangement_named_by_its_places_names_neither():
    found = resolve_request("Award enforcement", "We hold an award and want to enforce it in the Shenzhen "
                                                 "Intermediate Court under the HK-Mainland arrangement.")
    assert found.jurisdictions == ["CN"]


@pytest.mark.parametrize(("description", "expected"), [
    ("我们是港股listed company，境内员工参与share award scheme，需要做SAFE登记，IIT withholding怎么处理？", ["CN"]),
    ("我們是港股上市公司，想喺越南收購一間工廠。", ["VN"]),
])
def test_the_clients_own_listing_is_its_standing_not_the_matter(description, expected):
    assert places("Request", description) == expected


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("外傭", "我哋喺香港，個工人話要告我哋。使唔使請律師？佢係菲律賓人。", ["HK"]),
    ("Work passes", "We are in Singapore. Our Myanmar nationals need new work passes.", ["SG"]),
    # Another party's seat still counts before the client's own.
    ("Late delivery", "We are in Singapore. Our supplier in Hanoi did not deliver.", ["VN"]),
])
def test_peoples_nationality_counts_for_less_than_the_clients_seat(title, description, expected):
    assert places(title, description) == expected


@pytest.mark.parametrize(("title", "description", "expected"), [
    # A parent company, a supplier or customers written in Vietnamese, with or without diacritics.
    ("Khiếu nại thuế", "Cục Thuế truy thu thuế giao dịch liên kết với công ty mẹ ở HK.",
     ["VN"]),
    ("Khieu nai thue", "Cuc Thue truy thu thue giao dich voi cong ty me o Hong Kong.",
     ["VN"]),
    # Customers in Thai, an origin of goods in Chinese and, in Latin letters, inside Chinese.
    ("ความลับทางการค้า", "ลูกค้าส่วนใหญ่อยู่ในเวียดนาม อดีตพนักงานขโมยข้อมูล ต้องการทนายในประเทศไทย", ["TH"]),
    ("设立子公司", "我们在上海，想在越南设立子公司，进口马来西亚的原料。", ["VN"]),
    ("WFOE", "我们 boss 想在深圳前海 set up 一个 WFOE 做 import 马来西亚 palm-based food products", ["CN"]),
    # An investor or a supplier named by its country after the noun, in Indonesian and Vietnamese.
    ("Investor Tiongkok masuk", "Kami startup di Jakarta. Investor Tiongkok akan mengambil 30% saham.", ["ID"]),
    ("Tranh chap voi nha cung cap Trung Quoc",
     "Hop dong quy dinh giai quyet tranh chap tai Trung tam Trong tai Quoc te Hong Kong (HKIAC).", ["HK"]),
    # A group a subsidiary belongs to, the other side of a joint venture in Thai, a foreign worker in Chinese.
    ("SP2DK", "Kami PT PMA, anak perusahaan dari grup di Hong Kong. Kami menerima SP2DK dari KPP.", ["ID"]),
    ("ร่วมทุน", "ต้องการร่วมทุนตั้งโรงงานในระยอง โดยฝ่ายจีนจะถือหุ้น 51%", ["TH"]),
    ("工傷", "本公司喺路環有工場。有位內地外僱上個月受傷，而家要追討工傷賠償。", ["MO"]),
])
def test_a_party_or_an_origin_written_in_the_local_language_is_background(title, description, expected):
    assert places(title, description) == expected


def test_me_before_a_place_is_the_client_not_a_parent_company():
    assert places("Divorce", "Please help me in Hong Kong with my divorce.") == ["HK"]


def test_where_a_thai_writer_lives_is_home_and_a_language_she_cannot_speak_is_no_request():
    found = resolve_request("ลูกสาวถูกเลิกจ้างที่มาเก๊า",
                            "ดิฉันอยู่ที่เชียงราย ลูกสาวทำงานที่โรงแรมในมาเก๊า อยากได้ทนายที่มาเก๊า "
                            "ขอทนายที่พูดภาษาอังกฤษได้ เพราะลูกสาวพูดภาษาจีนไม่ได้ค่ะ")
    assert (found.jurisdictions, found.languages, found.home_jurisdictions) == (["MO"], ["en"], ["TH"])


def test_a_factory_of_another_party_written_in_cantonese_is_background():
    assert places("稅局查離岸收入", "我哋係葵涌嘅貿易公司，收到稅務局嘅信問離岸收入。"
                  "我哋啲貨係由越南海防嘅工廠直接出去美國客，香港冇貨經過。想搵熟悉利得稅嘅律師。") == ["HK"]


def test_a_country_after_its_own_town_shares_the_towns_role():
    # "run from Sihanoukville in Cambodia": where the scammers are said to be, not where the client asks for help.
    assert places("Bi lua dau tu", "Toi o Can Tho. Nghe noi nhom nay dieu hanh tu Sihanoukville ben Campuchia. "
                  "Toi muon to cao voi cong an.") == ["VN"]


def test_where_people_came_over_from_is_background():
    assert places("收到 SFC notice", "我哋係 HKEX 上市公司，收到 SFC 嘅 notice。因為我哋 CFO 係北京過嚟嘅，"
                  "lawyer 最好識講普通話。") == ["HK"]


@pytest.mark.parametrize("description", [
    "12 thuyền viên Việt Nam bị nợ lương trên tàu neo ở Singapore, cần luật sư Singapore.",
    "Sinh viên Việt Nam bị chủ nhà giữ hộ chiếu ở Singapore.",
])
def test_a_vietnamese_people_noun_before_a_country_names_their_nationality(description):
    assert resolve_request("Hỗ trợ", description).jurisdictions == ["SG"]


def test_where_a_malay_writers_children_work_is_background():
    found = resolve_request("Wasiat", "Saya tinggal di Penampang dan nak buat wasiat untuk rumah saya di Sabah. Anak "
                            "sulung kerja di Singapura.")
    assert found.jurisdictions == ["MY"]


@pytest.mark.parametrize("description", [
    "我们是惠州的一家电子厂，社保局要求补缴员工社保。老板在香港，想知道要补多少、能不能分期。",
    "我哋係深圳一間廠，社保局要我哋補繳。老細喺香港，想知要補幾多。",
])
def test_where_the_owner_or_parent_sits_is_background(description):
    assert resolve_request("社保补缴", description).jurisdictions == ["CN"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Lupa sa Bacolod", "I work in Dubai as a nurse. My late father left a lot in Bacolod City. My ate who lives in "
                        "Singapore agrees to the settlement, but my tito who is staying in Brunei refuses.", ["PH"]),
    ("Annual returns", "We are a Bangkok garment maker. Our subsidiary in Yangon missed its DICA filings; our "
                       "auditors in Kuala Lumpur need it fixed before the audit.", ["MM"]),
])
def test_where_relatives_and_advisers_are_is_background(title, description, expected):
    assert resolve_request(title, description).jurisdictions == expected


@pytest.mark.parametrize("description", [
    "我住在温州，在金边买了一套公寓，开发商一直不交房。女儿在香港读书，可以帮我跑腿。想请柬埔寨律师帮我要求退款。",
    "我哋喺金邊買咗層樓，發展商拖住唔交樓。細佬喺澳門返工，可以幫手睇文件。想搵柬埔寨律師。",
])
def test_where_relatives_live_work_or_study_in_chinese_is_background(description):
    assert resolve_request("金边公寓", description).jurisdictions == ["KH"]


def test_a_relative_who_died_in_a_place_still_names_it():
    resolved = resolve_request("遗产", "妈妈在吉隆坡去世，留下一套公寓，想请律师办理继承。")
    assert resolved.jurisdictions == ["MY"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("ข้อมูลรั่ว", "บริษัทเราอยู่ที่กรุงเทพฯ ข้อมูลลูกค้าเก็บบนคลาวด์ที่สิงคโปร์ และจ้างบริษัทในฮานอยพัฒนาแอป "
                 "เมื่อวานข้อมูลรั่ว ต้องแจ้ง สคส. อย่างไร", ["TH"]),
    ("BIR audit", "Maliit na online shop po kami sa Quezon City. Galing po sa Guangzhou ang mga paninda at dumadaan sa "
                  "Hong Kong. Nakatanggap po kami ng Letter of Authority mula sa BIR.", ["PH"]),
    ("โกดังในลาว", "บริษัทเราอยู่ที่มุกดาหาร เช่าโกดังในแขวงสะหวันนะเขต สินค้าส่งต่อไปเวียดนาม ผู้ให้เช่าจะขึ้นค่าเช่า "
                   "ต้องการทนายในลาว", ["LA"]),
])
def test_hosting_transit_and_hired_vendors_are_background(title, description, expected):
    assert resolve_request(title, description).jurisdictions == expected


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("សូឡា", "ក្រុមហ៊ុនយើងជារោងចក្រកាត់ដេរមួយ នៅក្នុងតំបន់សេដ្ឋកិច្ចពិសេសភ្នំពេញ (វិនិយោគដោយម្ចាស់ហ៊ុនសិង្ហបុរី)។ "
             "យើងត្រូវការមេធាវីពិនិត្យកិច្ចសន្យាទិញលក់អគ្គិសនី។", ["KH"]),
])
def test_where_the_owners_or_their_capital_come_from_is_background(title, description, expected):
    assert places(title, description) == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("We run furniture factories in Muar, Johor, with 180 foreign workers (Bangladesh, Nepal, Myanmar). The labour "
     "office found we keep their passports.", ["MY"]),
    ("我们在泰国罗勇的工厂有200名外劳（缅甸、柬埔寨），劳工部门来检查。", ["TH"]),
    ("We need lawyers (Singapore and Malaysia) for the merger of our two subsidiaries.", ["MY", "SG"]),
])
def test_places_in_brackets_after_people_are_where_they_come_from(description, expected):
    assert sorted(resolve_request("Workers", description).jurisdictions) == expected


@pytest.mark.parametrize("description", [
    "Our app has users in Hong Kong, Taiwan and Malaysia. The Thai broadcasting regulator says OTT platforms must "
    "register.",
    "我们的股东在香港、台湾和马来西亚。泰国的监管机构要求我们注册。",
])
def test_a_list_with_a_name_outside_the_vocabulary_shares_the_role_of_its_first_place(description):
    assert resolve_request("Launch", description).jurisdictions == ["TH"]


@pytest.mark.parametrize("description", [
    "Our managing director lives in Hong Kong and can only attend online. We need a lawyer for the Industrial Court "
    "case in Seremban.",
    "Pengarah urusan kami tinggal di Hong Kong. Kes buang kerja kami dirujuk ke Mahkamah Perusahaan di Seremban.",
])
def test_where_the_clients_directors_live_is_background(description):
    assert resolve_request("Industrial Court", description).jurisdictions == ["MY"]


def test_a_power_regulator_named_in_general_words_belongs_to_no_place():
    resolved = resolve_request("Rooftop solar", "We need approvals from the electricity authorities for a rooftop "
                               "solar PPA in Yangon.")
    assert resolved.jurisdictions == ["MM"] and "energy" in resolved.practice_areas


@pytest.mark.parametrize("description", [
    "ลูกชายถูกตำรวจมาเก๊าจับ ต้องการทนายความที่มาเก๊าที่พูดภาษาไทยได้ สถานกงสุลใหญ่ไทยที่ฮ่องกงแนะนำให้หาทนายเอง",
    "我儿子在澳门被捕。泰国驻香港总领事馆让我们自己找律师。",
])
def test_a_consulate_and_the_country_it_serves_are_background(description):
    assert resolve_request("", description).jurisdictions == ["MO"]


@pytest.mark.parametrize(("description", "expected"), [
    ("本人同家人喺澳門經營一間藥房連鎖。廣州嘅「廣州南粵康健醫藥集團有限公司」想買我哋六成股份。"
     "我哋需要澳門律師。", ["MO"]),
    # With no other place, the other side's seat is still where to act.
    ("我们要起诉深圳的深圳市华信建设工程有限公司，他们欠我们工程款。", ["CN"]),
])
def test_a_place_owning_a_party_in_chinese_is_that_partys_seat(description, expected):
    assert resolve_request("", description).jurisdictions == expected


def test_burmese_workers_named_by_their_nationality_are_not_the_place_of_the_matter():
    description = ("ကျွန်မဟာ ထိုင်းနိုင်ငံ ချင်းမိုင်က ဟိုတယ်တစ်ခုမှာ အလုပ်လုပ်နေတဲ့ မြန်မာလုပ်သား ဖြစ်ပါတယ်။ "
                   "လစာ ၂ လ မရသေးပါဘူး။ ဘာလုပ်ရမလဲ။")
    assert resolve_request("", description).jurisdictions == ["TH"]


def test_a_company_funded_from_hong_kong_and_macao_is_not_work_there():
    description = "本人係澳門居民，想喺橫琴開間花店，應該登記個體工商戶定係開港澳資獨資公司？"
    assert resolve_request("", description).jurisdictions == ["CN"]


def test_where_the_clients_investors_or_customers_sit_and_the_market_of_its_shares_are_background():
    description = ("我哋係一間香港資產管理公司，基金投資者主要喺日本同新加坡，持倉包括幾隻深圳上市股票。"
                   "今日收到證監會根據《證券及期貨條例》第183條發出嘅通知，要求負責人員出席會面。")
    assert resolve_request("", description).jurisdictions == ["HK"]


@pytest.mark.parametrize(("description", "expected"), [
    ("我喺深水埗有間舖，想做匯款去越南同泰國嘅生意，MSO牌照點申請？", ["HK"]),
    ("We run a small money changer in Geylang and want to let customers remit to Indonesia and the Philippines. "
     "Which MAS licence do we need?", ["SG"]),
])
def test_where_remittances_go_is_not_where_the_licence_is(description, expected):
    assert resolve_request("", description).jurisdictions == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("惠州宏達電子有限責任公司欠我哋香港公司貨款，追咗成年，想喺惠州告佢。", ["CN"]),
    ("我哋喺氹仔有間做設計嘅公司，想喺橫琴開分公司接內地project。", ["CN"]),
    ("公司喺路氹做貴賓廳，上年執笠，老闆走咗返大陸，欠我三個月人工。我住路環。", ["MO"]),
    ("佛山中院判决我们胜诉，对方在香港有物业。想按照内地和香港相互认可和执行民商事案件判决的新安排，在香港申请登记执行。",
     ["HK"]),
])
def test_the_clients_company_a_boss_who_went_back_and_an_unquoted_arrangement_are_not_the_matter(description, expected):
    assert resolve_request("", description).jurisdictions == expected


def test_a_relative_who_is_merely_somewhere_is_background():
    resolved = resolve_request("朋友被拘", "我表哥在深圳被刑事拘留了，他老婆在香港，很担心，想找深圳的刑事律师去会见。")
    assert resolved.jurisdictions == ["CN"]


@pytest.mark.parametrize(("description", "expected"), [
    ("We are a HK startup. One co-founder moved to Singapore last year and now wants to exit; he asks us to buy "
     "back his 20%. Need a lawyer to review the SHA.", ["HK"]),
    ("我哋係香港公司。其中一個股東上年搬咗去新加坡，而家想退股，要求我哋買返佢啲股份。", ["HK"]),
    # The client's own move is where it needs advice.
    ("We are relocating to Singapore next quarter and need advice on moving our staff.", ["SG"]),
    # An owner who fled home after closing a factory.
    ("Our garment factory in Phnom Penh closed overnight; the owner fled back to China without paying our wages.",
     ["KH"]),
    ("我们在金边的工厂突然关门，老板跑回中国了，两个月工资都没发。", ["KH"]),
    ("ខ្ញុំធ្វើការនៅរោងចក្រមួយក្នុងខេត្តកំពង់ស្ពឺ។ ម្ចាស់រោងចក្របានបិទរោងចក្រ ហើយត្រឡប់ទៅប្រទេសចិនវិញ។", ["KH"]),
])
def test_where_someone_else_moved_is_no_place_of_the_matter(description, expected):
    assert places("Request", description) == expected


@pytest.mark.parametrize(("description", "expected"), [
    # Where goods were made is their origin, told in Thai.
    ("บริษัทเราตั้งอยู่ที่ชลบุรี กรมศุลกากรแจ้งว่าสินค้าบางรุ่นผลิตจริงที่เวียดนาม ต้องชำระอากรเพิ่ม", ["TH"]),
    # Brackets right after the client's role say who the client is.
    ("We're the consignee (machinery importer in Haiphong). 2 CNC machines shipped Yantian -> Haiphong arrived "
     "damaged. Carrier is Oceanic Pearl Shipping Co. Ltd.; B/L says HK law and exclusive jurisdiction of Hong Kong "
     "courts. We need someone in HK to issue a protective writ.", ["HK"]),
])
def test_an_origin_and_the_clients_own_description_are_background(description, expected):
    assert places("Request", description) == expected


def test_the_clients_own_town_typed_in_the_form_gives_way_when_brackets_after_its_role_name_it():
    found = resolve_request("Cargo damage claim", "We're the consignee (machinery importer in Haiphong). The B/L says "
                            "HK law and exclusive jurisdiction of Hong Kong courts; we need a protective writ.",
                            ["Haiphong"])
    assert found.jurisdictions == ["HK"]


def test_doctors_and_products_of_a_place_are_background():
    description = ("我们是横琴的一家眼科诊所，想从葡萄牙引进一台国内还没有注册的设备。"
                   "听说大湾区有政策允许指定医院先使用港澳已上市的药械，想请内地律师评估。")
    found = resolve_request("眼科激光设备", description)
    assert "HK" not in found.jurisdictions
    found = resolve_request("前海診所", "想喺深圳前海開一間診所，又聽講有港澳醫師短期執業嘅安排，想了解要申請咩牌。")
    assert found.jurisdictions == ["CN"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    # Thai: a Chinese investor, a Vietnamese buyer, a Malaysian trading partner; the matter is in Thailand.
    ("ขายหุ้นให้ผู้ลงทุนจีน", "ครอบครัวเราถือหุ้น 60% ในโรงแรมที่เชียงใหม่ ผู้ลงทุนอยากซื้อเพิ่ม "
     "ต้องขอใบอนุญาตประกอบธุรกิจของคนต่างด้าวไหม", ["TH"]),
    ("ผู้ซื้อเวียดนามขอซื้อกิจการ", "บริษัทเราที่ระยองจะขายโรงงานให้ผู้ซื้อเวียดนาม ต้องการทนายตรวจสัญญา", ["TH"]),
    ("คู่ค้ามาเลเซียไม่จ่ายเงิน", "ลูกค้าเราค้างชำระ 2 ล้านบาท เราอยากฟ้องที่ศาลไทย", ["TH"]),
])
def test_a_party_named_by_its_country_in_thai_is_not_the_matters_place(title, description, expected):
    assert resolve_request(title, description).jurisdictions == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("My late aunt's flat is in Ipoh. I live in Kowloon City; can I just sign a power of attorney in Hong Kong and "
     "let a Malaysian lawyer do the rest?", ["MY"]),
    ("Kami mahu semak pemindahan data pekerja ke pelayan awan di Singapura di bawah PDPA Malaysia.", ["MY"]),
    ("Our R&D team in Shenzhen wrote the code; we need to register the copyright in Singapore.", ["SG"]),
])
def test_where_a_power_of_attorney_is_signed_or_servers_and_a_team_sit_is_background(description, expected):
    assert resolve_request("", description).jurisdictions == expected


def test_thai_border_towns_in_burmese_are_thailand_and_the_workers_nationality_is_background():
    text = "ကျွန်တော်တို့ မြန်မာအလုပ်သမား ၁၈ ယောက် ရနောင်းက ငါးစက်ရုံမှာ အလုပ်လုပ်နေပါတယ်။ လစာ နှစ်လ မရသေးပါ။"
    assert resolve_request("", text).jurisdictions == ["TH"]


def test_the_word_for_workers_that_opens_a_ministrys_name_leaves_the_place_the_matters():
    reading = read_prose("အေဂျင်စီကို မြန်မာအလုပ်သမားဝန်ကြီးဌာနမှာ တိုင်ကြားချင်ပါတယ်။", None)
    assert "MM" in {code for code, _source in reading.jurisdictions}


@pytest.mark.parametrize(("description", "expected"), [
    ("我们是佛山的家居电商，想把用户数据同步到马来西亚的云服务器，要做数据出境安全评估吗？", ["CN"]),
    ("泰国的投资方想入股我们公司，需要深圳律师办外资变更登记。", ["CN"]),
    ("公司老板常住新加坡，现在税务局要查我们苏州工厂的账，需要律师。", ["CN"]),
])
def test_servers_investors_and_where_an_officer_lives_are_background_in_chinese(description, expected):
    assert resolve_request("", description).jurisdictions == expected
