"""Security headers on pages and API answers, scripts only from files, and hostile input answered with a 4xx
that says what was wrong and changes nothing: deep or large JSON, NUL bytes, text that is not UTF-8, and
values the database refuses."""

import io
import re
from pathlib import Path

import pytest
from flask import abort
from sqlalchemy.exc import DataError

from legalnet import create_app
from legalnet.accounts.models import Role, User
from legalnet.firms.models import ConflictParty
from legalnet.intake.models import LegalRequest
from tests import factories
from tests.api.conftest import Api
from tests.conftest import csrf_from, submit

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def assert_security_headers(response):
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "object-src 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    # HSTS only where the site is served over HTTPS (production; see tests/test_config.py).
    assert "Strict-Transport-Security" not in response.headers


@pytest.mark.parametrize("path", ["/", "/sign-in", "/no/such/page", "/api/v1/openapi.json", "/api/v1/me",
                                  "/static/style.css"])
def test_every_answer_carries_the_security_headers(client, db, path):
    assert_security_headers(client.get(path))


def test_signed_in_pages_and_api_errors_carry_them_too(client, db, auth):
    auth.login(Role.STAFF)
    assert_security_headers(client.get("/staff/firms"))
    assert_security_headers(client.post("/api/v1/requests", json={}))


def test_templates_have_no_inline_script_or_event_handler():
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        for tag in re.findall(r"<script\b[^>]*>", text):
            assert "src=" in tag, f"inline script in {template}"
        assert not re.search(r"\son[a-z]+\s*=", text), f"inline event handler in {template}"


def test_language_switcher_script_is_served(client, db):
    page = client.get("/").get_data(as_text=True)
    assert '<select id="locale-select" name="locale" data-submit-on-change>' in page
    script = client.get("/static/app.js")
    assert script.status_code == 200 and "data-submit-on-change" in script.get_data(as_text=True)


# ------------------------------------------------------------------------------------------------ JSON


def nested(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


@pytest.mark.parametrize("body", [nested(5000), nested(40), "[" * 100_000])
def test_deeply_nested_json_is_400_problem_json(client, db, body):
    client_user = factories.make_user(Role.CLIENT)
    db.session.commit()
    api = Api(client)
    response = api.call("POST", "/requests", client_user, data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert "nested more than 32 levels" in response.get_json()["detail"]
    assert db.session.scalar(db.select(db.func.count()).select_from(LegalRequest)) == 0


def test_deep_json_to_a_page_is_400_too(client, db):
    response = client.post("/sign-in", data=nested(5000), content_type="application/json")
    assert response.status_code == 400 and "nested more than 32 levels" in response.get_data(as_text=True)


def test_json_at_the_depth_limit_still_works(client, db):
    client_user = factories.make_user(Role.CLIENT)
    db.session.commit()
    # Deep but allowed: the API answers about the content (422), not about the nesting.
    body = '{"title": "x", "extra": ' + nested(30) + "}"
    response = Api(client).call("POST", "/requests", client_user, data=body, content_type="application/json")
    assert response.status_code == 422


def test_large_json_body_is_413_problem_json(client, db):
    client_user = factories.make_user(Role.CLIENT)
    db.session.commit()
    body = '{"title": "' + "x" * 1_100_000 + '"}'
    response = Api(client).call("POST", "/requests", client_user, data=body, content_type="application/json")
    assert response.status_code == 413
    assert response.mimetype == "application/problem+json"


def test_an_upload_over_the_size_limit_is_413(client, db, auth, monkeypatch):
    auth.login(Role.STAFF)
    page = client.get("/staff/firms/import").get_data(as_text=True)
    monkeypatch.setitem(client.application.config, "MAX_CONTENT_LENGTH", 10_000)
    response = client.post("/staff/firms/import", data={"csrf_token": csrf_from(page),
                                                       "upload": (io.BytesIO(b"x" * 20_000), "firms.csv")},
                           content_type="multipart/form-data")
    assert response.status_code == 413 and "larger than this site accepts" in response.get_data(as_text=True)


def test_json_that_is_not_utf8_is_400(client, db):
    client_user = factories.make_user(Role.CLIENT)
    db.session.commit()
    response = Api(client).call("POST", "/requests", client_user, data=b'{"title": "\xff\xfe"}',
                                content_type="application/json")
    assert response.status_code == 400 and "not UTF-8" in response.get_json()["detail"]


def test_hostile_json_without_a_token_learns_only_401(client, db):
    response = client.post("/api/v1/requests", data=nested(5000), content_type="application/json")
    assert response.status_code == 401


# ------------------------------------------------------------------------------------------- forms


def test_nul_byte_in_a_form_is_refused_and_changes_nothing(client, db):
    page = client.get("/register").get_data(as_text=True)
    data = {"csrf_token": csrf_from(page), "organisation_name": "Null\x00Corp", "country": "HK", "name": "Ada",
            "email": "ada@null.example", "password": "strong-pass-77", "confirm": "strong-pass-77"}
    response = client.post("/register", data=data)
    assert response.status_code == 400
    assert "NUL character" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(User)) == 0


def test_form_text_that_is_not_utf8_is_refused(client, db):
    page = client.get("/sign-in").get_data(as_text=True)
    body = f"csrf_token={csrf_from(page)}&email=%ff%fe%40x.example&password=whatever-1".encode()
    response = client.post("/sign-in", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400 and "not UTF-8" in response.get_data(as_text=True)


@pytest.mark.parametrize("query", ["q=%00", "q=caf%e9"])
def test_bad_text_in_the_address_is_400(client, db, query):
    response = client.get(f"/firms/?{query}")
    assert response.status_code == 400
    assert "NUL character" in response.get_data(as_text=True) or "not UTF-8" in response.get_data(as_text=True)


@pytest.mark.parametrize(("content", "message"), [(b"Acme Holdings\x00Ltd\n", "not a text file"),
                                                 ("Acme Holdings\n".encode("utf-16"), "not UTF-8")])
def test_upload_with_nul_bytes_is_refused_with_a_message(client, db, auth, content, message):
    admin = auth.login(Role.FIRM_ADMIN)
    response = submit(client, "/firm/conflicts", {"upload": (io.BytesIO(content), "parties.csv")},
                      content_type="multipart/form-data")
    # The form comes back with the message on the file field.
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(ConflictParty)
                             .where(ConflictParty.firm_id == admin.firm_id)) == 0


def test_import_upload_with_nul_bytes_is_refused(client, db, auth):
    auth.login(Role.STAFF)
    response = submit(client, "/staff/firms/import",
                      {"upload": (io.BytesIO(b'{"name": "A\x00B", "email": "a@b.example"}\n'), "firms.jsonl")},
                      content_type="multipart/form-data")
    assert response.status_code == 200 and "not a text file" in response.get_data(as_text=True)


# ------------------------------------------------------------------------------------- database errors


def test_a_data_error_is_400_saying_what_was_wrong(tmp_path):
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite'}"})

    def refused_by_database(kind):
        messages = {"nul": "PostgreSQL text fields cannot contain NUL (0x00) bytes",
                    "long": 'value too long for type character varying(200)',
                    "range": "integer out of range"}
        if kind not in messages:
            abort(404)
        raise DataError("INSERT …", {}, Exception(messages[kind]))

    app.add_url_rule("/probe/<kind>", view_func=refused_by_database)
    app.add_url_rule("/api/v1/probe/<kind>", "api_probe", view_func=refused_by_database)
    client = app.test_client()
    nul = client.get("/probe/nul")
    assert nul.status_code == 400 and "NUL character" in nul.get_data(as_text=True)
    long = client.get("/api/v1/probe/long")
    assert long.status_code == 400 and long.mimetype == "application/problem+json"
    assert "longer than this field" in long.get_json()["detail"]
    # A number too large for the column names nothing that exists.
    assert client.get("/probe/range").status_code == 404
