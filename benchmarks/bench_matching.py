"""Matching speed against a naive baseline, firm import speed, and peak memory of a match process.

Builds synthetic SQLite databases of 1,000, 10,000 and 100,000 firms (each with a conflict register of
20 names), runs the same 200 requests through the engine (resolution + SQL retrieval + ranking + conflict
screen) and through a naive baseline (rapidfuzz WRatio of the request text against every firm's profile
text), and prints p50/p95 latency per request and the ratio. Also times `import_firms` on 10,000 rows
and measures the peak resident memory of a process matching at 100,000 firms.

    python benchmarks/bench_matching.py [--sizes 1000,10000,100000] [--requests 200] [--baseline-requests 200]
"""

import argparse
import io
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time

from rapidfuzz import fuzz, process
from sqlalchemy import insert

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from legalnet import create_app  # noqa: E402
from legalnet.extensions import db  # noqa: E402
from legalnet.firms.importer import import_firms  # noqa: E402
from legalnet.firms.models import (  # noqa: E402
    ConflictParty,
    Firm,
    FirmJurisdiction,
    FirmLanguage,
    FirmPracticeArea,
    FirmStatus,
)
from legalnet.matching.conflicts import normalise_entity  # noqa: E402
from legalnet.matching.services import find_matches, resolve_request  # noqa: E402
from legalnet.matching.vocabulary import get_vocabulary  # noqa: E402

JURISDICTIONS = ["CN", "HK", "MO", "SG", "TH", "MY", "VN", "ID", "PH", "KH", "LA", "MM", "BN"]
JURIS_WEIGHTS = [20, 14, 4, 14, 9, 9, 9, 8, 6, 2, 1, 2, 2]
LANG_OF = {"CN": "zh", "HK": "yue", "MO": "pt", "SG": "en", "TH": "th", "MY": "ms", "VN": "vi", "ID": "id",
           "PH": "fil", "KH": "km", "LA": "lo", "MM": "my", "BN": "ms"}
NAME_WORDS = ["Harbour", "Pearl", "Lotus", "Summit", "Golden", "Mekong", "Straits", "Jade", "Orchid", "Crown",
              "Phoenix", "Bamboo", "Coral", "Dragon", "Lion", "Island", "Delta", "Peak", "Royal", "Silk"]
COMPANY_WORDS = ["Siam", "Vina", "Borneo", "Pacific", "Asia", "Sunrise", "Eastern", "Oriental", "Nusantara",
                 "Mandala", "Everest", "Greenfield", "Bluewater", "Redstone", "Ironbridge", "Skyline", "Tiger"]
COMPANY_KINDS = ["Cement", "Bank", "Logistics", "Holdings", "Textiles", "Energy", "Foods", "Motors", "Telecom",
                 "Steel", "Shipping", "Pharma", "Retail", "Capital", "Mining"]
LEGAL_FORMS = ["Co., Ltd.", "Pte. Ltd.", "Sdn. Bhd.", "PCL", "JSC", "Limited", "Inc.", "Berhad", "有限公司"]
TEMPLATES_EN = [
    "We need advice on {area} in {juris}. Our team works in {lang}.",
    "Seeking a law firm for {area} work relating to our operations in {juris}.",
    "Our company is expanding to {juris} and needs counsel for {area}; {lang}-speaking lawyers preferred.",
]
TEMPLATES_ZH = ["我们需要在{juris}的{area}方面的法律服务。", "我司计划进入{juris}市场，需要{area}律师。"]


def company_name(rng: random.Random) -> str:
    """A synthetic counterparty name with a legal form."""
    return f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)} {rng.choice(LEGAL_FORMS)}"


def synthetic_firms(count: int, seed: int = 7) -> list[dict]:
    """Firms in the import format, with codes for coverage and 20 conflict parties each."""
    rng = random.Random(seed)
    areas = get_vocabulary().codes("practice_areas")
    firms = []
    for i in range(count):
        juris = rng.choices(JURISDICTIONS, JURIS_WEIGHTS, k=rng.choice([1, 1, 2, 3]))
        juris = list(dict.fromkeys(juris))
        langs = list(dict.fromkeys(["en", LANG_OF[juris[0]], *rng.sample(["zh", "en", "yue", "ms"], 1)]))
        firms.append({
            "name": f"{rng.choice(NAME_WORDS)} {rng.choice(NAME_WORDS)} Law {i}",
            "email": f"firm{i}@bench.example",
            "country": juris[0],
            "jurisdictions": juris,
            "practice_areas": rng.sample(areas, rng.randint(2, 5)),
            "languages": langs,
            "capacity": rng.randint(2, 10),
            "status": "active" if rng.random() < 0.9 else "suspended",
            "conflict_parties": [company_name(rng) for _ in range(20)],
        })
    return firms


def synthetic_requests(count: int, seed: int = 11) -> list[dict]:
    """Requests written in English and Chinese prose, some with structured fields and counterparties."""
    rng = random.Random(seed)
    vocab = get_vocabulary()
    areas = vocab.codes("practice_areas")
    requests = []
    for i in range(count):
        juris = rng.choices(JURISDICTIONS, JURIS_WEIGHTS, k=rng.choice([1, 1, 1, 2]))
        area = rng.choice(areas)
        if i % 4 == 3:
            text = rng.choice(TEMPLATES_ZH).format(
                juris=vocab.label("jurisdictions", juris[0], "zh-Hans"),
                area=vocab.label("practice_areas", area, "zh-Hans"))
        else:
            text = rng.choice(TEMPLATES_EN).format(
                juris=" and ".join(vocab.label("jurisdictions", j) for j in juris),
                area=vocab.label("practice_areas", area), lang=vocab.label("languages", LANG_OF[juris[0]]))
        structured = i % 3 == 0
        requests.append({
            "id": f"bench{i:04d}",
            "title": f"Request {i}",
            "description": text,
            "jurisdictions": juris if structured else [],
            "practice_areas": [area] if structured else [],
            "languages": [],
            "counterparties": [company_name(rng)] if i % 2 == 0 else [],
        })
    return requests


def build_database(url: str, firms: list[dict]) -> None:
    """Write synthetic firms straight into a fresh database (bulk inserts of codes, as the importer does)."""
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        db.create_all()
        for start in range(0, len(firms), 5000):
            chunk = firms[start:start + 5000]
            rows = [{"name": f["name"], "email": f["email"], "country": f["country"], "capacity": f["capacity"],
                     "status": FirmStatus(f["status"]), "raw_jurisdictions": f["jurisdictions"],
                     "raw_practice_areas": f["practice_areas"], "raw_languages": f["languages"]} for f in chunk]
            ids = dict(db.session.execute(insert(Firm).returning(Firm.email, Firm.id), rows).all())
            for key, model in (("jurisdictions", FirmJurisdiction), ("practice_areas", FirmPracticeArea),
                               ("languages", FirmLanguage)):
                rows = [{"firm_id": ids[f["email"]], "code": c} for f in chunk for c in f[key]]
                db.session.execute(insert(model), rows)
            parties = []
            for f in chunk:
                seen = set()
                for name in f["conflict_parties"]:
                    norm = normalise_entity(name)
                    if norm and norm not in seen:
                        seen.add(norm)
                        parties.append({"firm_id": ids[f["email"]], "name": name, "normalized_name": norm})
            db.session.execute(insert(ConflictParty), parties)
            db.session.commit()
        db.engine.dispose()


def percentile(values: list[float], pct: float) -> float:
    """The pct-th percentile of a list of numbers."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def time_engine(url: str, requests: list[dict]) -> list[float]:
    """Milliseconds per request through resolution, retrieval, ranking and the conflict screen."""
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": url})
    timings = []
    with app.app_context():
        # One warm-up request loads the vocabulary and opens the connection, as a running server has.
        resolve_request("", "warm up in Hong Kong", [], [], [])
        for r in requests:
            start = time.perf_counter()
            resolution = resolve_request(r["title"], r["description"], r["jurisdictions"], r["practice_areas"],
                                         r["languages"])
            find_matches(resolution, r["counterparties"], limit=10)
            timings.append((time.perf_counter() - start) * 1000)
        db.engine.dispose()
    return timings


def profile_text(f: dict) -> str:
    """The text a naive search compares a request with."""
    return " ".join([f["name"], f["country"], *f["jurisdictions"], *f["practice_areas"], *f["languages"]])


def time_baseline(firms: list[dict], requests: list[dict]) -> list[float]:
    """Milliseconds per request for WRatio of the request text against every active firm's profile."""
    choices = [profile_text(f) for f in firms if f["status"] == "active"]
    timings = []
    for r in requests:
        query = " ".join([r["description"], *r["jurisdictions"], *r["practice_areas"]])
        start = time.perf_counter()
        process.extract(query, choices, scorer=fuzz.WRatio, limit=10)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def time_import(count: int) -> float:
    """Seconds to import `count` firms from JSON Lines into an empty database."""
    firms = synthetic_firms(count, seed=99)
    for f in firms:  # the importer resolves free text, so give it some
        f["jurisdictions"] = [get_vocabulary().label("jurisdictions", j) for j in f["jurisdictions"]]
    text = "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in firms)
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/import.sqlite"})
        with app.app_context():
            db.create_all()
            start = time.perf_counter()
            report = import_firms(io.StringIO(text), "jsonl")
            db.session.commit()
            elapsed = time.perf_counter() - start
            assert report.created == count, report.errors[:3]
            db.engine.dispose()
    return elapsed


def peak_memory_mb() -> float:
    """Peak resident memory of this process in MB.

    VmHWM belongs to the process image, unlike ru_maxrss, which Linux carries over from the parent across
    fork and exec and would report the memory of the benchmark that started this process."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_memory(url: str, count: int) -> None:
    """Run the requests in this process and print its peak resident memory in MB."""
    time_engine(url, synthetic_requests(count))
    print(peak_memory_mb())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--baseline-requests", type=int, default=200)
    parser.add_argument("--child-memory", nargs=2, metavar=("URL", "COUNT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_memory:
        child_memory(args.child_memory[0], int(args.child_memory[1]))
        return
    requests = synthetic_requests(args.requests)
    print(f"{'firms':>8} {'engine p50':>11} {'engine p95':>11} {'naive p50':>10} {'naive p95':>10} "
          f"{'p50 x':>7} {'p95 x':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        largest = None
        for size in [int(s) for s in args.sizes.split(",")]:
            firms = synthetic_firms(size)
            url = f"sqlite:///{tmp}/bench{size}.sqlite"
            build_database(url, firms)
            engine = time_engine(url, requests)
            baseline = time_baseline(firms, requests[: args.baseline_requests])
            e50, e95 = statistics.median(engine), percentile(engine, 95)
            b50, b95 = statistics.median(baseline), percentile(baseline, 95)
            print(f"{size:>8} {e50:>9.2f}ms {e95:>9.2f}ms {b50:>8.1f}ms {b95:>8.1f}ms {b50 / e50:>6.1f}x "
                  f"{b95 / e95:>6.1f}x", flush=True)
            largest = (url, size)
        print(f"import of 10,000 firms: {time_import(10_000):.1f} s", flush=True)
        if largest:
            out = subprocess.run([sys.executable, __file__, "--child-memory", largest[0], str(args.requests)],
                                 capture_output=True, text=True, check=True)
            print(f"peak memory of a match process at {largest[1]:,} firms: {float(out.stdout.split()[-1]):.0f} MB")


if __name__ == "__main__":
    main()
