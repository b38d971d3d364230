"""`flask jobs run`: the SLA sweep every minute, the e-mail outbox continuously and the retention sweep once a
day, in one long-running process that stops cleanly on SIGTERM (it finishes the job in hand, then exits).

Several runners, on one machine or many, share the work safely: a job that must run once per interval is
claimed with a conditional UPDATE of its `job_runs` row (only the runner that moves `next_run_at` forward runs
it), and the outbox claims each e-mail on its own. Cron remains possible: `flask sla sweep` and `flask outbox
send` record their runs in the same table."""

import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import click
from flask import current_app
from flask.cli import with_appcontext

from legalnet.extensions import db
from legalnet.notifications.mailer import send_pending
from legalnet.ops.logs import json_logger
from legalnet.ops.runs import claim, finish, runner_name, start
from legalnet.privacy.cli import sweep_all
from legalnet.referrals.cli import sweep

log = json_logger("legalnet.jobs")


@dataclass
class Job:
    """A job: its name, how often it runs, whether it runs once per interval across all runners, and what
    it does (a function returning a dict of counts)."""

    name: str
    interval: float
    run: Callable[[], dict]
    exclusive: bool = True


def run_sweep() -> dict:
    """The SLA sweep."""
    return sweep()


def run_outbox() -> dict:
    """Deliver the due e-mails."""
    return send_pending()


def run_retention() -> dict:
    """Anonymise closed cases older than the retention period."""
    return sweep_all()


def default_jobs() -> list[Job]:
    """The jobs of a runner, with intervals from the configuration."""
    config = current_app.config
    return [
        Job("sla_sweep", float(config["JOBS_SWEEP_SECONDS"]), run_sweep),
        Job("outbox", float(config["JOBS_OUTBOX_SECONDS"]), run_outbox, exclusive=False),
        Job("retention", float(config["JOBS_RETENTION_SECONDS"]), run_retention),
    ]


def run_job(job: Job, runner: str) -> bool:
    """Run one job if it is this runner's turn; returns whether it ran. Errors are logged and recorded, never
    raised, so one failing job does not stop the others."""
    try:
        if job.exclusive:
            if not claim(job.name, job.interval, runner):
                return False
        else:
            start(job.name, runner)
    except Exception:  # the database may be briefly away; try again next round
        db.session.rollback()
        log.exception("job claim failed", extra={"fields": {"job": job.name}})
        return False
    started = time.perf_counter()
    try:
        result = job.run() or {}
    except Exception as error:  # recorded and retried next interval
        db.session.rollback()
        log.exception("job failed", extra={"fields": {"job": job.name}})
        try:
            finish(job.name, error=f"{type(error).__name__}: {error}")
        except Exception:  # nothing more to do until the database is back
            db.session.rollback()
        return True
    finish(job.name, result)
    log.info("job finished", extra={"fields": {"job": job.name, "result": result,
                                                "duration_ms": round((time.perf_counter() - started) * 1000, 1)}})
    return True


def run_forever(jobs: list[Job], stop: threading.Event, once: bool = False) -> None:
    """Run each job at its interval until `stop` is set (or one round when `once`)."""
    runner = runner_name()
    due = {job.name: 0.0 for job in jobs}
    while not stop.is_set():
        for job in jobs:
            if stop.is_set():
                break
            if time.monotonic() >= due[job.name]:
                run_job(job, runner)
                due[job.name] = time.monotonic() + job.interval
        db.session.remove()
        if once:
            return
        wait = max(0.05, min(due.values()) - time.monotonic())
        stop.wait(min(wait, 1.0))


@click.group("jobs")
def jobs_cli():
    """Background jobs."""


@jobs_cli.command("run")
@click.option("--once", is_flag=True, help="Run every job once and exit.")
@with_appcontext
def run_command(once: bool):
    """Run the SLA sweep every minute, the outbox continuously and the retention sweep daily, until SIGTERM."""
    stop = threading.Event()

    def request_stop(signum, frame):
        log.info("stopping after the current job", extra={"fields": {"signal": signal.Signals(signum).name}})
        stop.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    log.info("job runner started", extra={"fields": {"runner": runner_name(),
                                                     "jobs": [job.name for job in default_jobs()]}})
    run_forever(default_jobs(), stop, once=once)
    log.info("job runner stopped", extra={"fields": {"runner": runner_name()}})
