"""A judgment or award already given, to be enforced elsewhere: the place that gave it is where the case was, not
where the work is now ("we won a judgment in Shenzhen, now to enforce it in Hong Kong")."""

from __future__ import annotations

import re
from functools import lru_cache

from .background import _clause_after
from .cues import _CUES
from .index import _Hit

_JUDGMENT_BEFORE_RE = re.compile("|".join(_CUES["judgment_origin_before"]), re.IGNORECASE)
_JUDGMENT_AFTER_RE = re.compile("|".join(_CUES["judgment_origin_after"]), re.IGNORECASE)
_JUDGMENT_ZH_AFTER = tuple(_CUES["judgment_origin_zh_after"])
_ENFORCEMENT_RE = re.compile("|".join(_CUES["enforcement_request"]), re.IGNORECASE)
_GAVE_JUDGMENT_AFTER_RE = re.compile("|".join(_CUES["judgment_words_after"]), re.IGNORECASE)
_GAVE_JUDGMENT_BEFORE_RE = re.compile("|".join(_CUES["judgment_words_before"]), re.IGNORECASE)
_ENFORCED_HERE_RE = re.compile("|".join(_CUES["enforcement_place_before"]), re.IGNORECASE)


def is_judgment_origin(hit: _Hit, text: str) -> bool:
    """Whether the place is where a judgment or award was already won: "we won a judgment in Shenzhen",
    在深圳中院胜诉, or, in a request to enforce one, the court or tribunal that gave it ("register our Malaysian
    judgment in Singapore")."""
    if _gave_judgment_to_enforce(hit, text):
        return True
    if hit.token_start < 0:
        return any(marker in _clause_after(text, hit.end, 6) for marker in _JUDGMENT_ZH_AFTER)
    return bool(_JUDGMENT_BEFORE_RE.search(text[max(0, hit.start - 80) : hit.start])
                or _JUDGMENT_AFTER_RE.match(text, hit.end))


@lru_cache(maxsize=64)
def asks_enforcement(text: str) -> bool:
    """Whether the text asks for a judgment or award already given to be recognised, registered or enforced."""
    return bool(_ENFORCEMENT_RE.search(text))


def _gave_judgment_to_enforce(hit: _Hit, text: str) -> bool:
    """In a request to enforce a judgment or award, whether the place is the court or tribunal that gave it
    (广州中院判决在香港申请登记执行, "penghakiman Mahkamah Tinggi Malaysia di Singapura"), and not the place
    where it is to be enforced (向深圳中院申请执行, "in the High Court of Singapore")."""
    if not asks_enforcement(text):
        return False
    before = text[max(0, hit.start - 60) : hit.start]
    if _GAVE_JUDGMENT_AFTER_RE.match(text[hit.end : hit.end + 60]):
        return not _ENFORCED_HERE_RE.search(before)
    judgment = _GAVE_JUDGMENT_BEFORE_RE.search(before)
    return bool(judgment) and not _ENFORCED_HERE_RE.search(before[: judgment.start()])
