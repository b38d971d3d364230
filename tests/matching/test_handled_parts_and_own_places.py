"""Parts of a matter that are done, decided or in other hands, and places that are the client's own or its
people's: none of them is where the client asks for work."""

import pytest

from legalnet.matching.resolver import resolve_request


def read(title: str, description: str, **lists):
    """The resolution of a request."""
    return resolve_request(title, description, **lists)


def test_the_seat_of_an_award_already_made_is_where_the_case_was():
    found = read("Enforcing SIAC award in HCMC", "We are headquartered in Jurong, Singapore. In March an SIAC "
                 "tribunal (seat Singapore) awarded us USD 1.46m against our former customer. We need counsel to "
                 "apply to the People's Court of Ho Chi Minh City for recognition and enforcement.")
    assert found.jurisdictions == ["VN"]
    assert found.practice_areas == ["arbitration", "litigation"]


@pytest.mark.parametrize(("title", "description", "listed", "expected"), [
    # A part the client says needs no work, or no lawyer there, or that it knows how to do itself.
    ("前海支付公司申请新加坡牌照", "我们公司注册在深圳前海，计划在新加坡设立子公司并申请"
     "主要支付机构牌照。另外我们香港子公司已经有MSO牌照，不需要处理。", [], ["SG"]),
    ("越南买家拖欠货款", "我们是深圳的出口企业，货物运到胡志明市，买方拒付尾款。"
     "合同约定香港国际仲裁中心仲裁，想尽快在香港启动仲裁。目前不需要越南律师。", ["深圳", "越南"], ["HK"]),
    ("澳門藥房供藥去橫琴", "我哋係澳門嘅藥房。橫琴一間醫院想我哋供藥，想知道要向內地邊個部門申請。"
     "澳門藥物監督管理局嗰邊嘅出口手續我哋自己識做。", [], ["CN"]),
])
def test_a_part_needing_no_work_or_done_by_the_client_asks_for_nothing(title, description, listed, expected):
    assert read(title, description, jurisdictions=listed).jurisdictions == expected


def test_asking_whether_a_lawyer_is_needed_there_still_asks():
    found = read("离婚", "我想在深圳法院起诉离婚。香港那套房子能不能分？需不需要另外在香港请律师？")
    assert set(found.jurisdictions) == {"CN", "HK"}


def test_a_part_handled_by_others_asks_for_nothing_there():
    found = read("Data breach", "We are a BPO company in Pasig handling claims for Merlion Health Plans Pte. Ltd. "
                 "in Singapore. Our NPC notification here in the Philippines is being handled by our in-house DPO, "
                 "so we only need Singapore counsel on the PDPC notification.")
    assert found.jurisdictions == ["SG"]
    found = read("Acquisition", "We propose to acquire 70% of a Thai packaging company and need Thai counsel for "
                 "the due diligence. The Listing Rules aspects are being handled by our Hong Kong counsel and are "
                 "outside this instruction.")
    assert found.jurisdictions == ["TH"]


@pytest.mark.parametrize("description", [
    "我们在泰国的工厂被起诉，当地律师在处理。另外我们想在越南注册商标。",
    "We have a dispute in Thailand and the lawyers there told us to settle. Now we need a trademark filed in Vietnam.",
])
def test_a_part_a_lawyer_there_already_works_on_asks_for_nothing_there(description):
    assert read("Request", description).jurisdictions == ["VN"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("东莞家具厂去泰国罗勇设厂", "我们是东莞厚街的一家家具出口企业，准备在泰国罗勇府设立子公司建厂，"
                         "需要泰国律师。", ["TH"]),
    ("澳門公司去海防設廠", "本公司係澳門註冊嘅貿易公司，打算喺越南海防設立一間外資企業。", ["VN"]),
    # A title place that is the object of the matter stays, though the client comes from there.
    ("香港 trust + 新加坡 bank account", "我係香港人，有個公司喺新加坡開咗戶口，想設立香港 trust。", ["HK", "SG"]),
])
def test_a_title_naming_the_clients_company_by_its_seat(title, description, expected):
    assert read(title, description).jurisdictions == expected


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("လျော်ကြေး", "ကျွန်တော်က မြန်မာအလုပ်သမားပါ။ ထိုင်းနိုင်ငံ မဲဆောက်မြို့က စက်ရုံမှာ အလုပ်လုပ်နေပါတယ်။", ["TH"]),
    ("退休", "我同太太住喺氹仔。想喺泰國清邁立一份遺囑，將個 condo 留俾喺澳門嘅個仔。", ["TH"]),
    ("Sdn Bhd", "我们是三个在 KL 的朋友，想注册 Sdn Bhd。其中一个 partner 是 Singapore PR，平时住在新加坡。", ["MY"]),
    ("供应商违约", "我们在广东深圳的供应商违约了，我们在越南的工厂需要律师。", ["VN"]),
])
def test_people_and_their_homes_are_not_the_matter(title, description, expected):
    assert read(title, description).jurisdictions == expected


def test_where_a_malay_writer_lives_is_its_seat_and_a_form_naming_it_gives_way():
    found = read("Dibuang kerja", "Saya warganegara Malaysia, tinggal di Skudai, Johor Bahru dan berulang-alik ke "
                 "Singapura. Saya mahu membuat tuntutan di Tribunal Tuntutan Pekerjaan Singapura.",
                 jurisdictions=["Johor"])
    assert (found.jurisdictions, found.home_jurisdictions) == (["SG"], ["MY"])


def test_a_client_living_in_a_city_of_a_province_is_seated_there():
    found = read("氹仔二手房买卖", "本人住在珠海横琴，想在澳门氹仔买一套二手住宅。")
    assert (found.jurisdictions, found.home_jurisdictions) == (["MO"], ["CN"])


def test_a_descriptor_ends_where_the_client_starts_doing_something():
    found = read("Hiring in HCMC and Manila", "We are a Singapore payments startup opening small teams in Ho Chi "
                                              "Minh City and Manila. Need local employment contracts.")
    assert (found.jurisdictions, found.home_jurisdictions) == (["VN", "PH"], ["SG"])


def test_languages_someone_does_not_speak_are_no_request_the_whole_list():
    found = read("Job offer", "I don't speak Cantonese or Portuguese, so I need a lawyer in Macau who works in "
                              "English.")
    assert found.languages == ["en"]
    found = read("Helper", "My father speaks little English, Mandarin or Cantonese lawyer please.")
    assert "en" not in found.languages


def test_a_short_name_inside_a_longer_one_is_not_read_alone():
    # 新 is Singapore in 新马, but in 住在新加坡 it only begins the full name.
    found = read("Kiosk", "我们在 KL 开店，想注册 Sdn Bhd。一个 partner 平时住在新加坡。")
    assert found.jurisdictions == ["MY"]


@pytest.mark.parametrize(("description", "expected", "left_out"), [
    ("A former team leader filed a complaint for illegal dismissal at the NLRC Regional Arbitration Branch III. "
     "We need counsel for the mandatory conference.", ["employment"], "arbitration"),
    # A commercial arbitration beside a labour claim keeps its own area.
    ("Our ex-CEO filed a labour arbitration case (劳动仲裁) and we also started HKIAC arbitration against his "
     "holding company under the share purchase agreement.", None, None),
])
def test_a_labour_forum_calling_itself_arbitration_is_employment_work(description, expected, left_out):
    found = read("Dismissal", description)
    if expected is None:
        assert {"employment", "arbitration"} <= set(found.practice_areas)
    else:
        assert found.practice_areas == expected
        assert left_out in found.also_mentioned


@pytest.mark.parametrize(("description", "expected"), [
    ("He is more comfortable in Cantonese, if the lawyer speaks Cantonese that would be best, English is ok too.",
     ["yue"]),
    ("Kami lebih suka pengacara yang bisa berbahasa Inggris karena tim kami tidak bisa berbahasa Mandarin.", ["en"]),
])
def test_a_fallback_language_and_one_not_spoken_are_no_request(description, expected):
    assert read("Lawyer", description).languages == expected


def test_a_word_with_another_sense_beside_a_contract_of_another_area():
    found = read("VIAC arbitration", "We are a design-and-build contractor. The employer has withheld the final "
                 "payment and the retention for the factory we built; we will start VIAC arbitration.")
    assert "employment" not in found.practice_areas
    found = read("Dismissal", "Our employer dismissed me without notice and has not paid my salary.")
    assert "employment" in found.practice_areas


@pytest.mark.parametrize("description", [
    "We run a QR payment app in Penang and need approval from Bank Negara Malaysia as an e-money issuer.",
    "Chúng tôi cần xin giấy phép ví điện tử từ Ngân hàng Nhà nước.",
])
def test_a_central_bank_beside_a_payment_licence_is_a_fintech_regulator(description):
    found = read("Licence", description)
    assert "fintech" in found.practice_areas
    assert "banking-finance" not in found.practice_areas


def test_a_tenant_who_overstays_a_lease_is_no_visa_matter():
    found = read("Lease template", "Please update our villa lease: the deposit, late rent and what happens if a tenant "
                 "overstays at the end of the lease.")
    assert "real-estate" in found.practice_areas and "immigration" not in found.practice_areas
    assert "immigration" in read("Visa", "My helper overstayed her visa by two weeks.").practice_areas


def test_tax_made_up_on_goods_held_at_customs_is_customs_work():
    found = read("货被海关扣了", "我们的光伏支架到了越南口岸被海关扣下，说原产地证有问题，"
                 "要按普通税率补税，还可能罚款。")
    assert found.practice_areas == ["trade-customs"]


def test_the_clients_tax_agent_handling_a_part_asks_for_nothing_there():
    found = read("SSM compound", "Our Sdn Bhd never filed annual returns with SSM and now got a compound. LHDN also "
                 "got some outstanding but that one our tax agent handling, no need. Want to settle the SSM thing.")
    assert "tax" not in found.practice_areas


def test_a_licence_held_already_is_the_clients_status_not_the_matter():
    found = read("SG VCC", "HK asset manager, office in Central, SFC Type 9 already. Want to set up a Singapore VCC "
                 "and a MAS-licensed fund management company. Need timeline and capital.")
    assert found.jurisdictions == ["SG"]


def test_oilfield_services_are_energy_work_though_they_are_the_clients_line():
    found = read("Unpaid invoices", "Oilfield services co. based in KL. Belait Petroleum Services Sdn Bhd owes us BND "
                 "1.46m on five invoices for well-intervention work near Kuala Belait.")
    assert "energy" in found.practice_areas


@pytest.mark.parametrize("description", [
    "Saya PRT di Singapura. Majikan mau pulangkan saya, saya mau transfer ke majikan baru saja.",
    "港籍员工派驻前海，是否还需要办就业证？",
])
def test_a_change_of_employer_or_a_work_permit_in_local_words_is_immigration(description):
    assert "immigration" in read("Question", description).practice_areas


@pytest.mark.parametrize("description", [
    "我哋係中環一間資產管理公司，今朝收到證監會s.183通知要交文件。",
    "Our client received a section 63 notice from the CCCS requiring documents on port haulage tenders.",
])
def test_a_regulators_demand_for_documents_is_an_investigation(description):
    assert "compliance-investigations" in read("Notice", description).practice_areas


def test_an_acronym_typed_in_the_form_is_read_by_the_places_of_the_request():
    found = read("SG VCC", "HK asset manager. Want to set up a Singapore umbrella fund and a MAS-licensed fund "
                 "management company.", practice_areas=["VCC"])
    assert "capital-markets" in found.practice_areas and "competition" not in found.practice_areas
    found = read("Hà Nội", "Công ty chúng tôi ở Hà Nội nhận công văn của Ủy ban Cạnh tranh Quốc gia.",
                 practice_areas=["VCC"])
    assert "competition" in found.practice_areas and "capital-markets" not in found.practice_areas


def test_a_will_in_taglish_is_private_client_work():
    assert "private-client" in read("Will", "Gusto ko pong gumawa ng will para sa bahay at lupa namin.").practice_areas


def test_a_central_bank_beside_a_loan_is_still_banking_work():
    found = read("Licence", "Our e-wallet company wants a syndicated loan and asks whether Bank Negara must approve "
                 "the facility.")
    assert "banking-finance" in found.practice_areas


def test_what_the_client_handles_itself_names_no_work():
    found = read("收購 Lotus Pharma 70%", "Hi all, 我哋係一間香港上市嘅醫療集團 (HKEX main board)。We've signed an LOI "
                 "to acquire 70% of Lotus Pharma Holdings Pte. Ltd., a Singapore holdco. 需要 Singapore counsel 做 "
                 "SPA 同 due diligence。HKEX announcement 我哋自己 in-house 處理。")
    assert "capital-markets" not in found.practice_areas
    assert "HK" in found.home_jurisdictions


def test_the_arm_of_a_group_describes_the_client():
    found = read("SVF licence", "We are the Hong Kong arm (incorporated 2024, office at Cyberport) of a Malaysian "
                                "e-wallet group. We intend to apply for a Stored Value Facility licence with the HKMA.")
    assert found.jurisdictions == ["HK"]
    assert "MY" not in found.jurisdictions


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("阿爸喺澳門過身", "佢留低咗氹仔一個住宅單位，仲有香港嘅銀行戶口同埋一啲港股。"
                    "想問兩邊分別要點樣辦理遺產手續。",
     ["MO", "HK"]),
    ("由新加坡搬嚟香港做嘢", "我係馬來西亞人，喺新加坡做咗五年數據分析，而家有間香港銀行想請我。"
                        "想問應該申請邊種簽證？", ["HK"]),
    ("澳門居民喺橫琴買樓", "我哋一家住喺氹仔，睇中咗橫琴一個新樓盤，想搵律師幫手睇合同。", ["CN"]),
    ("IIT", "我係香港 resident，今年喺深圳前海做 consultant。想问 IIT 要点报、可唔可以用大湾区个税补贴，同埋香港 "
            "salaries tax 仲使唔使交。", ["CN", "HK"]),
])
def test_places_of_a_cantonese_writers_life_and_the_region_it_names(title, description, expected):
    assert read(title, description).jurisdictions == expected


def test_the_province_after_the_clients_own_town_is_its_seat():
    found = read("Unpaid invoices", "We are an oilfield services company based in Miri, Sarawak. Seria "
                 "Petroservices Sdn Bhd has not paid us. We need a Brunei lawyer to sue.", jurisdictions=["Miri"])
    assert (found.jurisdictions, found.home_jurisdictions) == (["BN"], ["MY"])


@pytest.mark.parametrize(("description", "expected"), [
    ("ต้องการทนายความคดีอาญาในกัมพูชาที่พูดภาษาอังกฤษได้ เพราะพวกเราไม่พูดภาษาเขมร", ["en"]),
    ("Sana po abogadong nagsasalita ng Tagalog kasi hindi kami magaling mag-Ingles.", ["fil"]),
    ("Saya tak fasih Mandarin; cari peguam yang boleh berbahasa Melayu atau Inggeris.", ["ms", "en"]),
    # Chat forms: "tak reti cakap Thai", "普通話都唔多識", Vietnamese cues without their marks.
    ("Kalau boleh nak peguam yg boleh cakap Melayu sbb sy tak reti cakap Thai", ["ms"]),
    ("阿爸只識講廣東話 普通話都唔多識 想即刻搵澳門律師", ["yue"]),
    ("Can ls biet tieng Trung de lam viec voi ben do", ["zh"]),
    # A Thai negation after a list covers the whole list; a Thai cue of many letters still counts.
    ("ขอทนายที่สื่อสารเป็นภาษาอังกฤษได้ เพราะดิฉันพูดภาษาจีนกวางตุ้งและภาษาโปรตุเกสไม่ได้", ["en"]),
    # The language someone is less comfortable in, and a team's so-so English.
    ("Mama is more comfortable in Mandarin than in English, so a Mandarin-speaking solicitor would help.", ["zh"]),
    ("律师最好能用中文沟通，我们技术团队英语一般。", ["zh"]),
    # The language of an arbitration clause or of a contract is no request.
    ("The agreement says VIAC arbitration, seat HCMC, language English. Need VN counsel.", []),
    ("สัญญาทำเป็นภาษาอังกฤษและภาษาจีน เราต้องการทนายความจีน", []),
    # A Mandarin that is "not so good", or Vietnamese "không nói"; a Thai request for a lawyer with "some" English.
    ("ขอทนายที่พูดภาษาอังกฤษได้บ้าง", ["en"]),
    ("想搵澳門律師幫手辦，最好識講廣東話，因為我哋普通話唔係好掂。", ["yue"]),
    ("Xin giới thiệu luật sư nói tiếng Anh vì chúng tôi không nói tiếng Thái.", ["en"]),
])
def test_a_language_not_spoken_in_thai_tagalog_and_malay_is_no_request(description, expected):
    assert read("Lawyer", description).languages == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("Our staff are mostly Mandarin speakers; we need HR advice in Singapore.", []),
    ("Documents are all in Chinese, will need translation.", []),
    ("Our website is in Bahasa Malaysia and English; need advice on the consumer law.", []),
    ("我们的员工大多讲普通话，需要新加坡劳动法咨询。", []),
    ("希望律师团队里有会讲中文的，方便沟通。", ["zh"]),
    ("We need a Mandarin speaking lawyer.", ["zh"]),
    ("Chúng tôi sẽ gửi hợp đồng bằng tiếng Anh cho luật sư ở Singapore để rà soát.", []),
    ("Khách hàng Singapore nợ tiền hàng. Xin luật sư gửi tư vấn bằng tiếng Việt.", ["vi"]),
])
def test_languages_people_speak_and_documents_are_in_are_no_request(description, expected):
    assert read("Advice", description).languages == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("We need VN counsel to review the SPA, which will be bilingual Vietnamese/English.", []),
    ("SPA drafts come in English and BM; we need a lawyer in KL.", []),
    ("Toàn bộ hồ sơ thanh tra đều bằng tiếng Việt, cần luật sư thuế.", []),
    ("警察让他签一份泰文的文件，他看不懂。请帮我们找一位会说中文的泰国律师。", ["zh"]),
    ("I can speak English and Tagalog po, and a little Malay. Please help me get my salary.", []),
    ("My Putonghua is ok so I can attend the meetings myself.", []),
    ("Apakah saya bisa kasih kuasa ke pengacara di Indonesia dari Singapura?", []),
])
def test_languages_of_documents_and_of_the_clients_own_abilities_are_no_request(description, expected):
    assert read("Lawyer", description).languages == expected


@pytest.mark.parametrize(("title", "description", "lists", "expected"), [
    ("Breach notifications", "We are the Singapore regional HQ. We need local counsel for the notifications in "
     "Malaysia and Thailand. The Singapore notification has been made by us in-house, so please do not include "
     "Singapore in scope.", {}, ["MY", "TH"]),
    ("港交所上市", "我哋係一間總部喺新加坡嘅集團。想搵香港律師做上市。"
     "新加坡同馬來西亞嘅附屬公司盡職調查會由當地律師另外處理，唔使包。", {}, ["HK"]),
    ("Device registration", "We plan to launch in Thailand and Malaysia and need regulatory counsel. Indonesia is on "
     "the roadmap for 2028 - do not scope it now.", {"jurisdictions": ["Thailand", "Malaysia", "Indonesia"]},
     ["TH", "MY"]),
    ("Police interview", "Hello po, ako po ay isang FDW dito sa Singapore, 4 na taon na sa employer ko sa Bukit "
     "Timah. Tumawag sila ng pulis. Ang pamilya ko nasa Iloilo. Kailangan ko po ba ng abogado?",
     {"jurisdictions": ["Philippines"]}, ["SG"]),
    ("Gạo", "Công ty chúng tôi là doanh nghiệp xuất khẩu gạo tại Cần Thơ. Chúng tôi đã cân nhắc kiện ra tòa ở "
     "Manila nhưng hợp đồng quy định giải quyết tranh chấp tại VIAC, địa điểm trọng tài tại TP. Hồ Chí Minh.",
     {"jurisdictions": ["Cần Thơ"]}, ["VN"]),
])
def test_scope_left_out_plans_put_off_and_the_forum_in_a_story(title, description, lists, expected):
    assert read(title, description, **lists).jurisdictions == expected


def test_where_board_members_or_staff_are_is_where_people_are():
    found = read("港交所上市", "我哋係一間總部喺新加坡嘅集團，想搵香港律師做上市。因為董事會成員大部分喺新加坡，"
                             "所以希望律師團隊嘅工作語言係英文。")
    assert found.jurisdictions == ["HK"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Cebu BPO office", "我们HK company 想在 Cebu 开一个 BPO office。还有 customer data 会从 Philippines 传回 HK，"
     "Data Privacy Act 要注意什么？", ["PH"]),
    ("ลงทุนโซลาร์ฟาร์มในกัมพูชา", "บริษัทของเรา (สำนักงานใหญ่กรุงเทพฯ) จะร่วมลงทุนโซลาร์ฟาร์มที่จังหวัดกำปงชนังของกัมพูชา "
     "ต้องการทนายช่วยตรวจสัญญา", ["KH"]),
])
def test_data_sent_back_home_and_a_head_office_in_brackets(title, description, expected):
    assert read(title, description).jurisdictions == expected


def test_a_language_after_a_question_about_a_will_is_still_asked_for():
    found = read("遺產", "請問馬來西亞要怎麼辦理遺囑認證？希望律師能用華語溝通。")
    assert found.languages == ["zh"]


def test_a_part_the_text_says_local_lawyers_already_handle_outweighs_the_form():
    found = read("对泰国子公司增资 — ODI备案",
                 "我们是重庆的一家汽车零部件集团，在泰国春武里有一家全资子公司。泰国那边的BOI变更和增资登记已经由当地律师在办。"
                 "国内这边需要律师协助办理发改委备案和外汇登记。", jurisdictions=["泰国"])
    assert found.jurisdictions == ["CN"]


@pytest.mark.parametrize(("title", "description"), [
    # The client's own company investing, and the lawyers it already has there.
    ("橫琴開分店", "而家想喺橫琴粵澳深度合作區開兩間分店，打算由澳門公司100%出資設立一間公司。"
                  "我哋喺澳門有自己律師，但佢哋唔做內地業務，所以想搵內地律師。"),
    ("橫琴開分店", "我哋想去橫琴開分店。想問：以澳門公司名義投資要點註冊？"),
])
def test_the_clients_investing_company_and_its_own_lawyers_are_not_the_matter(title, description):
    assert read(title, description).jurisdictions == ["CN"]


@pytest.mark.parametrize(("title", "description"), [
    # Where the client already has its outlets; its own company, whatever is said of it next.
    ("開分店", "我哋喺氹仔同南灣都有分店，下個月喺橫琴開新店，租約要請律師睇。"),
    ("開分店", "我哋想喺橫琴開分店。我哋嘅澳門公司文件（商業登記證明）係葡文，唔知要唔要翻譯。"),
])
def test_the_clients_outlets_and_its_own_company_in_cantonese_are_not_the_matter(title, description):
    assert read(title, description).jurisdictions == ["CN"]


@pytest.mark.parametrize("description", [
    "We need:\n1. Singapore counsel for the subscription agreement;\n2. Malaysian counsel to review the land title.",
    "We need: 1. Singapore counsel for the subscription agreement; 2. Malaysian counsel to review the land title.",
])
def test_the_items_of_a_list_an_ask_opens_are_asked_for(description):
    assert sorted(read("Co-investment in Johor data centre via Singapore holdco", description).jurisdictions) == [
        "MY", "SG"]


@pytest.mark.parametrize(("description", "expected"), [
    ("We have 30 outlets in Thailand, and we need to register our trademark in Hong Kong.", ["HK"]),
    ("Kami mempunyai 12 cawangan di Malaysia, dan kami perlu peguam untuk membuka cawangan di Singapura.", ["SG"]),
    ("Chúng tôi có 5 cửa hàng ở Hà Nội, cần luật sư để mở chi nhánh tại Singapore.", ["SG"]),
    # Thai: a space ends a clause, the writer is left out before มี, a place after อาหาร is a cuisine.
    ("เราเป็นเครือร้านอาหารไทยจากเชียงใหม่ มีสาขา 30 แห่งในประเทศไทย ต้องการจดทะเบียนเครื่องหมายการค้าในฮ่องกง", ["HK"]),
])
def test_where_the_client_already_has_outlets_is_not_the_matter(description, expected):
    assert read("Trademark and expansion", description).jurisdictions == expected


@pytest.mark.parametrize(("title", "description", "expected"), [
    # What the client says it does not want to do asks for nothing there; goods come from a place.
    ("Shipment held", "Our shipment from Guangzhou was held by the Bureau of Customs at the Port of Manila. "
                      "We do not want to sue in China, only here.", ["PH"]),
    ("Na-hold ng BOC", "Yung shipment ko galing Guangzhou ay na-hold ng Bureau of Customs sa Port of Manila. "
                       "Ayoko na po magkaso sa China, dito lang po.", ["PH"]),
    ("货物被扣", "我们在马尼拉的货被菲律宾海关扣了。我们不想在中国起诉供应商，只想把货拿回来。", ["PH"]),
    # Tagalog taga-: the writer's home with "ako", a spouse's otherwise.
    ("Sustento", "Taga-Mandaue City, Cebu po ako. Kasal po kami ng asawa kong taga-Hong Kong na si Chan Ka Ho. "
                 "Gusto ko pong mag-file ng kaso dito sa Family Court.", ["PH"]),
    # Thai: where the writer runs a business, past a district; Burmese: where the family lives.
    ("ลูกค้าค้างชำระ", "ผมทำธุรกิจส่งออกผลไม้อบแห้งอยู่ที่เยาวราช กรุงเทพฯ ลูกค้าอยู่ย่านมงก๊ก ฮ่องกง "
                      "อยากฟ้องเรียกเงินที่ฮ่องกงครับ", ["HK"]),
    ("အလုပ်ပါမစ်", "ကျွန်တော်သည် မလေးရှားနိုင်ငံ ပီနန်ရှိ စက်ရုံတွင် အလုပ်လုပ်ပါသည်။ ကျွန်တော့်မိသားစုက မန္တလေးမှာ နေပါသည်။ "
                  "ရှေ့နေ လိုအပ်ပါသည်။", ["MY"]),
    # Khmer: goods imported from a place.
    ("គយ", "ក្រុមហ៊ុនរបស់ខ្ញុំនាំចូលសម្ភារៈពីវៀតណាម។ ឡានត្រូវបានគយកម្ពុជាឃាត់ទុក។ ត្រូវការមេធាវីជំនាញគយ។", ["KH"]),
])
def test_refusals_origins_and_where_writers_and_their_families_live_in_asean_languages(title, description, expected):
    assert read(title, description).jurisdictions == expected


def test_a_language_a_thai_writer_hardly_speaks_is_no_request():
    found = read("ฟ้องที่ฮ่องกง", "อยากฟ้องเรียกเงินที่ฮ่องกงครับ ผมพูดภาษาอังกฤษไม่ค่อยได้ แต่พูดจีนกลางได้ ขอทนายที่พูดจีนกลางครับ")
    assert found.languages == ["zh"]


def test_a_name_of_a_language_someone_cannot_speak_is_no_place():
    found = read("มรดกที่ฮ่องกง", "ดิฉันอยู่ที่อุดรธานี สามีเป็นคนฮ่องกง มีบัญชีธนาคารที่ฮ่องกง "
                 "อยากขอเป็นผู้จัดการมรดกที่ฮ่องกง ดิฉันพูดจีนไม่ได้เลย ขอทนายที่คุยภาษาอังกฤษได้ค่ะ")
    assert (found.jurisdictions, found.languages) == (["HK"], ["en"])


@pytest.mark.parametrize(("title", "description", "expected"), [
    # A small border town at its border gate; the goods' origin across the border is background.
    ("Hang bi hai quan giu", "Toi buon quan ao o Ha Noi. Lo hang lay tu Dong Hung ve qua cua khau Mong Cai bi hai quan "
                             "tam giu. Can luat su gap.", ["VN"]),
    # An arbitration seated where its institution is, written in Malay, beside help asked for elsewhere.
    ("Pembeli tak bayar", "Kontrak menyatakan timbang tara di AIAC, Kuala Lumpur. Kami nak mulakan timbang tara, dan "
                          "juga perlukan peguam di Guangzhou untuk pembekuan aset.", ["MY", "CN"]),
])
def test_a_border_gate_and_an_arbitral_seat_name_the_place(title, description, expected):
    assert sorted(read(title, description).jurisdictions) == sorted(expected)


@pytest.mark.parametrize(("title", "description", "expected"), [
    # Asking for something "here" asks about the client's own place.
    ("Father injured at Bali resort", "My father slipped at a resort in Seminyak, Bali. Our travel insurer refuses "
                                      "the claim. We live in Singapore. Can we claim against the resort in Indonesia "
                                      "and challenge the insurer here?", ["ID", "SG"]),
    ("Moratorium", "We considered a Singapore moratorium but our lawyers say it won't help here. Need Indonesian "
                   "counsel to file our claim in Jakarta.", ["ID"]),
    # Parts the client says need no help.
    ("VN distributor termination", "We're a Singapore SME. Need Vietnam counsel to terminate our distribution "
                                   "agreement.\n- NOT needed: SG side, our in-house handles that", ["VN"]),
    ("Closure of Dongguan factory", "We plan to close our Dongguan factory. Need PRC counsel for the layoffs. The new "
                                    "Vietnam plant is already up and running, no help needed there.", ["CN"]),
])
def test_here_and_parts_needing_no_help(title, description, expected):
    assert sorted(read(title, description).jurisdictions) == sorted(expected)


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Exit from Myanmar JV", "Our Singapore company holds 35% of a JV in Yangon. We need Myanmar counsel for the "
                             "share transfer and DICA filings. No SG advice needed.", ["MM"]),
    ("ODI + acquisition", "We need PRC counsel for the ODI filings and Indonesian counsel for the acquisition. The SPA "
                          "is governed by Singapore law, but for now we don't need SG advice.", ["CN", "ID"]),
])
def test_a_place_the_client_needs_no_advice_in_asks_for_nothing(title, description, expected):
    assert sorted(read(title, description).jurisdictions) == sorted(expected)


def test_a_pre_sale_contract_for_a_flat_is_real_estate():
    found = read("Buying flat in Hengqin", "I want to buy an apartment in Hengqin. I need a lawyer to review the "
                 "pre-sale contract and help with registration.")
    assert found.practice_areas == ["real-estate"]


def test_a_part_covered_in_house_goes_though_only_a_statute_names_the_other_place():
    found = read("PIPL export of HR data", "Our Shenzhen subsidiary needs to send HR records to our HK headquarters. "
                 "I understand we need a CAC security assessment or the PIPL standard contract filing. Which route "
                 "applies to us? The HK PDPO side is already covered by our in-house team.")
    assert found.jurisdictions == ["CN"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    # Where the writer or its family is: 我人在佛山, 我们家在杭州, 我们家在福建泉州.
    ("泰厂工人罢工", "我们在罗勇工业园有个厂，工人今天开始罢工。"
                    "我人在佛山过不去，需要泰国劳动法律师马上介入。", ["TH"]),
    ("新加坡家族办公室", "我们家在杭州做纺织出口，想在新加坡设一个单一家族办公室，请推荐律所。", ["SG"]),
    ("家人被拘留", "我弟弟在柬埔寨西哈努克港被警察带走。我们家在福建泉州，需要当地刑事律师。", ["KH"]),
    # A server in a place is another party's thing.
    ("Customer data", "我哋係一間香港e-commerce platform，"
                      "想將customer data transfer返香港嘅server處理，要check泰國PDPA。", ["TH"]),
])
def test_where_a_chinese_writer_or_family_is_and_a_server_are_not_the_matter(title, description, expected):
    assert read(title, description).jurisdictions == expected


def test_headquarters_the_client_sets_up_are_the_matter():
    found = read("Regional HQ", "We are a HK software company and want to set up our regional headquarters in "
                 "Singapore.")
    assert (found.jurisdictions, found.home_jurisdictions, found.practice_areas) == (
        ["SG"], ["HK"], ["foreign-investment"])


def test_a_dispute_another_adviser_is_handling_names_no_work():
    found = read("Contractor abandoned site", "Our main contractor abandoned the site in Bekasi and we want to "
                 "call the performance bond and start BANI arbitration. Separately we have a VAT dispute with DJP, "
                 "but our tax consultant is handling that.")
    assert "tax" not in found.practice_areas


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Dissolution of Macau subsidiary", "We'll handle the HK side ourselves, but they also have a Macau "
                                        "subsidiary that owns a shop in Taipa. We need Macau lawyers for the "
                                        "dissolution.", ["MO"]),
    ("Worker injury claim in Macau", "The worker sued our client in the Macau Court of First Instance. The insurer's "
                                     "panel solicitors are only in Hong Kong, so we need Macau counsel.", ["MO"]),
    ("LHDN audit", "Our client in Muar received an LHDN audit letter on its sales to a related trading company here in "
                   "Singapore. They need a Malaysian tax lawyer.", ["MY"]),
])
def test_referrers_parts_they_handle_lawyers_someone_has_and_related_companies(title, description, expected):
    assert read(title, description).jurisdictions == expected


@pytest.mark.parametrize(("title", "description", "expected"), [
    # A court of one place named with the place of another ("People's Court" in Vietnamese, of Guangzhou).
    ("Thi hành phán quyết VIAC", "Chúng tôi cần luật sư Trung Quốc nộp đơn công nhận phán quyết tại Tòa án nhân dân "
                                 "trung cấp Quảng Châu.", ["CN"]),
    # Items numbered with full-width brackets; a client's group by another name of its own place in the title.
    ("客户拟在新加坡设立区域总部", "客户计划在新加坡设立区域总部。"
                                  "需要：1）国内律师协助ODI备案；2）新加坡律师就公司设立提供意见。", ["CN", "SG"]),
    ("澳門餐飲集團 Singapore first outlet", "我哋客戶係一間澳門餐飲集團（總部喺氹仔），想喺Singapore開第一間分店，"
                                          "要搵SG lawyer幫手review份lease。", ["SG"]),
    # Where the writer is, "here in" a place, when the sentence asks for nothing; a mainland mother is a person.
    ("Internal investigation", "I'm regional counsel at the APAC headquarters of a chemicals group here in Singapore. "
                               "We need Vietnamese counsel for interviews at our Dong Nai subsidiary.", ["VN"]),
    ("申請遺產管理書", "有位住喺深圳嘅內地媽媽，佢嘅香港丈夫過咗身，留低屯門一個單位。佢想申請遺產管理書。", ["HK"]),
])
def test_courts_numbered_items_own_groups_and_where_the_writer_is(title, description, expected):
    assert sorted(read(title, description).jurisdictions) == sorted(expected)


def test_a_salary_asked_for_here_in_a_place_keeps_that_place():
    found = read("Passport held by employer", "I am a Filipina working in a hotel in Taipa. I want to get my salary "
                 "here in Macau and also file a complaint against the agency with DMW in the Philippines.")
    assert sorted(found.jurisdictions) == ["MO", "PH"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    # A title naming the client by its seat and a party noun ("for SG client").
    ("Brunei company setup for SG client", "CoSec firm in Singapore here. Our client, a Singapore-based food producer, "
                                           "wants to incorporate a subsidiary in Bandar Seri Begawan.", ["BN"]),
    # A statute two places share (PDPO) stands for the one named; "check" asks.
    ("PIPL compliance for HK company", "We are a Hong Kong insurance broker. Does PIPL apply to us? Also check our "
                                       "PDPO position.", ["CN", "HK"]),
])
def test_a_title_naming_the_clients_seat_and_a_shared_statute(title, description, expected):
    assert sorted(read(title, description).jurisdictions) == sorted(expected)


@pytest.mark.parametrize(("title", "description", "expected"), [
    # Chat messages: "i stay JB", "we stay Bishan", "cty e o Hai Phong", "WN Singapura", "pulang ke Singapore".
    ("salary", "my boss dun pay my salary 2 mths\ni stay JB, everyday cross over work at their cafe in tampines\n"
               "can go MOM or TADM? need lawyer or not pls help", ["SG"]),
    ("maid overstay", "my helper work permit expired 2 wks ago, she overstay now. we stay Bishan. will she kena "
                      "jail?", ["SG"]),
    ("doi no cty TQ", "cty e o Hai Phong, ban hang cho mot cong ty o Nam Ninh. Muon kien ben TQ thi phai lam sao?",
     ["CN"]),
    ("mau cerai", "Sy tinggal di Batam, suami sy WN Singapura. Suami sdh 1 thn pulang ke Singapore dan tdk kasih "
                  "nafkah. Sy mau gugat cerai.", ["ID"]),
    # Vietnamese "Sing" for Singapore after bên, ở, qua, sang.
    ("thừa kế ở Sing", "ba em mất ở Singapore, để lại 1 căn HDB. giờ gia đình phải làm thủ tục gì bên Sing và ở VN ạ?",
     ["SG", "VN"]),
])
def test_places_in_chat_messages(title, description, expected):
    assert sorted(read(title, description).jurisdictions) == sorted(expected)


def test_tq_in_small_letters_is_thanks_not_china():
    assert read("worker ran away", "my kilang is in Tebrau area, pls help tq").jurisdictions == ["MY"]


@pytest.mark.parametrize(("description", "listed"), [
    ("深圳一家电子厂，离职的工程师申请了劳动仲裁，要求支付违法解除赔偿金，"
     "下个月开庭，需要律师代理公司出庭。", ["仲裁"]),
    ("Strike at our Hlaing Tharyar garment factory: the union took the dismissal of five officers to the Township "
     "Conciliation Body, and the Arbitration Body hears it next week. We need Myanmar labour counsel.", []),
])
def test_the_clients_own_word_arbitration_beside_a_labour_forum_is_employment_work(description, listed):
    found = resolve_request("Labour case", description, [], listed, [])
    assert found.practice_areas == ["employment"]
    assert "arbitration" in found.also_mentioned


@pytest.mark.parametrize(("description", "expected", "also"), [
    ("We are the sub-contractor for the façade of a hotel in Iskandar Puteri. The main contractor has held back "
     "RM 800,000 of progress payments for five months. We want to start CIPAA adjudication; the AIAC is the "
     "adjudicating authority.", ["construction"], "arbitration"),
    # An arbitration the client starts itself keeps its own area beside the adjudication.
    ("The main contractor ignored the CIPAA adjudication decision, and the sub-contract has an arbitration clause "
     "under the AIAC rules. We want to start the arbitration as well.", ["construction", "arbitration"], None),
    ("The SOPA adjudication determination in our favour was set aside, and the main contractor has now started "
     "SIAC arbitration against us in Singapore.", ["construction", "arbitration"], None),
])
def test_an_institution_that_administers_a_payment_adjudication_is_no_arbitration(description, expected, also):
    found = resolve_request("Unpaid progress payments", description)
    assert sorted(found.practice_areas) == sorted(expected)
    if also:
        assert also in found.also_mentioned


@pytest.mark.parametrize("description", [
    "合同约定新加坡仲裁，对方拖欠三期进度款。请新加坡仲裁律师评估索赔策略，暂时不考虑在文莱起诉或申请财产保全。",
    "The buyer has not paid and the contract has SIAC arbitration. We want to start the arbitration; we are not "
    "considering suing in Malaysia or asking a court for an injunction.",
])
def test_a_suit_the_client_is_not_considering_asks_for_no_litigation(description):
    found = resolve_request("Unpaid invoices", description)
    assert "arbitration" in found.practice_areas and "litigation" not in found.practice_areas


@pytest.mark.parametrize("description", [
    "We need a Malaysian lawyer for the master franchise agreement. Withholding tax on the royalties is being looked "
    "at by our accountants in Hong Kong.",
    "Kami perlukan peguam untuk semak dokumen pembiayaan tawarruq. Untuk makluman: isu SST diuruskan akauntan.",
    "Chúng tôi cần luật sư xem hợp đồng mua bán điện mặt trời áp mái. Phần thuế do kế toán của công ty lo.",
])
def test_tax_the_clients_accountants_look_after_is_not_asked_for(description):
    assert "tax" not in resolve_request("Question", description).practice_areas


@pytest.mark.parametrize(("description", "expected"), [
    ("我哋係一間初創公司，想向金管局申請儲值支付工具牌照。投資者係新加坡嘅VC。", ["HK"]),
    ("We need an SVF licence from the HKMA for our wallet app. Our lead investor is a Singapore VC.", ["HK"]),
    ("我哋想向金管局申請儲值支付工具牌照。澳門同深圳嘅商戶我哋遲啲先諗。", ["HK"]),
])
def test_an_investor_s_seat_and_markets_left_for_later_are_not_the_matter(description, expected):
    assert read("Licence", description).jurisdictions == expected


@pytest.mark.parametrize(("description", "absent"), [
    ("我哋需要澳門律師做股權轉讓。稅務（所得補充稅、印花稅）由我哋嘅會計師跟。", "tax"),
    ("进口报关交给报关行，我们需要律师做医疗器械注册。", "trade-customs"),
])
def test_a_part_given_to_the_clients_accountant_or_broker_in_chinese_asks_for_nothing(description, absent):
    assert absent not in read("Request", description).practice_areas


def test_background_a_later_sentence_puts_out_of_scope_is_not_the_matter():
    description = ("Dear all,\n\nI head legal at Meranti Harbour Partners, a fund manager licensed by MAS and based in "
                   "Singapore. Our feeder funds sit in a Singapore VCC and our investors are mostly family offices in "
                   "Jakarta and Manila. None of that is in scope here.\n\nWe have set up Meranti Harbour (HK) Limited "
                   "and want HK counsel to prepare its SFC Type 9 application, review our proposed Responsible "
                   "Officers and draft the compliance manual.\n\nKind regards,\nAnna Lee")
    assert resolve_request("", description).jurisdictions == ["HK"]


def test_a_part_given_to_another_firm_in_chinese_is_not_asked_for():
    description = ("您好！\n\n我司拟收购苏州一家电子公司60%股权，双方营业额均超过标准，"
                   "需要向国家市场监督管理总局进行经营者集中申报。"
                   "\n\n另外目标公司在泰国有一家子公司，泰国的申报我们已另行委托曼谷的律所，不需要贵所处理。\n\n"
                   "请协助判断是否达到申报标准并准备申报材料。")
    assert resolve_request("", description).jurisdictions == ["CN"]


def test_a_plan_said_with_thats_for_next_year_is_put_off():
    description = ("We need an MPI licence from MAS.\n\nWe are also thinking about an SFC licence in Hong Kong, but "
                   "that's for next year.")
    assert resolve_request("", description).jurisdictions == ["SG"]


def test_a_place_not_involved_is_no_fallback_for_the_matters_place():
    description = ("I'm a dentist in Kowloon facing a disciplinary inquiry. I also work at a clinic in Shenzhen "
                   "on Saturdays but that is not involved.")
    assert resolve_request("", description).jurisdictions == ["HK"]


@pytest.mark.parametrize(("description", "expected"), [
    # A part the client will take elsewhere, said in the clause after it or in its own clause.
    ("我司拟在越南胡志明市设立子公司，需要越南律师协助注册。若涉及柬埔寨的分销事宜，我司另行咨询。", ["VN"]),
    ("拟向金边项目公司提供贷款，请柬埔寨律师出具法律意见；新加坡法律意见由我司另行委托。", ["KH"]),
    ("我们准备在新加坡设立基金管理公司，国内备案问题，我们会自行处理。请推荐新加坡律师。", ["SG"]),
])
def test_a_part_the_client_will_take_elsewhere_asks_no_work_there(description, expected):
    assert read("咨询", description).jurisdictions == expected


def test_a_place_handed_over_in_the_same_clause_that_asks_is_dropped():
    found = read("Licence", "We need a Singapore lawyer for the MAS licence. Any Thai licence later, we will "
                 "handle it ourselves.")
    assert found.jurisdictions == ["SG"]


@pytest.mark.parametrize("description", [
    "We need the EPC contract for our wind farm in Ninh Thuan reviewed. An earlier dispute with a cable supplier "
    "was closed by a settlement last year.",
    "Please register our trade mark in Cambodia. Back in 2021 we sued a copycat in Penang and won; that case is over.",
])
def test_a_suit_that_is_over_asks_for_no_litigation(description):
    assert "litigation" not in read("Request", description).practice_areas
