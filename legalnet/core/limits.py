"""Where Flask-Limiter looks at a request: only where a limit can apply."""

from flask import Flask, request
from flask_limiter import Limiter

# Settings that give every request a limit; with any of them, Flask-Limiter checks every request.
APP_WIDE_LIMITS = ("RATELIMIT_DEFAULT", "RATELIMIT_APPLICATION", "RATELIMIT_META")
# The blueprints that carry a limit shared by their routes (the API's per-token limit).
LIMITED_BLUEPRINTS = frozenset({"api"})


def limit_requests_of_limited_blueprints_only(app: Flask, limiter: Limiter) -> None:
    """Run Flask-Limiter's before-request check only for the blueprints with a shared limit, when no app-wide
    limit is set. That check resolves the limits of the view on every request (about a tenth of a millisecond);
    a route decorated with `limiter.limit` checks its own limit when it is called, so pages lose nothing."""
    if any(app.config.get(key) for key in APP_WIDE_LIMITS):
        return
    hooks = app.before_request_funcs[None]
    check = limiter._check_request_limit

    def check_blueprint_limits():
        if request.blueprint in LIMITED_BLUEPRINTS:
            return check()
        return None

    # In the same place among the hooks: before the signed-in user or the API token is looked up.
    hooks[hooks.index(check)] = check_blueprint_limits
