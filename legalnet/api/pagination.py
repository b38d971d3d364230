"""Cursor pagination of the API's lists, in one piece: the `limit` and `cursor` query parameters (inherit
`PageQuery`), the page shape (`page_of(ItemSchema)`), and the functions that run a query one page at a time.

A cursor is opaque to clients: base64 of "<kind>:<number>", where the kind names the list it belongs to and
the number is the last id seen (keyset pages) or the position of the next item (offset pages)."""

import base64
import binascii

from flask_babel import gettext as _
from marshmallow import Schema, fields, validate

from legalnet.api.fields import QueryLimit
from legalnet.api.problems import fail
from legalnet.extensions import db

DEFAULT_LIMIT, MAX_LIMIT = 20, 100
# The largest id the database's integer columns hold; bigger numbers cannot name anything.
MAX_ID = 2**31 - 1


class PageQuery(Schema):
    """`limit` and `cursor`, the query parameters of every list."""

    limit = QueryLimit(MAX_LIMIT, load_default=DEFAULT_LIMIT,
                       metadata={"description": "Items per page (1-100).", "default": DEFAULT_LIMIT})
    cursor = fields.String(load_default=None, allow_none=False, validate=validate.Length(max=200),
                           metadata={"description": "Opaque; the `next_cursor` of the previous page."})


def page_of(item: type[Schema]) -> type[Schema]:
    """The schema of one page of `item`s: the items and the cursor of the next page (null on the last)."""
    return Schema.from_dict({"items": fields.List(fields.Nested(item), required=True),
                             "next_cursor": fields.String(allow_none=True, required=True)},
                            name=f"{item.__name__}Page")


def encode_cursor(kind: str, value: int) -> str:
    """An opaque cursor: where the next page starts."""
    return base64.urlsafe_b64encode(f"{kind}:{value}".encode()).decode().rstrip("=")


def decode_cursor(kind: str, raw: str | None) -> int | None:
    """The number in a cursor of list `kind`; 422 for a cursor that did not come from that list."""
    if not raw:
        return None
    try:
        decoded = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode()
        prefix, _sep, number = decoded.partition(":")
        if prefix != kind or not number.isascii() or not number.isdigit() or int(number) > MAX_ID:
            raise ValueError(decoded)
        return int(number)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        fail(422, _("Some fields are not valid."),
             {"cursor": [_("This cursor is not valid; use the next_cursor of a previous page.")]})


def page(items: list, next_cursor: str | None) -> dict:
    """One page, as `page_of` describes it."""
    return {"items": items, "next_cursor": next_cursor}


def offset_of(args: dict, kind: str = "o") -> int:
    """Where an offset page starts."""
    return decode_cursor(kind, args["cursor"]) or 0


def next_offset(rows: list, args: dict, offset: int, kind: str = "o") -> dict:
    """The page of `rows` read from `offset` with one row more than the limit, to tell whether more follow."""
    limit = args["limit"]
    return page(rows[:limit], encode_cursor(kind, offset + limit) if len(rows) > limit else None)


def by_offset(stmt, args: dict, kind: str = "o") -> dict:
    """Run an ordered `stmt` one page at a time by position."""
    offset = offset_of(args, kind)
    return next_offset(list(db.session.scalars(stmt.offset(offset).limit(args["limit"] + 1))), args, offset, kind)


def by_id(stmt, column, args: dict, kind: str, descending: bool = True) -> dict:
    """Run `stmt` one page at a time by id (newest first unless `descending` is False)."""
    cursor = decode_cursor(kind, args["cursor"])
    if cursor is not None:
        stmt = stmt.where(column < cursor if descending else column > cursor)
    rows = list(db.session.scalars(stmt.order_by(column.desc() if descending else column).limit(args["limit"] + 1)))
    return of_rows(rows, args, kind)


def after_id(items: list, args: dict, kind: str) -> dict:
    """Page through a list already in id order, oldest first."""
    cursor = decode_cursor(kind, args["cursor"])
    return of_rows([item for item in items if cursor is None or item.id > cursor], args, kind)


def of_rows(rows: list, args: dict, kind: str) -> dict:
    """The page of `rows` (one more than the limit when more follow), its cursor the last id shown."""
    limit = args["limit"]
    shown = rows[:limit]
    return page(shown, encode_cursor(kind, shown[-1].id) if len(rows) > limit else None)
