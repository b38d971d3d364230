"""Case documents: checking an upload (its name, its size, its content against the allow-list), storing it
under a random key with its SHA-256 as the next version of its name, listing and reading documents for the
parties, and auditing every upload and download. Services flush and never commit; bad input raises a domain
error before anything is stored."""

import hashlib
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from flask import current_app, has_app_context
from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, delete, event, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from legalnet.accounts.models import User
from legalnet.core.audit import AuditLog, record
from legalnet.core.errors import DomainError, NotAllowed, ValidationFailed
from legalnet.documents import permissions
from legalnet.documents.content import ContentRefused, content_type, extension
from legalnet.documents.models import Document
from legalnet.documents.storage import storage
from legalnet.extensions import db
from legalnet.intake.models import LegalRequest
from legalnet.referrals.offers import lock_request

NAME_MAX = 255
READ_CHUNK = 1024 * 1024
# Keys of files stored in the session's current transaction: removed again if it rolls back.
PENDING_KEYS = "legalnet.documents.pending_keys"


@event.listens_for(Session, "after_commit")
def keep_stored_files(session: Session) -> None:
    """The transaction that stored the files committed: they belong to their rows now."""
    # A savepoint's release fires this too; only the outermost commit makes the rows last.
    if not session.in_nested_transaction():
        session.info.pop(PENDING_KEYS, None)


@event.listens_for(Session, "after_rollback")
def remove_orphaned_files(session: Session) -> None:
    """The transaction that stored files rolled back (a later step failed): remove them, so no file is left
    without its row."""
    keys = session.info.pop(PENDING_KEYS, [])
    if keys and has_app_context():
        for key in keys:
            storage().delete(key)


@dataclass(frozen=True)
class Upload:
    """A checked file, ready to store."""

    name: str
    data: bytes
    content_type: str
    sha256: str


def readable_size(size: int) -> str:
    """A size in megabytes (or kilobytes below one), in the reader's number format."""
    if size >= 1_000_000:
        return _l("%(size)s MB", size=format_decimal(size / 1_000_000, "#,##0.#"))
    return _l("%(size)s KB", size=format_decimal(max(size, 1) / 1000, "#,##0.#"))


def max_bytes() -> int:
    """The largest document accepted (DOCUMENT_MAX_BYTES)."""
    return int(current_app.config["DOCUMENT_MAX_BYTES"])


def checked_name(name: str | None) -> str:
    """The file name as given, when it is a plain name: not empty, no folder, no control character."""
    name = unicodedata.normalize("NFC", (name or "").strip())
    if not name:
        raise ValidationFailed(_l("Choose a file to upload."))
    if "/" in name or "\\" in name or name in (".", ".."):
        raise ValidationFailed(_l("The file name “%(name)s” contains a folder path. Upload the file under its own "
                                  "name, such as contract.pdf.", name=name))
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in name):
        raise ValidationFailed(_l("The file name contains a control character; rename the file and try again."))
    if len(name) > NAME_MAX:
        raise ValidationFailed(_l("The file name is longer than %(max)s characters; shorten it and try again.",
                                  max=NAME_MAX))
    return name


def read_limited(name: str, stream, limit: int) -> bytes:
    """The stream's bytes, refusing a file over `limit` as soon as more than that has been read."""
    chunks, total = [], 0
    while True:
        chunk = stream.read(min(READ_CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise ValidationFailed(_l("“%(name)s” is larger than %(max)s, the most a document may be.", name=name,
                                      max=readable_size(limit)))
    return b"".join(chunks)


def prepare(filename: str | None, stream) -> Upload:
    """Check one uploaded file (name, size, content) and return it ready to store; ValidationFailed otherwise."""
    name = checked_name(filename)
    data = read_limited(name, stream, max_bytes())
    if not data:
        raise ValidationFailed(_l("“%(name)s” is empty.", name=name))
    try:
        kind = content_type(name, data)
    except ContentRefused as refused:
        if refused.reason == "type":
            raise ValidationFailed(_l("“%(name)s” is not a kind of file the centre accepts. Upload a PDF, an image "
                                      "(JPEG, PNG, GIF, WebP, TIFF, HEIC), a Word, Excel or PowerPoint document, "
                                      "or plain text or CSV.", name=name)) from refused
        raise ValidationFailed(_l("The content of “%(name)s” is not a .%(ext)s file. Save it again in that format, "
                                  "or give it the extension of what it is.", name=name,
                                  ext=extension(name))) from refused
    return Upload(name=name, data=data, content_type=kind, sha256=hashlib.sha256(data).hexdigest())


def prepare_all(files) -> list[Upload]:
    """Check every file of a multiple upload (empty inputs skipped); the first bad one refuses them all."""
    return [prepare(f.filename, f.stream) for f in files or [] if f is not None and getattr(f, "filename", None)]


def store(req: LegalRequest, user, upload: Upload, side: str, at_intake: bool = False) -> Document:
    """Store a checked file as the next version of its name on the request, and audit it; the caller holds the
    request's lock. A stored file whose row cannot be written is removed again."""
    version = (db.session.scalar(select(func.max(Document.version)).where(
        Document.request_id == req.id, Document.name == upload.name)) or 0) + 1
    key = secrets.token_hex(32)
    storage().save(key, upload.data)
    db.session.info.setdefault(PENDING_KEYS, []).append(key)
    document = Document(request_id=req.id, name=upload.name, version=version, storage_key=key,
                        sha256=upload.sha256, size=len(upload.data), content_type=upload.content_type, side=side,
                        at_intake=at_intake, uploaded_by_id=getattr(user, "id", None))
    try:
        with db.session.begin_nested():
            db.session.add(document)
    except IntegrityError as error:
        storage().delete(key)
        raise ValidationFailed(_l("Another version of “%(name)s” was uploaded at the same moment; try again.",
                                  name=upload.name)) from error
    except BaseException:
        storage().delete(key)
        raise
    record(user, "document.uploaded", document,
           f"{req.reference} {upload.name} v{version} ({len(upload.data)} bytes, sha256 {upload.sha256[:12]})")
    return document


def attach_at_intake(req: LegalRequest, user, uploads: list[Upload]) -> list[Document]:
    """The client's files sent with a new request: staff see them at once, the firm once it has accepted."""
    return [store(req, user, upload, "client", at_intake=True) for upload in uploads]


def upload(req: LegalRequest, user, filename: str | None, stream) -> Document:
    """A party adds a file to an open case."""
    if not permissions.can_add(user, req):
        raise NotAllowed(_l("Documents can be added by the client, the firm and the centre once a firm has "
                            "accepted the request, while the case is open."))
    checked = prepare(filename, stream)
    lock_request(req)
    return store(req, user, checked, permissions.side(user, req))


@dataclass(frozen=True, slots=True)
class Uploader:
    """Who added a document."""

    name: str


@dataclass(frozen=True, slots=True)
class ListedDocument:
    """A document as lists show it: plain values read in one statement, without building ORM objects."""

    id: int
    request_id: int
    name: str
    version: int
    size: int
    content_type: str
    sha256: str
    side: str
    at_intake: bool
    created_at: datetime
    uploaded_by: Uploader | None


def documents_of(user, req: LegalRequest) -> list[ListedDocument]:
    """The request's documents the user may read, by name and newest version first; [] for anyone else."""
    if not permissions.can_read(user, req):
        return []
    rows = db.session.connection().execute(documents_statement(), {"request_id": req.id})
    return [ListedDocument(*values, uploaded_by=Uploader(name) if uploader_id is not None else None)
            for *values, uploader_id, name in rows]


@cache
def documents_statement():
    """The documents of a request with who uploaded each, by name and newest version first. Built once."""
    return (select(Document.id, Document.request_id, Document.name, Document.version, Document.size,
                   Document.content_type, Document.sha256, Document.side, Document.at_intake, Document.created_at,
                   Document.uploaded_by_id, User.name)
            .outerjoin(User, User.id == Document.uploaded_by_id).where(Document.request_id == bindparam("request_id"))
            .order_by(Document.name, Document.version.desc()))


def read(user, req: LegalRequest, document_id: int) -> tuple[Document, bytes]:
    """A document of the request and its bytes, for a party; the download is audited."""
    document = db.session.get(Document, document_id)
    if document is None or document.request_id != req.id or not permissions.can_read(user, req):
        raise NotAllowed(_l("You cannot open this document."))
    data = storage().load(document.storage_key)
    if hashlib.sha256(data).hexdigest() != document.sha256:
        current_app.logger.error("document %s of %s does not match its SHA-256", document.id, req.reference)
        raise DomainError(_l("The stored copy of “%(name)s” is damaged; contact the centre.", name=document.name))
    record(user, "document.downloaded", document, f"{req.reference} {document.name} v{document.version}")
    return document, data


def uploaded_by(user) -> list[Document]:
    """The documents a person uploaded, for the export of their personal data."""
    return list(db.session.scalars(select(Document).where(Document.uploaded_by_id == user.id).order_by(Document.id)))


def remove_all(req: LegalRequest) -> int:
    """Delete the request's documents, their stored bytes first, and blank the file names in their audit
    entries (for the retention sweep); returns how many were removed."""
    documents = db.session.scalars(select(Document).where(Document.request_id == req.id)).all()
    for document in documents:
        storage().delete(document.storage_key)
    if documents:
        ids = [d.id for d in documents]
        db.session.execute(update(AuditLog).where(AuditLog.subject_type == "document", AuditLog.subject_id.in_(ids))
                           .values(summary=req.reference or ""))
        db.session.execute(delete(Document).where(Document.id.in_(ids)))
    return len(documents)

