"""The member lists and their CSV export: formula-safe cells, queries that do not grow with the rows,
literal search text, pages past the end, and the zone every time is shown in."""

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event

from legalnet.accounts.models import Role
from legalnet.core.audit import AuditLog
from legalnet.core.csvsafe import csv_cell
from legalnet.firms.models import Firm, FirmStatus
from legalnet.referrals.models import OfferStatus
from tests.factories import make_firm, make_organisation
from tests.staff.test_reports import add_offer, add_request

EVIL = '=HYPERLINK("http://evil.example","Click") Law'


@pytest.fixture()
def staff(auth):
    return auth.login(Role.STAFF)


def read_csv(response) -> list[list[str]]:
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"), ("\tTab", "'\tTab"),
    ("-3", "-3"), ("+852", "+852"), ("Tan & Koh", "Tan & Koh"), (None, ""), (12, "12"),
])
def test_csv_cell_neutralises_formulas_but_keeps_numbers(value, expected):
    assert csv_cell(value) == expected


def test_member_export_neutralises_formula_names(client, db, staff):
    make_firm(EVIL, local_name="@evil", phone="+65 6123 4567")
    db.session.commit()
    rows = read_csv(client.get("/staff/firms.csv"))
    firm = dict(zip(rows[0], rows[1], strict=True))
    assert firm["name"] == "'" + EVIL
    assert firm["local_name"] == "'@evil"
    assert firm["phone"] == "'+65 6123 4567"


def test_report_csv_neutralises_formula_names(client, db, staff):
    org = make_organisation()
    firm = make_firm(EVIL)
    day = date.today() - timedelta(days=2)
    req = add_request(org, datetime.combine(day, datetime.min.time()).replace(hour=9))
    add_offer(req, firm, OfferStatus.ACCEPTED, req.created_at + timedelta(hours=1))
    db.session.commit()
    rows = read_csv(client.get("/staff/reports/firms.csv"))
    assert rows[1][0] == "'" + EVIL


def count_statements(db, client, url: str) -> int:
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    return len(statements)


@pytest.mark.parametrize("url,status", [
    ("/staff/firms", FirmStatus.ACTIVE),
    ("/staff/applications", FirmStatus.APPLICANT),
    ("/firms/", FirmStatus.ACTIVE),
    ("/firms/?q=Hong+Kong", FirmStatus.ACTIVE),
])
def test_list_queries_do_not_grow_with_the_rows(client, db, staff, url, status):
    def queries(added: int) -> int:
        for _ in range(added):
            make_firm(f"Hong Kong Partners {added}", status=status, jurisdictions=("HK", "CN"),
                      practice_areas=("arbitration", "tax"))
        db.session.commit()
        return count_statements(db, client, url)

    client.get(url)  # caches filled on a worker's first page are not what this counts
    few = queries(2)
    many = queries(10)  # 12 firms in all
    assert db.session.scalar(db.select(db.func.count()).select_from(Firm)) == 12
    assert few == many, (few, many)


def test_member_search_takes_like_wildcards_literally(client, db, staff):
    make_firm("Plain Partners")
    make_firm("100% Legal")
    make_firm("Under_Score Law")
    db.session.commit()
    html = client.get("/staff/firms", query_string={"q": "%"}).get_data(as_text=True)
    assert "100% Legal" in html and "Plain Partners" not in html
    html = client.get("/staff/firms", query_string={"q": "_"}).get_data(as_text=True)
    assert "Under_Score Law" in html and "Plain Partners" not in html and "100% Legal" not in html


def test_audit_search_takes_like_wildcards_literally(client, db, staff):
    firm = make_firm("Wildcard Test", status=FirmStatus.APPLICANT)
    db.session.commit()
    from tests.firms.test_membership import decide

    decide(client, firm, {"action": "reject", "reason": "Coverage 50% unclear"})
    decide(client, make_firm("Other", status=FirmStatus.APPLICANT), {"action": "approve"})
    db.session.commit()
    html = client.get("/staff/audit", query_string={"q": "%"}).get_data(as_text=True)
    assert "Coverage 50% unclear" in html and "firm.approve" not in html.split("<tbody>")[1]


def test_page_past_the_end_says_so(client, db, staff):
    for _ in range(3):
        make_firm()
    db.session.commit()
    html = client.get("/staff/firms", query_string={"page": 999, "status": "active"}).get_data(as_text=True)
    assert "3 firms." in html
    assert "Page 999 is past the end; the list has 1 page." in html
    assert 'href="/staff/firms?page=1&amp;status=active"' in html
    assert "No firm fits these filters" not in html
    html = client.get("/staff/firms", query_string={"status": "suspended"}).get_data(as_text=True)
    assert "No firm fits these filters" in html and "past the end" not in html
    html = client.get("/staff/applications", query_string={"page": 5}).get_data(as_text=True)
    assert "No applications are waiting" in html
    make_firm(status=FirmStatus.APPLICANT)
    db.session.commit()
    html = client.get("/staff/applications", query_string={"page": 5}).get_data(as_text=True)
    assert "Page 5 is past the end; the list has 1 page." in html
    html = client.get("/staff/audit", query_string={"page": 50}).get_data(as_text=True)
    assert "past the end" not in html  # the log is empty


def test_times_are_shown_in_the_configured_zone(client, db, staff, app):
    assert app.config["BABEL_DEFAULT_TIMEZONE"] == "Asia/Hong_Kong"
    firm = make_firm("Zone Partners", status=FirmStatus.APPLICANT)
    db.session.commit()
    from tests.firms.test_membership import decide

    decide(client, firm, {"action": "approve"})
    entry_time = db.session.scalar(db.select(AuditLog.created_at))
    local = (entry_time + timedelta(hours=8)).strftime("%-I:%M")
    for url in ("/staff/audit", f"/staff/firms/{firm.id}", "/staff/reports/"):
        html = client.get(url).get_data(as_text=True)
        assert "Hong Kong Time" in html, url
        assert "UTC" not in html, url
        if url != "/staff/reports/":
            assert local in html, url
