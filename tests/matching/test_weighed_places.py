"""Places the client weighed and set aside, its own seat in Thai and Lao, and places that only tell where
servers, friends, customers or a parent company are, are not places of the matter."""

import pytest

from legalnet.matching.resolver import resolve_request


def places(title: str, description: str) -> list[str]:
    """The jurisdictions a request resolves to."""
    return resolve_request(title, description).jurisdictions


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Drug registration", "We had earlier evaluated Malaysia also but have decided to register in Thailand first. "
                          "Please advise on the dossier.", ["TH"]),
    ("支付牌照", "我们原本考虑先在新加坡申请牌照，但时间太长，现在决定在香港成立子公司申请牌照。", ["HK"]),
    ("Thu hồi nợ", "Chúng tôi đã cân nhắc kiện ra tòa ở Manila nhưng hợp đồng quy định trọng tài tại VIAC ở "
                   "Hà Nội. Cần luật sư.", ["VN"]),
])
def test_a_place_weighed_and_set_aside_is_not_the_matter(title, description, expected):
    assert places(title, description) == expected


def test_a_place_named_after_the_turn_still_counts():
    assert places("Options", "We considered the licence in Singapore but now need help in Malaysia and Singapore.") \
        == ["MY", "SG"]


@pytest.mark.parametrize(("title", "description", "expected", "home"), [
    ("ซื้อเครื่องจักร", "บริษัทของเราตั้งอยู่ในนิคมอุตสาหกรรมอมตะซิตี้ ชลบุรี ต้องการทนายเรื่องอนุญาโตตุลาการที่เซินเจิ้น",
     ["CN"], "TH"),
    ("สอบสวนภายใน", "เราเป็นบริษัทมหาชนในกรุงเทพฯ มีบริษัทลูกที่โฮจิมินห์ ต้องการทนายในเวียดนาม", ["VN"], "TH"),
    ("ສັນຍາ", "ພວກເຮົາເປັນບໍລິສັດລາວ ຕ້ອງການທະນາຍຄວາມ ກ່ຽວກັບກົດໝາຍລາວ ແລະ ສັນຍາ ກັບບໍລິສັດ ຈາກປະເທດສິງກະໂປ", ["LA"], "LA"),
])
def test_the_clients_seat_in_thai_and_lao(title, description, expected, home):
    found = resolve_request(title, description)
    assert found.jurisdictions == expected
    assert home in found.home_jurisdictions


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("手游", "我们计划在越南上线手游。玩家数据目前存在新加坡的服务器上，是否符合越南的法规？", ["VN"]),
    ("欠款", "我哋喺荃灣做批發，新加坡客欠咗我哋貨款，想喺香港法院申請禁制令。", ["HK"]),
    ("股東", "我去年和一位澳门朋友在横琴合资开了一家公司，现在想解散公司。", ["CN"]),
    ("Illegal dismissal", "Ang parent company nila ay nasa Singapore. Gusto ko pong magsampa ng kaso sa NLRC.",
     ["PH"]),
    ("Gạo", "Khách hàng Philippines không thanh toán. Hợp đồng quy định trọng tài VIAC tại TP. Hồ Chí Minh.", ["VN"]),
])
def test_where_servers_customers_friends_or_a_parent_are_is_background(title, description, expected):
    assert places(title, description) == expected


def test_a_place_in_lowercase_is_a_word_for_a_writer_who_capitalises_places():
    found = resolve_request("Illegal dismissal", "Taga-Pasig po ako. Tinanggal nila ako pero may bago silang kinuha.")
    assert found.jurisdictions == ["PH"]


def test_a_licence_in_brackets_describes_the_client():
    found = resolve_request("SFC licences", "We are a Singapore fund manager (CMS licensed by MAS) and want to set up "
                                            "a subsidiary in Hong Kong and apply for SFC Type 9.")
    assert found.jurisdictions == ["HK"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Arrest", "My brother was arrested in Bangkok. We need a Thai lawyer who speaks Vietnamese because he speaks "
               "little English.", ["vi"]),
    ("上市", "我们的董事长不太会说英文，希望对接的律师能说普通话。", ["zh"]),
    ("炒魷魚", "想搵個律師睇下，最好識講廣東話，我英文麻麻。", ["yue"]),
    ("EPC", "The EPC contract, executed in English and Vietnamese, is governed by Singapore law.", []),
    ("澳門公司", "想知公司章程係咪一定要用葡文或者中文。", []),
    # The other side's language, its letters and the e-mails exchanged so far ask for nothing.
    ("Lease", "Their director only speaks Thai, so talks were hard. We need a lawyer in Bangkok.", []),
    ("Demand", "The demand letter from the buyer was in Chinese. We need a Hong Kong lawyer.", []),
    ("Eviction", "The tenant is a Japanese company and all emails are in Japanese. Need a Thai lawyer.", []),
    # Mails still to come are the working language.
    ("M&A", "All communications will be in English. Need Thai counsel.", ["en"]),
    # The language of a proceeding, a deal document or a filing is not the lawyer's.
    ("Claim", "The ICC clause sets a sole arbitrator, language of arbitration English, seat Kuala Lumpur.", []),
    ("Trọng tài", "Hợp đồng có điều khoản VIAC, ngôn ngữ trọng tài là tiếng Anh. Cần luật sư ở TP.HCM.", []),
    ("Listing", "Dokumen penawaran akan disusun dalam bahasa Inggris. Kami perlu advokat di Jakarta.", []),
    ("Hotel purchase", "The SPA will be in English. We need counsel in Siem Reap for the due diligence.", []),
    ("Shop lease", "The lease is bilingual, Chinese and Portuguese. We need a Macao lawyer to review it.", []),
    ("Land", "កិច្ចសន្យាសរសេរជាភាសាខ្មែរ។ យើងត្រូវការមេធាវីនៅភ្នំពេញ។", []),
    # A language the lawyer need not speak.
    ("Thuê đất", "Không cần luật sư biết tiếng Trung. Cần luật sư ở Hà Nội.", []),
    ("印尼租赁", "请推荐印尼律师审阅租赁合同，不要求律师会中文。", []),
    ("Sewa gudang", "Tidak perlu pengacara yang bisa berbahasa Mandarin. Kami perlu advokat di Surabaya.", []),
    # A language the client asks the lawyer to use still counts beside them.
    ("Claim", "Language of arbitration is English; we would like a lawyer who speaks Mandarin.", ["zh"]),
    ("Claim", "The language of the arbitration is English; we need counsel who speaks Mandarin.", ["zh"]),
    ("Resort", "The spa is in Bali; the SPA will be in English. We need a lawyer who speaks Mandarin.", ["zh"]),
    ("翻译", "律师不用翻译，直接用中文沟通最好。", ["zh"]),
    ("翻譯", "唔使翻譯，用廣東話傾就得。", ["yue"]),
])
def test_languages_someone_does_not_speak_or_documents_are_written_in_are_no_request(title, description, expected):
    assert resolve_request(title, description).languages == expected


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("SIAC arbitration - EPC defects, solar farm (Vietnam)",
     "Our subsidiary owns a solar farm in Ninh Thuan, Vietnam. The EPC contract provides for SIAC arbitration "
     "seated in Singapore. We require Singapore counsel with construction arbitration experience.", ["SG"]),
    ("印尼镍冶炼项目工程款 SIAC仲裁",
     "合同约定争议提交新加坡国际仲裁中心仲裁，仲裁地为新加坡。现需要有仲裁经验的新加坡律师。", ["SG"]),
])
def test_where_the_client_wants_its_lawyer_outweighs_a_place_the_title_names(title, description, expected):
    assert places(title, description) == expected


@pytest.mark.parametrize(("title", "description", "expected"), [
    # A lawyer the client or another party already has is no lawyer wanted.
    ("Franchise", "The agreement is under Brunei law and our in-house lawyer in KL is not familiar with it. "
                  "We want to terminate the franchise in Brunei.", ["BN"]),
    # Counsel wanted in one place and work asked for in another: both.
    ("遗产", "想请新加坡律师帮忙申请遗产管理书，同时也需要处理广州房产的继承手续。", ["SG", "CN"]),
])
def test_counsel_places_keep_the_places_asked_for_elsewhere(title, description, expected):
    assert places(title, description) == expected


def test_a_province_and_city_where_the_client_is_are_both_its_own_place():
    found = resolve_request("丈夫在金边被抓",
                            "我老公在柬埔寨金边被抓了。我在福建莆田，请问能不能找到柬埔寨当地律师去见他？")
    assert found.jurisdictions == ["KH"]
    assert "CN" in found.home_jurisdictions


@pytest.mark.parametrize(("title", "description", "listed", "expected"), [
    # A note that opens with the writer's company: the listed place is its own seat.
    ("PT PMA Batam", "HK trading co (electronic components). Want to set up a PT PMA in Batam FTZ.", ["Hong Kong"],
     ["ID"]),
    # The listed place is only where a partner comes from.
    ("合资公司", "我住在珠海，去年和一位澳门朋友在横琴合资开了一家公司。我想知道能不能解散公司。", ["澳门"], ["CN"]),
    # A listed place the text names as the matter's stays.
    ("Lease", "We are a Hong Kong company and need advice on a lease in Hong Kong and one in Macau.", ["Hong Kong"],
     ["HK", "MO"]),
    # The client's seat, named in the text as well, when the text asks for counsel elsewhere.
    ("Singapore - wallet app", "We are a Singapore fintech in one-north with an MAS licence. We want to launch our "
     "app in Hong Kong and need Hong Kong counsel on the SVF licence.", ["Singapore"], ["HK"]),
])
def test_a_listed_place_the_text_names_only_as_someone_elses_or_the_clients_goes(title, description, listed,
                                                                                  expected):
    assert sorted(resolve_request(title, description, listed).jurisdictions) == sorted(expected)


@pytest.mark.parametrize("description", [
    "我哋 HK 公司 want to open a branch office in Singapore. 需要搞 ACRA registration.",
    "We need an EP for our GM, who is currently working in our HK office. We want to open a branch in Singapore.",
])
def test_the_clients_own_company_or_office_in_mixed_writing(description):
    found = resolve_request("SG branch", description)
    assert found.jurisdictions == ["SG"]
    assert "HK" in found.home_jurisdictions


@pytest.mark.parametrize(("description", "expected"), [
    ("We are not confident in English, we prefer a lawyer who can speak Bahasa Melayu.", ["ms"]),
    ("မြန်မာစကား ပြောတတ်တဲ့ ရှေ့နေ လိုချင်ပါတယ်။", ["my"]),
    ("ខ្ញុំចង់បានមេធាវីដែលនិយាយភាសាខ្មែរ", ["km"]),
])
def test_language_requests_in_more_words_and_scripts(description, expected):
    assert resolve_request("Lawyer", description).languages == expected


def test_a_place_in_a_chinese_clause_that_tells_something_done_is_not_asked_about():
    found = resolve_request("利润分红",
                            "我们在广州南沙有一家外商独资企业。香港税务局的居民身份证明已经拿到了，需要内地律师协助备案。")
    assert found.jurisdictions == ["CN"]
    # A clause that asks keeps its place.
    assert "HK" in resolve_request("分红", "证明已经拿到了，想在香港开户，需要律师。").jurisdictions


@pytest.mark.parametrize(("description", "expected"), [
    ("律師最好識講廣東話，唔得嘅話英文都可以。", ["yue", "en"]),
    ("A Mandarin-speaking lawyer please, otherwise English.", ["zh", "en"]),
    ("Ưu tiên luật sư nói được tiếng Việt, nếu không thì tiếng Anh.", ["vi", "en"]),
    ("ขอทนายที่พูดภาษาไทยได้ ถ้าไม่ได้ใช้ภาษาอังกฤษก็ได้ครับ", ["th", "en"]),
    # A negation after the "if not" is no second choice.
    ("Mohon pengacara yang bisa bahasa Indonesia, kalau tidak bisa English juga tidak apa-apa.", ["id"]),
])
def test_a_second_choice_language_is_one_the_client_accepts(description, expected):
    assert resolve_request("律师", description).languages == expected


def test_a_filing_language_listed_with_cantonese_or_is_no_request():
    found = resolve_request("澳門補充稅", "仲有申報表要用葡文定中文。Any tax lawyer familiar with Macao?")
    assert found.languages == []


@pytest.mark.parametrize(("description", "expected"), [
    # A language the lawyer need not speak, or one the writer cannot use, is no request; the one asked for stays.
    ("唔使識普通話，最緊要識講廣東話。", ["yue"]),
    ("不用讲中文的律师，我英语交流没问题。", ["en"]),
    ("律师最好会讲普通话，我的英文和马来文都不行。", ["zh"]),
    ("ทนายไม่ต้องพูดภาษาจีน ใช้ภาษาอังกฤษได้ก็พอ", ["en"]),
    ("No need for a Cantonese-speaking lawyer.", []),
    ("Cần luật sư nói tiếng Anh, không cần tiếng Trung.", ["en"]),
    # What the police or the other side spoke is not the lawyer's language.
    ("房东讲的是泰语和英语，我们想找会讲普通话的律师。", ["zh"]),
    # What the writer's team cannot use, and the language of documents, are no request either.
    ("Mohon pengacara yang bisa berbahasa Inggris, karena staf kami tidak berbahasa Mandarin.", ["en"]),
    ("律師識講廣東話就得，我哋公司唔係個個識講英文。", ["yue"]),
    ("English-speaking counsel please, none of our staff reads Thai.", ["en"]),
    ("We need counsel who works in Cantonese; the Portuguese-language filings are done by the court clerk.", ["yue"]),
    ("Pengacara tidak harus bisa bahasa Mandarin, bahasa Inggris diutamakan.", ["en"]),
    ("文件可以葡文或中文提交，律師識講廣東話就得。", ["yue"]),
    # Languages that are all fine, a written-language skill, and "in English" closed by a dash.
    ("唔使識普通話，廣東話或者英文都得。", ["yue", "en"]),
    ("主办律师须具备较强的英文书面能力。", ["en"]),
    ("Counsel must run the case with us in English - our head office does not read Thai.", ["en"]),
    # 说 is also "said": what the boss said is no one's language.
    ("我们在香港有一宗租约纠纷。老板说英文律师比较好，麻烦推荐。", ["en"]),
    # Written without an apostrophe, in Cantonese "not very", in Khmer; and the language the writer can use.
    ("Prefer a lawyer who can explain in Thai, my mother doesnt speak English well.", ["th"]),
    ("最好可以講廣東話，因為我哋老闆唔太識英文。", ["yue"]),
    ("អគ្គនាយករបស់យើងមិនចេះភាសាខ្មែរ ដូច្នេះត្រូវការមេធាវីដែលអាចរាយការណ៍ជាភាសាអង់គ្លេសបាន។", ["en"]),
    # The client's boss who can only speak Mandarin, and someone on the lawyer's team who can, make a request.
    ("客户老板只会讲普通话，英文不行，希望对接的律师或团队里有能用中文沟通的。", ["zh"]),
    # A language that is no place's name, right before "lawyer"; a place's name there is the place.
    ("Need a Mandarin lawyer for this.", ["zh"]),
    ("English or Tagalog lawyer is ok po.", ["en", "fil"]),
    ("We need a Thai lawyer.", []),
    # A language the writer cannot use, said in everyday Indonesian and Vietnamese.
    ("Mohon advokat yang bisa bahasa Indonesia, bos saya nggak bisa English.", ["id"]),
    ("Xin luật sư nói tiếng Việt, vì giám đốc chúng tôi không rành tiếng Anh.", ["vi"]),
    # "my English is not fluent", in Indonesian.
    ("Saya minta pengacara yang bisa bahasa Indonesia, karena bahasa Inggris saya tidak lancar.", ["id"]),
    # A lawyer right before a language in Portuguese and Vietnamese; Portuguese negations and names.
    ("Gostaria de ser acompanhado por um advogado em português.", ["pt"]),
    ("De preferência advogado de língua portuguesa.", ["pt"]),
    ("Cần luật sư tiếng Anh.", ["en"]),
    ("Preferimos um advogado que fale português, porque nenhuma de nós lê chinês.", ["pt"]),
    ("Procuramos advogado que fale português e cantonense.", ["pt", "yue"]),
])
def test_a_language_the_lawyer_need_not_speak_is_no_request(description, expected):
    assert resolve_request("律师", description).languages == expected
