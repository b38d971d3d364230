"""`flask jobs run`: sweeps overdue offers and delivers the outbox, records each run, lets only one of several
runners take a job's interval, survives a failing job, and stops cleanly on SIGTERM."""

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta

from legalnet.core.models import utcnow
from legalnet.notifications.models import OutboxEmail, OutboxStatus
from legalnet.ops import jobs, runs
from legalnet.ops.models import JobRun
from legalnet.referrals.models import Offer, OfferStatus
from tests.referrals.helpers import referred_request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def overdue_offer(db) -> int:
    """A request whose offer is past its deadline; returns the offer's id."""
    _client, req, _firms = referred_request(n_firms=2)
    offer = db.session.scalar(db.select(Offer).where(Offer.request_id == req.id))
    offer.respond_by = utcnow() - timedelta(minutes=1)
    db.session.commit()
    return offer.id


def test_a_job_interval_is_claimed_by_one_runner_only(db):
    assert runs.claim("sla_sweep", 60, "machine-a:1") is True
    assert runs.claim("sla_sweep", 60, "machine-b:2") is False
    run = db.session.get(JobRun, "sla_sweep")
    assert run.runner == "machine-a:1" and run.runs == 1
    run.next_run_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    assert runs.claim("sla_sweep", 60, "machine-b:2") is True


def test_one_round_sweeps_offers_sends_mail_and_records_the_runs(app, db):
    offer_id = overdue_offer(db)
    pending = db.session.scalar(db.select(db.func.count(OutboxEmail.id)).where(
        OutboxEmail.status == OutboxStatus.PENDING))
    assert pending > 0
    jobs.run_forever(jobs.default_jobs(), threading.Event(), once=True)
    db.session.expire_all()
    assert db.session.get(Offer, offer_id).status == OfferStatus.EXPIRED
    assert db.session.scalar(db.select(db.func.count(OutboxEmail.id)).where(
        OutboxEmail.status == OutboxStatus.PENDING)) == 0
    runs = {run.name: run for run in db.session.scalars(db.select(JobRun))}
    assert set(runs) == {"sla_sweep", "outbox", "retention"}
    assert runs["sla_sweep"].last_result["expired"] == 1 and runs["sla_sweep"].last_success_at is not None
    assert runs["outbox"].last_result["sent"] >= pending


def test_a_failing_job_is_recorded_and_the_others_still_run(app, db):
    def broken():
        raise RuntimeError("SMTP server said no")

    ran = []
    round_ = [jobs.Job("broken", 60, broken), jobs.Job("fine", 60, lambda: ran.append(1) or {"ok": 1})]
    jobs.run_forever(round_, threading.Event(), once=True)
    broken_run = db.session.get(JobRun, "broken")
    assert "SMTP server said no" in broken_run.last_error and broken_run.last_success_at is None
    assert ran == [1] and db.session.get(JobRun, "fine").last_result == {"ok": 1}


def start_runner(app, log_path, **settings):
    """`flask jobs run` in its own process on the test database."""
    env = {**os.environ, "LEGALNET_ENV": "testing", "TEST_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
           "JOBS_OUTBOX_SECONDS": "0.5", **settings}
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "legalnet", "jobs", "run"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=open(log_path, "w"))


def wait_for(condition, timeout=60):
    """Poll until `condition()` is true."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_the_runner_works_until_sigterm_and_then_stops_cleanly(app, db, tmp_path):
    offer_id = overdue_offer(db)
    runner = start_runner(app, tmp_path / "runner.log")
    try:
        def swept_and_sent():
            db.session.expire_all()
            sent = db.session.scalar(db.select(db.func.count(OutboxEmail.id)).where(
                OutboxEmail.status == OutboxStatus.PENDING)) == 0
            return db.session.get(Offer, offer_id).status == OfferStatus.EXPIRED and sent
        wait_for(swept_and_sent)
        db.session.rollback()
        # Mail created while the runner is running is delivered too: the outbox is served continuously.
        db.session.add(OutboxEmail(to_address="later@example.com", subject="Later", body="b"))
        db.session.commit()
        wait_for(lambda: db.session.scalar(db.select(OutboxEmail.status).where(
            OutboxEmail.to_address == "later@example.com").execution_options(populate_existing=True))
            == OutboxStatus.SENT)
        db.session.rollback()
    finally:
        runner.send_signal(signal.SIGTERM)
        code = runner.wait(timeout=30)
    log = (tmp_path / "runner.log").read_text()
    assert code == 0, log
    assert '"message": "job runner started"' in log and '"signal": "SIGTERM"' in log
    assert log.rstrip().endswith("}") and '"message": "job runner stopped"' in log.splitlines()[-1]


def test_two_runners_at_once_sweep_once_per_interval(app, db, tmp_path):
    runners = [start_runner(app, tmp_path / f"runner{i}.log") for i in range(2)]
    try:
        def both_ran_the_outbox():
            db.session.expire_all()
            run = db.session.get(JobRun, "outbox")
            return run is not None and run.runs >= 4
        wait_for(both_ran_the_outbox)
        db.session.expire_all()
        # The sweep's interval is a minute: whichever runner claimed it ran it, the other did not.
        assert db.session.get(JobRun, "sla_sweep").runs == 1
        db.session.rollback()
    finally:
        for runner in runners:
            runner.send_signal(signal.SIGTERM)
        codes = [runner.wait(timeout=30) for runner in runners]
    assert codes == [0, 0]
    logs = [(tmp_path / f"runner{i}.log").read_text() for i in range(2)]
    assert sum(log.count('"job": "sla_sweep"') for log in logs) == 1


def test_sweeps_and_sends_from_cron_are_recorded_too(app, db):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["sla", "sweep"]).exit_code == 0
    assert runner.invoke(args=["outbox", "send"]).exit_code == 0
    runs = {run.name: run for run in db.session.scalars(db.select(JobRun))}
    assert runs["sla_sweep"].last_success_at is not None and runs["sla_sweep"].runs == 1
    assert runs["outbox"].last_result == {"sent": 0, "retry": 0, "failed": 0, "reclaimed": 0}
