"""Pages to register a client company, sign in and out, and manage one's account."""

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from legalnet.accounts import services
from legalnet.accounts.forms import ChangePasswordForm, RegisterClientForm, SetPasswordForm, SignInForm
from legalnet.accounts.models import User
from legalnet.core.errors import DomainError
from legalnet.extensions import db, limiter, login_manager

bp = Blueprint("accounts", __name__)

login_manager.login_view = "accounts.sign_in"
login_manager.login_message = None


@login_manager.user_loader
def load_user(session_token: str) -> User | None:
    """Find the user whose current session token is in the cookie."""
    return db.session.scalar(db.select(User).where(User.session_token == session_token))


@bp.before_app_request
def sign_out_disabled_users():
    """A disabled account is signed out on its next request."""
    if current_user.is_authenticated and current_user.disabled:
        logout_user()
        flash(_("Your account has been disabled and you have been signed out."), "error")
        return redirect(url_for("accounts.sign_in"))
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
    """Rate-limit key for one account: the e-mail being tried."""
    return "account:" + services.normalise_email(request.form.get("email", ""))


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
    """Sign in with e-mail and password."""
    if current_user.is_authenticated:
        return redirect(url_for("accounts.dashboard"))
    form = SignInForm()
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data)
        except DomainError as error:
            flash(str(error), "error")
        else:
            db.session.commit()
            login_user(user)
            flash(_("Welcome, %(name)s.", name=user.name), "success")
            target = request.args.get("next")
            return redirect(target if is_safe_next(target) else url_for("accounts.dashboard"))
    return render_template("accounts/sign_in.html", form=form)


@bp.route("/sign-out", methods=["POST"])
@login_required
def sign_out():
    """Sign out."""
    logout_user()
    flash(_("You have been signed out."), "success")
    return redirect(url_for("public.home"))


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Register a client company and its first user."""
    form = RegisterClientForm()
    if form.validate_on_submit():
        try:
            user = services.register_client(
                form.organisation_name.data, form.country.data or "", form.name.data, form.email.data,
                form.password.data,
            )
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
            login_user(user)
            flash(_("Your company account is ready."), "success")
            return redirect(url_for("accounts.dashboard"))
    return render_template("accounts/register.html", form=form)


@bp.route("/dashboard")
@login_required
def dashboard():
    """The signed-in user's starting page, with the tasks of their role."""
    return render_template("accounts/dashboard.html")


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    """Change one's own password."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(current_user, form.current_password.data, form.new_password.data)
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
            # The new session token replaced the old one, so sign in again with it.
            login_user(current_user._get_current_object())
            flash(_("Your password has been changed."), "success")
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
        try:
            services.set_password_with_token(token, form.new_password.data)
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
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
