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
