"""Matching against the database: firm coverage from free text, candidate retrieval in SQL, and the
shortlist the engine ranks. The engine itself (engine.py, resolver.py, conflicts.py) never sees a session."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from flask import current_app, has_app_context
from sqlalchemy import ARRAY, Float, Integer, and_, any_, bindparam, case, cast, func, literal, select

from legalnet.core.i18n import current_locale_name
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

# _Scorer: the engine's own sort key decides where a bounded candidate set may stop (same package, one definition).
from legalnet.matching.engine import FirmProfile, MatchRequest, Weights, _Scorer, is_complete_fit, propose_team, rank
from legalnet.matching.resolver import RequestResolution, TermResolution, settle_shared_languages
from legalnet.matching.taught import sync_taught_aliases
from legalnet.matching.vocabulary import get_vocabulary

__all__ = [
    "CoverageResult", "MatchResult", "resolve_request", "resolve_terms", "set_firm_coverage", "find_matches",
    "add_conflict_parties", "remove_conflict_party", "vocabulary_choices", "label", "labels",
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
    return str(locale or current_locale_name()).replace("_", "-")


def label(kind: str, code: str, locale: str | None = None) -> str:
    """Display label of a vocabulary code in an interface locale (by default the current page's)."""
    return get_vocabulary().label(kind, code, _vocab_locale(locale))


def labels(kind: str, codes, locale: str | None = None) -> list[str]:
    """Display labels of several codes of one kind, the locale looked up once for all of them."""
    vocab, locale = get_vocabulary(), _vocab_locale(locale)
    return [vocab.label(kind, code, locale) for code in codes]


def vocabulary_choices(kind: str, locale: str | None = None) -> list[tuple[str, str]]:
    """(code, label) pairs of one kind of term for select lists, in the current page's language by default."""
    # A new list each time (callers may extend it), from pairs built once per kind and locale.
    vocab = get_vocabulary()
    return list(_choices(id(vocab), kind, _vocab_locale(locale)))


@lru_cache(maxsize=64)
def _choices(vocabulary_id: int, kind: str, locale: str) -> tuple[tuple[str, str], ...]:
    # Keyed by the vocabulary object too, so a reloaded vocabulary never serves old labels.
    vocab = get_vocabulary()
    return tuple((code, vocab.label(kind, code, locale)) for code in vocab.codes(kind))


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


def _share(column, names: list[str]):
    """Share of the bound codes `names` that the coverage list `column` holds, as SQL."""
    return sum((case((_has_code(column, name), 1.0), else_=0.0) for name in names), literal(0.0)) / len(names)


def _sort_key(n_jurisdictions: int, n_areas: int, n_languages: int):
    """The engine's sort key (2 x tier + score, see engine._Scorer.quick) as SQL, from the bound weights."""
    covers = [_has_code(Firm.jurisdiction_list, f"j{i}") for i in range(n_jurisdictions)]
    weight = bindparam
    if covers:
        # Half the weighted coverage, the first-named jurisdiction counting double, unless it covers them all.
        partial = sum((case((c, weight(f"jw{i}", type_=Float)), else_=0.0) for i, c in enumerate(covers)),
                      literal(0.0))
        tier = case((and_(*covers), 2.0), (covers[0], 1.0), else_=0.0)
        jurisdiction = case((and_(*covers), 1.0), else_=0.5 * partial)
    else:
        tier, jurisdiction = literal(2.0), literal(1.0)
    area = _share(Firm.practice_area_list, [f"a{i}" for i in range(n_areas)]) if n_areas else literal(1.0)
    language = _share(Firm.language_list, [f"l{i}" for i in range(n_languages)]) if n_languages else literal(1.0)
    score = (weight("w_jurisdiction", type_=Float) * jurisdiction + weight("w_area", type_=Float) * area
             + weight("w_language", type_=Float) * language + _standing())
    return 2.0 * tier + case((score > 1.0, 1.0), else_=score)


@lru_cache(maxsize=32)
def _ids_statement(n_jurisdictions: int, by_area: bool, every_jurisdiction: bool):
    """Ids of the firms covering a requested area and a requested jurisdiction (or every one), answered from
    the code tables' covering indexes (code, firm_id) alone and intersected."""
    by_jurisdiction = None
    if n_jurisdictions:
        by_jurisdiction = select(FirmJurisdiction.firm_id).where(
            FirmJurisdiction.code.in_(bindparam("jurisdictions", expanding=True)))
        if every_jurisdiction:
            by_jurisdiction = by_jurisdiction.group_by(FirmJurisdiction.firm_id).having(
                func.count() == bindparam("jurisdiction_count"))
    if by_area:
        ids = select(FirmPracticeArea.firm_id).where(FirmPracticeArea.code.in_(bindparam("areas", expanding=True)))
        return ids.intersect(by_jurisdiction) if by_jurisdiction is not None else ids.distinct()
    return by_jurisdiction if every_jurisdiction else by_jurisdiction.distinct()


@lru_cache(maxsize=128)
def _candidate_statement(n_jurisdictions: int, by_area: bool, every_jurisdiction: bool, order: str,
                         n_areas: int = 0, n_languages: int = 0, ids_bound: bool = False):
    """The retrieval query for one shape of request, built once so that matching pays only for execution.

    The candidates' ids come from `_ids_statement`, joined in (SQLite), or bound as an array when
    `ids_bound` (PostgreSQL, where the planner otherwise overestimates the intersection and scans every
    firm); their rows are then read by primary key with the coverage lists that replace per-row aggregates.
    `order` is "id" (every candidate, in a stable order), "bound" (the `limit` best by the engine's sort key,
    computed in SQL, then by id, with the key as a last column) or "limit" (the first few by id)."""
    columns = PROFILE_COLUMNS
    key = None
    if order == "bound":
        key = _sort_key(n_jurisdictions, n_areas, n_languages).label("sort_key")
        columns = (*PROFILE_COLUMNS, key)
    stmt = select(*columns)
    if ids_bound:
        stmt = stmt.where(Firm.id == any_(bindparam("ids", type_=ARRAY(Integer))))
    else:
        ids = _ids_statement(n_jurisdictions, by_area, every_jurisdiction).subquery()
        stmt = stmt.join(ids, ids.c.firm_id == Firm.id)
    stmt = stmt.where(Firm.status == FirmStatus.ACTIVE, Firm.id.not_in(bindparam("excluded", expanding=True)))
    if key is not None:
        stmt = stmt.order_by(key.desc(), Firm.id).limit(bindparam("limit"))
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
    `limit` firms with the best sort key come first and each row ends with that key."""
    jurisdictions = list(dict.fromkeys(resolution.jurisdictions if jurisdictions is None else jurisdictions))
    # The engine drops firms without any requested area, so they are not worth loading.
    areas = list(resolution.practice_areas) if require_area else []
    if not jurisdictions and not areas:
        # Nothing to retrieve by: a request that names no place and no kind of work matches nobody.
        return []
    params = {"jurisdictions": jurisdictions, "areas": areas, "limit": limit, "excluded": list(exclude),
              "jurisdiction_count": len(jurisdictions)}
    params.update({f"j{i}": f"%,{code},%" for i, code in enumerate(jurisdictions)})
    shape = (len(jurisdictions), bool(areas), every_jurisdiction and bool(jurisdictions))
    connection = db.session.connection()
    ids_bound = connection.dialect.name == "postgresql"
    if ids_bound:
        params["ids"] = list(connection.execute(_ids_statement(*shape), params).scalars())
        if not params["ids"]:
            return []
    if bounded:
        areas_asked = list(dict.fromkeys(resolution.practice_areas))
        languages = list(dict.fromkeys(resolution.languages))
        stmt = _candidate_statement(*shape, "bound", len(areas_asked), len(languages), ids_bound)
        w = (weights or Weights()).normalised()
        params.update({f"a{i}": f"%,{code},%" for i, code in enumerate(areas_asked)})
        params.update({f"l{i}": f"%,{code},%" for i, code in enumerate(languages)})
        params.update({f"jw{i}": (2.0 if i == 0 else 1.0) / (len(jurisdictions) + 1)
                       for i in range(len(jurisdictions))})
        params.update(w_jurisdiction=w["jurisdiction"], w_area=w["practice_area"], w_language=w["language"],
                      w_capacity=w["capacity"], w_track=w["track_record"], w_fairness=w["fairness"])
    else:
        stmt = _candidate_statement(*shape, "limit" if limit else "id", ids_bound=ids_bound)
    return connection.execute(stmt, params).all()


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
         rating_count, recent, jurisdictions, areas, languages, *_sort_key) in rows:
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


# The first bounded candidate set holds this many firms per shortlist place, and grows fourfold when the
# firms left out could still reach the shortlist.
BOUND_FACTOR = 4
BOUND_MINIMUM = 40
# Float noise between the database's arithmetic and Python's; a firm this close to the cut is fetched.
BOUND_MARGIN = 1e-9


def rank_bounded(resolution: RequestResolution, request: MatchRequest, weights: Weights, limit: int,
                 exclude=(), every_jurisdiction: bool = False) -> list:
    """The shortlist `rank` gives over every candidate, from a bounded set of them.

    The database orders the candidates by the engine's own sort key (firms covering every jurisdiction
    first, then the first-named one, then by score with the precomputed standing) and returns the first k
    and one more. The engine ranks the k in id order, as it ranks the full set. The (k+1)-th firm's key
    bounds every firm left out, so when the last clean firm on the shortlist is above it (or level with it
    and earlier by id, which wins ties), nobody left out could change the result; otherwise k grows."""
    size = max(BOUND_MINIMUM, BOUND_FACTOR * limit)
    scorer = _Scorer(request, weights)
    while True:
        rows = candidate_rows(resolution, exclude=exclude, every_jurisdiction=every_jurisdiction, bounded=True,
                              limit=size + 1, weights=weights)
        head = sorted(rows[:size], key=lambda row: row.id)
        matches = rank(request, profiles_from_rows(head), weights=weights, limit=limit, registers=load_registers)
        if len(rows) <= size:
            return matches
        clean = [m for m in matches if not m.conflict]
        if len(clean) >= limit:
            cut, last = rows[size], clean[-1]
            key = scorer.quick(last.firm)
            if cut.sort_key < key - BOUND_MARGIN or (cut.sort_key <= key + BOUND_MARGIN and last.firm.id < cut.id):
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
