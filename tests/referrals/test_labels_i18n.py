"""Codes never reach the pages raw: shortlist reasons, outcomes, statuses, urgency, offer sources, roles and
membership statuses are shown as translated labels, in Chinese as in English, and the client's notices about
an unanswered offer are whole sentences."""

from datetime import timedelta

from legalnet.accounts.models import Role
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.intake.models import LegalRequest
from legalnet.matching.models import Match
from legalnet.notifications.models import Notification
from legalnet.referrals import services
from legalnet.referrals.models import Offer, OfferStatus
from tests import factories
from tests.conftest import submit
from tests.referrals.helpers import firm_with_admin, referred_request
from tests.test_i18n import assert_translated, choose_language, page


def matched_request(**fields):
    """A client with a matched request (Hong Kong arbitration in English) and two firms on its shortlist."""
    firm_with_admin("Harbour Arbitration LLP", capacity=5, open_cases=2)
    firm_with_admin("Peak Disputes")
    client_user = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client_user, **fields)
    db.session.commit()
    return client_user, req


def test_shortlist_stores_reason_codes_beside_the_english_reasons(db):
    _client_user, req = matched_request()
    match = req.matches[0]
    assert len(match.reason_codes) == len(match.reasons)
    assert match.reasons[0] == "covers Hong Kong"
    assert match.reason_codes[0] == ["covers", {"kind": "jurisdictions", "code": "HK", "source": ""}]


def test_client_sees_the_reasons_in_simplified_and_traditional_chinese(client, db, auth):
    client_user, req = matched_request()
    auth.login(user=client_user)
    english = page(client, f"/requests/{req.id}")
    assert_translated(english, ["covers Hong Kong", "practice area Arbitration", "speaks English",
                                "capacity: 2 of 5 open cases"], ["覆盖"])

    choose_language(client, "zh_Hans", f"/requests/{req.id}")
    simplified = page(client, f"/requests/{req.id}")
    assert_translated(simplified, ["覆盖香港", "业务领域：仲裁", "可使用英语", "承接能力：在办案件 2 件，上限 5 件"],
                      ["covers", "practice area", "speaks", "capacity:", "open cases"])

    choose_language(client, "zh_Hant", f"/requests/{req.id}")
    traditional = page(client, f"/requests/{req.id}")
    assert_translated(traditional, ["涵蓋香港", "執業範疇：仲裁"], ["covers", "覆盖", "practice area"])


def test_rows_without_codes_fall_back_to_their_english_reasons(client, db, auth):
    client_user, req = matched_request()
    for match in req.matches:
        match.reason_codes = []
        match.reasons = ["stored before reason codes"]
    db.session.commit()
    auth.login(user=client_user)
    choose_language(client, "zh_Hans", f"/requests/{req.id}")
    assert "stored before reason codes" in page(client, f"/requests/{req.id}")


def test_staff_page_shows_labels_not_codes(client, db, auth):
    client_user, req = matched_request(urgency="urgent")
    services.choose_firm(db.session.get(LegalRequest, req.id), client_user, None)
    db.session.commit()
    offer = db.session.scalars(db.select(Offer)).one()
    assert offer.reason_codes and len(offer.reason_codes) == len(offer.reasons)
    auth.login(Role.STAFF)

    html = page(client, f"/staff/requests/{req.id}")
    assert_translated(html, ["<dd>Urgent</dd>", "Chosen by the centre for the client", ">active</span>",
                             "covers Hong Kong", "Withdraw offer"],
                      ["<dd>urgent</dd>", "<td>centre</td>"])

    choose_language(client, "zh_Hans", f"/staff/requests/{req.id}")
    html = page(client, f"/staff/requests/{req.id}")
    assert_translated(html, ["<dd>紧急</dd>", "由中心代客户选择", ">有效</span>", "覆盖香港", "撤回转介邀请"],
                      ["<dd>urgent</dd>", "<td>centre</td>", "covers Hong Kong", ">Urgent<"])

    queue = page(client, "/staff/requests")
    assert_translated(queue, ['<option value="needs_review" >待中心审核</option>', "进行中"],
                      [">needs review<", ">in progress<"])


def test_firm_sees_the_offer_reasons_in_its_language(client, db, auth):
    _client_user, req, firms = referred_request(n_firms=1)
    offer = db.session.scalars(db.select(Offer)).one()
    _firm, admin = firms[0]
    auth.login(user=admin)
    choose_language(client, "zh_Hant", f"/offers/{offer.id}")
    assert_translated(page(client, f"/offers/{offer.id}"), ["涵蓋香港", "<dd>一般</dd>"],
                      ["covers Hong Kong", "<dd>Standard</dd>"])


def test_case_status_and_outcome_are_labels_in_the_timeline_and_badge(client, db, auth):
    client_user, req, firms = referred_request(n_firms=1)
    offer = db.session.scalars(db.select(Offer)).one()
    _firm, admin = firms[0]
    services.accept_offer(offer, admin, True)
    db.session.commit()

    auth.login(user=admin)
    choose_language(client, "zh_Hans", f"/cases/{req.id}")
    submit(client, f"/cases/{req.id}/status", {"status": "in_progress"}, form_url=f"/cases/{req.id}")
    submit(client, f"/cases/{req.id}/close", {"outcome": "no_engagement", "note": "", "confirm": "y"},
           form_url=f"/cases/{req.id}")
    html = page(client, f"/cases/{req.id}")
    assert_translated(html, ["状态已更改为“进行中”。", "已结案（未建立委托关系）。", ">未建立委托关系</span>"],
                      ["in progress", "no engagement", "No engagement", "in_progress"])

    auth.logout()
    auth.login(user=client_user)
    choose_language(client, "en", f"/cases/{req.id}")
    english = page(client, f"/cases/{req.id}")
    # The timeline keeps the words of the one who acted; the badge follows the reader's language.
    assert ">No engagement</span>" in english and "no engagement" not in english


def test_unanswered_offers_tell_the_client_in_whole_sentences(db):
    client_user, req, firms = referred_request(n_firms=3)
    first = db.session.scalars(db.select(Offer)).one()
    _firm, admin = next(pair for pair in firms if pair[0].id == first.firm_id)
    services.decline_offer(first, admin, "No capacity this month")
    db.session.commit()
    second = db.session.scalars(db.select(Offer).where(Offer.status == OfferStatus.OFFERED)).one()
    services.expire_offer(second.id, now=utcnow() + timedelta(days=30))
    db.session.commit()
    messages = sorted(db.session.scalars(
        db.select(Notification.message).where(Notification.user_id == client_user.id,
                                              Notification.kind.in_(["offer.declined", "offer.expired"]))))
    assert messages == [
        f"The firm declined the offer of your request {req.reference}; the centre is passing it to the next firm.",
        f"The offer of your request {req.reference} expired unanswered; the centre is passing it to the next firm.",
    ]


def test_roles_and_membership_status_are_labels(client, db, auth):
    firm, admin = firm_with_admin("Harbour Arbitration LLP")
    factories.make_user(Role.FIRM_LAWYER, firm=firm)
    db.session.commit()
    auth.login(Role.STAFF)
    choose_language(client, "zh_Hans", f"/staff/firms/{firm.id}")
    html = page(client, f"/staff/firms/{firm.id}")
    assert_translated(html, ["律所管理员", "律所律师"], ["(firm_admin", "(firm_lawyer"])

    auth.logout()
    auth.login(user=admin)
    choose_language(client, "en", "/dashboard")
    assert "Membership: active" in page(client, "/dashboard")
    choose_language(client, "zh_Hant", "/dashboard")
    html = page(client, "/dashboard")
    assert "會籍：有效" in html and "active" not in html.split("<main")[-1]


def test_match_rows_keep_codes_as_json(db):
    _client_user, req = matched_request()
    stored = db.session.scalars(db.select(Match.reason_codes).where(Match.request_id == req.id)).all()
    assert stored and all(isinstance(pair, list) and isinstance(pair[1], dict) for codes in stored for pair in codes)
