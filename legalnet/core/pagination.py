"""Pages of a list in one statement: the rows of the page and, beside each, the length of the whole list
(`count(*) OVER ()`), instead of a page query and a separate count."""

from flask_sqlalchemy.pagination import SelectPagination
from sqlalchemy import func

from legalnet.extensions import db


class CountedPagination(SelectPagination):
    """Flask-SQLAlchemy's pagination, counting with the page's own query."""

    def _query_items(self) -> list:
        stmt = self._query_args["select"].add_columns(func.count().over().label("list_length"))
        rows = self._query_args["session"].execute(stmt.limit(self.per_page).offset(self._query_offset)).unique()
        rows = rows.all()
        # A page past the end has no row to read the length from; _query_count then asks for it.
        self._counted = rows[0][-1] if rows else None
        return [row[0] for row in rows]

    def _query_count(self) -> int:
        if self._counted is not None:
            return self._counted
        return super()._query_count()


def paginate(stmt, page: int, per_page: int) -> CountedPagination:
    """The `page`-th page (from 1; a page past the end is empty, not an error) of `stmt`, with its total."""
    return CountedPagination(select=stmt, session=db.session(), page=page, per_page=per_page, error_out=False)
