"""/healthz answers without touching the database; /readyz checks the database, its migrations and Redis and
answers 503 with the reason when one of them is not right. Neither sets a cookie."""

import shutil
import socket
import subprocess
import time

import pytest
from flask_migrate import stamp
from sqlalchemy import event, text

from legalnet import create_app
from legalnet.extensions import db as _db


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def at_head(db):
    """The test database stamped with the migrations' head, as `flask db upgrade` leaves it."""
    stamp()
    yield
    _db.session.execute(text("DROP TABLE alembic_version"))
    _db.session.commit()


def test_healthz_answers_without_a_database_call_or_a_cookie(client, db):
    statements = []

    def count(*args, **kwargs):
        statements.append(args[2])

    event.listen(_db.engine, "before_cursor_execute", count)
    try:
        response = client.get("/healthz")
    finally:
        event.remove(_db.engine, "before_cursor_execute", count)
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}
    assert statements == []
    assert "Set-Cookie" not in response.headers


def test_readyz_is_ready_when_migrations_are_at_head(client, at_head):
    response = client.get("/readyz")
    assert response.status_code == 200, response.get_json()
    assert response.get_json() == {"status": "ready", "checks": {"database": "ok", "migrations": "ok",
                                                                 "redis": "not configured"}}
    assert "Set-Cookie" not in response.headers


def test_readyz_refuses_a_database_without_migrations(client, db):
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "unavailable" and "migrations not applied" in body["reason"]
    assert body["checks"]["database"] == "ok"


def test_readyz_refuses_a_database_behind_the_code(client, at_head):
    _db.session.execute(text("UPDATE alembic_version SET version_num = '0007_event_codes'"))
    _db.session.commit()
    body = client.get("/readyz").get_json()
    assert body["checks"]["migrations"] == "behind" and "0007_event_codes" in body["reason"]


def test_readyz_answers_503_when_the_database_is_gone(app):
    # Nothing listens on this port: the database is unreachable.
    gone = create_app({"ENV_NAME": "testing",
                       "SQLALCHEMY_DATABASE_URI": f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/gone"
                                                  "?connect_timeout=2"})
    response = gone.test_client().get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["checks"]["database"] == "unreachable" and "database unreachable" in body["reason"]
    assert gone.test_client().get("/healthz").status_code == 200


@pytest.fixture()
def redis_on(app):
    """Point the rate-limit storage setting, which /readyz checks, at a Redis on a given port."""
    original = app.config["RATELIMIT_STORAGE_URI"]
    yield lambda port: app.config.update(RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{port}/0")
    app.config["RATELIMIT_STORAGE_URI"] = original


@pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed")
def test_readyz_checks_redis_when_it_is_configured(client, at_head, redis_on, tmp_path):
    port = free_port()
    redis_on(port)
    down = client.get("/readyz")
    assert down.status_code == 503
    assert down.get_json()["checks"]["redis"] == "unreachable" and "redis" in down.get_json()["reason"]
    server = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no", "--dir", str(tmp_path)], stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            up = client.get("/readyz")
            if up.status_code == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert up.status_code == 200, up.get_json()
        assert up.get_json()["checks"]["redis"] == "ok"
    finally:
        server.terminate()
        server.wait(timeout=10)
