"""Pages of fee quotes: the client asks shortlisted firms for quotes, compares them and accepts one; the
firm answers its offer with a quote. The rules are in legalnet.referrals.quotes."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from legalnet.core.loaders import visible_or_404
from legalnet.core.models import utcnow
from legalnet.core.permissions import client_or_staff_required, client_required, firm_member_required
from legalnet.core.views import attempt
from legalnet.intake.models import LegalRequest
from legalnet.referrals import access, fees, quotes
from legalnet.referrals.quote_forms import AcceptQuoteForm, AskQuotesForm, QuoteForm
from legalnet.referrals.quote_models import Quote
from legalnet.referrals.views import load_offer

bp = Blueprint("quotes", __name__)


bp.add_app_template_filter(fees.format_money, "money")
bp.add_app_template_filter(fees.currency_name, "currency_name")
bp.add_app_template_filter(quotes.fee_basis_label, "fee_basis_label")
bp.add_app_template_filter(quotes.quote_state_label, "quote_state_label")
bp.add_app_template_filter(quotes.quote_state, "quote_state")
bp.add_app_template_global(quotes.MAX_QUOTES, "MAX_QUOTES")


@bp.app_template_filter("quote_amount")
def quote_amount(quote: Quote) -> str:
    """A quote's fee, one amount or a range, in the reader's language."""
    return fees.format_range(quote.amount_low, quote.amount_high, quote.currency)


def load_request_quotes(request_id: int) -> LegalRequest:
    """A request whose quotes the current user may see; 404 otherwise."""
    return visible_or_404(LegalRequest, request_id, access.can_view_quotes)


@bp.route("/requests/<int:request_id>/quotes/ask", methods=["POST"])
@client_required
def ask(request_id: int):
    """Ask up to three shortlisted firms for a quote."""
    req = load_request_quotes(request_id)
    form = AskQuotesForm()
    if not form.validate_on_submit():
        flash(_("Choose at least one firm to ask for a quote."), "error")
        return redirect(url_for("intake.detail", request_id=request_id))
    if not attempt(quotes.request_quotes, req, current_user, form.firm_ids.data or []):
        return redirect(url_for("intake.detail", request_id=request_id))
    flash(_("The firms were asked for a quote. You can compare the quotes as they arrive."), "success")
    return redirect(url_for("quotes.compare", request_id=request_id))


@bp.route("/requests/<int:request_id>/quotes")
@client_or_staff_required
def compare(request_id: int):
    """The request's quotes side by side, to accept one."""
    req = load_request_quotes(request_id)
    return render_template("referrals/quotes/compare.html", req=req, quotes=quotes.request_quotes_of(req),
                           accept_form=AcceptQuoteForm(), can_accept=access.is_client_of(current_user, req),
                           today=quotes.centre_today(utcnow()))


@bp.route("/requests/<int:request_id>/quotes/<int:quote_id>/accept", methods=["POST"])
@client_required
def accept(request_id: int, quote_id: int):
    """Accept one quote: its firm takes the case and the other firms are told."""
    req = load_request_quotes(request_id)
    quote = visible_or_404(Quote, quote_id, lambda _user, quote: quote.request_id == req.id)
    if not AcceptQuoteForm().validate_on_submit():
        abort(400)
    if not attempt(quotes.accept_quote, quote, current_user):
        return redirect(url_for("quotes.compare", request_id=request_id))
    flash(_("You accepted the quote of %(firm)s. The case is open.", firm=quote.firm.name), "success")
    return redirect(url_for("referrals.case_detail", request_id=request_id))


def quote_form(offer) -> QuoteForm:
    """The quote form with the fee bases the request allows and Babel's currencies."""
    form = QuoteForm()
    form.fee_basis.choices = [(b.value, quotes.fee_basis_label(b)) for b in quotes.fee_basis_choices(offer.request)]
    form.currency.choices = fees.currency_choices()
    return form


@bp.route("/offers/<int:offer_id>/quote", methods=["GET", "POST"])
@firm_member_required
def answer(offer_id: int):
    """The firm's quote for an offer in quote mode: the form, or the quote it sent."""
    offer = load_offer(offer_id)
    if offer.quote is None:
        abort(404)
    form = quote_form(offer)
    if form.validate_on_submit():
        data = quotes.QuoteInput(
            fee_basis=form.fee_basis.data or "", currency=form.currency.data or "", amount_low=form.amount_low.data,
            amount_high=form.amount_high.data, hourly_rate=form.hourly_rate.data,
            success_percent=form.success_percent.data, estimated_hours=form.estimated_hours.data,
            scope=form.scope.data or "", exclusions=form.exclusions.data or "", valid_until=form.valid_until.data,
            conflict_check_confirmed=bool(form.confirm_conflict_check.data))
        if attempt(quotes.submit_quote, offer, current_user, data):
            flash(_("Your quote was sent to the client."), "success")
            return redirect(url_for("quotes.answer", offer_id=offer_id))
    elif form.is_submitted():
        flash(_("Check the quote: some values are not valid."), "error")
    rules = [fees.jurisdiction_rule(code) for code in offer.request.jurisdictions]
    return render_template("referrals/quotes/answer.html", offer=offer, req=offer.request, quote=offer.quote,
                           form=form, rules=rules, now=utcnow())
