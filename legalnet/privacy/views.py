"""Pages for personal data: a person downloads their own data from the account page; staff find a person,
download their data and (staff administrators) erase it with a reason."""

from datetime import date

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import func, or_

from legalnet.accounts.models import User
from legalnet.core.loaders import visible_or_404
from legalnet.core.permissions import staff_required
from legalnet.core.views import attempt
from legalnet.extensions import db, limiter
from legalnet.privacy import services
from legalnet.privacy.forms import EraseForm
from legalnet.privacy.permissions import can_erase

bp = Blueprint("privacy", __name__)
PER_PAGE = 50


def download(data: dict, user_id: int) -> Response:
    """An export as a JSON file download."""
    filename = f"legalnet-personal-data-{user_id}-{date.today().isoformat()}.json"
    return Response(services.export_json(data), mimetype="application/json",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"',
                             "Cache-Control": "no-store"})


@bp.route("/account/data")
@login_required
def my_data():
    """What the centre keeps about the signed-in person, and the download of it."""
    return render_template("privacy/my_data.html")


@bp.route("/account/data/export.json")
@login_required
@limiter.limit("10 per hour")
def my_export():
    """Download everything held about oneself as JSON."""
    data = services.export_person(current_user, current_user)
    db.session.commit()
    return download(data, current_user.id)


@bp.route("/staff/people")
@staff_required
def people():
    """Find a person by name or e-mail address."""
    query = request.args.get("q", "").strip()[:200]
    stmt = db.select(User).order_by(func.lower(User.email))
    if query:
        pattern = query.lower()
        stmt = stmt.where(or_(func.lower(User.email).contains(pattern, autoescape=True),
                              func.lower(User.name).contains(pattern, autoescape=True)))
    listing = db.paginate(stmt, page=request.args.get("page", 1, type=int), per_page=PER_PAGE, error_out=False)
    return render_template("privacy/people.html", listing=listing, query=query,
                           args={"q": query} if query else {})


def person_or_404(user_id: int) -> User:
    """A person by id, for staff."""
    return visible_or_404(User, user_id)


@bp.route("/staff/people/<int:user_id>")
@staff_required
def person(user_id: int):
    """One person: account, organisation or firm, what is held, the export and the erasure."""
    person_ = person_or_404(user_id)
    return render_template("privacy/person.html", person=person_, erasure=services.erasure_of(person_),
                           held=services.held_counts(person_), form=EraseForm(), may_erase=can_erase(current_user))


@bp.route("/staff/people/<int:user_id>/export.json")
@staff_required
def person_export(user_id: int):
    """Download everything held about a person as JSON; audited."""
    person_ = person_or_404(user_id)
    data = services.export_person(person_, current_user)
    db.session.commit()
    return download(data, person_.id)


@bp.route("/staff/people/<int:user_id>/erase", methods=["POST"])
@staff_required
def erase(user_id: int):
    """Erase a person's identifying data, with a reason; audited."""
    if not can_erase(current_user):
        abort(403)
    person_ = person_or_404(user_id)
    form = EraseForm()
    back = redirect(url_for("privacy.person", user_id=person_.id))
    if not form.validate_on_submit():
        for field in form:
            for error in field.errors:
                flash(f"{field.label.text}: {error}", "error")
        return back
    outcome = attempt(services.erase_person, person_, current_user, form.reason.data)
    if not outcome:
        return back
    flash(_("The person's data was erased; the account is now %(pseudonym)s.", pseudonym=outcome.value.pseudonym),
          "success")
    return back
