"""Pages to register a client company, confirm the address, sign in and out, reset a forgotten password and
manage one's account. Two-factor pages are in `twofactor_views`."""

import time
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required, logout_user

from legalnet.accounts import services, sessions, throttle, twofactor
from legalnet.accounts.dashboards import dashboard_for
from legalnet.accounts.forms import (
    AccountSettingsForm,
    ChangePasswordForm,
    ForgotPasswordForm,
    RegisterClientForm,
    SetPasswordForm,
    SignInForm,
    SignOutEverywhereForm,
)
from legalnet.accounts.models import User
from legalnet.core.errors import DomainError
from legalnet.core.i18n import current_locale_name
from legalnet.core.views import attempt, attempt_quietly
from legalnet.extensions import db, limiter, login_manager

bp = Blueprint("accounts", __name__)

login_manager.login_view = "accounts.sign_in"
login_manager.login_message = None


# Pages a signed-in user who must enrol two-factor sign-in can still open before doing so.
ENROLMENT_OPEN = {"twofactor.enrol", "accounts.sign_out", "accounts.set_language", "static"}


@login_manager.user_loader
def load_user(session_key: str) -> User | None:
    """Find the user of the live server-side session named in the cookie."""
    return sessions.user_for_session_key(session_key)


@bp.before_app_request
def sign_out_disabled_users():
    """A disabled account is signed out on its next request; an account that must use two-factor sign-in
    and has not enrolled yet goes to the enrolment page first."""
    if not current_user.is_authenticated:
        return None
    if current_user.disabled:
        sessions.end_session(current_user._get_current_object())
        db.session.commit()
        flash(_("Your account has been disabled and you have been signed out."), "error")
        return redirect(url_for("accounts.sign_in"))
    if (request.endpoint not in ENROLMENT_OPEN and not request.path.startswith("/api/")
            and not twofactor.enabled(current_user) and twofactor.required_for(current_user)):
        flash(_("Your account must use two-factor sign-in. Set it up to continue."), "error")
        return redirect(url_for("twofactor.enrol"))
    return None


def is_safe_next(target: str | None) -> bool:
    """Only follow redirect targets that stay on this site (a path, never another host)."""
    if not target:
        return False
    # Browsers drop tabs and line breaks and read a backslash as a slash, so "/\t/evil.com" means "//evil.com".
    cleaned = "".join(ch for ch in target if ch not in "\t\r\n").replace("\\", "/")
    parts = urlsplit(cleaned)
    return cleaned.startswith("/") and not cleaned.startswith("//") and not parts.scheme and not parts.netloc


def sign_in_account_key() -> str:
    """Rate-limit key for one account tried from one client address: a stranger elsewhere cannot use up the
    owner's attempts (the account-wide ceiling in `throttle` is far higher)."""
    return f"account:{services.normalise_email(request.form.get('email', ''))[:255]}:{get_remote_address()}"


def sign_in_failed(response) -> bool:
    """Whether a sign-in POST counts against the limits: every answer but the redirect of a successful sign-in,
    so that many colleagues signing in from one office address never lock each other out."""
    return not 300 <= response.status_code < 400


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT_IP"], methods=["POST"], deduct_when=sign_in_failed)
@limiter.limit(
    lambda: current_app.config["LOGIN_RATE_LIMIT_ACCOUNT"], methods=["POST"], key_func=sign_in_account_key,
    deduct_when=sign_in_failed,
)
def sign_in():
    """Sign in with e-mail and password, then with a code when the account uses two-factor sign-in."""
    if current_user.is_authenticated:
        return redirect(url_for("accounts.dashboard"))
    form = SignInForm()
    status = 200
    if form.validate_on_submit():
        email = services.normalise_email(form.email.data)
        over_ceiling = throttle.ceiling_reached(email)
        target = request.args.get("next")
        target = target if is_safe_next(target) else url_for("accounts.dashboard")
        try:
            user = services.authenticate(email, form.password.data)
        except services.EmailNotVerified as error:
            db.session.commit()  # the new confirmation link
            flash(str(error), "error")
            status = 403
        except DomainError as error:
            throttle.count_failure(email)
            flash(str(error), "error")
            status = 429 if over_ceiling else 200
        else:
            if twofactor.enabled(user):
                # The password is right; the session is only opened after the second factor.
                session["two_factor"] = {"user": user.id, "nonce": user.session_token, "at": time.time(),
                                         "next": target}
                return redirect(url_for("twofactor.challenge"))
            if over_ceiling:
                flash(_("There have been too many failed sign-ins on this account. Try again later, or reset "
                        "your password."), "error")
                return render_template("accounts/sign_in.html", form=form), 429
            sessions.start_session(user)
            db.session.commit()
            flash(_("Welcome, %(name)s.", name=user.name), "success")
            return redirect(target)
    return render_template("accounts/sign_in.html", form=form), status


@bp.route("/sign-out", methods=["POST"])
@login_required
def sign_out():
    """Sign out: the session ends on the server too, so a copy of the cookie opens nothing."""
    sessions.end_session(current_user._get_current_object())
    db.session.commit()
    flash(_("You have been signed out."), "success")
    return redirect(url_for("public.home"))


@bp.route("/account/sign-out-everywhere", methods=["POST"])
@login_required
def sign_out_everywhere():
    """End every session of the account, this one included."""
    form = SignOutEverywhereForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        count = sessions.end_other_sessions(user, keep_current=False)
        logout_user()
        db.session.commit()
        flash(_("You have been signed out on %(count)d devices, this one included.", count=count), "success")
        return redirect(url_for("accounts.sign_in"))
    return redirect(url_for("accounts.account"))


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT_IP"], methods=["POST"])
def register():
    """Register a client company; its first user confirms the address by e-mail before signing in."""
    started = time.monotonic()
    form = RegisterClientForm()
    if form.validate_on_submit():
        if attempt(services.register_client, form.organisation_name.data, form.country.data or "",
                   form.name.data, form.email.data, form.password.data):
            # The same answer, in the same time, whether the address was new or already had an account (its
            # owner got an e-mail).
            throttle.steady_answer(started)
            return render_template("accounts/check_email.html", email=services.normalise_email(form.email.data))
    return render_template("accounts/register.html", form=form)


@bp.route("/verify-email/<token>")
def verify_email(token: str):
    """Confirm an address through the link sent to it."""
    outcome = attempt_quietly(services.verify_email, token)
    if not outcome:
        return render_template("accounts/set_password.html", form=None, problem=str(outcome.error)), 400
    flash(_("Your e-mail address is confirmed. Sign in to continue."), "success")
    return redirect(url_for("accounts.sign_in"))


@bp.route("/forgot-password", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config.get("PASSWORD_RESET_RATE_LIMIT", "5 per hour"), methods=["POST"],
               key_func=lambda: "reset:" + services.normalise_email(request.form.get("email", ""))[:255])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT_IP"], methods=["POST"])
def forgot_password():
    """Ask for a password-reset link; the answer is the same whether the address has an account or not."""
    started = time.monotonic()
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        db.session.commit()
        throttle.steady_answer(started)
        return render_template("accounts/check_email.html", email=services.normalise_email(form.email.data),
                               reset=True)
    return render_template("accounts/forgot_password.html", form=form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT_IP"], methods=["POST"])
def reset_password(token: str):
    """Choose a new password through a reset link; the link works once and every session ends."""
    try:
        user = services.user_for_password_token(token, services.RESET_TOKEN_SALT)
    except DomainError as error:
        return render_template("accounts/set_password.html", form=None, problem=str(error)), 400
    form = SetPasswordForm()
    if form.validate_on_submit():
        if attempt(services.set_password_with_token, token, form.new_password.data, services.RESET_TOKEN_SALT):
            logout_user()
            flash(_("Your password is changed and every session was signed out. Sign in with the new password."),
                  "success")
            return redirect(url_for("accounts.sign_in"))
    return render_template("accounts/set_password.html", form=form, user=user, problem=None, reset=True)


@bp.route("/dashboard")
@login_required
def dashboard():
    """The signed-in user's starting page, with the work of their role."""
    template, board = dashboard_for(current_user._get_current_object(), current_locale_name())
    return render_template(template, board=board)


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    """The account page: time zone, password, two-factor sign-in, API tokens, signing out everywhere."""
    user = current_user._get_current_object()
    form = AccountSettingsForm(obj=user)
    if form.validate_on_submit():
        user.timezone = form.timezone.data or None
        db.session.commit()
        flash(_("Your settings are saved."), "success")
        return redirect(url_for("accounts.account"))
    return render_template("accounts/account.html", form=form, everywhere=SignOutEverywhereForm(),
                           sessions=sessions.active_session_count(user), two_factor=twofactor.enabled(user),
                           two_factor_required=twofactor.required_for(user),
                           recovery_left=twofactor.remaining_recovery_codes(user))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    """Change one's own password."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if attempt(services.change_password, current_user, form.current_password.data, form.new_password.data):
            flash(_("Your password has been changed; your other sessions were signed out."), "success")
            return redirect(url_for("accounts.dashboard"))
    return render_template("accounts/change_password.html", form=form)


@bp.route("/account/set-password/<token>", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT_IP"], methods=["POST"])
def set_password(token: str):
    """Choose a password through the link of an invitation; the link works once, for 7 days."""
    try:
        user = services.user_for_password_token(token)
    except DomainError as error:
        return render_template("accounts/set_password.html", form=None, problem=str(error)), 400
    form = SetPasswordForm()
    if form.validate_on_submit():
        if attempt(services.set_password_with_token, token, form.new_password.data):
            logout_user()
            flash(_("Your password is set. Sign in with your e-mail address and the new password."), "success")
            return redirect(url_for("accounts.sign_in"))
    return render_template("accounts/set_password.html", form=form, user=user, problem=None)


@bp.route("/language", methods=["POST"])
def set_language():
    """Switch the interface language and remember it on the account."""
    locale = request.form.get("locale", "")
    if locale in current_app.config["LANGUAGES"]:
        session["locale"] = locale
        if current_user.is_authenticated:
            current_user.locale = locale
            db.session.commit()
    target = request.form.get("next")
    return redirect(target if is_safe_next(target) else url_for("public.home"))
