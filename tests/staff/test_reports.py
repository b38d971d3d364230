"""The staff dashboard and its CSV downloads: figures computed from known rows, filters, charts' markup,
the demo history, and a constant number of queries however much data there is."""

import csv
import io
import re
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event

from legalnet.accounts.models import Role
from legalnet.extensions import db as _db
from legalnet.firms.models import FirmStatus
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.referrals.models import Offer, OfferStatus
from tests.factories import make_firm, make_organisation

# A fixed fortnight: Monday 5 January to Sunday 18 January 2026.
START, END = date(2026, 1, 5), date(2026, 1, 18)
RANGE = {"start": START.isoformat(), "end": END.isoformat()}


def at(day: int, hour: int = 9) -> datetime:
    """A time in January 2026."""
    return datetime(2026, 1, day, hour)


def add_request(org, created_at, status=RequestStatus.SUBMITTED, jurisdictions=("HK",), practice_areas=("arbitration",),
                accepted_at=None) -> LegalRequest:
    """A request row with exact timestamps."""
    req = LegalRequest(organisation_id=org.id, title="Request", jurisdictions=list(jurisdictions),
                       practice_areas=list(practice_areas), status=status, created_at=created_at,
                       accepted_at=accepted_at, consent_to_share=True)
    _db.session.add(req)
    _db.session.flush()
    req.reference = f"GBA-2026-{req.id:06d}"
    return req


def add_offer(req, firm, status, offered_at, hours=48) -> Offer:
    """An offer row with exact timestamps."""
    offer = Offer(request_id=req.id, firm_id=firm.id, status=status, offered_at=offered_at,
                  respond_by=offered_at + timedelta(hours=hours),
                  responded_at=None if status == OfferStatus.OFFERED else offered_at + timedelta(hours=1))
    _db.session.add(offer)
    _db.session.flush()
    return offer


def stat(html: str, name: str) -> str:
    """The value shown in one of the dashboard's key figures."""
    match = re.search(rf'data-stat="{name}"><dt>[^<]*</dt>\s*<dd>([^<]*)</dd>', html)
    assert match, f"no figure {name}"
    return match.group(1).strip()


def read_csv(response) -> list[list[str]]:
    """Rows of a CSV download."""
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


@pytest.fixture()
def staff(auth):
    return auth.login(Role.STAFF)


def test_median_time_to_acceptance_and_counts(client, db, staff):
    org = make_organisation()
    add_request(org, at(6), RequestStatus.ACCEPTED, accepted_at=at(6, 11))
    add_request(org, at(7), RequestStatus.CLOSED, accepted_at=at(7, 13))
    add_request(org, at(8), RequestStatus.REFERRED)
    db.session.commit()
    html = client.get("/staff/reports/", query_string=RANGE).get_data(as_text=True)
    assert stat(html, "requests") == "3"
    assert stat(html, "accepted") == "2"
    assert stat(html, "median") == "3.0 h"


def test_median_in_days_and_empty(client, db, staff):
    html = client.get("/staff/reports/", query_string=RANGE).get_data(as_text=True)
    assert stat(html, "requests") == "0"
    assert stat(html, "median") == "—"
    assert "No data for these filters." in html
    org = make_organisation()
    add_request(org, at(6), RequestStatus.ACCEPTED, accepted_at=at(9))
    db.session.commit()
    html = client.get("/staff/reports/", query_string=RANGE).get_data(as_text=True)
    assert stat(html, "median") == "3.0 days"


def test_filters_change_the_figures(client, db, staff):
    org = make_organisation()
    add_request(org, at(6), jurisdictions=("HK",))
    add_request(org, at(7), jurisdictions=("VN", "HK"), accepted_at=at(7, 10), status=RequestStatus.ACCEPTED)
    add_request(org, at(14), jurisdictions=("VN",), accepted_at=at(14, 15), status=RequestStatus.ACCEPTED)
    add_request(org, at(20), jurisdictions=("VN",))  # after the range
    db.session.commit()
    page = lambda **args: client.get("/staff/reports/", query_string={**RANGE, **args}).get_data(as_text=True)  # noqa: E731
    html = page()
    assert (stat(html, "requests"), stat(html, "median")) == ("3", "3.5 h")
    html = page(jurisdiction="VN")
    assert (stat(html, "requests"), stat(html, "median")) == ("2", "3.5 h")
    assert '<option value="VN" selected>' in html
    html = page(jurisdiction="HK")
    assert (stat(html, "requests"), stat(html, "median")) == ("2", "1.0 h")
    html = page(end="2026-01-11")
    assert (stat(html, "requests"), stat(html, "median")) == ("2", "1.0 h")
    html = page(end="2026-01-31")
    assert stat(html, "requests") == "4"
    # The CSV links carry the same filters.
    assert "/staff/reports/status.csv?start=2026-01-05&amp;end=2026-01-31&amp;interval=week" in html


def test_status_csv_by_week_and_month(client, db, staff):
    org = make_organisation()
    add_request(org, at(6), RequestStatus.SUBMITTED)
    add_request(org, at(7), RequestStatus.ACCEPTED, accepted_at=at(8))
    add_request(org, at(13), RequestStatus.CLOSED, accepted_at=at(13, 12))
    add_request(org, at(13, 23), RequestStatus.CLOSED)
    db.session.commit()
    rows = read_csv(client.get("/staff/reports/status.csv", query_string=RANGE))
    assert rows == [["Period", "Submitted", "Accepted", "Closed"],
                    ["2026-01-05", "1", "1", "0"],
                    ["2026-01-12", "0", "0", "2"]]
    rows = read_csv(client.get("/staff/reports/status.csv", query_string={**RANGE, "interval": "month"}))
    assert rows == [["Period", "Submitted", "Accepted", "Closed"], ["2026-01-01", "1", "1", "2"]]
    response = client.get("/staff/reports/status.csv", query_string={**RANGE, "jurisdiction": "SG"})
    assert 'filename="legalnet-status-2026-01-05-2026-01-18-SG.csv"' in response.headers["Content-Disposition"]
    assert read_csv(response) == [["Period"], ["2026-01-05"], ["2026-01-12"]]


def test_jurisdiction_and_practice_area_charts_count_each_code(client, db, staff):
    from legalnet.matching.services import label

    org = make_organisation()
    add_request(org, at(6), jurisdictions=("CN", "HK"), practice_areas=("arbitration", "tax"))
    add_request(org, at(13), jurisdictions=("HK",), practice_areas=("tax",))
    db.session.commit()
    rows = read_csv(client.get("/staff/reports/jurisdictions.csv", query_string=RANGE))
    assert rows[0] == ["Period", label("jurisdictions", "HK"), label("jurisdictions", "CN")]
    assert rows[1:] == [["2026-01-05", "1", "1"], ["2026-01-12", "1", "0"]]
    rows = read_csv(client.get("/staff/reports/practice-areas.csv", query_string={**RANGE, "interval": "month"}))
    assert rows == [["Period", label("practice_areas", "tax"), label("practice_areas", "arbitration")],
                    ["2026-01-01", "2", "1"]]


def test_firm_acceptance_and_decline_rates(client, db, staff):
    org = make_organisation()
    busy = make_firm("Busy Partners")
    quiet = make_firm("Quiet Partners")
    statuses = [OfferStatus.ACCEPTED, OfferStatus.ACCEPTED, OfferStatus.DECLINED, OfferStatus.EXPIRED,
                OfferStatus.WITHDRAWN]
    for i, status in enumerate(statuses):
        add_offer(add_request(org, at(6 + i)), busy, status, at(6 + i, 10))
    add_offer(add_request(org, at(7)), quiet, OfferStatus.WITHDRAWN, at(7, 10))
    add_offer(add_request(org, at(25)), quiet, OfferStatus.DECLINED, at(25, 10))  # outside the range
    db.session.commit()
    rows = read_csv(client.get("/staff/reports/firms.csv", query_string=RANGE))
    assert rows == [["Firm", "Accepted %", "Declined %", "Offers", "Accepted", "Declined", "Expired"],
                    ["Busy Partners", "50.0", "25.0", "5", "2", "1", "1"]]
    html = client.get("/staff/reports/", query_string=RANGE).get_data(as_text=True)
    assert "Busy Partners · Accepted %: 50%" in html
    assert "Quiet Partners" not in html


def test_missed_deadlines_capacity_and_renewals(client, db, staff):
    from legalnet.core.models import utcnow

    today = date.today()
    org = make_organisation()
    firm = make_firm("Slow Counsel", capacity=5, open_cases=4, renewal_date=today + timedelta(days=30))
    make_firm("Roomy Counsel", capacity=5, open_cases=3, renewal_date=today + timedelta(days=90))
    make_firm("Full Counsel", capacity=2, open_cases=2, renewal_date=today - timedelta(days=1))
    make_firm("Suspended Counsel", capacity=2, open_cases=2, status=FirmStatus.SUSPENDED,
              renewal_date=today + timedelta(days=10))
    now = utcnow()
    expired = add_offer(add_request(org, now - timedelta(days=5)), firm, OfferStatus.EXPIRED, now - timedelta(days=5))
    overdue = add_offer(add_request(org, now - timedelta(days=3)), firm, OfferStatus.OFFERED, now - timedelta(days=3))
    add_offer(add_request(org, now - timedelta(hours=2)), firm, OfferStatus.OFFERED, now - timedelta(hours=2))
    db.session.commit()
    html = client.get("/staff/reports/").get_data(as_text=True)
    assert stat(html, "missed") == "2"
    assert stat(html, "capacity") == "2"
    assert stat(html, "renewals") == "1"
    rows = read_csv(client.get("/staff/reports/missed.csv"))
    assert [(r[0], r[1], r[4]) for r in rows[1:]] == [
        (overdue.request.reference, "Slow Counsel", "Overdue, not yet swept"),
        (expired.request.reference, "Slow Counsel", "Expired")]
    rows = read_csv(client.get("/staff/reports/capacity.csv"))
    assert rows == [["Firm", "Open cases", "Capacity", "Load %"], ["Full Counsel", "2", "2", "100"],
                    ["Slow Counsel", "4", "5", "80"]]
    rows = read_csv(client.get("/staff/reports/renewals.csv"))
    assert rows[1][:3] == ["Slow Counsel", (today + timedelta(days=30)).isoformat(), "30"]
    assert len(rows) == 2
    # The jurisdiction filter applies to firms too.
    assert read_csv(client.get("/staff/reports/capacity.csv", query_string={"jurisdiction": "SG"}))[1:] == []


def test_charts_are_accessible_svg_with_tables_and_csv_links(client, db, staff):
    org = make_organisation()
    firm = make_firm("Harbour Law")
    add_offer(add_request(org, at(6), RequestStatus.ACCEPTED, accepted_at=at(6, 12)), firm, OfferStatus.ACCEPTED,
              at(6, 10))
    db.session.commit()
    html = client.get("/staff/reports/", query_string={**RANGE, "jurisdiction": "HK"}).get_data(as_text=True)
    assert html.count('<svg class="chart-svg"') == 4
    assert len(re.findall(r'<svg[^>]*role="img"[^>]*aria-label="[^"]+"', html, re.S)) == 4
    assert "<title>Jan 5 · Accepted: 1</title>" in html
    assert html.count("<details class=\"chart-data\">") == 4
    for key in ("status", "jurisdictions", "practice-areas", "firms", "missed", "capacity", "renewals"):
        assert f"/staff/reports/{key}.csv?start=2026-01-05&amp;end=2026-01-18&amp;interval=week&amp;jurisdiction=HK" \
            in html
    # Every form control has a label.
    for control_id in re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', html):
        assert f'for="{control_id}"' in html, control_id


def test_bad_filters_fall_back_and_say_why(client, db, staff):
    html = client.get("/staff/reports/", query_string={"start": "yesterday", "jurisdiction": "XX"}).get_data(
        as_text=True)
    assert "is not a date" in html and "Unknown jurisdiction" in html
    html = client.get("/staff/reports/", query_string={"start": "2026-02-01", "end": "2026-01-01"}).get_data(
        as_text=True)
    assert "were swapped" in html
    assert 'value="2026-01-01"' in html and 'value="2026-02-01"' in html
    # Years of weeks would be unreadable: the charts switch to months.
    html = client.get("/staff/reports/", query_string={"start": "2020-01-01", "end": "2026-01-01"}).get_data(
        as_text=True)
    assert "group by month" in html
    assert client.get("/staff/reports/nothing.csv").status_code == 404


@pytest.mark.parametrize("role", [Role.CLIENT, Role.FIRM_ADMIN, Role.FIRM_LAWYER])
def test_only_staff_see_reports(client, db, auth, role):
    auth.login(role)
    assert client.get("/staff/reports/").status_code == 403
    assert client.get("/staff/reports/firms.csv").status_code == 403


def test_staff_navigation_links_to_reports(client, db, staff):
    html = client.get("/staff/reports/").get_data(as_text=True)
    assert '<a href="/staff/reports/" aria-current="page">Reports</a>' in html


def test_query_count_does_not_grow_with_data(app, client, db, staff):
    def count_queries(n: int) -> int:
        org = make_organisation()
        for i in range(n):
            firm = make_firm(capacity=1, open_cases=1, renewal_date=date.today() + timedelta(days=5))
            add_offer(add_request(org, at(6 + i % 10), RequestStatus.ACCEPTED, ("HK", "CN"), accepted_at=at(17)),
                      firm, OfferStatus.EXPIRED, at(6 + i % 10, 12))
        db.session.commit()
        statements = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            assert client.get("/staff/reports/", query_string=RANGE).status_code == 200
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return len(statements)

    few = count_queries(2)
    many = count_queries(12)
    assert many == few


def test_demo_history_fills_the_dashboard_and_loads_once(app, client, db, auth):
    from legalnet.referrals.models import Feedback, Message

    runner = app.test_cli_runner()
    assert "Demo data loaded" in runner.invoke(args=["demo", "load"]).output
    requests = db.session.scalars(db.select(LegalRequest)).all()
    assert len(requests) >= 12
    statuses = {r.status for r in requests}
    assert {RequestStatus.CLOSED, RequestStatus.IN_PROGRESS, RequestStatus.REFERRED, RequestStatus.MATCHED} <= statuses
    assert min(r.created_at for r in requests) < datetime.now() - timedelta(days=60)
    offers = db.session.scalars(db.select(Offer)).all()
    assert {OfferStatus.ACCEPTED, OfferStatus.DECLINED, OfferStatus.EXPIRED, OfferStatus.OFFERED} <= {
        o.status for o in offers}
    assert db.session.scalar(db.select(db.func.count(Message.id))) >= 5
    assert db.session.scalar(db.select(db.func.count(Feedback.id))) >= 2
    # The past's e-mails count as sent; the outbox has nothing of it to deliver now.
    from legalnet.notifications.models import OutboxEmail, OutboxStatus

    assert db.session.scalar(db.select(db.func.count(OutboxEmail.id))
                             .where(OutboxEmail.status != OutboxStatus.SENT)) == 0
    assert "already present" in runner.invoke(args=["demo", "load"]).output
    assert db.session.scalar(db.select(db.func.count(LegalRequest.id))) == len(requests)

    from legalnet.accounts.models import User

    auth.login(user=db.session.scalar(db.select(User).where(User.email == "staff@demo.example")),
               password="demo-pass-2026")
    html = client.get("/staff/reports/").get_data(as_text=True)
    assert int(stat(html, "requests")) >= 12
    assert int(stat(html, "accepted")) >= 5
    assert stat(html, "median").endswith("h") or stat(html, "median").endswith("days")
    assert int(stat(html, "missed")) >= 1 and int(stat(html, "capacity")) >= 1 and int(stat(html, "renewals")) >= 1
    assert "No data for these filters." not in html


@pytest.mark.parametrize(("locale", "day", "month"), [("en", "Jan 5", "Jan 2026"), ("zh_Hans", "1月5日", "2026年1月"),
                                                      ("zh_Hant", "1月5日", "2026年1月")])
def test_chart_periods_are_labelled_in_the_order_of_each_language(client, db, staff, locale, day, month):
    from tests.conftest import submit

    org = make_organisation()
    add_request(org, at(6), RequestStatus.SUBMITTED)
    db.session.commit()
    submit(client, "/language", {"locale": locale, "next": "/"}, form_url="/")
    weekly = client.get("/staff/reports/", query_string=RANGE).get_data(as_text=True)
    assert f"<title>{day} · " in weekly
    monthly = client.get("/staff/reports/", query_string={**RANGE, "interval": "month"}).get_data(as_text=True)
    assert f"<title>{month} · " in monthly
    assert "24 1月" not in weekly and "5 1月" not in weekly
