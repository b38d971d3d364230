"""The intake form: free text in any language read back to the client before submitting, CSRF on both
steps, the organisation's list of requests, the shortlist to choose from, and withdrawal."""

import re

from legalnet.accounts.models import Role
from legalnet.extensions import db as _db
from legalnet.intake.models import LegalRequest, RequestStatus
from tests import factories
from tests.conftest import csrf_from, submit
from tests.referrals.helpers import add_conflict, firm_with_admin

BASE = {"title": "商标纠纷", "description": "", "urgency": "standard", "budget_currency": "USD"}


def test_check_reads_chinese_and_local_text_and_suggests_for_the_rest(client, db, auth):
    auth.login(Role.CLIENT)
    page = submit(client, "/requests/new", {**BASE, "jurisdictions_text": "越南, Atlantis",
                                            "practice_areas_text": "知识产权", "languages_text": "tiếng Việt",
                                            "check": "Check"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Vietnam" in html and "Intellectual Property" in html and "Vietnamese" in html
    assert "Atlantis" in html and "did you mean" in html and "Laos" in html
    # What was understood is picked in the lists for the second step; only what was not stays typed.
    assert re.search(r'<option selected value="VN">', html) and re.search(r'<option selected value="vi">', html)
    assert re.search(r'<option selected value="intellectual-property">', html)
    assert 'value="Atlantis"' in html and 'value="tiếng Việt"' not in html
    assert _db.session.scalar(_db.select(_db.func.count()).select_from(LegalRequest)) == 0


def test_list_picks_work_without_typing(client, db, auth):
    auth.login(Role.CLIENT)
    page = submit(client, "/requests/new", {**BASE, "title": "Deal", "jurisdictions": ["SG", "MY"],
                                            "practice_areas": ["mergers-acquisitions"], "languages": ["zh"],
                                            "check": "Check"})
    html = page.get_data(as_text=True)
    assert "Singapore" in html and "Malaysia" in html and "Mergers" in html


def test_both_steps_need_the_csrf_token(client, db, auth):
    auth.login(Role.CLIENT)
    for button in ({"check": "Check"}, {"submit": "Submit request", "consent": "y"}):
        response = client.post("/requests/new", data={**BASE, "jurisdictions_text": "Hong Kong", **button})
        assert response.status_code == 400
    assert _db.session.scalar(_db.select(_db.func.count()).select_from(LegalRequest)) == 0


def test_invalid_input_is_shown_back(client, db, auth):
    auth.login(Role.CLIENT)
    page = submit(client, "/requests/new", {**BASE, "title": "", "budget_amount": "-5", "urgency": "whenever",
                                            "consent": "y", "submit": "Submit request"})
    assert page.status_code == 422
    assert page.get_data(as_text=True).count('class="error"') >= 3
    assert _db.session.scalar(_db.select(_db.func.count()).select_from(LegalRequest)) == 0


def test_clients_see_only_their_organisations_requests(client, db, auth):
    mine = factories.make_user(Role.CLIENT)
    colleague = factories.make_user(Role.CLIENT, organisation=mine.organisation)
    other = factories.make_user(Role.CLIENT)
    own_req = factories.make_legal_request(colleague, title="Our colleague's matter")
    other_req = factories.make_legal_request(other, title="Someone else's secret")
    _db.session.commit()
    auth.login(user=mine)
    listing = client.get("/requests/").get_data(as_text=True)
    assert own_req.reference in listing and "Our colleague" in listing
    assert other_req.reference not in listing and "secret" not in listing
    assert client.get(f"/requests/{other_req.id}").status_code == 404
    assert client.get(f"/requests/{own_req.id}").status_code == 200


def test_conflicted_firms_are_not_offered_to_the_client_and_team_is_shown(client, db, auth):
    clean, _ = firm_with_admin("Clean Counsel", jurisdictions=("HK", "VN"))
    conflicted, _ = firm_with_admin("Conflicted Counsel", jurisdictions=("HK",))
    add_conflict(conflicted, "Bad Neighbour Ltd")
    firm_with_admin("Saigon Specialists", jurisdictions=("VN",))
    firm_with_admin("Manila Partners", jurisdictions=("PH",))
    user = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(user, jurisdictions=("HK", "VN", "PH"),
                                       counterparties=["Bad Neighbour Limited"])
    _db.session.commit()
    auth.login(user=user)
    html = client.get(f"/requests/{req.id}").get_data(as_text=True)
    assert "Clean Counsel" in html
    assert "Conflicted Counsel" not in html
    assert "Proposed team" in html and "Manila Partners" in html


def test_client_withdraws_a_request_through_the_page(client, db, auth):
    firm_with_admin()
    user = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(user)
    _db.session.commit()
    auth.login(user=user)
    response = submit(client, f"/requests/{req.id}/cancel", {"reason": "Solved it"}, form_url=f"/requests/{req.id}")
    assert response.status_code == 302
    assert _db.session.get(LegalRequest, req.id).status == RequestStatus.CANCELLED
    page = client.get(f"/requests/{req.id}").get_data(as_text=True)
    assert "Withdraw the request" not in page
    # Picking a firm for a cancelled request is refused and changes nothing.
    token = csrf_from(client.get("/requests/new").get_data(as_text=True))
    page = client.post(f"/requests/{req.id}/pick", data={"csrf_token": token, "firm": "centre"},
                       follow_redirects=True)
    assert page.status_code == 200
    assert _db.session.get(LegalRequest, req.id).offers == []
