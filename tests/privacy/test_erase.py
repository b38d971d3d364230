"""Erasure: the person's name and e-mail leave every table, the records stay under a pseudonym, the person
cannot sign in, unknown addresses and the last staff administrator are refused, and staff erase from the
person's page with a reason that is audited."""

import json

from legalnet.accounts.models import Role, User
from legalnet.core.audit import AuditLog
from legalnet.extensions import db as _db
from legalnet.intake.models import LegalRequest
from legalnet.privacy.models import Erasure
from legalnet.referrals.models import Message
from tests import factories
from tests.conftest import submit
from tests.privacy.conftest import EMAIL, NAME


def every_stored_value() -> str:
    """Every value of every row of every table, as one lower-case text."""
    parts = []
    for table in _db.metadata.sorted_tables:
        for row in _db.session.execute(_db.select(table)).all():
            parts.append(json.dumps([v for v in row], default=str, ensure_ascii=False))
    return "\n".join(parts).lower()


def test_erase_leaves_no_trace_of_the_name_or_email_and_keeps_the_records(app, client, person):
    user, req, _admin = person
    stored = every_stored_value()
    assert NAME.lower() in stored and EMAIL in stored  # the fixture put them in many places
    result = app.test_cli_runner().invoke(args=["privacy", "erase", EMAIL, "--reason", "Written request of 2026-11-20",
                                                "--yes"])
    assert result.exit_code == 0, result.output
    _db.session.expire_all()
    stored = every_stored_value()
    assert NAME.lower() not in stored and EMAIL not in stored
    erased = _db.session.get(User, user.id)
    assert erased.disabled and erased.email.endswith("@erased.invalid") and erased.name.startswith("Erased person")
    # The request, its reference, its messages and the audit trail are still there, under the pseudonym.
    kept = _db.session.get(LegalRequest, req.id)
    assert kept.reference == req.reference and erased.name in kept.description
    assert _db.session.scalar(_db.select(_db.func.count(Message.id)).where(Message.request_id == req.id)) == 2
    assert _db.session.scalar(_db.select(AuditLog).where(AuditLog.action == "privacy.erased")).reason == \
        "Written request of 2026-11-20"
    assert _db.session.scalar(_db.select(Erasure).where(Erasure.user_id == user.id)).replaced > 5


def test_an_erased_person_cannot_sign_in_and_is_signed_out(app, client, auth, person):
    user, _req, _admin = person
    auth.login(user=user)
    assert client.get("/dashboard").status_code == 200
    result = app.test_cli_runner().invoke(args=["privacy", "erase", EMAIL, "--reason", "asked", "--yes"])
    assert result.exit_code == 0, result.output
    assert client.get("/dashboard").status_code == 302
    refused = submit(client, "/sign-in", {"email": EMAIL, "password": factories.PASSWORD})
    assert refused.status_code == 200 and "not correct" in refused.get_data(as_text=True)
    pseudonym = _db.session.get(User, user.id).email
    refused = submit(client, "/sign-in", {"email": pseudonym, "password": factories.PASSWORD})
    assert refused.status_code == 200


def test_erase_needs_yes_and_a_known_address(app, person):
    runner = app.test_cli_runner()
    unconfirmed = runner.invoke(args=["privacy", "erase", EMAIL, "--reason", "asked"])
    assert unconfirmed.exit_code == 1 and "--yes" in unconfirmed.output
    unknown = runner.invoke(args=["privacy", "erase", "nobody@example.com", "--reason", "asked", "--yes"])
    assert unknown.exit_code == 1 and "No account has the e-mail address nobody@example.com" in unknown.output
    _db.session.expire_all()
    assert _db.session.get(User, person[0].id).email == EMAIL
    assert _db.session.scalar(_db.select(_db.func.count(Erasure.id))) == 0


def test_the_last_staff_administrator_cannot_be_erased(app, db):
    admin = factories.make_user(Role.STAFF_ADMIN, email="only-admin@centre.example")
    factories.make_user(Role.STAFF)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["privacy", "erase", admin.email, "--reason", "left", "--yes"])
    assert result.exit_code == 1 and "last active staff administrator" in result.output
    db.session.expire_all()
    assert db.session.get(User, admin.id).email == "only-admin@centre.example"
    factories.make_user(Role.STAFF_ADMIN)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["privacy", "erase", admin.email, "--reason", "left", "--yes"])
    assert result.exit_code == 0, result.output


def test_a_staff_administrator_erases_from_the_persons_page_with_a_reason(client, auth, db, person):
    user, _req, _admin = person
    staff_admin = auth.login(Role.STAFF_ADMIN)
    url = f"/staff/people/{user.id}"
    no_reason = submit(client, f"{url}/erase", {"reason": "", "confirm": "y"}, form_url=url)
    assert no_reason.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user.id).email == EMAIL
    done = submit(client, f"{url}/erase", {"reason": "Request by letter, 20 Nov 2026", "confirm": "y"},
                  form_url=url, follow_redirects=True)
    assert done.status_code == 200 and "erased" in done.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(User, user.id).disabled
    entry = db.session.scalar(db.select(AuditLog).where(AuditLog.action == "privacy.erased"))
    assert entry.actor_id == staff_admin.id and entry.reason == "Request by letter, 20 Nov 2026"
    again = submit(client, f"{url}/erase", {"reason": "again", "confirm": "y"}, form_url=url, follow_redirects=True)
    assert "already been erased" in again.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(Erasure.id))) == 1


def test_plain_staff_cannot_erase(client, auth, db, person):
    user, _req, _admin = person
    auth.login(Role.STAFF)
    page = client.get(f"/staff/people/{user.id}")
    assert b"/erase" not in page.data
    response = submit(client, f"/staff/people/{user.id}/erase", {"reason": "x", "confirm": "y"},
                      form_url=f"/staff/people/{user.id}")
    assert response.status_code == 403
    db.session.expire_all()
    assert db.session.get(User, user.id).email == EMAIL
