"""Ranking: score candidate firms for a resolved request, flag conflicts, propose teams.

The engine works on plain data (``FirmProfile``, ``MatchRequest``) and never touches the database: the
caller retrieves the candidates (active firms covering at least one requested jurisdiction, or all active
firms when the request names none) and passes them in.

Each candidate gets components in [0, 1]:

- ``jurisdiction``: 1 when the firm covers every requested jurisdiction; otherwise half of its weighted
  coverage, the first-named jurisdiction counting double (it is usually where the matter sits);
- ``practice_area``: share of the requested practice areas the firm practises;
- ``language``: share of the requested working languages the firm speaks;
- ``capacity``: free share of the firm's case capacity;
- ``track_record``: acceptance rate, client rating and response time (neutral when unknown);
- ``fairness``: fewer recent referrals scores higher, so work is spread among equally good members.

The score is the weighted sum (weights from configuration, normalised to sum to 1). The shortlist puts
firms covering every requested jurisdiction first, then firms covering the first-named one, then the rest,
each group by score: a firm that cannot act where the matter sits is never preferred to one that can. A
firm that practises none of the requested areas is not a match and is left out. Conflicted firms are
listed, flagged and never counted toward the limit, so staff see why a strong firm was passed over, but
it is never offered. The fuzzy conflict check runs only for firms that reach the output.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .conflicts import CUTOFF, match_normalised, screened_forms
from .resolver import RequestResolution
from .vocabulary import Vocabulary, get_vocabulary, normalise

COMPONENTS = ("jurisdiction", "practice_area", "language", "capacity", "track_record", "fairness")


# Not frozen: frozen dataclasses set every field through object.__setattr__, which made building
# profiles for thousands of candidates the slowest step of a match. Identity equality is all ranking needs.
@dataclass(slots=True, eq=False)
class FirmProfile:
    """What the engine needs to know about a member firm."""

    id: int | str
    name: str
    email: str
    jurisdictions: frozenset[str]
    practice_areas: frozenset[str]
    languages: frozenset[str]
    capacity: int = 5
    open_cases: int = 0
    acceptance_rate: float | None = None
    average_rating: float | None = None
    median_response_hours: float | None = None
    recent_referrals: int = 0
    conflict_names: tuple[str, ...] = ()
    active: bool = True
    # Request-independent components, computed once so ranking thousands of firms stays cheap.
    soft: tuple[float, float, float] = field(default=(0.0, 0.0, 0.0), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.soft = (capacity_score(self), track_record_score(self), fairness_score(self))


@dataclass(frozen=True)
class Weights:
    """Relative weight of each score component; normalised to sum to 1 when used."""

    jurisdiction: float = 0.34
    practice_area: float = 0.34
    language: float = 0.14
    capacity: float = 0.08
    track_record: float = 0.06
    fairness: float = 0.04

    @classmethod
    def from_mapping(cls, values: Mapping[str, float] | None) -> Weights:
        """Weights from a mapping such as the app config's MATCH_WEIGHTS; unknown keys are rejected."""
        if not values:
            return cls()
        unknown = set(values) - set(COMPONENTS)
        if unknown:
            raise ValueError(f"unknown match weight(s): {', '.join(sorted(unknown))}")
        merged = {name: float(values.get(name, getattr(cls(), name))) for name in COMPONENTS}
        if any(v < 0 for v in merged.values()) or sum(merged.values()) <= 0:
            raise ValueError("match weights must be non-negative and not all zero")
        return cls(**merged)

    def normalised(self) -> dict[str, float]:
        """The weights as a dict summing to 1."""
        raw = {name: getattr(self, name) for name in COMPONENTS}
        total = sum(raw.values()) or 1.0
        return {name: value / total for name, value in raw.items()}


@dataclass
class MatchRequest:
    """A resolved request: codes in the order the client gave them, counterparties, and term sources."""

    jurisdictions: tuple[str, ...] = ()
    practice_areas: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    counterparties: tuple[str, ...] = ()
    sources: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def from_resolution(
        cls, resolution: RequestResolution, counterparties: Iterable[str] = ()
    ) -> MatchRequest:
        """Build a request from the resolver's output."""
        return cls(
            jurisdictions=tuple(resolution.jurisdictions),
            practice_areas=tuple(resolution.practice_areas),
            languages=tuple(resolution.languages),
            counterparties=tuple(c for c in counterparties if c and str(c).strip()),
            sources={k: dict(v) for k, v in resolution.sources.items()},
        )


@dataclass
class Match:
    """One firm on a shortlist, with its score, components and reasons."""

    firm: FirmProfile
    score: float
    components: dict[str, float]
    reasons: list[str]
    conflict: bool = False
    conflict_with: list[str] = field(default_factory=list)
    covers_all: bool = False
    # The reasons as (code, parameters) pairs, one per English reason, for rendering in other languages.
    reason_codes: list[tuple[str, dict]] = field(default_factory=list)

    def as_dict(self) -> dict:
        """The match in the shape of the `flask match --json` contract."""
        return {
            "firm": {"name": self.firm.name, "email": self.firm.email},
            "score": round(self.score, 4),
            "conflict": self.conflict,
            "reasons": list(self.reasons),
        }


@dataclass
class TeamMember:
    """The firm proposed for one jurisdiction of a multi-jurisdiction request."""

    jurisdiction: str
    firm: FirmProfile
    score: float = 0.0

    def as_dict(self) -> dict:
        """The member in the shape of the `flask match --json` contract."""
        return {"jurisdiction": self.jurisdiction, "firm": {"name": self.firm.name, "email": self.firm.email}}


# ------------------------------------------------------------------------------------------ components


def _jurisdiction_weights(codes: Sequence[str]) -> list[tuple[str, float]]:
    if not codes:
        return []
    raw = [2.0] + [1.0] * (len(codes) - 1)
    total = sum(raw)
    return [(code, w / total) for code, w in zip(codes, raw, strict=True)]


def capacity_score(firm: FirmProfile) -> float:
    """Free share of the firm's capacity in [0, 1]; a full (or zero-capacity) firm scores 0."""
    if firm.capacity <= 0:
        return 0.0
    return max(0.0, min(1.0, (firm.capacity - firm.open_cases) / firm.capacity))


def track_record_score(firm: FirmProfile) -> float:
    """Acceptance rate, rating and response time averaged in [0, 1]; 0.5 when nothing is known yet."""
    parts: list[float] = []
    if firm.acceptance_rate is not None:
        parts.append(max(0.0, min(1.0, firm.acceptance_rate)))
    if firm.average_rating is not None:
        parts.append(max(0.0, min(1.0, (firm.average_rating - 1.0) / 4.0)))
    if firm.median_response_hours is not None:
        # Within a working day is excellent; three days or more is as bad as it gets.
        parts.append(max(0.0, min(1.0, 1.0 - (firm.median_response_hours - 4.0) / 68.0)))
    return sum(parts) / len(parts) if parts else 0.5


def fairness_score(firm: FirmProfile) -> float:
    """Higher for firms that received fewer referrals recently."""
    return 1.0 / (1.0 + 0.25 * max(0, firm.recent_referrals))


def _covers(firm: FirmProfile, request: MatchRequest) -> bool:
    return all(code in firm.jurisdictions for code in request.jurisdictions)


# ------------------------------------------------------------------------------------------------ rank


class _Scorer:
    """Per-request constants, so the per-candidate work is membership tests and arithmetic."""

    def __init__(self, request: MatchRequest, weights: Weights | None):
        self.request = request
        w = (weights or Weights()).normalised()
        self.w = w
        self.juris = _jurisdiction_weights(request.jurisdictions)
        self.areas = tuple(request.practice_areas)
        self.langs = tuple(request.languages)
        self.n_areas = len(self.areas)
        self.n_langs = len(self.langs)
        self.w_j, self.w_a, self.w_l = w["jurisdiction"], w["practice_area"], w["language"]
        self.w_c, self.w_t, self.w_f = w["capacity"], w["track_record"], w["fairness"]

    def coverage(self, firm: FirmProfile) -> tuple[int, float, float, float] | None:
        """Tier and the jurisdiction, practice-area and language components, or None when it is no match."""
        fj = firm.jurisdictions
        tier = 2
        if self.juris:
            covered = 0.0
            full = True
            for code, weight in self.juris:
                if code in fj:
                    covered += weight
                else:
                    full = False
            if covered == 0.0:
                return None
            if full:
                juris = 1.0
            else:
                juris = 0.5 * covered
                tier = 1 if self.juris[0][0] in fj else 0
        else:
            juris = 1.0
        if self.n_areas:
            fa = firm.practice_areas
            hit = 0
            for code in self.areas:
                if code in fa:
                    hit += 1
            if not hit:
                return None
            area = hit / self.n_areas
        else:
            area = 1.0
        if self.n_langs:
            fl = firm.languages
            spoken = 0
            for code in self.langs:
                if code in fl:
                    spoken += 1
            lang = spoken / self.n_langs
        else:
            lang = 1.0
        return tier, juris, area, lang

    def components(self, firm: FirmProfile) -> dict[str, float] | None:
        """The components of one firm, or None when it is no match at all."""
        found = self.coverage(firm)
        if found is None:
            return None
        _tier, juris, area, lang = found
        cap, track, fair = firm.soft
        return {
            "jurisdiction": juris,
            "practice_area": area,
            "language": lang,
            "capacity": cap,
            "track_record": track,
            "fairness": fair,
        }

    def quick(self, firm: FirmProfile) -> float:
        """Sort key of a firm: 2 x tier + score (tiers never overlap), or -1 when it is no match."""
        if not firm.active:
            return -1.0
        found = self.coverage(firm)
        if found is None:
            return -1.0
        tier, juris, area, lang = found
        cap, track, fair = firm.soft
        score = (
            self.w_j * juris
            + self.w_a * area
            + self.w_l * lang
            + self.w_c * cap
            + self.w_t * track
            + self.w_f * fair
        )
        return 2.0 * tier + min(1.0, score)

    def score(self, comps: dict[str, float]) -> float:
        """Weighted sum of the components."""
        w = self.w
        return sum(w[name] * comps[name] for name in COMPONENTS)


def _source_of(kind: str, code: str, label: str, request: MatchRequest) -> str:
    """The client's own words for a term when they differ from its label and code, else ""."""
    source = request.sources.get(kind, {}).get(code)
    if source and normalise(source) != normalise(label) and normalise(source) != normalise(code):
        return source
    return ""


# A structured reason: a code naming the kind of reason and its parameters, for pages that render reasons
# in the reader's language. The codes and their parameters:
#   covers {kind, code, source}   missing {kind, code}   speaks {code}   capacity {open, capacity}
#   acceptance {percent}   rating {value}   response {hours}   recent {count}   conflict {text}
ReasonCode = tuple[str, dict]


def explain(
    firm: FirmProfile,
    request: MatchRequest,
    vocab: Vocabulary | None = None,
    conflict_with: Sequence[str] = (),
) -> tuple[list[str], list[ReasonCode]]:
    """English reasons for a firm's place on the shortlist and the same reasons as codes with parameters.

    Both lists are built here side by side, one entry each, so that they never disagree."""
    vocab = vocab or get_vocabulary()
    reasons: list[str] = []
    codes: list[ReasonCode] = []

    def add(text: str, code: str, params: dict) -> None:
        reasons.append(text)
        codes.append((code, params))

    for code in request.jurisdictions:
        label = vocab.label("jurisdictions", code)
        if code in firm.jurisdictions:
            source = _source_of("jurisdictions", code, label, request)
            add(f"covers {label}" + (f" (from '{source}')" if source else ""),
                "covers", {"kind": "jurisdictions", "code": code, "source": source})
        else:
            add(f"does not cover {label}", "missing", {"kind": "jurisdictions", "code": code})
    for code in request.practice_areas:
        label = vocab.label("practice_areas", code)
        if code in firm.practice_areas:
            source = _source_of("practice_areas", code, label, request)
            add(f"practice area {label}" + (f" (from '{source}')" if source else ""),
                "covers", {"kind": "practice_areas", "code": code, "source": source})
        else:
            add(f"no {label} practice listed", "missing", {"kind": "practice_areas", "code": code})
    for code in request.languages:
        label = vocab.label("languages", code)
        if code in firm.languages:
            add(f"speaks {label}", "speaks", {"code": code})
        else:
            add(f"does not list {label} as a language", "missing", {"kind": "languages", "code": code})
    add(f"capacity: {firm.open_cases} of {firm.capacity} open cases",
        "capacity", {"open": firm.open_cases, "capacity": firm.capacity})
    if firm.acceptance_rate is not None:
        percent = round(firm.acceptance_rate * 100)
        add(f"accepts {percent}% of referrals", "acceptance", {"percent": percent})
    if firm.average_rating is not None:
        add(f"rated {firm.average_rating:.1f}/5 by clients", "rating", {"value": float(f"{firm.average_rating:.1f}")})
    if firm.median_response_hours is not None:
        add(f"responds in about {firm.median_response_hours:.0f} h",
            "response", {"hours": int(f"{firm.median_response_hours:.0f}")})
    if firm.recent_referrals:
        count = firm.recent_referrals
        add(f"{count} recent referral{'s' if count != 1 else ''}", "recent", {"count": count})
    for text in conflict_with:
        add(f"possible conflict: {text}", "conflict", {"text": text})
    return reasons, codes


def build_reasons(
    firm: FirmProfile, comps: Mapping[str, float], request: MatchRequest, vocab: Vocabulary | None = None
) -> list[str]:
    """Human-readable English reasons for a firm's place on the shortlist."""
    return explain(firm, request, vocab)[0]


def _normalised_counterparties(request: MatchRequest) -> list[tuple[str, str]]:
    return screened_forms(request.counterparties)


# Loads the conflict registers of some firms: firm id -> [(name as entered, normalised name)]. Lets the
# caller fetch registers only for the few firms that reach the shortlist instead of for every candidate.
RegisterLoader = Callable[[Sequence[FirmProfile]], Mapping[int | str, Sequence[tuple[str, str]]]]


def check_conflict(
    firm: FirmProfile,
    counterparties: list[tuple[str, str]],
    cutoff: float = CUTOFF,
    register: Sequence[tuple[str, str]] | None = None,
) -> list[str]:
    """Descriptions of the firm's register entries that match the request's counterparties.

    `register` holds (name as entered, normalised name) pairs; without it the profile's normalised
    `conflict_names` are used."""
    if register is None:
        register = [(name, name) for name in firm.conflict_names]
    if not counterparties or not register:
        return []
    return [
        f"{hit.counterparty} ~ {hit.register_name}"
        for hit in match_normalised(counterparties, register, cutoff)
    ]


def rank(
    request: MatchRequest,
    candidates: Iterable[FirmProfile],
    weights: Weights | None = None,
    limit: int = 10,
    vocab: Vocabulary | None = None,
    registers: RegisterLoader | None = None,
) -> list[Match]:
    """Shortlist of up to `limit` clean matches, best first, with conflicted firms flagged in place.

    Candidates are the active firms covering at least one requested jurisdiction (all active firms when
    the request names none); `FirmProfile.conflict_names` must hold normalised names, unless `registers`
    loads the registers of the firms that reach the output.
    """
    scorer = _Scorer(request, weights)
    # Plain floats and a list of existing objects: no new container per candidate, so scoring thousands of
    # firms neither allocates much nor wakes the garbage collector.
    keys: list[float] = []
    firms: list[FirmProfile] = []
    quick = scorer.quick
    for firm in candidates:
        key = quick(firm)
        if key >= 0.0:
            keys.append(key)
            firms.append(firm)
    cps = _normalised_counterparties(request)
    out: list[Match] = []
    clean = 0
    if limit <= 0:
        return out
    # Most requests need only the top few; take more only when conflicts eat into the shortlist.
    take = limit * 2
    while True:
        # Stable: among equal keys the earlier candidate stays first.
        top = heapq.nlargest(take, range(len(keys)), key=keys.__getitem__)
        batch = top[len(out) :]
        loaded = registers([firms[pos] for pos in batch]) if registers and cps else None
        for pos in batch:
            firm = firms[pos]
            score = keys[pos] % 2.0
            comps = scorer.components(firm) or {}
            conflict_with = check_conflict(firm, cps, register=loaded.get(firm.id, ()) if loaded is not None else None)
            reasons, reason_codes = explain(firm, request, vocab, conflict_with)
            out.append(
                Match(
                    firm=firm,
                    score=round(min(1.0, max(0.0, score)), 4),
                    components=comps,
                    reasons=reasons,
                    conflict=bool(conflict_with),
                    conflict_with=conflict_with,
                    covers_all=_covers(firm, request),
                    reason_codes=reason_codes,
                )
            )
            if not conflict_with:
                clean += 1
                if clean >= limit:
                    return out
        if len(top) < take:
            return out
        take *= 2


# ------------------------------------------------------------------------------------------------ team


def is_complete_fit(match: Match, request: MatchRequest) -> bool:
    """True when one clean firm covers every requested jurisdiction, practice area and language."""
    c = match.components
    return (
        not match.conflict
        and match.firm.active
        and match.covers_all
        and c["practice_area"] >= 1.0
        and (not request.languages or c["language"] > 0.0)
    )


def propose_team(
    request: MatchRequest,
    matches_or_candidates: Iterable[Match | FirmProfile],
    weights: Weights | None = None,
    registers: RegisterLoader | None = None,
) -> list[TeamMember]:
    """One firm per requested jurisdiction, best first, when no single clean firm fits the whole request.

    Pass the full candidate list (FirmProfile) when possible: a shortlist ranked for the whole request
    may hold no firm for a secondary jurisdiction. Conflicted and inactive firms are never proposed.
    """
    if len(request.jurisdictions) < 2:
        return []
    items = list(matches_or_candidates)
    cps = _normalised_counterparties(request)
    known_conflict: dict[int, bool] = {}
    firms: list[FirmProfile] = []
    for item in items:
        if isinstance(item, Match):
            known_conflict[id(item.firm)] = item.conflict
            firms.append(item.firm)
        else:
            firms.append(item)
    firms = [f for f in firms if f.active]

    def conflicted(firm: FirmProfile) -> bool:
        key = id(firm)
        if key not in known_conflict:
            register = registers([firm]).get(firm.id, ()) if registers and cps else None
            known_conflict[key] = bool(check_conflict(firm, cps, register=register))
        return known_conflict[key]

    # No team when a single clean firm already fits everything.
    for firm in firms:
        if (
            _covers(firm, request)
            and all(code in firm.practice_areas for code in request.practice_areas)
            and (not request.languages or any(code in firm.languages for code in request.languages))
            and not conflicted(firm)
        ):
            return []
    team: list[TeamMember] = []
    for code in request.jurisdictions:
        sub = MatchRequest(
            jurisdictions=(code,),
            practice_areas=request.practice_areas,
            languages=request.languages,
            counterparties=request.counterparties,
        )
        scorer = _Scorer(sub, weights)
        ranked: list[tuple[float, int, FirmProfile]] = []
        for n, firm in enumerate(firms):
            key = scorer.quick(firm)
            if key < 0.0:
                continue
            # Prefer firms that also cover other requested jurisdictions: fewer hand-offs for the client.
            extra = sum(1 for other in request.jurisdictions if other != code and other in firm.jurisdictions)
            ranked.append((key % 2.0 + 0.01 * extra, -n, firm))
        if not any(not conflicted(f) for _s, _n, f in ranked):
            # Nobody there practises the requested areas: a general member still beats a gap in the team.
            general = _Scorer(MatchRequest(jurisdictions=(code,), languages=request.languages), weights)
            for n, firm in enumerate(firms):
                key = general.quick(firm)
                if key >= 0.0:
                    ranked.append((0.5 * (key % 2.0), -n, firm))
        ranked.sort(key=lambda t: (t[0], t[1]), reverse=True)
        for score, _n, firm in ranked:
            if not conflicted(firm):
                team.append(TeamMember(code, firm, round(min(1.0, score), 4)))
                break
    return team
