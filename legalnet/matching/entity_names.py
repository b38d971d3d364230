"""Other spellings of a company name for the conflict screen: the Latin form of a Chinese name, initialisms.

A register may hold "深圳华星照明科技有限公司" while a request names "Shenzhen Huaxing Lighting Technology
Co., Ltd.": the Chinese name is rendered word by word, with the usual English words for the generic parts
(科技 technology, 贸易 trading; ``data/entity_words.csv``) and Hanyu Pinyin (pypinyin) for the rest, so the
two can be compared. "PRD Biotech" and "Pearl River Delta Biotech" compare equal once an initialism is
lined up with the words it abbreviates.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from pypinyin import lazy_pinyin

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=1)
def _glossary() -> dict[str, str]:
    path = Path(__file__).parent / "data" / "entity_words.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["zh"]: row["en"] for row in csv.DictReader(handle)}


def has_chinese(text: str) -> bool:
    """True when the text holds Chinese characters."""
    return bool(_CJK_RE.search(text or ""))


@lru_cache(maxsize=16384)
def latin_form(name: str) -> str:
    """A Chinese company name in Latin letters: generic words in English, the rest in pinyin."""
    glossary = _glossary()
    longest = max(map(len, glossary), default=1)
    words: list[str] = []
    pending = ""
    i = 0
    while i < len(name):
        for size in range(min(longest, len(name) - i), 0, -1):
            english = glossary.get(name[i : i + size])
            if english:
                break
        else:
            english, size = None, 1
        if english:
            if pending:
                words.append("".join(lazy_pinyin(pending)))
                pending = ""
            words.append(english)
        elif _CJK_RE.match(name[i]):
            pending += name[i]
        else:
            if pending:
                words.append("".join(lazy_pinyin(pending)))
                pending = ""
            if not name[i].isspace():
                words.append(name[i])
        i += size
    if pending:
        words.append("".join(lazy_pinyin(pending)))
    return " ".join(w for w in words if w.strip())


def collapse_initialisms(words: list[str], other: list[str]) -> list[str]:
    """``other`` with each run of words abbreviated by an initialism of ``words`` replaced by it."""
    out = list(other)
    for token in words:
        if not (2 <= len(token) <= 5 and token.isalpha()) or token in out:
            continue
        size = len(token)
        for start in range(len(out) - size + 1):
            run = out[start : start + size]
            if "".join(w[:1] for w in run) == token:
                out[start : start + size] = [token]
                break
    return out
