"""Account-wide ceilings on failed sign-ins, kept in the rate limiter's storage (Redis in production), so
every worker sees the same counts. The tight limits (per address, per account and address) are route
decorators; this ceiling counts one account's failures from every address, and when it is reached only
the right password together with a valid second factor gets through. Also the steady answer time of pages
that must not tell whether an address has an account."""

import time

from flask import current_app
from limits import parse

from legalnet.extensions import limiter

NAMESPACE = "signin-ceiling"


def _limit():
    return parse(current_app.config.get("LOGIN_ACCOUNT_CEILING", "100 per hour"))


def ceiling_reached(email: str) -> bool:
    """Whether the failures on this e-mail from all addresses reached the account-wide ceiling."""
    return not limiter.limiter.test(_limit(), NAMESPACE, email)


def count_failure(email: str) -> None:
    """Count one failed sign-in on this e-mail."""
    limiter.limiter.hit(_limit(), NAMESPACE, email)


def steady_answer(started: float) -> None:
    """Hold an answer that could tell whether an address has an account until ACCOUNT_ANSWER_SECONDS after
    `started` (time.monotonic() when the request began), so that work done only for known or only for new
    addresses (an e-mail, new rows) does not show in the time."""
    remaining = float(current_app.config.get("ACCOUNT_ANSWER_SECONDS", 0.5)) - (time.monotonic() - started)
    if remaining > 0:
        time.sleep(remaining)
