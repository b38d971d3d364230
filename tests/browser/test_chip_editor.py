"""The Check step in Chromium: what was understood comes back as removable chips, each list with a combobox to
add more, used here by keyboard only; what the chips hold is what the request keeps. Screenshots of the step at
desktop and phone width."""

import pytest

from tests.browser.axe import AXE_SCRIPT, axe_violations
from tests.browser.conftest import sign_in
from tests.browser.test_journeys import expect_flash, in_app

pytestmark = pytest.mark.browser

DESCRIPTION = ("A distributor in Vietnam keeps selling copies of our registered trade mark. We would like to talk "
               "to the lawyer in English.")


def chips(page, name: str) -> list[str]:
    """The chips of one list, by the list's label."""
    return page.get_by_role("list", name=f"Chosen: {name}").locator(".chip > span").all_inner_texts()


def check_step(page, title: str) -> None:
    """Fill the request and press Check."""
    page.goto("/requests/new")
    page.get_by_label("Title").fill(title)
    page.get_by_label("What do you need help with?").fill(DESCRIPTION)
    page.get_by_role("button", name="Check").click()
    page.wait_for_load_state()


def test_chip_editor_by_keyboard(new_page, live_server, screens):
    page = new_page()
    sign_in(page, "client@demo.example")
    check_step(page, "Trade mark copies in Vietnam")
    assert chips(page, "Jurisdictions") == ["Vietnam"]
    assert "Intellectual Property" in chips(page, "Practice areas")
    assert chips(page, "Preferred languages") == ["English"]
    # The native lists are still in the form, picked with what was understood, out of sight.
    assert page.locator("select#jurisdictions").is_hidden()
    assert page.locator("select#jurisdictions option:checked").evaluate_all("els => els.map(e => e.value)") == ["VN"]
    screens.shot(page, "1-check-desktop")

    # Type and Enter: the only match is added, and the live region says so.
    combo = page.get_by_role("combobox", name="Jurisdictions")
    combo.press_sequentially("Singa")
    assert page.get_by_role("listbox", name="Jurisdictions").get_by_role("option").all_inner_texts() == ["Singapore"]
    combo.press("Enter")
    assert chips(page, "Jurisdictions") == ["Vietnam", "Singapore"]
    assert combo.get_attribute("aria-expanded") == "false" and combo.input_value() == ""
    assert "Added: Singapore" in page.locator(".chip-editor [role=status]").all_inner_texts()

    # Arrows choose among several matches (the active one is announced through aria-activedescendant).
    combo.press_sequentially("a")
    assert combo.get_attribute("aria-expanded") == "true"
    combo.press("ArrowDown")
    combo.press("ArrowDown")
    active = page.locator(f"#{combo.get_attribute('aria-activedescendant')}")
    assert active.get_attribute("aria-selected") == "true"
    second = active.inner_text()
    combo.press("Enter")
    assert chips(page, "Jurisdictions") == ["Vietnam", "Singapore", second]

    # Escape closes the list, Backspace in the empty box removes the last chip.
    combo.press_sequentially("o")
    assert page.get_by_role("listbox", name="Jurisdictions").is_visible()
    combo.press("Escape")
    assert page.get_by_role("listbox", name="Jurisdictions").is_hidden()
    combo.press("Escape")
    assert combo.input_value() == ""
    combo.press("Backspace")
    assert chips(page, "Jurisdictions") == ["Vietnam", "Singapore"]
    assert f"Removed: {second}" in page.locator(".chip-editor [role=status]").all_inner_texts()

    # The chip's own button removes it, by keyboard too: Vietnam goes although the description names it.
    page.get_by_role("button", name="Remove Vietnam").focus()
    page.keyboard.press("Enter")
    assert chips(page, "Jurisdictions") == ["Singapore"]
    assert page.get_by_role("combobox", name="Jurisdictions").evaluate("el => el === document.activeElement")

    # A language is replaced; a counterparty is typed in as free text.
    languages = page.get_by_role("combobox", name="Preferred languages")
    languages.press("Backspace")
    languages.press_sequentially("Canto")
    languages.press("Enter")
    assert chips(page, "Preferred languages") == ["Cantonese"]
    parties = page.get_by_role("combobox", name="Counterparties (one per line)")
    parties.press_sequentially("Saigon Copy Trading Co.")
    parties.press("Enter")
    assert chips(page, "Counterparties (one per line)") == ["Saigon Copy Trading Co."]

    # Checked again, the choices hold; then the request is submitted and keeps exactly them.
    page.get_by_role("button", name="Check").click()
    page.wait_for_load_state()
    assert chips(page, "Jurisdictions") == ["Singapore"]
    assert chips(page, "Preferred languages") == ["Cantonese"]
    page.get_by_label("I agree that the centre shares this request").check()
    page.get_by_role("button", name="Submit request").click()
    expect_flash(page, "submitted")
    request_id = int(page.url.rstrip("/").split("/")[-1])

    def saved():
        from legalnet.extensions import db
        from legalnet.intake.models import LegalRequest

        req = db.session.get(LegalRequest, request_id)
        return req.jurisdictions, req.languages, req.counterparties, req.practice_areas

    jurisdictions, languages_saved, counterparties, areas = in_app(live_server, saved)
    assert jurisdictions == ["SG"] and languages_saved == ["yue"]
    assert counterparties == ["Saigon Copy Trading Co."] and "intellectual-property" in areas


def test_check_step_on_a_phone_has_no_axe_violation(new_page, screens):
    page = new_page({"width": 390, "height": 844})
    sign_in(page, "client@demo.example")
    check_step(page, "Trade mark copies in Vietnam")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # The menu is folded behind its button, and opens with it.
    menu = page.get_by_role("button", name="Menu")
    assert page.get_by_role("navigation", name="Main").is_hidden()
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true" and page.get_by_role("navigation", name="Main").is_visible()
    menu.click()
    page.get_by_role("combobox", name="Jurisdictions").press_sequentially("Ma")
    screens.shot(page, "1-check-phone")
    if not AXE_SCRIPT.exists():
        pytest.skip(f"axe-core not found at {AXE_SCRIPT}: run `make axe` (needs npm)")
    # With the list of options open, and at desktop width too.
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 1280, "height": 900})
    assert axe_violations(page) == []
