"""The legal term base: what words, regulators, licences, statutes, courts and procedures say about a request.

One CSV file per practice area in ``terms/`` (``terms/<slug>.csv``) with the columns

- ``term``: as people write it, in any language and script (diacritics, case and width do not matter);
- ``lang``: the language of the term (en, zh, th, vi, ms, id, fil, ...), for whoever reviews the file;
- ``weight``: how much the term says the request is about the area: 3 decides it ("winding-up petition",
  "trade mark opposition", "PKPU"), 2 is a term of the area, 1 only points at it ("contract", "dispute");
- ``jurisdiction``: the jurisdiction the term implies (a regulator, statute, court or licence of one
  place: "MAS" is SG, "PKPU" is ID), or empty; an acronym that several places use for their own institution
  lists them, most common first ("TH PH": the BOI of Thailand or of the Philippines), and stands for the one
  the text names;
- ``scope``: ``any`` (read anywhere), ``caps`` (acronyms: in prose only when written in capitals, or as a
  whole list item), ``list`` (only as a whole list item);
- ``source``: where the term comes from (the statute, the regulator, a glossary).

English terms match in their inflected forms too ("hire" matches "hiring" and "hired", "lease" matches
"leases" and "leasing"): terms and text are compared word by word after their inflectional endings are
taken off (``stem_word``). Only inflections go, never derivations, so "customer" stays apart from
"customs" and "liquidated" from "liquidation". Terms of other languages match as written: English endings
mean nothing there (Vietnamese "thuế" written without marks is "thue", not a form of "thu").
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import vocabulary
from .chinese_scripts import other_scripts

TERMS_DIR = Path(__file__).with_name("terms")
SCOPES = ("any", "caps", "list")
# Inflectional endings, longest first; "ies"/"ied" become "y" (companies, applied).
_ENDINGS = ("ings", "ing", "ies", "ied", "es", "ed", "s")
_VOWELS = set("aeiouy")


def chinese_spellings(norm: str) -> tuple[str, ...]:
    """A normalised Chinese term in its other scripts (凍結令: 冻结令), without the term itself."""
    spellings = dict.fromkeys(vocabulary.normalise(spelling) for spelling in other_scripts(norm))
    return tuple(spelling for spelling in spellings if spelling != norm)


@dataclass(frozen=True)
class Term:
    """One row of the term base."""

    term: str
    code: str
    weight: int
    jurisdiction: str
    scope: str
    source: str
    lang: str = "en"

    def place(self, named: set[str] | frozenset[str] = frozenset()) -> str:
        """The jurisdiction the term implies in a text that names these places: of several, the one named,
        else the first."""
        places = self.jurisdiction.split()
        return next((code for code in places if code in named), places[0] if places else "")

    def forms(self) -> tuple[str, ...]:
        """The normalised term, and its English stem when it is English; a Malay or Indonesian term also with
        the enclitic -nya on its last word ("permit kerjanya", "gajinya": his or her work permit, wages); a Chinese
        term also in the other script (凍結令, 冻结令)."""
        norm = vocabulary.normalise(self.term)
        stem = stem_words(norm) if self.lang == "en" else norm
        enclitic = (norm + "nya",) if self.lang in ("ms", "id") and norm.isascii() and not norm.endswith("nya") else ()
        return tuple(dict.fromkeys((norm, stem, *enclitic, *chinese_spellings(norm))))


@lru_cache(maxsize=65536)
def stem_word(word: str) -> str:
    """A normalised English word without its inflectional ending ("hiring", "hired", "hires" -> "hir");
    short words and other scripts stay as they are."""
    if len(word) <= 3 or not (word.isascii() and word.isalpha()):
        return word
    base = word
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            if ending == "s" and word.endswith(("ss", "us", "is")):
                break  # business, status, analysis: not plurals
            if ending == "es" and not word[:-2].endswith(("s", "x", "z", "ch", "sh")):
                continue  # employees, leases: the plural "s" only
            base = word[: -len(ending)] + ("y" if ending in ("ies", "ied") else "")
            break
    # planning -> plann -> plan; hire/hiring -> hir
    if len(base) > 3 and base[-1] == base[-2] and base[-1] not in _VOWELS and base[-1] not in "ls":
        base = base[:-1]
    return base[:-1] if len(base) > 3 and base.endswith("e") else base


def stem_words(norm: str) -> str:
    """A normalised phrase with each Latin word reduced to its English stem ("hiring staff" -> "hire staff")."""
    return " ".join(stem_word(w) for w in norm.split())


def read_terms(directory: Path = TERMS_DIR) -> list[Term]:
    """Every row of every term file; a malformed row raises ValueError naming its file and line."""
    rows: list[Term] = []
    for path in sorted(directory.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                try:
                    term = Term(
                        term=row["term"].strip(),
                        code=path.stem,
                        weight=int(row.get("weight") or 2),
                        jurisdiction=(row.get("jurisdiction") or "").strip().upper(),
                        scope=(row.get("scope") or "any").strip(),
                        source=(row.get("source") or "").strip(),
                        lang=(row.get("lang") or "").strip(),
                    )
                except (KeyError, ValueError, AttributeError) as error:
                    raise ValueError(f"{path.name} line {line}: {error}") from error
                if term.scope not in SCOPES or term.weight not in (1, 2, 3) or not vocabulary.normalise(term.term):
                    raise ValueError(f"{path.name} line {line}: bad weight, scope or empty term")
                rows.append(term)
    return rows


@lru_cache(maxsize=1)
def _terms() -> tuple[Term, ...]:
    """The rows of the term base, read once: the index, the table and the stems all start from them."""
    return tuple(read_terms())


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], Term]:
    table: dict[tuple[str, str], Term] = {}
    for term in _terms():
        for key in term.forms():
            known = table.get((key, term.code))
            if known is None or term.weight > known.weight:
                table[(key, term.code)] = term
    return table


def term_info(norm: str, code: str) -> Term | None:
    """The term-base row behind a normalised alias of a practice area, if it has one."""
    table = _table()
    return table.get((norm, code)) or table.get((stem_words(norm), code))


@lru_cache(maxsize=1)
def stem_forms() -> frozenset[str]:
    """The stems the term base adds as aliases that are not terms as written ("merg" of "merge")."""
    terms = _terms()
    written = {vocabulary.normalise(term.term) for term in terms}
    return frozenset(stem_words(vocabulary.normalise(term.term)) for term in terms if term.lang == "en") - written


@lru_cache(maxsize=1)
def unsplittable_terms() -> frozenset[str]:
    """The normalised terms of the term base written in other languages than English only: their words are not
    read apart with others between ("tái thẩm" is no "tại Thái Lan thẩm")."""
    terms = _terms()
    english = {vocabulary.normalise(term.term) for term in terms if term.lang == "en"}
    return frozenset(vocabulary.normalise(term.term) for term in terms if term.lang != "en") - english


def merge_terms(entries) -> None:
    """Add the term base to the practice-area entries of a vocabulary being loaded."""
    areas = entries["practice_areas"]
    for term in _terms():
        entry = areas.get(term.code)
        if entry is None:
            raise ValueError(f"terms/{term.code}.csv names no practice area of the vocabulary")
        target = entry.list_only if term.scope in ("caps", "list") else entry.aliases
        for form in dict.fromkeys((term.term, *term.forms()[1:])):
            if form not in target:
                target.append(form)
