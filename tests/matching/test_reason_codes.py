"""The matcher's reasons: the English strings of the `flask match` contract stay exactly as they were, and each
one has a structured twin (code and parameters) built beside it, for pages in other languages."""

from legalnet.matching.conflicts import normalise_entity
from legalnet.matching.engine import FirmProfile, MatchRequest, build_reasons, rank
from legalnet.matching.resolver import resolve_request


def profile(**fields):
    values = {"id": 1, "name": "Saigon IP", "email": "ip@example.test", "jurisdictions": frozenset({"VN"}),
              "practice_areas": frozenset({"intellectual-property"}), "languages": frozenset({"en", "vi"})}
    return FirmProfile(**{**values, **fields})


def request_from_text():
    return MatchRequest.from_resolution(
        resolve_request("", "", ["越南", "Thailand"], ["trade marks", "tax"], ["Vietnamese", "Thai"]))


def test_build_reasons_english_is_unchanged_for_a_known_firm_and_request():
    firm = profile(capacity=5, open_cases=3, acceptance_rate=0.8, average_rating=4.5, median_response_hours=6.2,
                   recent_referrals=2)
    assert build_reasons(firm, {}, request_from_text()) == [
        "covers Vietnam (from '越南')",
        "does not cover Thailand",
        "practice area Intellectual Property (from 'trade marks')",
        "no Tax practice listed",
        "speaks Vietnamese",
        "does not list Thai as a language",
        "capacity: 3 of 5 open cases",
        "accepts 80% of referrals",
        "rated 4.5/5 by clients",
        "responds in about 6 h",
        "2 recent referrals",
    ]
    assert build_reasons(profile(recent_referrals=1), {}, MatchRequest())[-1] == "1 recent referral"


def test_every_english_reason_has_a_code_in_the_same_place():
    firm = profile(capacity=5, open_cases=3, acceptance_rate=0.8, average_rating=4.5, median_response_hours=6.2,
                   recent_referrals=2, conflict_names=(normalise_entity("Mekong Trading JSC"),))
    request = request_from_text()
    request.counterparties = ("Mekong Trading Joint Stock Company",)
    match = rank(request, [firm])[0]
    assert match.conflict
    assert len(match.reason_codes) == len(match.reasons)
    assert match.reason_codes == [
        ("covers", {"kind": "jurisdictions", "code": "VN", "source": "越南"}),
        ("missing", {"kind": "jurisdictions", "code": "TH"}),
        ("covers", {"kind": "practice_areas", "code": "intellectual-property", "source": "trade marks"}),
        ("missing", {"kind": "practice_areas", "code": "tax"}),
        ("speaks", {"code": "vi"}),
        ("missing", {"kind": "languages", "code": "th"}),
        ("capacity", {"open": 3, "capacity": 5}),
        ("acceptance", {"percent": 80}),
        ("rating", {"value": 4.5}),
        ("response", {"hours": 6}),
        ("recent", {"count": 2}),
        ("conflict", {"text": match.conflict_with[0]}),
    ]
    assert match.reasons[-1] == f"possible conflict: {match.conflict_with[0]}"
    assert match.reasons[:-1] == build_reasons(firm, match.components, request)
