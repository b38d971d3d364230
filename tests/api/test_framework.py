"""How every API call is run: one commit per call (the token's last use goes into it), a bearer token signs
in through Flask-Login's request loader while the browser's cookie is neither used nor lost, the cursor
pagination shared by every list, and errors that stay problem+json under /api/ and HTML pages elsewhere."""

from contextlib import contextmanager

from sqlalchemy import event

from legalnet.accounts.models import Role
from legalnet.api.models import ApiToken
from legalnet.api.pagination import decode_cursor, encode_cursor
from legalnet.extensions import db as _db
from tests import factories
from tests.api.test_endpoints import NEW_REQUEST, problem


@contextmanager
def commits():
    """Counts the commits of the application's database session while the block runs."""
    counter = {"n": 0}

    def count(_session):
        counter["n"] += 1

    event.listen(_db.session, "after_commit", count)
    try:
        yield counter
    finally:
        event.remove(_db.session, "after_commit", count)


def test_a_read_commits_once_and_records_the_tokens_last_use(client, db, api):
    user = factories.make_user(Role.CLIENT)
    value = api.token_for(user)
    with commits() as counter:
        assert api.get("/me", value).json["email"] == user.email
    assert counter["n"] == 1
    assert db.session.scalar(db.select(ApiToken.last_used_at)) is not None


def test_a_write_commits_once_with_the_tokens_last_use(client, db, api):
    factories.make_firm(name="Harbour Arbitration LLP")
    value = api.token_for(factories.make_user(Role.CLIENT))
    with commits() as counter:
        created = api.post("/requests", value, NEW_REQUEST)
    assert created.status_code == 201 and created.json["status"] == "matched"
    assert counter["n"] == 1
    assert db.session.scalar(db.select(ApiToken.last_used_at)) is not None


def test_refused_and_invalid_calls_commit_nothing(client, db, api):
    value = api.token_for(factories.make_user(Role.CLIENT))
    with commits() as counter:
        problem(api.post("/requests", value, {"title": " "}), 422)
        problem(api.get("/staff/firms", value), 403)
        problem(api.get("/requests/999", value), 404)
        problem(api.get("/me", "lgn_00000000_nothing"), 401)
    assert counter["n"] == 0


def test_a_token_call_from_a_signed_in_browser_acts_as_the_token_and_keeps_the_browser_signed_in(
        client, db, auth, api):
    staff = auth.login(Role.STAFF)
    other = factories.make_user(Role.CLIENT)
    value = api.token_for(other)
    assert api.get("/me", value).json["id"] == other.id
    assert api.get("/staff/firms", value).status_code == 403
    # The page still knows the browser's own user, and the cookie alone still signs no API call in.
    page = client.get("/dashboard")
    assert page.status_code == 200 and staff.name in page.get_data(as_text=True)
    assert api.get("/me").status_code == 401


def test_cursors_belong_to_one_list(client, db, api):
    user = factories.make_user(Role.CLIENT)
    value = api.token_for(user)
    for n in range(5):
        factories.make_legal_request(user, title=f"Matter {n}")
    db.session.commit()
    seen, cursor = [], None
    while True:
        body = api.get("/requests?limit=2" + (f"&cursor={cursor}" if cursor else ""), value).json
        seen += [r["id"] for r in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted(seen, reverse=True) and len(set(seen)) == 5
    assert decode_cursor("r", encode_cursor("r", 42)) == 42
    # A cursor of the offers list, or of the directory, means nothing to the requests list.
    for foreign in (encode_cursor("f", seen[0]), encode_cursor("o", 2)):
        assert "cursor" in problem(api.get(f"/requests?cursor={foreign}", value), 422)["errors"]


def test_validation_errors_name_each_field_in_problem_json(client, db, api):
    value = api.token_for(factories.make_user(Role.CLIENT))
    body = problem(api.post("/requests", value, {"title": 5, "consent_to_share": "yes", "budget_amount": True,
                                                 "urgency": None, "unknown_field": 1}), 422)
    assert body["errors"]["title"] == ["Expected text, got a number."]
    assert body["errors"]["budget_amount"] == ["Expected a whole number."]
    assert set(body["errors"]) == {"title", "consent_to_share", "budget_amount"}
    assert problem(api.get("/requests?limit=ten", value), 422)["errors"] == {
        "limit": ["Expected a number from 1 to 100."]}


def test_html_pages_keep_their_own_error_pages(client, db):
    missing = client.get("/no/such/page")
    assert missing.status_code == 404 and missing.mimetype == "text/html"
    api_missing = client.get("/api/v1/no/such/operation")
    assert api_missing.status_code == 404 and api_missing.mimetype == "application/problem+json"


def test_every_operation_documents_its_errors_as_problem_json(api, db):
    document = api.get("/openapi.json").get_json()
    assert document["openapi"] == "3.1.0"
    problem_media = document["components"]["responses"]["Invalid"]["content"]
    assert list(problem_media) == ["application/problem+json"]
    for path, ops in document["paths"].items():
        for method, op in ops.items():
            assert {"400", "401", "429"} <= set(op["responses"]), (method, path)
            if "requestBody" in op or any(p["in"] == "query" for p in op["parameters"]):
                assert op["responses"]["422"] == {"$ref": "#/components/responses/Invalid"}, (method, path)


def test_options_and_head_behave_like_the_path_says(client, db, api):
    value = api.token_for(factories.make_user(Role.CLIENT))
    options = client.options("/api/v1/requests")
    assert options.status_code == 200 and {"GET", "POST"} <= set(options.headers["Allow"].replace(" ", "").split(","))
    head = client.head("/api/v1/requests?limit=1", headers={"Authorization": f"Bearer {value}"})
    assert head.status_code == 200
