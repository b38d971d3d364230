"""Chinese written in either script: a word or pattern in Simplified Chinese in the other scripts (Traditional, as
written in Taiwan and in Hong Kong) and the reverse, through OpenCC's phrase-aware conversions, so that word lists
and the term base need each word written once."""

from __future__ import annotations

import re
from functools import lru_cache

from opencc import OpenCC

_CONVERSIONS = tuple(OpenCC(config) for config in ("t2s.json", "s2t.json", "s2hk.json"))
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=16384)
def other_scripts(text: str) -> tuple[str, ...]:
    """The text in the other Chinese scripts, without the text itself; nothing for text without Chinese."""
    if not _HAN_RE.search(text):
        return ()
    return tuple(spelling for spelling in dict.fromkeys(c.convert(text) for c in _CONVERSIONS) if spelling != text)


# A regular expression is left as written: converting "(?![诉訴])" would drop the very character it excludes.
_PATTERN_RE = re.compile(r"[\\\[\](){}?*+|^$]")


def with_other_scripts(value):
    """A word list (or a structure of them, as read from JSON) with each Chinese word of two characters or more also
    in the other scripts, added after the list's own entries; regular expressions stay as they are."""
    if isinstance(value, dict):
        return {key: with_other_scripts(item) for key, item in value.items()}
    if not isinstance(value, list):
        return value
    items = [with_other_scripts(item) for item in value]
    # A single character may be another word in the other script (Cantonese 係, "is", is 系 as in 联系, "contact").
    words = [item for item in items if isinstance(item, str) and len(item) > 1 and not _PATTERN_RE.search(item)]
    extra = [spelling for word in words for spelling in other_scripts(word)]
    known = {item for item in items if isinstance(item, str)}
    return items + [spelling for spelling in dict.fromkeys(extra) if spelling not in known]
