"""The CSRF token of a page: Flask-WTF's token, signed once a minute per session and process rather than on
every page (every page carries one, in the language switch of its header)."""

import time
from functools import lru_cache

from flask import Flask, current_app, g, session
from flask_wtf.csrf import generate_csrf
from itsdangerous import URLSafeTimedSerializer

# Flask-WTF's names: the session key and request attribute of the token, and the salt of its signature.
FIELD = "csrf_token"
SALT = "wtf-csrf-token"


def csrf_token() -> str:
    """The signed token of this session, as Flask-WTF's generate_csrf makes it and its forms check it."""
    if FIELD in g:
        return g.get(FIELD)
    raw = session.get(FIELD)
    if not isinstance(raw, str) or current_app.config.get("WTF_CSRF_FIELD_NAME", FIELD) != FIELD:
        return generate_csrf()
    secret = current_app.config.get("WTF_CSRF_SECRET_KEY") or current_app.secret_key
    # A token signed up to a minute ago is as good: it stays valid for the time limit less that minute.
    token = _signed(secret, raw, int(time.time() // 60))
    setattr(g, FIELD, token)
    return token


@lru_cache(maxsize=1024)
def _signed(secret: str, raw: str, _minute: int) -> str:
    return URLSafeTimedSerializer(secret, salt=SALT).dumps(raw)


def init_app(app: Flask) -> None:
    """Templates' csrf_token() reuses the token signed in the last minute."""
    app.jinja_env.globals[FIELD] = csrf_token
