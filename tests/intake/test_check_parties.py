"""The Check step's parties and areas: the parties the description names are shown ticked for the client to
confirm or remove, confirmed ones are stored and screened with the listed ones; the areas the text only
mentions can be added. The same request through the API stores the parties found and returns every screened
name; `flask match` prints them."""

import json
import re

from legalnet.accounts.models import Role
from legalnet.api.services import create_token
from legalnet.extensions import db as _db
from legalnet.intake.models import LegalRequest
from legalnet.matching.services import resolve_request
from tests import factories
from tests.conftest import submit
from tests.referrals.helpers import add_conflict, firm_with_admin

ACME = "Acme Widgets Pte. Ltd."
DESCRIPTION = (f"We are in a dispute with {ACME} over unpaid invoices for goods delivered to Singapore. We may also "
               "need to look at the employment contracts of two staff who left, and the tax treatment of the "
               "settlement.")
FORM = {"title": "Unpaid invoices", "description": DESCRIPTION, "urgency": "standard", "budget_currency": "USD",
        "counterparties": "Kowloon Copycat Ltd"}
# A description whose text touches on areas it is not about.
MENTIONING = ("Our Singapore subsidiary wants to acquire PT Maju Jaya Tbk in Indonesia; we also need advice on "
              "the employees and the land leases.")


def boxes(html: str, name: str) -> dict[str, bool]:
    """Checkbox value -> ticked, for the boxes of one field."""
    out = {}
    for tag in re.findall(rf'<input type="checkbox" name="{name}"[^>]*>', html):
        out[re.search(r'value="([^"]*)"', tag).group(1)] = " checked" in tag
    return out


def latest() -> LegalRequest:
    return _db.session.scalars(_db.select(LegalRequest).order_by(LegalRequest.id.desc())).first()


def test_check_shows_the_parties_found_ticked_and_keeps_an_untick(client, db, auth):
    auth.login(Role.CLIENT)
    page = submit(client, "/requests/new", {**FORM, "check": "Check"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert boxes(html, "found_counterparties") == {ACME: True}
    assert f'<input type="hidden" name="offered_counterparties" value="{ACME}">' in html
    assert re.search(r'data-kind="found_counterparties">Acme Widgets Pte. Ltd. ', html)
    # The listed counterparty is not offered again as a found one.
    assert "Kowloon Copycat Ltd" not in boxes(html, "found_counterparties")

    # Unticked and checked again, it stays unticked; submitted so, it is neither stored nor screened.
    again = submit(client, "/requests/new", {**FORM, "offered_counterparties": ACME, "check": "Check"})
    assert boxes(again.get_data(as_text=True), "found_counterparties") == {ACME: False}
    submit(client, "/requests/new", {**FORM, "offered_counterparties": ACME, "consent": "y", "submit": "Submit"})
    req = latest()
    assert req.counterparties == ["Kowloon Copycat Ltd"] and req.found_counterparties == []
    assert req.screened_counterparties == ["Kowloon Copycat Ltd"]


def test_confirmed_parties_are_stored_and_screened_with_the_listed_ones(client, db, auth):
    firm, _admin = firm_with_admin("Acme's Usual Counsel", jurisdictions=("SG",), practice_areas=("litigation",))
    clean, _other = firm_with_admin("Clean Chambers", jurisdictions=("SG",), practice_areas=("litigation",))
    add_conflict(firm, "ACME WIDGETS PTE LTD")
    _db.session.commit()
    auth.login(Role.CLIENT)
    response = submit(client, "/requests/new", {**FORM, "offered_counterparties": ACME, "found_counterparties": ACME,
                                                "consent": "y", "submit": "Submit"})
    assert response.status_code == 302
    req = latest()
    assert req.found_counterparties == [ACME]
    assert req.screened_counterparties == ["Kowloon Copycat Ltd", ACME]
    flags = {m.firm_id: m.conflict for m in req.matches}
    assert flags == {firm.id: True, clean.id: False}
    # Submitted without the Check step, the parties found are screened too.
    submit(client, "/requests/new", {**FORM, "consent": "y", "submit": "Submit"})
    assert latest().found_counterparties == [ACME]


def test_areas_only_mentioned_can_be_added_on_the_check_step(client, db, auth):
    auth.login(Role.CLIENT)
    data = {**FORM, "description": MENTIONING, "counterparties": ""}
    expected = resolve_request("Unpaid invoices", MENTIONING)
    assert expected.also_mentioned, "the resolver reads no area as only mentioned in this text"
    html = submit(client, "/requests/new", {**data, "check": "Check"}).get_data(as_text=True)
    offered = boxes(html, "add_practice_areas")
    assert list(offered) == [c for c in expected.also_mentioned if c not in expected.practice_areas]
    assert not any(offered.values())
    added = next(iter(offered))
    # Ticked and checked again, the area is part of the request (picked in the list) and no longer offered.
    html = submit(client, "/requests/new", {**data, "add_practice_areas": added, "check": "Check"}
                  ).get_data(as_text=True)
    assert added not in boxes(html, "add_practice_areas")
    assert re.search(rf'<option selected value="{added}">|<option value="{added}" selected>', html)
    submit(client, "/requests/new", {**data, "add_practice_areas": added, "consent": "y", "submit": "Submit"})
    assert added in latest().practice_areas
    refused = submit(client, "/requests/new", {**data, "add_practice_areas": "astrology", "check": "Check"})
    assert refused.status_code == 422


def test_the_api_stores_and_returns_the_screened_names(client, db, auth):
    user = auth.login(Role.CLIENT)
    token = create_token(user, "portal").value
    _db.session.commit()
    response = client.post("/api/v1/requests", headers={"Authorization": f"Bearer {token}"},
                           json={"title": "Unpaid invoices", "description": DESCRIPTION, "consent_to_share": True,
                                 "counterparties": ["Kowloon Copycat Ltd"]})
    assert response.status_code == 201, response.get_data(as_text=True)
    body = response.get_json()
    assert body["found_counterparties"] == [ACME]
    assert body["screened_counterparties"] == ["Kowloon Copycat Ltd", ACME]


def test_flask_match_prints_every_screened_name(app, db, tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "p", "description": DESCRIPTION, "counterparties": ["Kowloon Copycat Ltd"]}),
                    encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["match", "--json", str(path)])
    out = json.loads(result.stdout.splitlines()[0])
    assert out["resolved"]["counterparties"] == ["Kowloon Copycat Ltd", ACME]


def test_the_api_reads_parties_and_areas_only_mentioned_from_prose(client, db, auth):
    user = auth.login(Role.CLIENT)
    token = create_token(user, "portal").value
    _db.session.commit()
    headers = {"Authorization": f"Bearer {token}"}
    body = client.post("/api/v1/resolve", headers=headers, json={"description": MENTIONING}).get_json()
    expected = resolve_request("", MENTIONING)
    assert "PT Maju Jaya Tbk" in body["counterparties"]
    assert body["also_mentioned"] == [c for c in expected.also_mentioned if c not in expected.practice_areas]
    listed = client.post("/api/v1/resolve", headers=headers, json={"kind": "jurisdictions", "texts": ["Vietnam"]})
    assert listed.get_json()["counterparties"] == [] and listed.get_json()["also_mentioned"] == []


def test_the_clients_own_organisation_named_in_the_text_is_not_offered_as_a_party(client, db, auth):
    user = factories.make_user(Role.CLIENT, organisation=factories.make_organisation("Sunway Fresh Foods Sdn Bhd"))
    _db.session.commit()
    auth.login(user=user)
    form = {**FORM, "description": "I am Aminah of Sunway Fresh Foods. Our buyer Kedai Runcit Maju Trading has "
                                   "not paid three invoices.", "counterparties": ""}
    html = submit(client, "/requests/new", {**form, "check": "Check"}).get_data(as_text=True)
    assert boxes(html, "found_counterparties") == {"Kedai Runcit Maju Trading": True}


# A description naming the client's own provider and a neutral beside the other side.
WITH_PROVIDERS = ("Our insurer, Harbour General Insurance Berhad, has appointed a loss adjuster. The sole "
                  "arbitrator, Mr Anthony Wee, made the award against Delta Marine Co., Ltd. in March.")


def test_check_offers_the_names_set_aside_unticked_and_screens_the_ones_ticked(client, db, auth):
    auth.login(Role.CLIENT)
    form = {**FORM, "description": WITH_PROVIDERS, "counterparties": ""}
    html = submit(client, "/requests/new", {**form, "check": "Check"}).get_data(as_text=True)
    assert boxes(html, "found_counterparties") == {"Delta Marine Co., Ltd.": True,
                                                   "Harbour General Insurance Berhad": False, "Anthony Wee": False}
    assert 'id="set-aside-parties"' in html

    # The client ticks its insurer, which is in fact the other side: the tick holds on a new check and the
    # name is stored and screened; the arbitrator left unticked is not.
    ticked = {**form, "offered_counterparties": ["Delta Marine Co., Ltd.", "Harbour General Insurance Berhad",
                                                 "Anthony Wee"],
              "found_counterparties": ["Delta Marine Co., Ltd.", "Harbour General Insurance Berhad"]}
    again = submit(client, "/requests/new", {**ticked, "check": "Check"}).get_data(as_text=True)
    assert boxes(again, "found_counterparties") == {"Delta Marine Co., Ltd.": True,
                                                    "Harbour General Insurance Berhad": True, "Anthony Wee": False}
    submit(client, "/requests/new", {**ticked, "consent": "y", "submit": "Submit"})
    req = latest()
    assert req.found_counterparties == ["Delta Marine Co., Ltd.", "Harbour General Insurance Berhad"]


def test_a_name_not_offered_cannot_be_added_by_ticking_it(client, db, auth):
    auth.login(Role.CLIENT)
    form = {**FORM, "description": WITH_PROVIDERS, "counterparties": "",
            "found_counterparties": ["Delta Marine Co., Ltd.", "Made Up Holdings Ltd"]}
    submit(client, "/requests/new", {**form, "consent": "y", "submit": "Submit"})
    assert latest().found_counterparties == ["Delta Marine Co., Ltd."]


def test_the_api_returns_the_names_set_aside(client, db, auth):
    user = auth.login(Role.CLIENT)
    token = create_token(user, "portal").value
    _db.session.commit()
    body = client.post("/api/v1/resolve", headers={"Authorization": f"Bearer {token}"},
                       json={"description": WITH_PROVIDERS}).get_json()
    assert body["counterparties"] == ["Delta Marine Co., Ltd."]
    assert body["set_aside_counterparties"] == ["Harbour General Insurance Berhad", "Anthony Wee"]
