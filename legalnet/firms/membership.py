"""The membership state machine: approve, reject, suspend, reinstate, renew, withdraw and lapse, each with
the notice its firm receives and the reason it may be refused. Every change is audited; services flush and
never commit."""

from dataclasses import dataclass
from datetime import date, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from legalnet.accounts.models import User
from legalnet.core import audit
from legalnet.core.errors import InvalidTransition, ValidationFailed
from legalnet.core.i18n import label_text
from legalnet.extensions import db
from legalnet.firms.models import Firm, FirmStatus
from legalnet.notifications.services import firm_users, notify

STATUS_LABELS = {
    FirmStatus.APPLICANT: _l("applicant"),
    FirmStatus.ACTIVE: _l("active"),
    FirmStatus.SUSPENDED: _l("suspended"),
    FirmStatus.LAPSED: _l("lapsed"),
    FirmStatus.REJECTED: _l("rejected"),
    FirmStatus.WITHDRAWN: _l("withdrawn"),
}
MEMBERSHIP_TERM = timedelta(days=365)
FIRM_PAGE = "/firm/"


# ------------------------------------------------------------------------------------ state machine


@dataclass(frozen=True)
class Transition:
    """One allowed membership change: the states it starts from and the state it leads to."""

    action: str
    sources: frozenset[FirmStatus]
    target: FirmStatus
    needs_reason: bool
    label: str


ALL_BUT_WITHDRAWN = frozenset(s for s in FirmStatus if s != FirmStatus.WITHDRAWN)

# The whole membership state machine; every status change goes through change_status.
TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition("approve", frozenset({FirmStatus.APPLICANT}), FirmStatus.ACTIVE, False, _l("Approve")),
        Transition("reject", frozenset({FirmStatus.APPLICANT}), FirmStatus.REJECTED, True, _l("Reject")),
        Transition("suspend", frozenset({FirmStatus.ACTIVE}), FirmStatus.SUSPENDED, True, _l("Suspend")),
        Transition("reinstate", frozenset({FirmStatus.SUSPENDED}), FirmStatus.ACTIVE, False, _l("Reinstate")),
        Transition("lapse", frozenset({FirmStatus.ACTIVE}), FirmStatus.LAPSED, False, _l("Lapse")),
        Transition("renew", frozenset({FirmStatus.ACTIVE, FirmStatus.LAPSED}), FirmStatus.ACTIVE, False,
                   _l("Renew")),
        Transition("withdraw", ALL_BUT_WITHDRAWN, FirmStatus.WITHDRAWN, True, _l("Withdraw")),
    )
}
# Lapsing is done by the sweep when the renewal date passes, never by hand.
STAFF_ACTIONS = ("approve", "reject", "suspend", "reinstate", "renew", "withdraw")

# What the firm's admins are told; callables so each reads it in their own language.
FIRM_NOTICES = {
    "approve": lambda firm, reason: _("Your membership application for %(firm)s has been approved.", firm=firm.name),
    "reject": lambda firm, reason: _(
        "Your membership application for %(firm)s has been declined. Reason: %(reason)s", firm=firm.name,
        reason=reason),
    "suspend": lambda firm, reason: _(
        "The membership of %(firm)s has been suspended. Reason: %(reason)s", firm=firm.name, reason=reason),
    "reinstate": lambda firm, reason: _("The membership of %(firm)s has been reinstated.", firm=firm.name),
    "lapse": lambda firm, reason: _(
        "The membership of %(firm)s has lapsed because its renewal date passed. Contact the centre to renew.",
        firm=firm.name),
    "renew": lambda firm, reason: _(
        "The membership of %(firm)s has been renewed until %(date)s.", firm=firm.name,
        date=firm.renewal_date.isoformat() if firm.renewal_date else ""),
    "withdraw": lambda firm, reason: _(
        "The membership of %(firm)s has been withdrawn. Reason: %(reason)s", firm=firm.name, reason=reason),
}


def status_label(status: FirmStatus) -> str:
    """The translated name of a membership status."""
    return label_text(STATUS_LABELS, FirmStatus(status))


def allowed_actions(firm: Firm) -> list[str]:
    """The staff actions that make sense for the firm's current status."""
    return [a for a in STAFF_ACTIONS if firm.status in TRANSITIONS[a].sources]


def _refusal(action: str, firm: Firm) -> str:
    """A clear message for a change that makes no sense in the firm's current status."""
    status = status_label(firm.status)
    messages = {
        "approve": _("Only applications can be approved; %(firm)s is %(status)s.", firm=firm.name, status=status),
        "reject": _("Only applications can be rejected; %(firm)s is %(status)s.", firm=firm.name, status=status),
        "suspend": _("Only active members can be suspended; %(firm)s is %(status)s.", firm=firm.name,
                     status=status),
        "reinstate": _("Only suspended members can be reinstated; %(firm)s is %(status)s.", firm=firm.name,
                       status=status),
        "lapse": _("Only active memberships can lapse; %(firm)s is %(status)s.", firm=firm.name, status=status),
        "renew": _("Only active or lapsed memberships can be renewed; %(firm)s is %(status)s.", firm=firm.name,
                   status=status),
        "withdraw": _("%(firm)s has already been withdrawn.", firm=firm.name),
    }
    return messages[action]


def change_status(
    firm: Firm, action: str, actor: User | None, reason: str = "", renewal_date: date | None = None,
    today: date | None = None,
) -> Firm:
    """Apply one membership transition, record it and tell the firm's admins; raise on nonsense."""
    transition = TRANSITIONS.get(action)
    if transition is None:
        raise InvalidTransition(_("Unknown membership action."))
    if firm.status not in transition.sources:
        raise InvalidTransition(_refusal(action, firm))
    reason = (reason or "").strip()
    if transition.needs_reason and not reason:
        raise ValidationFailed(_("Give a reason; the firm is told and it is kept in the audit log."))
    today = today or date.today()
    if action == "approve":
        firm.renewal_date = today + MEMBERSHIP_TERM
    elif action == "renew":
        renewal_date = renewal_date or (max(firm.renewal_date or today, today) + MEMBERSHIP_TERM)
        if renewal_date <= today:
            raise ValidationFailed(_("The new renewal date must be in the future."))
        firm.renewal_date = renewal_date
    old = firm.status
    firm.status = transition.target
    summary = f"{firm.name}: {old.value} → {firm.status.value}"
    if action == "renew":
        summary += f", renewal {firm.renewal_date.isoformat()}"
    audit.record(actor, f"firm.{action}", firm, summary=summary, reason=reason)
    notice = FIRM_NOTICES[action]
    notify(firm_users(firm, admins_only=True), f"membership.{action}", lambda: notice(firm, reason), link=FIRM_PAGE)
    db.session.flush()
    return firm


def approve(firm: Firm, actor: User | None, reason: str = "") -> Firm:
    """Accept an application; the membership runs for a year."""
    return change_status(firm, "approve", actor, reason)


def reject(firm: Firm, actor: User | None, reason: str) -> Firm:
    """Decline an application, with a reason."""
    return change_status(firm, "reject", actor, reason)


def suspend(firm: Firm, actor: User | None, reason: str) -> Firm:
    """Suspend an active member, with a reason."""
    return change_status(firm, "suspend", actor, reason)


def reinstate(firm: Firm, actor: User | None, reason: str = "") -> Firm:
    """Lift a suspension."""
    return change_status(firm, "reinstate", actor, reason)


def renew(firm: Firm, actor: User | None, renewal_date: date | None = None, reason: str = "") -> Firm:
    """Renew an active or lapsed membership until `renewal_date` (a year on by default)."""
    return change_status(firm, "renew", actor, reason, renewal_date=renewal_date)


def withdraw(firm: Firm, actor: User | None, reason: str) -> Firm:
    """End a membership or application for good, with a reason."""
    return change_status(firm, "withdraw", actor, reason)


def lapse_overdue_memberships(today: date) -> list[Firm]:
    """Lapse every active membership whose renewal date is before `today`; running it again changes nothing."""
    stmt = (
        db.select(Firm)
        .where(Firm.status == FirmStatus.ACTIVE, Firm.renewal_date.is_not(None), Firm.renewal_date < today)
        .order_by(Firm.id)
    )
    if db.session.get_bind().dialect.name == "postgresql":
        # Two sweeps at once: the second skips the rows the first is lapsing instead of lapsing them twice.
        stmt = stmt.with_for_update(skip_locked=True)
    lapsed = []
    for firm in db.session.scalars(stmt).all():
        change_status(firm, "lapse", None, reason=_("Renewal date %(date)s passed.", date=firm.renewal_date),
                      today=today)
        lapsed.append(firm)
    return lapsed
