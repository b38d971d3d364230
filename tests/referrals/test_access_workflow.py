"""Who sees what in the workflow: a role × route matrix over real objects. Objects of another organisation
or firm answer 404, so guessing ids reveals nothing; roles that never see a page get 403."""

import pytest

from legalnet.accounts.models import Role
from legalnet.extensions import db as _db
from legalnet.referrals import cases, services
from tests import factories
from tests.conftest import submit
from tests.referrals.helpers import firm_with_admin

OK, LOGIN, FORBIDDEN, MISSING = 200, "login", 403, 404
VIEWERS = ["anonymous", "own_client", "other_client", "accepting_firm", "other_firm", "staff"]


@pytest.fixture()
def world(db):
    """A case accepted by one firm after staff offered it to two; another organisation's client."""
    staff = factories.make_user(Role.STAFF)
    own_client = factories.make_user(Role.CLIENT)
    other_client = factories.make_user(Role.CLIENT)
    (firm_x, admin_x), (firm_y, admin_y) = firm_with_admin(), firm_with_admin()
    req = factories.make_legal_request(own_client)
    offer_x = services.refer_by_hand(req, firm_x, staff)
    offer_y = services.refer_by_hand(req, firm_y, staff)
    services.accept_offer(offer_x, admin_x, True)
    cases.post_message(req, own_client, "Hello")
    db.session.commit()
    return {
        "users": {"own_client": own_client, "other_client": other_client, "accepting_firm": admin_x,
                  "other_firm": admin_y, "staff": staff},
        "req": req, "offer_x": offer_x, "offer_y": offer_y,
    }


def routes(w):
    r, x, y = w["req"].id, w["offer_x"].id, w["offer_y"].id
    return [
        # path, anonymous, own client, other client, accepting firm, other firm, staff
        ("/requests/", LOGIN, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        ("/requests/new", LOGIN, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN),
        (f"/requests/{r}", LOGIN, OK, MISSING, FORBIDDEN, FORBIDDEN, OK),
        ("/offers/", LOGIN, FORBIDDEN, FORBIDDEN, OK, OK, FORBIDDEN),
        (f"/offers/{x}", LOGIN, FORBIDDEN, FORBIDDEN, OK, MISSING, FORBIDDEN),
        (f"/offers/{y}", LOGIN, FORBIDDEN, FORBIDDEN, MISSING, OK, FORBIDDEN),
        ("/cases/", LOGIN, OK, OK, OK, OK, OK),
        (f"/cases/{r}", LOGIN, OK, MISSING, OK, MISSING, OK),
        ("/staff/requests", LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
        (f"/staff/requests/{r}", LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
        ("/requests/999999", LOGIN, MISSING, MISSING, FORBIDDEN, FORBIDDEN, MISSING),
        ("/offers/999999", LOGIN, FORBIDDEN, FORBIDDEN, MISSING, MISSING, FORBIDDEN),
        ("/cases/999999", LOGIN, MISSING, MISSING, MISSING, MISSING, MISSING),
    ]


def outcome(response):
    if response.status_code == 302 and "/sign-in" in response.headers.get("Location", ""):
        return LOGIN
    return response.status_code


@pytest.mark.parametrize("viewer", VIEWERS)
def test_workflow_access_matrix(client, auth, world, viewer):
    if viewer != "anonymous":
        auth.login(user=world["users"][viewer])
    column = VIEWERS.index(viewer) + 1
    failures = []
    for row in routes(world):
        got = outcome(client.get(row[0]))
        if got != row[column]:
            failures.append(f"{row[0]}: expected {row[column]}, got {got}")
    assert not failures, failures


def test_firm_notes_are_hidden_from_client_and_staff_notes_from_both(client, auth, world):
    req = world["req"]
    cases.add_note(req, world["users"]["accepting_firm"], "firm-only remark")
    cases.add_note(req, world["users"]["staff"], "staff-only remark")
    _db.session.commit()
    seen = {}
    for viewer in ("own_client", "accepting_firm", "staff"):
        auth.login(user=world["users"][viewer])
        seen[viewer] = client.get(f"/cases/{req.id}").get_data(as_text=True)
        auth.logout()
    assert "firm-only remark" not in seen["own_client"] and "staff-only remark" not in seen["own_client"]
    assert "firm-only remark" in seen["accepting_firm"] and "staff-only remark" not in seen["accepting_firm"]
    assert "staff-only remark" in seen["staff"]
    assert "Hello" in seen["staff"]  # staff read the messages


def test_posts_on_others_objects_answer_404_and_change_nothing(client, auth, world):
    req, offer_y = world["req"], world["offer_y"]
    auth.login(user=world["users"]["other_client"])
    form_page = "/requests/new"
    assert submit(client, f"/cases/{req.id}/messages", {"body": "intrusion"}, form_url=form_page).status_code == 404
    assert submit(client, f"/cases/{req.id}/close", {"outcome": "resolved"}, form_url=form_page).status_code == 404
    assert submit(client, f"/requests/{req.id}/cancel", {}, form_url=form_page).status_code == 404
    auth.logout()
    auth.login(user=world["users"]["other_firm"])
    assert submit(client, f"/offers/{world['offer_x'].id}/decline", {"reason": "x"},
                  form_url="/offers/").status_code == 404
    assert submit(client, f"/cases/{req.id}/notes", {"text": "x"}, form_url="/offers/").status_code == 404
    # Its own offer was withdrawn when the other firm accepted; accepting it now is refused.
    page = submit(client, f"/offers/{offer_y.id}/accept", {"confirm_conflict_check": "y"},
                  form_url=f"/offers/{offer_y.id}", follow_redirects=True)
    assert page.status_code == 200 and "cannot be done now" in page.get_data(as_text=True)
    _db.session.expire_all()
    assert _db.session.get(type(offer_y), offer_y.id).status.value == "withdrawn"
    from legalnet.referrals.models import Message

    assert [m.body for m in _db.session.scalars(_db.select(Message))] == ["Hello"]
