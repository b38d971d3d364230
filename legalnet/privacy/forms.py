"""The staff form to erase a person's data."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField, SubmitField
from wtforms.validators import DataRequired, Length

from legalnet.accounts.forms import strip


class EraseForm(FlaskForm):
    """A reason, and a confirmation that the erasure cannot be undone."""

    reason = StringField(_l("Reason"), validators=[DataRequired(), Length(max=1000)], filters=[strip])
    confirm = BooleanField(_l("I understand that this cannot be undone."), validators=[DataRequired()])
    submit = SubmitField(_l("Erase this person's data"))
