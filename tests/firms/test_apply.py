"""The public membership application: what it creates, and what it refuses without creating anything."""

import re

import pytest

from legalnet.accounts.models import Role, User
from legalnet.firms.models import Firm, Lawyer, Office
from legalnet.notifications.models import OutboxEmail
from tests import factories
from tests.conftest import submit
from tests.firms.test_journey import APPLICATION


def count(db, model) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(model))


def assert_nothing_created(db):
    assert (count(db, Firm), count(db, User), count(db, Office), count(db, Lawyer)) == (0, 0, 0, 0)


def test_application_tells_what_was_not_understood(client, db):
    data = {**APPLICATION, "practice_areas_text": "trade marks, underwater basket law"}
    response = submit(client, "/firms/apply", data, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "has been sent to the centre" in page
    assert "underwater basket law" in page
    firm = db.session.scalar(db.select(Firm))
    assert "underwater basket law" in firm.raw_practice_areas


@pytest.mark.parametrize("changes,message", [
    ({"contact_email": "not-an-email"}, "Invalid email address"),
    ({"name": ""}, "This field is required"),
    ({"confirm": "something-else-1"}, "Passwords differ"),
    ({"password": "short", "confirm": "short"}, "at least 10 characters"),
    ({"jurisdictions": [], "jurisdictions_text": ""}, "at least one jurisdiction"),
    ({"jurisdictions": [], "jurisdictions_text": "Atlantis"}, "jurisdiction your firm practises in"),
    ({"practice_areas": [], "practice_areas_text": ""}, "at least one practice area"),
    ({"jurisdictions": ["ZZ"]}, "not a valid choice"),
    ({"offices": "Shenzhen; CN\nSomewhere"}, "Offices, line 2"),
    ({"offices": "Atlantis City; Atlantis"}, "is not a jurisdiction we cover"),
    ({"bar_registrations": "Chan; HK; 1; 1066"}, "Bar registrations, line 1"),
    ({"website": "http://"}, "Invalid URL"),
])
def test_bad_applications_are_refused_and_create_nothing(client, db, changes, message):
    response = submit(client, "/firms/apply", {**APPLICATION, **changes})
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert_nothing_created(db)


def test_taken_contact_email_answers_like_any_application_and_tells_the_owner(client, db):
    owner = factories.make_user(Role.CLIENT, email="tm.chan@harbourcrest.example")
    db.session.commit()
    response = submit(client, "/firms/apply", {**APPLICATION, "contact_email": " TM.Chan@harbourcrest.example"},
                      follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "We have sent a link to tm.chan@harbourcrest.example" in page and "already exists" not in page
    assert count(db, Firm) == 0 and count(db, User) == 1
    told = db.session.scalars(db.select(OutboxEmail.kind).where(OutboxEmail.to_address == owner.email)).all()
    assert told == ["account.address_taken"]


def test_applicant_confirms_the_address_before_signing_in(client, db):
    submit(client, "/firms/apply", APPLICATION)
    user = db.session.scalar(db.select(User))
    assert user.email_verified is False
    refused = submit(client, "/sign-in", {"email": user.email, "password": APPLICATION["password"]})
    assert "Confirm your e-mail address first" in refused.get_data(as_text=True)
    email = db.session.scalars(db.select(OutboxEmail).where(OutboxEmail.kind == "account.verify_email")).first()
    link = re.search(r"http://127\.0\.0\.1:5000(/verify-email/\S+)", email.body).group(1)
    assert client.get(link).status_code == 302
    response = submit(client, "/sign-in", {"email": user.email, "password": APPLICATION["password"]})
    assert response.headers["Location"] == "/dashboard"


def test_a_firm_cannot_apply_twice(client, db):
    assert submit(client, "/firms/apply", APPLICATION).status_code == 302
    response = submit(client, "/firms/apply", {**APPLICATION, "contact_email": "other@harbourcrest.example"})
    assert "already applied" in response.get_data(as_text=True)
    assert count(db, Firm) == 1 and count(db, User) == 1


def test_application_needs_the_csrf_token(client, db):
    response = client.post("/firms/apply", data=APPLICATION)
    assert response.status_code == 400
    assert_nothing_created(db)
