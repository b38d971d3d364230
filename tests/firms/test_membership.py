"""The membership state machine: every allowed and refused transition, reasons, renewal dates, lapsing."""

from datetime import date, timedelta

import pytest

from legalnet.accounts.models import Role
from legalnet.core.audit import AuditLog
from legalnet.core.errors import InvalidTransition, ValidationFailed
from legalnet.firms import services
from legalnet.firms.models import FirmStatus
from legalnet.notifications.models import Notification
from tests import factories
from tests.conftest import submit

S = FirmStatus
# action → {from-state: to-state}; any pair not listed must be refused.
ALLOWED = {
    "approve": {S.APPLICANT: S.ACTIVE},
    "reject": {S.APPLICANT: S.REJECTED},
    "suspend": {S.ACTIVE: S.SUSPENDED},
    "reinstate": {S.SUSPENDED: S.ACTIVE},
    "lapse": {S.ACTIVE: S.LAPSED},
    "renew": {S.ACTIVE: S.ACTIVE, S.LAPSED: S.ACTIVE},
    "withdraw": {s: S.WITHDRAWN for s in S if s != S.WITHDRAWN},
}
PAIRS = [(action, status) for action in ALLOWED for status in S]


@pytest.mark.parametrize(("action", "status"), PAIRS, ids=[f"{a}-from-{s.value}" for a, s in PAIRS])
def test_every_transition_is_allowed_or_refused(db, action, status):
    firm = factories.make_firm(status=status, renewal_date=date.today() + timedelta(days=10))
    admin = factories.make_user(Role.FIRM_ADMIN, firm=firm)
    lawyer = factories.make_user(Role.FIRM_LAWYER, firm=firm)
    staff = factories.make_user(Role.STAFF)
    target = ALLOWED[action].get(status)
    if target is None:
        with pytest.raises(InvalidTransition) as error:
            services.change_status(firm, action, staff, reason="because")
        assert firm.name in str(error.value) or "withdrawn" in str(error.value)
        assert firm.status == status
        assert db.session.scalar(db.select(db.func.count()).select_from(AuditLog)) == 0
        return
    services.change_status(firm, action, staff, reason="because")
    assert firm.status == target
    entry = db.session.scalar(db.select(AuditLog))
    assert (entry.action, entry.actor_id, entry.subject_id, entry.reason) == (f"firm.{action}", staff.id, firm.id,
                                                                              "because")
    assert f"{status.value} → {target.value}" in entry.summary
    # The firm's admins are told; its lawyers are not.
    notices = db.session.scalars(db.select(Notification)).all()
    assert [n.user_id for n in notices] == [admin.id]
    assert notices[0].kind == f"membership.{action}"
    assert lawyer.id not in [n.user_id for n in notices]


def test_refusals_say_what_is_wrong(db):
    active = factories.make_firm(name="Tan & Koh LLC", status=S.ACTIVE)
    withdrawn = factories.make_firm(name="Gone LLP", status=S.WITHDRAWN)
    with pytest.raises(InvalidTransition, match="Only applications can be approved; Tan & Koh LLC is active"):
        services.approve(active, None)
    with pytest.raises(InvalidTransition, match="Only suspended members can be reinstated; Gone LLP is withdrawn"):
        services.reinstate(withdrawn, None)
    with pytest.raises(InvalidTransition, match="already been withdrawn"):
        services.withdraw(withdrawn, None, "again")
    with pytest.raises(InvalidTransition, match="Unknown membership action"):
        services.change_status(active, "promote", None)


@pytest.mark.parametrize("action,status", [("reject", S.APPLICANT), ("suspend", S.ACTIVE), ("withdraw", S.ACTIVE)])
def test_reason_is_required_for_reject_suspend_withdraw(db, action, status):
    firm = factories.make_firm(status=status)
    with pytest.raises(ValidationFailed, match="Give a reason"):
        services.change_status(firm, action, None, reason="   ")
    assert firm.status == status


def test_approve_sets_renewal_a_year_ahead_and_renew_sets_the_date(db):
    firm = factories.make_firm(status=S.APPLICANT)
    services.approve(firm, None)
    assert firm.renewal_date == date.today() + timedelta(days=365)
    services.renew(firm, None, renewal_date=date(2040, 1, 31))
    assert firm.renewal_date == date(2040, 1, 31)
    assert "renewal 2040-01-31" in db.session.scalars(db.select(AuditLog.summary).order_by(AuditLog.id.desc())).first()
    with pytest.raises(ValidationFailed, match="must be in the future"):
        services.renew(firm, None, renewal_date=date.today())
    assert firm.renewal_date == date(2040, 1, 31)


def test_renewing_a_lapsed_membership_without_a_date_runs_a_year_from_today(db):
    firm = factories.make_firm(status=S.LAPSED, renewal_date=date.today() - timedelta(days=40))
    services.renew(firm, None)
    assert firm.status == S.ACTIVE
    assert firm.renewal_date == date.today() + timedelta(days=365)


def test_lapse_overdue_memberships_is_idempotent_and_touches_only_overdue_active_firms(db):
    today = date(2027, 3, 1)
    overdue = factories.make_firm(status=S.ACTIVE, renewal_date=date(2027, 2, 28))
    admin = factories.make_user(Role.FIRM_ADMIN, firm=overdue)
    due_today = factories.make_firm(status=S.ACTIVE, renewal_date=today)
    no_date = factories.make_firm(status=S.ACTIVE, renewal_date=None)
    suspended = factories.make_firm(status=S.SUSPENDED, renewal_date=date(2026, 1, 1))
    db.session.commit()

    lapsed = services.lapse_overdue_memberships(today)
    db.session.commit()
    assert [f.id for f in lapsed] == [overdue.id]
    assert overdue.status == S.LAPSED
    assert (due_today.status, no_date.status, suspended.status) == (S.ACTIVE, S.ACTIVE, S.SUSPENDED)
    entry = db.session.scalar(db.select(AuditLog).where(AuditLog.action == "firm.lapse"))
    assert entry.actor_id is None and "2027-02-28" in entry.reason
    assert db.session.scalar(db.select(Notification).where(Notification.user_id == admin.id)).kind == \
        "membership.lapse"

    assert services.lapse_overdue_memberships(today) == []
    db.session.commit()
    assert db.session.scalar(db.select(db.func.count()).select_from(AuditLog)) == 1


# ------------------------------------------------------------------------ through the console


def decide(client, firm, data):
    return submit(client, f"/staff/firms/{firm.id}/status", data, form_url=f"/staff/firms/{firm.id}")


def test_staff_page_refuses_nonsense_with_a_message_and_changes_nothing(client, db, auth):
    firm = factories.make_firm(name="Busy Active LLP", status=S.ACTIVE)
    db.session.commit()
    auth.login(Role.STAFF)
    page = f"/staff/firms/{firm.id}"
    # A refused decision sends the browser back to the firm page, so a reload never posts it again.
    response = decide(client, firm, {"action": "approve"})
    assert response.status_code == 302 and response.headers["Location"].endswith(page)
    assert "Only applications can be approved; Busy Active LLP is active." in client.get(page).get_data(as_text=True)
    response = decide(client, firm, {"action": "suspend", "reason": ""})
    assert response.status_code == 302
    assert "Give a reason" in client.get(page).get_data(as_text=True)
    response = decide(client, firm, {"action": "delete"})
    assert response.status_code == 302 and response.headers["Location"].endswith(page)
    assert "Decision: Invalid value" in client.get(page).get_data(as_text=True)
    assert firm.status == S.ACTIVE
    assert db.session.scalar(db.select(db.func.count()).select_from(AuditLog).where(
        AuditLog.action.startswith("firm."))) == 0


def test_refused_decision_keeps_the_typed_reason_once(client, db, auth):
    firm = factories.make_firm(name="Pending Partners", status=S.APPLICANT)
    db.session.commit()
    auth.login(Role.STAFF)
    page = f"/staff/firms/{firm.id}"
    response = decide(client, firm, {"action": "suspend", "reason": "Bar registration not verified"})
    assert response.status_code == 302
    html = client.get(page).get_data(as_text=True)
    assert "Only active members can be suspended" in html
    assert "Bar registration not verified</textarea>" in html
    # Only the next view of that firm gets the draft.
    assert "Bar registration not verified" not in client.get(page).get_data(as_text=True)


def test_staff_walk_a_firm_through_its_life_with_reasons_in_the_audit_log(client, db, auth):
    firm = factories.make_firm(status=S.APPLICANT)
    db.session.commit()
    staff = auth.login(Role.STAFF)
    page = client.get(f"/staff/firms/{firm.id}").get_data(as_text=True)
    assert 'value="approve"' in page and 'value="suspend"' not in page
    steps = [("approve", ""), ("suspend", "Unpaid fees"), ("reinstate", "Fees paid"), ("withdraw", "Firm closed")]
    for action, reason in steps:
        assert decide(client, firm, {"action": action, "reason": reason}).status_code == 302, action
    assert firm.status == S.WITHDRAWN
    entries = db.session.scalars(db.select(AuditLog).where(AuditLog.subject_id == firm.id,
                                                           AuditLog.action.startswith("firm."))
                                 .order_by(AuditLog.id)).all()
    assert [(e.action, e.reason, e.actor_email) for e in entries] == [
        (f"firm.{a}", r, staff.email) for a, r in steps]
    page = client.get(f"/staff/firms/{firm.id}").get_data(as_text=True)
    assert "Firm closed" in page and "No decision can be taken" in page


def test_staff_renew_with_a_date_through_the_page(client, db, auth):
    firm = factories.make_firm(status=S.LAPSED, renewal_date=date.today() - timedelta(days=3))
    db.session.commit()
    auth.login(Role.STAFF)
    new_date = (date.today() + timedelta(days=200)).isoformat()
    assert decide(client, firm, {"action": "renew", "renewal_date": new_date}).status_code == 302
    assert (firm.status, firm.renewal_date.isoformat()) == (S.ACTIVE, new_date)
