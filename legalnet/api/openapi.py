"""The OpenAPI 3.1 document of the API, built from plain Python dicts, and the list of operations the
docs page renders. Keep it true to views.py: tests fuzz the API against it."""

from copy import deepcopy

from legalnet.api import schemas
from legalnet.firms.models import FirmStatus
from legalnet.firms.services import STAFF_ACTIONS
from legalnet.intake.forms import CURRENCIES
from legalnet.intake.models import Outcome, RequestStatus, Urgency
from legalnet.referrals.models import OfferSource, OfferStatus

PROBLEM = "application/problem+json"


def ref(name: str) -> dict:
    """A reference to a component schema."""
    return {"$ref": f"#/components/schemas/{name}"}


def string(max_length: int | None = None, **extra) -> dict:
    """A string schema."""
    schema = {"type": "string", **extra}
    if max_length:
        schema["maxLength"] = max_length
    return schema


def nullable(schema: dict) -> dict:
    """The schema or null."""
    return {"anyOf": [schema, {"type": "null"}]}


def obj(properties: dict, required=None, additional: bool = True) -> dict:
    """An object schema; responses list every property as required."""
    schema = {"type": "object", "properties": properties, "required": list(required or properties)}
    if not additional:
        schema["additionalProperties"] = False
    return schema


def array(items: dict, **extra) -> dict:
    """An array schema."""
    return {"type": "array", "items": items, **extra}


def page_of(name: str) -> dict:
    """A page of a list: the items and the cursor of the next page (null on the last)."""
    return obj({"items": array(ref(name)), "next_cursor": nullable(string())})


ID = {"type": "integer", "minimum": 1, "maximum": schemas.MAX_ID}
CODES = array(string())
TIMESTAMP = string(format="date-time")
DATE = string(format="date")
TERMS = array(string(schemas.TERM_MAX), maxItems=schemas.TERMS_MAX)
# Required text must have something besides spaces: the API trims it, as the pages do.
NOT_BLANK = r"\S"


def component_schemas() -> dict:
    """Every schema the operations refer to."""
    firm_ref = obj({"id": {"type": "integer"}, "name": string()})
    office = obj({"city": string(), "jurisdiction": string(), "address": string()})
    public_firm_fields = {
        "id": {"type": "integer"}, "name": string(), "local_name": nullable(string()), "country": string(),
        "website": string(), "jurisdictions": CODES, "practice_areas": CODES, "languages": CODES,
        "offices": array(office),
    }
    lawyer = obj({"name": string(), "title": string(), "bar_admissions": array(obj({
        "jurisdiction": string(), "admitted_year": nullable({"type": "integer"})}))})
    request_summary = {
        "id": {"type": "integer"}, "reference": nullable(string()), "title": string(), "description": string(),
        "jurisdictions": CODES, "practice_areas": CODES, "languages": CODES, "counterparties": array(string()),
        "found_counterparties": array(string(), description="Parties named in the title or description."),
        "screened_counterparties": array(string(), description="Every name the conflict screen compared: the "
                                         "counterparties given and those found in the text."),
        "urgency": string(enum=[u.value for u in Urgency]), "budget_amount": nullable({"type": "integer"}),
        "budget_currency": string(), "deadline": nullable(DATE), "organisation": string(),
    }
    offer_brief = obj({"id": {"type": "integer"}, "firm": ref("FirmRef"),
                       "status": string(enum=[s.value for s in OfferStatus]), "offered_at": TIMESTAMP,
                       "respond_by": TIMESTAMP, "responded_at": nullable(TIMESTAMP)})
    legal_request = obj({
        **request_summary,
        "status": string(enum=[s.value for s in RequestStatus]), "unresolved": array(string()),
        "left_to_centre": {"type": "boolean"}, "outcome": nullable(string(enum=[o.value for o in Outcome])),
        "created_at": TIMESTAMP, "accepted_at": nullable(TIMESTAMP), "closed_at": nullable(TIMESTAMP),
        "team": array(ref("TeamMember")),
        "firm": nullable(obj({"id": {"type": "integer"}, "name": string(), "email": string(), "phone": string()})),
        "client_contacts": array(obj({"name": string(), "email": string()})),
        "offers": array(offer_brief),
    })
    score = {"type": "number", "minimum": 0, "maximum": 1}
    return {
        "Problem": {
            "type": "object",
            "description": "An error (RFC 9457). `errors` lists messages by field for validation errors.",
            "properties": {"type": string(), "status": {"type": "integer"}, "title": string(), "detail": string(),
                           "errors": {"type": "object", "additionalProperties": array(string())}},
            "required": ["type", "status", "title", "detail"],
        },
        "FirmRef": firm_ref,
        "TeamMember": obj({"jurisdiction": nullable(string()), "firm": obj({
            "id": nullable({"type": "integer"}), "name": nullable(string())})}),
        "Me": obj({"id": {"type": "integer"}, "email": string(), "name": string(), "role": string(),
                   "organisation": nullable(obj({"id": {"type": "integer"}, "name": string()})),
                   "firm": nullable(ref("FirmRef"))}),
        "Vocabulary": obj({"kind": string(enum=list(schemas.KINDS)), "items": array(obj({
            "code": string(), "labels": obj({name: string() for name in schemas.LOCALES}),
            "taught_aliases": array(string(), description="Aliases centre staff mapped to this code.")}))}),
        "ResolveInput": {
            "type": "object",
            "description": "With `kind`, `texts` are read as terms of that kind; without it, `texts`, `title` and "
                           "`description` are read as prose.",
            "properties": {"kind": nullable(string(enum=list(schemas.KINDS))),
                           "texts": nullable(array(string(schemas.TERM_MAX), maxItems=50)),
                           "title": nullable(string(schemas.TITLE_MAX)),
                           "description": nullable(string(schemas.DESCRIPTION_MAX))},
        },
        "Resolution": obj({
            "resolved": obj({kind: CODES for kind in schemas.KINDS}), "unresolved": array(string()),
            "suggestions": {"type": "object", "additionalProperties": array(string()),
                            "description": "Labels that the unresolved texts may have meant."},
            "counterparties": array(string(), description="Parties the prose names (empty with a kind)."),
            "also_mentioned": array(string(), description="Practice areas the prose touches on without being "
                                    "about them (empty with a kind).")}),
        "PublicFirm": obj(public_firm_fields),
        "PublicFirmDetail": obj({**public_firm_fields, "description": string(), "lawyers": array(lawyer)}),
        "PublicFirmPage": page_of("PublicFirm"),
        "StaffFirm": obj({
            "id": {"type": "integer"}, "name": string(), "local_name": nullable(string()), "email": string(),
            "country": string(), "status": string(enum=[s.value for s in FirmStatus]),
            "renewal_date": nullable(DATE), "capacity": {"type": "integer"}, "open_cases": {"type": "integer"},
            "jurisdictions": CODES, "practice_areas": CODES, "languages": CODES, "created_at": TIMESTAMP}),
        "StaffFirmPage": page_of("StaffFirm"),
        "RequestInput": {
            "type": "object",
            "description": "A new request. Jurisdictions, practice areas and languages may be codes or free text "
                           "in any language; `consent_to_share` must be true.",
            "properties": {
                "title": string(schemas.TITLE_MAX, pattern=NOT_BLANK),
                "description": nullable(string(schemas.DESCRIPTION_MAX)),
                "jurisdictions": nullable(TERMS), "practice_areas": nullable(TERMS), "languages": nullable(TERMS),
                "counterparties": nullable(array(string(schemas.COUNTERPARTY_MAX),
                                                 maxItems=schemas.COUNTERPARTIES_MAX)),
                "urgency": nullable(string(enum=[u.value for u in Urgency], default="standard")),
                "budget_amount": nullable({"type": "integer", "minimum": 0, "maximum": schemas.BUDGET_MAX}),
                "budget_currency": nullable(string(enum=CURRENCIES, default="USD")),
                "deadline": nullable(DATE),
                "consent_to_share": {"type": "boolean", "const": True},
            },
            "required": ["title", "consent_to_share"],
        },
        "Request": legal_request,
        "RequestPage": page_of("Request"),
        "Match": obj({"rank": {"type": "integer"}, "firm": ref("FirmRef"), "score": score,
                      "components": {"type": "object", "additionalProperties": {"type": "number"}},
                      "reasons": array(string()), "conflict": {"type": "boolean"},
                      "conflict_with": array(string()),
                      "choosable": {"type": "boolean", "description": "The client may pick this firm now."}}),
        "Matches": obj({"request_id": {"type": "integer"}, "status": string(enum=[s.value for s in RequestStatus]),
                        "items": array(ref("Match")), "team": array(ref("TeamMember"))}),
        "ChoiceInput": {
            "type": "object", "description": "Either a shortlisted `firm_id` or `centre: true`.",
            "properties": {"firm_id": nullable(ID), "centre": nullable({"type": "boolean"})},
        },
        "ChoiceResult": obj({"request": ref("Request"), "offer": nullable(obj({
            "id": {"type": "integer"}, "firm": ref("FirmRef"), "respond_by": TIMESTAMP}))}),
        "ReasonInput": {"type": "object", "properties": {"reason": nullable(string(schemas.REASON_MAX))}},
        "DeclineInput": {"type": "object", "properties": {"reason": string(schemas.REASON_MAX, pattern=NOT_BLANK)},
                         "required": ["reason"]},
        "Offer": obj({
            "id": {"type": "integer"}, "status": string(enum=[s.value for s in OfferStatus]),
            "source": string(enum=[s.value for s in OfferSource]), "offered_at": TIMESTAMP,
            "respond_by": TIMESTAMP, "responded_at": nullable(TIMESTAMP), "score": nullable({"type": "number"}),
            "reasons": array(string()), "conflict": {"type": "boolean"}, "conflict_with": array(string()),
            "request_id": {"type": "integer"}, "request": obj(request_summary)}),
        "OfferPage": page_of("Offer"),
        "AcceptInput": {"type": "object", "properties": {"conflict_checked": {"type": "boolean", "const": True}},
                        "required": ["conflict_checked"]},
        "Event": obj({"id": {"type": "integer"}, "kind": string(), "text": string(), "created_at": TIMESTAMP,
                      "actor": nullable(obj({"name": string()})),
                      "message": nullable(obj({"id": {"type": "integer"}, "side": string(), "body": string()}))}),
        "EventPage": page_of("Event"),
        "MessageInput": {"type": "object", "properties": {"body": string(schemas.TEXT_MAX, pattern=NOT_BLANK)},
                         "required": ["body"]},
        "Message": obj({"id": {"type": "integer"}, "side": string(), "body": string(), "created_at": TIMESTAMP}),
        "StatusInput": {"type": "object", "properties": {"status": string(enum=list(schemas.CASE_STATUSES))},
                        "required": ["status"]},
        "CloseInput": {"type": "object", "properties": {"outcome": string(enum=[o.value for o in Outcome]),
                                                         "note": nullable(string(schemas.REASON_MAX))},
                       "required": ["outcome"]},
        "FeedbackInput": {"type": "object", "properties": {"rating": {"type": "integer", "minimum": 1, "maximum": 5},
                                                            "comment": nullable(string(schemas.TEXT_MAX))},
                          "required": ["rating"]},
        "Feedback": obj({"rating": {"type": "integer"}, "comment": string(), "created_at": TIMESTAMP}),
        "FirmStatusInput": {
            "type": "object",
            "description": "A membership decision; reject, suspend and withdraw need a reason.",
            "properties": {"action": string(enum=list(STAFF_ACTIONS)),
                           "reason": nullable(string(schemas.REASON_MAX)), "renewal_date": nullable(DATE)},
            "required": ["action"],
        },
    }


def problem_response(description: str, headers: dict | None = None) -> dict:
    """A problem+json response."""
    response = {"description": description, "content": {PROBLEM: {"schema": ref("Problem")}}}
    if headers:
        response["headers"] = headers
    return response


def common_responses() -> dict:
    """The error responses every operation shares."""
    return {
        "BadRequest": problem_response(
            "The request cannot be read: a NUL character or text that is not UTF-8, or a JSON body nested too "
            "deeply."),
        "TooLarge": problem_response("The body is larger than the API accepts (JSON_MAX_BYTES, 1 MB by default)."),
        "Unauthorized": problem_response(
            "The bearer token is missing, invalid or revoked, or its account is disabled.",
            {"WWW-Authenticate": {"required": True, "schema": string(), "description": "Bearer challenge"}}),
        "Forbidden": problem_response("The token's role may not do this."),
        "NotFound": problem_response("No such object, or it belongs to another organisation or firm."),
        "Conflict": problem_response("The object's state does not allow this now (e.g. the offer expired)."),
        "Invalid": problem_response("The body or query is not valid; `errors` lists messages by field."),
        "TooManyRequests": problem_response(
            "Rate limit of the token exceeded.",
            {"Retry-After": {"required": True, "schema": string(), "description": "When to try again"}}),
    }


PATH_ID = {"request_id": "the request", "offer_id": "the offer", "firm_id": "the firm"}
LIMIT = {"name": "limit", "in": "query", "required": False, "description": "Items per page (1-100).",
         "schema": {"type": "integer", "minimum": 1, "maximum": schemas.MAX_LIMIT, "default": schemas.DEFAULT_LIMIT}}
CURSOR = {"name": "cursor", "in": "query", "required": False,
          "description": "Opaque; the `next_cursor` of the previous page.", "schema": string(200)}


def query(name: str, description: str, schema: dict) -> dict:
    """A query parameter."""
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def coverage_filters() -> list[dict]:
    """Directory filters by vocabulary code."""
    from legalnet.matching.vocabulary import get_vocabulary

    vocab = get_vocabulary()
    return [query("jurisdiction", "Jurisdiction code, e.g. VN.", string(enum=vocab.codes("jurisdictions"))),
            query("practice_area", "Practice-area slug.", string(enum=vocab.codes("practice_areas"))),
            query("language", "Language code.", string(enum=vocab.codes("languages")))]


# (method, path, operationId, summary, roles, extra parameters, body schema, success status, success schema,
#  extra error responses)
ANY, CLIENTS, FIRMS, STAFF = "any role", "clients", "firm members", "staff"


def operation_table() -> list[tuple]:
    """Every operation of the API."""
    paging = [LIMIT, CURSOR]
    return [
        ("get", "/me", "getMe", "Who the token acts as", ANY, [], None, 200, "Me", []),
        ("get", "/vocabulary/{kind}", "getVocabulary",
         "Codes of jurisdictions, practice areas or languages with labels in en, zh-Hans and zh-Hant", ANY,
         [{"name": "kind", "in": "path", "required": True, "schema": string(enum=list(schemas.KINDS))}],
         None, 200, "Vocabulary", ["NotFound"]),
        ("post", "/resolve", "resolve", "Read free text in any language as vocabulary codes", ANY, [],
         "ResolveInput", 200, "Resolution", ["Invalid"]),
        ("get", "/firms", "listFirms", "Directory of active member firms (public fields)", ANY,
         [*coverage_filters(), query("q", "Part of the firm's name, in any script.", string(200)), *paging],
         None, 200, "PublicFirmPage", ["Invalid"]),
        ("get", "/firms/{firm_id}", "getFirm", "Public profile of an active member firm", ANY, [], None, 200,
         "PublicFirmDetail", ["NotFound"]),
        ("post", "/requests", "createRequest", "Submit a request; it is matched at once", CLIENTS, [],
         "RequestInput", 201, "Request", ["Forbidden", "Invalid"]),
        ("get", "/requests", "listRequests",
         "Requests the user may see, newest first: the organisation's (clients), the firm's cases (firms), all "
         "(staff)", ANY, [query("status", "Only requests in this status.",
                                string(enum=schemas.STATUS_VALUES)), *paging],
         None, 200, "RequestPage", ["Invalid"]),
        ("get", "/requests/{request_id}", "getRequest", "One request", ANY, [], None, 200, "Request", ["NotFound"]),
        ("get", "/requests/{request_id}/matches", "getMatches",
         "The stored shortlist with score, reasons and conflict flag", f"{CLIENTS}, {STAFF}", [], None, 200,
         "Matches", ["Forbidden", "NotFound"]),
        ("post", "/requests/{request_id}/choice", "chooseFirm",
         "Offer the request to a shortlisted firm, or leave the choice to the centre", CLIENTS, [], "ChoiceInput",
         200, "ChoiceResult", ["Forbidden", "NotFound", "Conflict", "Invalid"]),
        ("post", "/requests/{request_id}/cancel", "cancelRequest", "Withdraw a request before a firm accepts it",
         f"{CLIENTS}, {STAFF}", [], "ReasonInput", 200, "Request", ["Forbidden", "NotFound", "Conflict", "Invalid"]),
        ("get", "/offers", "listOffers", "The firm's offers, newest first", FIRMS,
         [query("status", "Only offers in this status.", string(enum=list(schemas.OFFER_FILTERS))), *paging],
         None, 200, "OfferPage", ["Forbidden", "Invalid"]),
        ("get", "/offers/{offer_id}", "getOffer", "One offer with the request and the conflict screen", FIRMS, [],
         None, 200, "Offer", ["Forbidden", "NotFound"]),
        ("post", "/offers/{offer_id}/accept", "acceptOffer",
         "Accept after the firm's own conflict check (at most one firm per request)", FIRMS, [], "AcceptInput",
         200, "Offer", ["Forbidden", "NotFound", "Conflict", "Invalid"]),
        ("post", "/offers/{offer_id}/decline", "declineOffer", "Decline with a reason; the request cascades",
         FIRMS, [], "DeclineInput", 200, "Offer", ["Forbidden", "NotFound", "Conflict", "Invalid"]),
        ("get", "/requests/{request_id}/events", "listEvents", "The case timeline as the user may see it", ANY,
         paging, None, 200, "EventPage", ["NotFound", "Invalid"]),
        ("post", "/requests/{request_id}/messages", "postMessage", "Message the other side of the case",
         f"{CLIENTS}, {FIRMS}", [], "MessageInput", 201, "Message",
         ["Forbidden", "NotFound", "Conflict", "Invalid"]),
        ("post", "/requests/{request_id}/status", "setCaseStatus", "Mark the case in progress or on hold",
         f"{FIRMS}, {STAFF}", [], "StatusInput", 200, "Request", ["Forbidden", "NotFound", "Conflict", "Invalid"]),
        ("post", "/requests/{request_id}/close", "closeCase", "Close the case with an outcome", ANY, [],
         "CloseInput", 200, "Request", ["Forbidden", "NotFound", "Conflict", "Invalid"]),
        ("post", "/requests/{request_id}/feedback", "leaveFeedback", "Rate the firm 1-5 once the case is closed",
         CLIENTS, [], "FeedbackInput", 201, "Feedback", ["Forbidden", "NotFound", "Conflict", "Invalid"]),
        ("get", "/staff/firms", "staffListFirms", "Every firm, any status, with the member console's filters",
         STAFF, [query("status", "Membership status.", string(enum=[s.value for s in FirmStatus])),
                 coverage_filters()[0],
                 query("renewal", "Renewal overdue, or due within 30 or 90 days.",
                       string(enum=["overdue", "30", "90"])),
                 query("q", "Name, local name or e-mail contains.", string(200)), *paging],
         None, 200, "StaffFirmPage", ["Forbidden", "Invalid"]),
        ("post", "/staff/firms/{firm_id}/status", "staffChangeFirmStatus", "Decide on a membership", STAFF, [],
         "FirmStatusInput", 200, "StaffFirm", ["Forbidden", "NotFound", "Conflict", "Invalid"]),
    ]


def build_operation(entry: tuple) -> dict:
    """One operation object."""
    method, path, op_id, summary, roles, params, body, status, result, errors = entry
    parameters = [{"name": name, "in": "path", "required": True, "description": f"Id of {what}.", "schema": ID}
                  for name, what in PATH_ID.items() if "{" + name + "}" in path] + deepcopy(params)
    responses = {str(status): {"description": "Success", "content": {"application/json": {"schema": ref(result)}}}}
    for name in ["BadRequest", "Unauthorized", *errors, *(["TooLarge"] if body else []), "TooManyRequests"]:
        code = {"BadRequest": 400, "Unauthorized": 401, "Forbidden": 403, "NotFound": 404, "Conflict": 409,
                "TooLarge": 413, "Invalid": 422, "TooManyRequests": 429}[name]
        responses[str(code)] = {"$ref": f"#/components/responses/{name}"}
    if status == 201 and op_id == "createRequest":
        responses["201"]["headers"] = {"Location": {"schema": string(), "description": "URL of the new request"}}
    operation = {"operationId": op_id, "summary": summary, "description": f"Who: {roles}.",
                 "tags": [path.strip("/").split("/")[0]], "parameters": parameters, "responses": responses}
    if body:
        operation["requestBody"] = {"required": True, "content": {"application/json": {"schema": ref(body)}}}
    return operation


def build_document() -> dict:
    """The whole OpenAPI 3.1 document."""
    paths: dict[str, dict] = {}
    for entry in operation_table():
        paths.setdefault(entry[1], {})[entry[0]] = build_operation(entry)
    public = {"security": [], "tags": ["meta"], "responses": {
        "200": {"description": "Success"}, "400": {"$ref": "#/components/responses/BadRequest"},
        "429": {"$ref": "#/components/responses/TooManyRequests"}}}
    paths["/openapi.json"] = {"get": {**deepcopy(public), "operationId": "getOpenApi",
                                      "summary": "This document", "responses": {
                                          "200": {"description": "The OpenAPI document",
                                                  "content": {"application/json": {"schema": {"type": "object"}}}},
                                          "400": {"$ref": "#/components/responses/BadRequest"},
                                          "429": {"$ref": "#/components/responses/TooManyRequests"}}}}
    paths["/docs"] = {"get": {**deepcopy(public), "operationId": "getDocs", "summary": "This reference as HTML",
                              "responses": {"200": {"description": "HTML page",
                                                    "content": {"text/html": {"schema": {"type": "string"}}}},
                                            "400": {"$ref": "#/components/responses/BadRequest"},
                                            "429": {"$ref": "#/components/responses/TooManyRequests"}}}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "legalnet API", "version": "1.0.0",
            "description": "The JSON API of the GBA-ASEAN Legal Services Cooperation Centre. Authenticate with a "
                           "personal token (created at /account/tokens or with `flask tokens create`) as "
                           "`Authorization: Bearer <token>`; a token acts with its user's role and sees exactly "
                           "what the user sees. Errors are application/problem+json. Lists are paged with `limit` "
                           "and an opaque `cursor`; each token is rate-limited.",
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearerAuth": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer",
                                               "bearerFormat": "lgn_<prefix>_<secret>"}},
            "schemas": component_schemas(),
            "responses": common_responses(),
        },
    }


def resolve_ref(document: dict, value):
    """Follow a $ref inside the document."""
    while isinstance(value, dict) and "$ref" in value:
        node = document
        for part in value["$ref"].lstrip("#/").split("/"):
            node = node[part]
        value = node
    return value


def operations(document: dict) -> list[dict]:
    """The operations in document order, with references resolved one level, for the docs page."""
    result = []
    for path, methods in document["paths"].items():
        for method, op in methods.items():
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            responses = []
            for code, response in op["responses"].items():
                response = resolve_ref(document, response)
                content = response.get("content", {})
                media = next(iter(content), None)
                schema = content[media].get("schema") if media else None
                responses.append({"code": code, "description": response.get("description", ""), "media": media,
                                  "schema": schema.get("$ref", "").rsplit("/", 1)[-1] if schema else "",
                                  "headers": list(response.get("headers", {}))})
            result.append({
                "method": method.upper(), "path": path, "id": op["operationId"], "summary": op.get("summary", ""),
                "description": op.get("description", ""), "public": op.get("security") == [],
                "parameters": op.get("parameters", []),
                "body": body["$ref"].rsplit("/", 1)[-1] if body else None, "responses": responses,
            })
    return result
