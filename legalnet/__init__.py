"""legalnet: the platform of the GBA-ASEAN Legal Services Cooperation Centre."""

import logging
import os

from flask import Flask, has_request_context, request, session
from flask_login import current_user

from legalnet.core import csrf as csrf_tokens
from legalnet.core.limits import check_only_where_limits_apply
from legalnet.extensions import babel, cache, csrf, db, limiter, login_manager, migrate

ROOT_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def create_app(config=None) -> Flask:
    """Build the application; `config` is a config class, a name or a dict of overrides."""
    app = Flask(
        __name__,
        template_folder=os.path.join(ROOT_DIR, "templates"),
        static_folder=os.path.join(ROOT_DIR, "static"),
        instance_path=os.path.join(ROOT_DIR, "instance"),
    )
    load_config(app, config)
    from legalnet.core.views import BoundedIntegerConverter

    app.url_map.converters["int"] = BoundedIntegerConverter
    os.makedirs(app.instance_path, exist_ok=True)
    logging.basicConfig(level=logging.INFO)
    register_extensions(app)
    register_blueprints(app)
    register_commands(app)
    from legalnet.core.security import register_security

    register_security(app)
    from legalnet.core.views import register_error_handlers, register_form_translations, register_template_helpers

    register_error_handlers(app)
    register_template_helpers(app)
    register_form_translations(app)
    from legalnet.documents.storage import init_app as init_documents
    from legalnet.ops import init_app as init_operations
    from legalnet.privacy import init_app as init_privacy

    init_operations(app)
    init_privacy(app)
    init_documents(app)
    return app


def load_config(app: Flask, config) -> None:
    """Apply the config class for the environment (LEGALNET_ENV), then any overrides."""
    from config import CONFIGS

    overrides = config if isinstance(config, dict) else {}
    if config is None or isinstance(config, dict):
        config = overrides.get("ENV_NAME") or os.environ.get("LEGALNET_ENV", "development")
    app.config.from_object(CONFIGS[config] if isinstance(config, str) else config)
    app.config.update(overrides)
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith(("postgresql://", "postgres://")):
        # Use psycopg 3, the driver this project installs.
        app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql+psycopg://" + uri.split("://", 1)[1]
    if uri.startswith("sqlite"):
        # A file has no server connection to lose: pinging it before every request would only cost time.
        options = app.config["SQLALCHEMY_ENGINE_OPTIONS"]
        connect_args = {**options.get("connect_args", {}), "timeout": app.config["SQLITE_BUSY_TIMEOUT_SECONDS"]}
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {**options, "pool_pre_ping": False, "connect_args": connect_args}
    if app.config["ENV_NAME"] == "production":
        secret = app.config.get("SECRET_KEY") or ""
        # Long but repetitive keys ("aaaa…", "changeme" pasted four times) are as weak as short ones.
        if len(secret) < 32 or secret == "dev-only-not-secret" or len(set(secret)) < 12:
            # One clear line on stderr and exit status 1, not a traceback (gunicorn and flask print it as is).
            raise SystemExit("legalnet: refusing to start: SECRET_KEY must be a random value of at least 32 "
                             "characters in production (python -c 'import secrets; print(secrets.token_urlsafe(48))')")


def signed_in_user():
    """The signed-in user, read once through Flask-Login's proxy; None when nobody is signed in."""
    user = current_user._get_current_object() if has_request_context() else None
    return user if user is not None and user.is_authenticated else None


def select_locale() -> str:
    """The user's saved language, else the session's choice, else the browser's best match."""
    from flask import current_app

    languages = current_app.config["LANGUAGES"]
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    user = signed_in_user()
    if user is not None and user.locale in languages:
        return user.locale
    if session.get("locale") in languages:
        return session["locale"]
    for tag, _quality in request.accept_languages:
        tag = tag.lower().replace("_", "-")
        if tag.startswith("zh"):
            # Hong Kong, Macao and Taiwan write Traditional Chinese unless the tag says otherwise.
            traditional = "hant" in tag or (tag.split("-")[-1] in ("hk", "mo", "tw") and "hans" not in tag)
            return "zh_Hant" if traditional else "zh_Hans"
        if tag.startswith("en"):
            return "en"
    return "en"


def select_timezone() -> str | None:
    """The signed-in user's time zone, else the centre's (BABEL_DEFAULT_TIMEZONE)."""
    user = signed_in_user()
    if user is not None and user.timezone:
        from legalnet.notifications.services import user_timezone

        return user_timezone(user)
    return None


def register_extensions(app: Flask) -> None:
    """Bind the extension instances to the app."""
    db.init_app(app)
    migrate.init_app(app, db, directory=os.path.join(ROOT_DIR, "migrations"))
    login_manager.init_app(app)
    csrf.init_app(app)
    csrf_tokens.init_app(app)
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    limiter.init_app(app)
    check_only_where_limits_apply(app, limiter)
    cache.init_app(app)
    babel.init_app(
        app,
        locale_selector=select_locale,
        timezone_selector=select_timezone,
        default_translation_directories=os.path.join(ROOT_DIR, "legalnet", "translations"),
    )
    # Models must be imported so that metadata and migrations see every table.
    from legalnet import models  # noqa: F401


def register_blueprints(app: Flask) -> None:
    """Register one blueprint per domain."""
    from legalnet.accounts.twofactor_views import bp as twofactor_bp
    from legalnet.accounts.views import bp as accounts_bp
    from legalnet.api.views import register as register_api
    from legalnet.documents.views import bp as documents_bp
    from legalnet.firms.views import bp as firms_bp
    from legalnet.intake.views import bp as intake_bp
    from legalnet.notifications.views import bp as notifications_bp
    from legalnet.public.views import bp as public_bp
    from legalnet.referrals.quote_views import bp as quotes_bp
    from legalnet.referrals.views import bp as referrals_bp
    from legalnet.staff.reports import bp as reports_bp
    from legalnet.staff.views import bp as staff_bp

    app.register_blueprint(public_bp)
    app.register_blueprint(accounts_bp)
    app.register_blueprint(twofactor_bp)
    app.register_blueprint(staff_bp)
    app.register_blueprint(reports_bp)
    app.register_blueprint(firms_bp)
    app.register_blueprint(notifications_bp)
    app.register_blueprint(intake_bp)
    app.register_blueprint(referrals_bp)
    app.register_blueprint(quotes_bp)
    register_api(app)
    app.register_blueprint(documents_bp)


def register_commands(app: Flask) -> None:
    """Add the project's CLI commands under `flask`."""
    from legalnet.accounts.cli import users_cli
    from legalnet.api.cli import tokens_cli
    from legalnet.demo import demo_cli
    from legalnet.firms.cli import firms_cli
    from legalnet.matching.cli import match_command
    from legalnet.matching.export import vocabulary_cli
    from legalnet.notifications.cli import outbox_cli
    from legalnet.referrals.cli import sla_cli

    app.cli.add_command(users_cli)
    app.cli.add_command(demo_cli)
    app.cli.add_command(firms_cli)
    app.cli.add_command(match_command)
    app.cli.add_command(outbox_cli)
    app.cli.add_command(sla_cli)
    app.cli.add_command(tokens_cli)
    app.cli.add_command(vocabulary_cli)

