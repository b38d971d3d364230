"""The CSRF token of the pages is signed at most once a minute per session, and stays a real Flask-WTF token:
it posts within its time limit, is refused after it, and belongs to its own session."""

import time
from types import SimpleNamespace

from itsdangerous import TimestampSigner

from legalnet.core import csrf as csrf_tokens
from tests.conftest import CSRF_RE, csrf_from


def _clock(monkeypatch, at: float) -> None:
    """Set the clock of the token cache and of the signer to `at`."""
    monkeypatch.setattr(csrf_tokens, "time", SimpleNamespace(time=lambda: at))
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: int(at))


def _language_post(client, token: str):
    return client.post("/language", data={"csrf_token": token, "locale": "en", "next": "/"})


def test_pages_of_one_minute_share_a_token_that_posts(client, monkeypatch):
    # The clock is set by hand, so that the pages cannot straddle a minute.
    csrf_tokens._signed.cache_clear()
    minute = int(time.time() // 60 * 60)
    _clock(monkeypatch, minute + 5)
    client.get("/")  # the session gets its raw token
    first = csrf_from(client.get("/").get_data(as_text=True))
    _clock(monkeypatch, minute + 50)
    assert csrf_from(client.get("/firms/").get_data(as_text=True)) == first
    assert _language_post(client, first).status_code == 302


def test_each_session_has_its_own_token(app, client):
    mine = csrf_from(client.get("/").get_data(as_text=True))
    other = app.test_client()
    theirs = csrf_from(other.get("/").get_data(as_text=True))
    assert mine != theirs
    assert _language_post(other, mine).status_code == 400


def test_a_token_signed_past_the_time_limit_is_refused(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "WTF_CSRF_TIME_LIMIT", 3600)
    client.get("/")  # the session gets its raw token
    csrf_tokens._signed.cache_clear()
    then = time.time() - 3600 - 120
    _clock(monkeypatch, then)
    old = csrf_from(client.get("/").get_data(as_text=True))
    monkeypatch.undo()
    monkeypatch.setitem(app.config, "WTF_CSRF_TIME_LIMIT", 3600)
    csrf_tokens._signed.cache_clear()
    assert _language_post(client, old).status_code == 400
    fresh = csrf_from(client.get("/").get_data(as_text=True))
    assert fresh != old
    assert _language_post(client, fresh).status_code == 302


def test_pages_seconds_apart_carry_the_token_signed_first(client, monkeypatch):
    # Flask-WTF would sign a new token with the current second on every page, forms included.
    csrf_tokens._signed.cache_clear()
    now = int(time.time() // 60 * 60)
    _clock(monkeypatch, now + 1)
    client.get("/")  # the session gets its raw token
    first = csrf_from(client.get("/").get_data(as_text=True))
    _clock(monkeypatch, now + 41)
    assert csrf_from(client.get("/firms/").get_data(as_text=True)) == first
    # The sign-in form's hidden field as well as the header's language switch.
    assert set(CSRF_RE.findall(client.get("/sign-in").get_data(as_text=True))) == {first}
    assert _language_post(client, first).status_code == 302
