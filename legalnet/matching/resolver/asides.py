"""Parts of a text that only tell the story: the forwarded or quoted history of a pasted e-mail, a closing section
of side notes after the ask ("Background: we sued them in Guangzhou once"), and background a heading opens
before the ask ("Some background first: …")."""

from __future__ import annotations

from functools import lru_cache

from ..mail import aside_heading_starts, background_lead_spans, history_spans
from .background import _sentence_spans, asks, in_spans


def told_history_spans(places: list, text: str, roles: dict[int, str]) -> list[tuple[int, int]]:
    """The blocks of forwarded or quoted history, and a closing section of side notes, when the writer's own message
    around them names a place of the matter, so that they only tell the story; none otherwise. A forwarded message
    closed by a line of dashes gives the text after it back to the writer."""
    spans = list(history_spans(text))
    if (aside := aside_section_start(text)) < len(text):
        spans.append((aside, len(text)))
    if any(roles.get(id(h)) == "matter" and not in_spans(h.start, spans) for h in places):
        return spans
    return []


@lru_cache(maxsize=256)
def aside_section_start(text: str) -> int:
    """Where a closing section of side notes starts ("Background: we sued them in Guangzhou once", 其他：…): one
    that comes after the text has asked for something and asks for nothing itself; the text's end otherwise."""
    starts = aside_heading_starts(text)
    if not starts:
        return len(text)
    start = starts[-1]
    before = [text[a:b] for a, b in _sentence_spans(text) if b <= start]
    after = [text[a:b] for a, b in _sentence_spans(text) if a >= start]
    return start if any(asks(s) for s in before) and not any(asks(s) for s in after) else len(text)


@lru_cache(maxsize=256)
def side_note_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The runs of side notes: background a heading opens before the text asks ("Some background first: …"), and a
    closing section after the ask (aside_section_start)."""
    # The ask after the background must be told at some length, not a bare "What should we do?" under a heading
    # that holds the matter itself ("For your information: the tax office raised assessments …").
    spans = [(start, end) for start, end in background_lead_spans(text)
             if any(asks(text[a:b]) for a, b in _sentence_spans(text) if a >= end)
             and len(text[end:].strip()) >= (end - start) / 2]
    closing = aside_section_start(text)
    return tuple(spans + ([(closing, len(text))] if closing < len(text) else []))
