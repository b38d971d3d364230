"""`flask privacy export` and the export pages: everything held about a person, as JSON."""

import json

from legalnet.accounts.models import Role
from legalnet.core.audit import AuditLog
from tests.privacy.conftest import EMAIL, NAME


def test_export_prints_the_persons_account_requests_messages_consents_and_audit(app, person):
    user, req, _admin = person
    result = app.test_cli_runner().invoke(args=["privacy", "export", EMAIL.upper()])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["account"]["email"] == EMAIL and data["account"]["name"] == NAME
    assert data["organisation"]["name"] == user.organisation.name
    [request] = data["requests"]
    assert request["reference"] == req.reference and NAME in request["description"]
    assert [m["body"] for m in data["messages"]] == ["We attach the contract with the supplier."]
    assert data["messages"][0]["request"] == req.reference
    [consent] = data["consents"]
    assert consent["notice"] == "intake_sharing" and "cross_border_transfer" in consent["scopes"]
    assert any(entry["action"] == "request.submitted" and entry["by_this_person"] for entry in data["audit"])
    assert data["api_tokens"][0]["name"] == f"{NAME}'s laptop" and "token_hash" not in json.dumps(data)
    assert "password" not in json.dumps(data)


def test_export_writes_to_a_file_with_o(app, person, tmp_path):
    target = tmp_path / "export.json"
    result = app.test_cli_runner().invoke(args=["privacy", "export", EMAIL, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text(encoding="utf-8"))["account"]["email"] == EMAIL


def test_export_of_an_unknown_address_says_so_and_changes_nothing(app, db):
    before = db.session.scalar(db.select(db.func.count(AuditLog.id)))
    result = app.test_cli_runner().invoke(args=["privacy", "export", "nobody@example.com"])
    assert result.exit_code == 1
    assert "No account has the e-mail address nobody@example.com" in result.output
    assert db.session.scalar(db.select(db.func.count(AuditLog.id))) == before


def test_a_person_downloads_their_own_data_from_the_account_page(client, auth, person):
    user, req, _admin = person
    auth.login(user=user)
    page = client.get("/account/password")
    assert b"/account/data" in page.data
    assert b"/account/data/export.json" in client.get("/account/data").data
    response = client.get("/account/data/export.json")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.data)
    assert data["account"]["email"] == EMAIL and data["requests"][0]["reference"] == req.reference


def test_a_person_downloads_their_own_data_ten_times_an_hour_at_most(client, auth, person):
    # The limit is on a GET route of a blueprint without a shared limit: the route checks it itself.
    user, _req, _admin = person
    auth.login(user=user)
    statuses = [client.get("/account/data/export.json").status_code for _ in range(11)]
    assert statuses == [200] * 10 + [429]


def test_staff_export_a_person_from_their_page_and_it_is_audited(client, auth, db, person):
    user, req, _admin = person
    staff = auth.login(Role.STAFF)
    page = client.get(f"/staff/people/{user.id}")
    assert page.status_code == 200 and NAME.encode() in page.data
    found = client.get("/staff/people", query_string={"q": "meiling"})
    assert f"/staff/people/{user.id}".encode() in found.data
    response = client.get(f"/staff/people/{user.id}/export.json")
    assert response.status_code == 200
    assert json.loads(response.data)["requests"][0]["reference"] == req.reference
    entry = db.session.scalar(db.select(AuditLog).where(AuditLog.action == "privacy.exported"))
    assert entry.actor_id == staff.id and entry.subject_id == user.id


def test_people_pages_are_for_staff_only(client, auth, person):
    user, _req, admin = person
    assert client.get(f"/staff/people/{user.id}/export.json").status_code == 302  # to the sign-in page
    auth.login(Role.CLIENT)
    for url in ("/staff/people", f"/staff/people/{user.id}", f"/staff/people/{user.id}/export.json"):
        assert client.get(url).status_code == 403
    assert client.get("/staff/people/999999").status_code == 403
