"""Versioned notices and the consents given to them. A notice's wording never changes once published: a new
wording is a new version in `notices.json`, so a consent names exactly the text the person agreed to."""

import functools
import json
from pathlib import Path

from flask_babel import lazy_gettext as _l

from legalnet.core.errors import ValidationFailed
from legalnet.extensions import db
from legalnet.privacy.models import Consent

NOTICES_FILE = Path(__file__).with_name("notices.json")
INTAKE_NOTICE = "intake_sharing"


@functools.cache
def notices() -> dict:
    """Every notice with its versions, from the data file."""
    return json.loads(NOTICES_FILE.read_text(encoding="utf-8"))


def current_version(notice: str = INTAKE_NOTICE) -> str:
    """The version of a notice shown to people now."""
    return notices()[notice]["current"]


def notice_version(notice: str, version: str) -> dict | None:
    """One version of a notice (published date, scopes, text by language), or None if there is no such version."""
    return notices().get(notice, {}).get("versions", {}).get(version or "")


def notice_text(notice: str = INTAKE_NOTICE, version: str | None = None, locale: str = "en") -> str:
    """The wording of a notice version in a language (English when that language is missing)."""
    entry = notice_version(notice, version or current_version(notice)) or {}
    texts = entry.get("text", {})
    return texts.get(str(locale)) or texts.get("en", "")


def record_consent(user, legal_request, version: str | None, locale: str, channel: str = "web",
                   notice: str = INTAKE_NOTICE) -> Consent:
    """Record that `user` agreed to `version` of a notice shown in `locale`; an unknown version is refused."""
    version = version or current_version(notice)
    entry = notice_version(notice, version)
    if entry is None:
        raise ValidationFailed(_l("The notice you agreed to is not known. Reload the page, read it and agree again."))
    locale = str(locale or "en")
    if locale not in entry["text"]:
        locale = "en"
    consent = Consent(user_id=getattr(user, "id", None), request_id=getattr(legal_request, "id", None),
                      notice=notice, notice_version=version, locale=locale, scopes=list(entry["scopes"]),
                      channel=channel)
    db.session.add(consent)
    return consent
