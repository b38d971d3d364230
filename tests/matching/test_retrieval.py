"""Candidate retrieval in SQL gives the engine what it needs: the shortcut for multi-jurisdiction requests
returns exactly what ranking every candidate would."""

import random

import pytest

from legalnet.firms.models import FirmStatus
from legalnet.matching import services
from legalnet.matching.engine import MatchRequest, propose_team, rank
from legalnet.matching.resolver import RequestResolution
from legalnet.matching.services import (
    add_conflict_parties,
    candidate_rows,
    find_matches,
    load_registers,
    match_weights,
    profiles_from_rows,
    set_firm_coverage,
)
from tests import factories


def full_ranking(resolution, limit=10):
    request = MatchRequest.from_resolution(resolution, [])
    profiles = profiles_from_rows(candidate_rows(resolution))
    matches = rank(request, profiles, limit=limit, registers=load_registers)
    return [m.firm.id for m in matches], [(t.jurisdiction, t.firm.id) for t in propose_team(request, profiles)]


@pytest.mark.parametrize("covering_both", [0, 3, 12])
def test_multi_jurisdiction_matches_equal_full_ranking(db, covering_both):
    for n in range(covering_both):
        factories.make_firm(jurisdictions=("VN", "TH"), practice_areas=("intellectual-property",),
                            languages=("en",), capacity=5 + n % 3, open_cases=n % 4)
    for n in range(8):
        factories.make_firm(jurisdictions=(("VN", "TH")[n % 2],), practice_areas=("intellectual-property", "tax"),
                            languages=("en", "vi"), capacity=4, open_cases=n % 3)
    factories.make_firm(jurisdictions=("VN", "TH"), practice_areas=("tax",))  # no requested area
    db.session.commit()
    resolution = RequestResolution(jurisdictions=["VN", "TH"], practice_areas=["intellectual-property"])
    result = find_matches(resolution, limit=10)
    ids, team = full_ranking(resolution)
    assert [m.firm.id for m in result.matches] == ids
    assert [(t.jurisdiction, t.firm.id) for t in result.team] == team
    assert bool(result.team) == (covering_both == 0)


def test_single_jurisdiction_retrieval_needs_a_requested_area(db):
    fits = factories.make_firm(jurisdictions=("SG",), practice_areas=("arbitration",))
    factories.make_firm(jurisdictions=("SG",), practice_areas=("tax",))
    factories.make_firm(jurisdictions=("MY",), practice_areas=("arbitration",))
    db.session.commit()
    rows = candidate_rows(RequestResolution(jurisdictions=["SG"], practice_areas=["arbitration", "maritime"]))
    assert [row.id for row in rows] == [fits.id]
    assert candidate_rows(RequestResolution()) == []


def varied_federation(count: int, seed: int = 5):
    """Firms with random coverage, capacity, track record and conflict registers."""
    rng = random.Random(seed)
    for n in range(count):
        firm = factories.make_firm(
            jurisdictions=tuple(rng.sample(["VN", "TH", "SG", "HK"], rng.choice([1, 1, 2, 3]))),
            practice_areas=tuple(rng.sample(["intellectual-property", "tax", "arbitration", "employment"],
                                            rng.choice([1, 2, 3]))),
            languages=tuple(rng.sample(["en", "vi", "th", "zh"], rng.choice([1, 2]))),
            capacity=rng.choice([0, 2, 5, 8]), open_cases=rng.choice([0, 1, 3, 6]),
            offers_accepted=rng.choice([0, 0, 2, 7]), offers_declined=rng.choice([0, 1, 4]),
            offers_expired=rng.choice([0, 0, 1]), response_hours_total=rng.choice([0.0, 12.5, 80.0, 400.0]),
            rating_total=rng.choice([0, 4, 9, 14]), rating_count=rng.choice([0, 0, 1, 2, 3]),
            recent_referrals=rng.choice([0, 0, 1, 4]),
            status=FirmStatus.ACTIVE if n % 9 else FirmStatus.SUSPENDED,
        )
        if n % 7 == 0:
            add_conflict_parties(firm, ["Vingroup JSC"])


REQUESTS = [
    (["VN"], ["intellectual-property"], [], []),
    (["TH"], ["tax", "employment"], ["th"], ["Vingroup JSC"]),
    (["SG"], [], ["en"], []),
    ([], ["arbitration"], ["zh"], ["Vingroup JSC"]),
    (["HK", "VN"], ["arbitration"], [], []),
    (["VN", "TH", "SG"], ["tax"], ["vi"], ["Vingroup JSC"]),
]


@pytest.mark.parametrize("bound", [(1, 2), (40, 4)])
@pytest.mark.parametrize("jurisdictions,areas,languages,counterparties", REQUESTS)
def test_bounded_retrieval_equals_ranking_every_eligible_firm(db, monkeypatch, bound, jurisdictions, areas, languages,
                                                              counterparties):
    # A tiny first set makes the bound grow several times; the default one covers the usual path.
    monkeypatch.setattr(services, "BOUND_MINIMUM", bound[0])
    monkeypatch.setattr(services, "BOUND_FACTOR", bound[1])
    varied_federation(150)
    db.session.commit()
    resolution = RequestResolution(jurisdictions=jurisdictions, practice_areas=areas, languages=languages)
    excluded = [3, 8]
    for limit in (1, 5, 10):
        result = find_matches(resolution, counterparties, limit=limit, exclude_firm_ids=excluded)
        request = MatchRequest.from_resolution(resolution, counterparties)
        # The reference: every active firm, scored by the engine, nothing retrieved by SQL but the rows.
        everyone = [p for p in profiles_from_rows(candidate_rows(resolution)) if p.id not in excluded]
        expected = rank(request, everyone, weights=match_weights(), limit=limit, registers=load_registers)
        assert [(m.firm.id, m.score, m.conflict) for m in result.matches] == \
            [(m.firm.id, m.score, m.conflict) for m in expected]
        assert result.matches, "the request should match someone"


def test_stored_coverage_follows_every_change(db):
    firm = factories.make_firm(jurisdictions=("VN",), practice_areas=("tax",), languages=("vi",))
    db.session.commit()
    assert (firm.jurisdiction_list, firm.practice_area_list, firm.language_list) == (",VN,", ",tax,", ",vi,")
    set_firm_coverage(firm, ["Thailand", "VN"], ["trade marks"], [])
    db.session.commit()
    assert (firm.jurisdiction_list, firm.practice_area_list, firm.language_list) == \
        (",TH,VN,", ",intellectual-property,", "")
    rows = candidate_rows(RequestResolution(jurisdictions=["TH"], practice_areas=["intellectual-property"]))
    assert [row.id for row in rows] == [firm.id]
