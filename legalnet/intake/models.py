"""Client requests for legal help: what was asked, what it was understood as, and where it stands."""

import enum
from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legalnet.core.models import enum_column, utcnow
from legalnet.extensions import db


class RequestStatus(enum.StrEnum):
    """Where a request is in its life; the allowed moves are in legalnet.referrals.states."""

    SUBMITTED = "submitted"
    MATCHED = "matched"
    NEEDS_REVIEW = "needs_review"
    REFERRED = "referred"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    ON_HOLD = "on_hold"
    CLOSED = "closed"
    CANCELLED = "cancelled"


# A request in one of these states is a case: a firm accepted it.
CASE_STATUSES = (RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS, RequestStatus.ON_HOLD, RequestStatus.CLOSED)
# A request in one of these states can still be referred, picked or cancelled.
OPEN_STATUSES = (RequestStatus.SUBMITTED, RequestStatus.MATCHED, RequestStatus.NEEDS_REVIEW, RequestStatus.REFERRED)


class Urgency(enum.StrEnum):
    """How fast the client needs an answer; decides the offers' respond-by time."""

    STANDARD = "standard"
    URGENT = "urgent"


class Outcome(enum.StrEnum):
    """How a case ended."""

    RESOLVED = "resolved"
    WITHDRAWN = "withdrawn"
    NO_ENGAGEMENT = "no_engagement"


class LegalRequest(db.Model):
    """A client organisation's request for a lawyer, and, once a firm accepts it, the case."""

    __tablename__ = "legal_requests"
    __table_args__ = (Index("ix_legal_requests_org_created", "organisation_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Derived from the id right after the first flush, so it is unique without a counter table.
    reference: Mapped[str | None] = mapped_column(String(20), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    # The short summary the client approved at intake: all of the text a firm reads before it accepts.
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    # What the client typed or picked, kept beside the codes it was resolved to.
    raw_jurisdictions: Mapped[list[str]] = mapped_column(JSON, default=list)
    raw_practice_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    raw_languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    jurisdictions: Mapped[list[str]] = mapped_column(JSON, default=list)
    practice_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    unresolved: Mapped[list[str]] = mapped_column(JSON, default=list)
    counterparties: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Parties named in the title or description that the client confirmed on the Check step; screened with
    # the ones listed in `counterparties`.
    found_counterparties: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    urgency: Mapped[Urgency] = mapped_column(enum_column(Urgency), default=Urgency.STANDARD)
    budget_amount: Mapped[int | None]
    budget_currency: Mapped[str] = mapped_column(String(3), default="")
    deadline: Mapped[date | None]
    consent_to_share: Mapped[bool] = mapped_column(default=False)
    status: Mapped[RequestStatus] = mapped_column(
        enum_column(RequestStatus), default=RequestStatus.SUBMITTED, index=True
    )
    # A proposed team when no single firm covers every jurisdiction: [{jurisdiction, firm_id, firm_name}].
    team: Mapped[list[dict]] = mapped_column(JSON, default=list)
    left_to_centre: Mapped[bool] = mapped_column(default=False)
    outcome: Mapped[Outcome | None] = mapped_column(enum_column(Outcome))
    closed_at: Mapped[datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # The fee finally charged, recorded (optionally) at closing, in minor units (see legalnet.referrals.fees).
    final_fee: Mapped[int | None] = mapped_column(BigInteger)
    final_fee_currency: Mapped[str] = mapped_column(String(3), default="", server_default="")
    accepted_at: Mapped[datetime | None]
    # When the retention sweep removed the case's personal data (see legalnet.privacy).
    anonymised_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    organisation: Mapped["Organisation"] = relationship()  # noqa: F821
    created_by: Mapped["User | None"] = relationship(foreign_keys=[created_by_id])  # noqa: F821
    matches: Mapped[list["Match"]] = relationship(  # noqa: F821
        back_populates="request", order_by="Match.rank", cascade="all, delete-orphan"
    )
    offers: Mapped[list["Offer"]] = relationship(  # noqa: F821
        back_populates="request", order_by="Offer.id", cascade="all, delete-orphan"
    )

    @property
    def screened_counterparties(self) -> list[str]:
        """Every name the conflict screen compares: the listed counterparties, then those found in the text."""
        return [*self.counterparties, *[name for name in self.found_counterparties or []
                                        if name not in self.counterparties]]

    @property
    def awaits_choice(self) -> bool:
        """The shortlist is ready and the client has not chosen a firm yet."""
        return self.status == RequestStatus.MATCHED

    @property
    def needs_review(self) -> bool:
        """The request waits in the staff queue."""
        return self.status == RequestStatus.NEEDS_REVIEW

    @property
    def is_referred(self) -> bool:
        """An offer is out and no firm has accepted yet."""
        return self.status == RequestStatus.REFERRED

    @property
    def can_be_referred(self) -> bool:
        """Staff may still send the request to a firm: before any firm has accepted it."""
        return self.status in (RequestStatus.MATCHED, RequestStatus.NEEDS_REVIEW, RequestStatus.REFERRED)

    @property
    def is_case(self) -> bool:
        """A firm has accepted the request."""
        return self.status in CASE_STATUSES

    @property
    def is_open_case(self) -> bool:
        """A firm has accepted the request and the case is not closed yet."""
        return self.is_case and self.status != RequestStatus.CLOSED

    @property
    def accepted_offer(self):
        """The offer a firm accepted, if any; on a team case, the lead firm's part."""
        accepted = [o for o in self.offers if o.status == "accepted"]
        return next((o for o in accepted if o.lead), accepted[0] if accepted else None)

    @property
    def open_offers(self) -> list:
        """Offers waiting for a firm's answer."""
        return [o for o in self.offers if o.status == "offered"]
