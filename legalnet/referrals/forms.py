"""Forms for answering offers, working cases and the staff's overrides."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional


class AcceptOfferForm(FlaskForm):
    """Accepting needs the firm's own conflict check."""

    confirm_conflict_check = BooleanField(
        _l("We have run our own conflict check and have no conflict with the client or the counterparties.")
    )
    submit = SubmitField(_l("Accept"))


class DeclineOfferForm(FlaskForm):
    """Declining needs a reason."""

    reason = TextAreaField(_l("Reason for declining"), validators=[DataRequired(), Length(max=2000)])
    submit = SubmitField(_l("Decline"))


class MessageForm(FlaskForm):
    """A message to the other side of the case."""

    body = TextAreaField(_l("Message"), validators=[DataRequired(), Length(max=10000)])
    submit = SubmitField(_l("Send message"))


class NoteForm(FlaskForm):
    """An internal note."""

    text = TextAreaField(_l("Internal note"), validators=[DataRequired(), Length(max=10000)])
    submit = SubmitField(_l("Add note"))


class CaseStatusForm(FlaskForm):
    """Mark the case in progress or on hold."""

    status = SelectField(_l("Status"), choices=[("in_progress", _l("In progress")), ("on_hold", _l("On hold"))])
    submit = SubmitField(_l("Update status"))


class CloseCaseForm(FlaskForm):
    """Close the case with an outcome; closing is final, so it needs an explicit confirmation."""

    outcome = SelectField(_l("Outcome"), choices=[("resolved", _l("Resolved")), ("withdrawn", _l("Withdrawn")),
                                                  ("no_engagement", _l("No engagement"))])
    note = StringField(_l("Note (optional)"), validators=[Optional(), Length(max=500)])
    final_fee = StringField(_l("Final fee charged (optional)"), validators=[Optional(), Length(max=30)])
    final_fee_currency = SelectField(_l("Currency of the final fee"), choices=[], validate_choice=False)
    confirm = BooleanField(_l("I confirm the matter is finished"), validators=[
        InputRequired(_l("Tick “I confirm the matter is finished” to close the case."))])
    submit = SubmitField(_l("Close case"))


class FeedbackForm(FlaskForm):
    """The client's rating of the firm."""

    rating = RadioField(_l("Rating"), choices=[(str(n), str(n)) for n in range(5, 0, -1)],
                        validators=[DataRequired()])
    comment = TextAreaField(_l("Comment (optional)"), validators=[Optional(), Length(max=5000)])
    submit = SubmitField(_l("Send rating"))


class ReferForm(FlaskForm):
    """Staff refer a request to a firm by hand."""

    firm_id = SelectField(_l("Firm"), choices=[], coerce=int, validators=[DataRequired()])
    reason = StringField(_l("Reason"), validators=[Optional(), Length(max=500)])
    confirm = BooleanField(_l("Refer even if the firm does not cover every jurisdiction of the request or is at "
                              "capacity"))
    submit = SubmitField(_l("Refer to this firm"))


class WithdrawOfferForm(FlaskForm):
    """Staff withdraw an open offer."""

    reason = StringField(_l("Reason"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(_l("Withdraw offer"))


class RematchForm(FlaskForm):
    """Staff run the matcher again."""

    submit = SubmitField(_l("Match again"))


class ReferTeamForm(FlaskForm):
    """Refer the request to the proposed team: one offer per jurisdiction."""

    submit = SubmitField(_l("Refer to this team"))
