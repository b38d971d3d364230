"""Access to the membership routes that take an id or change something: role × route, beyond tests/test_access.py."""

import pytest

from legalnet.accounts.models import Role
from legalnet.firms.models import ConflictParty, FirmStatus, Office
from tests import factories
from tests.conftest import csrf_from

ANON = "anonymous"
ROLES = [ANON, *[r.value for r in Role]]
STAFF_ONLY = {ANON: "login", "client": 403, "firm_admin": 403, "firm_lawyer": 403, "staff": 200, "staff_admin": 200}


def status_of(response):
    if response.status_code == 302 and "/sign-in" in response.headers.get("Location", ""):
        return "login"
    return response.status_code


@pytest.mark.parametrize("role", ROLES)
def test_staff_firm_page_is_for_staff_only(client, db, auth, role):
    firm = factories.make_firm(status=FirmStatus.APPLICANT)
    db.session.commit()
    if role != ANON:
        user = auth.login(Role(role))
        if role == "firm_admin":
            # A firm admin opening even their own firm's staff page is refused.
            assert status_of(client.get(f"/staff/firms/{user.firm_id}")) == 403
    assert status_of(client.get(f"/staff/firms/{firm.id}")) == STAFF_ONLY[role]


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_decide_memberships(client, db, auth, role):
    firm = factories.make_firm(status=FirmStatus.APPLICANT)
    db.session.commit()
    if role != ANON:
        auth.login(Role(role))
    token = csrf_from(client.get("/").get_data(as_text=True))
    response = client.post(f"/staff/firms/{firm.id}/status", data={"csrf_token": token, "action": "approve"})
    expected = {**STAFF_ONLY, "staff": 302, "staff_admin": 302}[role]
    assert status_of(response) == expected
    assert firm.status == (FirmStatus.ACTIVE if expected == 302 else FirmStatus.APPLICANT)


@pytest.mark.parametrize("role", ROLES)
def test_only_a_firm_admin_changes_the_firm(client, db, auth, role):
    """Every changing route of /firm refuses everyone but the firm's admin, and changes nothing."""
    if role != ANON:
        user = auth.login(Role(role))
    firm = user.firm if role in ("firm_admin", "firm_lawyer") else factories.make_firm()
    office = Office(city="Hong Kong", jurisdiction="HK", firm=firm)
    party = ConflictParty(name="Kept Ltd", normalized_name="kept", firm=firm)
    db.session.add_all([office, party])
    db.session.commit()
    token = csrf_from(client.get("/").get_data(as_text=True))
    posts = [
        ("/firm/edit", {"name": "Changed", "country": "HK", "capacity": "1"}),
        ("/firm/coverage", {"jurisdictions": ["SG"]}),
        ("/firm/offices", {"city": "Macao", "jurisdiction": "MO"}),
        (f"/firm/offices/{office.id}/remove", {}),
        ("/firm/lawyers", {"name": "New Lawyer"}),
        ("/firm/conflicts", {"name": "New Party"}),
        (f"/firm/conflicts/{party.id}/remove", {}),
        ("/firm/users", {"name": "Invitee", "email": "invitee@example.com"}),
    ]
    for url, data in posts:
        got = status_of(client.post(url, data={"csrf_token": token, **data}))
        if role == "firm_admin":
            assert got == 302, url
        else:
            assert got == ("login" if role == ANON else 403), url
    if role != "firm_admin":
        db.session.refresh(firm)
        assert firm.name != "Changed" and firm.jurisdiction_codes == ["HK"]
        assert [o.city for o in firm.offices] == ["Hong Kong"] and [p.name for p in firm.conflict_parties] == [
            "Kept Ltd"]
        assert firm.lawyers == []
