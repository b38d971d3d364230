"""Staff reports: the dashboard of requests, firms' answers, deadlines, capacity and renewals, with its
charts' data as CSV downloads under the same filters."""

import uuid
from datetime import date

from flask import Blueprint, Response, abort, current_app, has_app_context, render_template, request
from flask_babel import format_date, format_datetime, get_locale
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy import event
from sqlalchemy.orm import Session

from legalnet.core.csvsafe import csv_text
from legalnet.core.models import utcnow
from legalnet.core.permissions import staff_required
from legalnet.extensions import cache
from legalnet.firms.models import Firm
from legalnet.intake.models import LegalRequest
from legalnet.matching.services import label, vocabulary_choices
from legalnet.referrals.models import Offer
from legalnet.referrals.quotes import fee_comparison
from legalnet.referrals.states import REQUEST_STATUS_LABELS
from legalnet.staff import metrics
from legalnet.staff.charts import plots as chart_plots
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


# Writes to these change the figures; committing one drops every cached dashboard.
REPORTED_MODELS = (LegalRequest, Offer, Firm)
REPORTED_TABLES = {model.__tablename__ for model in REPORTED_MODELS}
VERSION_KEY = "reports:version"


def _touches_reports(objects) -> bool:
    return any(isinstance(obj, REPORTED_MODELS) for obj in objects)


@event.listens_for(Session, "after_flush")
def _note_changes(session, _context) -> None:
    if _touches_reports((*session.new, *session.dirty, *session.deleted)):
        session.info["reports_changed"] = True


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_changes(state) -> None:
    # Counters and sweeps change rows with UPDATE statements that never pass through the flush.
    if (state.is_update or state.is_delete) and getattr(state.statement, "table", None) is not None \
            and state.statement.table.name in REPORTED_TABLES:
        state.session.info["reports_changed"] = True


@event.listens_for(Session, "after_commit")
def _drop_cached_figures(session) -> None:
    if session.info.pop("reports_changed", False) and has_app_context():
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=0)


@event.listens_for(Session, "after_rollback")
def _forget_changes(session) -> None:
    session.info.pop("reports_changed", None)


def figures(filters: Filters) -> dict:
    """Everything the dashboard shows under the filters, computed from the database."""
    rates = metrics.firm_rates(filters)
    charts = {key: build(filters) for key, build in CHARTS.items() if key != "firms"}
    charts["firms"] = metrics.firm_rates_chart(rates)
    return {"charts": charts, "rates": rates, "interval": metrics.effective_interval(filters),
            "request_count": metrics.request_count(filters),
            "median_hours": metrics.median_hours_to_acceptance(filters),
            "accepted_count": len(metrics.acceptance_hours(filters)), "generated_at": utcnow(),
            "fees": fee_comparison(filters.start, filters.end, filters.jurisdiction)}


def cached_figures(filters: Filters) -> dict:
    """The dashboard's figures from the shared cache, computed when absent, changed since or expired.

    The key holds the filters, the page's language (labels are translated) and a version that every
    commit touching requests, offers or firms replaces; the short timeout covers time passing (offers
    becoming overdue) and writes made outside the application."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.set(VERSION_KEY, version, timeout=0)
    key = f"reports:{version}:{get_locale()}:{filters!r}:{date.today().isoformat()}"
    found = cache.get(key)
    if found is None:
        found = figures(filters)
        # The charts and lists depend only on the figures, the filters and the language: render them once.
        found["charts_html"] = Markup(render_template("staff/_report_body.html", csv_args=filters.args(),
                                                    plots=chart_plots(found["charts"]), **found))
        cache.set(key, found, timeout=current_app.config["REPORTS_CACHE_SECONDS"])
    return found


@bp.route("/")
@staff_required
def dashboard():
    """The staff dashboard: figures and charts under the date-range and jurisdiction filters."""
    filters, errors = parse_filters(request.args)
    return render_template(
        "staff/reports.html", filters=filters, errors=errors, jurisdictions=vocabulary_choices("jurisdictions"),
        csv_args=filters.args(), **cached_figures(filters),
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
