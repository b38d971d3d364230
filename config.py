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
    LOGIN_RATE_LIMIT_ACCOUNT = os.environ.get("LOGIN_RATE_LIMIT_ACCOUNT", "5 per minute")
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
    # Cheap scrypt parameters keep the suite fast; production uses werkzeug's default scrypt.
    PASSWORD_HASH_METHOD = "scrypt:1024:8:1"


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
