"""The vocabulary as the platform reads it now, for export: every code of every kind with its labels, the
aliases of the data files and the aliases staff taught (with who and when). `flask vocabulary export FILE`."""

import json
from dataclasses import asdict, is_dataclass

import click
from flask.cli import with_appcontext
from sqlalchemy.orm import selectinload

from legalnet.extensions import db
from legalnet.matching.models import TaughtAlias
from legalnet.matching.taught import sync_taught_aliases
from legalnet.matching.vocabulary import KINDS, get_vocabulary


def active_taught_aliases() -> dict[tuple[str, str], list[TaughtAlias]]:
    """The aliases staff taught and did not undo, by (kind, code), oldest first."""
    stmt = (db.select(TaughtAlias).where(TaughtAlias.removed_at.is_(None)).order_by(TaughtAlias.id)
            .options(selectinload(TaughtAlias.created_by)))
    out: dict[tuple[str, str], list[TaughtAlias]] = {}
    for alias in db.session.scalars(stmt):
        out.setdefault((alias.kind, alias.code), []).append(alias)
    return out


def vocabulary_document() -> dict:
    """Every kind of term with its entries as the resolver uses them; taught aliases are listed apart."""
    sync_taught_aliases()
    vocab = get_vocabulary()
    taught = active_taught_aliases()
    document: dict = {}
    for kind in KINDS:
        entries = []
        for code in vocab.codes(kind):
            entry = vocab.entry(kind, code)
            data = asdict(entry) if is_dataclass(entry) else dict(vars(entry))
            mine = taught.get((kind, code), [])
            names = {alias.alias for alias in mine}
            data["aliases"] = [name for name in data.get("aliases", []) if name not in names]
            data["taught"] = [{"alias": alias.alias, "taught_by": alias.created_by.email if alias.created_by else None,
                               "taught_at": alias.created_at.isoformat(timespec="seconds") + "Z"} for alias in mine]
            entries.append(data)
        document[kind] = {"entries": entries}
    return document


def taught_names(kind: str) -> dict[str, list[str]]:
    """Code -> the aliases staff taught for it, for one kind."""
    return {code: [alias.alias for alias in aliases]
            for (alias_kind, code), aliases in active_taught_aliases().items() if alias_kind == kind}


@click.group("vocabulary")
def vocabulary_cli():
    """The matching vocabulary."""


@vocabulary_cli.command("export")
@click.argument("target", type=click.File("w", encoding="utf-8"))
@with_appcontext
def export_command(target):
    """Write the vocabulary, taught aliases included, as JSON to TARGET (- for standard output)."""
    document = vocabulary_document()
    json.dump(document, target, ensure_ascii=False, indent=1)
    target.write("\n")
    count = sum(len(entry["taught"]) for kind in KINDS for entry in document[kind]["entries"])
    if target.name != "<stdout>":
        click.echo(f"Vocabulary written to {target.name} ({count} taught aliases).")
