"""Configuration classes per environment; every value can come from the environment."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = BASE_DIR / "instance"


def _float(name: str, default: float) -> float:
    """Read a float from the environment, falling back to a default."""
    return float(os.environ.get(name, default))


class Config:
    """Settings shared by every environment."""

    ENV_NAME = "development"

    SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret")
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'legalnet.sqlite'}"
    )
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    # How long a SQLite writer waits for another to commit before giving up with "database is locked"; the
    # driver's 5 s is too short for a sweep and a web worker that meet on a busy machine.
    SQLITE_BUSY_TIMEOUT_SECONDS = float(os.environ.get("SQLITE_BUSY_TIMEOUT_SECONDS", 30))
    PASSWORD_HASH_METHOD = "scrypt"
    WTF_CSRF_TIME_LIMIT = None
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True
    # Computed figures (staff reports) are cached per process by default; set CACHE_REDIS_URL (redis://…) to
    # share them between workers. They are dropped on every write that changes them, and expire anyway.
    CACHE_REDIS_URL = os.environ.get("CACHE_REDIS_URL", "")
    CACHE_TYPE = "RedisCache" if CACHE_REDIS_URL else "SimpleCache"
    CACHE_DEFAULT_TIMEOUT = int(os.environ.get("CACHE_DEFAULT_TIMEOUT", 300))
    REPORTS_CACHE_SECONDS = int(os.environ.get("REPORTS_CACHE_SECONDS", 60))
    LOGIN_RATE_LIMIT_IP = os.environ.get("LOGIN_RATE_LIMIT_IP", "20 per minute")
    # Failed sign-ins of one account from one client address; the account-wide ceiling counts every address
    # and, once reached, lets only the right password with a valid second factor through.
    LOGIN_RATE_LIMIT_ACCOUNT = os.environ.get("LOGIN_RATE_LIMIT_ACCOUNT", "5 per minute")
    LOGIN_ACCOUNT_CEILING = os.environ.get("LOGIN_ACCOUNT_CEILING", "100 per hour")
    PASSWORD_RESET_RATE_LIMIT = os.environ.get("PASSWORD_RESET_RATE_LIMIT", "5 per hour")
    PASSWORD_RESET_MAX_AGE = int(os.environ.get("PASSWORD_RESET_MAX_AGE", 3600))
    # Sign-up and reset requests answer no sooner than this, so their timing does not tell known addresses.
    ACCOUNT_ANSWER_SECONDS = _float("ACCOUNT_ANSWER_SECONDS", 0.5)
    SESSION_MAX_AGE_DAYS = _float("SESSION_MAX_AGE_DAYS", 30)
    # Hostile input: JSON bodies larger or deeper than this are refused with 413 / 400.
    JSON_MAX_BYTES = int(os.environ.get("JSON_MAX_BYTES", 1_000_000))
    JSON_MAX_DEPTH = int(os.environ.get("JSON_MAX_DEPTH", 32))
    # Any request body (uploads included) larger than this is refused with 413 before it is read.
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_CONTENT_LENGTH", 32 * 1024 * 1024))
    # Case documents: the largest file accepted, and where files are kept: "local" (DOCUMENT_ROOT, by default
    # instance/documents, outside the web root) or "s3" (S3-compatible storage; needs the `s3` extra and
    # DOCUMENT_S3_BUCKET, optionally DOCUMENT_S3_PREFIX, DOCUMENT_S3_REGION, DOCUMENT_S3_ENDPOINT_URL).
    DOCUMENT_MAX_BYTES = int(os.environ.get("DOCUMENT_MAX_BYTES", 20 * 1024 * 1024))
    DOCUMENT_STORAGE = os.environ.get("DOCUMENT_STORAGE", "local")
    DOCUMENT_ROOT = os.environ.get("DOCUMENT_ROOT", "")
    DOCUMENT_S3_BUCKET = os.environ.get("DOCUMENT_S3_BUCKET", "")
    DOCUMENT_S3_PREFIX = os.environ.get("DOCUMENT_S3_PREFIX", "")
    DOCUMENT_S3_REGION = os.environ.get("DOCUMENT_S3_REGION", "")
    DOCUMENT_S3_ENDPOINT_URL = os.environ.get("DOCUMENT_S3_ENDPOINT_URL", "")
    # Where people open the site: the start of every link in e-mails.
    BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:5000")
    API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "120 per minute")

    LANGUAGES = ["en", "zh_Hans", "zh_Hant"]
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = os.environ.get("BABEL_DEFAULT_TIMEZONE", "Asia/Hong_Kong")

    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", 587))
    MAIL_USE_TLS = os.environ.get("MAIL_USE_TLS", "1") == "1"
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_DEFAULT_SENDER = os.environ.get("MAIL_DEFAULT_SENDER", "legalnet@gba-asean.example")
    # An e-mail whose sender died while sending goes back to the queue after this long (cron runs every minute).
    OUTBOX_STALE_SECONDS = _float("OUTBOX_STALE_SECONDS", 90)

    # Response deadlines for referral offers, in hours.
    SLA_STANDARD_HOURS = _float("SLA_STANDARD_HOURS", 48)
    SLA_URGENT_HOURS = _float("SLA_URGENT_HOURS", 24)
    SLA_REMINDER_HOURS = _float("SLA_REMINDER_HOURS", 6)

    # Weights of the matching score components; they need not sum to one, the engine normalises.
    MATCH_WEIGHTS = {
        "jurisdiction": _float("MATCH_WEIGHT_JURISDICTION", 0.30),
        "practice_area": _float("MATCH_WEIGHT_PRACTICE_AREA", 0.35),
        "language": _float("MATCH_WEIGHT_LANGUAGE", 0.10),
        "capacity": _float("MATCH_WEIGHT_CAPACITY", 0.08),
        "track_record": _float("MATCH_WEIGHT_TRACK_RECORD", 0.10),
        "fairness": _float("MATCH_WEIGHT_FAIRNESS", 0.07),
    }
    # Referrals older than this no longer count in the fairness component of matching.
    FAIRNESS_WINDOW_DAYS = int(os.environ.get("FAIRNESS_WINDOW_DAYS", 30))
    MATCH_SHORTLIST_SIZE = int(os.environ.get("MATCH_SHORTLIST_SIZE", 10))

    # Operations: who may read /metrics without a staff API token (addresses or networks, comma-separated),
    # error reports to Sentry when a DSN is set, and the job runner's intervals in seconds.
    METRICS_ALLOWED_IPS = os.environ.get("METRICS_ALLOWED_IPS", "127.0.0.1,::1")
    SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
    SENTRY_ENVIRONMENT = os.environ.get("SENTRY_ENVIRONMENT", "")
    JOBS_SWEEP_SECONDS = _float("JOBS_SWEEP_SECONDS", 60)
    JOBS_OUTBOX_SECONDS = _float("JOBS_OUTBOX_SECONDS", 5)
    JOBS_RETENTION_SECONDS = _float("JOBS_RETENTION_SECONDS", 24 * 3600)
    # Personal data of closed cases is anonymised this many years after closing.
    RETENTION_YEARS = _float("RETENTION_YEARS", 7)


class DevelopmentConfig(Config):
    """Local development: SQLite under instance/, e-mail printed to the log."""

    DEBUG = True


class TestingConfig(Config):
    """The test suite: its own database, CSRF on (tests send tokens), fast password hashing."""

    ENV_NAME = "testing"
    TESTING = True
    SECRET_KEY = "testing-secret"
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    RATELIMIT_STORAGE_URI = "memory://"
    # Cheap scrypt parameters keep the suite fast; production uses werkzeug's default scrypt. For the same
    # reason sign-ups and reset requests answer at once (benchmarks/bench_signin_timing.py measures the delay).
    PASSWORD_HASH_METHOD = "scrypt:1024:8:1"
    ACCOUNT_ANSWER_SECONDS = 0.0


class ProductionConfig(Config):
    """Production: a real secret is required and cookies are secure."""

    ENV_NAME = "production"
    SESSION_COOKIE_SECURE = True
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    PREFERRED_URL_SCHEME = "https"


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
