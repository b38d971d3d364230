"""Staff reports: the dashboard of requests, firms' answers, deadlines, capacity and renewals, with its
charts' data as CSV downloads under the same filters."""

from datetime import date

from flask import Blueprint, Response, abort, render_template, request
from flask_babel import format_date, format_datetime
from flask_babel import gettext as _

from legalnet.core.csvsafe import csv_text
from legalnet.core.models import utcnow
from legalnet.core.permissions import staff_required
from legalnet.matching.services import label, vocabulary_choices
from legalnet.staff import metrics
from legalnet.staff.metrics import Chart, Filters
from legalnet.staff.services import time_zone_name

bp = Blueprint("reports", __name__, url_prefix="/staff/reports")
bp.add_app_template_filter(metrics.fit_label, "chart_label")


def parse_date(value: str | None) -> date | None:
    """An ISO date from the query string, or None when absent or malformed."""
    try:
        return date.fromisoformat((value or "").strip())
    except ValueError:
        return None


def parse_filters(args) -> tuple[Filters, list[str]]:
    """The dashboard filters from the query string, with the problems found (bad values fall back to
    the defaults so the page always shows something)."""
    filters, errors = Filters.default(), []
    for name in ("start", "end"):
        raw = args.get(name, "").strip()
        if raw:
            value = parse_date(raw)
            if value is None:
                errors.append(_("“%(value)s” is not a date; use the format YYYY-MM-DD.", value=raw))
            else:
                setattr(filters, name, value)
    if filters.start > filters.end:
        errors.append(_("The start date was after the end date; the two were swapped."))
        filters.start, filters.end = filters.end, filters.start
    if filters.start < metrics.earliest_start(filters.end):
        # Reports over decades are slow and unreadable; keep the most recent years of the range.
        filters.start = metrics.earliest_start(filters.end)
        errors.append(_("A report covers at most %(years)d years; showing %(start)s to %(end)s.",
                        years=metrics.MAX_RANGE_YEARS, start=format_date(filters.start),
                        end=format_date(filters.end)))
    jurisdiction = args.get("jurisdiction", "").strip().upper()
    if jurisdiction:
        if jurisdiction in dict(vocabulary_choices("jurisdictions")):
            filters.jurisdiction = jurisdiction
        else:
            errors.append(_("Unknown jurisdiction “%(code)s”; showing every jurisdiction.", code=jurisdiction))
    interval = args.get("interval", "week")
    filters.interval = interval if interval in metrics.INTERVALS else "week"
    return filters, errors


def status_labels() -> dict[str, str]:
    """Readable request status labels by value."""
    from legalnet.referrals.states import REQUEST_STATUS_LABELS

    return {status.value: str(label) for status, label in REQUEST_STATUS_LABELS.items()}


def label_of(kind: str):
    """A function giving the label of a vocabulary code in the interface language."""
    def _label(code: str) -> str:
        try:
            return label(kind, code)
        except (KeyError, LookupError):
            return code

    return _label


def missed_chart(filters: Filters) -> Chart:
    """Offers that missed their deadline, as a table."""
    # Stored in UTC; shown, like every time on the site, in the configured zone.
    when = lambda value: format_datetime(value, "yyyy-MM-dd HH:mm")  # noqa: E731
    rows = [[m.reference, m.firm_name, when(m.offered_at), when(m.respond_by),
             _("Expired") if m.status == "expired" else _("Overdue, not yet swept")]
            for m in metrics.missed_deadlines(filters)]
    zone = time_zone_name()
    return metrics.table_chart("missed", _("Offers that missed their deadline"),
                               [_("Request"), _("Firm"), _("Offered (%(zone)s)", zone=zone),
                                _("Respond by (%(zone)s)", zone=zone), _("Status")], rows)


def capacity_chart(filters: Filters) -> Chart:
    """Firms at or near capacity, as a table."""
    rows = [[f.name, f.open_cases, f.capacity, round(100 * f.open_cases / f.capacity)]
            for f in metrics.firms_near_capacity(filters)]
    return metrics.table_chart("capacity", _("Firms at or near capacity"),
                               [_("Firm"), _("Open cases"), _("Capacity"), _("Load %")], rows)


def renewals_chart(filters: Filters) -> Chart:
    """Renewals due in the next 60 days, as a table."""
    today = date.today()
    rows = [[f.name, f.renewal_date.isoformat(), (f.renewal_date - today).days, f.email]
            for f in metrics.renewals_due(filters, today)]
    return metrics.table_chart("renewals", _("Membership renewals due in the next 60 days"),
                               [_("Firm"), _("Renewal date"), _("Days left"), _("E-mail")], rows)


# Every downloadable data set, by the name used in its URL.
CHARTS = {
    "status": lambda f: metrics.requests_by_status(f, status_labels()),
    "jurisdictions": lambda f: metrics.requests_by_jurisdiction(f, label_of("jurisdictions")),
    "practice-areas": lambda f: metrics.requests_by_practice_area(f, label_of("practice_areas")),
    "firms": lambda f: metrics.firm_rates_chart(metrics.firm_rates(f)),
    "missed": missed_chart,
    "capacity": capacity_chart,
    "renewals": renewals_chart,
}


@bp.route("/")
@staff_required
def dashboard():
    """The staff dashboard: figures and charts under the date-range and jurisdiction filters."""
    filters, errors = parse_filters(request.args)
    rates = metrics.firm_rates(filters)
    charts = {key: build(filters) for key, build in CHARTS.items() if key != "firms"}
    charts["firms"] = metrics.firm_rates_chart(rates)
    return render_template(
        "staff/reports.html", filters=filters, errors=errors, charts=charts, rates=rates,
        interval=metrics.effective_interval(filters), jurisdictions=vocabulary_choices("jurisdictions"),
        request_count=metrics.request_count(filters), median_hours=metrics.median_hours_to_acceptance(filters),
        accepted_count=len(metrics.acceptance_hours(filters)), csv_args=filters.args(),
        generated_at=utcnow(),
    )


@bp.route("/<chart>.csv")
@staff_required
def chart_csv(chart: str):
    """One chart's data as a CSV file, under the same filters as the dashboard."""
    build = CHARTS.get(chart)
    if build is None:
        abort(404)
    filters, _errors = parse_filters(request.args)
    headers, rows = build(filters).table(for_csv=True)
    suffix = f"-{filters.jurisdiction}" if filters.jurisdiction else ""
    filename = f"legalnet-{chart}-{filters.start.isoformat()}-{filters.end.isoformat()}{suffix}.csv"
    # A byte-order mark lets spreadsheet programs read the Chinese names as UTF-8.
    return Response("\ufeff" + csv_text(headers, rows), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
