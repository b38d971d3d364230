"""Cost of the operations layer and of the personal-data commands.

1. Per-request overhead of request ids, the JSON log line and the request metrics: the same app answers
   GET /healthz with those hooks and without them (removed from the app), through the test client.
2. Time to answer a /metrics scrape (single process, with the database gauges).
3. Time to erase one person (every text and JSON column of every table searched) and to run the retention
   sweep, on a SQLite database with many requests, messages and audit entries.

    python benchmarks/bench_ops.py [--requests 3000] [--cases 3000]
"""

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sqlalchemy import insert  # noqa: E402

from legalnet import create_app  # noqa: E402
from legalnet.accounts.models import Organisation, Role, User  # noqa: E402
from legalnet.core.audit import AuditLog  # noqa: E402
from legalnet.core.models import utcnow  # noqa: E402
from legalnet.extensions import db  # noqa: E402
from legalnet.intake.models import LegalRequest, Outcome, RequestStatus  # noqa: E402
from legalnet.ops.logs import REQUEST_LOGGER  # noqa: E402
from legalnet.privacy.services import erase_person, retention_sweep  # noqa: E402
from legalnet.referrals.models import Message  # noqa: E402


def timed(call, n: int) -> list[float]:
    """Milliseconds of each of n calls."""
    out = []
    for _ in range(n):
        start = time.perf_counter()
        call()
        out.append((time.perf_counter() - start) * 1000)
    return out


def summary(ms: list[float]) -> str:
    """p50 and p95 of a list of milliseconds."""
    ms = sorted(ms)
    return f"p50 {statistics.median(ms):.3f} ms, p95 {ms[int(len(ms) * 0.95)]:.3f} ms"


def without_ops_hooks(app) -> None:
    """Remove the request hooks that legalnet.ops installed."""
    for registry in (app.before_request_funcs, app.after_request_funcs):
        for key, funcs in registry.items():
            registry[key] = [f for f in funcs if not f.__module__.startswith("legalnet.ops")]


def bench_requests(n: int, url: str) -> None:
    """Per-request overhead of the ops hooks on GET /healthz."""
    with_ops = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": url})
    # The lines are formatted and written as in production, to nowhere.
    logging.getLogger(REQUEST_LOGGER).handlers[0].setStream(open(os.devnull, "w"))
    client = with_ops.test_client()
    timed(lambda: client.get("/healthz"), 200)
    on = timed(lambda: client.get("/healthz"), n)
    bare = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": url})
    without_ops_hooks(bare)
    client = bare.test_client()
    timed(lambda: client.get("/healthz"), 200)
    off = timed(lambda: client.get("/healthz"), n)
    ratio = statistics.median(on) / statistics.median(off)
    print(f"GET /healthz x{n}: without ops hooks {summary(off)}; with them {summary(on)}; "
          f"ratio {ratio:.2f}, overhead {statistics.median(on) - statistics.median(off):.3f} ms per request")
    scrape = timed(lambda: client.get("/metrics"), 200)
    print(f"GET /metrics x200 (single process, database gauges): {summary(scrape)}")


def seed(cases: int) -> User:
    """Clients, `cases` closed requests with two messages and three audit entries each; returns one person
    who created 50 of them."""
    organisation = Organisation(name="Bench Org")
    db.session.add(organisation)
    db.session.flush()
    people = [User(email=f"person{i}@bench.example", name=f"Bench Person {i}", role=Role.CLIENT,
                   organisation_id=organisation.id, password_hash="x", session_token=f"token-{i}")
              for i in range(60)]
    db.session.add_all(people)
    db.session.flush()
    old = utcnow() - timedelta(days=365 * 9)
    rows = []
    for i in range(cases):
        author = people[i % 60]
        rows.append({"organisation_id": organisation.id, "created_by_id": author.id, "title": f"Matter {i}",
                     "description": f"Contact {author.name} at {author.email} about matter {i}.",
                     "reference": f"GBA-2017-{i:06d}", "status": RequestStatus.CLOSED, "outcome": Outcome.RESOLVED,
                     "closed_at": old, "created_at": old, "updated_at": old, "jurisdictions": ["HK"],
                     "practice_areas": ["arbitration"], "languages": ["en"]})
    db.session.execute(insert(LegalRequest), rows)
    ids = db.session.scalars(db.select(LegalRequest.id)).all()
    db.session.execute(insert(Message), [
        {"request_id": rid, "sender_id": people[n % 60].id, "side": "client", "body": f"Message {n} about {rid}"}
        for n, rid in enumerate(ids * 2)])
    db.session.execute(insert(AuditLog), [
        {"actor_id": people[n % 60].id, "actor_email": people[n % 60].email, "action": "request.submitted",
         "subject_type": "legalrequest", "subject_id": rid, "summary": f"Matter {rid}", "reason": ""}
        for n, rid in enumerate(ids * 3)])
    db.session.commit()
    return people[0]


def bench_privacy(cases: int) -> None:
    """Erasure of one person and the retention sweep over `cases` closed cases."""
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite"})
        with app.app_context():
            db.create_all()
            person = seed(cases)
            staff = User(email="admin@bench.example", name="Admin", role=Role.STAFF_ADMIN, password_hash="x",
                         session_token="admin-token")
            db.session.add(staff)
            db.session.commit()
            start = time.perf_counter()
            erasure = erase_person(person, staff, "benchmark")
            db.session.commit()
            erase_ms = (time.perf_counter() - start) * 1000
            print(f"erase one person ({cases} requests, {2 * cases} messages, {3 * cases} audit entries in the "
                  f"database; {erasure.replaced} values rewritten): {erase_ms:.0f} ms")
            start = time.perf_counter()
            counts = retention_sweep(limit=cases)
            db.session.commit()
            sweep_ms = (time.perf_counter() - start) * 1000
            print(f"retention sweep anonymising {counts['anonymised']} closed cases: {sweep_ms:.0f} ms "
                  f"({sweep_ms / max(1, counts['anonymised']):.2f} ms per case)")
            db.engine.dispose()


def main() -> None:
    """Run the benchmarks and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--cases", type=int, default=3000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench_requests(args.requests, f"sqlite:///{folder}/requests.sqlite")
    bench_privacy(args.cases)


if __name__ == "__main__":
    main()
