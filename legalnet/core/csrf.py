"""The CSRF token of a page: Flask-WTF's token, signed once a minute per session and process rather than on
every page (every page carries one, in the language switch of its header, and every form another).

Flask-WTF signs a new token the first time a request asks for one (the template's csrf_token(), a form's
hidden field), unless the request already holds one in `g`. Before each request the token signed in the last
minute for this session is put there, so both reuse it.
"""

import time
from functools import lru_cache

from flask import Flask, current_app, g, session
from itsdangerous import URLSafeTimedSerializer

# Flask-WTF's names: the session key and request attribute of the token, and the salt of its signature.
FIELD = "csrf_token"
SALT = "wtf-csrf-token"


def reuse_recent_token() -> None:
    """Give the request the token signed for its session in the last minute, where Flask-WTF looks first."""
    raw = session.get(FIELD)
    if not isinstance(raw, str) or current_app.config.get("WTF_CSRF_FIELD_NAME", FIELD) != FIELD:
        return
    secret = current_app.config.get("WTF_CSRF_SECRET_KEY") or current_app.secret_key
    # A token signed up to a minute ago is as good: it stays valid for the time limit less that minute.
    setattr(g, FIELD, _signed(secret, raw, int(time.time() // 60)))


@lru_cache(maxsize=1024)
def _signed(secret: str, raw: str, _minute: int) -> str:
    return URLSafeTimedSerializer(secret, salt=SALT).dumps(raw)


def init_app(app: Flask) -> None:
    """Every request starts with its session's recently signed token."""
    app.before_request(reuse_recent_token)
