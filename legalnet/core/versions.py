"""Version counters of published content, kept in the database, and the page fragments cached under them.

A counter names a body of content (the public directory: firms, their coverage, offices and lawyers) and
the tables it is built from. Every transaction that writes to one of those tables, through the ORM or with an
INSERT, UPDATE or DELETE statement run by the session, adds one to the counter in the same transaction. A
fragment rendered from that content is cached under the counter's value, so the next commit makes every
cached copy unreachable at once, in every worker and process, whichever cache backend is configured: the
counter lives beside the data, not in the cache.
"""

from collections.abc import Callable

from sqlalchemy import DDL, Integer, String, event, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from legalnet.extensions import cache, db

# Content name -> the tables whose rows it is built from.
WATCHED: dict[str, frozenset[str]] = {}


class ContentVersion(db.Model):
    """How many committed writes a body of published content has seen."""

    __tablename__ = "content_versions"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


def watch(name: str, tables) -> None:
    """Count writes to `tables` (table names) under the content `name`."""
    WATCHED[name] = frozenset(tables)
    # A schema created from the models (tests, `db.create_all()`) starts with the row the migration inserts.
    event.listen(ContentVersion.__table__, "after_create",
                 DDL(f"INSERT INTO content_versions (name, version) VALUES ('{name}', 0)"))


def version_of(name: str) -> int:
    """The current version of the content `name` (0 before its first counted write)."""
    found = db.session.connection().execute(
        select(ContentVersion.version).where(ContentVersion.name == name)).scalar()
    return found or 0


def cached(name: str, key: tuple, compute: Callable[[], object]):
    """What `compute()` gives for `key` (a rendered fragment, say), cached while the content `name` is
    unchanged; a None result is not kept."""
    cache_key = f"content:{name}:{version_of(name)}:{key!r}"
    found = cache.get(cache_key)
    if found is None:
        found = compute()
        if found is not None:
            cache.set(cache_key, found)
    return found


def _bump(session: Session, names: set[str]) -> None:
    connection = session.connection()
    for name in sorted(names):
        counted = connection.execute(update(ContentVersion).where(ContentVersion.name == name)
                                     .values(version=ContentVersion.version + 1))
        if counted.rowcount == 0:
            connection.execute(ContentVersion.__table__.insert().values(name=name, version=1))


def _names_of_tables(tables: set[str]) -> set[str]:
    return {name for name, watched in WATCHED.items() if watched & tables}


@event.listens_for(Session, "after_flush")
def _count_flushed_writes(session, _context) -> None:
    tables = {obj.__table__.name for obj in (*session.new, *session.dirty, *session.deleted)
              if hasattr(obj, "__table__")}
    names = _names_of_tables(tables)
    if names:
        _bump(session, names)


@event.listens_for(Session, "do_orm_execute")
def _count_statement_writes(state) -> None:
    # Bulk inserts (the importer), counters and sweeps never pass through the flush.
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    names = _names_of_tables({table.name}) if table is not None else set()
    if names:
        _bump(state.session, names)
