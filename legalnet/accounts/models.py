"""Client organisations, user accounts with their roles, their signed-in sessions and recovery codes."""

import enum
import hashlib
import secrets
from datetime import datetime

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from legalnet.core.models import enum_column, utcnow
from legalnet.extensions import db


class Role(enum.StrEnum):
    """What a user is in the federation; decides what they may see and do."""

    CLIENT = "client"
    FIRM_ADMIN = "firm_admin"
    FIRM_LAWYER = "firm_lawyer"
    STAFF = "staff"
    STAFF_ADMIN = "staff_admin"


# The roles by side, defined once: pages, the API and the queries all use these.
CLIENT_ROLES = (Role.CLIENT,)
FIRM_ROLES = (Role.FIRM_ADMIN, Role.FIRM_LAWYER)
STAFF_ROLES = (Role.STAFF, Role.STAFF_ADMIN)


class Organisation(db.Model):
    """A client company that submits requests."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(80), default="")
    website: Mapped[str] = mapped_column(String(255), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    users: Mapped[list["User"]] = relationship(back_populates="organisation")


# Stored instead of a hash while an invited account waits for its owner to choose a password: no password
# hashes to it (a real hash starts with its method name), so nobody can sign in with any.
UNUSABLE_PASSWORD = "!unusable"


def new_session_token() -> str:
    """A random token identifying the current credentials of a user in the session cookie."""
    return secrets.token_urlsafe(24)


class User(UserMixin, db.Model):
    """A person who signs in; belongs to an organisation (clients) or a firm (firm roles)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    # A nonce embedded in set-password and reset links: setting the password replaces it, so a link works once.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    role: Mapped[Role] = mapped_column(enum_column(Role))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    firm_id: Mapped[int | None] = mapped_column(ForeignKey("firms.id"), index=True)
    disabled: Mapped[bool] = mapped_column(default=False)
    locale: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    # Accounts made by staff, invitations and the command line are verified by how they were made; a
    # self-registered client or firm applicant is not until they open the link sent to the address.
    email_verified: Mapped[bool] = mapped_column(default=True)
    timezone: Mapped[str | None] = mapped_column(String(64))
    # Set once two-factor sign-in is enrolled; the last accepted time step stops a code being replayed.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_last_step: Mapped[int | None]

    organisation: Mapped[Organisation | None] = relationship(back_populates="users")
    firm: Mapped["Firm | None"] = relationship(back_populates="users")  # noqa: F821

    def set_password(self, password: str) -> None:
        """Hash and store a new password; links issued for the old one stop working."""
        method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
        self.password_hash = generate_password_hash(password, method=method)
        self.session_token = new_session_token()

    def set_unusable_password(self) -> None:
        """Store a marker that no password matches: the account waits for its owner to choose one by link."""
        self.password_hash = UNUSABLE_PASSWORD
        self.session_token = new_session_token()

    @property
    def has_usable_password(self) -> bool:
        """False while the account waits for its owner to choose a password."""
        return bool(self.password_hash) and self.password_hash != UNUSABLE_PASSWORD

    def check_password(self, password: str) -> bool:
        """Tell whether `password` is this user's password (never, while it has none)."""
        if not self.has_usable_password:
            return False
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str | None:
        """The value Flask-Login keeps in the cookie: the key of the server-side session being used."""
        return getattr(self, "session_key", None)

    @property
    def is_staff(self) -> bool:
        """Centre staff of either level."""
        return self.role in STAFF_ROLES

    @property
    def is_firm_member(self) -> bool:
        """A firm admin or a lawyer of a firm."""
        return self.role in FIRM_ROLES

    @property
    def is_client(self) -> bool:
        """A user of a client organisation."""
        return self.role == Role.CLIENT


def hash_secret(value: str) -> str:
    """SHA-256 of a random secret (session key, recovery code); only the hash is stored."""
    return hashlib.sha256(value.encode()).hexdigest()


class UserSession(db.Model):
    """One signed-in browser; the cookie holds its key, so deleting the row signs that browser out."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_agent: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship()


class RecoveryCode(db.Model):
    """A one-time code that replaces the authenticator app once, for when the phone is lost."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None]
