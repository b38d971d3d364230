"""Matching data in the database: the stored shortlist of a request (one row per firm the matcher ranked, with
its score and reasons), the terms requests left unresolved, and the aliases staff taught the vocabulary."""

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
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


class UnresolvedTerm(db.Model):
    """A term a request's client typed that the vocabulary could not read, kept so that staff can teach it."""

    __tablename__ = "unresolved_terms"
    __table_args__ = (Index("ix_unresolved_terms_kind_normalized", "kind", "normalized"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("legal_requests.id", ondelete="CASCADE"), index=True)
    # The list the term was typed in: jurisdictions, practice_areas or languages.
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(String(200))
    # The vocabulary's normal form, so that spellings differing only in case or width count as one term.
    normalized: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class TaughtAlias(db.Model):
    """An alias staff mapped to a vocabulary code. Undoing one marks it removed, so the history stays and
    every worker sees that something changed."""

    __tablename__ = "taught_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(40))
    alias: Mapped[str] = mapped_column(String(200))
    normalized: Mapped[str] = mapped_column(String(200), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    removed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    removed_at: Mapped[datetime | None]

    created_by: Mapped["User | None"] = relationship(foreign_keys=[created_by_id])  # noqa: F821
    removed_by: Mapped["User | None"] = relationship(foreign_keys=[removed_by_id])  # noqa: F821

    @property
    def active(self) -> bool:
        """The alias is in use (not undone)."""
        return self.removed_at is None
