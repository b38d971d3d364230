"""Columns derived from a firm's own data and kept in step on every write.

The directory searches `Firm.search_name` (the normalised Latin and local names) through an index instead of
normalising every name per request, and matching reads a firm's coverage from `Firm.jurisdiction_list`,
`practice_area_list` and `language_list` (",CN,HK,") instead of aggregating the code tables per candidate.
Firms written through the ORM are refreshed before each flush; bulk inserts use the same helpers."""

import re
import unicodedata
from collections.abc import Iterable

from sqlalchemy import event
from sqlalchemy.orm import Session

from legalnet.firms.models import Firm, FirmJurisdiction, FirmLanguage, FirmPracticeArea

# Between the Latin and the local name: never part of a normalised name, so no search text spans both.
NAME_SEPARATOR = " | "
COVERAGE_COLUMNS = (
    ("jurisdictions", "jurisdiction_list", FirmJurisdiction),
    ("practice_areas", "practice_area_list", FirmPracticeArea),
    ("languages", "language_list", FirmLanguage),
)


def normalise_name(text: str) -> str:
    """Lower-case, width-folded, accent-free form of a firm name, with `&` read as `and`."""
    text = unicodedata.normalize("NFKC", text or "").casefold().replace("&", " and ").replace("＆", " and ")
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def search_key(name: str | None, local_name: str | None) -> str:
    """The stored search text of a firm: its normalised names joined by a separator no name contains."""
    return NAME_SEPARATOR.join(n for n in (normalise_name(name or ""), normalise_name(local_name or "")) if n)[:500]


def code_list(codes: Iterable[str]) -> str:
    """Codes as one delimited string (",CN,HK,"), so `LIKE '%,CN,%'` tests membership; "" when empty."""
    codes = sorted(set(codes))
    return f",{','.join(codes)}," if codes else ""


def parse_code_list(value: str | None) -> frozenset[str]:
    """The codes of a delimited string written by `code_list`."""
    return frozenset(code for code in (value or "").split(",") if code)


def refresh_firm(firm: Firm) -> None:
    """Recompute the derived columns of one firm from what is loaded (collections are never lazy-loaded here)."""
    key = search_key(firm.name, firm.local_name)
    if firm.search_name != key:
        firm.search_name = key
    loaded = firm.__dict__
    for kind, column, _model in COVERAGE_COLUMNS:
        if kind in loaded:
            value = code_list(row.code for row in loaded[kind])
            if getattr(firm, column) != value:
                setattr(firm, column, value)


@event.listens_for(Session, "before_flush")
def _refresh_before_flush(session: Session, _context, _instances) -> None:
    """Keep the derived columns of every new or changed firm in step with its names and coverage."""
    for obj in (*session.new, *session.dirty):
        if isinstance(obj, Firm):
            refresh_firm(obj)
