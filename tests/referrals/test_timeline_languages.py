"""The timeline and the notices speak the reader's language, not the actor's: events are stored as codes with
parameters and worded when the page is shown; deadlines are formatted like every other date of the app; typed
text stays as typed, and rows written before events had parameters show their stored text."""

from flask_babel import force_locale

from legalnet.accounts.models import Role
from legalnet.extensions import db
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.notifications.models import Notification
from legalnet.referrals import services
from legalnet.referrals.events import when_text
from legalnet.referrals.models import CaseEvent, Offer
from tests import factories
from tests.conftest import submit
from tests.referrals.helpers import firm_with_admin
from tests.test_i18n import choose_language, page


def accepted_case(app, client, auth, client_locale="zh_Hans"):
    """A Chinese-speaking client's request accepted by an English-speaking firm through the real pages."""
    firm, admin = firm_with_admin("Harbour Arbitration LLP")
    admin.locale = "en"
    client_user = factories.make_user(Role.CLIENT)
    client_user.locale = client_locale
    req = factories.make_legal_request(client_user)
    db.session.commit()
    auth.login(user=client_user)
    assert submit(client, f"/requests/{req.id}/pick", {"firm": str(firm.id)},
                  form_url=f"/requests/{req.id}").status_code == 302
    auth.logout()
    auth.login(user=admin)
    offer = db.session.scalars(db.select(Offer)).one()
    assert submit(client, f"/offers/{offer.id}/accept", {"confirm_conflict_check": "y"},
                  form_url=f"/offers/{offer.id}").status_code == 302
    return firm, admin, client_user, req, offer


def test_each_side_reads_the_same_events_in_its_own_language(app, client, db, auth):
    _firm, admin, client_user, req, offer = accepted_case(app, client, auth)
    english = page(client, f"/cases/{req.id}")
    assert "Request submitted." in english and "Harbour Arbitration LLP accepted the request." in english
    assert "委托已提交" not in english

    # The Chinese client closes the case; the English firm reads the closure in English.
    auth.logout()
    auth.login(user=client_user)
    choose_language(client, "zh_Hans", f"/cases/{req.id}")
    assert submit(client, f"/cases/{req.id}/close", {"outcome": "resolved", "note": "谢谢", "confirm": "y"},
                  form_url=f"/cases/{req.id}").status_code == 302
    chinese = page(client, f"/cases/{req.id}")
    assert "委托已提交。" in chinese and "Harbour Arbitration LLP 已接受该委托。" in chinese
    assert "已结案（已解决）。谢谢" in chinese
    assert "Request submitted." not in chinese and "accepted the request" not in chinese

    auth.logout()
    auth.login(user=admin)
    english = page(client, f"/cases/{req.id}")
    assert "Closed (Resolved). 谢谢" in english  # the client's note stays as typed
    assert "已结案" not in english

    # The rows keep the code, the parameters and the English wording.
    closed = db.session.scalars(db.select(CaseEvent).where(CaseEvent.kind == "closed")).one()
    assert closed.params == {"outcome": "resolved", "note": "谢谢"}
    assert closed.text == "Closed (Resolved). 谢谢"


def test_offer_deadline_is_formatted_like_the_offer_page_without_a_baked_time_zone(app, client, db, auth):
    firm, admin = firm_with_admin("Peak Disputes")
    client_user = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client_user)
    services.choose_firm(req, client_user, firm.id)
    db.session.commit()
    offer = db.session.scalars(db.select(Offer)).one()
    event = db.session.scalars(db.select(CaseEvent).where(CaseEvent.kind == "offered")).one()
    assert event.params["respond_by"] == offer.respond_by.isoformat()
    with app.test_request_context():
        when = when_text(offer.respond_by)
    auth.login(user=client_user)
    history = page(client, f"/requests/{req.id}")
    assert f"Offered to Peak Disputes; answer due by {when}." in history
    assert " UTC" not in history
    auth.logout()
    auth.login(user=admin)
    # The timeline and notices name the zone, since they are read away from the page (in e-mails too).
    assert when.endswith(" (Hong Kong Time, GMT+08:00)")
    assert when.removesuffix(" (Hong Kong Time, GMT+08:00)") in page(client, f"/offers/{offer.id}")
    notice = db.session.scalars(db.select(Notification).where(Notification.kind == "offer.new")).one()
    assert when in notice.message and "UTC" not in notice.message

    # A firm member reading Chinese gets the deadline in Chinese.
    choose_language(client, "zh_Hans", f"/offers/{offer.id}")
    with app.test_request_context(), force_locale("zh_Hans"):
        chinese_when = when_text(offer.respond_by)
    assert chinese_when.endswith("(香港时间, GMT+08:00)")
    assert chinese_when != when and chinese_when.split(" (")[0] in page(client, f"/offers/{offer.id}")


def test_rows_written_before_event_codes_show_their_stored_text(client, db, auth):
    client_user = factories.make_user(Role.CLIENT)
    firm_with_admin()
    req = factories.make_legal_request(client_user)
    db.session.add_all([
        CaseEvent(request_id=req.id, kind="offered",
                  text="Offered to Old Firm; answer due by 2026-11-26 05:03 UTC."),
        CaseEvent(request_id=req.id, kind="needs_review", text="Old reason, in the language of the actor."),
        CaseEvent(request_id=req.id, kind="some_future_kind", text="Unknown kind."),
    ])
    db.session.commit()
    auth.login(user=client_user)
    html = page(client, f"/requests/{req.id}")
    for text in ("Offered to Old Firm; answer due by 2026-11-26 05:03 UTC.",
                 "Old reason, in the language of the actor.", "Unknown kind."):
        assert text in html


def test_staff_are_told_in_their_own_language_why_a_request_needs_them(client, db, auth):
    english_staff = factories.make_user(Role.STAFF)
    chinese_staff = factories.make_user(Role.STAFF)
    chinese_staff.locale = "zh_Hans"
    firm_with_admin(jurisdictions=("SG",))
    db.session.commit()
    auth.login(Role.CLIENT)
    response = submit(client, "/requests/new", {"title": "Cambodian lease", "jurisdictions_text": "Cambodia",
                                                "urgency": "standard", "budget_currency": "USD", "consent": "y",
                                                "submit": "Submit request"})
    assert response.status_code == 302
    req = db.session.scalars(db.select(LegalRequest)).one()
    assert req.status == RequestStatus.NEEDS_REVIEW

    def notice(user):
        return db.session.scalars(db.select(Notification).where(Notification.user_id == user.id)).one().message

    assert notice(english_staff).endswith("No member firm fits the request.")
    assert "没有符合该委托的会员律所。" in notice(chinese_staff)
    assert "No member firm" not in notice(chinese_staff)
    event = db.session.scalars(db.select(CaseEvent).where(CaseEvent.kind == "needs_review")).one()
    assert event.params == {"reason": "no_fit"}


def test_match_count_is_a_whole_plural_sentence(client, db, auth):
    firm_with_admin("Only Firm")
    client_user = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client_user)
    db.session.commit()
    auth.login(user=client_user)
    html = page(client, f"/requests/{req.id}")
    assert "1 firm fits the request." in html and "1 firms" not in html
