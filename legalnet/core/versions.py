"""Version counters of published content, kept in the database, and the page fragments cached under them.

A counter names a body of content (the public directory: firms, their coverage, offices and lawyers) and
the tables it is built from. Every transaction that writes to one of those tables, through the ORM or with an
INSERT, UPDATE or DELETE statement run by the session, adds one to the counter as it commits. A
fragment rendered from that content is cached under the counter's value, so the next commit makes every
cached copy unreachable at once, in every worker and process, whichever cache backend is configured: the
counter lives beside the data, not in the cache.
"""

from collections.abc import Callable

from sqlalchemy import DDL, Integer, String, event, inspect, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from legalnet.extensions import cache, db

# Content name -> the tables whose rows it is built from.
WATCHED: dict[str, frozenset[str]] = {}
# Table -> columns no content shows: an UPDATE (or a changed object) touching only these counts for nothing.
UNSEEN: dict[str, frozenset[str]] = {}


class ContentVersion(db.Model):
    """How many committed writes a body of published content has seen."""

    __tablename__ = "content_versions"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


def watch(name: str, tables, unseen: dict[str, set[str]] | None = None) -> None:
    """Count writes to `tables` (table names) under the content `name`; `unseen` names, per table, the columns
    the content never shows (counters, bookkeeping), whose changes alone are not counted."""
    WATCHED[name] = frozenset(tables)
    for table, columns in (unseen or {}).items():
        UNSEEN[table] = frozenset(columns)
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


def _note(session: Session, tables: set[str]) -> None:
    names = {name for name, watched in WATCHED.items() if watched & tables}
    if not names:
        return
    # Kept with the transaction they belong to: what a rolled-back transaction noted is never counted.
    root = session.get_transaction() or session.begin()  # a bulk statement may come before the transaction
    kept = session.info.get(CHANGED_KEY)
    if kept is None or kept[0] is not root:
        kept = session.info[CHANGED_KEY] = (root, set())
    kept[1].update(names)


CHANGED_KEY = "content_versions_changed"


def _changes_shown(obj) -> bool:
    # The attributes a flush is about to write are those with a remembered earlier value.
    unseen = UNSEEN.get(obj.__table__.name)
    return unseen is None or not set(inspect(obj).committed_state) <= unseen


@event.listens_for(Session, "after_flush")
def _note_flushed_writes(session, _context) -> None:
    changed = [*session.new, *session.deleted, *(obj for obj in session.dirty if hasattr(obj, "__table__")
                                                 and _changes_shown(obj))]
    _note(session, {obj.__table__.name for obj in changed if hasattr(obj, "__table__")})


@event.listens_for(Session, "do_orm_execute")
def _note_statement_writes(state) -> None:
    # Bulk inserts (the importer), counters and sweeps never pass through the flush.
    table = getattr(state.statement, "table", None)
    if not (state.is_insert or state.is_update or state.is_delete) or table is None:
        return
    if state.is_update and table.name in UNSEEN:
        # The SET list of update(...).values(...); when it cannot be read, the write is counted.
        columns = {getattr(key, "key", key) for key in getattr(state.statement, "_values", None) or {}}
        if columns and columns <= UNSEEN[table.name]:
            return
    _note(state.session, {table.name})


@event.listens_for(Session, "before_commit")
def _count_at_commit(session) -> None:
    # The counters are written last, just before the outermost COMMIT and once a transaction: a transaction
    # holds a counter's row lock only while it commits and never waits for another lock while holding it.
    if session.in_nested_transaction():
        return
    session.flush()
    kept = session.info.pop(CHANGED_KEY, None)
    if kept is not None and kept[0] is session.get_transaction():
        _bump(session, kept[1])
