"""The shapes of the API, declared once: marshmallow schemas that validate request bodies and query strings,
serialise responses and, through flask-smorest, make the OpenAPI document and the docs page."""

from flask import g
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from marshmallow import EXCLUDE, Schema, ValidationError, fields, post_load, pre_dump, validate, validates_schema

from legalnet.accounts.models import Role
from legalnet.api.fields import (
    Choice,
    Day,
    DerivedDict,
    DerivedFlag,
    DerivedList,
    DerivedNested,
    DerivedNumber,
    DerivedString,
    Description,
    Flag,
    QueryChoice,
    QueryText,
    Text,
    TextList,
    Timestamp,
    Whole,
)
from legalnet.api.pagination import MAX_ID, PageQuery, page_of
from legalnet.firms.models import FirmStatus
from legalnet.firms.services import STAFF_ACTIONS
from legalnet.intake.forms import CURRENCIES, DESCRIPTION_MAX
from legalnet.intake.models import Outcome, RequestStatus, Urgency
from legalnet.intake.services import RequestInput as IntakeInput
from legalnet.matching.vocabulary import get_vocabulary
from legalnet.referrals import offers
from legalnet.referrals.disclosure import FULL, SUMMARY, disclosure_level, request_view
from legalnet.referrals.models import OfferSource, OfferStatus
from legalnet.staff.services import RENEWAL_WINDOWS

KINDS = ("jurisdictions", "practice_areas", "languages")
LOCALES = {"en": "en", "zh-Hans": "zh_Hans", "zh-Hant": "zh_Hant"}
# Limits of the intake form, so that the API accepts exactly what the page accepts.
TITLE_MAX, TERM_MAX, TERMS_MAX, COUNTERPARTIES_MAX, COUNTERPARTY_MAX = 200, 200, 20, 100, 300
BUDGET_MAX = 10**9
TEXT_MAX = 10000
REASON_MAX = 2000
CASE_STATUSES = ("in_progress", "on_hold")
STATUS_VALUES = [s.value for s in RequestStatus]
OFFER_FILTERS = [s.value for s in OfferStatus]
CONSENT = _l("You need to agree that the request is shared with the matched firms (true).")
CONFIRM_CHECK = _l("Confirm that your firm has run its own conflict check (true).")


def codes(kind: str) -> list[str]:
    """The vocabulary's codes of one kind."""
    return get_vocabulary().codes(kind)


def enum(cls, **kwargs) -> fields.Enum:
    """An enumeration written by its values."""
    return fields.Enum(cls, by_value=True, **kwargs)


# ------------------------------------------------------------------------------------------------ inputs


class Body(Schema):
    """A JSON request body; fields it does not name are ignored."""

    class Meta:
        unknown = EXCLUDE

    def __init_subclass__(cls, **kwargs):
        # Each body's docstring describes it in the OpenAPI document (and so on the docs page).
        cls.Meta = type("Meta", (cls.Meta,), {"description": " ".join((cls.__doc__ or "").split())})
        super().__init_subclass__(**kwargs)

    @post_load
    def blank_text_for_null(self, data: dict, **kwargs) -> dict:
        """Optional text sent as null is empty text."""
        return {name: "" if value is None and isinstance(self.fields[name], Text) else value
                for name, value in data.items()}


class RequestInput(Body):
    """A new request. Jurisdictions, practice areas and languages may be codes or free text in any language;
    `consent_to_share` must be true."""

    title = Text(TITLE_MAX, required=True)
    description = Description(DESCRIPTION_MAX)
    jurisdictions = TextList(TERMS_MAX, TERM_MAX)
    practice_areas = TextList(TERMS_MAX, TERM_MAX)
    languages = TextList(TERMS_MAX, TERM_MAX)
    counterparties = TextList(COUNTERPARTIES_MAX, COUNTERPARTY_MAX)
    urgency = Choice([u.value for u in Urgency], metadata={"default": Urgency.STANDARD.value})
    budget_amount = Whole(0, BUDGET_MAX)
    budget_currency = Choice(CURRENCIES, metadata={"default": "USD"})
    deadline = Day()
    consent_to_share = Flag(required=True, validate=validate.Equal(True, error=CONSENT),
                            error_messages={"required": CONSENT, "null": CONSENT})

    @post_load
    def intake_input(self, data: dict, **kwargs) -> IntakeInput:
        """What the intake service takes, as the intake form fills it."""
        budget = data.get("budget_amount")
        return IntakeInput(
            title=data["title"], description=data.get("description") or "",
            **{kind: data.get(kind) or [] for kind in (*KINDS, "counterparties")},
            urgency=data.get("urgency") or Urgency.STANDARD.value, budget_amount=budget,
            budget_currency=(data.get("budget_currency") or "USD") if budget is not None else "",
            deadline=data.get("deadline"), consent_to_share=True, consent_channel="api")


class ResolveInput(Body):
    """With `kind`, `texts` are read as terms of that kind; without it, `texts`, `title` and `description` are
    read as prose."""

    kind = Choice(KINDS)
    texts = TextList(50, TERM_MAX)
    title = Text(TITLE_MAX)
    description = Description(DESCRIPTION_MAX)


class ChoiceInput(Body):
    """Either a shortlisted `firm_id` or `centre: true`."""

    firm_id = Whole(1, MAX_ID)
    centre = Flag(allow_none=True)

    @validates_schema
    def one_of_both(self, data: dict, **kwargs) -> None:
        """Exactly one of the two."""
        if data.get("centre") and data.get("firm_id") is not None:
            raise ValidationError(_l("Give either firm_id or centre, not both."), "firm_id")
        if not data.get("centre") and data.get("firm_id") is None:
            raise ValidationError(_l("Give the id of a shortlisted firm, or \"centre\": true."), "firm_id")


class ReasonInput(Body):
    """An optional reason."""

    reason = Text(REASON_MAX)


class DeclineInput(Body):
    """Why the firm declines."""

    reason = Text(REASON_MAX, required=True)


class AcceptInput(Body):
    """The firm confirms its own conflict check."""

    conflict_checked = Flag(required=True, validate=validate.Equal(True, error=CONFIRM_CHECK),
                            error_messages={"required": CONFIRM_CHECK, "null": CONFIRM_CHECK})


class MessageInput(Body):
    """A message to the other side of the case."""

    body = Text(TEXT_MAX, required=True)


class StatusInput(Body):
    """A case status the firm may set."""

    status = Choice(CASE_STATUSES, required=True)


class CloseInput(Body):
    """An outcome and an optional note."""

    outcome = Choice([o.value for o in Outcome], required=True)
    note = Text(REASON_MAX)


class FeedbackInput(Body):
    """A rating from 1 to 5 and an optional comment."""

    rating = Whole(1, 5, required=True)
    comment = Text(TEXT_MAX)


class FirmStatusInput(Body):
    """A membership decision; reject, suspend and withdraw need a reason."""

    action = Choice(STAFF_ACTIONS, required=True)
    reason = Text(REASON_MAX)
    renewal_date = Day()


# --------------------------------------------------------------------------------------------- queries


class FirmsQuery(PageQuery):
    """Directory filters by vocabulary code and name."""

    jurisdiction = QueryChoice(codes("jurisdictions"), metadata={"description": "Jurisdiction code, e.g. VN."})
    practice_area = QueryChoice(codes("practice_areas"), metadata={"description": "Practice-area slug."})
    language = QueryChoice(codes("languages"), metadata={"description": "Language code."})
    q = QueryText(metadata={"description": "Part of the firm's name, in any script."})


class RequestsQuery(PageQuery):
    """Requests of one status."""

    status = QueryChoice(STATUS_VALUES, metadata={"description": "Only requests in this status."})


class OffersQuery(PageQuery):
    """Offers of one status."""

    status = QueryChoice(OFFER_FILTERS, metadata={"description": "Only offers in this status."})


class StaffFirmsQuery(PageQuery):
    """The member console's filters."""

    status = QueryChoice([s.value for s in FirmStatus], metadata={"description": "Membership status."})
    jurisdiction = QueryChoice(codes("jurisdictions"), metadata={"description": "Jurisdiction code, e.g. VN."})
    renewal = QueryChoice(list(RENEWAL_WINDOWS),
                          metadata={"description": "Renewal overdue, or due within 30 or 90 days."})
    q = QueryText(metadata={"description": "Name, local name or e-mail contains."})


# ------------------------------------------------------------------------------------------------ outputs


class Problem(Schema):
    """An error (RFC 9457). `errors` lists messages by field for validation errors."""

    type = fields.String(required=True)
    status = fields.Integer(required=True)
    title = fields.String(required=True)
    detail = fields.String(required=True)
    errors = fields.Dict(keys=fields.String(), values=fields.List(fields.String()))


class FirmRef(Schema):
    """A firm by id and name."""

    id = fields.Integer(required=True)
    name = fields.String(required=True)


class RequestSummary(Schema):
    """What a request asks for, as a firm sees it in an offer."""

    id = fields.Integer(required=True)
    reference = fields.String(allow_none=True)
    title = fields.String()
    description = fields.String()
    jurisdictions = fields.List(fields.String())
    practice_areas = fields.List(fields.String())
    languages = fields.List(fields.String())
    counterparties = fields.List(fields.String())
    found_counterparties = DerivedList(fields.String(), value_of=lambda r: list(r.found_counterparties or []),
                                       metadata={"description": "Parties named in the title or description."})
    screened_counterparties = fields.List(fields.String(), metadata={
        "description": "Every name the conflict screen compared: the counterparties given and those found in "
                       "the text."})
    urgency = enum(Urgency)
    budget_amount = fields.Integer(allow_none=True)
    budget_currency = fields.String(allow_none=True)
    deadline = fields.Date(allow_none=True)
    organisation = DerivedString(value_of=lambda r: r.organisation.name)


class OfferRequest(Schema):
    """The request of an offer as the firm may read it. Until the firm accepts (after its own conflict check) it
    reads the summary the client approved and what a conflict check needs; the title, the full description, the
    client's name, the exact budget and the deadline come once it has accepted."""

    id = fields.Integer(required=True)
    reference = fields.String(allow_none=True)
    disclosure = fields.String(validate=validate.OneOf([SUMMARY, FULL]),
                               metadata={"description": "How much of the request the firm may read now."})
    summary = fields.String(metadata={"description": "The summary the client approved for firms to read."})
    jurisdictions = fields.List(fields.String())
    practice_areas = fields.List(fields.String())
    languages = fields.List(fields.String())
    counterparties = fields.List(fields.String())
    found_counterparties = fields.List(fields.String(), metadata={
        "description": "Parties named in the title or description."})
    screened_counterparties = fields.List(fields.String(), metadata={
        "description": "Every name the conflict screen compared: the counterparties given and those found in "
                       "the text."})
    urgency = enum(Urgency)
    budget_currency = fields.String(allow_none=True)
    budget_band = fields.List(fields.Integer(allow_none=True), allow_none=True, metadata={
        "description": "The budget as a band (lowest, highest; highest empty above the top band)."})
    title = fields.String(allow_none=True)
    description = fields.String(allow_none=True)
    organisation = fields.String(allow_none=True)
    budget_amount = fields.Integer(allow_none=True)
    deadline = fields.Date(allow_none=True)

    @pre_dump
    def disclosed(self, req, **_kwargs):
        """Only what the current user may read of the request (legalnet/referrals/disclosure.py)."""
        view = request_view(req, disclosure_level(current_user, req) or SUMMARY)
        return {
            "id": view.id, "reference": view.reference, "disclosure": view.level, "summary": view.summary,
            "jurisdictions": view.jurisdictions, "practice_areas": view.practice_areas, "languages": view.languages,
            "counterparties": view.counterparties, "found_counterparties": view.found_counterparties,
            "screened_counterparties": req.screened_counterparties, "urgency": req.urgency,
            "budget_currency": view.budget_currency or None,
            "budget_band": list(view.budget_band) if view.budget_band else None,
            "title": view.title, "description": view.description, "organisation": view.client,
            "budget_amount": view.budget_amount, "deadline": view.deadline,
        }


class TeamFirm(Schema):
    """The firm proposed for one jurisdiction of a team."""

    id = fields.Integer(allow_none=True)
    name = fields.String(allow_none=True)


class TeamMember(Schema):
    """One jurisdiction of a proposed team and its firm."""

    jurisdiction = fields.String(allow_none=True)
    firm = DerivedNested(TeamFirm, value_of=lambda t: {"id": t.get("firm_id"), "name": t.get("firm_name")})


class OfferBrief(Schema):
    """An offer as the client and staff see it on the request."""

    id = fields.Integer(required=True)
    firm = fields.Nested(FirmRef)
    status = enum(OfferStatus)
    offered_at = Timestamp()
    respond_by = Timestamp()
    responded_at = Timestamp(allow_none=True)


class FirmContact(Schema):
    """The accepting firm's contact details."""

    id = fields.Integer()
    name = fields.String()
    email = fields.String(allow_none=True)
    phone = fields.String(allow_none=True)


class Contact(Schema):
    """A person of the client's organisation."""

    name = fields.String()
    email = fields.String()


def accepted_firm(req):
    """The firm that accepted the request, if one did."""
    return req.accepted_offer.firm if req.accepted_offer else None


def client_contacts(req) -> list:
    """The client's people, shown to the accepting firm and staff once the request is a case; a list view loads
    them for the whole page into `g.api_client_contacts` (organisation id -> users)."""
    if not req.is_case or current_user.is_client:
        return []
    loaded = g.get("api_client_contacts")
    return loaded[req.organisation_id] if loaded is not None else offers.client_users(req)


class Request(RequestSummary):
    """A request as its client, its firm (once accepted) or staff see it. Contact details are shared both
    ways once a firm accepted; only the client and staff see the offers."""

    status = enum(RequestStatus)
    unresolved = fields.List(fields.String())
    left_to_centre = fields.Boolean()
    outcome = enum(Outcome, allow_none=True)
    created_at = Timestamp()
    accepted_at = Timestamp(allow_none=True)
    closed_at = Timestamp(allow_none=True)
    team = DerivedList(fields.Nested(TeamMember), value_of=lambda r: r.team or [])
    firm = DerivedNested(FirmContact, value_of=accepted_firm, allow_none=True)
    client_contacts = DerivedList(fields.Nested(Contact), value_of=client_contacts)
    offers = DerivedList(fields.Nested(OfferBrief),
                         value_of=lambda r: r.offers if current_user.is_client or current_user.is_staff else [])


class Match(Schema):
    """A shortlist entry with its score, reasons and the conflict screen."""

    rank = fields.Integer()
    firm = fields.Nested(FirmRef)
    score = DerivedNumber(value_of=lambda m: round(float(m.score), 4), validate=validate.Range(0, 1))
    components = DerivedDict(keys=fields.String(), values=fields.Float(),
                             value_of=lambda m: {k: round(float(v), 4) for k, v in (m.components or {}).items()})
    reasons = fields.List(fields.String())
    conflict = fields.Boolean()
    conflict_with = fields.List(fields.String())
    # The view puts the firms the client may pick now in `g.api_choosable`.
    choosable = DerivedFlag(value_of=lambda m: m.firm_id in g.get("api_choosable", ()),
                            metadata={"description": "The client may pick this firm now."})


class Matches(Schema):
    """A request's stored shortlist, best first, and its proposed team."""

    request_id = fields.Integer(attribute="id")
    status = enum(RequestStatus)
    items = fields.List(fields.Nested(Match), attribute="matches")
    team = DerivedList(fields.Nested(TeamMember), value_of=lambda r: r.team or [])


class OfferMade(Schema):
    """The offer a client's choice made."""

    id = fields.Integer()
    firm = fields.Nested(FirmRef)
    respond_by = Timestamp()


class ChoiceResult(Schema):
    """The request after the choice, and the offer it made (none when left to the centre)."""

    request = fields.Nested(Request)
    offer = fields.Nested(OfferMade, allow_none=True)


class Offer(Schema):
    """An offer as the firm sees it: the request, the deadline and the platform's conflict screen."""

    id = fields.Integer(required=True)
    status = enum(OfferStatus)
    source = enum(OfferSource)
    offered_at = Timestamp()
    respond_by = Timestamp()
    responded_at = Timestamp(allow_none=True)
    score = fields.Float(allow_none=True)
    reasons = fields.List(fields.String())
    conflict = fields.Boolean()
    conflict_with = fields.List(fields.String())
    request_id = fields.Integer()
    request = fields.Nested(OfferRequest)


class Actor(Schema):
    """Who did something on the timeline."""

    name = fields.String()


class EventMessage(Schema):
    """The message a timeline entry carries."""

    id = fields.Integer()
    side = fields.String()
    body = fields.String()


class Event(Schema):
    """A timeline entry; messages carry their text."""

    id = fields.Integer(required=True)
    kind = fields.String()
    text = fields.String()
    created_at = Timestamp()
    actor = fields.Nested(Actor, allow_none=True)
    message = fields.Nested(EventMessage, allow_none=True)


class Message(Schema):
    """A message of the case."""

    id = fields.Integer()
    side = fields.String()
    body = fields.String()
    created_at = Timestamp()


class Feedback(Schema):
    """The client's rating of the firm."""

    rating = fields.Integer()
    comment = fields.String(allow_none=True)
    created_at = Timestamp()


class Organisation(Schema):
    """A client organisation."""

    id = fields.Integer()
    name = fields.String()


class Me(Schema):
    """Who the token acts as."""

    id = fields.Integer()
    email = fields.String()
    name = fields.String()
    role = enum(Role)
    organisation = fields.Nested(Organisation, allow_none=True)
    firm = fields.Nested(FirmRef, allow_none=True)


VocabularyLabels = Schema.from_dict({name: fields.String() for name in LOCALES}, name="VocabularyLabels")


class VocabularyItem(Schema):
    """A code with its labels and the aliases staff taught it."""

    code = fields.String()
    labels = fields.Nested(VocabularyLabels)
    taught_aliases = fields.List(fields.String(), metadata={"description": "Aliases centre staff mapped to this code."})


class Vocabulary(Schema):
    """Every code of one vocabulary."""

    kind = fields.String(validate=validate.OneOf(KINDS))
    items = fields.List(fields.Nested(VocabularyItem))


Resolved = Schema.from_dict({kind: fields.List(fields.String()) for kind in KINDS}, name="Resolved")


class Resolution(Schema):
    """Free text read as vocabulary codes."""

    resolved = fields.Nested(Resolved)
    unresolved = fields.List(fields.String())
    suggestions = fields.Dict(keys=fields.String(), values=fields.List(fields.String()),
                              metadata={"description": "Labels that the unresolved texts may have meant."})
    counterparties = fields.List(fields.String(),
                                 metadata={"description": "Parties the prose names (empty with a kind)."})
    also_mentioned = fields.List(fields.String(), metadata={
        "description": "Practice areas the prose touches on without being about them (empty with a kind)."})
    set_aside_counterparties = fields.List(fields.String(), metadata={
        "description": "Parties the prose names as the client's own providers or as neutrals (its bank, the "
                       "arbitrator): not screened (empty with a kind)."})


RequestPage = page_of(Request)
OfferPage = page_of(Offer)
EventPage = page_of(Event)
