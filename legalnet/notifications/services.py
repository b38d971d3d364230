"""Create notifications and outbox e-mails; the caller's transaction commits them with the event."""

from collections.abc import Iterable

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, update

from legalnet.accounts.models import Role, User
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.notifications.models import Notification, OutboxEmail


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
        if email:
            with force_locale(locale):
                subject = _("legalnet: %(message)s", message=text)[:300]
                body = _("%(message)s\n\nOpen legalnet to see it: %(link)s", message=text, link=link or "/")
            db.session.add(OutboxEmail(to_address=user.email, subject=subject, body=body, kind=kind))
    db.session.flush()


def staff_users() -> list[User]:
    """Every active staff account, to tell about work that needs the centre."""
    return list(
        db.session.scalars(
            db.select(User).where(User.role.in_([Role.STAFF, Role.STAFF_ADMIN]), User.disabled.is_(False))
        )
    )


def firm_users(firm, admins_only: bool = False) -> list[User]:
    """The active accounts of a firm."""
    roles = [Role.FIRM_ADMIN] if admins_only else [Role.FIRM_ADMIN, Role.FIRM_LAWYER]
    return list(
        db.session.scalars(
            db.select(User).where(User.firm_id == firm.id, User.role.in_(roles), User.disabled.is_(False))
        )
    )


def unread_count(user: User) -> int:
    """How many notifications the user has not read."""
    return db.session.scalar(
        db.select(func.count()).select_from(Notification).where(
            Notification.user_id == user.id, Notification.read_at.is_(None)
        )
    )


def mark_all_read(user: User) -> int:
    """Mark every notification of the user as read; returns how many changed."""
    result = db.session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    return result.rowcount
