"""Shared pieces of the benchmarks: synthetic firms and requests, scratch databases that are always removed
(also on Ctrl-C or SIGTERM), percentiles, and progress lines on stderr."""

import contextlib
import os
import random
import shutil
import signal
import sys
import tempfile
import time
import uuid

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from legalnet import create_app  # noqa: E402
from legalnet.extensions import db  # noqa: E402
from legalnet.firms.derived import code_list, search_key  # noqa: E402
from legalnet.firms.models import (  # noqa: E402
    ConflictParty,
    Firm,
    FirmJurisdiction,
    FirmLanguage,
    FirmPracticeArea,
    FirmStatus,
)
from legalnet.matching.conflicts import normalise_entity  # noqa: E402
from legalnet.matching.vocabulary import get_vocabulary  # noqa: E402

JURISDICTIONS = ["CN", "HK", "MO", "SG", "TH", "MY", "VN", "ID", "PH", "KH", "LA", "MM", "BN"]
JURIS_WEIGHTS = [20, 14, 4, 14, 9, 9, 9, 8, 6, 2, 1, 2, 2]
LANG_OF = {"CN": "zh", "HK": "yue", "MO": "pt", "SG": "en", "TH": "th", "MY": "ms", "VN": "vi", "ID": "id",
           "PH": "fil", "KH": "km", "LA": "lo", "MM": "my", "BN": "ms"}
NAME_WORDS = ["Harbour", "Pearl", "Lotus", "Summit", "Golden", "Mekong", "Straits", "Jade", "Orchid", "Crown",
              "Phoenix", "Bamboo", "Coral", "Dragon", "Lion", "Island", "Delta", "Peak", "Royal", "Silk"]
FAMILY_NAMES = ["Tan", "Koh", "Nguyen", "Tran", "Wong", "Chan", "Lim", "Santos", "Reyes", "Wijaya", "Suzuki",
                "Chaiyaporn", "Rahman", "Ong", "Lee", "Ho", "Pham", "Siregar", "Dela Cruz", "Sok", "Vong"]
FIRM_FORMS = ["Law", "LLP", "& Partners", "Legal", "Advocates", "Law Firm", "Chambers", "LLC", "Associates"]
LOCAL_NAMES = ["前海", "港湾", "明珠", "莲花", "金峰", "湄公", "海峡", "翡翠", "兰花", "皇冠", "凤凰", "竹林"]
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


def progress(message: str) -> None:
    """A progress line on stderr, so the figures on stdout stay clean."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def percentile(values: list[float], pct: float) -> float:
    """The pct-th percentile of a list of numbers (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(pct / 100 * (len(ordered) - 1))))]


def company_name(rng: random.Random) -> str:
    """A synthetic counterparty name with a legal form."""
    return f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)} {rng.choice(LEGAL_FORMS)}"


def firm_name(rng: random.Random, i: int) -> str:
    """A synthetic firm name in one of the shapes member firms use."""
    shape = i % 3
    if shape == 0:
        return f"{rng.choice(NAME_WORDS)} {rng.choice(NAME_WORDS)} {rng.choice(FIRM_FORMS)} {i}"
    if shape == 1:
        return f"{rng.choice(FAMILY_NAMES)} & {rng.choice(FAMILY_NAMES)} {rng.choice(FIRM_FORMS)} {i}"
    return f"{rng.choice(FAMILY_NAMES)} {rng.choice(NAME_WORDS)} {rng.choice(FIRM_FORMS)} {i}"


def synthetic_firms(count: int, seed: int = 7, conflicts: int = 20) -> list[dict]:
    """Firms in the import format, with codes for coverage, a track record and `conflicts` register names."""
    rng = random.Random(seed)
    areas = get_vocabulary().codes("practice_areas")
    firms = []
    for i in range(count):
        juris = list(dict.fromkeys(rng.choices(JURISDICTIONS, JURIS_WEIGHTS, k=rng.choice([1, 1, 2, 3]))))
        langs = list(dict.fromkeys(["en", LANG_OF[juris[0]], *rng.sample(["zh", "en", "yue", "ms"], 1)]))
        capacity = rng.randint(2, 10)
        accepted, declined = rng.choice([0, 0, 3, 8, 20]), rng.choice([0, 1, 4])
        rated = rng.choice([0, 0, 2, 6])
        firms.append({
            "name": firm_name(rng, i),
            "local_name": f"{rng.choice(LOCAL_NAMES)}{rng.choice(LOCAL_NAMES)}律师事务所" if i % 4 == 0 else None,
            "email": f"firm{i}@bench.example",
            "country": juris[0],
            "jurisdictions": juris,
            "practice_areas": rng.sample(areas, rng.randint(2, 5)),
            "languages": langs,
            "capacity": capacity,
            "open_cases": rng.randint(0, capacity),
            "offers_accepted": accepted, "offers_declined": declined, "offers_expired": rng.choice([0, 0, 1]),
            "response_hours_total": float((accepted + declined) * rng.choice([6, 20, 50])),
            "rating_count": rated, "rating_total": rated * rng.choice([3, 4, 5]),
            "recent_referrals": rng.choice([0, 0, 1, 3]),
            "status": "active" if rng.random() < 0.9 else "suspended",
            "conflict_parties": [company_name(rng) for _ in range(conflicts)],
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
            text_ = rng.choice(TEMPLATES_ZH).format(
                juris=vocab.label("jurisdictions", juris[0], "zh-Hans"),
                area=vocab.label("practice_areas", area, "zh-Hans"))
        else:
            text_ = rng.choice(TEMPLATES_EN).format(
                juris=" and ".join(vocab.label("jurisdictions", j) for j in juris),
                area=vocab.label("practice_areas", area), lang=vocab.label("languages", LANG_OF[juris[0]]))
        structured = i % 3 == 0
        requests.append({
            "id": f"bench{i:04d}", "title": f"Request {i}", "description": text_,
            "jurisdictions": juris if structured else [], "practice_areas": [area] if structured else [],
            "languages": [], "counterparties": [company_name(rng)] if i % 2 == 0 else [],
        })
    return requests


FIRM_STATS = ("capacity", "open_cases", "offers_accepted", "offers_declined", "offers_expired",
              "response_hours_total", "rating_count", "rating_total", "recent_referrals")


def app_for(url: str):
    """An application on the database at `url`."""
    return create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": url})


def build_database(url: str, firms: list[dict], chunk: int = 5000) -> None:
    """Create the schema and write synthetic firms straight into it in bulk (codes already resolved)."""
    app = app_for(url)
    with app.app_context():
        db.create_all()
        for start in range(0, len(firms), chunk):
            part = firms[start:start + chunk]
            rows = [{"name": f["name"], "local_name": f["local_name"], "email": f["email"], "country": f["country"],
                     "status": FirmStatus(f["status"]), "raw_jurisdictions": f["jurisdictions"],
                     "raw_practice_areas": f["practice_areas"], "raw_languages": f["languages"],
                     "search_name": search_key(f["name"], f["local_name"]),
                     "jurisdiction_list": code_list(f["jurisdictions"]),
                     "practice_area_list": code_list(f["practice_areas"]), "language_list": code_list(f["languages"]),
                     **{k: f[k] for k in FIRM_STATS}} for f in part]
            ids = dict(db.session.execute(insert(Firm).returning(Firm.email, Firm.id), rows).all())
            for key, model in (("jurisdictions", FirmJurisdiction), ("practice_areas", FirmPracticeArea),
                               ("languages", FirmLanguage)):
                codes = [{"firm_id": ids[f["email"]], "code": c} for f in part for c in f[key]]
                db.session.execute(insert(model), codes)
            parties = []
            for f in part:
                seen = set()
                for name in f["conflict_parties"]:
                    norm = normalise_entity(name)
                    if norm and norm not in seen:
                        seen.add(norm)
                        parties.append({"firm_id": ids[f["email"]], "name": name, "normalized_name": norm})
            if parties:
                db.session.execute(insert(ConflictParty), parties)
            db.session.commit()
            progress(f"  built {min(start + chunk, len(firms)):,} of {len(firms):,} firms")
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))
        db.engine.dispose()


class ScratchDatabases:
    """Scratch databases for a run: SQLite files in a temporary folder, or databases created on the
    PostgreSQL server of `server_url`; all of them removed on exit, Ctrl-C or SIGTERM."""

    def __init__(self, server_url: str | None = None):
        self.server_url = server_url
        self.folder = tempfile.mkdtemp(prefix="legalnet-bench-")
        self.created: list[str] = []
        self.tag = uuid.uuid4().hex[:6]

    def __enter__(self):
        # SIGTERM becomes SystemExit so that the cleanup in __exit__ runs, as it does for Ctrl-C.
        self.previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        return self

    def new(self, name: str) -> str:
        """The URL of a new empty database."""
        if not self.server_url:
            return f"sqlite:///{self.folder}/{name}.sqlite"
        database = f"legalnet_bench_{self.tag}_{name}"
        admin = create_engine(self.server_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{database}"'))
        admin.dispose()
        self.created.append(database)
        return make_url(self.server_url).set(database=database).render_as_string(hide_password=False)

    def __exit__(self, *_exc):
        shutil.rmtree(self.folder, ignore_errors=True)
        if self.created:
            admin = create_engine(self.server_url, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                for database in self.created:
                    with contextlib.suppress(Exception):
                        conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            admin.dispose()
        signal.signal(signal.SIGTERM, self.previous)
        return False
