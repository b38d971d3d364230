"""The last run of each background job, shared by every job runner (and cron) through the database."""

from datetime import datetime

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from legalnet.extensions import db


class JobRun(db.Model):
    """One row per job: when it may run next (the claim that keeps several runners from all running it), and
    how its last run went."""

    __tablename__ = "job_runs"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    next_run_at: Mapped[datetime | None]
    last_started_at: Mapped[datetime | None]
    last_finished_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(Text, default="")
    last_result: Mapped[dict] = mapped_column(JSON, default=dict)
    runner: Mapped[str] = mapped_column(String(200), default="")
    runs: Mapped[int] = mapped_column(default=0)
