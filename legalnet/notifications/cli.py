"""`flask outbox send`: deliver the e-mail outbox; safe to run from cron every minute, also twice at once."""

import click
from flask.cli import with_appcontext

from legalnet.notifications.mailer import send_pending
from legalnet.ops.runs import record_run


@click.group("outbox")
def outbox_cli():
    """The e-mail outbox."""


@outbox_cli.command("send")
@click.option("--batch-size", default=100, show_default=True, help="E-mails looked up per round.")
@click.option("--max-attempts", type=int, default=None, help="Give up after this many attempts (default 5).")
@with_appcontext
def send_command(batch_size: int, max_attempts: int | None):
    """Send pending e-mails (SMTP, or the log when MAIL_SERVER is empty); retry failures with backoff."""
    counts = send_pending(batch_size=batch_size, max_attempts=max_attempts)
    record_run("outbox", counts)
    click.echo(f"sent {counts['sent']}, will retry {counts['retry']}, failed {counts['failed']}, "
               f"taken back {counts['reclaimed']}")
