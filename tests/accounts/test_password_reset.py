"""Password reset by e-mail: one answer for known and unknown addresses, a signed link that works once and
expires, every session ended by a reset, rate limits, and the link from the sign-in page."""

import re

import pytest

from legalnet.accounts import services
from legalnet.accounts.models import Role, User
from legalnet.core.audit import AuditLog
from legalnet.notifications.models import OutboxEmail
from tests import factories
from tests.conftest import Auth, submit

LINK_RE = re.compile(r"http://127\.0\.0\.1:5000(/reset-password/\S+)")


def without_tokens(html: str) -> str:
    """A page without its CSRF tokens and the address it names."""
    return re.sub(r'name="csrf_token" value="[^"]*"', "", html)


def reset_emails(db, address: str) -> list[OutboxEmail]:
    return list(db.session.scalars(db.select(OutboxEmail).where(OutboxEmail.to_address == address,
                                                               OutboxEmail.kind == "account.password_reset")))


def test_sign_in_page_links_to_the_reset(client, db):
    page = client.get("/sign-in").get_data(as_text=True)
    assert 'href="/forgot-password"' in page
    assert client.get("/forgot-password").status_code == 200


def test_known_and_unknown_addresses_get_the_same_answer(client, db):
    user = factories.make_user(Role.CLIENT, email="known@client.example")
    db.session.commit()
    known = submit(client, "/forgot-password", {"email": "known@client.example"})
    unknown = submit(client, "/forgot-password", {"email": "nobody@client.example"})
    assert known.status_code == unknown.status_code == 200
    assert without_tokens(known.get_data(as_text=True).replace("known@", "X@")) == \
        without_tokens(unknown.get_data(as_text=True).replace("nobody@", "X@"))
    assert "If known@client.example has a legalnet account" in known.get_data(as_text=True)
    assert len(reset_emails(db, user.email)) == 1
    assert db.session.scalar(db.select(db.func.count()).select_from(OutboxEmail)) == 1


def test_reset_link_sets_a_password_once_and_ends_every_session(app, client, db):
    user = factories.make_user(Role.CLIENT, email="known@client.example")
    db.session.commit()
    phone = app.test_client()
    Auth(phone).login(user=user)
    submit(client, "/forgot-password", {"email": "Known@Client.example "})
    email = reset_emails(db, user.email)[0]
    assert "within 60 minutes" in email.body
    link = LINK_RE.search(email.body).group(1)

    page = client.get(link)
    assert page.status_code == 200 and "known@client.example" in page.get_data(as_text=True)
    weak = submit(client, link, {"new_password": "short", "confirm": "short"})
    assert "at least 10 characters" in weak.get_data(as_text=True)
    response = submit(client, link, {"new_password": "brand-new-pass-5", "confirm": "brand-new-pass-5"})
    assert response.status_code == 302 and response.headers["Location"] == "/sign-in"
    db.session.refresh(user)
    assert user.check_password("brand-new-pass-5")
    assert phone.get("/dashboard").status_code == 302  # the other session ended
    assert db.session.scalar(db.select(AuditLog.action).where(AuditLog.action == "user.password_reset"))

    used = client.get(link)
    assert used.status_code == 400 and "already been used" in used.get_data(as_text=True)
    again = submit(client, link, {"new_password": "other-pass-77", "confirm": "other-pass-77"}, form_url="/sign-in")
    assert again.status_code == 400
    db.session.refresh(user)
    assert user.check_password("brand-new-pass-5")


def test_a_newer_reset_or_password_change_kills_older_links(client, db, auth):
    user = factories.make_user(Role.CLIENT)
    db.session.commit()
    submit(client, "/forgot-password", {"email": user.email})
    first = LINK_RE.search(reset_emails(db, user.email)[0].body).group(1)
    auth.login(user=user)
    data = {"current_password": factories.PASSWORD, "new_password": "changed-pass-1", "confirm": "changed-pass-1"}
    submit(client, "/account/password", data)
    auth.logout()
    assert client.get(first).status_code == 400


def test_reset_links_expire_and_cannot_be_forged(client, db, monkeypatch):
    user = factories.make_user(Role.CLIENT)
    db.session.commit()
    submit(client, "/forgot-password", {"email": user.email})
    link = LINK_RE.search(reset_emails(db, user.email)[0].body).group(1)
    assert client.get(link[:-3] + "abc").status_code == 400
    # A set-password (invitation) token is not a reset token: the salts differ.
    invitation = services.password_token(user)
    assert client.get(f"/reset-password/{invitation}").status_code == 400
    monkeypatch.setitem(client.application.config, "PASSWORD_RESET_MAX_AGE", -1)
    expired = client.get(link)
    assert expired.status_code == 400 and "expired" in expired.get_data(as_text=True)


def test_disabled_accounts_get_no_reset_link(client, db):
    user = factories.make_user(Role.CLIENT, disabled=True)
    db.session.commit()
    assert submit(client, "/forgot-password", {"email": user.email}).status_code == 200
    assert reset_emails(db, user.email) == []


def test_reset_requests_are_rate_limited_per_address(client, db):
    user = factories.make_user(Role.CLIENT)
    db.session.commit()
    statuses = [submit(client, "/forgot-password", {"email": user.email}).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    assert len(reset_emails(db, user.email)) == 5


@pytest.mark.parametrize("email", ["not-an-address", ""])
def test_bad_addresses_are_refused_with_the_form(client, db, email):
    response = submit(client, "/forgot-password", {"email": email})
    assert response.status_code == 200 and 'class="error"' in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(OutboxEmail)) == 0


def test_reset_confirms_an_unconfirmed_address(client, db):
    user = factories.make_user(Role.CLIENT, email_verified=False)
    db.session.commit()
    submit(client, "/forgot-password", {"email": user.email})
    link = LINK_RE.search(reset_emails(db, user.email)[0].body).group(1)
    submit(client, link, {"new_password": "brand-new-pass-5", "confirm": "brand-new-pass-5"})
    assert db.session.get(User, user.id).email_verified is True
