"""Token rules: create, find, revoke and authenticate. Services flush and never commit."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from legalnet.accounts.models import User
from legalnet.api.models import ApiToken
from legalnet.core.audit import record
from legalnet.core.errors import NotAllowed, ValidationFailed
from legalnet.core.models import utcnow
from legalnet.extensions import db

# A token reads "lgn_<prefix>_<secret>": the prefix finds the row, the secret proves possession.
TOKEN_SCHEME = "lgn"
PREFIX_BYTES = 4
SECRET_BYTES = 32
NAME_MAX = 100
# How stale last_used_at may get before a request writes it again; saves a write per call.
LAST_USED_GRANULARITY_SECONDS = 60


@dataclass
class NewToken:
    """A freshly created token and its full value, which is shown once and never again."""

    token: ApiToken
    value: str


def hash_secret(secret: str) -> str:
    """The stored form of a token's secret part."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def split_token(value: str) -> tuple[str, str] | None:
    """(prefix, secret) of a well-formed token string, else None. Needs no database."""
    parts = (value or "").strip().split("_", 2)
    if len(parts) != 3 or parts[0] != TOKEN_SCHEME or not parts[1] or not parts[2]:
        return None
    prefix, secret = parts[1], parts[2]
    if len(prefix) != PREFIX_BYTES * 2 or any(c not in "0123456789abcdef" for c in prefix) or len(secret) > 200:
        return None
    return prefix, secret


def create_token(user: User, name: str, actor: User | None = None) -> NewToken:
    """Create a named token for `user`; returns it with its one-time full value."""
    name = (name or "").strip()
    if not name:
        raise ValidationFailed(_l("Give the token a name, e.g. the system that will use it."))
    if len(name) > NAME_MAX:
        raise ValidationFailed(_l("Keep the name under %(n)d characters.", n=NAME_MAX))
    if user.disabled:
        raise NotAllowed(_l("A disabled account cannot have API tokens."))
    while True:
        prefix = secrets.token_hex(PREFIX_BYTES)
        if db.session.scalar(select(ApiToken.id).where(ApiToken.prefix == prefix)) is None:
            break
    secret = secrets.token_urlsafe(SECRET_BYTES)
    token = ApiToken(user_id=user.id, name=name, prefix=prefix, token_hash=hash_secret(secret))
    db.session.add(token)
    db.session.flush()
    record(actor or user, "api_token.created", token, f"{user.email}: {name} ({prefix})")
    return NewToken(token, f"{TOKEN_SCHEME}_{prefix}_{secret}")


def user_tokens(user: User) -> list[ApiToken]:
    """The user's tokens, newest first, revoked ones included."""
    return list(db.session.scalars(
        select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    ))


def revoke_token(user: User, token_id: int) -> ApiToken:
    """Revoke one of the user's own tokens; another user's token is reported as not found."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise NotAllowed(_l("That token does not exist."))
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        record(user, "api_token.revoked", token, f"{user.email}: {token.name} ({token.prefix})")
    db.session.flush()
    return token


def authenticate(value: str) -> User | None:
    """The active user a bearer token value belongs to, or None when it is unknown, revoked or disabled.

    Looks the row up by prefix and compares hashes in constant time, so timing says nothing about
    how much of a guessed secret was right."""
    parts = split_token(value)
    if parts is None:
        return None
    prefix, secret = parts
    token = db.session.scalar(select(ApiToken).where(ApiToken.prefix == prefix))
    if token is None or token.revoked_at is not None:
        return None
    if not hmac.compare_digest(hash_secret(secret), token.token_hash):
        return None
    user = token.user
    if user is None or user.disabled:
        return None
    now = utcnow()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() >= LAST_USED_GRANULARITY_SECONDS:
        token.last_used_at = now
        db.session.flush()
    return user
