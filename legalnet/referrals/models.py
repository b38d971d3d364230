"""Offers of a request to a firm, and the case that follows: timeline, messages and feedback."""

import enum
from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legalnet.core.models import enum_column, utcnow
from legalnet.extensions import db


class OfferStatus(enum.StrEnum):
    """Where an offer stands; the allowed moves are in legalnet.referrals.states."""

    OFFERED = "offered"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


class OfferSource(enum.StrEnum):
    """Who chose the firm that got the offer."""

    CLIENT = "client"
    CENTRE = "centre"
    CASCADE = "cascade"
    STAFF = "staff"


class Offer(db.Model):
    """A referral of one request to one firm, with a respond-by deadline."""

    __tablename__ = "offers"
    __table_args__ = (
        # The backstop of the conditional UPDATE in accept_offer: one accepted offer per request, ever, or per
        # jurisdiction of a team referral (single-firm offers have an empty jurisdiction).
        Index(
            "uq_offers_one_accepted_per_part",
            "request_id",
            "jurisdiction",
            unique=True,
            sqlite_where=text("status = 'accepted'"),
            postgresql_where=text("status = 'accepted'"),
        ),
        Index("ix_offers_status_respond_by", "status", "respond_by"),
        Index("ix_offers_firm_status", "firm_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("legal_requests.id", ondelete="CASCADE"), index=True)
    firm_id: Mapped[int] = mapped_column(ForeignKey("firms.id"))
    status: Mapped[OfferStatus] = mapped_column(enum_column(OfferStatus), default=OfferStatus.OFFERED)
    source: Mapped[OfferSource] = mapped_column(enum_column(OfferSource), default=OfferSource.CLIENT)
    rank: Mapped[int | None]
    score: Mapped[float | None]
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The shortlist entry's reasons as [code, parameters] pairs (see Match.reason_codes).
    reason_codes: Mapped[list] = mapped_column(JSON, default=list, server_default="[]")
    # The platform's conflict screen for this firm, shown beside the firm's own check.
    conflict: Mapped[bool] = mapped_column(default=False)
    conflict_with: Mapped[list[str]] = mapped_column(JSON, default=list)
    offered_at: Mapped[datetime] = mapped_column(default=utcnow)
    respond_by: Mapped[datetime]
    # When the reminder is due: SLA_REMINDER_HOURS working hours before respond_by (empty on older offers,
    # which are reminded that many clock hours before).
    remind_at: Mapped[datetime | None]
    reminded_at: Mapped[datetime | None]
    responded_at: Mapped[datetime | None]
    responded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    offered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text, default="")
    # A team referral offers each jurisdiction of the request to a firm of its own (legalnet/referrals/teams.py):
    # the part's jurisdiction, whether its firm leads the team, and when the firm closed its part.
    jurisdiction: Mapped[str] = mapped_column(String(8), default="", server_default="")
    lead: Mapped[bool] = mapped_column(default=False, server_default=false())
    part_closed_at: Mapped[datetime | None]

    request: Mapped["LegalRequest"] = relationship(back_populates="offers")  # noqa: F821
    firm: Mapped["Firm"] = relationship()  # noqa: F821

    @property
    def is_open(self) -> bool:
        """The offer waits for the firm's answer."""
        return self.status == OfferStatus.OFFERED

    @property
    def is_accepted(self) -> bool:
        """The firm accepted the offer."""
        return self.status == OfferStatus.ACCEPTED


class Audience(enum.StrEnum):
    """Who may read a timeline event."""

    PARTIES = "parties"  # the client, the accepting firm and staff
    CLIENT = "client"  # the client and staff (e.g. offers made to other firms)
    FIRM = "firm"  # the firm named on the event only: its internal notes
    STAFF = "staff"  # staff only


class CaseEvent(db.Model):
    """One entry of a request's timeline; rows are only ever inserted."""

    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_request_created", "request_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("legal_requests.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    audience: Mapped[Audience] = mapped_column(enum_column(Audience), default=Audience.PARTIES)
    firm_id: Mapped[int | None] = mapped_column(ForeignKey("firms.id", ondelete="SET NULL"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"))
    # For events of the workflow, the English wording at the time; rows written before events had codes
    # hold the wording in the actor's language, and notes the text as typed.
    text: Mapped[str] = mapped_column(Text, default="")
    # The event's parameters (firm name, deadline, outcome...), rendered in the reader's language by
    # legalnet.referrals.events; empty on rows written before events had them.
    params: Mapped[dict] = mapped_column(JSON, default=dict, server_default="{}")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    actor: Mapped["User | None"] = relationship()  # noqa: F821
    message: Mapped["Message | None"] = relationship()


class Message(db.Model):
    """A message between the client and the firm on a case; staff can read it."""

    __tablename__ = "messages"
    __table_args__ = (Index("ix_messages_request_created", "request_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("legal_requests.id", ondelete="CASCADE"))
    sender_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    side: Mapped[str] = mapped_column(String(10))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    sender: Mapped["User | None"] = relationship()  # noqa: F821


class Feedback(db.Model):
    """The client's rating (1-5) and comment on a closed case."""

    __tablename__ = "feedback"
    __table_args__ = (CheckConstraint("rating >= 1 AND rating <= 5", name="rating_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("legal_requests.id", ondelete="CASCADE"), unique=True)
    firm_id: Mapped[int] = mapped_column(ForeignKey("firms.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    rating: Mapped[int]
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
