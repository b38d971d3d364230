"""`flask users create`: staff accounts from the command line."""

import click
from flask.cli import with_appcontext

from legalnet.accounts import services
from legalnet.accounts.models import Role
from legalnet.core.errors import DomainError
from legalnet.extensions import db


@click.group("users")
def users_cli():
    """Manage user accounts."""


@users_cli.command("create")
@click.argument("email")
@click.option("--name", default="", help="Full name (defaults to the e-mail's local part).")
@click.option(
    "--role", type=click.Choice([Role.STAFF.value, Role.STAFF_ADMIN.value]), default=Role.STAFF.value,
    show_default=True, help="Clients register on the site and firm accounts come with membership applications.",
)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@with_appcontext
def create_user(email: str, name: str, role: str, password: str):
    """Create a staff account; it sets up two-factor sign-in at its first sign-in."""
    role_value = Role(role)
    try:
        user = services.create_user(email, name or email.split("@")[0], password, role_value)
    except DomainError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Created {user.role.value} account {user.email}.")
