"""Notifications: created with the event, counted in the navigation, listed and marked read."""

from legalnet.accounts.models import Role, UserSession, hash_secret
from legalnet.accounts.sessions import user_for_session_key
from legalnet.notifications.models import Notification, OutboxEmail
from legalnet.notifications.services import mark_all_read, notify, unread_count
from tests import factories
from tests.conftest import submit


def test_notify_writes_notice_and_outbox_email_in_users_language(db):
    english = factories.make_user(Role.STAFF)
    chinese = factories.make_user(Role.STAFF, locale="zh_Hans")
    notify([english, chinese], "test", "Hello", link="/x")
    db.session.commit()
    assert db.session.scalar(db.select(db.func.count()).select_from(Notification)) == 2
    emails = {e.to_address: e for e in db.session.scalars(db.select(OutboxEmail))}
    assert emails[english.email].subject == "legalnet: Hello"
    assert emails[english.email].body.endswith("/x")


def test_disabled_users_are_not_notified(db):
    user = factories.make_user(Role.CLIENT, disabled=True)
    notify(user, "test", "Hello")
    assert db.session.scalar(db.select(db.func.count()).select_from(Notification)) == 0


def test_unread_count_shows_in_navigation_and_clears(client, db, auth):
    user = auth.login(Role.CLIENT)
    notify(user, "test", "Your offer was accepted", link="/dashboard")
    db.session.commit()
    page = client.get("/dashboard").get_data(as_text=True)
    assert 'class="nav-count"' in page
    listing = client.get("/notifications/").get_data(as_text=True)
    assert "Your offer was accepted" in listing
    response = submit(client, "/notifications/read", {}, form_url="/notifications/")
    assert response.status_code == 302
    assert 'class="nav-count"' not in client.get("/dashboard").get_data(as_text=True)


def test_notifications_are_private(client, db, auth):
    other = factories.make_user(Role.CLIENT)
    notify(other, "test", "Secret for someone else")
    db.session.commit()
    auth.login(Role.CLIENT)
    assert "Secret for someone else" not in client.get("/notifications/").get_data(as_text=True)


def test_notice_reads_in_the_language_the_user_switched_to(client, db, auth):
    from flask_babel import gettext as _

    text = "Your password has been changed; your other sessions were signed out."
    user = auth.login(Role.CLIENT)
    notify(user, "test", lambda: _("Your password has been changed; your other sessions were signed out."),
           link="/dashboard")
    db.session.commit()
    assert text in client.get("/notifications/").get_data(as_text=True)
    submit(client, "/language", {"locale": "zh_Hans", "next": "/notifications/"}, form_url="/notifications/")
    page = client.get("/notifications/").get_data(as_text=True)
    assert text not in page
    stored = db.session.scalar(db.select(Notification).where(Notification.user_id == user.id))
    assert stored.translations["zh_Hans"] in page
    assert stored.message == text


def test_the_count_read_with_the_session_follows_notices_of_the_same_request(client, db, auth):
    user = auth.login(Role.CLIENT)
    notify(user, "test", "First")
    notify(user, "test", "Second")
    db.session.commit()
    assert '<span class="nav-count" aria-label="2 unread">2</span>' in client.get("/dashboard").get_data(as_text=True)
    # The signed-in user as a request loads them carries the count; a notice or "mark read" in that same
    # request replaces it with the database's.
    db.session.add(UserSession(user_id=user.id, key_hash=hash_secret("a-session-key")))
    db.session.commit()
    db.session.expunge_all()
    loaded = user_for_session_key("a-session-key")
    assert unread_count(loaded) == 2
    notify(loaded, "test", "Third")
    db.session.flush()
    assert unread_count(loaded) == 3
    mark_all_read(loaded)
    assert unread_count(loaded) == 0
