"""The lawyer a place qualifies: the one the client asks for ("Singapore counsel", "a lawyer in Hanoi", 新加坡律师,
ทนายในเวียดนาม, peguam di Brunei), or one someone already has ("our Singapore counsel", 我们的香港律师). Also the
items of a list under a heading that asks ("现委托：一、香港律师代理我司提起仲裁；二、…")."""

from __future__ import annotations

import re

from .background import asks, sentence_at
from .cues import _CUES
from .index import _Hit
from .scan import _next_words, _Token

_COUNSEL_AFTER = frozenset(_CUES["counsel_place"]["after"])
_COUNSEL_AFTER_ZH = tuple(_CUES["counsel_place"]["after_zh"])
_COUNSEL_BEFORE_RE = re.compile("(?:" + "|".join(_CUES["counsel_place"]["before"]) + ")", re.IGNORECASE)


# A lawyer someone already has: "our in-house lawyer", "the lender's counsel", 我们的律师.
_OWNED_LAWYER_RE = re.compile("|".join(_CUES["counsel_place"]["owned_before"]), re.IGNORECASE)
_OWN_RE = re.compile(r"\bown\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def names_counsel_place(hit: _Hit, words: list[_Token], text: str) -> bool:
    """Whether the place is where the client wants its lawyer: "Singapore counsel", "a lawyer in Hanoi",
    新加坡律师, ทนายในเวียดนาม, peguam di Brunei."""
    if not (asks(sentence_at(text, hit.start)) or in_asked_list(text, hit.start)):
        return False  # "our in-house lawyer in KL is not familiar with it", "the lender's counsel in Bangkok"
    lead = _counsel_lead(hit, words, text)
    return lead is not None and not _names_owned(lead)


def _counsel_lead(hit: _Hit, words: list[_Token], text: str) -> str | None:
    """The text before a place that qualifies a lawyer ("… counsel in Hanoi", "Singapore counsel", 新加坡律师),
    up to the lawyer word where it comes first; None when the place qualifies no lawyer."""
    found = _COUNSEL_BEFORE_RE.search(text[max(0, hit.start - 40) : hit.start])
    if found:
        return text[max(0, hit.start - 40) : hit.start][: found.start()]
    if hit.token_start < 0:
        if not text[hit.end : hit.end + 6].lstrip().startswith(_COUNSEL_AFTER_ZH):
            return None
        return text[max(0, hit.start - 12) : hit.start]
    after = _next_words(words, hit.token_end, text, 3)
    if after[:1] == ["based"]:
        after = after[1:]  # "HK-based solicitors"
    after = after[:2]
    # "a HK tax lawyer", "Singapore employment counsel": one word of the lawyer's field between.
    qualified = len(after) == 2 and after[1] in _COUNSEL_AFTER and after[0].isalpha() and after[0].islower()
    if not after or not (after[0] in _COUNSEL_AFTER or " ".join(after) in _COUNSEL_AFTER or qualified):
        return None
    return text[max(0, hit.start - 40) : hit.start]


def _names_owned(lead: str) -> bool:
    """Whether the words before a lawyer make it one someone has or does not need ("our Singapore counsel",
    "the lender's counsel", 唔使澳門律師), not "our own counsel" the client asks for."""
    return bool(_OWNED_LAWYER_RE.search(lead)) and not _OWN_RE.search(lead)


def names_owned_lawyer(hit: _Hit, words: list[_Token], text: str) -> bool:
    """Whether the place qualifies a lawyer someone already has: "being handled by our Singapore counsel",
    "the lender's counsel in Bangkok", 我们的香港律师. That lawyer's place is not where work is asked for."""
    if hit.token_start < 0 and _HAS_LAWYER_ZH_RE.match(text, hit.end):
        return True  # 我哋喺澳門有自己律師: the lawyers the client already has there
    lead = _counsel_lead(hit, words, text)
    return lead is not None and _names_owned(lead)


_HAS_LAWYER_ZH_RE = re.compile(
    r"\s*(?:已經|已经|都|亦|也)?有(?:自己|自家|長期|长期|常用)?(?:的|嘅)?(?:律師|律师|lawyer)")


# The mark that opens an item of a list: 一、 (1) 1. 1) a) i. - • *.
_LIST_ITEM_RE = re.compile(
    r"\s*(?:[一二三四五六七八九十]+[、.．]|[(（]?(?:\d{1,2}|[a-zA-Z]|[ivx]{1,4})[)）.．、]|[-•*·])\s*")


def in_asked_list(text: str, pos: int) -> bool:
    """Whether `pos` is in an item of a list whose heading, the line before the list ending in a colon, asks for
    something ("现委托：", "We need:", "Scope of work:")."""
    start = text.rfind("\n", 0, pos) + 1
    if not _LIST_ITEM_RE.match(text, start):
        return False
    while start > 0:
        line_start = text.rfind("\n", 0, start - 1) + 1
        line = text[line_start : start].strip()
        if line and not _LIST_ITEM_RE.match(line):
            # The heading may close a longer sentence: "… 现委托：" is asked by its last clause.
            return line.endswith((":", "：")) and asks(re.split(r"[。.!?！？]", line[:-1])[-1] + "：")
        start = line_start
    return False
