"""Where the client is, or where other people come from, is not where the work is: such places count only when
the request names no other place."""

import pytest

from legalnet.matching.resolver import read_prose, resolve_request


def places(title: str, description: str) -> list[str]:
    """The jurisdictions a request resolves to."""
    return resolve_request(title, description).jurisdictions


@pytest.mark.parametrize(("description", "matter", "client"), [
    ("I'm in Bangkok. My tenant in Cebu stopped paying rent.", "PH", "TH"),
    ("We are currently in Singapore and need to sue a supplier in Hanoi.", "VN", "SG"),
    ("I live in Macau. My late aunt left a flat in Kuala Lumpur.", "MY", "MO"),
    ("I work in Hong Kong as a nurse; my land in Iloilo was sold without my consent.", "PH", "HK"),
    ("Our head office is in Jakarta. We need to register a trade mark in Thailand.", "TH", "ID"),
    ("Chúng tôi ở Hà Nội, cần khởi kiện đối tác tại Singapore.", "SG", "VN"),
    ("Kami di Kuala Lumpur, perlu peguam untuk tuntutan di Jakarta.", "ID", "MY"),
    ("我在深圳，想在新加坡注册公司。", "SG", "CN"),
    ("本人現時喺澳門工作，想喺香港買樓。", "HK", "MO"),
    ("老公在菲律宾马尼拉被移民局带走了。我在东莞带孩子，需要一位菲律宾律师。", "PH", "CN"),
    ("我在佛山做生意，柬埔寨的合伙人卷款跑了，想在金边起诉他。", "KH", "CN"),
    ("我们（香港的家族办公室）想在泰国收购一家酒店。", "TH", "HK"),
    ("我哋係新加坡公司，想喺越南開廠。", "VN", "SG"),
    ("Our Manila logistics services company needs a licence to operate in Cambodia.", "KH", "PH"),
    ("Anh chị em đều ổn: em đang sống và làm việc ở Kuala Lumpur, cần làm thủ tục thừa kế nhà ở Đà Nẵng.", "VN", "MY"),
    ("My husband and I are retired and live in Ipoh. We are buying a townhouse in Cebu.", "PH", "MY"),
    ("need lawyer in Penang pls. our co. in SG paid a deposit to a supplier there, nothing delivered.", "MY", "SG"),
    ("We want to open a representative office of our Singapore company in Hanoi. Please advise on the licence.",
     "VN", "SG"),
    ("We found a warehouse in Batam; our PT PMA is not set up yet. Can we sign under SG company first then novate?",
     "ID", "SG"),
    ("本公司想喺橫琴開分店，想知道澳門資本喺橫琴開餐廳要以咩形式設立。", "CN", "MO"),
    ("我哋喺觀塘同荃灣有兩間美容院（香港有限公司），想喺澳門開分店。由香港派兩個美容師過去，佢哋係香港永久居民，"
     "使唔使申請外僱？", "MO", "HK"),
])
def test_the_clients_own_place_gives_way_to_the_matters(description, matter, client):
    found = resolve_request("Request", description)
    assert found.jurisdictions == [matter]
    assert client in found.home_jurisdictions


@pytest.mark.parametrize(("description", "matter"), [
    ("I'm a Malaysian permanent resident buying a flat in Singapore.", "SG"),
    ("My sisters in Yangon want to sell the house in Vientiane.", "LA"),
    ("Saya warga negara Malaysia, ada sengketa tanah di Bali.", "ID"),
    ("Công ty Singapore có nhà máy tại Đồng Nai muốn cắt giảm lao động.", "VN"),
    ("บริษัทเวียดนามที่มีสาขาในภูเก็ตต้องการขอใบอนุญาตทำงาน", "TH"),
    ("บริษัทของเราในภูเก็ตถูกประเมินภาษี เรื่องราคาโอนกับบริษัทแม่ในสิงคโปร์", "TH"),
])
def test_other_peoples_homes_give_way_to_the_matters_place(description, matter):
    assert places("Request", description) == [matter]


@pytest.mark.parametrize(("description", "expected"), [
    # "in" after a verb of the matter, not of the client's whereabouts.
    ("We want to open an office in Manila.", ["PH"]),
    ("Our factory is in Binh Duong and we must lay off 40 workers.", ["VN"]),
    ("我们在越南有一家工厂，工人罢工了。", ["VN"]),
    ("Kami ingin membuka cabang di Jakarta.", ["ID"]),
])
def test_a_place_of_the_work_is_not_mistaken_for_the_clients(description, expected):
    assert places("Request", description) == expected


def test_a_place_the_client_plans_to_live_in_is_not_its_home():
    found = resolve_request("Request", "We want to live in Penang after we retire. Can we buy a condo there?")
    assert found.jurisdictions == ["MY"] and found.home_jurisdictions == []


def test_the_clients_place_counts_when_it_is_the_only_one():
    assert places("Unpaid wages", "I'm in Singapore and my employer has not paid me for two months.") == ["SG"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    # The client's standing operations and history, in a sentence that asks for nothing.
    ("Plant closure", "We have operated two garment plants in Cambodia for about ten years. Now we need to close "
     "the one in Bac Ninh and lay off 400 workers.", ["VN"]),
    ("Distributor", "We manufacture frozen dumplings in Johor. A distributor in Brunei wants exclusivity; can a "
     "local lawyer draft the agreement?", ["BN"]),
    ("收购", "我们公司2008年在东莞成立，主要做五金配件。现在想收购越南北宁的一家工厂，需要当地律师做尽调。",
     ["VN"]),
    # With nothing else named, the place of the client's operations still counts.
    ("Strike", "We run a shoe factory in Dong Nai. The workers went on strike this morning.", ["VN"]),
])
def test_places_of_the_clients_own_history_are_background(title, description, expected):
    assert places(title, description) == expected


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Investigation", "We need PRC counsel for an internal investigation in Guangzhou; the "
     "Singapore and Hong Kong distributors are not involved.", ["CN"]),
    ("外勞", "我哋喺氹仔開咗間餐廳，想申請菲律賓同越南嘅廚房幫工，應該點做？", ["MO"]),
    ("Remittance licence", "We are building a remittance app for migrant workers sending money SG to Myanmar; we "
     "need a payments licence from MAS.", ["SG"]),
    ("设厂", "我们要在泰国罗勇设厂，第一批中国的技术人员需要办工作证。", ["TH"]),
    ("前海診所", "我哋想喺前海開診所。香港註冊醫生喺前海執業要辦咩手續？可唔可以用香港已註冊嘅藥物？", ["CN"]),
    ("C/O form E", "Cong ty chung toi nhap vai, hang di tu Quang Chau qua Hong Kong roi ve cang Cat Lai. Hai quan "
     "tu choi C/O form E. Can luat su o TP.HCM.", ["VN"]),
])
def test_places_joined_to_a_background_word_or_a_route_are_background(title, description, expected):
    assert places(title, description) == expected


def test_an_arbitral_institution_named_in_chinese_is_not_its_country():
    found = places("执行仲裁裁决", "我们在中国国际经济贸易仲裁委员会赢了对印尼客户的仲裁，想在印尼申请承认和执行。")
    assert found == ["ID"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Labour case", "Our Thai subsidiary has a labour case in Bangkok. We need Thai counsel, and advice on the HKIAC "
     "arbitration clause in the distribution agreement.", ["TH", "HK"]),
    ("合资纠纷", "我们在越南的合资公司股东会出了问题，需要越南律师，"
     "也想请人看看合资合同里的新加坡国际仲裁中心仲裁条款。", ["VN", "SG"]),
    ("Recall", "We need (1) Singapore counsel for the product recall, and (2) someone to bring a claim against the "
     "maker for the costs: our supply agreement has arbitration at the Shenzhen Court of International Arbitration.",
     ["SG", "CN"]),
])
def test_an_arbitral_institution_the_client_asks_about_adds_its_seat(title, description, expected):
    assert places(title, description) == expected


@pytest.mark.parametrize(("title", "description", "expected"), [
    # The title names the goods' or the project's place; the description asks about the arbitration's seat.
    ("Philippine resort fit-out: unpaid", "We are a Hong Kong interior contractor. The owner of a resort in Cebu "
     "has not paid our last three invoices. The contract says HKIAC arbitration, seated in Hong Kong. How do we "
     "start the arbitration?", ["HK"]),
    ("Vietnam coffee beans off-spec", "We are a Hong Kong importer and our supplier in Da Nang shipped off-spec "
     "beans. We want to start SIAC arbitration in Singapore as the contract says.", ["SG"]),
    # A place only the title names, with other work asked there, stays.
    ("Vietnam customs and SIAC claim", "We will file SIAC arbitration in Singapore against our supplier. Separately "
     "we need help with a customs valuation audit.", ["VN", "SG"]),
])
def test_an_arbitral_seat_asked_about_outweighs_the_place_a_title_names(title, description, expected):
    assert places(title, description) == expected


def test_an_arbitral_institution_only_mentioned_adds_nothing():
    # The award was made under the HKIAC rules; the client asks about Shenzhen.
    assert places("Award", "We won an HKIAC award against a Shenzhen company. We want to enforce it in Shenzhen.") == [
        "CN"]
    assert places("Unpaid", "Our contract with a Vietnamese buyer has an SIAC clause. The buyer has not paid; we need "
                  "Vietnamese counsel.") == ["VN"]
    # The institution as the forum of the proceedings the client wants counsel for, where it says.
    forum = "We are looking for counsel in China for an SIAC arbitration against our supplier."
    assert places("Arbitration", forum) == ["CN"]


@pytest.mark.parametrize(("title", "description"), [
    ("Transfer pricing", "We have a HK company and a Qianhai WFOE; the Qianhai tax bureau asked for transfer pricing "
     "documentation."),
    ("转让定价", "我们有一家香港公司和一家深圳的外资企业，深圳税务局要求准备转让定价同期资料。"),
])
def test_a_company_the_client_has_elsewhere_is_its_own_side_not_the_matter(title, description):
    assert places(title, description) == ["CN"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Distributor", "We have a Vietnam dispute with our distributor.", ["VN"]),
    ("海关", "我们有一家越南工厂被海关查了。", ["VN"]),
])
def test_what_the_client_has_in_the_only_place_named_still_names_it(title, description, expected):
    assert places(title, description) == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("เราเป็นบริษัทจากเมืองกว่างโจว ประเทศจีน ต้องการเช่าโกดังในประเทศไทย", ["TH"]),
    ("บริษัทของเราเป็นผู้ผลิตจากมณฑลกวางตุ้ง ประเทศจีน ต้องการจดเครื่องหมายการค้าในประเทศไทย", ["TH"]),
])
def test_a_country_restating_the_place_the_client_comes_from_is_its_origin(description, expected):
    assert places("", description) == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("We make furniture in Dongguan and want to register our trademark in the Philippines.", ["PH"]),
    ("We manufacture solar inverters in Penang; a buyer in Jakarta refuses delivery.", ["ID"]),
    ("We make garments in Cambodia. A worker was injured at our factory.", ["KH"]),  # the only place named
])
def test_where_the_client_makes_its_goods_is_where_it_is(description, expected):
    assert places("", description) == expected


def test_a_regulator_the_client_turns_to_only_later_adds_no_place():
    assert places("", "We need to register our cosmetics in Vietnam. Later we also plan to notify the Thai FDA.") == [
        "VN"]
    assert places("", "We need a licence from the SFC for our fund. The MAS licence can wait until next year.") == [
        "HK"]


@pytest.mark.parametrize(("description", "expected"), [
    ("本公司為香港註冊公司，想在泰國申請商標註冊。", ["TH"]),
    ("本集團為深圳上市公司，計劃收購一間新加坡公司全部股權。", ["SG"]),
])
def test_the_formal_opening_that_says_who_the_client_is_names_its_seat(description, expected):
    resolved = resolve_request("", description)
    assert resolved.jurisdictions == expected
    # "註冊公司" describes the client: it is not company work asked for.
    assert "corporate-commercial" not in resolved.practice_areas


def test_a_partner_named_by_its_place_is_a_business_partner():
    assert places("JV", "Our Macau partner will contribute the brand to our joint venture in Hengqin.") == ["CN"]
    assert places("Exit", "Our Thai partner wants to exit the joint venture in Vietnam.") == ["VN"]


def test_the_place_a_fund_aims_at_is_not_the_matters():
    assert places("VCC", "Setting up a VCC in Singapore for a China-focused PE fund; the manager needs a CMS "
                  "licence.") == ["SG"]


def test_an_acronym_two_places_use_implies_neither():
    assert places("Solar PSA", "Our solar farm in Negros Occidental needs ERC approval of a PSA.") == ["PH"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Enforcement", "We won a judgment in Shenzhen and now need to enforce it in Hong Kong.", ["HK"]),
    ("执行判决", "我们在深圳中院胜诉，现在要去香港申请执行判决。", ["HK"]),
    ("Acquisition", "We are listed on the HKEX. We plan to acquire a palm oil company in Kalimantan.", ["ID"]),
    ("新公司", "我哋喺香港做咗二十年貿易，而家想喺新加坡開公司。", ["SG"]),
    ("Registration", "Founded in Dongguan in 2003, our company now wants to open a sales office in Manila.", ["PH"]),
    ("สัญญาเช่า", "บริษัทของเราอยู่ที่ฮ่องกง ต้องการทนายในประเทศไทยเรื่องสัญญาเช่า", ["TH"]),
    ("Lawsuit", "We sell to customers in Thailand, Vietnam and the Philippines. One customer sued us in Makati.",
     ["PH"]),
])
def test_where_a_case_was_won_and_where_the_client_stands_are_not_the_matter(title, description, expected):
    assert places(title, description) == expected


@pytest.mark.parametrize(("title", "description", "expected"), [
    # Places named only in statements give way to the ones the client asks about.
    ("Cold chain JV", "Our logistics arm handles cold storage in Penang and Ho Chi Minh City. A partner has "
     "offered us a stake in a cold-chain venture near Phnom Penh. Could a Cambodian lawyer review the joint "
     "venture agreement?", ["KH"]),
    ("商标", "我们的产品在泰国和越南卖得很好，最近在马来西亚发现了仿冒品。请问在马来西亚怎么维权？", ["MY"]),
    # A seat or a governing law ties a place to the matter wherever it is named.
    ("Unpaid dues", "Our distributor in Cebu has not paid. The agreement has an arbitration clause, seat Hong "
     "Kong. Can we get interim relief in the Philippines?", ["HK", "PH"]),
    # With no place in the ask, every place of the matter stays.
    ("Rent arrears", "Our flats in Hong Kong and in Macau are let, and both tenants stopped paying rent months "
     "ago. What can we do?", ["HK", "MO"]),
])
def test_the_places_asked_about_are_the_matters(title, description, expected):
    assert sorted(places(title, description)) == sorted(expected)


@pytest.mark.parametrize(("description", "expected"), [
    ("Công ty chúng tôi có trụ sở tại Singapore và nhà máy ở Bình Dương. Nhà máy đang bị thanh tra, cần luật sư.",
     ["VN"]),
    ("Perusahaan kami berkantor pusat di Singapura dan punya pabrik di Batam. Pabrik itu digugat oleh pemasok.",
     ["ID"]),
])
def test_a_head_office_named_in_vietnamese_or_indonesian_is_the_clients_seat(description, expected):
    assert places("", description) == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("本人係澳門居民，喺珠海買咗層樓，而家發展商延遲交樓兩年，想追究責任。", ["CN"]),
    ("Kami adalah perusahaan Malaysia. Mitra kami di Surabaya melanggar perjanjian distribusi.", ["ID"]),
    ("Syarikat kami di Johor Bahru mahu menuntut ganti rugi daripada pembekal di Shenzhen.", ["CN"]),
])
def test_who_the_client_is_and_who_its_partners_are(description, expected):
    assert places("", description) == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("我们是外资企业，在越南平阳有工厂，工人集体停工，请问怎么处理？", ["VN"]),  # 平阳 here is Bình Dương
    ("本公司在澳门注册，想在横琴设立子公司享受税收优惠，需要内地律师。", ["CN"]),
])
def test_a_place_after_its_country_and_the_clients_registration(description, expected):
    assert places("", description) == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("We are a Japanese fund. We previously invested in Vietnam and Indonesia. This time we want to invest in a "
     "Philippine renewable energy company.", ["PH"]),
    ("Dear team, we are a logistics company now headquartered in Singapore with hubs in Kuala Lumpur and Bangkok. "
     "The landlord of our warehouse in Samut Prakan is ending the lease early.", ["TH"]),
])
def test_the_clients_past_and_standing_places_give_way_to_the_matter(description, expected):
    assert places("", description) == expected


@pytest.mark.parametrize(("listed", "description", "expected"), [
    # The client put its own seat in the jurisdiction field; the text says it is the seat and names the matter's.
    (["Singapore"], "We are a Singapore company and need to register a trade mark in Indonesia.", ["ID"]),
    (["Hong Kong"], "我哋公司喺香港，想喺泰國申請商標註冊。", ["TH"]),
])
def test_a_listed_own_seat_gives_way_to_the_matters_place(listed, description, expected):
    assert resolve_request("Request", description, jurisdictions=listed).jurisdictions == expected


@pytest.mark.parametrize(("listed", "description", "expected"), [
    # The seat is also where the work is: it stays.
    (["Hong Kong"], "We are a Hong Kong company and want to sue our Shenzhen supplier in Hong Kong.", "HK"),
    # The text names no other place: the list is all there is.
    (["Singapore"], "We are a Singapore company and need an employment contract reviewed.", "SG"),
])
def test_a_listed_seat_that_is_also_the_matters_place_stays(listed, description, expected):
    assert expected in resolve_request("Request", description, jurisdictions=listed).jurisdictions


@pytest.mark.parametrize("description", [
    "We want a joint venture in Hengqin with Macau's Grand Lotus Investment Ltd.",
    "We want a joint venture in Hengqin with Macau’s Grand Lotus Investment Ltd.",
])
def test_a_place_owning_a_partys_name_is_that_partys_seat(description):
    assert places("Joint venture", description) == ["CN"]


@pytest.mark.parametrize(("title", "description", "listed", "expected"), [
    # A district of a city jurisdiction is where the client lives: the form's "Singapore" is its home.
    ("Villa in Bali", "We have lived in Tampines for twenty years and bought a villa in Bali through an agent "
     "who has now disappeared. Can we sue in Indonesia?", ["Singapore"], ["ID"]),
    ("Flat in Johor", "We stay in Tuen Mun. The developer in Johor Bahru has not handed over our flat.",
     ["Hong Kong"], ["MY"]),
])
def test_a_district_of_a_city_jurisdiction_is_the_clients_home(title, description, listed, expected):
    assert resolve_request(title, description, listed).jurisdictions == expected


@pytest.mark.parametrize("description", [
    "Our landlord in Penang kept the deposit. Can we claim it back if we are here in Singapore?",
    "Yung landlord namin sa Penang ayaw ibalik ang deposit. Paano kami magkakaso kung dito kami sa Singapore?",
])
def test_here_in_a_place_is_where_the_client_is(description):
    assert places("Deposit", description) == ["MY"]


@pytest.mark.parametrize(("description", "listed", "expected"), [
    # "My daughter lives in Tseung Kwan O; she was detained at the Lok Ma Chau crossing by Shenzhen police."
    ("我個女住將軍澳，尋日喺落馬洲過關嗰陣俾深圳公安扣留咗，想搵深圳律師。", ["香港"], ["CN"]),
    # "I work at a restaurant in Macao and live in Zhuhai; the Zhuhai landlord keeps my deposit."
    ("我在澳门的餐厅上班，住在珠海，珠海的房东不退押金，想起诉他。", [], ["CN"]),
])
def test_where_the_client_lives_or_works_is_home_in_chinese(description, listed, expected):
    assert resolve_request("", description, listed).jurisdictions == expected


@pytest.mark.parametrize(("description", "listed", "expected"), [
    # A district in brackets after the client's office is where that office is.
    ("Logistics lead here from our SG office (Jurong West). Our cargo is held by customs at Port Klang; need MY "
     "counsel.", ["Singapore"], ["MY"]),
    # The town after an origin country is the origin too.
    ("我们从泰国曼谷进口的榴莲在深圳海关被扣，需要律师处理海关问题。", ["泰国曼谷"], ["CN"]),
    # Where the other side's shipowner or principal sits is not the matter.
    ("Crewing manager po ako sa Manila. Ang principal namin ay shipowner sa Singapore. May claim ang seaman sa NLRC.",
     [], ["PH"]),
])
def test_bracketed_districts_origins_and_principals_share_their_role(description, listed, expected):
    assert resolve_request("", description, listed).jurisdictions == expected


@pytest.mark.parametrize(("description", "expected"), [
    # Where the other side runs off to, and a kind of company named after its investors, are not the matter.
    ("我哋想喺香港告佢追討欠款，聽講佢最近成日返澳門。", ["HK"]),
    ("我们想在深圳起诉他追讨欠款，听说他已经逃到泰国。", ["CN"]),
    ("我们是一家外商投资企业，想了解港澳投资企业在横琴设立的优惠政策。", ["CN"]),
])
def test_where_a_person_goes_and_investor_kinds_of_company_are_not_the_matter(description, expected):
    assert places("", description) == expected


@pytest.mark.parametrize(("description", "expected"), [
    # Whose capital, staff or group a company has is no place of the matter.
    ("Saya HRD di PT Sulawesi Nikel Makmur, perusahaan PMA milik grup Tiongkok di Morowali. Kami perlu pengacara "
     "untuk rencana PHK.", ["ID"]),
    ("Cong ty TNHH 100% von Trung Quoc o Hai Duong can luat su xin giay phep lao dong cho 10 ky su Trung Quoc.",
     ["VN"]),
    ("บริษัทของเรามีผู้ถือหุ้นจีนถือหุ้นทั้งหมด ต้องการซื้อที่ดินในจังหวัดระยอง", ["TH"]),
    ("ຂ້ອຍເປັນພະນັກງານລາວຂອງບໍລິສັດຈີນ ຢູ່ແຂວງຄໍາມ່ວນ ຕ້ອງການທະນາຍຄວາມ", ["LA"]),
    # An industrial park named after a town elsewhere is where the province after it is.
    ("Nha may cua chung toi o KCN Quang Chau, Bac Giang bi thanh tra lao dong.", ["VN"]),
    # The client's own seat in brackets, and its regional headquarters, are home.
    ("我公司（江苏）在柬埔寨西港的项目需要当地律师处理土地租赁。", ["KH"]),
    ("I'm counsel at the Singapore regional HQ of a battery maker; we need Indonesian counsel for a JV.", ["ID"]),
])
def test_owners_staff_parks_and_the_clients_seat_are_not_the_matter(description, expected):
    assert places("", description) == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("Kami syarikat kejuruteraan berdaftar di Bandar Seri Begawan. Mahu buka cawangan di Kota Kinabalu.", ["MY"]),
    ("We are building a remittance app licensed by MAS for the SG to PH/VN corridors.", ["SG"]),
    ("We need advice on whether our token sale needs a licence in Singapore. Not looking at HK licensing for now.",
     ["SG"]),
    ("Our Malaysian entity is licensed already, so Malaysia is not what we need help with; we need Thai counsel.",
     ["TH"]),
    ("我哋想喺澳門申請支付牌照。之後可能會喺橫琴開公司，不過起碼等明年。", ["MO"]),
    ("Kami distributor di Medan, mengimpor kopi dan teh dari Vietnam. Kami butuh pengacara untuk sertifikasi halal "
     "BPJPH.", ["ID"]),
])
def test_seats_routes_parts_set_aside_and_origins_of_goods_are_not_the_matter(description, expected):
    assert places("", description) == expected


@pytest.mark.parametrize(("description", "expected"), [
    # Words that name the client's seat only for the client: another party's base, a site, a regional role.
    ("We are a Hong Kong brand. We need advice on terminating a Vietnam regional distribution agreement.", ["VN"]),
    ("We are a Hong Kong company. Our Jakarta construction site had an accident and the labour office came.", ["ID"]),
    # 之后可能 is "may later", but "after arrival may" is not a plan: the suit in Vietnam stays.
    ("我们是香港公司。货到了之后可能有质量问题，买家拒收，想在越南起诉买家。", ["VN"]),
])
def test_seat_and_plan_words_do_not_misfire(description, expected):
    assert places("", description) == expected


def test_a_demonym_in_the_writers_description_of_itself_is_its_seat():
    assert resolve_request("Brunei", "We are a Thai company. We need a lawyer in Brunei.").jurisdictions == ["BN"]
    reading = read_prose("We are a Malaysian takaful operator (BNM-licensed).")
    assert [code for code, _name in reading.home_jurisdictions] == ["MY"]
    assert not read_prose("A Malaysian company owes us money.").home_jurisdictions


@pytest.mark.parametrize(("description", "expected"), [
    ("中山做灯具的，印尼的代理商欠了我们两个柜的货款，想在雅加达起诉。", ["ID"]),
    ("我们温州的，在泰国罗勇租了厂房，现在房东要提前收回，怎么办？", ["TH"]),
    ("我本人住澳门，想在新加坡处理父亲留下的公寓。", ["SG"]),
])
def test_a_writer_who_opens_with_its_town_and_trade_is_seated_there(description, expected):
    assert resolve_request("求助", description).jurisdictions == expected


def test_a_town_and_trade_that_describe_the_other_side_stay_a_place_of_the_matter():
    found = resolve_request("追货款", "我们是香港公司。深圳卖家欠我们货款，想在深圳起诉。")
    assert found.jurisdictions == ["CN"]


def test_our_company_written_in_cantonese_is_the_clients_own():
    found = resolve_request("稅務", "我哋澳門公司喺南沙有間子公司，想問企業所得稅優惠點申請。")
    assert found.jurisdictions == ["CN"]
    assert found.home_jurisdictions == ["MO"]


def test_a_client_relocating_needs_advice_where_it_moves_to():
    found = resolve_request("Relocation", "I'm relocating from Hong Kong to Singapore in March; will I be Singapore "
                            "tax resident next year?")
    assert "SG" in found.jurisdictions


def test_both_ends_of_a_shipping_route_stay_background():
    found = resolve_request("Cargo", "The cargo was shipped from Haiphong to Hong Kong and we need advice on the "
                            "Thai buyer's claim under Thai law.")
    assert found.jurisdictions == ["TH"]


def test_the_stops_of_a_route_joined_by_dashes_are_background():
    found = resolve_request("Warehouse lease", "We want to lease bonded warehouse land in Boten for rail "
                            "transshipment Kunming-Vientiane-Bangkok and need a lease review.")
    assert found.jurisdictions == ["LA"]


@pytest.mark.parametrize(("description", "listed", "matter"), [
    ("We live in Kuching but our tenant left our house in Miri owing four months of rent.", [], "MY"),
    ("I stay in Bandar Seri Begawan and own a small café in Miri; the landlord wants me out.", ["Brunei"], "MY"),
    ("Our family is in Johor Bahru. The workshop we bought in Batam has no building permit.", ["Malaysia"], "ID"),
])
def test_a_small_town_the_client_puts_something_in_outweighs_its_own_seat(description, listed, matter):
    found = resolve_request("Question", description, listed)
    assert found.jurisdictions == [matter]


def test_a_short_town_name_that_opens_a_longer_one_is_not_read_on_its_own():
    found = resolve_request("Giấy phép lao động tại Thái Nguyên",
                            "Công ty chúng tôi sản xuất tại KCN Yên Bình, Thái Nguyên, cần gia hạn giấy phép lao động.")
    assert found.jurisdictions == ["VN"]


@pytest.mark.parametrize(("description", "listed", "matter"), [
    ("Pinoy po ako, caregiver sa Taipa. Ayaw ibigay ng amo ko ang sahod ko ng tatlong buwan.", ["Philippines"], "MO"),
    ("I'm Indonesian, working as a helper in Kowloon. My employer ended my contract without notice pay.",
     ["Indonesia"], "HK"),
    # The other place is where the client lives and whose tribunal it names.
    ("I'm Malaysian, been living and working in Singapore since 2011. My bank forfeited my bonus; ECT or High "
     "Court?", ["Malaysia"], "SG"),
])
def test_a_listed_place_the_text_names_only_by_the_clients_nationality_gives_way(description, listed, matter):
    assert resolve_request("Question", description, listed).jurisdictions == [matter]


def test_a_listed_place_the_text_also_names_as_a_place_stays():
    found = resolve_request("Question", "Pinoy po ako sa Macau. Kailangan ko ng tulong sa SSS claim ko sa Pilipinas.",
                            ["Philippines"])
    assert "PH" in found.jurisdictions


@pytest.mark.parametrize(("description", "expected"), [
    ("Kami mau daftar merek di DJKI. Tahun depan mungkin sekalian ke Malaysia.", ["ID"]),
    ("Next year we may also expand to Vietnam, but now we need advice in Malaysia.", ["MY"]),
    ("我们明年可能去越南开厂，现在需要马来西亚律师。", ["MY"]),
])
def test_a_place_the_client_may_go_to_one_day_is_put_off(description, expected):
    assert resolve_request("Question", description).jurisdictions == expected


def test_foreign_experts_named_by_their_country_are_people():
    assert resolve_request("Perpanjang KITAS tenaga ahli Vietnam",
                           "Mau perpanjang KITAS untuk 2 tenaga ahli di pabrik Cikarang.").jurisdictions == ["ID"]


def test_another_partys_nationality_is_no_reason_to_drop_a_listed_place():
    found = resolve_request("Question", "Our Thai supplier shipped defective goods to our Singapore warehouse.",
                            ["Thailand"])
    assert found.jurisdictions == ["TH"]


@pytest.mark.parametrize("description", [
    "Our buyer, Angkor Agri Trading Co., Ltd., headquartered in Phnom Penh, owes us USD 96,000. We are a Hong Kong "
    "trader.",
    "Người mua là Angkor Agri Trading Co., Ltd., trụ sở ở Phnom Penh, còn nợ chúng tôi 96.000 USD. Chúng tôi là công "
    "ty Hồng Kông.",
])
def test_where_the_other_party_is_headquartered_is_not_the_client_s_seat(description):
    resolved = resolve_request("Debt", description)
    assert resolved.jurisdictions == ["KH"] and "KH" not in resolved.home_jurisdictions


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Data breach in Singapore and Malaysia", "We are a Singapore online retailer. Customer records of shoppers in "
     "Singapore and Malaysia were copied yesterday; the PDPC and Malaysia's commissioner must be told.",
     ["MY", "SG"]),
    ("Question", "We are a Penang company with a plant in Kulim. We need counsel in Malaysia and in Singapore for the "
     "sale of our Singapore subsidiary.", ["MY", "SG"]),
    ("Referral", "Penang-headquartered electronics group; the matter concerns trade marks in Malaysia and Bangkok.",
     ["MY", "TH"]),
])
def test_the_clients_own_country_stays_when_named_in_the_title_or_asked(title, description, expected):
    assert sorted(resolve_request(title, description).jurisdictions) == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("我们是佛山的瓷砖厂，市场监管局来函询问协会统一调价的事，想请律师准备回复。另外我们有个商标在越南被抢注，那个以后再单独委托。",
     ["CN"]),
    ("我哋喺九龍灣做網購平台，想請律師睇下私隱政策。澳門同新加坡嘅市場我哋遲啲先諗。", ["HK"]),
])
def test_a_place_the_client_puts_off_in_its_own_words_is_not_asked_about(description, expected):
    assert resolve_request("Question", description).jurisdictions == expected


def test_a_customer_on_the_other_side_names_no_place_of_the_matter():
    description = ("Nhà xưởng ở Cà Mau đang thế chấp cho ngân hàng. Khách hàng bên Trung Quốc chậm thanh toán nên "
                   "chúng tôi trễ hạn trả nợ.")
    assert resolve_request("Giãn nợ", description).jurisdictions == ["VN"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Retrenchment", "I live in Hong Kong and work for the HK subsidiary of a Singapore bank. They retrenched me "
     "and did not pay my bonus.", "HK"),
    ("追數", "我哋係香港公司，越南客戶成日話遲啲俾錢，已經拖咗半年，欠我哋八十萬港紙。想追數。", "VN"),
    ("稍后付款", "我们是深圳公司，马来西亚客户说稍后付款，但是已经拖了六个月，欠款200万人民币。", "MY"),
])
def test_a_domestic_matter_and_a_debtor_who_pays_later_keep_their_place(title, description, expected):
    assert expected in resolve_request(title, description).jurisdictions


@pytest.mark.parametrize("description, expected", [
    ("We are a Bangkok company. Our parent company is in Hong Kong. A former employee sued us for unfair dismissal. "
     "We need a labour lawyer.", ["TH"]),
    ("We are a Bangkok company, a subsidiary of a Hong Kong group. A former employee sued us for unfair dismissal.",
     ["TH"]),
    ("We run a Penang factory and are a subsidiary of a group in Singapore. Our landlord wants to end the lease early.",
     ["MY"]),
    ("我们是广西东兴的一家加工厂，母公司在香港。上周被查处非法用工，要罚款。", ["CN"]),
    # The parent's seat counts when the text names no other place.
    ("Our parent company is in Hong Kong. A former employee sued us for unfair dismissal.", ["HK"]),
])
def test_the_seat_of_the_clients_parent_gives_way_to_the_clients_own(description, expected):
    assert places("", description) == expected


@pytest.mark.parametrize("description, expected", [
    ("HK caterer, HQ Tsuen Wan. We run the staff canteen at a resort in Cotai. Six workers complained to DSAL about "
     "overtime. Need a local labour lawyer.", ["MO"]),
    ("Penang wholesaler. Our buyer in Jakarta has not paid three invoices. Need a lawyer there.", ["ID"]),
])
def test_a_note_that_opens_with_the_writers_trade_and_head_office_names_its_seat(description, expected):
    assert places("", description) == expected


def test_a_place_in_brackets_after_the_clients_own_name_is_its_seat():
    description = ("Dear Centre,\n\nTri-Sea Haulage Pte. Ltd. (Singapore) has held 35% of Shwe Yadanar Transport Co., "
                   "Ltd., a trucking company in Yangon, since 2019. The majority shareholder sold the trucks we "
                   "contributed.")
    assert places("", description) == ["MM"]


@pytest.mark.parametrize(("description", "expected"), [
    ("The finance manager of our Singapore company was detained by police in Batam last night.", ["ID"]),
    ("本公司喺澳門，想喺橫琴開分店同請內地員工。", ["CN"]),
    ("我们在越南，想在柬埔寨金边设一个办事处。", ["KH"]),
    ("Kami kedai runcit di Melaka, pembekal di Singapura tak hantar barang. Nak saman di Singapura.", ["SG"]),
])
def test_the_clients_own_seat_told_in_a_short_clause_is_not_the_matter(description, expected):
    assert resolve_request("", description).jurisdictions == expected


@pytest.mark.parametrize(("title", "description", "listed", "expected"), [
    ("", "Nak jual rumah kat Kuantan sebab saya kerja dan duduk Singapore dah 8 tahun. Berapa RPGT?", [], ["MY"]),
    ("Annulment sa Iloilo, naa ko sa Dubai", "Gusto nako mo-file ug annulment. Kasal mi sa Iloilo City.", [], ["PH"]),
])
def test_the_clients_own_place_in_malay_indonesian_and_cebuano(title, description, listed, expected):
    assert resolve_request(title, description, listed).jurisdictions == expected


def test_an_indonesian_writer_naming_its_trade_and_town_after_its_name_tells_its_seat():
    resolved = resolve_request("", "Kami CV Maju Jaya, distributor cat di Medan. Kami impor dari Guangzhou Sanxin "
                               "Paint Co., Ltd., barangnya rusak semua, mau gugat mereka di Guangzhou.", ["Medan"])
    assert resolved.jurisdictions == ["CN"]
    assert resolved.home_jurisdictions == ["ID"]


@pytest.mark.parametrize(("typed", "description", "expected"), [
    (["Vietnam", "China"], "We run a shoe plant in Binh Duong owned by a Guangzhou group. The tax office opened an "
     "audit of our royalties. Not looking for anything on the China side, only Vietnamese tax counsel.", ["VN"]),
    (["Thailand", "Singapore"], "Our buyer in Chonburi owes us THB 4m under a contract governed by Thai law. We need "
     "a Thai lawyer to sue. We do not need any further work in Singapore.", ["TH"]),
])
def test_a_typed_place_the_text_declines_goes(typed, description, expected):
    assert resolve_request("Need counsel", description, typed).jurisdictions == expected


def test_a_typed_place_the_text_declines_stays_when_nothing_else_is_left():
    resolution = resolve_request("Advice", "Not looking for anything on the China side yet.", ["China"])
    assert resolution.jurisdictions == ["CN"]


def test_a_court_written_after_a_place_is_that_places_not_the_scripts():
    # Burmese: "The contract names Thai law and Thai courts. We need a lawyer to sue in Thailand."
    resolution = resolve_request("", "ကျွန်တော်တို့ကုမ္ပဏီသည် မန္တလေးမြို့ရှိ ဆန်တင်ပို့သည့် ကုမ္ပဏီဖြစ်ပါသည်။ "
                                 "စာချုပ်တွင် ထိုင်းဥပဒေနှင့် ထိုင်းတရားရုံးများကို သတ်မှတ်ထားပါသည်။ "
                                 "ထိုင်းနိုင်ငံတွင် တရားစွဲဆိုရန် ရှေ့နေ လိုအပ်ပါသည်။")
    assert resolution.jurisdictions == ["TH"]


def test_a_parent_company_named_without_our_is_the_clients_group():
    resolution = resolve_request("Strike at our plant", "I am the HR manager of our garment plant in Dong Nai. "
                                 "Parent company is in Foshan. 200 workers stopped work yesterday over the bonus.",
                                 ["Foshan"])
    assert resolution.jurisdictions == ["VN"]


@pytest.mark.parametrize(("description", "expected"), [
    ("我哋喺深水埗有間找換店，幫客人匯款返印尼同泰國。海關話我哋嘅MSO牌有問題，想搵律師。", ["HK"]),
    ("我哋公司喺灣仔，持有SFC Type 1牌。買家係BVI公司，UBO喺深圳，想買我哋51%股份，要SFC批准。", ["HK"]),
    ("Cong ty chung toi o Can Tho xin giay phep vi dien tu tu NHNN. Quy Red Lantern Capital Pte. Ltd. ben Singapore "
     "muon gop 30% von.", ["VN"]),
])
def test_where_money_goes_an_owners_place_and_a_partys_side_are_background(description, expected):
    assert resolve_request("", description).jurisdictions == expected


def test_a_plant_being_moved_is_no_history_and_the_writers_team_office_is_its_seat():
    resolution = resolve_request("Relocation pay", "I'm with the finance team in our Causeway Bay office. Our Foshan "
                                 "plant is being moved to Zhaoqing in stages and 80 workers demand severance.")
    assert resolution.jurisdictions == ["CN"]


@pytest.mark.parametrize(("description", "expected"), [
    # Khmer: "I have a bakery in Siem Reap and want to open a branch in Ho Chi Minh City, Vietnam."
    ("ខ្ញុំមានហាងនំប៉័ងមួយនៅសៀមរាប ហើយចង់បើកសាខានៅទីក្រុងហូជីមិញ ប្រទេសវៀតណាម។", ["VN"]),
    # Lao: "I have a small noodle shop in Luang Prabang and want to open a branch in Chiang Mai, Thailand."
    ("ຂ້ອຍມີຮ້ານເຝີນ້ອຍໆຢູ່ຫຼວງພະບາງ ຢາກເປີດສາຂາຢູ່ຊຽງໃໝ່ ປະເທດໄທ.", ["TH"]),
])
def test_the_shop_a_writer_has_in_a_mekong_script_is_its_seat(description, expected):
    assert resolve_request("", description).jurisdictions == expected


@pytest.mark.parametrize("title, description, expected", [
    ("高才通签证", "本人深圳户籍，工作8年，想申请香港高才通计划过去工作，同时给太太办受养人签证。", ["HK"]),
    ("莫罗瓦利工亡赔偿", "我哥在印尼莫罗瓦利的冶炼厂工亡，公司只愿意赔5万，我们家属在湖南，想找印尼律师索赔。", ["ID"]),
])
def test_a_household_registration_or_the_familys_home_is_background(title, description, expected):
    assert resolve_request(title, description).jurisdictions == expected


@pytest.mark.parametrize("title, description, typed, expected", [
    ("Sale of Penang condo – RPGT", "Our client, a Hong Kong resident, bought a condominium on Gurney Drive, George "
     "Town in 2018 and has agreed to sell it. Please advise on RPGT and review the SPA. Client will not travel to "
     "Malaysia; documents will be signed in HK.", ["Hong Kong", "Penang"], ["MY"]),
    ("Hang bi hai quan Campuchia giu", "Toi buon ban phan bon o Tinh Bien, An Giang. Tuan truoc 2 xe tai cua toi qua "
     "cua khau bi hai quan Campuchia giu lai. Toi can luat su ben Campuchia giup lam viec voi hai quan.",
     ["Việt Nam"], ["KH"]),
])
def test_the_clients_own_seat_typed_into_the_form_gives_way_to_the_place_asked_for(title, description, typed,
                                                                                    expected):
    assert resolve_request(title, description, typed).jurisdictions == expected


def test_where_a_fund_or_investor_sits_is_background_in_vietnamese_too():
    description = ("Công ty chúng tôi ở Đà Nẵng dự kiến phát hành trái phiếu riêng lẻ, công bố thông tin trên HNX. "
                   "Ngoài ra một quỹ ở Singapore có thể mua một phần, như vậy có vướng quy định gì không?")
    assert resolve_request("Phát hành trái phiếu", description).jurisdictions == ["VN"]


def test_a_relatives_nationality_in_vietnamese_is_not_the_writers_seat():
    description = ("Chồng tôi là người Hồng Kông, tụi tôi sống ở Đà Nẵng, có 1 bé 5 tuổi. Tôi muốn ly hôn và giành "
                   "quyền nuôi con.")
    resolved = resolve_request("Ly hôn với chồng người Hồng Kông", description)
    assert resolved.jurisdictions == ["VN"] and "HK" not in resolved.home_jurisdictions



def test_the_clients_team_is_where_the_client_is():
    found = resolve_request("新加坡 MPI 牌照", "团队在杭州，想在新加坡做跨境支付，申请MAS的MPI牌照。")
    assert found.jurisdictions == ["SG"] and "CN" in found.home_jurisdictions


def test_places_where_the_client_owns_property_stay_places_of_a_will():
    description = "本人65歲，喺香港同深圳都有物業，仲有新加坡嘅銀行戶口。想立遺囑同考慮設立家族信託。"
    found = resolve_request("遺囑及信託安排", description)
    assert sorted(found.jurisdictions) == ["CN", "HK", "SG"]


@pytest.mark.parametrize(("description", "expected"), [
    ("希望找有经验的马来西亚律师处理反贪调查，最好能讲普通话或福州话。", ["MY"]),
    ("想搵識講潮州話嘅律師，喺曼谷處理遺產。", ["TH"]),
])
def test_a_dialect_named_after_a_place_is_no_place(description, expected):
    assert resolve_request("Request", description).jurisdictions == expected


@pytest.mark.parametrize(("description", "matter", "client"), [
    ("HK co. here, need Brunei counsel for a murabahah facility to fund our warehouse in Muara.", "BN", "HK"),
    ("我是在柬埔寨金边做建材生意的中国人。我表弟前天在广州被警察带走，需要广州的刑事律师。", "CN", "KH"),
])
def test_the_writer_saying_where_it_is_in_passing_is_the_clients_place(description, matter, client):
    found = resolve_request("Request", description)
    assert found.jurisdictions == [matter] and client in found.home_jurisdictions


@pytest.mark.parametrize(("title", "description", "typed", "expected"), [
    # Typed where the writer is from; the text is all about work in Macau.
    ("Gaji tak bayar di Macau", "Saya kerja di restoran, majikan tak bayar gaji dua bulan. Boleh tolong?",
     ["Malaysia"], ["MO"]),
    ("", "Chủ nhà ở Taipa giữ hộ chiếu của tôi và không trả lương ba tháng.", ["Việt Nam"], ["MO"]),
])
def test_a_typed_place_the_text_never_names_gives_way_to_the_matters(title, description, typed, expected):
    assert resolve_request(title, description, typed).jurisdictions == expected


def test_a_typed_place_the_text_names_by_a_district_stays():
    # Cheras is a district of Kuala Lumpur; the Philippines is where the teachers come from.
    found = resolve_request("", "Pusat tuisyen kami di Cheras nak ambil 3 guru dari Filipina. Boleh mohon "
                                "Employment Pass?", ["KL"])
    assert "MY" in found.jurisdictions


def test_a_place_picked_as_a_code_stays_though_the_text_never_names_it():
    # The form's list and the API send codes: the client chose Singapore on the Check step.
    assert "SG" in resolve_request("", "Our supplier in Hanoi shipped the wrong goods.", ["SG"]).jurisdictions


def test_a_place_left_aside_for_now_in_chinese_is_not_the_matters():
    found = resolve_request("电商平台假货", "我们的商标在马来西亚和菲律宾都注册了，两地平台上有很多假货，"
                                       "想请当地律师投诉下架。越南那边暂时还没发现，先不管。")
    assert "VN" not in found.jurisdictions


@pytest.mark.parametrize("text", ["We are a cement importer in Manila; most of our supply comes from Vietnam.",
                                  "We import cement from Vietnam for our plants."])
def test_where_goods_come_from_is_not_the_clients_home(text):
    assert "VN" not in {code for code, _name in read_prose(text).home_jurisdictions}




@pytest.mark.parametrize(("description", "expected"), [
    # A clause that opens after a comma, the verb of living (住) after the place.
    ("阿爺上年喺廣州過身，留低一間舖，我哋兩兄妹都喺香港住，想搵廣州律師辦繼承。", ["CN"]),
    # "Our family is in Kampong Cham province": the writer's people, while the matter is in Thailand.
    ("ប្អូនស្រីខ្ញុំធ្វើការនៅបាងកក ហើយត្រូវបានគេបណ្តេញចេញ។ គ្រួសារយើងនៅខេត្តកំពង់ចាម។ ត្រូវការមេធាវីនៅថៃ។", ["TH"]),
])
def test_where_the_writer_and_its_family_live_is_home(description, expected):
    assert resolve_request("", description).jurisdictions == expected


def test_a_company_said_to_be_from_a_town_is_the_writers_only_when_it_opens_the_clause():
    assert resolve_request("", "公司是温州的，想在胡志明市租一个仓库，需要越南律师看租约。").jurisdictions == ["VN"]
    # The other side's company is no home of the writer's.
    assert read_prose("对方公司是温州的，我们想在胡志明市起诉他们。", None).home_jurisdictions == []


@pytest.mark.parametrize(("description", "expected"), [
    ("I'm working in Singapore as a nurse. My father died in Davao and left a farm; my brother won't sign the "
     "extrajudicial settlement. Can I sign the SPA here in Singapore?", ["PH"]),
    ("Cong ty chung toi o Thu Duc, TP HCM ky hop dong voi mot cong ty o Quang Chau, nay ho khong giao hang. Can luat "
     "su Trung Quoc.", ["CN"]),
    ("Bo toi bi bat o Phnom Penh. Gia dinh muon ong duoc tra ve Viet Nam som. Can luat su Campuchia.", ["KH"]),
])
def test_where_the_writer_works_signs_or_is_sent_back_to_is_home(description, expected):
    assert resolve_request("", description).jurisdictions == expected


def test_where_the_writer_already_runs_its_shops_is_home():
    description = "Run 3 bubble tea kiosks in Singapore, want to open one in Kuala Lumpur. Need a Sdn Bhd?"
    assert resolve_request("", description).jurisdictions == ["MY"]
