"""Case documents through the API: upload, list and download byte for byte as an attachment with nosniff,
audited; refusals by content, size and name store nothing; a firm that has not accepted and strangers get 404."""

import io

from legalnet.accounts.models import Role
from legalnet.documents.models import Document
from legalnet.extensions import db as _db
from tests import factories
from tests.documents.test_documents import PDF, PNG, accepted_case, audit, stored_files


def send(api, req, user, name: str, data: bytes):
    """Upload a file as multipart/form-data."""
    return api.call("POST", f"/requests/{req.id}/documents", user,
                    data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def document_count() -> int:
    return _db.session.scalar(_db.select(_db.func.count(Document.id)))


def test_parties_upload_list_and_download_through_the_api(app, api, db):
    client_user, req, admin, others = accepted_case()
    response = send(api, req, client_user, "engagement.pdf", PDF)
    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    assert created["name"] == "engagement.pdf" and created["version"] == 1
    assert created["content_type"] == "application/pdf" and created["side"] == "client"
    # The firm that accepted lists it and downloads it, byte for byte, as an attachment nobody may sniff.
    listed = api.get(f"/requests/{req.id}/documents", admin).get_json()["items"]
    assert [d["name"] for d in listed] == ["engagement.pdf"]
    download = api.get(listed[0]["download_url"].removeprefix("/api/v1"), admin)
    assert download.status_code == 200 and download.data == PDF
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert [e.actor_id for e in audit("document.uploaded")] == [client_user.id]
    assert [e.actor_id for e in audit("document.downloaded")] == [admin.id]
    # A second file of the same name is its next version.
    assert send(api, req, admin, "engagement.pdf", PDF + b"\n").get_json()["version"] == 2


def test_refusals_say_why_and_store_nothing(app, api, db, monkeypatch):
    client_user, req, _admin, _others = accepted_case()
    before = stored_files(app)
    for name, data, words in [("scan.pdf", PNG, "is not a .pdf file"), ("setup.exe", b"MZ" + b"\x00" * 60,
                              "not a kind of file"), ("../../etc/passwd.txt", b"hello", "name")]:
        response = send(api, req, client_user, name, data)
        assert response.status_code == 422, (name, response.get_json())
        assert words in response.get_json()["detail"]
    monkeypatch.setitem(app.config, "DOCUMENT_MAX_BYTES", 1000)
    response = send(api, req, client_user, "big.pdf", PDF + b"%" + b"x" * 1000)
    assert response.status_code == 422 and "larger than" in response.get_json()["detail"]
    # No file at all: the field is named.
    missing = api.call("POST", f"/requests/{req.id}/documents", client_user, data={},
                       content_type="multipart/form-data")
    assert missing.status_code == 422 and "file" in missing.get_json()["errors"]
    assert document_count() == 0 and stored_files(app) == before


def test_a_firm_before_accepting_and_strangers_read_nothing(app, api, db):
    client_user, req, admin, others = accepted_case()
    assert send(api, req, client_user, "engagement.pdf", PDF).status_code == 201
    document = _db.session.scalars(_db.select(Document)).one()
    other_admin = others[0][1]  # offered the request, never accepted it
    stranger = factories.make_user(Role.CLIENT)
    _db.session.commit()
    for user in (other_admin, stranger):
        assert api.get(f"/requests/{req.id}/documents", user).status_code == 404
        assert api.get(f"/requests/{req.id}/documents/{document.id}", user).status_code == 404
        assert send(api, req, user, "mine.pdf", PDF).status_code == 404
    assert document_count() == 1 and audit("document.downloaded") == []
