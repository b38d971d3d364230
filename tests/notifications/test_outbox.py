"""`flask outbox send`: delivers each pending e-mail once, retries with backoff, gives up after N attempts,
takes back e-mails a dead sender left in `sending`, and two senders at once never send one twice."""

import os
import threading
import time
from datetime import timedelta

import pytest

from legalnet.core.models import utcnow
from legalnet.extensions import db as _db
from legalnet.notifications import mailer
from legalnet.notifications.cli import outbox_cli
from legalnet.notifications.models import OutboxEmail, OutboxStatus

ON_POSTGRES = os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql")


class RecordingTransport:
    """Records what it sends; fails for the addresses it is told to fail."""

    def __init__(self, fail_for=(), delay=0.0):
        self.sent = []
        self.fail_for = set(fail_for)
        self.delay = delay
        self.lock = threading.Lock()

    def __call__(self, message):
        if self.delay:
            time.sleep(self.delay)
        if message["To"] in self.fail_for:
            raise ConnectionError("SMTP server unavailable")
        with self.lock:
            self.sent.append((message["Message-ID"], message["To"], message["Subject"]))


def add_emails(n, **fields):
    emails = [OutboxEmail(to_address=f"person{i}@example.com", subject=f"Subject {i}", body="Body", **fields)
              for i in range(n)]
    _db.session.add_all(emails)
    _db.session.commit()
    return emails


@pytest.fixture()
def transport(app):
    fake = RecordingTransport()
    app.extensions["outbox_transport"] = fake
    yield fake
    app.extensions.pop("outbox_transport", None)


def test_cli_sends_each_pending_email_once(app, db, transport):
    add_emails(3)
    runner = app.test_cli_runner()
    result = runner.invoke(outbox_cli, ["send"])
    assert result.exit_code == 0, result.output
    assert "sent 3" in result.output
    assert len(transport.sent) == 3
    assert {e.status for e in _db.session.scalars(_db.select(OutboxEmail))} == {OutboxStatus.SENT}
    again = runner.invoke(outbox_cli, ["send"])
    assert "sent 0" in again.output and len(transport.sent) == 3


def test_failures_retry_with_backoff_then_give_up(app, db):
    add_emails(1)
    flaky = RecordingTransport(fail_for={"person0@example.com"})
    counts = mailer.send_pending(transport=flaky, max_attempts=3, retry_seconds=60)
    email = _db.session.scalars(_db.select(OutboxEmail)).one()
    assert counts["retry"] == 1 and email.status == OutboxStatus.PENDING and email.attempts == 1
    assert "SMTP server unavailable" in email.last_error
    first_wait = email.next_attempt_at - utcnow()
    assert timedelta(seconds=50) < first_wait <= timedelta(seconds=60)
    # Not due yet: nothing happens.
    assert mailer.send_pending(transport=flaky, max_attempts=3, retry_seconds=60)["retry"] == 0
    email.next_attempt_at = utcnow() - timedelta(seconds=1)
    _db.session.commit()
    mailer.send_pending(transport=flaky, max_attempts=3, retry_seconds=60)
    _db.session.expire_all()
    email = _db.session.scalars(_db.select(OutboxEmail)).one()
    assert email.attempts == 2
    assert timedelta(seconds=110) < email.next_attempt_at - utcnow() <= timedelta(seconds=120)  # doubled
    email.next_attempt_at = utcnow() - timedelta(seconds=1)
    _db.session.commit()
    assert mailer.send_pending(transport=flaky, max_attempts=3, retry_seconds=60)["failed"] == 1
    _db.session.expire_all()
    assert _db.session.scalars(_db.select(OutboxEmail)).one().status == OutboxStatus.FAILED
    assert flaky.sent == []


def test_stale_sending_rows_are_taken_back(app, db, transport):
    stuck, fresh = add_emails(2)
    long_ago = utcnow() - timedelta(hours=2)
    stuck.status, stuck.claim_token, stuck.claimed_at, stuck.attempts = OutboxStatus.SENDING, "dead", long_ago, 1
    fresh.status, fresh.claim_token, fresh.claimed_at, fresh.attempts = OutboxStatus.SENDING, "busy", utcnow(), 1
    _db.session.commit()
    counts = mailer.send_pending()
    assert counts["reclaimed"] == 1 and counts["sent"] == 1
    _db.session.expire_all()
    assert _db.session.get(OutboxEmail, stuck.id).status == OutboxStatus.SENT
    # A row another sender claimed a moment ago is left alone.
    assert _db.session.get(OutboxEmail, fresh.id).status == OutboxStatus.SENDING


def test_two_senders_at_once_send_each_email_exactly_once(app, db):
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if ":memory:" in url or url == "sqlite://":
        pytest.skip("needs a database shared between threads")
    n = 60 if ON_POSTGRES else 30
    add_emails(n)
    fake = RecordingTransport(delay=0.002)
    barrier = threading.Barrier(2)
    errors = []

    def sender():
        with app.app_context():
            try:
                barrier.wait(timeout=30)
                mailer.send_pending(transport=fake, batch_size=10)
            except Exception as error:  # reported by the assertion below
                errors.append(repr(error))
            finally:
                _db.session.remove()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    ids = [message_id for message_id, _to, _subject in fake.sent]
    assert len(ids) == n and len(set(ids)) == n
    _db.session.expire_all()
    assert {e.status for e in _db.session.scalars(_db.select(OutboxEmail))} == {OutboxStatus.SENT}


def test_smtp_is_used_when_mail_server_is_set(app, db, monkeypatch):
    sent = []

    class FakeSMTP:
        def __init__(self, host, port, timeout):
            sent.append(("connect", host, port))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def starttls(self):
            sent.append(("starttls",))

        def login(self, user, password):
            sent.append(("login", user))

        def send_message(self, message):
            sent.append(("send", message["To"], message["From"]))

    monkeypatch.setattr(mailer.smtplib, "SMTP", FakeSMTP)
    monkeypatch.setitem(app.config, "MAIL_SERVER", "smtp.example.com")
    monkeypatch.setitem(app.config, "MAIL_PORT", 2525)
    monkeypatch.setitem(app.config, "MAIL_USE_TLS", True)
    monkeypatch.setitem(app.config, "MAIL_USERNAME", "mailer")
    add_emails(1)
    result = app.test_cli_runner().invoke(outbox_cli, ["send"])
    assert "sent 1" in result.output
    assert sent == [("connect", "smtp.example.com", 2525), ("starttls",), ("login", "mailer"),
                    ("send", "person0@example.com", app.config["MAIL_DEFAULT_SENDER"])]


def test_without_mail_server_emails_go_to_the_log(app, db, caplog, monkeypatch):
    monkeypatch.setitem(app.config, "MAIL_SERVER", "")
    add_emails(1)
    with caplog.at_level("INFO", logger="legalnet.notifications.mailer"):
        result = app.test_cli_runner().invoke(outbox_cli, ["send"])
    assert "sent 1" in result.output
    assert "person0@example.com" in caplog.text and "Subject 0" in caplog.text


def test_a_crashed_sender_delays_an_email_by_about_two_minutes_at_most(app, db, transport):
    # Cron runs `outbox send` every minute: a row abandoned OUTBOX_STALE_SECONDS (90 s) ago goes out on the
    # next run, so the crash costs at most 90 s plus one minute.
    assert app.config["OUTBOX_STALE_SECONDS"] <= 90
    assert mailer.SMTP_TIMEOUT_SECONDS < app.config["OUTBOX_STALE_SECONDS"]
    stuck, recent = add_emails(2)
    for row, seconds in ((stuck, 91), (recent, 60)):
        row.status, row.claim_token, row.attempts = OutboxStatus.SENDING, "dead", 1
        row.claimed_at = utcnow() - timedelta(seconds=seconds)
    _db.session.commit()
    counts = mailer.send_pending()
    assert counts["reclaimed"] == 1 and counts["sent"] == 1
    _db.session.expire_all()
    assert _db.session.get(OutboxEmail, stuck.id).status == OutboxStatus.SENT
    assert _db.session.get(OutboxEmail, recent.id).status == OutboxStatus.SENDING


def test_a_retry_carries_the_same_message_id(app, db):
    (email,) = add_emails(1)
    flaky = RecordingTransport(fail_for={email.to_address})
    mailer.send_pending(transport=flaky, retry_seconds=0)
    row = _db.session.get(OutboxEmail, email.id)
    row.next_attempt_at = utcnow() - timedelta(seconds=1)
    _db.session.commit()
    working = RecordingTransport()
    assert mailer.send_pending(transport=working)["sent"] == 1
    message_id = working.sent[0][0]
    assert message_id == _db.session.get(OutboxEmail, email.id).message_id
    assert message_id.startswith("<") and message_id.endswith(">")
    others = add_emails(2)
    assert len({message_id, *(o.message_id for o in others)}) == 3
