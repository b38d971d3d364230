"""The Check step without JavaScript: the lists come back picked with everything that was understood (from the
lists, the typed text and the description), the text boxes keep only what was not understood, and a term the
client takes out of a list stays out, on the next Check and on submitting, although the description names it."""

import re

from legalnet.accounts.models import Role
from legalnet.extensions import db as _db
from legalnet.intake.models import LegalRequest
from tests.conftest import submit

FORM = {"title": "Trade mark copies", "urgency": "standard", "budget_currency": "USD",
        "description": "A distributor in Vietnam sells copies of our registered trade mark.",
        "jurisdictions_text": "Atlantis", "languages_text": "Cantonese, 粤语"}


def picked(html: str, name: str) -> list[str]:
    """The selected option values of one select list."""
    select = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.findall(r'<option selected value="([^"]*)"', select)


def offered(html: str) -> list[str]:
    """The terms the Check step says it showed."""
    return re.findall(r'<input type="hidden" name="offered_terms" value="([^"]*)">', html)


def test_check_picks_what_it_understood_and_keeps_only_the_rest_typed(client, db, auth):
    auth.login(Role.CLIENT)
    html = submit(client, "/requests/new", {**FORM, "check": "Check"}).get_data(as_text=True)
    assert picked(html, "jurisdictions") == ["VN"]
    assert picked(html, "languages") == ["yue"]
    assert "intellectual-property" in picked(html, "practice_areas")
    assert re.search(r'name="jurisdictions_text"[^>]*value="Atlantis"', html)
    assert re.search(r'name="languages_text"[^>]*value=""', html)
    assert {"jurisdictions:VN", "languages:yue"} <= set(offered(html))
    # The lists are marked for the chip editor, which the page loads from static/ (no inline script).
    assert 'data-chips="list"' in html and "chips.js" in html and "<script>" not in html


def test_a_term_taken_out_stays_out_on_checking_again_and_on_submitting(client, db, auth):
    auth.login(Role.CLIENT)
    html = submit(client, "/requests/new", {**FORM, "check": "Check"}).get_data(as_text=True)
    # The client unpicks Vietnam, which the description names, as the browser posts it.
    second = {**FORM, "jurisdictions_text": "Atlantis", "languages_text": "", "jurisdictions": [],
              "languages": ["yue"], "practice_areas": picked(html, "practice_areas"), "offered_terms": offered(html)}
    html = submit(client, "/requests/new", {**second, "check": "Check"}).get_data(as_text=True)
    assert picked(html, "jurisdictions") == []
    assert "jurisdictions:VN" in offered(html)
    response = submit(client, "/requests/new", {**second, "offered_terms": offered(html), "consent": "y",
                                                "submit": "Submit request"})
    assert response.status_code == 302
    req = _db.session.scalars(_db.select(LegalRequest).order_by(LegalRequest.id.desc())).first()
    assert req.jurisdictions == [] and req.languages == ["yue"]
    assert "intellectual-property" in req.practice_areas


def test_without_the_check_step_the_description_is_read_as_before(client, db, auth):
    auth.login(Role.CLIENT)
    response = submit(client, "/requests/new", {**FORM, "consent": "y", "submit": "Submit request"})
    assert response.status_code == 302
    req = _db.session.scalars(_db.select(LegalRequest).order_by(LegalRequest.id.desc())).first()
    assert req.jurisdictions == ["VN"]


def test_offered_terms_that_are_not_terms_change_nothing(client, db, auth):
    auth.login(Role.CLIENT)
    data = {**FORM, "offered_terms": ["nonsense", "jurisdictions:", "planets:VN", "jurisdictions:<b>XX</b>"],
            "check": "Check"}
    response = submit(client, "/requests/new", data)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert picked(html, "jurisdictions") == ["VN"]
    assert "<b>XX</b>" not in html and not [term for term in offered(html) if "XX" in term or "planets" in term]
