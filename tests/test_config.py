"""Configuration: production refuses a weak secret and sets secure cookies."""

import pytest

import config
from legalnet import create_app


def test_production_refuses_default_secret(monkeypatch):
    monkeypatch.setattr(config.ProductionConfig, "SECRET_KEY", "dev-only-not-secret")
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app("production")


def test_production_with_real_secret_has_secure_cookies(monkeypatch):
    monkeypatch.setattr(config.ProductionConfig, "SECRET_KEY", "x" * 48)
    monkeypatch.setattr(config.ProductionConfig, "SQLALCHEMY_DATABASE_URI", "sqlite://")
    app = create_app("production")
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True
    assert not app.debug


def test_postgres_url_uses_psycopg3():
    app = create_app({"SQLALCHEMY_DATABASE_URI": "postgresql://u@h/db", "ENV_NAME": "testing"})
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@h/db"
