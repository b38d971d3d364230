"""A firm's working clock: its jurisdiction's working days, its time zone and office hours, which count the
respond-by times of its offers (legalnet/referrals/deadlines.py holds the arithmetic)."""

from datetime import time

from flask_babel import gettext as _

from legalnet.core import audit
from legalnet.core.errors import ValidationFailed
from legalnet.extensions import db
from legalnet.firms.models import Firm
from legalnet.referrals.deadlines import (
    DEFAULT_CLOSES,
    DEFAULT_OPENS,
    MIN_OFFICE_HOURS,
    ClockError,
    WorkingClock,
    check_hours,
    check_zone,
    default_zone,
    supports_holidays,
)


def home_jurisdiction(firm: Firm) -> str | None:
    """The jurisdiction whose holidays the firm keeps: its home country when that is a jurisdiction with a
    holiday calendar, else the first such jurisdiction it practises in, else none (weekends only)."""
    country = (firm.country or "").strip().upper()
    if len(country) == 2 and supports_holidays(country):
        return country
    return next((code for code in firm.jurisdiction_codes if supports_holidays(code)), None)


def clock_for(firm: Firm) -> WorkingClock:
    """The clock of the firm's deadlines, with defaults where the firm set nothing."""
    jurisdiction = home_jurisdiction(firm)
    zone = firm.time_zone or default_zone(jurisdiction)
    try:
        check_zone(zone)
    except ClockError:
        # A zone the machine no longer knows (tzdata changed) must not stop offers being made.
        zone = default_zone(jurisdiction)
    return WorkingClock(zone=zone, opens=firm.office_opens or DEFAULT_OPENS,
                        closes=firm.office_closes or DEFAULT_CLOSES, jurisdiction=jurisdiction)


def update_office_hours(firm: Firm, actor, zone: str, opens: time | None, closes: time | None) -> bool:
    """Set the firm's time zone (empty: its jurisdiction's) and office hours; True when something changed.
    Bad values raise ValidationFailed and change nothing."""
    zone = (zone or "").strip()
    if zone:
        try:
            zone = check_zone(zone)
        except ClockError as error:
            raise ValidationFailed(_("“%(zone)s” is not a time zone we know. Choose one from the list, such as "
                                     "Asia/Singapore.", zone=zone)) from error
    try:
        opens, closes = check_hours(opens, closes)
    except ClockError as error:
        if error.code == "short_day":
            raise ValidationFailed(_("Office hours must last at least %(hours)d hour.", hours=MIN_OFFICE_HOURS)) \
                from error
        raise ValidationFailed(_("Give the time the office opens and a later time it closes, such as 09:00 and "
                                 "18:00.")) from error
    values = {"time_zone": zone or None, "office_opens": opens, "office_closes": closes}
    changed = [name for name, value in values.items() if getattr(firm, name) != value]
    for name in changed:
        setattr(firm, name, values[name])
    if changed:
        audit.record(actor, "firm.office_hours_updated", firm,
                     summary=f"{zone or default_zone(home_jurisdiction(firm))} {opens:%H:%M}-{closes:%H:%M}")
    db.session.flush()
    return bool(changed)
