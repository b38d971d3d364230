"""Report ranges are bounded and say so, charts draw in time proportional to their rows, and firm names fit
the label column of the rate chart with the full name as a tooltip."""

import re
from datetime import date, datetime, timedelta

import pytest

from legalnet.accounts.models import Role
from legalnet.intake.models import RequestStatus
from legalnet.referrals.models import OfferStatus
from legalnet.staff.metrics import fit_label
from tests.factories import make_firm, make_organisation
from tests.staff.test_reports import add_offer, add_request


@pytest.fixture()
def staff(auth):
    return auth.login(Role.STAFF)


def test_a_centuries_long_range_is_cut_to_three_years(client, db, staff):
    org = make_organisation()
    for year in (2024, 2025):
        add_request(org, datetime(year, 3, 1, 9), RequestStatus.SUBMITTED)
    add_request(org, datetime(1990, 3, 1, 9), RequestStatus.SUBMITTED)
    db.session.commit()
    response = client.get("/staff/reports/", query_string={"start": "1900-01-01", "end": "2100-01-01",
                                                           "interval": "week"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "A report covers at most 3 years; showing Jan 1, 2097 to Jan 1, 2100." in html
    assert 'value="2097-01-01"' in html and 'value="2100-01-01"' in html
    assert "group by month" in html
    # A range inside the limit is kept as asked.
    html = client.get("/staff/reports/", query_string={"start": "2023-01-01", "end": "2026-01-01"}).get_data(
        as_text=True)
    assert "at most 3 years" not in html and 'value="2023-01-01"' in html
    # The CSV files apply the same limit.
    response = client.get("/staff/reports/status.csv", query_string={"start": "1900-01-01", "end": "2026-01-01"})
    assert "2023-01-01-2026-01-01" in response.headers["Content-Disposition"]


def test_bar_labels_fit_and_keep_the_full_name_as_tooltip(client, db, staff):
    org = make_organisation()
    long_latin = "Qianhai Harbour International Law Firm"
    long_chinese = "深圳前海港湾国际律师事务所香港分所"
    for name in (long_latin, long_chinese, "Tan & Koh"):
        firm = make_firm(name)
        req = add_request(org, datetime.combine(date.today() - timedelta(days=3), datetime.min.time()))
        add_offer(req, firm, OfferStatus.ACCEPTED, req.created_at + timedelta(hours=2))
    db.session.commit()
    html = client.get("/staff/reports/").get_data(as_text=True)
    chart = html.split('id="chart-firms"')[1].split("</svg>")[0]
    labels = re.findall(r'<text class="chart-label"[^>]*>([^<]*)</text>', chart)
    assert sorted(labels) == sorted([fit_label(long_latin), fit_label(long_chinese), "Tan &amp; Koh"])
    assert f"<title>{long_latin}</title>" in chart and f"<title>{long_chinese}</title>" in chart
    assert all(label.endswith("…") for label in labels if "Koh" not in label)


@pytest.mark.parametrize("text,expected", [
    ("Tan & Koh", "Tan & Koh"),
    ("Qianhai Harbour International Law Firm", "Qianhai Harbour Inte…"),
    ("深圳前海港湾国际律师事务所香港分所", "深圳前海港湾国际律师…"),
    ("x" * 21, "x" * 21),
])
def test_fit_label_counts_wide_characters_double(text, expected):
    assert fit_label(text) == expected
