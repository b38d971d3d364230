"""Forms of the membership application and of the firm's self-service pages."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    EmailField,
    IntegerField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import (
    URL,
    DataRequired,
    Email,
    EqualTo,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from legalnet.accounts.forms import TIME_ZONES, strip, strong_password
from legalnet.core.uploads import text_file
from legalnet.core.widgets import CachedSelect
from legalnet.firms.services import split_items
from legalnet.matching.services import vocabulary_choices


def website(value):
    """Accept a bare domain by adding the scheme people leave out."""
    value = strip(value)
    if value and "://" not in value:
        value = "https://" + value
    return value


class CoverageFields:
    """Jurisdictions, practice areas and languages, picked from lists or typed freely."""

    jurisdictions = SelectMultipleField(_l("Jurisdictions"), validate_choice=True)
    jurisdictions_text = StringField(_l("Other jurisdictions (typed)"), validators=[Length(max=1000)])
    practice_areas = SelectMultipleField(_l("Practice areas"), validate_choice=True)
    practice_areas_text = StringField(_l("Other practice areas (typed)"), validators=[Length(max=1000)])
    languages = SelectMultipleField(_l("Working languages"), validate_choice=True)
    languages_text = StringField(_l("Other languages (typed)"), validators=[Length(max=1000)])

    def load_choices(self) -> None:
        """Fill the select lists from the vocabulary."""
        self.jurisdictions.choices = vocabulary_choices("jurisdictions")
        self.practice_areas.choices = vocabulary_choices("practice_areas")
        self.languages.choices = vocabulary_choices("languages")

    def coverage(self, kind: str) -> list[str]:
        """Picked codes followed by the typed items of one kind."""
        return list(getattr(self, kind).data or []) + split_items(getattr(self, kind + "_text").data)


class ApplyForm(CoverageFields, FlaskForm):
    """A law firm's application for membership, with its first administrator."""

    name = StringField(_l("Firm name"), validators=[DataRequired(), Length(max=200)], filters=[strip])
    local_name = StringField(_l("Name in the local language"), validators=[Optional(), Length(max=200)],
                             filters=[strip])
    email = EmailField(_l("Firm e-mail for referrals"), validators=[DataRequired(), Email(), Length(max=255)],
                       filters=[strip])
    country = StringField(_l("Home country or region"), validators=[DataRequired(), Length(max=80)],
                          filters=[strip])
    website = StringField(_l("Website"), validators=[Optional(), URL(), Length(max=255)], filters=[website])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=50)], filters=[strip])
    description = TextAreaField(_l("About the firm"), validators=[Optional(), Length(max=5000)])
    offices = TextAreaField(_l("Offices"), validators=[Optional(), Length(max=5000)])
    bar_registrations = TextAreaField(_l("Bar registrations of your lawyers"),
                                      validators=[Optional(), Length(max=10000)])
    contact_name = StringField(_l("Contact person"), validators=[DataRequired(), Length(max=200)],
                               filters=[strip])
    contact_email = EmailField(_l("Contact person's e-mail (your sign-in)"),
                               validators=[DataRequired(), Email(), Length(max=255)], filters=[strip])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200), strong_password])
    confirm = PasswordField(_l("Repeat password"),
                            validators=[DataRequired(), EqualTo("password", message=_l("Passwords differ."))])
    submit = SubmitField(_l("Send application"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.load_choices()

    def validate_jurisdictions_text(self, field):
        """At least one jurisdiction, picked or typed."""
        if not self.coverage("jurisdictions"):
            raise ValidationError(_l("Pick or type at least one jurisdiction."))

    def validate_practice_areas_text(self, field):
        """At least one practice area, picked or typed."""
        if not self.coverage("practice_areas"):
            raise ValidationError(_l("Pick or type at least one practice area."))


class ProfileForm(FlaskForm):
    """The firm's own details."""

    name = StringField(_l("Firm name"), validators=[DataRequired(), Length(max=200)], filters=[strip])
    local_name = StringField(_l("Name in the local language"), validators=[Optional(), Length(max=200)],
                             filters=[strip])
    country = StringField(_l("Home country or region"), validators=[DataRequired(), Length(max=80)],
                          filters=[strip])
    website = StringField(_l("Website"), validators=[Optional(), URL(), Length(max=255)], filters=[website])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=50)], filters=[strip])
    description = TextAreaField(_l("About the firm"), validators=[Optional(), Length(max=5000)])
    capacity = IntegerField(
        _l("Capacity (open cases the firm can take)"),
        validators=[InputRequired(message=_l("Give a number of cases, 0 or more.")),
                    NumberRange(min=0, max=1000, message=_l("Give a number between 0 and 1000."))],
    )
    submit = SubmitField(_l("Save profile"))


class OfficeHoursForm(FlaskForm):
    """The firm's time zone and office hours, which count the deadlines of its offers."""

    # Unknown zones are refused by the service with a message that names them, not by WTForms.
    time_zone = SelectField(_l("Time zone"), validate_choice=False,
                            choices=[("", _l("The main zone of the firm's jurisdiction"))] + TIME_ZONES)
    office_opens = TimeField(_l("Office opens"), validators=[InputRequired(message=_l("Give the opening time."))])
    office_closes = TimeField(_l("Office closes"), validators=[InputRequired(message=_l("Give the closing time."))])
    submit = SubmitField(_l("Save office hours"))


class CoverageForm(CoverageFields, FlaskForm):
    """Where and in what the firm practises."""

    submit = SubmitField(_l("Save coverage"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.load_choices()


class OfficeForm(FlaskForm):
    """A new office."""

    city = StringField(_l("City"), validators=[DataRequired(), Length(max=120)], filters=[strip])
    jurisdiction = SelectField(_l("Jurisdiction"), validators=[DataRequired()])
    address = StringField(_l("Address"), validators=[Optional(), Length(max=500)], filters=[strip])
    submit = SubmitField(_l("Add office"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.jurisdiction.choices = [("", _l("Choose…")), *vocabulary_choices("jurisdictions")]


class LawyerForm(FlaskForm):
    """A new lawyer with their bar admissions."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)], filters=[strip])
    email = EmailField(_l("E-mail"), validators=[Optional(), Email(), Length(max=255)], filters=[strip])
    title = StringField(_l("Title"), validators=[Optional(), Length(max=120)], filters=[strip])
    admissions = TextAreaField(_l("Bar admissions"), validators=[Optional(), Length(max=3000)])
    submit = SubmitField(_l("Add lawyer"))


class AdmissionForm(FlaskForm):
    """A bar admission added to an existing lawyer."""

    jurisdiction = SelectField(_l("Bar of"), validators=[DataRequired()])
    registration_number = StringField(_l("Registration number"), validators=[Optional(), Length(max=80)],
                                      filters=[strip])
    admitted_year = IntegerField(_l("Year admitted"), validators=[Optional(), NumberRange(min=1900, max=2100)])
    submit = SubmitField(_l("Add admission"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.jurisdiction.choices = [("", _l("Choose…")), *vocabulary_choices("jurisdictions")]


class ConflictForm(FlaskForm):
    """Parties for the conflict register: one name, many pasted, or a file."""

    name = StringField(_l("Party name"), validators=[Optional(), Length(max=300)], filters=[strip])
    names = TextAreaField(_l("Many names, one per line"), validators=[Optional(), Length(max=200000)])
    upload = FileField(_l("Or upload a file (CSV with a \"name\" column, or one name per line)"),
                       validators=[text_file])
    submit = SubmitField(_l("Add to register"))


class InviteForm(FlaskForm):
    """A lawyer invited to use legalnet for the firm."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)], filters=[strip])
    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=255)], filters=[strip])
    submit = SubmitField(_l("Send invitation"))


class ActionForm(FlaskForm):
    """A button that changes something; carries only the CSRF token."""


class DirectoryForm(FlaskForm):
    """Directory search; read from the query string."""

    class Meta:
        csrf = False

    q = StringField(_l("Firm name, place or practice area"),
                    validators=[Optional(), Length(max=200, message=_l(
                        "Type at most %(max)d characters; shorten the search and try again."))],
                    filters=[strip])
    jurisdiction = SelectField(_l("Jurisdiction"), validators=[Optional()], widget=CachedSelect())
    practice_area = SelectField(_l("Practice area"), validators=[Optional()], widget=CachedSelect())
    language = SelectField(_l("Language"), validators=[Optional()], widget=CachedSelect())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        anything = ("", _l("Any"))
        self.jurisdiction.choices = [anything, *vocabulary_choices("jurisdictions")]
        self.practice_area.choices = [anything, *vocabulary_choices("practice_areas")]
        self.language.choices = [anything, *vocabulary_choices("languages")]
