"""The audit log page: every membership change is there with who, when, what and why, and can be filtered."""

from legalnet.accounts.models import Role
from legalnet.firms import services
from legalnet.firms.models import FirmStatus
from tests import factories


def test_audit_log_filters_by_action_and_subject(client, db, auth):
    staff = auth.login(Role.STAFF)
    first = factories.make_firm("First Audited LLP", status=FirmStatus.APPLICANT)
    second = factories.make_firm("Second Audited LLP", status=FirmStatus.ACTIVE)
    services.approve(first, staff)
    services.suspend(second, staff, "Complaint under review")
    services.suspend(first, staff, "Unpaid fees")
    db.session.commit()

    page = client.get("/staff/audit").get_data(as_text=True)
    assert "Complaint under review" in page and staff.email in page and "firm.suspend" in page
    assert '<option value="firm.approve"' in page and '<option value="firm"' in page

    page = client.get("/staff/audit", query_string={"action": "firm.suspend"}).get_data(as_text=True)
    assert "Complaint under review" in page and "Unpaid fees" in page and "applicant → active" not in page

    page = client.get("/staff/audit", query_string={"subject_type": "firm", "subject_id": first.id}).get_data(
        as_text=True)
    assert "applicant → active" in page and "Unpaid fees" in page and "Complaint under review" not in page

    page = client.get("/staff/audit", query_string={"action": "firm.", "q": "fees"}).get_data(as_text=True)
    assert "Unpaid fees" in page and "Complaint" not in page

    page = client.get("/staff/audit", query_string={"subject_id": "not-a-number"})
    assert page.status_code == 200


def test_firm_page_shows_its_history(client, db, auth):
    staff = auth.login(Role.STAFF)
    firm = factories.make_firm("History LLP", status=FirmStatus.APPLICANT)
    services.reject(firm, staff, "Not a law firm")
    db.session.commit()
    page = client.get(f"/staff/firms/{firm.id}").get_data(as_text=True)
    assert "firm.reject" in page and "Not a law firm" in page and staff.email in page
    assert f"subject_id={firm.id}" in page
