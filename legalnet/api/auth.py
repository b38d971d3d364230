"""Bearer-token authentication of the API. Session cookies never authenticate an API call: the API's
requests start anonymous and only a valid `Authorization: Bearer <token>` header makes them a user."""

from functools import wraps

from flask import current_app, g, request
from flask_limiter.util import get_remote_address
from flask_login import current_user

from legalnet.accounts.models import Role
from legalnet.api import services
from legalnet.api.problems import fail, unauthorized
from legalnet.extensions import db, login_manager

STAFF = (Role.STAFF, Role.STAFF_ADMIN)
FIRM = (Role.FIRM_ADMIN, Role.FIRM_LAWYER)
CLIENT = (Role.CLIENT,)


def bearer_value() -> str | None:
    """The token in the Authorization header, or None when the header is missing or not Bearer."""
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def rate_limit_key() -> str:
    """Rate limits count per token (by its public prefix, without a database look-up), else per address."""
    parts = services.split_token(bearer_value() or "")
    if parts is not None:
        return f"token:{parts[0]}"
    return f"ip:{get_remote_address()}"


def rate_limit_value() -> str:
    """The configured API rate limit, read per request so that it can change without a restart."""
    return current_app.config["API_RATE_LIMIT"]


def forget_session_user() -> None:
    """Make the request anonymous before anything reads the session's signed-in user."""
    login_manager._update_request_context_with_user(None)


def authenticate() -> None:
    """Resolve the bearer token to its user and make it the current user, or stop with 401."""
    value = bearer_value()
    if value is None:
        unauthorized()
    user = services.authenticate(value)
    if user is None:
        db.session.rollback()
        unauthorized("The API token is invalid, revoked, or its account is disabled.")
    # Keeps last_used_at; the only write a read-only call makes, so it is committed here.
    db.session.commit()
    login_manager._update_request_context_with_user(user)
    g.api_user = user


def token_required(*roles: Role):
    """Require a valid bearer token, and one of `roles` when given (others get 403)."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            authenticate()
            if roles and current_user.role not in roles:
                fail(403)
            return view(*args, **kwargs)

        wrapped.api_roles = roles
        return wrapped

    return decorator
