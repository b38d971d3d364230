"""Two-factor sign-in with TOTP (RFC 6238) and one-time recovery codes: who must use it, enrolment,
and checking a code once (a code already accepted cannot be replayed)."""

import secrets
import time

import pyotp
import segno
from flask_babel import gettext as _
from sqlalchemy import delete, update

from legalnet.accounts.models import RecoveryCode, Role, User, hash_secret
from legalnet.core import audit
from legalnet.core.errors import ValidationFailed
from legalnet.core.models import utcnow
from legalnet.extensions import db

ISSUER = "legalnet"
RECOVERY_CODE_COUNT = 10
# Accept the code of the previous and the next 30-second step too: phones' clocks drift.
VALID_WINDOW = 1


# Where the firm's rule read with the signed-in user is kept on the user object, for the request.
_FIRM_RULE_KNOWN = "firm_requires_admin_two_factor"


def remember_firm_rule(user: User, required: bool | None) -> None:
    """Keep whether the user's firm requires its admins to use two-factor sign-in, read with the user."""
    user.__dict__[_FIRM_RULE_KNOWN] = bool(required)


def required_for(user: User) -> bool:
    """Whether `user` must sign in with a second factor: staff always, a firm's admins when staff require it."""
    if user.is_staff:
        return True
    if user.role != Role.FIRM_ADMIN:
        return False
    known = user.__dict__.get(_FIRM_RULE_KNOWN)
    if known is not None:
        return known
    return user.firm is not None and bool(user.firm.require_admin_two_factor)


def enabled(user: User) -> bool:
    """Whether `user` has enrolled an authenticator."""
    return bool(user.totp_secret)


def new_secret() -> str:
    """A fresh base32 secret for an authenticator app."""
    return pyotp.random_base32()


def provisioning_uri(user: User, secret: str) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name=ISSUER)


def qr_data_uri(uri: str) -> str:
    """The QR code of `uri` as an SVG data: address, shown as an image without any script."""
    return segno.make(uri, error="m").svg_data_uri(scale=5, border=2)


def _matching_step(secret: str, code: str, now: float | None = None) -> int | None:
    """The time step whose code equals `code`, within the accepted window, else None."""
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    now = time.time() if now is None else now
    current = int(now) // totp.interval
    for step in range(current - VALID_WINDOW, current + VALID_WINDOW + 1):
        if secrets.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def enrol(user: User, secret: str, code: str) -> list[str]:
    """Turn on two-factor sign-in with `secret` once `code` proves the app has it; returns new recovery codes."""
    step = _matching_step(secret, code or "")
    if step is None:
        raise ValidationFailed(_("That code is not right. Enter the 6 digits your authenticator app shows now."))
    user.totp_secret = secret
    user.totp_last_step = step
    audit.record(user, "user.two_factor_enabled", user, summary=user.email)
    return new_recovery_codes(user)


def disable(user: User) -> None:
    """Turn two-factor sign-in off (refused for accounts that must use it)."""
    if required_for(user):
        raise ValidationFailed(_("Your account must use two-factor sign-in; it cannot be turned off."))
    user.totp_secret = None
    user.totp_last_step = None
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    audit.record(user, "user.two_factor_disabled", user, summary=user.email)


def new_recovery_codes(user: User) -> list[str]:
    """Replace the user's recovery codes with fresh ones; the plain codes are shown once and never stored."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODE_COUNT)]
    db.session.add_all(RecoveryCode(user_id=user.id, code_hash=hash_secret(c)) for c in codes)
    db.session.flush()
    return codes


def remaining_recovery_codes(user: User) -> int:
    """How many recovery codes the user has not used."""
    return db.session.scalar(db.select(db.func.count()).select_from(RecoveryCode).where(
        RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))) or 0


def verify(user: User, code: str) -> bool:
    """Check a sign-in code: a TOTP code not used before, or an unused recovery code (then spent)."""
    if not user.totp_secret or not code:
        return False
    code = code.strip().lower()
    step = _matching_step(user.totp_secret, code)
    if step is not None:
        # A conditional update, so two requests with one code cannot both pass.
        result = db.session.execute(
            update(User).where(User.id == user.id, db.or_(User.totp_last_step.is_(None), User.totp_last_step < step))
            .values(totp_last_step=step), execution_options={"synchronize_session": False})
        return result.rowcount == 1
    if len(code) > 40:
        return False
    result = db.session.execute(
        update(RecoveryCode).where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None),
                                   RecoveryCode.code_hash == hash_secret(code)).values(used_at=utcnow()),
        execution_options={"synchronize_session": False})
    if result.rowcount == 1:
        audit.record(user, "user.recovery_code_used", user, summary=user.email)
        return True
    return False
