"""The shapes of the quote operations: asking firms for quotes, a firm's quote, and a quote as the client
compares it (amounts in currency units, the ISO 4217 code and its name in the reader's language)."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from marshmallow import Schema, ValidationError, fields, validate

from legalnet.api.fields import Choice, Day, DerivedNumber, DerivedString, Flag, Text, Timestamp
from legalnet.api.schemas import Body, FirmRef
from legalnet.referrals import fees, quotes
from legalnet.referrals.quote_models import FeeBasis

SCOPE_MAX = 5000
CONFIRM_CHECK = _l("Confirm that your firm has run its own conflict check before quoting (true).")
QUOTE_STATES = ["asked", "quoted", "accepted", "declined", "expired", "released"]


class Amount(fields.Float):
    """An amount in currency units, as a JSON number; the quote rules decide what is too small or too large."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_none", not kwargs.get("required"))
        if not kwargs.get("required"):
            kwargs.setdefault("load_default", None)
        super().__init__(allow_nan=False, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValidationError(_("Expected a number."))
        return value


class Count(fields.Integer):
    """A whole number as JSON, or null; the quote rules decide its range."""

    def __init__(self, **kwargs):
        super().__init__(strict=True, allow_none=True, load_default=None, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(_("Expected a whole number."))
        return value


class AskQuotesInput(Body):
    """The shortlisted firms to ask for a quote, by id (at most three at once)."""

    firm_ids = fields.List(fields.Integer(strict=True, validate=validate.Range(min=1, max=2**31 - 1)),
                           required=True, validate=validate.Length(min=1, max=20))


class QuoteInput(Body):
    """A firm's quote: how the fee is worked out, the currency (ISO 4217), the amount or a range, the hourly
    rate and estimated hours (hourly), the percentage (success-based, where every jurisdiction allows it),
    what it covers and excludes, and until when it is valid."""

    fee_basis = Choice([b.value for b in FeeBasis], required=True)
    currency = Text(3, required=True)
    amount_low = Amount(required=True)
    amount_high = Amount()
    hourly_rate = Amount()
    success_percent = Count()
    estimated_hours = Count()
    scope = Text(SCOPE_MAX, required=True)
    exclusions = Text(SCOPE_MAX)
    valid_until = Day()
    conflict_checked = Flag(required=True, validate=validate.Equal(True, error=CONFIRM_CHECK),
                            error_messages={"required": CONFIRM_CHECK, "null": CONFIRM_CHECK})


def money(name: str):
    """An amount of the quote in currency units, from its stored minor units."""
    return DerivedNumber(allow_none=True, value_of=lambda q: fees.from_minor(getattr(q, name), q.currency))


class Quote(Schema):
    """A quote as the client compares it and the firm sees its own: where it stands, the fee and its terms."""

    id = fields.Integer(required=True)
    offer_id = fields.Integer()
    request_id = fields.Integer()
    firm = fields.Nested(FirmRef)
    state = DerivedString(validate=validate.OneOf(QUOTE_STATES), value_of=quotes.quote_state)
    requested_at = Timestamp()
    # Until the firm quotes, its deadline to answer; once it has, the client's deadline to accept.
    respond_by = Timestamp(attribute="offer.respond_by")
    submitted_at = Timestamp(allow_none=True)
    accepted_at = Timestamp(allow_none=True)
    fee_basis = DerivedString(allow_none=True, value_of=lambda q: q.fee_basis.value if q.fee_basis else None)
    currency = DerivedString(allow_none=True, value_of=lambda q: q.currency or None)
    currency_name = DerivedString(allow_none=True, value_of=lambda q: fees.currency_name(q.currency) or None)
    amount_low = money("amount_low")
    amount_high = money("amount_high")
    hourly_rate = money("hourly_rate")
    success_percent = fields.Integer(allow_none=True)
    estimated_hours = fields.Integer(allow_none=True)
    scope = fields.String()
    exclusions = fields.String()
    valid_until = fields.Date(allow_none=True)


class QuoteList(Schema):
    """A request's quotes, in the order they were asked."""

    items = fields.List(fields.Nested(Quote))
