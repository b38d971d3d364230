"""Bearer-token authentication of the API through Flask-Login's request loader. Session cookies never
authenticate an API call: API requests open the session without its sign-in, so Flask-Login finds no signed-in
user there and asks the request loader, which reads only `Authorization: Bearer <token>`."""

from flask import current_app, request
from flask.sessions import SecureCookieSessionInterface
from flask_limiter.util import get_remote_address

from legalnet.api import services
from legalnet.extensions import login_manager

API_PREFIX = "/api/"
# Where Flask-Login keeps the signed-in user in the session.
SIGN_IN_KEYS = ("_user_id", "_fresh", "_id", "_remember", "_remember_seconds")


def bearer_value() -> str | None:
    """The token in the Authorization header, or None when the header is missing or not Bearer."""
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


@login_manager.request_loader
def user_from_bearer_token(req):
    """The active user of the API call's bearer token (its last use is flushed, for the call's one commit);
    None on pages, without a token, or for an unknown, revoked or disabled one."""
    if not req.path.startswith(API_PREFIX):
        return None
    value = bearer_value()
    return services.authenticate(value) if value is not None else None


class ApiSessionInterface(SecureCookieSessionInterface):
    """The app's signed-cookie session, opened without its sign-in for API calls (so a cookie never signs one
    in) and saved with the sign-in put back (so an API call never signs the browser out)."""

    def get_signing_serializer(self, app):
        """Flask's cookie serializer, built once per set of keys instead of on every request (building one
        serializes a test value)."""
        keys = (app.secret_key, tuple(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        built = self.__dict__.get("_serializer")
        if built is None or built[0] != keys:
            built = self._serializer = (keys, super().get_signing_serializer(app))
        return built[1]

    def open_session(self, app, request):
        """The session; for API calls, without the signed-in user."""
        session = super().open_session(app, request)
        if session is not None and request.path.startswith(API_PREFIX):
            hidden = {key: dict.pop(session, key) for key in SIGN_IN_KEYS if key in session}
            session.api_hidden_sign_in = hidden
        return session

    def save_session(self, app, session, response):
        """Save as usual, with the sign-in the API call did not see."""
        dict.update(session, getattr(session, "api_hidden_sign_in", {}))
        super().save_session(app, session, response)


def rate_limit_key() -> str:
    """Rate limits count per token (by its public prefix, without a database look-up), else per address."""
    parts = services.split_token(bearer_value() or "")
    if parts is not None:
        return f"token:{parts[0]}"
    return f"ip:{get_remote_address()}"


def rate_limit_value() -> str:
    """The configured API rate limit, read per request so that it can change without a restart."""
    return current_app.config["API_RATE_LIMIT"]
