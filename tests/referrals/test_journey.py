"""The whole path through the pages: a client submits and picks a firm, the firm accepts, they exchange
messages, the client closes and rates; and the decline, expiry and needs-review paths."""

import re
from datetime import timedelta

from legalnet.accounts.models import Role
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.firms.hours import clock_for
from legalnet.firms.models import Firm
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.notifications.models import Notification
from legalnet.referrals.cli import sla_cli
from legalnet.referrals.deadlines import add_working_hours
from legalnet.referrals.models import Offer, OfferStatus
from tests import factories
from tests.conftest import submit
from tests.referrals.helpers import firm_with_admin

FORM = {
    "title": "Trade mark dispute in Hong Kong",
    "description": "Our distributor registered our brand. We need arbitration counsel.",
    "jurisdictions_text": "Hong Kong",
    "practice_areas": ["arbitration"],
    "languages_text": "English",
    "counterparties": "Kowloon Copycat Ltd\nAnother Party Co., Ltd.",
    "urgency": "standard",
    "budget_amount": "20000",
    "budget_currency": "HKD",
    "deadline": "",
}


def notices(user):
    return [n.kind for n in db.session.scalars(db.select(Notification).where(Notification.user_id == user.id))]


def test_client_submits_picks_firm_accepts_messages_close_and_rate(client, db, auth, app):
    firm_a, admin_a = firm_with_admin("Harbour Arbitration LLP", phone="+852 1234 5678", website="https://harbour.example")
    firm_b, _admin_b = firm_with_admin("Peak Disputes")
    db.session.commit()
    client_user = auth.login(Role.CLIENT)

    # Check: the form comes back with what was understood, and nothing is stored yet.
    page = submit(client, "/requests/new", {**FORM, "jurisdictions_text": "Hong Kong, Narnia", "check": "Check"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "We understood" in html and "Hong Kong" in html and "Arbitration" in html
    assert "Narnia" in html
    assert db.session.scalar(db.select(db.func.count()).select_from(LegalRequest)) == 0

    # Submitting without consent is refused and stores nothing.
    page = submit(client, "/requests/new", {**FORM, "submit": "Submit request"})
    assert page.status_code == 422 and "agree" in page.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(LegalRequest)) == 0

    response = submit(client, "/requests/new", {**FORM, "consent": "y", "submit": "Submit request"})
    assert response.status_code == 302
    req = db.session.scalars(db.select(LegalRequest)).one()
    assert re.fullmatch(rf"GBA-{utcnow().year}-\d{{6}}", req.reference)
    assert req.status == RequestStatus.MATCHED
    assert req.jurisdictions == ["HK"] and "arbitration" in req.practice_areas
    assert req.counterparties == ["Kowloon Copycat Ltd", "Another Party Co., Ltd."]
    assert req.budget_amount == 20000 and req.budget_currency == "HKD"
    assert {m.firm_id for m in req.matches} == {firm_a.id, firm_b.id}

    detail = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Harbour Arbitration LLP" in detail and "Peak Disputes" in detail
    assert submit(client, f"/requests/{req.id}/pick", {"firm": str(firm_a.id)},
                  form_url=f"/requests/{req.id}").status_code == 302
    offer = db.session.scalars(db.select(Offer)).one()
    assert offer.firm_id == firm_a.id and offer.status == OfferStatus.OFFERED
    assert "offer.new" in notices(admin_a)
    # 48 working hours of the firm's clock, not 48 hours of the wall clock.
    assert offer.respond_by == add_working_hours(offer.offered_at, 48, clock_for(offer.firm))
    assert offer.respond_by - offer.offered_at > timedelta(hours=48)

    # The firm sees the offer, cannot accept without its own conflict check, then accepts.
    auth.logout()
    auth.login(user=admin_a)
    inbox = client.get("/offers/").get_data(as_text=True)
    assert req.reference in inbox
    page = client.get(f"/offers/{offer.id}").get_data(as_text=True)
    assert "found none of these names in your conflict register: Kowloon Copycat Ltd" in page
    submit(client, f"/offers/{offer.id}/accept", {}, form_url=f"/offers/{offer.id}")
    assert db.session.get(Offer, offer.id).status == OfferStatus.OFFERED
    response = submit(client, f"/offers/{offer.id}/accept", {"confirm_conflict_check": "y"},
                      form_url=f"/offers/{offer.id}")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/cases/{req.id}")
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.ACCEPTED
    assert "offer.accepted" in notices(client_user)
    case = client.get(f"/cases/{req.id}").get_data(as_text=True)
    assert client_user.email in case and client_user.organisation.name in case

    submit(client, f"/cases/{req.id}/messages", {"body": "Please send the licence agreement."},
           form_url=f"/cases/{req.id}")
    submit(client, f"/cases/{req.id}/notes", {"text": "Partner Wong to lead; fee cap HKD 18k."},
           form_url=f"/cases/{req.id}")
    submit(client, f"/cases/{req.id}/status", {"status": "in_progress"}, form_url=f"/cases/{req.id}")
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.IN_PROGRESS
    assert "message" in notices(client_user)

    # The client sees the firm's contacts and message, never the firm's internal note.
    auth.logout()
    auth.login(user=client_user)
    case = client.get(f"/cases/{req.id}").get_data(as_text=True)
    assert "Please send the licence agreement." in case
    assert "Partner Wong" not in case
    assert firm_a.email in case and "+852 1234 5678" in case and "https://harbour.example" in case
    submit(client, f"/cases/{req.id}/messages", {"body": "Attached, thank you."}, form_url=f"/cases/{req.id}")
    assert "message" in notices(admin_a)

    submit(client, f"/cases/{req.id}/close", {"outcome": "resolved", "note": "Settled.", "confirm": "y"},
           form_url=f"/cases/{req.id}")
    closed = db.session.get(LegalRequest, req.id)
    assert closed.status == RequestStatus.CLOSED and closed.outcome.value == "resolved"
    submit(client, f"/cases/{req.id}/feedback", {"rating": "5", "comment": "Fast and clear."},
           form_url=f"/cases/{req.id}")
    # A closed case takes no new messages.
    page = submit(client, f"/cases/{req.id}/messages", {"body": "One more thing"}, form_url=f"/cases/{req.id}",
                  follow_redirects=True)
    assert "This case is closed" in page.get_data(as_text=True)

    firm = db.session.get(Firm, firm_a.id)
    assert (firm.offers_accepted, firm.open_cases, firm.rating_total, firm.rating_count) == (1, 0, 5, 1)
    assert firm.recent_referrals == 1 and firm.last_referred_at is not None
    timeline = [e.kind for e in closed_events(req.id)]
    for kind in ("submitted", "matched", "offered", "accepted", "message", "firm_note", "status", "closed",
                 "feedback"):
        assert kind in timeline


def closed_events(request_id):
    from legalnet.referrals.models import CaseEvent

    return db.session.scalars(db.select(CaseEvent).where(CaseEvent.request_id == request_id)
                              .order_by(CaseEvent.id)).all()


def test_decline_and_expiry_cascade_then_needs_review(client, db, auth, app):
    staff = factories.make_user(Role.STAFF)
    pairs = [firm_with_admin() for _ in range(3)]
    client_user = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client_user, urgency="urgent")
    db.session.commit()
    auth.login(user=client_user)
    submit(client, f"/requests/{req.id}/pick", {"firm": "centre"}, form_url=f"/requests/{req.id}")
    first = db.session.scalars(db.select(Offer)).one()
    assert first.respond_by == add_working_hours(first.offered_at, 24, clock_for(first.firm))

    # The first firm declines through its page: the next firm on the shortlist gets the offer.
    auth.logout()
    admin = next(a for f, a in pairs if f.id == first.firm_id)
    auth.login(user=admin)
    page = submit(client, f"/offers/{first.id}/decline", {"reason": ""}, form_url=f"/offers/{first.id}",
                  follow_redirects=True)
    assert db.session.get(Offer, first.id).status == OfferStatus.OFFERED
    submit(client, f"/offers/{first.id}/decline", {"reason": "Conflict with an existing client"},
           form_url=f"/offers/{first.id}")
    offers = db.session.scalars(db.select(Offer).order_by(Offer.id)).all()
    assert [o.status for o in offers] == [OfferStatus.DECLINED, OfferStatus.OFFERED]
    assert offers[1].firm_id != first.firm_id
    assert "offer.declined" in notices(client_user)
    # Declined offers cannot be accepted afterwards.
    page = submit(client, f"/offers/{first.id}/accept", {"confirm_conflict_check": "y"},
                  form_url=f"/offers/{first.id}", follow_redirects=True)
    assert db.session.get(Offer, first.id).status == OfferStatus.DECLINED
    assert "cannot" in page.get_data(as_text=True).lower() or "no longer" in page.get_data(as_text=True).lower()

    # The second offer expires: the sweep cascades to the third firm, then to nobody.
    runner = app.test_cli_runner()
    for expected_open in (1, 0):
        db.session.execute(db.update(Offer).where(Offer.status == OfferStatus.OFFERED)
                           .values(respond_by=utcnow() - timedelta(minutes=1)))
        db.session.commit()
        result = runner.invoke(sla_cli, ["sweep"])
        assert result.exit_code == 0, result.output
        assert "expired 1" in result.output
        db.session.expire_all()
        assert len(db.session.get(LegalRequest, req.id).open_offers) == expected_open
    statuses = [o.status for o in db.session.scalars(db.select(Offer).order_by(Offer.id))]
    assert statuses == [OfferStatus.DECLINED, OfferStatus.EXPIRED, OfferStatus.EXPIRED]
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.NEEDS_REVIEW
    assert "request.needs_review" in notices(staff)
    assert "offer.expired" in notices(client_user)
    firm_counts = {f.id: (f.offers_declined, f.offers_expired) for f in db.session.scalars(db.select(Firm))}
    assert sorted(firm_counts.values()) == [(0, 1), (0, 1), (1, 0)]

    # Staff see it in the queue and refer it by hand; the firm that first declined cannot be offered twice
    # while it has an open offer, but any other active firm can.
    auth.logout()
    auth.login(user=staff)
    queue = client.get("/staff/requests").get_data(as_text=True)
    assert req.reference in queue
    outsider, outsider_admin = firm_with_admin("Outside Counsel", jurisdictions=("SG",))
    db.session.commit()
    submit(client, f"/staff/requests/{req.id}/refer", {"firm_id": str(outsider.id), "reason": "Knows the judge",
                                                         "confirm": "y"},
           form_url=f"/staff/requests/{req.id}")
    manual = db.session.scalars(db.select(Offer).where(Offer.firm_id == outsider.id)).one()
    assert manual.source.value == "staff" and manual.status == OfferStatus.OFFERED
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.REFERRED
    submit(client, f"/staff/offers/{manual.id}/withdraw", {"reason": "Wrong firm"},
           form_url=f"/staff/requests/{req.id}")
    assert db.session.get(Offer, manual.id).status == OfferStatus.WITHDRAWN
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.NEEDS_REVIEW


def test_nothing_fits_goes_to_review_and_staff_are_told(client, db, auth):
    staff = factories.make_user(Role.STAFF)
    firm_with_admin(jurisdictions=("SG",))
    db.session.commit()
    auth.login(Role.CLIENT)
    response = submit(client, "/requests/new", {**FORM, "jurisdictions_text": "Cambodia", "consent": "y",
                                                "submit": "Submit request"})
    assert response.status_code == 302
    req = db.session.scalars(db.select(LegalRequest)).one()
    assert req.status == RequestStatus.NEEDS_REVIEW and req.matches == []
    assert "request.needs_review" in notices(staff)
    assert "reviewing" in client.get(f"/requests/{req.id}").get_data(as_text=True)
