"""Each role's dashboard shows its work, built from real requests, offers, cases and messages."""

import re
from datetime import date, timedelta

from legalnet.accounts.models import Role
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.firms.models import Firm, FirmStatus
from legalnet.intake.models import RequestStatus
from legalnet.referrals import cases, offers, services
from legalnet.referrals.models import Offer
from tests import factories
from tests.referrals.helpers import firm_with_admin


def page(client, url="/dashboard") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def section(html: str, element_id: str) -> str:
    """The HTML of the element with `element_id` up to the next section (enough to test what it lists)."""
    start = html.index(f'id="{element_id}"')
    end = html.find("<section", start + 1)
    return html[start:end if end != -1 else None]


def stat(html: str, key: str) -> str:
    match = re.search(rf'data-stat="{key}"><dt>[^<]*</dt>\s*<dd>\s*([^<]*)', html)
    assert match, key
    return match.group(1).strip()


def test_client_sees_open_requests_with_next_step_offers_with_deadline_and_unread_messages(client, auth):
    firm, _admin = firm_with_admin(name="Harbour Arbitration LLP")
    firm_with_admin(name="Second Firm")
    organisation = factories.make_organisation(name="Acme Trading Co., Ltd.")
    user = factories.make_user(Role.CLIENT, organisation=organisation)
    matched = factories.make_legal_request(user, title="Shipping dispute")
    referred = factories.make_legal_request(user, title="Supplier arbitration")
    services.choose_firm(referred, user, firm.id)
    accepted = factories.make_legal_request(user, title="Lease arbitration")
    offer = services.choose_firm(accepted, user, None)
    lawyer = factories.make_user(Role.FIRM_LAWYER, firm=offer.firm)
    services.accept_offer(offer, lawyer, True)
    cases.post_message(accepted, lawyer, "Hello")
    closed = factories.make_legal_request(user, title="Old matter")
    offers.lock_request(closed)
    closed.status = RequestStatus.CANCELLED
    someone_else = factories.make_legal_request(factories.make_user(Role.CLIENT), title="Not theirs")
    db.session.commit()

    auth.login(user=user)
    html = page(client)
    assert "Signed in for Acme Trading Co., Ltd." in html
    assert "Ltd.." not in html
    assert stat(html, "open-requests") == "3"
    assert stat(html, "waiting-offers") == "1"
    assert stat(html, "unread-messages") == "1"
    requests_ = section(html, "open-requests")
    assert matched.reference in requests_ and "Choose a firm from the shortlist" in requests_
    assert referred.reference in requests_ and "Waiting for the firm&#39;s answer." in requests_
    assert accepted.reference in requests_
    assert closed.reference not in requests_ and someone_else.reference not in html
    offer_section = section(html, "waiting-offers")
    waiting = db.session.scalar(db.select(Offer).where(Offer.request_id == referred.id))
    assert "Harbour Arbitration LLP has until" in offer_section
    assert "(Hong Kong Time, GMT+08:00)" in offer_section  # the deadline names its zone
    assert waiting.respond_by.strftime("%Y") in offer_section
    assert f"New message from {lawyer.name} on case {accepted.reference}." in section(html, "unread-messages")


def test_firm_sees_offers_with_time_left_open_cases_capacity_and_rates_beside_the_network(client, auth):
    firm, admin = firm_with_admin(name="Harbour Arbitration LLP", capacity=4)
    other, _other_admin = firm_with_admin(name="Peer Firm")
    # Track records: this firm accepted 1 of 2 (0.5, 10 h on average); the peer 3 of 4 (0.75, 2 h).
    db.session.execute(db.update(Firm).where(Firm.id == other.id).values(
        offers_accepted=3, offers_declined=1, response_hours_total=8.0))
    client_user = factories.make_user(Role.CLIENT)
    waiting = factories.make_legal_request(client_user, title="Urgent arbitration")
    services.choose_firm(waiting, client_user, firm.id)
    case_req = factories.make_legal_request(client_user, title="Accepted arbitration")
    case_offer = services.choose_firm(case_req, client_user, firm.id)
    services.accept_offer(case_offer, admin, True)
    declined = factories.make_legal_request(client_user, title="Declined one")
    services.decline_offer(services.choose_firm(declined, client_user, firm.id), admin, "No time")
    db.session.execute(db.update(Firm).where(Firm.id == firm.id).values(response_hours_total=20.0))
    db.session.commit()

    auth.login(user=admin)
    html = page(client)
    assert "Signed in for Harbour Arbitration LLP" in html
    pending = section(html, "pending-offers")
    assert waiting.reference in pending and case_req.reference not in pending
    assert "Time left: in " in pending and "(Hong Kong Time, GMT+08:00)" in pending
    assert case_req.reference in section(html, "open-cases")
    assert stat(html, "pending-offers") == "1"
    assert stat(html, "open-cases") == "1"
    assert stat(html, "capacity") == "1 of 4"
    assert "Room for 3 more" in html
    assert stat(html, "acceptance") == "50%"
    assert stat(html, "response") == "10 hours"
    # Network medians over both active firms: (0.5 + 0.75) / 2 and (10 + 2) / 2 hours.
    assert "Network median: 62%" in html or "Network median: 63%" in html
    assert "Network median: 6 hours" in html


def test_staff_sees_queues_with_counts_and_oldest_items_and_the_network_health(client, auth):
    now = utcnow()
    applicant = factories.make_firm(name="Applicant Partners", status=FirmStatus.APPLICANT)
    renewing = factories.make_firm(name="Renewing & Co", renewal_date=date.today() + timedelta(days=10))
    factories.make_firm(name="Later Renewal", renewal_date=date.today() + timedelta(days=200))
    busy, busy_admin = firm_with_admin(name="Busy Firm")
    client_user = factories.make_user(Role.CLIENT)
    review = factories.make_legal_request(client_user, title="Nobody covers this", jurisdictions=("MY",),
                                          practice_areas=("tax",))
    assert review.status == RequestStatus.NEEDS_REVIEW
    requests_ = [factories.make_legal_request(client_user, title=f"Run {i}") for i in range(3)]
    offers = [services.choose_firm(req, client_user, busy.id) for req in requests_]
    # The first offer is overdue.
    offers[0].respond_by = now - timedelta(hours=2)
    services.accept_offer(offers[2], busy_admin, True)
    message = cases.post_message(requests_[2], busy_admin, "We will call you today.")
    message.created_at = requests_[2].accepted_at + timedelta(hours=3)
    factories.make_legal_request(client_user, title="Wills in Atlantis", jurisdictions=("Atlantis",))
    db.session.commit()

    auth.login(Role.STAFF)
    html = page(client)
    queue = {key: section(html, f"queue-{key}") for key in ("applications", "review", "overdue", "renewals",
                                                          "vocabulary")}
    assert 'data-count="1"' in queue["applications"] and "Applicant Partners" in queue["applications"]
    assert f"/staff/firms/{applicant.id}" in queue["applications"]
    assert 'data-count="1"' in queue["review"] and review.reference in queue["review"]
    assert 'data-count="1"' in queue["overdue"] and requests_[0].reference in queue["overdue"]
    assert "Busy Firm" in queue["overdue"] and "Hong Kong Time" in queue["overdue"]
    assert 'data-count="1"' in queue["renewals"] and renewing.name.replace("&", "&amp;") in queue["renewals"]
    assert "Later Renewal" not in queue["renewals"]
    assert "Atlantis" in queue["vocabulary"]
    # Of the three offers to Busy Firm one was answered (accepted); the other two are still open.
    assert stat(html, "acceptance") == "100%"
    assert "1 of 1 offers answered" in html
    assert stat(html, "first-contact") == "3 hours"  # from acceptance to the firm's first message
    # Referrals: 3 to Busy Firm, none to the other active firms (Renewing & Co, Later Renewal).
    assert stat(html, "gini") == "0.67"
    bunching = section(html, "bunching")
    assert "Busy Firm" in bunching and "3 referrals in a row" in bunching


def test_staff_dashboard_without_any_data_has_empty_queues_and_no_figures(client, auth):
    auth.login(Role.STAFF)
    html = page(client)
    assert html.count("Nothing waiting.") == 5
    assert stat(html, "gini") == "–"
    assert "No bunching found." in html


def test_dashboard_needs_sign_in(client, db):
    response = client.get("/dashboard")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_dashboards_cost_the_same_queries_with_ten_times_the_rows(app, client, auth):
    from tests.referrals.test_query_counts import add_requests, queries_for

    firms = [firm_with_admin(f"Firm {i}", capacity=100) for i in range(3)]
    client_user = factories.make_user(Role.CLIENT)
    staff = factories.make_user(Role.STAFF)
    db.session.commit()

    def measure():
        counts = {}
        for user in (client_user, firms[0][1], staff):
            auth.login(user=user)
            queries_for(app, client, "/dashboard")  # warm-up: the first page of a session loads the user
            counts[user.role.value] = queries_for(app, client, "/dashboard")
            auth.logout()
        return counts

    add_requests(client_user, firms, 2, accept=False)
    few = measure()
    add_requests(client_user, firms, 8, accept=True)
    add_requests(client_user, firms, 10, accept=False)
    many = measure()
    assert many == few, (few, many)
