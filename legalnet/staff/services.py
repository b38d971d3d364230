"""Queries behind the staff console: member lists and their filters, the CSV export, the audit log."""

from datetime import date, timedelta

from babel.dates import get_timezone_name
from flask_babel import get_locale, get_timezone
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_
from sqlalchemy.orm import selectinload

from legalnet.accounts.models import Role
from legalnet.core import audit
from legalnet.core.audit import AuditLog
from legalnet.core.csvsafe import csv_text
from legalnet.core.i18n import label_text
from legalnet.extensions import db
from legalnet.firms.models import Firm, FirmJurisdiction, FirmStatus

ROLE_LABELS = {
    Role.CLIENT: _l("Client"),
    Role.FIRM_ADMIN: _l("Firm admin"),
    Role.FIRM_LAWYER: _l("Firm lawyer"),
    Role.STAFF: _l("Centre staff"),
    Role.STAFF_ADMIN: _l("Centre staff administrator"),
}

# Renewal filters: name → (days from today the renewal date may reach, whether only overdue).
RENEWAL_WINDOWS = {"overdue": 0, "30": 30, "90": 90}
EXPORT_COLUMNS = ["id", "name", "local_name", "email", "country", "status", "renewal_date", "jurisdictions",
                  "practice_areas", "languages", "capacity", "open_cases", "website", "phone", "created_at"]


def time_zone_name() -> str:
    """The readable name of the zone pages show times in (BABEL_DEFAULT_TIMEZONE), e.g. "Hong Kong Time"."""
    return get_timezone_name(get_timezone(), locale=get_locale() or "en")


def role_label(role) -> str:
    """The translated name of a user's role."""
    return label_text(ROLE_LABELS, Role(role))


def firms_query(status: str = "", jurisdiction: str = "", renewal: str = "", query: str = "",
                today: date | None = None):
    """Firms by status, jurisdiction, renewal due and name or e-mail, ordered by name."""
    today = today or date.today()
    # The list shows each firm's jurisdictions: load them for the whole page in one query.
    stmt = db.select(Firm).order_by(func.lower(Firm.name), Firm.id).options(selectinload(Firm.jurisdictions))
    if status in {s.value for s in FirmStatus}:
        stmt = stmt.where(Firm.status == FirmStatus(status))
    if jurisdiction:
        stmt = stmt.where(
            db.select(FirmJurisdiction.firm_id)
            .where(FirmJurisdiction.firm_id == Firm.id, FirmJurisdiction.code == jurisdiction)
            .exists()
        )
    if renewal == "overdue":
        stmt = stmt.where(Firm.renewal_date < today)
    elif renewal in RENEWAL_WINDOWS:
        stmt = stmt.where(Firm.renewal_date >= today, Firm.renewal_date <= today + timedelta(
            days=RENEWAL_WINDOWS[renewal]))
    if query:
        like = contains_pattern(query)
        stmt = stmt.where(or_(Firm.name.ilike(like, escape="\\"), Firm.local_name.ilike(like, escape="\\"),
                              Firm.email.ilike(like, escape="\\")))
    return stmt


def contains_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, with its own % and _ taken literally (escape character \\)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def applications_query():
    """Pending applications, oldest first, so that nobody waits longest."""
    return (
        db.select(Firm)
        .where(Firm.status == FirmStatus.APPLICANT)
        .order_by(Firm.created_at, Firm.id)
        .options(selectinload(Firm.jurisdictions), selectinload(Firm.practice_areas))
    )


def firms_csv(stmt) -> str:
    """The firms the statement selects, as CSV text with one row per firm (formula-safe cells)."""
    stmt = stmt.options(selectinload(Firm.jurisdictions), selectinload(Firm.practice_areas),
                        selectinload(Firm.languages))
    rows = (
        [firm.id, firm.name, firm.local_name or "", firm.email, firm.country, firm.status.value,
         firm.renewal_date.isoformat() if firm.renewal_date else "",
         ";".join(sorted(firm.jurisdiction_codes)),
         ";".join(sorted(firm.practice_area_codes)), ";".join(sorted(firm.language_codes)),
         firm.capacity, firm.open_cases,
         firm.website, firm.phone, firm.created_at.isoformat(timespec="seconds")]
        for firm in db.session.scalars(stmt)
    )
    return csv_text(EXPORT_COLUMNS, rows)


def audit_query(text: str = "", action: str = "", subject_type: str = "", subject_id: int | None = None):
    """Audit entries, newest first, filtered by free text, action (or action prefix) and subject."""
    stmt = db.select(AuditLog).order_by(AuditLog.created_at.desc(), AuditLog.id.desc())
    if text:
        like = contains_pattern(text)
        stmt = stmt.where(or_(*(column.ilike(like, escape="\\") for column in (
            AuditLog.action, AuditLog.actor_email, AuditLog.summary, AuditLog.reason))))
    if action:
        # "firm." selects every firm action; a full name selects exactly that action.
        stmt = stmt.where(AuditLog.action.startswith(action) if action.endswith(".") else AuditLog.action == action)
    if subject_type:
        stmt = stmt.where(AuditLog.subject_type == subject_type)
    if subject_id is not None:
        stmt = stmt.where(AuditLog.subject_id == subject_id)
    return stmt


def audit_actions() -> list[str]:
    """Every action name recorded so far, for the filter list."""
    return list(db.session.scalars(db.select(AuditLog.action).distinct().order_by(AuditLog.action)))


def audit_subject_types() -> list[str]:
    """Every kind of subject recorded so far, for the filter list."""
    return [t for t in db.session.scalars(db.select(AuditLog.subject_type).distinct().order_by(
        AuditLog.subject_type)) if t]


def firm_history(firm: Firm, limit: int = 50) -> list[AuditLog]:
    """The latest audit entries about one firm."""
    return list(db.session.scalars(audit_query(subject_type="firm", subject_id=firm.id).limit(limit)))


def set_admin_two_factor(actor, firm: Firm, required: bool) -> None:
    """Require (or stop requiring) two-factor sign-in of the firm's admins; an admin without it enrols at the
    next page they open."""
    if firm.require_admin_two_factor == required:
        return
    firm.require_admin_two_factor = required
    audit.record(actor, "firm.admin_two_factor_required" if required else "firm.admin_two_factor_optional", firm,
                 summary=firm.name)
