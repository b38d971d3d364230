"""Firm, case and staff pages of the referral workflow: the firm's offers with accept and decline, the
case with its timeline, messages, notes, status and closure, and the staff queue with manual referral."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import or_
from sqlalchemy.orm import joinedload, selectinload

from legalnet.accounts.models import Role
from legalnet.core.loaders import visible_or_404
from legalnet.core.models import utcnow
from legalnet.core.permissions import client_or_staff_required, firm_member_required, roles_required, staff_required
from legalnet.core.views import attempt
from legalnet.extensions import db
from legalnet.firms.models import Firm, FirmStatus
from legalnet.intake import services as intake_services
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.matching.models import Match
from legalnet.referrals import access, disclosure, events, fees, labels, quotes, services, teams
from legalnet.referrals import cases as case_work
from legalnet.referrals.forms import (
    AcceptOfferForm,
    CaseStatusForm,
    CloseCaseForm,
    DeclineOfferForm,
    FeedbackForm,
    MessageForm,
    NoteForm,
    ReferForm,
    ReferTeamForm,
    RematchForm,
    WithdrawOfferForm,
)
from legalnet.referrals.models import Feedback, Offer, OfferStatus
from legalnet.referrals.offers import client_users, covers_every_jurisdiction
from legalnet.referrals.sla import reminder_reached

bp = Blueprint("referrals", __name__)

case_roles_required = roles_required(*Role)

bp.add_app_template_filter(labels.outcome_label, "outcome_label")
bp.add_app_template_filter(labels.urgency_label, "urgency_label")
bp.add_app_template_filter(labels.source_label, "source_label")
bp.add_app_template_filter(labels.offer_reason, "offer_reason")
bp.add_app_template_filter(labels.request_status_label, "request_status_label")
bp.add_app_template_filter(labels.reason_texts, "reason_texts")
bp.add_app_template_filter(labels.reason_items, "reason_items")
bp.add_app_template_filter(events.event_text, "event_text")
bp.add_app_template_filter(covers_every_jurisdiction, "covers_every_jurisdiction")
bp.add_app_template_global(teams.can_refer_team, "can_refer_team")


def load_offer(offer_id: int) -> Offer:
    """An offer made to the current user's firm; 404 for anyone else's."""
    return visible_or_404(Offer, offer_id, access.can_view_offer)


def load_case(request_id: int) -> LegalRequest:
    """A case the current user takes part in; 404 otherwise."""
    return visible_or_404(LegalRequest, request_id, access.can_view_case)


def close_form(req: LegalRequest) -> CloseCaseForm:
    """The closing form, its final-fee currency preset to the accepted quote's."""
    form = CloseCaseForm()
    form.final_fee_currency.choices = fees.currency_choices()
    quote = quotes.accepted_quote(req)
    if quote is not None and not form.is_submitted():
        form.final_fee_currency.data = quote.currency
    return form


def load_any_request(request_id: int, *options) -> LegalRequest:
    """Any request, for staff (the view checks the role), with the loader `options` the page needs."""
    return visible_or_404(LegalRequest, request_id, None, *options)


# ----------------------------------------------------------------------------------------- firm offers


@bp.route("/offers/")
@firm_member_required
def offers():
    """The firm's inbox of offers: open ones first, then the history."""
    show = request.args.get("show", "open")
    stmt, params = access.firm_inbox(current_user, open_only=show == "open")
    page = db.paginate(stmt, page=request.args.get("page", 1, type=int), per_page=25, error_out=False,
                       params=params)
    return render_template("referrals/offers.html", offers=page, show=show, now=utcnow())


@bp.route("/offers/<int:offer_id>")
@firm_member_required
def offer_detail(offer_id: int):
    """An offer with the request's details and the conflict screen, to accept or decline."""
    offer = load_offer(offer_id)
    # Until the firm accepts, the page shows the summary only; a reading of the full request is audited.
    view = disclosure.view_for(current_user, offer.request)
    db.session.commit()
    return render_template("referrals/offer.html", offer=offer, req=offer.request, view=view, now=utcnow(),
                           accept_form=AcceptOfferForm(), decline_form=DeclineOfferForm())


@bp.route("/offers/<int:offer_id>/accept", methods=["POST"])
@firm_member_required
def accept(offer_id: int):
    """Accept an offer after the firm's own conflict check."""
    offer = load_offer(offer_id)
    form = AcceptOfferForm()
    if not form.validate_on_submit():
        abort(400)
    if not attempt(services.accept_offer, offer, current_user, bool(form.confirm_conflict_check.data)):
        return redirect(url_for("referrals.offer_detail", offer_id=offer_id))
    if not offer.request.is_case:  # a team part: the case opens once every part is accepted
        flash(_("You accepted your part of request %(ref)s.", ref=offer.request.reference), "success")
        return redirect(url_for("referrals.offer_detail", offer_id=offer_id))
    flash(_("You accepted request %(ref)s. The client's contact details are on the case page.",
            ref=offer.request.reference), "success")
    return redirect(url_for("referrals.case_detail", request_id=offer.request_id))


@bp.route("/offers/<int:offer_id>/decline", methods=["POST"])
@firm_member_required
def decline(offer_id: int):
    """Decline an offer with a reason."""
    offer = load_offer(offer_id)
    form = DeclineOfferForm()
    if not form.validate_on_submit():
        flash(_("Tell the centre why you decline."), "error")
        return redirect(url_for("referrals.offer_detail", offer_id=offer_id))
    if attempt(services.decline_offer, offer, current_user, form.reason.data):
        flash(_("You declined the offer."), "success")
    return redirect(url_for("referrals.offers"))


# ----------------------------------------------------------------------------------------------- cases


@bp.route("/cases/")
@case_roles_required
def cases():
    """Cases the user takes part in: the firm's accepted requests, the organisation's, or all for staff."""
    stmt = access.visible_cases(current_user)
    show = request.args.get("show", "open")
    if show == "open":
        stmt = stmt.where(LegalRequest.status != RequestStatus.CLOSED)
    stmt = stmt.order_by(LegalRequest.accepted_at.desc(), LegalRequest.id.desc()).options(
        selectinload(LegalRequest.organisation), selectinload(LegalRequest.offers).selectinload(Offer.firm))
    page = db.paginate(stmt, page=request.args.get("page", 1, type=int), per_page=25, error_out=False)
    return render_template("referrals/cases.html", cases=page, show=show)


@bp.route("/cases/<int:request_id>")
@case_roles_required
def case_detail(request_id: int):
    """The case: contacts of both sides, the timeline, messages, notes, status and closure."""
    req = load_case(request_id)
    side = access.side_of(current_user, req)
    feedback = None
    if req.status == RequestStatus.CLOSED:
        feedback = db.session.scalar(db.select(Feedback).where(Feedback.request_id == req.id))
    # The accepting firm's reading of the full request is audited.
    disclosure.view_for(current_user, req)
    db.session.commit()
    return render_template(
        "referrals/case.html", req=req, side=side, offer=req.accepted_offer, firm=req.accepted_offer.firm,
        client_contacts=client_users(req), events=access.visible_events(current_user, req),
        feedback=feedback, message_form=MessageForm(), note_form=NoteForm(), status_form=CaseStatusForm(),
        close_form=close_form(req), feedback_form=FeedbackForm(), parts=teams.parts(req),
        own_part=teams.own_part(req, current_user.firm_id) if side == "firm" else None,
    )


@bp.route("/cases/<int:request_id>/messages", methods=["POST"])
@case_roles_required
def post_message(request_id: int):
    """Send a message to the other side."""
    req = load_case(request_id)
    form = MessageForm()
    if not form.validate_on_submit():
        flash(_("Write a message first."), "error")
        return redirect(url_for("referrals.case_detail", request_id=request_id))
    if attempt(case_work.post_message, req, current_user, form.body.data):
        flash(_("Message sent."), "success")
    return redirect(url_for("referrals.case_detail", request_id=request_id) + "#timeline")


@bp.route("/cases/<int:request_id>/notes", methods=["POST"])
@case_roles_required
def add_note(request_id: int):
    """Add an internal note (the firm's own, or the staff's)."""
    req = load_case(request_id)
    form = NoteForm()
    if not form.validate_on_submit():
        flash(_("Write a note first."), "error")
        return redirect(url_for("referrals.case_detail", request_id=request_id))
    if attempt(case_work.add_note, req, current_user, form.text.data):
        flash(_("Note added."), "success")
    return redirect(url_for("referrals.case_detail", request_id=request_id) + "#timeline")


@bp.route("/cases/<int:request_id>/status", methods=["POST"])
@case_roles_required
def set_status(request_id: int):
    """Mark the case in progress or on hold."""
    req = load_case(request_id)
    form = CaseStatusForm()
    if not form.validate_on_submit():
        abort(400)
    if attempt(case_work.set_case_status, req, current_user, form.status.data):
        flash(_("Status updated."), "success")
    return redirect(url_for("referrals.case_detail", request_id=request_id))


@bp.route("/cases/<int:request_id>/close", methods=["POST"])
@case_roles_required
def close(request_id: int):
    """Close the case with an outcome."""
    req = load_case(request_id)
    form = CloseCaseForm()
    if not form.validate_on_submit():
        for error in form.errors.get("confirm", []) or [_("Choose an outcome.")]:
            flash(str(error), "error")
        return redirect(url_for("referrals.case_detail", request_id=request_id) + "#close")
    if attempt(case_work.close_case, req, current_user, form.outcome.data, form.note.data or "",
               final_fee=form.final_fee.data, final_fee_currency=form.final_fee_currency.data or ""):
        # On a team case, closing a part may leave the case open.
        flash(_("Case closed.") if req.status == RequestStatus.CLOSED else _(
            "Your part is closed; the case stays open until every firm of the team has closed its part."), "success")
    return redirect(url_for("referrals.case_detail", request_id=request_id))


@bp.route("/cases/<int:request_id>/feedback", methods=["POST"])
@case_roles_required
def feedback(request_id: int):
    """The client rates the firm."""
    req = load_case(request_id)
    form = FeedbackForm()
    if not form.validate_on_submit():
        flash(_("Give a rating from 1 to 5."), "error")
        return redirect(url_for("referrals.case_detail", request_id=request_id))
    if attempt(case_work.leave_feedback, req, current_user, int(form.rating.data), form.comment.data or ""):
        flash(_("Thank you for your rating."), "success")
    return redirect(url_for("referrals.case_detail", request_id=request_id))


# ----------------------------------------------------------------------------------------------- staff


@bp.route("/staff/requests")
@staff_required
def staff_queue():
    """What needs the centre: requests in review, offers near their deadline, and every request by status."""
    now = utcnow()
    # Each row's request, firm and client come in the same query (one each, never a list).
    with_client = joinedload(LegalRequest.organisation)
    review = db.session.scalars(db.select(LegalRequest).where(LegalRequest.status == RequestStatus.NEEDS_REVIEW)
                                .options(with_client).order_by(LegalRequest.updated_at)).all()
    near = db.session.scalars(db.select(Offer).where(Offer.status == OfferStatus.OFFERED,
                                                     or_(Offer.respond_by <= now, reminder_reached(now)))
                              .options(joinedload(Offer.request), joinedload(Offer.firm))
                              .order_by(Offer.respond_by)).all()
    status = request.args.get("status", "")
    query = request.args.get("q", "").strip()
    stmt = db.select(LegalRequest).options(with_client).order_by(LegalRequest.created_at.desc(),
                                                                   LegalRequest.id.desc())
    if status in {s.value for s in RequestStatus}:
        stmt = stmt.where(LegalRequest.status == RequestStatus(status))
    if query:
        like = f"%{query}%"
        stmt = stmt.where(or_(LegalRequest.reference.ilike(like), LegalRequest.title.ilike(like)))
    page = db.paginate(stmt, page=request.args.get("page", 1, type=int), per_page=50, error_out=False)
    return render_template("referrals/staff_queue.html", review=review, near=near, requests=page, status=status,
                           query=query, statuses=list(RequestStatus), now=now)


@bp.route("/staff/requests/<int:request_id>")
@staff_required
def staff_request(request_id: int):
    """A request as staff see it: shortlist with scores and conflicts, offers, timeline, and overrides."""
    req = load_any_request(request_id, selectinload(LegalRequest.organisation),
                           selectinload(LegalRequest.matches).selectinload(Match.firm),
                           selectinload(LegalRequest.offers).selectinload(Offer.firm))
    refer_form = ReferForm()
    candidates = services.referral_candidates(req)
    refer_form.firm_id.choices = [(fit.firm.id, fit.firm.name) for fit in candidates]
    return render_template("referrals/staff_request.html", req=req, refer_form=refer_form, candidates=candidates,
                           withdraw_form=WithdrawOfferForm(), rematch_form=RematchForm(), note_form=NoteForm(),
                           events=access.visible_events(current_user, req), now=utcnow())


@bp.route("/requests/<int:request_id>/team", methods=["POST"])
@bp.route("/staff/requests/<int:request_id>/team", methods=["POST"], endpoint="staff_refer_team")
@client_or_staff_required
def refer_team(request_id: int):
    """The client or staff refer the request to its proposed team."""
    req = visible_or_404(LegalRequest, request_id, access.can_view_request)
    target = url_for("referrals.staff_request" if current_user.is_staff else "intake.detail", request_id=request_id)
    if not ReferTeamForm().validate_on_submit():
        abort(400)
    if attempt(teams.refer_team, req, current_user):
        flash(_("The request was offered to the team, one firm per jurisdiction."), "success")
    return redirect(target)


@bp.route("/staff/requests/<int:request_id>/refer", methods=["POST"])
@staff_required
def refer(request_id: int):
    """Offer the request by hand to any active firm."""
    req = load_any_request(request_id)
    form = ReferForm()
    form.firm_id.choices = [(f.id, f.name) for f in db.session.scalars(
        db.select(Firm).where(Firm.status == FirmStatus.ACTIVE))]
    target = url_for("referrals.staff_request", request_id=request_id)
    if not form.validate_on_submit():
        flash(_("Choose an active firm."), "error")
        return redirect(target)
    firm = db.session.get(Firm, form.firm_id.data)
    already_open = [offer.firm.name for offer in req.open_offers]
    if not attempt(services.refer_by_hand, req, firm, current_user, form.reason.data or "",
                   confirmed=bool(form.confirm.data)):
        return redirect(target)
    if already_open:
        flash(_("Offered to %(firm)s. The offer to %(others)s stays open: the first firm to accept takes the "
                "case.", firm=firm.name, others=", ".join(already_open)), "success")
    else:
        flash(_("Offered to %(firm)s.", firm=firm.name), "success")
    return redirect(target)


@bp.route("/staff/requests/<int:request_id>/rematch", methods=["POST"])
@staff_required
def rematch(request_id: int):
    """Run the matcher again on a request that needs review."""
    req = load_any_request(request_id)
    if not RematchForm().validate_on_submit():
        abort(400)
    if attempt(intake_services.rematch, req, current_user):
        flash(_("Matched again."), "success")
    return redirect(url_for("referrals.staff_request", request_id=request_id))


@bp.route("/staff/requests/<int:request_id>/notes", methods=["POST"])
@staff_required
def staff_note(request_id: int):
    """Add a staff note to any request."""
    req = load_any_request(request_id)
    form = NoteForm()
    if not form.validate_on_submit():
        flash(_("Write a note first."), "error")
        return redirect(url_for("referrals.staff_request", request_id=request_id))
    if attempt(case_work.add_note, req, current_user, form.text.data):
        flash(_("Note added."), "success")
    return redirect(url_for("referrals.staff_request", request_id=request_id))


@bp.route("/staff/offers/<int:offer_id>/withdraw", methods=["POST"])
@staff_required
def withdraw(offer_id: int):
    """Withdraw an open offer."""
    offer = visible_or_404(Offer, offer_id)
    form = WithdrawOfferForm()
    if not form.validate_on_submit():
        abort(400)
    if attempt(services.withdraw_offer, offer, current_user, form.reason.data or ""):
        flash(_("Offer withdrawn."), "success")
    return redirect(url_for("referrals.staff_request", request_id=offer.request_id))
