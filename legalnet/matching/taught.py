"""Aliases staff taught the vocabulary, kept in the database and applied to this process's vocabulary.

Every worker checks, before it resolves anything, one cheap aggregate of the `taught_aliases` table (the
version). When it differs from what the worker last applied, the worker adds the new aliases to its vocabulary
and drops the undone ones, so a mapping made on one worker is used by all of them on their next request,
without a restart and without state shared between processes."""

import logging
import threading

from flask import has_app_context
from sqlalchemy import func, select

from legalnet.extensions import db
from legalnet.matching.models import TaughtAlias
from legalnet.matching.vocabulary import Vocabulary, get_vocabulary

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


def taught_version() -> tuple:
    """The current version of the taught aliases in the database."""
    return tuple(db.session.execute(VERSION_STATEMENT).one())


def sync_taught_aliases() -> bool:
    """Bring this process's vocabulary in line with the taught aliases in the database; True when it changed.

    Outside an application (the engine used on its own) there is no database and nothing to do."""
    global _version, _vocabulary_id
    if not has_app_context():
        return False
    version = taught_version()
    vocab = get_vocabulary()
    if version == _version and id(vocab) == _vocabulary_id:
        return False
    with _lock:
        if id(vocab) != _vocabulary_id:
            # A freshly loaded vocabulary carries none of this process's additions.
            _applied.clear()
        wanted = {tuple(row) for row in db.session.execute(ACTIVE_STATEMENT)}
        changed = False
        for kind, code, alias in sorted(_applied - wanted):
            _drop_alias(vocab, kind, code, alias)
            _applied.discard((kind, code, alias))
            changed = True
        for kind, code, alias in sorted(wanted - _applied):
            if _add_alias(vocab, kind, code, alias):
                _applied.add((kind, code, alias))
                changed = True
        _version, _vocabulary_id = version, id(vocab)
        return changed


def _add_alias(vocab: Vocabulary, kind: str, code: str, alias: str) -> bool:
    """Add one taught alias; False when the vocabulary has it already or no longer knows the code."""
    try:
        if alias in vocab.entry(kind, code).aliases:
            return False
        vocab.add_alias(kind, code, alias)
    except (KeyError, ValueError) as error:
        # The data files may have dropped a code since the alias was taught: skip it rather than fail requests.
        log.warning("taught alias %r for %s %s skipped: %s", alias, kind, code, error)
        return False
    return True


def _drop_alias(vocab: Vocabulary, kind: str, code: str, alias: str) -> None:
    """Remove an alias this process added earlier and rebuild the vocabulary's indexes."""
    try:
        entry = vocab.entry(kind, code)
    except (KeyError, ValueError):
        return
    # The vocabulary has no public way to remove an alias: take it out of the entry and rebuild its indexes,
    # which also bumps its version so that the resolver's index follows.
    with vocab._lock:
        if alias in entry.aliases:
            entry.aliases.remove(alias)
        vocab._rebuild()
