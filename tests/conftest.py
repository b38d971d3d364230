"""Shared fixtures: the app on SQLite (default) or PostgreSQL (TEST_DATABASE_URL), a clean database per test,
a test client, and an `auth` helper that signs in as each role through the real sign-in page (and its
two-factor step for the accounts that use it)."""

import os
import re
from contextlib import contextmanager

import pytest
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from legalnet import create_app
from legalnet.accounts.models import Role
from legalnet.extensions import cache, limiter
from legalnet.extensions import db as _db
from tests import factories

CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


class RequestContextClient(FlaskClient):
    """Runs every request in an application context of its own, as a real server does, so that the
    test's database session and `g` never leak into the request; the test's session sees the result."""

    def open(self, *args, **kwargs):
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        _db.session.expire_all()
        return response


@contextmanager
def scratch_postgres_database(server_url: str, name: str):
    """A fresh PostgreSQL database `name` on the server of `server_url` (one left over is replaced); yields its
    URL and drops it afterwards."""
    base = make_url(server_url)
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """The session's database: a SQLite file, or TEST_DATABASE_URL; under pytest-xdist each worker gets a
    PostgreSQL database of its own (`<name>_gw0`, ...), created here and dropped afterwards."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
        return
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker or not url.startswith("postgresql"):
        yield url
        return
    with scratch_postgres_database(url, f"{make_url(url).database}_{worker}") as worker_url:
        yield worker_url


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    """One application for the session, with the schema created from the models."""
    url = database_url
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": url,
                      "DOCUMENT_ROOT": str(tmp_path_factory.mktemp("documents"))})
    app.test_client_class = RequestContextClient
    with app.app_context():
        _db.drop_all()
        _db.create_all()
    yield app
    with app.app_context():
        _db.session.remove()
        _db.drop_all()
        _db.engine.dispose()


def empty_tables() -> None:
    """Delete every row so that each test starts from an empty database."""
    _db.session.rollback()
    tables = list(reversed(_db.metadata.sorted_tables))
    if _db.engine.dialect.name == "postgresql":
        names = ", ".join(t.name for t in tables)
        _db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for table in tables:
            _db.session.execute(table.delete())
    _db.session.commit()
    # Cached figures describe the rows just deleted.
    cache.clear()


@pytest.fixture()
def db(app):
    """The database, emptied before and after the test, inside an application context."""
    with app.app_context():
        empty_tables()
        limiter.reset()
        yield _db
        _db.session.remove()
        empty_tables()


@pytest.fixture()
def client(app, db):
    """A test client for the real routes."""
    return app.test_client()


def csrf_from(html: str) -> str:
    """The CSRF token rendered in a page's form."""
    match = CSRF_RE.search(html)
    assert match, "page has no CSRF token"
    return match.group(1)


def submit(client, url: str, data: dict, form_url: str | None = None, **kwargs):
    """Fetch the form page for its CSRF token, then POST `data` to `url` as a browser would."""
    page = client.get(form_url or url)
    payload = {"csrf_token": csrf_from(page.get_data(as_text=True)), **data}
    return client.post(url, data=payload, **kwargs)


class Auth:
    """Signs in through the real sign-in form as a user of a given role."""

    def __init__(self, client):
        self.client = client
        self.user = None

    def login(self, role: Role | str | None = None, user=None, password: str = factories.PASSWORD):
        """Create a user of `role` (or use `user`) and sign in; returns the user."""
        if user is None:
            user = factories.make_user(Role(role))
            _db.session.commit()
        response = submit(self.client, "/sign-in", {"email": user.email, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        if response.headers["Location"].startswith("/sign-in/code"):
            _db.session.refresh(user)
            response = submit(self.client, "/sign-in/code", {"code": factories.totp_code(user)})
            assert response.status_code == 302, response.get_data(as_text=True)[:500]
        self.user = user
        return user

    def logout(self):
        """Sign out through the page's form."""
        return submit(self.client, "/sign-out", {}, form_url="/dashboard")


@pytest.fixture()
def auth(client):
    """Helper to sign in as any role."""
    return Auth(client)
