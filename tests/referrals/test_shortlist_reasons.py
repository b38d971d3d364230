"""The client's shortlist: each firm's name links to its public profile, each reason says in words whether it is
a strength, a gap or a note, and when firms cover only part of the request the page says so and lets the client
ask the centre to look further, which puts the request in the staff queue."""

import re

from legalnet.accounts.models import Role
from legalnet.extensions import db
from legalnet.intake.models import RequestStatus
from legalnet.notifications.models import Notification
from legalnet.referrals.models import CaseEvent
from tests import factories
from tests.conftest import submit
from tests.referrals.helpers import firm_with_admin
from tests.test_i18n import page


def partly_covered_request():
    """A Hong Kong and Singapore request whose only firms cover Hong Kong alone; its client."""
    only_hk, _ = firm_with_admin("Hong Kong Only & Co", jurisdictions=("HK",))
    client_user = factories.make_user(Role.CLIENT)
    staff = factories.make_user(Role.STAFF)
    req = factories.make_legal_request(client_user, jurisdictions=("HK", "SG"))
    db.session.commit()
    return req, client_user, only_hk, staff


def test_reasons_are_marked_and_firm_names_link_to_profiles(client, db, auth):
    req, client_user, only_hk, _staff = partly_covered_request()
    auth.login(user=client_user)
    html = page(client, f"/requests/{req.id}")
    assert f'href="/firms/{only_hk.id}"' in html
    kinds = dict(re.findall(r'<li class="reason-(\w+)" data-kind="\w+"><span class="reason-kind">(\w+):</span>', html))
    assert kinds.get("strength") == "Strength" and kinds.get("gap") == "Gap"
    assert re.search(r'data-kind="gap"><span class="reason-kind">Gap:</span> does not cover Singapore', html)
    assert re.search(r'data-kind="strength"><span class="reason-kind">Strength:</span> covers Hong Kong', html)
    # The profile the link opens is the firm's.
    assert "Hong Kong Only &amp; Co" in page(client, f"/firms/{only_hk.id}")


def test_partial_coverage_says_so_and_the_client_can_ask_the_centre_to_look_further(client, db, auth):
    req, client_user, _only_hk, staff = partly_covered_request()
    auth.login(user=client_user)
    html = page(client, f"/requests/{req.id}")
    assert "None of these firms covers every jurisdiction you named." in html
    assert f'action="/requests/{req.id}/look-further"' in html

    response = submit(client, f"/requests/{req.id}/look-further", {}, form_url=f"/requests/{req.id}",
                      follow_redirects=True)
    assert "The centre will look further" in response.get_data(as_text=True)
    db.session.refresh(req)
    assert req.status == RequestStatus.NEEDS_REVIEW
    event = db.session.scalars(db.select(CaseEvent).where(CaseEvent.request_id == req.id)
                               .order_by(CaseEvent.id.desc())).first()
    assert event.kind == "needs_review" and event.params["reason"] == "client_asked_further"
    assert db.session.scalar(db.select(Notification).where(Notification.user_id == staff.id,
                                                           Notification.kind == "request.needs_review"))
    # Once with the centre, the shortlist and its button are gone, and asking again changes nothing.
    html = page(client, f"/requests/{req.id}")
    assert "look-further" not in html
    response = submit(client, f"/requests/{req.id}/look-further", {}, form_url=f"/requests/{req.id}",
                      follow_redirects=True)
    assert "only while you are choosing a firm" in response.get_data(as_text=True)
    db.session.refresh(req)
    assert req.status == RequestStatus.NEEDS_REVIEW


def test_look_further_needs_the_token_and_the_requests_own_client(client, db, auth):
    req, _client_user, _only_hk, _staff = partly_covered_request()
    assert client.post(f"/requests/{req.id}/look-further").status_code in (302, 400, 401)
    auth.login(Role.CLIENT)
    assert client.post(f"/requests/{req.id}/look-further").status_code in (400, 404)
    response = submit(client, f"/requests/{req.id}/look-further", {}, form_url="/requests/new")
    assert response.status_code == 404
    db.session.refresh(req)
    assert req.status == RequestStatus.MATCHED
