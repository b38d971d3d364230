"""Bad input to a new request, on the intake page and in the API: wrong types, bytes that are not UTF-8,
control characters and descriptions over the 20,000-character limit get a clear 4xx message and store nothing."""

import pytest

from legalnet.accounts.models import Role
from legalnet.api.services import create_token
from legalnet.extensions import db as _db
from legalnet.intake.forms import DESCRIPTION_MAX
from legalnet.intake.models import LegalRequest
from tests.conftest import csrf_from

FORM = {"title": "Trade mark filing", "description": "We need trade marks registered in Vietnam.",
        "urgency": "standard", "budget_currency": "USD", "consent": "y", "submit": "Submit request"}
BODY = {"title": "Trade mark filing", "description": "We need trade marks registered in Vietnam.",
        "consent_to_share": True}


def stored() -> int:
    return _db.session.scalar(_db.select(_db.func.count()).select_from(LegalRequest))


def post_form(client, data: dict):
    """POST the intake form with a fresh CSRF token."""
    token = csrf_from(client.get("/requests/new").get_data(as_text=True))
    return client.post("/requests/new", data={"csrf_token": token, **data})


@pytest.mark.parametrize("field, value, message", [
    ("description", "x" * (DESCRIPTION_MAX + 1),
     "The description has 20,001 characters; the limit is 20,000. Shorten it"),
    ("title", "Trade\x1bmark", "control character (such as NUL)"),
    ("counterparties", "Vingroup \ufffd JSC", "bytes that are not valid UTF-8"),
    ("jurisdictions", "Atlantis", "is not a valid choice"),
    ("budget_amount", "ten thousand", "Not a valid integer value"),
])
def test_the_form_refuses_bad_input_with_a_422_and_a_message(client, db, auth, field, value, message):
    auth.login(Role.CLIENT)
    response = post_form(client, {**FORM, field: value})
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert stored() == 0


def test_a_nul_byte_is_refused_before_the_form_is_read(client, db, auth):
    auth.login(Role.CLIENT)
    response = post_form(client, {**FORM, "description": "Vietnam\x00trade marks"})
    assert response.status_code == 400
    assert "NUL character" in response.get_data(as_text=True)
    assert stored() == 0


def test_percent_signs_typed_by_people_are_kept(client, db, auth):
    auth.login(Role.CLIENT)
    response = post_form(client, {**FORM, "description": "Fees up to 20% of the claim, 100%, %E4%B8%AD"})
    assert response.status_code == 302


def test_a_description_of_exactly_the_limit_is_accepted(client, db, auth):
    auth.login(Role.CLIENT)
    response = post_form(client, {**FORM, "description": "Trade marks in Vietnam. ".ljust(DESCRIPTION_MAX, "x")})
    assert response.status_code == 302
    assert len(_db.session.scalar(_db.select(LegalRequest)).description) == DESCRIPTION_MAX


def test_the_form_refuses_bytes_that_are_not_utf8(client, db, auth):
    auth.login(Role.CLIENT)
    token = csrf_from(client.get("/requests/new").get_data(as_text=True))
    raw = (f"csrf_token={token}&title=Trade%20mark&description=Vi%FFetnam&urgency=standard&budget_currency=USD"
           "&consent=y&submit=Submit").encode("ascii")
    response = client.post("/requests/new", data=raw, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "not UTF-8" in response.get_data(as_text=True)
    assert stored() == 0


@pytest.fixture()
def client_token(db, auth):
    """An API token of a client user."""
    user = auth.login(Role.CLIENT)
    token = create_token(user, "intake system").value
    _db.session.commit()
    return token


@pytest.mark.parametrize("field, value, message", [
    ("jurisdictions", 5, "Expected a list of strings, got a number."),
    ("practice_areas", "tax", "Expected a list of strings, got text."),
    ("languages", ["en", 3], "Expected a list of strings, got a number in it."),
    ("title", ["Trade", "mark"], "Expected text, got a list."),
    ("description", {"text": "x"}, "Expected text, got an object."),
    ("description", "Vietnam\x00", "Text may not contain the NUL character"),
    ("counterparties", ["Vingroup \ud800"], "lone surrogate"),
    ("description", "x" * (DESCRIPTION_MAX + 5), "The description has 20,005 characters; the limit is 20,000."),
])
def test_the_api_refuses_wrong_types_and_text_it_cannot_store(client, client_token, field, value, message):
    response = client.post("/api/v1/requests", json={**BODY, field: value},
                           headers={"Authorization": f"Bearer {client_token}"})
    assert response.status_code == 422
    assert any(message in m for m in response.get_json()["errors"][field]), response.get_json()
    assert stored() == 0


def test_the_api_refuses_a_body_that_is_not_utf8(client, client_token):
    response = client.post("/api/v1/requests", data=b'{"title": "Trade \xff mark", "consent_to_share": true}',
                           content_type="application/json", headers={"Authorization": f"Bearer {client_token}"})
    assert response.status_code == 400
    assert "not UTF-8" in response.get_json()["detail"]
    assert stored() == 0


def test_the_api_accepts_a_description_of_the_limit(client, client_token):
    description = "Trade marks in Vietnam. ".ljust(DESCRIPTION_MAX, "x")
    response = client.post("/api/v1/requests", json={**BODY, "description": description},
                           headers={"Authorization": f"Bearer {client_token}"})
    assert response.status_code == 201, response.get_data(as_text=True)
