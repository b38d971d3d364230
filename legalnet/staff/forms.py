"""Forms of the staff console: membership decisions, firm imports and teaching the vocabulary."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, DateField, HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import AnyOf, DataRequired, Length, Optional

from legalnet.core.uploads import text_file
from legalnet.firms.models import FirmStatus
from legalnet.firms.services import STAFF_ACTIONS


class StatusForm(FlaskForm):
    """A membership decision: the button pressed, the reason and, for renewals, the new date."""

    action = StringField(_l("Decision"), validators=[DataRequired(), AnyOf(STAFF_ACTIONS)])
    reason = TextAreaField(_l("Reason (told to the firm; required to reject, suspend or withdraw)"),
                           validators=[Optional(), Length(max=2000)])
    renewal_date = DateField(_l("New renewal date (for renewals; a year on if left empty)"),
                             validators=[Optional()])


class ImportForm(FlaskForm):
    """A file of firms to import."""

    upload = FileField(_l("File (JSON Lines or CSV, lists separated by \";\")"),
                       validators=[FileRequired(_l("Choose a file to import.")), text_file])
    fmt = SelectField(_l("Format"), choices=[("", _l("From the file name")), ("jsonl", "JSON Lines"),
                                             ("csv", "CSV")], validators=[Optional()])
    status = SelectField(
        _l("Status of new firms"),
        choices=[("", _l("As in the file (active when missing)")), *[(s.value, s.value) for s in FirmStatus]],
        validators=[Optional()],
    )


class TeachForm(FlaskForm):
    """Map a term to a vocabulary code: a suggestion's button carries the code, or it is picked from the list."""

    text = HiddenField(_l("Term"), validators=[DataRequired(), Length(max=200)])
    target = StringField(_l("Map to"), validators=[DataRequired()])
    submit = SubmitField(_l("Map"))


class UndoForm(FlaskForm):
    """Undo a taught mapping (the form carries only its CSRF token)."""

    submit = SubmitField(_l("Undo"))


class TwoFactorPolicyForm(FlaskForm):
    """Whether a firm's admins must sign in with a second factor."""

    required = BooleanField(_l("The firm's admins must use two-factor sign-in"))
    submit = SubmitField(_l("Save"))
