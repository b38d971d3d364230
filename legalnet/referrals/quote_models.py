"""A firm's quote for a request: asked for by the client from up to three shortlisted firms, each through
an offer in quote mode, answered by the firm, compared and accepted by the client."""

import enum
from datetime import date, datetime

from sqlalchemy import BigInteger, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from legalnet.core.models import enum_column, utcnow
from legalnet.extensions import db


class FeeBasis(enum.StrEnum):
    """How the quoted fee is worked out."""

    FIXED = "fixed"
    HOURLY = "hourly"  # an hourly rate, with an estimate of the total
    CAPPED = "capped"  # hourly or staged, never above the amount
    SUCCESS = "success"  # depends on the outcome; only where every jurisdiction of the request allows it


class Quote(db.Model):
    """The quote asked of one firm through one offer; empty until the firm answers.

    Where it stands follows from its offer: open and unanswered (asked), open and answered (quoted), accepted,
    declined, expired, or withdrawn (released when the client chose another quote). Amounts are integers of
    the currency's minor unit (see legalnet.referrals.fees)."""

    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(primary_key=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offers.id", ondelete="CASCADE"), unique=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("legal_requests.id", ondelete="CASCADE"), index=True)
    firm_id: Mapped[int] = mapped_column(ForeignKey("firms.id"), index=True)
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    fee_basis: Mapped[FeeBasis | None] = mapped_column(enum_column(FeeBasis))
    currency: Mapped[str] = mapped_column(String(3), default="")
    amount_low: Mapped[int | None] = mapped_column(BigInteger)
    # Set only when the firm quotes a range.
    amount_high: Mapped[int | None] = mapped_column(BigInteger)
    hourly_rate: Mapped[int | None] = mapped_column(BigInteger)
    success_percent: Mapped[int | None]
    estimated_hours: Mapped[int | None]
    scope: Mapped[str] = mapped_column(Text, default="")
    exclusions: Mapped[str] = mapped_column(Text, default="")
    valid_until: Mapped[date | None]
    submitted_at: Mapped[datetime | None]
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    accepted_at: Mapped[datetime | None]

    offer: Mapped["Offer"] = relationship(  # noqa: F821
        backref=backref("quote", uselist=False, cascade="all, delete-orphan"))
    firm: Mapped["Firm"] = relationship()  # noqa: F821

    @property
    def answered(self) -> bool:
        """The firm has sent its quote."""
        return self.submitted_at is not None
