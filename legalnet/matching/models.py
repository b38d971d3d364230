"""The stored shortlist of a request: one row per firm the matcher ranked, with its score and reasons."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legalnet.core.models import utcnow
from legalnet.extensions import db


class Match(db.Model):
    """A shortlist entry: firm, rank, score, component scores, reasons and the conflict-screen result."""

    __tablename__ = "matches"
    __table_args__ = (UniqueConstraint("request_id", "firm_id", name="uq_matches_request_firm"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("legal_requests.id", ondelete="CASCADE"), index=True)
    firm_id: Mapped[int] = mapped_column(ForeignKey("firms.id", ondelete="CASCADE"), index=True)
    rank: Mapped[int]
    score: Mapped[float]
    components: Mapped[dict] = mapped_column(JSON, default=dict)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The same reasons as [code, parameters] pairs, rendered in the reader's language; empty on older rows,
    # whose pages fall back to the English `reasons`.
    reason_codes: Mapped[list] = mapped_column(JSON, default=list, server_default="[]")
    conflict: Mapped[bool] = mapped_column(default=False)
    conflict_with: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    request: Mapped["LegalRequest"] = relationship(back_populates="matches")  # noqa: F821
    firm: Mapped["Firm"] = relationship()  # noqa: F821
