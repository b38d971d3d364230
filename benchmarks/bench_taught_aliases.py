"""What the taught vocabulary costs: the per-call version check every resolve makes, resolving with and without
it, a whole match (resolve, retrieve, rank, screen) over 10,000 synthetic firms with and without it, the one-off
rebuild after a mapping changes, and the staff page's list of unresolved terms.

Runs against a temporary SQLite file (or DATABASE_URL) with 50 taught aliases and 100 distinct unresolved terms.

    python benchmarks/bench_taught_aliases.py [--calls 2000] [--firms 10000] [--requests 200]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from benchmarks.bench_matching import build_database, synthetic_firms, synthetic_requests  # noqa: E402
from legalnet import create_app  # noqa: E402
from legalnet.accounts.models import Organisation, Role, User  # noqa: E402
from legalnet.extensions import db  # noqa: E402
from legalnet.intake.models import LegalRequest  # noqa: E402
from legalnet.matching import resolver  # noqa: E402
from legalnet.matching.models import TaughtAlias, UnresolvedTerm  # noqa: E402
from legalnet.matching.services import find_matches, resolve_request  # noqa: E402
from legalnet.matching.taught import sync_taught_aliases  # noqa: E402
from legalnet.matching.vocabulary import normalise  # noqa: E402
from legalnet.staff.vocabulary import unresolved_terms  # noqa: E402

REQUEST = ("Trade mark dispute", "Our Shenzhen company needs help with a trade mark dispute with a distributor in "
           "Vietnam, ideally in Vietnamese or English.")


def micros(samples: list[float]) -> str:
    """p50 and p95 of samples in seconds, as microseconds."""
    ordered = sorted(samples)
    return f"p50 {statistics.median(ordered) * 1e6:8.1f} µs  p95 {ordered[int(len(ordered) * 0.95)] * 1e6:8.1f} µs"


def timed(work, calls: int) -> list[float]:
    """Seconds per call of `work`, `calls` times."""
    out = []
    for _ in range(calls):
        start = time.perf_counter()
        work()
        out.append(time.perf_counter() - start)
    return out


def seed() -> None:
    """50 taught aliases and 100 distinct unresolved terms over 300 requests (the page lists the top 50)."""
    staff = User(email="staff@bench.example", name="Staff", role=Role.STAFF)
    staff.set_password("bench-pass-2026-x")
    org = Organisation(name="Bench Co")
    db.session.add_all([staff, org])
    db.session.flush()
    for i in range(50):
        alias = f"benchland {i}"
        db.session.add(TaughtAlias(kind="jurisdictions", code="TH", alias=alias, normalized=normalise(alias),
                                   created_by_id=staff.id))
    for i in range(300):
        req = LegalRequest(organisation_id=org.id, title=f"Request {i}")
        db.session.add(req)
        db.session.flush()
        text = f"Nowhereland {i % 100}"
        db.session.add(UnresolvedTerm(request_id=req.id, kind="jurisdictions", text=text, normalized=normalise(text)))
    db.session.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--firms", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="bench-taught")
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{folder}/bench.sqlite"
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        db.drop_all()
    build_database(url, synthetic_firms(args.firms))
    with app.app_context():
        seed()
        start = time.perf_counter()
        sync_taught_aliases()
        first = time.perf_counter() - start
        resolve_request(*REQUEST)
        print(f"database: {db.engine.dialect.name}; {args.calls} calls each")
        print(f"apply 50 taught aliases on a worker's first call: {first * 1e3:.1f} ms")
        check = timed(sync_taught_aliases, args.calls)
        print(f"version check, nothing changed:          {micros(check)}")
        plain = timed(lambda: resolver.resolve_request(*REQUEST), args.calls // 4)
        with_check = timed(lambda: resolve_request(*REQUEST), args.calls // 4)
        print(f"resolve a request without the check:     {micros(plain)}")
        print(f"resolve a request with the check:        {micros(with_check)}"
              f"  (ratio of medians {statistics.median(with_check) / statistics.median(plain):.2f})")
        requests = synthetic_requests(args.requests)
        times: dict[bool, list[float]] = {False: [], True: []}
        for r in requests:
            # Alternate the two ways so that load on the machine hits both alike.
            for checked in (False, True):
                resolve = resolve_request if checked else resolver.resolve_request
                start = time.perf_counter()
                resolution = resolve(r["title"], r["description"], r["jurisdictions"], r["practice_areas"],
                                     r["languages"])
                find_matches(resolution, r["counterparties"], limit=10)
                times[checked].append(time.perf_counter() - start)
        print(f"match a request over {args.firms:,} firms without the check: {micros(times[False])}")
        print(f"match a request over {args.firms:,} firms with the check:    {micros(times[True])}"
              f"  (ratio of medians {statistics.median(times[True]) / statistics.median(times[False]):.2f})")
        db.session.add(TaughtAlias(kind="jurisdictions", code="VN", alias="bench extra", normalized="bench extra"))
        db.session.commit()
        start = time.perf_counter()
        resolve_request(*REQUEST)
        print(f"first resolve after a new mapping (rebuild): {(time.perf_counter() - start) * 1e3:.1f} ms")
        db.session.execute(db.update(TaughtAlias).where(TaughtAlias.alias == "bench extra")
                           .values(removed_at=db.func.current_timestamp()))
        db.session.commit()
        start = time.perf_counter()
        resolve_request(*REQUEST)
        print(f"first resolve after an undo (rebuild):       {(time.perf_counter() - start) * 1e3:.1f} ms")
        page = timed(unresolved_terms, 5)
        print(f"staff page list of the 50 most frequent unresolved terms with suggestions: "
              f"{statistics.median(page) * 1e3:.1f} ms")
        db.drop_all()


if __name__ == "__main__":
    main()
