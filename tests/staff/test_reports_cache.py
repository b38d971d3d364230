"""The staff dashboard's figures come from the shared cache between writes, and every committed change to
requests, offers or firms (ORM or bulk UPDATE) shows on the next view."""

import pytest
from sqlalchemy import update

from legalnet.accounts.models import Role
from legalnet.firms.models import Firm
from legalnet.intake.models import RequestStatus
from tests.conftest import submit
from tests.factories import make_firm, make_organisation
from tests.referrals.test_query_counts import counting
from tests.staff.test_reports import RANGE, add_request, at, stat


@pytest.fixture()
def staff(auth):
    return auth.login(Role.STAFF)


def view(app, client):
    with counting(app) as counter:
        html = client.get("/staff/reports/", query_string=RANGE).get_data(as_text=True)
    return html, counter["n"]


def test_figures_are_cached_until_a_write_changes_them(app, client, db, staff):
    org = make_organisation()
    add_request(org, at(6))
    db.session.commit()
    first, computed = view(app, client)
    again, cached = view(app, client)
    assert stat(first, "requests") == stat(again, "requests") == "1"
    assert cached < computed - 5, (computed, cached)  # the aggregates were not run again
    add_request(org, at(7), RequestStatus.ACCEPTED, accepted_at=at(7, 12))
    db.session.commit()
    html, recomputed = view(app, client)
    assert stat(html, "requests") == "2" and recomputed == computed


def test_bulk_updates_of_firms_drop_the_cached_figures(app, client, db, staff):
    firm = make_firm("Busy Firm LLP", capacity=5)
    db.session.commit()
    assert "Busy Firm LLP" not in view(app, client)[0]
    db.session.execute(update(Firm).where(Firm.id == firm.id).values(open_cases=5))
    db.session.commit()
    assert "Busy Firm LLP" in view(app, client)[0]


def test_each_language_gets_its_own_figures(app, client, db, staff):
    view(app, client)
    submit(client, "/language", {"locale": "zh_Hant", "next": "/"}, form_url="/")
    html = client.get("/staff/reports/", query_string=RANGE).get_data(as_text=True)
    assert "Requests by status" not in html and "申請" in html
