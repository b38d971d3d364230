"""Client pages: the intake form with its "we understood" check, the list of the organisation's requests,
a request with its shortlist to choose from, and withdrawing a request."""

from functools import cache

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import bindparam, select

from legalnet.core.i18n import current_locale_name
from legalnet.core.loaders import shown_or_404, visible_or_404
from legalnet.core.permissions import client_or_staff_required, client_required
from legalnet.core.views import attempt
from legalnet.documents import services as documents
from legalnet.extensions import db
from legalnet.intake import services
from legalnet.intake.forms import CancelRequestForm, LookFurtherForm, PickFirmForm, RequestForm
from legalnet.intake.models import OPEN_STATUSES, LegalRequest, RequestStatus
from legalnet.matching.services import labels
from legalnet.matching.vocabulary import get_vocabulary
from legalnet.referrals import access, offers
from legalnet.referrals import services as referrals
from legalnet.referrals.disclosure import default_summary
from legalnet.referrals.states import can_transition, offer_status_label, status_label

bp = Blueprint("intake", __name__, url_prefix="/requests")



@bp.app_template_filter("vocab")
def vocab_labels(codes, kind: str) -> str:
    """Readable labels of vocabulary codes in the user's language, e.g. "Vietnam · Intellectual Property"."""
    return " · ".join(labels(kind, codes or []))


@bp.app_template_filter("state_label")
def state_label(obj) -> str:
    """The readable label of a request's or an offer's status."""
    return status_label(obj)


def load_request(request_id: int, *options) -> LegalRequest:
    """The request if the current user may see it, with the loader `options` the page needs; 404 otherwise."""
    return visible_or_404(LegalRequest, request_id, access.can_view_request, *options)


bp.app_template_filter("offer_status_label")(offer_status_label)


@cache
def request_page_statement():
    """A request by its id, for its page (which reads its offers as rows); built once."""
    return select(LegalRequest).where(LegalRequest.id == bindparam("id"))


def input_from(form: RequestForm) -> services.RequestInput:
    """The form's values as the service's input; picked codes and typed text go to the resolver together."""
    return services.RequestInput(
        title=form.title.data or "",
        description=form.description.data or "",
        jurisdictions=list(form.jurisdictions.data or []) + services.split_items(form.jurisdictions_text.data),
        practice_areas=list(form.practice_areas.data or []) + services.split_items(form.practice_areas_text.data)
        + list(form.add_practice_areas.data or []),
        languages=list(form.languages.data or []) + services.split_items(form.languages_text.data),
        counterparties=services.split_lines(form.counterparties.data),
        urgency=form.urgency.data or "standard",
        budget_amount=form.budget_amount.data,
        budget_currency=form.budget_currency.data or "",
        deadline=form.deadline.data,
        consent_to_share=bool(form.consent.data),
        consent_version=form.consent_version.data or None,
        consent_locale=current_locale_name(),
        removed_counterparties=[name for name in form.offered_counterparties.data or []
                                if name not in (form.found_counterparties.data or [])],
        added_counterparties=list(form.found_counterparties.data or []),
        summary=form.summary.data or "",
        removed_terms=removed_terms(form),
    )


def picked_codes(form: RequestForm) -> dict[str, list[str]]:
    """The codes picked in the form's lists, by kind; areas ticked as "also mentioned" count as picked."""
    return {"jurisdictions": list(form.jurisdictions.data or []),
            "practice_areas": list(form.practice_areas.data or []) + list(form.add_practice_areas.data or []),
            "languages": list(form.languages.data or [])}


def removed_terms(form: RequestForm) -> dict[str, list[str]]:
    """The terms the Check step showed ("kind:code") that are no longer picked: the client removed them."""
    vocab, picked = get_vocabulary(), picked_codes(form)
    removed: dict[str, list[str]] = {}
    for item in form.offered_terms.data or []:
        kind, _sep, code = str(item).partition(":")
        if kind in picked and vocab.has(kind, code) and code not in picked[kind]:
            removed.setdefault(kind, []).append(code)
    return removed


def carry_choices(form: RequestForm, understanding: services.Understanding, data: services.RequestInput) -> None:
    """Fill the form with what the Check step understood: the lists hold the terms read from the lists, the
    typed text and the description, the text boxes keep only what was not understood, and the terms shown
    travel along with the ones removed so that a removal holds. The parties found in the text stay ticked
    unless the client unticked them, and the names set aside stay unticked unless the client ticked them."""
    unresolved = set(understanding.unresolved)
    for kind, text_field in (("jurisdictions", form.jurisdictions_text), ("practice_areas", form.practice_areas_text),
                             ("languages", form.languages_text)):
        getattr(form, kind).data = list(getattr(understanding, kind))
        # An item stays when any part of it was not understood (a text item may resolve only in part).
        text_field.data = ", ".join(item for item in services.split_items(text_field.data)
                                    if any(text in item for text in unresolved))
    form.add_practice_areas.data = []
    form.offered_terms.data = [f"{kind}:{code}" for kind in services.KINDS
                               for code in [*getattr(understanding, kind), *data.removed_terms.get(kind, [])]]
    form.found_counterparties.data = services.confirmed_counterparties(understanding, data)


@bp.route("/")
@client_required
def list_requests():
    """The organisation's requests, newest first."""
    page = request.args.get("page", 1, type=int)
    stmt, params = access.organisation_requests(current_user)
    requests_ = db.paginate(stmt, page=page, per_page=25, error_out=False, params=params)
    return render_template("intake/list.html", requests=requests_)


def submit_with_attachments(data, attachments) -> LegalRequest:
    """Submit the client's request with the files chosen at intake."""
    # Every file is checked before anything is stored; one bad file refuses the request.
    uploads = documents.prepare_all(attachments)
    req = services.submit_request(current_user, data)
    documents.attach_at_intake(req, current_user, uploads)
    return req


@bp.route("/new", methods=["GET", "POST"])
@client_required
def new_request():
    """Fill in a request, check what it was understood as, then submit it."""
    form = RequestForm()
    understanding = None
    refused = False
    if form.validate_on_submit():
        data = input_from(form)
        if form.submit.data and not form.consent.data:
            form.consent.errors.append(_("You need to agree that the request is shared with the matched firms."))
        elif form.submit.data:
            outcome = attempt(submit_with_attachments, data, form.attachments.data)
            refused = not outcome
            if outcome:
                req = outcome.value
                flash(_("Request %(ref)s submitted.", ref=req.reference), "success")
                return redirect(url_for("intake.detail", request_id=req.id))
        understanding = services.understand(data, services.own_names_of(current_user))
    locale = current_locale_name()
    # Input the form refused is shown back with its messages, answered as a client error.
    status = 422 if request.method == "POST" and (form.errors or refused) else 200
    if understanding is not None:
        carry_choices(form, understanding, data)
        if not form.summary.data:
            form.summary.data = default_summary(form.description.data)
    return render_template("intake/new.html", form=form, understanding=understanding,
                           labels=understanding.labels(locale) if understanding else None,
                           suggestions=understanding.readable_suggestions(locale) if understanding else {}), status


@bp.route("/<int:request_id>")
@client_or_staff_required
def detail(request_id: int):
    """A request: what it asks, where it stands, the firms to choose from and the offers made."""
    found = db.session.execute(request_page_statement(), {"id": request_id}).scalar()
    req = shown_or_404(found, access.can_view_request)
    choices, pick_form, further_form, cancel_form = [], None, None, None
    # Forms are built only where the page shows them.
    if req.awaits_choice:
        choices = offers.eligible_matches(req)[:offers.CLIENT_CHOICES]
        pick_form, further_form = PickFirmForm(), LookFurtherForm()
        pick_form.firm.choices = [(str(m.firm_id), m.firm.name) for m in choices] + [
            ("centre", _("Let the centre choose"))]
    can_cancel = (req.status in OPEN_STATUSES and can_transition(req, RequestStatus.CANCELLED)
                  and current_user.is_client)
    if can_cancel:
        cancel_form = CancelRequestForm()
    return render_template(
        "intake/detail.html", req=req, choices=choices, pick_form=pick_form, further_form=further_form,
        partial=[m.firm_id for m in choices if not offers.covers_every_jurisdiction(m)],
        cancel_form=cancel_form, can_cancel=can_cancel, events=access.visible_events(current_user, req),
        offers=offers.listed_offers(req.id),
    )


@bp.route("/<int:request_id>/pick", methods=["POST"])
@client_required
def pick(request_id: int):
    """Send the request to the chosen firm, or let the centre choose."""
    req = load_request(request_id)
    form = PickFirmForm()
    form.firm.choices = [(str(m.firm_id), m.firm.name) for m in offers.eligible_matches(req)] + [
        ("centre", _("Let the centre choose"))]
    if not form.validate_on_submit():
        flash(_("Choose a firm, or let the centre choose."), "error")
        return redirect(url_for("intake.detail", request_id=req.id))
    firm_id = None if form.firm.data == "centre" else int(form.firm.data)
    outcome = attempt(referrals.choose_firm, req, current_user, firm_id)
    if not outcome:
        return redirect(url_for("intake.detail", request_id=request_id))
    offer = outcome.value
    if offer is None:
        flash(_("No firm is available right now; the centre will find one for you."), "warning")
    else:
        flash(_("Your request was offered to %(firm)s.", firm=offer.firm.name), "success")
    return redirect(url_for("intake.detail", request_id=request_id))


@bp.route("/<int:request_id>/look-further", methods=["POST"])
@client_required
def look_further(request_id: int):
    """Set the shortlist aside and ask the centre to look further."""
    req = load_request(request_id)
    if not LookFurtherForm().validate_on_submit():
        abort(400)
    if attempt(services.ask_centre_to_look_further, req, current_user):
        flash(_("The centre will look further for a firm that covers all of your request, and will let you know."),
              "success")
    return redirect(url_for("intake.detail", request_id=request_id))


@bp.route("/<int:request_id>/cancel", methods=["POST"])
@client_required
def cancel(request_id: int):
    """Withdraw the request before a firm accepts it."""
    req = load_request(request_id)
    form = CancelRequestForm()
    if not form.validate_on_submit():
        abort(400)
    if attempt(services.cancel_request, req, current_user, form.reason.data or ""):
        flash(_("Request %(ref)s withdrawn.", ref=req.reference), "success")
    return redirect(url_for("intake.detail", request_id=request_id))
