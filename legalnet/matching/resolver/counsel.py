"""A lawyer asked for "there": "need a lawyer there", 当地律师, luật sư tại đó, ทนายที่นั่น, peguam di sana. The
client points back to the one place of the matter, or of a regulator, it named before (IRAS … "a tax lawyer
there"). The words are data: ``counsel_there`` in ``data/cues.json``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cues import _CUES

if TYPE_CHECKING:
    from .prose import ProseReading

_COUNSEL_THERE_RE = re.compile("|".join(_CUES["counsel_there"]), re.IGNORECASE)
# A lawyer someone already has or the client does not need: "已经由当地律师在办", "our lawyer there".
_OWNED_RE = re.compile("(?:" + "|".join(_CUES["counsel_place"]["owned_before"]) + r"|由\s*$|\bby\s+(?:a\s+|the\s+)?$)",
                       re.IGNORECASE)
# A lawyer there who is already at work on it: "当地律师在处理", "the lawyers there told us to settle".
# Not one the client is unhappy with or leaving: "当地律师在跟进但我们不满意，想换律师".
COUNSEL_AT_WORK_RE = re.compile("(?:" + "|".join(_CUES["counsel_there"]) + ")(?:"
                                + "|".join(_CUES["counsel_place"]["at_work_after"]) + r")(?![^.。!?！？]{0,40}?(?:"
                                + "|".join(_CUES["counsel_place"]["left_after"]) + "))", re.IGNORECASE)


def counsel_there(text: str, reading: ProseReading) -> set[str]:
    """The place where the text asks for a lawyer "there": the one place of the matter or of a regulator named
    before the ask. With several named before it, "there" is not clear, and nothing is read."""
    named = reading.jurisdictions + reading.implied_jurisdictions
    places = set()
    for ask in _COUNSEL_THERE_RE.finditer(text):
        owned = _OWNED_RE.search(text[max(0, ask.start() - 24) : ask.start()])
        if owned or COUNSEL_AT_WORK_RE.match(text, ask.start()):
            continue
        before = {code for code, source in named if 0 <= text.find(source) < ask.start()}
        if len(before) == 1:
            places |= before
    return places
