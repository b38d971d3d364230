"""`flask sla sweep`: expire overdue offers and cascade them, remind firms before deadlines, lapse
memberships past renewal, and recount recent referrals for the fairness of matching. Each offer is handled
in its own transaction with conditional updates, so the sweep is idempotent and two sweeps running at once
never expire, cascade or remind anything twice."""

import logging
from datetime import datetime

import click
from flask.cli import with_appcontext

from legalnet.core.errors import DomainError
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.firms.services import lapse_overdue_memberships
from legalnet.ops.runs import record_run
from legalnet.referrals import services
from legalnet.referrals.sla import reminder_due_ids

log = logging.getLogger(__name__)


@click.group("sla")
def sla_cli():
    """Offer deadlines and membership renewals."""


def sweep(now: datetime | None = None) -> dict[str, int]:
    """Run one sweep; returns how many offers expired, reminders were sent and memberships lapsed."""
    now = now or utcnow()
    counts = {"expired": 0, "reminded": 0, "lapsed": 0, "fairness": 0}
    for offer_id in services.overdue_offer_ids(now):
        try:
            services.expire_offer(offer_id, now=now)
        except DomainError:
            # Another sweep or the firm got there first.
            db.session.rollback()
            continue
        db.session.commit()
        counts["expired"] += 1
    for offer_id in reminder_due_ids(now):
        if services.remind_offer(offer_id, now=now):
            db.session.commit()
            counts["reminded"] += 1
        else:
            db.session.rollback()
    counts["lapsed"] = lapse_memberships(now)
    counts["fairness"] = services.refresh_recent_referrals(now)
    db.session.commit()
    return counts


def lapse_memberships(now: datetime) -> int:
    """Lapse memberships past their renewal date through the firms domain; returns how many lapsed."""
    lapsed = lapse_overdue_memberships(now.date())
    db.session.commit()
    return len(lapsed)


@sla_cli.command("sweep")
@with_appcontext
def sweep_command():
    """Expire overdue offers and cascade them, send reminders, lapse overdue memberships."""
    counts = sweep()
    record_run("sla_sweep", counts)
    click.echo(f"expired {counts['expired']}, reminded {counts['reminded']}, lapsed {counts['lapsed']}")
