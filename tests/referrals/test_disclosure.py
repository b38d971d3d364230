"""Two-stage disclosure: before accepting, a firm reads a summary (facts, a budget band, the counterparties and
the summary the client approved) on the offer page, in its inbox and in the e-mail; after accepting with its
conflict check it reads everything, and each full disclosure is audited. Staff read everything; a firm whose
offer was declined or expired never reads more than the summary."""

import re
from datetime import timedelta

from legalnet.accounts.models import Role
from legalnet.core.audit import AuditLog
from legalnet.core.models import utcnow
from legalnet.extensions import db as _db
from legalnet.intake.models import LegalRequest
from legalnet.notifications.models import OutboxEmail
from legalnet.referrals import services
from legalnet.referrals.disclosure import FULL, SUMMARY, budget_band, default_summary, disclosure_level, request_view
from legalnet.referrals.models import Offer, OfferStatus
from tests import factories
from tests.conftest import submit
from tests.referrals.helpers import firm_of, referred_request

TITLE = "Zhang Wei shareholder fight"
DESCRIPTION = "Mr Zhang Wei of Harbour Lights Trading wants to remove his brother-in-law as director."
SUMMARY_TEXT = "A shareholder of a Hong Kong company wants to remove a director."
ORGANISATION = "Harbour Lights Trading Ltd"
SECRETS = (TITLE, "Zhang Wei", ORGANISATION, "Harbour Lights")


def confidential_request(n_firms=2):
    """A referred request whose title, description and client name must stay hidden from firms until they accept."""
    client = factories.make_user(Role.CLIENT, organisation=factories.make_organisation(ORGANISATION))
    # On the Check step the client unticked their own name, which the description names as a party.
    return referred_request(n_firms, client=client, title=TITLE, description=DESCRIPTION, summary=SUMMARY_TEXT,
                            counterparties=["Kowloon Copycat Ltd"], budget_amount=12_000, budget_currency="HKD",
                            removed_counterparties=["Zhang Wei"])


def open_offer(req):
    return _db.session.scalars(_db.select(Offer).where(Offer.request_id == req.id,
                                                       Offer.status == OfferStatus.OFFERED)).one()


def disclosures(action=None):
    stmt = _db.select(AuditLog).where(AuditLog.action.like("request.disclosed.%")).order_by(AuditLog.id)
    rows = _db.session.scalars(stmt).all()
    return [r for r in rows if action is None or r.action == action]


def test_firm_sees_a_summary_before_accepting_and_everything_after(client, db, auth):
    client_user, req, firms = confidential_request()
    offer = open_offer(req)
    _firm, admin = firm_of(firms, offer.firm_id)
    auth.login(user=admin)

    page = client.get(f"/offers/{offer.id}").get_data(as_text=True)
    assert 'data-disclosure="summary"' in page
    for secret in (*SECRETS, client_user.email, client_user.name):
        assert secret not in page
    assert SUMMARY_TEXT in page and "Kowloon Copycat Ltd" in page
    assert re.search(r'data-kind="budget_band">HKD 10,000 to 20,000<', page)
    assert "12,000" not in page
    inbox = client.get("/offers/?show=all").get_data(as_text=True)
    assert SUMMARY_TEXT in inbox and not any(secret in inbox for secret in SECRETS)
    assert client.get(f"/cases/{req.id}").status_code == 404
    assert disclosures() == []

    # Without the conflict check, accepting is refused and nothing more is shown.
    submit(client, f"/offers/{offer.id}/accept", {}, form_url=f"/offers/{offer.id}")
    assert _db.session.get(Offer, offer.id).status == OfferStatus.OFFERED
    assert TITLE not in client.get(f"/offers/{offer.id}").get_data(as_text=True) and disclosures() == []

    response = submit(client, f"/offers/{offer.id}/accept", {"confirm_conflict_check": "y"},
                      form_url=f"/offers/{offer.id}")
    assert response.status_code == 302
    accepted = disclosures("request.disclosed.accepted")
    assert len(accepted) == 1 and accepted[0].actor_id == admin.id and accepted[0].subject_id == req.id
    assert accepted[0].subject_type == "legalrequest"

    case = client.get(f"/cases/{req.id}").get_data(as_text=True)
    assert TITLE in case and DESCRIPTION in case and ORGANISATION in case and client_user.email in case
    full = client.get(f"/offers/{offer.id}").get_data(as_text=True)
    assert 'data-disclosure="full"' in full and DESCRIPTION in full and ORGANISATION in full
    assert "HKD 12,000" in full
    viewed = disclosures("request.disclosed.viewed")
    assert [v.actor_id for v in viewed] == [admin.id, admin.id]


def test_the_new_offer_email_carries_nothing_the_client_wrote(client, db):
    client_user, req, firms = confidential_request()
    offer = open_offer(req)
    _firm, admin = firm_of(firms, offer.firm_id)
    mails = _db.session.scalars(_db.select(OutboxEmail).where(OutboxEmail.to_address == admin.email)).all()
    assert len(mails) == 1
    text = mails[0].subject + mails[0].body
    assert req.reference in text and f"/offers/{offer.id}" in text
    for secret in (*SECRETS, DESCRIPTION, SUMMARY_TEXT, client_user.email):
        assert secret not in text


def test_staff_and_the_client_see_everything(client, db, auth):
    client_user, req, _firms = confidential_request()
    staff = factories.make_user(Role.STAFF)
    _db.session.commit()
    assert disclosure_level(staff, req) == FULL and disclosure_level(client_user, req) == FULL
    auth.login(user=staff)
    page = client.get(f"/staff/requests/{req.id}").get_data(as_text=True)
    assert TITLE in page and DESCRIPTION in page and ORGANISATION in page and SUMMARY_TEXT in page
    # Staff readings are not firm disclosures.
    assert disclosures() == []


def test_a_firm_whose_offer_was_declined_or_expired_never_sees_more(client, db, auth):
    _client_user, req, firms = confidential_request(n_firms=3)
    first = open_offer(req)
    _f1, declining_admin = firm_of(firms, first.firm_id)
    services.decline_offer(first, declining_admin, "No capacity")
    _db.session.commit()
    second = open_offer(req)
    _f2, expiring_admin = firm_of(firms, second.firm_id)
    services.expire_offer(second.id, now=second.respond_by + timedelta(minutes=1))
    _db.session.commit()
    third = open_offer(req)
    _f3, accepting_admin = firm_of(firms, third.firm_id)
    services.accept_offer(third, accepting_admin, True, now=utcnow())
    _db.session.commit()
    req = _db.session.get(LegalRequest, req.id)

    assert disclosure_level(accepting_admin, req) == FULL
    outsider = factories.make_user(Role.FIRM_ADMIN)
    _db.session.commit()
    assert disclosure_level(outsider, req) is None
    for admin, offer in ((declining_admin, first), (expiring_admin, second)):
        assert disclosure_level(admin, req) == SUMMARY
        auth.login(user=admin)
        page = client.get(f"/offers/{offer.id}").get_data(as_text=True)
        assert 'data-disclosure="summary"' in page and SUMMARY_TEXT in page
        assert not any(secret in page for secret in SECRETS)
        assert client.get(f"/cases/{req.id}").status_code == 404
        auth.logout()
    assert {d.actor_id for d in disclosures()} == {accepting_admin.id}


def test_the_view_data_leaves_out_everything_but_the_summary(db):
    _client_user, req, _firms = confidential_request()
    summary = request_view(req, SUMMARY).as_dict()
    assert summary["title"] is None and summary["description"] is None and summary["client"] is None
    assert summary["budget_amount"] is None and summary["contacts"] == []
    assert summary["budget_band"] == [10_000, 20_000] and summary["summary"] == SUMMARY_TEXT
    full = request_view(req, FULL).as_dict()
    assert full["title"] == TITLE and full["client"] == ORGANISATION and full["budget_amount"] == 12_000


def test_budget_bands_and_the_default_summary():
    assert budget_band(None) is None and budget_band(0) == (0, 0)
    assert budget_band(12_000) == (10_000, 20_000) and budget_band(5_000) == (5_000, 10_000)
    assert budget_band(999) == (500, 1_000) and budget_band(1) == (1, 2)
    long = "word " * 400
    cut = default_summary(long)
    assert len(cut) <= 600 and cut.endswith("…") and not cut[:-1].endswith(" ")
    assert default_summary("  Short\n text ") == "Short text"


def test_the_check_step_offers_a_summary_the_client_can_edit(client, db, auth):
    auth.login(Role.CLIENT)
    form = {"title": TITLE, "description": DESCRIPTION, "jurisdictions_text": "Hong Kong",
            "practice_areas_text": "corporate", "urgency": "standard", "budget_currency": "USD"}
    page = submit(client, "/requests/new", {**form, "check": "Check"}).get_data(as_text=True)
    assert re.search(r'<textarea[^>]*name="summary"[^>]*>\s*' + re.escape(DESCRIPTION) + r"</textarea>", page)
    response = submit(client, "/requests/new", {**form, "summary": SUMMARY_TEXT, "consent": "y", "submit": "Submit"})
    assert response.status_code == 302
    req = _db.session.scalars(_db.select(LegalRequest)).one()
    assert req.summary == SUMMARY_TEXT and req.description == DESCRIPTION
    too_long = submit(client, "/requests/new", {**form, "summary": "x" * 601, "consent": "y", "submit": "Submit"})
    assert too_long.status_code == 422 and _db.session.scalar(_db.select(_db.func.count(LegalRequest.id))) == 1
