"""The one way the app writes dates and times, per locale, through Babel: a date in the locale's medium style
("Nov 26, 2026", "2026年11月26日"), a time in its short style, joined by the locale's own pattern, in the
reader's time zone; deadlines always name that zone. Charts use Babel skeletons so that a day reads "Aug 24"
in English and "8月24日" in Chinese."""

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from babel import Locale
from babel import dates as babel_dates
from flask_babel import get_timezone

from legalnet.core.i18n import babel_state, current_babel_locale


def zone_label(value=None) -> str:
    """The current time zone named in the reader's language with its offset, e.g. "Hong Kong Time, GMT+08:00"."""
    moment = value or datetime.now(UTC).replace(tzinfo=None)
    # Offsets change on the quarter hour at the finest, so the label of a quarter hour is worked out once.
    quarter = moment.replace(minute=moment.minute - moment.minute % 15, second=0, microsecond=0)
    return _zone_label(str(current_zone()), quarter, current_babel_locale())


@lru_cache(maxsize=256)
def _zone_label(zone_name: str, moment: datetime, locale: Locale) -> str:
    zone = babel_dates.get_timezone(zone_name)
    offset = babel_dates.format_datetime(moment.replace(tzinfo=UTC), "ZZZZ", tzinfo=zone, locale=locale)
    if zone_name in ("UTC", "Etc/UTC"):
        return offset
    return f"{babel_dates.get_timezone_name(zone, 'long', 'generic', locale=locale)}, {offset}"


def _locale() -> Locale:
    return current_babel_locale()


def current_zone():
    """The reader's time zone, as Flask-Babel's get_timezone() gives it."""
    # Read where Flask-Babel keeps it for the request once worked out (force_timezone in the notifications
    # sets the same attribute): get_timezone() goes through three proxies on every call.
    zone = getattr(babel_state(), "babel_tzinfo", None)
    return zone if zone is not None else get_timezone()


def _local(value: datetime, zone) -> datetime:
    # Stored datetimes are naive UTC; shown in the reader's zone (a pytz zone, as Flask-Babel gives it).
    local = (value if value.tzinfo is not None else value.replace(tzinfo=UTC)).astimezone(zone)
    return zone.normalize(local) if hasattr(zone, "normalize") else local


def date_text(value: date | datetime | None) -> str:
    """A date (or the day of a stored datetime, in the reader's zone) in the locale's medium style."""
    if value is None:
        return ""
    return _date_text(value, current_zone() if isinstance(value, datetime) else None, _locale())


def datetime_text(value: datetime | None) -> str:
    """A stored UTC datetime as the date in medium style and the time in short style, in the reader's zone."""
    if value is None:
        return ""
    return _datetime_text(value, current_zone(), _locale())


# Formatting through Babel is a large share of a list page, and pages show the same moments again and again
# (the list of requests, a case's timeline): the text is a function of the moment, the zone and the locale.
@lru_cache(maxsize=8192)
def _date_text(value: date | datetime, zone, locale: Locale) -> str:
    if isinstance(value, datetime):
        value = _local(value, zone)
    return babel_dates.format_date(value, "medium", locale=locale)


@lru_cache(maxsize=8192)
def _datetime_text(value: datetime, zone, locale: Locale) -> str:
    local = _local(value, zone)
    pattern = babel_dates.get_datetime_format("medium", locale=locale)
    day = babel_dates.format_date(local, "medium", locale=locale)
    clock = babel_dates.format_time(local, "short", tzinfo=local.tzinfo, locale=locale)
    return pattern.replace("{1}", day).replace("{0}", clock)


def deadline_text(value: datetime | None) -> str:
    """A deadline: the date and time with the zone named, e.g. "Nov 26, 2026, 8:24 PM (Hong Kong Time,
    GMT+08:00)", because it is read far from anything that would tell the zone."""
    if value is None:
        return ""
    return f"{datetime_text(value)} ({zone_label(value)})"


def chart_day(value: date) -> str:
    """A day on a chart's axis: month and day in the locale's order ("Aug 24", "8月24日")."""
    return babel_dates.format_skeleton("MMMd", value, locale=_locale())


def chart_month(value: date) -> str:
    """A month on a chart's axis, with its year ("Aug 2026", "2026年8月")."""
    return babel_dates.format_skeleton("yMMM", value, locale=_locale())



def duration_text(hours: float | None) -> str:
    """A length of time given in hours, in words of the locale ("5 hours", "3 days"); units change only past
    two of the larger one, so that 30 hours stays "30 hours"."""
    if hours is None:
        return ""
    return babel_dates.format_timedelta(timedelta(hours=hours), threshold=2, granularity="minute", locale=_locale())


def time_left_text(left: timedelta) -> str:
    """Time until a deadline ("in 5 hours") or since it passed ("2 hours ago"), in words of the locale."""
    return babel_dates.format_timedelta(left, threshold=2, add_direction=True, locale=_locale())
