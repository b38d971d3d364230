"""Forms of fee quotes: the client asking firms for quotes and accepting one, the firm's quote."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget


class AskQuotesForm(FlaskForm):
    """Up to three shortlisted firms to ask for a quote; the service checks the number and the firms."""

    firm_ids = SelectMultipleField(_l("Firms to ask for a quote"), choices=[], coerce=int, validate_choice=False,
                                   widget=ListWidget(prefix_label=False), option_widget=CheckboxInput())
    submit = SubmitField(_l("Ask for quotes"))


class QuoteForm(FlaskForm):
    """A firm's quote. Amounts are typed as text and checked by the service, which gives the messages."""

    fee_basis = RadioField(_l("Fee basis"), choices=[], validate_choice=False)
    currency = SelectField(_l("Currency"), choices=[], validate_choice=False)
    amount_low = StringField(_l("Fee, or the lowest figure of a range"), validators=[Length(max=30)])
    amount_high = StringField(_l("Highest figure of a range (optional)"), validators=[Optional(), Length(max=30)])
    hourly_rate = StringField(_l("Hourly rate (for an hourly fee)"), validators=[Optional(), Length(max=30)])
    success_percent = StringField(_l("Success fee, per cent of the amount recovered (for a success-based fee)"),
                                  validators=[Optional(), Length(max=10)])
    estimated_hours = StringField(_l("Estimated hours"), validators=[Optional(), Length(max=10)])
    scope = TextAreaField(_l("What the fee covers"), validators=[Length(max=5000)])
    exclusions = TextAreaField(_l("What it does not cover (optional)"), validators=[Optional(), Length(max=5000)])
    valid_until = DateField(_l("Valid until"), validators=[Optional()])
    confirm_conflict_check = BooleanField(
        _l("We have run our own conflict check and have no conflict with the client or the counterparties."))
    submit = SubmitField(_l("Send the quote"))


class AcceptQuoteForm(FlaskForm):
    """The client accepts one quote."""

    submit = SubmitField(_l("Accept this quote"))
