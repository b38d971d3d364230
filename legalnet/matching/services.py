"""Matching against the database: firm coverage from free text, candidate retrieval in SQL, and the
shortlist the engine ranks. The engine itself (engine.py, resolver.py, conflicts.py) never sees a session."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from flask import current_app, has_app_context, has_request_context
from flask_babel import get_locale
from sqlalchemy import bindparam, func, select

from legalnet.extensions import db
from legalnet.firms.models import (
    ConflictParty,
    Firm,
    FirmJurisdiction,
    FirmLanguage,
    FirmPracticeArea,
    FirmStatus,
)
from legalnet.matching import resolver
from legalnet.matching.conflicts import normalise_entity
from legalnet.matching.engine import FirmProfile, MatchRequest, Weights, is_complete_fit, propose_team, rank
from legalnet.matching.resolver import RequestResolution, TermResolution, settle_shared_languages
from legalnet.matching.taught import sync_taught_aliases
from legalnet.matching.vocabulary import get_vocabulary

__all__ = [
    "CoverageResult", "MatchResult", "resolve_request", "resolve_terms", "set_firm_coverage", "find_matches",
    "add_conflict_parties", "remove_conflict_party", "vocabulary_choices", "label",
]

CODE_TABLES = {
    "jurisdictions": FirmJurisdiction,
    "practice_areas": FirmPracticeArea,
    "languages": FirmLanguage,
}
# How many general members of a jurisdiction to consider when a team has a gap there.
GENERAL_MEMBERS_LIMIT = 200


def resolve_request(*args, **kwargs) -> RequestResolution:
    """Resolve a request (see resolver.resolve_request) with the aliases staff taught, as the database has them."""
    sync_taught_aliases()
    return resolver.resolve_request(*args, **kwargs)


def resolve_terms(*args, **kwargs) -> TermResolution:
    """Resolve list items (see resolver.resolve_terms) with the aliases staff taught, as the database has them."""
    sync_taught_aliases()
    return resolver.resolve_terms(*args, **kwargs)


def _vocab_locale(locale: str | None) -> str:
    """The vocabulary's name of an interface locale; None is the language of the current page."""
    if locale is None:
        locale = get_locale() if has_request_context() else None
    return str(locale or "en").replace("_", "-")


def label(kind: str, code: str, locale: str | None = None) -> str:
    """Display label of a vocabulary code in an interface locale (by default the current page's)."""
    return get_vocabulary().label(kind, code, _vocab_locale(locale))


def vocabulary_choices(kind: str, locale: str | None = None) -> list[tuple[str, str]]:
    """(code, label) pairs of one kind of term for select lists, in the current page's language by default."""
    vocab = get_vocabulary()
    locale = _vocab_locale(locale)
    return [(code, vocab.label(kind, code, locale)) for code in vocab.codes(kind)]


def resolve_codes_or_text(kind: str, items: Iterable[str]) -> TermResolution:
    """Resolve list items that may be canonical codes (from select lists) or free text."""
    vocab = get_vocabulary()
    items = [str(item).strip() for item in items if item and str(item).strip()]
    direct = [item for item in items if vocab.has(kind, item)]
    result = resolve_terms(kind, [item for item in items if not vocab.has(kind, item)])
    for code in reversed(direct):
        if code not in result.codes:
            result.codes.insert(0, code)
            result.sources[code] = code
    return result


@dataclass
class CoverageResult:
    """What a firm's coverage text was understood as."""

    resolved: dict[str, list[str]] = field(default_factory=dict)
    unresolved: list[str] = field(default_factory=list)
    suggestions: dict[str, list[str]] = field(default_factory=dict)


def resolve_coverage(jurisdictions, practice_areas, languages) -> dict[str, TermResolution]:
    """Resolve a firm's three coverage lists; a shared language name ("Bahasa") is decided by its jurisdictions."""
    lists = {"jurisdictions": jurisdictions, "practice_areas": practice_areas, "languages": languages}
    resolved = {kind: resolve_codes_or_text(kind, items or []) for kind, items in lists.items()}
    settle_shared_languages(resolved["languages"], resolved["jurisdictions"].codes)
    return resolved


def set_firm_coverage(
    firm: Firm, jurisdictions: list[str], practice_areas: list[str], languages: list[str]
) -> CoverageResult:
    """Resolve the firm's jurisdictions, areas and languages and store codes and raw text."""
    result = CoverageResult()
    lists = {kind: [str(i).strip() for i in items or [] if i and str(i).strip()]
             for kind, items in (("jurisdictions", jurisdictions), ("practice_areas", practice_areas),
                                 ("languages", languages))}
    for kind, resolution in resolve_coverage(**lists).items():
        result.resolved[kind] = resolution.codes
        result.unresolved.extend(resolution.unresolved)
        result.suggestions.update(resolution.suggestions)
        setattr(firm, f"raw_{kind}", lists[kind])
        model = CODE_TABLES[kind]
        current = {row.code: row for row in getattr(firm, kind)}
        setattr(firm, kind, [current.get(code) or model(code=code) for code in resolution.codes])
    return result


def add_conflict_parties(firm: Firm, names: Iterable[str]) -> int:
    """Add names to the firm's conflict register, skipping ones already there; returns how many were added."""
    known = {party.normalized_name for party in firm.conflict_parties}
    added = 0
    for name in names:
        name = (name or "").strip()
        normalised = normalise_entity(name)
        if not normalised or normalised in known:
            continue
        firm.conflict_parties.append(ConflictParty(name=name[:300], normalized_name=normalised[:300]))
        known.add(normalised)
        added += 1
    return added


def remove_conflict_party(firm: Firm, party_id: int) -> bool:
    """Remove one entry from the firm's conflict register; False when it is not the firm's."""
    for party in firm.conflict_parties:
        if party.id == party_id:
            firm.conflict_parties.remove(party)
            return True
    return False


@dataclass
class MatchResult:
    """The ranked shortlist and, when no single firm covers every jurisdiction, a proposed team."""

    resolution: RequestResolution
    matches: list = field(default_factory=list)
    team: list = field(default_factory=list)


def match_weights() -> Weights:
    """Score weights from the app configuration, or the engine's defaults outside an app."""
    if has_app_context() and current_app.config.get("MATCH_WEIGHTS"):
        return Weights.from_mapping(current_app.config["MATCH_WEIGHTS"])
    return Weights()


def _codes_column(model, kind: str):
    """The firm's codes of one kind, joined by commas, as a correlated subquery."""
    return (
        select(func.aggregate_strings(model.code, ","))
        .where(model.firm_id == Firm.id)
        .correlate(Firm)
        .scalar_subquery()
        .label(kind)
    )


PROFILE_COLUMNS = (
    Firm.id, Firm.name, Firm.email, Firm.capacity, Firm.open_cases, Firm.offers_accepted, Firm.offers_declined,
    Firm.offers_expired, Firm.response_hours_total, Firm.rating_total, Firm.rating_count, Firm.recent_referrals,
)


@lru_cache(maxsize=16)
def _candidate_statement(by_jurisdiction: bool, by_area: bool, every_jurisdiction: bool, limited: bool):
    """The retrieval query for one combination of filters, built once so that matching pays only for execution.

    The firms of the requested practice areas are read from their covering index and each is checked
    against the jurisdictions by primary key, which is cheaper than intersecting two large index ranges."""
    jurisdictions = bindparam("jurisdictions", expanding=True)
    covered = (
        select(func.count())
        .where(FirmJurisdiction.firm_id == (FirmPracticeArea.firm_id if by_area else Firm.id))
        .where(FirmJurisdiction.code.in_(jurisdictions))
        .scalar_subquery()
    )
    # A firm covers every requested jurisdiction when it has as many of them as were asked for.
    wanted = covered == bindparam("jurisdiction_count") if every_jurisdiction else covered > 0
    if by_area:
        ids = select(FirmPracticeArea.firm_id).where(FirmPracticeArea.code.in_(bindparam("areas", expanding=True)))
        if by_jurisdiction:
            ids = ids.where(wanted)
        ids = ids.distinct().subquery()
    else:
        ids = select(FirmJurisdiction.firm_id).where(FirmJurisdiction.code.in_(jurisdictions)).distinct()
        if every_jurisdiction:
            ids = ids.group_by(FirmJurisdiction.firm_id).having(func.count() == bindparam("jurisdiction_count"))
        ids = ids.subquery()
    stmt = (
        select(*PROFILE_COLUMNS, *(_codes_column(model, kind) for kind, model in CODE_TABLES.items()))
        .join(ids, ids.c.firm_id == Firm.id)
        .where(Firm.status == FirmStatus.ACTIVE)
    )
    if limited:
        stmt = stmt.order_by(Firm.id).limit(bindparam("limit"))
    return stmt


def candidate_rows(resolution: RequestResolution, jurisdictions=None, require_area: bool = True,
                   limit: int | None = None, every_jurisdiction: bool = False):
    """Active firms covering a requested jurisdiction (or all of them) and, when areas were asked, a
    requested area, with their codes, in one indexed query."""
    jurisdictions = list(resolution.jurisdictions if jurisdictions is None else jurisdictions)
    # The engine drops firms without any requested area, so they are not worth loading.
    areas = list(resolution.practice_areas) if require_area else []
    if not jurisdictions and not areas:
        # Nothing to retrieve by: a request that names no place and no kind of work matches nobody.
        return []
    stmt = _candidate_statement(bool(jurisdictions), bool(areas), every_jurisdiction and bool(jurisdictions),
                                bool(limit))
    params = {"jurisdictions": jurisdictions, "jurisdiction_count": len(set(jurisdictions)), "areas": areas,
              "limit": limit}
    return db.session.connection().execute(stmt, params).all()


REGISTER_STATEMENT = select(ConflictParty.firm_id, ConflictParty.name, ConflictParty.normalized_name).where(
    ConflictParty.firm_id.in_(bindparam("ids", expanding=True))
)


def load_registers(firms) -> dict[int, list[tuple[str, str]]]:
    """Conflict registers of the given firms: firm id -> [(name as entered, normalised name)]."""
    ids = [firm.id for firm in firms]
    out: dict[int, list[tuple[str, str]]] = {firm_id: [] for firm_id in ids}
    for firm_id, name, normalised in db.session.connection().execute(REGISTER_STATEMENT, {"ids": ids}):
        out[firm_id].append((name, normalised))
    return out


def profiles_from_rows(rows) -> list[FirmProfile]:
    """Engine profiles of candidate rows; conflict registers are loaded later, only for the shortlist."""
    empty = frozenset()
    profiles = []
    # Unpacking plain tuples keeps this loop cheap when a request has thousands of candidates.
    for (firm_id, name, email, capacity, open_cases, accepted, declined, expired, response_hours, rating_total,
         rating_count, recent, jurisdictions, areas, languages) in rows:
        answered = accepted + declined
        offered = answered + expired
        profiles.append(FirmProfile(
            firm_id, name, email,
            frozenset(jurisdictions.split(",")) if jurisdictions else empty,
            frozenset(areas.split(",")) if areas else empty,
            frozenset(languages.split(",")) if languages else empty,
            capacity, open_cases,
            accepted / offered if offered else None,
            rating_total / rating_count if rating_count else None,
            response_hours / answered if answered else None,
            recent,
        ))
    return profiles


def find_matches(
    resolution: RequestResolution, counterparties: list[str] = (), limit: int = 10, exclude_firm_ids=()
) -> MatchResult:
    """Rank the active firms that fit a resolved request, flag conflicts and propose a team if needed."""
    counterparties = [c for c in counterparties or [] if c and c.strip()]
    excluded = set(exclude_firm_ids)
    request = MatchRequest.from_resolution(resolution, counterparties)
    weights = match_weights()
    if len(request.jurisdictions) > 1:
        # Firms covering every requested jurisdiction rank above all others. When enough of them are clean
        # and one fits the whole request (so no team is needed), the rest cannot change the result.
        rows = [row for row in candidate_rows(resolution, every_jurisdiction=True) if row.id not in excluded]
        matches = rank(request, profiles_from_rows(rows), weights=weights, limit=limit, registers=load_registers)
        clean = sum(1 for m in matches if not m.conflict)
        if clean >= limit and any(is_complete_fit(m, request) for m in matches):
            return MatchResult(resolution=resolution, matches=matches, team=[])
    rows = [row for row in candidate_rows(resolution) if row.id not in excluded]
    profiles = profiles_from_rows(rows)
    matches = rank(request, profiles, weights=weights, limit=limit, registers=load_registers)
    team = []
    if len(request.jurisdictions) > 1:
        team = propose_team(request, profiles, weights=weights, registers=load_registers)
        gaps = [code for code in request.jurisdictions if code not in {m.jurisdiction for m in team}]
        if gaps and not any(is_complete_fit(m, request) for m in matches):
            # Nobody there practises the requested areas: consider general members of the missing places.
            known = excluded | {p.id for p in profiles}
            extra = [row for row in candidate_rows(resolution, gaps, require_area=False, limit=GENERAL_MEMBERS_LIMIT)
                     if row.id not in known]
            profiles += profiles_from_rows(extra)
            team = propose_team(request, profiles, weights=weights, registers=load_registers)
    return MatchResult(resolution=resolution, matches=matches, team=team)
