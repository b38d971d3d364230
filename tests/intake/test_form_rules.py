"""The intake form's rules: no deadline before today, no negative budget (on the form and in the service),
and the urgency choice as a labelled group of inline radios."""

import re
from datetime import datetime, timedelta

import pytest
from flask_babel import get_timezone

from legalnet.accounts.models import Role
from legalnet.core.errors import ValidationFailed
from legalnet.extensions import db as _db
from legalnet.intake.models import LegalRequest
from tests import factories
from tests.conftest import submit
from tests.referrals.helpers import firm_with_admin

FORM = {"title": "Arbitration", "jurisdictions": ["HK"], "urgency": "standard", "budget_currency": "USD",
        "consent": "y", "submit": "Submit request"}


def local_today(app):
    with app.test_request_context():
        return datetime.now(get_timezone()).date()


def stored() -> int:
    return _db.session.scalar(_db.select(_db.func.count()).select_from(LegalRequest))


def test_a_deadline_before_today_is_refused_with_a_clear_message(app, client, db, auth):
    firm_with_admin()
    _db.session.commit()
    auth.login(Role.CLIENT)
    yesterday = local_today(app) - timedelta(days=1)
    page = submit(client, "/requests/new", {**FORM, "deadline": yesterday.isoformat()})
    assert page.status_code == 422
    assert "The deadline cannot be in the past: choose today or a later date." in page.get_data(as_text=True)
    assert stored() == 0

    page = submit(client, "/requests/new", {**FORM, "deadline": local_today(app).isoformat()})
    assert page.status_code == 302
    assert _db.session.scalars(_db.select(LegalRequest)).one().deadline == local_today(app)


def test_a_negative_budget_is_refused(client, db, auth):
    auth.login(Role.CLIENT)
    page = submit(client, "/requests/new", {**FORM, "budget_amount": "-1"})
    assert page.status_code == 422
    assert "The budget must be a number from 0 to 1,000,000,000." in page.get_data(as_text=True)
    assert stored() == 0


def test_the_service_refuses_them_too(app, db):
    from legalnet.intake.services import RequestInput, submit_request

    user = factories.make_user(Role.CLIENT)
    with app.test_request_context():
        past = local_today(app) - timedelta(days=3)
        with pytest.raises(ValidationFailed, match="in the past"):
            submit_request(user, RequestInput(title="x", deadline=past, consent_to_share=True))
        with pytest.raises(ValidationFailed, match="negative"):
            submit_request(user, RequestInput(title="x", budget_amount=-5, consent_to_share=True))


def test_urgency_is_a_fieldset_of_inline_radios_with_their_labels(client, db, auth):
    auth.login(Role.CLIENT)
    html = client.get("/requests/new").get_data(as_text=True)
    group = re.search(r'<fieldset class="inline-choices">(.*?)</fieldset>', html, re.S).group(1)
    assert "<legend>Urgency</legend>" in group
    assert "<ul" not in group
    for value, label in (("standard", "Standard"), ("urgent", "Urgent")):
        assert re.search(rf'<label class="checkbox"><input[^>]*type="radio"[^>]*value="{value}"[^>]*> {label}</label>',
                         group), value
