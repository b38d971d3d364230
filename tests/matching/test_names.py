"""Names of jurisdictions and languages from the standards: the generated files, their filters, and how the
resolver reads them (in list fields and in prose), including the CLDR name sets under ``names/``."""

import json
from pathlib import Path

import pytest

from legalnet.matching import names_build
from legalnet.matching.resolver import resolve_request, resolve_terms
from legalnet.matching.vocabulary import DATA_DIR, NAME_FILES, Vocabulary, normalise, read_names

NAMES = Path(__file__).with_name("names")


@pytest.fixture(scope="module")
def built():
    return names_build.build()


def test_generated_files_equal_the_generator_output(built):
    for path, text in built.items():
        committed = path.read_text(encoding="utf-8")
        assert committed == text, f"{path.name} is stale: run python -m legalnet.matching.names_build"


def test_every_name_is_sourced_and_scoped():
    prefixes = {
        "names_cldr.csv": ("cldr:", "cldr-alt:", "cldr-part:", "cldr-part-alt:"),
        "names_world.csv": ("cldr-world:",),
        "names_places.csv": ("geonames:", "iso3166-2:"),
        "aliases.csv": ("hand",),
    }
    vocab = Vocabulary.load()
    for filename in NAME_FILES:
        rows = read_names(DATA_DIR / filename)
        assert rows
        for row in rows:
            assert row["source"].startswith(prefixes[filename]), row
            assert vocab.has(row["kind"], row["code"]), row


def test_a_malformed_name_file_is_refused_with_its_line(tmp_path):
    bad = tmp_path / "aliases.csv"
    bad.write_text("kind,code,alias,scope,source,note\njurisdictions,HK,Kowloon,everywhere,hand,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2: unknown scope"):
        read_names(bad)
    bad.write_text("kind,code,alias,scope,source,note\njurisdictions,HK,Kowloon,any,,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2: .*source"):
        read_names(bad)


def test_an_unknown_code_in_a_name_file_stops_the_load(tmp_path):
    for name in ("jurisdictions.json", "languages.json", "practice_areas.json"):
        (tmp_path / name).write_text((DATA_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "aliases.csv").write_text(
        "kind,code,alias,scope,source,note\njurisdictions,XX,Atlantis,any,hand,\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="unknown jurisdictions code 'XX'"):
        Vocabulary.load(tmp_path)


@pytest.mark.parametrize(
    "name, code",
    [
        ("Hong Kong SAR China", "HK"),
        ("中國香港特別行政區", "HK"),
        ("中国香港特别行政区", "HK"),
        ("中華人民共和国香港特別行政区", "HK"),
        ("홍콩(중국 특별행정구)", "HK"),
        ("Hong Kong, RAE da China", "HK"),
        ("Đặc khu Hành chính Hồng Kông, Trung Quốc", "HK"),
        ("Macao SAR China", "MO"),
        ("Myanmar (Burma)", "MM"),
        ("ミャンマー (ビルマ)", "MM"),
        ("ビルマ", "MM"),
        ("タイ", "TH"),
        ("태국", "TH"),
        ("ベトナム", "VN"),
        ("필리핀", "PH"),
        ("ブルネイ", "BN"),
        ("캄보디아", "KH"),
        ("Trung Quốc", "CN"),
    ],
)
def test_cldr_country_names_are_their_country_alone(name, code):
    assert resolve_terms("jurisdictions", [name]).codes == [code]


@pytest.mark.parametrize(
    "name, code",
    [
        ("ญี่ปุ่น", "ja"),
        ("กวางตุ้ง", "yue"),
        ("พม่า", "my"),
        ("広東語", "yue"),
        ("광둥어", "yue"),
        ("ポルトガル語", "pt"),
        ("Tiếng Khmer", "km"),
        ("Tagalog", "fil"),
        ("Kantonis", "yue"),
        ("粵語", "yue"),
        ("廣東話", "yue"),
    ],
)
def test_cldr_language_names(name, code):
    assert resolve_terms("languages", [name]).codes == [code]


def test_formal_name_in_prose_is_one_jurisdiction():
    result = resolve_request("", "We need a lawyer in Hong Kong SAR China for a contract dispute.", [], [], [])
    assert result.jurisdictions == ["HK"]
    result = resolve_request("", "我們需要一位在中國香港特別行政區執業的律師。", [], [], [])
    assert result.jurisdictions == ["HK"]


@pytest.mark.parametrize(
    "name, code",
    [
        ("ระยอง", "TH"),
        ("Rayong", "TH"),
        ("Bavet", "KH"),
        ("Long An", "VN"),
        ("Nghệ An", "VN"),
        ("Kedah", "MY"),
        ("Sulawesi Selatan", "ID"),
        ("Guangdong", "CN"),
        ("バンコク", "TH"),
        ("호치민", "VN"),
        ("BKK", "TH"),
        ("S'pore", "SG"),
        ("Jkt", "ID"),
        ("HCMC", "VN"),
        ("KL", "MY"),
        ("前海", "CN"),
        ("Hengqin", "CN"),
    ],
)
def test_places_and_hand_aliases(name, code):
    assert resolve_terms("jurisdictions", [name]).codes == [code]


@pytest.mark.parametrize(
    "text, code, place",
    [
        ("We want to lease a warehouse in นนทบุรี (the address our agent sent).", "TH", "นนทบุรี"),
        ("我们想在 หัวหิน 买一套度假公寓，请推荐律师。", "TH", "หัวหิน"),
        ("Chúng tôi muốn thuê nhà xưởng ở បាត់ដំបង, cần luật sư xem hợp đồng.", "KH", "បាត់ដំបង"),
        ("We plan a guesthouse in ຫຼວງພະບາງ and need the land lease reviewed.", "LA", "ຫຼວງພະບາງ"),
    ],
)
def test_town_named_without_its_administrative_prefix(text, code, place):
    """GeoNames writes เทศบาลนครนนทบุรี, ក្រុងបាត់ដំបង, ເມືອງຫຼວງພະບາງ; people write the bare name, read as the place
    itself and not only as a guess from the script it is written in."""
    result = resolve_request("", text, [], [], [])
    assert result.jurisdictions == [code]
    assert result.sources["jurisdictions"][code] == place


def test_greater_bay_area_stands_for_its_three_jurisdictions():
    assert sorted(resolve_terms("jurisdictions", ["大湾区"]).codes) == ["CN", "HK", "MO"]
    assert sorted(resolve_terms("jurisdictions", ["Greater Bay Area"]).codes) == ["CN", "HK", "MO"]


@pytest.mark.parametrize(
    "name",
    [
        "Victoria",  # Hong Kong's old capital, and places in Canada, Australia, Seychelles …
        "Georgetown",  # Penang, and Guyana's capital
        "Santa Rosa",  # Philippines and California
        "San Fernando",
        "Antique",  # an English word (a Philippine province)
        "Rizal",  # a person's name
        "Lopez",
        "Taiwan",  # a CLDR country name close to a Chinese city ("Taian")
        "Papua New Guinea",  # contains an Indonesian province
    ],
)
def test_unsafe_place_names_stay_unresolved(name):
    assert resolve_terms("jurisdictions", [name]).codes == []


def test_place_names_do_not_take_country_or_language_names():
    places = {normalise(r["name"]) for r in read_names(DATA_DIR / "names_places.csv")}
    assert "malay" not in places  # a town in Aklan, and the language
    assert "taiwan" not in places  # an ISO 3166-2 subdivision of CN, and a CLDR territory
    assert "hong kong sar" not in places


def test_small_places_are_list_items_not_prose():
    rows = {r["name"]: r["scope"] for r in read_names(DATA_DIR / "names_places.csv")}
    assert rows["Bavet"] == "list"
    assert resolve_request("", "Bavet workers went on strike.", [], [], []).jurisdictions == []
    assert resolve_request("", "Factory land in Bavet", ["Bavet"], [], []).jurisdictions == ["KH"]


def test_a_small_place_put_somewhere_by_a_word_of_place_is_read_when_no_other_place_is_named():
    assert resolve_request("", "The factory is near Bavet.", [], [], []).jurisdictions == ["KH"]


def test_short_names_that_are_words_are_not_read_in_prose():
    assert resolve_request("", "A hue of doubt over the Singapore contract.", [], [], []).jurisdictions == ["SG"]


def test_ordinary_words_of_the_region_are_not_places():
    # Tagalog "namin" (our), Malay "bulan" (month) were one typo from small places' names.
    result = resolve_request("", "Kailangan namin ng abogado sa Singapore. Tatlong bulan na.", [], [], [])
    assert result.jurisdictions == ["SG"]
    # Tagalog "tulong" (help) is one letter from Tutong, a district of Brunei.
    assert resolve_request("Tulong po", "Kailangan ko ng tulong sa kaso sa Singapore.").jurisdictions == ["SG"]


def test_exclusions_are_reasoned():
    rows = (DATA_DIR / "place_exclusions.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert rows and all(line.split(",", 1)[1].strip() for line in rows)
    excluded = names_build.load_exclusions()
    places = {normalise(r["name"]) for r in read_names(DATA_DIR / "names_places.csv")}
    assert not excluded.keys() & places


def _score(folder: str) -> dict[str, float]:
    expected = json.loads((NAMES / folder / "expected.json").read_text(encoding="utf-8"))
    good: dict[str, int] = {}
    total: dict[str, int] = {}
    for line in (NAMES / folder / "requests.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        want = expected[item["id"]]
        result = resolve_request(
            item["title"], item["description"], item["jurisdictions"], item["practice_areas"], item["languages"]
        )
        kind = want["kind"]
        total[kind] = total.get(kind, 0) + 1
        good[kind] = good.get(kind, 0) + (getattr(result, kind) == [want["code"]])
    return {kind: good[kind] / total[kind] for kind in total}


def test_cldr_names_as_list_items():
    scores = _score("list")
    assert scores["jurisdictions"] >= 0.95 and scores["languages"] >= 0.90, scores


def test_cldr_names_in_english_sentences():
    scores = _score("prose-en")
    assert scores["jurisdictions"] >= 0.95 and scores["languages"] >= 0.90, scores


def test_name_sets_are_built_from_cldr():
    expected = json.loads((NAMES / "list" / "expected.json").read_text(encoding="utf-8"))
    locales = {e["locale"] for e in expected.values()}
    assert {"en", "zh_Hans", "zh_Hant", "zh_Hant_HK", "zh_Hant_MO", "th", "vi", "ms", "id", "fil", "km", "lo",
            "my", "pt", "ja", "ko"} <= locales
    kinds = {(e["kind"], e["code"]) for e in expected.values()}
    assert len({c for k, c in kinds if k == "jurisdictions"}) == 13
    assert len({c for k, c in kinds if k == "languages"}) == 14


def test_thai_and_lao_letters_that_nfkc_splits_still_match_in_prose():
    # ກຳ, ໝ and Thai ำ are one letter as typed; NFKC writes them as two.
    assert resolve_request("", "We need a lawyer in ກຳປູເຈຍ.", [], [], []).jurisdictions == ["KH"]
    assert resolve_request("", "Need counsel who speaks ຂະເໝນ.", [], [], []).languages == ["km"]
    assert resolve_request("", "ต้องการทนายความในลำพูน", [], [], []).jurisdictions == ["TH"]
    assert normalise("ກຳປູເຈຍ") == normalise("\u0e81\u0ecd\u0eb2\u0e9b\u0eb9\u0ec0\u0e88\u0e8d")


@pytest.mark.parametrize(("text", "code"), [
    ("ลูกค้าของเราในเซี่ยงไฮ้ไม่ยอมจ่ายเงินค่าสินค้า", "CN"),     # Shanghai, in Thai
    ("ພວກເຮົາຕ້ອງການເປີດຫ້ອງການຢູ່ບາງກອກ", "TH"),              # Bangkok, in Lao
    ("เราต้องการเปิดสำนักงานที่จาการ์ตา", "ID"),                # Jakarta, in Thai
])
def test_big_cities_of_the_region_are_read_in_each_others_scripts(text, code):
    assert resolve_request("", text, [], [], []).jurisdictions == [code]


@pytest.mark.parametrize(("text", "code"), [
    ("ลูกค้าที่สะหวันนะเขตไม่ยอมจ่ายเงิน", "LA"),                   # Savannakhet, in Thai
    ("เราจะเปิดโรงงานที่จำปาสัก", "LA"),                          # Champasak, in Thai
    ("我们在占巴塞的客户不付款", "LA"),                              # Champasak, in Chinese
])
def test_provinces_are_read_in_the_regions_scripts_from_iso_3166_2(text, code):
    assert resolve_request("", text, [], [], []).jurisdictions == [code]


def test_two_character_chinese_province_names_of_iso_3166_2_are_not_read():
    names = {r["name"] for r in read_names(DATA_DIR / "names_places.csv")}
    assert "特朗" not in names  # Trat in iso-codes' Chinese, and the first two characters of 特朗普
    assert "TH" not in resolve_request("", "特朗普的关税政策影响了我们在越南的工厂", [], [], []).jurisdictions


def test_short_names_in_scripts_without_spaces_are_list_items():
    rows = {r["name"]: r["scope"] for r in read_names(DATA_DIR / "names_places.csv")}
    assert rows["เลย"] == "list" and rows["세부"] == "list"  # Loei, Cebu; also "at all" and "detail"
    assert resolve_request("", "ไม่ต้องการทนายในสิงคโปร์เลย", [], [], []).jurisdictions == ["SG"]
    assert resolve_terms("jurisdictions", ["เลย"]).codes == ["TH"]


def test_vocabulary_tells_which_names_are_places_to_read_exactly():
    places = Vocabulary.load().exact_names()
    assert {"rayong", "bavet", "long an"} <= places
    assert "hong kong sar china" not in places  # a CLDR name
    assert "spore" not in places and "bkk" not in places  # hand aliases


def test_thai_words_that_name_small_places_are_not_places():
    # บ้านใหม่ is "a new house" before it is a village; วัฒนา is "development".
    description = "เราซื้อบ้านใหม่ที่ประเทศมาเลเซีย แต่ผู้พัฒนาโครงการส่งมอบช้า ฝ่ายวัฒนาธุรกิจของเขาไม่ตอบ"
    assert resolve_request("", description).jurisdictions == ["MY"]


# Locales outside the region and the centre, in Latin and in other scripts.
WORLD_SAMPLE = ("de", "fr", "es", "it", "nl", "pl", "tr", "sv", "ru", "uk", "el", "he", "ar", "fa", "hi", "bn")


def _world_names(locale):
    from babel import Locale

    loc = Locale.parse(locale)
    return [(kind, code, table[code]) for kind, codes, table in (
        ("jurisdictions", names_build.JURISDICTIONS, loc.territories),
        ("languages", names_build.LANGUAGES, loc.languages)) for code in codes if code in table]


def test_cldr_names_of_locales_abroad_resolve_as_list_items():
    names = [item for locale in WORLD_SAMPLE for item in _world_names(locale)]
    wrong = [(kind, code, name) for kind, code, name in names if resolve_terms(kind, [name]).codes != [code]]
    assert len(wrong) <= 0.03 * len(names), wrong


@pytest.mark.parametrize(("text", "code"), [
    ("Нам нужен юрист: спор с поставщиком в Таиланд.", "TH"),
    ("We need a lawyer in Kambodscha for a lease.", "KH"),
    ("Our distributor in Filipinler stopped paying.", "PH"),
    ("نحتاج إلى محام في ماليزيا", "MY"),
])
def test_names_from_locales_abroad_are_read_in_prose(text, code):
    assert resolve_request("", text).jurisdictions == [code]


def test_names_abroad_are_read_exactly_and_never_as_another_things_name():
    rows = {normalise(r["name"]): r for r in read_names(DATA_DIR / "names_world.csv")}
    assert "tailan" not in rows  # Thailand in Ewondo, a typo from Taiwan
    # The Portuguese language in some locales, a country everywhere: a list item of languages only.
    assert "portugal" not in rows or rows["portugal"]["scope"] == "list"
    # Japan in Croatian, Japanese in Swedish: a country and its language share the name, which stays a list item.
    assert rows["japanska"]["scope"] == "list" and resolve_terms("languages", ["japanska"]).codes == ["ja"]
    assert "таиланд" in Vocabulary.load().exact_names()
    assert resolve_terms("jurisdictions", ["Taiwan"]).codes == []
    assert resolve_request("", "I bought a unit in Angeles and a flat in Portugal.").languages == []


def test_a_hong_kong_district_whose_name_holds_a_mainland_city_is_hong_kong():
    # 長沙灣 (Cheung Sha Wan) holds 長沙 (Changsha).
    assert resolve_request("", "我間製衣廠喺長沙灣，銀行要我7日內還晒貸款。").jurisdictions == ["HK"]
    assert resolve_terms("jurisdictions", ["长沙湾"]).codes == ["HK"]
