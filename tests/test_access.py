"""The access matrix: every route × every role → allowed, sent to sign in, or forbidden (403).

Later parts of the product add their routes to ROUTES."""

import pytest

from legalnet.accounts.models import Role

OK, LOGIN, FORBIDDEN = "ok", "login", "forbidden"
ANON = "anonymous"
ROLES = [ANON, *[r.value for r in Role]]
STAFF = {"staff": OK, "staff_admin": OK}


def everyone(result=OK):
    return {role: result for role in ROLES}


def signed_in_only():
    return {ANON: LOGIN, **{r.value: OK for r in Role}}


def only(*allowed):
    matrix = {ANON: LOGIN}
    for role in Role:
        matrix[role.value] = OK if role.value in allowed else FORBIDDEN
    return matrix


# (path, expectations by role)
ROUTES = [
    ("/", everyone()),
    ("/how-it-works", everyone()),
    ("/register", everyone()),
    ("/dashboard", signed_in_only()),
    ("/account/password", signed_in_only()),
    ("/staff/audit", only("staff", "staff_admin")),
    ("/notifications/", signed_in_only()),
    # Pages of one request, offer or case: tests/referrals/test_access_workflow.py, over real objects.
    ("/requests/", only("client")),
    ("/requests/new", only("client")),
    ("/offers/", only("firm_admin", "firm_lawyer")),
    ("/cases/", signed_in_only()),
    ("/staff/requests", only("staff", "staff_admin")),
    ("/firms/", everyone()),
    ("/firms/apply", everyone()),
    ("/firm/", only("firm_admin", "firm_lawyer")),
    ("/firm/edit", only("firm_admin")),
    ("/firm/coverage", only("firm_admin")),
    ("/firm/offices", only("firm_admin")),
    ("/firm/lawyers", only("firm_admin")),
    ("/firm/conflicts", only("firm_admin")),
    ("/firm/users", only("firm_admin")),
    ("/staff/applications", only("staff", "staff_admin")),
    ("/staff/firms", only("staff", "staff_admin")),
    ("/staff/firms.csv", only("staff", "staff_admin")),
    ("/staff/firms/import", only("staff", "staff_admin")),
    ("/account/tokens", signed_in_only()),
    ("/staff/reports/", only("staff", "staff_admin")),
    ("/staff/reports/status.csv", only("staff", "staff_admin")),
    ("/staff/reports/renewals.csv", only("staff", "staff_admin")),
]


def outcome(response) -> str:
    if response.status_code == 200:
        return OK
    if response.status_code == 302 and "/sign-in" in response.headers.get("Location", ""):
        return LOGIN
    if response.status_code == 403:
        return FORBIDDEN
    return f"unexpected {response.status_code}"


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(client, db, auth, role):
    if role != ANON:
        auth.login(Role(role))
    failures = []
    for path, expected in ROUTES:
        got = outcome(client.get(path))
        if got != expected[role]:
            failures.append(f"{path}: expected {expected[role]}, got {got}")
    assert not failures, failures
