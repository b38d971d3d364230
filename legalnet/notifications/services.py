"""Create notifications and outbox e-mails; the caller's transaction commits them with the event. E-mails are
written in each recipient's language and time zone, with absolute links from BASE_URL."""

import uuid
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from urllib.parse import urlsplit

from flask import current_app, has_request_context, url_for
from flask_babel import _get_current_context, force_locale
from flask_babel import gettext as _
from flask_babel.speaklater import LazyString
from pytz import timezone as pytz_timezone
from pytz.exceptions import UnknownTimeZoneError
from sqlalchemy import func, update

from legalnet.accounts.models import FIRM_ROLES, STAFF_ROLES, Role, User
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.notifications.models import Notification, OutboxEmail, unread_of


def absolute_url(path: str) -> str:
    """`path` (or a full address, left as it is) as an address a mail reader can open, from BASE_URL."""
    if not path or path.startswith("/"):
        return current_app.config.get("BASE_URL", "http://127.0.0.1:5000").rstrip("/") + (path or "/")
    return path


def page_path(endpoint: str, **values) -> str:
    """The path of a page for the link of a notice, built from its route like `url_for`.

    Notices are made in requests and in CLI sweeps; a sweep has no request and no SERVER_NAME, so there the
    route is built on its own. Either way the e-mail makes the path absolute with BASE_URL (`absolute_url`)."""
    if has_request_context():
        return url_for(endpoint, **values)
    return current_app.url_map.bind(urlsplit(current_app.config.get("BASE_URL", "")).hostname or "localhost").build(
        endpoint, values)


def new_message_id() -> str:
    """A unique Message-ID in the domain of BASE_URL; stored on the outbox row and kept through retries."""
    domain = urlsplit(current_app.config.get("BASE_URL", "")).hostname or "legalnet"
    return f"<{uuid.uuid4().hex}@{domain}>"


def user_timezone(user: User) -> str:
    """The user's time zone name, or the centre's when they chose none (or one that no longer exists)."""
    default = current_app.config["BABEL_DEFAULT_TIMEZONE"]
    if user.timezone:
        try:
            pytz_timezone(user.timezone)
        except UnknownTimeZoneError:
            return default
        return user.timezone
    return default


@contextmanager
def force_timezone(name: str):
    """Format dates and times in the zone `name` inside the block (Flask-Babel has this for locales only)."""
    ctx = _get_current_context()
    previous = getattr(ctx, "babel_tzinfo", None)
    ctx.babel_tzinfo = pytz_timezone(name)
    try:
        yield
    finally:
        ctx.babel_tzinfo = previous


def _text(message) -> str:
    return message() if callable(message) and not isinstance(message, LazyString) else str(message)


def send_email(user: User, kind: str, subject: Callable[[], str], body: Callable[[], str]) -> OutboxEmail:
    """Queue an e-mail to `user` alone (no in-app notice), rendered in their language and time zone."""
    locale = user.locale if user.locale in current_app.config["LANGUAGES"] else current_app.config[
        "BABEL_DEFAULT_LOCALE"]
    with force_locale(locale), force_timezone(user_timezone(user)):
        email = OutboxEmail(to_address=user.email, subject=_text(subject)[:300], body=_text(body), kind=kind,
                            message_id=new_message_id())
    db.session.add(email)
    return email


def notify(users: User | Iterable[User], kind: str, message, link: str = "", email: bool = True) -> None:
    """Tell each user about an event in the app and, unless `email` is False, by e-mail.

    `message` is either a string or a callable returning the string; a callable is rendered in every
    language of the interface, so each user reads the notice (and the e-mail) in the language they chose."""
    if isinstance(users, User):
        users = [users]
    texts = {}
    for locale in current_app.config["LANGUAGES"]:
        with force_locale(locale):
            texts[locale] = (message() if callable(message) else str(message))[:500]
    for user in users:
        if user.disabled:
            continue
        locale = user.locale if user.locale in texts else current_app.config["BABEL_DEFAULT_LOCALE"]
        text = texts[locale]
        db.session.add(Notification(user=user, kind=kind, message=text, translations=texts, link=link))
        user.__dict__.pop(_UNREAD_KNOWN, None)
        if email:
            # Times in the e-mail are in the recipient's own zone, which the in-app text cannot know.
            with force_locale(locale), force_timezone(user_timezone(user)):
                text = (message() if callable(message) else str(message))[:500]
                subject = _("legalnet: %(message)s", message=text)[:300]
                body = _("%(message)s\n\nOpen legalnet to see it: %(link)s", message=text, link=absolute_url(link))
            db.session.add(OutboxEmail(to_address=user.email, subject=subject, body=body, kind=kind,
                                       message_id=new_message_id()))
    db.session.flush()


def staff_users() -> list[User]:
    """Every active staff account, to tell about work that needs the centre."""
    return list(
        db.session.scalars(
            db.select(User).where(User.role.in_(STAFF_ROLES), User.disabled.is_(False))
        )
    )


def firm_users(firm, admins_only: bool = False) -> list[User]:
    """The active accounts of a firm."""
    roles = [Role.FIRM_ADMIN] if admins_only else list(FIRM_ROLES)
    return list(
        db.session.scalars(
            db.select(User).where(User.firm_id == firm.id, User.role.in_(roles), User.disabled.is_(False))
        )
    )


# The unread count read together with the signed-in user (accounts.sessions), kept on the user object.
_UNREAD_KNOWN = "unread_notifications"


def remember_unread_count(user: User, count: int) -> None:
    """Keep the unread count read with the user, so that the page's header need not ask again."""
    user.__dict__[_UNREAD_KNOWN] = count


def unread_count(user: User) -> int:
    """How many notifications the user has not read (as counted when the request signed them in, unless
    this request has notified them or marked their notifications read since)."""
    known = user.__dict__.get(_UNREAD_KNOWN)
    if known is not None:
        return known
    return db.session.scalar(db.select(func.count()).select_from(Notification).where(unread_of(user.id)))


def mark_all_read(user: User) -> int:
    """Mark every notification of the user as read; returns how many changed."""
    user.__dict__.pop(_UNREAD_KNOWN, None)
    result = db.session.execute(update(Notification).where(unread_of(user.id)).values(read_at=utcnow()))
    return result.rowcount
