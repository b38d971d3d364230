"""`flask privacy sweep`: closed cases older than RETENTION_YEARS lose their personal data and keep what the
centre must keep; newer cases are untouched; a second sweep changes nothing."""

from datetime import timedelta

from legalnet.accounts.models import UserSession
from legalnet.core.audit import AuditLog
from legalnet.core.models import utcnow
from legalnet.intake.models import LegalRequest, Outcome, RequestStatus
from legalnet.privacy.cli import sweep_all
from legalnet.referrals import cases
from legalnet.referrals.models import CaseEvent, Feedback, Message
from tests import factories
from tests.privacy.conftest import NAME


def close(db, req, user, admin, years_ago: float):
    """Close the case with a note and a rated comment, as if `years_ago` years ago."""
    cases.close_case(req, admin, Outcome.RESOLVED, note=f"Settled; {NAME} signed the deed.")
    cases.leave_feedback(req, user, 5, f"Thank you from {NAME}")
    req.closed_at = utcnow() - timedelta(days=365.25 * years_ago)
    db.session.commit()


def test_the_sweep_anonymises_closed_cases_past_retention(app, db, person):
    user, req, admin = person
    req.counterparties = ["Shenzhen Supplier Co., Ltd."]
    close(db, req, user, admin, years_ago=8)
    result = app.test_cli_runner().invoke(args=["privacy", "sweep"])
    assert result.exit_code == 0, result.output
    assert "anonymised 1 requests" in result.output
    db.session.expire_all()
    old = db.session.get(LegalRequest, req.id)
    assert old.anonymised_at is not None and old.title == old.reference
    assert old.description == "" and old.counterparties == [] and old.created_by_id is None
    # Kept: the reference, the codes, the outcome, the rating (statistics), the shape of the timeline.
    assert old.status == RequestStatus.CLOSED and old.outcome == Outcome.RESOLVED and old.jurisdictions == ["HK"]
    feedback = db.session.scalar(db.select(Feedback).where(Feedback.request_id == req.id))
    assert feedback.rating == 5 and feedback.comment == "" and feedback.author_id is None
    assert {m.body for m in db.session.scalars(db.select(Message).where(Message.request_id == req.id))} == {""}
    events = db.session.scalars(db.select(CaseEvent).where(CaseEvent.request_id == req.id)).all()
    assert events and all(NAME not in str(e.params) and NAME not in e.text for e in events)
    summaries = db.session.scalars(db.select(AuditLog.summary).where(AuditLog.subject_type == "legalrequest",
                                                                      AuditLog.subject_id == req.id)).all()
    assert summaries and all("Arbitration against a supplier" not in s for s in summaries)
    again = app.test_cli_runner().invoke(args=["privacy", "sweep"])
    assert "anonymised 0 requests" in again.output


def test_newer_cases_and_open_requests_are_kept(app, db, person):
    user, req, admin = person
    close(db, req, user, admin, years_ago=6)
    result = app.test_cli_runner().invoke(args=["privacy", "sweep"])
    assert "anonymised 0 requests" in result.output
    db.session.expire_all()
    kept = db.session.get(LegalRequest, req.id)
    assert kept.anonymised_at is None and NAME in kept.description


def test_the_retention_period_is_a_setting(app, db, person):
    user, req, admin = person
    close(db, req, user, admin, years_ago=3)
    app.config["RETENTION_YEARS"] = 2
    try:
        result = app.test_cli_runner().invoke(args=["privacy", "sweep"])
    finally:
        app.config["RETENTION_YEARS"] = 7
    assert "anonymised 1 requests" in result.output


def test_a_backlog_is_swept_in_batches_until_done(app, db, person):
    user, req, admin = person
    close(db, req, user, admin, years_ago=9)
    other = factories.make_legal_request(user, title="Second matter")
    other.status, other.updated_at = RequestStatus.CANCELLED, utcnow() - timedelta(days=365 * 9)
    db.session.commit()
    assert sweep_all(batch=1)["anonymised"] == 2
    db.session.expire_all()
    assert db.session.get(LegalRequest, other.id).anonymised_at is not None


def test_the_sweep_forgets_expired_sessions_and_keeps_live_ones(app, client, db, auth):
    user = auth.login("client")
    live = db.session.scalars(db.select(UserSession).where(UserSession.user_id == user.id)).one()
    expired = UserSession(user_id=user.id, key_hash="0" * 64, user_agent="old browser",
                          created_at=utcnow() - timedelta(days=app.config["SESSION_MAX_AGE_DAYS"] + 1))
    db.session.add(expired)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["privacy", "sweep"])
    assert result.exit_code == 0 and "1 expired sessions" in result.output, result.output
    remaining = db.session.scalars(db.select(UserSession.id).where(UserSession.user_id == user.id)).all()
    assert remaining == [live.id]
    assert client.get("/dashboard").status_code == 200  # the live session still signs the browser in
