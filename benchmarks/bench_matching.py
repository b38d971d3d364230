"""Matching, directory search and import speed against fair baselines, on SQLite or PostgreSQL.

For each size it builds a scratch database of synthetic firms (each with a track record and a conflict
register), then measures, per request:

- matching: resolution + retrieval + ranking + conflict screen + team (what `flask match` does), against the
  simplest correct implementation (filter active firms in SQL by jurisdiction and practice area, load every
  survivor and rank them all with the same engine); the shortlists are checked to be identical;
- directory search: `search_directory` against scoring every active firm's name in Python;

and then times `import_firms` on a JSON Lines file with free-text coverage. Progress goes to stderr; the
scratch databases are removed at the end, on Ctrl-C and on SIGTERM.

    python benchmarks/bench_matching.py [--sizes 1000,20000] [--database-url postgresql+psycopg://…/postgres]
        [--requests 200] [--requests-file eval/requests.jsonl] [--import-size 20000] [--memory]
"""

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import time

from sqlalchemy import select
from sqlalchemy.orm import selectinload

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import (  # noqa: E402
    ScratchDatabases,
    app_for,
    build_database,
    percentile,
    progress,
    synthetic_firms,
    synthetic_requests,
)

from legalnet.extensions import db  # noqa: E402
from legalnet.firms.directory import NAME_CUTOFF, name_score, read_query, search_directory  # noqa: E402
from legalnet.firms.importer import BATCH_SIZE, import_firms  # noqa: E402
from legalnet.firms.models import Firm, FirmJurisdiction, FirmPracticeArea, FirmStatus  # noqa: E402
from legalnet.matching.engine import FirmProfile, MatchRequest, rank  # noqa: E402
from legalnet.matching.services import find_matches, load_registers, match_weights, resolve_request  # noqa: E402
from legalnet.matching.vocabulary import get_vocabulary  # noqa: E402


def resolve(r: dict):
    """The resolution of one request in the `flask match` input format."""
    return resolve_request(r.get("title", ""), r.get("description", ""), r.get("jurisdictions", []),
                           r.get("practice_areas", []), r.get("languages", []))


def baseline_matches(resolution, counterparties: list[str], limit: int = 10):
    """The simplest correct matcher: SQL filters by jurisdiction and area, the engine ranks every survivor."""
    conditions = [Firm.status == FirmStatus.ACTIVE]
    if resolution.jurisdictions:
        conditions.append(select(FirmJurisdiction.firm_id).where(
            FirmJurisdiction.firm_id == Firm.id, FirmJurisdiction.code.in_(resolution.jurisdictions)).exists())
    if resolution.practice_areas:
        conditions.append(select(FirmPracticeArea.firm_id).where(
            FirmPracticeArea.firm_id == Firm.id, FirmPracticeArea.code.in_(resolution.practice_areas)).exists())
    if len(conditions) == 1:
        return []
    firms = db.session.scalars(select(Firm).where(*conditions).order_by(Firm.id).options(
        selectinload(Firm.jurisdictions), selectinload(Firm.practice_areas), selectinload(Firm.languages))).all()
    profiles = []
    for f in firms:
        answered = f.offers_accepted + f.offers_declined
        offered = answered + f.offers_expired
        profiles.append(FirmProfile(
            f.id, f.name, f.email, frozenset(f.jurisdiction_codes), frozenset(f.practice_area_codes),
            frozenset(f.language_codes), f.capacity, f.open_cases,
            f.offers_accepted / offered if offered else None,
            f.rating_total / f.rating_count if f.rating_count else None,
            f.response_hours_total / answered if answered else None, f.recent_referrals))
    request = MatchRequest.from_resolution(resolution, counterparties)
    matches = rank(request, profiles, weights=match_weights(), limit=limit, registers=load_registers)
    db.session.expunge_all()
    return matches


def time_matching(url: str, requests: list[dict], baseline_count: int) -> tuple[list[float], list[float], int]:
    """Milliseconds per request for the engine and the baseline, and how many shortlists differed."""
    app = app_for(url)
    engine, baseline, differ = [], [], 0
    with app.app_context():
        resolve({"description": "warm up in Hong Kong"})  # loads the vocabulary, as a running server has
        for n, r in enumerate(requests):
            start = time.perf_counter()
            result = find_matches(resolve(r), r.get("counterparties", []), limit=10)
            engine.append((time.perf_counter() - start) * 1000)
            if n < baseline_count:
                start = time.perf_counter()
                expected = baseline_matches(resolve(r), r.get("counterparties", []), limit=10)
                baseline.append((time.perf_counter() - start) * 1000)
                differ += [m.firm.id for m in result.matches] != [m.firm.id for m in expected]
        db.engine.dispose()
    return engine, baseline, differ


def directory_queries(firms: list[dict], count: int) -> list[str]:
    """Searches people type: whole names, fragments, typos, local names, names with places, places and areas."""
    vocab = get_vocabulary()
    active = [f for f in firms if f["status"] == "active"]
    out = []
    for i in range(count):
        f = active[(i * 7919) % len(active)]
        words = f["name"].split()
        kind = i % 6
        if kind == 0:
            out.append(f["name"])
        elif kind == 1:
            out.append(" ".join(words[:2]))
        elif kind == 2:
            word = max(words, key=len)
            out.append(word[:2] + word[3:] if len(word) > 4 else word)
        elif kind == 3:
            out.append(f["local_name"][:4] if f["local_name"] else words[0])
        elif kind == 4:
            out.append(f"{words[0]} {vocab.label('jurisdictions', f['jurisdictions'][0])}")
        else:
            out.append(f"{vocab.label('practice_areas', f['practice_areas'][0])} in "
                       f"{vocab.label('jurisdictions', f['jurisdictions'][0])}")
    return out


def baseline_directory(query: str) -> list[int]:
    """The directory's name search as it was: every active firm's names scored in Python per request."""
    read_query(query)
    rows = db.session.execute(select(Firm.id, Firm.name, Firm.local_name).where(
        Firm.status == FirmStatus.ACTIVE)).all()
    scored = [(name_score(query, name, local), name.casefold(), i) for i, name, local in rows]
    return [i for _s, _n, i in sorted((s for s in scored if s[0] >= NAME_CUTOFF), key=lambda s: (-s[0], s[1], s[2]))]


def time_directory(url: str, queries: list[str], baseline_count: int) -> tuple[list[float], list[float]]:
    """Milliseconds per directory search, and per search of the baseline."""
    app = app_for(url)
    timings, baseline = [], []
    with app.test_request_context("/firms/"):
        search_directory("warm up")
        for n, q in enumerate(queries):
            start = time.perf_counter()
            search_directory(q)
            timings.append((time.perf_counter() - start) * 1000)
            db.session.expunge_all()
            if n < baseline_count:
                start = time.perf_counter()
                baseline_directory(q)
                baseline.append((time.perf_counter() - start) * 1000)
        db.engine.dispose()
    return timings, baseline


def time_import(url: str, count: int) -> tuple[float, float, float]:
    """Seconds to import `count` firms with free-text coverage, committing each batch, and ms a firm in the
    first and in the last full batch (equal when the cost of a firm does not grow with the table)."""
    firms = synthetic_firms(count, seed=99, conflicts=5)
    vocab = get_vocabulary()
    lines = []
    for f in firms:  # the importer resolves free text, so give it some
        f["jurisdictions"] = [vocab.label("jurisdictions", j) for j in f["jurisdictions"]]
        lines.append(json.dumps({k: f[k] for k in ("name", "local_name", "email", "country", "jurisdictions",
                                                   "practice_areas", "languages", "capacity", "status",
                                                   "conflict_parties")}, ensure_ascii=False) + "\n")
    app = app_for(url)
    marks: list[float] = []
    with app.app_context():
        db.create_all()

        def batch_done() -> None:
            db.session.commit()
            marks.append(time.perf_counter())
            done = len(marks) * BATCH_SIZE
            if len(marks) % 10 == 0:
                progress(f"  imported {done:,} of {count:,} rows")

        start = time.perf_counter()
        report = import_firms(io.StringIO("".join(lines)), "jsonl", on_batch=batch_done)
        db.session.commit()
        elapsed = time.perf_counter() - start
        assert report.created == count, report.errors[:3]
        db.engine.dispose()
    first = (marks[0] - start) * 1000 / BATCH_SIZE if marks else 0.0
    last = (marks[-1] - marks[-2]) * 1000 / BATCH_SIZE if len(marks) > 1 else first
    return elapsed, first, last


def peak_memory_mb() -> float:
    """Peak resident memory of this process in MB (VmHWM, which belongs to this process image alone)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def load_requests(args) -> list[dict]:
    """The requests to match: a JSON Lines file in the `flask match` format, or synthetic prose."""
    if args.requests_file:
        with open(args.requests_file, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()][: args.requests]
    return synthetic_requests(args.requests)


def summary(values: list[float]) -> tuple[float, float]:
    """Median and 95th percentile."""
    return statistics.median(values), percentile(values, 95)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,20000", help="firm counts, comma-separated")
    parser.add_argument("--database-url", help="a PostgreSQL server URL; scratch databases are created there")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--requests-file", help="JSON Lines requests in the `flask match` input format")
    parser.add_argument("--baseline-requests", type=int, default=40)
    parser.add_argument("--searches", type=int, default=120)
    parser.add_argument("--baseline-searches", type=int, default=20)
    parser.add_argument("--import-size", type=int, default=20000, help="0 to skip the import")
    parser.add_argument("--memory", action="store_true", help="also measure a match process's peak memory")
    parser.add_argument("--child-memory", nargs=2, metavar=("URL", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_memory:
        time_matching(args.child_memory[0], load_requests(argparse.Namespace(
            requests_file=args.child_memory[1] or None, requests=args.requests)), 0)
        print(peak_memory_mb())
        return
    requests = load_requests(args)
    kind = "PostgreSQL" if args.database_url else "SQLite"
    print(f"{kind}, {len(requests)} requests ({args.requests_file or 'synthetic'}); times in ms a request")
    print(f"{'firms':>8} | {'match p50':>9} {'p95':>7} | {'baseline p50':>12} {'p95':>7} {'x p50':>6} {'same':>5} | "
          f"{'search p50':>10} {'p95':>7} | {'baseline p50':>12} {'p95':>7} {'x p50':>6}", flush=True)
    with ScratchDatabases(args.database_url) as scratch:
        for size in [int(s) for s in args.sizes.split(",") if s]:
            progress(f"building {size:,} firms")
            firms = synthetic_firms(size)
            url = scratch.new(f"f{size}")
            build_database(url, firms)
            progress(f"matching {len(requests)} requests at {size:,} firms")
            engine, baseline, differ = time_matching(url, requests, args.baseline_requests)
            progress(f"searching the directory at {size:,} firms")
            search, search_base = time_directory(url, directory_queries(firms, args.searches), args.baseline_searches)
            (e50, e95), (b50, b95) = summary(engine), summary(baseline)
            (s50, s95), (d50, d95) = summary(search), summary(search_base)
            print(f"{size:>8} | {e50:>9.1f} {e95:>7.1f} | {b50:>12.1f} {b95:>7.1f} {b50 / e50:>5.1f}x "
                  f"{len(baseline) - differ:>2}/{len(baseline):<2} | {s50:>10.1f} {s95:>7.1f} | "
                  f"{d50:>12.1f} {d95:>7.1f} {d50 / s50:>5.1f}x", flush=True)
            if args.memory:
                progress("measuring the peak memory of a match process")
                out = subprocess.run([sys.executable, __file__, "--requests", str(args.requests), "--child-memory",
                                      url, args.requests_file or ""], capture_output=True, text=True, check=True)
                print(f"peak memory of a match process at {size:,} firms: {float(out.stdout.split()[-1]):.0f} MB",
                      flush=True)
        if args.import_size:
            progress(f"importing {args.import_size:,} firms")
            elapsed, first, last = time_import(scratch.new("import"), args.import_size)
            per_firm = elapsed * 1000 / args.import_size
            print(f"import of {args.import_size:,} firms: {elapsed:.1f} s, {per_firm:.2f} ms a firm "
                  f"(first batch {first:.2f}, last batch {last:.2f} ms a firm)", flush=True)


if __name__ == "__main__":
    main()
