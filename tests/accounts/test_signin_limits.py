"""Sign-in that reveals nothing and that strangers cannot use to lock the owner out: failures count per account
and client address, a far higher account-wide ceiling lets only the right password with a second factor
through, and an unknown address costs one password check like a known one."""

import pytest

from legalnet.accounts import services
from legalnet.accounts.models import Role
from tests import factories
from tests.conftest import submit


def from_address(client, address: str, email: str, password: str):
    """A sign-in attempt from the client address `address`."""
    return submit(client, "/sign-in", {"email": email, "password": password}, form_url="/sign-in",
                  environ_base={"REMOTE_ADDR": address})


def test_a_stranger_cannot_lock_the_owner_out(client, db):
    owner = factories.make_user(Role.CLIENT)
    db.session.commit()
    statuses = [from_address(client, "203.0.113.9", owner.email, "guess-password-1").status_code for _ in range(7)]
    assert statuses[:5] == [200] * 5 and statuses[5:] == [429, 429]
    response = from_address(client, "198.51.100.20", owner.email, factories.PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/dashboard"


@pytest.fixture()
def low_ceiling(app, monkeypatch):
    """An account-wide ceiling of 3 failures, so that a few addresses reach it."""
    monkeypatch.setitem(app.config, "LOGIN_ACCOUNT_CEILING", "3 per hour")


def spread_failures(client, email: str, count: int = 3) -> None:
    """Failures from `count` different addresses (a botnet), none reaching the per-address limit."""
    for n in range(count):
        assert from_address(client, f"203.0.113.{n + 1}", email, "guess-password-1").status_code == 200


def test_at_the_ceiling_the_password_alone_is_not_enough(client, db, low_ceiling):
    owner = factories.make_user(Role.CLIENT)
    db.session.commit()
    spread_failures(client, owner.email)
    response = from_address(client, "198.51.100.20", owner.email, factories.PASSWORD)
    assert response.status_code == 429
    assert "too many failed sign-ins on this account" in response.get_data(as_text=True)
    assert client.get("/dashboard").status_code == 302


def test_at_the_ceiling_the_password_with_a_second_factor_gets_through(client, db, low_ceiling):
    owner = factories.make_user(Role.CLIENT, two_factor=True)
    db.session.commit()
    spread_failures(client, owner.email)
    response = from_address(client, "198.51.100.20", owner.email, factories.PASSWORD)
    assert response.headers["Location"] == "/sign-in/code"
    response = submit(client, "/sign-in/code", {"code": factories.totp_code(owner)},
                      environ_base={"REMOTE_ADDR": "198.51.100.20"})
    assert response.headers["Location"] == "/dashboard"
    assert client.get("/dashboard").status_code == 200


def test_at_the_ceiling_a_wrong_password_still_fails(client, db, low_ceiling):
    owner = factories.make_user(Role.CLIENT, two_factor=True)
    db.session.commit()
    spread_failures(client, owner.email)
    response = from_address(client, "198.51.100.20", owner.email, "guess-password-2")
    assert response.status_code == 429 and "/sign-in/code" not in response.headers.get("Location", "")


def test_unknown_and_known_addresses_cost_one_password_check_each(client, db, monkeypatch):
    owner = factories.make_user(Role.CLIENT)
    db.session.commit()
    checks = []
    real = services.check_password_hash
    monkeypatch.setattr(services, "check_password_hash", lambda h, p: checks.append(h) or real(h, p))
    monkeypatch.setattr("legalnet.accounts.models.check_password_hash",
                        lambda h, p: checks.append(h) or real(h, p))
    known = from_address(client, "198.51.100.1", owner.email, "guess-password-1")
    unknown = from_address(client, "198.51.100.2", "nobody@nowhere.example", "guess-password-1")
    assert len(checks) == 2 and checks[0] == owner.password_hash and checks[1].startswith("scrypt:")
    assert known.status_code == unknown.status_code == 200
    message = "The e-mail address or password is not correct."
    assert message in known.get_data(as_text=True) and message in unknown.get_data(as_text=True)


def test_a_successful_sign_in_does_not_count(client, db):
    owner = factories.make_user(Role.CLIENT)
    db.session.commit()
    for _ in range(8):
        assert from_address(client, "198.51.100.7", owner.email, factories.PASSWORD).status_code == 302
        submit(client, "/sign-out", {}, form_url="/dashboard")
