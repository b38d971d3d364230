"""Staff pages."""

from flask import Blueprint, render_template, request
from sqlalchemy import or_

from legalnet.core.audit import AuditLog
from legalnet.core.permissions import staff_required
from legalnet.extensions import db

bp = Blueprint("staff", __name__, url_prefix="/staff")


@bp.route("/audit")
@staff_required
def audit_log():
    """Search the audit log by action, actor or text."""
    query = request.args.get("q", "").strip()
    page = request.args.get("page", 1, type=int)
    stmt = db.select(AuditLog).order_by(AuditLog.created_at.desc(), AuditLog.id.desc())
    if query:
        like = f"%{query}%"
        stmt = stmt.where(
            or_(
                AuditLog.action.ilike(like),
                AuditLog.actor_email.ilike(like),
                AuditLog.summary.ilike(like),
                AuditLog.reason.ilike(like),
            )
        )
    entries = db.paginate(stmt, page=page, per_page=50, error_out=False)
    return render_template("staff/audit_log.html", entries=entries, query=query)
