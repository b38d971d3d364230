"""Error pages (HTML for pages, problem+json for the API), the commit-or-flash helper of page views, and helpers
available in every template."""

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from babel import numbers, support
from flask import Flask, flash, jsonify, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DataError
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter
from wtforms.i18n import messages_path

from legalnet.accounts.models import Role
from legalnet.core import dates
from legalnet.core.errors import DomainError
from legalnet.core.i18n import current_locale_name, install_template_gettext
from legalnet.extensions import db
from legalnet.notifications.services import unread_count

ERROR_TITLES = {
    400: _l("Bad request"),
    403: _l("You do not have access to this page"),
    404: _l("Page not found"),
    405: _l("Method not allowed"),
    413: _l("Too large"),
    429: _l("Too many attempts"),
    500: _l("Something went wrong"),
}
ERROR_DETAILS = {
    400: _l("The request could not be understood. Please go back and try again."),
    403: _l("Your account does not have permission to see this. Sign in with another account if you need to."),
    404: _l("The page you asked for does not exist or is not available to you."),
    405: _l("This page cannot be used that way."),
    413: _l("What you sent is larger than this site accepts."),
    429: _l("You have made too many attempts. Please wait a minute and try again."),
    500: _l("An unexpected error happened on our side. Nothing was changed; please try again later."),
}


@dataclass(frozen=True)
class Outcome:
    """What a service call of a page came to: its value, or the domain error that refused it."""

    value: Any = None
    error: DomainError | None = None

    @property
    def ok(self) -> bool:
        """True when the service did its work and the change was committed."""
        return self.error is None

    def __bool__(self) -> bool:
        return self.ok


def attempt(service, *args, **kwargs) -> Outcome:
    """Call a service; commit once when it succeeds, or roll back and flash its domain error when it refuses."""
    outcome = attempt_quietly(service, *args, **kwargs)
    if outcome.error is not None:
        flash(str(outcome.error), "error")
    return outcome


def attempt_quietly(service, *args, **kwargs) -> Outcome:
    """Like `attempt`, without flashing: for views that answer a refusal otherwise (a 404, a form error)."""
    try:
        value = service(*args, **kwargs)
    except DomainError as error:
        db.session.rollback()
        return Outcome(error=error)
    db.session.commit()
    return Outcome(value=value)


def wants_json() -> bool:
    """API calls get JSON errors; pages get HTML."""
    return request.path.startswith("/api/")


def error_response(status: int, detail: str | None = None):
    """Render an error as problem+json for the API or as an HTML page."""
    title = str(ERROR_TITLES.get(status, ERROR_TITLES[500]))
    detail = detail or str(ERROR_DETAILS.get(status, ERROR_DETAILS[500]))
    if wants_json():
        response = jsonify({"type": "about:blank", "status": status, "title": title, "detail": detail})
        response.status_code = status
        response.mimetype = "application/problem+json"
        return response
    return render_template("errors/error.html", status=status, title=title, detail=detail), status


class BoundedIntegerConverter(IntegerConverter):
    """`<int:…>` in routes, limited to what an integer column holds, so a huge id is a 404, not a 500."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(map, *args, **kwargs)


def register_error_handlers(app: Flask) -> None:
    """Turn HTTP errors and CSRF failures into friendly responses."""

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return error_response(400, _("The form expired or was not sent from this site. Please try again."))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return error_response(error.code or 500)

    @app.errorhandler(OverflowError)
    def out_of_range(error):
        # A page number or id too large for the database names nothing that exists.
        db.session.rollback()
        return error_response(404)

    @app.errorhandler(DataError)
    def data_error(error: DataError):
        # The database refused a value the checks before it let through: say which kind, change nothing.
        db.session.rollback()
        if "out of range" in str(getattr(error, "orig", error)).lower():
            return error_response(404)  # like OverflowError on SQLite: an id or page number that cannot exist
        return error_response(400, data_error_detail(error))

    @app.errorhandler(500)
    def server_error(error):
        db.session.rollback()
        return error_response(500)


def data_error_detail(error: DataError) -> str:
    """What was wrong with a value the database refused, in words for the person who sent it."""
    message = str(getattr(error, "orig", error)).lower()
    if "nul" in message or "0x00" in message:
        return _("The text you sent contains a NUL character, which cannot be stored. Please type it again.")
    if "too long" in message:
        return _("A value you sent is longer than this field can hold.")
    if "encoding" in message or "invalid byte sequence" in message:
        return _("The text you sent is not valid UTF-8.")
    return _("A value you sent cannot be stored. Check what you entered and try again.")


@lru_cache(maxsize=4096)
def _number(_kind: type, value, locale: str) -> str:
    # Charts print hundreds of small numbers per page; formatting each through Babel again was a large
    # share of the reports page. The type is part of the key so that 1 and 1.0 stay apart.
    return numbers.format_decimal(value, locale=locale)


def register_template_helpers(app: Flask) -> None:
    """Values every template can use."""
    install_template_gettext(app)
    app.jinja_env.filters["datetime_format"] = dates.datetime_text
    app.jinja_env.filters["deadline_format"] = dates.deadline_text
    app.jinja_env.filters["date_format"] = dates.date_text
    app.jinja_env.filters["duration_format"] = dates.duration_text
    app.jinja_env.filters["time_left_format"] = dates.time_left_text
    app.jinja_env.filters["percent_format"] = (
        lambda value: numbers.format_percent(value, locale=current_locale_name()) if value is not None else "")
    app.jinja_env.filters["number_format"] = (
        lambda value: _number(type(value), value, current_locale_name()) if value is not None else "")

    # Times are shown in the reader's zone; pages name that zone beside deadlines.
    app.jinja_env.globals["zone_label"] = dates.zone_label

    # The links (endpoint, label, path) of each kind of user in each language, translated once per process.
    translated_navigation: dict[tuple[str, str, str], list[tuple[str, str, str]]] = {}

    @app.context_processor
    def inject_globals():
        user = current_user._get_current_object()
        locale = current_locale_name()
        key = (navigation_group(user), locale, request.script_root)
        if key not in translated_navigation:
            # Links to pages that a later part of the product has not registered yet are left out.
            translated_navigation[key] = [(endpoint, str(label), url_for(endpoint))
                                          for endpoint, label in NAVIGATION[key[0]] if endpoint in app.view_functions]
        unread = unread_count(user) if user.is_authenticated else 0
        return {"Role": Role, "current_locale": locale, "navigation": translated_navigation[key],
                "unread_notifications": unread}


# WTForms ships its built-in messages ("This field is required.") as zh (Simplified) and zh_TW
# (Traditional); our locale names are zh_Hans and zh_Hant, and a plain lookup of zh_Hant falls back to zh.
WTFORMS_LOCALES = {"zh_Hant": "zh_TW", "zh_Hans": "zh"}


@lru_cache(maxsize=8)
def wtforms_catalog(locale: str):
    """WTForms' message catalog of one interface locale, read from disk once per process."""
    return support.Translations.load(messages_path(), [WTFORMS_LOCALES.get(locale, locale)], domain="wtforms")


class FormMessages:
    """WTForms' own messages in the interface language, looked up on first use in the request."""

    def __init__(self):
        self._catalog = None

    def _load(self):
        if self._catalog is None:
            self._catalog = wtforms_catalog(current_locale_name())
        return self._catalog

    def ugettext(self, string):
        """Translate one message."""
        return self._load().ugettext(string)

    def ungettext(self, singular, plural, n):
        """Translate a message with a number."""
        return self._load().ungettext(singular, plural, n)


def register_form_translations(app: Flask) -> None:
    """Give Flask-WTF the WTForms catalog of the interface language (it reads request.wtforms_translations)."""

    @app.before_request
    def form_messages():
        request.wtforms_translations = FormMessages()


# The navigation links (endpoint, label) of each kind of user.
NAVIGATION = {
    "public": [("public.how_it_works", _l("How it works")), ("firms.directory", _l("Find a firm")),
               ("firms.apply", _l("Apply for membership"))],
    "client": [("accounts.dashboard", _l("Dashboard")), ("intake.list_requests", _l("My requests")),
               ("intake.new_request", _l("New request")), ("firms.directory", _l("Find a firm"))],
    "firm": [("accounts.dashboard", _l("Dashboard")), ("referrals.offers", _l("Offers")),
             ("referrals.cases", _l("Cases")), ("firms.profile", _l("Firm profile"))],
    "staff": [("accounts.dashboard", _l("Dashboard")), ("referrals.staff_queue", _l("Requests")),
              ("staff.firms", _l("Members")), ("staff.applications", _l("Applications")),
              ("reports.dashboard", _l("Reports")), ("staff.audit_log", _l("Audit log")),
              ("privacy.people", _l("People"))],
}


def navigation_group(user) -> str:
    """Which navigation the user sees: "public", "client", "firm" or "staff"."""
    if not user.is_authenticated:
        return "public"
    if user.role == Role.CLIENT:
        return "client"
    return "firm" if user.is_firm_member else "staff"
