"""Flask-Limiter's per-request check runs only where a limit can apply, and every limit still holds."""

import pytest
from flask import Blueprint, Flask, request
from flask_limiter import Limiter

from legalnet.core.limits import check_only_where_limits_apply


def limited_app(limiter_defaults=(), **config) -> Flask:
    """A small app with its own limiter: a plain route, a decorated route and blueprints with a shared limit."""
    app = Flask(__name__)
    app.config.update(RATELIMIT_STORAGE_URI="memory://", **config)
    limiter = Limiter(key_func=lambda: "one caller", default_limits=list(limiter_defaults))
    # Flask-Limiter asks its request filters on every check it makes: this one counts the checks.
    app.limiter_checks = []
    limiter.request_filter(lambda: app.limiter_checks.append(request.path) and False)
    limiter.init_app(app)
    check_only_where_limits_apply(app, limiter)

    # Flask-Limiter tells views apart by their qualified names: each needs its own function.
    def plain():
        return "ok"

    @limiter.limit("2 per minute")
    def decorated():
        return "ok"

    def thing():
        return "ok"

    def report():
        return "ok"

    app.add_url_rule("/plain", "plain", plain)
    app.add_url_rule("/decorated", "decorated", decorated)
    api = Blueprint("api", __name__)
    api.add_url_rule("/api/thing", "thing", thing)
    limiter.limit("2 per minute")(api)
    app.register_blueprint(api)
    # A second blueprint, limited after the app has started.
    staff = Blueprint("staff", __name__)
    staff.add_url_rule("/staff/report", "report", report)
    app.register_blueprint(staff)
    limiter.limit("2 per minute")(staff)
    return app


def statuses(app: Flask, path: str, times: int = 3) -> list[int]:
    """The status codes of `times` GET requests to `path`, one after the other."""
    client = app.test_client()
    return [client.get(path).status_code for _ in range(times)]


def test_decorated_routes_and_limited_blueprints_keep_their_limits():
    app = limited_app()
    assert statuses(app, "/decorated") == [200, 200, 429]
    assert statuses(app, "/api/thing") == [200, 200, 429]
    assert statuses(app, "/staff/report") == [200, 200, 429]
    assert statuses(app, "/plain", 5) == [200] * 5


def test_a_route_without_a_limit_is_not_checked():
    app = limited_app()
    statuses(app, "/plain")
    assert app.limiter_checks == []
    statuses(app, "/api/thing", 1)
    assert app.limiter_checks == ["/api/thing"]


@pytest.mark.parametrize("setting", ["RATELIMIT_DEFAULT", "RATELIMIT_APPLICATION"])
def test_an_app_wide_limit_still_reaches_every_route(setting):
    app = limited_app(**{setting: "2 per minute"})
    assert statuses(app, "/plain") == [200, 200, 429]


def test_a_default_limit_given_to_the_limiter_itself_reaches_every_route():
    app = limited_app(limiter_defaults=["2 per minute"])
    assert statuses(app, "/plain") == [200, 200, 429]
