"""Membership: applying, the firm's own profile, its offices, lawyers, conflict register and users. The state
machine lives in `membership`, the directory in `directory`; their names stay importable from here.

Every service flushes and never commits; the view (or the CLI command) commits once. Each change is
recorded in the audit log with its actor and reason.
"""

import csv
import re
from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import func

from legalnet.accounts import services as accounts
from legalnet.accounts.models import Role, User
from legalnet.core import audit
from legalnet.core.errors import NotAllowed, ValidationFailed
from legalnet.extensions import db
from legalnet.firms.derived import normalise_name  # noqa: F401

# The directory lives in its own module; its names stay importable from here for views and the API.
from legalnet.firms.directory import (
    DIRECTORY_PAGE_SIZE,  # noqa: F401
    KIND_FIELDS,  # noqa: F401
    NAME_CUTOFF,  # noqa: F401
    DirectoryPage,  # noqa: F401
    coverage_labels,  # noqa: F401
    directory_filter,  # noqa: F401
    name_score,  # noqa: F401
    public_firm,  # noqa: F401
    read_query,  # noqa: F401
    search_directory,  # noqa: F401
)

# The membership state machine lives in its own module; its names stay importable from here.
from legalnet.firms.membership import (
    ALL_BUT_WITHDRAWN,  # noqa: F401
    FIRM_NOTICES,  # noqa: F401
    FIRM_PAGE,  # noqa: F401
    MEMBERSHIP_TERM,  # noqa: F401
    STAFF_ACTIONS,  # noqa: F401
    STATUS_LABELS,  # noqa: F401
    TRANSITIONS,  # noqa: F401
    Transition,  # noqa: F401
    allowed_actions,  # noqa: F401
    approve,  # noqa: F401
    change_status,  # noqa: F401
    lapse_overdue_memberships,  # noqa: F401
    reinstate,  # noqa: F401
    reject,  # noqa: F401
    renew,  # noqa: F401
    status_label,  # noqa: F401
    suspend,  # noqa: F401
    withdraw,  # noqa: F401
)
from legalnet.firms.models import (
    BarAdmission,
    ConflictParty,
    Firm,
    FirmStatus,
    Lawyer,
    Office,
)
from legalnet.matching.services import (
    add_conflict_parties,
    label,
    remove_conflict_party,
    resolve_codes_or_text,
    set_firm_coverage,
)
from legalnet.matching.vocabulary import get_vocabulary
from legalnet.notifications.services import notify, page_path, staff_users

# ------------------------------------------------------------------------------------ parsing helpers


def split_items(text: str) -> list[str]:
    """Items typed in one box, separated by commas, semicolons, 、 or new lines."""
    return [item.strip() for item in re.split(r"[,;\n、，；]", text or "") if item.strip()]


def _jurisdiction_code(text: str) -> str | None:
    """The jurisdiction code for a code, name or city typed by the user, or None when it is not one."""
    codes = resolve_codes_or_text("jurisdictions", [(text or "").strip()]).codes
    return codes[0] if len(codes) == 1 else None


def country_code_or_text(text: str) -> str:
    """A firm's home country as its jurisdiction code when the text names one ("Vietnam", "越南" → "VN"), so
    that typed and imported firms agree; otherwise the text as typed."""
    text = (text or "").strip()
    return (_jurisdiction_code(text) or text) if text else ""


def country_label(value: str | None, locale: str | None = None) -> str:
    """A firm's home country for display: the label of its jurisdiction code, or the text as typed."""
    value = value or ""
    return label("jurisdictions", value, locale) if get_vocabulary().has("jurisdictions", value) else value


def _fields(line: str) -> list[str]:
    """Split one line into fields on semicolons, or on commas when there is no semicolon."""
    separator = ";" if ";" in line else ","
    return [part.strip() for part in line.split(separator)]


@dataclass
class OfficeInput:
    """An office read from the form."""

    city: str
    jurisdiction: str
    address: str = ""


@dataclass
class LawyerInput:
    """A lawyer with one bar admission, read from the form."""

    name: str
    jurisdiction: str
    registration_number: str = ""
    admitted_year: int | None = None


def parse_offices(text: str) -> list[OfficeInput]:
    """Offices typed one per line as `city; jurisdiction; address`; raises with the line number of a bad line."""
    offices = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        parts = _fields(line)
        if len(parts) < 2 or not parts[0] or not parts[1]:
            raise ValidationFailed(_("Offices, line %(n)d: write the city and the jurisdiction, e.g. "
                                     "\"Shenzhen; CN\".", n=number))
        code = _jurisdiction_code(parts[1])
        if code is None:
            raise ValidationFailed(_("Offices, line %(n)d: \"%(text)s\" is not a jurisdiction we cover.", n=number,
                                     text=parts[1]))
        offices.append(OfficeInput(parts[0][:120], code, "; ".join(p for p in parts[2:] if p)[:500]))
    return offices


def parse_year(text: str, context: str) -> int | None:
    """An admission year, or None when blank; raises on a year that cannot be right."""
    text = (text or "").strip()
    if not text:
        return None
    if not text.isdigit() or not 1900 <= int(text) <= date.today().year:
        raise ValidationFailed(_("%(context)s: \"%(text)s\" is not a year of admission.", context=context,
                                 text=text))
    return int(text)


def parse_bar_registrations(text: str) -> list[LawyerInput]:
    """Bar registrations typed one per line as `name; jurisdiction; registration number; year`."""
    lawyers = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        parts = _fields(line) + ["", ""]
        context = _("Bar registrations, line %(n)d", n=number)
        if not parts[0] or not parts[1]:
            raise ValidationFailed(_("%(context)s: write the lawyer's name and the jurisdiction of the bar.",
                                     context=context))
        code = _jurisdiction_code(parts[1])
        if code is None:
            raise ValidationFailed(_("%(context)s: \"%(text)s\" is not a jurisdiction we cover.", context=context,
                                     text=parts[1]))
        lawyers.append(LawyerInput(parts[0][:200], code, parts[2][:80], parse_year(parts[3], context)))
    return lawyers


def parse_admissions(text: str) -> list[tuple[str, str, int | None]]:
    """Bar admissions of one lawyer, one per line as `jurisdiction; registration number; year`."""
    admissions = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        parts = _fields(line) + ["", ""]
        context = _("Bar admissions, line %(n)d", n=number)
        code = _jurisdiction_code(parts[0])
        if code is None:
            raise ValidationFailed(_("%(context)s: \"%(text)s\" is not a jurisdiction we cover.", context=context,
                                     text=parts[0]))
        admissions.append((code, parts[1][:80], parse_year(parts[2], context)))
    return admissions


# ------------------------------------------------------------------------------------ applying


@dataclass
class Application:
    """What the public application form collects."""

    name: str
    email: str
    local_name: str = ""
    country: str = ""
    website: str = ""
    phone: str = ""
    description: str = ""
    jurisdictions: list[str] = field(default_factory=list)
    practice_areas: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    offices: str = ""
    bar_registrations: str = ""
    contact_name: str = ""
    contact_email: str = ""
    password: str = ""


def find_firm_by_email(email: str) -> Firm | None:
    """The firm registered with this e-mail address, if any."""
    return db.session.scalar(db.select(Firm).where(func.lower(Firm.email) == accounts.normalise_email(email)))


def apply_for_membership(application: Application):
    """Create an applicant firm, its first firm-admin account (unverified until its owner opens the link sent
    to the address) and tell staff; returns (firm, user, coverage). When the contact address already has an
    account, nothing is created, its owner is told by e-mail, and (None, None, None) comes back, so that the
    page answers as for any application."""
    if find_firm_by_email(application.email) is not None:
        raise ValidationFailed(_("A firm with this e-mail address has already applied or is a member."))
    if accounts.address_taken(application.contact_email, application.password) is not None:
        return None, None, None
    offices = parse_offices(application.offices)
    lawyers = parse_bar_registrations(application.bar_registrations)
    firm = Firm(
        name=application.name.strip(), local_name=application.local_name.strip() or None,
        email=accounts.normalise_email(application.email), country=country_code_or_text(application.country),
        website=application.website.strip(), phone=application.phone.strip(),
        description=application.description.strip(), status=FirmStatus.APPLICANT,
    )
    db.session.add(firm)
    firm.offices = [Office(city=o.city, jurisdiction=o.jurisdiction, address=o.address) for o in offices]
    firm.lawyers = _lawyers_from(lawyers)
    db.session.flush()
    coverage = set_firm_coverage(firm, application.jurisdictions, application.practice_areas, application.languages)
    if not coverage.resolved["jurisdictions"]:
        raise ValidationFailed(_("Name at least one jurisdiction your firm practises in that we recognise.")
                               + _suggestion_text(coverage))
    if not coverage.resolved["practice_areas"]:
        raise ValidationFailed(_("Name at least one practice area that we recognise.") + _suggestion_text(coverage))
    user = accounts.create_user(application.contact_email, application.contact_name, application.password,
                                Role.FIRM_ADMIN, verified=False, firm=firm)
    audit.record(user, "firm.applied", firm, summary=firm.name)
    accounts.send_verification(user)
    notify(staff_users(), "membership.application",
           lambda: _("New membership application from %(firm)s.", firm=firm.name),
           link=page_path("staff.firm_detail", firm_id=firm.id))
    return firm, user, coverage


def _lawyers_from(entries: list[LawyerInput]) -> list[Lawyer]:
    """Group bar registrations by lawyer name into Lawyer rows with their admissions."""
    by_name: dict[str, Lawyer] = {}
    for entry in entries:
        lawyer = by_name.setdefault(entry.name.casefold(), Lawyer(name=entry.name))
        lawyer.bar_admissions.append(BarAdmission(jurisdiction=entry.jurisdiction,
                                                  registration_number=entry.registration_number,
                                                  admitted_year=entry.admitted_year))
    return list(by_name.values())


def _suggestion_text(coverage) -> str:
    """The "did you mean …" hints for the terms that were not understood."""
    parts = [_("\"%(text)s\": did you mean %(options)s?", text=text, options=", ".join(options))
             for text, options in coverage.suggestions.items() if options]
    return (" " + " ".join(parts)) if parts else ""


# ------------------------------------------------------------------------------------ self-service


PROFILE_FIELDS = ("name", "local_name", "country", "website", "phone", "description", "capacity")


def update_profile(firm: Firm, actor: User, **values) -> list[str]:
    """Change the firm's profile fields; returns the names of the fields that changed."""
    changed = []
    for name in PROFILE_FIELDS:
        if name not in values:
            continue
        value = values[name]
        if value is None and name != "capacity":
            value = ""
        if isinstance(value, str):
            value = value.strip()
        if name == "local_name":
            value = value or None
        if name == "country":
            value = country_code_or_text(value)
        if name == "capacity" and (value is None or value < 0):
            raise ValidationFailed(_("Capacity is the number of open cases the firm can take: 0 or more."))
        if name == "name" and not value:
            raise ValidationFailed(_("The firm needs a name."))
        if getattr(firm, name) != value:
            setattr(firm, name, value)
            changed.append(name)
    if changed:
        audit.record(actor, "firm.profile_updated", firm, summary=", ".join(changed))
    db.session.flush()
    return changed


def update_coverage(firm: Firm, actor: User, jurisdictions: list[str], practice_areas: list[str],
                    languages: list[str]):
    """Replace the firm's coverage from picked codes and typed text; returns what was understood."""
    result = set_firm_coverage(firm, jurisdictions, practice_areas, languages)
    if not result.resolved["jurisdictions"]:
        raise ValidationFailed(_("Keep at least one jurisdiction we recognise; clients find firms by jurisdiction.")
                               + _suggestion_text(result))
    resolved = result.resolved
    audit.record(actor, "firm.coverage_updated", firm, summary="; ".join(
        ",".join(resolved[kind]) for kind in ("jurisdictions", "practice_areas", "languages")))
    db.session.flush()
    return result


def add_office(firm: Firm, actor: User, city: str, jurisdiction: str, address: str = "") -> Office:
    """Add an office to the firm."""
    if not city.strip() or not jurisdiction:
        raise ValidationFailed(_("An office needs a city and a jurisdiction."))
    office = Office(city=city.strip(), jurisdiction=jurisdiction, address=address.strip())
    firm.offices.append(office)
    db.session.flush()
    audit.record(actor, "firm.office_added", firm, summary=f"{office.city} ({office.jurisdiction})")
    return office


def _own(firm: Firm, model, object_id: int, attribute: str = "firm_id"):
    """Load an object of the firm by id; another firm's object is reported as not found."""
    obj = db.session.get(model, object_id)
    if obj is None or getattr(obj, attribute) != firm.id:
        raise NotAllowed(_("That item does not exist or belongs to another firm."))
    return obj


def remove_office(firm: Firm, actor: User, office_id: int) -> None:
    """Remove one of the firm's offices."""
    office = _own(firm, Office, office_id)
    firm.offices.remove(office)
    audit.record(actor, "firm.office_removed", firm, summary=f"{office.city} ({office.jurisdiction})")
    db.session.flush()


def add_lawyer(firm: Firm, actor: User, name: str, email: str = "", title: str = "",
               admissions: list[tuple[str, str, int | None]] = ()) -> Lawyer:
    """Add a lawyer with their bar admissions."""
    if not name.strip():
        raise ValidationFailed(_("A lawyer needs a name."))
    lawyer = Lawyer(name=name.strip(), email=accounts.normalise_email(email), title=title.strip())
    lawyer.bar_admissions = [BarAdmission(jurisdiction=j, registration_number=n, admitted_year=y)
                             for j, n, y in admissions]
    firm.lawyers.append(lawyer)
    db.session.flush()
    audit.record(actor, "firm.lawyer_added", firm, summary=lawyer.name)
    return lawyer


def remove_lawyer(firm: Firm, actor: User, lawyer_id: int) -> None:
    """Remove a lawyer and their bar admissions from the firm."""
    lawyer = _own(firm, Lawyer, lawyer_id)
    firm.lawyers.remove(lawyer)
    audit.record(actor, "firm.lawyer_removed", firm, summary=lawyer.name)
    db.session.flush()


def add_bar_admission(firm: Firm, actor: User, lawyer_id: int, jurisdiction: str, registration_number: str = "",
                      admitted_year: int | None = None) -> BarAdmission:
    """Add a bar admission to one of the firm's lawyers."""
    lawyer = _own(firm, Lawyer, lawyer_id)
    admission = BarAdmission(jurisdiction=jurisdiction, registration_number=registration_number.strip(),
                             admitted_year=admitted_year)
    lawyer.bar_admissions.append(admission)
    audit.record(actor, "firm.bar_admission_added", firm, summary=f"{lawyer.name}: {jurisdiction}")
    db.session.flush()
    return admission


def remove_bar_admission(firm: Firm, actor: User, admission_id: int) -> None:
    """Remove a bar admission of one of the firm's lawyers."""
    admission = db.session.get(BarAdmission, admission_id)
    if admission is None or admission.lawyer.firm_id != firm.id:
        raise NotAllowed(_("That item does not exist or belongs to another firm."))
    lawyer = admission.lawyer
    lawyer.bar_admissions.remove(admission)
    audit.record(actor, "firm.bar_admission_removed", firm, summary=f"{lawyer.name}: {admission.jurisdiction}")
    db.session.flush()


MAX_CONFLICT_UPLOAD = 2 * 1024 * 1024


def read_conflict_names(data: bytes) -> list[str]:
    """Names from an uploaded file: a CSV with a `name` column, or one name per line."""
    if len(data) > MAX_CONFLICT_UPLOAD:
        raise ValidationFailed(_("The file is larger than 2 MB; split it into smaller files."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationFailed(_("The file is not UTF-8 text. Save it as CSV UTF-8 and try again.")) from error
    lines = text.splitlines()
    if not lines:
        return []
    header = next(csv.reader([lines[0]]), [])
    columns = [h.strip().casefold() for h in header]
    if "name" in columns:
        index = columns.index("name")
        names = [row[index] for row in csv.reader(lines[1:]) if len(row) > index]
    else:
        names = lines
    return [name.strip() for name in names if name.strip()]


def add_conflicts(firm: Firm, actor: User, names: list[str]) -> int:
    """Add parties to the conflict register, skipping ones already there; returns how many were added."""
    names = [name.strip()[:300] for name in names if name and name.strip()]
    if not names:
        raise ValidationFailed(_("Give at least one name."))
    added = add_conflict_parties(firm, names)
    audit.record(actor, "firm.conflicts_added", firm, summary=_("%(added)d of %(given)d names added",
                                                                added=added, given=len(names)))
    db.session.flush()
    return added


def remove_conflict(firm: Firm, actor: User, party_id: int) -> None:
    """Remove one party from the conflict register."""
    party = _own(firm, ConflictParty, party_id)
    name = party.name
    remove_conflict_party(firm, party_id)
    audit.record(actor, "firm.conflict_removed", firm, summary=name)
    db.session.flush()


def invite_lawyer(firm: Firm, actor: User, name: str, email: str) -> User:
    """Create a firm-lawyer account without a password and send its owner the link to choose one (7 days)."""
    user = accounts.create_user(email, name, None, Role.FIRM_LAWYER, firm=firm)
    audit.record(actor, "user.invited", user, summary=f"{user.email} → {firm.name}")
    # A path: the e-mail makes it absolute with BASE_URL, the address people open the site at.
    link = page_path("accounts.set_password", token=accounts.password_token(user))
    notify(user, "account.invited", lambda: _(
        "%(name)s invited you to legalnet for %(firm)s. Choose your password within 7 days.",
        name=actor.name, firm=firm.name), link=link)
    return user


def set_firm_user_disabled(firm: Firm, actor: User, user: User, disabled: bool) -> User:
    """Disable or re-enable an account of the actor's own firm."""
    if user.firm_id != firm.id:
        raise NotAllowed(_("That item does not exist or belongs to another firm."))
    if user.id == actor.id:
        raise NotAllowed(_("You cannot disable your own account."))
    accounts.set_disabled(actor, user, disabled)
    db.session.flush()
    return user
