"""Configuration and production safety: a weak secret stops the app with one clear line, secure cookies and
HSTS in production, the demo refuses to load in production, `users create` offers only staff roles."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import config
from legalnet import create_app
from legalnet.extensions import db

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("secret", ["dev-only-not-secret", "short-secret", "a" * 64, "changeme" * 6])
def test_production_refuses_weak_secrets(monkeypatch, secret):
    monkeypatch.setattr(config.ProductionConfig, "SECRET_KEY", secret)
    with pytest.raises(SystemExit, match="SECRET_KEY must be a random value"):
        create_app("production")


def test_weak_production_secret_is_one_line_without_traceback(tmp_path):
    env = {**os.environ, "LEGALNET_ENV": "production", "SECRET_KEY": "too-short",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite'}"}
    result = subprocess.run([sys.executable, "-m", "flask", "--app", "legalnet", "routes"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("legalnet: refusing to start: SECRET_KEY"), result.stderr


def test_the_app_starts_in_a_fresh_interpreter_as_gunicorn_starts_it(tmp_path):
    # Module-level work that needs every model mapped fails only here, where nothing else imported them first.
    env = {**os.environ, "LEGALNET_ENV": "production", "SECRET_KEY": "Xq3-v9Lk2mWp8zRt5nYb7cHd4fJg6sA1eU0o",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite'}"}
    result = subprocess.run([sys.executable, "-c", "from legalnet import create_app; create_app()"], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]


def production_app(monkeypatch):
    monkeypatch.setattr(config.ProductionConfig, "SECRET_KEY", "Xq3-v9Lk2mWp8zRt5nYb7cHd4fJg6sA1eU0o")
    monkeypatch.setattr(config.ProductionConfig, "SQLALCHEMY_DATABASE_URI", "sqlite://")
    return create_app("production")


def test_production_with_real_secret_has_secure_cookies_and_hsts(monkeypatch):
    app = production_app(monkeypatch)
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True
    assert not app.debug
    response = app.test_client().get("/api/v1/openapi.json")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_demo_load_refuses_production_unless_forced(monkeypatch):
    app = production_app(monkeypatch)
    from legalnet.extensions import db

    with app.app_context():
        db.create_all()
        runner = app.test_cli_runner()
        result = runner.invoke(args=["demo", "load"])
        assert result.exit_code != 0 and "Refusing to load the demo in production" in result.output
        from legalnet.accounts.models import User

        assert db.session.scalar(db.select(db.func.count()).select_from(User)) == 0
        result = runner.invoke(args=["demo", "load", "--force-demo"])
        assert result.exit_code == 0 and "Demo data loaded" in result.output
        db.session.remove()
        db.drop_all()


def test_users_create_help_lists_only_accepted_roles(app):
    result = app.test_cli_runner().invoke(args=["users", "create", "--help"])
    assert result.exit_code == 0
    assert "[staff|staff_admin]" in result.output
    assert "firm_admin" not in result.output and "firm_lawyer" not in result.output
    refused = app.test_cli_runner().invoke(args=["users", "create", "x@centre.example", "--role", "client",
                                                 "--password", "good-pass-123"])
    assert refused.exit_code != 0 and "'client' is not one of" in refused.output


def test_postgres_url_uses_psycopg3():
    app = create_app({"SQLALCHEMY_DATABASE_URI": "postgresql://u@h/db", "ENV_NAME": "testing"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@h/db"


def test_sqlite_writers_wait_for_each_other_longer_than_the_drivers_default(tmp_path):
    url = f"sqlite:///{tmp_path / 'wait.sqlite'}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "ENV_NAME": "testing", "SQLITE_BUSY_TIMEOUT_SECONDS": 12})
    with app.app_context():
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 12000
