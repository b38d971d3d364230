"""Prometheus metrics at /metrics.

Request counts and latencies, match latency and shortlist sizes are counted in the process that served them;
under gunicorn, prometheus-client's multiprocess mode (PROMETHEUS_MULTIPROC_DIR, see `gunicorn_conf.py`) keeps
them in files that every worker adds up when scraped. The outbox backlog, overdue offers and the jobs' last
runs are read from the database at scrape time, so every worker reports the same values. /metrics answers only
to the configured addresses (METRICS_ALLOWED_IPS) or to a staff member's API token."""

import ipaddress
import os
import time
from datetime import UTC, datetime

from flask import Blueprint, Flask, Response, abort, current_app, g, request
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest, multiprocess
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import func
from sqlalchemy.exc import SQLAlchemyError

from legalnet.api.auth import bearer_value
from legalnet.api.services import authenticate
from legalnet.core.models import utcnow
from legalnet.extensions import csrf, db, limiter
from legalnet.notifications.models import OutboxEmail, OutboxStatus
from legalnet.ops.instruments import REQUEST_SECONDS, REQUESTS
from legalnet.ops.models import JobRun
from legalnet.referrals.models import Offer, OfferStatus

bp = Blueprint("ops_metrics", __name__)
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

def timestamp(value: datetime | None) -> float:
    """A stored UTC time as Unix seconds (0 when never)."""
    return value.replace(tzinfo=UTC).timestamp() if value else 0.0


class DatabaseStateCollector:
    """Gauges read from the database when scraped: outbox backlog, overdue offers, the jobs' last runs."""

    def collect(self):
        """Yield the current values; a database that cannot be read gives legalnet_database_up 0."""
        up = GaugeMetricFamily("legalnet_database_up", "Whether the database answered this scrape.")
        now = utcnow()
        try:
            pending, oldest = db.session.execute(
                db.select(func.count(OutboxEmail.id), func.min(OutboxEmail.created_at))
                .where(OutboxEmail.status == OutboxStatus.PENDING)).one()
            overdue = db.session.scalar(db.select(func.count(Offer.id)).where(
                Offer.status == OfferStatus.OFFERED, Offer.respond_by < now))
            runs = db.session.scalars(db.select(JobRun)).all()
        except SQLAlchemyError:
            db.session.rollback()
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield GaugeMetricFamily("legalnet_outbox_pending", "E-mails waiting to be sent.", value=pending)
        yield GaugeMetricFamily("legalnet_outbox_oldest_pending_age_seconds",
                                "Age of the oldest e-mail waiting to be sent (0 when none).",
                                value=(now - oldest).total_seconds() if oldest else 0)
        yield GaugeMetricFamily("legalnet_offers_overdue", "Offers past their respond-by time and not yet swept.",
                                value=overdue)
        last_success = GaugeMetricFamily("legalnet_job_last_success_timestamp_seconds",
                                         "When each background job last finished without error.", labels=["job"])
        last_run = GaugeMetricFamily("legalnet_job_last_run_timestamp_seconds",
                                     "When each background job last started.", labels=["job"])
        for run in runs:
            last_success.add_metric([run.name], timestamp(run.last_success_at))
            last_run.add_metric([run.name], timestamp(run.last_started_at))
        yield last_success
        yield last_run
        sweep = next((r for r in runs if r.name == "sla_sweep"), None)
        yield GaugeMetricFamily("legalnet_sla_sweep_last_run_timestamp_seconds",
                                "When the SLA sweep last finished without error (0 when never).",
                                value=timestamp(sweep.last_success_at if sweep else None))


def allowed_networks(setting: str) -> list:
    """The networks of METRICS_ALLOWED_IPS; a bare address is a network of one."""
    networks = []
    for part in (setting or "").split(","):
        part = part.strip()
        if part:
            networks.append(ipaddress.ip_network(part, strict=False))
    return networks


def may_read_metrics() -> bool:
    """An allowed address, or a valid API token of centre staff."""
    try:
        address = ipaddress.ip_address(request.remote_addr or "")
    except ValueError:
        address = None
    if request.headers.get("X-Forwarded-For") or request.headers.get("Forwarded"):
        # Came through a reverse proxy, whose own (often local) address says nothing about the caller.
        address = None
    networks = allowed_networks(current_app.config["METRICS_ALLOWED_IPS"])
    if address is not None and any(address in net for net in networks):
        return True
    value = bearer_value()
    user = authenticate(value) if value else None
    if user is None:
        db.session.rollback()
        return False
    db.session.commit()
    return user.is_staff


def registry():
    """The registry to expose: every worker's files in multiprocess mode, else this process's metrics."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        merged = CollectorRegistry()
        multiprocess.MultiProcessCollector(merged)
        return merged
    return REGISTRY


@bp.route("/metrics")
@limiter.exempt
def metrics():
    """The metrics in the Prometheus text format."""
    if not may_read_metrics():
        abort(403)
    target = registry()
    collector = DatabaseStateCollector()
    if target is REGISTRY:
        # The database gauges are per scrape; join them to the process's own metrics for this answer only.
        output = generate_latest(REGISTRY) + generate_latest(_single(collector))
    else:
        target.register(collector)
        output = generate_latest(target)
    return Response(output, content_type=CONTENT_TYPE_LATEST)


def _single(collector) -> CollectorRegistry:
    """A registry holding one collector."""
    one = CollectorRegistry()
    one.register(collector)
    return one


def init_app(app: Flask) -> None:
    """Count every request by endpoint and status, and serve /metrics."""
    csrf.exempt(bp)

    @app.after_request
    def count_request(response):
        started = g.get("request_started")
        endpoint = request.endpoint or "<unmatched>"
        # Labels come from a fixed set, so that odd methods or paths cannot create new series without end.
        method = request.method if request.method in KNOWN_METHODS else "other"
        REQUESTS.labels(method, endpoint, str(response.status_code)).inc()
        if started is not None:
            REQUEST_SECONDS.labels(method, endpoint).observe(time.perf_counter() - started)
        return response

    app.register_blueprint(bp)
