"""Sessions end on the server: a copied cookie dies at sign-out, "sign out everywhere", a password change or
reset, a disabled account and an old session all close it for good."""

from datetime import timedelta

from legalnet.accounts.models import Role, UserSession
from legalnet.accounts.services import set_disabled
from tests import factories
from tests.conftest import Auth, submit


def copy_cookie(app, source):
    """A second client holding a copy of `source`'s session cookie, as a thief would."""
    thief = app.test_client()
    cookie = source.get_cookie("session")
    thief.set_cookie("session", cookie.value)
    return thief


def sessions_of(db, user) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(UserSession).where(UserSession.user_id == user.id))


def test_a_copied_cookie_dies_at_sign_out(app, client, db, auth):
    user = auth.login(Role.CLIENT)
    thief = copy_cookie(app, client)
    assert thief.get("/dashboard").status_code == 200
    assert sessions_of(db, user) == 1
    auth.logout()
    assert client.get("/dashboard").status_code == 302
    response = thief.get("/dashboard")
    assert response.status_code == 302 and response.headers["Location"].startswith("/sign-in")
    assert sessions_of(db, user) == 0


def test_sign_out_ends_only_this_browser(app, client, db, auth):
    user = auth.login(Role.CLIENT)
    laptop = app.test_client()
    Auth(laptop).login(user=user)
    assert sessions_of(db, user) == 2
    auth.logout()
    assert laptop.get("/dashboard").status_code == 200


def test_sign_out_everywhere_ends_every_session(app, client, db, auth):
    user = auth.login(Role.CLIENT)
    laptop, thief = app.test_client(), copy_cookie(app, client)
    Auth(laptop).login(user=user)
    page = client.get("/account").get_data(as_text=True)
    assert "You are signed in on 2 devices." in page
    response = submit(client, "/account/sign-out-everywhere", {}, form_url="/account")
    assert response.status_code == 302 and response.headers["Location"] == "/sign-in"
    for browser in (client, laptop, thief):
        assert browser.get("/dashboard").status_code == 302
    assert sessions_of(db, user) == 0


def test_sign_out_everywhere_needs_the_csrf_token(client, db, auth):
    user = auth.login(Role.CLIENT)
    client.post("/account/sign-out-everywhere", data={})
    assert client.get("/dashboard").status_code == 200
    assert sessions_of(db, user) == 1


def test_password_change_keeps_this_session_and_ends_the_others(app, client, db, auth):
    user = auth.login(Role.CLIENT)
    thief = copy_cookie(app, client)
    laptop = app.test_client()
    Auth(laptop).login(user=user)
    data = {"current_password": factories.PASSWORD, "new_password": "new-secret-99", "confirm": "new-secret-99"}
    assert submit(client, "/account/password", data).status_code == 302
    assert client.get("/dashboard").status_code == 200
    assert laptop.get("/dashboard").status_code == 302
    # The thief's copy is of this very session, which goes on: only a sign-out ends it.
    auth.logout()
    assert thief.get("/dashboard").status_code == 302


def test_disabling_an_account_ends_its_sessions(app, client, db, auth):
    user = auth.login(Role.CLIENT)
    thief = copy_cookie(app, client)
    staff = factories.make_user(Role.STAFF)
    set_disabled(staff, user, True, "left the company")
    db.session.commit()
    assert sessions_of(db, user) == 0
    assert thief.get("/dashboard").status_code == 302
    assert client.get("/dashboard").status_code == 302


def test_an_old_session_stops_working(app, client, db, auth):
    user = auth.login(Role.CLIENT)
    row = db.session.scalar(db.select(UserSession).where(UserSession.user_id == user.id))
    row.created_at -= timedelta(days=app.config["SESSION_MAX_AGE_DAYS"] + 1)
    db.session.commit()
    assert client.get("/dashboard").status_code == 302


def test_the_cookie_holds_no_user_id_and_the_database_no_session_key(client, db, auth):
    user = auth.login(Role.CLIENT)
    from flask.sessions import SecureCookieSessionInterface

    serializer = SecureCookieSessionInterface().get_signing_serializer(client.application)
    data = serializer.loads(client.get_cookie("session").value)
    key = data["_user_id"]
    assert key != str(user.id) and len(key) >= 40
    stored = db.session.scalar(db.select(UserSession.key_hash).where(UserSession.user_id == user.id))
    assert stored != key and len(stored) == 64
