"""The languages a client asks its lawyer to work in, however it says so: a lawyer a few small words on, a lawyer
to speak with, an informal name of the language, a Malay phrase after the word for lawyer; and what only looks
like it (a lawyer of a place and a practice)."""

import pytest

from legalnet.matching.resolver import resolve_request


@pytest.mark.parametrize(("description", "expected"), [
    ("Hindi ko po alam ang proseso. Tagalog o Ilocano po sana ang abogado.", {"fil"}),
    ("I read a little, but I can speak Thai or Mandarin with the lawyer.", {"th", "zh"}),
    ("Our directors can meet in the afternoon; canto lawyer preferred.", {"yue"}),
    ("Saya nak peguam cakap Bahasa Melayu untuk ke mahkamah.", {"ms"}),
    ("Syarikat kami mahu peguam dalam Bahasa Melayu untuk semua surat.", {"ms"}),
    ("Kailangan ko po ng abogado sa Macau para sa mana ng asawa ko. English or Tagalog po okay.", {"en", "fil"}),
])
def test_a_language_for_the_lawyer_is_read_however_it_is_said(description, expected):
    assert set(resolve_request("Lawyer needed", description).languages) == expected


@pytest.mark.parametrize("description", [
    "We need Indonesian restructuring counsel to file a claim in the PKPU.",
    "Looking for Lao criminal counsel for an urgent bail hearing.",
])
def test_a_lawyer_of_a_place_and_a_practice_asks_for_no_language(description):
    assert resolve_request("Lawyer needed", description).languages == []


def test_a_language_something_was_sent_in_is_no_request_vietnamese():
    resolved = resolve_request("Đòi nợ", "Khách hàng ở Phnom Penh còn nợ chúng tôi 96.000 USD (họ chỉ gửi địa chỉ bằng "
                                         "tiếng Khmer). Cần luật sư Campuchia.")
    assert resolved.languages == []


@pytest.mark.parametrize(("description", "expected"), [
    ("Need a lawyer in Davao who can talk to me online. Tagalog or Bisaya po sana, mas comfortable ako.", ["fil"]),
    ("We need a lawyer in Johor for a dismissal. Malay or Tamil speaking preferred.", ["ms"]),
    ("Our buyer is in Thailand or Vietnam, please advise on the contract.", []),
])
def test_a_language_listed_with_one_outside_the_vocabulary_shares_its_cue(description, expected):
    assert resolve_request("Lawyer", description).languages == expected


@pytest.mark.parametrize("description", [
    "Our landlord sent the renewal. The draft is their standard form, in Vietnamese and English. We want a lawyer in "
    "Hanoi to review it.",
    "Hợp đồng mua bán căn hộ ở Đà Nẵng (bản tiếng Việt và tiếng Anh) cần lưu ý những gì?",
    "Kontrak pembangunan kapal (dalam bahasa Inggris) memilih hukum Indonesia dan arbitrase BANI.",
    "need advice on buying a shophouse in Penang. the sale agreement the vendor sent is Malay only, pls check it",
    "our Jakarta office lease expires in May. pls review draft renewal + negotiate. "
    "bilingual lease, Indonesian prevails",
])
def test_the_language_of_a_draft_or_a_contract_is_no_request(description):
    assert resolve_request("Contract", description).languages == []


def test_a_lawyer_who_can_speak_burmese_said_with_the_manner_suffix():
    resolved = resolve_request("", "ဘန်ကောက်က စက်ရုံက လစာမပေးပါ။ မြန်မာလို ပြောတတ်တဲ့ ရှေ့နေ လိုချင်ပါတယ်။")
    assert resolved.languages == ["my"]


@pytest.mark.parametrize(("description", "expected"), [
    ("My late father's lot in Batangas was sold with a fake SPA. Can we do video call? Tagalog or English lawyer is "
     "ok po.", ["en", "fil"]),
    ("We need an English lawyer for a contract governed by English law.", []),
])
def test_a_list_for_the_lawyer_with_a_language_no_place_is_named_after(description, expected):
    assert sorted(resolve_request("Lawyer", description).languages) == expected


@pytest.mark.parametrize("description", [
    "Kami mau buka toko kecil di Medan. Bisa pakai PT lokal saja, atau harus PT PMA?",
    "Can we use PT Sinar Abadi as the local partner, or do we need our own company?",
])
def test_the_legal_form_that_opens_an_indonesian_company_name_is_no_language(description):
    assert resolve_request("", description).languages == []


@pytest.mark.parametrize(("description", "expected"), [
    ("想追返欠款。最好搵識講廣東話嘅律師，老闆英文唔係咁好。", ["yue"]),
    ("我们公司英文沟通一般，希望律师能用普通话交流。", ["zh"]),
    ("個姐姐話要走，佢講英文同印尼話，我英文一般。想知道點計遣散費。", []),
    ("购销合同有中文和英文两个版本，以英文为准。请审阅付款条款。", []),
    ("The supply contract was on our standard terms, English-language, with an SIAC clause. We need Thai counsel.", []),
    ("家父被拘留，佢只識講普通話，急需律師。", ["zh"]),
])
def test_a_weak_language_a_prevailing_text_or_someone_elses_speech_is_no_request(description, expected):
    assert resolve_request("", description).languages == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("Saya lebih selesa berurusan dalam Bahasa Melayu.", ["ms"]),
    ("ភាសាខ្មែរ ឬ អង់គ្លេស ក៏បាន", ["km", "en"]),
    ("កិច្ចសន្យាសរសេរជាភាសាខ្មែរ និងភាសាចិន។ សូមជួយពិនិត្យ។", []),
    ("Need a lawyer in Penang, my father is not so good in English.", []),
])
def test_languages_listed_in_khmer_a_malay_comfort_and_a_weak_english(description, expected):
    assert resolve_request("", description).languages == expected


@pytest.mark.parametrize("description", [
    "Our workers mostly speak Burmese. Need advice on overtime rules in Thailand.",
    "The court filings in Macau must be in Portuguese or Chinese. We need a lawyer for a lease dispute in Taipa.",
    "Chúng tôi có website bằng tiếng Anh và tiếng Việt, cần tư vấn bảo vệ dữ liệu cá nhân.",
    "The distribution agreement (in English and Thai) lets us terminate on 90 days' notice. Can we end it early?",
])
def test_the_language_of_staff_filings_or_a_website_is_no_request(description):
    assert resolve_request("", description).languages == []


@pytest.mark.parametrize(("description", "expected"), [
    ("Rekan kantor saya pinjam uang 50 juta dan tidak mengembalikan. Bisa lapor polisi?", []),
    ("เราคุยกับผู้ขายเป็นภาษาอังกฤษแล้ว แต่เขาไม่ตอบเลย อยากฟ้องเรียกเงินคืน", []),
    ("สามีพูดไทยไม่ค่อยได้ พูดแต่อังกฤษ ดิฉันอยากฟ้องหย่าที่ศาลเชียงใหม่", []),
    ("น้องชายพูดอังกฤษได้นิดหน่อย ต้องการทนายที่พูดไทยได้ค่ะ", ["th"]),
    ("ສັນຍາເຊົ່າຂຽນເປັນພາສາລາວ-ຈີນ. ພວກເຮົາຢາກຍົກເລີກສັນຍາ.", []),
    ("ប្អូនខ្ញុំមិនសូវចេះភាសាថៃ សូមរកមេធាវីដែលចេះនិយាយភាសាខ្មែរ។", ["km"]),
])
def test_languages_others_speak_or_documents_are_in_across_the_region_are_no_request(description, expected):
    assert resolve_request("", description).languages == expected


def test_the_language_a_lao_lease_is_written_in_is_not_a_place():
    assert "CN" not in resolve_request("", "ສັນຍາເຊົ່າຂຽນເປັນພາສາລາວ-ຈີນ. ພວກເຮົາຢາກຍົກເລີກສັນຍາ.").jurisdictions


@pytest.mark.parametrize(("description", "expected"), [
    ("ต้องการล่ามภาษาพม่าด้วยค่ะ", ["my"]),
    ("한국어 가능한 변호사를 원합니다.", ["ko"]),
])
def test_an_interpreter_in_thai_and_an_able_lawyer_in_korean_state_the_language(description, expected):
    assert resolve_request("", description).languages == expected


@pytest.mark.parametrize(("description", "expected"), [
    # The work asked for in a language: reporting, advising, working in it, "as well as" another.
    ("Please have the Hanoi team report in English to our regional office.", ["en"]),
    ("The firm must be able to advise in Vietnamese as well as English.", ["vi", "en"]),
    ("Kami perlu pengacara yang bisa berkomunikasi dalam bahasa Inggris dengan direksi.", ["en"]),
    # Denied for the lawyer, then asked: only the second.
    ("Our translator handles the papers, so counsel need not work in Khmer; the opinion must be in English.", ["en"]),
    # What others work in, what records are kept in, what a dossier or a meeting is in: facts, no request.
    ("The seller's finance team communicates only in Mandarin.", []),
    ("Our warehouse staff mostly work in Thai.", []),
    ("Board minutes are kept in Vietnamese and the licence dossiers are in Thai and English.", []),
    ("股东会会议用英文进行。", []),
])
def test_work_asked_in_a_language_and_the_languages_of_others_and_records(description, expected):
    assert sorted(resolve_request("Request", description).languages) == sorted(expected)


def test_work_in_a_country_is_its_place_not_its_language():
    resolved = resolve_request("Request", "We need trade mark work in Indonesia and Vietnam.")
    assert resolved.languages == [] and sorted(resolved.jurisdictions) == ["ID", "VN"]


@pytest.mark.parametrize("description, expected", [
    ("Harta pusaka di Kuala Belait. Saya mahu peguam yang boleh bercakap Bahasa Melayu, tidak mahu guna Bahasa "
     "Inggeris.", ["ms"]),
    ("Our flat in Taipa. We would like a lawyer who speaks Mandarin; we do not want to use English.", ["zh"]),
    ("深圳的劳动仲裁，我想找讲普通话的律师，不想用英文。", ["zh"]),
])
def test_a_language_the_client_does_not_want_to_use_is_no_request(description, expected):
    assert resolve_request("", description).languages == expected


@pytest.mark.parametrize("description, expected", [
    ("Any dispute goes to VIAC arbitration in Ho Chi Minh City, in English. Please advise on next steps.", []),
    ("合同arbitration clause是SIAC，seat Singapore，English language。Need counsel ASAP。", []),
    ("SIAC arbitration in Singapore. We need an English-speaking lawyer.", ["en"]),
])
def test_the_language_of_an_arbitration_is_no_request(description, expected):
    assert resolve_request("", description).languages == expected


@pytest.mark.parametrize("description, expected", [
    ("我们想请 Thai counsel 做内部调查，并评估是否需要向 NACC 报告，以及对 Thai FDA 医疗器械 licence 的影响。", []),
    ("本公司係澳門一間餐飲集團。僱傭合同可唔可以淨係用中文，定係一定要有葡文版本？", []),
    ("希望律师可以用英文沟通。公司在曼谷。", ["en"]),
])
def test_words_that_only_hold_a_cue_and_a_documents_version_are_no_request(description, expected):
    assert resolve_request("", description).languages == expected


@pytest.mark.parametrize(("description", "expected_places"), [
    ("We need Thai and Cambodian counsel for the share purchase.", {"TH", "KH"}),
    ("Please find Vietnamese, Lao or Cambodian lawyers for the distribution deal.", {"VN", "LA", "KH"}),
])
def test_demonyms_listed_before_counsel_name_places_not_languages(description, expected_places):
    resolved = resolve_request("", description)
    assert set(resolved.jurisdictions) == expected_places
    assert resolved.languages == []


@pytest.mark.parametrize("description", [
    # what is taught, a label or a brand, a bilingual document with a dash between its languages
    "I want to open a tutoring centre in Hanoi teaching English and Mandarin to children. What licences do we need?",
    "เราอยากเปิดโรงเรียนสอนภาษาจีนที่เชียงใหม่ ต้องขออนุญาตอะไรบ้าง",
    "我们想在越南注册一个中文品牌的商标，请推荐律师。",
    "Our Thai and Chinese brand names were filed by a squatter in Malaysia. Need an opposition.",
    "Packaging copy will be in English, Malay and Chinese. Please check the labelling rules in Malaysia.",
    "The share purchase documents will be bilingual English–Vietnamese. Need counsel in Hanoi.",
    "สัญญาเช่าโรงงาน 10 ปี ทำเป็นภาษาไทยกับภาษาจีน อยากให้ทนายที่ระยองตรวจ",
    "Hợp đồng thuê kho ở Bình Dương lần này vẫn là bằng tiếng Anh và tiếng Việt, cần luật sư xem giúp.",
    "Is Portuguese required for the filings in Macau, or can we file in Chinese? We are opening a cafe in Taipa.",
    "Kami sudah tanda tangan perjanjian berbahasa Inggris dan Mandarin, tunduk pada hukum Indonesia.",
    "公司在雅加达的工厂有劳动纠纷，我们的印尼语翻译会陪同开会。需要印尼律师。",
    "澳門法院的文件可能需要葡文翻譯，請一併報價。我們想追討欠款。",
])
def test_a_language_that_is_taught_named_or_written_is_no_request(description):
    assert resolve_request("", description).languages == []


@pytest.mark.parametrize("description", [
    "The SHA (in English and Vietnamese) names SIAC. We want to exit the joint venture in Hanoi.",
    "The leases with the mall owners will be in English. Please review them under Thai law.",
    "บริษัทจีนยื่นจดโลโก้ของเรา (ทั้งภาษาไทยและภาษาจีน) ที่ประเทศจีน ต้องการคัดค้าน",
    "我们的“金象”中文商标在越南被抢注了，想请越南律师提异议。",
    "我们在雅加达的团队内部沟通主要用英文。需要印尼律师做劳动合同。",
    "律师是否会讲中文不作要求。需要菲律宾律师处理公司注册。",
    "Cong ty toi o Vinh muon thue dat o Vientiane. Can luat su Lao xem hop dong thue dat.",
])
def test_a_contracts_or_brands_language_internal_speech_or_a_need_denied_is_no_request(description):
    assert resolve_request("", description).languages == []


def test_a_vietnamese_lawyer_asked_for_in_english_still_reads_the_language():
    assert resolve_request("", "Cần luật sư tiếng Anh cho vụ tranh chấp ở Hà Nội.").languages == ["en"]


@pytest.mark.parametrize(("description", "expected"), [
    ("Need a lawyer in Iloilo who can explain in Hiligaynon or Tagalog po, my English is not so good.", ["fil"]),
    ("希望律師識講普通話，我英文葡文都唔識。", ["zh"]),
    ("澳門嘅案件文件好多係葡文，律師要用中文同我哋講，唔好淨係用葡文。", ["zh"]),
])
def test_a_language_to_explain_in_and_languages_denied_side_by_side(description, expected):
    assert resolve_request("", description).languages == expected
