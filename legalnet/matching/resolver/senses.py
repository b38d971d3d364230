"""Which sense a term has in a text: a region read as the places of it the text names, an acronym of two
places' institutions read by the rest of the text, a word that loses an area beside terms of another
(``context_senses`` in data/cues.json) or in a situation (``situation_senses``), a word written in Vietnamese read
by its marks, and whether a term names an institution."""

from __future__ import annotations

import re

from ..termbase import term_info
from ..vocabulary import normalise, written_form
from .cues import _CUES
from .index import VIETNAMESE_LETTERS, _Index, marked

# A word read in one area except beside another that gives it a different sense ("employer" in a building
# contract, "SPA" for a flat): (word, area) -> the areas that take it away.
OTHER_SENSE = {(normalise(entry["term"]), entry["area"]): frozenset(entry["not_with"])
                for entry in _CUES["context_senses"]}


# A word that loses an area in a situation the text tells (a police report after a road accident):
# (word, area) -> the situation.
_SITUATION_SENSE = {(normalise(term), entry["area"]): re.compile("|".join(entry["situations"]), re.IGNORECASE)
                    for entry in _CUES["situation_senses"] for term in entry["terms"]}


def loses_area_here(term: str, area: str, text: str) -> bool:
    """Whether the text tells a situation in which the term does not name the area ("Police report already
    made" about a road accident is no criminal matter)."""
    situation = _SITUATION_SENSE.get((term, area))
    return bool(situation and situation.search(text))


def in_other_sense(term: str, area: str, supported: set[str], support: dict[str, set[str]], text: str) -> bool:
    """Whether the term does not name the area here: beside terms of an area that gives it another sense, or in a
    situation the text tells; unless other terms of the text name the area too."""
    other = supported & OTHER_SENSE.get((term, area), frozenset()) or loses_area_here(term, area, text)
    return bool(other) and not support.get(area, set()) - {term}


def region_codes(codes: frozenset[str], single: set[str]) -> frozenset[str]:
    """The places a region of three or more names stands for here (大湾区, the GBA): those of it the text also
    names one by one, when it names any ("在深圳前海工作…可唔可以用大湾区个税补贴"); else all of them."""
    if len(codes) < 3:
        return codes
    return (codes & single) or codes


def acronym_areas(hit, areas: frozenset[str], supported: set[str], places: set[str]) -> frozenset[str]:
    """The areas an acronym that names institutions of different places stands for here: those the rest of
    the text names too ("VCC" beside a merger filing is Vietnam's competition commission, beside a fund
    Singapore's variable capital company), else those of a place the text names; with neither, the text
    does not say which it is and the acronym counts for nothing."""
    if len(areas) < 2 or not hit.text.isupper():
        return areas
    rows = {code: term_info(normalise(hit.text), code) for code in areas}
    if len({row.jurisdiction for row in rows.values() if row and row.jurisdiction}) < 2:
        return areas  # one institution or none ("MAS", "ESPP"): every area it touches
    at_home = frozenset(code for code, row in rows.items() if row and row.place(places) in places)
    return (areas & supported) or at_home


def is_institution(row) -> bool:
    """Whether a term is a regulator, statute, court or registry (its source names one), not a word in
    local usage that only hints at a place (判頭, "curated")."""
    return bool(row.source) and not row.source.startswith("curated")


def listed_acronym_areas(codes: list[str], sources: dict[str, str], places: set[str]) -> list[str]:
    """The areas of the list field less those of an acronym typed there that names institutions of different
    places ("VCC": Singapore's variable capital company or Vietnam's competition commission), when the request's
    places say which one it is."""
    keep = list(codes)
    for source in {sources[code] for code in codes if code in sources}:
        if not source.isupper():
            continue
        areas = [code for code in codes if sources.get(code) == source]
        rows = {code: term_info(normalise(source), code) for code in areas}
        if len({row.jurisdiction for row in rows.values() if row and row.jurisdiction}) < 2:
            continue
        here = [code for code, row in rows.items() if row and row.place(places) in places]
        if here:
            keep = [code for code in keep if code not in areas or code in here]
    return keep


def vietnamese_reading(hit, idx: _Index) -> dict[str, frozenset[str]]:
    """The hit's senses, without the places outside Vietnam that a word written in Vietnamese only looks like
    without its marks ("tình trạng" is not Trang, Thailand); "Thái Lan" keeps Thailand, its Vietnamese name; and
    without the areas of a term the text writes with other marks ("thuê luật sư", to hire a lawyer, is no "thuế")."""
    written = written_form(hit.text)
    if not marked(written):
        return hit.senses
    senses = _with_marked_areas(hit.senses, written, idx)
    if not VIETNAMESE_LETTERS & set(written):
        return senses
    places = senses.get("jurisdictions")
    if not places or "VN" in places:
        return senses
    kept = idx.vietnamese_names.get(written, frozenset()) & places
    if kept:
        return {**senses, "jurisdictions": kept}
    return {kind: codes for kind, codes in senses.items() if kind != "jurisdictions"}


def _with_marked_areas(senses: dict[str, frozenset[str]], written: str, idx: _Index) -> dict[str, frozenset[str]]:
    """The senses less the areas whose every spelling of the term is written with other marks than the text's."""
    areas = senses.get("practice_areas")
    ways = idx.area_spellings.get(normalise(written))
    if not areas or not ways:
        return senses
    kept = frozenset(code for code in areas if code not in ways or written in ways[code]
                     or not all(marked(way) for way in ways[code]))
    if kept == areas:
        return senses
    return {**senses, "practice_areas": kept} if kept else {k: v for k, v in senses.items() if k != "practice_areas"}
