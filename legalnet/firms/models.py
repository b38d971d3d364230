"""Member firms with their coverage (jurisdictions, areas, languages), offices, lawyers and conflict register."""

import enum
from datetime import date, datetime, time

from sqlalchemy import DDL, JSON, ForeignKey, Index, String, Text, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Mapped, mapped_column, relationship

from legalnet.core.models import enum_column, utcnow
from legalnet.extensions import db


class FirmStatus(enum.StrEnum):
    """Membership status; only active firms are listed, matched and offered work."""

    APPLICANT = "applicant"
    ACTIVE = "active"
    SUSPENDED = "suspended"
    LAPSED = "lapsed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Firm(db.Model):
    """A member law firm (or an applicant to membership)."""

    __tablename__ = "firms"
    # Trigram index of the normalised names for the directory search (PostgreSQL with pg_trgm only).
    __table_args__ = (
        # The directory lists active firms by name a page at a time: read in index order, never sorted whole.
        Index("ix_firms_status_search_name", "status", "search_name", "id"),
        Index("ix_firms_search_name_trgm", "search_name", postgresql_using="gin",
              postgresql_ops={"search_name": "gin_trgm_ops"}).ddl_if(dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    local_name: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(255), unique=True)
    country: Mapped[str] = mapped_column(String(80), default="")
    website: Mapped[str] = mapped_column(String(255), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    status: Mapped[FirmStatus] = mapped_column(enum_column(FirmStatus), default=FirmStatus.APPLICANT, index=True)
    renewal_date: Mapped[date | None] = mapped_column(index=True)
    capacity: Mapped[int] = mapped_column(default=5)
    # The text the firm typed, kept beside the resolved codes so nothing it said is lost.
    raw_jurisdictions: Mapped[list[str]] = mapped_column(JSON, default=list)
    raw_practice_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    raw_languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Derived on every write (legalnet/firms/derived.py): normalised names for the directory's index, and the
    # coverage codes as ",CN,HK," so matching reads them with the firm instead of aggregating per candidate.
    search_name: Mapped[str] = mapped_column(String(500), default="", server_default="")
    jurisdiction_list: Mapped[str] = mapped_column(String(200), default="", server_default="")
    practice_area_list: Mapped[str] = mapped_column(String(1200), default="", server_default="")
    language_list: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # Track record, kept up to date by the referral services so matching never aggregates per request.
    open_cases: Mapped[int] = mapped_column(default=0)
    offers_accepted: Mapped[int] = mapped_column(default=0)
    offers_declined: Mapped[int] = mapped_column(default=0)
    offers_expired: Mapped[int] = mapped_column(default=0)
    response_hours_total: Mapped[float] = mapped_column(default=0.0)
    rating_total: Mapped[int] = mapped_column(default=0)
    rating_count: Mapped[int] = mapped_column(default=0)
    last_referred_at: Mapped[datetime | None]
    recent_referrals: Mapped[int] = mapped_column(default=0)
    # Set by staff: the firm's admins must sign in with a second factor.
    require_admin_two_factor: Mapped[bool] = mapped_column(default=False)
    # The clock of the firm's offer deadlines (legalnet/firms/hours.py); empty means the default of the
    # firm's jurisdiction (its main time zone) and 09:00-18:00.
    time_zone: Mapped[str | None] = mapped_column(String(64))
    office_opens: Mapped[time | None]
    office_closes: Mapped[time | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    jurisdictions: Mapped[list["FirmJurisdiction"]] = relationship(
        cascade="all, delete-orphan", back_populates="firm"
    )
    practice_areas: Mapped[list["FirmPracticeArea"]] = relationship(
        cascade="all, delete-orphan", back_populates="firm"
    )
    languages: Mapped[list["FirmLanguage"]] = relationship(cascade="all, delete-orphan", back_populates="firm")
    conflict_parties: Mapped[list["ConflictParty"]] = relationship(
        cascade="all, delete-orphan", back_populates="firm", order_by="ConflictParty.name"
    )
    offices: Mapped[list["Office"]] = relationship(cascade="all, delete-orphan", back_populates="firm")
    lawyers: Mapped[list["Lawyer"]] = relationship(
        cascade="all, delete-orphan", back_populates="firm", order_by="Lawyer.name"
    )
    users: Mapped[list["User"]] = relationship(back_populates="firm")  # noqa: F821

    def _codes(self, kind: str, column: str) -> list[str]:
        # The loaded rows when a service is changing them; otherwise the stored list, which saves pages and
        # API lists a query per kind (it is rewritten from the rows before every flush).
        if kind in self.__dict__:
            return [row.code for row in self.__dict__[kind]]
        return [code for code in (getattr(self, column) or "").split(",") if code]

    @property
    def jurisdiction_codes(self) -> list[str]:
        """Codes of the jurisdictions the firm practises in."""
        return self._codes("jurisdictions", "jurisdiction_list")

    @property
    def practice_area_codes(self) -> list[str]:
        """Slugs of the firm's practice areas."""
        return self._codes("practice_areas", "practice_area_list")

    @property
    def language_codes(self) -> list[str]:
        """Codes of the languages the firm works in."""
        return self._codes("languages", "language_list")

    @property
    def is_active_member(self) -> bool:
        """Only active members are listed, matched and offered work."""
        return self.status == FirmStatus.ACTIVE

    @property
    def is_applicant(self) -> bool:
        """The firm has applied and waits for the centre's decision."""
        return self.status == FirmStatus.APPLICANT


# A schema built from the models (tests, benchmarks) needs the extension before the trigram index; the
# migration creates it too and falls back to a plain search where it may not.
event.listen(Firm.__table__, "before_create",
             DDL("CREATE EXTENSION IF NOT EXISTS pg_trgm").execute_if(dialect="postgresql"))

# On SQLite the directory's trigram index is an FTS5 table over firms.search_name, kept in step by triggers.
# It is not a model (Alembic cannot describe it): migration 0009 creates it, and so does this hook for a
# schema built from the models. Builds of SQLite without FTS5's trigram tokenizer go without it.
SQLITE_NAME_INDEX = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS firm_names USING fts5(search_name, content='firms', content_rowid='id', "
    "tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS firm_names_insert AFTER INSERT ON firms BEGIN "
    "INSERT INTO firm_names(rowid, search_name) VALUES (new.id, new.search_name); END",
    "CREATE TRIGGER IF NOT EXISTS firm_names_delete AFTER DELETE ON firms BEGIN "
    "INSERT INTO firm_names(firm_names, rowid, search_name) VALUES ('delete', old.id, old.search_name); END",
    "CREATE TRIGGER IF NOT EXISTS firm_names_update AFTER UPDATE OF search_name ON firms BEGIN "
    "INSERT INTO firm_names(firm_names, rowid, search_name) VALUES ('delete', old.id, old.search_name); "
    "INSERT INTO firm_names(rowid, search_name) VALUES (new.id, new.search_name); END",
    "INSERT INTO firm_names(firm_names) VALUES ('rebuild')",
)


@event.listens_for(Firm.__table__, "after_create")
def _create_sqlite_name_index(_table, connection, **_kw) -> None:
    if connection.dialect.name != "sqlite":
        return
    try:
        with connection.begin_nested():
            for statement in SQLITE_NAME_INDEX:
                connection.exec_driver_sql(statement)
    except OperationalError:
        pass  # no FTS5 trigram tokenizer in this SQLite: the directory filters names without it


class FirmJurisdiction(db.Model):
    """A jurisdiction a firm practises in (ISO 3166-1 alpha-2)."""

    __tablename__ = "firm_jurisdictions"
    __table_args__ = (Index("ix_firm_jurisdictions_code_firm", "code", "firm_id"),)

    firm_id: Mapped[int] = mapped_column(ForeignKey("firms.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    firm: Mapped[Firm] = relationship(back_populates="jurisdictions")


class FirmPracticeArea(db.Model):
    """A practice area of a firm, by slug."""

    __tablename__ = "firm_practice_areas"
    __table_args__ = (Index("ix_firm_practice_areas_code_firm", "code", "firm_id"),)

    firm_id: Mapped[int] = mapped_column(ForeignKey("firms.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    firm: Mapped[Firm] = relationship(back_populates="practice_areas")


class FirmLanguage(db.Model):
    """A working language of a firm (ISO 639)."""

    __tablename__ = "firm_languages"
    __table_args__ = (Index("ix_firm_languages_code_firm", "code", "firm_id"),)

    firm_id: Mapped[int] = mapped_column(ForeignKey("firms.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    firm: Mapped[Firm] = relationship(back_populates="languages")


class ConflictParty(db.Model):
    """A party the firm acts for or against, screened against requests' counterparties."""

    __tablename__ = "conflict_parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    firm_id: Mapped[int] = mapped_column(ForeignKey("firms.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    normalized_name: Mapped[str] = mapped_column(String(300), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    firm: Mapped[Firm] = relationship(back_populates="conflict_parties")


class Office(db.Model):
    """An office of a firm."""

    __tablename__ = "offices"

    id: Mapped[int] = mapped_column(primary_key=True)
    firm_id: Mapped[int] = mapped_column(ForeignKey("firms.id", ondelete="CASCADE"), index=True)
    city: Mapped[str] = mapped_column(String(120))
    jurisdiction: Mapped[str] = mapped_column(String(8))
    address: Mapped[str] = mapped_column(String(500), default="")
    firm: Mapped[Firm] = relationship(back_populates="offices")


class Lawyer(db.Model):
    """A lawyer of a firm, with the bars that admitted them."""

    __tablename__ = "lawyers"

    id: Mapped[int] = mapped_column(primary_key=True)
    firm_id: Mapped[int] = mapped_column(ForeignKey("firms.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(255), default="")
    title: Mapped[str] = mapped_column(String(120), default="")
    firm: Mapped[Firm] = relationship(back_populates="lawyers")
    bar_admissions: Mapped[list["BarAdmission"]] = relationship(
        cascade="all, delete-orphan", back_populates="lawyer"
    )


class BarAdmission(db.Model):
    """Admission of a lawyer to the bar of a jurisdiction."""

    __tablename__ = "bar_admissions"

    id: Mapped[int] = mapped_column(primary_key=True)
    lawyer_id: Mapped[int] = mapped_column(ForeignKey("lawyers.id", ondelete="CASCADE"), index=True)
    jurisdiction: Mapped[str] = mapped_column(String(8))
    registration_number: Mapped[str] = mapped_column(String(80), default="")
    admitted_year: Mapped[int | None]
    lawyer: Mapped[Lawyer] = relationship(back_populates="bar_admissions")
