"""Running legalnet in production: health and readiness probes, Prometheus metrics, JSON request logs with
request ids, optional Sentry error reports, and the job runner that replaces cron."""

from flask import Flask


def init_app(app: Flask) -> None:
    """Install request ids and logs, metrics, error reporting, the probes and the `jobs` commands."""
    from legalnet.ops import logs, metrics
    from legalnet.ops.health import bp as health_bp
    from legalnet.ops.jobs import jobs_cli

    logs.init_app(app)
    metrics.init_app(app)
    logs.init_sentry(app)
    app.register_blueprint(health_bp)
    app.cli.add_command(jobs_cli)
