"""Pages of two-factor sign-in: the code step after the password, enrolment with a QR code, recovery codes,
and turning it off."""

import time

from flask import Blueprint, current_app, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm

from legalnet.accounts import sessions, throttle, twofactor
from legalnet.accounts.forms import DisableTwoFactorForm, TwoFactorCodeForm
from legalnet.accounts.models import User
from legalnet.core.views import attempt
from legalnet.extensions import db, limiter

bp = Blueprint("twofactor", __name__)

# The code step must follow the password within this many seconds, with at most this many wrong codes.
CHALLENGE_SECONDS = 300
CHALLENGE_ATTEMPTS = 5


def pending_user() -> User | None:
    """The user whose password was just accepted and who owes a code, if the step is still open."""
    pending = session.get("two_factor")
    if not isinstance(pending, dict) or time.time() - float(pending.get("at", 0)) > CHALLENGE_SECONDS:
        return None
    user = db.session.get(User, pending.get("user")) if isinstance(pending.get("user"), int) else None
    # A password change since the first step (the nonce changes with it) closes the step.
    if user is None or user.disabled or user.session_token != pending.get("nonce") or not twofactor.enabled(user):
        return None
    return user


@bp.route("/sign-in/code", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT_IP"], methods=["POST"])
def challenge():
    """The second step of sign-in: a code from the authenticator app or a recovery code."""
    user = pending_user()
    if user is None:
        session.pop("two_factor", None)
        flash(_("Sign in with your e-mail and password first."), "error")
        return redirect(url_for("accounts.sign_in"))
    form = TwoFactorCodeForm()
    if form.validate_on_submit():
        if twofactor.verify(user, form.code.data):
            target = session.pop("two_factor")["next"]
            sessions.start_session(user)
            db.session.commit()
            flash(_("Welcome, %(name)s.", name=user.name), "success")
            return redirect(target)
        db.session.rollback()
        # Wrong codes count towards the account-wide ceiling like wrong passwords.
        throttle.count_failure(user.email)
        pending = session["two_factor"]
        pending["fails"] = int(pending.get("fails", 0)) + 1
        session["two_factor"] = pending
        if pending["fails"] >= CHALLENGE_ATTEMPTS:
            session.pop("two_factor", None)
            flash(_("Too many wrong codes. Sign in again."), "error")
            return redirect(url_for("accounts.sign_in"))
        flash(_("That code is not right, or was already used. Enter the current code or a recovery code."), "error")
        return render_template("accounts/two_factor_challenge.html", form=form), 401
    return render_template("accounts/two_factor_challenge.html", form=form)


@bp.route("/account/two-factor", methods=["GET", "POST"])
@login_required
def enrol():
    """Set up two-factor sign-in: scan the QR code, confirm with a code, keep the recovery codes."""
    user = current_user._get_current_object()
    if twofactor.enabled(user):
        return redirect(url_for("accounts.account"))
    secret = session.get("totp_pending")
    if not isinstance(secret, str) or len(secret) != 32:
        secret = session["totp_pending"] = twofactor.new_secret()
    form = TwoFactorCodeForm()
    if form.validate_on_submit():
        outcome = attempt(twofactor.enrol, user, secret, form.code.data)
        if outcome:
            session.pop("totp_pending", None)
            flash(_("Two-factor sign-in is on."), "success")
            return render_template("accounts/recovery_codes.html", codes=outcome.value)
    uri = twofactor.provisioning_uri(user, secret)
    return render_template("accounts/two_factor_enrol.html", form=form, secret=secret,
                           qr=twofactor.qr_data_uri(uri), required=twofactor.required_for(user))


@bp.route("/account/two-factor/recovery-codes", methods=["POST"])
@login_required
def recovery_codes():
    """Replace the recovery codes with new ones (the old ones stop working)."""
    user = current_user._get_current_object()
    # A form of the CSRF token alone: the button is the whole input.
    if not FlaskForm().validate_on_submit() or not twofactor.enabled(user):
        return redirect(url_for("accounts.account"))
    codes = twofactor.new_recovery_codes(user)
    db.session.commit()
    return render_template("accounts/recovery_codes.html", codes=codes)


@bp.route("/account/two-factor/disable", methods=["POST"])
@login_required
def disable():
    """Turn two-factor sign-in off after checking the password."""
    user = current_user._get_current_object()
    form = DisableTwoFactorForm()
    if not form.validate_on_submit() or not user.check_password(form.password.data):
        flash(_("Your password is not correct."), "error")
        return redirect(url_for("accounts.account"))
    if attempt(twofactor.disable, user):
        flash(_("Two-factor sign-in is off."), "success")
    return redirect(url_for("accounts.account"))
