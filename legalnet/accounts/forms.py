"""Forms for registration, sign-in and password changes."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError


def strip(value):
    """Drop surrounding spaces that people paste with addresses and names."""
    return value.strip() if isinstance(value, str) else value


def strong_password(form, field) -> None:
    """The password rules of account creation, checked with the form so they show with its other errors."""
    from legalnet.accounts.services import check_password_strength
    from legalnet.core.errors import DomainError

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
