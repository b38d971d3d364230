"""Firm pages: the public directory and profiles, the membership application, and the firm's self-service."""

import time

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from legalnet.accounts import throttle
from legalnet.accounts.models import User
from legalnet.accounts.services import normalise_email
from legalnet.core.i18n import current_locale_name
from legalnet.core.permissions import firm_admin_required, firm_member_required
from legalnet.core.versions import cached
from legalnet.core.views import attempt, attempt_quietly
from legalnet.extensions import db, limiter
from legalnet.firms import hours, services
from legalnet.firms.forms import (
    ActionForm,
    AdmissionForm,
    ApplyForm,
    ConflictForm,
    CoverageForm,
    DirectoryForm,
    InviteForm,
    LawyerForm,
    OfficeForm,
    OfficeHoursForm,
    ProfileForm,
)
from legalnet.firms.models import Firm
from legalnet.firms.permissions import can_edit_firm, can_view_firm
from legalnet.matching.services import label

bp = Blueprint("firms", __name__)


@bp.app_template_filter("country_label")
def country_label(value: str | None) -> str:
    """A firm's home country for display: the name of its jurisdiction code in the interface language."""
    return services.country_label(value)


# ------------------------------------------------------------------------------------ public


# The query string of the directory: the search, its filters and the page.
DIRECTORY_ARGS = ("q", "jurisdiction", "practice_area", "language", "match", "page")


@bp.route("/firms/")
def directory():
    """Search the directory of active member firms."""
    # The search form and its results depend only on the query string and the language. Only the parameters
    # the page knows, each given once, are cached: made-up ones would each keep a copy of the page.
    args = request.args
    if all(name in DIRECTORY_ARGS and len(args.getlist(name)) == 1 for name in args):
        body = cached("directory", (current_locale_name(), *(args.get(name) for name in DIRECTORY_ARGS)),
                      directory_body)
    else:
        body = directory_body()
    return render_template("firms/directory.html", body=Markup(body))


def directory_body() -> str:
    """The directory's search form and the page of results the query string asks for, as HTML."""
    form = DirectoryForm(request.args)
    form.validate()
    page = request.args.get("page", 1, type=int)
    if form.q.errors:
        # A search too long to be a name is refused with its message, never silently dropped.
        results = services.DirectoryPage([], page, services.DIRECTORY_PAGE_SIZE, 0)
    else:
        # A filter value that is not in the vocabulary is ignored rather than answered with an error page.
        value = lambda f: "" if f.errors else (f.data or "")  # noqa: E731
        results = services.search_directory(
            value(form.q), value(form.jurisdiction), value(form.practice_area), value(form.language),
            page=page, names_only=request.args.get("match") == "name", cards_only=True,
        )
    labels = {firm.id: services.coverage_labels(firm) for firm in results.items}
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    term_labels = [label(kind, code) for kind, codes in results.terms.items() for code in codes]
    return render_template("firms/_directory_body.html", form=form, results=results, labels=labels, args=args,
                           term_labels=term_labels,
                           without_q={k: v for k, v in args.items() if k not in ("q", "match")})


@bp.route("/firms/<int:firm_id>")
def public_profile(firm_id: int):
    """The public profile of an active member; other firms do not exist for the public."""
    page = cached("directory", (current_locale_name(), "profile", firm_id), lambda: profile_page(firm_id))
    if page is None:
        abort(404)
    title, body = page
    return render_template("firms/public_profile.html", title=title, body=Markup(body))


def profile_page(firm_id: int) -> tuple[str, str] | None:
    """The title and HTML body of an active member's public profile; None for any other firm."""
    firm = services.public_firm(firm_id)
    if firm is None:
        return None
    return firm.name, render_template("firms/_public_profile_body.html", firm=firm,
                                      labels=services.coverage_labels(firm))


@bp.route("/firms/apply", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT_IP"], methods=["POST"])
def apply():
    """Apply for membership: the firm, its coverage, its lawyers' bar registrations and its first admin."""
    started = time.monotonic()
    form = ApplyForm()
    if form.validate_on_submit():
        application = services.Application(
            name=form.name.data, local_name=form.local_name.data or "", email=form.email.data,
            country=form.country.data, website=form.website.data or "", phone=form.phone.data or "",
            description=form.description.data or "", jurisdictions=form.coverage("jurisdictions"),
            practice_areas=form.coverage("practice_areas"), languages=form.coverage("languages"),
            offices=form.offices.data or "", bar_registrations=form.bar_registrations.data or "",
            contact_name=form.contact_name.data, contact_email=form.contact_email.data, password=form.password.data,
        )
        outcome = attempt(services.apply_for_membership, application)
        if outcome:
            _firm, _user, coverage = outcome.value
            # The same answer, in the same time, when the contact address already had an account (its owner
            # got an e-mail).
            throttle.steady_answer(started)
            flash(_("Thank you: the application of %(firm)s has been sent to the centre. We have sent a link to "
                    "%(email)s: open it to confirm the address, then sign in to complete your profile while we "
                    "review it.", firm=application.name.strip(),
                    email=normalise_email(application.contact_email)), "success")
            if coverage is not None:
                flash_coverage(coverage)
            return redirect(url_for("accounts.sign_in"))
    return render_template("firms/apply.html", form=form)


def flash_coverage(result) -> None:
    """Tell the user what their typed coverage was read as, and what it was not."""
    for text in result.unresolved:
        options = result.suggestions.get(text) or []
        if options:
            flash(_("We did not understand \"%(text)s\"; did you mean %(options)s?", text=text,
                    options=", ".join(options)), "warning")
        else:
            flash(_("We did not understand \"%(text)s\"; it is kept as you typed it but not used for matching.",
                    text=text), "warning")


# ------------------------------------------------------------------------------------ self-service


def own_firm(edit: bool = False) -> Firm:
    """The signed-in member's firm; 403 when they may not see it (or change it, with `edit`)."""
    firm = current_user.firm
    allowed = can_edit_firm(current_user, firm) if edit else can_view_firm(current_user, firm)
    if not allowed:
        abort(403)
    return firm


@bp.route("/firm/")
@firm_member_required
def profile():
    """The member's own firm: everything on record, with links to change it for admins."""
    firm = own_firm()
    return render_template("firms/profile.html", firm=firm, labels=services.coverage_labels(firm),
                           can_edit=can_edit_firm(current_user, firm), status=services.status_label(firm.status))


@bp.route("/firm/edit", methods=["GET", "POST"])
@firm_admin_required
def edit_profile():
    """Change the firm's name, contact details, description and capacity."""
    firm = own_firm(edit=True)
    form = ProfileForm(obj=firm)
    if request.method == "GET":
        # A stored jurisdiction code is shown as its name; saving it again resolves to the same code.
        form.country.data = services.country_label(firm.country)
    if form.validate_on_submit():
        outcome = attempt(services.update_profile, firm, current_user,
                          **{n: getattr(form, n).data for n in services.PROFILE_FIELDS})
        if outcome:
            flash(_("Profile saved.") if outcome.value else _("Nothing changed."), "success")
            return redirect(url_for("firms.profile"))
    return render_template("firms/edit_profile.html", form=form, firm=firm)


@bp.route("/firm/coverage", methods=["GET", "POST"])
@firm_admin_required
def coverage():
    """Choose or type the jurisdictions, practice areas and languages of the firm."""
    firm = own_firm(edit=True)
    form = CoverageForm()
    if request.method == "GET":
        form.jurisdictions.data = firm.jurisdiction_codes
        form.practice_areas.data = firm.practice_area_codes
        form.languages.data = firm.language_codes
        for kind in ("jurisdictions", "practice_areas", "languages"):
            codes = {code for code, _label in getattr(form, kind).choices}
            typed = [text for text in getattr(firm, "raw_" + kind) or [] if text not in codes]
            getattr(form, kind + "_text").data = ", ".join(typed)
    if form.validate_on_submit():
        outcome = attempt(services.update_coverage, firm, current_user, form.coverage("jurisdictions"),
                          form.coverage("practice_areas"), form.coverage("languages"))
        if outcome:
            flash(_("Coverage saved."), "success")
            flash_coverage(outcome.value)
            return redirect(url_for("firms.coverage"))
    return render_template("firms/coverage.html", form=form, firm=firm,
                           labels=services.coverage_labels(firm))


@bp.route("/firm/hours", methods=["GET", "POST"])
@firm_admin_required
def office_hours():
    """The firm's time zone and office hours: offers to the firm are due within its working hours."""
    firm = own_firm(edit=True)
    clock = hours.clock_for(firm)
    form = OfficeHoursForm()
    if request.method == "GET":
        form.time_zone.data = firm.time_zone or ""
        form.office_opens.data, form.office_closes.data = clock.opens, clock.closes
    if form.validate_on_submit():
        outcome = attempt(hours.update_office_hours, firm, current_user, form.time_zone.data,
                          form.office_opens.data, form.office_closes.data)
        if outcome:
            flash(_("Office hours saved.") if outcome.value else _("Nothing changed."), "success")
            return redirect(url_for("firms.office_hours"))
    return render_template("firms/office_hours.html", form=form, firm=firm, clock=clock,
                           jurisdiction=hours.home_jurisdiction(firm))


@bp.route("/firm/offices", methods=["GET", "POST"])
@firm_admin_required
def offices():
    """List, add and remove the firm's offices."""
    firm = own_firm(edit=True)
    form = OfficeForm()
    if form.validate_on_submit():
        if attempt(services.add_office, firm, current_user, form.city.data, form.jurisdiction.data,
                   form.address.data or ""):
            flash(_("Office added."), "success")
            return redirect(url_for("firms.offices"))
    return render_template("firms/offices.html", form=form, firm=firm, action=ActionForm())


@bp.route("/firm/offices/<int:office_id>/remove", methods=["POST"])
@firm_admin_required
def remove_office(office_id: int):
    """Remove an office."""
    return _act(lambda firm: services.remove_office(firm, current_user, office_id), _("Office removed."),
                "firms.offices")


def _act(change, message: str, endpoint: str):
    """Run one change on the admin's own firm from a button, then go back to the list."""
    firm = own_firm(edit=True)
    if not ActionForm().validate_on_submit():
        abort(400)
    if not attempt_quietly(change, firm):
        # Another firm's item, or one already removed: never say which.
        abort(404)
    flash(message, "success")
    return redirect(url_for(endpoint))


@bp.route("/firm/lawyers", methods=["GET", "POST"])
@firm_admin_required
def lawyers():
    """List, add and remove the firm's lawyers and their bar admissions."""
    firm = own_firm(edit=True)
    form = LawyerForm()
    if form.validate_on_submit():
        outcome = attempt_quietly(lambda: services.add_lawyer(
            firm, current_user, form.name.data, form.email.data or "", form.title.data or "",
            services.parse_admissions(form.admissions.data or "")))
        if not outcome:
            # The refusal is about the admissions typed, so it is shown beside that field.
            form.admissions.errors.append(str(outcome.error))
        else:
            flash(_("Lawyer added."), "success")
            return redirect(url_for("firms.lawyers"))
    admission_forms = {lawyer.id: AdmissionForm(prefix=f"lawyer{lawyer.id}", formdata=None) for lawyer in firm.lawyers}
    return render_template("firms/lawyers.html", form=form, firm=firm, action=ActionForm(),
                           admission_forms=admission_forms)


@bp.route("/firm/lawyers/<int:lawyer_id>/remove", methods=["POST"])
@firm_admin_required
def remove_lawyer(lawyer_id: int):
    """Remove a lawyer."""
    return _act(lambda firm: services.remove_lawyer(firm, current_user, lawyer_id), _("Lawyer removed."),
                "firms.lawyers")


@bp.route("/firm/lawyers/<int:lawyer_id>/admissions", methods=["POST"])
@firm_admin_required
def add_admission(lawyer_id: int):
    """Add a bar admission to a lawyer."""
    firm = own_firm(edit=True)
    form = AdmissionForm(prefix=f"lawyer{lawyer_id}")
    if not form.validate_on_submit():
        for field in form:
            for error in field.errors:
                flash(f"{field.label.text}: {error}", "error")
        return redirect(url_for("firms.lawyers"))
    if not attempt_quietly(services.add_bar_admission, firm, current_user, lawyer_id, form.jurisdiction.data,
                           form.registration_number.data or "", form.admitted_year.data):
        abort(404)
    flash(_("Bar admission added."), "success")
    return redirect(url_for("firms.lawyers"))


@bp.route("/firm/admissions/<int:admission_id>/remove", methods=["POST"])
@firm_admin_required
def remove_admission(admission_id: int):
    """Remove a bar admission."""
    return _act(lambda firm: services.remove_bar_admission(firm, current_user, admission_id),
                _("Bar admission removed."), "firms.lawyers")


@bp.route("/firm/conflicts", methods=["GET", "POST"])
@firm_admin_required
def conflicts():
    """The conflict register: add one name, paste many, upload a file, remove."""
    firm = own_firm(edit=True)
    form = ConflictForm()
    if form.validate_on_submit():
        outcome = attempt(lambda: services.add_conflicts(firm, current_user, typed_conflict_names(form)))
        if outcome:
            flash(_("%(added)d names added to the conflict register; names already on it were skipped.",
                    added=outcome.value), "success")
            return redirect(url_for("firms.conflicts"))
    return render_template("firms/conflicts.html", form=form, firm=firm, action=ActionForm())


def typed_conflict_names(form: ConflictForm) -> list[str]:
    """The names of the conflict form: the one typed, the pasted lines and those of an uploaded file."""
    names = [form.name.data or ""] + (form.names.data or "").splitlines()
    if form.upload.data:
        names += services.read_conflict_names(form.upload.data.read())
    return names


@bp.route("/firm/conflicts/<int:party_id>/remove", methods=["POST"])
@firm_admin_required
def remove_conflict(party_id: int):
    """Remove a name from the conflict register."""
    return _act(lambda firm: services.remove_conflict(firm, current_user, party_id),
                _("Name removed from the conflict register."), "firms.conflicts")


@bp.route("/firm/users", methods=["GET", "POST"])
@firm_admin_required
def users():
    """The firm's accounts: invite a lawyer, disable or re-enable an account."""
    firm = own_firm(edit=True)
    form = InviteForm()
    if form.validate_on_submit():
        outcome = attempt(services.invite_lawyer, firm, current_user, form.name.data, form.email.data)
        if outcome:
            flash(_("Invitation sent to %(email)s.", email=outcome.value.email), "success")
            return redirect(url_for("firms.users"))
    accounts = db.session.scalars(db.select(User).where(User.firm_id == firm.id).order_by(User.name)).all()
    return render_template("firms/users.html", form=form, firm=firm, accounts=accounts, action=ActionForm())


@bp.route("/firm/users/<int:user_id>/<any(disable, enable):change>", methods=["POST"])
@firm_admin_required
def set_user_disabled(user_id: int, change: str):
    """Disable or re-enable an account of the firm."""
    firm = own_firm(edit=True)
    user = db.session.get(User, user_id)
    if user is None or user.firm_id != firm.id:
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    if not attempt(services.set_firm_user_disabled, firm, current_user, user, change == "disable"):
        return redirect(url_for("firms.users"))
    flash(_("%(email)s disabled.", email=user.email) if user.disabled else _("%(email)s enabled.", email=user.email),
          "success")
    return redirect(url_for("firms.users"))
