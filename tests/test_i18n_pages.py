"""Every page of the three journeys, rendered in Simplified and Traditional Chinese on the demo data, shows
no English sentence of the message catalog: whatever the interface says is said in the reader's language."""

import html
import re

import pytest
from babel.messages.pofile import read_po

from legalnet.accounts.models import User
from legalnet.demo import DEMO_PASSWORD, load_demo
from legalnet.firms.models import Firm, FirmStatus
from legalnet.intake.models import LegalRequest
from legalnet.referrals.models import Offer
from tests.conftest import Auth, submit
from tests.test_i18n import TRANSLATIONS, compile_catalogs

compile_catalogs()

TAG = re.compile(r"<[^>]+>")
# Pages that quote what was recorded, as it was written (the audit log's summaries and reasons).
RECORDS = {"/staff/audit"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def english_sentences() -> list[str]:
    """Catalog messages long enough to be sentences or labels that would stand out untranslated."""
    with (TRANSLATIONS / "messages.pot").open("rb") as handle:
        catalog = read_po(handle)
    found = []
    for message in catalog:
        if not message.id or isinstance(message.id, tuple):
            continue
        # Split around placeholders: the fixed text between them is what a reader would see.
        for piece in PLACEHOLDER.split(message.id):
            piece = piece.strip(" .,:;()")
            if len(piece) >= 14 and " " in piece:
                found.append(piece)
    return sorted(set(found))


ENGLISH = english_sentences()


def page_text(response) -> str:
    body = response.get_data(as_text=True)
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.S)
    return " ".join(html.unescape(TAG.sub(" ", body)).split())


def untranslated(text: str) -> list[str]:
    return [sentence for sentence in ENGLISH if sentence in text]


def pages_for(db) -> dict[str, list[str]]:
    """The journeys' pages per demo account, with ids taken from the demo data."""
    client_user = db.session.scalar(db.select(User).where(User.email == "client@demo.example"))
    firm_admin = db.session.scalar(db.select(User).where(User.email == "firm-admin@demo.example"))
    request_ids = list(db.session.scalars(
        db.select(LegalRequest.id).where(LegalRequest.organisation_id == client_user.organisation_id)))
    offer_ids = list(db.session.scalars(db.select(Offer.id).where(Offer.firm_id == firm_admin.firm_id)))
    applicant = db.session.scalar(db.select(Firm.id).where(Firm.status == FirmStatus.APPLICANT))
    active = db.session.scalar(db.select(Firm.id).where(Firm.status == FirmStatus.ACTIVE))
    any_request = db.session.scalar(db.select(LegalRequest.id))
    client_pages = ["/dashboard", "/requests/", "/requests/new", "/cases/", "/notifications/", "/account/password",
                    "/account/tokens", "/account", "/account/two-factor"] + [f"/requests/{i}" for i in request_ids[:3]]
    firm_pages = ["/dashboard", "/firm/", "/firm/edit", "/firm/coverage", "/firm/offices", "/firm/lawyers",
                  "/firm/conflicts", "/firm/users", "/offers/", "/cases/"] + [f"/offers/{i}" for i in offer_ids[:3]]
    staff_pages = ["/dashboard", "/staff/requests", f"/staff/requests/{any_request}", "/staff/firms",
                   f"/staff/firms/{applicant}", "/staff/applications", "/staff/reports/", "/staff/audit",
                   "/staff/firms/import", "/account"]
    public_pages = ["/", "/how-it-works", "/firms/", f"/firms/{active}", "/firms/apply", "/sign-in", "/register",
                    "/forgot-password"]
    return {"client@demo.example": client_pages, "firm-admin@demo.example": firm_pages,
            "staff@demo.example": staff_pages, "": public_pages}


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
def test_journey_pages_have_no_untranslated_interface_text(app, client, db, locale):
    load_demo()
    db.session.commit()
    problems = []
    for email, paths in pages_for(db).items():
        if email:
            # Through the real sign-in form, and its code step for staff.
            Auth(client).login(user=db.session.scalar(db.select(User).where(User.email == email)),
                               password=DEMO_PASSWORD)
        submit(client, "/language", {"locale": locale, "next": "/"}, form_url="/")
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, (email, path, response.status_code)
            if path in RECORDS:
                continue
            for sentence in untranslated(page_text(response)):
                problems.append(f"{email or 'public'} {path}: {sentence!r}")
        if email:
            submit(client, "/sign-out", {}, form_url="/dashboard")
    assert not problems, "\n".join(problems)
