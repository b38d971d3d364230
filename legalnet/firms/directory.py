"""The public directory: active member firms filtered by coverage and searched by name through an index.

Names are normalised on write (`Firm.search_name`, see derived.py). A search asks the database for the few
dozen firms whose names can fit: on PostgreSQL through the pg_trgm GIN index (`<%`, word similarity), on
SQLite through an FTS5 trigram table (`firm_names`), and where neither exists by counting the query's
trigrams in the stored names in SQL.
Python re-ranks only those candidates with rapidfuzz."""

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from sqlalchemy import case, event, func, literal, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import load_only, selectinload

from legalnet.core.versions import watch
from legalnet.extensions import db
from legalnet.firms.derived import NAME_SEPARATOR, normalise_name
from legalnet.firms.models import (
    BarAdmission,
    Firm,
    FirmJurisdiction,
    FirmLanguage,
    FirmPracticeArea,
    FirmStatus,
    Lawyer,
    Office,
)
from legalnet.matching.models import TaughtAlias
from legalnet.matching.services import labels, resolve_request

DIRECTORY_PAGE_SIZE = 20
NAME_CUTOFF = 80
# Firms whose name contains the search text all score 100; beyond this many the list is cut (still by name).
EXACT_LIMIT = 1000
# How many near misses (typos, fragments) Python re-ranks; the database orders them by trigram similarity.
FUZZY_CANDIDATES = 200
# Share of the search's trigrams that must appear in a name for the plain-SQL prefilter to keep it.
TRIGRAM_SHARE = 0.5
TRIGRAM_INDEX = "ix_firms_search_name_trgm"
SQLITE_INDEX = "firm_names"
# Words that say "law firm" in any form, and the "and" of "Tan & Koh"; they carry no meaning when telling
# firms apart by name.
_FILLER_RE = re.compile(
    r"\b(and|llc|llp|ltd|limited|pte|sdn|bhd|co|company|law|laws|firm|lawyers|legal|advocates|solicitors|"
    r"attorneys|partners|associates)\b|律师事务所|律師事務所|律师行|律師行|事务所|事務所"
)
# Words that join the terms of a search ("arbitration in Singapore") and say nothing about a firm's name.
_JOINING_RE = re.compile(r"\b(in|and|of|for|the|a|an|with|at|on|or|lawyer|lawyers|firms?)\b|[的和与與在及或]")
KIND_FIELDS = (("jurisdictions", FirmJurisdiction), ("practice_areas", FirmPracticeArea), ("languages", FirmLanguage))

# What the directory and the public profiles show is built from these tables (and a search is read with the
# aliases staff have taught): a write to any of them makes every cached directory page and profile stale.
# Writes to a firm's workload and track record alone (every offer and answer changes them) leave it as it is.
watch("directory", [model.__tablename__ for model in (
    Firm, FirmJurisdiction, FirmPracticeArea, FirmLanguage, Office, Lawyer, BarAdmission, TaughtAlias)],
    unseen={Firm.__tablename__: {"open_cases", "offers_accepted", "offers_declined", "offers_expired",
                                 "response_hours_total", "rating_total", "rating_count", "last_referred_at",
                                 "recent_referrals", "capacity", "renewal_date", "updated_at"}})
# How similar (0 to 1) a search must be to some stretch of a name for the trigram index to return it: lower
# than pg_trgm's default (0.6) so that a typo in a short word ("Wijya" for "Wijaya", 0.5) is still found.
WORD_SIMILARITY = 0.45
# Whether each database has the trigram index, asked once per engine.
_has_trigram_index: dict[str, bool] = {}


def _core_name(norm: str) -> str:
    """A normalised name without the generic words every firm name carries."""
    return " ".join(_FILLER_RE.sub(" ", norm).split()) or norm


def name_score(query: str, *names: str | None) -> float:
    """How well `query` fits any of the firm's names, 0 to 100."""
    return _normalised_score(normalise_name(query), [normalise_name(name or "") for name in names])


def _normalised_score(q: str, names: list[str]) -> float:
    """`name_score` of a normalised query against normalised names (the stored search text holds them)."""
    if not q:
        return 0.0
    best = 0.0
    core_q = _core_name(q)
    for n in names:
        if not n:
            continue
        if q in n:
            return 100.0
        core_n = _core_name(n)
        score = max(fuzz.token_set_ratio(q, n), fuzz.token_set_ratio(core_q, core_n))
        if 3 <= len(core_q) <= len(core_n):
            # A typed fragment of a long name ("Qianhai Harbur") should still find it; a query longer than
            # the name is not a fragment of it ("Bangkok" is not "Angkor").
            score = max(score, fuzz.partial_ratio(core_q, core_n) * 0.95)
        best = max(best, score)
    return best


@dataclass
class DirectoryPage:
    """One page of directory results, with the vocabulary terms the free text was read as (if any)."""

    items: list[Firm]
    page: int
    per_page: int
    total: int
    terms: dict[str, list[str]] = field(default_factory=dict)
    name_matches: int = 0

    @property
    def pages(self) -> int:
        """How many pages there are."""
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self) -> bool:
        """Whether a previous page exists."""
        return self.page > 1

    @property
    def has_next(self) -> bool:
        """Whether a next page exists."""
        return self.page < self.pages


def directory_filter(jurisdiction: str = "", practice_area: str = "", language: str = ""):
    """The SQL condition for active firms covering the chosen jurisdiction, practice area and language."""
    conditions = [Firm.status == FirmStatus.ACTIVE]
    for model, code in ((FirmJurisdiction, jurisdiction), (FirmPracticeArea, practice_area),
                        (FirmLanguage, language)):
        if code:
            conditions.append(db.select(model.firm_id).where(model.firm_id == Firm.id, model.code == code).exists())
    return conditions


def read_query(query: str) -> tuple[dict[str, list[str]], str]:
    """The vocabulary terms a directory search names ("越南", "trade marks", "arbitration in Singapore") by
    kind, and the rest of the text once those terms, joining words and words like "law firm" are taken out
    (empty when the search is only terms)."""
    resolution = resolve_request(query, None)
    terms = {kind: list(getattr(resolution, kind)) for kind, _model in KIND_FIELDS}
    rest = query
    for sources in resolution.sources.values():
        for source in sorted(set(sources.values()), key=len, reverse=True):
            rest = re.sub(re.escape(source), " ", rest, flags=re.IGNORECASE)
    rest = normalise_name(rest)
    rest = " ".join(_JOINING_RE.sub(" ", _FILLER_RE.sub(" ", rest)).split())
    return {kind: codes for kind, codes in terms.items() if codes}, rest


@event.listens_for(Engine, "connect")
def _set_trigram_threshold(dbapi_connection, _record) -> None:
    """Set the word-similarity threshold once per new PostgreSQL connection, not once per search."""
    if type(dbapi_connection).__module__.startswith("psycopg"):
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET pg_trgm.word_similarity_threshold = {WORD_SIMILARITY}")
        dbapi_connection.commit()


def trigram_index_available() -> bool:
    """Whether the database has a trigram index over firm names: pg_trgm's on PostgreSQL, FTS5's on SQLite."""
    engine = db.engine
    key = engine.url.render_as_string(hide_password=True)
    if key not in _has_trigram_index:
        found = False
        if engine.dialect.name == "postgresql":
            found = db.session.scalar(text("SELECT 1 FROM pg_indexes WHERE indexname = :name"),
                                      {"name": TRIGRAM_INDEX}) is not None
        elif engine.dialect.name == "sqlite":
            found = db.session.scalar(text("SELECT 1 FROM sqlite_master WHERE name = :name"),
                                      {"name": SQLITE_INDEX}) is not None
        _has_trigram_index[key] = found
    return _has_trigram_index[key]


def _trigrams(word: str) -> list[str]:
    """The trigrams of one word padded by a space each side, as they appear in a stored name."""
    padded = f" {word} "
    return list(dict.fromkeys(padded[i:i + 3] for i in range(len(padded) - 2)))


def _fuzzy_filter(core: str):
    """(condition, similarity) keeping names that hold something like the search text (typos, fragments)."""
    trigrams = list(dict.fromkeys(t for word in core.split() for t in _trigrams(word)))
    if trigram_index_available():
        if db.engine.dialect.name == "postgresql":
            # `text <% name`: the text is similar to some stretch of the name; served by the GIN trigram index.
            return literal(core).op("<%")(Firm.search_name), func.word_similarity(core, Firm.search_name)
        if trigrams:
            # FTS5 ranks the names holding most of the search's trigrams (bm25); Python re-ranks them.
            best = text(f"SELECT rowid FROM {SQLITE_INDEX} WHERE {SQLITE_INDEX} MATCH :trigrams ORDER BY rank "
                        "LIMIT :candidates").bindparams(
                trigrams=" OR ".join(f'"{t}"' for t in trigrams), candidates=FUZZY_CANDIDATES)
            return Firm.id.in_(best), literal(0)
    position = func.strpos if db.engine.dialect.name == "postgresql" else func.instr
    padded = literal(" ").concat(Firm.search_name).concat(" ")
    hits = sum((case((position(padded, t) > 0, 1), else_=0) for t in trigrams), literal(0))
    return hits >= TRIGRAM_SHARE * len(trigrams), hits


def _worth_fuzzy(core: str) -> bool:
    """Whether a search is long enough for near misses to mean anything: four letters in Latin script (a typo
    in "Ong" finds every name with "on" in it, slowly), two characters in scripts that write a word in two."""
    letters = core.replace(" ", "")
    if any(not ("a" <= ch <= "z" or ch.isdigit()) for ch in letters):
        return len(letters) >= 2
    return len(letters) >= 4


def _names_matching(query: str, conditions) -> list[int]:
    """Ids of the firms (among `conditions`) whose name fits `query`, best first."""
    q = normalise_name(query)
    if not q:
        return []
    columns = (Firm.id, Firm.name, Firm.local_name)
    contains = Firm.search_name.contains(q, autoescape=True)
    exact = db.session.execute(
        db.select(*columns).where(*conditions, contains).order_by(Firm.search_name, Firm.id).limit(EXACT_LIMIT)
    ).all()
    scored = [(100.0, name.casefold(), firm_id) for firm_id, name, _local in exact]
    core = _core_name(q)
    if _worth_fuzzy(core):
        condition, similarity = _fuzzy_filter(core)
        near = db.session.execute(
            db.select(Firm.id, Firm.name, Firm.search_name).where(*conditions, ~contains, condition)
            .order_by(similarity.desc(), Firm.id).limit(FUZZY_CANDIDATES)
        ).all()
        for firm_id, name, search_name in near:
            # The names as stored normalised on write: scoring a few hundred does not normalise them again.
            score = _normalised_score(q, search_name.split(NAME_SEPARATOR))
            if score >= NAME_CUTOFF:
                scored.append((score, name.casefold(), firm_id))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    return [firm_id for _score, _name, firm_id in scored]


def _page_of(firm_ids: list[int], load) -> list[Firm]:
    """The firms with these ids, in this order, with what the directory shows of them."""
    # Fresh rows even for firms the session already holds (the signed-in member's own firm): cached pages are
    # stored under the version read at the start, and must not show anything older.
    stmt = db.select(Firm).where(Firm.id.in_(firm_ids)).options(*load).execution_options(populate_existing=True)
    firms = {f.id: f for f in db.session.scalars(stmt)}
    return [firms[i] for i in firm_ids if i in firms]


# What a directory card shows of a firm.
CARD_COLUMNS = (Firm.id, Firm.name, Firm.local_name, Firm.jurisdiction_list, Firm.practice_area_list,
                Firm.language_list)


def search_directory(query: str = "", jurisdiction: str = "", practice_area: str = "", language: str = "",
                     page: int = 1, per_page: int = DIRECTORY_PAGE_SIZE, names_only: bool = False,
                     cards_only: bool = False) -> DirectoryPage:
    """Active member firms, filtered by coverage in SQL and by free text.

    The text is read two ways and the results are combined: firms whose name fits it (fuzzy, best first),
    then firms covering every vocabulary term it names ("越南 商标": Vietnam and intellectual property), whose
    names must also fit whatever else was typed ("Qianhai Harbour": in China, named like "Harbour").
    `names_only` skips the terms. Only pages of firms are loaded; counting and paging by name happen in SQL.
    `cards_only` loads only the columns a directory card shows (any other column raises when read)."""
    page = max(page, 1)
    start, stop = (page - 1) * per_page, page * per_page
    conditions = directory_filter(jurisdiction, practice_area, language)
    # Coverage comes from the firm's own row (Firm.jurisdiction_codes and the like); offices are loaded.
    load = (selectinload(Firm.offices),)
    if cards_only:
        load = (*load, load_only(*CARD_COLUMNS, raiseload=True))
    # By normalised name (case, width and accents folded), which the index (status, search_name, id) serves.
    by_name_order = (Firm.search_name, Firm.id)
    if not query.strip():
        total = db.session.scalar(db.select(func.count()).select_from(Firm).where(*conditions))
        items = db.session.scalars(
            db.select(Firm).where(*conditions).options(*load).order_by(*by_name_order).limit(per_page).offset(start)
        ).all()
        return DirectoryPage(list(items), page, per_page, total)
    by_name = _names_matching(query, conditions)
    terms, rest = ({}, "") if names_only else read_query(query)
    page_ids = by_name[start:stop]
    total = len(by_name)
    if terms:
        covering = [db.select(model.firm_id).where(model.firm_id == Firm.id, model.code == code).exists()
                    for kind, model in KIND_FIELDS for code in terms.get(kind, ())]
        if rest:
            seen = set(by_name)
            ranked = by_name + [i for i in _names_matching(rest, [*conditions, *covering]) if i not in seen]
            page_ids, total = ranked[start:stop], len(ranked)
        else:
            # Every firm covering the terms, by name, after the name matches: counted and paged in SQL.
            others = [*conditions, *covering, Firm.id.not_in(by_name)]
            total += db.session.scalar(db.select(func.count()).select_from(Firm).where(*others))
            if len(page_ids) < per_page:
                page_ids = page_ids + list(db.session.scalars(
                    db.select(Firm.id).where(*others).order_by(*by_name_order)
                    .offset(max(0, start - len(by_name))).limit(per_page - len(page_ids))))
    return DirectoryPage(_page_of(page_ids, load), page, per_page, total, terms=terms, name_matches=len(by_name))


def public_firm(firm_id: int) -> Firm | None:
    """An active member firm by id, or None for any other firm (which the public must not see)."""
    return db.session.scalar(
        db.select(Firm).where(Firm.id == firm_id, Firm.status == FirmStatus.ACTIVE).options(
            selectinload(Firm.offices), selectinload(Firm.lawyers).selectinload(Lawyer.bar_admissions))
        .execution_options(populate_existing=True)  # fresh even when the session holds the firm (see _page_of)
    )


def coverage_labels(firm: Firm, locale: str | None = None) -> dict[str, list[str]]:
    """The firm's jurisdictions, practice areas and languages as readable labels."""
    return {
        "jurisdictions": labels("jurisdictions", firm.jurisdiction_codes, locale),
        "practice_areas": labels("practice_areas", firm.practice_area_codes, locale),
        "languages": labels("languages", firm.language_codes, locale),
    }
