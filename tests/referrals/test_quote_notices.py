"""Notices of the quote workflow, through the pages: a firm asked for a quote is told so with its deadline (in
its own language), the client is told of each quote, the chosen and the released firms are told; a quote that
is declined or lapses tells the client what comes next, and when none is open any more the request goes back
to the client's choice and its page says what the client can do."""

from datetime import timedelta

from flask_babel import force_locale

from legalnet.accounts.models import Role
from legalnet.extensions import db
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.notifications.models import Notification, OutboxEmail
from legalnet.notifications.services import force_timezone
from legalnet.referrals.cli import sweep
from legalnet.referrals.events import when_text
from legalnet.referrals.models import OfferStatus
from tests import factories
from tests.conftest import submit
from tests.referrals.test_quotes import admin_of, answer, ask, matched_request, quote_offers


def messages_to(user, kind):
    """The in-app notices of `kind` the user got, oldest first."""
    return db.session.scalars(db.select(Notification.message).where(
        Notification.user_id == user.id, Notification.kind == kind).order_by(Notification.id)).all()


def emails_to(user, kind):
    """The outbox e-mails of `kind` to the user."""
    return db.session.scalars(db.select(OutboxEmail).where(
        OutboxEmail.to_address == user.email, OutboxEmail.kind == kind)).all()


def test_a_firm_asked_for_a_quote_is_told_so_with_its_deadline_in_its_language(app, client, db, auth):
    client_user, req, firms = matched_request(n_firms=3)
    chinese = factories.make_user(Role.FIRM_LAWYER, firm=firms[0][0], locale="zh_Hant")
    db.session.commit()
    auth.login(user=client_user)
    ask(client, req, [firms[0][0].id, firms[1][0].id])
    offers = quote_offers(req)
    admin = admin_of(firms, offers[0].firm_id)
    with app.test_request_context(), force_timezone(app.config["BABEL_DEFAULT_TIMEZONE"]):
        deadline = when_text(offers[0].respond_by)
        with force_locale("zh_Hant"):
            deadline_zh = when_text(offers[0].respond_by)

    [notice] = messages_to(admin, "quote.requested")
    assert notice.startswith(f"Quote request {req.reference}") and "what it would charge" in notice
    assert deadline in notice
    [email] = emails_to(admin, "quote.requested")
    assert "what it would charge" in email.subject and f"/offers/{offers[0].id}" in email.body
    # Not also the notice of an ordinary referral, which asks the firm to accept.
    assert messages_to(admin, "offer.new") == [] and emails_to(admin, "offer.new") == []
    [email_zh] = emails_to(chinese, "quote.requested")
    assert "報價" in email_zh.body and deadline_zh in email_zh.body
    # The firm not asked hears nothing.
    assert messages_to(firms[2][1], "quote.requested") == []


def test_the_client_hears_of_each_quote_and_the_chosen_and_released_firms_are_told(client, db, auth):
    client_user, req, firms = matched_request(n_firms=4)
    auth.login(user=client_user)
    ask(client, req, [firm.id for firm, _admin in firms[:3]])
    auth.logout()
    chosen, other, silent = quote_offers(req)
    for offer in (chosen, other):
        auth.login(user=admin_of(firms, offer.firm_id))
        assert answer(client, offer).status_code == 302
        auth.logout()
    received = messages_to(client_user, "quote.received")
    assert len(received) == 2 and all(req.reference in text for text in received)
    assert len(emails_to(client_user, "quote.received")) == 2

    auth.login(user=client_user)
    response = submit(client, f"/requests/{req.id}/quotes/{chosen.quote.id}/accept", {},
                      form_url=f"/requests/{req.id}/quotes")
    assert response.status_code == 302
    db.session.expire_all()
    winner = admin_of(firms, chosen.firm_id)
    assert "accepted your quote" in messages_to(winner, "quote.accepted")[0]
    assert len(emails_to(winner, "quote.accepted")) == 1
    for offer in (other, silent):
        loser = admin_of(firms, offer.firm_id)
        [text] = messages_to(loser, "quote.released")
        assert "chose another firm's quote" in text and req.reference in text
        assert len(emails_to(loser, "quote.released")) == 1
        assert messages_to(loser, "quote.accepted") == []
    assert messages_to(winner, "quote.released") == []


def test_declined_and_lapsed_quotes_tell_the_client_and_give_the_choice_back(client, db, auth):
    client_user, req, firms = matched_request(n_firms=4)
    auth.login(user=client_user)
    asked = [firms[0][0].id, firms[1][0].id]
    ask(client, req, asked)
    auth.logout()
    declining, silent = quote_offers(req)

    auth.login(user=admin_of(firms, declining.firm_id))
    submit(client, f"/offers/{declining.id}/decline", {"reason": "No capacity this month."},
           form_url=f"/offers/{declining.id}")
    auth.logout()
    db.session.expire_all()
    [text] = messages_to(client_user, "quote.declined")
    assert text == (f"{declining.firm.name} declined to quote for your request {req.reference}. "
                    "The other quotes you asked for are still open.")
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.REFERRED
    # Not the notice of an ordinary offer, which says the centre passes the request on.
    assert messages_to(client_user, "offer.declined") == []

    assert sweep(now=silent.respond_by + timedelta(minutes=1))["expired"] == 1
    db.session.expire_all()
    req = db.session.get(LegalRequest, req.id)
    # No firm the client did not ask was offered the request: it is back with the client.
    assert req.status == RequestStatus.MATCHED and len(req.offers) == 2
    [text] = messages_to(client_user, "quote.expired")
    assert f"did not send a quote for your request {req.reference} in time" in text
    assert "ask other firms for a quote or choose a firm from the shortlist" in text
    assert len(emails_to(client_user, "quote.expired")) == 1

    auth.login(user=client_user)
    page = client.get(f"/requests/{req.id}").get_data(as_text=True)
    assert "data-next-step" in page and "None of the firms you asked has a quote open any more." in page
    assert "No quote is open any more: the request is back with the client to choose." in page
    # The form offers the other firms of the shortlist, not those already asked.
    for firm, _admin in firms[2:]:
        assert f'data-quote-firm="{firm.id}"' in page
    for firm_id in asked:
        assert f'data-quote-firm="{firm_id}"' not in page
    # The client can pick a firm of the shortlist.
    response = submit(client, f"/requests/{req.id}/pick", {"firm": str(firms[2][0].id)},
                      form_url=f"/requests/{req.id}")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.REFERRED


def test_a_lapsed_quote_with_no_firm_left_goes_to_the_centre(client, db, auth):
    client_user, req, firms = matched_request(n_firms=1)
    auth.login(user=client_user)
    ask(client, req, [firms[0][0].id])
    auth.logout()
    [offer] = quote_offers(req)
    auth.login(user=admin_of(firms, offer.firm_id))
    answer(client, offer)
    auth.logout()
    db.session.expire_all()
    lapse_at = quote_offers(req)[0].respond_by + timedelta(minutes=1)
    assert sweep(now=lapse_at)["expired"] == 1
    db.session.expire_all()
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.NEEDS_REVIEW
    assert quote_offers(req)[0].status == OfferStatus.EXPIRED
    [text] = messages_to(client_user, "quote.expired")
    assert text.startswith(f"The quote of {offer.firm.name} for your request {req.reference} lapsed")
    assert text.endswith("the centre will look for a firm.")
