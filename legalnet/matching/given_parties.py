"""The parties a client gives beside the ones found in its text: a given short form ("PT NLP", "GHVI") gives way to
the full name the text spells out, so that each party is screened once, by its fullest name."""

from __future__ import annotations

import re
from functools import lru_cache

from .conflicts import normalise_entity
from .party_words import PARTY_WORDS
from .vocabulary import get_vocabulary, normalise

_HONORIFIC_WORDS = frozenset(normalise(word).rstrip(".") for word in PARTY_WORDS["person_honorifics"])
# A role the client adds in brackets after a name it types: "Nanyue Fuel (buyer)".
_ROLE_NOTE_RE = re.compile(r"\s*[(（][a-z][a-z\s]*[)）]\s*$")


@lru_cache(maxsize=4096)
def _letters(name: str) -> str:
    return (normalise_entity(name) or normalise(name)).replace(" ", "")


def bare_name(name: str) -> str:
    """A name without an honorific before it or a role in brackets after it ("Mr Hung", "Nanyue Fuel (buyer)")."""
    words = _ROLE_NOTE_RE.sub("", name).split()
    while len(words) > 1 and normalise(words[0]).rstrip(".") in _HONORIFIC_WORDS:
        words = words[1:]
    return " ".join(words)


def _initials(name: str) -> str:
    words = [w for w in normalise(name).split() if w not in {"of", "and", "the", "pt", "cv"}]
    return "".join(w[0] for w in words if w)


_INITIALS_RE = re.compile(r"[A-Z]{2,6}")


def short_form_of(short: str, full: str) -> bool:
    """True when ``short`` is the client's short form of ``full``: the same name, a part, or its initials."""
    a, b = _letters(bare_name(short)), _letters(full)
    if not a or not b:
        return False
    if a == b or a in b:
        return True
    if b in a:
        # "Golden Harvest Ventures Inc. (GHVI)" spells the found name out and adds its initials.
        return True
    short_words = [w for w in normalise(short).split() if w not in {"pt", "cv"}]
    if len(short_words) == 1 and 2 <= len(short_words[0]) <= 6 and _initials(full).startswith(short_words[0]):
        return True
    full_words = normalise(full).split()
    if len(short_words) > 1 and _spelled_in(short_words, full_words):
        return True
    # "Meijia SZ", "Golden Harvest HK": the client adds where the party is; the rest spells the name.
    named = [w for w in short_words if w not in _place_words()]
    return 0 < len(named) < len(short_words) and len("".join(named)) >= 4 and _spelled_in(named, full_words)


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """The one-word names and abbreviations of the jurisdictions and their places (hk, sz, shenzhen)."""
    return frozenset(alias for alias in get_vocabulary().aliases("jurisdictions") if " " not in alias)


def _spelled_in(short: list[str], full: list[str]) -> bool:
    """Whether each word of a short form, in order, is a word of the full name or the initials of a run of its
    words ("Lingyun VC" in "Shenzhen Qianhai Lingyun Venture Capital Co., Ltd.")."""
    if not short:
        return True
    word = short[0]
    for start in range(len(full)):
        if full[start] == word and _spelled_in(short[1:], full[start + 1 :]):
            return True
        run = len(word)
        if 2 <= run <= 4 and "".join(w[0] for w in full[start : start + run]) == word and len(
                full[start : start + run]) == run and _spelled_in(short[1:], full[start + run :]):
            return True
    return False


def merge_parties(given: list[str], found: list[str]) -> tuple[list[str], list[str]]:
    """(given names kept, found names added): a given short form gives way to the full name found."""
    kept_given: list[str] = []
    added: list[str] = []
    for name in found:
        if not any(_letters(name) == _letters(g) for g in given) or len(name) > max(
            (len(g) for g in given if _letters(g) == _letters(name)), default=0
        ):
            added.append(name)
    # "The EGAT PPA" beside "Electricity Generating Authority of Thailand": the initials name the same party once.
    added = [name for name in added if not (_INITIALS_RE.fullmatch(name) and any(
        other != name and short_form_of(name, other) for other in added))]
    # "Encik Kader" beside "Kader bin Mohamed Ibrahim": one person, named once by the full name.
    added = [name for name in added if bare_name(name) == name or not any(
        other != name and len(_letters(bare_name(name))) >= 3 and _letters(bare_name(name)) in _letters(other)
        for other in added)]
    for name in given:
        if any(short_form_of(name, full) for full in added):
            continue
        kept_given.append(name)
    return kept_given, added
