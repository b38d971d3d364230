"""The vocabulary staff teach: unresolved terms of recent requests listed most frequent first with suggestions,
mapping one to a code (stored, audited, read at once by the next request and by `flask match`), undoing it,
the export and the API, and who may do it."""

import json
import re
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from legalnet.accounts.models import Role
from legalnet.api.services import create_token
from legalnet.core.audit import AuditLog
from legalnet.core.models import utcnow
from legalnet.extensions import db as _db
from legalnet.intake.models import LegalRequest
from legalnet.matching.models import TaughtAlias, UnresolvedTerm
from legalnet.matching.services import label, resolve_request, resolve_terms
from legalnet.staff import vocabulary
from tests import factories
from tests.conftest import Auth, submit

ROOT = Path(__file__).resolve().parents[2]
# Nicknames and made-up words that the vocabulary does not read today.
NICKNAME = "Kingdom of Smiles"
INVENTED = "Zorbland Republic"
INTAKE = {"description": "", "urgency": "standard", "budget_currency": "USD", "consent": "y"}


def client_request(client, title: str, jurisdictions_text: str = "", practice_areas_text: str = "") -> LegalRequest:
    """Submit a request through the real intake page as the signed-in client."""
    response = submit(client, "/requests/new", {**INTAKE, "title": title, "jurisdictions_text": jurisdictions_text,
                                                "practice_areas_text": practice_areas_text, "submit": "Submit"})
    assert response.status_code == 302, response.get_data(as_text=True)[:800]
    return _db.session.scalars(_db.select(LegalRequest).order_by(LegalRequest.id.desc())).first()


def sign_in_as_new(client, role: Role):
    """Sign out whoever is signed in and sign in a new user of `role` (with the second factor staff need)."""
    client.get("/")
    with client.session_transaction() as session:
        session.clear()
    return Auth(client).login(role)


def row_of(html: str, term: str) -> str:
    """The table row of one term on the vocabulary page."""
    match = re.search(r'<tr data-term="' + re.escape(term) + r'">(.*?)</tr>', html, re.S)
    assert match, f"no row for {term!r}"
    return match.group(1)


def terms_in_order(html: str) -> list[str]:
    """The unresolved terms as listed, top to bottom."""
    table = html.split('class="vocabulary-terms"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<tr data-term="([^"]+)"', table)


def test_unresolved_terms_are_stored_and_listed_most_frequent_first_with_suggestions(client, db, auth):
    auth.login(Role.CLIENT)
    client_request(client, "Distributor dispute", f"{NICKNAME}, Vietnam")
    client_request(client, "Trade mark", NICKNAME)
    client_request(client, "Company set-up", INVENTED, "Zorbish licensing")
    stored = _db.session.scalars(_db.select(UnresolvedTerm).order_by(UnresolvedTerm.id)).all()
    assert [(t.kind, t.text) for t in stored] == [
        ("jurisdictions", NICKNAME), ("jurisdictions", NICKNAME), ("jurisdictions", INVENTED),
        ("practice_areas", "Zorbish licensing")]

    sign_in_as_new(client, Role.STAFF)
    html = client.get("/staff/vocabulary").get_data(as_text=True)
    order = terms_in_order(html)
    assert order[0] == NICKNAME and set(order[1:]) == {INVENTED, "Zorbish licensing"}
    row = row_of(html, NICKNAME)
    assert re.search(r"<td>2</td>", row)
    # The resolver's suggestions are buttons that map the term in one click.
    suggested = resolve_terms("jurisdictions", [NICKNAME]).suggestions[NICKNAME]
    assert suggested
    for code in suggested:
        name = label("jurisdictions", code)
        assert re.search(rf'<button type="submit" name="target" value="jurisdictions:{code}"[^>]*>{name}</button>', row)
    assert 'name="csrf_token"' in row


def test_old_requests_do_not_count(client, db, auth):
    user = auth.login(Role.CLIENT)
    old = factories.make_legal_request(user, title="Old", jurisdictions=[INVENTED])
    _db.session.execute(_db.update(UnresolvedTerm).where(UnresolvedTerm.request_id == old.id)
                        .values(created_at=utcnow() - timedelta(days=200)))
    _db.session.commit()
    sign_in_as_new(client, Role.STAFF)
    html = client.get("/staff/vocabulary").get_data(as_text=True)
    assert INVENTED not in html
    assert "Every term of recent requests was understood." in html


def test_mapping_is_stored_audited_and_read_by_the_next_request_then_undone(client, db, auth):
    auth.login(Role.CLIENT)
    client_request(client, "Distributor dispute", NICKNAME)
    staff = sign_in_as_new(client, Role.STAFF)

    response = submit(client, "/staff/vocabulary/teach", {"text": NICKNAME, "target": "jurisdictions:TH"},
                      form_url="/staff/vocabulary", follow_redirects=True)
    html = response.get_data(as_text=True)
    assert "“Kingdom of Smiles” is now read as Thailand." in html
    alias = _db.session.scalar(_db.select(TaughtAlias))
    assert (alias.kind, alias.code, alias.alias, alias.created_by_id) == ("jurisdictions", "TH", NICKNAME, staff.id)
    assert alias.created_at is not None and alias.active
    entry = _db.session.scalar(_db.select(AuditLog).where(AuditLog.action == "vocabulary.alias_taught"))
    assert entry.actor_id == staff.id and NICKNAME in entry.summary and "TH" in entry.summary
    # Taught terms leave the list of unresolved ones and show among the taught ones.
    assert "data-term=\"Kingdom of Smiles\"" in html.split('class="taught-terms"', 1)[1]
    assert NICKNAME not in terms_in_order(html)

    # The next request reads it, in prose too, without a restart.
    assert "TH" in resolve_request("Dispute", f"Our distributor in the {NICKNAME} stopped paying.").jurisdictions
    sign_in_as_new(client, Role.CLIENT)
    page = submit(client, "/requests/new", {**INTAKE, "title": "Lease", "jurisdictions_text": NICKNAME.lower(),
                                            "check": "Check"})
    assert re.search(r'data-kind="jurisdictions">Thailand<', page.get_data(as_text=True))

    staff_again = sign_in_as_new(client, Role.STAFF)
    response = submit(client, f"/staff/vocabulary/aliases/{alias.id}/undo", {}, form_url="/staff/vocabulary",
                      follow_redirects=True)
    assert "is no longer mapped to Thailand" in response.get_data(as_text=True)
    alias = _db.session.get(TaughtAlias, alias.id)
    assert alias.removed_by_id == staff_again.id and alias.removed_at is not None
    assert _db.session.scalar(_db.select(AuditLog).where(AuditLog.action == "vocabulary.alias_undone"))
    assert "TH" not in resolve_request("Dispute", f"Our distributor in the {NICKNAME} stopped paying.").jurisdictions
    # Undone twice is refused with a message, not an error page.
    again = submit(client, f"/staff/vocabulary/aliases/{alias.id}/undo", {}, form_url="/staff/vocabulary",
                   follow_redirects=True)
    assert again.status_code == 200 and "undone already" in again.get_data(as_text=True)


def test_a_mapping_made_elsewhere_reaches_this_process_through_the_database(client, db, auth):
    """Another worker's mapping is only a row in the database; this process picks it up on its next request."""
    staff = factories.make_user(Role.STAFF)
    assert "TH" not in resolve_request("", "", [INVENTED]).jurisdictions
    _db.session.add(TaughtAlias(kind="jurisdictions", code="TH", alias=INVENTED, normalized="zorbland republic",
                                created_by_id=staff.id))
    _db.session.commit()
    assert resolve_request("", "", [INVENTED]).jurisdictions == ["TH"]
    _db.session.execute(_db.update(TaughtAlias).values(removed_at=utcnow()))
    _db.session.commit()
    assert resolve_request("", "", [INVENTED]).jurisdictions == []


@pytest.mark.parametrize("data, message", [
    ({"text": NICKNAME, "target": "jurisdictions:XX"}, "Choose a jurisdiction, practice area or language"),
    ({"text": NICKNAME, "target": "planets:TH"}, "Choose a jurisdiction, practice area or language"),
    ({"text": NICKNAME, "target": ""}, "the form was incomplete"),
    ({"text": "  ", "target": "jurisdictions:TH"}, "the form was incomplete"),
    ({"text": "!!!", "target": "jurisdictions:TH"}, "The term is empty"),
    ({"text": "x" * 201, "target": "jurisdictions:TH"}, "the form was incomplete"),
    ({"text": "Thailand", "target": "jurisdictions:TH"}, "is already read as Thailand"),
])
def test_bad_mappings_are_refused_with_a_message_and_change_nothing(client, db, auth, data, message):
    auth.login(Role.STAFF)
    response = submit(client, "/staff/vocabulary/teach", data, form_url="/staff/vocabulary", follow_redirects=True)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert _db.session.scalar(_db.select(_db.func.count()).select_from(TaughtAlias)) == 0


def test_a_term_is_mapped_once_and_needs_the_csrf_token(client, db, auth):
    auth.login(Role.STAFF)
    first = submit(client, "/staff/vocabulary/teach", {"text": INVENTED, "target": "jurisdictions:TH"},
                   form_url="/staff/vocabulary")
    assert first.status_code == 302
    second = submit(client, "/staff/vocabulary/teach", {"text": INVENTED.upper(), "target": "jurisdictions:VN"},
                    form_url="/staff/vocabulary", follow_redirects=True)
    assert "is already mapped to Thailand; undo that first." in second.get_data(as_text=True)
    without_token = client.post("/staff/vocabulary/teach", data={"text": "Other", "target": "jurisdictions:TH"})
    assert without_token.status_code == 400
    assert client.post("/staff/vocabulary/aliases/1/undo", data={}).status_code == 400
    assert _db.session.scalar(_db.select(_db.func.count()).select_from(TaughtAlias)) == 1
    assert submit(client, "/staff/vocabulary/aliases/999/undo", {}, form_url="/staff/vocabulary").status_code == 404


@pytest.mark.parametrize("role, status", [(None, 302), (Role.CLIENT, 403), (Role.FIRM_ADMIN, 403),
                                          (Role.FIRM_LAWYER, 403), (Role.STAFF, 200), (Role.STAFF_ADMIN, 200)])
def test_only_staff_see_and_teach_the_vocabulary(client, db, auth, role, status):
    if role:
        auth.login(role)
    assert client.get("/staff/vocabulary").status_code == status
    if status != 200:
        teach = submit(client, "/staff/vocabulary/teach", {"text": "x", "target": "jurisdictions:TH"},
                       form_url="/dashboard" if role else "/sign-in")
        assert teach.status_code == status
        assert _db.session.scalar(_db.select(_db.func.count()).select_from(TaughtAlias)) == 0


def test_export_and_api_include_taught_aliases(app, client, db, auth, tmp_path):
    staff = auth.login(Role.STAFF)
    submit(client, "/staff/vocabulary/teach", {"text": INVENTED, "target": "jurisdictions:TH"},
           form_url="/staff/vocabulary")
    target = tmp_path / "vocabulary.json"
    result = app.test_cli_runner().invoke(args=["vocabulary", "export", str(target)])
    assert result.exit_code == 0, result.output
    assert "1 taught aliases" in result.output
    document = json.loads(target.read_text(encoding="utf-8"))
    thailand = next(e for e in document["jurisdictions"]["entries"] if e["code"] == "TH")
    assert thailand["taught"][0]["alias"] == INVENTED and thailand["taught"][0]["taught_by"] == staff.email
    assert INVENTED not in thailand["aliases"] and "Thailand" in thailand["labels"]["en"]
    assert {kind for kind in document} == {"jurisdictions", "practice_areas", "languages"}

    token = create_token(staff, "vocabulary").value
    _db.session.commit()
    body = client.get("/api/v1/vocabulary/jurisdictions", headers={"Authorization": f"Bearer {token}"}).get_json()
    items = {item["code"]: item for item in body["items"]}
    assert items["TH"]["taught_aliases"] == [INVENTED] and items["VN"]["taught_aliases"] == []


def test_the_page_lists_the_most_frequent_terms_and_says_how_many_there_are(client, db, auth):
    user = factories.make_user(Role.CLIENT)
    requests = [factories.make_legal_request(user, title=f"R{i}") for i in range(3)]
    for n in range(vocabulary.TERMS_SHOWN + 2):
        # Term 0 is in three requests, term 1 in two, the others in one.
        for req in requests[:max(1, 3 - n)]:
            _db.session.add(UnresolvedTerm(request_id=req.id, kind="jurisdictions", text=f"Qwxland {n}",
                                           normalized=f"qwxland {n}"))
    _db.session.commit()
    auth.login(Role.STAFF)
    html = client.get("/staff/vocabulary").get_data(as_text=True)
    order = terms_in_order(html)
    assert len(order) == vocabulary.TERMS_SHOWN and order[:2] == ["Qwxland 0", "Qwxland 1"]
    assert f"Showing the {vocabulary.TERMS_SHOWN} most frequent of {vocabulary.TERMS_SHOWN + 2} terms" in html


WORKER = """
import sys
from legalnet import create_app
from legalnet.extensions import db
from legalnet.matching.services import resolve_request
app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": sys.argv[1]})
with app.app_context():
    for line in sys.stdin:
        db.session.rollback()  # a new request: read what other workers committed since
        print(",".join(resolve_request("", "", [line.strip()]).jurisdictions) or "-", flush=True)
"""


def test_a_running_worker_process_reads_a_mapping_without_a_restart(app, client, db, auth):
    """A separate, already running process (as another gunicorn worker is) reads the mapping on its next call."""
    worker = subprocess.Popen([sys.executable, "-c", WORKER, app.config["SQLALCHEMY_DATABASE_URI"]],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        def ask(term: str) -> str:
            worker.stdin.write(term + "\n")
            worker.stdin.flush()
            return worker.stdout.readline().strip()

        assert ask(INVENTED) == "-"
        auth.login(Role.STAFF)
        submit(client, "/staff/vocabulary/teach", {"text": INVENTED, "target": "jurisdictions:TH"},
               form_url="/staff/vocabulary")
        assert ask(INVENTED) == "TH"
        alias = _db.session.scalar(_db.select(TaughtAlias))
        submit(client, f"/staff/vocabulary/aliases/{alias.id}/undo", {}, form_url="/staff/vocabulary")
        assert ask(INVENTED) == "-"
    finally:
        worker.stdin.close()
        worker.wait(timeout=30)
