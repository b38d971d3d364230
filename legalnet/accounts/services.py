"""Account rules: registration, authentication, password changes, staff accounts."""

from flask_babel import gettext as _
from sqlalchemy import func

from legalnet.accounts.models import Organisation, Role, User
from legalnet.core import audit
from legalnet.core.errors import NotAllowed, ValidationFailed
from legalnet.core.models import utcnow
from legalnet.extensions import db

MIN_PASSWORD_LENGTH = 10
COMMON_PASSWORDS = {"password123", "1234567890", "qwertyuiop", "password1234", "letmein123", "iloveyou12"}


def normalise_email(email: str) -> str:
    """E-mail addresses are compared case-insensitively and without surrounding spaces."""
    return (email or "").strip().lower()


def find_user(email: str) -> User | None:
    """The user with this e-mail address, if any."""
    return db.session.scalar(db.select(User).where(func.lower(User.email) == normalise_email(email)))


def check_password_strength(password: str) -> None:
    """Refuse passwords that are short, common or all one kind of character."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationFailed(_("Use a password of at least %(n)d characters.", n=MIN_PASSWORD_LENGTH))
    if password.lower() in COMMON_PASSWORDS or len(set(password)) < 4:
        raise ValidationFailed(_("This password is too easy to guess; choose a less common one."))
    if password.isdigit() or password.isalpha():
        raise ValidationFailed(_("Mix letters with digits or symbols in your password."))


def create_user(email: str, name: str, password: str, role: Role, **links) -> User:
    """Create a user after checking that the e-mail is free and the password is strong."""
    email = normalise_email(email)
    if find_user(email) is not None:
        raise ValidationFailed(_("An account with this e-mail address already exists."))
    check_password_strength(password)
    user = User(email=email, name=name.strip(), role=role, **links)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def register_client(organisation_name: str, country: str, name: str, email: str, password: str) -> User:
    """Create a client organisation and its first user."""
    organisation = Organisation(name=organisation_name.strip(), country=country.strip())
    db.session.add(organisation)
    user = create_user(email, name, password, Role.CLIENT, organisation=organisation)
    audit.record(user, "organisation.registered", organisation, summary=organisation.name)
    return user


def authenticate(email: str, password: str) -> User:
    """Return the user for these credentials or raise; a disabled account cannot sign in."""
    user = find_user(email)
    if user is None or not user.check_password(password):
        raise NotAllowed(_("The e-mail address or password is not correct."))
    if user.disabled:
        raise NotAllowed(_("This account has been disabled. Contact the centre if you think this is a mistake."))
    user.last_login_at = utcnow()
    return user


def change_password(user: User, current_password: str, new_password: str) -> None:
    """Change a user's password after checking the current one."""
    if not user.check_password(current_password):
        raise ValidationFailed(_("Your current password is not correct."))
    check_password_strength(new_password)
    user.set_password(new_password)
    audit.record(user, "user.password_changed", user)


def set_disabled(actor: User, user: User, disabled: bool, reason: str = "") -> None:
    """Disable or re-enable an account; a disabled user is signed out on their next request."""
    user.disabled = disabled
    audit.record(actor, "user.disabled" if disabled else "user.enabled", user, summary=user.email, reason=reason)


PASSWORD_TOKEN_SALT = "legalnet.set-password"
PASSWORD_TOKEN_MAX_AGE = 7 * 24 * 3600


def _password_serializer():
    """Signs set-password links with the app's secret key."""
    from flask import current_app
    from itsdangerous import URLSafeTimedSerializer

    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=PASSWORD_TOKEN_SALT)


def password_token(user: User) -> str:
    """A signed token for a link that lets `user` choose a password within 7 days, once.

    It embeds the user's current session token, which setting the password replaces, so a used link
    (or one issued before any later password change) no longer works."""
    return _password_serializer().dumps({"user": user.id, "session": user.session_token})


def user_for_password_token(token: str) -> User:
    """The user a set-password token was issued for; raises when it is forged, expired or used."""
    from itsdangerous import BadSignature, SignatureExpired

    try:
        data = _password_serializer().loads(token, max_age=PASSWORD_TOKEN_MAX_AGE)
    except SignatureExpired as error:
        raise NotAllowed(_("This link has expired. Ask your firm's administrator for a new invitation.")) from error
    except BadSignature as error:
        raise NotAllowed(_("This link is not valid. Check that you copied all of it.")) from error
    user = db.session.get(User, data.get("user")) if isinstance(data, dict) else None
    if user is None or user.session_token != data.get("session"):
        raise NotAllowed(_("This link has already been used. Sign in with your password, or ask for a new link."))
    if user.disabled:
        raise NotAllowed(_("This account has been disabled. Contact the centre if you think this is a mistake."))
    return user


def set_password_with_token(token: str, password: str) -> User:
    """Set the password of the user a valid token was issued for; the token stops working."""
    user = user_for_password_token(token)
    check_password_strength(password)
    user.set_password(password)
    audit.record(user, "user.password_set", user, summary=user.email)
    return user
