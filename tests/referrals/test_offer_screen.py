"""What a firm is told of the conflict screen: the names compared (listed and found in the description), a
conflict when one is on its register, and, when no counterparty is known, to run its own check rather than an
all-clear; the API returns the screened names."""

import re

from legalnet.accounts.models import Role
from legalnet.api.services import create_token
from legalnet.referrals import offers, services
from legalnet.referrals.models import Offer
from tests import factories
from tests.referrals.helpers import add_conflict, firm_with_admin, referred_request

ACME = "Acme Widgets Pte. Ltd."


def screen_section(html: str) -> str:
    """The conflict-screen card of the offer page."""
    return re.search(r"<h2>Conflict screen</h2>(.*?)</section>", html, re.S).group(1)


def test_no_counterparty_is_never_an_all_clear(client, db, auth):
    _client, req, firms = referred_request(counterparties=())
    offer = db.session.scalars(db.select(Offer)).one()
    firm, admin = next(pair for pair in firms if pair[0].id == offer.firm_id)
    auth.login(user=admin)
    section = screen_section(client.get(f"/offers/{offer.id}").get_data(as_text=True))
    assert "No counterparties given: run your own check." in section
    assert "flash-success" not in section and "found none" not in section
    inbox = client.get("/offers/").get_data(as_text=True)
    assert "no counterparties given" in inbox and ">clear<" not in inbox


def test_names_found_in_the_text_are_screened_with_the_listed_ones(client, db, auth):
    clean, clean_admin = firm_with_admin("Clean Chambers")
    conflicted, _admin = firm_with_admin("Acme's Usual Counsel")
    add_conflict(conflicted, "ACME WIDGETS PTE LTD")
    client_user = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client_user, counterparties=["Kowloon Copycat Ltd"])
    # The client confirmed on the Check step a party named in the description.
    req.found_counterparties = [ACME]
    offers.compute_shortlist(req)
    db.session.commit()
    flags = {m.firm_id: (m.conflict, m.conflict_with) for m in req.matches}
    assert flags[conflicted.id][0] is True and ACME in flags[conflicted.id][1][0] and flags[clean.id] == (False, [])
    assert req.screened_counterparties == ["Kowloon Copycat Ltd", ACME]
    assert offers.screen_firm(req, conflicted) == flags[conflicted.id][1]

    services.choose_firm(req, client_user, clean.id)
    db.session.commit()
    offer = db.session.scalars(db.select(Offer)).one()
    auth.login(user=clean_admin)
    html = client.get(f"/offers/{offer.id}").get_data(as_text=True)
    assert re.search(r'data-kind="found_counterparties">Acme Widgets Pte. Ltd.<', html)
    assert ("found none of these names in your conflict register: Kowloon Copycat Ltd, Acme Widgets Pte. Ltd."
            in screen_section(html))

    token = create_token(client_user, "portal").value
    db.session.commit()
    body = client.get(f"/api/v1/requests/{req.id}", headers={"Authorization": f"Bearer {token}"}).get_json()
    assert body["counterparties"] == ["Kowloon Copycat Ltd"] and body["found_counterparties"] == [ACME]
    assert body["screened_counterparties"] == ["Kowloon Copycat Ltd", ACME]
