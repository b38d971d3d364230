"""Sessions kept on the server: each signed-in browser is a row, and the cookie only names it, so signing out,
"sign out everywhere", a password change or a disabled account end sessions for good, copied cookies too."""

import secrets
from datetime import timedelta
from functools import cache

from flask import current_app, request
from flask_login import login_user, logout_user
from sqlalchemy import bindparam, delete, func, select

from legalnet.accounts import twofactor
from legalnet.accounts.models import User, UserSession, hash_secret
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.firms.models import Firm
from legalnet.notifications.models import Notification, unread_of
from legalnet.notifications.services import remember_unread_count


@cache
def session_with_user():
    """The one query of each request: the user of a session with the session's start and the number of unread
    notifications (which every page's header shows). Built once, on first use (when every model is mapped):
    building it costs more than running it. Of the user's firm it reads only whether its admins must use
    two-factor sign-in (checked on every request of a firm admin); the pages that show the firm load it."""
    unread = select(func.count()).select_from(Notification).where(unread_of(User.id)).scalar_subquery()
    firm_rule = select(Firm.require_admin_two_factor).where(Firm.id == User.firm_id).scalar_subquery()
    return (select(User, UserSession.created_at, unread, firm_rule).join(UserSession, UserSession.user_id == User.id)
            .where(UserSession.key_hash == bindparam("key_hash")))


def start_session(user: User) -> None:
    """Sign `user` in on this browser with a new server-side session."""
    key = secrets.token_urlsafe(32)
    agent = (request.user_agent.string or "")[:200] if request else ""
    db.session.add(UserSession(user_id=user.id, key_hash=hash_secret(key), user_agent=agent))
    db.session.flush()
    user.session_key = key
    login_user(user)


def user_for_session_key(key: str) -> User | None:
    """The user of a live session named by a cookie, or None when it was ended or is too old."""
    if not key or len(key) > 100:
        return None
    found = db.session.execute(session_with_user(), {"key_hash": hash_secret(key)}).first()
    if found is None:
        return None
    user, started, unread_count, firm_rule = found
    max_age = timedelta(days=float(current_app.config.get("SESSION_MAX_AGE_DAYS", 30)))
    if started < utcnow() - max_age:
        return None
    user.session_key = key
    remember_unread_count(user, unread_count)
    twofactor.remember_firm_rule(user, firm_rule)
    return user


def delete_expired_sessions(now=None) -> int:
    """Forget the sessions older than SESSION_MAX_AGE_DAYS, which no cookie can use any more; returns how many."""
    max_age = timedelta(days=float(current_app.config.get("SESSION_MAX_AGE_DAYS", 30)))
    stmt = delete(UserSession).where(UserSession.created_at < (now or utcnow()) - max_age)
    return db.session.execute(stmt, execution_options={"synchronize_session": False}).rowcount or 0


def end_session(user: User) -> None:
    """End the session of this browser and forget it."""
    key = getattr(user, "session_key", None)
    if key:
        db.session.execute(delete(UserSession).where(UserSession.key_hash == hash_secret(key)))
    logout_user()


def end_other_sessions(user: User, keep_current: bool = True) -> int:
    """End every session of `user` (but the one of this browser when `keep_current`); returns how many."""
    stmt = delete(UserSession).where(UserSession.user_id == user.id)
    key = getattr(user, "session_key", None)
    if keep_current and key:
        stmt = stmt.where(UserSession.key_hash != hash_secret(key))
    return db.session.execute(stmt, execution_options={"synchronize_session": False}).rowcount or 0


def active_session_count(user: User) -> int:
    """How many browsers are signed in as `user`."""
    return db.session.scalar(db.select(db.func.count()).select_from(UserSession)
                             .where(UserSession.user_id == user.id)) or 0
