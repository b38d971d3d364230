"""The consent at intake records the notice version, the language it was shown in, when, and what it covers
(sharing with matched firms, also in other jurisdictions); the notice text is versioned."""

from legalnet.accounts.models import Role
from legalnet.api.services import create_token
from legalnet.intake.models import LegalRequest
from legalnet.privacy.consent import current_version, notice_text, notices
from legalnet.privacy.models import Consent
from tests import factories
from tests.conftest import submit
from tests.referrals.helpers import firm_with_admin

FORM = {"title": "Trade mark in Vietnam", "description": "", "jurisdictions": ["HK"],
        "practice_areas": ["arbitration"], "urgency": "standard", "budget_currency": "USD"}


def test_every_notice_version_has_its_text_in_every_interface_language(app):
    for notice in notices().values():
        assert notice["current"] in notice["versions"]
        for version in notice["versions"].values():
            assert set(version["text"]) == set(app.config["LANGUAGES"])
            assert "cross_border_transfer" in version["scopes"]


def test_the_intake_form_shows_the_notice_and_records_the_consent_in_the_page_language(client, auth, db):
    firm_with_admin()
    db.session.commit()
    user = auth.login(Role.CLIENT)
    submit(client, "/language", {"locale": "zh_Hant"}, form_url="/dashboard")
    page = client.get("/requests/new").get_data(as_text=True)
    assert notice_text(locale="zh_Hant") in page and "中國內地、香港、澳門或東盟國家" in page
    assert f'value="{current_version()}"' in page
    response = submit(client, "/requests/new", {**FORM, "consent": "y", "consent_version": current_version(),
                                                "submit": "Submit"}, form_url="/requests/new")
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    consent = db.session.scalar(db.select(Consent))
    req = db.session.scalar(db.select(LegalRequest))
    assert consent.request_id == req.id and consent.user_id == user.id
    assert consent.notice == "intake_sharing" and consent.notice_version == current_version()
    assert consent.locale == "zh_Hant" and consent.channel == "web" and consent.agreed_at is not None
    assert {"share_with_matched_firms", "cross_border_transfer"} <= set(consent.scopes)


def test_a_consent_to_an_unknown_notice_version_is_refused(client, auth, db):
    auth.login(Role.CLIENT)
    response = submit(client, "/requests/new", {**FORM, "consent": "y", "consent_version": "1999-01",
                                                "submit": "Submit"}, form_url="/requests/new")
    assert response.status_code == 422
    assert "notice you agreed to is not known" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(LegalRequest.id))) == 0
    assert db.session.scalar(db.select(db.func.count(Consent.id))) == 0


def test_requests_through_the_api_record_the_current_notice(client, db):
    firm_with_admin()
    token = create_token(factories.make_user(Role.CLIENT), "portal").value
    db.session.commit()
    response = client.post("/api/v1/requests", headers={"Authorization": f"Bearer {token}"},
                           json={"title": "Arbitration", "jurisdictions": ["HK"], "practice_areas": ["arbitration"],
                                 "consent_to_share": True})
    assert response.status_code == 201, response.get_json()
    consent = db.session.scalar(db.select(Consent))
    assert consent.channel == "api" and consent.notice_version == current_version() and consent.locale == "en"
