"""Aliases staff taught the vocabulary, kept in the database and applied to this process's vocabulary.

Every worker checks, before it resolves anything, one cheap aggregate of the `taught_aliases` table (the
version). When it differs from what the worker last applied, the worker adds the new aliases to its vocabulary
and drops the undone ones, so a mapping made on one worker is used by all of them on their next request,
without a restart and without state shared between processes."""

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from flask import has_app_context
from sqlalchemy import func, select

from legalnet.extensions import db
from legalnet.matching.models import TaughtAlias
from legalnet.matching.vocabulary import KINDS, Vocabulary, get_vocabulary, normalise

log = logging.getLogger(__name__)

# Rows are never deleted (undoing sets removed_at) and ids only grow, so any teaching or undoing changes one of
# these; the timestamps also tell apart two databases that were emptied and refilled (as tests do).
VERSION_STATEMENT = select(
    func.count(TaughtAlias.id), func.max(TaughtAlias.id), func.count(TaughtAlias.removed_at),
    func.max(TaughtAlias.created_at), func.max(TaughtAlias.removed_at),
)
ACTIVE_STATEMENT = select(TaughtAlias.kind, TaughtAlias.code, TaughtAlias.alias).where(
    TaughtAlias.removed_at.is_(None)).order_by(TaughtAlias.id)

_lock = threading.Lock()
_version: tuple | None = None
# (kind, code, alias) that this process added to its vocabulary; only these are ever dropped again, so undoing
# a taught alias never removes a name the data files carry too.
_applied: set[tuple[str, str, str]] = set()
_vocabulary_id: int | None = None
# Set inside `taught_aliases_held()`: a bulk job checked once at its start and does not ask again per item.
_held: ContextVar[bool] = ContextVar("taught_aliases_held", default=False)


def taught_version() -> tuple:
    """The current version of the taught aliases in the database."""
    # Resolving happens while callers build objects (imports, intake): reading must not flush them half-made.
    with db.session.no_autoflush:
        return tuple(db.session.execute(VERSION_STATEMENT).one())


def sync_taught_aliases() -> bool:
    """Bring this process's vocabulary in line with the taught aliases in the database; True when it changed.

    Outside an application (the engine used on its own) there is no database and nothing to do."""
    global _version, _vocabulary_id
    if not has_app_context() or _held.get():
        return False
    version = taught_version()
    vocab = get_vocabulary()
    if version == _version and id(vocab) == _vocabulary_id:
        return False
    with _lock:
        if id(vocab) != _vocabulary_id:
            # A freshly loaded vocabulary carries none of this process's additions.
            _applied.clear()
        with db.session.no_autoflush:
            wanted = {tuple(row) for row in db.session.execute(ACTIVE_STATEMENT)}
        changed = _apply(vocab, sorted(wanted - _applied), sorted(_applied - wanted))
        _version, _vocabulary_id = version, id(vocab)
        return changed


def _apply(vocab: Vocabulary, added: list[tuple[str, str, str]], dropped: list[tuple[str, str, str]]) -> bool:
    """Add and drop taught aliases in the vocabulary, rebuilding its indexes once (which also bumps its version
    so that the resolver's index follows)."""
    _applied.difference_update(dropped)
    known = []
    for kind, code, alias in added:
        if kind not in KINDS or not vocab.has(kind, code) or not normalise(alias):
            # The data files may have dropped a code since the alias was taught: skip it, never fail requests.
            log.warning("taught alias %r for %s %s skipped: unknown code", alias, kind, code)
            continue
        known.append((kind, code, alias))
    added_now, dropped_now = vocab.change_aliases(known, dropped)
    # Only aliases added here are dropped again, so undoing never removes a name the data files carry.
    _applied.update(added_now)
    return bool(added_now or dropped_now)


@contextmanager
def taught_aliases_held() -> Iterator[None]:
    """Within the block the taught aliases are brought in line once, at its start, and not checked again: an
    import resolving thousands of lists would otherwise ask the database before each one."""
    sync_taught_aliases()
    token = _held.set(True)
    try:
        yield
    finally:
        _held.reset(token)
