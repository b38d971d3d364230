"""Places of the matter named together in one list ("in Malaysia and also in Thailand", 马来西亚和泰国, "ở Việt Nam và
Thái Lan"): what the request asks of one it asks of the others, whatever their order."""

from __future__ import annotations

import re
from itertools import pairwise

# What may stand between two places of one list: a comma or slash, "and", "or", "as well as", in the languages of
# the region, with "also" and a preposition of place after it.
_JOINER_RE = re.compile(
    r"\s*(?:[,，、/&+]|\band\b|\bor\b|\bas\s+well\s+as\b|\bplus\b|和|及|与|與|同|或|\bvà\b|\bva\b|\bhoặc\b|\bdan\b|\batau\b"
    r"|\bat\b|\bo\b|และ|หรือ)?\s*(?:\balso\b|\bjuga\b|\bcũng\b|\bnữa\b)?\s*(?:\b(?:in|at|di|sa|ở|tại|o|tai)\b|在)?\s*$",
    re.IGNORECASE)
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
