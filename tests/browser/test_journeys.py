"""End-to-end journeys in Chromium against the real server: a client, a firm and the centre's staff, each
with keyboard use, no console errors and a screenshot of every step; then labels and focus styles."""

import re
import uuid
from urllib.parse import quote

import pytest

from tests.browser.conftest import open_emailed_link, sign_in

pytestmark = pytest.mark.browser

CHINESE_DESCRIPTION = "我们是一家深圳的电子公司，需要在越南注册商标并处理知识产权纠纷。"
PASSWORD = "Journey-pass-2026"


def in_app(server, work):
    """Run `work` against the server's database in an app context of its own and commit."""
    from legalnet.extensions import db

    with server.app.app_context():
        result = work()
        db.session.commit()
        return result


def submit_request_as(server, email: str, title: str, jurisdictions, practice_areas) -> int:
    """A client's request through the intake service; returns its id."""
    from legalnet.accounts.models import User
    from legalnet.extensions import db
    from legalnet.intake.services import RequestInput, submit_request

    def work():
        user = db.session.scalar(db.select(User).where(User.email == email))
        req = submit_request(user, RequestInput(title=title, jurisdictions=list(jurisdictions),
                                                practice_areas=list(practice_areas), languages=["en"],
                                                consent_to_share=True))
        return req.id

    return in_app(server, work)


def active_element_id(page) -> str:
    """The id of the element that has the keyboard focus."""
    return page.evaluate("document.activeElement && document.activeElement.id")


def expect_flash(page, pattern: str) -> None:
    """A flash message matching `pattern` is shown."""
    text = page.locator(".flashes").inner_text()
    assert re.search(pattern, text), text


def test_client_journey(page, new_page, live_server, screens):
    # Register with the keyboard only: Tab from field to field, Enter to submit.
    email = f"counsel-{uuid.uuid4().hex[:8]}@brightchip.example"
    page.goto("/register")
    page.get_by_label("Company name").focus()
    page.keyboard.type("Shenzhen Brightchip Electronics Co., Ltd.")
    for field_id, text in [("country", "China"), ("name", "Liu Yang"), ("email", email), ("password", PASSWORD),
                           ("confirm", PASSWORD)]:
        page.keyboard.press("Tab")
        assert active_element_id(page) == field_id
        page.keyboard.type(text)
    screens.shot(page, "1-register")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Check your e-mail").wait_for()
    # The link e-mailed to the address confirms it; then the client signs in.
    open_emailed_link(page, live_server, email, "account.verify_email")
    expect_flash(page, "e-mail address is confirmed")
    sign_in(page, email, PASSWORD)
    page.wait_for_url("**/dashboard")
    screens.shot(page, "2-dashboard")

    # A request written in Chinese: check what was understood, then submit.
    page.goto("/requests/new")
    page.get_by_label("Title").fill("越南商标注册")
    page.get_by_label("What do you need help with?").fill(CHINESE_DESCRIPTION)
    page.get_by_role("button", name="Check").click()
    understood = page.locator("section.understood")
    assert "Vietnam" in understood.locator('[data-kind="jurisdictions"]').inner_text()
    assert "Intellectual" in understood.locator('[data-kind="practice_areas"]').inner_text()
    screens.shot(page, "3-understood")
    consent = page.get_by_label("I agree that the centre shares this request")
    consent.focus()
    page.keyboard.press("Space")
    assert consent.is_checked()
    page.get_by_role("button", name="Submit request").click()
    expect_flash(page, r"Request GBA-\d{4}-\d+ submitted")
    request_id = int(re.search(r"/requests/(\d+)", page.url).group(1))
    screens.shot(page, "4-shortlist")

    # Pick the first firm of the shortlist.
    first = page.locator('input[type=radio][name=firm]').first
    firm_name = page.locator(".choice-list strong").first.inner_text()
    first.check()
    page.get_by_role("button", name="Send the request to this firm").click()
    expect_flash(page, f"offered to {re.escape(firm_name)}")
    screens.shot(page, "5-offered")

    # The firm accepts (through the services: the firm has no demo account to sign in with).
    def accept():
        from legalnet.demo import firm_actor
        from legalnet.extensions import db
        from legalnet.intake.models import LegalRequest
        from legalnet.referrals.services import accept_offer

        offer = db.session.get(LegalRequest, request_id).open_offers[0]
        accept_offer(offer, firm_actor(offer.firm), True)

    in_app(live_server, accept)

    # Message the firm, close the case and rate it.
    page.goto(f"/cases/{request_id}")
    page.get_by_label("Message").fill("谢谢！我们什么时候可以通话？ When can we talk?")
    page.get_by_role("button", name="Send message").click()
    assert "When can we talk?" in page.locator("main").inner_text()
    screens.shot(page, "6-message")
    page.get_by_label("Outcome").select_option("resolved")
    page.get_by_label("I confirm the matter is finished").check()
    page.get_by_role("button", name="Close case").click()
    page.get_by_label("5", exact=True).check()
    page.get_by_label("Comment (optional)").fill("Fast and clear.")
    page.get_by_role("button", name="Send rating").click()
    assert "Rating: 5 of 5" in page.locator("main").inner_text()
    screens.shot(page, "7-rated")


def test_firm_journey(page, new_page, live_server, screens):
    # Apply for membership through the public form.
    suffix = uuid.uuid4().hex[:6]
    firm_name, admin_email = f"Harbour View Solicitors {suffix}", f"admin-{suffix}@harbourview.example"
    page.goto("/firms/apply")
    page.get_by_label("Firm name").fill(firm_name)
    page.get_by_label("Firm e-mail for referrals").fill(f"referrals-{suffix}@harbourview.example")
    page.get_by_label("Home country or region").fill("Hong Kong")
    page.get_by_label("Jurisdictions", exact=True).select_option("HK")
    page.get_by_label("Practice areas", exact=True).select_option(["litigation", "real-estate"])
    page.get_by_label("Working languages", exact=True).select_option(["en", "yue"])
    page.get_by_label("Contact person", exact=True).fill("Ada Chan")
    page.get_by_label("Contact person's e-mail (your sign-in)").fill(admin_email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat password").fill(PASSWORD)
    screens.shot(page, "1-apply")
    page.get_by_role("button", name="Send application").click()
    expect_flash(page, "has been sent to the centre")
    screens.shot(page, "2-applied")

    # Staff approve it in their own browser context, then refer a request to the new member by hand.
    staff = new_page()
    sign_in(staff, "staff@demo.example")
    staff.goto("/staff/applications")
    staff.get_by_role("link", name=firm_name).click()
    staff.get_by_role("button", name="Approve").click()
    expect_flash(staff, "is now active")
    screens.shot(staff, "3-approved")
    request_id = submit_request_as(live_server, "client2@demo.example", f"Deposit dispute {suffix}", ["HK"],
                                   ["litigation"])
    staff.goto(f"/staff/requests/{request_id}")
    staff.get_by_label(firm_name, exact=True).check()
    staff.get_by_role("button", name="Refer to this firm").click()
    screens.shot(staff, "4-referred")

    # The new member confirms its address, signs in (keyboard: type, Enter), completes its profile and is in the
    # public directory.
    open_emailed_link(page, live_server, admin_email, "account.verify_email")
    sign_in(page, admin_email, PASSWORD)
    page.goto("/firm/edit")
    page.get_by_label("About the firm").fill("Property and tenancy disputes in Hong Kong, in English and Cantonese.")
    page.get_by_label("Capacity (open cases the firm can take)").fill("6")
    page.get_by_role("button", name="Save profile").click()
    expect_flash(page, "Profile saved")
    directory = new_page()
    directory.goto("/firms/?q=" + quote(f"Harbour View Solicitors {suffix}"))
    assert firm_name in directory.locator("main").inner_text()
    directory.get_by_role("link", name=firm_name).click()
    assert "tenancy disputes" in directory.locator("main").inner_text()
    screens.shot(directory, "4b-directory-profile")

    # Until it accepts, its inbox names the request by reference, not by the client's title; it accepts the offer
    # and posts a message.
    page.goto("/offers/")
    assert f"Deposit dispute {suffix}" not in page.locator("main").inner_text()
    page.locator("tr", has_text=f"-{int(request_id):06d}").get_by_role("link").first.click()
    screens.shot(page, "5-offer")
    page.get_by_label(re.compile("conflict check", re.I)).check()
    page.get_by_role("button", name="Accept", exact=True).click()
    screens.shot(page, "6-accepted")
    page.goto(f"/cases/{request_id}")
    page.get_by_label("Message").fill("We have no conflict and can meet you on Monday.")
    page.get_by_role("button", name="Send message").click()
    assert "meet you on Monday" in page.locator("main").inner_text()
    screens.shot(page, "7-message")


def test_staff_journey(page, new_page, live_server, screens):
    sign_in(page, "staff-admin@demo.example")
    screens.shot(page, "1-signed-in")

    # Approve a pending application.
    page.goto("/staff/applications")
    screens.shot(page, "2-applications")
    page.get_by_role("link", name="Huizhou Petrochem Legal").click()
    page.get_by_label(re.compile("^Reason")).fill("Documents checked.")
    page.get_by_role("button", name="Approve").click()
    expect_flash(page, "is now active")
    screens.shot(page, "3-approved")

    # Refer a request by hand from the staff queue.
    title = f"Ship arrest in Hong Kong {uuid.uuid4().hex[:6]}"
    submit_request_as(live_server, "client@demo.example", title, ["HK"], ["maritime"])
    page.goto("/staff/requests")
    search = page.get_by_label("Reference or title")
    search.fill(title)
    search.press("Enter")  # keyboard submit of the queue's filter
    page.wait_for_url("**q=Ship**")
    screens.shot(page, "4-queue")
    page.locator("tr", has_text=title).get_by_role("link").first.click()
    page.get_by_label("Kowloon Maritime Solicitors", exact=True).check()
    reason = page.get_by_label("Reason", exact=True)
    reason.fill("Client asked for a maritime specialist.")
    reason.press("Enter")  # keyboard submit
    page.wait_for_load_state()
    assert "Kowloon Maritime Solicitors" in page.locator("main").inner_text()
    screens.shot(page, "5-referred")

    # The dashboard shows real figures from the demo history.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Reports").click()
    page.wait_for_url("**/staff/reports/")
    assert page.locator("svg.chart-svg[role=img]").count() == 4
    for name in ("requests", "accepted", "missed", "capacity", "renewals"):
        value = page.locator(f'[data-stat="{name}"] dd').inner_text()
        assert int(value.replace(",", "")) > 0, (name, value)
    assert re.match(r"[\d.]+ (h|days)", page.locator('[data-stat="median"] dd').inner_text())
    assert page.locator("svg.chart-svg rect title").count() > 5
    screens.shot(page, "6-dashboard")
    # Filter by jurisdiction with the keyboard, then download a chart's CSV.
    page.get_by_label("Jurisdiction", exact=True).select_option("SG")
    page.get_by_label("Jurisdiction", exact=True).focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Show"
    page.keyboard.press("Enter")
    page.wait_for_url("**jurisdiction=SG**")
    assert int(page.locator('[data-stat="requests"] dd').inner_text()) < 15
    with page.expect_download() as download:
        page.locator("#chart-status .chart-csv").click()
    assert download.value.suggested_filename.endswith("-SG.csv")
    page.locator("#chart-status details summary").click()
    screens.shot(page, "7-dashboard-filtered")

    # On a phone the dashboard fits the screen.
    phone = new_page(viewport={"width": 390, "height": 844})
    sign_in(phone, "staff@demo.example")
    phone.goto("/staff/reports/")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screens.shot(phone, "8-dashboard-phone")


def test_labels_and_focus_styles(new_page, live_server, screens):
    from legalnet.accounts.models import User
    from legalnet.extensions import db
    from legalnet.intake.models import LegalRequest, RequestStatus
    from legalnet.referrals.models import Offer, OfferStatus

    def ids():
        client = db.session.scalar(db.select(User).where(User.email == "client@demo.example"))
        firm_admin = db.session.scalar(db.select(User).where(User.email == "firm-admin@demo.example"))
        own = db.select(LegalRequest).where(LegalRequest.organisation_id == client.organisation_id)
        case = db.session.scalar(own.where(LegalRequest.status == RequestStatus.IN_PROGRESS))
        offer = db.session.scalar(db.select(Offer).where(Offer.firm_id == firm_admin.firm_id,
                                                         Offer.status == OfferStatus.OFFERED))
        request = db.session.scalar(own.order_by(LegalRequest.id))
        return case.id, offer.id, request.id

    case_id, offer_id, request_id = in_app(live_server, ids)
    visits = [
        (None, ["/", "/register", "/sign-in", "/firms/apply", "/firms/"]),
        ("client@demo.example", ["/requests/new", f"/requests/{request_id}", f"/cases/{case_id}"]),
        ("firm-admin@demo.example", ["/offers/", f"/offers/{offer_id}"]),
        ("staff@demo.example", ["/staff/applications", "/staff/requests", f"/staff/requests/{request_id}",
                                "/staff/reports/"]),
    ]
    unlabelled, unfocused = [], []
    for account, paths in visits:
        page = new_page()
        if account:
            sign_in(page, account)
        for path in paths:
            page.goto(path)
            unlabelled += [f"{path}: {name}" for name in page.evaluate("""() =>
                [...document.querySelectorAll('input, select, textarea')]
                  .filter(el => el.type !== 'hidden' && el.offsetParent !== null
                                && !['submit', 'button', 'reset', 'image'].includes(el.type))
                  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                                && !el.getAttribute('aria-labelledby'))
                  .map(el => el.name || el.id || el.outerHTML.slice(0, 80))""")]
            page.keyboard.press("Tab")
            style = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
                return {tag: document.activeElement.tagName, style: s.outlineStyle, width: s.outlineWidth}; }""")
            if style["tag"] == "BODY" or style["style"] == "none" or style["width"] in ("0px", ""):
                unfocused.append(f"{path}: {style}")
        screens.shot(page, f"{account or 'public'}".split("@")[0])
    assert not unlabelled, unlabelled
    assert not unfocused, unfocused
