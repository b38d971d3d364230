"""The form to add a document to a case."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SubmitField


class UploadDocumentForm(FlaskForm):
    """One file; the services check its name, size and content."""

    file = FileField(_l("File"))
    submit = SubmitField(_l("Upload"))
