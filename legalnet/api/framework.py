"""How the API is put together with flask-smorest: the blueprint whose body parser refuses what is not a JSON
object and reports invalid input as problem+json, the Api extension that builds the OpenAPI 3.1 document
without taking over the pages' error handlers, and the error responses the document refers to."""

from flask import request
from flask_babel import gettext as _
from flask_smorest import Api as SmorestApi
from flask_smorest import Blueprint as SmorestBlueprint
from webargs.flaskparser import FlaskParser

from legalnet.api.problems import PROBLEM, ApiProblem, fail
from legalnet.api.schemas import Problem
from legalnet.core.security import check_json_body
from legalnet.core.views import BoundedIntegerConverter

API_PREFIX = "/api/v1"
DESCRIPTION = (
    "The JSON API of the GBA-ASEAN Legal Services Cooperation Centre. Authenticate with a personal token (created "
    "at /account/tokens or with `flask tokens create`) as `Authorization: Bearer <token>`; a token acts with its "
    "user's role and sees exactly what the user sees. Errors are application/problem+json. Lists are paged with "
    "`limit` and an opaque `cursor`; each token is rate-limited.")

# Error responses by status: the component's name and what it means.
ERRORS = {
    400: ("BadRequest", "The request cannot be read: a NUL character or text that is not UTF-8, or a JSON body "
                        "nested too deeply."),
    401: ("Unauthorized", "The bearer token is missing, invalid or revoked, or its account is disabled."),
    403: ("Forbidden", "The token's role may not do this."),
    404: ("NotFound", "No such object, or it belongs to another organisation or firm."),
    409: ("Conflict", "The object's state does not allow this now (e.g. the offer expired)."),
    413: ("TooLarge", "The body is larger than the API accepts (JSON_MAX_BYTES, 1 MB by default)."),
    422: ("Invalid", "The body or query is not valid; `errors` lists messages by field."),
    429: ("TooManyRequests", "Rate limit of the token exceeded."),
}
ERROR_HEADERS = {
    401: {"WWW-Authenticate": {"required": True, "schema": {"type": "string"}, "description": "Bearer challenge"}},
    429: {"Retry-After": {"required": True, "schema": {"type": "string"}, "description": "When to try again"}},
}


def json_body() -> dict:
    """The request's JSON object; 413/400/422 problems for a body too large, unreadable or not an object."""
    if not request.is_json:
        fail(422, _("Send a JSON object with Content-Type: application/json."),
             {"body": [_("Expected a JSON object.")]})
    # Too large, not UTF-8 or nested too deeply: 413 / 400 before parsing. NUL characters are left to the
    # field checks, which name the field.
    refused = check_json_body(refuse_nul=False)
    if refused is not None:
        raise ApiProblem(refused)
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        fail(422, _("The body is not a JSON object."), {"body": [_("Expected a JSON object.")]})
    return data


def field_errors(messages) -> dict[str, list[str]]:
    """marshmallow's messages by location and field as the problem's `errors`: field -> messages."""
    errors: dict[str, list[str]] = {}

    def collect(field: str, value) -> None:
        if isinstance(value, dict):
            for inner in value.values():
                collect(field, inner)
        elif isinstance(value, list | tuple):
            for inner in value:
                collect(field, inner)
        else:
            errors.setdefault(field, []).append(str(value))

    for by_field in messages.values():
        for field, value in (by_field.items() if isinstance(by_field, dict) else [("body", by_field)]):
            collect("body" if field == "_schema" else str(field), value)
    return errors


class ProblemParser(FlaskParser):
    """Reads bodies with the API's own checks and answers invalid input with a problem+json 422."""

    def load_json(self, req, schema):
        """The body, which must be a JSON object."""
        return json_body()

    def handle_error(self, error, req, schema, *, error_status_code, error_headers):
        """Stop with 422 and the messages by field."""
        fail(422, _("Some fields are not valid."), field_errors(error.messages))


class Blueprint(SmorestBlueprint):
    """A flask-smorest blueprint whose arguments are parsed by `ProblemParser`."""

    ARGUMENTS_PARSER = ProblemParser()

    def errors(self, *statuses: int):
        """Document the operation's error responses (besides 400, 401 and 429, which every one has)."""

        def decorator(view):
            for status in sorted({400, 401, 429, *statuses}, reverse=True):
                view = self.alt_response(status, response=ERRORS[status][0])(view)
            return view

        return decorator


class Api(SmorestApi):
    """flask-smorest's extension, answering errors through the app's own handlers (problem+json under /api/,
    HTML pages elsewhere) instead of registering its JSON handler for every HTTP error of the app."""

    DEFAULT_ERROR_RESPONSE_NAME = None

    def _register_error_handlers(self):
        # The hook flask-smorest calls to install its handler; the app's handlers stay in charge.
        pass


def init_api(app, blueprint: Blueprint) -> Api:
    """Document and register the API blueprint on `app`; the document is served by the blueprint itself."""
    app.config.update(API_TITLE="legalnet API", API_VERSION="1.0.0", OPENAPI_VERSION="3.1.0",
                      OPENAPI_URL_PREFIX=None)
    api = Api(app, spec_kwargs={
        "info": {"description": DESCRIPTION}, "servers": [{"url": "/api/v1"}],
        "security": [{"bearerAuth": []}],
    })
    api.register_converter(BoundedIntegerConverter, lambda converter: {
        "type": "integer", "minimum": 1, "maximum": converter.max})
    api.spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer",
                                                       "bearerFormat": "lgn_<prefix>_<secret>"})
    api.spec.components.schema("Problem", schema=Problem)
    for status, (name, description) in ERRORS.items():
        response = {"description": description, "content": {PROBLEM: {"schema": "Problem"}}}
        if status in ERROR_HEADERS:
            response["headers"] = ERROR_HEADERS[status]
        api.spec.components.response(name, response)
    api.register_blueprint(blueprint)
    return api


def operations_with_path_parameters(path_item: dict) -> dict:
    """A path's operations, each listing the path's parameters itself (an operation's own one wins), so that
    every key of a path is a method."""
    shared = path_item.pop("parameters", [])
    for op in path_item.values():
        own = {(p["name"], p["in"]) for p in op.get("parameters", [])}
        op["parameters"] = [p for p in shared if (p["name"], p["in"]) not in own] + op.get("parameters", [])
    return path_item


def api_document(app) -> dict:
    """The OpenAPI document of `app`'s API, its paths relative to the server URL /api/v1."""
    cached = app.extensions.get("legalnet-api-document")
    if cached is None:
        document = app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()
        document["paths"] = {path.removeprefix(API_PREFIX): operations_with_path_parameters(ops)
                             for path, ops in document["paths"].items()}
        cached = app.extensions["legalnet-api-document"] = document
    return cached
