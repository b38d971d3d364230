"""Candidate retrieval in SQL gives the engine what it needs: the shortcut for multi-jurisdiction requests
returns exactly what ranking every candidate would."""

import pytest

from legalnet.matching.engine import MatchRequest, propose_team, rank
from legalnet.matching.resolver import RequestResolution
from legalnet.matching.services import candidate_rows, find_matches, load_registers, profiles_from_rows
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
