"""Browser fixtures: the real application served on a free local port with the demo loaded, Debian's
Chromium driven by Playwright, and pages that fail the test on any console or page error and save a
screenshot of each step under test-artifacts/screenshots/.

Every test here skips with the reason when /usr/bin/chromium or the playwright package is missing."""

import os
import re
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
DEMO_PASSWORD = "demo-pass-2026"
TIMEOUT_MS = 10_000


def require_browser() -> None:
    """Skip with a clear reason when the browser or the driver is not installed."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM}: install the chromium package")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("The playwright package is not installed: pip install -e '.[test]'")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The real app on a temporary SQLite file with the demo loaded, served in a background thread."""
    require_browser()
    from werkzeug.serving import make_server

    from legalnet import create_app
    from legalnet.extensions import db

    path = tmp_path_factory.mktemp("browser") / "browser.sqlite"
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
                      # Each journey signs in several times from the same address. The limiter itself
                      # stays on: it is one object shared by every app in this process.
                      "LOGIN_RATE_LIMIT_IP": "10000 per minute", "LOGIN_RATE_LIMIT_ACCOUNT": "10000 per minute"})
    with app.app_context():
        db.create_all()
    result = app.test_cli_runner().invoke(args=["demo", "load"])
    assert "Demo data loaded" in result.output, result.output
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.base_url = f"http://127.0.0.1:{server.server_port}"
    server.app = app
    yield server
    server.shutdown()
    thread.join(timeout=5)
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Screens:
    """Saves numbered screenshots of a journey: <journey>-<step>.png."""

    def __init__(self, journey: str):
        self.journey = journey
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def shot(self, page, step: str) -> Path:
        """Screenshot the whole page as <journey>-<step>.png."""
        path = SCREENSHOTS / f"{self.journey}-{re.sub(r'[^a-z0-9-]+', '-', step.lower())}.png"
        from playwright.sync_api import Error as PlaywrightError

        # A busy machine now and then fails a capture ("Unable to capture screenshot"): try again before failing.
        for attempt in range(3):
            try:
                page.screenshot(path=str(path), full_page=True)
                break
            except PlaywrightError:
                if attempt == 2:
                    raise
                page.wait_for_timeout(1000)
        return path


class ErrorWatch:
    """Collects console errors and uncaught page errors of every page it watches."""

    def __init__(self):
        self.errors: list[str] = []

    def watch(self, page):
        """Start recording the page's errors."""
        page.on("console", lambda msg: self.errors.append(f"console {msg.type}: {msg.text} ({page.url})")
                if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc} ({page.url})"))
        # Chromium's console message for a failed load does not name the resource; the response does.
        page.on("response", lambda response: self.errors.append(
            f"HTTP {response.status}: {response.url} (requested by {page.url})")
            if response.status >= 400 and response.request.resource_type != "document" else None)
        page.set_default_timeout(TIMEOUT_MS)
        return page


@pytest.fixture()
def errors():
    """The error watch of the test; the test fails if any page it watched logged an error."""
    watch = ErrorWatch()
    yield watch
    assert not watch.errors, "\n".join(watch.errors)


@pytest.fixture()
def new_page(browser, live_server, errors):
    """Make pages in fresh browser contexts (separate sign-ins), watched for errors."""
    contexts = []

    def make(viewport=None):
        context = browser.new_context(base_url=live_server.base_url, locale="en-GB",
                                      viewport=viewport or {"width": 1280, "height": 900})
        contexts.append(context)
        return errors.watch(context.new_page())

    yield make
    for context in contexts:
        context.close()


@pytest.fixture()
def page(new_page):
    """A page in its own browser context, failing the test on console or page errors."""
    return new_page()


@pytest.fixture()
def screens(request):
    """Screenshot helper named after the test's journey."""
    name = request.node.name.removeprefix("test_").split("[")[0].replace("_", "-")
    return Screens(name)


# Authenticator keys of the accounts that sign in with a second factor (the demo's staff share one), and the
# last time step used per account: a code is accepted once, so a second sign-in within 30 s takes the next one.
TOTP_SECRETS: dict[str, str] = {}
_last_step: dict[str, int] = {}


def totp_code(email: str) -> str:
    """A code of the account's authenticator that the server has not accepted yet."""
    import pyotp

    from legalnet.demo import DEMO_TOTP_SECRET

    secret = TOTP_SECRETS.get(email, DEMO_TOTP_SECRET)
    step = max(int(time.time()) // 30, _last_step.get(email, 0) + 1)
    # The server accepts the next step's code too, not one further: wait for the clock when needed.
    while step > int(time.time()) // 30 + 1:
        time.sleep(0.5)
    _last_step[email] = step
    return pyotp.TOTP(secret).generate_otp(step)


def sign_in(page, email: str, password: str = DEMO_PASSWORD) -> None:
    """Sign in through the real form, using the keyboard: type, then Enter; then the code step for staff."""
    page.goto("/sign-in")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_label("Password").press("Enter")
    page.wait_for_load_state()
    if page.url.split("?")[0].endswith("/sign-in/code"):
        page.get_by_label("Code").fill(totp_code(email))
        page.get_by_label("Code").press("Enter")
        page.wait_for_load_state()
    assert "/sign-in" not in page.url, page.locator("main").inner_text()


def open_emailed_link(page, live_server, to_address: str, kind: str) -> None:
    """Open the link of the newest e-mail of `kind` in the outbox of the served app, as its reader would."""
    from legalnet.extensions import db
    from legalnet.notifications.models import OutboxEmail

    with live_server.app.app_context():
        body = db.session.scalar(db.select(OutboxEmail.body).where(
            OutboxEmail.to_address == to_address, OutboxEmail.kind == kind).order_by(OutboxEmail.id.desc()))
        db.session.remove()
    assert body, f"no {kind} e-mail to {to_address}"
    link = re.search(r"https?://\S+", body).group(0)
    page.goto(link.replace(live_server.app.config["BASE_URL"].rstrip("/"), ""))
    page.wait_for_load_state()
