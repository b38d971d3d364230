"""`flask tokens create EMAIL [--name NAME]`: a personal API token from the command line, printed once."""

import click
from flask.cli import with_appcontext

from legalnet.accounts.services import find_user
from legalnet.api import services
from legalnet.core.errors import DomainError
from legalnet.extensions import db


@click.group("tokens")
def tokens_cli():
    """Manage personal API tokens."""


@tokens_cli.command("create")
@click.argument("email")
@click.option("--name", default="command line", show_default=True, help="What the token is for.")
@with_appcontext
def create_token(email: str, name: str):
    """Create a token for the user with EMAIL and print it; it is not shown again."""
    user = find_user(email)
    if user is None:
        raise click.ClickException(f"No account with the e-mail address {email}.")
    try:
        created = services.create_token(user, name)
    except DomainError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Created token \"{created.token.name}\" for {user.email} ({user.role.value}). "
               "Copy it now; it is not shown again:", err=True)
    click.echo(created.value)
