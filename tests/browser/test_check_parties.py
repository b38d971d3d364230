"""The Check step in Chromium: the parties the description names come back as chips (ticked boxes without the
script), the areas it only mentions come back as boxes to tick, and what the client chooses is what the request
keeps."""


import pytest

from tests.browser.conftest import sign_in
from tests.browser.test_journeys import expect_flash

pytestmark = pytest.mark.browser

DESCRIPTION = ("Our Singapore subsidiary wants to acquire PT Maju Jaya Tbk in Indonesia from Sinar Abadi Holdings "
               "Pte. Ltd.; we also need advice on the employees and the land leases.")


def test_check_step_parties_and_areas_only_mentioned(page, screens):
    sign_in(page, "client@demo.example")
    page.goto("/requests/new")
    page.get_by_label("Title").fill("Acquisition in Indonesia")
    page.get_by_label("What do you need help with?").fill(DESCRIPTION)
    page.get_by_role("button", name="Check").click()
    page.wait_for_load_state()
    parties = page.locator("#found-parties input[type=checkbox]")
    names = [parties.nth(i).get_attribute("value") for i in range(parties.count())]
    assert "PT Maju Jaya Tbk" in names and all(parties.nth(i).is_checked() for i in range(parties.count()))
    areas = page.locator("#also-mentioned input[type=checkbox]")
    assert areas.count() >= 1 and not areas.first.is_checked()
    screens.shot(page, "1-check")

    # The parties are chips, each with its remove button: keep only the target company, and add the first area
    # only mentioned.
    chips = page.locator("#found-parties .chip > span")
    assert chips.all_inner_texts() == names
    for name in names:
        if name != "PT Maju Jaya Tbk":
            page.locator("#found-parties").get_by_role("button", name=f"Remove {name}", exact=True).click()
    assert chips.all_inner_texts() == ["PT Maju Jaya Tbk"]
    added = areas.first.get_attribute("value")
    area_label = page.locator("#also-mentioned label").first.inner_text().strip()
    areas.first.check()
    page.get_by_label("I agree that the centre shares this request").check()
    page.get_by_role("button", name="Submit request").click()
    expect_flash(page, "submitted")
    found = page.locator("dt", has_text="Parties named in the description").locator("xpath=following-sibling::dd[1]")
    assert found.inner_text() == "PT Maju Jaya Tbk"
    assert area_label in page.locator("dl.facts").first.inner_text()
    assert added
    screens.shot(page, "2-submitted")


def test_check_step_names_set_aside_can_be_ticked(page, screens):
    sign_in(page, "client@demo.example")
    page.goto("/requests/new")
    page.get_by_label("Title").fill("Cargo claim")
    page.get_by_label("What do you need help with?").fill(
        "Our insurer, Harbour General Insurance Berhad, has appointed a loss adjuster. The sole arbitrator, "
        "Mr Anthony Wee, made the award against Delta Marine Co., Ltd. in March.")
    page.get_by_role("button", name="Check").click()
    page.wait_for_load_state()
    # The names set aside are plain boxes beside the chips, unticked, with why they are not screened.
    set_aside = page.locator("#set-aside-parties")
    assert set_aside.is_visible()
    insurer = set_aside.get_by_label("Harbour General Insurance Berhad")
    assert not insurer.is_checked() and not set_aside.get_by_label("Anthony Wee").is_checked()
    assert page.locator("#found-parties .chip > span").all_inner_texts() == ["Delta Marine Co., Ltd."]
    # The boxes behind the chips are out of sight; the names set aside are not behind chips.
    assert not page.locator("#found-parties label.checkbox").first.is_visible()
    insurer.check()
    screens.shot(page, "1-set-aside")
    page.get_by_label("I agree that the centre shares this request").check()
    page.get_by_role("button", name="Submit request").click()
    expect_flash(page, "submitted")
    found = page.locator("dt", has_text="Parties named in the description").locator("xpath=following-sibling::dd[1]")
    assert "Harbour General Insurance Berhad" in found.inner_text()
    assert "Anthony Wee" not in found.inner_text()
