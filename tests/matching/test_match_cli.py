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


def match_bytes(runner, tmp_path, data: bytes):
    """Run `flask match --json` on a file of raw bytes; returns the result and the printed results."""
    path = tmp_path / "raw.jsonl"
    path.write_bytes(data)
    result = runner.invoke(args=["match", "--json", "--limit", "3", str(path)])
    return result, [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def line(request) -> bytes:
    return json.dumps(request, ensure_ascii=False).encode("utf-8")


def test_lines_of_wrong_types_or_bytes_are_reported_by_number_and_the_rest_runs(runner, tmp_path):
    good = {"id": "ok", "description": "IP work in Vietnam"}
    lines = [
        line({"id": "num", "jurisdictions": 5, "description": "IP in Vietnam"}),
        line({"id": "str-list", "title": ["a", "b"], "description": "IP in Vietnam"}),
        line({"id": "items", "practice_areas": ["IP", 7]}),
        b'{"id": "bytes", "description": "IP in Vi\xffetnam"}',
        line({"id": "obj", "counterparties": {"name": "Vingroup"}, "description": "IP in Vietnam"}),
        b'{"id": "surrogate", "description": "IP in Vietnam \\ud800"}',
        line({"id": "long", "description": "IP in Vietnam. " * 1500}),
        line({**good, "id": "separator", "description": "IP work\u2028in Vietnam"}),
        line(good),
    ]
    result, outs = match_bytes(runner, tmp_path, b"\n".join(lines) + b"\n")
    assert [o["id"] for o in outs] == ["separator", "ok"]
    assert outs[1]["resolved"]["jurisdictions"] == ["VN"] and outs[1]["matches"]
    assert result.exit_code == 0
    err = result.stderr
    assert "line 1: jurisdictions: expected a list of strings, got a number" in err
    assert "line 2: title: expected text, got a list" in err
    assert "line 3: practice_areas: expected a list of strings, got a number in it" in err
    assert "line 4: not valid UTF-8 (byte 0xff at column 41)" in err
    assert "line 5: counterparties: expected a list of strings, got an object" in err
    assert "line 6: description: contains an invalid character (a lone surrogate)" in err
    assert "line 7: description: at most 20,000 characters (this one has 22,500)" in err
    assert "line 8" not in err and "line 9" not in err


def test_a_file_of_only_bad_lines_exits_non_zero(runner, tmp_path):
    result, outs = match_bytes(runner, tmp_path, b'\xfe\xff\n{"jurisdictions": 1}\n')
    assert outs == [] and result.exit_code == 1
    assert "line 1: not valid UTF-8" in result.stderr and "line 2: jurisdictions" in result.stderr


def test_a_byte_order_mark_and_crlf_line_ends_are_read(runner, tmp_path):
    data = b"\xef\xbb\xbf" + line({"id": "a", "description": "IP in Vietnam"}) + b"\r\n" + line(
        {"id": "b", "description": "IP in Vietnam"}) + b"\r\n"
    result, outs = match_bytes(runner, tmp_path, data)
    assert [o["id"] for o in outs] == ["a", "b"] and result.stderr == ""
