"""Time to load the vocabulary and build the resolver's index, and resolution latency per request.

Each run is a fresh Python process (the vocabulary is loaded once per process), so the figures are what a
worker pays at start. Resolution latency is measured over the requests of a JSON Lines file (title,
description and list fields of the `flask match` contract), after a warm-up pass.

    python benchmarks/bench_vocabulary.py [--runs 5] [--requests FILE] [--checkout DIR]

``--checkout`` measures another checkout of the project (for a before/after comparison): its directory is
put first on the import path of the measuring processes.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Runs in the measuring process: prints one JSON line of timings.
PROBE = r"""
import json, sys, time
t0 = time.perf_counter()
from legalnet.matching.vocabulary import get_vocabulary
from legalnet.matching import resolver
t1 = time.perf_counter()
vocab = get_vocabulary()
t2 = time.perf_counter()
resolver._index(vocab)
t3 = time.perf_counter()
latencies = []
path = sys.argv[1]
if path:
    items = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    def run(item):
        resolver.resolve_request(item.get("title") or "", item.get("description") or "",
                                 item.get("jurisdictions") or [], item.get("practice_areas") or [],
                                 item.get("languages") or [])
    for item in items:
        run(item)
    for item in items:
        start = time.perf_counter()
        run(item)
        latencies.append(time.perf_counter() - start)
sizes = {kind: len(vocab.aliases(kind)) for kind in ("jurisdictions", "languages")}
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "index": t3 - t2, "latencies": latencies, "aliases": sizes}))
"""


def measure(checkout: str, requests: str, runs: int) -> dict:
    """Median timings over fresh processes."""
    env = dict(os.environ, PYTHONPATH=checkout)
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PROBE, requests], env=env, cwd=checkout, check=True,
                             capture_output=True, text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    latencies = sorted(x for r in results for x in r["latencies"])

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else 0.0

    return {
        "import_s": round(statistics.median(r["import"] for r in results), 3),
        "load_s": round(statistics.median(r["load"] for r in results), 3),
        "index_s": round(statistics.median(r["index"] for r in results), 3),
        "load_and_index_s": round(statistics.median(r["load"] + r["index"] for r in results), 3),
        "resolve_p50_ms": round(pct(0.5), 2),
        "resolve_p95_ms": round(pct(0.95), 2),
        "aliases": results[0]["aliases"],
    }


def main() -> None:
    """Print the figures of one checkout as JSON."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--requests", default="")
    parser.add_argument("--checkout", default=ROOT)
    args = parser.parse_args()
    requests = os.path.abspath(args.requests) if args.requests else ""
    print(json.dumps(measure(os.path.abspath(args.checkout), requests, args.runs)))


if __name__ == "__main__":
    main()
