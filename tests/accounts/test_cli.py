"""`flask users create` and `flask demo load` through the real CLI runner."""

from legalnet.accounts.models import Role, User
from legalnet.firms.models import Firm, FirmStatus


def test_users_create_makes_a_staff_account(app, db):
    result = app.test_cli_runner().invoke(
        args=["users", "create", "ops@centre.example", "--name", "Ops", "--password", "good-pass-123"]
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(db.select(User).where(User.email == "ops@centre.example"))
    assert user.role == Role.STAFF
    assert user.check_password("good-pass-123")


def test_users_create_refuses_duplicates_and_weak_passwords(app, db):
    runner = app.test_cli_runner()
    runner.invoke(args=["users", "create", "ops@centre.example", "--password", "good-pass-123"])
    result = runner.invoke(args=["users", "create", "ops@centre.example", "--password", "good-pass-123"])
    assert result.exit_code != 0
    assert "already exists" in result.output
    result = runner.invoke(args=["users", "create", "weak@centre.example", "--password", "short"])
    assert result.exit_code != 0
    assert "at least 10 characters" in result.output
    assert db.session.scalar(db.select(db.func.count()).select_from(User)) == 1


def test_demo_load_is_realistic_and_idempotent(app, db):
    runner = app.test_cli_runner()
    assert "Demo data loaded" in runner.invoke(args=["demo", "load"]).output
    firms = db.session.scalars(db.select(Firm)).all()
    active = [f for f in firms if f.status == FirmStatus.ACTIVE]
    assert len(active) >= 38
    assert {j for f in active for j in f.jurisdiction_codes} >= {
        "CN", "HK", "MO", "SG", "TH", "MY", "VN", "ID", "PH", "KH", "LA", "MM", "BN"}
    assert any(f.status == FirmStatus.SUSPENDED for f in firms)
    assert sum(f.status == FirmStatus.APPLICANT for f in firms) >= 2
    assert any(f.local_name and "律师" in f.local_name for f in firms)
    roles = {u.email: u.role for u in db.session.scalars(db.select(User))}
    for role in Role:
        assert role in roles.values()
    assert roles["staff@demo.example"] == Role.STAFF
    assert "already present" in runner.invoke(args=["demo", "load"]).output
    assert db.session.scalar(db.select(db.func.count()).select_from(Firm)) == len(firms)
