"""Fee quotes through the API: the client asks three shortlisted firms, two quote and one declines, the client
compares and accepts one while the other is released; bad quotes are refused with the field named and store
nothing; other clients and firms get 404."""

from datetime import date, timedelta

from legalnet.accounts.models import Role
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.referrals.models import OfferStatus
from legalnet.referrals.quote_models import Quote
from tests import factories
from tests.referrals.test_quotes import admin_of, matched_request, quote_offers

VALID_UNTIL = (date.today() + timedelta(days=10)).isoformat()
QUOTE = {"fee_basis": "fixed", "currency": "HKD", "amount_low": 48000, "estimated_hours": 60,
         "scope": "Advice, pleadings and the hearing.", "exclusions": "Counsel's fees.",
         "valid_until": VALID_UNTIL, "conflict_checked": True}


def test_three_quotes_asked_answered_compared_and_one_accepted(api, db):
    client_user, req, firms = matched_request()
    chosen = [firm.id for firm, _admin in firms[:3]]
    response = api.post(f"/requests/{req.id}/quotes", client_user, {"firm_ids": chosen})
    assert response.status_code == 201, response.get_json()
    assert [q["firm"]["id"] for q in response.get_json()["items"]] == chosen
    assert {q["state"] for q in response.get_json()["items"]} == {"asked"}
    offers = quote_offers(req)

    first = api.post(f"/offers/{offers[0].id}/quote", admin_of(firms, offers[0].firm_id), QUOTE)
    assert first.status_code == 201, first.get_json()
    assert first.get_json()["amount_low"] == 48000 and first.get_json()["currency_name"] == "Hong Kong Dollar"
    ranged = {**QUOTE, "fee_basis": "hourly", "hourly_rate": 3500, "amount_low": 30000, "amount_high": 45000.5,
              "estimated_hours": 12}
    assert api.post(f"/offers/{offers[1].id}/quote", admin_of(firms, offers[1].firm_id), ranged).status_code == 201
    declined = api.post(f"/offers/{offers[2].id}/decline", admin_of(firms, offers[2].firm_id),
                        {"reason": "No capacity this month."})
    assert declined.status_code == 200

    compared = api.get(f"/requests/{req.id}/quotes", client_user).get_json()["items"]
    assert [q["state"] for q in compared] == ["quoted", "quoted", "declined"]
    assert compared[1]["amount_high"] == 45000.5 and compared[1]["hourly_rate"] == 3500
    # The firm reads its own quote on its offer.
    own = api.get(f"/offers/{offers[0].id}/quote", admin_of(firms, offers[0].firm_id)).get_json()
    assert own["scope"] == QUOTE["scope"]

    accepted = api.post(f"/requests/{req.id}/quotes/{compared[0]['id']}/accept", client_user)
    assert accepted.status_code == 200 and accepted.get_json()["state"] == "accepted"
    assert [o.status for o in quote_offers(req)] == [OfferStatus.ACCEPTED, OfferStatus.WITHDRAWN,
                                                      OfferStatus.DECLINED]
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.ACCEPTED
    states = [q["state"] for q in api.get(f"/requests/{req.id}/quotes", client_user).get_json()["items"]]
    assert states == ["accepted", "released", "declined"]
    # The released quote can no longer be accepted.
    again = api.post(f"/requests/{req.id}/quotes/{compared[1]['id']}/accept", client_user)
    assert again.status_code == 409


def test_bad_quotes_name_the_field_and_store_nothing(api, db):
    client_user, req, firms = matched_request()
    assert api.post(f"/requests/{req.id}/quotes", client_user, {"firm_ids": [firms[0][0].id]}).status_code == 201
    offer = quote_offers(req)[0]
    admin = admin_of(firms, offer.firm_id)
    for change, status in [({"amount_low": -5}, 422), ({"amount_low": 10**15}, 422), ({"currency": "XYZ"}, 422),
                           ({"amount_low": "48000"}, 422), ({"fee_basis": "free"}, 422),
                           ({"conflict_checked": False}, 422), ({"valid_until": "2020-01-01"}, 422),
                           ({"fee_basis": "success", "success_percent": 20}, 422)]:
        response = api.post(f"/offers/{offer.id}/quote", admin, {**QUOTE, **change})
        assert response.status_code == status, (change, response.get_json())
        assert response.get_json()["errors"] or response.get_json()["detail"]
    quote = db.session.scalars(db.select(Quote)).one()
    assert quote.submitted_at is None and quote.amount_low is None
    # More than three firms, or one off the shortlist: refused, nothing offered.
    other_client, other_req, other_firms = matched_request(n_firms=5)
    too_many = api.post(f"/requests/{other_req.id}/quotes", other_client,
                        {"firm_ids": [f.id for f, _a in other_firms[:4]]})
    assert too_many.status_code == 422 and "at most 3" in too_many.get_json()["detail"]
    assert quote_offers(other_req) == []


def test_other_clients_and_firms_get_404(api, db):
    client_user, req, firms = matched_request()
    api.post(f"/requests/{req.id}/quotes", client_user, {"firm_ids": [firms[0][0].id]})
    offer = quote_offers(req)[0]
    stranger = factories.make_user(Role.CLIENT)
    _unasked, unasked_admin = firms[3]
    db.session.commit()
    assert api.get(f"/requests/{req.id}/quotes", stranger).status_code == 404
    assert api.post(f"/requests/{req.id}/quotes", stranger, {"firm_ids": [firms[1][0].id]}).status_code == 404
    assert api.post(f"/offers/{offer.id}/quote", unasked_admin, QUOTE).status_code == 404
    assert api.get(f"/offers/{offer.id}/quote", unasked_admin).status_code == 404
    # A firm may not list the client's quotes.
    assert api.get(f"/requests/{req.id}/quotes", admin_of(firms, offer.firm_id)).status_code == 403
