"""Errors of the API as `application/problem+json` (RFC 9457), built on the app's own error responses."""

import json

from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

from legalnet.core.errors import DomainError, InvalidTransition, NotAllowed, ValidationFailed
from legalnet.core.views import error_response

PROBLEM = "application/problem+json"

# Titles for the statuses the pages never show; the others keep the app's titles.
TITLES = {
    401: _l("Authentication required"),
    403: _l("Not allowed"),
    404: _l("Not found"),
    409: _l("Conflict with the current state"),
    422: _l("The request is not valid"),
}
DETAILS = {
    401: _l("Send a valid API token as 'Authorization: Bearer <token>'."),
    403: _l("Your account's role may not do this."),
    404: _l("There is no such object, or it is not available to you."),
}


class ApiProblem(HTTPException):
    """An HTTPException carrying a finished problem+json response; Flask returns it unchanged."""

    def __init__(self, response):
        super().__init__(response=response)


def problem(status: int, detail: str | None = None, errors: dict[str, list[str]] | None = None,
            headers: dict[str, str] | None = None):
    """A problem+json response with `status`, `title`, `detail` and, for validation, `errors`."""
    detail = str(detail or DETAILS.get(status, "")) or None
    response = error_response(status, detail)
    payload = response.get_json()
    if status in TITLES:
        payload["title"] = str(TITLES[status])
    if errors:
        payload["errors"] = {field: [str(m) for m in messages] for field, messages in errors.items()}
    response.set_data(json.dumps(payload, ensure_ascii=False))
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def fail(status: int, detail: str | None = None, errors: dict[str, list[str]] | None = None,
         headers: dict[str, str] | None = None):
    """Stop the request with a problem response."""
    raise ApiProblem(problem(status, detail, errors, headers))


def unauthorized(detail: str | None = None):
    """Stop with 401 and the challenge that tells clients to send a bearer token."""
    challenge = 'Bearer realm="legalnet"'
    if detail:
        challenge += ', error="invalid_token"'
    fail(401, detail, headers={"WWW-Authenticate": challenge})


def from_domain_error(error: DomainError, field: str = "body"):
    """The response for a refusal by a service: 409 for a state that does not allow it, 403 for a person
    who may not, 422 for input that breaks a rule (reported under `field`)."""
    if isinstance(error, InvalidTransition):
        return problem(409, str(error))
    if isinstance(error, NotAllowed):
        return problem(403, str(error))
    if isinstance(error, ValidationFailed):
        return problem(422, str(error), {field: [str(error)]})
    return problem(422, str(error), {field: [str(error)]})
