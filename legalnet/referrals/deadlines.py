"""The working-hours clock of offer deadlines: weekends and public holidays of a firm's jurisdiction (from the
`holidays` package), office hours in the firm's time zone. Plain Python on naive UTC datetimes, as the
database stores them; no Flask, no SQLAlchemy."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import holidays
import pytz

DEFAULT_OPENS = time(9, 0)
DEFAULT_CLOSES = time(18, 0)
# Where neither the firm nor its jurisdiction says otherwise: the centre's own zone.
FALLBACK_ZONE = "Asia/Hong_Kong"
# A working day shorter than this makes deadlines weeks long; office hours must give at least it.
MIN_OFFICE_HOURS = 1
# Never look further than this for the next working day (no calendar has a year of holidays).
MAX_DAYS_SEARCHED = 366


class ClockError(ValueError):
    """Settings that cannot make a working-hours clock; `code` says which (bad_zone, bad_hours, short_day)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@lru_cache(maxsize=64)
def holiday_calendar(jurisdiction: str | None):
    """The public holidays (and weekend) of a jurisdiction, or None when the holidays package has none."""
    if not jurisdiction:
        return None
    try:
        return holidays.country_holidays(jurisdiction.upper())
    except NotImplementedError:
        return None


def supports_holidays(jurisdiction: str | None) -> bool:
    """Whether the holidays package has a calendar for the jurisdiction."""
    return holiday_calendar(jurisdiction) is not None


def default_zone(jurisdiction: str | None) -> str:
    """The jurisdiction's main time zone (the first zoneinfo lists for it, the most populous), else the centre's."""
    if jurisdiction:
        try:
            zones = pytz.country_timezones(jurisdiction.upper())
        except KeyError:
            zones = []
        if zones:
            return zones[0]
    return FALLBACK_ZONE


@lru_cache(maxsize=1)
def known_zones() -> frozenset[str]:
    """Every IANA time zone name this machine knows."""
    return frozenset(available_timezones())


def check_zone(name: str) -> str:
    """The zone name if it is a known IANA zone, else ClockError('bad_zone')."""
    name = (name or "").strip()
    if name not in known_zones():
        raise ClockError("bad_zone")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ClockError("bad_zone") from error
    return name


def check_hours(opens: time | None, closes: time | None) -> tuple[time, time]:
    """Office hours that open before they close with at least MIN_OFFICE_HOURS between, else ClockError."""
    if opens is None or closes is None:
        raise ClockError("bad_hours")
    if closes <= opens:
        raise ClockError("bad_hours")
    length = datetime.combine(date.min, closes) - datetime.combine(date.min, opens)
    if length < timedelta(hours=MIN_OFFICE_HOURS):
        raise ClockError("short_day")
    return opens, closes


@dataclass(frozen=True)
class WorkingClock:
    """Office hours in a time zone, on the working days of a jurisdiction."""

    zone: str = FALLBACK_ZONE
    opens: time = DEFAULT_OPENS
    closes: time = DEFAULT_CLOSES
    jurisdiction: str | None = None

    @property
    def tz(self) -> ZoneInfo:
        """The zone as a tzinfo."""
        return ZoneInfo(self.zone)

    def is_working_day(self, day: date) -> bool:
        """Not a weekend or public holiday of the jurisdiction (Saturday and Sunday off where none is known)."""
        calendar = holiday_calendar(self.jurisdiction)
        if calendar is None:
            return day.weekday() < 5
        # is_working_day knows each country's weekend (Friday and Sunday in Brunei) and the weekend days
        # some countries work in exchange for a bridge holiday.
        return calendar.is_working_day(day)

    def office_window(self, day: date) -> tuple[datetime, datetime]:
        """The day's opening and closing times as naive UTC."""
        return to_utc(datetime.combine(day, self.opens, tzinfo=self.tz)), \
            to_utc(datetime.combine(day, self.closes, tzinfo=self.tz))

    def local_date(self, moment: datetime) -> date:
        """The calendar date in the clock's zone of a naive UTC moment."""
        return moment.replace(tzinfo=UTC).astimezone(self.tz).date()


def to_utc(moment: datetime) -> datetime:
    """An aware datetime as naive UTC."""
    return moment.astimezone(UTC).replace(tzinfo=None)


def _working_windows(clock: WorkingClock, start: datetime):
    """The office windows (naive UTC) of working days from the local day of `start` on."""
    day = clock.local_date(start)
    for _offset in range(MAX_DAYS_SEARCHED):
        if clock.is_working_day(day):
            yield clock.office_window(day)
        day += timedelta(days=1)
    raise ClockError("no_working_day")


def _working_windows_back(clock: WorkingClock, end: datetime):
    """The office windows (naive UTC) of working days from the local day of `end` backwards."""
    day = clock.local_date(end)
    for _offset in range(MAX_DAYS_SEARCHED):
        if clock.is_working_day(day):
            yield clock.office_window(day)
        day -= timedelta(days=1)
    raise ClockError("no_working_day")


def add_working_hours(start: datetime, hours: float, clock: WorkingClock) -> datetime:
    """The moment (naive UTC) `hours` working hours after `start`; it always falls inside office hours of a
    working day, and at closing time when the hours end exactly there."""
    remaining = timedelta(hours=max(float(hours), 0.0))
    for opens, closes in _working_windows(clock, start):
        cursor = max(start, opens)
        if cursor >= closes:
            continue
        available = closes - cursor
        if remaining <= available:
            return cursor + remaining
        remaining -= available
    raise ClockError("no_working_day")  # pragma: no cover - the generator raises first


def subtract_working_hours(end: datetime, hours: float, clock: WorkingClock) -> datetime:
    """The moment (naive UTC) `hours` working hours before `end`, counting only office hours of working days."""
    remaining = timedelta(hours=max(float(hours), 0.0))
    for opens, closes in _working_windows_back(clock, end):
        cursor = min(end, closes)
        if cursor <= opens:
            continue
        available = cursor - opens
        if remaining <= available:
            return cursor - remaining
        remaining -= available
    raise ClockError("no_working_day")  # pragma: no cover - the generator raises first


def remind_at(offered_at: datetime, respond_by: datetime, hours_before: float, clock: WorkingClock) -> datetime:
    """When to remind a firm: `hours_before` working hours before its deadline, never before the offer."""
    return max(subtract_working_hours(respond_by, hours_before, clock), offered_at)
