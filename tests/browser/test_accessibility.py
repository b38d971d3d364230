"""axe-core finds no WCAG 2.0 A/AA or 2.1 AA violation on any page, for each role, at desktop and phone width, in
English, Simplified and Traditional Chinese.

The pages come from the application's URL map: every GET route that answers with HTML, its ids taken from the
demo database (one request per status, one offer per status, an active and an applicant firm, a person), kept
for the first role that may open it. One browser, one context per role (signed in once); the language is the
browser's (Accept-Language), so no account's saved choice changes."""

import pytest

from tests.browser.axe import axe_violations, require_axe
from tests.browser.conftest import SCREENSHOTS, sign_in
from tests.browser.test_journeys import in_app

pytestmark = pytest.mark.browser

ROLES = [("public", None), ("client", "client@demo.example"), ("firm admin", "firm-admin@demo.example"),
         ("staff", "staff-admin@demo.example")]
LANGUAGES = {"en": "en-GB,en;q=0.9", "zh_Hans": "zh-CN,zh;q=0.9", "zh_Hant": "zh-TW,zh;q=0.9"}
# English and Simplified Chinese at both widths; Traditional Chinese, whose long labels wrap worst, on phones:
# the whole run stays near two minutes.
WIDTHS = {"en": (1280, 390), "zh_Hans": (1280, 390), "zh_Hant": (390,)}
# Routes that are not pages: machine output, one-time links from e-mails, and the step of signing in with a code
# (only reachable while signing in; the two-factor browser test walks it).
NOT_PAGES = {"static", "ops.healthz", "ops.readyz", "ops_metrics.metrics", "accounts.set_password",
             "accounts.reset_password", "accounts.verify_email", "twofactor.challenge"}


def candidate_paths(app) -> list[str]:
    """Every GET route of the app with real ids from the database, one path per set of ids."""
    from legalnet.accounts.models import User
    from legalnet.extensions import db
    from legalnet.firms.models import Firm, FirmStatus
    from legalnet.intake.models import LegalRequest
    from legalnet.referrals.models import Offer

    def first_of_each(model, column):
        ids = {}
        for row_id, value in db.session.execute(db.select(model.id, column).order_by(model.id)):
            ids.setdefault(value, row_id)
        return list(ids.values())

    ids = {
        "request_id": first_of_each(LegalRequest, LegalRequest.status),
        "offer_id": first_of_each(Offer, Offer.status),
        "firm_id": [db.session.scalar(db.select(Firm.id).where(Firm.status == status).order_by(Firm.id))
                    for status in (FirmStatus.ACTIVE, FirmStatus.APPLICANT)],
        "user_id": [db.session.scalar(db.select(User.id).where(User.email == "client@demo.example"))],
    }
    paths = []
    with app.test_request_context():
        from flask import url_for

        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
            if "GET" not in rule.methods or rule.endpoint in NOT_PAGES or rule.rule.startswith("/api/v1/") \
                    and rule.endpoint != "api.docs" or rule.rule.endswith((".csv", ".json")):
                continue
            args = sorted(rule.arguments)
            if not args:
                paths.append(url_for(rule.endpoint))
            elif len(args) == 1 and args[0] in ids:
                paths += [url_for(rule.endpoint, **{args[0]: value}) for value in ids[args[0]] if value is not None]
    return paths


@pytest.fixture(scope="module")
def role_pages(browser, live_server):
    """For each role: a signed-in page in a context of its own, and the pages first reachable by that role."""
    require_axe()
    from legalnet.accounts.models import User
    from legalnet.extensions import db

    def forget_saved_languages():
        for _role, email in ROLES:
            if email:
                db.session.scalar(db.select(User).where(User.email == email)).locale = None

    in_app(live_server, forget_saved_languages)
    candidates = in_app(live_server, lambda: candidate_paths(live_server.app))
    seen: set[str] = set()
    out, contexts = [], []
    for role, email in ROLES:
        context = browser.new_context(base_url=live_server.base_url, viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        if email:
            sign_in(page, email)
        pages = []
        for path in candidates:
            if path not in seen:
                response = context.request.get(path, max_redirects=0)
                if response.status == 200 and response.headers.get("content-type", "").startswith("text/html"):
                    pages.append(path)
                    seen.add(path)
        out.append((role, context, page, pages))
    SCREENSHOTS.parent.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS.parent / "axe-pages.txt").write_text("\n".join(sorted(seen)) + "\n", encoding="utf-8")
    # Every role's own pages are reached, not only the public ones.
    for expected in ("/requests/new", "/offers/", "/firm/coverage", "/staff/requests", "/staff/reports/"):
        assert expected in seen, f"{expected} is not checked"
    yield out
    for context in contexts:
        context.close()


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_axe_finds_no_violation_on_any_page(language, role_pages, errors):
    violations: list[str] = []
    checked = 0
    for role, context, page, pages in role_pages:
        context.set_extra_http_headers({"Accept-Language": LANGUAGES[language]})
        errors.watch(page)
        if role == "public":
            # The check itself works: a picture without a text alternative is reported.
            page.goto("/")
            page.evaluate("document.querySelector('main').append(document.createElement('img'))")
            assert any(v.startswith("image-alt") for v in axe_violations(page))
        for path in pages:
            page.set_viewport_size({"width": WIDTHS[language][0], "height": 900})
            page.goto(path)
            assert page.locator("html").get_attribute("lang") == language.replace("_", "-"), path
            for width in WIDTHS[language]:
                page.set_viewport_size({"width": width, "height": 900})
                violations += [f"{role} {width}px {path}: {v}" for v in axe_violations(page)]
                checked += 1
    assert checked >= 50
    assert not violations, f"{len(violations)} violations in {checked} checks:\n" + "\n".join(violations)
