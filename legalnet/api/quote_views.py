"""Quote operations of the API, over the same services as the quote pages: the client asks up to three
shortlisted firms for a quote, each firm answers with its quote (or declines its offer as usual), the client
compares them and accepts one; that firm's offer is accepted and the others are released and told."""

from flask_login import current_user

from legalnet.accounts.models import CLIENT_ROLES, FIRM_ROLES, STAFF_ROLES
from legalnet.api import quote_schemas
from legalnet.api.blueprint import allowed, bp, perform, with_offer, with_request
from legalnet.api.problems import fail
from legalnet.extensions import db
from legalnet.intake.models import LegalRequest
from legalnet.referrals import access, quotes
from legalnet.referrals.models import Offer
from legalnet.referrals.quote_models import Quote


def quote_input(data: dict) -> quotes.QuoteInput:
    """The API body as the quote service's input."""
    return quotes.QuoteInput(
        fee_basis=data["fee_basis"], currency=data["currency"], amount_low=data["amount_low"],
        amount_high=data["amount_high"], hourly_rate=data["hourly_rate"], success_percent=data["success_percent"],
        estimated_hours=data["estimated_hours"], scope=data["scope"], exclusions=data["exclusions"],
        valid_until=data["valid_until"], conflict_check_confirmed=data["conflict_checked"])


@bp.route("/requests/<int:request_id>/quotes", methods=["POST"])
@allowed(*CLIENT_ROLES)
@bp.doc(operationId="askQuotes", summary="Ask up to three shortlisted firms for a quote at once",
        description="Who: clients. Each firm gets an offer in quote mode with its deadline.")
@bp.errors(403, 404, 409, 413, 422)
@with_request
@bp.arguments(quote_schemas.AskQuotesInput)
@bp.response(201, quote_schemas.QuoteList)
def ask_quotes(data: dict, req: LegalRequest):
    """Ask shortlisted firms for a quote."""
    asked = perform(quotes.request_quotes, req, current_user, data["firm_ids"], field="firm_ids")
    return {"items": asked}


@bp.route("/requests/<int:request_id>/quotes")
@allowed(*CLIENT_ROLES, *STAFF_ROLES)
@bp.doc(operationId="listQuotes", summary="The request's quotes side by side", description="Who: clients, staff.")
@bp.errors(403, 404)
@with_request
@bp.response(200, quote_schemas.QuoteList)
def list_quotes(req: LegalRequest):
    """The request's quotes, in the order they were asked."""
    if not access.can_view_quotes(current_user, req):
        fail(404)
    return {"items": quotes.request_quotes_of(req)}


@bp.route("/requests/<int:request_id>/quotes/<int:quote_id>/accept", methods=["POST"])
@allowed(*CLIENT_ROLES)
@bp.doc(operationId="acceptQuote", summary="Accept one quote: its firm takes the case, the others are released",
        description="Who: clients.")
@bp.errors(403, 404, 409, 413)
@with_request
@bp.response(200, quote_schemas.Quote)
def accept_quote(req: LegalRequest, quote_id: int):
    """Accept one quote of the request."""
    quote = db.session.get(Quote, quote_id)
    if quote is None or quote.request_id != req.id:
        fail(404)
    perform(quotes.accept_quote, quote, current_user)
    return quote


def own_quote(offer: Offer) -> Quote:
    """The quote asked of the firm through this offer; 404 when the offer asks for none."""
    return offer.quote or fail(404)


@bp.route("/offers/<int:offer_id>/quote")
@allowed(*FIRM_ROLES)
@bp.doc(operationId="getOfferQuote", summary="The quote asked of the firm through this offer",
        description="Who: firm members.")
@bp.errors(403, 404)
@with_offer
@bp.response(200, quote_schemas.Quote)
def get_offer_quote(offer: Offer):
    """The firm's quote for an offer in quote mode (empty until it answers)."""
    return own_quote(offer)


@bp.route("/offers/<int:offer_id>/quote", methods=["POST"])
@allowed(*FIRM_ROLES)
@bp.doc(operationId="submitQuote", summary="Answer an offer in quote mode with the firm's quote",
        description="Who: firm members. To decline, decline the offer.")
@bp.errors(403, 404, 409, 413, 422)
@with_offer
@bp.arguments(quote_schemas.QuoteInput)
@bp.response(201, quote_schemas.Quote)
def submit_quote(data: dict, offer: Offer):
    """Send the firm's quote."""
    own_quote(offer)
    return perform(quotes.submit_quote, offer, current_user, quote_input(data))
