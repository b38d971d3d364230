"""Links of notices are built from the routes, in requests and in CLI sweeps alike."""

from flask import has_request_context

from legalnet.notifications.services import absolute_url, page_path
from legalnet.referrals.offers import case_link, offer_link, request_link, staff_link
from legalnet.referrals.quotes import quotes_link


class Row:
    """Anything with an id, as the link builders read nothing else."""

    id = 12


def test_a_link_is_the_same_path_with_and_without_a_request(app, db):
    # The db fixture gives an application context only, as a CLI sweep has (and no SERVER_NAME).
    assert not has_request_context()
    outside = page_path("referrals.case_detail", request_id=7)
    with app.test_request_context("/", base_url="http://other.example"):
        inside = page_path("referrals.case_detail", request_id=7)
        # E-mails make it absolute with BASE_URL, never the host of the request.
        assert absolute_url(inside) == "http://127.0.0.1:5000/cases/7"
    assert outside == inside == "/cases/7"


def test_the_notice_links_of_requests_offers_cases_and_quotes(db):
    assert request_link(Row()) == "/requests/12"
    assert offer_link(Row()) == "/offers/12"
    assert case_link(Row()) == "/cases/12"
    assert staff_link(Row()) == "/staff/requests/12"
    assert quotes_link(Row()) == "/requests/12/quotes"
