"""`flask match` through the real CLI against firms imported into the real database."""

import json

import pytest

from legalnet.firms.models import Firm
from tests.firms.test_import_export import write_jsonl

FIRMS = [
    {"name": "Hanoi IP Counsel", "email": "ip@hanoi.example", "jurisdictions": ["Vietnam"],
     "practice_areas": ["intellectual property"], "languages": ["Vietnamese", "English"], "capacity": 5},
    {"name": "Saigon Generalists", "email": "gen@saigon.example", "jurisdictions": ["Ho Chi Minh City"],
     "practice_areas": ["intellectual property", "litigation"], "languages": ["English"], "capacity": 5,
     "conflict_parties": ["Vingroup JSC"]},
    {"name": "Dormant VN Firm", "email": "old@vn.example", "jurisdictions": ["Vietnam"],
     "practice_areas": ["intellectual property"], "languages": ["Vietnamese"], "status": "suspended"},
    {"name": "Bangkok Trade Law", "email": "trade@bkk.example", "jurisdictions": ["Thailand"],
     "practice_areas": ["trade marks", "customs"], "languages": ["Thai"]},
]


@pytest.fixture()
def runner(app, db, tmp_path):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["firms", "import", write_jsonl(tmp_path / "firms.jsonl", FIRMS)])
    assert result.exit_code == 0, result.output
    return runner


def match(runner, tmp_path, *requests, args=()):
    path = tmp_path / "requests.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in requests) + "\n",
                    encoding="utf-8")
    result = runner.invoke(args=["match", "--json", *args, str(path)])
    return result, [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_match_follows_the_contract(runner, tmp_path):
    request = {"id": "r1", "title": "Trade mark filings", "description": "We need help with trade marks in Vietnam.",
               "jurisdictions": [], "practice_areas": [], "languages": ["Vietnamese"],
               "counterparties": ["VINGROUP Joint Stock Company"]}
    result, [out] = match(runner, tmp_path, request)
    assert result.exit_code == 0, result.output
    assert out["id"] == "r1"
    assert out["resolved"] == {"jurisdictions": ["VN"], "practice_areas": ["intellectual-property"],
                               "languages": ["vi"], "counterparties": ["VINGROUP Joint Stock Company"]}
    emails = [m["firm"]["email"] for m in out["matches"]]
    assert emails[0] == "ip@hanoi.example"
    assert "old@vn.example" not in emails
    conflicted = {m["firm"]["email"]: m["conflict"] for m in out["matches"]}
    assert conflicted == {"ip@hanoi.example": False, "gen@saigon.example": True}
    top = out["matches"][0]
    assert 0 <= top["score"] <= 1 and top["reasons"]
    assert any("Vietnam" in reason for reason in top["reasons"])
    assert out["team"] == []


def test_team_when_no_firm_covers_every_jurisdiction(runner, tmp_path):
    request = {"id": "r2", "description": "Trade mark filings in Vietnam and Thailand"}
    _, [out] = match(runner, tmp_path, request)
    assert set(out["resolved"]["jurisdictions"]) == {"VN", "TH"}
    team = {m["jurisdiction"]: m["firm"]["email"] for m in out["team"]}
    assert team == {"VN": "ip@hanoi.example", "TH": "trade@bkk.example"}


def test_unknown_terms_are_unresolved_not_guessed(runner, tmp_path):
    request = {"id": "r3", "jurisdictions": ["Atlantis"], "practice_areas": ["underwater basket weaving"],
               "description": ""}
    _, [out] = match(runner, tmp_path, request)
    assert out["resolved"]["jurisdictions"] == []
    assert "Atlantis" in out["unresolved"]


def test_bad_lines_are_reported_and_the_rest_runs(runner, tmp_path):
    good = {"id": "ok", "description": "IP work in Vietnam"}
    result, outs = match(runner, tmp_path, "{broken", {"id": "empty", "description": "  "}, good)
    assert [o["id"] for o in outs] == ["ok"]
    assert "line 1: not valid JSON" in result.stderr
    assert "line 2: the request is empty" in result.stderr


def test_single_object_limit_table_and_no_writes(runner, app, db, tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "t", "description": "知识产权 越南"}, ensure_ascii=False), encoding="utf-8")
    before = db.session.scalar(db.select(Firm.updated_at).order_by(Firm.updated_at.desc()))
    result = runner.invoke(args=["match", "--limit", "1", str(path)])
    assert result.exit_code == 0
    assert "Hanoi IP Counsel" in result.output and "Saigon Generalists" not in result.output
    assert db.session.scalar(db.select(Firm.updated_at).order_by(Firm.updated_at.desc())) == before


def test_empty_input_is_refused(runner, tmp_path):
    path = tmp_path / "none.jsonl"
    path.write_text("\n", encoding="utf-8")
    result = runner.invoke(args=["match", str(path)])
    assert result.exit_code != 0
    assert "no request given" in result.output
