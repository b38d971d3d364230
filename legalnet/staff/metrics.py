"""Figures for the staff dashboard: requests over time by status, jurisdiction and practice area, time to
acceptance, firms' acceptance and decline rates, missed deadlines, capacity and renewals.

Counting happens in SQL (GROUP BY with db.func); only the calendar bucketing (week or month) and the
median are done in Python, because date_trunc and strftime differ between PostgreSQL and SQLite and
SQLite has no percentile function. Each query returns a handful of grouped rows, never one per object."""

import json
import statistics
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property

from flask_babel import gettext as _
from sqlalchemy import String, and_, case, cast, func

from legalnet.core.dates import chart_day, chart_month
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.firms.models import Firm, FirmJurisdiction, FirmStatus
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.referrals.models import Offer, OfferStatus

INTERVALS = ("week", "month")
DEFAULT_DAYS = 90
# Past this many buckets a chart stops being readable; weeks then become months.
MAX_BUCKETS = 60
# The longest range a report covers; a longer one is cut to the last MAX_RANGE_YEARS years before its end.
MAX_RANGE_YEARS = 3
# How many jurisdictions or practice areas get a series of their own; the rest are summed as "other".
TOP_SERIES = 6
OTHER = "other"
NEAR_CAPACITY = 0.8
RENEWAL_DAYS = 60


@dataclass
class Filters:
    """What the dashboard is limited to: a date range (inclusive), a jurisdiction, and the bucket size."""

    start: date
    end: date
    jurisdiction: str = ""
    interval: str = "week"

    @classmethod
    def default(cls, today: date | None = None) -> "Filters":
        """The last three months, by week, every jurisdiction."""
        today = today or date.today()
        return cls(start=today - timedelta(days=DEFAULT_DAYS), end=today)

    @property
    def start_at(self) -> datetime:
        """First instant of the range."""
        return datetime.combine(self.start, time.min)

    @property
    def end_before(self) -> datetime:
        """First instant after the range (the end date is included)."""
        return datetime.combine(self.end + timedelta(days=1), time.min)

    def args(self) -> dict[str, str]:
        """The filters as query-string arguments, for links that keep them (CSV downloads)."""
        values = {"start": self.start.isoformat(), "end": self.end.isoformat(), "interval": self.interval}
        if self.jurisdiction:
            values["jurisdiction"] = self.jurisdiction
        return values


@dataclass
class Series:
    """One named line or stack of a chart; `key` is the code it stands for."""

    key: str
    label: str
    values: list[float]

    @property
    def total(self) -> float:
        """Sum over every bucket."""
        return sum(self.values)


@dataclass
class Chart:
    """Data of one chart: categories along one axis, one or more series of values."""

    key: str
    title: str
    description: str
    categories: list[str]
    series: list[Series]
    category_header: str = ""
    unit: str = ""
    extra_columns: list[tuple[str, list]] = field(default_factory=list)
    category_keys: list[str] = field(default_factory=list)

    @cached_property
    def totals(self) -> list[float]:
        """Sum of the series in each category (the height of a stacked bar); computed once, as the chart
        template reads it for every bar."""
        return [sum(s.values[i] for s in self.series) for i in range(len(self.categories))]

    @property
    def max_total(self) -> float:
        """Top of the scale of a stacked chart: a round number at or above the highest stack."""
        return nice_ceiling(max(self.totals, default=0))

    @property
    def max_value(self) -> float:
        """Top of the scale of a line or grouped bar chart: a round number at or above the highest value."""
        if self.unit == "%":
            return 100
        return nice_ceiling(max((v for s in self.series for v in s.values), default=0))

    def ticks(self, top: float) -> list[float]:
        """Gridline values from 0 to `top`, on whole steps (top is 1, 2 or 5 times a power of ten)."""
        count = next((n for n in (5, 4, 2) if top >= n and (top / n).is_integer()), 1)
        return [top * i / count for i in range(count + 1)]

    @property
    def is_empty(self) -> bool:
        """Nothing to draw."""
        return not any(v for s in self.series for v in s.values)

    def table(self, for_csv: bool = False) -> tuple[list[str], list[list]]:
        """The chart's data as a header row and data rows, for the table fallback and the CSV file (where
        periods are ISO dates rather than readable labels)."""
        headers = [self.category_header, *[s.label for s in self.series], *[name for name, _v in self.extra_columns]]
        categories = self.category_keys if for_csv and self.category_keys else self.categories
        rows = []
        for i, category in enumerate(categories):
            rows.append([category, *[s.values[i] for s in self.series],
                         *[values[i] for _name, values in self.extra_columns]])
        return headers, rows


def fit_label(text: str, width: int = 21) -> str:
    """`text` cut with an ellipsis to at most `width` columns, counting Chinese and other wide characters as
    two, so that a chart's label column holds it whatever the script."""
    text = str(text)
    columns = [2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text]
    if sum(columns) <= width:
        return text
    used, out = 0, []
    for ch, w in zip(text, columns, strict=True):
        if used + w > width - 1:  # one column for the ellipsis
            break
        used += w
        out.append(ch)
    return "".join(out).rstrip() + "…"


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5 or 10 times a power of ten that is at least `value` (and at least 1), so that
    the scale of counts has whole gridlines."""
    if value <= 1:
        return 1
    power = 10 ** (len(str(int(value))) - 1)
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


# ------------------------------------------------------------------------------------------- buckets


def bucket_start(day: date, interval: str) -> date:
    """The first day of the week (Monday) or month that contains `day`."""
    if interval == "month":
        return day.replace(day=1)
    return day - timedelta(days=day.weekday())


def buckets(filters: Filters) -> list[date]:
    """Every bucket of the range, in order, including empty ones so gaps show as zero."""
    result, current = [], bucket_start(filters.start, filters.interval)
    while current <= filters.end:
        result.append(current)
        if filters.interval == "month":
            current = (current.replace(day=28) + timedelta(days=4)).replace(day=1)
        else:
            current += timedelta(days=7)
    return result


def earliest_start(end: date) -> date:
    """The first day a report ending on `end` may cover (MAX_RANGE_YEARS years back)."""
    try:
        return end.replace(year=end.year - MAX_RANGE_YEARS)
    except ValueError:  # 29 February
        return end.replace(year=end.year - MAX_RANGE_YEARS, day=28)


def effective_interval(filters: Filters) -> str:
    """Weeks unless that would draw too many bars, then months."""
    if filters.interval == "week" and (filters.end - filters.start).days / 7 > MAX_BUCKETS:
        return "month"
    return filters.interval if filters.interval in INTERVALS else "week"


def as_date(value) -> date:
    """A date from what the database's date() returns: a date on PostgreSQL, 'YYYY-MM-DD' on SQLite."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def as_codes(value) -> list[str]:
    """A JSON list column read back as text (the grouping key), parsed to its codes."""
    if isinstance(value, list):
        return value
    try:
        parsed = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return [str(code) for code in parsed] if isinstance(parsed, list) else []


# ------------------------------------------------------------------------------------------- queries


def jurisdiction_condition(column, code: str):
    """Rows whose JSON list of jurisdiction codes contains `code`: a text match on the quoted code works
    the same on PostgreSQL's json and SQLite's text, and codes are short uppercase letters only."""
    return cast(column, String).like(f'%"{code}"%')


def request_conditions(filters: Filters) -> list:
    """Requests submitted inside the range, in the chosen jurisdiction."""
    conditions = [LegalRequest.created_at >= filters.start_at, LegalRequest.created_at < filters.end_before]
    if filters.jurisdiction:
        conditions.append(jurisdiction_condition(LegalRequest.jurisdictions, filters.jurisdiction))
    return conditions


def _day():
    return func.date(LegalRequest.created_at)


def requests_by_day(filters: Filters, group_column) -> list[tuple[date, object, int]]:
    """(day, group value, number of requests) grouped in SQL."""
    day = _day()
    rows = db.session.execute(
        db.select(day, group_column, func.count(LegalRequest.id))
        .where(*request_conditions(filters)).group_by(day, group_column)
    ).all()
    return [(as_date(d), value, n) for d, value, n in rows]


def _over_time(filters: Filters, counts: dict[tuple[date, str], int]) -> tuple[list[date], dict[str, list[int]]]:
    interval = effective_interval(filters)
    periods = buckets(Filters(filters.start, filters.end, filters.jurisdiction, interval))
    index = {period: i for i, period in enumerate(periods)}
    by_key: dict[str, list[int]] = defaultdict(lambda: [0] * len(periods))
    for (day, key), n in counts.items():
        i = index.get(bucket_start(day, interval))
        if i is not None:
            by_key[key][i] += n
    return periods, dict(by_key)


def period_labels(periods: list[date], interval: str) -> list[str]:
    """Readable bucket labels: the week's Monday, or the month."""
    if interval == "month":
        return [chart_month(p) for p in periods]
    return [chart_day(p) for p in periods]


def requests_by_status(filters: Filters, labels: dict[str, str]) -> Chart:
    """Requests submitted per period, stacked by their current status."""
    counts: dict[tuple[date, str], int] = defaultdict(int)
    for day, status, n in requests_by_day(filters, LegalRequest.status):
        counts[(day, RequestStatus(status).value)] += n
    periods, by_key = _over_time(filters, counts)
    series = [Series(s.value, labels.get(s.value, s.value), by_key[s.value])
              for s in RequestStatus if s.value in by_key]
    return Chart("status", _("Requests by status"),
                 _("Requests submitted in each period, by where they stand now."),
                 period_labels(periods, effective_interval(filters)), series, _("Period"),
                 category_keys=[p.isoformat() for p in periods])


def _by_codes(filters: Filters, column, label_of, key: str, title: str, description: str, top: int) -> Chart:
    counts: dict[tuple[date, str], int] = defaultdict(int)
    for day, value, n in requests_by_day(filters, cast(column, String)):
        codes = as_codes(value) or [OTHER]
        for code in codes:
            counts[(day, code)] += n
    periods, by_key = _over_time(filters, counts)
    ranked = sorted(by_key, key=lambda code: (-sum(by_key[code]), code))
    keep = [code for code in ranked if code != OTHER][:top]
    series = [Series(code, label_of(code), by_key[code]) for code in keep]
    rest = [code for code in ranked if code not in keep]
    if rest:
        summed = [sum(by_key[code][i] for code in rest) for i in range(len(periods))]
        series.append(Series(OTHER, _("Other"), summed))
    return Chart(key, title, description, period_labels(periods, effective_interval(filters)), series, _("Period"),
                 category_keys=[p.isoformat() for p in periods])


def requests_by_jurisdiction(filters: Filters, label_of) -> Chart:
    """Requests per period by jurisdiction asked for (a request naming two counts in both)."""
    return _by_codes(filters, LegalRequest.jurisdictions, label_of, "jurisdictions", _("Requests by jurisdiction"),
                     _("Requests submitted in each period, by jurisdiction; a request naming several counts in "
                       "each."), TOP_SERIES)


def requests_by_practice_area(filters: Filters, label_of) -> Chart:
    """Requests per period by practice area (a request naming two counts in both)."""
    return _by_codes(filters, LegalRequest.practice_areas, label_of, "practice-areas",
                     _("Requests by practice area"),
                     _("Requests submitted in each period, by practice area; the most asked-for areas."), 5)


def request_count(filters: Filters) -> int:
    """Requests submitted in the range."""
    return db.session.scalar(db.select(func.count(LegalRequest.id)).where(*request_conditions(filters))) or 0


def acceptance_hours(filters: Filters) -> list[float]:
    """Hours from submission to a firm's acceptance, for requests submitted in the range."""
    rows = db.session.execute(
        db.select(LegalRequest.created_at, LegalRequest.accepted_at)
        .where(*request_conditions(filters), LegalRequest.accepted_at.is_not(None))
    ).all()
    return sorted(max((accepted - created).total_seconds() / 3600.0, 0.0) for created, accepted in rows)


def median_hours_to_acceptance(filters: Filters) -> float | None:
    """The median of acceptance_hours, or None when no request was accepted."""
    hours = acceptance_hours(filters)
    return statistics.median(hours) if hours else None


def offer_conditions(filters: Filters) -> list:
    """Offers made inside the range, of requests in the chosen jurisdiction."""
    conditions = [Offer.offered_at >= filters.start_at, Offer.offered_at < filters.end_before]
    if filters.jurisdiction:
        conditions.append(jurisdiction_condition(LegalRequest.jurisdictions, filters.jurisdiction))
    return conditions


@dataclass
class FirmRates:
    """One firm's answers to the offers it was made in the range."""

    firm_id: int
    name: str
    offered: int
    accepted: int
    declined: int
    expired: int

    @property
    def answered(self) -> int:
        """Offers that ended with the firm's answer or its silence (withdrawn and open ones excluded)."""
        return self.accepted + self.declined + self.expired

    @property
    def acceptance_rate(self) -> float | None:
        """Share of decided offers the firm accepted."""
        return self.accepted / self.answered if self.answered else None

    @property
    def decline_rate(self) -> float | None:
        """Share of decided offers the firm declined."""
        return self.declined / self.answered if self.answered else None


def firm_rates(filters: Filters) -> list[FirmRates]:
    """Per firm: offers made, accepted, declined and expired in the range, in one grouped query."""
    def counted(status: OfferStatus):
        return func.sum(case((Offer.status == status, 1), else_=0))

    rows = db.session.execute(
        db.select(Firm.id, Firm.name, func.count(Offer.id), counted(OfferStatus.ACCEPTED),
                  counted(OfferStatus.DECLINED), counted(OfferStatus.EXPIRED))
        .join(Offer, Offer.firm_id == Firm.id).join(LegalRequest, LegalRequest.id == Offer.request_id)
        .where(*offer_conditions(filters)).group_by(Firm.id, Firm.name)
    ).all()
    rates = [FirmRates(i, name, int(n), int(a or 0), int(d or 0), int(e or 0)) for i, name, n, a, d, e in rows]
    return sorted(rates, key=lambda r: (-r.offered, r.name))


def firm_rates_chart(rates: list[FirmRates], limit: int = 12) -> Chart:
    """Acceptance and decline rates (in %) of the firms with the most offers."""
    shown = [r for r in rates if r.answered][:limit]
    return Chart(
        "firms", _("Acceptance and decline rates by firm"),
        _("Share of the offers each firm answered or let expire that it accepted or declined, for the firms "
          "offered the most requests."),
        [r.name for r in shown],
        [Series("accepted", _("Accepted %"), [round(100 * r.acceptance_rate, 1) for r in shown]),
         Series("declined", _("Declined %"), [round(100 * r.decline_rate, 1) for r in shown])],
        _("Firm"), unit="%",
        extra_columns=[(_("Offers"), [r.offered for r in shown]), (_("Accepted"), [r.accepted for r in shown]),
                       (_("Declined"), [r.declined for r in shown]), (_("Expired"), [r.expired for r in shown])],
    )


@dataclass
class MissedOffer:
    """An offer whose deadline passed without an answer."""

    offer_id: int
    request_id: int
    reference: str
    firm_name: str
    offered_at: datetime
    respond_by: datetime
    status: str


def missed_deadlines(filters: Filters, now: datetime | None = None, limit: int = 100) -> list[MissedOffer]:
    """Offers that expired, and open ones already past their deadline that the sweep has not reached."""
    now = now or utcnow()
    rows = db.session.execute(
        db.select(Offer.id, LegalRequest.id, LegalRequest.reference, Firm.name, Offer.offered_at, Offer.respond_by,
                  Offer.status)
        .join(LegalRequest, LegalRequest.id == Offer.request_id).join(Firm, Firm.id == Offer.firm_id)
        .where(*offer_conditions(filters),
               (Offer.status == OfferStatus.EXPIRED)
               | and_(Offer.status == OfferStatus.OFFERED, Offer.respond_by <= now))
        .order_by(Offer.respond_by.desc()).limit(limit)
    ).all()
    return [MissedOffer(o, r, ref or "", name, at, by, OfferStatus(status).value)
            for o, r, ref, name, at, by, status in rows]


def firm_conditions(filters: Filters) -> list:
    """Active firms, practising in the chosen jurisdiction."""
    conditions = [Firm.status == FirmStatus.ACTIVE]
    if filters.jurisdiction:
        conditions.append(Firm.id.in_(db.select(FirmJurisdiction.firm_id)
                                      .where(FirmJurisdiction.code == filters.jurisdiction)))
    return conditions


def firms_near_capacity(filters: Filters) -> list[Firm]:
    """Active firms with open cases at or above 80% of their capacity, fullest first."""
    # Integer arithmetic (5 × open ≥ 4 × capacity) keeps the comparison exact on both databases.
    return list(db.session.scalars(
        db.select(Firm).where(*firm_conditions(filters), Firm.capacity > 0,
                              Firm.open_cases * 5 >= Firm.capacity * 4)
        .order_by((Firm.open_cases * 1.0 / Firm.capacity).desc(), Firm.name)
    ))


def renewals_due(filters: Filters, today: date | None = None, days: int = RENEWAL_DAYS) -> list[Firm]:
    """Active firms whose membership renewal falls within the next `days` days, soonest first."""
    today = today or date.today()
    return list(db.session.scalars(
        db.select(Firm).where(*firm_conditions(filters), Firm.renewal_date >= today,
                              Firm.renewal_date <= today + timedelta(days=days))
        .order_by(Firm.renewal_date, Firm.name)
    ))


def table_chart(key: str, title: str, headers: list[str], rows: list[list]) -> Chart:
    """A list (missed deadlines, capacity, renewals) shaped as a chart so it shares the CSV export."""
    columns = list(zip(*rows, strict=True)) if rows else [[] for _h in headers]
    return Chart(key, title, "", list(columns[0]) if rows else [], [], headers[0],
                 extra_columns=[(h, list(columns[i + 1]) if rows else []) for i, h in enumerate(headers[1:])])
