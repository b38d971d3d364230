"""Marshmallow fields of the API: JSON values checked strictly (no type coercion) with the messages the intake
form uses, query-string values, and output fields whose value is computed from the object being dumped. Their
validators also describe them in the OpenAPI document (maxLength, enum, minimum…)."""

from datetime import UTC, date

from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, fields, validate
from marshmallow.utils import missing

REQUIRED = {"required": _l("This field is required."), "null": _l("This field is required.")}
# Required text must have something besides spaces: the API trims it, as the pages do.
NOT_BLANK = validate.Regexp(r"\S")


def kind_of(value) -> str:
    """How a JSON value of the wrong type is named in messages."""
    if isinstance(value, bool):
        return _("true or false")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("an object")
    return _("text")


def text_problem(value: str) -> str | None:
    """Why the database cannot store the text (a NUL character, a lone surrogate escape), or None."""
    if "\x00" in value:
        return _("Text may not contain the NUL character (\\u0000).")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _("Text may not contain a lone surrogate escape such as \\ud800.")
    return None


class Text(fields.String):
    """Text, trimmed; at most `max_length` characters; `required` text may not be blank."""

    default_error_messages = REQUIRED

    def __init__(self, max_length: int, **kwargs):
        self.max_length = max_length
        checks = [validate.Length(max=max_length)]
        if kwargs.get("required"):
            checks.append(NOT_BLANK)
        if not kwargs.get("required"):
            kwargs.setdefault("allow_none", True)
            kwargs.setdefault("load_default", "")
        super().__init__(validate=checks, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str):
            raise ValidationError(_("Expected text, got %(kind)s.", kind=kind_of(value)))
        if text_problem(value):
            raise ValidationError(text_problem(value))
        value = value.strip()
        if self.required and not value:
            raise ValidationError(_("This field is required."))
        if len(value) > self.max_length:
            raise ValidationError(self.too_long(value))
        return value

    def too_long(self, value: str) -> str:
        """The message for text over the limit."""
        return _("At most %(n)d characters.", n=self.max_length)


class Description(Text):
    """A request's description, with the intake form's message when it is too long."""

    def too_long(self, value: str) -> str:
        """The intake form's message, which says how long the text is."""
        return _("The description has %(length)s characters; the limit is %(max)s. Shorten it (you can share "
                 "documents with the firm once it accepts).", length=format_decimal(len(value)),
                 max=format_decimal(self.max_length))


class TextList(fields.List):
    """A list of short texts; blank items are dropped and duplicates kept once."""

    default_error_messages = REQUIRED

    def __init__(self, max_items: int, max_length: int, **kwargs):
        self.max_items, self.max_length = max_items, max_length
        super().__init__(fields.String(validate=validate.Length(max=max_length)),
                         validate=validate.Length(max=max_items), allow_none=True, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, list):
            raise ValidationError(_("Expected a list of strings, got %(kind)s.", kind=kind_of(value)))
        if len(value) > self.max_items:
            raise ValidationError(_("At most %(n)d items.", n=self.max_items))
        items: list[str] = []
        for item in value:
            if not isinstance(item, str):
                raise ValidationError(_("Expected a list of strings, got %(kind)s in it.", kind=kind_of(item)))
            if text_problem(item):
                raise ValidationError(text_problem(item))
            item = item.strip()
            if len(item) > self.max_length:
                raise ValidationError(_("Each item has at most %(n)d characters.", n=self.max_length))
            if item and item not in items:
                items.append(item)
        return items


class Whole(fields.Integer):
    """A whole number from `minimum` to `maximum` (true and false are not numbers here)."""

    default_error_messages = REQUIRED

    def __init__(self, minimum: int, maximum: int, **kwargs):
        self.minimum, self.maximum = minimum, maximum
        kwargs.setdefault("allow_none", not kwargs.get("required"))
        super().__init__(strict=True, validate=validate.Range(minimum, maximum), **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(_("Expected a whole number."))
        if not self.minimum <= value <= self.maximum:
            raise ValidationError(_("Expected a number from %(a)d to %(b)d.", a=self.minimum, b=self.maximum))
        return value


class Choice(fields.String):
    """One of a fixed set of strings."""

    default_error_messages = REQUIRED

    def __init__(self, options, **kwargs):
        self.options = list(options)
        kwargs.setdefault("allow_none", not kwargs.get("required"))
        super().__init__(validate=validate.OneOf(self.options), **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str) or value not in self.options:
            raise ValidationError(_("Expected one of: %(options)s.", options=", ".join(self.options)))
        return value


class Flag(fields.Boolean):
    """True or false, and nothing that merely looks like it ("yes", 1)."""

    default_error_messages = REQUIRED

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise ValidationError(_("Expected true or false."))
        return value


class Day(fields.Date):
    """A date written YYYY-MM-DD."""

    def __init__(self, **kwargs):
        super().__init__(allow_none=True, load_default=None, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        try:
            if not isinstance(value, str) or len(value) != 10 or not value.isascii():
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            raise ValidationError(_("Expected a date as YYYY-MM-DD.")) from None


# ------------------------------------------------------------------------------------------ query strings


class QueryChoice(fields.String):
    """A query parameter that is one of `options` when given; empty means not given."""

    def __init__(self, options, **kwargs):
        self.options = list(options)
        super().__init__(validate=validate.OneOf(self.options), load_default="", **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if value and value not in self.options:
            raise ValidationError(_("Expected one of: %(options)s.", options=", ".join(self.options)))
        return value


class QueryText(fields.String):
    """A free-text query parameter, trimmed."""

    def __init__(self, max_length: int = 200, **kwargs):
        self.max_length = max_length
        super().__init__(validate=validate.Length(max=max_length), load_default="", **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if text_problem(value) or len(value) > self.max_length:
            raise ValidationError(_("At most %(n)d characters of text.", n=self.max_length))
        return value.strip()


class QueryLimit(fields.Integer):
    """How many items a page holds: digits only, from 1 to `maximum`."""

    def __init__(self, maximum: int, **kwargs):
        self.maximum = maximum
        super().__init__(validate=validate.Range(1, maximum), **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= self.maximum:
            raise ValidationError(_("Expected a number from 1 to %(n)d.", n=self.maximum))
        return int(value)


# ------------------------------------------------------------------------------------------------ output


class Timestamp(fields.DateTime):
    """A stored UTC time as RFC 3339, to the second."""

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        return value.replace(tzinfo=UTC, microsecond=0).isoformat().replace("+00:00", "Z")


class Derived:
    """Mixin for output fields whose value `value_of(obj)` computes from the object being dumped."""

    def __init__(self, *args, value_of, **kwargs):
        self.value_of = value_of
        super().__init__(*args, **kwargs)

    def get_value(self, obj, attr, accessor=None, default=missing):
        """The computed value."""
        return self.value_of(obj)


class DerivedNested(Derived, fields.Nested):
    """A nested object (or null) computed from the object."""


class DerivedList(Derived, fields.List):
    """A list computed from the object."""


class DerivedString(Derived, fields.String):
    """A string computed from the object."""


class DerivedNumber(Derived, fields.Float):
    """A number computed from the object."""


class DerivedFlag(Derived, fields.Boolean):
    """A true/false computed from the object."""


class DerivedDict(Derived, fields.Dict):
    """An object of named values computed from the object."""
