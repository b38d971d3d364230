"""`flask firms import` and `flask firms export` through the real CLI and database."""

import json

from sqlalchemy import event

from legalnet.accounts.models import Role
from legalnet.core.audit import AuditLog
from legalnet.firms.importer import refresh_statistics
from legalnet.firms.models import Firm, FirmStatus
from legalnet.matching.models import TaughtAlias
from tests import factories

FIRMS = [
    {"name": "Nguyen IP Law", "email": "ip@nguyen.example", "country": "Việt Nam",
     "jurisdictions": ["Vietnam", "胡志明市"], "practice_areas": ["trade marks", "patents"],
     "languages": ["Tiếng Việt", "English"], "capacity": 4, "conflict_parties": ["Vingroup Joint Stock Company"]},
    {"name": "Siam Partners", "email": "hello@siam.example", "local_name": "สยาม", "country": "Thailand",
     "jurisdictions": ["Thailand"], "practice_areas": ["M&A"], "languages": ["Thai"], "status": "suspended"},
]


def write_jsonl(path, rows, extra_lines=()):
    lines = [json.dumps(r, ensure_ascii=False) for r in rows] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def firms(db):
    return {f.email: f for f in db.session.scalars(db.select(Firm))}


def test_import_resolves_free_text_and_keeps_raw_text(app, db, tmp_path):
    result = app.test_cli_runner().invoke(args=["firms", "import", write_jsonl(tmp_path / "f.jsonl", FIRMS)])
    assert result.exit_code == 0, result.output
    assert "2 created, 0 updated, 0 unchanged, 0 refused" in result.output
    stored = firms(db)
    nguyen = stored["ip@nguyen.example"]
    assert nguyen.jurisdiction_codes == ["VN"]
    assert nguyen.practice_area_codes == ["intellectual-property"]
    assert set(nguyen.language_codes) == {"vi", "en"}
    assert nguyen.raw_practice_areas == ["trade marks", "patents"]
    assert nguyen.country == "VN"
    assert nguyen.status == FirmStatus.ACTIVE and nguyen.renewal_date is not None
    assert [p.name for p in nguyen.conflict_parties] == ["Vingroup Joint Stock Company"]
    assert stored["hello@siam.example"].status == FirmStatus.SUSPENDED
    assert db.session.scalar(db.select(AuditLog.action)) == "firms.imported"


def test_importing_twice_changes_nothing(app, db, tmp_path):
    path = write_jsonl(tmp_path / "f.jsonl", FIRMS)
    runner = app.test_cli_runner()
    runner.invoke(args=["firms", "import", path])
    before = {e: (f.updated_at, f.jurisdiction_codes, f.practice_area_codes) for e, f in firms(db).items()}
    result = runner.invoke(args=["firms", "import", path])
    assert "0 created, 0 updated, 2 unchanged" in result.output
    after = {e: (f.updated_at, f.jurisdiction_codes, f.practice_area_codes) for e, f in firms(db).items()}
    assert after == before


def test_import_updates_by_email(app, db, tmp_path):
    runner = app.test_cli_runner()
    runner.invoke(args=["firms", "import", write_jsonl(tmp_path / "a.jsonl", FIRMS)])
    changed = [{**FIRMS[0], "email": "IP@Nguyen.example", "practice_areas": ["arbitration"], "conflict_parties": []}]
    result = runner.invoke(args=["firms", "import", write_jsonl(tmp_path / "b.jsonl", changed)])
    assert "0 created, 1 updated" in result.output
    nguyen = firms(db)["ip@nguyen.example"]
    assert nguyen.practice_area_codes == ["arbitration"]
    assert nguyen.conflict_parties == []


def test_bad_rows_are_reported_with_line_numbers_and_the_rest_imported(app, db, tmp_path):
    path = write_jsonl(tmp_path / "f.jsonl", FIRMS, extra_lines=[
        "{not json",
        json.dumps({"name": "No Mail LLP"}),
        json.dumps({"name": "Bad Capacity", "email": "cap@x.example", "capacity": "lots"}),
        json.dumps({"name": "Odd Status", "email": "odd@x.example", "status": "sleeping"}),
        json.dumps({**FIRMS[0], "name": "Dup"}),
    ])
    result = app.test_cli_runner().invoke(args=["firms", "import", path])
    assert result.exit_code == 0
    assert "line 3: error: not valid JSON" in result.output
    assert "line 4: error: the e-mail is missing" in result.output
    assert "line 5: error: capacity must be a whole number" in result.output
    assert "line 6: error: unknown status 'sleeping'" in result.output
    assert "line 7: error: the e-mail ip@nguyen.example already appears on line 1" in result.output
    assert "2 created, 0 updated, 0 unchanged, 5 refused" in result.output
    assert set(firms(db)) == {"ip@nguyen.example", "hello@siam.example"}


def test_unresolved_terms_are_warned_about(app, db, tmp_path):
    rows = [{**FIRMS[0], "jurisdictions": ["Vietnam", "Atlantis"]}]
    result = app.test_cli_runner().invoke(args=["firms", "import", write_jsonl(tmp_path / "f.jsonl", rows)])
    assert "line 1: warning: jurisdictions not understood: Atlantis" in result.output
    assert firms(db)["ip@nguyen.example"].raw_jurisdictions == ["Vietnam", "Atlantis"]


def test_csv_import_with_semicolon_lists_and_status_option(app, db, tmp_path):
    path = tmp_path / "firms.csv"
    path.write_text(
        "name,email,jurisdictions,practice_areas,languages,capacity,conflict_parties\n"
        "Tan & Koh LLC,tk@tankoh.example,Singapore;Malaysia,arbitration;banking,English;Mandarin,6,"
        "Siam Cement PCL;Petronas Berhad\n"
        ",missing@name.example,Singapore,arbitration,English,3,\n",
        encoding="utf-8",
    )
    result = app.test_cli_runner().invoke(args=["firms", "import", str(path), "--status", "applicant"])
    assert "line 3: error: the name is missing" in result.output
    firm = firms(db)["tk@tankoh.example"]
    assert firm.status == FirmStatus.APPLICANT
    assert set(firm.jurisdiction_codes) == {"SG", "MY"}
    assert set(firm.practice_area_codes) == {"arbitration", "banking-finance"}
    assert firm.capacity == 6
    assert len(firm.conflict_parties) == 2


def test_csv_without_email_column_is_refused(app, db, tmp_path):
    path = tmp_path / "firms.csv"
    path.write_text("name,country\nA,SG\n", encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["firms", "import", str(path)])
    assert "the header lacks the column(s): email" in result.output
    assert firms(db) == {}


def test_export_then_import_round_trips(app, db, tmp_path):
    runner = app.test_cli_runner()
    runner.invoke(args=["firms", "import", write_jsonl(tmp_path / "f.jsonl", FIRMS)])
    for name in ("out.jsonl", "out.csv"):
        out = tmp_path / name
        result = runner.invoke(args=["firms", "export", str(out)])
        assert "2 firms written" in result.output
        again = runner.invoke(args=["firms", "import", str(out)])
        assert "0 created" in again.output and "0 refused" in again.output, again.output
    exported = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert exported[0]["jurisdictions"] == ["VN"]
    assert exported[0]["conflict_parties"] == ["Vingroup Joint Stock Company"]
    header = (tmp_path / "out.csv").read_text().splitlines()[0]
    assert header.startswith("name,email,")


def test_bahasa_is_read_by_the_firms_own_jurisdictions(app, db, tmp_path):
    rows = [{"name": "KL Counsel", "email": "kl@counsel.example", "jurisdictions": ["Malaysia"],
             "practice_areas": ["arbitration"], "languages": ["Bahasa", "English"]},
            {"name": "Jakarta Counsel", "email": "jkt@counsel.example", "jurisdictions": ["Indonesia"],
             "practice_areas": ["arbitration"], "languages": ["Bahasa"]},
            {"name": "HK Counsel", "email": "hk@counsel.example", "jurisdictions": ["Hong Kong"],
             "practice_areas": ["arbitration"], "languages": ["Bahasa"]}]
    result = app.test_cli_runner().invoke(args=["firms", "import", write_jsonl(tmp_path / "f.jsonl", rows)])
    stored = firms(db)
    assert sorted(stored["kl@counsel.example"].language_codes) == ["en", "ms"]
    assert stored["jkt@counsel.example"].language_codes == ["id"]
    assert stored["hk@counsel.example"].language_codes == []
    assert "line 3: warning: languages not understood: Bahasa" in result.output


def test_an_import_asks_for_taught_aliases_once_a_batch_and_uses_those_taught_before(app, db, tmp_path):
    staff = factories.make_user(Role.STAFF)
    db.session.add(TaughtAlias(kind="jurisdictions", code="TH", alias="Land of Smiles", normalized="land of smiles",
                               created_by_id=staff.id))
    db.session.commit()
    # Many distinct lists, each resolved once: the taught aliases are not looked up again for each of them.
    rows = [{"name": f"Firm {n}", "email": f"f{n}@firms.example", "jurisdictions": ["Land of Smiles"],
             "practice_areas": [f"tax and item {n}"], "languages": ["English"]} for n in range(60)]
    lookups = []

    def count(_conn, _cursor, statement, *_args):
        if "taught_aliases" in statement:
            lookups.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        result = app.test_cli_runner().invoke(args=["firms", "import", write_jsonl(tmp_path / "f.jsonl", rows)])
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert result.exit_code == 0, result.output
    assert all(f.jurisdiction_codes == ["TH"] for f in firms(db).values())
    assert len(lookups) <= 4


def test_statistics_refresh_runs_inside_an_import_transaction(app, db):
    db.session.add(Firm(name="Stats Law", email="stats@firms.example"))
    db.session.flush()
    refresh_statistics()  # ANALYZE on PostgreSQL, nothing elsewhere; the transaction goes on
    db.session.commit()
    assert firms(db)["stats@firms.example"].name == "Stats Law"
