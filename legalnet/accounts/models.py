"""Client organisations and user accounts with their roles."""

import enum
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


class Organisation(db.Model):
    """A client company that submits requests."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(80), default="")
    website: Mapped[str] = mapped_column(String(255), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    users: Mapped[list["User"]] = relationship(back_populates="organisation")


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
    # Changing the password replaces this token, which signs out every other session.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    role: Mapped[Role] = mapped_column(enum_column(Role))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    firm_id: Mapped[int | None] = mapped_column(ForeignKey("firms.id"), index=True)
    disabled: Mapped[bool] = mapped_column(default=False)
    locale: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]

    organisation: Mapped[Organisation | None] = relationship(back_populates="users")
    firm: Mapped["Firm | None"] = relationship(back_populates="users")  # noqa: F821

    def set_password(self, password: str) -> None:
        """Hash and store a new password and invalidate existing sessions."""
        method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
        self.password_hash = generate_password_hash(password, method=method)
        self.session_token = new_session_token()

    def check_password(self, password: str) -> bool:
        """Tell whether `password` is this user's password."""
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str:
        """The value Flask-Login keeps in the session."""
        return self.session_token

    @property
    def is_staff(self) -> bool:
        """Centre staff of either level."""
        return self.role in (Role.STAFF, Role.STAFF_ADMIN)

    @property
    def is_firm_member(self) -> bool:
        """A firm admin or a lawyer of a firm."""
        return self.role in (Role.FIRM_ADMIN, Role.FIRM_LAWYER)

    @property
    def is_client(self) -> bool:
        """A user of a client organisation."""
        return self.role == Role.CLIENT
