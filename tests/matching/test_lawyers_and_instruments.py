"""Places that stand for something other than the matter: a lawyer someone already has, an authority's name,
a treaty with a bloc, an office the client works from, a step put off; and words a resolver must know to
read them (Vietnamese and Khmer names, acronyms shared by two places' institutions)."""

import pytest

from legalnet.matching.resolver import read_prose, resolve_request
from legalnet.matching.resolver.lawyers import in_asked_list


def read(title: str, description: str, **lists):
    """The resolution of a request, with the lists a client typed into the form."""
    return resolve_request(title, description, **lists)


@pytest.mark.parametrize(("description", "expected"), [
    ("We need Thai counsel for the due diligence. The SPA itself is being handled by our Singapore counsel.",
     ["TH"]),
    ("The lender's counsel in Bangkok drafts the facility. We need our own counsel in Laos for the security.",
     ["LA"]),
    ("我们的香港律师说要在深圳起诉，请推荐深圳律师。", ["CN"]),
])
def test_a_lawyer_someone_already_has_is_not_where_work_is_asked(description, expected):
    assert read("Counsel", description).jurisdictions == expected


def test_a_place_opening_an_authoritys_name_is_not_a_nationality():
    found = read("Merger filings", "We are a Singapore-headquartered group buying a cement producer in Albay. "
                                   "Combined turnover exceeds the Philippine Competition Commission thresholds and "
                                   "a notification to the Vietnam National Competition Commission may be needed.")
    assert found.jurisdictions == ["PH", "VN"]


@pytest.mark.parametrize(("description", "expected"), [
    ("Can we claim China-ASEAN FTA rates when importing solar inverters into Vietnam?", ["VN"]),
    ("货物在谅山口岸被越南海关扣了，说我们的中国-东盟原产地证有问题，需要越南律师。", ["VN"]),
])
def test_a_place_joined_to_a_bloc_before_a_treaty_names_the_treaty(description, expected):
    assert read("Customs", description).jurisdictions == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("Công ty chúng tôi ở Đà Nẵng trả phí dịch vụ cho công ty mẹ. Có được áp dụng Hiệp định Việt Nam - Singapore để "
     "giảm thuế nhà thầu tại Việt Nam không?", ["VN"]),
    ("บริษัทเราที่ภูเก็ตต้องหักภาษี ณ ที่จ่ายค่าสิทธิ ขอใช้อนุสัญญาภาษีซ้อนไทย-มาเลเซียได้ไหมครับ", ["TH"]),
])
def test_two_places_named_after_their_treaty_are_its_parties(description, expected):
    assert read("Withholding", description).jurisdictions == expected


def test_the_office_the_client_writes_from_is_its_seat_but_one_it_opens_is_the_matter():
    found = read("Device registration", "Writing from our APAC regional office in Singapore. We want to register "
                                        "our implant with the Thai FDA.")
    assert (found.jurisdictions, found.home_jurisdictions) == (["TH"], ["SG"])
    assert read("Office", "We plan to open our regional office in Singapore and need advice.").jurisdictions == ["SG"]


def test_a_step_for_a_later_day_is_not_asked_for():
    found = read("仲裁", "經銷合約約定香港國際仲裁中心仲裁，仲裁地為香港。想委任香港律師提起仲裁。日後如取得裁決，"
                       "可能需要到泰國聲請承認執行，但目前只需處理仲裁部分。")
    assert found.jurisdictions == ["HK"]


def test_investors_from_a_region_are_background():
    found = read("SFC licensing", "Our client will set up an asset manager in Hong Kong for investors from the "
                                  "Greater Bay Area and needs SFC Type 9 licences.")
    assert found.jurisdictions == ["HK"]


def test_each_item_of_a_numbered_ask_asks():
    found = read("Concession", "We are a developer from Kunming. We need (1) Lao counsel for the concession "
                               "agreement; (2) PRC counsel to handle our outbound investment filings.")
    assert found.jurisdictions == ["LA", "CN"]


def test_where_a_caller_is_now_is_its_seat_in_speech_without_stops():
    found = read("老公在清迈被抓", "我老公 他在泰国清迈那边 前天晚上被警察抓了 我们是湖南的 我现在人在长沙 "
                                 "能不能帮我们找个泰国的律师")
    assert (found.jurisdictions, found.home_jurisdictions) == (["TH"], ["CN"])


def test_a_licence_the_client_already_holds_after_a_greeting_is_its_standing():
    found = read("VATP", "Hi 我哋係 Singapore 嘅 digital asset trading platform，已經有 MAS 嘅 MPI licence。"
                         "而家想 expand 去香港，想問 apply SFC 嘅 VATP licence 要幾耐。")
    assert found.jurisdictions == ["HK"]


@pytest.mark.parametrize(("description", "expected"), [
    ("Chúng tôi muốn thành lập một công ty con tại Hồng Kông.", ["HK"]),
    ("Chúng tôi muốn mở văn phòng đại diện ở Áo Môn.", ["MO"]),
    ("Nhà máy của chúng tôi nhập hàng từ Phúc Kiến, cần luật sư Việt Nam.", ["VN"]),
    # Unmarked Vietnamese: "hai nam" is "two years", not Hainan.
    ("toi lam viec o Da Nang hai nam roi, can luat su", ["VN"]),
])
def test_vietnamese_names_of_the_regions_places(description, expected):
    assert read("Luật sư", description).jurisdictions == expected


def test_khmer_provinces_a_parent_company_and_the_arbitration_council():
    found = read("កម្មករធ្វើកូដកម្ម", "ខ្ញុំជាអ្នកគ្រប់គ្រងរោងចក្រកាត់ដេរមួយនៅខេត្តកំពង់ស្ពឺ។ ក្រុមហ៊ុនមេរបស់យើងនៅហុងកុង។ "
                                     "យើងត្រូវការមេធាវីដើម្បីតំណាងនៅក្រុមប្រឹក្សាអាជ្ញាកណ្តាល។")
    assert found.jurisdictions == ["KH"]
    assert found.practice_areas == ["employment"]


@pytest.mark.parametrize(("title", "description", "places", "area"), [
    ("Merger filing", "Merger of two cement producers in Vietnam and Thailand: are merger control filings "
                      "needed with the VCC and the TCCT?", ["VN", "TH"], "competition"),
    ("VCC", "Setting up a VCC in Singapore for a fund; the manager needs a CMS licence.", ["SG"],
     "capital-markets"),
])
def test_an_acronym_of_two_places_institutions_is_read_by_the_rest_of_the_text(title, description, places, area):
    found = read(title, description)
    assert found.jurisdictions == places
    assert area in found.practice_areas


@pytest.mark.parametrize(("description", "expected"), [
    ("我们计划在北棉兰老建设光伏电站，需要菲律宾能源律师。", ["PH"]),
    ("工厂在罗勇，想在春武里再租一块地。", ["TH"]),
    ("货从磨丁口岸出关后被扣了。", ["LA"]),
    ("我们在古晋和亚庇都有门店，想了解砂拉越的劳工法。", ["MY"]),
    ("我们在北宁省和同奈各有一家工厂。", ["VN"]),
])
def test_chinese_names_of_asean_places(description, expected):
    assert read("工厂", description).jurisdictions == expected


def test_an_option_given_up_takes_its_reasons_with_it():
    found = read("北宁设厂", "我们是佛山的一家陶瓷企业。去年考察过泰国罗勇府的工业园，后来因为电价和BOI配额问题放弃了。"
                           "现在确定在越南北宁省租地建厂。国内的ODI备案已经在广东办完了，这部分不需要再帮忙。"
                           "现在需要越南律师办投资登记证IRC。")
    assert found.jurisdictions == ["VN"]


def test_applying_for_something_is_not_asking():
    # 请 (please) inside 申请 (apply) asks for nothing.
    found = read("VATP", "我们是一家在香港成立的 crypto trading platform。"
                         "之前在新加坡申请 MAS licence 的计划已经 shelve 了。"
                         "打算向 SFC 申请 VATP licence，希望 lawyer 可以用普通话沟通。")
    assert found.jurisdictions == ["HK"]


@pytest.mark.parametrize(("description", "expected"), [
    ("本人係澳門居民。想搵內地律師追究逾期交樓違約金。唔使澳門律師，因為合同適用內地法律。", ["CN"]),
    ("We need a Vietnamese lawyer for the land lease; no need for Singapore counsel.", ["VN"]),
])
def test_a_lawyer_the_client_says_it_does_not_need(description, expected):
    assert read("Lawyer", description).jurisdictions == expected


def test_a_part_the_client_handles_itself_leaves_the_places_asked_for():
    found = read("Set up 新加坡 holdco", "我们是深圳宝安的跨境电商卖家，准备在 Singapore 设一个 holding "
                 "company，同时把 Hong Kong 那家旧公司 deregister 掉。需要 Singapore 公司设立和深圳的 ODI 备案。"
                 "HK 公司注销我们的 company secretary 自己会办。")
    assert sorted(found.jurisdictions) == ["CN", "SG"]


def test_another_partys_seat_and_shareholders_in_chinese():
    found = read("税务稽查", "我们是柬埔寨西哈努克港经济特区里的一家鞋厂，股东是一家香港公司。"
                           "柬埔寨税务总局最近来做税务稽查，重点查向香港股东分红的预提税。想找当地税务律师。")
    assert found.jurisdictions == ["KH"]


def test_where_a_khmer_company_is_is_its_seat():
    found = read("ប្តឹង", "ក្រុមហ៊ុនយើងខ្ញុំនៅភ្នំពេញ នាំចូលទំនិញពីប្រទេសចិន។ "
                         "យើងត្រូវការមេធាវីនៅប្រទេសចិន ដើម្បីប្តឹងទាមទារសំណង។")
    assert (found.jurisdictions, found.home_jurisdictions) == (["CN"], ["KH"])


def test_being_told_to_handle_it_ourselves_is_the_problem_not_a_part_handed_over():
    found = read("货被越南海关扣了", "货在谅山口岸被越南海关扣了，不给享受关税优惠。越南那边收货人说让我们自己处理。"
                                   "有没有越南律师可以帮忙跟海关沟通？")
    assert "trade-customs" in found.practice_areas
    assert found.jurisdictions == ["VN"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("ZH 廠結業", "我哋係珠海斗門一間港資 WFOE，做五金加工，HK 老闆決定年底前結業。想知經濟補償點計。", ["CN"]),
    ("葵涌貨櫃俾海關扣咗", "我哋係觀塘一間貿易公司。一個出口去越南嘅貨櫃喺葵涌俾海關扣咗，"
                          "話懷疑入面有戰略物品。", ["HK"]),
    ("旺角茶餐廳", "我哋喺旺角開咗二十幾年茶餐廳，而家想去新加坡開分店。另外想帶兩個香港師傅過去。", ["SG"]),
    ("HK doc opening clinic in Qianhai", "I'm a specialist practising in Central, HK-registered. Want to open a "
     "clinic in Qianhai with two partners (also HK doctors). Need a PRC lawyer for the clinic licensing.", ["CN"]),
    ("บริษัทของเราในบางนา กรุงเทพฯ", "เราเป็นโรงงานผลิตบรรจุภัณฑ์อาหารอยู่ที่บางนา กรุงเทพฯ "
     "สัญญากำหนดอนุญาโตตุลาการที่ SCIA เราต้องการทนายความจีนที่เคยทำคดีที่ SCIA", ["CN"]),
])
def test_the_clients_people_and_places_in_cantonese_english_and_thai(title, description, expected):
    assert read(title, description).jurisdictions == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("公司在深水埗", ["HK"]), ("公司在黑沙環", ["MO"]), ("工厂在顺德", ["CN"]), ("公司在旺角", ["HK"]),
])
def test_districts_named_last_after_a_locative(description, expected):
    assert read("地址", description).jurisdictions == expected


@pytest.mark.parametrize(("title", "description", "lists", "expected"), [
    ("Halal food held at Nansha", "Writing from our head office in Bayan Lepas, Penang. Our containers have been "
     "held by customs at Nansha. We need a PRC customs lawyer.", {"jurisdictions": ["Pulau Pinang"]}, ["CN"]),
    ("想喺橫琴同澳門伙伴合資開門診部", "我哋係香港一間醫療集團（總部喺中環），打算喺橫琴合資開一間門診部，"
     "派香港醫生過去執業。需要內地律師幫手睇合資協議。", {}, ["CN"]),
    ("WFOE di 深圳前海", "Hi, saya dari syarikat trading di KL (Sdn Bhd), 我们 boss 想在深圳前海 set up 一个 WFOE。",
     {"jurisdictions": ["KL"]}, ["CN"]),
    ("SIAC 仲裁", "协议约定争议提交新加坡国际仲裁中心仲裁，仲裁地为新加坡。请推荐新加坡律师团队。"
     "至于是否向印尼法院申请保全措施，暂不考虑，以后再说。", {"jurisdictions": ["Indonesia"]}, ["SG"]),
])
def test_the_clients_plant_its_partners_doctors_and_a_step_not_considered_for_now(title, description, lists,
                                                                                  expected):
    assert read(title, description, **lists).jurisdictions == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("We signed an LOI to buy 49% of Siam Eastern Freight Co., Ltd. and need a Foreign Business Licence. We had "
     "also looked at a target in Hai Phong, Vietnam but that is on hold.", ["TH"]),
    ("想在吉隆坡买一套二手公寓，想了解州政府批准和以后出售时的房产利得税（RPGT）。", ["MY"]),
    ("Uncle want to set up a single family office di Singapore. Also need Malaysian lawyer buat wills for the "
     "槟城 shophouses.", ["SG", "MY"]),
    ("我哋係澳門一間 construction company，想 hire 30 個菲律賓 workers。Agency 喺 Manila 嗰邊會搞 DMW 嘅手續。"
     "想搵澳門律師幫手 apply quota。", ["MO"]),
])
def test_a_target_on_hold_a_tax_by_its_chinese_name_a_family_office_and_an_agencys_part(description, expected):
    assert sorted(read("Advice", description).jurisdictions) == sorted(expected)


@pytest.mark.parametrize(("description", "counsel"), [
    ("We need a Singapore employment lawyer for the dismissal.", ["SG"]),
    ("Please find us Hong Kong tax counsel for the offshore claim.", ["HK"]),
    ("Our Singapore tax lawyer says the claim is weak.", []),
])
def test_a_lawyer_named_with_its_field_is_still_wanted_in_its_place(description, counsel):
    assert sorted(read_prose(description).counsel_jurisdictions) == counsel


@pytest.mark.parametrize(("description", "expected"), [
    ("我们是昆明的一家建材企业，计划在迪拉瓦经济特区（Thilawa SEZ）租地建厂。需要当地律师办理投资许可和土地租赁；"
     "同时国内需要做发改委、商务部的ODI备案。", {"MM", "CN"}),
    ("We are a Hong Kong trader. Our buyer in Phnom Penh owes us USD 96,000. Need a lawyer there to send a demand.",
     {"KH"}),
])
def test_a_lawyer_asked_for_there_is_wanted_in_the_one_place_named_before(description, expected):
    assert set(resolve_request("Lawyer there", description).jurisdictions) == expected


def test_a_lawyer_there_after_several_places_or_already_instructed_points_nowhere():
    resolved = resolve_request("ODI", "我们在泰国春武里有一家子公司。泰国那边的增资登记已经由当地律师在办。"
                                      "国内这边需要律师协助办理发改委备案和外汇登记。")
    assert resolved.jurisdictions == ["CN"]


@pytest.mark.parametrize(("description", "expected"), [
    # The items of a list under a heading that asks: each lawyer named there is asked for.
    ("兹有我司与马尼拉一家供应商发生货款纠纷。现委托：\n一、菲律宾律师发出律师函；\n二、香港律师审阅担保文件。",
     ["HK", "PH"]),
    ("We need:\n1. Vietnam counsel to review the lease;\n2. Singapore counsel for the guarantee.", ["SG", "VN"]),
])
def test_lawyers_named_in_a_list_under_an_asking_heading_are_asked_for(description, expected):
    assert sorted(read("Request", description).jurisdictions) == expected


def test_a_list_under_a_heading_that_tells_asks_nothing():
    text = "背景：\n一、香港律师曾经审阅合同。\n现委托：\n一、新加坡律师起草协议。"
    assert not in_asked_list(text, text.index("香港")) and in_asked_list(text, text.index("新加坡"))
