"""Personal API tokens: the settings page, the CLI, what is stored, and when a token stops working."""

import hashlib
import re

from legalnet.accounts.models import Role
from legalnet.api.models import ApiToken
from legalnet.core.audit import AuditLog
from tests import factories
from tests.conftest import submit

TOKEN_RE = re.compile(r'<code class="token-value" id="new-token">(lgn_[^<]+)</code>')


def tokens(db):
    return db.session.scalars(db.select(ApiToken).order_by(ApiToken.id)).all()


def test_page_creates_a_token_shown_once_and_stores_only_its_hash(client, db, auth, api):
    user = auth.login(Role.CLIENT)
    page = client.get("/account/password")
    assert b"/account/tokens" in page.data
    response = submit(client, "/account/tokens", {"name": "intake portal"})
    assert response.status_code == 200
    value = TOKEN_RE.search(response.get_data(as_text=True)).group(1)
    [token] = tokens(db)
    assert (token.user_id, token.name) == (user.id, "intake portal")
    secret = value.split("_", 2)[2]
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in token.token_hash and value.split("_")[1] == token.prefix
    # Listed again later, the token is not shown: only its prefix.
    again = client.get("/account/tokens").get_data(as_text=True)
    assert secret not in again and token.prefix in again and "intake portal" in again
    assert api.get("/me", value).json["email"] == user.email
    assert db.session.scalar(db.select(AuditLog).where(AuditLog.action == "api_token.created")) is not None


def test_page_needs_a_name_and_a_csrf_token(client, db, auth):
    auth.login(Role.FIRM_ADMIN)
    response = submit(client, "/account/tokens", {"name": "  "})
    assert response.status_code == 200 and tokens(db) == []
    assert client.post("/account/tokens", data={"name": "forged"}).status_code == 400
    assert tokens(db) == []


def test_page_requires_sign_in(client, db):
    response = client.get("/account/tokens")
    assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


def test_revoked_token_stops_working_and_others_tokens_cannot_be_revoked(client, db, auth, api):
    user = auth.login(Role.CLIENT)
    value = api.token_for(user, "erp")
    other = api.token_for(factories.make_user(Role.CLIENT), "someone else's")
    db.session.commit()
    mine, theirs = tokens(db)
    assert api.get("/me", value).status_code == 200
    response = submit(client, f"/account/tokens/{theirs.id}/revoke", {}, form_url="/account/tokens")
    assert response.status_code == 302
    assert db.session.get(ApiToken, theirs.id).revoked_at is None
    assert api.get("/me", other).status_code == 200
    response = submit(client, f"/account/tokens/{mine.id}/revoke", {}, form_url="/account/tokens")
    assert response.status_code == 302
    assert db.session.get(ApiToken, mine.id).revoked_at is not None
    refused = api.get("/me", value)
    assert refused.status_code == 401
    assert refused.headers["WWW-Authenticate"].startswith("Bearer")
    assert refused.mimetype == "application/problem+json"


def test_disabled_users_tokens_stop_working(client, db, api):
    user = factories.make_user(Role.FIRM_LAWYER)
    value = api.token_for(user)
    assert api.get("/me", value).status_code == 200
    user.disabled = True
    db.session.commit()
    assert api.get("/me", value).status_code == 401


def test_missing_malformed_and_wrong_tokens_get_401(client, db, api):
    value = api.token_for(factories.make_user(Role.STAFF))
    prefix = value.split("_")[1]
    for header in [None, "Basic dXNlcjpwYXNz", "Bearer", "Bearer nonsense", f"Bearer lgn_{prefix}_wrong-secret",
                   "Bearer " + value[:-1] + ("A" if value[-1] != "A" else "B")]:
        headers = {"Authorization": header} if header else {}
        response = client.get("/api/v1/me", headers=headers)
        assert response.status_code == 401, header
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        assert response.get_json()["status"] == 401


def test_session_cookie_does_not_authenticate_api_calls(client, db, auth, api):
    auth.login(Role.STAFF)
    assert client.get("/dashboard").status_code == 200
    assert client.get("/api/v1/me").status_code == 401
    assert client.get("/api/v1/staff/firms").status_code == 401
    # The page still knows who is signed in afterwards.
    assert client.get("/dashboard").status_code == 200


def test_token_records_when_it_was_last_used(client, db, api):
    value = api.token_for(factories.make_user(Role.CLIENT))
    [token] = tokens(db)
    assert token.last_used_at is None
    api.get("/me", value)
    assert db.session.get(ApiToken, token.id).last_used_at is not None


def test_cli_prints_a_new_token_once(app, db, api):
    user = factories.make_user(Role.CLIENT, email="client@demo.example")
    db.session.commit()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["tokens", "create", "client@demo.example", "--name", "intake portal"])
    assert result.exit_code == 0, result.output
    value = result.stdout.strip()
    assert value.startswith("lgn_") and result.output.count(value) == 1
    [token] = tokens(db)
    assert token.name == "intake portal" and token.user_id == user.id
    assert value.split("_", 2)[2] not in token.token_hash
    assert api.get("/me", value).json["id"] == user.id
    missing = runner.invoke(args=["tokens", "create", "nobody@example.com"])
    assert missing.exit_code != 0 and "No account" in missing.output
