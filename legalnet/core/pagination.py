"""Pages of a list that count their rows only when the page itself cannot tell how many there are."""

from flask_sqlalchemy import SQLAlchemy
from flask_sqlalchemy.pagination import Pagination, SelectPagination


class CountWhenNeededPagination(SelectPagination):
    """A page of a SELECT's rows. A page with rows but fewer than a full page is the last one, so its rows tell
    the total and the COUNT query is left out; most lists of one user or one firm fit on their first page."""

    def _query_count(self) -> int:
        shown = len(self.items)
        if 0 < shown < self.per_page or (shown == 0 and self.page == 1):
            return (self.page - 1) * self.per_page + shown
        return super()._query_count()


class Database(SQLAlchemy):
    """Flask-SQLAlchemy whose `paginate` counts only when needed."""

    def paginate(self, select, *, page=None, per_page=None, max_per_page=None, error_out=True,
                 count=True) -> Pagination:
        """A page of the rows of `select`, as Flask-SQLAlchemy's `paginate`."""
        return CountWhenNeededPagination(select=select, session=self.session(), page=page, per_page=per_page,
                                         max_per_page=max_per_page, error_out=error_out, count=count)
