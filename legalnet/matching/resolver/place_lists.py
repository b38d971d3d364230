"""Places of the matter named together in one list ("in Malaysia and also in Thailand", 马来西亚和泰国, "ở Việt Nam và
Thái Lan"): what the request asks of one it asks of the others, whatever their order."""

from __future__ import annotations

import re
from itertools import pairwise

from .cues import _LIST_JOINER

# What may stand between two places of one list: the resolver's list joiner ("and", "or", 和, và …) or a plus sign,
# then "also" and a preposition of place.
_JOINER_RE = re.compile(
    r"(?:" + _LIST_JOINER.pattern + r"|\s*\+\s*)(?:\b(?:also|juga|cũng|nữa)\b)?\s*"
    r"(?:\b(?:in|at|di|sa|ở|tại|o|tai)\b|在)?\s*", re.IGNORECASE)
# The longest gap read as one list: a list's joiner and a preposition, no clause between.
_LONGEST_GAP = 20


def listed_together(spans: list[tuple[int, int, str]], text: str) -> set[str]:
    """The codes of places named next to another place of the matter with only a list's joiner between."""
    together: set[str] = set()
    for (_start, end, code), (start, _end, other) in pairwise(sorted(spans)):
        gap = text[end:start]
        if code != other and len(gap) <= _LONGEST_GAP and gap.strip() and _JOINER_RE.fullmatch(gap):
            together |= {code, other}
    return together
