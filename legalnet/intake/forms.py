"""The intake form: what the client needs, where, in which languages, and against whom."""

import re
from urllib.parse import unquote_to_bytes

from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    MultipleFileField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from legalnet.accounts.forms import strip
from legalnet.core.localtime import today
from legalnet.matching.services import vocabulary_choices
from legalnet.privacy.consent import current_version
from legalnet.referrals.disclosure import SUMMARY_MAX

# The longest description a request may have (form, API and `flask match`): long enough for a detailed e-mail,
# short enough that reading it stays quick.
DESCRIPTION_MAX = 20_000
# Characters no text of a request may hold: C0 controls other than tab and line breaks (the database refuses
# NUL), and the replacement character that bytes which were not UTF-8 are decoded to.
CONTROL_CHARACTERS = {chr(c) for c in range(32) if chr(c) not in "\t\n\r"} | {"\x7f"}
REPLACEMENT_CHARACTER = "\ufffd"
ESCAPED_HIGH_BYTE_RE = re.compile(r"%[89a-fA-F][0-9a-fA-F]")

CURRENCIES = ["USD", "HKD", "CNY", "MOP", "SGD", "MYR", "THB", "VND", "IDR", "PHP", "KHR", "LAK", "MMK", "BND",
              "EUR"]


def not_in_the_past(form, field):
    """Refuse a date before today (in the centre's time zone)."""
    if field.data is not None and field.data < today():
        raise ValidationError(_l("The deadline cannot be in the past: choose today or a later date."))


def not_utf8_escape(value: str) -> bool:
    """True when the text holds percent-escapes of bytes that are not UTF-8: the form parser keeps such bytes of a
    posted form as "%FF" rather than failing (a browser sends a typed "%" itself as "%25")."""
    if not ESCAPED_HIGH_BYTE_RE.search(value):
        return False
    try:
        unquote_to_bytes(value).decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def readable_text(form, field):
    """Refuse text with control characters (such as NUL) or with bytes that were not valid UTF-8."""
    value = field.data or ""
    if isinstance(value, list):
        value = "".join(value)
    if any(ch in CONTROL_CHARACTERS for ch in value):
        raise ValidationError(_l("This text contains a control character (such as NUL) that cannot be stored: "
                                 "remove it and try again."))
    if REPLACEMENT_CHARACTER in value or not_utf8_escape(value):
        raise ValidationError(_l("This text contains bytes that are not valid UTF-8 (shown as �): type or paste "
                                 "it again."))


def description_length(form, field):
    """Refuse a description over DESCRIPTION_MAX characters, saying how long it is."""
    length = len(field.data or "")
    if length > DESCRIPTION_MAX:
        raise ValidationError(_l("The description has %(length)s characters; the limit is %(max)s. Shorten it "
                                 "(you can share documents with the firm once it accepts).",
                                 length=format_decimal(length), max=format_decimal(DESCRIPTION_MAX)))


class RequestForm(FlaskForm):
    """A new request; terms can be picked from lists or typed in any language."""

    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=200), readable_text], filters=[strip])
    description = TextAreaField(_l("What do you need help with?"),
                                validators=[Optional(), description_length, readable_text])
    jurisdictions = SelectMultipleField(_l("Jurisdictions"), choices=[], validators=[Optional()])
    jurisdictions_text = StringField(_l("Other jurisdictions, in your own words"),
                                     validators=[Optional(), Length(max=500), readable_text])
    practice_areas = SelectMultipleField(_l("Practice areas"), choices=[], validators=[Optional()])
    practice_areas_text = StringField(_l("Other practice areas, in your own words"),
                                      validators=[Optional(), Length(max=500), readable_text])
    languages = SelectMultipleField(_l("Preferred languages"), choices=[], validators=[Optional()])
    languages_text = StringField(_l("Other languages, in your own words"),
                                 validators=[Optional(), Length(max=300), readable_text])
    counterparties = TextAreaField(_l("Counterparties (one per line)"),
                                   validators=[Optional(), Length(max=5000), readable_text])
    # The Check step shows the parties found in the text as ticked boxes and the areas only mentioned as boxes to
    # tick; the names offered travel along so that an unticked one is known to be removed.
    found_counterparties = SelectMultipleField(_l("Parties named in your description"), choices=[],
                                               validate_choice=False, validators=[Optional()])
    offered_counterparties = SelectMultipleField(choices=[], validate_choice=False, validators=[Optional()])
    # The terms the Check step showed as understood ("kind:code"), and the ones the client removed since: a
    # shown term no longer picked is one the client took away, so reading the description again cannot add it.
    offered_terms = SelectMultipleField(choices=[], validate_choice=False, validators=[Optional()])
    add_practice_areas = SelectMultipleField(_l("Also mentioned: add them if the request is about them too"),
                                             choices=[], validators=[Optional()])
    urgency = RadioField(_l("Urgency"), choices=[("standard", _l("Standard")), ("urgent", _l("Urgent"))],
                         default="standard", validators=[DataRequired()])
    budget_amount = IntegerField(_l("Budget (optional)"), validators=[
        Optional(), NumberRange(min=0, max=10**9, message=_l("The budget must be a number from 0 to 1,000,000,000."))])
    budget_currency = SelectField(_l("Currency"), choices=[(c, c) for c in CURRENCIES], default="USD")
    deadline = DateField(_l("Deadline (optional)"), validators=[Optional(), not_in_the_past])
    # Shown on the Check step: the text firms read before they accept, and files for the centre and the firm.
    summary = TextAreaField(_l("Summary that firms read before they accept"),
                            validators=[Optional(), Length(max=SUMMARY_MAX), readable_text])
    attachments = MultipleFileField(_l("Documents (optional)"))
    consent = BooleanField(_l("I agree that the centre shares this request with the member firms it matches."))
    # Which version of the sharing notice was shown beside the box; recorded with the consent.
    consent_version = HiddenField()
    check = SubmitField(_l("Check"))
    submit = SubmitField(_l("Submit request"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)

        self.jurisdictions.choices = vocabulary_choices("jurisdictions")
        self.practice_areas.choices = vocabulary_choices("practice_areas")
        self.add_practice_areas.choices = self.practice_areas.choices
        self.languages.choices = vocabulary_choices("languages")
        if not self.consent_version.data:
            self.consent_version.data = current_version()


class PickFirmForm(FlaskForm):
    """The client's choice among the shortlisted firms, or the centre's."""

    firm = RadioField(_l("Firm"), choices=[], validators=[DataRequired()])
    submit = SubmitField(_l("Send the request to this firm"))


class LookFurtherForm(FlaskForm):
    """The client asks the centre to look beyond a shortlist that covers only part of the request."""

    submit = SubmitField(_l("Ask the centre to look further"))


class CancelRequestForm(FlaskForm):
    """The client withdraws the request."""

    reason = StringField(_l("Why (optional)"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(_l("Withdraw request"))
