"""Resolver: list items, typos, Chinese and local scripts, prose roles and languages."""

import pytest

from legalnet.matching.resolver import resolve_request, resolve_terms
from legalnet.matching.vocabulary import Vocabulary, get_vocabulary, normalise


def codes(kind, *texts):
    return resolve_terms(kind, list(texts)).codes


def test_vocabulary_has_every_canonical_code_and_labels():
    vocab = get_vocabulary()
    assert set(vocab.codes("jurisdictions")) == {
        "CN",
        "HK",
        "MO",
        "SG",
        "TH",
        "MY",
        "VN",
        "ID",
        "PH",
        "KH",
        "LA",
        "MM",
        "BN",
    }
    assert set(vocab.codes("languages")) == {
        "en",
        "zh",
        "yue",
        "th",
        "vi",
        "ms",
        "id",
        "fil",
        "km",
        "lo",
        "my",
        "pt",
        "ja",
        "ko",
    }
    assert len(vocab.codes("practice_areas")) == 26
    assert vocab.label("jurisdictions", "MO") == "Macao"
    assert vocab.label("jurisdictions", "MO", "zh-Hant") == "澳門"
    assert vocab.label("practice_areas", "intellectual-property", "zh-Hans") == "知识产权"


def test_normalise_folds_width_case_diacritics_and_ampersand():
    assert normalise("Ｍ＆Ａ") == "m and a"
    assert normalise("Tiếng Việt") == "tieng viet"
    assert normalise("  People's   Republic of CHINA ") == "peoples republic of china"
    # Thai vowel signs are letters, not accents: they must survive.
    assert normalise("ภาษาไทย") == "ภาษาไทย"


@pytest.mark.parametrize(
    "text,code",
    [
        ("Singapor", "SG"),
        ("Vietnm", "VN"),
        ("Malasia", "MY"),
        ("Phillipines", "PH"),
        ("Camboida", "KH"),
        ("Shenzen", "CN"),
        ("Macua", "MO"),
    ],
)
def test_jurisdiction_typos_resolve(text, code):
    assert codes("jurisdictions", text) == [code]


@pytest.mark.parametrize(
    "text,code",
    [
        ("intelectual property", "intellectual-property"),
        ("arbitation", "arbitration"),
        ("employement law", "employment"),
        ("bankrupcy", "insolvency"),
    ],
)
def test_practice_area_typos_resolve(text, code):
    assert codes("practice_areas", text) == [code]


@pytest.mark.parametrize("text", ["Taiwan", "Japan", "India", "Lagos", "Bursa", "Korea"])
def test_look_alikes_and_unknown_places_stay_unresolved(text):
    result = resolve_terms("jurisdictions", [text])
    assert result.codes == []
    assert result.unresolved == [text]


def test_thailand_is_not_taiwan_and_suggestions_are_offered():
    assert codes("jurisdictions", "Thailand") == ["TH"]
    result = resolve_terms("jurisdictions", ["Thialand"])
    assert result.codes == ["TH"]
    unresolved = resolve_terms("practice_areas", ["intellectual stuff"])
    assert unresolved.unresolved == ["intellectual stuff"]
    assert "intellectual-property" in unresolved.suggestions["intellectual stuff"]


@pytest.mark.parametrize("title, description, expected", [
    # Everyday words and names one letter off a short place name are not that place misspelt.
    ("Kontraktor gudang tak datang kerja", "Kontraktor kami di Johor Bahru tak datang kerja sejak Mac.", ["MY"]),
    ("Lương chưa trả", "Anh Nguyễn Văn Tường làm việc ở Bình Dương, công ty chưa trả lương.", ["VN"]),
    ("Land", "Dayang Nurul Ain sold us a plot in Kuching and will not hand it over.", ["MY"]),
    # A longer place name still reads through a typo.
    ("Tax audit", "Our plant in Thailnad faces a tax audit.", ["TH"]),
])
def test_a_word_one_letter_off_a_short_place_name_is_no_typo_of_it(title, description, expected):
    assert resolve_request(title, description).jurisdictions == expected


def test_short_tokens_need_an_exact_hit():
    assert codes("jurisdictions", "HK", "KL") == ["HK", "MY"]
    assert codes("practice_areas", "IP", "M&A") == ["intellectual-property", "mergers-acquisitions"]
    assert codes("languages", "th") == ["th"]
    # One letter off a short code is not a typo worth guessing.
    assert codes("jurisdictions", "HX") == []
    assert codes("practice_areas", "MX") == []


@pytest.mark.parametrize("text", ["Macau", "Macao", "澳門", "澳门", "Macao SAR", "RAEM", "氹仔"])
def test_macao_spellings(text):
    assert codes("jurisdictions", text) == ["MO"]


@pytest.mark.parametrize(
    "text,code",
    [
        ("中国内地", "CN"),
        ("中國內地", "CN"),
        ("大陆", "CN"),
        ("PRC", "CN"),
        ("Chinese mainland", "CN"),
        ("香港特別行政區", "HK"),
        ("星洲", "SG"),
        ("狮城", "SG"),
        ("大马", "MY"),
        ("Burma", "MM"),
        ("Rangoon", "MM"),
        ("Siam", "TH"),
        ("Kampuchea", "KH"),
        ("Sài Gòn", "VN"),
        ("Saigon", "VN"),
        ("Da Nang", "VN"),
        ("Johor Bahru", "MY"),
        ("Batam", "ID"),
        ("Makati", "PH"),
        ("Cebu", "PH"),
        ("Chiang Mai", "TH"),
        ("Siem Reap", "KH"),
        ("Vientiane", "LA"),
        ("Bandar Seri Begawan", "BN"),
        ("Hengqin", "CN"),
        ("横琴", "CN"),
        ("Zhaoqing", "CN"),
        ("ประเทศไทย", "TH"),
        ("Việt Nam", "VN"),
        ("Viet Nam", "VN"),
        ("Lao PDR", "LA"),
    ],
)
def test_jurisdiction_aliases_in_many_scripts(text, code):
    assert codes("jurisdictions", text) == [code]


@pytest.mark.parametrize(
    "text,code",
    [
        ("并购", "mergers-acquisitions"),
        ("併購", "mergers-acquisitions"),
        ("takeovers", "mergers-acquisitions"),
        ("FDI", "foreign-investment"),
        ("work permits", "immigration"),
        ("transfer pricing", "tax"),
        ("PIPL", "data-privacy"),
        ("個人資料保護", "data-privacy"),
        ("CIETAC arbitration", "arbitration"),
        ("sukuk", "islamic-finance"),
        ("shariah-compliant finance", "islamic-finance"),
        ("white-collar crime", "criminal"),
        ("family office", "private-client"),
        ("medical devices", "healthcare-life-sciences"),
        ("digital assets", "fintech"),
        ("admiralty", "maritime"),
        ("EPC", "construction"),
        ("TMT", "technology-media-telecoms"),
        ("Sở hữu trí tuệ", "intellectual-property"),
        ("ทรัพย์สินทางปัญญา", "intellectual-property"),
        ("harta intelek", "intellectual-property"),
        ("知識產權", "intellectual-property"),
    ],
)
def test_practice_area_aliases(text, code):
    assert codes("practice_areas", text) == [code]


def test_a_foreign_invested_entity_to_set_up_names_both_of_its_areas():
    assert codes("practice_areas", "WFOE setup") == ["corporate-commercial", "foreign-investment"]


@pytest.mark.parametrize(
    "text,code",
    [
        ("英语", "en"),
        ("英語", "en"),
        ("Mandarin", "zh"),
        ("普通话", "zh"),
        ("国语", "zh"),
        ("Chinese", "zh"),
        ("粤语", "yue"),
        ("廣東話", "yue"),
        ("ภาษาไทย", "th"),
        ("Tiếng Việt", "vi"),
        ("tieng viet", "vi"),
        ("Bahasa Malaysia", "ms"),
        ("Bahasa Indonesia", "id"),
        ("Tagalog", "fil"),
        ("Khmer", "km"),
        ("Myanmar language", "my"),
        ("Português", "pt"),
        ("日本語", "ja"),
        ("한국어", "ko"),
    ],
)
def test_language_aliases(text, code):
    assert codes("languages", text) == [code]


def test_list_items_with_several_terms_are_split():
    result = resolve_terms("practice_areas", ["IP and land law", "M&A、税务"])
    assert result.codes == ["intellectual-property", "real-estate", "mergers-acquisitions", "tax"]
    assert resolve_terms("jurisdictions", ["Vietnam, Laos; Cambodia"]).codes == ["VN", "LA", "KH"]
    # A name that contains "and" is still one term.
    assert resolve_terms("practice_areas", ["Mergers and Acquisitions"]).codes == ["mergers-acquisitions"]


def test_sources_keep_the_users_words():
    result = resolve_terms("practice_areas", ["trade marks"])
    assert result.sources == {"intellectual-property": "trade marks"}


def test_home_city_is_not_a_requested_jurisdiction():
    res = resolve_request(
        "",
        "Manila-headquartered e-commerce platform; matter concerns project finance in "
        "Chinese mainland. Please refer a suitable firm. Lawyers must speak English.",
    )
    assert res.jurisdictions == ["CN"]
    assert res.practice_areas == ["banking-finance"]
    assert res.languages == ["en"]
    res = resolve_request(
        "",
        "Our company (seafood exporter, based in Singapore) is looking for counsel in "
        "China for work permits. We would prefer a Mandarin-speaking team.",
    )
    assert res.jurisdictions == ["CN"]
    assert res.languages == ["zh"]
    res = resolve_request("", "我们是一家深圳的软件公司，需要在新加坡的建设工程方面的法律服务。")
    assert res.jurisdictions == ["SG"]
    assert res.practice_areas == ["construction"]


def test_home_counts_when_it_is_also_the_matters_place():
    res = resolve_request(
        "", "We are a Shenzhen seafood exporter and need advice on commercial contracts in Shenzhen."
    )
    assert res.jurisdictions == ["CN"]


def test_client_industry_is_not_a_practice_area():
    res = resolve_request(
        "", "Hanoi-headquartered construction contractor; matter concerns banking in Brunei."
    )
    assert res.practice_areas == ["banking-finance"]
    res = resolve_request("", "我们是一家广州的新能源汽车企业，需要在中国的公司法及破产方面的法律服务。")
    assert res.practice_areas == ["corporate-commercial", "insolvency"]


def test_chinese_mainland_is_not_the_chinese_language():
    res = resolve_request(
        "", "Seeking a law firm for IP work relating to our operations in Chinese mainland."
    )
    assert res.jurisdictions == ["CN"]
    assert res.languages == []


def test_languages_need_a_cue_in_prose():
    assert resolve_request("", "A Thai company needs M&A advice in Vietnam.").languages == []
    assert resolve_request("", "需要会说粤语的律师处理香港的诉讼。").languages == ["yue"]
    assert resolve_request("", "Working language: English.").languages == ["en"]
    assert resolve_request("", "Lawyers must speak 한국어.").languages == ["ko"]


def test_chinese_prose_takes_the_longest_term():
    res = resolve_request("", "本公司计划在香港开展业务，需要并购律师。")
    assert res.jurisdictions == ["HK"]
    assert res.practice_areas == ["mergers-acquisitions"]
    res = resolve_request("", "需要港澳两地的律师处理家族信托。")
    assert res.jurisdictions == ["HK", "MO"]
    assert res.practice_areas == ["private-client"]


def test_explicit_fields_first_then_prose():
    res = resolve_request("Trade marks", "Also need help in Laos.", ["Vietnam"], ["知识产权"], ["Tiếng Việt"])
    assert res.jurisdictions == ["VN", "LA"]
    assert res.practice_areas == ["intellectual-property"]
    assert res.languages == ["vi"]
    assert res.sources["jurisdictions"] == {"VN": "Vietnam", "LA": "Laos"}


def test_unresolved_terms_are_reported():
    res = resolve_request("", "", ["Vietnam", "Narnia"], ["basket weaving"], [])
    assert res.jurisdictions == ["VN"]
    assert res.unresolved == ["Narnia", "basket weaving"]


def test_runtime_alias_reaches_the_resolver():
    vocab = Vocabulary.load()
    assert resolve_terms("jurisdictions", ["Lion City"], vocab=vocab).codes == []
    vocab.add_alias("jurisdictions", "SG", "Lion City")
    assert resolve_terms("jurisdictions", ["Lion City"], vocab=vocab).codes == ["SG"]
    with pytest.raises(ValueError):
        vocab.add_alias("jurisdictions", "XX", "Nowhere")
    # The shared vocabulary is untouched.
    assert resolve_terms("jurisdictions", ["Lion City"]).codes == []


# Held-out requests written independently of the development set: other wordings, typos and scripts.
HELD_OUT = [
    (
        "บริษัทของเราต้องการทนายความด้านทรัพย์สินทางปัญญาในประเทศไทย ต้องพูดภาษาอังกฤษได้",
        [],
        [],
        [],
        ["TH"],
        ["intellectual-property"],
        ["en"],
    ),
    (
        "Công ty chúng tôi cần luật sư về sở hữu trí tuệ tại Việt Nam, nói tiếng Việt.",
        [],
        [],
        [],
        ["VN"],
        ["intellectual-property"],
        ["vi"],
    ),
    (
        "Cong ty chung toi can tu van ve thue va lao dong tai Ha Noi",
        [],
        [],
        [],
        ["VN"],
        ["tax", "employment"],
        [],
    ),
    (
        "Syarikat kami memerlukan peguam untuk harta intelek di Kuala Lumpur. Bahasa Melayu diutamakan.",
        [],
        [],
        [],
        ["MY"],
        ["intellectual-property"],
        ["ms"],
    ),
    (
        "本公司總部位於香港，需要在越南處理商標及勞動法事務，希望律師會講粵語。",
        [],
        [],
        [],
        ["VN"],
        ["intellectual-property", "employment"],
        ["yue"],
    ),
    (
        "我司是一家新加坡的航运公司，拟在泰国设立外商独资企业，需要公司设立及税务方面的律师。",
        [],
        [],
        [],
        ["TH"],
        ["corporate-commercial", "foreign-investment", "tax"],
        [],
    ),
    (
        "A Thai company based in Bangkok needs help enforcing trade marks against counterfeiters "
        "in Ho Chi Minh City.",
        [],
        [],
        [],
        ["VN"],
        ["intellectual-property"],
        [],
    ),
    (
        "We are an Indonesian nickel miner planning a listing on the HKEX; "
        "need capital markets counsel in Hong Kong "
        "who can speak Bahasa Indonesia.",
        [],
        [],
        [],
        ["HK"],
        ["capital-markets"],
        ["id"],
    ),
    (
        "Need SIAC arbitation counsel in Singapor, intelectual property too.",
        [],
        [],
        [],
        ["SG"],
        ["arbitration", "intellectual-property"],
        [],
    ),
    (
        "",
        ["Singapor", "Vietnm"],
        ["intelectual property", "arbitation"],
        ["Englsh"],
        ["SG", "VN"],
        ["intellectual-property", "arbitration"],
        ["en"],
    ),
    ("", ["澳門", "Macau", "Macao"], ["併購"], ["廣東話"], ["MO"], ["mergers-acquisitions"], ["yue"]),
    (
        "Our Rangoon office needs employment advice in Myanmar and work permits for expatriate staff.",
        [],
        [],
        [],
        ["MM"],
        ["employment", "immigration"],
        [],
    ),
    (
        "Shenzhen-based fintech seeking a crypto licensing lawyer in Hong Kong; "
        "team should be Cantonese-speaking.",
        [],
        [],
        [],
        ["HK"],
        ["fintech"],
        ["yue"],
    ),
    (
        "We need a PDPA review for our Penang subsidiary and help with data privacy in Jakarta.",
        [],
        [],
        [],
        ["MY", "ID"],
        ["data-privacy"],
        [],
    ),
    (
        "Looking for a Phnom Penh lawyer for land law and a lease of a factory site in Sihanoukville.",
        [],
        [],
        [],
        ["KH"],
        ["real-estate"],
        [],
    ),
    (
        "Family office in Hong Kong wants estate planning and trusts advice for assets in Brunei. "
        "Fluent in English "
        "and Mandarin please.",
        [],
        [],
        [],
        ["BN"],
        ["private-client"],
        ["en", "zh"],
    ),
    (
        "我们是一家马来西亚的公司，需要在中国内地和澳门进行反洗钱合规调查。",
        [],
        [],
        [],
        ["CN", "MO"],
        ["compliance-investigations"],
        [],
    ),
    (
        "Seeking Islamic finance counsel for a sukuk issuance in Brunei Darussalam.",
        [],
        [],
        [],
        ["BN"],
        ["islamic-finance"],
        [],
    ),
    (
        "",
        ["Việt Nam", "Thái Lan"],
        ["Sở hữu trí tuệ", "thuế"],
        ["Tiếng Việt"],
        ["VN", "TH"],
        ["intellectual-property", "tax"],
        ["vi"],
    ),
    ("", ["ประเทศไทย"], ["ทรัพย์สินทางปัญญา"], ["ภาษาไทย"], ["TH"], ["intellectual-property"], ["th"]),
    (
        "",
        ["菲律賓", "汶萊"],
        ["海事海商", "破產重組"],
        ["英文"],
        ["PH", "BN"],
        ["maritime", "insolvency"],
        ["en"],
    ),
    ("", ["Lagos", "Bursa", "India", "Japan"], [], [], [], [], []),
    (
        "Kuala Lumpur-based REIT manager looking for real estate lawyers in Bangkok; English preferred.",
        [],
        [],
        [],
        ["TH"],
        ["real-estate"],
        ["en"],
    ),
    (
        "Chúng tôi là một công ty Singapore, cần luật sư về thuế tại Campuchia.",
        [],
        [],
        [],
        ["KH"],
        ["tax"],
        [],
    ),
]


@pytest.mark.parametrize("description,juris,areas,langs,want_j,want_a,want_l", HELD_OUT)
def test_held_out_requests(description, juris, areas, langs, want_j, want_a, want_l):
    res = resolve_request("", description, juris, areas, langs)
    assert sorted(res.jurisdictions) == sorted(want_j)
    assert sorted(res.practice_areas) == sorted(want_a)
    assert sorted(res.languages) == sorted(want_l)


# Misses found by probing unseen wordings: each case below failed before the fix it names.


@pytest.mark.parametrize(
    "text,want_j,want_a",
    [
        ("intelectual propert in Veitnam", ["VN"], ["intellectual-property"]),
        ("Need inteletual property advice in Bangkok", ["TH"], ["intellectual-property"]),
        ("competiton law advice in Singapore", ["SG"], ["competition"]),
        ("employmnet law and intelectual propert in Hanoi", ["VN"], ["employment", "intellectual-property"]),
    ],
)
def test_longest_typo_reading_beats_a_word_inside_it(text, want_j, want_a):
    res = resolve_request("", text)
    assert res.jurisdictions == want_j
    assert res.practice_areas == want_a


@pytest.mark.parametrize(
    "text,want_j,want_home",
    [
        (
            "Our Hong Kong company has a debt recovery claim against a Vietnamese supplier in Ho Chi Minh City",
            ["VN"],
            ["HK"],
        ),
        ("香港公司在越南设立合资企业", ["VN"], ["HK"]),
        ("香港的贸易公司需要在泰国处理商标纠纷。", ["TH"], ["HK"]),
        ("我们的新加坡子公司需要在泰国处理商标纠纷。", ["TH"], ["SG"]),
        ("Our Singapore office needs help with a joint venture in Vietnam.", ["VN"], ["SG"]),
        ("Singapore company seeks counsel in Jakarta for a lease.", ["ID"], ["SG"]),
        # Only the seat is named: advice is needed there.
        ("Our Hong Kong company has a debt recovery claim.", ["HK"], ["HK"]),
        ("香港公司需要商标律师。", ["HK"], ["HK"]),
        # The object of a preposition, a matter noun or company law: the place of the matter.
        ("Need help with our Hong Kong company and a Vietnam dispute.", ["HK", "VN"], []),
        ("香港公司法方面的咨询，以及越南的劳动法。", ["HK", "VN"], []),
        ("Singapore company law advice on a share transfer, also Vietnam tax.", ["SG", "VN"], []),
        ("Our Jakarta team needs a Singapore lawyer for an SIAC arbitration.", ["SG"], ["ID"]),
        ("我司是一家总部在新加坡的物流公司，计划收购一家印尼公司。", ["ID"], ["SG"]),
    ],
)
def test_the_clients_own_company_names_its_seat(text, want_j, want_home):
    res = resolve_request("", text)
    assert res.jurisdictions == want_j
    assert res.home_jurisdictions == want_home
    assert res.languages == []


@pytest.mark.parametrize(
    "text,want",
    [
        ("Trademark opposition in Thailand, Thai and English language", ["th", "en"]),
        ("Trademark opposition in Thailand, Thai and English languages.", ["th", "en"]),
        ("Correspondence in Thai or English.", ["th", "en"]),
        ("English/Mandarin speaking counsel for a Shenzhen dispute.", ["en", "zh"]),
        ("Thai/English speaking lawyer in Bangkok for IP.", ["th", "en"]),
        # A list of parties is not a list of languages, whatever cue stands before it.
        ("Vietnamese and Thai suppliers are suing us in Hanoi.", []),
        ("We prefer Thai and Vietnamese firms for this Hanoi dispute.", []),
    ],
)
def test_a_cue_applies_to_a_whole_list_of_languages(text, want):
    assert resolve_request("", text).languages == want


@pytest.mark.parametrize(
    "text,want",
    [
        ("我司在澳门的物业租赁纠纷，需要粤语律师", ["yue"]),
        ("需要越南语律师处理胡志明市的商标问题。", ["vi"]),
        ("以英文为工作语言，在泰国的劳动纠纷。", ["en"]),
        ("需要会讲普通话的律师", ["zh"]),
        ("懂越南语的律师，胡志明市的商标问题。", ["vi"]),
        ("需要用泰语沟通的律师处理曼谷的租赁问题。", ["th"]),
    ],
)
def test_chinese_language_cues(text, want):
    assert resolve_request("", text).languages == want


@pytest.mark.parametrize(
    "text,lists,want,unresolved",
    [
        ("Need a Bahasa-speaking lawyer for a PDPA compliance review in Kuala Lumpur", [], ["ms"], []),
        ("Bahasa-speaking lawyer in Jakarta for an employment matter.", [], ["id"], []),
        ("Bahasa-speaking lawyer in Bandar Seri Begawan.", [], ["ms"], []),
        ("Bahasa-speaking lawyer for an employment matter.", [], [], ["Bahasa"]),
        ("Employment advice", ["Bahasa"], [], ["Bahasa"]),
    ],
)
def test_bahasa_alone_is_decided_by_the_jurisdiction(text, lists, want, unresolved):
    res = resolve_request("", text, [], [], lists)
    assert res.languages == want
    assert res.unresolved == unresolved
    for item in unresolved:
        assert res.suggestions[item] == ["id", "ms"]


def test_bahasa_list_item_takes_the_listed_jurisdiction():
    res = resolve_request("", "", ["Indonesia"], [], ["Bahasa", "English"])
    assert res.languages == ["en", "id"]
    assert res.unresolved == []
    assert resolve_request("", "", ["Malaysia"], [], ["Bahasa"]).languages == ["ms"]
    # On its own, a list item stays for the user to decide.
    result = resolve_terms("languages", ["Bahasa"])
    assert result.codes == []
    assert result.suggestions == {"Bahasa": ["id", "ms"]}


@pytest.mark.parametrize(
    "text,want",
    [
        ("Employment termination in Phnom Penh; English please", ["en"]),
        ("Tax advice in Hanoi, in English please.", ["en"]),
        ("Employment matter in Laos. English is fine.", ["en"]),
        ("Vietnamese preferred; IP matter in Hanoi.", ["vi"]),
        ("English-language counsel for a Jakarta lease.", ["en"]),
        ("Seeking a law firm for IP work relating to our operations in Chinese mainland.", []),
        ("A Thai company needs M&A advice in Vietnam, please.", []),
        ("Claim against a Vietnamese supplier; we need counsel in Singapore.", []),
        ("English law governs; arbitration in Singapore please.", []),
        ("Help in Myanmar please.", []),
        # "noi" (Vietnamese "speak") inside "Hanoi" is not a cue.
        ("Disputes in Hanoi and Thai labour law.", []),
        ("Công ty cần luật sư nói tiếng Anh tại Hà Nội.", ["en"]),
    ],
)
def test_more_language_cues_and_words_that_are_not_languages(text, want):
    assert resolve_request("", text).languages == want


@pytest.mark.parametrize(
    "text,want_j,want_l",
    [
        ("Malaysian listing on Bursa; Bahasa Malaysia", ["MY"], []),
        ("Bursa listing; lawyers must speak Bahasa Malaysia.", ["MY"], ["ms"]),
        ("IPO on Bursa Malaysia.", ["MY"], []),
        ("Advice on Vietnamese law and Thai courts.", ["VN", "TH"], []),
        ("Philippine court proceedings against a Chinese company.", ["PH"], []),
        # A party's nationality is not a jurisdiction.
        ("A Vietnamese supplier owes us money; we need counsel in Singapore.", ["SG"], []),
        ("Our Thai customers and Cambodian distributors; dispute in Singapore.", ["SG"], []),
        ("We would like a Chinese law firm for a dispute in Singapore.", ["SG"], []),
    ],
)
def test_exchanges_and_demonyms_before_a_legal_matter_noun(text, want_j, want_l):
    res = resolve_request("", text)
    assert res.jurisdictions == want_j
    assert res.languages == want_l


@pytest.mark.parametrize(
    "text,want_j",
    [
        (
            "Our company (hotel group, based in Phuket) is looking for counsel in Siem Reap for land acquisition.",
            ["KH"],
        ),
        ("Property acquisition in Cambodia.", ["KH"]),
        ("在柬埔寨的土地收购。", ["KH"]),
        ("越南的土地使用权问题。", ["VN"]),
    ],
)
def test_land_and_property_acquisition_is_real_estate(text, want_j):
    res = resolve_request("", text)
    assert res.jurisdictions == want_j
    assert res.practice_areas == ["real-estate"]


def test_a_verb_before_a_company_is_a_practice_area():
    res = resolve_request("", "我司是一家总部在新加坡的物流公司，计划收购一家印尼公司。")
    assert res.practice_areas == ["mergers-acquisitions"]


def test_land_acquisition_list_items():
    assert codes("practice_areas", "land acquisition", "土地收购") == ["real-estate"]
    assert codes("practice_areas", "acquisition") == ["mergers-acquisitions"]


TYPOS = [
    ("jurisdictions", "Singapure", "SG"),
    ("jurisdictions", "Indonesa", "ID"),
    ("jurisdictions", "Cambodai", "KH"),
    ("jurisdictions", "Philipines", "PH"),
    ("jurisdictions", "Myanmr", "MM"),
    ("jurisdictions", "Thialand", "TH"),
    ("jurisdictions", "Brunie", "BN"),
    ("jurisdictions", "Maccau", "MO"),
    ("jurisdictions", "Macua", "MO"),
    ("jurisdictions", "Veitnam", "VN"),
    ("practice_areas", "arbitraton", "arbitration"),
    ("practice_areas", "competiton law", "competition"),
    ("practice_areas", "immigraton", "immigration"),
    ("practice_areas", "intelectual propert", "intellectual-property"),
    ("languages", "Portugese", "pt"),
    ("languages", "Vietnamse", "vi"),
    ("languages", "Cantonse", "yue"),
    ("languages", "Mandrin", "zh"),
]
_TYPO_PROSE = {
    "jurisdictions": "We need advice in {} on a contract dispute.",
    "practice_areas": "Looking for {} counsel in Bangkok.",
    "languages": "Our lawyers must speak {}.",
}


@pytest.mark.parametrize("kind,text,code", TYPOS)
def test_typos_of_common_names_in_lists_and_prose(kind, text, code):
    assert codes(kind, text) == [code]
    assert getattr(resolve_request("", _TYPO_PROSE[kind].format(text)), kind) == [code]


@pytest.mark.parametrize("kind,text,code", [("jurisdictions", "Brune", "BN"), ("jurisdictions", "Bruni", "BN")])
def test_short_typos_of_longer_names_in_lists(kind, text, code):
    assert codes(kind, text) == [code]


@pytest.mark.parametrize("text", ["India", "Japan", "Taiwan", "Lagos", "Korea", "Indiana", "Macedonia"])
def test_look_alikes_stay_out_of_prose(text):
    assert resolve_request("", f"We need advice in {text} on a contract dispute.").jurisdictions == []


def test_possessive_of_a_place():
    assert resolve_request("", "Advice on China's data export rules and Vietnam’s courts.").jurisdictions == [
        "CN",
        "VN",
    ]


@pytest.mark.parametrize(
    "text, languages",
    [
        ("希望找会中文的泰国律师处理合同", ["zh"]),
        ("我们开会讨论了英文合同，需要泰国律师", []),
        ("Pwede po Ilocano o English na lawyer.", ["en"]),
        ("Kailangan ko ng abogado sa Cebu. Tagalog po sana.", ["fil"]),
    ],
)
def test_language_requests_in_chinese_and_taglish(text, languages):
    assert resolve_request("", text).languages == languages


@pytest.mark.parametrize(
    "text, jurisdictions",
    [
        ("Our Vietnam supplier delivered late; we want to sue them in Singapore.", ["SG"]),
        ("We import parts from China and need a Thai lawyer for a factory lease.", ["TH"]),
        ("需要为3名中国籍员工在马来西亚申请工作准证", ["MY"]),
        ("Need trade mark filings in Thailand and Malaysia (Indonesia maybe next year).", ["TH", "MY"]),
        ("Licence application to MAS for a payment business.", ["SG"]),
    ],
)
def test_background_places_and_implied_jurisdictions(text, jurisdictions):
    assert resolve_request("", text).jurisdictions == jurisdictions


@pytest.mark.parametrize(
    "text, areas",
    [
        ("公司被查，需要税务律师和刑事律师一起处理。", ["tax", "criminal"]),
        ("We need a shipping lawyer; the charterer also mentions tax and employment issues in passing.", ["maritime"]),
    ],
)
def test_the_kind_of_lawyer_asked_for_is_central(text, areas):
    assert resolve_request("", text).practice_areas[: len(areas)] == areas


def test_a_long_email_keeps_the_main_areas_and_lists_the_rest():
    text = (
        "Dear colleagues, we are a Shenzhen electronics group. Our Malaysian subsidiary is being sued by a former "
        "distributor for breach of an exclusive distribution agreement; the writ was filed in the Kuala Lumpur High "
        "Court last week and we need litigation counsel to defend the claim. Background: the distributor also "
        "alleges trade mark infringement, our HR team dismissed two sales staff, the factory lease renews next "
        "year, we have a bank loan, we pay withholding tax on royalties, and our data is in the cloud. "
    ) * 3
    res = resolve_request("Defending a distributor lawsuit in Malaysia", text)
    assert "litigation" in res.practice_areas
    assert 1 <= len(res.practice_areas) <= 3
    assert res.also_mentioned
    assert not set(res.practice_areas) & set(res.also_mentioned)


def test_the_clients_own_vehicle_is_not_the_work_asked_for():
    res = resolve_request("", "Our WFOE wants to borrow USD 5m from the offshore parent; is withholding tax due?")
    assert "foreign-investment" not in res.practice_areas
    assert "foreign-investment" in resolve_request("", "We want to set up a WFOE in Shenzhen.").practice_areas


def test_an_acronym_in_capitals_is_not_read_as_a_plural():
    res = resolve_request("", "Assign our SG trade marks and record it with IPOS.")
    assert "capital-markets" not in res.practice_areas + res.also_mentioned


@pytest.mark.parametrize("description, language", [
    ("Prefer a lawyer who can hold the admin conference in Filipino.", "fil"),
    ("Our director is more comfortable in Thai; a lawyer in Bangkok please.", "th"),
    ("Sana Tagalog ang usapan, need lawyer in Makati.", "fil"),
    ("Pengacaranya harus bisa bahasa Inggris.", "en"),
    ("ต้องการทนายที่สื่อสารภาษาจีนได้", "zh"),
    ("Luật sư cần giao tiếp được bằng tiếng Trung.", "zh"),
])
def test_a_language_asked_for_at_the_end_of_a_clause_is_a_language(description, language):
    assert resolve_request("", description).languages == [language]
