"""Migrations upgrade an empty database to the models' schema and downgrade back to nothing,
on SQLite and, when TEST_DATABASE_URL points at PostgreSQL, on a scratch PostgreSQL database."""

import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from legalnet import create_app
from legalnet.core.models import compared
from legalnet.extensions import db
from tests.conftest import scratch_postgres_database


def scratch_databases():
    """Yield (name, url) of empty databases to migrate."""
    yield "sqlite"
    if os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"):
        yield "postgresql"


@pytest.fixture(params=list(scratch_databases()))
def empty_database_url(request, tmp_path):
    """An empty database of each kind, dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrations.sqlite'}"
        return
    name = f"legalnet_migrations_{uuid.uuid4().hex[:8]}"
    with scratch_postgres_database(os.environ["TEST_DATABASE_URL"], name) as url:
        yield url


def test_migrations_upgrade_match_models_and_downgrade(empty_database_url):
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": empty_database_url})
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            dialect = conn.dialect.name
            opts = {"compare_type": True, "include_object": lambda obj, name, type_, reflected, _other: compared(
                obj, name, type_, reflected, dialect)}
            diff = compare_metadata(MigrationContext.configure(conn, opts=opts), db.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
        downgrade(revision="base")
        tables = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
        assert tables == set()
        db.engine.dispose()
