"""Delivering the outbox: claim due e-mails with a conditional UPDATE so that two running senders never send
one at the same time, send them over SMTP (or to the log when MAIL_SERVER is empty), retry failures with
exponential backoff, give up after a number of attempts, and take back e-mails a crashed sender left in
`sending` after OUTBOX_STALE_SECONDS.

Delivery is at least once: a sender that dies after the SMTP server accepted a message but before the row is
marked sent leaves it to be sent again. Every retry carries the row's own Message-ID, so a receiver (or its
mail system) can drop the duplicate."""

import logging
import secrets
import smtplib
from collections.abc import Callable
from datetime import timedelta
from email.message import EmailMessage

from flask import current_app
from sqlalchemy import select, update

from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.notifications.models import OutboxEmail, OutboxStatus

log = logging.getLogger(__name__)

Transport = Callable[[EmailMessage], None]

DEFAULT_MAX_ATTEMPTS = 5
DEFAULT_RETRY_SECONDS = 60
DEFAULT_STALE_SECONDS = 90
# One SMTP conversation never outlasts the time after which its e-mail counts as abandoned.
SMTP_TIMEOUT_SECONDS = 20


def build_message(email: OutboxEmail) -> EmailMessage:
    """The e-mail as a MIME message from the configured sender."""
    message = EmailMessage()
    message["From"] = current_app.config.get("MAIL_DEFAULT_SENDER", "legalnet@localhost")
    message["To"] = email.to_address
    message["Subject"] = email.subject
    message["Message-ID"] = email.message_id or f"<outbox-{email.id}@legalnet>"
    message.set_content(email.body)
    return message


def smtp_transport(message: EmailMessage) -> None:
    """Send one message over SMTP with the MAIL_* settings."""
    config = current_app.config
    with smtplib.SMTP(config["MAIL_SERVER"], int(config.get("MAIL_PORT", 587)), timeout=SMTP_TIMEOUT_SECONDS) as smtp:
        if config.get("MAIL_USE_TLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD", ""))
        smtp.send_message(message)


def log_transport(message: EmailMessage) -> None:
    """Development delivery: print the e-mail to the log."""
    log.info("E-mail to %s: %s\n%s", message["To"], message["Subject"], message.get_content())


def default_transport() -> Transport:
    """A transport set on the app (tests), else SMTP when MAIL_SERVER is set, else the log."""
    override = current_app.extensions.get("outbox_transport")
    if override is not None:
        return override
    return smtp_transport if current_app.config.get("MAIL_SERVER") else log_transport


def reclaim_stale(stale_after: timedelta, max_attempts: int) -> int:
    """Give e-mails stuck in `sending` (their sender died) back to the queue, or fail them when they
    have had all their attempts; returns how many were taken back."""
    cutoff = utcnow() - stale_after
    stuck = (OutboxEmail.status == OutboxStatus.SENDING, OutboxEmail.claimed_at < cutoff)
    db.session.execute(
        update(OutboxEmail).where(*stuck, OutboxEmail.attempts >= max_attempts)
        .values(status=OutboxStatus.FAILED, claim_token=None, last_error="gave up: sender stopped while sending"),
        execution_options={"synchronize_session": False},
    )
    result = db.session.execute(
        update(OutboxEmail).where(*stuck).values(status=OutboxStatus.PENDING, claim_token=None,
                                                 next_attempt_at=utcnow()),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()
    return result.rowcount or 0


def claim(email_id: int, token: str) -> bool:
    """Take one due e-mail for this sender; False when another sender already has it."""
    now = utcnow()
    result = db.session.execute(
        update(OutboxEmail)
        .where(OutboxEmail.id == email_id, OutboxEmail.status == OutboxStatus.PENDING,
               OutboxEmail.next_attempt_at <= now)
        .values(status=OutboxStatus.SENDING, claim_token=token, claimed_at=now, attempts=OutboxEmail.attempts + 1),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()
    return result.rowcount == 1


def send_pending(transport: Transport | None = None, batch_size: int = 100, max_attempts: int | None = None,
                 retry_seconds: float | None = None, stale_after: timedelta | None = None) -> dict[str, int]:
    """Deliver every due e-mail once; returns counts of sent, retried and failed e-mails."""
    config = current_app.config
    transport = transport or default_transport()
    max_attempts = max_attempts or int(config.get("OUTBOX_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS))
    retry_seconds = retry_seconds if retry_seconds is not None else float(
        config.get("OUTBOX_RETRY_SECONDS", DEFAULT_RETRY_SECONDS))
    stale_after = stale_after or timedelta(seconds=float(config.get("OUTBOX_STALE_SECONDS", DEFAULT_STALE_SECONDS)))
    counts = {"sent": 0, "retry": 0, "failed": 0, "reclaimed": reclaim_stale(stale_after, max_attempts)}
    token = secrets.token_hex(16)
    tried: set[int] = set()
    while True:
        due = [i for i in db.session.scalars(
            select(OutboxEmail.id).where(OutboxEmail.status == OutboxStatus.PENDING,
                                         OutboxEmail.next_attempt_at <= utcnow())
            .order_by(OutboxEmail.next_attempt_at, OutboxEmail.id).limit(batch_size + len(tried))
        ) if i not in tried]
        db.session.rollback()
        if not due:
            break
        for email_id in due:
            tried.add(email_id)
            if claim(email_id, token):
                counts[deliver(email_id, token, transport, max_attempts, retry_seconds)] += 1
    return counts


def deliver(email_id: int, token: str, transport: Transport, max_attempts: int, retry_seconds: float) -> str:
    """Send one claimed e-mail and record the result; returns 'sent', 'retry' or 'failed'."""
    email = db.session.scalar(select(OutboxEmail).where(OutboxEmail.id == email_id,
                                                        OutboxEmail.claim_token == token))
    if email is None:  # taken back as stale by another sender meanwhile
        return "retry"
    try:
        transport(build_message(email))
    except Exception as error:  # any delivery failure is retried later; the run goes on
        log.warning("Sending e-mail %s to %s failed: %s", email.id, email.to_address, error)
        gave_up = email.attempts >= max_attempts
        values = {"status": OutboxStatus.FAILED if gave_up else OutboxStatus.PENDING, "claim_token": None,
                  "last_error": f"{type(error).__name__}: {error}"[:2000]}
        if not gave_up:
            values["next_attempt_at"] = utcnow() + timedelta(seconds=retry_seconds * 2 ** (email.attempts - 1))
        outcome = "failed" if gave_up else "retry"
    else:
        values = {"status": OutboxStatus.SENT, "sent_at": utcnow(), "claim_token": None, "last_error": ""}
        outcome = "sent"
    db.session.execute(
        update(OutboxEmail).where(OutboxEmail.id == email_id, OutboxEmail.claim_token == token).values(**values),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()
    return outcome
