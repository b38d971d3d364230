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
    # Sentences with the people and firms named as links, and labels instead of codes.
    assert "Complaint under review" in page and ">firm.suspend<" not in page
    assert (f'<a href="/staff/people/{staff.id}">{staff.name}</a> suspended '
            f'<a href="/staff/firms/{second.id}">Second Audited LLP</a>.') in page
    assert f'<a href="/staff/firms/{first.id}">First Audited LLP</a>.' in page
    assert "From “applicant” to “active”." in page and "applicant → active" not in page
    assert '<option value="firm.approve" >… approved the membership of ….</option>' in page
    assert '<option value="firm" >Firm</option>' in page

    page = client.get("/staff/audit", query_string={"action": "firm.suspend"}).get_data(as_text=True)
    assert "Complaint under review" in page and "Unpaid fees" in page and "From “applicant”" not in page

    page = client.get("/staff/audit", query_string={"subject_type": "firm", "subject_id": first.id}).get_data(
        as_text=True)
    assert "From “applicant” to “active”." in page and "Unpaid fees" in page and "Complaint under review" not in page

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
    assert "Not a law firm" in page and ">firm.reject<" not in page
    assert f'<a href="/staff/people/{staff.id}">{staff.name}</a> rejected the application of' in page
    assert f"subject_id={firm.id}" in page


def test_case_entries_read_as_sentences_with_requests_and_offers_named_in_the_readers_language(client, db, auth):
    from legalnet.intake.models import Outcome, RequestStatus
    from legalnet.referrals import cases
    from legalnet.referrals import services as referrals
    from tests.conftest import submit
    from tests.referrals.helpers import firm_with_admin

    firm, admin = firm_with_admin(name="Harbour Law")
    client_user = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client_user)
    offer = referrals.choose_firm(req, client_user, firm.id)
    referrals.accept_offer(offer, admin, True)
    cases.set_case_status(req, admin, RequestStatus.IN_PROGRESS)
    cases.close_case(req, admin, Outcome.RESOLVED, "Settled")
    db.session.commit()
    auth.login(Role.STAFF)

    page = client.get("/staff/audit").get_data(as_text=True)
    request_link = f'<a href="/staff/requests/{req.id}">{req.reference}</a>'
    admin_link = f'<a href="/staff/people/{admin.id}">{admin.name}</a>'
    assert f"{admin_link} changed the status of case {request_link}." in page
    assert "From “Accepted” to “In progress”." in page and "accepted -&gt; in_progress" not in page
    assert f"{admin_link} closed case {request_link}." in page and "Outcome: Resolved." in page
    assert (f'{admin_link} accepted the offer <a href="/staff/requests/{req.id}">of {req.reference} to Harbour Law</a>.'
            in page)
    assert "legalrequest" not in page.split("<tbody>")[1]

    submit(client, "/language", {"locale": "zh_Hans", "next": "/"}, form_url="/")
    page = client.get("/staff/audit").get_data(as_text=True)
    assert f"{admin_link}关闭了案件{request_link}。" in page
    assert "结果：已解决。" in page
