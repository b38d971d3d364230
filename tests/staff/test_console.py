"""The staff membership console: application queue, member list with filters, CSV export, import."""

import csv
import io
import json
from datetime import date, timedelta

from legalnet.accounts.models import Role
from legalnet.core.audit import AuditLog
from legalnet.firms.models import Firm, FirmStatus
from tests import factories
from tests.conftest import submit


def test_application_queue_lists_only_applicants_oldest_first(client, db, auth):
    factories.make_firm("Young Applicant LLP", status=FirmStatus.APPLICANT)
    old = factories.make_firm("Old Applicant LLP", status=FirmStatus.APPLICANT)
    old.created_at = old.created_at - timedelta(days=3)
    factories.make_firm("Already Active LLP")
    db.session.commit()
    auth.login(Role.STAFF)
    page = client.get("/staff/applications").get_data(as_text=True)
    assert page.index("Old Applicant LLP") < page.index("Young Applicant LLP")
    assert "Already Active LLP" not in page


def test_member_list_filters_by_status_jurisdiction_renewal_and_name(client, db, auth):
    today = date.today()
    factories.make_firm("Overdue Co LLP", jurisdictions=("SG",), renewal_date=today - timedelta(days=1))
    factories.make_firm("Soon Due LLP", jurisdictions=("HK",), renewal_date=today + timedelta(days=10))
    factories.make_firm("Later Due LLP", jurisdictions=("HK",), renewal_date=today + timedelta(days=60))
    factories.make_firm("Suspended One LLP", status=FirmStatus.SUSPENDED, jurisdictions=("TH",))
    db.session.commit()
    auth.login(Role.STAFF)

    def listing(**args):
        return client.get("/staff/firms", query_string=args).get_data(as_text=True)

    page = listing(status="suspended")
    assert "Suspended One LLP" in page and "Soon Due LLP" not in page
    page = listing(jurisdiction="HK")
    assert "Soon Due LLP" in page and "Later Due LLP" in page and "Overdue Co LLP" not in page
    page = listing(renewal="overdue")
    assert "Overdue Co LLP" in page and "Soon Due LLP" not in page
    page = listing(renewal="30")
    assert "Soon Due LLP" in page and "Later Due LLP" not in page and "Overdue Co LLP" not in page
    page = listing(renewal="90", jurisdiction="HK", q="later")
    assert "Later Due LLP" in page and "Soon Due LLP" not in page
    assert listing(status="nonsense").count("LLP</a>") == 4


def test_member_list_pages(client, db, auth):
    for n in range(55):
        factories.make_firm(f"Paged {n:02d} LLP")
    db.session.commit()
    auth.login(Role.STAFF)
    first = client.get("/staff/firms").get_data(as_text=True)
    assert "Paged 49 LLP" in first and "Paged 50 LLP" not in first and "Page 1 of 2" in first
    second = client.get("/staff/firms", query_string={"page": 2}).get_data(as_text=True)
    assert "Paged 50 LLP" in second and "Paged 49 LLP" not in second


def test_csv_export_follows_the_filters(client, db, auth):
    factories.make_firm("Export Me LLP", local_name="导出律师事务所", jurisdictions=("SG", "MY"),
                        renewal_date=date(2030, 5, 1))
    factories.make_firm("Not Me LLP", status=FirmStatus.WITHDRAWN)
    db.session.commit()
    auth.login(Role.STAFF)
    response = client.get("/staff/firms.csv", query_string={"status": "active"})
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert [(r["name"], r["local_name"], r["status"], r["jurisdictions"], r["renewal_date"]) for r in rows] == [
        ("Export Me LLP", "导出律师事务所", "active", "MY;SG", "2030-05-01")]


def test_import_through_the_page_reports_line_numbers(client, db, auth):
    staff = auth.login(Role.STAFF)
    lines = [
        json.dumps({"name": "Imported One LLP", "email": "one@imported.example", "jurisdictions": ["Vietnam"],
                    "practice_areas": ["tax"], "languages": ["vi"]}),
        "{not json",
        json.dumps({"name": "No Email LLP"}),
        json.dumps({"name": "Imported Two LLP", "email": "two@imported.example", "jurisdictions": ["SG"],
                    "practice_areas": ["arbitration"], "languages": ["en"], "status": "applicant"}),
    ]
    upload = (io.BytesIO("\n".join(lines).encode()), "firms.jsonl")
    response = submit(client, "/staff/firms/import", {"upload": upload}, content_type="multipart/form-data")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "2 created" in page and "2 refused" in page
    assert "<td>2</td><td>error</td>" in page and "<td>3</td><td>error</td>" in page
    statuses = dict(db.session.execute(db.select(Firm.email, Firm.status)).all())
    assert statuses == {"one@imported.example": FirmStatus.ACTIVE, "two@imported.example": FirmStatus.APPLICANT}
    assert db.session.scalar(db.select(AuditLog.actor_id).where(AuditLog.action == "firms.imported")) == staff.id

    # The same file again changes nothing; a CSV with a chosen default status works too.
    upload = (io.BytesIO("\n".join(lines).encode()), "firms.jsonl")
    page = submit(client, "/staff/firms/import", {"upload": upload},
                  content_type="multipart/form-data").get_data(as_text=True)
    assert "0 created" in page and "2 unchanged" in page
    csv_file = (io.BytesIO(b"name,email,jurisdictions,practice_areas,languages\n"
                           b"Csv Firm LLP,csv@imported.example,HK;MO,arbitration,en\n"), "more.csv")
    submit(client, "/staff/firms/import", {"upload": csv_file, "status": "applicant"},
           content_type="multipart/form-data")
    firm = db.session.scalar(db.select(Firm).where(Firm.email == "csv@imported.example"))
    assert firm.status == FirmStatus.APPLICANT and sorted(firm.jurisdiction_codes) == ["HK", "MO"]


def test_import_without_a_file_or_with_a_bad_file_is_refused(client, db, auth):
    auth.login(Role.STAFF)
    page = submit(client, "/staff/firms/import", {}, content_type="multipart/form-data").get_data(as_text=True)
    assert "Choose a file to import." in page
    bad = (io.BytesIO("name,email\n".encode("utf-16")), "firms.csv")
    page = submit(client, "/staff/firms/import", {"upload": bad},
                  content_type="multipart/form-data").get_data(as_text=True)
    assert "not UTF-8" in page
    assert db.session.scalar(db.select(db.func.count()).select_from(Firm)) == 0
