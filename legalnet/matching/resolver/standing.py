"""What the client already holds: a regulator named for a licence, an approval or a registration the client has
("Already have our MSO licence", 已持有MAS的牌照, "a BNM-approved e-money issuer") tells where the client stands,
like its seat, not where the work asked for is."""

from __future__ import annotations

import re

from ..termbase import Term
from .background import clause_before
from .cues import _CUES
from .index import _Hit

_HELD_BEFORE_RE = re.compile("|".join(_CUES["held_standing"]["before"]), re.IGNORECASE)
_HELD_AFTER_RE = re.compile("|".join(_CUES["held_standing"]["after"]), re.IGNORECASE)
# How far back in the clause the verb of holding may stand ("we already hold a capital markets services licence
# from MAS").
_HELD_REACH = 48


# A regulator written as an acronym (MAS, BNM, SFC) or a licence by name; not a document the client has ("our HR
# manager has the notices to explain").
_LICENCE_RE = re.compile(r"licen[cs]e|permit|牌照|牌|许可|許可|执照|執照|ใบอนุญาต|giấy\s+phép|lesen|izin", re.IGNORECASE)


def is_held_standing(hit: _Hit, text: str, row: Term) -> bool:
    """Whether a regulator or licence is named for something the client already holds."""
    licence = _LICENCE_RE.search(hit.text) or _LICENCE_RE.match(text[hit.end : hit.end + 12].lstrip())
    if not (row.scope == "caps" or licence):
        return False
    if _HELD_AFTER_RE.match(text, hit.end):
        return True  # "a BNM-approved e-money issuer", "MAS-licensed"
    return bool(_HELD_BEFORE_RE.search(clause_before(text, hit.start, _HELD_REACH)))
