"""Sign-in (and password-reset) timing for known and unknown e-mail addresses: does the time of the answer tell
who has an account?

Serves the real sign-in route (test client, CSRF on) against a temporary SQLite database, with the password
hash of production (werkzeug's default scrypt), and times alternating wrong-password attempts for an existing
account and for an address nobody has. Prints the median (and p10/p90) of each and their ratio, then the same
with the dummy-hash check of unknown addresses switched off, which is how sign-in behaved before it: the
baseline that shows what the check closes. Last, the same comparison for "Forgot your password?", which
e-mails a link only to a known address: with the answer held to ACCOUNT_ANSWER_SECONDS, and at once.

    python benchmarks/bench_signin_timing.py [--rounds 40]
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import config  # noqa: E402
from legalnet import create_app  # noqa: E402
from legalnet.accounts import services  # noqa: E402
from legalnet.accounts.models import Role, User  # noqa: E402
from legalnet.extensions import db, limiter  # noqa: E402

CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
KNOWN, UNKNOWN = "counsel@known.example", "nobody@unknown.example"


def build_app(path: str):
    """The app with production's password hashing and limits high enough for a benchmark."""
    app = create_app({"ENV_NAME": "testing", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
                      "PASSWORD_HASH_METHOD": "scrypt", "LOGIN_RATE_LIMIT_IP": "100000 per minute",
                      "LOGIN_RATE_LIMIT_ACCOUNT": "100000 per minute", "LOGIN_ACCOUNT_CEILING": "100000 per hour",
                      "PASSWORD_RESET_RATE_LIMIT": "100000 per hour",
                      "ACCOUNT_ANSWER_SECONDS": config.Config.ACCOUNT_ANSWER_SECONDS})
    with app.app_context():
        db.create_all()
        user = User(email=KNOWN, name="Known Counsel", role=Role.CLIENT)
        user.set_password("the-right-password-1")
        db.session.add(user)
        db.session.commit()
    return app


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure(app, rounds: int, path: str = "/sign-in") -> dict[str, list[float]]:
    """Seconds per POST to `path` for each address, alternating so that load on the machine hits both alike."""
    client = app.test_client()
    token = CSRF_RE.search(client.get(path).get_data(as_text=True)).group(1)
    times: dict[str, list[float]] = {KNOWN: [], UNKNOWN: []}
    for n in range(rounds + 2):
        for email in (KNOWN, UNKNOWN) if n % 2 else (UNKNOWN, KNOWN):
            started = time.perf_counter()
            response = client.post(path, data={"csrf_token": token, "email": email,
                                               "password": "a-wrong-password-9"})
            elapsed = time.perf_counter() - started
            assert response.status_code == 200, response.status_code
            if n >= 2:  # the first rounds warm up caches and the dummy hash
                times[email].append(elapsed)
        with app.app_context():
            limiter.reset()
    return times


def report(label: str, times: dict[str, list[float]]) -> None:
    known, unknown = statistics.median(times[KNOWN]), statistics.median(times[UNKNOWN])
    print(f"{label}")
    for name, email in (("known e-mail", KNOWN), ("unknown e-mail", UNKNOWN)):
        values = times[email]
        print(f"  {name:15} median {statistics.median(values) * 1000:7.1f} ms   p10 "
              f"{percentile(values, 0.1) * 1000:7.1f} ms   p90 {percentile(values, 0.9) * 1000:7.1f} ms")
    print(f"  unknown / known median ratio: {unknown / known:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40, help="attempts per address")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app = build_app(os.path.join(tmp, "signin.sqlite"))
        print(f"sign-in timing, {args.rounds} wrong-password attempts per address, scrypt (werkzeug default)")
        report("with the dummy-hash check (as shipped):", measure(app, args.rounds))
        real = services.dummy_password_check
        services.dummy_password_check = lambda password: None
        try:
            report("baseline, without it (as before):", measure(app, args.rounds))
        finally:
            services.dummy_password_check = real
        report("forgot-password (a link is e-mailed to the known address only), answer held to "
               f"{config.Config.ACCOUNT_ANSWER_SECONDS} s:", measure(app, args.rounds, "/forgot-password"))
        app.config["ACCOUNT_ANSWER_SECONDS"] = 0
        report("baseline, forgot-password answering at once:", measure(app, args.rounds, "/forgot-password"))
        print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")


if __name__ == "__main__":
    main()
