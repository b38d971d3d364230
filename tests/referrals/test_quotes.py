"""Fee quotes through the pages: the client asks three shortlisted firms, they answer (or decline), the
client compares and accepts one; bad quotes are refused and store nothing; success fees only where the
request's jurisdictions allow them; amounts in English and Chinese; the final fee and the staff report."""

from datetime import date, timedelta

import pytest

from legalnet.accounts.models import Role
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.firms.models import Firm, FirmStatus
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.notifications.models import Notification
from legalnet.referrals.models import Offer, OfferStatus
from legalnet.referrals.quote_models import FeeBasis, Quote
from tests import factories
from tests.conftest import submit
from tests.referrals.helpers import firm_with_admin

TOMORROW = (date.today() + timedelta(days=10)).isoformat()
QUOTE = {"fee_basis": "fixed", "currency": "HKD", "amount_low": "48000", "amount_high": "", "hourly_rate": "",
         "success_percent": "", "estimated_hours": "60", "scope": "Advice, pleadings and the hearing.",
         "exclusions": "Counsel's fees.", "valid_until": TOMORROW, "confirm_conflict_check": "y"}


def notices(user, kind):
    return db.session.scalar(db.select(db.func.count()).select_from(Notification).where(
        Notification.user_id == user.id, Notification.kind == kind))


def matched_request(n_firms=4, jurisdictions=("HK",), **firm_fields):
    client_user = factories.make_user(Role.CLIENT)
    firms = [firm_with_admin(f"Firm {chr(65 + i)}", **firm_fields) for i in range(n_firms)]
    req = factories.make_legal_request(client_user, jurisdictions=jurisdictions)
    db.session.commit()
    assert req.status == RequestStatus.MATCHED
    return client_user, req, firms


def ask(client, req, firm_ids):
    return submit(client, f"/requests/{req.id}/quotes/ask", {"firm_ids": [str(f) for f in firm_ids]},
                  form_url=f"/requests/{req.id}")


def answer(client, offer, **changes):
    return submit(client, f"/offers/{offer.id}/quote", {**QUOTE, **changes})


def quote_offers(req):
    return db.session.scalars(db.select(Offer).where(Offer.request_id == req.id).order_by(Offer.id)).all()


def admin_of(firms, firm_id):
    return next(admin for firm, admin in firms if firm.id == firm_id)


def test_three_quotes_asked_answered_compared_and_one_accepted(client, db, auth):
    client_user, req, firms = matched_request()
    auth.login(user=client_user)
    page = client.get(f"/requests/{req.id}").get_data(as_text=True)
    assert "Ask for quotes" in page
    chosen = [firm.id for firm, _admin in firms[:3]]
    response = ask(client, req, chosen)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/requests/{req.id}/quotes")
    offers = quote_offers(req)
    assert [o.firm_id for o in offers] == chosen and all(o.quote is not None for o in offers)
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.REFERRED
    # Each offer keeps the usual respond-by deadline.
    assert all(o.respond_by > utcnow() for o in offers)
    auth.logout()

    # Two firms quote (one a range), the third declines.
    auth.login(user=admin_of(firms, offers[0].firm_id))
    page = client.get(f"/offers/{offers[0].id}").get_data(as_text=True)
    assert "Answer with a quote" in page and f"/offers/{offers[0].id}/accept" not in page
    assert answer(client, offers[0]).status_code == 302
    auth.logout()
    auth.login(user=admin_of(firms, offers[1].firm_id))
    assert answer(client, offers[1], fee_basis="hourly", hourly_rate="3500", amount_low="30000",
                  amount_high="45000", estimated_hours="12").status_code == 302
    auth.logout()
    auth.login(user=admin_of(firms, offers[2].firm_id))
    submit(client, f"/offers/{offers[2].id}/decline", {"reason": "No capacity this month."},
           form_url=f"/offers/{offers[2].id}")
    auth.logout()
    assert notices(client_user, "quote.received") == 2

    auth.login(user=client_user)
    html = client.get(f"/requests/{req.id}/quotes").get_data(as_text=True)
    assert html.count('class="card quote-card"') == 3
    assert "HK$48,000.00" in html and "HK$30,000.00 – HK$45,000.00" in html and "HK$3,500.00" in html
    assert 'data-state="declined"' in html and html.count("data-accept-quote") == 2
    quote_a = offers[0].quote
    response = submit(client, f"/requests/{req.id}/quotes/{quote_a.id}/accept", {},
                      form_url=f"/requests/{req.id}/quotes")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/cases/{req.id}")
    db.session.expire_all()
    assert [o.status for o in quote_offers(req)] == [OfferStatus.ACCEPTED, OfferStatus.WITHDRAWN,
                                                      OfferStatus.DECLINED]
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.ACCEPTED
    # The released firm is told; the winner is told.
    assert notices(admin_of(firms, offers[1].firm_id), "quote.released") == 1
    assert notices(admin_of(firms, offers[0].firm_id), "quote.accepted") == 1
    assert notices(admin_of(firms, offers[2].firm_id), "quote.released") == 0
    # The accepted quote stays with the case.
    case = client.get(f"/cases/{req.id}").get_data(as_text=True)
    assert 'id="accepted-quote"' in case and "HK$48,000.00" in case and "Counsel&#39;s fees." in case
    # The firm's response time counts to its quote, not to the client's choice.
    firm = db.session.get(Firm, offers[0].firm_id)
    assert firm.response_hours_total < 0.1 and firm.offers_accepted == 1 and firm.open_cases == 1


def test_the_request_page_lists_the_firms_asked_for_a_quote_and_links_to_the_comparison(client, db, auth):
    client_user, req, firms = matched_request()
    auth.login(user=client_user)
    assert "data-compare-quotes" not in client.get(f"/requests/{req.id}").get_data(as_text=True)
    chosen = [firm for firm, _admin in firms[:2]]
    assert ask(client, req, [firm.id for firm in chosen]).status_code == 302
    chosen[1].status = FirmStatus.SUSPENDED
    db.session.commit()
    page = client.get(f"/requests/{req.id}").get_data(as_text=True)
    assert "2 firms were asked for a quote." in page and "data-compare-quotes" in page
    offers_table = page[page.index("<h2>Offers</h2>"):]
    assert offers_table.count("Waiting for an answer") == 2
    # A member firm's name links to its profile; a suspended firm's name is shown without a link.
    assert f'href="/firms/{chosen[0].id}">{chosen[0].name}</a>' in offers_table
    assert chosen[1].name in offers_table and f'href="/firms/{chosen[1].id}"' not in offers_table


def test_asking_more_than_three_firms_or_a_firm_off_the_shortlist_is_refused(client, db, auth):
    client_user, req, firms = matched_request(n_firms=5)
    auth.login(user=client_user)
    page = ask(client, req, [f.id for f, _a in firms[:4]])
    assert page.status_code == 302
    assert "at most 3 firms" in client.get(page.headers["Location"]).get_data(as_text=True)
    assert quote_offers(req) == []
    ask(client, req, [firms[0][0].id, 999999])
    assert quote_offers(req) == []
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.MATCHED


def test_a_firm_cannot_accept_an_offer_in_quote_mode_directly(client, db, auth):
    client_user, req, firms = matched_request()
    auth.login(user=client_user)
    ask(client, req, [firms[0][0].id])
    auth.logout()
    offer = quote_offers(req)[0]
    auth.login(user=admin_of(firms, offer.firm_id))
    response = submit(client, f"/offers/{offer.id}/accept", {"confirm_conflict_check": "y"},
                      form_url=f"/offers/{offer.id}")
    assert "send it, and the offer is accepted" in client.get(response.headers["Location"]).get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Offer, offer.id).status == OfferStatus.OFFERED


@pytest.mark.parametrize("changes, message", [
    ({"amount_low": "-5"}, "must be more than zero"),
    ({"amount_low": "abc"}, "is not a number"),
    ({"amount_low": "1e12"}, "is larger than"),
    ({"amount_low": "0.001"}, "must be more than zero"),
    ({"amount_low": "NaN"}, "is not a number"),
    ({"amount_low": "50000", "amount_high": "40000"}, "lowest amount is higher than the highest"),
    ({"currency": "XYZ"}, "is not a known currency"),
    ({"valid_until": (date.today() - timedelta(days=1)).isoformat()}, "validity date is in the past"),
    ({"fee_basis": "hourly", "hourly_rate": ""}, "Give the hourly rate"),
    ({"estimated_hours": "-3"}, "between 1 and 10000"),
    ({"scope": "  "}, "Say what the fee covers"),
    ({"confirm_conflict_check": ""}, "conflict check"),
])
def test_bad_quotes_get_a_clear_message_and_store_nothing(client, db, auth, changes, message):
    client_user, req, firms = matched_request(n_firms=1)
    auth.login(user=client_user)
    ask(client, req, [firms[0][0].id])
    auth.logout()
    offer = quote_offers(req)[0]
    auth.login(user=admin_of(firms, offer.firm_id))
    data = {**QUOTE, **changes}
    if not data["confirm_conflict_check"]:
        data.pop("confirm_conflict_check")
    page = submit(client, f"/offers/{offer.id}/quote", data)
    assert page.status_code == 200 and message in page.get_data(as_text=True)
    db.session.expire_all()
    quote = db.session.get(Offer, offer.id).quote
    assert quote.submitted_at is None and quote.amount_low is None and quote.currency == ""


def test_success_fee_refused_where_not_allowed_and_taken_where_allowed(client, db, auth):
    # Hong Kong does not allow success fees: the form does not offer it and a forged answer is refused.
    client_user, req, firms = matched_request(n_firms=1)
    auth.login(user=client_user)
    ask(client, req, [firms[0][0].id])
    auth.logout()
    offer = quote_offers(req)[0]
    auth.login(user=admin_of(firms, offer.firm_id))
    form = client.get(f"/offers/{offer.id}/quote").get_data(as_text=True)
    assert 'value="success"' not in form and 'data-rule="HK"' in form
    page = answer(client, offer, fee_basis="success", success_percent="20")
    assert "success-based fee is not allowed" in page.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Offer, offer.id).quote.submitted_at is None
    auth.logout()

    # The Philippines allows them: the same answer is taken.
    ph_client = factories.make_user(Role.CLIENT)
    firm, admin = firm_with_admin("Manila Counsel", jurisdictions=("PH",))
    ph_req = factories.make_legal_request(ph_client, title="Arbitration in Manila", jurisdictions=("PH",))
    db.session.commit()
    auth.login(user=ph_client)
    ask(client, ph_req, [firm.id])
    auth.logout()
    ph_offer = quote_offers(ph_req)[0]
    auth.login(user=admin)
    assert 'value="success"' in client.get(f"/offers/{ph_offer.id}/quote").get_data(as_text=True)
    assert answer(client, ph_offer, fee_basis="success", success_percent="20", currency="PHP").status_code == 302
    db.session.expire_all()
    quote = db.session.get(Offer, ph_offer.id).quote
    assert (quote.fee_basis, quote.success_percent, quote.currency) == (FeeBasis.SUCCESS, 20, "PHP")


@pytest.mark.parametrize("locale, expected", [
    ("en", ["HK$48,000.00", "Hong Kong Dollar", "$1,234.50", "US Dollar"]),
    ("zh_Hans", ["HK$48,000.00", "港元", "US$1,234.50", "美元"]),
    ("zh_Hant", ["HK$48,000.00", "港幣", "US$1,234.50", "美元"]),
])
def test_amounts_and_currency_names_in_english_and_chinese(client, db, auth, locale, expected):
    client_user, req, firms = matched_request(n_firms=2)
    auth.login(user=client_user)
    ask(client, req, [f.id for f, _a in firms])
    auth.logout()
    offers = quote_offers(req)
    auth.login(user=admin_of(firms, offers[0].firm_id))
    answer(client, offers[0])
    auth.logout()
    auth.login(user=admin_of(firms, offers[1].firm_id))
    answer(client, offers[1], currency="USD", amount_low="1234.5")
    auth.logout()
    auth.login(user=client_user)
    submit(client, "/language", {"locale": locale, "next": "/"}, form_url="/")
    html = client.get(f"/requests/{req.id}/quotes").get_data(as_text=True)
    for text in expected:
        assert text in html, text
    assert db.session.get(Offer, offers[1].id).quote.amount_low == 123450  # kept in cents


def test_final_fee_at_closing_and_the_staff_report(client, db, auth):
    client_user, req, firms = matched_request(n_firms=1)
    auth.login(user=client_user)
    ask(client, req, [firms[0][0].id])
    auth.logout()
    offer = quote_offers(req)[0]
    admin = admin_of(firms, offer.firm_id)
    auth.login(user=admin)
    answer(client, offer, amount_low="40000", amount_high="50000")
    auth.logout()
    auth.login(user=client_user)
    submit(client, f"/requests/{req.id}/quotes/{offer.quote.id}/accept", {}, form_url=f"/requests/{req.id}/quotes")
    auth.logout()

    auth.login(user=admin)
    close_url = f"/cases/{req.id}/close"
    # A bad final fee closes nothing.
    submit(client, close_url, {"outcome": "resolved", "confirm": "y", "final_fee": "-1",
                               "final_fee_currency": "HKD"}, form_url=f"/cases/{req.id}")
    db.session.expire_all()
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.ACCEPTED
    submit(client, close_url, {"outcome": "resolved", "confirm": "y", "final_fee": "54,000",
                               "final_fee_currency": "HKD"}, form_url=f"/cases/{req.id}")
    db.session.expire_all()
    closed = db.session.get(LegalRequest, req.id)
    assert closed.status == RequestStatus.CLOSED and (closed.final_fee, closed.final_fee_currency) == (5400000, "HKD")
    auth.logout()

    auth.login(Role.STAFF)
    html = client.get("/staff/reports/").get_data(as_text=True)
    assert f'data-fee-row="{req.reference}"' in html
    assert "HK$40,000.00 – HK$50,000.00" in html and "HK$54,000.00" in html
    # 54,000 over the middle of the quote (45,000) is 120%; above the top of the range, so not within.
    assert '<div class="stat" data-stat="fees-ratio"><dt>Median final fee as a share of the quote</dt><dd>120%' in html
    assert 'data-stat="fees-within"><dt>Final fee within the quote</dt><dd>0<' in html


def test_others_cannot_see_or_answer_quotes(client, db, auth):
    client_user, req, firms = matched_request(n_firms=2)
    auth.login(user=client_user)
    ask(client, req, [firms[0][0].id])
    auth.logout()
    offer = quote_offers(req)[0]
    other_admin = admin_of(firms, firms[1][0].id)
    auth.login(user=other_admin)
    assert client.get(f"/offers/{offer.id}/quote").status_code == 404
    assert client.get(f"/requests/{req.id}/quotes").status_code == 403
    auth.logout()
    auth.login(Role.CLIENT)
    assert client.get(f"/requests/{req.id}/quotes").status_code == 404
    assert db.session.scalar(db.select(db.func.count()).select_from(Quote)) == 1


def test_a_quote_holds_its_offer_open_until_its_validity_ends_then_lapses_without_counting_as_missed(
        client, db, auth):
    from legalnet.referrals.cli import sweep

    client_user, req, firms = matched_request(n_firms=2)
    auth.login(user=client_user)
    ask(client, req, [firms[0][0].id, firms[1][0].id])
    auth.logout()
    quoted, silent = quote_offers(req)
    first_deadline = silent.respond_by
    auth.login(user=admin_of(firms, quoted.firm_id))
    answer(client, quoted)
    auth.logout()
    db.session.expire_all()
    quoted = db.session.get(Offer, quoted.id)
    # The deadline now gives the client until the end of the validity date (centre's time zone, UTC+8).
    valid_until = date.fromisoformat(TOMORROW)
    assert quoted.respond_by.date() == valid_until and quoted.respond_by.hour == 15
    assert quoted.reminded_at is not None

    # The firm that never answered misses its deadline as usual; the quote stays open.
    assert sweep(now=first_deadline + timedelta(minutes=1))["expired"] == 1
    db.session.expire_all()
    assert db.session.get(Offer, silent.id).status == OfferStatus.EXPIRED
    assert db.session.get(Offer, quoted.id).status == OfferStatus.OFFERED
    assert db.session.get(Firm, silent.firm_id).offers_expired == 1

    assert sweep(now=quoted.respond_by + timedelta(minutes=1))["expired"] == 1
    db.session.expire_all()
    assert db.session.get(Offer, quoted.id).status == OfferStatus.EXPIRED
    assert db.session.get(Firm, quoted.firm_id).offers_expired == 0
    notice = db.session.scalar(db.select(Notification).where(
        Notification.user_id == admin_of(firms, quoted.firm_id).id, Notification.kind == "offer.expired"))
    assert "lapsed without being accepted" in notice.message
