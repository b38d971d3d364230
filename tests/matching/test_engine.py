"""Engine: scoring components, weights, reasons, conflicts, capacity, fairness and teams."""

import random

import pytest

from legalnet.matching.conflicts import normalise_entity
from legalnet.matching.engine import COMPONENTS, FirmProfile, MatchRequest, Weights, propose_team, rank
from legalnet.matching.resolver import resolve_request


def firm(n, juris=("VN",), areas=("intellectual-property",), langs=("en", "vi"), **kw):
    return FirmProfile(
        id=n,
        name=f"Firm {n}",
        email=f"firm{n}@example.test",
        jurisdictions=frozenset(juris),
        practice_areas=frozenset(areas),
        languages=frozenset(langs),
        **kw,
    )


VN_IP = MatchRequest(jurisdictions=("VN",), practice_areas=("intellectual-property",), languages=("vi",))


def test_components_are_in_unit_range_and_score_matches_weights():
    firms = [
        firm(1),
        firm(
            2,
            langs=("en",),
            open_cases=4,
            capacity=5,
            acceptance_rate=0.5,
            average_rating=3,
            median_response_hours=30,
            recent_referrals=3,
        ),
    ]
    weights = Weights()
    for match in rank(VN_IP, firms, weights):
        assert set(match.components) == set(COMPONENTS)
        assert all(0.0 <= v <= 1.0 for v in match.components.values())
        expected = sum(weights.normalised()[k] * v for k, v in match.components.items())
        assert match.score == pytest.approx(expected, abs=1e-3)
        assert 0.0 <= match.score <= 1.0


def test_weights_from_mapping_are_respected():
    speaks = firm(1, langs=("vi",), capacity=5, open_cases=4)
    roomy = firm(2, langs=("en",), capacity=5, open_cases=0)
    language_first = Weights.from_mapping({"language": 0.9, "capacity": 0.01})
    capacity_first = Weights.from_mapping({"language": 0.01, "capacity": 0.9})
    assert rank(VN_IP, [speaks, roomy], language_first)[0].firm is speaks
    assert rank(VN_IP, [speaks, roomy], capacity_first)[0].firm is roomy
    assert sum(Weights().normalised().values()) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        Weights.from_mapping({"speed": 1.0})


def test_reasons_explain_the_match():
    request = MatchRequest.from_resolution(
        resolve_request("", "", ["Vietnam"], ["trade marks"], ["Vietnamese"])
    )
    match = rank(request, [firm(1, capacity=5, open_cases=3)])[0]
    assert "covers Vietnam" in match.reasons
    assert "practice area Intellectual Property (from 'trade marks')" in match.reasons
    assert "speaks Vietnamese" in match.reasons
    assert "capacity: 3 of 5 open cases" in match.reasons


def test_firm_without_a_requested_practice_area_is_not_a_match():
    assert rank(VN_IP, [firm(1, areas=("tax",))]) == []


def test_conflicted_firm_is_flagged_not_counted():
    conflicted = firm(1, conflict_names=(normalise_entity("Siam Cement Public Company Limited"),))
    clean = [firm(n, langs=("en",)) for n in range(2, 5)]
    request = MatchRequest(
        jurisdictions=("VN",),
        practice_areas=("intellectual-property",),
        languages=("vi",),
        counterparties=("SIAM CEMENT PCL",),
    )
    matches = rank(request, [conflicted, *clean], limit=3)
    flagged = [m for m in matches if m.conflict]
    assert [m.firm for m in flagged] == [conflicted]
    assert flagged[0].conflict_with and "SIAM CEMENT PCL" in flagged[0].conflict_with[0]
    assert any("possible conflict" in r for r in flagged[0].reasons)
    assert len([m for m in matches if not m.conflict]) == 3


def test_inactive_firm_is_never_listed():
    assert rank(VN_IP, [firm(1, active=False)]) == []


def test_full_firm_scores_lower():
    free, full = firm(1, capacity=5, open_cases=0), firm(2, capacity=5, open_cases=5)
    matches = rank(VN_IP, [full, free])
    assert matches[0].firm is free
    assert matches[1].components["capacity"] == 0.0
    assert matches[1].score < matches[0].score


def test_fairness_spreads_work_among_equals():
    busy, quiet = firm(1, recent_referrals=6), firm(2, recent_referrals=0)
    matches = rank(VN_IP, [busy, quiet])
    assert matches[0].firm is quiet
    assert matches[0].components["fairness"] > matches[1].components["fairness"]


def test_track_record_counts():
    good = firm(1, acceptance_rate=0.9, average_rating=4.8, median_response_hours=3)
    poor = firm(2, acceptance_rate=0.2, average_rating=2.0, median_response_hours=70)
    assert rank(VN_IP, [poor, good])[0].firm is good


def test_firms_covering_every_jurisdiction_come_first():
    request = MatchRequest(jurisdictions=("VN", "LA"), practice_areas=("tax", "real-estate"))
    both = firm(1, juris=("VN", "LA"), areas=("tax",))
    main_only = firm(2, juris=("VN",), areas=("tax", "real-estate"))
    other_only = firm(3, juris=("LA",), areas=("tax", "real-estate"))
    assert [m.firm for m in rank(request, [other_only, main_only, both])] == [both, main_only, other_only]


def test_team_when_no_single_firm_covers_everything():
    request = MatchRequest(
        jurisdictions=("SG", "MM"),
        practice_areas=("intellectual-property",),
        counterparties=("Golden Dragon Shipping Pte Ltd",),
    )
    sg_best = firm(1, juris=("SG",))
    sg_conflicted = firm(
        2,
        juris=("SG",),
        langs=("en", "my"),
        acceptance_rate=1.0,
        conflict_names=(normalise_entity("Golden Dragon Shipping Pte. Ltd."),),
    )
    mm_inactive = firm(3, juris=("MM",), active=False)
    mm_general = firm(4, juris=("MM",), areas=("tax",))
    team = propose_team(request, [sg_conflicted, sg_best, mm_inactive, mm_general])
    assert [(t.jurisdiction, t.firm) for t in team] == [("SG", sg_best), ("MM", mm_general)]


def test_no_team_when_one_clean_firm_fits():
    request = MatchRequest(jurisdictions=("SG", "MM"), practice_areas=("intellectual-property",))
    assert propose_team(request, [firm(1, juris=("SG", "MM")), firm(2, juris=("SG",))]) == []
    assert propose_team(VN_IP, [firm(1)]) == []


def test_team_from_matches():
    request = MatchRequest(jurisdictions=("HK", "LA"), practice_areas=("banking-finance",))
    firms = [
        firm(1, juris=("HK",), areas=("banking-finance",)),
        firm(2, juris=("LA",), areas=("banking-finance",)),
    ]
    team = propose_team(request, rank(request, firms))
    assert [(t.jurisdiction, t.firm.id) for t in team] == [("HK", 1), ("LA", 2)]


def test_rank_finds_clean_firms_among_many_candidates():
    rnd = random.Random(1)
    juris = ["CN", "HK", "MO", "SG", "TH", "MY", "VN"]
    areas = ["tax", "litigation", "arbitration", "intellectual-property", "employment", "real-estate"]
    firms = [
        firm(
            n,
            juris=rnd.sample(juris, 2),
            areas=rnd.sample(areas, 3),
            capacity=5,
            open_cases=rnd.randint(0, 5),
            recent_referrals=rnd.randint(0, 5),
            conflict_names=(f"company {n}",),
        )
        for n in range(8000)
    ]
    request = MatchRequest(
        jurisdictions=("VN",),
        practice_areas=("tax", "litigation"),
        languages=("vi",),
        counterparties=("Company 17 Ltd",),
    )
    matches = rank(request, firms, limit=10)
    assert len([m for m in matches if not m.conflict]) == 10
