"""Concurrency of quotes: two accepts of different quotes of one request race and only one wins; the client
accepts quote A while firm B declines or sends its own quote at the same instant. Each thread has its own
app context and session (see tests/referrals/test_races.py, whose `race` runs the jobs)."""

from datetime import date, timedelta

import pytest

from legalnet.accounts.models import Role, User
from legalnet.extensions import db as _db
from legalnet.firms.models import Firm
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.referrals import quotes, services
from legalnet.referrals.models import Offer, OfferStatus
from legalnet.referrals.quote_models import Quote
from tests import factories
from tests.conftest import empty_tables
from tests.referrals.helpers import firm_with_admin
from tests.referrals.test_races import TRIALS, race


@pytest.fixture(autouse=True)
def needs_shared_database(app):
    """Threads need one database they all reach: PostgreSQL, or a SQLite file (never in-memory)."""
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if url.startswith("sqlite") and ":memory:" in url or url == "sqlite://":
        pytest.skip("race tests need PostgreSQL or a SQLite file database")


def quote_input(**changes):
    values = dict(fee_basis="fixed", currency="SGD", amount_low="9000", valid_until=date.today() + timedelta(days=5),
                  scope="Advice and one hearing.", conflict_check_confirmed=True)
    return quotes.QuoteInput(**{**values, **changes})


def asked_request(n_firms=3, answered=2):
    """A request whose client asked n firms for quotes, `answered` of which quoted; returns the client, the
    request, its quote offers in order and each firm's admin by firm id."""
    client_user = factories.make_user(Role.CLIENT)
    pairs = [firm_with_admin() for _ in range(n_firms)]
    req = factories.make_legal_request(client_user)
    quotes.request_quotes(req, client_user, [firm.id for firm, _admin in pairs])
    offers = _db.session.scalars(_db.select(Offer).where(Offer.request_id == req.id).order_by(Offer.id)).all()
    admins = {firm.id: admin for firm, admin in pairs}
    for offer in offers[:answered]:
        quotes.submit_quote(offer, admins[offer.firm_id], quote_input())
    _db.session.commit()
    return client_user, req, offers, admins


def accept_quote_job(quote_id, user_id):
    def job():
        quotes.accept_quote(_db.session.get(Quote, quote_id), _db.session.get(User, user_id))
    return job


def statuses(req_id):
    return [o.status for o in _db.session.scalars(
        _db.select(Offer).where(Offer.request_id == req_id).order_by(Offer.id))]


def test_two_accepts_of_different_quotes_race_and_one_wins(app, db):
    for _trial in range(TRIALS):
        empty_tables()
        client_user, req, offers, _admins = asked_request(answered=3)
        colleague = factories.make_user(Role.CLIENT, organisation=client_user.organisation)
        db.session.commit()
        outcomes = race(app, [accept_quote_job(offers[0].quote.id, client_user.id),
                              accept_quote_job(offers[1].quote.id, colleague.id)])
        assert sorted(outcomes) == ["ok", "refused"], outcomes
        found = statuses(req.id)
        assert found.count(OfferStatus.ACCEPTED) == 1 and found.count(OfferStatus.WITHDRAWN) == 2, found
        assert db.session.get(LegalRequest, req.id).status == RequestStatus.ACCEPTED
        assert sum(db.session.get(Firm, o.firm_id).open_cases for o in offers) == 1
        accepted = db.session.scalars(db.select(Quote).where(Quote.accepted_at.is_not(None))).all()
        assert len(accepted) == 1 and accepted[0].offer.status == OfferStatus.ACCEPTED


def test_client_accepts_quote_a_while_firm_b_declines(app, db):
    for _trial in range(TRIALS):
        empty_tables()
        client_user, req, offers, admins = asked_request(answered=2)
        a, b = offers[0], offers[1]

        def decline_b(offer_id=b.id, user_id=admins[b.firm_id].id):
            services.decline_offer(_db.session.get(Offer, offer_id), _db.session.get(User, user_id), "Too busy.")

        outcomes = race(app, [accept_quote_job(a.quote.id, client_user.id), decline_b])
        assert outcomes[0] == "ok", outcomes
        found = statuses(req.id)
        assert found[0] == OfferStatus.ACCEPTED
        # Either B declined first and stays declined, or the acceptance released it first and its decline was refused.
        assert (outcomes[1], found[1]) in {("ok", OfferStatus.DECLINED), ("refused", OfferStatus.WITHDRAWN)}, \
            (outcomes, found)
        assert found.count(OfferStatus.ACCEPTED) == 1


def test_client_accepts_quote_a_while_firm_c_sends_its_quote(app, db):
    for _trial in range(TRIALS):
        empty_tables()
        client_user, req, offers, admins = asked_request(answered=1)
        a, c = offers[0], offers[2]

        def quote_c(offer_id=c.id, user_id=admins[c.firm_id].id):
            quotes.submit_quote(_db.session.get(Offer, offer_id), _db.session.get(User, user_id), quote_input())

        outcomes = race(app, [accept_quote_job(a.quote.id, client_user.id), quote_c])
        assert outcomes[0] == "ok", outcomes
        found = statuses(req.id)
        assert found[0] == OfferStatus.ACCEPTED and found[2] == OfferStatus.WITHDRAWN
        answered = db.session.get(Offer, c.id).quote.answered
        # A quote that arrived after the choice was refused and not stored.
        assert (outcomes[1] == "ok") == answered, (outcomes, answered)
