"""Case documents through the real routes: the parties upload and download once a firm has accepted, a file of
the same name becomes a new version, downloads are attachments with nosniff, and every upload and download is
audited. Files refused by their content, size or a path in the name leave no row and no file behind; a firm
that is not the accepting one, or has not accepted yet, reads nothing (not even the client's intake files)."""

import hashlib
import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from legalnet.accounts.models import Role
from legalnet.core.audit import AuditLog
from legalnet.core.errors import ValidationFailed
from legalnet.core.models import utcnow
from legalnet.documents.models import Document
from legalnet.documents.services import prepare
from legalnet.documents.services import upload as services_upload
from legalnet.extensions import db as _db
from legalnet.intake.models import LegalRequest
from legalnet.privacy.services import export_person, retention_sweep
from legalnet.referrals import services
from legalnet.referrals.cases import close_case
from legalnet.referrals.models import Offer, OfferStatus
from tests import factories
from tests.conftest import csrf_from, submit
from tests.referrals.helpers import firm_of, referred_request

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def ooxml(folder: str, main_type: str | None) -> bytes:
    """A minimal Office Open XML package; without `main_type` it has no [Content_Types].xml."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if main_type:
            archive.writestr("[Content_Types].xml", f'<Types><Override PartName="/{folder}/main.xml" '
                                                    f'ContentType="{main_type}"/></Types>')
        archive.writestr("_rels/.rels", "<Relationships/>")
        archive.writestr(f"{folder}/document.xml", "<document/>")
    return buffer.getvalue()


def stored_files(app) -> set[Path]:
    return {p for p in Path(app.config["DOCUMENT_ROOT"]).rglob("*") if p.is_file()}


def audit(action: str) -> list[AuditLog]:
    return _db.session.scalars(_db.select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.id)).all()


def accepted_case():
    """A case accepted by the first firm offered it; returns (client, request, firm admin, other firms)."""
    client_user, req, firms = referred_request(2)
    offer = _db.session.scalars(_db.select(Offer).where(Offer.status == OfferStatus.OFFERED)).one()
    _firm, admin = firm_of(firms, offer.firm_id)
    services.accept_offer(offer, admin, True)
    _db.session.commit()
    return client_user, _db.session.get(LegalRequest, req.id), admin, [f for f in firms if f[0].id != offer.firm_id]


def upload(client, req, name: str, data: bytes):
    token = csrf_from(client.get(f"/cases/{req.id}").get_data(as_text=True))
    return client.post(f"/requests/{req.id}/documents", data={"csrf_token": token, "file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def test_parties_upload_and_download_as_attachments_with_audit(app, client, db, auth):
    client_user, req, admin, _others = accepted_case()
    auth.login(user=admin)
    response = upload(client, req, "Share purchase agreement.pdf", PDF)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/cases/{req.id}#documents")
    document = _db.session.scalars(_db.select(Document)).one()
    assert (document.name, document.version, document.side, document.size) == ("Share purchase agreement.pdf", 1,
                                                                                "firm", len(PDF))
    assert document.content_type == "application/pdf" and document.sha256 == hashlib.sha256(PDF).hexdigest()
    # Stored under its random key outside the web root, never under the name the uploader gave.
    path = Path(app.config["DOCUMENT_ROOT"]) / document.storage_key[:2] / document.storage_key
    assert path.read_bytes() == PDF and "agreement" not in str(path)
    assert not str(path).startswith(app.static_folder)
    auth.logout()

    auth.login(user=client_user)
    page = client.get(f"/cases/{req.id}").get_data(as_text=True)
    link = f"/requests/{req.id}/documents/{document.id}"
    assert link in page and "Share purchase agreement.pdf" in page
    response = client.get(link)
    assert response.status_code == 200 and response.data == PDF
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "Share%20purchase%20agreement.pdf" in response.headers["Content-Disposition"] or \
        '"Share purchase agreement.pdf"' in response.headers["Content-Disposition"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response.headers["Cache-Control"]
    # The download keeps its own sandboxing policy, not the pages' one, and carries it once.
    assert response.headers.getlist("Content-Security-Policy") == ["default-src 'none'; sandbox"]
    assert response.headers["X-Frame-Options"] == "DENY"
    [uploaded] = audit("document.uploaded")
    [downloaded] = audit("document.downloaded")
    assert uploaded.actor_id == admin.id and downloaded.actor_id == client_user.id
    assert uploaded.subject_id == downloaded.subject_id == document.id and uploaded.subject_type == "document"


def test_a_file_of_the_same_name_is_a_new_version(client, db, auth):
    client_user, req, _admin, _others = accepted_case()
    auth.login(user=client_user)
    first, second = PDF, PDF.replace(b"Catalog", b"Catalog /Lang (en)")
    upload(client, req, "letter.pdf", first)
    upload(client, req, "letter.pdf", second)
    upload(client, req, "other.pdf", first)
    rows = _db.session.scalars(_db.select(Document).order_by(Document.id)).all()
    assert [(d.name, d.version) for d in rows] == [("letter.pdf", 1), ("letter.pdf", 2), ("other.pdf", 1)]
    assert len({d.storage_key for d in rows}) == 3
    assert client.get(f"/requests/{req.id}/documents/{rows[0].id}").data == first
    assert client.get(f"/requests/{req.id}/documents/{rows[1].id}").data == second
    assert len(audit("document.uploaded")) == 3 and len(audit("document.downloaded")) == 2


@pytest.mark.parametrize(("name", "data", "message"), [
    ("evil.pdf", PNG, "The content of “evil.pdf” is not a .pdf file."),
    ("setup.exe", EXE, "“setup.exe” is not a kind of file the centre accepts."),
    ("invoice.pdf", EXE, "The content of “invoice.pdf” is not a .pdf file."),
    ("notes.txt", b"plain\x00text", "The content of “notes.txt” is not a .txt file."),
    ("notes.txt", b"caf\xe9 au lait", "The content of “notes.txt” is not a .txt file."),
    ("notes.txt", PDF, "The content of “notes.txt” is not a .txt file."),
    ("fake.docx", ooxml("word", None), "The content of “fake.docx” is not a .docx file."),
    ("sheet.xlsx", ooxml("word", WORD_MAIN), "The content of “sheet.xlsx” is not a .xlsx file."),
    ("../x.pdf", PDF, "The file name “../x.pdf” contains a folder path."),
    ("a/b.pdf", PDF, "The file name “a/b.pdf” contains a folder path."),
    ("empty.pdf", b"", "“empty.pdf” is empty."),
    ("noextension", PDF, "“noextension” is not a kind of file the centre accepts."),
])
def test_refused_uploads_leave_nothing_behind(app, client, db, auth, name, data, message):
    _client_user, req, admin, _others = accepted_case()
    auth.login(user=admin)
    before = stored_files(app)
    response = upload(client, req, name, data)
    assert response.status_code == 302
    page = client.get(f"/cases/{req.id}").get_data(as_text=True)
    assert message.replace("“", "&#8220;").replace("”", "&#8221;") in page or message in page
    assert _db.session.scalar(_db.select(_db.func.count(Document.id))) == 0
    assert stored_files(app) == before and audit("document.uploaded") == []


@pytest.mark.parametrize("name", ["a\\b.pdf", "C:\\Users\\me\\x.pdf", "..", "  ", "bad\x00name.pdf"])
def test_names_with_a_path_or_control_characters_are_refused_by_the_service(app, db, name):
    with app.test_request_context():
        with pytest.raises(ValidationFailed):
            prepare(name, io.BytesIO(PDF))


def test_a_file_over_the_limit_is_refused(app, client, db, auth, monkeypatch):
    monkeypatch.setitem(app.config, "DOCUMENT_MAX_BYTES", 1000)
    _client_user, req, admin, _others = accepted_case()
    auth.login(user=admin)
    before = stored_files(app)
    upload(client, req, "big.pdf", PDF + b"%" + b"x" * 1000)
    page = client.get(f"/cases/{req.id}").get_data(as_text=True)
    assert "is larger than 1 KB, the most a document may be." in page
    assert _db.session.scalar(_db.select(_db.func.count(Document.id))) == 0 and stored_files(app) == before
    upload(client, req, "small.pdf", PDF)
    assert _db.session.scalar(_db.select(_db.func.count(Document.id))) == 1


@pytest.mark.parametrize(("name", "data", "kind"), [
    ("memo.docx", ooxml("word", WORD_MAIN), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("photo.png", PNG, "image/png"),
    ("figures.csv", "\ufeffamount,currency\n12000,HKD\n".encode(), "text/csv"),
    ("說明.txt", "合約第三條".encode(), "text/plain"),
])
def test_allowed_types_are_stored_with_the_type_of_their_content(client, db, auth, name, data, kind):
    _client_user, req, admin, _others = accepted_case()
    auth.login(user=admin)
    upload(client, req, name, data)
    document = _db.session.scalars(_db.select(Document)).one()
    assert document.name == name and document.content_type == kind
    response = client.get(f"/requests/{req.id}/documents/{document.id}")
    assert response.data == data and response.headers["Content-Type"].startswith(kind)


def test_intake_files_reach_staff_at_once_and_the_firm_only_after_accepting(app, client, db, auth):
    firm = factories.make_firm()
    admin = factories.make_user(Role.FIRM_ADMIN, firm=firm)
    staff = factories.make_user(Role.STAFF)
    client_user = factories.make_user(Role.CLIENT)
    _db.session.commit()
    auth.login(user=client_user)
    form = {"title": "Arbitration in Hong Kong", "description": "An arbitration seated in Hong Kong.",
            "jurisdictions": "HK", "practice_areas": "arbitration", "urgency": "standard", "budget_currency": "USD",
            "consent": "y", "submit": "Submit"}
    token = csrf_from(client.get("/requests/new").get_data(as_text=True))
    response = client.post("/requests/new", data={"csrf_token": token, **form,
                                                  "attachments": [(io.BytesIO(PDF), "contract.pdf"),
                                                                  (io.BytesIO(PNG), "scan.png")]},
                           content_type="multipart/form-data")
    assert response.status_code == 302
    req = _db.session.scalars(_db.select(LegalRequest)).one()
    documents = _db.session.scalars(_db.select(Document).order_by(Document.name)).all()
    assert [(d.name, d.at_intake, d.side) for d in documents] == [("contract.pdf", True, "client"),
                                                                 ("scan.png", True, "client")]
    contract = documents[0]
    link = f"/requests/{req.id}/documents/{contract.id}"
    assert link in client.get(f"/requests/{req.id}").get_data(as_text=True)
    # Before a firm accepts, the client cannot add more to the case.
    token = csrf_from(client.get(f"/requests/{req.id}").get_data(as_text=True))
    client.post(f"/requests/{req.id}/documents", data={"csrf_token": token, "file": (io.BytesIO(PDF), "more.pdf")},
                content_type="multipart/form-data")
    assert _db.session.scalar(_db.select(_db.func.count(Document.id))) == 2
    auth.logout()

    auth.login(user=staff)
    assert client.get(link).data == PDF
    auth.logout()

    services.choose_firm(req, client_user, firm.id)
    _db.session.commit()
    offer = _db.session.scalars(_db.select(Offer)).one()
    auth.login(user=admin)
    assert client.get(link).status_code == 404
    assert link not in client.get(f"/offers/{offer.id}").get_data(as_text=True)
    assert [a.actor_id for a in audit("document.downloaded")] == [staff.id]
    submit(client, f"/offers/{offer.id}/accept", {"confirm_conflict_check": "y"}, form_url=f"/offers/{offer.id}")
    assert link in client.get(f"/cases/{req.id}").get_data(as_text=True)
    assert client.get(link).data == PDF
    assert [a.actor_id for a in audit("document.downloaded")] == [staff.id, admin.id]


def test_one_bad_intake_file_refuses_the_request_and_stores_nothing(app, client, db, auth):
    factories.make_firm()
    client_user = factories.make_user(Role.CLIENT)
    _db.session.commit()
    auth.login(user=client_user)
    before = stored_files(app)
    token = csrf_from(client.get("/requests/new").get_data(as_text=True))
    response = client.post("/requests/new", data={
        "csrf_token": token, "title": "Arbitration", "jurisdictions": "HK", "urgency": "standard",
        "budget_currency": "USD", "consent": "y", "submit": "Submit",
        "attachments": [(io.BytesIO(PDF), "contract.pdf"), (io.BytesIO(EXE), "../../evil.pdf")]},
        content_type="multipart/form-data")
    assert response.status_code == 422
    assert "contains a folder path" in response.get_data(as_text=True)
    assert _db.session.scalar(_db.select(_db.func.count(LegalRequest.id))) == 0
    assert _db.session.scalar(_db.select(_db.func.count(Document.id))) == 0 and stored_files(app) == before


def test_other_firms_and_strangers_read_nothing(client, db, auth):
    client_user, req, admin, others = accepted_case()
    auth.login(user=admin)
    upload(client, req, "brief.pdf", PDF)
    auth.logout()
    document = _db.session.scalars(_db.select(Document)).one()
    link = f"/requests/{req.id}/documents/{document.id}"
    outsider = factories.make_user(Role.FIRM_ADMIN)
    other_client = factories.make_user(Role.CLIENT)
    _db.session.commit()
    # The other firm of the referral never had the request accepted; the outsider never had an offer.
    for user in (others[0][1], outsider, other_client):
        auth.login(user=user)
        assert client.get(link).status_code == 404
        token = csrf_from(client.get("/dashboard").get_data(as_text=True))
        response = client.post(f"/requests/{req.id}/documents", data={"csrf_token": token,
                                                                       "file": (io.BytesIO(PDF), "x.pdf")},
                               content_type="multipart/form-data")
        assert response.status_code == 404
        auth.logout()
    # A party of another request cannot read the document through that request's address.
    other_request = factories.make_legal_request(client_user)
    _db.session.commit()
    auth.login(user=client_user)
    assert client.get(f"/requests/{other_request.id}/documents/{document.id}").status_code == 404
    assert client.get(link).status_code == 200
    assert _db.session.scalar(_db.select(_db.func.count(Document.id))) == 1
    assert [a.actor_id for a in audit("document.downloaded")] == [client_user.id]


def test_uploads_stop_when_the_case_is_closed(client, db, auth):
    client_user, req, admin, _others = accepted_case()
    close_case(req, client_user, "resolved")
    _db.session.commit()
    auth.login(user=admin)
    upload(client, req, "late.pdf", PDF)
    assert "Documents can be added by the client, the firm and the centre once a firm has accepted" in \
        client.get(f"/cases/{req.id}").get_data(as_text=True)
    assert _db.session.scalar(_db.select(_db.func.count(Document.id))) == 0


def test_the_export_lists_a_persons_uploads_and_the_retention_sweep_removes_them(app, client, db, auth):
    client_user, req, admin, _others = accepted_case()
    req.summary = "A shareholder dispute in Hong Kong."
    _db.session.commit()
    auth.login(user=client_user)
    upload(client, req, "Chen family will.pdf", PDF)
    document = _db.session.scalars(_db.select(Document)).one()
    path = Path(app.config["DOCUMENT_ROOT"]) / document.storage_key[:2] / document.storage_key
    exported = export_person(client_user)["documents"]
    assert exported == [{"request": req.reference, "name": "Chen family will.pdf", "version": 1,
                         "content_type": "application/pdf", "size": len(PDF), "sha256": document.sha256,
                         "uploaded_at": exported[0]["uploaded_at"]}]
    assert export_person(admin)["documents"] == []

    close_case(req, client_user, "resolved")
    req.closed_at = utcnow() - timedelta(days=365.25 * (app.config["RETENTION_YEARS"] + 1))
    _db.session.commit()
    assert path.exists()
    retention_sweep()
    _db.session.commit()
    req = _db.session.get(LegalRequest, req.id)
    assert req.summary == "" and not path.exists()
    assert _db.session.scalar(_db.select(_db.func.count(Document.id))) == 0
    assert all("Chen" not in entry.summary for entry in audit("document.uploaded"))


def test_a_file_whose_transaction_rolls_back_is_removed_again(app, db):
    _client_user, req, admin, _others = accepted_case()
    before = stored_files(app)
    document = services_upload(req, admin, "draft.pdf", io.BytesIO(PDF))
    assert len(stored_files(app) - before) == 1 and document.id is not None
    # A later step of the same request fails: the row goes, and so does its file.
    _db.session.rollback()
    assert stored_files(app) == before
    assert _db.session.scalar(_db.select(_db.func.count(Document.id))) == 0
    # A committed upload stays.
    services_upload(req, admin, "final.pdf", io.BytesIO(PDF))
    _db.session.commit()
    _db.session.rollback()
    assert len(stored_files(app) - before) == 1
