"""Loading what a URL names, for views: the object when the signed-in user may see it, else 404, so that the
ids of other people's objects reveal nothing (not even that they exist)."""

from flask import abort
from flask_login import current_user

from legalnet.extensions import db


def visible_or_404(model, object_id: int, may_see=None, *options):
    """The `model` row with that id when `may_see(current_user, row)` holds (or no check is given); 404 else.
    `options` are loader options for the page, e.g. selectinload(...)."""
    return shown_or_404(db.session.get(model, object_id, options=options), may_see)


def shown_or_404(row, may_see=None):
    """`row` when it exists and `may_see(current_user, row)` holds (or no check is given); 404 else."""
    if row is None or (may_see is not None and not may_see(current_user, row)):
        abort(404)
    return row
