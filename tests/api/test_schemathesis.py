"""The API fuzzed against its own OpenAPI document with schemathesis, in-process: no server errors,
responses that conform to the document, and refusals for calls without a token or across tenants."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from legalnet import create_app
from legalnet.accounts.models import Role
from legalnet.api.blueprint import documented_query_parameters
from legalnet.api.services import create_token
from legalnet.firms.models import FirmStatus
from legalnet.intake.services import RequestInput, submit_request
from legalnet.referrals.services import choose_firm
from tests import factories

# Bounded so that the whole file stays well under a minute.
FUZZ = settings(max_examples=15, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.filter_too_much, HealthCheck.data_too_large])


@pytest.fixture()
def seeded(app, db):
    """Two tenants with a request each (one of them offered to a firm), firms of each status, staff, and a
    token per person; the rate limit is lifted so that fuzzing measures the API, not the limiter."""
    people = {"client": factories.make_user(Role.CLIENT), "other_client": factories.make_user(Role.CLIENT),
              "staff": factories.make_user(Role.STAFF)}
    firm = factories.make_firm(name="Harbour Arbitration")
    people["firm"] = factories.make_user(Role.FIRM_ADMIN, firm=firm)
    people["other_firm"] = factories.make_user(Role.FIRM_ADMIN, firm=factories.make_firm(jurisdictions=("SG",)))
    factories.make_firm(status=FirmStatus.APPLICANT)
    req = submit_request(people["client"], RequestInput(title="Arbitration in Hong Kong", jurisdictions=["HK"],
                                                        practice_areas=["arbitration"], consent_to_share=True))
    offer = choose_firm(req, people["client"], firm.id)
    tokens = {key: create_token(user, "fuzz").value for key, user in people.items()}
    db.session.commit()
    limit = app.config["API_RATE_LIMIT"]
    app.config["API_RATE_LIMIT"] = "100000 per minute"
    yield {"tokens": tokens, "request_id": req.id, "offer_id": offer.id}
    app.config["API_RATE_LIMIT"] = limit


# The document as the app serves it, loaded at collection time from an app of its own (the document needs no
# database); every call below goes to the test's app and database instead (`app=`).
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": "sqlite://"}))


def served(app):
    """`app` as a server runs it: each call in an application context of its own (the test's context, and
    its `g`, are never shared with a call)."""

    def wsgi(environ, start_response):
        with app.app_context():
            return list(app(environ, start_response))

    return wsgi


def token_for(case, tokens) -> str:
    """The role each operation is meant for, so that fuzzing gets past the role check."""
    path = case.operation.path
    if path.startswith("/staff"):
        return tokens["staff"]
    if path.startswith("/offers") or path.endswith("/status"):
        return tokens["firm"]
    return tokens["client"]


@schema.parametrize()
@FUZZ
def test_api_conforms_to_its_document(case, app, seeded):
    # Business rules beyond JSON Schema (a firm must be on the shortlist, a renewal date in the future, a
    # cursor must come from a previous page) rightly refuse some schema-valid input with 422, so the
    # "schema-valid input is accepted" check does not apply; every other check does.
    case.call_and_validate(app=served(app), headers={"Authorization": f"Bearer {token_for(case, seeded['tokens'])}"},
                           excluded_checks=[positive_data_acceptance])


def send(app, case, token: str | None, **path):
    """Make the generated call with the operation's own method, at a real path (`path` overrides), with
    exactly the given token (generated credentials are dropped)."""
    values = {"request_id": 1, "offer_id": 1, "firm_id": 1, "quote_id": 1, "document_id": 1, "kind": "jurisdictions",
              **path}
    url = "/api/v1" + case.operation.path.format(**{p.name: values[p.name] for p in case.operation.path_parameters})
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    body = case.body if case.operation.method.upper() == "POST" and isinstance(case.body, dict) else None
    # Only the operation's own query parameters: an unknown one is refused before anything else (422).
    known = documented_query_parameters().get((case.operation.method.upper(), case.operation.path), set())
    query = {name: value for name, value in (case.query or {}).items() if name in known}
    with app.test_client() as client:
        return client.open(url, method=case.operation.method.upper(), query_string=query, json=body,
                           headers=headers)


@schema.exclude(path_regex=r"^/(openapi\.json|docs)$").parametrize()
@settings(FUZZ, max_examples=3)
def test_calls_without_a_valid_token_are_refused(case, app, seeded):
    for token in (None, "lgn_00000000_not-a-real-secret", seeded["tokens"]["client"] + "x"):
        response = send(app, case, token)
        assert response.status_code == 401, (case.operation.label, response.status_code)
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert response.mimetype == "application/problem+json"


@schema.include(path_regex=r"\{(request_id|offer_id)\}").parametrize()
@settings(FUZZ, max_examples=3)
def test_other_tenants_objects_are_refused(case, app, seeded):
    # Aim at the first tenant's request and offer, as the other organisation or the other firm.
    outsider = "other_firm" if case.operation.path.startswith("/offers") else "other_client"
    response = send(app, case, seeded["tokens"][outsider], request_id=seeded["request_id"],
                    offer_id=seeded["offer_id"])
    assert response.status_code in (403, 404), (case.operation.label, response.status_code)
    assert response.mimetype == "application/problem+json"
