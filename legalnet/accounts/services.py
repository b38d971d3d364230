"""Account rules: registration with a verified address, authentication, passwords and their reset links."""

from flask import current_app, url_for
from flask_babel import gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func
from werkzeug.security import check_password_hash, generate_password_hash

from legalnet.accounts.models import Organisation, Role, User
from legalnet.accounts.sessions import end_other_sessions
from legalnet.core import audit
from legalnet.core.errors import NotAllowed, ValidationFailed
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.notifications.services import absolute_url, send_email

MIN_PASSWORD_LENGTH = 10
COMMON_PASSWORDS = {"password123", "1234567890", "qwertyuiop", "password1234", "letmein123", "iloveyou12"}


class EmailNotVerified(NotAllowed):
    """The password was right but the address was never confirmed."""

    def __init__(self, user: User):
        super().__init__(_("Confirm your e-mail address first: we have sent you a new link. Open it, then sign in."))
        self.user = user


_dummy_hashes: dict[str, str] = {}


def dummy_password_check(password: str) -> None:
    """Check `password` against a hash of nobody's password, so an unknown address costs the same as a known one."""
    method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
    if method not in _dummy_hashes:
        _dummy_hashes[method] = generate_password_hash("not-anyone's-password", method=method)
    check_password_hash(_dummy_hashes[method], password)


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


def create_user(email: str, name: str, password: str | None, role: Role, verified: bool = True, **links) -> User:
    """Create a user after checking that the e-mail is free and the password is strong; an unverified
    account cannot sign in until its owner opens the link of `send_verification`. Without a password
    (an invitation) nobody can sign in until the owner chooses one through `password_token`'s link."""
    email = normalise_email(email)
    if find_user(email) is not None:
        raise ValidationFailed(_("An account with this e-mail address already exists."))
    if password is not None:
        check_password_strength(password)
    user = User(email=email, name=name.strip(), role=role, email_verified=verified, **links)
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def address_taken(email: str, password: str) -> User | None:
    """For sign-ups: the account that already has this address (its owner is told by e-mail), else None.

    The password is hashed either way, so a sign-up with a taken address takes as long as a new one."""
    existing = find_user(email)
    if existing is not None:
        check_password_strength(password)
        generate_password_hash(password, method=current_app.config.get("PASSWORD_HASH_METHOD", "scrypt"))
        send_email(existing, "account.address_taken",
                   lambda: _("legalnet: someone tried to sign up with your address"),
                   lambda: _("Someone, perhaps you, tried to create a legalnet account with %(email)s, which already "
                             "has an account. If it was you, sign in: %(sign_in)s\nForgot your password? Reset it: "
                             "%(reset)s\nIf it was not you, you can ignore this e-mail.", email=existing.email,
                             sign_in=absolute_url(url_for("accounts.sign_in")),
                             reset=absolute_url(url_for("accounts.forgot_password"))))
    return existing


def register_client(organisation_name: str, country: str, name: str, email: str, password: str) -> User | None:
    """Create a client organisation and its first, unverified user, and send the link that confirms the
    address; when the address already has an account, create nothing and tell its owner (returns None)."""
    if address_taken(email, password) is not None:
        return None
    organisation = Organisation(name=organisation_name.strip(), country=country.strip())
    db.session.add(organisation)
    user = create_user(email, name, password, Role.CLIENT, verified=False, organisation=organisation)
    audit.record(user, "organisation.registered", organisation, summary=organisation.name)
    send_verification(user)
    return user


def authenticate(email: str, password: str) -> User:
    """Return the user for these credentials or raise; a disabled or unconfirmed account cannot sign in.

    An unknown address costs one password check too, so the time of the answer tells nothing."""
    user = find_user(email)
    if user is None:
        dummy_password_check(password)
        raise NotAllowed(_("The e-mail address or password is not correct."))
    if not user.has_usable_password:
        # An invitation not yet taken up: the same answer, in the same time, as a wrong password.
        dummy_password_check(password)
        raise NotAllowed(_("The e-mail address or password is not correct."))
    if not user.check_password(password):
        raise NotAllowed(_("The e-mail address or password is not correct."))
    if user.disabled:
        raise NotAllowed(_("This account has been disabled. Contact the centre if you think this is a mistake."))
    if not user.email_verified:
        send_verification(user)
        raise EmailNotVerified(user)
    user.last_login_at = utcnow()
    return user


def change_password(user: User, current_password: str, new_password: str) -> None:
    """Change a user's password after checking the current one; every other session of the user ends."""
    if not user.check_password(current_password):
        raise ValidationFailed(_("Your current password is not correct."))
    check_password_strength(new_password)
    user.set_password(new_password)
    end_other_sessions(user, keep_current=True)
    audit.record(user, "user.password_changed", user)


def set_disabled(actor: User, user: User, disabled: bool, reason: str = "") -> None:
    """Disable or re-enable an account; disabling ends all its sessions."""
    user.disabled = disabled
    if disabled:
        end_other_sessions(user, keep_current=False)
    audit.record(actor, "user.disabled" if disabled else "user.enabled", user, summary=user.email, reason=reason)


PASSWORD_TOKEN_SALT = "legalnet.set-password"
PASSWORD_TOKEN_MAX_AGE = 7 * 24 * 3600
RESET_TOKEN_SALT = "legalnet.reset-password"
VERIFY_TOKEN_SALT = "legalnet.verify-email"


def _serializer(salt: str = PASSWORD_TOKEN_SALT) -> URLSafeTimedSerializer:
    """Signs account links with the app's secret key; each kind of link has its own salt."""
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def _password_serializer() -> URLSafeTimedSerializer:
    """Signs set-password links."""
    return _serializer(PASSWORD_TOKEN_SALT)


def password_token(user: User) -> str:
    """A signed token for a link that lets `user` choose a password within 7 days, once.

    It embeds the user's current session token, which setting the password replaces, so a used link
    (or one issued before any later password change) no longer works."""
    return _password_serializer().dumps({"user": user.id, "session": user.session_token})


def user_for_password_token(token: str, salt: str = PASSWORD_TOKEN_SALT) -> User:
    """The user a set-password (or reset) token was issued for; raises when it is forged, expired or used."""
    max_age = PASSWORD_TOKEN_MAX_AGE if salt == PASSWORD_TOKEN_SALT else reset_max_age()
    try:
        data = _serializer(salt).loads(token, max_age=max_age)
    except SignatureExpired as error:
        if salt == RESET_TOKEN_SALT:
            raise NotAllowed(_("This link has expired. Ask for a new one on the sign-in page.")) from error
        raise NotAllowed(_("This link has expired. Ask your firm's administrator for a new invitation.")) from error
    except BadSignature as error:
        raise NotAllowed(_("This link is not valid. Check that you copied all of it.")) from error
    user = db.session.get(User, data.get("user")) if isinstance(data, dict) else None
    if user is None or user.session_token != data.get("session"):
        raise NotAllowed(_("This link has already been used. Sign in with your password, or ask for a new link."))
    if user.disabled:
        raise NotAllowed(_("This account has been disabled. Contact the centre if you think this is a mistake."))
    return user


def set_password_with_token(token: str, password: str, salt: str = PASSWORD_TOKEN_SALT) -> User:
    """Set the password of the user a valid token was issued for; the token stops working, every session of
    the user ends, and the address counts as confirmed (the link was opened from it)."""
    user = user_for_password_token(token, salt)
    check_password_strength(password)
    user.set_password(password)
    user.email_verified = True
    end_other_sessions(user, keep_current=False)
    audit.record(user, "user.password_reset" if salt == RESET_TOKEN_SALT else "user.password_set", user,
                 summary=user.email)
    return user


def reset_max_age() -> int:
    """How long a password-reset link works, in seconds."""
    return int(current_app.config.get("PASSWORD_RESET_MAX_AGE", 3600))


def request_password_reset(email: str) -> None:
    """E-mail a single-use reset link when the address has an active account; do nothing visible otherwise.

    The caller answers the same either way, and signing a token is cheap next to the page itself, so the
    answer takes the same time."""
    user = find_user(email)
    token = _serializer(RESET_TOKEN_SALT).dumps({"user": user.id if user else 0,
                                                  "session": user.session_token if user else ""})
    if user is None or user.disabled:
        return
    link = absolute_url(url_for("accounts.reset_password", token=token))
    minutes = reset_max_age() // 60
    send_email(user, "account.password_reset",
               lambda: _("legalnet: reset your password"),
               lambda: _("Someone, perhaps you, asked to reset the password of your legalnet account. Choose a new "
                         "password here within %(minutes)d minutes; the link works once:\n%(link)s\n\nIf you did "
                         "not ask, ignore this e-mail: your password stays as it is.", minutes=minutes, link=link))
    audit.record(None, "user.password_reset_requested", user, summary=user.email)


def send_verification(user: User) -> None:
    """E-mail the link that confirms the user's address."""
    token = _serializer(VERIFY_TOKEN_SALT).dumps({"user": user.id, "email": user.email})
    link = absolute_url(url_for("accounts.verify_email", token=token))
    send_email(user, "account.verify_email",
               lambda: _("legalnet: confirm your e-mail address"),
               lambda: _("Welcome to legalnet. Open this link within 3 days to confirm your e-mail address, then "
                         "sign in:\n%(link)s\n\nIf you did not sign up, ignore this e-mail.", link=link))


def verify_email(token: str) -> User:
    """Mark the address of a verification link as confirmed; raises when the link is forged or expired."""
    try:
        data = _serializer(VERIFY_TOKEN_SALT).loads(token, max_age=3 * 24 * 3600)
    except SignatureExpired as error:
        raise NotAllowed(_("This link has expired. Sign in with your e-mail and password to get a new one.")) \
            from error
    except BadSignature as error:
        raise NotAllowed(_("This link is not valid. Check that you copied all of it.")) from error
    user = db.session.get(User, data.get("user")) if isinstance(data, dict) else None
    if user is None or user.email != data.get("email"):
        raise NotAllowed(_("This link is not valid. Check that you copied all of it."))
    if not user.email_verified:
        user.email_verified = True
        audit.record(user, "user.email_verified", user, summary=user.email)
    return user
