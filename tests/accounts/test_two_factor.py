"""Two-factor sign-in through the real routes: staff must enrol before anything else, codes work once,
recovery codes replace the phone once, clients may turn it on and off, staff can require it of a firm's
admins."""

import re
import time

import pyotp

from legalnet.accounts.models import RecoveryCode, Role, User
from legalnet.firms.models import Firm
from tests import factories
from tests.conftest import Auth, submit


def enrol(client, user) -> list[str]:
    """Enrol through the page with the secret it shows; returns the recovery codes shown once."""
    page = client.get("/account/two-factor").get_data(as_text=True)
    secret = re.search(r'id="totp-secret">([A-Z2-7]{32})<', page).group(1)
    assert 'src="data:image/svg+xml' in page
    response = submit(client, "/account/two-factor", {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    html = response.get_data(as_text=True)
    assert "Your recovery codes" in html
    return re.findall(r"<li><code>([0-9a-f]{6}-[0-9a-f]{6})</code></li>", html)


def password_step(client, user, password=factories.PASSWORD):
    return submit(client, "/sign-in", {"email": user.email, "password": password}, form_url="/sign-in")


def test_staff_without_two_factor_must_enrol_before_anything_else(client, db):
    staff = factories.make_user(Role.STAFF, two_factor=False)
    db.session.commit()
    response = password_step(client, staff)
    assert response.status_code == 302
    for path in ("/dashboard", "/staff/firms", "/account"):
        blocked = client.get(path)
        assert blocked.status_code == 302 and blocked.headers["Location"] == "/account/two-factor", path
    wrong = submit(client, "/account/two-factor", {"code": "000000"})
    assert "That code is not right" in wrong.get_data(as_text=True)
    codes = enrol(client, staff)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/staff/firms").status_code == 200
    db.session.refresh(staff)
    assert staff.totp_secret and db.session.scalar(
        db.select(db.func.count()).select_from(RecoveryCode).where(RecoveryCode.user_id == staff.id)) == 10
    # Only hashes are stored.
    stored = set(db.session.scalars(db.select(RecoveryCode.code_hash)))
    assert not stored & set(codes)


def test_sign_in_with_a_code_and_no_replay(app, client, db):
    staff = factories.make_user(Role.STAFF)
    db.session.commit()
    response = password_step(client, staff)
    assert response.headers["Location"] == "/sign-in/code"
    assert client.get("/dashboard").status_code == 302  # the password alone opens nothing
    code = pyotp.TOTP(staff.totp_secret).now()
    response = submit(client, "/sign-in/code", {"code": code})
    assert response.status_code == 302 and response.headers["Location"] == "/dashboard"
    assert client.get("/dashboard").status_code == 200
    # The same code again, from another browser with the right password, is refused.
    other = app.test_client()
    password_step(other, staff)
    replay = submit(other, "/sign-in/code", {"code": code})
    assert replay.status_code == 401 and "already used" in replay.get_data(as_text=True)
    assert other.get("/dashboard").status_code == 302


def test_wrong_codes_end_the_attempt(client, db):
    staff = factories.make_user(Role.STAFF)
    db.session.commit()
    password_step(client, staff)
    for _ in range(4):
        assert submit(client, "/sign-in/code", {"code": "123456"}).status_code == 401
    last = submit(client, "/sign-in/code", {"code": "123456"})
    assert last.status_code == 302 and last.headers["Location"] == "/sign-in"
    # The step is closed: even the right code needs the password again.
    again = client.get("/sign-in/code")
    assert again.status_code == 302 and again.headers["Location"] == "/sign-in"


def test_code_step_expires_and_needs_the_password_first(client, db, monkeypatch):
    assert client.get("/sign-in/code").headers["Location"] == "/sign-in"
    staff = factories.make_user(Role.STAFF)
    db.session.commit()
    password_step(client, staff)
    real = time.time
    monkeypatch.setattr("legalnet.accounts.twofactor_views.time.time", lambda: real() + 301)
    response = submit(client, "/sign-in/code", {"code": factories.totp_code(staff)}, form_url="/sign-in")
    assert response.status_code == 302 and response.headers["Location"] == "/sign-in"
    assert client.get("/dashboard").status_code == 302


def test_recovery_code_signs_in_once(app, client, db):
    staff = factories.make_user(Role.STAFF, two_factor=False)
    db.session.commit()
    password_step(client, staff)
    codes = enrol(client, staff)
    Auth(client).logout()
    password_step(client, staff)
    response = submit(client, "/sign-in/code", {"code": codes[0].upper()})
    assert response.status_code == 302 and response.headers["Location"] == "/dashboard"
    assert "9 unused recovery codes" in client.get("/account").get_data(as_text=True)
    Auth(client).logout()
    password_step(client, staff)
    assert submit(client, "/sign-in/code", {"code": codes[0]}).status_code == 401


def test_new_recovery_codes_replace_the_old(client, db):
    staff = factories.make_user(Role.STAFF, two_factor=False)
    db.session.commit()
    password_step(client, staff)
    old = enrol(client, staff)
    response = submit(client, "/account/two-factor/recovery-codes", {}, form_url="/account")
    new = re.findall(r"<li><code>([0-9a-f]{6}-[0-9a-f]{6})</code></li>", response.get_data(as_text=True))
    assert len(new) == 10 and not set(new) & set(old)
    Auth(client).logout()
    password_step(client, staff)
    assert submit(client, "/sign-in/code", {"code": old[1]}).status_code == 401
    assert submit(client, "/sign-in/code", {"code": new[1]}).status_code == 302


def test_clients_may_turn_two_factor_on_and_off(client, db, auth):
    user = auth.login(Role.CLIENT)
    assert "Set up two-factor sign-in" in client.get("/account").get_data(as_text=True)
    enrol(client, user)
    wrong = submit(client, "/account/two-factor/disable", {"password": "not-my-password-1"}, form_url="/account")
    assert wrong.status_code == 302 and db.session.get(User, user.id).totp_secret
    submit(client, "/account/two-factor/disable", {"password": factories.PASSWORD}, form_url="/account")
    assert db.session.get(User, user.id).totp_secret is None
    auth.logout()
    assert password_step(client, user).headers["Location"] == "/dashboard"


def test_staff_cannot_turn_two_factor_off(client, db, auth):
    staff = auth.login(Role.STAFF)
    assert "Turn off two-factor sign-in" not in client.get("/account").get_data(as_text=True)
    response = submit(client, "/account/two-factor/disable", {"password": factories.PASSWORD}, form_url="/account")
    assert response.status_code == 302
    assert db.session.get(User, staff.id).totp_secret


def test_staff_require_two_factor_of_a_firms_admins(app, client, db, auth):
    admin = factories.make_user(Role.FIRM_ADMIN)
    lawyer = factories.make_user(Role.FIRM_LAWYER, firm=admin.firm)
    db.session.commit()
    firm_id = admin.firm_id
    auth.login(Role.STAFF)
    page = client.get(f"/staff/firms/{firm_id}").get_data(as_text=True)
    assert "admins must use two-factor sign-in" in page
    response = submit(client, f"/staff/firms/{firm_id}/two-factor", {"required": "y"},
                      form_url=f"/staff/firms/{firm_id}")
    assert response.status_code == 302
    assert db.session.get(Firm, firm_id).require_admin_two_factor is True

    admin_browser, lawyer_browser = app.test_client(), app.test_client()
    password_step(admin_browser, admin)
    assert admin_browser.get("/firm/").headers["Location"] == "/account/two-factor"
    password_step(lawyer_browser, lawyer)
    assert lawyer_browser.get("/firm/").status_code == 200  # lawyers are not admins

    assert "two-factor sign-in)" not in client.get(f"/staff/firms/{firm_id}").get_data(as_text=True)
    enrol(admin_browser, admin)
    # Staff see who of the firm has enrolled.
    assert f"{admin.email}&gt; (Firm admin, two-factor sign-in)" in client.get(f"/staff/firms/{firm_id}").get_data(
        as_text=True)
    submit(client, f"/staff/firms/{firm_id}/two-factor", {}, form_url=f"/staff/firms/{firm_id}")
    assert db.session.get(Firm, firm_id).require_admin_two_factor is False
    assert admin_browser.get("/firm/").status_code == 200
    # Optional again: the admin may now turn it off.
    submit(admin_browser, "/account/two-factor/disable", {"password": factories.PASSWORD}, form_url="/account")
    assert db.session.get(User, admin.id).totp_secret is None


def test_only_staff_set_the_firm_rule(client, db, auth):
    admin = auth.login(Role.FIRM_ADMIN)
    response = submit(client, f"/staff/firms/{admin.firm_id}/two-factor", {"required": "y"}, form_url="/firm/")
    assert response.status_code == 403
    assert db.session.get(Firm, admin.firm_id).require_admin_two_factor is False


def test_a_signed_in_admin_meets_the_firm_rule_on_the_next_page(app, client, db, auth):
    admin = factories.make_user(Role.FIRM_ADMIN)
    db.session.commit()
    firm_id = admin.firm_id
    admin_browser = app.test_client()
    password_step(admin_browser, admin)
    assert admin_browser.get("/offers/").status_code == 200
    auth.login(Role.STAFF)
    submit(client, f"/staff/firms/{firm_id}/two-factor", {"required": "y"}, form_url=f"/staff/firms/{firm_id}")
    # The rule is read with the signed-in user on each request, not kept from the sign-in.
    assert admin_browser.get("/offers/").headers["Location"] == "/account/two-factor"
