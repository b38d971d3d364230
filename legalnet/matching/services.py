"""Matching against the database: firm coverage from free text, candidate retrieval in SQL, and the
shortlist the engine ranks. The engine itself (engine.py, resolver.py, conflicts.py) never sees a session."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from flask import current_app, has_app_context, has_request_context
from flask_babel import get_locale
from sqlalchemy import Float, and_, bindparam, case, cast, literal, or_, select

from legalnet.extensions import db
from legalnet.firms.models import (
    ConflictParty,
    Firm,
    FirmJurisdiction,
    FirmLanguage,
    FirmPracticeArea,
    FirmStatus,
)
from legalnet.matching.conflicts import normalise_entity
from legalnet.matching.engine import FirmProfile, MatchRequest, Weights, is_complete_fit, propose_team, rank
from legalnet.matching.resolver import (
    RequestResolution,
    TermResolution,
    resolve_request,
    resolve_terms,
    settle_shared_languages,
)
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


PROFILE_COLUMNS = (
    Firm.id, Firm.name, Firm.email, Firm.capacity, Firm.open_cases, Firm.offers_accepted, Firm.offers_declined,
    Firm.offers_expired, Firm.response_hours_total, Firm.rating_total, Firm.rating_count, Firm.recent_referrals,
    Firm.jurisdiction_list, Firm.practice_area_list, Firm.language_list,
)


def _has_code(column, name: str):
    """`column` (a delimited code list) holds the code bound to the LIKE pattern `name`."""
    return column.like(bindparam(name))


def _standing():
    """The request-independent part of the score (capacity, track record, fairness) as SQL, weighted by the
    bound weights, mirroring the engine's capacity_score, track_record_score and fairness_score."""
    def real(value):
        return cast(value, Float)

    offered = Firm.offers_accepted + Firm.offers_declined + Firm.offers_expired
    answered = Firm.offers_accepted + Firm.offers_declined
    capacity = case((Firm.capacity <= 0, 0.0), (Firm.open_cases >= Firm.capacity, 0.0), (Firm.open_cases <= 0, 1.0),
                    else_=real(Firm.capacity - Firm.open_cases) / real(Firm.capacity))
    acceptance = case((offered > 0, real(Firm.offers_accepted) / real(offered)), else_=0.0)
    average = real(Firm.rating_total) / real(Firm.rating_count)
    rating = case((Firm.rating_count == 0, 0.0), (average <= 1.0, 0.0), (average >= 5.0, 1.0),
                  else_=(average - 1.0) / 4.0)
    hours = real(Firm.response_hours_total) / real(answered)
    response = case((answered == 0, 0.0), (hours <= 4.0, 1.0), (hours >= 72.0, 0.0), else_=1.0 - (hours - 4.0) / 68.0)
    known = (case((offered > 0, 1.0), else_=0.0) + case((Firm.rating_count != 0, 1.0), else_=0.0)
             + case((answered != 0, 1.0), else_=0.0))
    track = case((known == 0.0, 0.5), else_=(acceptance + rating + response) / known)
    fairness = 1.0 / (1.0 + 0.25 * case((Firm.recent_referrals > 0, real(Firm.recent_referrals)), else_=0.0))
    return (bindparam("w_capacity", type_=Float) * capacity + bindparam("w_track", type_=Float) * track
            + bindparam("w_fairness", type_=Float) * fairness)


@lru_cache(maxsize=64)
def _candidate_statement(n_jurisdictions: int, by_area: bool, every_jurisdiction: bool, order: str):
    """The retrieval query for one shape of request, built once so that matching pays only for execution.

    Candidates come from the practice-area index (or the jurisdiction index when no area was asked) and are
    checked against the jurisdictions on the firm's own row, whose coverage lists replace per-row aggregates.
    `order` is "id" (every candidate, in a stable order), "bound" (best possible score first, for a bounded
    set: firms covering every jurisdiction, then the one named first, then by standing) or "limit" (the first
    few by id)."""
    names = [f"j{i}" for i in range(n_jurisdictions)]
    covers = [_has_code(Firm.jurisdiction_list, name) for name in names]
    if by_area:
        ids = select(FirmPracticeArea.firm_id).where(FirmPracticeArea.code.in_(bindparam("areas", expanding=True)))
    else:
        ids = select(FirmJurisdiction.firm_id).where(FirmJurisdiction.code.in_(bindparam("jurisdictions",
                                                                                          expanding=True)))
    ids = ids.distinct().subquery()
    stmt = (
        select(*PROFILE_COLUMNS)
        .join(ids, ids.c.firm_id == Firm.id)
        .where(Firm.status == FirmStatus.ACTIVE, Firm.id.not_in(bindparam("excluded", expanding=True)))
    )
    if covers:
        stmt = stmt.where(and_(*covers) if every_jurisdiction else or_(*covers))
    if order == "bound":
        tier = case((and_(*covers), 2), (covers[0], 1), else_=0) if covers else literal(2)
        stmt = stmt.order_by(tier.desc(), _standing().desc(), Firm.id).limit(bindparam("limit"))
    elif order == "limit":
        stmt = stmt.order_by(Firm.id).limit(bindparam("limit"))
    else:
        stmt = stmt.order_by(Firm.id)
    return stmt


def candidate_rows(resolution: RequestResolution, jurisdictions=None, require_area: bool = True,
                   limit: int | None = None, every_jurisdiction: bool = False, exclude=(), bounded: bool = False,
                   weights: Weights | None = None):
    """Active firms covering a requested jurisdiction (or all of them) and, when areas were asked, a
    requested area, with their coverage, in one indexed query; ordered by id unless `bounded`, when the
    `limit` firms with the best possible score come first."""
    jurisdictions = list(dict.fromkeys(resolution.jurisdictions if jurisdictions is None else jurisdictions))
    # The engine drops firms without any requested area, so they are not worth loading.
    areas = list(resolution.practice_areas) if require_area else []
    if not jurisdictions and not areas:
        # Nothing to retrieve by: a request that names no place and no kind of work matches nobody.
        return []
    order = "bound" if bounded else ("limit" if limit else "id")
    stmt = _candidate_statement(len(jurisdictions), bool(areas), every_jurisdiction and bool(jurisdictions), order)
    params = {"jurisdictions": jurisdictions, "areas": areas, "limit": limit, "excluded": list(exclude)}
    params.update({f"j{i}": f"%,{code},%" for i, code in enumerate(jurisdictions)})
    if bounded:
        w = (weights or Weights()).normalised()
        params.update(w_capacity=w["capacity"], w_track=w["track_record"], w_fairness=w["fairness"])
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


def _codes(value: str | None) -> frozenset[str]:
    """The codes of a stored coverage list (",CN,HK,")."""
    return frozenset(value[1:-1].split(",")) if value else frozenset()


def profiles_from_rows(rows) -> list[FirmProfile]:
    """Engine profiles of candidate rows; conflict registers are loaded later, only for the shortlist."""
    profiles = []
    # Unpacking plain tuples keeps this loop cheap when a request has thousands of candidates.
    for (firm_id, name, email, capacity, open_cases, accepted, declined, expired, response_hours, rating_total,
         rating_count, recent, jurisdictions, areas, languages) in rows:
        answered = accepted + declined
        offered = answered + expired
        profiles.append(FirmProfile(
            firm_id, name, email, _codes(jurisdictions), _codes(areas), _codes(languages),
            capacity, open_cases,
            accepted / offered if offered else None,
            rating_total / rating_count if rating_count else None,
            response_hours / answered if answered else None,
            recent,
        ))
    return profiles


def _tier(firm: FirmProfile, request: MatchRequest) -> int:
    """2 when the firm covers every requested jurisdiction, 1 when it covers the one named first, else 0."""
    if all(code in firm.jurisdictions for code in request.jurisdictions):
        return 2
    return 1 if request.jurisdictions[0] in firm.jurisdictions else 0


def _sort_key(match, request: MatchRequest, weights: dict[str, float]) -> float:
    """The engine's sort key of a ranked firm: 2 x tier + score."""
    score = sum(weights[name] * value for name, value in match.components.items())
    return 2.0 * _tier(match.firm, request) + min(1.0, score)


def _best_possible(firm: FirmProfile, request: MatchRequest, weights: dict[str, float]) -> float:
    """A sort key no firm after this one in the bounded order can exceed: the best practice-area and
    language coverage on top of this firm's tier and standing (later firms have no better of either)."""
    tier = _tier(firm, request)
    capacity, track, fairness = firm.soft
    score = ((1.0 if tier == 2 else 0.5) * weights["jurisdiction"] + weights["practice_area"] + weights["language"]
             + weights["capacity"] * capacity + weights["track_record"] * track + weights["fairness"] * fairness)
    return 2.0 * tier + min(1.0, score)


# The first bounded candidate set holds this many firms per shortlist place, and grows fourfold when the
# firms left out could still reach the shortlist.
BOUND_FACTOR = 4
BOUND_MINIMUM = 40
# Float noise between the database's arithmetic and Python's; a firm this close to the cut is fetched.
BOUND_MARGIN = 1e-9


def rank_bounded(resolution: RequestResolution, request: MatchRequest, weights: Weights, limit: int,
                 exclude=(), every_jurisdiction: bool = False) -> list:
    """The shortlist `rank` gives over every candidate, from a bounded set of them.

    Candidates come best-possible first (covering every jurisdiction, then the first-named one, then by
    standing). After ranking the first k, the (k+1)-th firm's best possible key bounds every firm left out;
    when the last clean firm of the shortlist is strictly above it, nobody left out could change the result.
    Otherwise k grows. Ties keep the engine's order because the set is ranked in id order, like the full set."""
    normalised = weights.normalised()
    size = max(BOUND_MINIMUM, BOUND_FACTOR * limit)
    while True:
        rows = candidate_rows(resolution, exclude=exclude, every_jurisdiction=every_jurisdiction, bounded=True,
                              limit=size + 1, weights=weights)
        head = sorted(rows[:size], key=lambda row: row.id)
        matches = rank(request, profiles_from_rows(head), weights=weights, limit=limit, registers=load_registers)
        if len(rows) <= size:
            return matches
        clean = [m for m in matches if not m.conflict]
        if len(clean) >= limit:
            cut = _best_possible(profiles_from_rows(rows[size:])[0], request, normalised)
            if cut + BOUND_MARGIN < _sort_key(clean[-1], request, normalised):
                return matches
        size *= BOUND_FACTOR


def find_matches(
    resolution: RequestResolution, counterparties: list[str] = (), limit: int = 10, exclude_firm_ids=()
) -> MatchResult:
    """Rank the active firms that fit a resolved request, flag conflicts and propose a team if needed."""
    counterparties = [c for c in counterparties or [] if c and c.strip()]
    excluded = sorted(set(exclude_firm_ids))
    request = MatchRequest.from_resolution(resolution, counterparties)
    weights = match_weights()
    if len(request.jurisdictions) <= 1:
        matches = rank_bounded(resolution, request, weights, limit, excluded)
        return MatchResult(resolution=resolution, matches=matches, team=[])
    # Firms covering every requested jurisdiction rank above all others. When enough of them are clean and
    # one fits the whole request (so no team is needed), the rest cannot change the result.
    matches = rank_bounded(resolution, request, weights, limit, excluded, every_jurisdiction=True)
    clean = sum(1 for m in matches if not m.conflict)
    if clean >= limit and any(is_complete_fit(m, request) for m in matches):
        return MatchResult(resolution=resolution, matches=matches, team=[])
    # A team may be needed: the team proposal reads every candidate.
    profiles = profiles_from_rows(candidate_rows(resolution, exclude=excluded))
    matches = rank(request, profiles, weights=weights, limit=limit, registers=load_registers)
    team = propose_team(request, profiles, weights=weights, registers=load_registers)
    gaps = [code for code in request.jurisdictions if code not in {m.jurisdiction for m in team}]
    if gaps and not any(is_complete_fit(m, request) for m in matches):
        # Nobody there practises the requested areas: consider general members of the missing places.
        known = [*excluded, *(p.id for p in profiles)]
        extra = candidate_rows(resolution, gaps, require_area=False, limit=GENERAL_MEMBERS_LIMIT, exclude=known)
        profiles += profiles_from_rows(extra)
        team = propose_team(request, profiles, weights=weights, registers=load_registers)
    return MatchResult(resolution=resolution, matches=matches, team=team)
