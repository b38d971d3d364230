"""Requests a second and p99 latency of legalnet's main pages against a one-query Flask page, in one run.

Builds a scratch SQLite database with the demo data (and, with --extra-firms, that many synthetic firms),
starts gunicorn with 2 sync workers for legalnet and for the baseline app (benchmarks/baseline_app.py,
one query and a small template on the same database), signs in as the demo users, and drives every page
with wrk for --seconds, --rounds times. Each page is timed right after a run of the baseline, so that the two
of a pair see the same machine load (a shared machine drifts over a minute). Prints, per page, the median over
rounds of requests a second and p99, and the median of the ratios of its pairs.
Servers and the database are removed at the end, on Ctrl-C and on SIGTERM.

    python benchmarks/bench_pages.py [--extra-firms 10000] [--seconds 5] [--rounds 3] [--connections 4]
"""

import argparse
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pyotp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import ScratchDatabases, app_for, build_database, progress, synthetic_firms  # noqa: E402

from legalnet.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, load_demo  # noqa: E402
from legalnet.extensions import db  # noqa: E402
from legalnet.firms.models import Firm, FirmStatus  # noqa: E402
from legalnet.intake.models import LegalRequest  # noqa: E402
from legalnet.referrals.models import Offer, OfferStatus  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def free_port() -> int:
    """A TCP port nobody listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(url: str, extra_firms: int) -> dict:
    """Demo data (plus synthetic firms) in a fresh database; returns ids the page URLs need."""
    if extra_firms:
        build_database(url, synthetic_firms(extra_firms, conflicts=2))
    app = app_for(url)
    with app.app_context():
        db.create_all()
        load_demo()
        db.session.commit()
        firm = db.session.scalar(db.select(Firm).where(Firm.status == FirmStatus.ACTIVE,
                                                       Firm.email.like("%demo%")).order_by(Firm.id))
        case = db.session.scalar(db.select(Offer).where(Offer.status == OfferStatus.ACCEPTED).order_by(Offer.id))
        request_id = db.session.scalar(db.select(LegalRequest.id).order_by(LegalRequest.id))
        ids = {"firm": firm.id if firm else 1, "case": case.request_id if case else request_id,
               "request": request_id}
        db.engine.dispose()
    return ids


class Server:
    """gunicorn with 2 sync workers on a free port, stopped on exit."""

    def __init__(self, app: str, env: dict, log: str):
        self.port = free_port()
        self.log = open(log, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [os.path.join(os.path.dirname(sys.executable), "gunicorn"), "--workers", "2", "--worker-class", "sync",
             "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning", app],
            cwd=ROOT, env={**os.environ, **env}, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(200):
            try:
                urllib.request.urlopen(self.base + "/", timeout=2)
                return
            except Exception:  # noqa: BLE001 - not up yet
                if self.process.poll() is not None:
                    raise RuntimeError(f"gunicorn for {app} exited; see {log}") from None
                time.sleep(0.1)
        raise RuntimeError(f"gunicorn for {app} did not start; see {log}")

    def stop(self) -> None:
        """Stop the server and its workers."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()


def _cookies(response, known: dict) -> dict:
    """The cookies a response sets, added to `known` (Secure ones too: this client talks plain HTTP)."""
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _sep, rest = header.partition("=")
        known[name.strip()] = rest.split(";", 1)[0]
    return known


def _post_form(conn, path: str, cookies: dict, fields: dict) -> http.client.HTTPResponse:
    """GET `path`, then POST its form with its CSRF token and `fields`; cookies are updated in place."""
    conn.request("GET", path, headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())})
    response = conn.getresponse()
    _cookies(response, cookies)
    token = CSRF_RE.search(response.read().decode()).group(1)
    body = urllib.parse.urlencode({"csrf_token": token, **fields})
    header = "; ".join(f"{k}={v}" for k, v in cookies.items())
    conn.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded", "Cookie": header})
    response = conn.getresponse()
    response.read()
    _cookies(response, cookies)
    return response


def session_cookie(base: str, email: str) -> str:
    """The session cookie of `email` after signing in through the real forms (with the demo authenticator
    code where the account has one)."""
    conn = http.client.HTTPConnection(urllib.parse.urlsplit(base).netloc, timeout=30)
    cookies: dict = {}
    response = _post_form(conn, "/sign-in", cookies, {"email": email, "password": DEMO_PASSWORD})
    if response.status == 302 and urllib.parse.urlsplit(response.getheader("Location", "")).path == "/sign-in/code":
        response = _post_form(conn, "/sign-in/code", cookies, {"code": pyotp.TOTP(DEMO_TOTP_SECRET).now()})
    if response.status != 302:
        raise RuntimeError(f"signing in as {email} answered {response.status}")
    # Follow the redirect as a browser does: the page it leads to shows the welcome message, which then leaves
    # the session. Otherwise every timed request would carry that message, show it and sign a new cookie.
    landing = urllib.parse.urlsplit(response.getheader("Location", "")).path or "/"
    conn.request("GET", landing, headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())})
    response = conn.getresponse()
    response.read()
    _cookies(response, cookies)
    conn.close()
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def check_page(base: str, path: str, cookie: str) -> None:
    """Refuse to time a page that does not answer 200 (a redirect to sign-in would be timed as a fast page), or
    that changes a signed-in session (wrk sends the same cookie every time, so it would change it every time)."""
    conn = http.client.HTTPConnection(urllib.parse.urlsplit(base).netloc, timeout=30)
    conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    response = conn.getresponse()
    response.read()
    conn.close()
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}, not 200")
    if cookie and response.getheader("Set-Cookie"):
        raise RuntimeError(f"{path} sets a new session cookie on each request with the same cookie")


def wrk(url: str, seconds: int, connections: int, cookie: str = "") -> tuple[float, float]:
    """Requests a second and p99 in ms of `url` under wrk."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    value, unit = re.search(r"99%\s+([\d.]+)(us|ms|s)", out).groups()
    p99 = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{url} answered {errors.group(1)} errors under load")
    return rate, p99


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extra-firms", type=int, default=0)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=4)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk)")
    servers: list[Server] = []
    with ScratchDatabases() as scratch:
        try:
            url = scratch.new("pages")
            progress(f"loading the demo data{f' and {args.extra_firms:,} firms' if args.extra_firms else ''}")
            ids = prepare(url, args.extra_firms)
            env = {"DATABASE_URL": url, "LEGALNET_ENV": "production", "SECRET_KEY": secrets.token_urlsafe(48),
                   "RATELIMIT_STORAGE_URI": "memory://"}
            progress("starting gunicorn for legalnet and for the baseline")
            app = Server("legalnet:create_app()", env, os.path.join(scratch.folder, "app.log"))
            servers.append(app)
            base = Server("baseline_app:create_app()", {**env, "PYTHONPATH": os.path.join(ROOT, "benchmarks")},
                          os.path.join(scratch.folder, "baseline.log"))
            servers.append(base)
            client = session_cookie(app.base, "client@demo.example")
            firm = session_cookie(app.base, "firm-admin@demo.example")
            staff = session_cookie(app.base, "staff@demo.example")
            pages = {
                "directory": ("/firms/", ""),
                "directory search": ("/firms/?q=Harbour", ""),
                "firm profile": (f"/firms/{ids['firm']}", ""),
                "request list": ("/requests/", client),
                "offer inbox": ("/offers/", firm),
                "case page": (f"/requests/{ids['case']}", client),
                "staff reports": ("/staff/reports/", staff),
            }
            for path, cookie in pages.values():
                check_page(app.base, path, cookie)
            results: dict[str, list[tuple[float, float]]] = {name: [] for name in ["baseline", *pages]}
            ratios: dict[str, list[float]] = {name: [] for name in pages}
            for n in range(args.rounds):
                progress(f"round {n + 1} of {args.rounds}")
                for name, (path, cookie) in pages.items():
                    baseline = wrk(base.base + "/", args.seconds, args.connections)
                    measured = wrk(app.base + path, args.seconds, args.connections, cookie)
                    results["baseline"].append(baseline)
                    results[name].append(measured)
                    ratios[name].append(measured[0] / baseline[0])
        finally:
            for server in servers:
                server.stop()
    load = os.getloadavg()
    print(f"gunicorn 2 sync workers, wrk -c{args.connections} {args.seconds}s x {args.rounds} rounds (medians), "
          f"SQLite, demo data + {args.extra_firms:,} firms; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"{'page':<18} {'req/s':>8} {'p99 ms':>8} {'x baseline':>11}")
    for name, runs in results.items():
        rate, p99 = statistics.median(r for r, _p in runs), statistics.median(p for _r, p in runs)
        ratio = statistics.median(ratios[name]) if name in ratios else 1.0
        print(f"{name:<18} {rate:>8.0f} {p99:>8.1f} {ratio:>10.2f}x")


if __name__ == "__main__":
    main()
