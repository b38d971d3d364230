"""gunicorn settings for legalnet: `gunicorn -c python:legalnet.ops.gunicorn_conf 'legalnet:create_app()'`.

Metrics of several workers are added up through prometheus-client's multiprocess mode: each worker writes its
counters to files in PROMETHEUS_MULTIPROC_DIR, which is emptied when gunicorn starts (stale files would count
old workers) and told when a worker exits. Bind address and worker count come from GUNICORN_BIND and
GUNICORN_WORKERS, or from the command line."""

import os
import shutil
import tempfile

# Set before prometheus_client is first imported: it chooses file-backed values at import time.
multiproc_dir = os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR",
                                      os.path.join(tempfile.gettempdir(), "legalnet-prometheus"))

from prometheus_client import multiprocess  # noqa: E402

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", 4))
# Request lines are logged by the app as JSON; gunicorn's own access log would repeat them as text.
accesslog = None
graceful_timeout = 30


def on_starting(server):
    """Start from an empty metrics directory."""
    shutil.rmtree(multiproc_dir, ignore_errors=True)
    os.makedirs(multiproc_dir, exist_ok=True)


def child_exit(server, worker):
    """Forget the live gauges of a worker that exited (its counters stay counted)."""
    multiprocess.mark_process_dead(worker.pid)
