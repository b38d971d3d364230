"""What the application and registration forms say (every password rule at once, WTForms' own messages in
Traditional Chinese for zh_Hant), the home country stored as a jurisdiction code, and the sign-in limits
that count only failed attempts."""

import pytest

from legalnet.accounts.models import Role
from legalnet.firms.models import Firm
from tests import factories
from tests.conftest import submit
from tests.firms.test_journey import APPLICATION

REGISTRATION = {"organisation_name": "Pearl Trading Ltd", "country": "Hong Kong", "name": "Mary Wong",
                "email": "mary@pearl.example", "password": "pearl-pass-2026", "confirm": "pearl-pass-2026"}


@pytest.mark.parametrize("url,data", [("/firms/apply", APPLICATION), ("/register", REGISTRATION)])
def test_a_bad_password_shows_every_rule_it_breaks(client, db, url, data):
    html = submit(client, url, {**data, "password": "short", "confirm": "shorter"}).get_data(as_text=True)
    assert "Use a password of at least 10 characters." in html
    assert "Passwords differ." in html
    html = submit(client, url, {**data, "password": "onlyletterss", "confirm": "onlyletterss"}).get_data(
        as_text=True)
    assert "Mix letters with digits or symbols" in html
    assert db.session.scalar(db.select(db.func.count()).select_from(Firm)) == 0


# "This field is required." in WTForms' own catalogs: zh_TW (Traditional) and zh (Simplified).
REQUIRED_TRADITIONAL, REQUIRED_SIMPLIFIED = "此欄位是必需的。", "该字段是必填字段。"


@pytest.mark.parametrize("locale,shown,not_shown", [
    ("zh_Hant", REQUIRED_TRADITIONAL, REQUIRED_SIMPLIFIED),
    ("zh_Hans", REQUIRED_SIMPLIFIED, REQUIRED_TRADITIONAL),
])
def test_wtforms_messages_follow_the_chinese_script(client, db, locale, shown, not_shown):
    submit(client, "/language", {"locale": locale, "next": "/register"}, form_url="/register")
    html = submit(client, "/register", {}).get_data(as_text=True)
    assert shown in html
    assert not_shown not in html


def test_browser_asking_for_hong_kong_chinese_gets_traditional_messages(client, db):
    headers = {"Accept-Language": "zh-HK,zh;q=0.9"}
    page = client.get("/register", headers=headers).get_data(as_text=True)
    from tests.conftest import csrf_from

    html = client.post("/register", data={"csrf_token": csrf_from(page)}, headers=headers).get_data(as_text=True)
    assert REQUIRED_TRADITIONAL in html


@pytest.mark.parametrize("typed,stored,shown", [
    ("Vietnam", "VN", "Vietnam"), ("越南", "VN", "Vietnam"), ("Hong Kong SAR", "HK", "Hong Kong"),
    ("Atlantis", "Atlantis", "Atlantis"),
])
def test_applying_stores_the_country_as_a_code_when_it_is_one(client, db, auth, typed, stored, shown):
    response = submit(client, "/firms/apply", {**APPLICATION, "country": typed})
    assert response.status_code == 302
    firm = db.session.scalar(db.select(Firm))
    assert firm.country == stored
    auth.login(Role.STAFF)
    html = client.get(f"/staff/firms/{firm.id}").get_data(as_text=True)
    assert f"<dd>{shown}</dd>" in html
    assert f"<td>{shown}</td>" in client.get("/staff/applications").get_data(as_text=True)


def test_profile_form_shows_the_country_name_and_saves_the_code(client, db, auth):
    firm = factories.make_firm("Code Country LLP", country="SG")
    admin = factories.make_user(Role.FIRM_ADMIN, firm=firm)
    db.session.commit()
    auth.login(user=admin)
    assert 'name="country" required type="text" value="Singapore"' in client.get("/firm/edit").get_data(as_text=True)
    data = {"name": "Code Country LLP", "local_name": "", "country": "泰国", "website": "", "phone": "",
            "description": "", "capacity": "3"}
    assert submit(client, "/firm/edit", data).status_code == 302
    db.session.refresh(firm)
    assert firm.country == "TH"
    assert "<dd>Thailand</dd>" in client.get("/firm/").get_data(as_text=True)
    assert submit(client, "/firm/edit", {**data, "country": "Greater Bay Area"}).status_code == 302
    db.session.refresh(firm)
    assert firm.country == "Greater Bay Area"


@pytest.fixture()
def small_limits(app):
    """Sign-in limits of 3 per address and 2 per account in an hour, so that a test never straddles the window."""
    saved = {key: app.config[key] for key in ("LOGIN_RATE_LIMIT_IP", "LOGIN_RATE_LIMIT_ACCOUNT")}
    app.config.update(LOGIN_RATE_LIMIT_IP="3 per hour", LOGIN_RATE_LIMIT_ACCOUNT="2 per hour")
    yield
    app.config.update(saved)


def test_successful_sign_ins_from_one_address_are_not_limited(client, db, small_limits):
    # One office address: more colleagues sign in than the per-address limit allows.
    users = [factories.make_user(Role.FIRM_LAWYER) for _ in range(5)]
    db.session.commit()
    for user in users:
        response = submit(client, "/sign-in", {"email": user.email, "password": factories.PASSWORD})
        assert response.status_code == 302, user.email
        submit(client, "/sign-out", {}, form_url="/dashboard")


def test_failed_sign_ins_from_one_address_are_limited(client, db, small_limits):
    statuses = [submit(client, "/sign-in", {"email": f"nobody{i}@example.com", "password": "wrong-password-1"})
                .status_code for i in range(4)]
    assert statuses == [200, 200, 200, 429]
    # The address is blocked for everyone until the window passes, even with the right password.
    user = factories.make_user(Role.CLIENT)
    db.session.commit()
    assert submit(client, "/sign-in", {"email": user.email, "password": factories.PASSWORD}).status_code == 429


def test_an_account_signing_in_often_is_not_locked_out_but_failures_count(client, db, small_limits):
    user = factories.make_user(Role.CLIENT)
    db.session.commit()
    for _ in range(3):
        assert submit(client, "/sign-in", {"email": user.email, "password": factories.PASSWORD}).status_code == 302
        submit(client, "/sign-out", {}, form_url="/dashboard")
    wrong = [submit(client, "/sign-in", {"email": user.email, "password": "wrong-password-1"}).status_code
             for _ in range(2)]
    assert wrong == [200, 200]
    assert submit(client, "/sign-in", {"email": user.email, "password": factories.PASSWORD}).status_code == 429
