"""The firm's own pages: profile, coverage, offices, lawyers, conflict register, users and invitations."""

import io
import re

import pytest

from legalnet.accounts.models import Role, User
from legalnet.core.audit import AuditLog
from legalnet.firms.models import BarAdmission, ConflictParty, FirmStatus, Lawyer, Office
from legalnet.firms.services import invite_lawyer
from legalnet.notifications.models import OutboxEmail
from tests import factories
from tests.conftest import csrf_from, submit

PROFILE = {"name": "Renamed LLP", "local_name": "", "country": "Singapore", "website": "", "phone": "",
           "description": "", "capacity": "7"}


@pytest.fixture()
def admin(auth, db):
    """A signed-in admin of an active firm."""
    firm = factories.make_firm(name="Own Firm LLP")
    user = factories.make_user(Role.FIRM_ADMIN, firm=firm)
    db.session.commit()
    return auth.login(user=user)


def post_button(client, url, page):
    """Press a button whose form carries only the CSRF token."""
    return client.post(url, data={"csrf_token": csrf_from(client.get(page).get_data(as_text=True))})


def exists(db, model, object_id) -> bool:
    return db.session.scalar(db.select(db.func.count()).select_from(model).where(model.id == object_id)) > 0


# ------------------------------------------------------------------------ profile


def test_admin_edits_the_profile_and_it_is_audited(client, db, admin):
    response = submit(client, "/firm/edit", {**PROFILE, "website": "renamed.example", "capacity": "0"})
    assert response.status_code == 302
    firm = admin.firm
    assert (firm.name, firm.website, firm.capacity, firm.local_name) == ("Renamed LLP", "https://renamed.example", 0,
                                                                         None)
    entry = db.session.scalar(db.select(AuditLog).where(AuditLog.action == "firm.profile_updated"))
    assert entry.actor_id == admin.id and "capacity" in entry.summary


@pytest.mark.parametrize("field,value,message", [
    ("capacity", "-1", "between 0 and 1000"),
    ("capacity", "", "0 or more"),
    ("capacity", "many", "Not a valid integer"),
    ("name", "", "This field is required"),
    ("website", "http://", "Invalid URL"),
])
def test_bad_profile_input_is_refused_and_changes_nothing(client, db, admin, field, value, message):
    response = submit(client, "/firm/edit", {**PROFILE, field: value})
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert admin.firm.name == "Own Firm LLP"


def test_lawyer_sees_the_profile_read_only_and_cannot_change_it(client, db, auth):
    firm = factories.make_firm(name="Read Only LLP")
    lawyer = factories.make_user(Role.FIRM_LAWYER, firm=firm)
    db.session.commit()
    auth.login(user=lawyer)
    page = client.get("/firm/").get_data(as_text=True)
    assert "Read Only LLP" in page and "/firm/edit" not in page and "Only the firm" in page
    response = client.post("/firm/edit", data={**PROFILE, "csrf_token": csrf_from(page)})
    assert response.status_code == 403
    assert firm.name == "Read Only LLP"


def test_applicant_firm_can_complete_its_profile(client, db, auth):
    firm = factories.make_firm(name="Pending LLP", status=FirmStatus.APPLICANT)
    user = factories.make_user(Role.FIRM_ADMIN, firm=firm)
    db.session.commit()
    auth.login(user=user)
    assert "being reviewed" in client.get("/firm/").get_data(as_text=True)
    assert submit(client, "/firm/edit", {**PROFILE, "name": "Pending LLP", "capacity": "3"}).status_code == 302
    assert firm.capacity == 3


# ------------------------------------------------------------------------ coverage


def test_coverage_from_lists_and_free_text_shows_what_was_not_understood(client, db, admin):
    response = submit(client, "/firm/coverage", {
        "jurisdictions": ["SG"], "jurisdictions_text": "越南, Narnia",
        "practice_areas": [], "practice_areas_text": "trade marks",
        "languages": ["en", "zh"], "languages_text": ""}, follow_redirects=True)
    page = response.get_data(as_text=True)
    firm = admin.firm
    assert sorted(firm.jurisdiction_codes) == ["SG", "VN"]
    assert firm.practice_area_codes == ["intellectual-property"]
    assert sorted(firm.language_codes) == ["en", "zh"]
    assert "Coverage saved." in page and "Narnia" in page and "did not understand" in page
    assert "Vietnam" in page  # shown back as a label
    assert firm.raw_jurisdictions == ["SG", "越南", "Narnia"]


def test_coverage_without_a_known_jurisdiction_is_refused(client, db, admin):
    response = submit(client, "/firm/coverage", {"jurisdictions_text": "Atlantis", "practice_areas": ["tax"]})
    assert "at least one jurisdiction" in response.get_data(as_text=True)
    assert admin.firm.jurisdiction_codes == ["HK"]
    response = submit(client, "/firm/coverage", {"jurisdictions": ["XX"], "practice_areas": ["tax"]})
    assert "not a valid choice" in response.get_data(as_text=True)
    assert admin.firm.practice_area_codes == ["arbitration"]


# ------------------------------------------------------------------------ offices and lawyers


def test_offices_are_added_and_removed_only_on_the_own_firm(client, db, admin):
    assert submit(client, "/firm/offices", {"city": "Singapore", "jurisdiction": "SG"}).status_code == 302
    office = db.session.scalar(db.select(Office).where(Office.firm_id == admin.firm_id))
    other = factories.make_firm()
    foreign = Office(city="Bangkok", jurisdiction="TH", firm=other)
    db.session.add(foreign)
    db.session.commit()
    assert post_button(client, f"/firm/offices/{foreign.id}/remove", "/firm/offices").status_code == 404
    assert db.session.get(Office, foreign.id) is not None
    response = submit(client, "/firm/offices", {"city": "", "jurisdiction": "Mars"})
    assert "This field is required" in response.get_data(as_text=True)
    office_id = office.id
    assert post_button(client, f"/firm/offices/{office_id}/remove", "/firm/offices").status_code == 302
    assert not exists(db, Office, office_id)


def test_lawyers_with_bar_admissions(client, db, admin):
    response = submit(client, "/firm/lawyers", {"name": "Priya Tan", "title": "Partner",
                                                "admissions": "SG; 2009/1234; 2009\nMalaysia; BC/55"})
    assert response.status_code == 302
    lawyer = db.session.scalar(db.select(Lawyer).where(Lawyer.firm_id == admin.firm_id))
    assert sorted((a.jurisdiction, a.registration_number, a.admitted_year) for a in lawyer.bar_admissions) == [
        ("MY", "BC/55", None), ("SG", "2009/1234", 2009)]

    response = submit(client, "/firm/lawyers", {"name": "Bad Year", "admissions": "SG; 1; 1850"})
    assert "Bar admissions, line 1" in response.get_data(as_text=True)
    response = submit(client, "/firm/lawyers", {"name": "Bad Bar", "admissions": "SG; 1\nNowhere; 2"})
    assert "line 2" in response.get_data(as_text=True) and "Nowhere" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(Lawyer)) == 1

    prefix = f"lawyer{lawyer.id}-"
    response = submit(client, f"/firm/lawyers/{lawyer.id}/admissions",
                      {prefix + "jurisdiction": "HK", prefix + "registration_number": "P1",
                       prefix + "admitted_year": ""},
                      form_url="/firm/lawyers")
    assert response.status_code == 302
    assert "HK" in [a.jurisdiction for a in lawyer.bar_admissions]
    admission_id, lawyer_id = lawyer.bar_admissions[0].id, lawyer.id
    assert post_button(client, f"/firm/admissions/{admission_id}/remove", "/firm/lawyers").status_code == 302
    assert not exists(db, BarAdmission, admission_id)
    assert post_button(client, f"/firm/lawyers/{lawyer_id}/remove", "/firm/lawyers").status_code == 302
    assert not exists(db, Lawyer, lawyer_id)


def test_another_firms_lawyer_cannot_be_touched(client, db, admin):
    other = factories.make_firm()
    lawyer = Lawyer(name="Not Yours", firm=other, bar_admissions=[BarAdmission(jurisdiction="HK")])
    db.session.add(lawyer)
    db.session.commit()
    assert post_button(client, f"/firm/lawyers/{lawyer.id}/remove", "/firm/lawyers").status_code == 404
    assert post_button(client, f"/firm/admissions/{lawyer.bar_admissions[0].id}/remove",
                       "/firm/lawyers").status_code == 404
    prefix = f"lawyer{lawyer.id}-"
    response = submit(client, f"/firm/lawyers/{lawyer.id}/admissions", {prefix + "jurisdiction": "SG"},
                      form_url="/firm/lawyers")
    assert response.status_code == 404
    assert len(lawyer.bar_admissions) == 1 and db.session.get(Lawyer, lawyer.id) is not None


# ------------------------------------------------------------------------ conflict register


def party_names(db, firm) -> list[str]:
    return sorted(db.session.scalars(db.select(ConflictParty.name).where(ConflictParty.firm_id == firm.id)))


def test_conflict_register_one_many_and_files(client, db, admin):
    firm = admin.firm
    assert submit(client, "/firm/conflicts", {"name": "Acme Holdings Pte. Ltd."}).status_code == 302
    response = submit(client, "/firm/conflicts", {"names": "Beta Trading Co., Ltd.\n\nAcme Holdings\nGamma Bhd"},
                      follow_redirects=True)
    assert "2 names added" in response.get_data(as_text=True)  # "Acme Holdings" is already on the register
    csv_file = (io.BytesIO("id,name\n1,Delta PCL\n2,深圳某某科技有限公司\n".encode("utf-8-sig")), "parties.csv")
    multipart = {"content_type": "multipart/form-data"}
    assert submit(client, "/firm/conflicts", {"upload": csv_file}, **multipart).status_code == 302
    lines = (io.BytesIO(b"Epsilon JSC\nZeta Limited\n"), "parties.txt")
    assert submit(client, "/firm/conflicts", {"upload": lines}, **multipart).status_code == 302
    assert party_names(db, firm) == sorted(["Acme Holdings Pte. Ltd.", "Beta Trading Co., Ltd.", "Gamma Bhd",
                                            "Delta PCL", "深圳某某科技有限公司", "Epsilon JSC", "Zeta Limited"])

    response = submit(client, "/firm/conflicts", {"name": "", "names": "  \n"})
    assert "Give at least one name" in response.get_data(as_text=True)
    bad = (io.BytesIO("Ünïcode".encode("utf-16")), "bad.csv")
    response = submit(client, "/firm/conflicts", {"upload": bad}, content_type="multipart/form-data")
    assert "not UTF-8" in response.get_data(as_text=True)

    party_id = db.session.scalar(db.select(ConflictParty.id).where(ConflictParty.name == "Gamma Bhd"))
    assert post_button(client, f"/firm/conflicts/{party_id}/remove", "/firm/conflicts").status_code == 302
    assert "Gamma Bhd" not in party_names(db, firm)


def test_conflict_register_is_private_to_the_firm(client, db, admin):
    other = factories.make_firm()
    party = ConflictParty(name="Secret Client Ltd", normalized_name="secret client", firm=other)
    db.session.add(party)
    db.session.commit()
    assert "Secret Client" not in client.get("/firm/conflicts").get_data(as_text=True)
    assert post_button(client, f"/firm/conflicts/{party.id}/remove", "/firm/conflicts").status_code == 404
    assert db.session.get(ConflictParty, party.id) is not None
    assert "Secret Client" not in client.get(f"/firms/{other.id}").get_data(as_text=True)


# ------------------------------------------------------------------------ users and invitations


def invitation_link(db, email: str) -> str:
    body = db.session.scalar(db.select(OutboxEmail.body).where(OutboxEmail.to_address == email))
    # E-mail links start with BASE_URL (its development default here), never the host of the request.
    return re.search(r"http://127\.0\.0\.1:5000(/account/set-password/\S+)", body).group(1)


def test_invited_lawyer_sets_a_password_once_and_signs_in(client, db, admin, auth):
    response = submit(client, "/firm/users", {"name": "Wong Siu Ming", "email": "ming@own.example"})
    assert response.status_code == 302
    invited = db.session.scalar(db.select(User).where(User.email == "ming@own.example"))
    assert (invited.role, invited.firm_id) == (Role.FIRM_LAWYER, admin.firm_id)
    assert db.session.scalar(db.select(AuditLog).where(AuditLog.action == "user.invited")).actor_id == admin.id
    link = invitation_link(db, "ming@own.example")
    auth.logout()

    page = client.get(link)
    assert page.status_code == 200 and "ming@own.example" in page.get_data(as_text=True)
    response = submit(client, link, {"new_password": "short", "confirm": "short"})
    assert "at least 10 characters" in response.get_data(as_text=True)
    response = submit(client, link, {"new_password": "ming-pass-2026", "confirm": "ming-pass-2026"})
    assert response.status_code == 302
    again = client.get(link)
    assert again.status_code == 400 and "already been used" in again.get_data(as_text=True)
    auth.login(user=invited, password="ming-pass-2026")
    assert client.get("/firm/").status_code == 200
    assert client.get("/firm/edit").status_code == 403


def test_invited_lawyer_cannot_sign_in_with_any_password_until_choosing_one(client, db, admin, auth):
    submit(client, "/firm/users", {"name": "Chan Tai Man", "email": "chan@own.example"})
    invited = db.session.scalar(db.select(User).where(User.email == "chan@own.example"))
    assert not invited.has_usable_password
    link = invitation_link(db, "chan@own.example")
    auth.logout()
    # Nothing opens the account: not the stored marker, not the password it will have, not the test default
    # (three guesses stay under the sign-in rate limit).
    for guess in (invited.password_hash, "chan-pass-2026", factories.PASSWORD):
        response = submit(client, "/sign-in", {"email": "chan@own.example", "password": guess})
        assert response.status_code == 200
        assert client.get("/firm/").status_code in (302, 401, 403)
    submit(client, link, {"new_password": "chan-pass-2026", "confirm": "chan-pass-2026"})
    db.session.refresh(invited)
    assert invited.has_usable_password
    auth.login(user=invited, password="chan-pass-2026")
    assert client.get("/firm/").status_code == 200


def test_the_invitation_service_creates_the_account_and_sends_the_link(app, db):
    firm = factories.make_firm(name="Service Firm LLP")
    actor = factories.make_user(Role.FIRM_ADMIN, firm=firm)
    actor.name = "Ada Admin"
    db.session.commit()
    with app.test_request_context():
        user = invite_lawyer(firm, actor, "Lee", "lee@service.example")
        db.session.commit()
    assert not user.check_password("") and not user.has_usable_password
    body = db.session.scalar(db.select(OutboxEmail.body).where(OutboxEmail.to_address == "lee@service.example"))
    assert "Ada Admin invited you to legalnet for Service Firm LLP" in body
    assert "/account/set-password/" in body


def test_invitation_links_expire_and_cannot_be_forged(client, db, admin, monkeypatch):
    submit(client, "/firm/users", {"name": "Late Comer", "email": "late@own.example"})
    link = invitation_link(db, "late@own.example")
    assert client.get(link[:-3] + "abc").status_code == 400
    monkeypatch.setattr("legalnet.accounts.services.PASSWORD_TOKEN_MAX_AGE", -1)
    response = client.get(link)
    assert response.status_code == 400 and "expired" in response.get_data(as_text=True)


def test_duplicate_invitation_is_refused(client, db, admin):
    existing = factories.make_user(Role.CLIENT)
    db.session.commit()
    response = submit(client, "/firm/users", {"name": "Someone", "email": existing.email.upper()})
    assert "already exists" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(User)) == 2


def test_admin_disables_and_enables_own_firm_users_only(client, db, admin, auth):
    colleague = factories.make_user(Role.FIRM_LAWYER, firm=admin.firm)
    stranger = factories.make_user(Role.FIRM_LAWYER)
    db.session.commit()
    assert post_button(client, f"/firm/users/{colleague.id}/disable", "/firm/users").status_code == 302
    assert colleague.disabled
    assert post_button(client, f"/firm/users/{stranger.id}/disable", "/firm/users").status_code == 404
    assert not stranger.disabled
    response = post_button(client, f"/firm/users/{admin.id}/disable", "/firm/users")
    assert not admin.disabled
    assert "cannot disable your own account" in client.get(response.headers["Location"]).get_data(as_text=True)
    assert post_button(client, f"/firm/users/{colleague.id}/enable", "/firm/users").status_code == 302
    assert not colleague.disabled
    actions = db.session.scalars(db.select(AuditLog.action).where(AuditLog.subject_id == colleague.id)).all()
    assert actions == ["user.disabled", "user.enabled"]
