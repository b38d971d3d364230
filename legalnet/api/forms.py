"""Forms of the API token settings page."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField
from wtforms.validators import DataRequired, Length


class NewTokenForm(FlaskForm):
    """Name a new token after the system that will use it."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=100)],
                       filters=[lambda v: v.strip() if isinstance(v, str) else v])
    submit = SubmitField(_l("Create token"))


class RevokeTokenForm(FlaskForm):
    """Revoke a token (the button next to each token)."""

    submit = SubmitField(_l("Revoke"))
