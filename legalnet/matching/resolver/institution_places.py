"""Which place a regulator, court or statute named in the text belongs to, when the text says so beside it: a place
written right before or after its name ("ထိုင်းတရားရုံး", Thai courts; "Tòa án nhân dân trung cấp Quảng Châu"), or
another place named in its sentence."""

from __future__ import annotations

import re
from bisect import bisect_left

from .background import _sentence_span
from .index import _Hit

# How far after an institution's name the place it belongs to may come ("Tòa án nhân dân trung cấp Quảng Châu").
_COURT_PLACE_REACH = 16
# How far before it: only the space between two words ("Thai courts", ထိုင်းတရားရုံး, 泰国法院).
_PLACE_BEFORE_REACH = 1
_GAP_BREAK_RE = re.compile(r"[,，;；.。:：()（）\n]")

PlaceSpans = list[tuple[int, int, frozenset[str]]]


def place_spans(hits: list[_Hit], readings: dict[int, dict]) -> PlaceSpans:
    """(start, end, codes) of each place the text names, in order."""
    return sorted((h.start, h.end, readings[id(h)]["jurisdictions"])
                  for h in hits if "jurisdictions" in readings[id(h)])


def names_other_place(hit: _Hit, text: str, place: str, places: PlaceSpans) -> bool:
    """Whether a place other than the institution's own is written right before or shortly after its name: the
    institution is that place's."""
    first_after = bisect_left(places, (hit.end,))
    after = places[first_after : first_after + 3]
    if any(start - hit.end <= _COURT_PLACE_REACH and place not in codes
           and not _GAP_BREAK_RE.search(text, hit.end, start) for start, _end, codes in after):
        return True
    last_before = bisect_left(places, (hit.start,))
    before = places[last_before - 1 : last_before] if last_before else []
    return any(0 <= hit.start - end <= _PLACE_BEFORE_REACH and not text[end : hit.start].strip() and place not in codes
               for _start, end, codes in before)


def beside_other_place(hit: _Hit, text: str, place: str, places: PlaceSpans) -> bool:
    """Whether the sentence of a term that implies a place names another place: "for the assets in Singapura …
    surat kuasa mentadbir" asks for the Singapore grant, though the Malay term is Malaysia's."""
    start, end = _sentence_span(text, hit.start)
    first, last = bisect_left(places, (start,)), bisect_left(places, (end,))
    return any(place not in codes for _at, _end, codes in places[first:last])
