"""/metrics in the Prometheus text format: request counts and latencies by endpoint, match latency and
shortlist sizes, the outbox backlog, overdue offers and the last sweep; only for allowed addresses or a staff
token; and correct totals under two gunicorn workers in multiprocess mode."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import timedelta

import pytest
from prometheus_client.parser import text_string_to_metric_families

from legalnet.accounts.models import Role
from legalnet.api.services import create_token
from legalnet.core.models import utcnow
from legalnet.notifications.models import OutboxEmail
from legalnet.ops.runs import record_run
from legalnet.referrals.models import Offer
from tests import factories
from tests.referrals.helpers import referred_request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def samples(text: str) -> dict:
    """{(sample name, frozenset of labels): value} of a metrics page."""
    out = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return out


def value(page: dict, name: str, **labels) -> float:
    """The sum of the samples called `name` whose labels include `labels`."""
    wanted = set(labels.items())
    return sum(v for (n, lbls), v in page.items() if n == name and wanted <= set(lbls))


def scrape(client, **kwargs) -> dict:
    """Read /metrics through the test client."""
    response = client.get("/metrics", **kwargs)
    assert response.status_code == 200, response.status_code
    assert response.headers["Content-Type"].startswith("text/plain; version=")
    return samples(response.get_data(as_text=True))


def test_requests_are_counted_by_endpoint_and_status(client, db):
    before = scrape(client)
    for _ in range(3):
        client.get("/healthz")
    client.get("/no-such-page")
    client.open("/no-such-page", method="BREW")
    after = scrape(client)
    healthz = {"endpoint": "ops.healthz", "method": "GET", "status": "200"}
    assert value(after, "legalnet_http_requests_total", **healthz) - value(
        before, "legalnet_http_requests_total", **healthz) == 3
    missing = {"endpoint": "<unmatched>", "status": "404"}
    assert value(after, "legalnet_http_requests_total", **missing) - value(
        before, "legalnet_http_requests_total", **missing) == 2
    assert value(after, "legalnet_http_requests_total", method="other") - value(
        before, "legalnet_http_requests_total", method="other") == 1
    assert not any(dict(labels).get("method") == "BREW" for _name, labels in after)
    assert value(after, "legalnet_http_request_duration_seconds_count", endpoint="ops.healthz") - value(
        before, "legalnet_http_request_duration_seconds_count", endpoint="ops.healthz") == 3


def test_matching_is_timed_and_its_shortlist_counted(client, db):
    before = scrape(client)
    for _ in range(2):
        factories.make_firm(jurisdictions=("HK",), practice_areas=("arbitration",))
    factories.make_legal_request(factories.make_user(Role.CLIENT))
    db.session.commit()
    after = scrape(client)
    for name, change in (("legalnet_match_duration_seconds_count", 1), ("legalnet_match_candidates_sum", 2)):
        assert value(after, name) - value(before, name) == change


def test_outbox_backlog_overdue_offers_and_last_sweep_come_from_the_database(client, db):
    now = utcnow()
    db.session.add_all([
        OutboxEmail(to_address="a@example.com", subject="s", body="b", created_at=now - timedelta(minutes=10)),
        OutboxEmail(to_address="b@example.com", subject="s", body="b", created_at=now - timedelta(minutes=1)),
    ])
    _client_user, req, _firms = referred_request(n_firms=1)
    offer = db.session.scalar(db.select(Offer).where(Offer.request_id == req.id))
    offer.respond_by = now - timedelta(minutes=5)
    pending = db.session.scalar(db.select(db.func.count(OutboxEmail.id)).where(OutboxEmail.status == "pending"))
    db.session.commit()
    page = scrape(client)
    assert value(page, "legalnet_database_up") == 1
    assert value(page, "legalnet_outbox_pending") == pending
    assert 600 <= value(page, "legalnet_outbox_oldest_pending_age_seconds") < 700
    assert value(page, "legalnet_offers_overdue") == 1
    assert value(page, "legalnet_sla_sweep_last_run_timestamp_seconds") == 0
    record_run("sla_sweep", {"expired": 0})
    page = scrape(client)
    assert abs(value(page, "legalnet_sla_sweep_last_run_timestamp_seconds") - time.time()) < 60
    assert value(page, "legalnet_job_last_success_timestamp_seconds", job="sla_sweep") > 0


def test_metrics_only_for_allowed_addresses_or_a_staff_token(client, db):
    outside = {"REMOTE_ADDR": "203.0.113.9"}
    assert client.get("/metrics", environ_base=outside).status_code == 403
    staff_token = create_token(factories.make_user(Role.STAFF), "prometheus").value
    client_token = create_token(factories.make_user(Role.CLIENT), "mine").value
    db.session.commit()
    with_staff = client.get("/metrics", environ_base=outside, headers={"Authorization": f"Bearer {staff_token}"})
    assert with_staff.status_code == 200 and b"legalnet_http_requests_total" in with_staff.data
    with_client = client.get("/metrics", environ_base=outside, headers={"Authorization": f"Bearer {client_token}"})
    assert with_client.status_code == 403
    forged = client.get("/metrics", environ_base=outside, headers={"Authorization": "Bearer lgn_nope_nope"})
    assert forged.status_code == 403
    assert "Set-Cookie" not in client.get("/metrics").headers
    # Through a reverse proxy on the same machine the address proves nothing: the token is needed.
    assert client.get("/metrics", headers={"X-Forwarded-For": "198.51.100.7"}).status_code == 403


def test_allowed_networks_are_configurable(app, client, db):
    app.config["METRICS_ALLOWED_IPS"] = "10.0.0.0/8, ::1"
    try:
        assert client.get("/metrics", environ_base={"REMOTE_ADDR": "10.1.2.3"}).status_code == 200
        assert client.get("/metrics").status_code == 403  # 127.0.0.1 is no longer listed
    finally:
        app.config["METRICS_ALLOWED_IPS"] = "127.0.0.1,::1"


# ------------------------------------------------------------------------------------ under gunicorn


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    """Status and body of a GET on a new connection."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.fixture()
def gunicorn(app, db, tmp_path):
    """gunicorn with two workers on a free port, metrics in a temporary multiprocess directory; stopped after."""
    port = free_port()
    env = {**os.environ, "LEGALNET_ENV": "testing", "TEST_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
           "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "prometheus"), "GUNICORN_BIND": f"127.0.0.1:{port}",
           "GUNICORN_WORKERS": "2"}
    stderr = open(tmp_path / "gunicorn.log", "w+")
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "python:legalnet.ops.gunicorn_conf",
                                "legalnet:create_app()"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=stderr)
    base = f"http://127.0.0.1:{port}"
    served = 0
    deadline = time.monotonic() + 60
    while True:
        try:
            if get(base + "/healthz")[0] == 200:
                served += 1
                break
        except OSError:
            pass
        assert process.poll() is None and time.monotonic() < deadline, "gunicorn did not start"
        time.sleep(0.2)
    try:
        yield base, port, served, stderr
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        stderr.close()


def test_two_gunicorn_workers_report_one_total(gunicorn):
    base, port, served, stderr = gunicorn
    # Hold one worker on a request that is not finished, so the next requests go to the other worker.
    held = socket.create_connection(("127.0.0.1", port))
    held.sendall(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n")
    time.sleep(0.5)
    for _ in range(10):
        assert get(base + "/healthz")[0] == 200
    held.sendall(b"Connection: close\r\n\r\n")
    assert b"200 OK" in held.recv(4096)
    held.close()
    served += 11
    status, text = get(base + "/metrics")
    assert status == 200
    page = samples(text)
    assert value(page, "legalnet_http_requests_total", endpoint="ops.healthz", status="200") == served
    assert value(page, "legalnet_http_request_duration_seconds_count", endpoint="ops.healthz") == served
    assert value(page, "legalnet_database_up") == 1
    # Both workers served /healthz: their process ids are in the JSON request lines.
    stderr.flush()
    stderr.seek(0)
    lines = [json.loads(line) for line in stderr if line.startswith("{")]
    workers = {line["pid"] for line in lines if line.get("endpoint") == "ops.healthz"}
    assert len(workers) == 2, workers
    # A second scrape, by whichever worker answers it, sees the same total.
    assert value(samples(get(base + "/metrics")[1]), "legalnet_http_requests_total", endpoint="ops.healthz",
                 status="200") == served
