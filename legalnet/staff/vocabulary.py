"""The vocabulary staff can teach: the terms recent requests left unresolved, most frequent first, with the
resolver's suggestions; mapping one to a code (an alias stored with who and when, audited) and undoing it.
Services flush, never commit."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import func
from sqlalchemy.orm import selectinload

from legalnet.core.audit import record
from legalnet.core.errors import InvalidTransition, NotAllowed, ValidationFailed
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.matching.models import TaughtAlias, UnresolvedTerm
from legalnet.matching.services import label, resolve_terms, vocabulary_choices
from legalnet.matching.vocabulary import KINDS, get_vocabulary, normalise

# Terms of requests submitted within this many days count as recent.
RECENT_DAYS = 90
# The page lists this many terms, the most frequent ones (each costs a fuzzy search for its suggestions).
TERMS_SHOWN = 50
TAUGHT_SHOWN = 100
ALIAS_MAX = 200

KIND_LABELS = {
    "jurisdictions": _l("Jurisdictions"),
    "practice_areas": _l("Practice areas"),
    "languages": _l("Languages"),
}


def can_teach_vocabulary(user) -> bool:
    """Centre staff teach the vocabulary."""
    return bool(user.is_authenticated and user.is_staff)


def kind_label(kind: str) -> str:
    """The translated name of a kind of term."""
    return str(KIND_LABELS.get(kind, kind))


def target_value(kind: str, code: str) -> str:
    """How a (kind, code) pair travels in a form."""
    return f"{kind}:{code}"


def target_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """Every code of every kind, grouped by kind, for the "map to" list."""
    return [(kind_label(kind), [(target_value(kind, code), name) for code, name in vocabulary_choices(kind)])
            for kind in KINDS]


@dataclass
class TermRow:
    """One unresolved term on the page: how often recent requests used it and what it might mean."""

    kind: str
    text: str
    normalized: str
    requests: int
    last_seen: datetime
    # (form value, label) of the codes the resolver suggests.
    suggestions: list[tuple[str, str]] = field(default_factory=list)
    # Labels of the codes the vocabulary reads the term as now (e.g. after the data files gained it).
    now_read_as: list[str] = field(default_factory=list)


def _untaught_since(days: int, now: datetime | None):
    """Conditions selecting terms of the last `days` that nobody taught since."""
    since = (now or utcnow()) - timedelta(days=days)
    taught = db.select(TaughtAlias.id).where(TaughtAlias.normalized == UnresolvedTerm.normalized,
                                             TaughtAlias.removed_at.is_(None)).exists()
    return UnresolvedTerm.created_at >= since, ~taught


def unresolved_term_count(days: int = RECENT_DAYS, now: datetime | None = None) -> int:
    """How many distinct terms the page could list."""
    terms = (db.select(UnresolvedTerm.kind, UnresolvedTerm.normalized).where(*_untaught_since(days, now))
             .group_by(UnresolvedTerm.kind, UnresolvedTerm.normalized).subquery())
    return db.session.scalar(db.select(func.count()).select_from(terms))


def unresolved_terms(days: int = RECENT_DAYS, limit: int = TERMS_SHOWN, now: datetime | None = None) -> list[TermRow]:
    """The terms requests of the last `days` left unresolved and nobody taught since, most frequent first."""
    requests = func.count(func.distinct(UnresolvedTerm.request_id))
    last_seen = func.max(UnresolvedTerm.created_at)
    stmt = (
        db.select(UnresolvedTerm.kind, UnresolvedTerm.normalized, func.min(UnresolvedTerm.text), requests, last_seen)
        .where(*_untaught_since(days, now))
        .group_by(UnresolvedTerm.kind, UnresolvedTerm.normalized)
        .order_by(requests.desc(), last_seen.desc(), UnresolvedTerm.normalized)
        .limit(limit)
    )
    rows = [TermRow(kind, text, normalized, count, seen)
            for kind, normalized, text, count, seen in db.session.execute(stmt)]
    for row in rows:
        resolution = resolve_terms(row.kind, [row.text])
        if resolution.codes:
            row.now_read_as = [label(row.kind, code) for code in resolution.codes]
            continue
        row.suggestions = [(target_value(row.kind, code), label(row.kind, code))
                           for code in resolution.suggestions.get(row.text, []) if get_vocabulary().has(row.kind, code)]
    return rows


def taught_aliases(limit: int = TAUGHT_SHOWN) -> list[TaughtAlias]:
    """The aliases staff taught, newest first, with who taught and who undid them."""
    stmt = (db.select(TaughtAlias).order_by(TaughtAlias.id.desc()).limit(limit)
            .options(selectinload(TaughtAlias.created_by), selectinload(TaughtAlias.removed_by)))
    return list(db.session.scalars(stmt))


def parse_target(value: str) -> tuple[str, str]:
    """(kind, code) of a "kind:code" form value; ValidationFailed when it names no vocabulary code."""
    kind, _sep, code = (value or "").partition(":")
    if kind not in KINDS or not get_vocabulary().has(kind, code):
        raise ValidationFailed(_l("Choose a jurisdiction, practice area or language to map the term to."))
    return kind, code


def teach_alias(user, text: str, target: str) -> TaughtAlias:
    """Map a term to a vocabulary code for every worker at once; audited."""
    if not can_teach_vocabulary(user):
        raise NotAllowed(_l("Only centre staff can teach the vocabulary."))
    text = " ".join((text or "").split())
    if not normalise(text):
        raise ValidationFailed(_l("The term is empty: type the words a client used."))
    if len(text) > ALIAS_MAX:
        raise ValidationFailed(_l("A term has at most %(n)d characters.", n=ALIAS_MAX))
    kind, code = parse_target(target)
    normalized = normalise(text)
    existing = db.session.scalar(db.select(TaughtAlias).where(TaughtAlias.normalized == normalized,
                                                              TaughtAlias.removed_at.is_(None)))
    if existing is not None:
        raise ValidationFailed(_l("“%(term)s” is already mapped to %(code)s; undo that first.", term=text,
                                  code=label(existing.kind, existing.code)))
    if code in resolve_terms(kind, [text]).codes:
        raise ValidationFailed(_l("“%(term)s” is already read as %(code)s.", term=text, code=label(kind, code)))
    alias = TaughtAlias(kind=kind, code=code, alias=text, normalized=normalized, created_by_id=user.id)
    db.session.add(alias)
    db.session.flush()
    record(user, "vocabulary.alias_taught", alias, f"“{text}” → {kind} {code}")
    return alias


def undo_alias(user, alias: TaughtAlias) -> None:
    """Stop using a taught alias (every worker drops it on its next request); audited."""
    if not can_teach_vocabulary(user):
        raise NotAllowed(_l("Only centre staff can teach the vocabulary."))
    if alias.removed_at is not None:
        raise InvalidTransition(_l("This mapping was undone already."))
    alias.removed_at = utcnow()
    alias.removed_by_id = user.id
    db.session.flush()
    record(user, "vocabulary.alias_undone", alias, f"“{alias.alias}” → {alias.kind} {alias.code} undone")
