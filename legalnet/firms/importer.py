"""Bulk import and export of firms as JSON Lines or CSV (lists separated by ';'), upserting by e-mail.

A bad row is reported with its line number and never stops the rest; importing the same file twice
changes nothing. New firms and their code rows are inserted in bulk so that large files stay quick."""

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TextIO

from sqlalchemy import insert, select, text
from sqlalchemy.orm import selectinload

from legalnet.core import audit
from legalnet.extensions import db
from legalnet.firms.derived import COVERAGE_COLUMNS, code_list, search_key
from legalnet.firms.models import ConflictParty, Firm, FirmStatus
from legalnet.matching.conflicts import normalise_entity
from legalnet.matching.services import (
    CODE_TABLES,
    add_conflict_parties,
    resolve_codes_or_text,
    resolve_coverage,
    set_firm_coverage,
)
from legalnet.matching.taught import taught_aliases_held

FIELDS = ["name", "email", "local_name", "country", "jurisdictions", "practice_areas", "languages", "capacity",
          "status", "website", "description", "conflict_parties"]
LIST_FIELDS = ("jurisdictions", "practice_areas", "languages", "conflict_parties")
COVERAGE = ("jurisdictions", "practice_areas", "languages")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
BATCH_SIZE = 500


class RowError(ValueError):
    """A row that cannot be imported; the message says why."""


@dataclass
class ImportReport:
    """Counts of what an import did, and the rows it refused or only partly understood."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)

    @property
    def processed(self) -> int:
        """Rows imported in any way."""
        return self.created + self.updated + self.unchanged


@dataclass
class FirmRow:
    """One validated input row."""

    line: int
    values: dict
    status: FirmStatus | None


def split_list(value) -> list[str]:
    """A list field given as a JSON list or as text separated by ';'."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if v is not None and str(v).strip()]
    return [part.strip() for part in str(value).split(";") if part.strip()]


def read_rows(stream: TextIO, fmt: str) -> Iterator[tuple[int, dict | RowError]]:
    """Yield (line number, raw row or the reason it could not be read)."""
    if fmt == "jsonl":
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                yield number, RowError(f"not valid JSON ({error.msg})")
                continue
            yield number, row if isinstance(row, dict) else RowError("expected a JSON object")
    elif fmt == "csv":
        reader = csv.DictReader(stream)
        missing = {"name", "email"} - set(reader.fieldnames or [])
        if missing:
            yield 1, RowError(f"the header lacks the column(s): {', '.join(sorted(missing))}")
            return
        for row in reader:
            if None in row:
                yield reader.line_num, RowError("more values than columns in the header")
                continue
            yield reader.line_num, row
    else:
        raise ValueError(f"unknown format {fmt!r}; use jsonl or csv")


def parse_row(number: int, raw: dict) -> FirmRow:
    """Check one row and bring its values to the model's shape."""
    unknown = set(raw) - set(FIELDS) - {"id"}
    name = str(raw.get("name") or "").strip()
    email = str(raw.get("email") or "").strip().lower()
    if not email:
        raise RowError("the e-mail is missing")
    if not EMAIL_RE.match(email):
        raise RowError(f"{email!r} is not an e-mail address")
    if not name:
        raise RowError("the name is missing")
    capacity = raw.get("capacity")
    if capacity in (None, ""):
        capacity = None
    else:
        try:
            capacity = int(capacity)
        except (TypeError, ValueError):
            raise RowError(f"capacity must be a whole number, not {capacity!r}") from None
        if capacity < 0:
            raise RowError("capacity cannot be negative")
    status = raw.get("status")
    if status in (None, ""):
        status = None
    else:
        try:
            status = FirmStatus(str(status).strip().lower())
        except ValueError:
            allowed = ", ".join(s.value for s in FirmStatus)
            raise RowError(f"unknown status {status!r}; use one of {allowed}") from None
    values = {
        "name": name[:200],
        "email": email,
        "local_name": (str(raw.get("local_name") or "").strip() or None),
        "country": str(raw.get("country") or "").strip(),
        "website": str(raw.get("website") or "").strip(),
        "description": str(raw.get("description") or "").strip(),
        "capacity": capacity,
        **{key: split_list(raw.get(key)) for key in LIST_FIELDS},
    }
    row = FirmRow(line=number, values=values, status=status)
    if unknown:
        row.values["_unknown"] = sorted(unknown)
    return row


class _Resolver:
    """Resolves coverage lists with caches, since the same phrases repeat across thousands of rows: each
    distinct list of jurisdictions or practice areas is resolved once, languages once per jurisdictions they
    are read with (a shared name such as "Bahasa" depends on them), and each row's combination is kept."""

    def __init__(self):
        self.cache: dict[tuple, dict[str, tuple[list[str], list[str]]]] = {}
        self.lists: dict[tuple, tuple[list[str], list[str]]] = {}
        self.countries: dict[str, str] = {}
        self.entities: dict[str, str] = {}

    def entity(self, name: str) -> str:
        """The normalised form of a conflict-register name (the same companies recur across firms)."""
        found = self.entities.get(name)
        if found is None:
            if len(self.entities) >= 200_000:  # a bound on memory for very large files
                self.entities.clear()
            found = self.entities[name] = normalise_entity(name)
        return found

    def _resolved(self, key: tuple, jurisdictions, practice_areas, languages, kind: str):
        if key not in self.lists:
            resolved = resolve_coverage(jurisdictions, practice_areas, languages)[kind]
            self.lists[key] = (resolved.codes, resolved.unresolved)
        return self.lists[key]

    def coverage(self, values: dict) -> dict[str, tuple[list[str], list[str]]]:
        """(codes, unresolved texts) of a row's jurisdictions, practice areas and languages."""
        key = tuple(tuple(values[kind]) for kind in COVERAGE)
        if key not in self.cache:
            juris, areas, langs = key
            self.cache[key] = {
                "jurisdictions": self._resolved(("jurisdictions", juris), juris, [], [], "jurisdictions"),
                "practice_areas": self._resolved(("practice_areas", areas), [], areas, [], "practice_areas"),
                "languages": self._resolved(("languages", juris, langs), juris, [], langs, "languages"),
            }
        return self.cache[key]

    def country(self, text: str) -> str:
        """The jurisdiction code of a country name, or the text itself when it names none."""
        if text not in self.countries:
            codes = resolve_codes_or_text("jurisdictions", [text]).codes if text else []
            self.countries[text] = codes[0] if len(codes) == 1 else text[:80]
        return self.countries[text]


def _firm_state(firm: Firm) -> dict:
    """The imported fields of a stored firm, to tell whether a row changes it."""
    return {
        "name": firm.name, "local_name": firm.local_name, "country": firm.country, "website": firm.website,
        "description": firm.description, "capacity": firm.capacity, "status": firm.status,
        "raw_jurisdictions": list(firm.raw_jurisdictions or []),
        "raw_practice_areas": list(firm.raw_practice_areas or []), "raw_languages": list(firm.raw_languages or []),
        "conflicts": sorted(p.normalized_name for p in firm.conflict_parties),
    }


class FirmImporter:
    """Upserts validated rows batch by batch."""

    def __init__(self, default_status: FirmStatus | None, report: ImportReport):
        self.default_status = default_status
        self.report = report
        self.resolve = _Resolver()
        self.seen: dict[str, int] = {}

    def add(self, row: FirmRow) -> bool:
        """Accept a row for the next batch unless its e-mail already appeared in this file."""
        email = row.values["email"]
        if email in self.seen:
            self.report.errors.append((row.line, f"the e-mail {email} already appears on line {self.seen[email]}"))
            return False
        self.seen[email] = row.line
        if row.values.get("_unknown"):
            self.report.warnings.append((row.line, "ignored unknown field(s): " + ", ".join(row.values["_unknown"])))
        return True

    def flush(self, rows: list[FirmRow]) -> None:
        """Create or update the firms of one batch."""
        if not rows:
            return
        # The aliases staff taught are checked once a batch, not before each of its thousands of lists.
        with taught_aliases_held():
            self._flush(rows)

    def _flush(self, rows: list[FirmRow]) -> None:
        emails = [row.values["email"] for row in rows]
        existing = {
            firm.email: firm
            for firm in db.session.scalars(
                select(Firm).where(Firm.email.in_(emails)).options(
                    selectinload(Firm.jurisdictions), selectinload(Firm.practice_areas),
                    selectinload(Firm.languages), selectinload(Firm.conflict_parties),
                )
            )
        }
        new_rows = []
        for row in rows:
            for kind, (_codes, unresolved) in self.resolve.coverage(row.values).items():
                if unresolved:
                    self.report.warnings.append(
                        (row.line, f"{kind.replace('_', ' ')} not understood: " + "; ".join(unresolved)))
            firm = existing.get(row.values["email"])
            if firm is None:
                new_rows.append(row)
            else:
                self.update(firm, row)
        self.insert(new_rows)

    def update(self, firm: Firm, row: FirmRow) -> None:
        """Apply a row to a stored firm, counting it as updated only when something changed."""
        before = _firm_state(firm)
        values = row.values
        for key in ("name", "local_name", "website", "description"):
            setattr(firm, key, values[key])
        firm.country = self.resolve.country(values["country"])
        if values["capacity"] is not None:
            firm.capacity = values["capacity"]
        status = row.status or self.default_status
        if status is not None:
            firm.status = status
        set_firm_coverage(firm, values["jurisdictions"], values["practice_areas"], values["languages"])
        wanted = {normalise_entity(n) for n in values["conflict_parties"]} - {""}
        for party in [p for p in firm.conflict_parties if p.normalized_name not in wanted]:
            firm.conflict_parties.remove(party)
        add_conflict_parties(firm, values["conflict_parties"])
        if _firm_state(firm) == before:
            self.report.unchanged += 1
        else:
            self.report.updated += 1

    def insert(self, rows: list[FirmRow]) -> None:
        """Insert new firms and their code and conflict rows in bulk."""
        if not rows:
            return
        renewal = date.today() + timedelta(days=365)
        firm_values = []
        for row in rows:
            values = row.values
            status = row.status or self.default_status or FirmStatus.ACTIVE
            coverage = self.resolve.coverage(values)
            firm_values.append({
                "search_name": search_key(values["name"], values["local_name"]),
                **{column: code_list(coverage[kind][0]) for kind, column, _model in COVERAGE_COLUMNS},
                "name": values["name"], "local_name": values["local_name"], "email": values["email"],
                "country": self.resolve.country(values["country"]), "website": values["website"],
                "description": values["description"],
                "capacity": 5 if values["capacity"] is None else values["capacity"],
                "status": status, "renewal_date": renewal if status == FirmStatus.ACTIVE else None,
                "raw_jurisdictions": values["jurisdictions"], "raw_practice_areas": values["practice_areas"],
                "raw_languages": values["languages"],
            })
        ids = dict(db.session.execute(insert(Firm).returning(Firm.email, Firm.id), firm_values).all())
        children: dict[type, list[dict]] = {model: [] for model in CODE_TABLES.values()}
        parties = []
        for row in rows:
            firm_id = ids[row.values["email"]]
            for kind, (codes, _unresolved) in self.resolve.coverage(row.values).items():
                children[CODE_TABLES[kind]].extend({"firm_id": firm_id, "code": code} for code in codes)
            known = set()
            for name in row.values["conflict_parties"]:
                normalised = self.resolve.entity(name)
                if normalised and normalised not in known:
                    known.add(normalised)
                    parties.append({"firm_id": firm_id, "name": name[:300], "normalized_name": normalised[:300]})
        for model, values in children.items():
            if values:
                db.session.execute(insert(model), values)
        if parties:
            db.session.execute(insert(ConflictParty), parties)
        self.report.created += len(rows)


# After this many batches the planner's statistics of the firms table are refreshed (see refresh_statistics).
_ANALYZE_AFTER = frozenset(4**k for k in range(1, 8))


def refresh_statistics() -> None:
    """Let PostgreSQL's planner know how large the firms table has grown during an import: without fresh
    statistics it keeps reading the whole table to find a batch's e-mails, instead of using their index, and
    every batch gets slower than the one before. Other databases need nothing."""
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("ANALYZE firms"))


def import_firms(
    stream: TextIO,
    fmt: str,
    default_status: FirmStatus | None = None,
    actor=None,
    progress: Callable[[int], None] | None = None,
    on_batch: Callable[[], None] | None = None,
) -> ImportReport:
    """Upsert firms from a JSON Lines or CSV stream; the caller commits.

    Rows go to the database in batches of BATCH_SIZE (a few multi-row statements each); `on_batch` runs
    after each batch is flushed, so that a command line import can commit one transaction per batch."""
    report = ImportReport()
    importer = FirmImporter(default_status, report)
    batch: list[FirmRow] = []
    batches = 0
    for number, raw in read_rows(stream, fmt):
        if progress:
            progress(1)
        if isinstance(raw, RowError):
            report.errors.append((number, str(raw)))
            continue
        try:
            row = parse_row(number, raw)
        except RowError as error:
            report.errors.append((number, str(error)))
            continue
        if importer.add(row):
            batch.append(row)
        if len(batch) >= BATCH_SIZE:
            importer.flush(batch)
            batch = []
            db.session.flush()
            batches += 1
            if batches in _ANALYZE_AFTER:
                refresh_statistics()
            if on_batch:
                on_batch()
    importer.flush(batch)
    db.session.flush()
    audit.record(
        actor, "firms.imported", None,
        summary=f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged, "
                f"{len(report.errors)} refused",
    )
    return report


def firm_record(firm: Firm) -> dict:
    """A firm in the import format, with resolved codes."""
    return {
        "name": firm.name, "email": firm.email, "local_name": firm.local_name, "country": firm.country,
        "jurisdictions": firm.jurisdiction_codes, "practice_areas": firm.practice_area_codes,
        "languages": firm.language_codes, "capacity": firm.capacity, "status": firm.status.value,
        "website": firm.website, "description": firm.description,
        "conflict_parties": [party.name for party in firm.conflict_parties],
    }


def export_firms(stream: TextIO, fmt: str, statuses: list[FirmStatus] | None = None) -> int:
    """Write every firm (or those with the given statuses) in the import format; returns the count."""
    stmt = select(Firm).order_by(Firm.id).options(
        selectinload(Firm.jurisdictions), selectinload(Firm.practice_areas), selectinload(Firm.languages),
        selectinload(Firm.conflict_parties),
    ).execution_options(yield_per=500)
    if statuses:
        stmt = stmt.where(Firm.status.in_(statuses))
    writer = None
    if fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=FIELDS)
        writer.writeheader()
    elif fmt != "jsonl":
        raise ValueError(f"unknown format {fmt!r}; use jsonl or csv")
    count = 0
    for firm in db.session.scalars(stmt):
        record = firm_record(firm)
        if writer:
            writer.writerow({k: ";".join(v) if isinstance(v, list) else ("" if v is None else v)
                             for k, v in record.items()})
        else:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def format_for(filename: str) -> str:
    """The format a file name implies: csv for .csv, JSON Lines otherwise."""
    return "csv" if filename.lower().endswith(".csv") else "jsonl"


def decode_upload(data: bytes) -> io.StringIO:
    """Text of an uploaded file, accepting UTF-8 with or without a byte-order mark."""
    return io.StringIO(data.decode("utf-8-sig"))
