"""Staff teach the vocabulary in Chromium: a client's term nobody understood is listed on the staff vocabulary
page, staff map it to a code there, and the client's next request reads it on the Check step."""

import re

import pytest

from tests.browser.conftest import sign_in
from tests.browser.test_journeys import expect_flash, in_app

pytestmark = pytest.mark.browser

# A nickname of Thailand that the vocabulary does not carry.
TERM = "Kingdom of Smiles"


def submit_with_term(server, term: str) -> None:
    """A demo client's request that names its jurisdiction only by `term`."""
    from legalnet.accounts.models import User
    from legalnet.extensions import db
    from legalnet.intake.services import RequestInput, submit_request

    def work():
        user = db.session.scalar(db.select(User).where(User.email == "client@demo.example"))
        req = submit_request(user, RequestInput(title="Distributor stopped paying", jurisdictions=[term],
                                                practice_areas=["litigation"], consent_to_share=True))
        assert term in req.unresolved

    in_app(server, work)


def test_staff_map_an_unresolved_term_and_the_next_request_reads_it(page, new_page, live_server, screens):
    submit_with_term(live_server, TERM)
    submit_with_term(live_server, TERM)

    sign_in(page, "staff@demo.example")
    page.goto("/staff/requests")
    page.get_by_role("link", name="Terms requests left unresolved").click()
    page.wait_for_url("**/staff/vocabulary")
    row = page.locator("table.vocabulary-terms tr", has_text=TERM)
    assert re.search(r"\b2\b", row.locator("td").nth(2).inner_text())
    screens.shot(page, "1-unresolved")

    # Two clicks: pick the code in the row's list, then Map.
    row.get_by_label(f"Map “{TERM}” to").select_option(label="Thailand")
    row.get_by_role("button", name="Map", exact=True).click()
    expect_flash(page, f"“{TERM}” is now read as Thailand.")
    assert page.locator("table.vocabulary-terms tr", has_text=TERM).count() == 0
    taught = page.locator("table.taught-terms tr", has_text=TERM)
    assert "staff@demo.example" in taught.inner_text() and "Thailand" in taught.inner_text()
    screens.shot(page, "2-mapped")

    # The client's next request reads the term, with no restart in between.
    client = new_page()
    sign_in(client, "client@demo.example")
    client.goto("/requests/new")
    client.get_by_label("Title").fill("Unpaid invoices")
    client.get_by_label("Other jurisdictions, in your own words").fill(TERM.lower())
    client.get_by_role("button", name="Check").click()
    client.wait_for_load_state()
    assert client.locator('dd[data-kind="jurisdictions"]').inner_text() == "Thailand"
    assert client.locator("ul.unresolved").count() == 0
    screens.shot(client, "3-next-request-reads-it")

    # Undo, and the term is no longer read.
    taught.get_by_role("button", name=f"Undo “{TERM}”").click()
    expect_flash(page, "is no longer mapped to Thailand")
    # A fresh request: the Check step above moved the understood term from the text box into the list.
    client.goto("/requests/new")
    client.get_by_label("Title").fill("Unpaid invoices")
    client.get_by_label("Other jurisdictions, in your own words").fill(TERM.lower())
    client.get_by_role("button", name="Check").click()
    client.wait_for_load_state()
    assert TERM.lower() in client.locator("ul.unresolved").inner_text()
    screens.shot(client, "4-after-undo")
