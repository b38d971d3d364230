"""`flask firms import FILE` and `flask firms export FILE`."""

import sys

import click
from flask.cli import with_appcontext

from legalnet.extensions import db
from legalnet.firms.importer import export_firms, format_for, import_firms
from legalnet.firms.models import FirmStatus

STATUS_CHOICE = click.Choice([s.value for s in FirmStatus])


@click.group("firms")
def firms_cli():
    """Import and export member firms."""


@firms_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--status", type=STATUS_CHOICE, default=None,
              help="Status of rows that give none (new firms default to active).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default=None,
              help="Input format; by default .csv files are CSV and anything else JSON Lines.")
@with_appcontext
def import_command(path: str, status: str | None, fmt: str | None):
    """Upsert firms from a JSON Lines or CSV file (lists in CSV separated by ';')."""
    fmt = fmt or format_for(path)
    with open(path, encoding="utf-8-sig") as fh:
        total = sum(1 for line in fh if line.strip())
    with open(path, encoding="utf-8-sig", newline="") as fh, click.progressbar(
        length=total, label="Importing firms", file=sys.stderr, show_pos=True
    ) as bar:
        # One transaction per batch: a large file neither holds one long transaction nor loses finished batches.
        report = import_firms(fh, fmt, default_status=FirmStatus(status) if status else None, progress=bar.update,
                              on_batch=db.session.commit)
    db.session.commit()
    for line, message in report.warnings:
        click.echo(f"line {line}: warning: {message}", err=True)
    for line, message in report.errors:
        click.echo(f"line {line}: error: {message}", err=True)
    click.echo(f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged, "
               f"{len(report.errors)} refused.")


@firms_cli.command("export")
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
@click.option("--status", "statuses", type=STATUS_CHOICE, multiple=True, help="Only firms with this status.")
@with_appcontext
def export_command(path: str, statuses: tuple[str, ...]):
    """Write firms to a JSON Lines or CSV file in the import format."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        count = export_firms(fh, format_for(path), [FirmStatus(s) for s in statuses] or None)
    click.echo(f"{count} firms written to {path}.")
