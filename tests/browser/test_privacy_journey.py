"""Personal data in Chromium: a client reads the sharing notice, submits a request, downloads their own data
from the account page; a staff administrator finds them, downloads their data and erases it with a reason;
the client is signed out and cannot sign in again."""

import json
import re
import uuid

import pytest

from tests.browser.conftest import open_emailed_link, sign_in

pytestmark = pytest.mark.browser

PASSWORD = "Privacy-pass-2026"


def test_privacy_journey(page, new_page, live_server, screens):
    email = f"privacy-{uuid.uuid4().hex[:8]}@lotus-trading.example"
    page.goto("/register")
    page.get_by_label("Company name").fill("Lotus Trading (Macao) Ltd.")
    page.get_by_label("Your name").fill("Ho Ka Man")
    page.get_by_label("Work e-mail").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("#confirm").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.get_by_role("heading", name="Check your e-mail").wait_for()
    open_emailed_link(page, live_server, email, "account.verify_email")
    sign_in(page, email, PASSWORD)
    page.wait_for_url("**/dashboard")

    # The request form shows the versioned sharing notice beside the consent box.
    page.goto("/requests/new")
    notice = page.locator("#sharing-notice").inner_text()
    assert "Mainland China, Hong Kong, Macao or an ASEAN country" in notice
    page.get_by_label("Title").fill("Commercial lease in Macao")
    page.get_by_label("What do you need help with?").fill("We need a lawyer in Macao for a shop lease dispute.")
    page.get_by_label("I agree that the centre shares this request").check()
    screens.shot(page, "1-notice")
    page.get_by_role("button", name="Submit request").click()
    reference = re.search(r"GBA-\d{4}-\d+", page.locator(".flashes").inner_text()).group(0)

    # Account → Your personal data → Download my data.
    page.get_by_role("link", name="Account").click()
    page.get_by_role("link", name="Your personal data").click()
    screens.shot(page, "2-my-data")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my data").click()
    data = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert data["account"]["email"] == email and data["requests"][0]["reference"] == reference
    assert data["consents"][0]["request"] == reference and data["consents"][0]["locale"] == "en"

    # A staff administrator finds the person, downloads their data and erases it.
    staff = new_page()
    sign_in(staff, "staff-admin@demo.example")
    staff.get_by_role("link", name="People").first.click()
    staff.get_by_label("Name or e-mail address").fill(email)
    staff.get_by_role("button", name="Search").click()
    staff.get_by_role("link", name="Ho Ka Man").click()
    assert "Requests created\n1" in staff.locator("#held").inner_text()
    with staff.expect_download() as staff_download:
        staff.get_by_role("link", name=re.compile("Download this person")).click()
    assert json.loads(open(staff_download.value.path(), encoding="utf-8").read())["account"]["email"] == email
    staff.get_by_label("Reason").fill("Written request received on 26 Nov 2026")
    staff.get_by_label("I understand that this cannot be undone.").check()
    screens.shot(staff, "3-erase")
    staff.get_by_role("button", name="Erase this person's data").click()
    flash = staff.locator(".flashes").inner_text()
    assert re.search(r"erased; the account is now Erased person [0-9a-f]+", flash), flash
    assert "Ho Ka Man" not in staff.locator("main").inner_text()
    screens.shot(staff, "4-erased")

    # The client is signed out on the next page and cannot sign in again.
    page.goto("/dashboard")
    assert "/sign-in" in page.url
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    page.wait_for_load_state()
    assert "/sign-in" in page.url and "not correct" in page.locator("main").inner_text()
