"""The client's own seat and nationality among the places a request names: a place the form lists that the text
names only as the client's seat or nationality gives way to the place of the matter, and a small town where the
client puts something is the matter's place when the text otherwise names only the client's seat; a request for
something "here" (dito, di sini, ở đây) asks about the client's own place."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .background import _sentence_spans, asks
from .cues import _CUES
from .hints import minor_places
from .index import _Index
from .results import TermResolution
from .scan import _tokens

if TYPE_CHECKING:
    from .prose import ProseReading

# The roles of places that are not where the work is: the client's seat and history, its parent's, other parties'
# seats, people's nationality, plans for later.
ASIDE_ROLES = ("home_jurisdictions", "history_jurisdictions", "background_jurisdictions", "people_jurisdictions",
                "later_jurisdictions", "group_jurisdictions")


# The roles of places named only for other parties (the client's parent among them), people or plans.
_WEAK_ROLES = ("background_jurisdictions", "people_jurisdictions", "later_jurisdictions", "group_jurisdictions")


def without_own_seat(listed: TermResolution, readings: list[ProseReading]) -> TermResolution:
    """The listed places without the client's own seat (or another party's) put in the list by mistake: a
    listed place that the text names only as where the client is ("Singapore company with sales staff in
    Bangkok") or where a partner comes from goes when the text names another place of the matter; the Check
    step shows what stayed."""
    aside = {code for reading in readings for name in ASIDE_ROLES for code, _source in getattr(reading, name)}
    matter = {code for reading in readings for code, _source in reading.jurisdictions}
    implied = {code for reading in readings for code, _source in reading.implied_jurisdictions}
    # "Singapore" in the form of a Singapore fintech that asks for "HK counsel": its seat, though the text names it.
    asked = {code for reading in readings for code in reading.asked_jurisdictions}
    homes = {code for reading in readings for code, _source in reading.home_jurisdictions}
    # "Not looking for anything on the China side", the form saying "China": a listed place the text declines or
    # puts off, and never asks about, goes when another place is left.
    later = {code for reading in readings for code, _source in reading.later_jurisdictions}
    declined = [code for code in listed.codes if code in later and code not in matter | implied | asked]
    if declined and (set(listed.codes) | matter | implied) - set(declined):
        listed = without_codes(listed, declined)
    seats = [code for code in listed.codes
             if code in aside and (code not in matter or (asked and code in homes and code not in asked))]
    if not seats:
        return listed
    if not (matter | implied) - set(seats):
        # "ako po ay isang FDW dito sa Singapore … ang pamilya ko nasa Iloilo", the form saying "Philippines": a
        # listed place the text names only for the client's people or plans, the client being seated elsewhere.
        weak = {code for reading in readings for name in _WEAK_ROLES for code, _source in getattr(reading, name)}
        if not (homes - set(seats)) or not set(seats) <= weak - homes:
            return listed
    return without_codes(listed, seats)


def without_unnamed(listed: TermResolution, readings: list[ProseReading], texts, idx: _Index, parties,
                    party_places: set[str]) -> TermResolution:
    """The listed places less those the text never names, in any role, not even by a district, a small town or its
    people's name, when it names another place of the matter: a client often types where it is ("Malaysia" from a
    Malaysian cook in Macau) and writes only about the matter. A place typed as part of a region ("Greater Bay
    Area") or picked as a code stays."""
    matter = _matter_codes(readings)
    if not matter - set(listed.codes) or _adds_places(texts, readings):
        return listed
    told = party_places | matter | {code for reading in readings for name in ASIDE_ROLES
                                    for code, _source in getattr(reading, name)}
    if set(listed.codes) - told:
        # A district or small town, or a people's name ("our Thai supplier"), names the place too.
        told |= {code for text, _factor in texts for code, _name in minor_places(text, idx, parties[text])}
        told |= {code for text, _factor in texts for word in _tokens(text)[0]
                 for code in idx.demonyms.get(word.norm, ())}
    by_source = Counter(listed.sources.get(code, "") for code in listed.codes)
    # A code picked from the vocabulary (the form's list, the API) is the client's choice, not a slip of typing.
    unnamed = [code for code in listed.codes if code not in told and by_source[listed.sources.get(code, "")] == 1
               and listed.sources.get(code) != code]
    return without_codes(listed, unnamed) if unnamed else listed


def _matter_codes(readings: list[ProseReading]) -> set[str]:
    """The places the text names as the matter's, or implies by a regulator, statute or court."""
    return {code for reading in readings for name in ("jurisdictions", "implied_jurisdictions")
            for code, _source in getattr(reading, name)}


_ADDITIVE_RE = re.compile("|".join(_CUES["additive_words"]), re.IGNORECASE)


def _adds_places(texts, readings: list[ProseReading]) -> bool:
    """Whether a sentence naming a place of the matter adds it to the listed ones ("Also need help in Laos")."""
    for (text, _factor), reading in zip(texts, readings, strict=True):
        names = {source for name in ("jurisdictions", "implied_jurisdictions")
                 for _code, source in getattr(reading, name)}
        for start, end in _sentence_spans(text):
            sentence = text[start:end]
            if any(name in sentence for name in names) and _ADDITIVE_RE.search(sentence):
                return True
    return False


def without_codes(listed: TermResolution, codes: list[str]) -> TermResolution:
    """The listed places less the given codes, with their sources."""
    keep = [code for code in listed.codes if code not in codes]
    return replace(listed, codes=keep, sources={c: s for c, s in listed.sources.items() if c in keep})


def with_located_minor_places(readings: list[ProseReading], texts, idx: _Index, parties) -> None:
    """When the text names no place of the matter but the client's own, a small town it puts something in
    ("I stay in Kuala Belait but run a shop in Miri") is where the matter is."""
    homes = {code for reading in readings for code, _source in reading.home_jurisdictions}
    if not homes:
        return
    matter = _matter_codes(readings)
    if matter - homes:
        return
    for (text, _factor), reading in zip(texts, readings, strict=True):
        for code, source in minor_places(text, idx, parties[text], located=True):
            if code not in homes:
                reading.jurisdictions.append((code, source))


def without_nationality(listed: TermResolution, readings: list[ProseReading], texts, idx: _Index) -> TermResolution:
    """The listed places less one the text names only by its people ("Pinoy po ako, working in Macau" with the
    Philippines in the form): the client's nationality, when the text names another place of the matter, or one
    where the client lives or whose court or regulator it names ("I'm Malaysian, living in Singapore … ECT")."""
    named = {code for reading in readings for name in ("jurisdictions", "implied_jurisdictions", *ASIDE_ROLES)
             for code, _source in getattr(reading, name)}
    matter = {code for reading in readings for name in ("jurisdictions", "implied_jurisdictions", "home_jurisdictions")
              for code, _source in getattr(reading, name)}
    if not listed.codes or not matter - set(listed.codes):
        return listed
    people = {code for text, _factor in texts for code in _self_described_nationalities(text, idx)}
    drop = [code for code in listed.codes if code in people and code not in named]
    if not drop:
        return listed
    keep = [code for code in listed.codes if code not in drop]
    return replace(listed, codes=keep, sources={c: s for c, s in listed.sources.items() if c in keep})


# The writer naming its own nationality: "I'm Indonesian", "we're Thai", "saya orang …", "Pinoy po ako".
_SELF_BEFORE_NATIONALITY = frozenset({"im", "am", "were", "saya", "aku", "kami", "toi"})
_SELF_AFTER_NATIONALITY = frozenset({"ako", "kami"})


def _self_described_nationalities(text: str, idx: _Index) -> set[str]:
    """The places whose people the writer says it is one of."""
    words = _tokens(text)[0]
    found: set[str] = set()
    for k, word in enumerate(words):
        codes = idx.demonyms.get(word.norm)
        if codes and ({w.norm for w in words[max(0, k - 2) : k]} & _SELF_BEFORE_NATIONALITY
                      or {w.norm for w in words[k + 1 : k + 3]} & _SELF_AFTER_NATIONALITY):
            found |= codes
    return found


_HERE_RE = re.compile("|".join(_CUES["here_words"]), re.IGNORECASE)


@lru_cache(maxsize=64)
def asks_for_here(text: str) -> bool:
    """Whether a sentence of the text asks for something where the writer is: "Can we claim against the resort in
    Indonesia and challenge the insurer here?", "mag-file ng kaso dito"."""
    for start, end in _sentence_spans(text):
        for here in _HERE_RE.finditer(text, start, end):
            # "Dito po ako nagtatrabaho sa Singapore": the place is named, the rest of the text places it.
            if _WRITER_HERE_RE.search(text, max(0, here.start() - 12), here.start()):
                continue  # "HK co. here, need Brunei counsel": who is writing, not where the work is
            if not _PLACE_NAMED_AFTER_RE.match(text, here.end()) and asks(text[start:end]):
                return True
    return False


_WRITER_HERE_RE = re.compile(r"\b(?:co\.?|company|firm|startup|sme|business)\s*$", re.IGNORECASE)
_PLACE_NAMED_AFTER_RE = re.compile(r"[^.!?\n]{0,40}?\b(?:in|at|sa|di|ở|tại)\s+[A-Z]")
