"""In-app notifications and the outbox of e-mails waiting to be sent."""

import enum
import uuid
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legalnet.core.models import enum_column, utcnow
from legalnet.extensions import db


class Notification(db.Model):
    """Something a user should see or act on."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_unread", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    message: Mapped[str] = mapped_column(String(500))
    # The notice in every language of the interface, so that it reads in whatever language the user
    # has switched to since; `message` is the text in the user's language when it was sent.
    translations: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    link: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]

    user: Mapped["User"] = relationship()  # noqa: F821

    def text_in(self, locale: str) -> str:
        """The notice in `locale`, or as it was sent when that language is not stored."""
        return (self.translations or {}).get(str(locale)) or self.message


def unread_of(user_id):
    """The condition for the unread notifications of a user (an id, or a column holding one)."""
    return (Notification.user_id == user_id) & Notification.read_at.is_(None)


class OutboxStatus(enum.StrEnum):
    """Delivery state of an outbox e-mail."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


def new_message_id() -> str:
    """A Message-ID made once for an outbox row and kept through every retry, so receivers can drop a duplicate."""
    return f"<{uuid.uuid4().hex}@legalnet>"


class OutboxEmail(db.Model):
    """An e-mail to deliver; `flask outbox send` claims, sends and marks it (at least once, see mailer)."""

    __tablename__ = "outbox_emails"
    __table_args__ = (Index("ix_outbox_emails_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    to_address: Mapped[str] = mapped_column(String(255))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(40), default="")
    message_id: Mapped[str] = mapped_column(String(255), default=new_message_id)
    status: Mapped[OutboxStatus] = mapped_column(enum_column(OutboxStatus), default=OutboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_at: Mapped[datetime | None]
    claim_token: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
