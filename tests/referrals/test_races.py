"""Concurrency: at most one offer per request is ever accepted, an offer the sweep expires cannot be
accepted in the same instant, and two sweeps at once double nothing. Each thread has its own app context
and database session, as separate web workers and cron jobs would.

The full runs (25 trials of each race) need PostgreSQL (TEST_DATABASE_URL); on the SQLite file database
of the default test run a smaller number of trials runs, since SQLite serialises writers anyway."""

import os
import threading
from datetime import timedelta

import pytest

from legalnet.accounts.models import Role, User
from legalnet.core.errors import DomainError
from legalnet.core.models import utcnow
from legalnet.extensions import db as _db
from legalnet.firms.models import Firm
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.notifications.models import Notification
from legalnet.referrals import services
from legalnet.referrals.cli import sweep
from legalnet.referrals.models import Offer, OfferStatus
from tests import factories
from tests.conftest import csrf_from, empty_tables, submit
from tests.referrals.helpers import firm_with_admin, referred_request

ON_POSTGRES = os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql")
TRIALS = 25 if ON_POSTGRES else 4
THREADS = 8


@pytest.fixture(autouse=True)
def needs_shared_database(app):
    """Threads need one database they all reach: PostgreSQL, or a SQLite file (never in-memory)."""
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if url.startswith("sqlite") and (url in ("sqlite://", "sqlite:///:memory:") or ":memory:" in url):
        pytest.skip("race tests need PostgreSQL or a SQLite file database; an in-memory database is per connection")


def race(app, jobs):
    """Run each job in its own thread, app context and session, released together; returns outcomes:
    'ok' when the job committed, 'refused' on a domain error, else the unexpected exception's repr."""
    barrier = threading.Barrier(len(jobs))
    outcomes = [None] * len(jobs)

    def worker(index, job):
        with app.app_context():
            try:
                barrier.wait(timeout=30)
                job()
                _db.session.commit()
                outcomes[index] = "ok"
            except DomainError:
                _db.session.rollback()
                outcomes[index] = "refused"
            except Exception as error:  # recorded so that the test fails with it
                _db.session.rollback()
                outcomes[index] = repr(error)
            finally:
                _db.session.remove()

    threads = [threading.Thread(target=worker, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    _db.session.expire_all()
    return outcomes


def accept_job(offer_id, user_id, now=None):
    def job():
        offer = _db.session.get(Offer, offer_id)
        user = _db.session.get(User, user_id)
        services.accept_offer(offer, user, True, now=now)
    return job


def accepted_count(request_id):
    return _db.session.scalar(_db.select(_db.func.count()).select_from(Offer).where(
        Offer.request_id == request_id, Offer.status == OfferStatus.ACCEPTED))


def test_eight_threads_accepting_the_same_offer(app, db):
    for _trial in range(TRIALS):
        empty_tables()
        _client, req, firms = referred_request(n_firms=2)
        offer = req.open_offers[0]
        admin = next(a for f, a in firms if f.id == offer.firm_id)
        lawyers = [admin] + [factories.make_user(Role.FIRM_LAWYER, firm=admin.firm) for _ in range(THREADS - 1)]
        db.session.commit()
        outcomes = race(app, [accept_job(offer.id, u.id) for u in lawyers])
        assert sorted(outcomes) == ["ok"] + ["refused"] * (THREADS - 1), outcomes
        assert accepted_count(req.id) == 1
        assert db.session.get(LegalRequest, req.id).status == RequestStatus.ACCEPTED
        firm = db.session.get(Firm, offer.firm_id)
        assert (firm.offers_accepted, firm.open_cases) == (1, 1)


def test_eight_threads_accepting_different_offers_of_one_request(app, db):
    for _trial in range(TRIALS):
        empty_tables()
        staff = factories.make_user(Role.STAFF)
        client = factories.make_user(Role.CLIENT)
        pairs = [firm_with_admin() for _ in range(THREADS)]
        req = factories.make_legal_request(client)
        # Staff offer the request to every firm at once, by hand.
        for firm, _admin in pairs:
            services.refer_by_hand(req, firm, staff)
        db.session.commit()
        offers = db.session.scalars(db.select(Offer).where(Offer.request_id == req.id)).all()
        assert len(offers) == THREADS
        admins = {f.id: a.id for f, a in pairs}
        outcomes = race(app, [accept_job(o.id, admins[o.firm_id]) for o in offers])
        assert sorted(outcomes) == ["ok"] + ["refused"] * (THREADS - 1), outcomes
        assert accepted_count(req.id) == 1
        statuses = sorted(o.status.value for o in db.session.scalars(
            db.select(Offer).where(Offer.request_id == req.id)))
        assert statuses == ["accepted"] + ["withdrawn"] * (THREADS - 1)
        assert sum(db.session.get(Firm, f.id).open_cases for f, _a in pairs) == 1


def test_accept_against_the_sweep_at_the_deadline(app, db):
    """The firm clicks accept just before the deadline while the sweep runs just after it: whichever
    reaches the offer first wins and the other changes nothing."""
    wins = {"accepted": 0, "expired": 0}
    for _trial in range(TRIALS):
        empty_tables()
        _client, req, firms = referred_request(n_firms=2)
        offer = req.open_offers[0]
        admin = next(a for f, a in firms if f.id == offer.firm_id)
        deadline = offer.respond_by
        outcomes = race(app, [accept_job(offer.id, admin.id, now=deadline - timedelta(seconds=1)),
                              lambda at=deadline + timedelta(seconds=1): sweep(now=at)])
        offer = db.session.get(Offer, offer.id)
        assert offer.status in (OfferStatus.ACCEPTED, OfferStatus.EXPIRED)
        if offer.status == OfferStatus.ACCEPTED:
            assert outcomes[0] == "ok"
            assert db.session.get(LegalRequest, req.id).status == RequestStatus.ACCEPTED
            assert len(db.session.get(LegalRequest, req.id).offers) == 1
        else:
            assert outcomes[0] == "refused"
            # The sweep cascaded to the second firm.
            assert len(db.session.get(LegalRequest, req.id).open_offers) == 1
        assert outcomes[1] == "ok"
        assert accepted_count(req.id) <= 1
        wins[offer.status.value] += 1
    assert sum(wins.values()) == TRIALS


def test_two_sweeps_at_once_expire_cascade_and_remind_once(app, db):
    trials = max(TRIALS // 5, 2)
    for _trial in range(trials):
        empty_tables()
        requests_ = [referred_request(n_firms=2) for _ in range(4)]
        now = utcnow()
        overdue, due_reminder = requests_[:2], requests_[2:]
        for _c, req, _f in overdue:
            req.open_offers[0].respond_by = now - timedelta(minutes=5)
        for _c, req, _f in due_reminder:
            req.open_offers[0].respond_by = now + timedelta(hours=1)
            req.open_offers[0].remind_at = now - timedelta(minutes=1)
        db.session.commit()
        outcomes = race(app, [lambda at=now: sweep(now=at), lambda at=now: sweep(now=at)])
        assert outcomes == ["ok", "ok"], outcomes
        for _c, req, _f in overdue:
            offers = db.session.scalars(db.select(Offer).where(Offer.request_id == req.id).order_by(Offer.id)).all()
            assert [o.status for o in offers] == [OfferStatus.EXPIRED, OfferStatus.OFFERED]
            assert db.session.get(Firm, offers[0].firm_id).offers_expired == 1
        expected = 0
        for _c, req, _firms in due_reminder:
            offer = req.open_offers[0]
            assert offer.reminded_at is not None
            expected += db.session.scalar(db.select(db.func.count()).select_from(User).where(
                User.firm_id == offer.firm_id))
        reminders = db.session.scalar(db.select(db.func.count()).select_from(Notification).where(
            Notification.kind == "offer.reminder"))
        assert reminders == expected


def test_racing_accept_clicks_through_the_pages_get_no_server_error(app, db):
    """Eight people of one firm press accept at once in their browsers: one case, seven clean messages."""
    _client, req, firms = referred_request(n_firms=1)
    offer = req.open_offers[0]
    firm = firms[0][0]
    users = [factories.make_user(Role.FIRM_LAWYER, firm=firm) for _ in range(THREADS)]
    db.session.commit()
    browsers = []
    for user in users:
        browser = app.test_client()
        assert submit(browser, "/sign-in", {"email": user.email, "password": factories.PASSWORD}).status_code == 302
        page = browser.get(f"/offers/{offer.id}").get_data(as_text=True)
        browsers.append((browser, csrf_from(page)))
    barrier = threading.Barrier(THREADS)
    statuses = [None] * THREADS
    offer_id = offer.id

    def click(index):
        browser, token = browsers[index]
        with app.app_context():  # the test client expires the session of the context it returns to
            barrier.wait(timeout=30)
            response = browser.post(f"/offers/{offer_id}/accept",
                                    data={"csrf_token": token, "confirm_conflict_check": "y"})
            statuses[index] = (response.status_code, response.headers.get("Location", ""))
            _db.session.remove()

    threads = [threading.Thread(target=click, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert all(code == 302 for code, _loc in statuses), statuses
    assert sum(1 for _code, location in statuses if location.endswith(f"/cases/{req.id}")) == 1
    assert sum(1 for _code, location in statuses if location.endswith(f"/offers/{offer_id}")) == THREADS - 1
    db.session.expire_all()
    assert accepted_count(req.id) == 1
