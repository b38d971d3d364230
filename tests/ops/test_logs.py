"""One JSON line per request with its id; an incoming X-Request-ID is kept and returned; the 500 page shows
the id; errors go to a Sentry-compatible service when SENTRY_DSN is set, without cookies or form data."""

import gzip
import io
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import sentry_sdk

from legalnet import create_app
from legalnet.accounts.models import Role
from legalnet.ops.logs import REQUEST_LOGGER, JsonFormatter
from tests import factories
from tests.conftest import submit


@pytest.fixture()
def log_lines():
    """The request log lines written during the test, parsed."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger(REQUEST_LOGGER)
    logger.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)


def test_a_request_is_logged_as_one_json_line_with_a_new_request_id(client, db, log_lines):
    response = client.get("/healthz")
    rid = response.headers["X-Request-ID"]
    assert len(rid) == 32
    [line] = log_lines()
    assert line["request_id"] == rid
    assert line["method"] == "GET" and line["endpoint"] == "ops.healthz" and line["status"] == 200
    assert line["duration_ms"] >= 0 and line["user_id"] is None
    assert {"time", "level", "pid"} <= set(line)


def test_an_incoming_request_id_is_kept_and_a_malformed_one_replaced(client, db, log_lines):
    kept = client.get("/healthz", headers={"X-Request-ID": "lb-7f3a9c21-0001"})
    assert kept.headers["X-Request-ID"] == "lb-7f3a9c21-0001"
    odd = client.get("/healthz", headers={"X-Request-ID": "bad id <script>"})
    assert odd.headers["X-Request-ID"] != "bad id <script>" and len(odd.headers["X-Request-ID"]) == 32
    assert [line["request_id"] for line in log_lines()] == ["lb-7f3a9c21-0001", odd.headers["X-Request-ID"]]


def test_the_line_names_the_user_and_never_the_password_or_the_path(client, db, log_lines):
    user = factories.make_user(Role.CLIENT)
    db.session.commit()
    submit(client, "/sign-in", {"email": user.email, "password": factories.PASSWORD})
    client.get("/account/set-password/secret-token-in-the-path")
    client.get("/dashboard")
    lines = log_lines()
    text = "\n".join(json.dumps(line) for line in lines)
    assert factories.PASSWORD not in text and "secret-token-in-the-path" not in text
    sign_in = [line for line in lines if line["endpoint"] == "accounts.sign_in" and line["method"] == "POST"]
    assert sign_in and sign_in[0]["status"] == 302
    assert lines[-1]["endpoint"] == "accounts.dashboard" and lines[-1]["user_id"] == user.id


def failing_app(app, **overrides):
    """The test application's settings plus a page that fails, with errors handled as in production."""
    failing = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
                          "PROPAGATE_EXCEPTIONS": False, **overrides})

    @failing.route("/boom")
    def boom():
        raise RuntimeError("boom")

    return failing


def test_the_500_page_shows_the_request_id(app, db, log_lines):
    response = failing_app(app).test_client().get("/boom", headers={"X-Request-ID": "support-case-12345"})
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "support-case-12345" in html and response.headers["X-Request-ID"] == "support-case-12345"
    assert log_lines()[-1]["status"] == 500 and log_lines()[-1]["request_id"] == "support-case-12345"


class Collector(BaseHTTPRequestHandler):
    """A stand-in for a Sentry server: keeps the envelopes it is sent."""

    received: list[bytes] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        Collector.received.append(body)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def test_errors_go_to_sentry_with_the_request_id_when_a_dsn_is_set(app, db):
    server = HTTPServer(("127.0.0.1", 0), Collector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Collector.received = []
    try:
        dsn = f"http://publickey@127.0.0.1:{server.server_port}/42"
        client = failing_app(app, SENTRY_DSN=dsn).test_client()
        client.set_cookie("session", "cookie-value-not-for-sentry")
        response = client.get("/boom", headers={"X-Request-ID": "sentry-check-0001"})
        assert response.status_code == 500
        sentry_sdk.flush(timeout=5)
    finally:
        # Switch error reporting off again for the rest of the suite.
        sentry_sdk.get_client().close()
        sentry_sdk.get_global_scope().set_client(None)
        server.shutdown()
    assert not sentry_sdk.get_client().is_active()
    envelope = b"\n".join(Collector.received).decode("utf-8", "replace")
    assert "RuntimeError" in envelope and "sentry-check-0001" in envelope
    assert "cookie-value-not-for-sentry" not in envelope
