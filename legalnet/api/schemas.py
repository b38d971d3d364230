"""The shapes of the API: validation of request bodies and query strings (plain functions that collect
errors per field) and the JSON representations of the objects the API returns."""

import base64
import binascii
import re
from datetime import UTC, date, datetime

from flask import request
from flask_babel import format_decimal
from flask_babel import gettext as _

from legalnet.api.problems import ApiProblem, fail
from legalnet.core.security import check_json_body
from legalnet.firms.services import STAFF_ACTIONS
from legalnet.intake.forms import CURRENCIES, DESCRIPTION_MAX
from legalnet.intake.models import Outcome, RequestStatus, Urgency
from legalnet.intake.services import RequestInput
from legalnet.referrals.models import OfferStatus

KINDS = ("jurisdictions", "practice_areas", "languages")
LOCALES = {"en": "en", "zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant"}
# The largest id the database's integer columns hold; bigger numbers cannot name anything.
MAX_ID = 2**31 - 1
DEFAULT_LIMIT, MAX_LIMIT = 20, 100
# Limits of the intake form, so that the API accepts exactly what the page accepts.
TITLE_MAX, TERM_MAX, TERMS_MAX, COUNTERPARTIES_MAX, COUNTERPARTY_MAX = 200, 200, 20, 100, 300
BUDGET_MAX = 10**9
TEXT_MAX = 10000
REASON_MAX = 2000
CASE_STATUSES = ("in_progress", "on_hold")
OFFER_FILTERS = tuple(s.value for s in OfferStatus)
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


class Errors(dict):
    """Messages by field, filled while validating."""

    def add(self, field: str, message: str) -> None:
        """Record one message for a field."""
        self.setdefault(field, []).append(str(message))

    def raise_if_any(self) -> None:
        """Stop with 422 and the collected field errors."""
        if self:
            fail(422, _("Some fields are not valid."), dict(self))


# ------------------------------------------------------------------------------------------ primitives


def json_body() -> dict:
    """The request's JSON object; 415/400/422 problems for a missing, malformed or non-object body."""
    if not request.is_json:
        fail(422, _("Send a JSON object with Content-Type: application/json."),
             {"body": [_("Expected a JSON object.")]})
    # Too large, not UTF-8 or nested too deeply: 413 / 400 before parsing. NUL characters are left to the
    # field checks below, which name the field.
    refused = check_json_body(refuse_nul=False)
    if refused is not None:
        raise ApiProblem(refused)
    data = request.get_json(silent=True)
    if data is None:
        try:
            request.get_data().decode("utf-8")
        except UnicodeDecodeError as error:
            fail(422, _("The body is not valid UTF-8 (byte %(n)d cannot be read): send JSON encoded as UTF-8.",
                        n=error.start + 1), {"body": [_("Expected a JSON object.")]})
    if not isinstance(data, dict):
        fail(422, _("The body is not a JSON object."), {"body": [_("Expected a JSON object.")]})
    return data


def kind_of(value) -> str:
    """How a JSON value of the wrong type is named in messages."""
    if isinstance(value, bool):
        return _("true or false")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("an object")
    return _("text")


def text_problem(value: str) -> str | None:
    """Why the database cannot store the text (a NUL character, a lone surrogate escape), or None."""
    if "\x00" in value:
        return _("Text may not contain the NUL character (\\u0000).")
    if _clean(value) is None:
        return _("Text may not contain a lone surrogate escape such as \\ud800.")
    return None


def _clean(value: str) -> str | None:
    """The text if the database can store it (no NUL, valid UTF-8), else None."""
    if "\x00" in value:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return value


def text(data: dict, field: str, errors: Errors, *, required: bool = False, max_length: int = TEXT_MAX,
         default: str = "") -> str:
    """A string field, trimmed; required fields may not be blank."""
    value = data.get(field)
    if value is None:
        if required:
            errors.add(field, _("This field is required."))
        return default
    if not isinstance(value, str):
        errors.add(field, _("Expected text, got %(kind)s.", kind=kind_of(value)))
        return default
    if text_problem(value):
        errors.add(field, text_problem(value))
        return default
    value = value.strip()
    if required and not value:
        errors.add(field, _("This field is required."))
    elif len(value) > max_length:
        errors.add(field, _("At most %(n)d characters.", n=max_length))
    return value


def text_list(data: dict, field: str, errors: Errors, *, max_items: int, max_length: int) -> list[str]:
    """A list of strings; blank items are dropped and duplicates kept once."""
    value = data.get(field)
    if value is None:
        return []
    if not isinstance(value, list):
        errors.add(field, _("Expected a list of strings, got %(kind)s.", kind=kind_of(value)))
        return []
    if len(value) > max_items:
        errors.add(field, _("At most %(n)d items.", n=max_items))
        return []
    items: list[str] = []
    for item in value:
        if not isinstance(item, str):
            errors.add(field, _("Expected a list of strings, got %(kind)s in it.", kind=kind_of(item)))
            return []
        if text_problem(item):
            errors.add(field, text_problem(item))
            return []
        item = item.strip()
        if len(item) > max_length:
            errors.add(field, _("Each item has at most %(n)d characters.", n=max_length))
            return []
        if item and item not in items:
            items.append(item)
    return items


def integer(data: dict, field: str, errors: Errors, *, minimum: int, maximum: int, required: bool = False):
    """A whole number within bounds (booleans are not numbers here)."""
    value = data.get(field)
    if value is None:
        if required:
            errors.add(field, _("This field is required."))
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        errors.add(field, _("Expected a whole number."))
        return None
    if not minimum <= value <= maximum:
        errors.add(field, _("Expected a number from %(a)d to %(b)d.", a=minimum, b=maximum))
        return None
    return value


def choice(data: dict, field: str, errors: Errors, options, *, required: bool = False, default=None):
    """One of a fixed set of strings."""
    value = data.get(field)
    if value is None:
        if required:
            errors.add(field, _("This field is required."))
        return default
    if not isinstance(value, str) or value not in options:
        errors.add(field, _("Expected one of: %(options)s.", options=", ".join(options)))
        return default
    return value


def boolean(data: dict, field: str, errors: Errors, *, default: bool = False) -> bool:
    """A true/false field."""
    value = data.get(field)
    if value is None:
        return default
    if not isinstance(value, bool):
        errors.add(field, _("Expected true or false."))
        return default
    return value


def iso_date(data: dict, field: str, errors: Errors) -> date | None:
    """A date written YYYY-MM-DD."""
    value = data.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        errors.add(field, _("Expected a date as YYYY-MM-DD."))
        return None
    try:
        if not DATE_RE.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        errors.add(field, _("Expected a date as YYYY-MM-DD."))
        return None


# --------------------------------------------------------------------------------------- query strings


def query_choice(name: str, options, errors: Errors) -> str:
    """A query parameter that must be one of `options` when given."""
    value = request.args.get(name, "")
    if value and value not in options:
        errors.add(name, _("Expected one of: %(options)s.", options=", ".join(options)))
        return ""
    return value


def query_text(name: str, errors: Errors, max_length: int = 200) -> str:
    """A free-text query parameter."""
    value = request.args.get(name, "")
    if _clean(value) is None or len(value) > max_length:
        errors.add(name, _("At most %(n)d characters of text.", n=max_length))
        return ""
    return value.strip()


def encode_cursor(kind: str, value: int) -> str:
    """An opaque cursor: where the next page starts."""
    return base64.urlsafe_b64encode(f"{kind}:{value}".encode()).decode().rstrip("=")


def page_params(errors: Errors, kind: str) -> tuple[int, int | None]:
    """`limit` (1-100, default 20) and the decoded `cursor` of a list call."""
    limit = DEFAULT_LIMIT
    raw_limit = request.args.get("limit")
    if raw_limit is not None:
        if not raw_limit.isascii() or not raw_limit.isdigit() or not 1 <= int(raw_limit) <= MAX_LIMIT:
            errors.add("limit", _("Expected a number from 1 to %(n)d.", n=MAX_LIMIT))
        else:
            limit = int(raw_limit)
    cursor = None
    raw = request.args.get("cursor")
    if raw:
        try:
            decoded = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)).decode()
            prefix, _sep, number = decoded.partition(":")
            if prefix != kind or not number.isascii() or not number.isdigit() or int(number) > MAX_ID:
                raise ValueError(decoded)
            cursor = int(number)
        except (ValueError, binascii.Error, UnicodeDecodeError):
            errors.add("cursor", _("This cursor is not valid; use the next_cursor of a previous page."))
    return limit, cursor


# ------------------------------------------------------------------------------------------ bodies


def description_text(data: dict, errors: Errors) -> str:
    """The description, at most DESCRIPTION_MAX characters, with the intake form's message when longer."""
    value = text(data, "description", errors, max_length=2**63)
    if len(value) > DESCRIPTION_MAX:
        errors.add("description", _("The description has %(length)s characters; the limit is %(max)s. Shorten it "
                                    "(you can share documents with the firm once it accepts).",
                                    length=format_decimal(len(value)), max=format_decimal(DESCRIPTION_MAX)))
    return value


def request_input(data: dict) -> RequestInput:
    """A new request, validated as the intake form validates it; consent to share is required."""
    errors = Errors()
    title = text(data, "title", errors, required=True, max_length=TITLE_MAX)
    description = description_text(data, errors)
    lists = {kind: text_list(data, kind, errors, max_items=TERMS_MAX, max_length=TERM_MAX) for kind in KINDS}
    counterparties = text_list(data, "counterparties", errors, max_items=COUNTERPARTIES_MAX,
                               max_length=COUNTERPARTY_MAX)
    urgency = choice(data, "urgency", errors, [u.value for u in Urgency], default=Urgency.STANDARD.value)
    budget_amount = integer(data, "budget_amount", errors, minimum=0, maximum=BUDGET_MAX)
    budget_currency = choice(data, "budget_currency", errors, CURRENCIES, default="USD")
    deadline = iso_date(data, "deadline", errors)
    consent = data.get("consent_to_share")
    if consent is not True:
        errors.add("consent_to_share",
                   _("You need to agree that the request is shared with the matched firms (true)."))
    errors.raise_if_any()
    return RequestInput(title=title, description=description, counterparties=counterparties, urgency=urgency,
                        budget_amount=budget_amount, budget_currency=budget_currency if budget_amount is not None
                        else "", deadline=deadline, consent_to_share=True, consent_channel="api", **lists)


def resolve_input(data: dict) -> dict:
    """What to resolve: a list of texts of one kind, or a request's title, description and texts."""
    errors = Errors()
    kind = choice(data, "kind", errors, KINDS)
    texts = text_list(data, "texts", errors, max_items=50, max_length=TERM_MAX)
    title = text(data, "title", errors, max_length=TITLE_MAX)
    description = description_text(data, errors)
    errors.raise_if_any()
    return {"kind": kind, "texts": texts, "title": title, "description": description}


def choice_input(data: dict) -> int | None:
    """The client's pick: a firm id of the shortlist, or None to leave the choice to the centre."""
    errors = Errors()
    firm_id = integer(data, "firm_id", errors, minimum=1, maximum=MAX_ID)
    centre = boolean(data, "centre", errors)
    if not errors:
        if centre and firm_id is not None:
            errors.add("firm_id", _("Give either firm_id or centre, not both."))
        elif not centre and firm_id is None:
            errors.add("firm_id", _("Give the id of a shortlisted firm, or \"centre\": true."))
    errors.raise_if_any()
    return firm_id


def accept_input(data: dict) -> bool:
    """The firm confirms its own conflict check."""
    errors = Errors()
    checked = boolean(data, "conflict_checked", errors)
    if not errors and not checked:
        errors.add("conflict_checked", _("Confirm that your firm has run its own conflict check (true)."))
    errors.raise_if_any()
    return checked


def reason_input(data: dict, required: bool) -> str:
    """A reason, required or optional."""
    errors = Errors()
    reason = text(data, "reason", errors, required=required, max_length=REASON_MAX)
    errors.raise_if_any()
    return reason


def message_input(data: dict) -> str:
    """The body of a message."""
    errors = Errors()
    body = text(data, "body", errors, required=True, max_length=TEXT_MAX)
    errors.raise_if_any()
    return body


def status_input(data: dict) -> str:
    """A case status the firm may set."""
    errors = Errors()
    status = choice(data, "status", errors, CASE_STATUSES, required=True)
    errors.raise_if_any()
    return status


def close_input(data: dict) -> tuple[str, str]:
    """An outcome and an optional note."""
    errors = Errors()
    outcome = choice(data, "outcome", errors, [o.value for o in Outcome], required=True)
    note = text(data, "note", errors, max_length=REASON_MAX)
    errors.raise_if_any()
    return outcome, note


def feedback_input(data: dict) -> tuple[int, str]:
    """A rating from 1 to 5 and an optional comment."""
    errors = Errors()
    rating = integer(data, "rating", errors, minimum=1, maximum=5, required=True)
    comment = text(data, "comment", errors, max_length=TEXT_MAX)
    errors.raise_if_any()
    return rating, comment


def firm_status_input(data: dict) -> tuple[str, str, date | None]:
    """A membership action by staff, its reason and, for renewals, an optional new renewal date."""
    errors = Errors()
    action = choice(data, "action", errors, STAFF_ACTIONS, required=True)
    reason = text(data, "reason", errors, max_length=REASON_MAX)
    renewal_date = iso_date(data, "renewal_date", errors)
    errors.raise_if_any()
    return action, reason, renewal_date


def token_name_input(data: dict) -> str:
    """The name of a new token."""
    errors = Errors()
    name = text(data, "name", errors, required=True, max_length=100)
    errors.raise_if_any()
    return name


# --------------------------------------------------------------------------------------- representations


def timestamp(value: datetime | None) -> str | None:
    """A stored UTC time as RFC 3339."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC, microsecond=0).isoformat().replace("+00:00", "Z")


def day(value: date | None) -> str | None:
    """A date as YYYY-MM-DD."""
    return value.isoformat() if value else None


def firm_ref(firm) -> dict:
    """A firm by id and name."""
    return {"id": firm.id, "name": firm.name}


def public_firm(firm, detail: bool = False) -> dict:
    """A member firm's public profile, as the directory shows it."""
    data = {
        "id": firm.id, "name": firm.name, "local_name": firm.local_name, "country": firm.country,
        "website": firm.website, "jurisdictions": firm.jurisdiction_codes,
        "practice_areas": firm.practice_area_codes, "languages": firm.language_codes,
        "offices": [{"city": o.city, "jurisdiction": o.jurisdiction, "address": o.address} for o in firm.offices],
    }
    if detail:
        data["description"] = firm.description
        data["lawyers"] = [
            {"name": lawyer.name, "title": lawyer.title,
             "bar_admissions": [{"jurisdiction": a.jurisdiction, "admitted_year": a.admitted_year}
                                for a in lawyer.bar_admissions]}
            for lawyer in firm.lawyers
        ]
    return data


def staff_firm(firm) -> dict:
    """A firm as staff see it in the member list."""
    return {
        "id": firm.id, "name": firm.name, "local_name": firm.local_name, "email": firm.email,
        "country": firm.country, "status": firm.status.value, "renewal_date": day(firm.renewal_date),
        "capacity": firm.capacity, "open_cases": firm.open_cases, "jurisdictions": firm.jurisdiction_codes,
        "practice_areas": firm.practice_area_codes, "languages": firm.language_codes,
        "created_at": timestamp(firm.created_at),
    }


def request_summary(req) -> dict:
    """What a request asks for, as a firm sees it in an offer."""
    return {
        "id": req.id, "reference": req.reference, "title": req.title, "description": req.description,
        "jurisdictions": list(req.jurisdictions), "practice_areas": list(req.practice_areas),
        "languages": list(req.languages), "counterparties": list(req.counterparties),
        "found_counterparties": list(req.found_counterparties or []),
        "screened_counterparties": req.screened_counterparties,
        "urgency": req.urgency.value, "budget_amount": req.budget_amount, "budget_currency": req.budget_currency,
        "deadline": day(req.deadline), "organisation": req.organisation.name,
    }


def legal_request(req, user, contacts: list | None = None) -> dict:
    """A request as its client, its firm (once accepted) or staff see it."""
    data = request_summary(req)
    accepted = req.accepted_offer
    data.update({
        "status": req.status.value, "unresolved": list(req.unresolved), "left_to_centre": req.left_to_centre,
        "outcome": req.outcome.value if req.outcome else None, "created_at": timestamp(req.created_at),
        "accepted_at": timestamp(req.accepted_at), "closed_at": timestamp(req.closed_at),
        "team": [{"jurisdiction": t.get("jurisdiction"), "firm": {"id": t.get("firm_id"), "name": t.get("firm_name")}}
                 for t in req.team or []],
        # Contact details are shared both ways once a firm accepted.
        "firm": ({"id": accepted.firm.id, "name": accepted.firm.name, "email": accepted.firm.email,
                  "phone": accepted.firm.phone} if accepted else None),
        "client_contacts": [{"name": u.name, "email": u.email} for u in contacts or []],
        "offers": [],
    })
    if user.is_client or user.is_staff:
        data["offers"] = [
            {"id": o.id, "firm": firm_ref(o.firm), "status": o.status.value, "offered_at": timestamp(o.offered_at),
             "respond_by": timestamp(o.respond_by), "responded_at": timestamp(o.responded_at)}
            for o in req.offers
        ]
    return data


def match(m, choosable: set[int]) -> dict:
    """A shortlist entry with its score, reasons and the conflict screen."""
    return {
        "rank": m.rank, "firm": firm_ref(m.firm), "score": round(float(m.score), 4),
        "components": {k: round(float(v), 4) for k, v in (m.components or {}).items()},
        "reasons": list(m.reasons), "conflict": m.conflict, "conflict_with": list(m.conflict_with),
        "choosable": m.firm_id in choosable,
    }


def offer(o, with_request: bool = True) -> dict:
    """An offer as the firm sees it: the request, the deadline and the platform's conflict screen."""
    data = {
        "id": o.id, "status": o.status.value, "source": o.source.value, "offered_at": timestamp(o.offered_at),
        "respond_by": timestamp(o.respond_by), "responded_at": timestamp(o.responded_at),
        "score": o.score, "reasons": list(o.reasons), "conflict": o.conflict,
        "conflict_with": list(o.conflict_with), "request_id": o.request_id,
    }
    if with_request:
        data["request"] = request_summary(o.request)
    return data


def event(e) -> dict:
    """A timeline entry; messages carry their text."""
    return {
        "id": e.id, "kind": e.kind, "text": e.text, "created_at": timestamp(e.created_at),
        "actor": {"name": e.actor.name} if e.actor else None,
        "message": ({"id": e.message.id, "side": e.message.side, "body": e.message.body} if e.message else None),
    }


def page(items: list, next_cursor: str | None) -> dict:
    """One page of a list."""
    return {"items": items, "next_cursor": next_cursor}


STATUS_VALUES = [s.value for s in RequestStatus]
