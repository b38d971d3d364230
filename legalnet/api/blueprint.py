"""The API blueprint and the pattern every operation follows: who may call it (`allowed`, `public`), the
checks before anything is loaded (`before_api_call`: token, role, query string), loading what a path names
only when the user may see it (`with_request`, `with_offer`, `with_firm`), and one commit per operation
(`perform` runs a service and commits, or answers its domain error as a problem; a read commits the token's
last use after the view)."""

import re
from functools import wraps

from flask import current_app, g, request
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.exceptions import MethodNotAllowed

from legalnet.api.auth import bearer_value, rate_limit_key, rate_limit_value
from legalnet.api.framework import Blueprint, api_document
from legalnet.api.problems import ApiProblem, fail, from_domain_error, problem, unauthorized
from legalnet.api.reference import code_spans
from legalnet.core.errors import DomainError
from legalnet.extensions import csrf, db, limiter
from legalnet.firms.models import Firm
from legalnet.intake.models import LegalRequest
from legalnet.referrals import access
from legalnet.referrals.models import Offer

bp = Blueprint("api", __name__, url_prefix="/api/v1", description="The JSON API.")
# The API authenticates with bearer tokens, never cookies, so a forged cross-site request has nothing to ride on.
csrf.exempt(bp)
# One bucket per token for the whole API, so that spreading calls over endpoints does not multiply the limit.
limiter.shared_limit(rate_limit_value, scope="api", key_func=rate_limit_key)(bp)
bp.add_app_template_filter(code_spans, "code_spans")

RULE_PARAMETER_RE = re.compile(r"<(?:\w+:)?(\w+)>")


# ------------------------------------------------------------------------------------------ the pattern


def allowed(*roles):
    """Who may call the operation: any signed-in token when no roles are given (put right under `bp.route`)."""

    def decorator(view):
        view.api_roles = roles
        return view

    return decorator


def public(view):
    """An operation without a token (put right under `bp.route`)."""
    view.api_public = True
    return view


def documented_query_parameters() -> dict[tuple[str, str], set[str]]:
    """(method, path) -> the query parameters the OpenAPI document names for that operation."""
    cache = current_app.extensions.setdefault("legalnet-api-query", {})
    if not cache:
        for path, methods in api_document(current_app)["paths"].items():
            for method, op in methods.items():
                cache[(method.upper(), path)] = {p["name"] for p in op.get("parameters", []) if p["in"] == "query"}
    return cache


@bp.before_request
def before_api_call():
    """Check the token, the role and the query string before the view loads anything."""
    view = current_app.view_functions.get(request.endpoint)
    # The token settings pages share the blueprint's name but are pages under /account/; OPTIONS only says
    # which methods a path has.
    if (getattr(view, "api_public", False) or not request.path.startswith(bp.url_prefix)
            or request.method == "OPTIONS"):
        return
    if not current_user.is_authenticated:
        unauthorized("The API token is invalid, revoked, or its account is disabled." if bearer_value() else None)
    roles = getattr(view, "api_roles", ())
    if roles and current_user.role not in roles:
        fail(403)
    path = RULE_PARAMETER_RE.sub(r"{\1}", request.url_rule.rule.removeprefix(bp.url_prefix))
    method = "GET" if request.method == "HEAD" else request.method
    known = documented_query_parameters().get((method, path), set())
    unknown = sorted(set(request.args) - known)
    if unknown:
        fail(422, _("Unknown query parameter: %(names)s.", names=", ".join(unknown)),
             {name: [_("This operation has no such parameter.")] for name in unknown})


@bp.after_request
def commit_token_use(response):
    """A call that wrote nothing commits the token's last use; a write committed it with its own work."""
    if response.status_code < 400 and not g.get("api_committed") and request.path.startswith(bp.url_prefix):
        db.session.commit()
    return response


def commit() -> None:
    """Commit the operation's work, with the token's last use, once."""
    g.api_committed = True
    db.session.commit()


def refused(error: DomainError, field: str = "body"):
    """Roll back a refused operation and stop with its problem."""
    db.session.rollback()
    raise ApiProblem(from_domain_error(error, field))


def perform(service, *args, field: str = "body", **kwargs):
    """Run a service for the operation and commit once; a domain error rolls back and answers as a problem
    naming `field`. Returns what the service returned."""
    try:
        result = service(*args, **kwargs)
    except DomainError as error:
        refused(error, field)
    commit()
    return result


def loads(model, parameter: str, argument: str, may_see=None):
    """A decorator passing the `model` row named by the path's `parameter` to the view as `argument` when
    `may_see(user, row)` holds (or no check is given); 404 for any other, so ids reveal nothing."""

    def decorator(view):
        @wraps(view)
        def loaded(*args, **kwargs):
            row = db.session.get(model, kwargs.pop(parameter))
            if row is None or (may_see is not None and not may_see(current_user, row)):
                fail(404)
            return view(*args, **{argument: row}, **kwargs)

        return loaded

    return decorator


# The request the user may see (its client and staff; an accepting firm once it is a case), an offer made to
# the user's firm, and a firm of any status (for staff operations, whose role check comes first).
with_request = loads(LegalRequest, "request_id", "req", access.can_see_request)
with_offer = loads(Offer, "offer_id", "offer", access.can_view_offer)
with_firm = loads(Firm, "firm_id", "firm")


def has_operation_shaped_like(path: str, method: str) -> bool:
    """Whether an API operation of `method` has this path's shape, whatever the values in it."""
    for rule in current_app.url_map.iter_rules():
        if method in (rule.methods or ()) and rule.rule.startswith(bp.url_prefix):
            shape = RULE_PARAMETER_RE.sub("\x00", rule.rule)
            pattern = "[^/]+".join(re.escape(part) for part in shape.split("\x00"))
            if re.fullmatch(pattern, path):
                return True
    return False


@bp.after_app_request
def allow_header_on_405(response):
    """Say which methods an API path accepts when it refused one (the shared error page drops the header).

    Werkzeug answers 405 when the operation of this method refused a value of the path (an id out of range)
    and another method of the same path did not get that far; that is a 404: no such object."""
    error = request.routing_exception
    if (response.status_code == 405 and request.path.startswith("/api/") and isinstance(error, MethodNotAllowed)
            and error.valid_methods):
        if has_operation_shaped_like(request.path, request.method):
            return problem(404)
        if "Allow" not in response.headers:
            response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
    return response
