"""The parts of a request pasted from e-mail: the writer's own message, its signature, and the forwarded or
quoted history below it.

A client often forwards a thread and writes the ask on top: the history tells the story (other places, other
people's words), the signature gives the writer's own address. Plain Python; the words are data
(``data/mail.json``).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .party_words import PARTY_WORDS

_DATA = json.loads((Path(__file__).parent / "data" / "mail.json").read_text(encoding="utf-8"))


def _words(words: list[str]) -> str:
    """A regular-expression alternation of the words, longest first, any run of spaces matching one."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_OPENER_RE = re.compile(r"^[ \t>]*(?:" + "|".join(_DATA["history_openers"]) + r")", re.IGNORECASE | re.MULTILINE)
_HEADER_RE = re.compile(
    r"^[ \t>*]*(?:" + _words(_DATA["header_fields"]) + r")[ \t*]*[:：]", re.IGNORECASE | re.MULTILINE)
# The sender line of a message's own header ("From: Group Legal, …", 发件人：…, Dari: …).
SENDER_LINE_RE = re.compile(r"[ \t>*]*(?:" + _words(_DATA["header_fields"]) + r")[ \t*]*[:：]", re.IGNORECASE)
_ADDRESS_LINE_RE = re.compile(
    r"[ \t>*]*(?:" + _words(_DATA["header_fields"] + _DATA["recipient_fields"]) + r")[ \t*]*[:：]", re.IGNORECASE)
RECIPIENT_LINE_RE = re.compile(r"[ \t>*]*(?:" + _words(_DATA["recipient_fields"]) + r")[ \t*]*[:：]", re.IGNORECASE)
_SECOND_HEADER_RE = re.compile(r"[ \t>*]*(?:" + _words(_DATA["second_header_fields"]) + r")[ \t*]*[:：]", re.IGNORECASE)
_REPLY_RE = re.compile("|".join(f"(?:{p})" for p in _DATA["reply_openers"]), re.IGNORECASE | re.MULTILINE)
# "> " quotes a line; ">50% of our sales" does not.
_QUOTED_LINE_RE = re.compile(r"^[ \t]*>(?![\d=])", re.MULTILINE)
SIGN_OFFS = _words(_DATA["sign_offs"])
# A sign-off alone on its line, with a tail ("Thanks so much,"), or closing a short line of Chinese (麻煩報價，謝謝。).
SIGN_OFF_RE = re.compile(
    r"^[ \t]*(?:--|—|(?:[^\n]{0,40}[，,。！!][ \t]*)?(?=[^\x00-\x7f])(?:" + SIGN_OFFS + r")|(?:" + SIGN_OFFS
    + r")(?:[ \t]+(?:" + _words(_DATA["sign_off_tails"]) + r"))?)[ \t,.!！，。、~]*$", re.IGNORECASE | re.MULTILINE)
_NOTICE_RE = re.compile(_words(_DATA["notice_words"]), re.IGNORECASE)
# "Background: …", 其他：… at the start of a line or after a full stop: a section of side notes.
_ASIDE_HEADING_RE = re.compile(
    r"(?:^|(?<=[.。!！?？;；]))[ \t]*(?:" + _words(_DATA["aside_headings"]) + r")[ \t]*[:：]",
    re.IGNORECASE | re.MULTILINE)
# A message needs this much text of its own above the history for the history to be set apart.
_OWN_TEXT_MIN = 40
# A signature is the writer's name, title, company and address: a few short lines.
_SIGNATURE_MAX_LINES = 8
_SIGNATURE_LINE_MAX = 120
# A postscript, or a sentence (six words or more, three of them in small letters, ending in a full stop) is the
# message again, not the signature; an address line is mostly capitalised.
_POSTSCRIPT_RE = re.compile(r"\s*(?:p\.?\s?s\.?|n\.?\s?b\.?)(?:\s|:)", re.IGNORECASE)
_SENTENCE_LINE_RE = re.compile(r"(?:\S+\s+){5,}\S*[.?!]\s*$")
_SMALL_WORD_RE = re.compile(r"(?<!\S)[a-z]")
_SIGNATURE_MARK_RE = re.compile(
    r"(?:\b|(?<=[^\x00-\x7f]))(?:" + _words(PARTY_WORDS["signature_titles"] + PARTY_WORDS["latin_suffixes"])
    + r")(?:\b|(?=[^\x00-\x7f])|$)|有限公司|จำกัด|Sdn\.?\s*Bhd|\bPT\s|Công\s+ty|Cong\s+ty"
    # A telephone line: "Tel: +65 6861 2210", 电话：0755-2712, โทร 038-412-556.
    + r"|^[ \t]*(?:" + _words(_DATA["contact_labels"]) + r")\.?[ \t]*[:：.]?[ \t]*[+(（]?\d",
    re.IGNORECASE | re.MULTILINE)


def _header_at(text: str, m: re.Match) -> bool:
    """Whether a "From:" line opens a header block (a "Sent:", "Date:" or "Subject:" line follows within three)."""
    pos = m.end()
    for _ in range(3):
        pos = text.find("\n", pos)
        if pos < 0:
            return False
        pos += 1
        if _SECOND_HEADER_RE.match(text, pos):
            return True
    return False


@lru_cache(maxsize=256)
def history_start(text: str) -> int:
    """Where the forwarded or quoted history of a message starts (the text's length when it has none). A header
    at the very top is the message's own: history needs some text of the writer's above it."""
    starts = {m.start() for m in _OPENER_RE.finditer(text)}
    starts |= {m.start() for m in _HEADER_RE.finditer(text) if _header_at(text, m)}
    starts |= {m.start() for m in _REPLY_RE.finditer(text)}
    starts |= {m.start() for m in _QUOTED_LINE_RE.finditer(text)}
    own, pos = 0, 0
    for line in text.split("\n"):
        if pos in starts and own >= _OWN_TEXT_MIN:
            return pos
        if not (_OPENER_RE.match(line) or _QUOTED_LINE_RE.match(line) or _HEADER_RE.match(line)
                or _SECOND_HEADER_RE.match(line)):
            own += len("".join(line.split()))
        pos += len(line) + 1
    return len(text)


@lru_cache(maxsize=256)
def signature_span(text: str) -> tuple[int, int] | None:
    """The writer's signature above the history: the short lines under the last sign-off ("Regards,", 謝謝！),
    up to a confidentiality notice, a long line or the history."""
    history = history_spans(text)
    sign_offs = [m for m in SIGN_OFF_RE.finditer(text) if not in_history(text, m.start())]
    if not sign_offs:
        return None
    start = sign_offs[-1].end()
    end = min((first for first, _last in history if first >= start), default=len(text))
    pos, lines = start, 0
    for line in text[start:end].split("\n"):
        if line.strip():
            if (len(line.strip()) > _SIGNATURE_LINE_MAX or _NOTICE_RE.search(line) or _is_prose_line(line)
                    or lines >= _SIGNATURE_MAX_LINES):
                break
            lines += 1
        pos += len(line) + 1
    span = (sign_offs[-1].start(), min(pos, end))
    # A signature names the writer's title or company; "Thank you\nProperty address: …" is the message going on.
    return span if lines and _SIGNATURE_MARK_RE.search(text, span[0], span[1]) else None


def _is_prose_line(line: str) -> bool:
    """Whether a line under a sign-off is the message again: a postscript or a sentence."""
    return bool(_POSTSCRIPT_RE.match(line) or (
        _SENTENCE_LINE_RE.search(line) and len(_SMALL_WORD_RE.findall(line)) >= 3))


# A line of dashes or underscores alone closes a forwarded message the writer goes on after ("----------").
_CLOSING_LINE_RE = re.compile(r"^[ \t]*[-_=—]{5,}[ \t]*$", re.MULTILINE)


@lru_cache(maxsize=256)
def history_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each block of forwarded or quoted history: a forwarded message runs to the line of dashes
    that closes it, quoted lines ("> …") to the first line that is not quoted, and a block left open to the end."""
    spans: list[tuple[int, int]] = []
    start = history_start(text)
    while start < len(text):
        end = _history_end(text, start)
        spans.append((start, end))
        later = [m.start() for regex in (_OPENER_RE, _REPLY_RE, _QUOTED_LINE_RE) for m in regex.finditer(text, end)]
        start = min(later, default=len(text))
    return tuple(spans)


def _history_end(text: str, start: int) -> int:
    """Where a block of history that starts at `start` ends."""
    first_line_end = text.find("\n", start)
    if first_line_end < 0:
        return len(text)
    if _QUOTED_LINE_RE.match(text, start) or _REPLY_RE.match(text, start):
        pos = first_line_end + 1
        for line in text[pos:].split("\n"):
            if line.strip() and not _QUOTED_LINE_RE.match(line):
                return pos
            pos += len(line) + 1
        return len(text)
    closing = _CLOSING_LINE_RE.search(text, first_line_end)
    if not closing or len("".join(text[closing.end() :].split())) < _OWN_TEXT_MIN:
        return len(text)
    return closing.end()


def in_history(text: str, pos: int) -> bool:
    """Whether a position is in the forwarded or quoted history of the message."""
    return any(start <= pos < end for start, end in history_spans(text))


def in_signature_block(text: str, pos: int) -> bool:
    """Whether a position is in the writer's signature above the history."""
    span = signature_span(text)
    return bool(span) and span[0] <= pos < span[1]


def on_address_line(text: str, pos: int) -> bool:
    """Whether a position is on a header line that names who wrote or received a message (From:, To:, Cc:, 收件人:)."""
    return bool(_ADDRESS_LINE_RE.match(text, text.rfind("\n", 0, pos) + 1))


def aside_heading_starts(text: str) -> list[int]:
    """Where the text opens a section of side notes ("Background:", "For completeness:", 其他：)."""
    return [m.start() for m in _ASIDE_HEADING_RE.finditer(text)]


_GREETING_RE = re.compile(r"\s*(?:" + "|".join(f"(?:{g})" for g in _DATA["greetings"]) + r")\s*", re.IGNORECASE)


def body_start(text: str) -> int:
    """Where the writer's own words begin, after the greetings that open the message ("Dear Sir/Madam,",
    "Hi there,", สวัสดีค่ะ)."""
    pos = 0
    while found := _GREETING_RE.match(text, pos):
        if found.end() == pos:
            break
        pos = found.end()
    return pos


_LEAD_RE = re.compile("|".join(f"(?:{lead})" for lead in _DATA["background_leads"]), re.IGNORECASE)
# A heading line of the text ending in a colon: from a line or sentence start to the colon, at most 90 characters.
_HEADING_RE = re.compile(r"(?:^|(?<=[.。!！?？;；\n]))([^\n.。!！?？;；:：]{2,90})[:：]", re.MULTILINE)
_PARAGRAPH_END_RE = re.compile(r"\n[ \t]*\n")


def background_lead_spans(text: str) -> list[tuple[int, int]]:
    """The runs of background a heading opens ("Some background first:", 先把背景介绍一下：): from the colon to the
    end of its paragraph."""
    spans = []
    for m in _HEADING_RE.finditer(text):
        if _LEAD_RE.search(m.group(1)):
            end = found.start() if (found := _PARAGRAPH_END_RE.search(text, m.end())) else len(text)
            spans.append((m.end(), end))
    return spans
