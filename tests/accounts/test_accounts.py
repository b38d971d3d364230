"""Registration, sign-in, passwords, disabled accounts and rate limits through the real routes."""

import re
from urllib.parse import urlencode

from legalnet.accounts.models import Organisation, Role, User
from legalnet.core.audit import AuditLog
from legalnet.extensions import limiter
from legalnet.notifications.models import OutboxEmail
from tests import factories
from tests.conftest import submit

REGISTRATION = {
    "organisation_name": "Pearl Delta Robotics Ltd",
    "country": "China",
    "name": "Ada Chan",
    "email": "ada@pearl.example",
    "password": "strong-pass-77",
    "confirm": "strong-pass-77",
}


def without_tokens(html: str) -> str:
    """A page without its CSRF tokens, which carry the time they were made."""
    return re.sub(r'name="csrf_token" value="[^"]*"', "", html)


def count(db, model) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(model))


def test_client_registers_confirms_the_address_and_signs_in(client, db):
    response = submit(client, "/register", REGISTRATION)
    assert response.status_code == 200
    assert "Check your e-mail" in response.get_data(as_text=True)
    user = db.session.scalar(db.select(User).where(User.email == "ada@pearl.example"))
    assert user.role == Role.CLIENT
    assert user.organisation.name == "Pearl Delta Robotics Ltd"
    assert user.password_hash.startswith("scrypt:")
    assert "strong-pass-77" not in user.password_hash
    assert db.session.scalar(db.select(AuditLog.action)) == "organisation.registered"
    assert user.email_verified is False
    # Not signed in, and the password alone does not open the account before the address is confirmed.
    assert client.get("/dashboard").status_code == 302
    refused = submit(client, "/sign-in", {"email": "ada@pearl.example", "password": "strong-pass-77"})
    assert "Confirm your e-mail address first" in refused.get_data(as_text=True)
    emails = db.session.scalars(db.select(OutboxEmail).where(OutboxEmail.kind == "account.verify_email")).all()
    assert len(emails) == 2  # one at registration, a new one at the refused sign-in
    link = re.search(r"http://127\.0\.0\.1:5000(/verify-email/\S+)", emails[0].body).group(1)
    response = client.get(link, follow_redirects=True)
    assert "Your e-mail address is confirmed" in response.get_data(as_text=True)
    db.session.refresh(user)
    assert user.email_verified is True
    response = submit(client, "/sign-in", {"email": "ada@pearl.example", "password": "strong-pass-77"})
    assert response.headers["Location"] == "/dashboard"


def test_forged_verification_link_is_refused(client, db):
    response = client.get("/verify-email/not-a-real-token")
    assert response.status_code == 400
    assert "not valid" in response.get_data(as_text=True)


def test_registering_a_taken_address_answers_the_same_and_tells_the_owner(client, db):
    owner = factories.make_user(Role.CLIENT, email="ada@pearl.example")
    db.session.commit()
    before = count(db, Organisation)
    response = submit(client, "/register", {**REGISTRATION, "email": "ADA@pearl.example "})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Check your e-mail" in page and "already" not in page
    assert count(db, Organisation) == before
    assert count(db, User) == 1
    told = db.session.scalars(db.select(OutboxEmail).where(OutboxEmail.to_address == owner.email)).all()
    assert [e.kind for e in told] == ["account.address_taken"]
    assert "http://127.0.0.1:5000/forgot-password" in told[0].body
    fresh = submit(client, "/register", {**REGISTRATION, "email": "new@pearl.example"})
    assert without_tokens(fresh.get_data(as_text=True).replace("new@pearl.example", "ada@pearl.example")) == \
        without_tokens(page)


def test_weak_password_is_refused(client, db):
    response = submit(client, "/register", {**REGISTRATION, "password": "short", "confirm": "short"})
    assert "at least 10 characters" in response.get_data(as_text=True)
    response = submit(client, "/register", {**REGISTRATION, "password": "abcdefghijkl", "confirm": "abcdefghijkl"})
    assert "Mix letters with digits" in response.get_data(as_text=True)
    assert count(db, User) == 0


def test_missing_csrf_token_is_refused(client, db):
    response = client.post("/register", data=REGISTRATION)
    assert response.status_code == 400
    assert "The form expired" in response.get_data(as_text=True)
    assert count(db, User) == 0


def test_wrong_password_gives_a_clear_message(client, db):
    user = factories.make_user(Role.CLIENT)
    db.session.commit()
    response = submit(client, "/sign-in", {"email": user.email, "password": "not-the-password-1"})
    assert response.status_code == 200
    assert "not correct" in response.get_data(as_text=True)
    assert client.get("/dashboard").status_code == 302


def test_sign_in_and_out(client, db, auth):
    user = auth.login(Role.CLIENT)
    page = client.get("/dashboard").get_data(as_text=True)
    assert user.name in page
    response = auth.logout()
    assert response.status_code == 302
    assert client.get("/dashboard").status_code == 302


def test_sign_in_follows_only_local_next(client, db):
    user = factories.make_user(Role.CLIENT)
    db.session.commit()
    response = submit(
        client,
        "/sign-in?next=https://evil.example/",
        {"email": user.email, "password": factories.PASSWORD},
        form_url="/sign-in",
    )
    assert response.headers["Location"].endswith("/dashboard")


def test_disabled_user_cannot_sign_in(client, db):
    user = factories.make_user(Role.CLIENT, disabled=True)
    db.session.commit()
    response = submit(client, "/sign-in", {"email": user.email, "password": factories.PASSWORD})
    assert "has been disabled" in response.get_data(as_text=True)


def test_disabled_user_is_signed_out_on_next_request(client, db, auth):
    user = auth.login(Role.CLIENT)
    user.disabled = True
    db.session.commit()
    response = client.get("/dashboard", follow_redirects=True)
    assert "signed out" in response.get_data(as_text=True)
    assert client.get("/dashboard").status_code == 302


def test_change_password_signs_out_other_sessions(app, client, db, auth):
    user = auth.login(Role.CLIENT)
    other = app.test_client()
    submit(other, "/sign-in", {"email": user.email, "password": factories.PASSWORD})
    assert other.get("/dashboard").status_code == 200
    data = {"current_password": factories.PASSWORD, "new_password": "new-secret-99", "confirm": "new-secret-99"}
    response = submit(client, "/account/password", data)
    assert response.status_code == 302
    assert client.get("/dashboard").status_code == 200
    assert other.get("/dashboard").status_code == 302
    db.session.refresh(user)
    assert user.check_password("new-secret-99")


def test_change_password_with_wrong_current_password(client, db, auth):
    auth.login(Role.CLIENT)
    data = {"current_password": "wrong-password-1", "new_password": "new-secret-99", "confirm": "new-secret-99"}
    response = submit(client, "/account/password", data)
    assert "current password is not correct" in response.get_data(as_text=True)


def test_sign_in_is_rate_limited_per_account_and_address(client, db):
    user = factories.make_user(Role.CLIENT)
    db.session.commit()
    statuses = [
        submit(client, "/sign-in", {"email": user.email, "password": "wrong-password-1"}).status_code for _ in range(6)
    ]
    assert statuses[:5] == [200] * 5
    assert statuses[5] == 429
    # Even the right password is refused until the window passes.
    response = submit(client, "/sign-in", {"email": user.email, "password": factories.PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts" in response.get_data(as_text=True)


def test_unknown_route_is_a_friendly_404(client, db):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Page not found" in response.get_data(as_text=True)


def test_unknown_api_route_is_problem_json(client, db):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["status"] == 404


def test_language_switch_translates_and_is_remembered(client, db, auth):
    user = auth.login(Role.CLIENT)
    submit(client, "/language", {"locale": "zh_Hans", "next": "/dashboard"}, form_url="/dashboard")
    db.session.refresh(user)
    assert user.locale == "zh_Hans"
    assert '<html lang="zh-Hans">' in client.get("/dashboard").get_data(as_text=True)


def test_language_switch_ignores_unknown_locale(client, db):
    submit(client, "/language", {"locale": "xx"}, form_url="/")
    assert '<html lang="en">' in client.get("/").get_data(as_text=True)


def test_browser_language_picks_the_chinese_script(client, db):
    cases = {
        "zh-MO,zh;q=0.9": "zh-Hant",
        "zh-Hant-HK": "zh-Hant",
        "zh-TW": "zh-Hant",
        "zh-CN,en;q=0.5": "zh-Hans",
        "zh-Hans-HK": "zh-Hans",
        "zh": "zh-Hans",
        "en-GB,zh;q=0.8": "en",
        "fr-FR": "en",
    }
    for header, lang in cases.items():
        page = client.get("/", headers={"Accept-Language": header}).get_data(as_text=True)
        assert f'<html lang="{lang}">' in page, header


def test_sign_in_never_redirects_to_another_site(client, db):
    user = factories.make_user(Role.CLIENT)
    db.session.commit()
    for target in [
        "https://evil.example/",
        "//evil.example",
        "/\t/evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
    ]:
        limiter.reset()  # one account signs in many times here; the per-account limit is tested elsewhere
        response = submit(
            client,
            "/sign-in?" + urlencode({"next": target}),
            {"email": user.email, "password": factories.PASSWORD},
            form_url="/sign-in",
        )
        assert response.headers["Location"] == "/dashboard", target
        submit(client, "/sign-out", {}, form_url="/dashboard")


def test_local_next_is_followed_through_the_second_factor(client, db):
    user = factories.make_user(Role.STAFF)
    db.session.commit()
    response = submit(
        client, "/sign-in?next=/staff/audit", {"email": user.email, "password": factories.PASSWORD}, form_url="/sign-in"
    )
    assert response.headers["Location"] == "/sign-in/code"
    response = submit(client, "/sign-in/code", {"code": factories.totp_code(user)})
    assert response.headers["Location"] == "/staff/audit"


def test_huge_ids_and_pages_are_404_not_500(client, db, auth):
    auth.login(Role.STAFF)
    for path in [
        "/firms/99999999999999999999",
        "/firms/?page=99999999999999999999",
        "/staff/audit?page=99999999999999999999",
        "/requests/99999999999999999999",
        "/staff/requests/99999999999999999999",
    ]:
        assert client.get(path).status_code == 404, path
