"""The job_runs table's bookkeeping: claiming a job's run for one interval across runners, and noting when a
run started and how it ended. Both the job runner and the cron-style commands record their runs here."""

import os
import socket
from datetime import timedelta

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError

from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.ops.models import JobRun


def runner_name() -> str:
    """Which machine and process a run came from, for the job_runs table."""
    return f"{socket.gethostname()}:{os.getpid()}"


def ensure_row(name: str) -> None:
    """Create the job's row the first time; another runner creating it at the same moment is fine."""
    if db.session.get(JobRun, name) is None:
        db.session.add(JobRun(name=name, runs=0))
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()


def claim(name: str, interval: float, runner: str = "") -> bool:
    """Take this interval's run of a job; False when another runner already has it."""
    ensure_row(name)
    now = utcnow()
    result = db.session.execute(
        update(JobRun)
        .where(JobRun.name == name, or_(JobRun.next_run_at.is_(None), JobRun.next_run_at <= now))
        .values(next_run_at=now + timedelta(seconds=interval), last_started_at=now, runner=runner or runner_name(),
                runs=JobRun.runs + 1),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()
    return result.rowcount == 1


def start(name: str, runner: str = "") -> None:
    """Note the start of a run that is not claimed (the outbox, or a job run by hand)."""
    ensure_row(name)
    db.session.execute(
        update(JobRun).where(JobRun.name == name)
        .values(last_started_at=utcnow(), runner=runner or runner_name(), runs=JobRun.runs + 1),
        execution_options={"synchronize_session": False},
    )
    db.session.commit()


def finish(name: str, result: dict | None = None, error: str = "") -> None:
    """Record how a run ended."""
    now = utcnow()
    values = {"last_finished_at": now, "last_error": error[:2000], "last_result": result or {}}
    if not error:
        values["last_success_at"] = now
    db.session.execute(update(JobRun).where(JobRun.name == name).values(**values),
                       execution_options={"synchronize_session": False})
    db.session.commit()


def record_run(name: str, result: dict) -> None:
    """Record a successful run made outside the runner (from cron)."""
    start(name)
    finish(name, result)
