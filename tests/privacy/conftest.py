"""A client person with a case: a request they submitted (naming themself), messages both ways, notifications,
e-mails, audit entries and an API token, so that export and erasure have something everywhere to find."""

import pytest

from legalnet.accounts.models import Role
from legalnet.api.services import create_token
from legalnet.referrals import cases
from legalnet.referrals import services as referrals
from tests import factories
from tests.referrals.helpers import referred_request

NAME = "Chen Meiling"
EMAIL = "meiling.chen@brightrobotics.example"


@pytest.fixture()
def person(db):
    """(the person, their request, the firm admin on the case)."""
    user = factories.make_user(Role.CLIENT, email=EMAIL)
    user.name = NAME
    _client, req, firms = referred_request(
        n_firms=1, client=user, title="Arbitration against a supplier",
        description=f"Please call {NAME} on +852 5555 0101 or write to {EMAIL.upper()}.")
    firm, admin = firms[0]
    referrals.accept_offer(req.offers[0], admin, True)
    cases.post_message(req, user, "We attach the contract with the supplier.")
    cases.post_message(req, admin, f"Dear {NAME}, thank you; we will call you tomorrow.")
    create_token(user, f"{NAME}'s laptop")
    db.session.commit()
    return user, req, admin
