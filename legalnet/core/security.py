"""Security headers on every response, and hostile input refused with a 4xx before any view sees it: JSON
bodies too large or nested too deeply, NUL bytes and text that is not UTF-8 in forms and query strings."""

import json
from urllib.parse import unquote_to_bytes

from flask import Flask, current_app, request
from flask_babel import gettext as _
from werkzeug.exceptions import RequestEntityTooLarge

from legalnet.core.views import error_response

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    # Scripts come from files of this site only (static/app.js); no inline script or event handler runs.
    "script-src 'self'",
    "style-src 'self'",
    # QR codes of two-factor enrolment are SVG data: images.
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# The headers every answer carries unless its view set its own.
SECURITY_HEADERS = (
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Permissions-Policy", PERMISSIONS_POLICY),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
STRICT_TRANSPORT_SECURITY = ("Strict-Transport-Security", "max-age=31536000; includeSubDomains")


def json_depth(value) -> int:
    """How deeply lists and objects nest in a parsed JSON value, counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in item)
    return deepest


def has_nul(value) -> bool:
    """Whether any key or string in a parsed JSON value holds a NUL character (written as \\u0000)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def bad_request(detail: str):
    """A 400 answer (problem+json under /api/, a page elsewhere) that says what was wrong."""
    return error_response(400, detail)


def check_json_body(refuse_nul: bool = True):
    """Refuse a JSON body over JSON_MAX_BYTES (413), not UTF-8, nested deeper than JSON_MAX_DEPTH or, unless
    `refuse_nul` is False, holding a NUL character (400)."""
    limit = int(current_app.config.get("JSON_MAX_BYTES", 1_000_000))
    # Werkzeug stops reading at this size even without a Content-Length header, and answers 413.
    request.max_content_length = limit
    if request.content_length is not None and request.content_length > limit:
        raise RequestEntityTooLarge()
    data = request.get_data(cache=True)
    if not data.strip():
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return bad_request(_("The request body is not UTF-8 text."))
    if refuse_nul and "\x00" in text:
        return bad_request(_("The request body contains a NUL character, which is not allowed."))
    max_depth = int(current_app.config.get("JSON_MAX_DEPTH", 32))
    try:
        parsed = json.loads(text)
    except RecursionError:
        return bad_request(_("The JSON body is nested more than %(n)d levels deep.", n=max_depth))
    except ValueError:
        return None  # malformed JSON: the view (or the API's own parser) answers with its 400
    if json_depth(parsed) > max_depth:
        return bad_request(_("The JSON body is nested more than %(n)d levels deep.", n=max_depth))
    if refuse_nul and has_nul(parsed):
        return bad_request(_("The request body contains a NUL character, which is not allowed."))
    return None


def check_text_input():
    """Refuse NUL bytes and text that is not UTF-8 in the query string and in form fields."""
    try:
        unquote_to_bytes(request.query_string).decode("utf-8")
    except UnicodeDecodeError:
        return bad_request(_("The address contains text that is not UTF-8."))
    if any("\x00" in key or "\x00" in value for key, value in request.args.items(multi=True)):
        return bad_request(_("The address contains a NUL character, which is not allowed."))
    if request.method in ("POST", "PUT", "PATCH") and request.mimetype in FORM_TYPES:
        if request.mimetype == FORM_TYPES[0]:
            raw = request.get_data(cache=True, parse_form_data=False)
            try:
                unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")
            except UnicodeDecodeError:
                return bad_request(_("The form contains text that is not UTF-8. Please type it again."))
        fields = list(request.form.items(multi=True))
        # Werkzeug decodes multipart fields with replacement characters where the bytes were not UTF-8.
        if request.mimetype == FORM_TYPES[1] and any("\ufffd" in value for _key, value in fields):
            return bad_request(_("The form contains text that is not UTF-8. Please type it again."))
        if any("\x00" in key or "\x00" in value for key, value in fields):
            return bad_request(_("The form contains a NUL character, which is not allowed. Please type the text "
                                 "again."))
        names = [f.filename or "" for _key, f in request.files.items(multi=True)]
        if any("\x00" in name for name in names):
            return bad_request(_("A file name contains a NUL character, which is not allowed."))
    return None


def set_security_headers(response):
    """The headers every page and API answer carries (a view may set its own of any of them)."""
    headers = response.headers
    # One pass over the headers already set, rather than one per header added.
    present = {name.lower() for name in headers.keys()}
    wanted = SECURITY_HEADERS
    if current_app.config.get("ENV_NAME") == "production":
        wanted = (*wanted, STRICT_TRANSPORT_SECURITY)
    for name, value in wanted:
        if name.lower() not in present:
            headers.add(name, value)
    return response


def check_input():
    """The answer to hostile input in this request, or None when it may go on."""
    if request.method in ("POST", "PUT", "PATCH") and (request.is_json or (
            request.path.startswith("/api/") and request.mimetype not in FORM_TYPES)):
        return check_json_body() or check_text_input()
    return check_text_input()


def check_page_input():
    """Input checks of pages, before any other hook; the API checks its JSON body where it reads it
    (`api.schemas.json_body`), after the token and the object are checked, so a caller learns nothing else
    first."""
    if request.path.startswith("/api/"):
        return None
    return check_input()


def register_security(app: Flask) -> None:
    """Install the input checks (first of all before-request hooks) and the response headers."""
    app.before_request_funcs.setdefault(None, []).insert(0, check_page_input)
    app.after_request(set_security_headers)
