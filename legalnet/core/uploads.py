"""A form validator for uploads that must be text: UTF-8 (with or without a byte-order mark) and free of NUL
characters, refused with a message on the field instead of failing later in the database."""

from flask_babel import lazy_gettext as _l
from wtforms.validators import ValidationError


def text_file(form, field) -> None:
    """Refuse an uploaded file that is not UTF-8 text or that holds a NUL character; leaves it readable again."""
    upload = field.data
    if not upload or not getattr(upload, "filename", None):
        return
    data = upload.read()
    upload.seek(0)
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(_l("The file is not UTF-8 text. Save it as UTF-8 and try again.")) from error
    if b"\x00" in data:
        raise ValidationError(_l("The file contains NUL characters, so it is not a text file. Save it as UTF-8 "
                                 "text (CSV or JSON Lines) and try again."))
