"""The intake form: what the client needs, where, in which languages, and against whom."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from legalnet.accounts.forms import strip
from legalnet.privacy.consent import current_version

CURRENCIES = ["USD", "HKD", "CNY", "MOP", "SGD", "MYR", "THB", "VND", "IDR", "PHP", "KHR", "LAK", "MMK", "BND",
              "EUR"]


def not_in_the_past(form, field):
    """Refuse a date before today (in the centre's time zone)."""
    from legalnet.intake.services import today

    if field.data is not None and field.data < today():
        raise ValidationError(_l("The deadline cannot be in the past: choose today or a later date."))


class RequestForm(FlaskForm):
    """A new request; terms can be picked from lists or typed in any language."""

    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200)], filters=[strip])
    description = TextAreaField(_l("What do you need help with?"), validators=[Optional(), Length(max=10000)])
    jurisdictions = SelectMultipleField(_l("Jurisdictions"), choices=[], validators=[Optional()])
    jurisdictions_text = StringField(_l("Other jurisdictions, in your own words"),
                                     validators=[Optional(), Length(max=500)])
    practice_areas = SelectMultipleField(_l("Practice areas"), choices=[], validators=[Optional()])
    practice_areas_text = StringField(_l("Other practice areas, in your own words"),
                                      validators=[Optional(), Length(max=500)])
    languages = SelectMultipleField(_l("Preferred languages"), choices=[], validators=[Optional()])
    languages_text = StringField(_l("Other languages, in your own words"), validators=[Optional(), Length(max=300)])
    counterparties = TextAreaField(_l("Counterparties (one per line)"), validators=[Optional(), Length(max=5000)])
    urgency = RadioField(_l("Urgency"), choices=[("standard", _l("Standard")), ("urgent", _l("Urgent"))],
                         default="standard", validators=[DataRequired()])
    budget_amount = IntegerField(_l("Budget (optional)"), validators=[
        Optional(), NumberRange(min=0, max=10**9, message=_l("The budget must be a number from 0 to 1,000,000,000."))])
    budget_currency = SelectField(_l("Currency"), choices=[(c, c) for c in CURRENCIES], default="USD")
    deadline = DateField(_l("Deadline (optional)"), validators=[Optional(), not_in_the_past])
    consent = BooleanField(_l("I agree that the centre shares this request with the member firms it matches."))
    # Which version of the sharing notice was shown beside the box; recorded with the consent.
    consent_version = HiddenField()
    check = SubmitField(_l("Check"))
    submit = SubmitField(_l("Submit request"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from legalnet.matching.services import vocabulary_choices

        self.jurisdictions.choices = vocabulary_choices("jurisdictions")
        self.practice_areas.choices = vocabulary_choices("practice_areas")
        self.languages.choices = vocabulary_choices("languages")
        if not self.consent_version.data:
            self.consent_version.data = current_version()


class PickFirmForm(FlaskForm):
    """The client's choice among the shortlisted firms, or the centre's."""

    firm = RadioField(_l("Firm"), choices=[], validators=[DataRequired()])
    submit = SubmitField(_l("Send the request to this firm"))


class CancelRequestForm(FlaskForm):
    """The client withdraws the request."""

    reason = StringField(_l("Why (optional)"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(_l("Withdraw request"))
