"""Where Flask-Limiter looks at a request: only where a limit can apply."""

from flask import Flask, request
from flask_limiter import Limiter

# Settings that give every request a limit; with any of them, Flask-Limiter checks every request.
APP_WIDE_LIMITS = ("RATELIMIT_DEFAULT", "RATELIMIT_APPLICATION", "RATELIMIT_META")


def check_only_where_limits_apply(app: Flask, limiter: Limiter) -> None:
    """Run Flask-Limiter's before-request check only for requests that a default, application or blueprint
    limit reaches (the API's per-token limit). That check resolves the limits of the view on every request
    (about a tenth of a millisecond); a route decorated with `limiter.limit` checks its own limit when it is
    called, so pages lose nothing."""
    if any(app.config.get(key) for key in APP_WIDE_LIMITS):
        return
    hooks = app.before_request_funcs[None]
    check = limiter._check_request_limit
    manager = limiter.limit_manager

    def check_where_limits_apply():
        # Read from the limiter on each request, so that limits declared after start-up count too.
        if (manager.default_limits or manager.application_limits
                or any(manager.blueprint_limits(app, name) for name in request.blueprints)):
            return check()
        return None

    # In the same place among the hooks: before the signed-in user or the API token is looked up.
    hooks[hooks.index(check)] = check_where_limits_apply
