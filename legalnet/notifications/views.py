"""The signed-in user's notifications."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from legalnet.extensions import db
from legalnet.notifications import services
from legalnet.notifications.models import Notification

bp = Blueprint("notifications", __name__, url_prefix="/notifications")


@bp.route("/")
@login_required
def index():
    """List the user's notifications, newest first."""
    page = request.args.get("page", 1, type=int)
    stmt = (
        db.select(Notification)
        .where(Notification.user_id == current_user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )
    notifications = db.paginate(stmt, page=page, per_page=30, error_out=False)
    return render_template("notifications/index.html", notifications=notifications)


@bp.route("/read", methods=["POST"])
@login_required
def mark_read():
    """Mark all notifications as read."""
    count = services.mark_all_read(current_user)
    db.session.commit()
    flash(_("%(count)d notifications marked as read.", count=count), "success")
    return redirect(url_for("notifications.index"))
