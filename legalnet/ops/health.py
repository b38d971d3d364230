"""Probes for load balancers and orchestrators: /healthz (the process answers; no database call) and /readyz
(the database answers, its migrations are at head, Redis answers when configured). Neither reads nor sets
a session cookie."""

import functools
import os

import redis
from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from flask import Blueprint, current_app, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from legalnet.extensions import db, limiter

bp = Blueprint("ops", __name__)
MIGRATIONS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                              "migrations")


@functools.cache
def migration_heads() -> frozenset[str]:
    """The head revisions of the migrations shipped with this code (read once per process)."""
    config = AlembicConfig()
    config.set_main_option("script_location", MIGRATIONS_DIR)
    return frozenset(ScriptDirectory.from_config(config).get_heads())


def check_database() -> tuple[str | None, str | None]:
    """(problem with the database, problem with its migrations); None where all is well."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        db.session.rollback()
        return f"database unreachable: {type(error).__name__}", None
    try:
        applied = frozenset(db.session.scalars(text("SELECT version_num FROM alembic_version")))
    except SQLAlchemyError:
        db.session.rollback()
        return None, "migrations not applied: no alembic_version table"
    finally:
        db.session.rollback()
    heads = migration_heads()
    if applied != heads:
        return None, f"migrations not at head: database {sorted(applied)}, code {sorted(heads)}"
    return None, None


def check_redis() -> tuple[str, str | None]:
    """(state, problem) of the Redis that keeps rate limits, when one is configured."""
    uri = current_app.config.get("RATELIMIT_STORAGE_URI") or ""
    if not uri.startswith(("redis://", "rediss://")):
        return "not configured", None
    try:
        redis.Redis.from_url(uri, socket_connect_timeout=1, socket_timeout=1).ping()
    except redis.RedisError as error:
        return "unreachable", f"redis unreachable: {type(error).__name__}"
    return "ok", None


@bp.route("/healthz")
@limiter.exempt
def healthz():
    """The process is alive and serving; touches nothing else."""
    return jsonify({"status": "ok"})


@bp.route("/readyz")
@limiter.exempt
def readyz():
    """Ready for traffic: 200 when the database, its migrations and Redis are fine, 503 with the reason if not."""
    database, migrations = check_database()
    redis_state, redis_problem = check_redis()
    checks = {
        "database": "ok" if database is None else "unreachable",
        "migrations": "ok" if database is None and migrations is None else ("unknown" if database else "behind"),
        "redis": redis_state,
    }
    problems = [p for p in (database, migrations, redis_problem) if p]
    if problems:
        return jsonify({"status": "unavailable", "reason": "; ".join(problems), "checks": checks}), 503
    return jsonify({"status": "ready", "checks": checks})
