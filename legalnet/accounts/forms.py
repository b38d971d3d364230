"""Forms for registration, sign-in, two-factor codes, password changes and resets, and account settings."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from legalnet.accounts.services import check_password_strength
from legalnet.core.errors import DomainError

# The zones of the centre's members and clients (IANA names); people elsewhere can keep UTC.
TIME_ZONES = [
    ("Asia/Shanghai", _l("Mainland China (Beijing time)")), ("Asia/Hong_Kong", _l("Hong Kong")),
    ("Asia/Macau", _l("Macao")), ("Asia/Singapore", _l("Singapore")), ("Asia/Kuala_Lumpur", _l("Malaysia")),
    ("Asia/Brunei", _l("Brunei")), ("Asia/Manila", _l("Philippines")), ("Asia/Bangkok", _l("Thailand")),
    ("Asia/Ho_Chi_Minh", _l("Vietnam")), ("Asia/Phnom_Penh", _l("Cambodia")), ("Asia/Vientiane", _l("Laos")),
    ("Asia/Yangon", _l("Myanmar")), ("Asia/Jakarta", _l("Indonesia (Western, Jakarta)")),
    ("Asia/Makassar", _l("Indonesia (Central, Bali)")), ("Asia/Jayapura", _l("Indonesia (Eastern)")),
    ("UTC", _l("UTC")),
]


def strip(value):
    """Drop surrounding spaces that people paste with addresses and names."""
    return value.strip() if isinstance(value, str) else value


def strong_password(form, field) -> None:
    """The password rules of account creation, checked with the form so they show with its other errors."""
    if not field.data:
        return
    try:
        check_password_strength(field.data)
    except DomainError as error:
        raise ValidationError(str(error)) from error


class SignInForm(FlaskForm):
    """E-mail and password."""

    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email()], filters=[strip])
    password = PasswordField(_l("Password"), validators=[DataRequired()])
    submit = SubmitField(_l("Sign in"))


class RegisterClientForm(FlaskForm):
    """A client company and its first user."""

    organisation_name = StringField(_l("Company name"), validators=[DataRequired(), Length(max=200)])
    country = StringField(_l("Country or region"), validators=[Length(max=80)])
    name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=200)])
    email = EmailField(_l("Work e-mail"), validators=[DataRequired(), Email(), Length(max=255)], filters=[strip])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200), strong_password])
    confirm = PasswordField(
        _l("Repeat password"), validators=[DataRequired(), EqualTo("password", message=_l("Passwords differ."))]
    )
    submit = SubmitField(_l("Create account"))


class ChangePasswordForm(FlaskForm):
    """Current and new password."""

    current_password = PasswordField(_l("Current password"), validators=[DataRequired()])
    new_password = PasswordField(_l("New password"), validators=[DataRequired(), Length(max=200), strong_password])
    confirm = PasswordField(
        _l("Repeat new password"),
        validators=[DataRequired(), EqualTo("new_password", message=_l("Passwords differ."))],
    )
    submit = SubmitField(_l("Change password"))


class SetPasswordForm(FlaskForm):
    """A new password chosen through an invitation link."""

    new_password = PasswordField(_l("New password"), validators=[DataRequired(), Length(max=200), strong_password])
    confirm = PasswordField(
        _l("Repeat new password"),
        validators=[DataRequired(), EqualTo("new_password", message=_l("Passwords differ."))],
    )
    submit = SubmitField(_l("Set password"))


class ForgotPasswordForm(FlaskForm):
    """The address to send a reset link to."""

    email = EmailField(_l("E-mail"), validators=[DataRequired(), Email(), Length(max=255)], filters=[strip])
    submit = SubmitField(_l("Send me a reset link"))


class TwoFactorCodeForm(FlaskForm):
    """The code of the authenticator app, or a recovery code."""

    code = StringField(_l("Code"), validators=[DataRequired(), Length(max=40)], filters=[strip])
    submit = SubmitField(_l("Verify"))


class DisableTwoFactorForm(FlaskForm):
    """The password, to turn two-factor sign-in off."""

    password = PasswordField(_l("Password"), validators=[DataRequired()])
    submit = SubmitField(_l("Turn off two-factor sign-in"))


class SignOutEverywhereForm(FlaskForm):
    """A button that ends every session of the account."""

    submit = SubmitField(_l("Sign out everywhere"))


class AccountSettingsForm(FlaskForm):
    """The time zone in which pages and e-mails show times."""

    timezone = SelectField(_l("Time zone"), choices=[("", _l("The centre's (Hong Kong)"))] + TIME_ZONES)
    submit = SubmitField(_l("Save"))
