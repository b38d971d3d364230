"""What the centre records about personal-data duties: consents given at intake (to which version of which
notice, in which language, when) and erasures (who was erased, by whom, why)."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from legalnet.core.models import utcnow
from legalnet.extensions import db


class Consent(db.Model):
    """A person's agreement to a versioned notice, e.g. sharing a request with firms in other jurisdictions."""

    __tablename__ = "consents"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("legal_requests.id", ondelete="SET NULL"), index=True)
    notice: Mapped[str] = mapped_column(String(40))
    notice_version: Mapped[str] = mapped_column(String(20))
    # The interface language the notice was shown in.
    locale: Mapped[str] = mapped_column(String(10))
    # What the notice asks agreement to, as codes (e.g. share_with_matched_firms, cross_border_transfer).
    scopes: Mapped[list[str]] = mapped_column(JSON, default=list)
    channel: Mapped[str] = mapped_column(String(10), default="web")
    agreed_at: Mapped[datetime] = mapped_column(default=utcnow)


class Erasure(db.Model):
    """The record that a person's identifying data was replaced by a pseudonym."""

    __tablename__ = "erasures"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), unique=True)
    pseudonym: Mapped[str] = mapped_column(String(64))
    erased_at: Mapped[datetime] = mapped_column(default=utcnow)
    erased_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text, default="")
    # How many stored values held the person's name or e-mail and were rewritten.
    replaced: Mapped[int] = mapped_column(default=0)
