"""The quote journey in Chromium: the client asks two shortlisted firms for a quote, each firm answers on
its offer, the client compares the quotes on a phone (the cards stack at 390 px) and accepts one, and the
case page shows the accepted quote; then the client uploads a file to the case and the firm downloads it.
The journey is a list of steps sharing its state, so later steps (on the same case) can be appended to
STEPS."""

import uuid
from datetime import date, timedelta

import pytest

from tests.browser.conftest import sign_in
from tests.browser.test_journeys import expect_flash, in_app, submit_request_as

pytestmark = pytest.mark.browser

PASSWORD = "Quote-journey-2026"
PHONE = {"width": 390, "height": 844}


class QuoteJourney:
    """What the steps share: the server, page makers, screenshots and what earlier steps found."""

    def __init__(self, live_server, new_page, screens):
        self.server, self.new_page, self.screens = live_server, new_page, screens
        self.request_id = None
        self.firms = []  # (firm id, firm name, e-mail of a lawyer of the firm)
        self.client_email = "client@demo.example"
        self.client_password = None  # the demo password


def firm_lawyer(server, firm_id: int) -> str:
    """A lawyer account of the firm with a known password; returns its e-mail."""
    from legalnet.accounts.models import Role, User

    email = f"quotes-{uuid.uuid4().hex[:8]}@firm.example"

    def work():
        from legalnet.extensions import db

        user = User(email=email, name="Quote Lawyer", role=Role.FIRM_LAWYER, firm_id=firm_id)
        user.set_password(PASSWORD)
        db.session.add(user)
        return email

    return in_app(server, work)


def step_setup(j: QuoteJourney) -> None:
    """A new request of the demo client, and lawyer accounts of the first two firms it may choose."""
    from legalnet.extensions import db
    from legalnet.intake.models import LegalRequest
    from legalnet.referrals.quotes import quote_choices

    j.request_id = submit_request_as(j.server, j.client_email, "Shareholder arbitration in Hong Kong", ["HK"],
                                     ["arbitration"])

    def work():
        return [(m.firm_id, m.firm.name) for m in quote_choices(db.session.get(LegalRequest, j.request_id))]

    choices = in_app(j.server, work)
    assert len(choices) >= 2, choices
    j.firms = [(firm_id, name, firm_lawyer(j.server, firm_id)) for firm_id, name in choices[:2]]


def step_ask(j: QuoteJourney) -> None:
    """The client ticks two firms in "Ask for quotes" and lands on the comparison page."""
    page = j.client_page = j.new_page()
    sign_in(page, j.client_email)
    page.goto(f"/requests/{j.request_id}")
    block = page.locator("#ask-quotes")
    for firm_id, _name, _email in j.firms:
        block.locator(f'[data-quote-firm="{firm_id}"]').check()
    j.screens.shot(page, "1-ask")
    block.get_by_role("button", name="Ask for quotes").click()
    page.wait_for_url(f"**/requests/{j.request_id}/quotes")
    expect_flash(page, "asked for a quote")
    assert page.locator(".quote-card").count() == 2


def answer_as(j: QuoteJourney, email: str, basis: str, fields: dict, shot: str) -> None:
    from legalnet.accounts.models import User
    from legalnet.extensions import db
    from legalnet.referrals.models import Offer, OfferStatus

    def work():
        firm_id = db.session.scalar(db.select(User.firm_id).where(User.email == email))
        return db.session.scalar(db.select(Offer.id).where(Offer.request_id == j.request_id, Offer.firm_id == firm_id,
                                                           Offer.status == OfferStatus.OFFERED))

    offer_id = in_app(j.server, work)
    page = j.new_page()
    sign_in(page, email, PASSWORD)
    page.goto(f"/offers/{offer_id}")
    page.get_by_role("link", name="Answer with a quote").click()
    page.get_by_label(basis).check()
    for label, value in fields.items():
        control = page.get_by_label(label, exact=True)
        if label == "Currency":
            control.select_option(value)
        else:
            control.fill(value)
    page.get_by_label("We have run our own conflict check").check()
    j.screens.shot(page, shot)
    page.get_by_role("button", name="Send the quote").click()
    expect_flash(page, "Your quote was sent")


def step_answer(j: QuoteJourney) -> None:
    """Each firm answers its offer with a quote: a fixed fee, and an hourly fee with an estimate."""
    valid = (date.today() + timedelta(days=14)).isoformat()
    answer_as(j, j.firms[0][2], "Fixed fee", {"Currency": "HKD", "Fee, or the lowest figure of a range": "48000",
                                              "Valid until": valid, "What the fee covers": "Advice and the hearing."},
              "2-quote-fixed")
    answer_as(j, j.firms[1][2], "Hourly, with an estimate",
              {"Currency": "USD", "Fee, or the lowest figure of a range": "6000",
               "Highest figure of a range (optional)": "9000", "Hourly rate (for an hourly fee)": "450",
               "Estimated hours": "16", "Valid until": valid, "What the fee covers": "Advice only."},
              "3-quote-hourly")


def step_compare_on_phone(j: QuoteJourney) -> None:
    """On a 390 px phone the quote cards stack one under the other, and nothing scrolls sideways."""
    page = j.client_page
    page.set_viewport_size(PHONE)
    page.goto(f"/requests/{j.request_id}/quotes")
    cards = page.locator(".quote-card")
    assert cards.count() == 2
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert abs(first["x"] - second["x"]) < 1 and second["y"] >= first["y"] + first["height"], (first, second)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert "HK$48,000.00" in cards.nth(0).inner_text()
    assert "$6,000.00 – $9,000.00" in cards.nth(1).inner_text()
    j.screens.shot(page, "4-compare-phone")


def step_accept(j: QuoteJourney) -> None:
    """The client accepts the fixed-fee quote and lands on the case, which keeps the accepted quote."""
    page = j.client_page
    page.locator(f'.quote-card[data-firm="{j.firms[0][0]}"]').get_by_role("button", name="Accept this quote").click()
    page.wait_for_url(f"**/cases/{j.request_id}")
    expect_flash(page, "You accepted the quote")
    assert "HK$48,000.00" in page.locator("#accepted-quote").inner_text()
    j.screens.shot(page, "5-case")


def step_upload(j: QuoteJourney) -> None:
    """On the case the client uploads a PDF; a file whose content is not what its name says is refused."""
    page = j.client_page
    page.get_by_label("File", exact=True).set_input_files(
        {"name": "engagement.pdf", "mimeType": "application/pdf", "buffer": _PDF})
    page.get_by_role("button", name="Upload").click()
    page.wait_for_url(f"**/cases/{j.request_id}*")
    assert "engagement.pdf" in page.locator("#documents").inner_text()
    page.get_by_label("File", exact=True).set_input_files(
        {"name": "notes.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90\x00 not a pdf"})
    page.get_by_role("button", name="Upload").click()
    assert "notes.pdf" not in page.locator("#documents table").inner_text()
    j.screens.shot(page, "6-uploaded")


def step_download(j: QuoteJourney) -> None:
    """The accepted firm sees the client's file on the case and downloads it as an attachment, byte for byte."""
    page = j.new_page()
    sign_in(page, j.firms[0][2], PASSWORD)
    page.goto(f"/cases/{j.request_id}")
    with page.expect_download() as info:
        page.locator("#documents").get_by_role("link", name="engagement.pdf").click()
    download = info.value
    assert download.suggested_filename == "engagement.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read() == _PDF


_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

STEPS = [step_setup, step_ask, step_answer, step_compare_on_phone, step_accept, step_upload, step_download]


def test_quote_compare_accept(live_server, new_page, screens):
    journey = QuoteJourney(live_server, new_page, screens)
    for step in STEPS:
        step(journey)
