"""Personal-data duties: export everything held about a person, erase a person (their identifying data is
replaced by a pseudonym wherever it is stored, the records the centre must keep stay), and the retention sweep
that anonymises closed cases after RETENTION_YEARS. Services flush, never commit."""

import json
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, Enum, String, Text, cast, func, or_, update

from legalnet.accounts.models import Organisation, Role, User
from legalnet.accounts.services import find_user, set_disabled
from legalnet.accounts.sessions import delete_expired_sessions
from legalnet.api.models import ApiToken
from legalnet.core.audit import AuditLog, record
from legalnet.core.errors import NotAllowed, ValidationFailed
from legalnet.core.models import utcnow
from legalnet.documents.services import remove_all as remove_documents
from legalnet.documents.services import uploaded_by
from legalnet.extensions import db
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.notifications.models import Notification, OutboxEmail, OutboxStatus
from legalnet.privacy.models import Consent, Erasure
from legalnet.privacy.permissions import can_erase, can_export
from legalnet.referrals.models import CaseEvent, Feedback, Message, Offer

PSEUDONYM_DOMAIN = "erased.invalid"
# Names shorter than this are too likely to be part of unrelated words to be searched for in free text.
MIN_NAME_LENGTH = 2
# Timeline parameters that hold free text typed by a person (the rest are codes, counts and firm names).
FREE_TEXT_PARAMS = ("note", "reason", "comment")


def person_or_error(email: str) -> User:
    """The account with this e-mail address; an unknown address is refused with a clear message."""
    user = find_user(email)
    if user is None:
        raise ValidationFailed(_l("No account has the e-mail address %(email)s; nothing was changed.",
                                  email=(email or "").strip()))
    return user


def erasure_of(user: User) -> Erasure | None:
    """The record of this person's erasure, if they were erased."""
    return db.session.scalar(db.select(Erasure).where(Erasure.user_id == user.id))


# ------------------------------------------------------------------------------------------------ export


def iso(value) -> str | None:
    """A date or time as ISO 8601 text."""
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def export_person(user: User, actor: User | None = None) -> dict:
    """Everything held about a person, as JSON-ready data; the export itself is audited."""
    if actor is not None and not can_export(actor, user):
        raise NotAllowed(_l("You cannot export this person's data."))
    requests_ = db.session.scalars(db.select(LegalRequest).where(LegalRequest.created_by_id == user.id)
                                   .order_by(LegalRequest.id)).all()
    messages = db.session.scalars(db.select(Message).where(Message.sender_id == user.id).order_by(Message.id)).all()
    consents = db.session.scalars(db.select(Consent).where(Consent.user_id == user.id).order_by(Consent.id)).all()
    feedback = db.session.scalars(db.select(Feedback).where(Feedback.author_id == user.id)
                                  .order_by(Feedback.id)).all()
    audit = db.session.scalars(db.select(AuditLog).where(or_(
        AuditLog.actor_id == user.id, (AuditLog.subject_type == "user") & (AuditLog.subject_id == user.id)))
        .order_by(AuditLog.id)).all()
    notifications = db.session.scalars(db.select(Notification).where(Notification.user_id == user.id)
                                       .order_by(Notification.id)).all()
    tokens = db.session.scalars(db.select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id)).all()
    documents = uploaded_by(user)
    document_requests = dict(db.session.execute(db.select(LegalRequest.id, LegalRequest.reference).where(
        LegalRequest.id.in_({d.request_id for d in documents}))).all())
    references = {r.id: r.reference for r in db.session.scalars(db.select(LegalRequest).where(
        LegalRequest.id.in_({m.request_id for m in messages} | {f.request_id for f in feedback}
                            | {c.request_id for c in consents if c.request_id})))}
    data = {
        "exported_at": iso(utcnow()),
        "account": {"id": user.id, "email": user.email, "name": user.name, "role": user.role.value,
                    "locale": user.locale, "disabled": user.disabled, "created_at": iso(user.created_at),
                    "last_login_at": iso(user.last_login_at)},
        "organisation": organisation_data(user.organisation),
        "firm": {"id": user.firm.id, "name": user.firm.name, "email": user.firm.email} if user.firm else None,
        "requests": [request_data(r) for r in requests_],
        "messages": [{"request": references.get(m.request_id), "side": m.side, "body": m.body,
                      "created_at": iso(m.created_at)} for m in messages],
        "feedback": [{"request": references.get(f.request_id), "rating": f.rating, "comment": f.comment,
                      "created_at": iso(f.created_at)} for f in feedback],
        "consents": [{"notice": c.notice, "version": c.notice_version, "locale": c.locale, "scopes": c.scopes,
                      "channel": c.channel, "request": references.get(c.request_id),
                      "agreed_at": iso(c.agreed_at)} for c in consents],
        "audit": [{"at": iso(a.created_at), "action": a.action, "by_this_person": a.actor_id == user.id,
                   "subject_type": a.subject_type, "subject_id": a.subject_id, "summary": a.summary,
                   "reason": a.reason} for a in audit],
        "notifications": [{"kind": n.kind, "message": n.message, "created_at": iso(n.created_at),
                           "read_at": iso(n.read_at)} for n in notifications],
        "api_tokens": [{"name": t.name, "prefix": t.prefix, "created_at": iso(t.created_at),
                        "last_used_at": iso(t.last_used_at), "revoked_at": iso(t.revoked_at)} for t in tokens],
        # Files the person uploaded, by name, type and size (the files themselves are on the requests).
        "documents": [{"request": document_requests.get(d.request_id), "name": d.name, "version": d.version,
                       "content_type": d.content_type, "size": d.size, "sha256": d.sha256,
                       "uploaded_at": iso(d.created_at)} for d in documents],
    }
    record(actor, "privacy.exported", user, summary=f"user {user.id}")
    return data


def organisation_data(organisation: Organisation | None) -> dict | None:
    """The person's client organisation."""
    if organisation is None:
        return None
    return {"id": organisation.id, "name": organisation.name, "country": organisation.country,
            "website": organisation.website}


def request_data(req: LegalRequest) -> dict:
    """One request the person created, as the client entered it and where it stands."""
    return {"reference": req.reference, "title": req.title, "description": req.description,
            "status": req.status.value, "jurisdictions": req.jurisdictions, "practice_areas": req.practice_areas,
            "languages": req.languages, "typed": {"jurisdictions": req.raw_jurisdictions,
                                                  "practice_areas": req.raw_practice_areas,
                                                  "languages": req.raw_languages},
            "counterparties": req.counterparties, "urgency": req.urgency.value,
            "budget": {"amount": req.budget_amount, "currency": req.budget_currency} if req.budget_amount else None,
            "deadline": iso(req.deadline), "created_at": iso(req.created_at), "closed_at": iso(req.closed_at),
            "outcome": req.outcome.value if req.outcome else None, "anonymised_at": iso(req.anonymised_at)}


def export_json(data: dict) -> str:
    """An export as readable JSON text."""
    return json.dumps(data, ensure_ascii=False, indent=2)


# ------------------------------------------------------------------------------------------------- erase


@dataclass
class Replacement:
    """A value to find in stored text, and what replaces it."""

    pattern: re.Pattern
    needles: list[str]
    new: str


def replacement_for(old: str, new: str) -> Replacement | None:
    """A case-insensitive replacement of `old`; Latin-script edges must be word edges ("Ann" is not "Anna")."""
    old = (old or "").strip()
    if len(old) < MIN_NAME_LENGTH:
        return None
    start = r"(?<![A-Za-z0-9])" if old[0].isascii() and old[0].isalnum() else ""
    end = r"(?![A-Za-z0-9])" if old[-1].isascii() and old[-1].isalnum() else ""
    # JSON columns may hold the text with non-ASCII characters escaped (\\u9648), so look for both spellings.
    escaped = json.dumps(old)[1:-1]
    needles = sorted({old.lower(), escaped.lower()})
    return Replacement(re.compile(start + re.escape(old) + end, re.IGNORECASE), needles, new)


def replace_in(value, replacements: list[Replacement]):
    """`value` with every replacement applied, inside strings, lists and dicts."""
    if isinstance(value, str):
        for item in replacements:
            value = item.pattern.sub(item.new, value)
        return value
    if isinstance(value, list):
        return [replace_in(v, replacements) for v in value]
    if isinstance(value, dict):
        return {replace_in(k, replacements): replace_in(v, replacements) for k, v in value.items()}
    return value


def text_columns():
    """(table, column) of every column that holds text or JSON, in every table of the schema."""
    for table in db.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, Enum):
                continue
            if isinstance(column.type, (String, Text, JSON)):
                yield table, column


def replace_everywhere(replacements: list[Replacement]) -> int:
    """Rewrite every stored value that contains one of the replaced texts; returns how many values changed."""
    changed = 0
    for table, column in text_columns():
        searched = cast(column, Text) if isinstance(column.type, JSON) else column
        needles = [needle for item in replacements for needle in item.needles]
        condition = or_(*(func.lower(searched).contains(needle, autoescape=True) for needle in needles))
        keys = list(table.primary_key.columns)
        rows = db.session.execute(db.select(*keys, column).where(condition)).all()
        for row in rows:
            old = row[-1]
            new = replace_in(old, replacements)
            if new == old:
                continue
            where = [key == row[i] for i, key in enumerate(keys)]
            db.session.execute(update(table).where(*where).values({column.name: new}))
            changed += 1
    return changed


def erase_person(user: User, actor: User | None, reason: str) -> Erasure:
    """Replace a person's name and e-mail with a pseudonym in every table, disable the account for good, revoke
    its tokens and record the erasure. Requests, cases, messages and the audit trail stay, under the pseudonym.
    The last active staff administrator cannot be erased; `actor` None is the command line."""
    reason = (reason or "").strip()
    if actor is not None and not can_erase(actor):
        raise NotAllowed(_l("Only a centre staff administrator can erase a person's data."))
    if not reason:
        raise ValidationFailed(_l("Give the reason for the erasure (for example, the person's request and its date)."))
    if erasure_of(user) is not None:
        raise ValidationFailed(_l("This person's data has already been erased."))
    if user.role == Role.STAFF_ADMIN and not db.session.scalar(db.select(func.count(User.id)).where(
            User.role == Role.STAFF_ADMIN, User.disabled.is_(False), User.id != user.id)):
        raise ValidationFailed(_l("This is the last active staff administrator; make another one before erasing "
                                  "this account."))
    tag = secrets.token_hex(5)
    pseudonym_email = f"erased-{tag}@{PSEUDONYM_DOMAIN}"
    pseudonym_name = f"Erased person {tag}"
    db.session.flush()
    replacements = [r for r in (replacement_for(user.email, pseudonym_email),
                                replacement_for(user.name, pseudonym_name)) if r is not None]
    changed = replace_everywhere(replacements)
    db.session.expire_all()
    user.email, user.name = pseudonym_email, pseudonym_name
    user.locale = None
    user.last_login_at = None
    # A password nobody knows; setting it also replaces the session token, which signs out every session.
    user.set_password(secrets.token_urlsafe(32))
    now = utcnow()
    db.session.execute(update(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
                       .values(revoked_at=now))
    db.session.execute(db.delete(Notification).where(Notification.user_id == user.id))
    if not user.disabled:
        set_disabled(actor, user, True, reason)
    erasure = Erasure(user_id=user.id, pseudonym=pseudonym_name, erased_by_id=getattr(actor, "id", None),
                      reason=reason, replaced=changed)
    db.session.add(erasure)
    record(actor, "privacy.erased", user, summary=pseudonym_name, reason=reason)
    db.session.flush()
    return erasure


# -------------------------------------------------------------------------------------------- retention


def retention_cutoff(now: datetime | None = None) -> datetime:
    """Cases closed before this time are past the retention period."""
    years = float(current_app.config.get("RETENTION_YEARS", 7))
    return (now or utcnow()) - timedelta(days=round(365.25 * years))


def anonymise_request(req: LegalRequest, now: datetime) -> None:
    """Remove a closed case's personal data: what the client typed, the counterparties, messages, notes and
    comments, and the links to the people involved. The reference, the codes it was matched on, its dates,
    status, outcome, offers and rating stay for the centre's records and statistics."""
    req.title = req.reference or "—"
    req.description = req.summary = ""
    remove_documents(req)
    req.raw_jurisdictions, req.raw_practice_areas, req.raw_languages = [], [], []
    req.unresolved, req.counterparties = [], []
    req.created_by_id = None
    req.anonymised_at = now
    db.session.execute(update(Message).where(Message.request_id == req.id).values(body="", sender_id=None))
    db.session.execute(update(Feedback).where(Feedback.request_id == req.id).values(comment="", author_id=None))
    db.session.execute(update(Offer).where(Offer.request_id == req.id).values(reason=""))
    for event in db.session.scalars(db.select(CaseEvent).where(CaseEvent.request_id == req.id)):
        event.text = ""
        params = dict(event.params or {})
        for key in FREE_TEXT_PARAMS:
            if isinstance(params.get(key), str) and event.kind in ("closed", "cancelled", "declined", "firm_note",
                                                                 "staff_note", "offer_withdrawn"):
                params[key] = ""
        event.params = params
        event.actor_id = None
    # Audit entries about the request named it by reference and title; keep the reference only.
    db.session.execute(update(AuditLog).where(AuditLog.subject_type == "legalrequest", AuditLog.subject_id == req.id)
                       .values(summary=req.reference or ""))
    db.session.execute(update(Consent).where(Consent.request_id == req.id).values(user_id=None))


def retention_sweep(now: datetime | None = None, limit: int = 500) -> dict[str, int]:
    """Anonymise closed (and cancelled) requests older than RETENTION_YEARS, and delete old notifications and
    delivered e-mails; returns counts. Safe to run again: anonymised requests are skipped."""
    now = now or utcnow()
    cutoff = retention_cutoff(now)
    due = db.session.scalars(db.select(LegalRequest).where(
        LegalRequest.anonymised_at.is_(None),
        or_((LegalRequest.status == RequestStatus.CLOSED) & (LegalRequest.closed_at < cutoff),
            (LegalRequest.status == RequestStatus.CANCELLED) & (LegalRequest.updated_at < cutoff)),
    ).order_by(LegalRequest.id).limit(limit)).all()
    for req in due:
        anonymise_request(req, now)
        record(None, "privacy.anonymised", req, summary=req.reference or "",
               reason=f"retention period of {current_app.config.get('RETENTION_YEARS', 7)} years")
    notifications = db.session.execute(db.delete(Notification).where(Notification.created_at < cutoff)).rowcount
    emails = db.session.execute(db.delete(OutboxEmail).where(
        OutboxEmail.status.in_((OutboxStatus.SENT, OutboxStatus.FAILED)), OutboxEmail.created_at < cutoff)).rowcount
    sessions = delete_expired_sessions(now)
    db.session.flush()
    return {"anonymised": len(due), "notifications_deleted": notifications or 0, "emails_deleted": emails or 0,
            "sessions_deleted": sessions}


def held_counts(user: User) -> dict[str, int]:
    """How many records of each kind are held about a person, for the staff page."""
    def count(model, condition) -> int:
        return db.session.scalar(db.select(func.count()).select_from(model).where(condition)) or 0

    return {
        "requests": count(LegalRequest, LegalRequest.created_by_id == user.id),
        "messages": count(Message, Message.sender_id == user.id),
        "consents": count(Consent, Consent.user_id == user.id),
        "audit": count(AuditLog, or_(AuditLog.actor_id == user.id,
                                     (AuditLog.subject_type == "user") & (AuditLog.subject_id == user.id))),
    }
