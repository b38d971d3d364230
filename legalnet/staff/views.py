"""Staff pages: the membership console (applications, members, decisions, import, export), the vocabulary staff
teach from the terms requests left unresolved, and the audit log."""

from datetime import date

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from legalnet.core.loaders import visible_or_404
from legalnet.core.permissions import staff_required
from legalnet.core.views import attempt
from legalnet.extensions import db
from legalnet.firms import services as firms
from legalnet.firms.importer import decode_upload, format_for
from legalnet.firms.importer import import_firms as run_import
from legalnet.firms.models import Firm, FirmStatus
from legalnet.matching.models import TaughtAlias
from legalnet.matching.services import label, vocabulary_choices
from legalnet.staff import services, vocabulary
from legalnet.staff.audit_text import action_label, audit_lines, subject_type_label
from legalnet.staff.forms import ImportForm, StatusForm, TeachForm, TwoFactorPolicyForm, UndoForm

bp = Blueprint("staff", __name__, url_prefix="/staff")
bp.add_app_template_filter(services.role_label, "role_label")
bp.add_app_template_filter(firms.status_label, "membership_label")
# Pages of every blueprint name the zone their times are shown in.
bp.add_app_template_global(services.time_zone_name, "time_zone_name")

PER_PAGE = 50


def firm_filters() -> dict[str, str]:
    """The member-list filters from the query string."""
    return {key: request.args.get(key, "").strip() for key in ("status", "jurisdiction", "renewal", "q")}


@bp.route("/applications")
@staff_required
def applications():
    """Membership applications waiting for a decision, oldest first."""
    page = request.args.get("page", 1, type=int)
    pending = db.paginate(services.applications_query(), page=page, per_page=PER_PAGE, error_out=False)
    return render_template("staff/applications.html", pending=pending)


@bp.route("/firms", endpoint="firms")
@staff_required
def firms_list():
    """Every firm, with status, jurisdiction and renewal filters."""
    filters = firm_filters()
    stmt = services.firms_query(filters["status"], filters["jurisdiction"], filters["renewal"], filters["q"])
    listing = db.paginate(stmt, page=request.args.get("page", 1, type=int), per_page=PER_PAGE, error_out=False)
    return render_template("staff/firms.html", listing=listing, filters=filters, statuses=list(FirmStatus),
                           status_label=firms.status_label, jurisdictions=vocabulary_choices("jurisdictions"),
                           args={k: v for k, v in filters.items() if v}, today=date.today())


@bp.route("/firms.csv")
@staff_required
def export_firms():
    """The filtered member list as a CSV download."""
    filters = firm_filters()
    text = services.firms_csv(services.firms_query(filters["status"], filters["jurisdiction"], filters["renewal"],
                                                   filters["q"]))
    filename = f"legalnet-firms-{date.today().isoformat()}.csv"
    # A byte-order mark lets spreadsheet programs read the Chinese names as UTF-8.
    return Response("\ufeff" + text, mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def firm_or_404(firm_id: int) -> Firm:
    """A firm by id for staff."""
    return visible_or_404(Firm, firm_id)


# The reason typed for a refused decision, kept for the firm page the staff member is sent back to.
DRAFT_KEY = "staff_decision_draft"
# The session lives in a cookie of about 4 KB; a longer draft is cut rather than breaking the cookie.
DRAFT_CHARS = 500


def keep_draft(firm: Firm, reason: str | None) -> None:
    """Remember the typed reason of a refused decision for the next view of the firm page."""
    session[DRAFT_KEY] = {"firm_id": firm.id, "reason": (reason or "")[:DRAFT_CHARS]}


@bp.route("/firms/<int:firm_id>")
@staff_required
def firm_detail(firm_id: int):
    """One firm: its profile, coverage, accounts, history and the membership decisions."""
    firm = firm_or_404(firm_id)
    form = StatusForm(formdata=None)
    draft = session.pop(DRAFT_KEY, None)
    if draft and draft.get("firm_id") == firm.id:
        form.reason.data = draft.get("reason", "")
    return render_template(
        "staff/firm.html", firm=firm, form=form, actions=firms.allowed_actions(firm),
        two_factor_form=TwoFactorPolicyForm(formdata=None, required=firm.require_admin_two_factor),
        labels=firms.coverage_labels(firm), history=audit_lines(services.firm_history(firm)),
        status_label=firms.status_label, transitions=firms.TRANSITIONS,
    )


@bp.route("/firms/<int:firm_id>/two-factor", methods=["POST"])
@staff_required
def firm_two_factor(firm_id: int):
    """Require, or stop requiring, two-factor sign-in of the firm's admins."""
    firm = firm_or_404(firm_id)
    form = TwoFactorPolicyForm()
    if form.validate_on_submit():
        services.set_admin_two_factor(current_user, firm, bool(form.required.data))
        db.session.commit()
        flash(_("Two-factor sign-in is now required of the admins of %(firm)s.", firm=firm.name)
              if firm.require_admin_two_factor else
              _("Two-factor sign-in is now optional for the admins of %(firm)s.", firm=firm.name), "success")
    return redirect(url_for("staff.firm_detail", firm_id=firm.id))


@bp.route("/firms/<int:firm_id>/status", methods=["POST"])
@staff_required
def change_status(firm_id: int):
    """Approve, reject, suspend, reinstate, renew or withdraw a membership."""
    firm = firm_or_404(firm_id)
    form = StatusForm()
    back = redirect(url_for("staff.firm_detail", firm_id=firm.id))
    # A refused decision goes back to the firm page (never a page at this URL, which a reload would post
    # again), with the message and the reason as typed.
    if not form.validate_on_submit():
        for field in form:
            for error in field.errors:
                flash(f"{field.label.text}: {error}", "error")
        keep_draft(firm, form.reason.data)
        return back
    if not attempt(firms.change_status, firm, form.action.data, current_user, form.reason.data or "",
                   renewal_date=form.renewal_date.data):
        keep_draft(firm, form.reason.data)
        return back
    flash(_("%(firm)s is now %(status)s.", firm=firm.name, status=firms.status_label(firm.status)), "success")
    return redirect(url_for("staff.firm_detail", firm_id=firm.id))


@bp.route("/firms/import", methods=["GET", "POST"])
@staff_required
def import_firms():
    """Import firms from an uploaded JSON Lines or CSV file and show what happened, line by line."""
    form = ImportForm()
    report = None
    if form.validate_on_submit():
        upload = form.upload.data
        try:
            stream = decode_upload(upload.read())
        except UnicodeDecodeError:
            form.upload.errors.append(_("The file is not UTF-8 text. Save it as UTF-8 and try again."))
        else:
            fmt = form.fmt.data or format_for(upload.filename or "")
            report = run_import(stream, fmt, default_status=FirmStatus(form.status.data) if form.status.data
                                else None, actor=current_user)
            db.session.commit()
            flash(_("Import finished: %(created)d created, %(updated)d updated, %(unchanged)d unchanged, "
                    "%(refused)d refused.", created=report.created, updated=report.updated,
                    unchanged=report.unchanged, refused=len(report.errors)),
                  "warning" if report.errors else "success")
    return render_template("staff/import.html", form=form, report=report)


@bp.route("/vocabulary")
@staff_required
def vocabulary_page():
    """The terms recent requests left unresolved, most frequent first, and the aliases staff taught."""
    terms = vocabulary.unresolved_terms()
    return render_template("staff/vocabulary.html", terms=terms, total=vocabulary.unresolved_term_count(),
                           taught=vocabulary.taught_aliases(), targets=vocabulary.target_choices(),
                           teach_form=TeachForm(formdata=None), undo_form=UndoForm(formdata=None),
                           kind_label=vocabulary.kind_label, days=vocabulary.RECENT_DAYS)


@bp.route("/vocabulary/teach", methods=["POST"])
@staff_required
def teach_term():
    """Map an unresolved term to a vocabulary code; every worker reads it so from its next request on."""
    form = TeachForm()
    back = redirect(url_for("staff.vocabulary_page"))
    if not form.validate_on_submit():
        flash(_("The mapping was not saved: the form was incomplete or expired. Try again."), "error")
        return back
    outcome = attempt(vocabulary.teach_alias, current_user, form.text.data, form.target.data)
    if not outcome:
        return back
    alias = outcome.value
    flash(_("“%(term)s” is now read as %(code)s.", term=alias.alias, code=label(alias.kind, alias.code)), "success")
    return back


@bp.route("/vocabulary/aliases/<int:alias_id>/undo", methods=["POST"])
@staff_required
def undo_term(alias_id: int):
    """Undo a taught mapping."""
    form = UndoForm()
    if not form.validate_on_submit():
        abort(400)
    alias = db.session.get(TaughtAlias, alias_id)
    if alias is None:
        abort(404)
    if attempt(vocabulary.undo_alias, current_user, alias):
        flash(_("“%(term)s” is no longer mapped to %(code)s.", term=alias.alias, code=label(alias.kind, alias.code)),
              "success")
    return redirect(url_for("staff.vocabulary_page"))


@bp.route("/audit")
@staff_required
def audit_log():
    """Search the audit log by text, action and subject."""
    query = request.args.get("q", "").strip()
    action = request.args.get("action", "").strip()
    subject_type = request.args.get("subject_type", "").strip()
    subject_id = request.args.get("subject_id", type=int)
    page = request.args.get("page", 1, type=int)
    stmt = services.audit_query(query, action, subject_type, subject_id)
    entries = db.paginate(stmt, page=page, per_page=50, error_out=False)
    args = {k: v for k, v in {"q": query, "action": action, "subject_type": subject_type,
                              "subject_id": subject_id}.items() if v not in ("", None)}
    return render_template("staff/audit_log.html", entries=entries, lines=audit_lines(entries.items), query=query,
                           action=action, action_label=action_label, subject_type_label=subject_type_label,
                           subject_type=subject_type, subject_id=subject_id, args=args,
                           actions=services.audit_actions(), subject_types=services.audit_subject_types())
