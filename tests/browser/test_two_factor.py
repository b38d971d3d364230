"""Browser journey: a new staff account is made to enrol an authenticator at its first sign-in, keeps its
recovery codes, signs out, and signs in again with a code computed like a phone would (pyotp)."""

import re

import pyotp
import pytest

from tests.browser.conftest import TOTP_SECRETS, totp_code

pytestmark = pytest.mark.browser

EMAIL, PASSWORD = "ops-2fa@centre.example", "ops-pass-2026"


def test_staff_enrols_totp_and_signs_in_with_it(page, live_server, screens):
    result = live_server.app.test_cli_runner().invoke(
        args=["users", "create", EMAIL, "--name", "Ops Two-Factor", "--password", PASSWORD])
    assert result.exit_code == 0, result.output

    page.goto("/sign-in")
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # Staff must enrol before any other page.
    page.get_by_role("heading", name="Set up two-factor sign-in").wait_for()
    assert page.url.endswith("/account/two-factor"), page.url
    page.goto("/staff/firms")
    assert page.url.endswith("/account/two-factor")
    assert page.get_by_text("Your account must use two-factor sign-in").first.is_visible()
    qr = page.get_by_role("img", name="QR code for your authenticator app")
    assert qr.is_visible() and qr.evaluate("img => img.naturalWidth") > 0
    screens.shot(page, "enrol")

    secret = page.locator("#totp-secret").inner_text().strip()
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    TOTP_SECRETS[EMAIL] = secret
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Verify").click()
    page.locator(".flashes").get_by_text("That code is not right").wait_for()
    page.get_by_label("Code").fill(totp_code(EMAIL))
    page.get_by_role("button", name="Verify").click()
    page.get_by_role("heading", name="Your recovery codes").wait_for()
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    screens.shot(page, "recovery-codes")
    page.get_by_role("link", name="I have saved them").click()
    page.goto("/staff/firms")
    assert page.url.endswith("/staff/firms")

    # Sign out, then in again: password, then the current code of the authenticator.
    page.get_by_role("button", name="Sign out").click()
    page.locator(".flashes").get_by_text("You have been signed out.").wait_for()
    page.goto("/sign-in")
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Two-factor sign-in").wait_for()
    assert page.url.endswith("/sign-in/code")
    screens.shot(page, "code-step")
    code = totp_code(EMAIL)
    assert pyotp.TOTP(secret).verify(code, valid_window=1)
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url("**/dashboard")
    assert page.locator(".whoami").inner_text() == "Ops Two-Factor"
    page.goto("/account")
    assert page.get_by_text("On. You have 10 unused recovery codes.").is_visible()
    screens.shot(page, "account")
