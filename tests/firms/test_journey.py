"""A firm's whole way in, through the pages: apply, be approved, sign in, complete the profile, be found."""

import json
from datetime import date, timedelta

from legalnet.accounts.models import Role, User
from legalnet.core.audit import AuditLog
from legalnet.firms.models import Firm, FirmStatus
from legalnet.notifications.models import Notification, OutboxEmail
from tests import factories
from tests.conftest import submit

APPLICATION = {
    "name": "Harbour Crest Law Firm",
    "local_name": "港峰律师事务所",
    "email": "referrals@harbourcrest.example",
    "country": "Hong Kong",
    "website": "harbourcrest.example",
    "phone": "+852 2000 0000",
    "description": "Cross-border disputes.",
    "jurisdictions": ["HK"],
    "jurisdictions_text": "Vietnam, 澳门",
    "practice_areas": ["arbitration"],
    "practice_areas_text": "trade marks",
    "languages": ["en"],
    "languages_text": "Cantonese",
    "offices": "Hong Kong; HK; 1 Queen's Road Central\nHo Chi Minh City, VN",
    "bar_registrations": "Chan Tai Man; HK; P12345; 2010\nChan Tai Man; Vietnam; VN-889; 2018\nLe Thi Hoa; VN",
    "contact_name": "Chan Tai Man",
    "contact_email": "tm.chan@harbourcrest.example",
    "password": "harbour-pass-2026",
    "confirm": "harbour-pass-2026",
}


def count(db, model) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(model))


def test_firm_applies_is_approved_completes_profile_and_appears_in_directory(app, client, db, auth, tmp_path):
    staff = factories.make_user(Role.STAFF)
    db.session.commit()

    # 1. The firm applies through the public form.
    response = submit(client, "/firms/apply", APPLICATION)
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]
    assert "has been sent to the centre" in client.get(response.headers["Location"]).get_data(as_text=True)
    firm = db.session.scalar(db.select(Firm).where(Firm.email == "referrals@harbourcrest.example"))
    assert firm.status == FirmStatus.APPLICANT
    assert firm.website == "https://harbourcrest.example"
    assert sorted(firm.jurisdiction_codes) == ["HK", "MO", "VN"]
    assert "intellectual-property" in firm.practice_area_codes and "arbitration" in firm.practice_area_codes
    assert sorted(firm.language_codes) == ["en", "yue"]
    assert sorted((o.city, o.jurisdiction) for o in firm.offices) == [("Ho Chi Minh City", "VN"), ("Hong Kong", "HK")]
    chan = next(lawyer for lawyer in firm.lawyers if lawyer.name == "Chan Tai Man")
    assert sorted((a.jurisdiction, a.registration_number, a.admitted_year) for a in chan.bar_admissions) == [
        ("HK", "P12345", 2010), ("VN", "VN-889", 2018)]
    admin = db.session.scalar(db.select(User).where(User.email == "tm.chan@harbourcrest.example"))
    assert admin.role == Role.FIRM_ADMIN and admin.firm_id == firm.id
    # The applicant confirms the contact address through the link e-mailed to it.
    verify = db.session.scalar(db.select(OutboxEmail).where(OutboxEmail.to_address == admin.email,
                                                            OutboxEmail.kind == "account.verify_email"))
    assert client.get(verify.body.split("http://127.0.0.1:5000", 1)[1].split()[0]).status_code == 302
    assert db.session.scalar(db.select(Notification).where(Notification.user_id == staff.id)).kind == \
        "membership.application"
    assert db.session.scalar(db.select(AuditLog.action).where(AuditLog.subject_id == firm.id)) == "firm.applied"

    # Not in the directory yet, and its page does not exist for the public.
    assert "Harbour Crest" not in client.get("/firms/").get_data(as_text=True)
    assert client.get(f"/firms/{firm.id}").status_code == 404

    # 2. Staff approve it from the queue.
    auth.login(user=staff)
    queue = client.get("/staff/applications").get_data(as_text=True)
    assert "Harbour Crest Law Firm" in queue
    response = submit(client, f"/staff/firms/{firm.id}/status", {"action": "approve", "reason": "Checked the bar."},
                      form_url=f"/staff/firms/{firm.id}")
    assert response.status_code == 302
    assert firm.status == FirmStatus.ACTIVE
    assert firm.renewal_date == date.today() + timedelta(days=365)
    assert db.session.scalar(db.select(OutboxEmail).where(OutboxEmail.to_address == admin.email,
                                                          OutboxEmail.kind == "membership.approve"))
    auth.logout()

    # 3. The firm admin signs in and completes the profile.
    auth.login(user=admin, password="harbour-pass-2026")
    assert "Harbour Crest Law Firm" in client.get("/firm/").get_data(as_text=True)
    response = submit(client, "/firm/edit", {
        "name": "Harbour Crest Law Firm", "local_name": "港峰律师事务所", "country": "Hong Kong",
        "website": "https://harbourcrest.example", "phone": "+852 2000 0001",
        "description": "Arbitration and trade mark work between Hong Kong and Vietnam.", "capacity": "12"})
    assert response.status_code == 302
    assert firm.capacity == 12
    response = submit(client, "/firm/offices", {"city": "Macao", "jurisdiction": "MO", "address": ""})
    assert response.status_code == 302
    assert "Macao" in [o.city for o in firm.offices]
    auth.logout()

    # 4. The public finds it, also with a typo and by its Chinese name, and reads its profile.
    for query in ("Harbor Crest", "港峰", "harbour crest law"):
        listing = client.get("/firms/", query_string={"q": query}).get_data(as_text=True)
        assert "Harbour Crest Law Firm" in listing, query
    listing = client.get("/firms/", query_string={"jurisdiction": "VN", "practice_area": "arbitration"})
    assert "Harbour Crest Law Firm" in listing.get_data(as_text=True)
    page = client.get(f"/firms/{firm.id}").get_data(as_text=True)
    assert "Vietnam" in page and "Macao" in page and "P12345" not in page and "Chan Tai Man" in page

    # 5. And the matcher offers it for a request it fits, through the same command other tools use.
    request_file = tmp_path / "request.json"
    request = {"id": "r1", "description": "越南的商标仲裁，需要会说粤语的律师"}
    request_file.write_text(json.dumps(request), encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["match", "--json", str(request_file)])
    assert result.exit_code == 0, result.output
    matched = json.loads(result.stdout.splitlines()[0])
    assert matched["resolved"]["jurisdictions"] == ["VN"]
    assert "referrals@harbourcrest.example" in [m["firm"]["email"] for m in matched["matches"]]
