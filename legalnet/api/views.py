"""The JSON API under /api/v1 over the same services as the pages, declared once with flask-smorest: each
operation is a short view with its schemas (legalnet/api/schemas.py), who may call it and the errors it may
answer; the OpenAPI 3.1 document and the docs page are made from these declarations.

Every operation but the two documents needs a bearer token (see auth.py); the pattern each follows (who may
call it, the checks before anything is loaded, one commit) is in blueprint.py. Quotes and case documents have
modules of their own: quote_views.py and document_views.py."""

from flask import current_app, g, jsonify, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

# The quote and document operations register on the blueprint when their modules are imported.
import legalnet.api.document_views  # noqa: F401
import legalnet.api.quote_views  # noqa: F401
from legalnet.accounts.models import CLIENT_ROLES, FIRM_ROLES, STAFF_ROLES
from legalnet.api import firm_schemas, pagination, schemas
from legalnet.api.auth import ApiSessionInterface
from legalnet.api.blueprint import allowed, bp, perform, public, with_firm, with_offer, with_request
from legalnet.api.framework import api_document, init_api
from legalnet.api.pages import revoke_token_view, tokens_page
from legalnet.api.problems import fail
from legalnet.api.reference import operations
from legalnet.firms import services as firms
from legalnet.firms.models import Firm
from legalnet.intake import services as intake
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.matching.export import taught_names
from legalnet.matching.services import resolve_codes_or_text, vocabulary_choices
from legalnet.referrals import access, cases, offers
from legalnet.referrals import services as referrals
from legalnet.referrals.models import Offer
from legalnet.staff.services import firms_query

# ------------------------------------------------------------------------------------------ documents


@bp.route("/openapi.json")
@public
@bp.doc(operationId="getOpenApi", summary="This document", tags=["meta"], security=[], responses={
    "200": {"description": "The OpenAPI document", "content": {"application/json": {"schema": {"type": "object"}}}}})
@bp.errors()
def openapi_document():
    """The OpenAPI 3.1 document of this API."""
    return jsonify(api_document(current_app))


@bp.route("/docs")
@public
@bp.doc(operationId="getDocs", summary="This reference as HTML", tags=["meta"], security=[], responses={
    "200": {"description": "HTML page", "content": {"text/html": {"schema": {"type": "string"}}}}})
@bp.errors()
def docs():
    """The API reference for people, rendered from the OpenAPI document."""
    document = api_document(current_app)
    return render_template("api/docs.html", document=document, operations=operations(document))


# ------------------------------------------------------------------------------------------- reference


@bp.route("/me")
@allowed()
@bp.doc(operationId="getMe", summary="Who the token acts as", description="Who: any role.")
@bp.errors()
@bp.response(200, schemas.Me)
def me():
    """Who the token acts as."""
    return current_user


@bp.route("/vocabulary/<kind>")
@allowed()
@bp.doc(operationId="getVocabulary", description="Who: any role.", summary="Codes of jurisdictions, practice areas "
        "or languages with labels in en, zh-Hans and zh-Hant",
        parameters=[{"name": "kind", "in": "path", "required": True,
                     "schema": {"type": "string", "enum": list(schemas.KINDS)}}])
@bp.errors(404)
@bp.response(200, schemas.Vocabulary)
def vocabulary(kind: str):
    """Every code of one vocabulary with its labels and the aliases staff taught it."""
    if kind not in schemas.KINDS:
        fail(404)
    labels = {name: dict(vocabulary_choices(kind, locale)) for name, locale in schemas.LOCALES.items()}
    taught = taught_names(kind)
    return {"kind": kind, "items": [{"code": code, "labels": {name: labels[name][code] for name in schemas.LOCALES},
                                     "taught_aliases": taught.get(code, [])} for code in labels["en"]]}


@bp.route("/resolve", methods=["POST"])
@allowed()
@bp.doc(operationId="resolve", summary="Read free text in any language as vocabulary codes",
        description="Who: any role.")
@bp.errors(413, 422)
@bp.arguments(schemas.ResolveInput)
@bp.response(200, schemas.Resolution)
def resolve(data: dict):
    """Read free text (in any language) as vocabulary codes, with what stayed unresolved."""
    kind, texts = data.get("kind"), data.get("texts") or []
    if kind:
        result = resolve_codes_or_text(kind, texts)
        return {"resolved": {k: list(result.codes) if k == kind else [] for k in schemas.KINDS},
                "unresolved": list(result.unresolved), "suggestions": dict(result.suggestions),
                "counterparties": [], "also_mentioned": [], "set_aside_counterparties": []}
    # Without a kind, the texts are read as prose together with the title and description.
    description = "\n".join([data["description"], *texts]).strip()
    seen = intake.understand(intake.RequestInput(title=data["title"], description=description))
    return {"resolved": {k: getattr(seen, k) for k in schemas.KINDS}, "unresolved": seen.unresolved,
            "suggestions": {text: list(labels) for text, labels in seen.suggestions.items()},
            "counterparties": seen.found_counterparties, "also_mentioned": seen.also_mentioned,
            "set_aside_counterparties": seen.set_aside_counterparties}


# --------------------------------------------------------------------------------------------- firms


@bp.route("/firms")
@allowed()
@bp.doc(operationId="listFirms", summary="Directory of active member firms (public fields)",
        description="Who: any role.")
@bp.errors(422)
@bp.arguments(schemas.FirmsQuery, location="query")
@bp.response(200, firm_schemas.PublicFirmPage)
def list_firms(args: dict):
    """The directory of active member firms, filtered like the directory page."""
    filters = (args["jurisdiction"], args["practice_area"], args["language"])
    if not args["q"]:
        return pagination.by_offset(select(Firm).where(*firms.directory_filter(*filters))
                                    .options(selectinload(Firm.offices)).order_by(func.lower(Firm.name), Firm.id), args)
    # The fuzzy name search ranks in Python; take the ranked page that covers this offset.
    offset = pagination.offset_of(args)
    found = firms.search_directory(args["q"], *filters, page=1, per_page=offset + args["limit"] + 1)
    return pagination.next_offset(found.items[offset:], args, offset)


@bp.route("/firms/<int:firm_id>")
@allowed()
@bp.doc(operationId="getFirm", summary="Public profile of an active member firm", description="Who: any role.")
@bp.errors(404)
@bp.response(200, firm_schemas.PublicFirmDetail)
def get_firm(firm_id: int):
    """One active member firm's public profile; other firms do not exist here."""
    return firms.public_firm(firm_id) or fail(404)


# ------------------------------------------------------------------------------------------ requests


@bp.route("/requests", methods=["POST"])
@allowed(*CLIENT_ROLES)
@bp.doc(operationId="createRequest", summary="Submit a request; it is matched at once", description="Who: clients.")
@bp.errors(403, 413, 422)
@bp.arguments(schemas.RequestInput)
@bp.response(201, schemas.Request, headers={"Location": {"schema": {"type": "string"},
                                                         "description": "URL of the new request"}})
def create_request(data: intake.RequestInput):
    """Submit a request, as the intake page does; it is matched at once."""
    req = perform(intake.submit_request, current_user, data)
    return req, 201, {"Location": url_for("api.get_request", request_id=req.id)}


@bp.route("/requests")
@allowed()
@bp.doc(operationId="listRequests", description="Who: any role.", summary="Requests the user may see, newest "
        "first: the organisation's (clients), the firm's cases (firms), all (staff)")
@bp.errors(422)
@bp.arguments(schemas.RequestsQuery, location="query")
@bp.response(200, schemas.RequestPage)
def list_requests(args: dict):
    """The requests the user may see, newest first: the organisation's, the firm's cases, or all for staff."""
    # Lists show each request's organisation and offers: load them for the whole page at once.
    stmt = access.visible_requests(current_user).options(
        selectinload(LegalRequest.organisation), selectinload(LegalRequest.offers).selectinload(Offer.firm))
    if args["status"]:
        stmt = stmt.where(LegalRequest.status == RequestStatus(args["status"]))
    found = pagination.by_id(stmt, LegalRequest.id, args, "r")
    # The client's contacts of every case on the page, loaded at once.
    g.api_client_contacts = offers.client_users_by_organisation(
        {r.organisation_id for r in found["items"] if r.is_case})
    return found


@bp.route("/requests/<int:request_id>")
@allowed()
@bp.doc(operationId="getRequest", summary="One request", description="Who: any role.")
@bp.errors(404)
@with_request
@bp.response(200, schemas.Request)
def get_request(req: LegalRequest):
    """One request."""
    return req


@bp.route("/requests/<int:request_id>/matches")
@allowed(*CLIENT_ROLES, *STAFF_ROLES)
@bp.doc(operationId="getMatches", summary="The stored shortlist with score, reasons and conflict flag",
        description="Who: clients, staff.")
@bp.errors(403, 404)
@with_request
@bp.response(200, schemas.Matches)
def request_matches(req: LegalRequest):
    """The stored shortlist, best first, with scores, reasons and the conflict screen."""
    if req.status == RequestStatus.MATCHED:
        g.api_choosable = {m.firm_id for m in offers.eligible_matches(req)[:offers.CLIENT_CHOICES]}
    return req


@bp.route("/requests/<int:request_id>/choice", methods=["POST"])
@allowed(*CLIENT_ROLES)
@bp.doc(operationId="chooseFirm", summary="Offer the request to a shortlisted firm, or leave the choice to the "
        "centre", description="Who: clients.")
@bp.errors(403, 404, 409, 413, 422)
@with_request
@bp.arguments(schemas.ChoiceInput)
@bp.response(200, schemas.ChoiceResult)
def choose(data: dict, req: LegalRequest):
    """Send the request to a shortlisted firm, or leave the choice to the centre."""
    made = perform(referrals.choose_firm, req, current_user, data.get("firm_id"), field="firm_id")
    return {"request": req, "offer": made}


@bp.route("/requests/<int:request_id>/cancel", methods=["POST"])
@allowed(*CLIENT_ROLES, *STAFF_ROLES)
@bp.doc(operationId="cancelRequest", summary="Withdraw a request before a firm accepts it",
        description="Who: clients, staff.")
@bp.errors(403, 404, 409, 413, 422)
@with_request
@bp.arguments(schemas.ReasonInput)
@bp.response(200, schemas.Request)
def cancel(data: dict, req: LegalRequest):
    """Withdraw a request before a firm accepts it."""
    perform(intake.cancel_request, req, current_user, data["reason"], field="reason")
    return req


# ------------------------------------------------------------------------------------------- offers


@bp.route("/offers")
@allowed(*FIRM_ROLES)
@bp.doc(operationId="listOffers", summary="The firm's offers, newest first", description="Who: firm members.")
@bp.errors(403, 422)
@bp.arguments(schemas.OffersQuery, location="query")
@bp.response(200, schemas.OfferPage)
def list_offers(args: dict):
    """The firm's offers, newest first, optionally of one status."""
    # Each offer shows its request as far as the firm may read it, which needs the request's offers.
    stmt = access.firm_offers(current_user, args["status"]).options(
        selectinload(Offer.request).selectinload(LegalRequest.organisation),
        selectinload(Offer.request).selectinload(LegalRequest.offers))
    return pagination.by_id(stmt, Offer.id, args, "f")


@bp.route("/offers/<int:offer_id>")
@allowed(*FIRM_ROLES)
@bp.doc(operationId="getOffer", summary="One offer with the request and the conflict screen",
        description="Who: firm members.")
@bp.errors(403, 404)
@with_offer
@bp.response(200, schemas.Offer)
def get_offer(offer: Offer):
    """One offer with the request and the conflict screen."""
    return offer


@bp.route("/offers/<int:offer_id>/accept", methods=["POST"])
@allowed(*FIRM_ROLES)
@bp.doc(operationId="acceptOffer", summary="Accept after the firm's own conflict check (at most one firm per "
        "request)", description="Who: firm members.")
@bp.errors(403, 404, 409, 413, 422)
@with_offer
@bp.arguments(schemas.AcceptInput)
@bp.response(200, schemas.Offer)
def accept_offer(data: dict, offer: Offer):
    """Accept an offer after the firm's own conflict check; one firm per request ever wins."""
    perform(referrals.accept_offer, offer, current_user, data["conflict_checked"], field="conflict_checked")
    return offer


@bp.route("/offers/<int:offer_id>/decline", methods=["POST"])
@allowed(*FIRM_ROLES)
@bp.doc(operationId="declineOffer", summary="Decline with a reason; the request cascades",
        description="Who: firm members.")
@bp.errors(403, 404, 409, 413, 422)
@with_offer
@bp.arguments(schemas.DeclineInput)
@bp.response(200, schemas.Offer)
def decline_offer(data: dict, offer: Offer):
    """Decline an offer with a reason; the request moves on to the next firm."""
    perform(referrals.decline_offer, offer, current_user, data["reason"], field="reason")
    return offer


# -------------------------------------------------------------------------------------------- cases


@bp.route("/requests/<int:request_id>/events")
@allowed()
@bp.doc(operationId="listEvents", summary="The case timeline as the user may see it", description="Who: any role.")
@bp.errors(404, 422)
@with_request
@bp.arguments(pagination.PageQuery, location="query")
@bp.response(200, schemas.EventPage)
def request_events(args: dict, req: LegalRequest):
    """The request's timeline as the user may see it, oldest first."""
    return pagination.after_id(access.visible_events(current_user, req), args, "e")


@bp.route("/requests/<int:request_id>/messages", methods=["POST"])
@allowed(*CLIENT_ROLES, *FIRM_ROLES)
@bp.doc(operationId="postMessage", summary="Message the other side of the case",
        description="Who: clients, firm members.")
@bp.errors(403, 404, 409, 413, 422)
@with_request
@bp.arguments(schemas.MessageInput)
@bp.response(201, schemas.Message)
def post_message(data: dict, req: LegalRequest):
    """Send a message to the other side of the case."""
    message = perform(cases.post_message, req, current_user, data["body"], field="body")
    return message


@bp.route("/requests/<int:request_id>/status", methods=["POST"])
@allowed(*FIRM_ROLES, *STAFF_ROLES)
@bp.doc(operationId="setCaseStatus", summary="Mark the case in progress or on hold",
        description="Who: firm members, staff.")
@bp.errors(403, 404, 409, 413, 422)
@with_request
@bp.arguments(schemas.StatusInput)
@bp.response(200, schemas.Request)
def set_status(data: dict, req: LegalRequest):
    """Mark the case in progress or on hold."""
    perform(cases.set_case_status, req, current_user, RequestStatus(data["status"]), field="status")
    return req


@bp.route("/requests/<int:request_id>/close", methods=["POST"])
@allowed()
@bp.doc(operationId="closeCase", summary="Close the case with an outcome", description="Who: any role.")
@bp.errors(403, 404, 409, 413, 422)
@with_request
@bp.arguments(schemas.CloseInput)
@bp.response(200, schemas.Request)
def close(data: dict, req: LegalRequest):
    """Close the case with an outcome."""
    perform(cases.close_case, req, current_user, data["outcome"], data["note"], field="outcome")
    return req


@bp.route("/requests/<int:request_id>/feedback", methods=["POST"])
@allowed(*CLIENT_ROLES)
@bp.doc(operationId="leaveFeedback", summary="Rate the firm 1-5 once the case is closed", description="Who: clients.")
@bp.errors(403, 404, 409, 413, 422)
@with_request
@bp.arguments(schemas.FeedbackInput)
@bp.response(201, schemas.Feedback)
def feedback(data: dict, req: LegalRequest):
    """Rate the firm from 1 to 5 once the case is closed."""
    given = perform(cases.leave_feedback, req, current_user, data["rating"], data["comment"], field="rating")
    return given


# --------------------------------------------------------------------------------------------- staff


@bp.route("/staff/firms")
@allowed(*STAFF_ROLES)
@bp.doc(operationId="staffListFirms", summary="Every firm, any status, with the member console's filters",
        description="Who: staff.")
@bp.errors(403, 422)
@bp.arguments(schemas.StaffFirmsQuery, location="query")
@bp.response(200, firm_schemas.StaffFirmPage)
def staff_firms(args: dict):
    """Every firm, whatever its status, with the member console's filters."""
    return pagination.by_offset(firms_query(args["status"], args["jurisdiction"], args["renewal"], args["q"]), args)


@bp.route("/staff/firms/<int:firm_id>/status", methods=["POST"])
@allowed(*STAFF_ROLES)
@bp.doc(operationId="staffChangeFirmStatus", summary="Decide on a membership", description="Who: staff.")
@bp.errors(403, 404, 409, 413, 422)
@with_firm
@bp.arguments(schemas.FirmStatusInput)
@bp.response(200, firm_schemas.StaffFirm)
def staff_firm_status(data: dict, firm: Firm):
    """Approve, reject, suspend, reinstate, renew or withdraw a membership."""
    perform(firms.change_status, firm, data["action"], current_user, data["reason"],
            renewal_date=data["renewal_date"], field="reason")
    return firm


def register(app) -> None:
    """Put the API on `app`: the blueprint and its document, the token settings pages under /account/, and the
    session that never signs an API call in."""
    app.session_interface = ApiSessionInterface()
    init_api(app, bp)
    app.add_url_rule("/account/tokens", "api.tokens", login_required(tokens_page), methods=["GET", "POST"])
    app.add_url_rule("/account/tokens/<int:token_id>/revoke", "api.revoke_token", login_required(revoke_token_view),
                     methods=["POST"])
