"""Fee quotes: the client asks up to three shortlisted firms for a quote at once (each through an offer in
quote mode with the usual respond-by deadline), each firm answers with a quote or declines, and the client
accepts one quote: that firm's offer is accepted through the same race-safe path as a firm's acceptance and
the other offers are released. Also the final fee recorded at closing and the staff's comparison of quoted
and final fees. Services flush and never commit; they check who is asking and raise domain errors, so that
page and API views are thin calls."""

import statistics
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from legalnet.core.audit import record
from legalnet.core.errors import InvalidTransition, NotAllowed, ValidationFailed
from legalnet.core.i18n import label_text
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.notifications.services import firm_users, notify, page_path
from legalnet.referrals import fees
from legalnet.referrals.access import is_client_of
from legalnet.referrals.models import Audience, Offer, OfferSource, OfferStatus
from legalnet.referrals.offers import (
    CLIENT_CHOICES,
    accept_single,
    add_event,
    bump_firm,
    client_users,
    create_offer,
    eligible_matches,
    end_offer,
    hours_between,
    lock_request,
    offer_link,
    request_link,
    send_to_review,
)
from legalnet.referrals.quote_models import FeeBasis, Quote
from legalnet.referrals.states import transition

# How many firms the client may ask for a quote at once.
MAX_QUOTES = 3

FEE_BASIS_LABELS = {
    FeeBasis.FIXED: _l("Fixed fee"),
    FeeBasis.HOURLY: _l("Hourly, with an estimate"),
    FeeBasis.CAPPED: _l("Capped fee"),
    FeeBasis.SUCCESS: _l("Success-based fee"),
}

QUOTE_STATE_LABELS = {
    "asked": _l("Waiting for the firm's quote"),
    "quoted": _l("Quoted"),
    "accepted": _l("Accepted"),
    "declined": _l("Declined"),
    "expired": _l("Expired"),
    "released": _l("Closed: another quote was chosen"),
}


def quotes_link(req: LegalRequest) -> str:
    """Path of the client's comparison page of a request's quotes."""
    return page_path("quotes.compare", request_id=req.id)


def centre_today(now: datetime) -> date:
    """Today's date in the centre's time zone, for validity dates."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return now.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone).date()


def end_of_day_utc(day: date) -> datetime:
    """The last moment of `day` in the centre's time zone, as a stored (naive UTC) datetime."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    local = datetime.combine(day, time(23, 59, 59), tzinfo=zone)
    return local.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


# ------------------------------------------------------------------------------------------ who's who


def quote_state(quote: Quote) -> str:
    """Where a quote stands, from its offer: asked, quoted, accepted, declined, expired or released."""
    status = OfferStatus(quote.offer.status)
    if status == OfferStatus.OFFERED:
        return "quoted" if quote.answered else "asked"
    return {OfferStatus.ACCEPTED: "accepted", OfferStatus.DECLINED: "declined", OfferStatus.EXPIRED: "expired",
            OfferStatus.WITHDRAWN: "released"}[status]


def quote_state_label(quote: Quote) -> str:
    """The readable label of where a quote stands."""
    return label_text(QUOTE_STATE_LABELS, quote_state(quote))


def fee_basis_label(basis) -> str:
    """The readable label of a fee basis."""
    return label_text(FEE_BASIS_LABELS, FeeBasis(basis)) if basis else ""


def quote_choices(req: LegalRequest) -> list:
    """The shortlisted firms the client may ask for a quote (the same firms the client may choose from)."""
    if req.status != RequestStatus.MATCHED:
        return []
    return eligible_matches(req)[:CLIENT_CHOICES]


def request_quotes_of(req: LegalRequest) -> list[Quote]:
    """The request's quotes with their offers and firms, in the order they were asked."""
    return list(db.session.scalars(
        select(Quote).where(Quote.request_id == req.id)
        .options(selectinload(Quote.offer), selectinload(Quote.firm)).order_by(Quote.id)))


def accepted_quote(req: LegalRequest) -> Quote | None:
    """The quote the client accepted, which stays with the case."""
    return db.session.scalar(select(Quote).where(Quote.request_id == req.id, Quote.accepted_at.is_not(None)))


def fee_basis_choices(req: LegalRequest) -> list[FeeBasis]:
    """The fee bases a firm may quote for the request: success-based only where every jurisdiction allows it."""
    return [b for b in FeeBasis if b != FeeBasis.SUCCESS or fees.success_fee_allowed(req.jurisdictions)]


# ------------------------------------------------------------------------------------ asking firms


def request_quotes(req: LegalRequest, actor, firm_ids, now: datetime | None = None) -> list[Quote]:
    """The client asks up to MAX_QUOTES firms of the shortlist for a quote: one offer in quote mode each."""
    if not is_client_of(actor, req):
        raise NotAllowed(_l("Only the client can ask firms for quotes."))
    now = now or utcnow()
    wanted = list(dict.fromkeys(int(f) for f in firm_ids or []))
    if not wanted:
        raise ValidationFailed(_l("Choose at least one firm to ask for a quote."))
    if len(wanted) > MAX_QUOTES:
        raise ValidationFailed(_l("You can ask at most %(num)d firms for a quote at once.", num=MAX_QUOTES))
    lock_request(req)
    if req.status != RequestStatus.MATCHED:
        raise InvalidTransition(_l("Quotes can be asked for only while the request is waiting for your choice."))
    choices = {m.firm_id: m for m in quote_choices(req)}
    if any(firm_id not in choices for firm_id in wanted):
        raise ValidationFailed(_l("That firm is not one of the firms you can choose for this request."))
    quotes = []
    for firm_id in wanted:
        match = choices[firm_id]
        offer = create_offer(req, match.firm, OfferSource.CLIENT, actor=actor, match=match, now=now,
                             quote_asked=True)
        quote = Quote(offer=offer, request_id=req.id, firm_id=firm_id, requested_at=now, requested_by_id=actor.id)
        db.session.add(quote)
        quotes.append(quote)
    db.session.flush()
    names = ", ".join(q.firm.name for q in quotes)
    record(actor, "quote.requested", req, f"{req.reference} quotes asked of {names}")
    return quotes


# ------------------------------------------------------------------------------------ the firm answers


@dataclass
class QuoteInput:
    """A firm's quote as typed in the form or sent to the API: amounts in currency units, as text or numbers."""

    fee_basis: str
    currency: str
    amount_low: object
    valid_until: date | str | None  # a date, or its ISO text
    scope: str
    amount_high: object = None
    hourly_rate: object = None
    success_percent: object = None
    estimated_hours: object = None
    exclusions: str = ""
    conflict_check_confirmed: bool = False


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _whole_number(value, what, ceiling: int) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValidationFailed(_l("%(what)s must be a whole number.", what=what)) from None
    if not 0 < number <= ceiling:
        raise ValidationFailed(_l("%(what)s must be between 1 and %(max)d.", what=what, max=ceiling))
    return number


def clean_quote(req: LegalRequest, data: QuoteInput, today: date) -> dict:
    """Check a quote against the rules and return the values to store; raises ValidationFailed, changes nothing."""
    try:
        basis = FeeBasis((data.fee_basis or "").strip())
    except ValueError:
        raise ValidationFailed(_l("Choose how the fee is worked out.")) from None
    if basis == FeeBasis.SUCCESS and not fees.success_fee_allowed(req.jurisdictions):
        raise ValidationFailed(_l("A success-based fee is not allowed in every jurisdiction of this request; "
                                  "quote another fee basis."))
    currency = (data.currency or "").strip().upper()
    if not fees.is_currency(currency):
        raise ValidationFailed(_l("“%(code)s” is not a known currency; choose an ISO 4217 currency.",
                                  code=data.currency or ""))
    limits = fees.limits()
    low = fees.to_minor(data.amount_low, currency, _l("The amount")) if not _blank(data.amount_low) else None
    if low is None:
        raise ValidationFailed(_l("Give the amount of the fee (or its lowest figure)."))
    high = None
    if not _blank(data.amount_high):
        high = fees.to_minor(data.amount_high, currency, _l("The highest amount"))
        if high < low:
            raise ValidationFailed(_l("The lowest amount is higher than the highest amount."))
        if high == low:
            high = None
    rate = None
    if basis == FeeBasis.HOURLY:
        if _blank(data.hourly_rate):
            raise ValidationFailed(_l("Give the hourly rate."))
        rate = fees.to_minor(data.hourly_rate, currency, _l("The hourly rate"))
    percent = None
    if basis == FeeBasis.SUCCESS:
        if _blank(data.success_percent):
            raise ValidationFailed(_l("Give the success fee as a percentage."))
        percent = _whole_number(data.success_percent, _l("The success fee percentage"),
                                limits["max_success_percent"])
    hours = None
    if not _blank(data.estimated_hours):
        hours = _whole_number(data.estimated_hours, _l("The estimated hours"), limits["max_hours"])
    elif basis == FeeBasis.HOURLY:
        raise ValidationFailed(_l("Give the estimated hours."))
    scope = (data.scope or "").strip()
    if not scope:
        raise ValidationFailed(_l("Say what the fee covers."))
    if len(scope) > 5000 or len(data.exclusions or "") > 5000:
        raise ValidationFailed(_l("Keep the scope and the exclusions under 5,000 characters each."))
    valid_until = data.valid_until
    if isinstance(valid_until, str) and valid_until.strip():
        try:
            valid_until = date.fromisoformat(valid_until.strip())
        except ValueError:
            raise ValidationFailed(_l("Give the validity date as YYYY-MM-DD.")) from None
    if isinstance(valid_until, datetime):
        valid_until = valid_until.date()
    if not isinstance(valid_until, date):
        raise ValidationFailed(_l("Give the date until which the quote is valid."))
    if valid_until < today:
        raise ValidationFailed(_l("The quote's validity date is in the past."))
    if valid_until > today + timedelta(days=limits["max_validity_days"]):
        raise ValidationFailed(_l("A quote can be valid for at most %(days)d days.", days=limits["max_validity_days"]))
    return {"fee_basis": basis, "currency": currency, "amount_low": low, "amount_high": high, "hourly_rate": rate,
            "success_percent": percent, "estimated_hours": hours, "scope": scope,
            "exclusions": (data.exclusions or "").strip(), "valid_until": valid_until}


def submit_quote(offer: Offer, user, data: QuoteInput, now: datetime | None = None) -> Quote:
    """The firm answers an offer in quote mode with its quote. The offer then stays open until the quote's
    validity ends, so that the respond-by deadline now gives the client's time to accept."""
    if not (user.is_firm_member and user.firm_id == offer.firm_id):
        raise NotAllowed(_l("Only the firm the quote was asked of can answer it."))
    quote = offer.quote
    if quote is None:
        raise InvalidTransition(_l("This offer does not ask for a quote."))
    if not data.conflict_check_confirmed:
        raise ValidationFailed(_l("Confirm that your firm has run its own conflict check before quoting."))
    now = now or utcnow()
    values = clean_quote(offer.request, data, centre_today(now))
    req = lock_request(offer.request)
    if offer.status != OfferStatus.OFFERED:
        raise InvalidTransition(_l("This offer is no longer open: it was answered, expired or withdrawn."))
    if offer.respond_by <= now:
        raise InvalidTransition(_l("The deadline to answer this offer has passed."))
    if quote.answered:
        raise InvalidTransition(_l("Your firm has already sent its quote."))
    for name, value in values.items():
        setattr(quote, name, value)
    quote.submitted_at, quote.submitted_by_id = now, user.id
    offer.respond_by = end_of_day_utc(quote.valid_until)
    # The firm has answered: the reminder to accept or decline no longer applies.
    offer.reminded_at = offer.reminded_at or now
    db.session.flush()
    firm_name, reference = offer.firm.name, req.reference
    record(user, "quote.submitted", offer, f"{reference} quote from {firm_name}: {quote.currency} "
           f"{quote.amount_low}-{quote.amount_high or quote.amount_low} minor units, {quote.fee_basis.value}")
    notify(client_users(req), "quote.received",
           lambda: _("%(firm)s sent a quote for your request %(ref)s.", firm=firm_name, ref=reference),
           link=quotes_link(req))
    return quote


# ------------------------------------------------------------------------------------ a quote ends unaccepted

# The first sentence of the client's notice, by how the quote ended; whole sentences so each language can word
# them its own way.
QUOTE_ENDED_TEXTS = {
    "declined": _l("%(firm)s declined to quote for your request %(ref)s."),
    "unanswered": _l("%(firm)s did not send a quote for your request %(ref)s in time."),
    "lapsed": _l("The quote of %(firm)s for your request %(ref)s lapsed before you accepted it."),
}
# The second sentence: what happens next.
QUOTE_NEXT_TEXTS = {
    "wait": _l("The other quotes you asked for are still open."),
    "choose": _l("No quote is open any more: on your request's page you can ask other firms for a quote or choose "
                 "a firm from the shortlist."),
    "centre": _l("No quote is open any more and no firm of the shortlist is left: the centre will look for a firm."),
}


def quote_ended(req: LegalRequest, ended: Offer, actor=None) -> None:
    """A firm declined to quote, or the quote request or the quote itself lapsed: tell the client and, when no
    offer of the request is open any more, give the request back to the client's choice (to staff when the
    shortlist has no firm left). Never passes the request on to a firm the client did not ask."""
    if ended.status == OfferStatus.DECLINED:
        how = "declined"
    else:
        how = "lapsed" if ended.quote.answered else "unanswered"
    next_step = "wait"
    if req.status == RequestStatus.REFERRED and not req.open_offers:
        if eligible_matches(req):
            transition(req, RequestStatus.MATCHED)
            add_event(req, "quotes_ended", actor=actor, audience=Audience.CLIENT)
            next_step = "choose"
        else:
            send_to_review(req, actor, "shortlist_exhausted")
            next_step = "centre"
    firm_name, reference = ended.firm.name, req.reference
    notify(client_users(req), f"quote.{ended.status.value}",
           lambda: " ".join([str(QUOTE_ENDED_TEXTS[how]) % {"firm": firm_name, "ref": reference},
                             str(QUOTE_NEXT_TEXTS[next_step])]),
           link=quotes_link(req) if next_step == "wait" else request_link(req))


# ------------------------------------------------------------------------------------ the client accepts


def accept_quote(quote: Quote, user, now: datetime | None = None) -> Offer:
    """The client accepts one quote: the other open offers are released and told, and that firm's offer is
    accepted through accept_single (request lock, conditional UPDATE, one-accepted-offer index)."""
    req = quote.offer.request
    if not is_client_of(user, req):
        raise NotAllowed(_l("Only the client can accept a quote."))
    now = now or utcnow()
    lock_request(req)
    offer = quote.offer
    if offer.status != OfferStatus.OFFERED:
        raise InvalidTransition(_l("This quote can no longer be accepted: its offer was answered, expired or "
                                   "closed."))
    if not quote.answered:
        raise InvalidTransition(_l("The firm has not sent its quote yet."))
    if quote.valid_until < centre_today(now):
        raise InvalidTransition(_l("This quote is no longer valid."))
    reference, chosen = req.reference, offer.firm.name
    for other in req.open_offers:
        if other.id != offer.id:
            end_offer(other, OfferStatus.WITHDRAWN, now=now)
            other.reason = "another quote was chosen"
            notify(firm_users(other.firm), "quote.released",
                   lambda: _("The client chose another firm's quote for request %(ref)s; your offer is closed.",
                             ref=reference),
                   link=offer_link(other))
    quote.accepted_at = now
    db.session.flush()
    accept_single(offer, user, now)
    offer.responded_by_id = quote.submitted_by_id
    # accept_single counted the firm's response time up to now; the firm answered when it quoted.
    bump_firm(offer.firm_id, response_hours_total=hours_between(offer.offered_at, quote.submitted_at)
              - hours_between(offer.offered_at, now))
    record(user, "quote.accepted", offer, f"{reference} quote of {chosen} accepted")
    notify(firm_users(offer.firm), "quote.accepted",
           lambda: _("The client accepted your quote for request %(ref)s. The case is yours.", ref=reference),
           link=page_path("referrals.case_detail", request_id=req.id))
    return offer


# ------------------------------------------------------------------------------------ final fees


def set_final_fee(req: LegalRequest, amount, currency: str) -> None:
    """Record the fee finally charged on a case being closed; a blank amount records nothing."""
    if _blank(amount):
        return
    currency = (currency or "").strip().upper()
    if not fees.is_currency(currency):
        raise ValidationFailed(_l("“%(code)s” is not a known currency; choose an ISO 4217 currency.", code=currency))
    req.final_fee = fees.to_minor(amount, currency, _l("The final fee"))
    req.final_fee_currency = currency


@dataclass
class FeeRow:
    """One closed case with an accepted quote, for the staff's comparison of quoted and final fees."""

    reference: str
    firm: str
    basis: FeeBasis
    currency: str
    quoted_low: int
    quoted_high: int | None
    final: int | None
    final_currency: str

    @property
    def comparable(self) -> bool:
        """Both fees are known and in the same currency."""
        return self.final is not None and self.final_currency == self.currency

    @property
    def ratio(self) -> float | None:
        """The final fee over the quoted one (the middle of a range)."""
        if not self.comparable:
            return None
        quoted = (self.quoted_low + (self.quoted_high or self.quoted_low)) / 2
        return self.final / quoted

    @property
    def within(self) -> bool:
        """The final fee did not exceed the top of the quote."""
        return self.comparable and self.final <= (self.quoted_high or self.quoted_low)


def fee_comparison(start: date, end: date, jurisdiction: str | None = None) -> dict:
    """Quoted against final fees of the cases closed from `start` to `end`: the rows and the summary figures
    (cases compared, how many ended within the quote, the median of final over quoted)."""
    stmt = (select(LegalRequest, Quote).join(Quote, Quote.request_id == LegalRequest.id)
            .where(LegalRequest.status == RequestStatus.CLOSED, Quote.accepted_at.is_not(None),
                   LegalRequest.closed_at >= datetime.combine(start, time.min),
                   LegalRequest.closed_at < datetime.combine(end + timedelta(days=1), time.min))
            .options(selectinload(Quote.firm)).order_by(LegalRequest.closed_at.desc()))
    rows = []
    for req, quote in db.session.execute(stmt):
        if jurisdiction and jurisdiction not in (req.jurisdictions or []):
            continue
        rows.append(FeeRow(req.reference or "", quote.firm.name, quote.fee_basis, quote.currency, quote.amount_low,
                           quote.amount_high, req.final_fee, req.final_fee_currency or ""))
    ratios = [r.ratio for r in rows if r.ratio is not None]
    return {"rows": rows, "compared": len(ratios), "within": sum(1 for r in rows if r.within),
            "median_ratio": statistics.median(ratios) if ratios else None}
