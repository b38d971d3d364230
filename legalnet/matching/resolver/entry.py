"""Market entry: a client based in one place that sets up in another (a company, a branch, a subsidiary, a
plant) is a foreign investor there, and the request is foreign-investment work besides its corporate or
sector work; foreign investment and company work alone name each other. The words are data:
``entry_patterns`` and ``plan_markers`` in ``data/cues.json``."""

from __future__ import annotations

import re

from .background import asks, sentence_at
from .centrality import promoted
from .cues import _CUES

FOREIGN_INVESTMENT = "foreign-investment"
CORPORATE_COMMERCIAL = "corporate-commercial"
_ENTRY_RE = re.compile("|".join(_CUES["entry_patterns"]), re.IGNORECASE)
_OPEN_ECONOMIES = frozenset(_CUES["open_economies"])
_PLAN_RE = re.compile("|".join(_CUES["plan_markers"]), re.IGNORECASE)


def sets_up(texts: list[str]) -> bool:
    """Whether any of the texts asks about or plans founding or registering something: a company, a JV, a plant
    (not the client's own history: "we set up a JV in 2019")."""
    return any(asks(sentence) or _PLAN_RE.search(sentence)
               for text in texts for m in _ENTRY_RE.finditer(text) for sentence in [sentence_at(text, m.start())])


def with_foreign_investment(main: list[str], also: list[str], texts: list[str], homes: list[str],
                            places: list[str], most: int) -> tuple[list[str], list[str]]:
    """(main, also mentioned) with foreign investment among the main areas when a client seated outside every
    place of the matter sets up there, one of them regulating foreign investment (not Hong Kong, Singapore or
    Macao), and there is room for it (at most `most` main areas)."""
    if (FOREIGN_INVESTMENT in main or len(main) >= most or not homes or not set(places) - _OPEN_ECONOMIES
            or set(homes) & set(places) or not sets_up(texts)):
        return main, also
    return promoted(main, also, FOREIGN_INVESTMENT)


def with_company_work(main: list[str], also: list[str]) -> tuple[list[str], list[str]]:
    """(main, also mentioned) with corporate work beside foreign investment, or foreign investment beside corporate
    work, when that is the only main area and the text also names the other: setting up as a foreign investor is
    the approvals and the company's own set-up (its constitution, shareholders, directors), which the intake
    convention labels both."""
    if main == [CORPORATE_COMMERCIAL] and FOREIGN_INVESTMENT in also:
        return promoted(main, also, FOREIGN_INVESTMENT)
    if main != [FOREIGN_INVESTMENT] or CORPORATE_COMMERCIAL not in also:
        return main, also
    return promoted(main, also, CORPORATE_COMMERCIAL)
