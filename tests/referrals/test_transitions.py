"""The state machines and every transition service: allowed moves work, wrong ones are refused with a
domain error and change nothing."""

from datetime import timedelta

import pytest

from legalnet.accounts.models import Role
from legalnet.core.errors import DomainError, InvalidTransition, NotAllowed, ValidationFailed
from legalnet.core.models import utcnow
from legalnet.firms.hours import clock_for
from legalnet.firms.models import Firm, FirmStatus
from legalnet.intake import services as intake
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.notifications.models import Notification
from legalnet.referrals import cases, offers, services
from legalnet.referrals.deadlines import subtract_working_hours
from legalnet.referrals.models import Offer, OfferStatus
from legalnet.referrals.states import OFFER_TRANSITIONS, REQUEST_TRANSITIONS, transition
from tests import factories
from tests.referrals.helpers import add_conflict, firm_with_admin, referred_request


@pytest.mark.parametrize("current", list(RequestStatus))
@pytest.mark.parametrize("target", list(RequestStatus))
def test_request_transition_table(current, target):
    req = LegalRequest(status=current)
    if target in REQUEST_TRANSITIONS[current]:
        transition(req, target)
        assert req.status == target
    else:
        with pytest.raises(InvalidTransition):
            transition(req, target)
        assert req.status == current


@pytest.mark.parametrize("current", list(OfferStatus))
@pytest.mark.parametrize("target", list(OfferStatus))
def test_offer_transition_table(current, target):
    offer = Offer(status=current)
    if target in OFFER_TRANSITIONS[current]:
        transition(offer, target)
        assert offer.status == target
    else:
        with pytest.raises(InvalidTransition):
            transition(offer, target)
        assert offer.status == current


def refused(db, func, *args, error=DomainError, **kwargs):
    """Call a service that must refuse; roll back as a view does and return the message."""
    with pytest.raises(error) as info:
        func(*args, **kwargs)
    db.session.rollback()
    return str(info.value)


def test_references_are_unique_and_readable(db):
    client = factories.make_user(Role.CLIENT)
    refs = [factories.make_legal_request(client).reference for _ in range(5)]
    assert len(set(refs)) == 5
    assert all(ref.startswith(f"GBA-{utcnow().year}-") and len(ref) == 15 for ref in refs)


def test_submission_needs_consent_and_a_client(db):
    client = factories.make_user(Role.CLIENT)
    data = intake.RequestInput(title="x", jurisdictions=["HK"])
    refused(db, intake.submit_request, client, data, error=ValidationFailed)
    staff = factories.make_user(Role.STAFF)
    data.consent_to_share = True
    refused(db, intake.submit_request, staff, data, error=NotAllowed)
    assert db.session.scalar(db.select(db.func.count()).select_from(LegalRequest)) == 0


def test_shortlist_is_stored_with_rank_score_reasons_and_conflicts(db):
    clean, _ = firm_with_admin("Clean Chambers")
    conflicted, _ = firm_with_admin("Conflicted LLP")
    add_conflict(conflicted, "Kowloon Copycat Limited")
    client = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client, counterparties=["Kowloon Copycat Ltd"])
    rows = {m.firm_id: m for m in req.matches}
    assert rows[conflicted.id].conflict and rows[conflicted.id].conflict_with
    assert not rows[clean.id].conflict
    assert sorted(m.rank for m in req.matches) == [1, 2]
    assert all(0 <= m.score <= 1 and m.reasons and isinstance(m.components, dict) for m in req.matches)
    # The conflicted firm is never offered: not by the centre, not by the cascade, not by staff.
    offer = services.choose_firm(req, client, None)
    assert offer.firm_id == clean.id
    services.decline_offer(offer, factories.make_user(Role.FIRM_ADMIN, firm=clean), "busy")
    assert req.status == RequestStatus.NEEDS_REVIEW
    msg = refused(db, services.refer_by_hand, req, conflicted, factories.make_user(Role.STAFF),
                  error=ValidationFailed)
    assert "conflict" in msg


def test_firms_at_capacity_and_inactive_firms_are_skipped(db):
    full, _ = firm_with_admin("Full House", capacity=2, open_cases=2)
    suspended, _ = firm_with_admin("Suspended Co", status=FirmStatus.SUSPENDED)
    free, _ = firm_with_admin("Free Firm")
    client = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client)
    assert suspended.id not in {m.firm_id for m in req.matches}
    assert [m.firm_id for m in offers.eligible_matches(req)] == [free.id]
    offer = services.choose_firm(req, client, None)
    assert offer.firm_id == free.id
    refused(db, services.choose_firm, req, client, full.id, error=InvalidTransition)


def test_client_can_pick_only_an_eligible_shortlisted_firm(db):
    firm_with_admin()
    stranger, _ = firm_with_admin("Stranger", jurisdictions=("SG",))
    client = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client)
    db.session.commit()
    refused(db, services.choose_firm, req, client, stranger.id, error=ValidationFailed)
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.MATCHED


def test_accept_rules(db):
    _client, req, firms = referred_request(n_firms=2)
    offer = req.open_offers[0]
    admin = next(a for f, a in firms if f.id == offer.firm_id)
    assert "conflict check" in refused(db, services.accept_offer, offer, admin, False, error=ValidationFailed)
    late = offer.respond_by + timedelta(seconds=1)
    assert "deadline" in refused(db, services.accept_offer, offer, admin, True, now=late)
    offer = db.session.get(Offer, offer.id)
    assert offer.status == OfferStatus.OFFERED
    services.accept_offer(offer, admin, True)
    db.session.commit()
    assert refused(db, services.accept_offer, offer, admin, True)
    assert refused(db, services.decline_offer, offer, admin, "changed my mind")
    firm = db.session.get(Firm, offer.firm_id)
    assert (firm.offers_accepted, firm.offers_declined, firm.open_cases) == (1, 0, 1)
    assert firm.response_hours_total >= 0


def test_decline_needs_a_reason_and_updates_counters(db):
    _client, req, firms = referred_request(n_firms=2)
    offer = req.open_offers[0]
    admin = next(a for f, a in firms if f.id == offer.firm_id)
    refused(db, services.decline_offer, offer, admin, "  ", error=ValidationFailed)
    nxt = services.decline_offer(db.session.get(Offer, offer.id), admin, "No capacity this month")
    db.session.commit()
    assert nxt is not None and nxt.firm_id != offer.firm_id and nxt.source.value == "cascade"
    assert db.session.get(Firm, offer.firm_id).offers_declined == 1
    assert db.session.get(Offer, offer.id).reason == "No capacity this month"


def test_cancel_before_acceptance_withdraws_open_offers_and_is_refused_after(db):
    client, req, firms = referred_request(n_firms=2)
    offer = req.open_offers[0]
    admin = next(a for f, a in firms if f.id == offer.firm_id)
    intake.cancel_request(req, client, "Settled out of court")
    db.session.commit()
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.CANCELLED
    assert db.session.get(Offer, offer.id).status == OfferStatus.WITHDRAWN
    assert db.session.scalar(db.select(db.func.count()).select_from(Notification).where(
        Notification.user_id == admin.id, Notification.kind == "offer.withdrawn")) == 1
    refused(db, services.accept_offer, db.session.get(Offer, offer.id), admin, True)
    refused(db, intake.cancel_request, db.session.get(LegalRequest, req.id), client)

    client2, req2, firms2 = referred_request(n_firms=1)
    offer2 = req2.open_offers[0]
    services.accept_offer(offer2, firms2[0][1], True)
    db.session.commit()
    assert "cannot" in refused(db, intake.cancel_request, req2, client2, error=InvalidTransition)
    assert db.session.get(LegalRequest, req2.id).status == RequestStatus.ACCEPTED


def test_case_status_close_and_feedback_rules(db):
    client, req, firms = referred_request(n_firms=1)
    firm, admin = firms[0]
    services.accept_offer(req.open_offers[0], admin, True)
    db.session.commit()
    refused(db, cases.leave_feedback, req, client, 5, error=InvalidTransition)
    refused(db, cases.set_case_status, req, client, RequestStatus.ON_HOLD, error=NotAllowed)
    refused(db, cases.set_case_status, req, admin, RequestStatus.CLOSED, error=ValidationFailed)
    cases.set_case_status(req, admin, RequestStatus.ON_HOLD)
    cases.set_case_status(req, admin, RequestStatus.IN_PROGRESS)
    refused(db, cases.set_case_status, req, admin, RequestStatus.IN_PROGRESS, error=InvalidTransition)
    cases.close_case(req, admin, "no_engagement")
    db.session.commit()
    assert db.session.get(Firm, firm.id).open_cases == 0
    refused(db, cases.close_case, req, client, "resolved", error=InvalidTransition)
    refused(db, cases.set_case_status, req, admin, RequestStatus.ON_HOLD, error=InvalidTransition)
    refused(db, cases.post_message, req, client, "hello?", error=InvalidTransition)
    refused(db, cases.leave_feedback, req, client, 6, error=ValidationFailed)
    refused(db, cases.leave_feedback, req, admin, 4, error=NotAllowed)
    cases.leave_feedback(req, client, 4, "Good")
    db.session.commit()
    refused(db, cases.leave_feedback, req, client, 5, error=InvalidTransition)
    firm = db.session.get(Firm, firm.id)
    assert (firm.rating_total, firm.rating_count, firm.open_cases) == (4, 1, 0)


def test_staff_override_and_withdraw_rules(db):
    staff = factories.make_user(Role.STAFF)
    client, req, firms = referred_request(n_firms=2)
    open_offer = req.open_offers[0]
    same_firm = db.session.get(Firm, open_offer.firm_id)
    assert "already" in refused(db, services.refer_by_hand, req, same_firm, staff, error=ValidationFailed)
    applicant, _ = firm_with_admin(status=FirmStatus.APPLICANT)
    refused(db, services.refer_by_hand, req, applicant, staff, error=ValidationFailed)
    services.withdraw_offer(open_offer, staff, "wrong firm")
    db.session.commit()
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.NEEDS_REVIEW
    refused(db, services.withdraw_offer, db.session.get(Offer, open_offer.id), staff, error=InvalidTransition)
    other = db.session.get(Firm, next(f.id for f, _a in firms if f.id != open_offer.firm_id))
    offer = services.refer_by_hand(db.session.get(LegalRequest, req.id), other, staff)
    services.accept_offer(offer, next(a for f, a in firms if f.id == other.id), True)
    db.session.commit()
    refused(db, services.refer_by_hand, db.session.get(LegalRequest, req.id), same_firm, staff,
            error=InvalidTransition)


def test_sweep_reminds_once_and_records_it(db, app):
    from legalnet.referrals.cli import sweep

    _client, req, firms = referred_request(n_firms=1)
    offer = req.open_offers[0]
    # The reminder is due SLA_REMINDER_HOURS working hours before the deadline, on the firm's clock.
    assert offer.remind_at == subtract_working_hours(offer.respond_by, app.config["SLA_REMINDER_HOURS"],
                                                     clock_for(offer.firm))
    assert sweep(now=offer.remind_at - timedelta(minutes=1))["reminded"] == 0
    assert sweep(now=offer.remind_at + timedelta(minutes=1))["reminded"] == 1
    assert sweep(now=offer.respond_by - timedelta(minutes=1))["reminded"] == 0
    assert db.session.get(Offer, offer.id).reminded_at is not None
    kinds = [n.kind for n in db.session.scalars(db.select(Notification).where(
        Notification.user_id == firms[0][1].id))]
    assert kinds.count("offer.reminder") == 1


def test_sweep_lapses_overdue_memberships(db, app):
    firm = factories.make_firm(renewal_date=(utcnow() - timedelta(days=2)).date())
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["sla", "sweep"])
    assert result.exit_code == 0, result.output
    assert "lapsed 1" in result.output
    assert db.session.get(Firm, firm.id).status == FirmStatus.LAPSED
    again = app.test_cli_runner().invoke(args=["sla", "sweep"])
    assert "expired 0, reminded 0, lapsed 0" in again.output


def test_rematch_after_new_firm_joined(db):
    staff = factories.make_user(Role.STAFF)
    client = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client)
    db.session.commit()
    assert req.status == RequestStatus.NEEDS_REVIEW
    refused(db, intake.rematch, req, staff, error=ValidationFailed)
    firm_with_admin()
    intake.rematch(db.session.get(LegalRequest, req.id), staff)
    db.session.commit()
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.MATCHED
    refused(db, intake.rematch, db.session.get(LegalRequest, req.id), staff, error=InvalidTransition)


def test_sweep_recounts_recent_referrals_so_old_work_stops_counting(db, app):
    from legalnet.referrals.cli import sweep

    _client, req, _firms = referred_request()
    offer = db.session.scalars(db.select(Offer).where(Offer.request_id == req.id)).one()
    firm = db.session.get(Firm, offer.firm_id)
    assert firm.recent_referrals == 1
    window = app.config["FAIRNESS_WINDOW_DAYS"]
    sweep(now=offer.offered_at + timedelta(days=window - 1))
    db.session.refresh(firm)
    assert firm.recent_referrals == 1
    sweep(now=offer.offered_at + timedelta(days=window + 1))
    db.session.refresh(firm)
    assert firm.recent_referrals == 0
