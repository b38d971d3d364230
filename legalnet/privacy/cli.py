"""`flask privacy export|erase|sweep`: a person's data as JSON, erasing a person, the retention sweep."""

import click
from flask.cli import with_appcontext

from legalnet.core.errors import DomainError
from legalnet.extensions import db
from legalnet.privacy import services


@click.group("privacy")
def privacy_cli():
    """Personal data: export, erasure, retention."""


@privacy_cli.command("export")
@click.argument("email")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to this file instead of standard output.")
@with_appcontext
def export_command(email: str, output: str | None):
    """Write everything held about the person with EMAIL as JSON."""
    try:
        data = services.export_person(services.person_or_error(email))
    except DomainError as error:
        raise click.ClickException(str(error)) from error
    text = services.export_json(data)
    if output:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
    db.session.commit()
    if not output:
        click.echo(text)
    else:
        click.echo(f"Wrote the data of account {data['account']['id']} to {output}.", err=True)


@privacy_cli.command("erase")
@click.argument("email")
@click.option("--reason", required=True, help="Why (for example: the person's written request of 2026-11-20).")
@click.option("--yes", is_flag=True, help="Confirm: the erasure cannot be undone.")
@with_appcontext
def erase_command(email: str, reason: str, yes: bool):
    """Replace the person's name and e-mail with a pseudonym everywhere and disable the account for good."""
    if not yes:
        raise click.ClickException("Erasure cannot be undone; add --yes to confirm.")
    try:
        erasure = services.erase_person(services.person_or_error(email), None, reason)
    except DomainError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Erased: the account is now {erasure.pseudonym}; {erasure.replaced} stored values rewritten.")


def sweep_all(batch: int = 500) -> dict[str, int]:
    """Run the retention sweep in batches, one transaction each, until nothing is left; returns the totals."""
    totals: dict[str, int] = {}
    while True:
        counts = services.retention_sweep(limit=batch)
        db.session.commit()
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
        if counts["anonymised"] < batch:
            return totals


@privacy_cli.command("sweep")
@with_appcontext
def sweep_command():
    """Anonymise closed cases older than RETENTION_YEARS; forget old notices, e-mails and expired sessions."""
    counts = sweep_all()
    click.echo(f"anonymised {counts['anonymised']} requests, deleted {counts['notifications_deleted']} "
               f"notifications, {counts['emails_deleted']} e-mails and {counts['sessions_deleted']} expired "
               f"sessions")
