"""The JSON API under /api/v1 (bearer tokens, problem+json errors, cursor pagination, per-token rate
limits) over the same services as the pages, its OpenAPI document and docs page, and the settings page
where people create and revoke their tokens (/account/tokens)."""

import re
from functools import cache, wraps

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markupsafe import Markup, escape
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload
from werkzeug.exceptions import MethodNotAllowed

from legalnet.api import schemas, services
from legalnet.api.auth import CLIENT, FIRM, STAFF, forget_session_user, rate_limit_key, rate_limit_value, token_required
from legalnet.api.openapi import operation_table
from legalnet.api.problems import fail, from_domain_error
from legalnet.core.errors import DomainError
from legalnet.extensions import csrf, db, limiter
from legalnet.firms import services as firms
from legalnet.firms.models import Firm, FirmStatus
from legalnet.intake import services as intake
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.matching.vocabulary import get_vocabulary
from legalnet.referrals import cases
from legalnet.referrals import services as referrals
from legalnet.referrals.models import Offer

bp = Blueprint("api", __name__, url_prefix="/api/v1")
# The API authenticates with bearer tokens, never cookies, so a forged cross-site request has nothing to ride on.
csrf.exempt(bp)

# One bucket per token for the whole API, so that spreading calls over endpoints does not multiply the limit.
api_limit = limiter.shared_limit(rate_limit_value, scope="api", key_func=rate_limit_key)


@bp.url_value_preprocessor
def api_requests_are_anonymous(endpoint, values):
    """Drop the session's user before any hook reads it; only a bearer token signs an API call in."""
    if request.path.startswith("/api/"):
        forget_session_user()


RULE_PARAMETER_RE = re.compile(r"<(?:\w+:)?(\w+)>")


@cache
def documented_query_parameters() -> dict[tuple[str, str], set[str]]:
    """(method, path) -> the query parameters the OpenAPI document names for that operation."""
    return {(method.upper(), path): {p["name"] for p in params if p.get("in") == "query"}
            for method, path, *_rest, params, _body, _status, _result, _errors in operation_table()}


def only_documented_query(rule: str, view):
    """Refuse query parameters the operation does not know, so that a misspelt filter is an error, not ignored."""
    path = RULE_PARAMETER_RE.sub(r"{\1}", rule)

    @wraps(view)
    def checked(*args, **kwargs):
        known = documented_query_parameters().get((request.method, path))
        unknown = sorted(set(request.args) - known) if known is not None else []
        if unknown:
            fail(422, _("Unknown query parameter: %(names)s.", names=", ".join(unknown)),
                 {name: [_("This operation has no such parameter.")] for name in unknown})
        return view(*args, **kwargs)

    return checked


def route(rule: str, methods=("GET",), roles=(), public: bool = False):
    """Register an API operation: rate-limited, and token-protected unless public."""

    def decorator(view):
        wrapped = view if public else token_required(*roles)(only_documented_query(rule, view))
        wrapped = api_limit(wrapped)
        bp.add_url_rule(rule, view.__name__, wrapped, methods=list(methods))
        return wrapped

    return decorator


def committed(response_data: dict, status: int = 200):
    """Commit the service's work once and answer with JSON."""
    db.session.commit()
    return jsonify(response_data), status


def refused(error: DomainError, field: str = "body"):
    """Roll back a refused operation and answer with its problem."""
    db.session.rollback()
    return from_domain_error(error, field)


def load_request(request_id: int) -> LegalRequest:
    """A request the token's user may see; 404 for anything else, so ids reveal nothing."""
    req = db.session.get(LegalRequest, request_id) if request_id <= schemas.MAX_ID else None
    if req is None or not services.can_see_request(current_user, req):
        fail(404)
    return req


def load_offer(offer_id: int) -> Offer:
    """An offer made to the user's firm; 404 for anyone else's."""
    offer = db.session.get(Offer, offer_id) if offer_id <= schemas.MAX_ID else None
    if offer is None or not referrals.can_view_offer(current_user, offer):
        fail(404)
    return offer


def keyset_page(stmt, column, kind: str, descending: bool = True):
    """Run `stmt` one page at a time by id: (rows, next_cursor)."""
    errors = schemas.Errors()
    limit, cursor = schemas.page_params(errors, kind)
    errors.raise_if_any()
    if cursor is not None:
        stmt = stmt.where(column < cursor if descending else column > cursor)
    rows = list(db.session.scalars(stmt.order_by(column.desc() if descending else column).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, schemas.encode_cursor(kind, rows[-1].id) if more else None


def offset_page(stmt, kind: str = "o"):
    """Run an ordered `stmt` one page at a time by position: (rows, next_cursor)."""
    errors = schemas.Errors()
    limit, offset = schemas.page_params(errors, kind)
    errors.raise_if_any()
    offset = offset or 0
    rows = list(db.session.scalars(stmt.offset(offset).limit(limit + 1)))
    more = len(rows) > limit
    return rows[:limit], schemas.encode_cursor(kind, offset + limit) if more else None


def vocabulary_filters(errors: schemas.Errors) -> dict[str, str]:
    """The jurisdiction, practice_area and language filters, each a vocabulary code when given."""
    vocab = get_vocabulary()
    return {name: schemas.query_choice(name, vocab.codes(kind), errors)
            for name, kind in (("jurisdiction", "jurisdictions"), ("practice_area", "practice_areas"),
                               ("language", "languages"))}


# ------------------------------------------------------------------------------------------ documents


@route("/openapi.json", public=True)
def openapi_document():
    """The OpenAPI 3.1 document of this API."""
    from legalnet.api.openapi import build_document

    return jsonify(build_document())


CODE_SPAN_RE = re.compile(r"`([^`]+)`")


@bp.app_template_filter("code_spans")
def code_spans(text) -> Markup:
    """Description text of the OpenAPI document as HTML: `code` spans become <code>, the rest is escaped."""
    escaped = str(escape(text or ""))
    return Markup(CODE_SPAN_RE.sub(lambda m: f"<code>{m.group(1)}</code>", escaped))


@route("/docs", public=True)
def docs():
    """The API reference for people, rendered from the OpenAPI document."""
    from legalnet.api.openapi import build_document, operations

    document = build_document()
    return render_template("api/docs.html", document=document, operations=operations(document))


# ------------------------------------------------------------------------------------------- reference


@route("/me")
def me():
    """Who the token acts as."""
    user = current_user
    return jsonify({"id": user.id, "email": user.email, "name": user.name, "role": user.role.value,
                    "organisation": {"id": user.organisation.id, "name": user.organisation.name}
                    if user.organisation else None,
                    "firm": schemas.firm_ref(user.firm) if user.firm else None})


@route("/vocabulary/<kind>")
def vocabulary(kind: str):
    """Every code of one vocabulary with its labels in English, Simplified and Traditional Chinese and the
    aliases staff taught it."""
    from legalnet.matching.export import taught_names
    from legalnet.matching.services import vocabulary_choices

    if kind not in schemas.KINDS:
        fail(404)
    labels = {name: dict(vocabulary_choices(kind, locale)) for name, locale in schemas.LOCALES.items()}
    taught = taught_names(kind)
    items = [{"code": code, "labels": {name: labels[name][code] for name in schemas.LOCALES},
              "taught_aliases": taught.get(code, [])} for code in labels["en"]]
    return jsonify({"kind": kind, "items": items})


@route("/resolve", methods=("POST",))
def resolve():
    """Read free text (in any language) as vocabulary codes, with what stayed unresolved."""
    from legalnet.matching.services import resolve_codes_or_text

    data = schemas.resolve_input(schemas.json_body())
    resolved = {kind: [] for kind in schemas.KINDS}
    parties, also = [], []
    if data["kind"]:
        result = resolve_codes_or_text(data["kind"], data["texts"])
        resolved[data["kind"]] = list(result.codes)
        unresolved, suggestions = list(result.unresolved), dict(result.suggestions)
    else:
        # Without a kind, the texts are read as prose together with the title and description.
        description = "\n".join([data["description"], *data["texts"]]).strip()
        seen = intake.understand(intake.RequestInput(title=data["title"], description=description))
        resolved = {kind: getattr(seen, kind) for kind in schemas.KINDS}
        unresolved, suggestions = seen.unresolved, seen.suggestions
        parties, also = seen.found_counterparties, seen.also_mentioned
    return jsonify({"resolved": resolved, "unresolved": unresolved,
                    "suggestions": {text: list(labels) for text, labels in suggestions.items()},
                    "counterparties": parties, "also_mentioned": also})


# --------------------------------------------------------------------------------------------- firms


@route("/firms")
def list_firms():
    """The directory of active member firms, filtered like the directory page."""
    errors = schemas.Errors()
    filters = vocabulary_filters(errors)
    query = schemas.query_text("q", errors)
    limit, offset = schemas.page_params(errors, "o")
    errors.raise_if_any()
    offset = offset or 0
    if query:
        # The fuzzy name search ranks in Python; take the ranked page that covers this offset.
        found = firms.search_directory(query, filters["jurisdiction"], filters["practice_area"],
                                       filters["language"], page=1, per_page=offset + limit + 1)
        rows = found.items[offset:]
    else:
        stmt = (select(Firm).where(*firms.directory_filter(filters["jurisdiction"], filters["practice_area"],
                                                             filters["language"]))
                .options(selectinload(Firm.offices))
                .order_by(func.lower(Firm.name), Firm.id).offset(offset).limit(limit + 1))
        rows = list(db.session.scalars(stmt))
    more = len(rows) > limit
    return jsonify(schemas.page([schemas.public_firm(f) for f in rows[:limit]],
                                schemas.encode_cursor("o", offset + limit) if more else None))


@route("/firms/<int:firm_id>")
def get_firm(firm_id: int):
    """One active member firm's public profile; other firms do not exist here."""
    firm = firms.public_firm(firm_id) if firm_id <= schemas.MAX_ID else None
    if firm is None:
        fail(404)
    return jsonify(schemas.public_firm(firm, detail=True))


# ------------------------------------------------------------------------------------------ requests


def request_view(req: LegalRequest, contacts: dict | None = None) -> dict:
    """A request for the current user, with the client's contacts for the accepting firm and staff (from
    `contacts`, organisation id -> users, when a list loaded them for the whole page)."""
    shown = []
    if req.is_case and not current_user.is_client:
        shown = contacts[req.organisation_id] if contacts is not None else referrals.client_users(req)
    return schemas.legal_request(req, current_user, shown)


@route("/requests", methods=("POST",), roles=CLIENT)
def create_request():
    """Submit a request, as the intake page does; it is matched at once."""
    data = schemas.request_input(schemas.json_body())
    try:
        req = intake.submit_request(current_user, data)
    except DomainError as error:
        return refused(error)
    db.session.commit()
    response = jsonify(request_view(req))
    response.status_code = 201
    response.headers["Location"] = url_for("api.get_request", request_id=req.id)
    return response


@route("/requests")
def list_requests():
    """The requests the user may see, newest first: the organisation's, the firm's cases, or all for staff."""
    errors = schemas.Errors()
    status = schemas.query_choice("status", schemas.STATUS_VALUES, errors)
    errors.raise_if_any()
    stmt = services.visible_requests_query(current_user)
    if status:
        stmt = stmt.where(LegalRequest.status == RequestStatus(status))
    rows, next_cursor = keyset_page(stmt, LegalRequest.id, "r")
    contacts = referrals.client_users_by_organisation({r.organisation_id for r in rows if r.is_case})
    return jsonify(schemas.page([request_view(r, contacts) for r in rows], next_cursor))


@route("/requests/<int:request_id>")
def get_request(request_id: int):
    """One request."""
    return jsonify(request_view(load_request(request_id)))


@route("/requests/<int:request_id>/matches", roles=CLIENT + STAFF)
def request_matches(request_id: int):
    """The stored shortlist, best first, with scores, reasons and the conflict screen."""
    req = load_request(request_id)
    choosable = set()
    if req.status == RequestStatus.MATCHED:
        choosable = {m.firm_id for m in referrals.eligible_matches(req)[:referrals.CLIENT_CHOICES]}
    return jsonify({"request_id": req.id, "status": req.status.value,
                    "items": [schemas.match(m, choosable) for m in req.matches],
                    "team": request_view(req)["team"]})


@route("/requests/<int:request_id>/choice", methods=("POST",), roles=CLIENT)
def choose(request_id: int):
    """Send the request to a shortlisted firm, or leave the choice to the centre."""
    req = load_request(request_id)
    firm_id = schemas.choice_input(schemas.json_body())
    try:
        made = referrals.choose_firm(req, current_user, firm_id)
    except DomainError as error:
        return refused(error, "firm_id")
    db.session.commit()
    return jsonify({"request": request_view(req), "offer": {"id": made.id, "firm": schemas.firm_ref(made.firm),
                                                            "respond_by": schemas.timestamp(made.respond_by)}
                    if made else None})


@route("/requests/<int:request_id>/cancel", methods=("POST",), roles=CLIENT + STAFF)
def cancel(request_id: int):
    """Withdraw a request before a firm accepts it."""
    req = load_request(request_id)
    reason = schemas.reason_input(schemas.json_body(), required=False)
    try:
        intake.cancel_request(req, current_user, reason)
    except DomainError as error:
        return refused(error, "reason")
    return committed(request_view(req))


# ------------------------------------------------------------------------------------------- offers


@route("/offers", roles=FIRM)
def list_offers():
    """The firm's offers, newest first, optionally of one status."""
    errors = schemas.Errors()
    status = schemas.query_choice("status", schemas.OFFER_FILTERS, errors)
    errors.raise_if_any()
    rows, next_cursor = keyset_page(services.firm_offers_query(current_user, status), Offer.id, "f")
    return jsonify(schemas.page([schemas.offer(o) for o in rows], next_cursor))


@route("/offers/<int:offer_id>", roles=FIRM)
def get_offer(offer_id: int):
    """One offer with the request and the conflict screen."""
    return jsonify(schemas.offer(load_offer(offer_id)))


@route("/offers/<int:offer_id>/accept", methods=("POST",), roles=FIRM)
def accept_offer(offer_id: int):
    """Accept an offer after the firm's own conflict check; one firm per request ever wins."""
    offer = load_offer(offer_id)
    checked = schemas.accept_input(schemas.json_body())
    try:
        referrals.accept_offer(offer, current_user, checked)
    except DomainError as error:
        return refused(error, "conflict_checked")
    return committed(schemas.offer(offer))


@route("/offers/<int:offer_id>/decline", methods=("POST",), roles=FIRM)
def decline_offer(offer_id: int):
    """Decline an offer with a reason; the request moves on to the next firm."""
    offer = load_offer(offer_id)
    reason = schemas.reason_input(schemas.json_body(), required=True)
    try:
        referrals.decline_offer(offer, current_user, reason)
    except DomainError as error:
        return refused(error, "reason")
    return committed(schemas.offer(offer))


# -------------------------------------------------------------------------------------------- cases


@route("/requests/<int:request_id>/events")
def request_events(request_id: int):
    """The request's timeline as the user may see it, oldest first."""
    req = load_request(request_id)
    errors = schemas.Errors()
    limit, cursor = schemas.page_params(errors, "e")
    errors.raise_if_any()
    events = [e for e in referrals.visible_events(current_user, req) if cursor is None or e.id > cursor]
    more = len(events) > limit
    events = events[:limit]
    return jsonify(schemas.page([schemas.event(e) for e in events],
                                schemas.encode_cursor("e", events[-1].id) if more else None))


@route("/requests/<int:request_id>/messages", methods=("POST",), roles=CLIENT + FIRM)
def post_message(request_id: int):
    """Send a message to the other side of the case."""
    req = load_request(request_id)
    body = schemas.message_input(schemas.json_body())
    try:
        message = cases.post_message(req, current_user, body)
    except DomainError as error:
        return refused(error, "body")
    db.session.commit()
    return jsonify({"id": message.id, "side": message.side, "body": message.body,
                    "created_at": schemas.timestamp(message.created_at)}), 201


@route("/requests/<int:request_id>/status", methods=("POST",), roles=FIRM + STAFF)
def set_status(request_id: int):
    """Mark the case in progress or on hold."""
    req = load_request(request_id)
    status = schemas.status_input(schemas.json_body())
    try:
        cases.set_case_status(req, current_user, RequestStatus(status))
    except DomainError as error:
        return refused(error, "status")
    return committed(request_view(req))


@route("/requests/<int:request_id>/close", methods=("POST",))
def close(request_id: int):
    """Close the case with an outcome."""
    req = load_request(request_id)
    outcome, note = schemas.close_input(schemas.json_body())
    try:
        cases.close_case(req, current_user, outcome, note)
    except DomainError as error:
        return refused(error, "outcome")
    return committed(request_view(req))


@route("/requests/<int:request_id>/feedback", methods=("POST",), roles=CLIENT)
def feedback(request_id: int):
    """Rate the firm from 1 to 5 once the case is closed."""
    req = load_request(request_id)
    rating, comment = schemas.feedback_input(schemas.json_body())
    try:
        given = cases.leave_feedback(req, current_user, rating, comment)
    except DomainError as error:
        return refused(error, "rating")
    db.session.commit()
    return jsonify({"rating": given.rating, "comment": given.comment,
                    "created_at": schemas.timestamp(given.created_at)}), 201


# --------------------------------------------------------------------------------------------- staff


@route("/staff/firms", roles=STAFF)
def staff_firms():
    """Every firm, whatever its status, with the member console's filters."""
    from legalnet.staff.services import RENEWAL_WINDOWS, firms_query

    errors = schemas.Errors()
    status = schemas.query_choice("status", [s.value for s in FirmStatus], errors)
    jurisdiction = schemas.query_choice("jurisdiction", get_vocabulary().codes("jurisdictions"), errors)
    renewal = schemas.query_choice("renewal", list(RENEWAL_WINDOWS), errors)
    query = schemas.query_text("q", errors)
    errors.raise_if_any()
    rows, next_cursor = offset_page(firms_query(status, jurisdiction, renewal, query))
    return jsonify(schemas.page([schemas.staff_firm(f) for f in rows], next_cursor))


@route("/staff/firms/<int:firm_id>/status", methods=("POST",), roles=STAFF)
def staff_firm_status(firm_id: int):
    """Approve, reject, suspend, reinstate, renew or withdraw a membership."""
    firm = db.session.get(Firm, firm_id) if firm_id <= schemas.MAX_ID else None
    if firm is None:
        fail(404)
    action, reason, renewal_date = schemas.firm_status_input(schemas.json_body())
    try:
        firms.change_status(firm, action, current_user, reason, renewal_date=renewal_date)
    except DomainError as error:
        return refused(error, "reason")
    return committed(schemas.staff_firm(firm))


# ---------------------------------------------------------------------------------- token settings page


def tokens_page():
    """Create, list and revoke one's personal API tokens; a new token is shown once."""
    from legalnet.api.forms import NewTokenForm, RevokeTokenForm

    if request.method == "POST":
        # The API blueprint is exempt from the app-wide check, this page is not.
        csrf.protect()
    form = NewTokenForm()
    new_value = None
    if form.validate_on_submit():
        try:
            created = services.create_token(current_user, form.name.data)
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
            new_value = created.value
            flash(_("Token “%(name)s” created. Copy it now: it is not shown again.", name=created.token.name),
                  "success")
            form = NewTokenForm(formdata=None)
    return render_template("api/tokens.html", form=form, revoke_form=RevokeTokenForm(), new_value=new_value,
                           tokens=services.user_tokens(current_user))


def revoke_token_view(token_id: int):
    """Revoke one of one's own tokens."""
    from legalnet.api.forms import RevokeTokenForm

    csrf.protect()
    if not RevokeTokenForm().validate_on_submit():
        abort(400)
    try:
        token = services.revoke_token(current_user, token_id)
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(_("Token “%(name)s” revoked.", name=token.name), "success")
    return redirect(url_for("api.tokens"))


@bp.record_once
def register_settings_pages(state):
    """The token pages live under /account/, outside the API prefix, yet keep the blueprint's endpoint names."""
    state.app.add_url_rule("/account/tokens", "api.tokens", login_required(tokens_page), methods=["GET", "POST"])
    state.app.add_url_rule("/account/tokens/<int:token_id>/revoke", "api.revoke_token",
                           login_required(revoke_token_view), methods=["POST"])


@bp.after_app_request
def allow_header_on_405(response):
    """Say which methods an API path accepts when it refused one (the shared error page drops the header)."""
    error = request.routing_exception
    if (response.status_code == 405 and request.path.startswith("/api/") and isinstance(error, MethodNotAllowed)
            and error.valid_methods and "Allow" not in response.headers):
        response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
    return response
