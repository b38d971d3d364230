"""Each role's dashboard in Chromium shows its work from the demo's data (the same figures the database
holds), in English and Chinese, at desktop and phone widths, with a screenshot of each under /work/shots/
when that folder exists (test-artifacts/screenshots/ otherwise)."""

from pathlib import Path

import pytest

from tests.browser.conftest import SCREENSHOTS, sign_in

pytestmark = pytest.mark.browser

SHOTS = Path("/work/shots") if Path("/work/shots").is_dir() else SCREENSHOTS
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def figures(server, email: str) -> dict:
    """What the database says the user's dashboard should show."""
    from legalnet.accounts.models import User
    from legalnet.core.models import utcnow
    from legalnet.extensions import db
    from legalnet.firms.models import Firm, FirmStatus
    from legalnet.intake.models import LegalRequest, RequestStatus
    from legalnet.referrals.models import Offer, OfferStatus

    with server.app.app_context():
        user = db.session.scalar(db.select(User).where(User.email == email))
        count = lambda stmt: db.session.scalar(stmt)  # noqa: E731
        if user.organisation_id:
            result = {"open-requests": count(db.select(db.func.count(LegalRequest.id)).where(
                LegalRequest.organisation_id == user.organisation_id,
                LegalRequest.status.not_in([RequestStatus.CLOSED, RequestStatus.CANCELLED]))),
                "references": list(db.session.scalars(db.select(LegalRequest.reference).where(
                    LegalRequest.organisation_id == user.organisation_id,
                    LegalRequest.status.not_in([RequestStatus.CLOSED, RequestStatus.CANCELLED]))
                    .order_by(LegalRequest.created_at.desc()).limit(10)))}
        elif user.firm_id:
            result = {"pending-offers": count(db.select(db.func.count(Offer.id)).where(
                Offer.firm_id == user.firm_id, Offer.status == OfferStatus.OFFERED)),
                "firm": user.firm.name}
        else:
            result = {"applications": count(db.select(db.func.count(Firm.id)).where(
                Firm.status == FirmStatus.APPLICANT)),
                "review": count(db.select(db.func.count(LegalRequest.id)).where(
                    LegalRequest.status == RequestStatus.NEEDS_REVIEW)),
                "overdue": count(db.select(db.func.count(Offer.id)).where(
                    Offer.status == OfferStatus.OFFERED, Offer.respond_by <= utcnow()))}
        db.session.remove()
    return result


def switch_language(page, locale: str) -> None:
    """Choose the interface language with the header's switcher, as a reader would (on a phone the menu that
    holds it is folded first)."""
    toggle = page.locator(".menu-toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    with page.expect_navigation():
        page.select_option("#locale-select", locale)


@pytest.mark.parametrize("width", WIDTHS)
def test_each_role_dashboard_shows_its_work(new_page, live_server, width):
    shots = []
    for role, email in (("client", "client@demo.example"), ("firm", "firm-admin@demo.example"),
                        ("staff", "staff@demo.example")):
        page = new_page(viewport=WIDTHS[width])
        sign_in(page, email)
        page.goto("/dashboard")
        expected = figures(live_server, email)
        main = page.locator("main")
        if role == "client":
            assert main.locator('[data-stat="open-requests"] dd').inner_text() == str(expected["open-requests"])
            assert expected["open-requests"] > 0
            requests_ = page.locator("#open-requests").inner_text()
            assert expected["references"]
            for reference in expected["references"]:
                assert reference in requests_
            assert "Next:" in requests_
            page.locator("#waiting-offers").wait_for()
            page.locator("#unread-messages").wait_for()
        elif role == "firm":
            assert expected["firm"] in main.inner_text() and "Ltd.." not in main.inner_text()
            assert main.locator('[data-stat="pending-offers"] dd').inner_text() == str(expected["pending-offers"])
            assert "Network median" in main.locator('[data-stat="acceptance"]').inner_text()
            if expected["pending-offers"]:
                assert "Time left" in page.locator("#pending-offers").inner_text() or \
                    "overdue" in page.locator("#pending-offers").inner_text()
        else:
            for key in ("applications", "review", "overdue"):
                assert page.locator(f"#queue-{key}").get_attribute("data-count") == str(expected[key])
            assert page.locator("#queue-vocabulary").is_visible()
            health = page.locator("#network-health").inner_text()
            assert "Fairness of referrals (Gini)" in health and "Bunching alerts" in health
        # Nothing wider than the window: the dashboard reads without sideways scrolling on a phone.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        path = SHOTS / f"dashboard-{role}-{WIDTHS[width]['width']}-en.png"
        page.screenshot(path=str(path), full_page=True)
        shots.append(path)

        switch_language(page, "zh_Hans")
        chinese = page.locator("main").inner_text()
        assert "工作台" in page.title() or "欢迎" in chinese
        assert "Welcome" not in chinese and "Next:" not in chinese and "Network health" not in chinese
        path = SHOTS / f"dashboard-{role}-{WIDTHS[width]['width']}-zh_Hans.png"
        page.screenshot(path=str(path), full_page=True)
        shots.append(path)
        # Leave the account in English for the other journeys of the session.
        switch_language(page, "en")
    assert all(path.exists() for path in shots)
