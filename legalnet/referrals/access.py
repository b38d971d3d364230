"""Who may see what of a request, decided in one place: the request page, an offer, the case and its timeline,
the quotes; and the queries that list what a user may see. The pages and the API both ask here, so that a
request is visible through one exactly when it is visible through the other.

- the client's organisation and staff see a request from its submission on;
- a firm sees the offers made to it; a firm whose offer was accepted takes part in the case (in a team case,
  each accepting firm does);
- how much of a request a firm may read is decided in disclosure.py, documents in documents/permissions.py."""

from functools import cache

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import joinedload, load_only

from legalnet.intake.models import CASE_STATUSES, LegalRequest
from legalnet.referrals.models import Audience, CaseEvent, Offer, OfferStatus
from legalnet.referrals.timeline import TimelineEntry, timeline_entries, timeline_query

NOTHING = LegalRequest.id.is_(None)


def is_client_of(user, req: LegalRequest) -> bool:
    """The user is a client of the request's organisation."""
    return bool(getattr(user, "is_authenticated", False) and user.is_client
                and user.organisation_id == req.organisation_id)


def accepted_firm_ids(req: LegalRequest) -> set[int]:
    """The firms whose offers of the request were accepted (one, or one per jurisdiction for a team)."""
    return {o.firm_id for o in req.offers if o.status == OfferStatus.ACCEPTED}


def side_of(user, req: LegalRequest) -> str | None:
    """'client', 'firm' or 'staff' when the user takes part in the request, else None."""
    if not getattr(user, "is_authenticated", False):
        return None
    if user.is_staff:
        return "staff"
    if is_client_of(user, req):
        return "client"
    if user.is_firm_member and user.firm_id is not None and user.firm_id in accepted_firm_ids(req):
        return "firm"
    return None


def can_view_request(user, req: LegalRequest) -> bool:
    """The request page: the client's organisation and staff."""
    return bool(getattr(user, "is_authenticated", False) and (user.is_staff or is_client_of(user, req)))


def can_view_case(user, req: LegalRequest) -> bool:
    """The case page: the client, each accepting firm and staff, once the request was accepted."""
    return req.status in CASE_STATUSES and side_of(user, req) is not None


def can_see_request(user, req: LegalRequest) -> bool:
    """The request through either page: its client and staff always, an accepting firm once it is a case."""
    return can_view_request(user, req) or can_view_case(user, req)


def can_view_offer(user, offer: Offer) -> bool:
    """A firm sees only the offers made to it."""
    return bool(getattr(user, "is_authenticated", False) and user.is_firm_member and user.firm_id is not None
                and offer.firm_id == user.firm_id)


def can_view_quotes(user, req: LegalRequest) -> bool:
    """The request's quotes side by side: its client and staff; a firm sees only its own, on its offer."""
    return can_view_request(user, req)


# ---------------------------------------------------------------------------------------------- queries


def visible_requests(user):
    """The requests a user may list: the organisation's for clients, the cases taken part in for firms, all
    for staff. Callers add their order and loading options."""
    stmt = select(LegalRequest)
    if not getattr(user, "is_authenticated", False):
        return stmt.where(NOTHING)
    if user.is_staff:
        return stmt
    if user.is_client:
        return stmt.where(LegalRequest.organisation_id == user.organisation_id)
    if user.is_firm_member and user.firm_id is not None:
        return stmt.join(Offer, Offer.request_id == LegalRequest.id).where(
            LegalRequest.status.in_(CASE_STATUSES), Offer.firm_id == user.firm_id,
            Offer.status == OfferStatus.ACCEPTED)
    return stmt.where(NOTHING)


def visible_cases(user):
    """The cases a user takes part in (requests a firm has accepted), as `visible_requests` sees them."""
    return visible_requests(user).where(LegalRequest.status.in_(CASE_STATUSES))


def firm_offers(user, status: OfferStatus | str | None = None):
    """The offers made to the user's firm (its inbox), optionally of one status."""
    if not getattr(user, "is_authenticated", False) or not user.is_firm_member or user.firm_id is None:
        return select(Offer).where(Offer.id.is_(None))
    stmt = select(Offer).where(Offer.firm_id == user.firm_id)
    if status:
        stmt = stmt.where(Offer.status == OfferStatus(status))
    return stmt


def firm_inbox(user, open_only: bool):
    """The offers made to the user's firm with their requests, as a statement and its parameters: the open ones
    by deadline, or all of them newest first."""
    if not getattr(user, "is_authenticated", False) or not user.is_firm_member or user.firm_id is None:
        return select(Offer).where(Offer.id.is_(None)), {}
    return inbox_statement(open_only), {"firm_id": user.firm_id}


@cache
def inbox_statement(open_only: bool):
    """The query of a firm's inbox, built once (building a statement costs more than running it)."""
    stmt = select(Offer).where(Offer.firm_id == bindparam("firm_id")).options(joinedload(Offer.request))
    if open_only:
        return stmt.where(Offer.status == OfferStatus.OFFERED).order_by(Offer.respond_by, Offer.id)
    return stmt.order_by(Offer.offered_at.desc(), Offer.id.desc())


def organisation_requests(user):
    """The requests a client lists (the organisation's, newest first), as a statement and its parameters."""
    if not getattr(user, "is_authenticated", False) or not user.is_client:
        return select(LegalRequest).where(NOTHING), {}
    return organisation_requests_statement(), {"organisation_id": user.organisation_id}


@cache
def organisation_requests_statement():
    """The query of an organisation's requests, newest first, with the columns a list shows; built once."""
    listed = load_only(LegalRequest.reference, LegalRequest.title, LegalRequest.status, LegalRequest.created_at,
                       LegalRequest.organisation_id)
    return (select(LegalRequest).where(LegalRequest.organisation_id == bindparam("organisation_id"))
            .options(listed).order_by(LegalRequest.created_at.desc(), LegalRequest.id.desc()))


def visible_events(user, req: LegalRequest) -> list[TimelineEntry]:
    """The request's timeline as the user may see it, oldest first: firm notes only to that firm, staff notes
    to staff; nothing for someone who takes no part in the request."""
    side = side_of(user, req)
    if side is None:
        return []
    return timeline_entries(events_statement(side), {"request_id": req.id, "firm_id": user.firm_id})


@cache
def events_statement(side: str):
    """The query of a request's timeline as one side sees it. Built once per side (building a statement costs
    more than running it)."""
    audiences = {"client": [Audience.PARTIES, Audience.CLIENT],
                 "staff": [Audience.PARTIES, Audience.CLIENT, Audience.STAFF]}
    if side == "firm":
        seen = (CaseEvent.audience == Audience.PARTIES) | (
            (CaseEvent.audience == Audience.FIRM) & (CaseEvent.firm_id == bindparam("firm_id")))
    else:
        # Equalities rather than IN: an IN list is expanded on every execution.
        seen = or_(*(CaseEvent.audience == audience for audience in audiences[side]))
    return timeline_query(CaseEvent.request_id == bindparam("request_id"), seen)
