"""Pages of a list that count their rows only when the page itself cannot tell how many there are, from
statements that may be built once with bound parameters given per call."""

import sqlalchemy as sa
from flask_sqlalchemy import SQLAlchemy
from flask_sqlalchemy.pagination import Pagination, SelectPagination
from sqlalchemy.orm import lazyload


class CountWhenNeededPagination(SelectPagination):
    """A page of a SELECT's rows. A page with rows but fewer than a full page is the last one, so its rows tell
    the total and the COUNT query is left out; most lists of one user or one firm fit on their first page."""

    def _query_items(self) -> list:
        select = self._query_args["select"].limit(self.per_page).offset(self._query_offset)
        return list(self._query_args["session"].execute(select, self._query_args["params"]).unique().scalars())

    def _query_count(self) -> int:
        shown = len(self.items)
        if 0 < shown < self.per_page or (shown == 0 and self.page == 1):
            return (self.page - 1) * self.per_page + shown
        rows = self._query_args["select"].options(lazyload("*")).order_by(None).subquery()
        return self._query_args["session"].execute(sa.select(sa.func.count()).select_from(rows),
                                                   self._query_args["params"]).scalar()


class Database(SQLAlchemy):
    """Flask-SQLAlchemy whose `paginate` counts only when needed."""

    def paginate(self, select, *, page=None, per_page=None, max_per_page=None, error_out=True,
                 count=True, params=None) -> Pagination:
        """A page of the rows of `select`, as Flask-SQLAlchemy's `paginate`; `params` are its bound values."""
        return CountWhenNeededPagination(select=select, session=self.session(), page=page, per_page=per_page,
                                         max_per_page=max_per_page, error_out=error_out, count=count,
                                         params=params or {})
