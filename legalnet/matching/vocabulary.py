"""Controlled vocabulary for matching: jurisdictions, practice areas and languages.

The terms live in JSON files next to this module (``vocabulary/<kind>.json``) so staff can add aliases
without touching code. Each entry has a canonical ``code``, labels in English and Chinese, and aliases:

- ``aliases``: names read anywhere, in a list field or inside prose;
- ``places`` (jurisdictions only): cities, districts and provinces that stand for the jurisdiction;
- ``list_only``: codes, one-character abbreviations and generic words that count only when they are a whole
  list item (or, in prose, when written in capitals, e.g. "HK", "IP", "M&A");
- ``demonyms`` (jurisdictions only): "Malaysian", "Thai" … count as a whole list item; in prose the resolver
  reads them as the jurisdiction only right before a legal-matter noun ("Malaysian listing", "Thai courts"),
  never before a party ("a Vietnamese supplier");
- ``prose_only`` (jurisdictions only): names read in prose but not as a list item, where the sentence makes
  them unambiguous and a bare list item would not ("listing on Bursa", while the list item "Bursa" may be the
  Turkish city);
- ``shared`` (jurisdictions only): compound names that stand for several jurisdictions, e.g. 港澳;
- ``jurisdictions`` (languages only): where the language is commonly used. An alias shared by several
  languages ("Bahasa": Malay or Indonesian) is decided by the jurisdictions a request names.

Official country and language names from pycountry are merged in at load time. Aliases added at runtime
(``Vocabulary.add_alias``) are merged into the same indexes, which is how staff additions stored in the
database reach the resolver.
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

KINDS = ("jurisdictions", "practice_areas", "languages")
DATA_DIR = Path(__file__).with_name("vocabulary")

# Scopes of an alias: where it may be read.
ANYWHERE = "any"
LIST_ONLY = "list"
PROSE_ONLY = "prose"

_APOSTROPHES = "'’‘`ʼ´"
_LATIN_EXTRA = str.maketrans(
    {"đ": "d", "Đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i", "ł": "l"}
)
# Letters of scripts written without spaces between words: matched by substring, not by word.
_NOSPACE_RE = re.compile(
    r"[\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u3040-\u30ff\u3400-\u4dbf"
    r"\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_PUNCT_RE = re.compile(r"[^\w\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff]+")


def _is_latin_base(ch: str) -> bool:
    return ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff"


def strip_diacritics(text: str) -> str:
    """Remove accents from Latin letters only (Thai, Lao, Khmer and Burmese vowel signs are kept)."""
    decomposed = unicodedata.normalize("NFD", text)
    out: list[str] = []
    prev_latin = False
    for ch in decomposed:
        if unicodedata.combining(ch):
            if prev_latin:
                continue
        else:
            prev_latin = _is_latin_base(ch)
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


# Terms, labels and names repeat across requests and firms; caching keeps reasons and resolution cheap.
@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Fold width, case, Latin diacritics and punctuation so that spellings of one term compare equal."""
    text = unicodedata.normalize("NFKC", text or "").casefold().translate(_LATIN_EXTRA)
    text = strip_diacritics(text)
    for ch in _APOSTROPHES:
        text = text.replace(ch, "")
    text = text.replace("&", " and ").replace("＆", " and ")
    text = _PUNCT_RE.sub(" ", text).replace("_", " ")
    return " ".join(text.split())


def has_nospace_script(text: str) -> bool:
    """True when the text contains CJK, Thai, Lao, Khmer, Burmese, kana or Hangul letters."""
    return bool(_NOSPACE_RE.search(text))


@dataclass
class Entry:
    """One vocabulary term with its labels and aliases."""

    code: str
    labels: dict[str, str]
    aliases: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    list_only: list[str] = field(default_factory=list)
    shared: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    prose_only: list[str] = field(default_factory=list)
    jurisdictions: list[str] = field(default_factory=list)


_LOCALE_KEYS = {
    "zh": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh-hans": "zh-Hans",
    "zh_hans": "zh-Hans",
    "zh-hant": "zh-Hant",
    "zh_hant": "zh-Hant",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-mo": "zh-Hant",
}


class Vocabulary:
    """Canonical codes, labels and alias indexes for the three kinds of term."""

    def __init__(self, entries: dict[str, dict[str, Entry]]):
        self._entries = entries
        self._lock = threading.Lock()
        # Bumped on every change so caches built from the indexes (e.g. the resolver's) can refresh.
        self.version = 0
        self._index: dict[str, dict[str, dict[str, set[str]]]] = {}
        self._rebuild()

    @classmethod
    def load(cls, directory: Path = DATA_DIR) -> Vocabulary:
        """Read the JSON files and merge official names from pycountry."""
        entries: dict[str, dict[str, Entry]] = {}
        for kind in KINDS:
            data = json.loads((directory / f"{kind}.json").read_text(encoding="utf-8"))
            entries[kind] = {
                e["code"]: Entry(
                    code=e["code"],
                    labels=dict(e["label"]),
                    aliases=list(e.get("aliases", [])),
                    places=list(e.get("places", [])),
                    list_only=list(e.get("list_only", [])),
                    shared=list(e.get("shared", [])),
                    demonyms=list(e.get("demonyms", [])),
                    prose_only=list(e.get("prose_only", [])),
                    jurisdictions=list(e.get("jurisdictions", [])),
                )
                for e in data["entries"]
            }
        _merge_pycountry(entries)
        merge_terms(entries)
        return cls(entries)

    def _rebuild(self) -> None:
        index: dict[str, dict[str, dict[str, set[str]]]] = {}
        for kind, by_code in self._entries.items():
            scopes: dict[str, dict[str, set[str]]] = {ANYWHERE: {}, LIST_ONLY: {}, PROSE_ONLY: {}}
            for code, entry in by_code.items():
                for alias in entry.prose_only:
                    key = normalise(alias)
                    if key:
                        scopes[PROSE_ONLY].setdefault(key, set()).add(code)
                for alias in [code, *entry.list_only, *entry.demonyms]:
                    key = normalise(alias)
                    if key:
                        scopes[LIST_ONLY].setdefault(key, set()).add(code)
                for alias in [*entry.aliases, *entry.places, *entry.shared, entry.labels.get("en", "")]:
                    key = normalise(alias)
                    if key:
                        scopes[ANYWHERE].setdefault(key, set()).add(code)
                for locale in ("zh-Hans", "zh-Hant"):
                    key = normalise(entry.labels.get(locale, ""))
                    if key:
                        scopes[ANYWHERE].setdefault(key, set()).add(code)
            # A term readable anywhere is also a valid list item; keep it out of the list-only scope.
            for key in list(scopes[LIST_ONLY]):
                if key in scopes[ANYWHERE]:
                    scopes[ANYWHERE][key] |= scopes[LIST_ONLY].pop(key)
            index[kind] = scopes
        self._index = index
        self.version += 1

    def _check_kind(self, kind: str) -> None:
        if kind not in self._entries:
            raise ValueError(f"unknown vocabulary kind {kind!r}; expected one of {', '.join(KINDS)}")

    def codes(self, kind: str) -> list[str]:
        """Canonical codes of one kind, in vocabulary order."""
        self._check_kind(kind)
        return list(self._entries[kind])

    def has(self, kind: str, code: str) -> bool:
        """True when code is a canonical code of that kind."""
        self._check_kind(kind)
        return code in self._entries[kind]

    def label(self, kind: str, code: str, locale: str = "en") -> str:
        """Display label of a code ('en', 'zh-Hans' or 'zh-Hant'); falls back to English, then the code."""
        self._check_kind(kind)
        entry = self._entries[kind].get(code)
        if entry is None:
            return code
        key = _LOCALE_KEYS.get(locale.lower(), locale)
        return entry.labels.get(key) or entry.labels.get("en") or code

    def entry(self, kind: str, code: str) -> Entry:
        """The full entry of a code."""
        self._check_kind(kind)
        return self._entries[kind][code]

    def aliases(self, kind: str, scope: str | None = None) -> dict[str, frozenset[str]]:
        """Normalised alias -> codes; scope 'any' (prose too), 'list' (whole list items only), 'prose' (prose
        only) or, with no scope, every alias a list item may be (list and any)."""
        self._check_kind(kind)
        scopes = self._index[kind]
        if scope is not None:
            return {k: frozenset(v) for k, v in scopes[scope].items()}
        merged = {k: frozenset(v) for k, v in scopes[LIST_ONLY].items()}
        for key, codes in scopes[ANYWHERE].items():
            merged[key] = merged.get(key, frozenset()) | frozenset(codes)
        return merged

    def demonyms(self, kind: str = "jurisdictions") -> dict[str, frozenset[str]]:
        """Normalised demonym ("malaysian") -> jurisdiction codes."""
        self._check_kind(kind)
        out: dict[str, set[str]] = {}
        for code, entry in self._entries[kind].items():
            for alias in entry.demonyms:
                key = normalise(alias)
                if key:
                    out.setdefault(key, set()).add(code)
        return {k: frozenset(v) for k, v in out.items()}

    def language_jurisdictions(self) -> dict[str, frozenset[str]]:
        """Language code -> the jurisdictions where it is commonly used (for deciding shared aliases)."""
        return {code: frozenset(e.jurisdictions) for code, e in self._entries["languages"].items()}

    def add_alias(self, kind: str, code: str, alias: str, list_only: bool = False) -> None:
        """Add an alias at runtime (e.g. a staff addition stored in the database)."""
        self._check_kind(kind)
        if code not in self._entries[kind]:
            raise ValueError(f"unknown {kind} code {code!r}")
        if not normalise(alias):
            raise ValueError("alias is empty after normalisation")
        with self._lock:
            entry = self._entries[kind][code]
            target = entry.list_only if list_only else entry.aliases
            if alias not in target:
                target.append(alias)
                self._rebuild()


def _clean_official(name: str) -> str:
    # pycountry adds qualifiers such as "(macrolanguage)" that users never type.
    return re.sub(r"\s*\(.*?\)\s*", " ", name).strip()


def _merge_pycountry(entries: dict[str, dict[str, Entry]]) -> None:
    try:
        import pycountry
    except ImportError:  # the JSON files carry the common names already
        return
    for code, entry in entries["jurisdictions"].items():
        country = pycountry.countries.get(alpha_2=code)
        if country is None:
            continue
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value and value not in entry.aliases:
                entry.aliases.append(value)
        if country.alpha_3 not in entry.list_only:
            entry.list_only.append(country.alpha_3)
    for code, entry in entries["languages"].items():
        lang = (
            pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
        )
        if lang is None:
            continue
        name = _clean_official(lang.name)
        if name and name not in entry.aliases:
            entry.aliases.append(name)


_CACHE_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _load_default() -> Vocabulary:
    return Vocabulary.load()


def get_vocabulary() -> Vocabulary:
    """The process-wide vocabulary, loaded once."""
    with _CACHE_LOCK:
        return _load_default()


from .termbase import merge_terms  # noqa: E402  (the term base reads normalise() from this module)
