"""Request ids and one JSON log line per request, plus optional Sentry error reports.

Every request gets an id: a well-formed incoming `X-Request-ID` is kept (so a proxy's id follows the request),
otherwise one is made; it is returned in the `X-Request-ID` header, shown on the 500 page and attached to
error reports. The log line names the endpoint, never the path (paths carry tokens such as set-password
links), and never holds form data, descriptions or message bodies."""

import json
import logging
import os
import re
import sys
import time
import uuid
from datetime import UTC, datetime

import sentry_sdk
from flask import Flask, g, request
from sentry_sdk.integrations.flask import FlaskIntegration

REQUEST_LOGGER = "legalnet.requests"
REQUEST_ID_HEADER = "X-Request-ID"
# Ids from outside are kept only when they are short and plain, so nothing odd reaches the logs or headers.
REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON object per line; fields given in `extra={"fields": {...}}` are merged in."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as a JSON line."""
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "pid": record.process,
        }
        entry.update(getattr(record, "fields", None) or {})
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def request_id() -> str | None:
    """The current request's id, if a request is being handled."""
    return g.get("request_id")


def incoming_or_new_id() -> str:
    """The caller's X-Request-ID when it is well-formed, else a new random id."""
    incoming = request.headers.get(REQUEST_ID_HEADER, "")
    return incoming if REQUEST_ID_RE.match(incoming) else uuid.uuid4().hex


def json_logger(name: str) -> logging.Logger:
    """A logger writing JSON lines on standard error, not repeated by the root logger's text handler."""
    logger = logging.getLogger(name)
    if not any(isinstance(h.formatter, JsonFormatter) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


def signed_in_user_id() -> int | None:
    """The id of the user this request acted as, without loading one that the request never needed."""
    user = g.get("api_user") or g.get("_login_user")
    return getattr(user, "id", None) if getattr(user, "is_authenticated", False) else None


def init_app(app: Flask) -> None:
    """Give every request an id, return it, and log one JSON line per request."""
    logger = json_logger(REQUEST_LOGGER)

    @app.before_request
    def start_request():
        g.request_id = incoming_or_new_id()
        g.request_started = time.perf_counter()
        if app.config.get("SENTRY_DSN"):
            sentry_sdk.set_tag("request_id", g.request_id)

    @app.after_request
    def finish_request(response):
        rid = g.get("request_id") or incoming_or_new_id()
        response.headers[REQUEST_ID_HEADER] = rid
        started = g.get("request_started")
        duration = time.perf_counter() - started if started is not None else 0.0
        logger.info("request", extra={"fields": {
            "request_id": rid,
            "method": request.method,
            "endpoint": request.endpoint or "<unmatched>",
            "status": response.status_code,
            "duration_ms": round(duration * 1000, 2),
            "user_id": signed_in_user_id(),
        }})
        return response

    @app.context_processor
    def inject_request_id():
        return {"request_id": g.get("request_id")}


def scrub_event(event, hint):
    """Drop what an error report must not carry: cookies, headers with credentials, bodies and user data."""
    req = event.get("request") or {}
    req.pop("cookies", None)
    req.pop("data", None)
    headers = req.get("headers") or {}
    for name in list(headers):
        if name.lower() in ("authorization", "cookie", "x-csrftoken"):
            headers.pop(name)
    event.pop("user", None)
    return event


def init_sentry(app: Flask) -> None:
    """Send unhandled errors to Sentry (or a compatible service) when SENTRY_DSN is set; off otherwise."""
    dsn = app.config.get("SENTRY_DSN")
    if not dsn:
        return
    sentry_sdk.init(
        dsn=dsn,
        integrations=[FlaskIntegration()],
        environment=app.config.get("SENTRY_ENVIRONMENT") or app.config.get("ENV_NAME"),
        send_default_pii=False,
        max_request_body_size="never",
        traces_sample_rate=0,
        before_send=scrub_event,
        server_name=os.uname().nodename,
    )
