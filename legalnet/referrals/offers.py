"""Making and ending offers, and the shortlist they are made from: the pieces that single-firm referrals
(services.py), team referrals (teams.py) and quotes (quotes.py) share. Services flush and never commit.

Every operation that changes a request first takes the request's row lock (`lock_request`), so that a
firm accepting, a firm declining, the deadline sweep and staff never act on a stale picture of the same
request; the conditional UPDATEs on offers (`end_offer`) and the partial unique index are the backstops."""

import time
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager

from legalnet.accounts.models import Role, User
from legalnet.core.audit import record
from legalnet.core.errors import InvalidTransition
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.firms.models import Firm, FirmStatus
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.matching.conflicts import find_conflicts
from legalnet.matching.models import Match
from legalnet.matching.resolver import RequestResolution
from legalnet.matching.services import find_matches
from legalnet.notifications.services import firm_users, notify, page_path, staff_users
from legalnet.ops.instruments import observe_match
from legalnet.referrals.disclosure import record_disclosure
from legalnet.referrals.events import english_text, review_reason, when_text
from legalnet.referrals.models import Audience, CaseEvent, Message, Offer, OfferSource, OfferStatus
from legalnet.referrals.quote_models import Quote
from legalnet.referrals.sla import offer_times
from legalnet.referrals.states import check_transition, transition

# How many eligible firms of the shortlist the client chooses from.
CLIENT_CHOICES = 5


# ------------------------------------------------------------------------------------------------------ links


def request_link(req: LegalRequest) -> str:
    """Path of the client's page of a request."""
    return page_path("intake.detail", request_id=req.id)


def offer_link(offer: Offer) -> str:
    """Path of the firm's page of an offer."""
    return page_path("referrals.offer_detail", offer_id=offer.id)


def case_link(req: LegalRequest) -> str:
    """Path of the case page."""
    return page_path("referrals.case_detail", request_id=req.id)


def staff_link(req: LegalRequest) -> str:
    """Path of the staff page of a request."""
    return page_path("referrals.staff_request", request_id=req.id)


# -------------------------------------------------------------------------------------------------- who's who


def client_users(req: LegalRequest) -> list[User]:
    """The active client accounts of the request's organisation."""
    return list(db.session.scalars(
        select(User).where(User.organisation_id == req.organisation_id, User.role == Role.CLIENT,
                           User.disabled.is_(False))
    ))


def client_users_by_organisation(organisation_ids) -> dict[int, list[User]]:
    """The active client accounts of several organisations in one query, for lists of requests."""
    out: dict[int, list[User]] = {org_id: [] for org_id in organisation_ids}
    if out:
        for user in db.session.scalars(select(User).where(
                User.organisation_id.in_(list(out)), User.role == Role.CLIENT, User.disabled.is_(False))
                .order_by(User.id)):
            out[user.organisation_id].append(user)
    return out


# ------------------------------------------------------------------------------------------------- primitives


def add_event(req: LegalRequest, kind: str, text: str = "", actor=None, audience: Audience = Audience.PARTIES,
              firm_id: int | None = None, message: Message | None = None, params: dict | None = None) -> CaseEvent:
    """Append an entry to the request's timeline: an event of the workflow as its kind and `params` (worded
    for each reader by legalnet.referrals.events), or typed `text` such as a note."""
    if params is not None:
        # The English wording is kept too, for the audit trail and API clients that show `text`.
        text = english_text(kind, params)
    event = CaseEvent(request_id=req.id, kind=kind, text=str(text), params=dict(params or {}),
                      actor_id=getattr(actor, "id", None), audience=audience, firm_id=firm_id, message=message)
    db.session.add(event)
    return event


def lock_request(req: LegalRequest) -> LegalRequest:
    """Take the request's row lock and reload it, so that what follows sees its latest state.

    An UPDATE locks the row on PostgreSQL and takes the write lock on SQLite, which SELECT ... FOR UPDATE
    does not, so the same code serialises concurrent changes to one request on both."""
    db.session.execute(
        update(LegalRequest).where(LegalRequest.id == req.id).values(updated_at=utcnow()),
        execution_options={"synchronize_session": False},
    )
    # Everything was flushed before the UPDATE ran, so expiring loses nothing and reloads what others wrote.
    db.session.expire_all()
    return req


def bump_firm(firm_id: int, **increments) -> None:
    """Add to a firm's track-record counters in SQL, so that concurrent updates never lose a count."""
    values = {name: getattr(Firm, name) + amount for name, amount in increments.items()}
    db.session.execute(update(Firm).where(Firm.id == firm_id).values(**values),
                       execution_options={"synchronize_session": False})


def hours_between(start: datetime, end: datetime) -> float:
    """Hours from start to end, never negative."""
    return max((end - start).total_seconds() / 3600.0, 0.0)


# -------------------------------------------------------------------------------------------------- shortlist


def store_shortlist(req: LegalRequest, result) -> list[Match]:
    """Replace the request's shortlist with a matcher result, and keep its team proposal."""
    for old in list(req.matches):
        req.matches.remove(old)
    db.session.flush()
    rows = []
    for rank, m in enumerate(result.matches, start=1):
        row = Match(firm_id=m.firm.id, rank=rank, score=float(m.score), components=dict(m.components or {}),
                    reasons=[str(r) for r in m.reasons or []],
                    reason_codes=[[str(code), dict(params)] for code, params in getattr(m, "reason_codes", None) or []],
                    conflict=bool(m.conflict),
                    conflict_with=[str(c) for c in m.conflict_with or []])
        req.matches.append(row)
        rows.append(row)
    team = [{"jurisdiction": t.jurisdiction, "firm_id": t.firm.id, "firm_name": t.firm.name}
            for t in getattr(result, "team", None) or []]
    # One firm proposed for every jurisdiction is already on the shortlist: the client chooses it there.
    req.team = team if len({member["firm_id"] for member in team}) > 1 else []
    db.session.flush()
    return rows


def compute_shortlist(req: LegalRequest) -> list[Match]:
    """Run the matcher on the request's resolved terms and store the ranked shortlist."""
    resolution = RequestResolution(jurisdictions=list(req.jurisdictions), practice_areas=list(req.practice_areas),
                                   languages=list(req.languages))
    started = time.perf_counter()
    result = find_matches(resolution, req.screened_counterparties,
                          limit=int(current_app.config.get("MATCH_SHORTLIST_SIZE", 10)))
    observe_match(time.perf_counter() - started, len(result.matches))
    return store_shortlist(req, result)


def covers_every_jurisdiction(match: Match) -> bool:
    """Whether a shortlisted firm practises in every jurisdiction of the request; the matcher ranks such
    firms above those covering only part of it, whatever their scores."""
    components = match.components or {}
    if "jurisdiction" in components:
        return float(components["jurisdiction"]) >= 1.0
    return not any(code == "missing" and (params or {}).get("kind") == "jurisdictions"
                   for code, params in match.reason_codes or [])


def offered_firm_ids(req: LegalRequest) -> set[int]:
    """Firms that already had an offer of this request, whatever became of it."""
    return set(db.session.scalars(select(Offer.firm_id).where(Offer.request_id == req.id)))


def eligible_matches(req: LegalRequest) -> list[Match]:
    """Shortlist entries that may get an offer now: active, not conflicted, below capacity, not offered yet."""
    already = offered_firm_ids(req)
    rows = db.session.scalars(
        select(Match).join(Match.firm).options(contains_eager(Match.firm))
        .where(Match.request_id == req.id, Match.conflict.is_(False), Firm.status == FirmStatus.ACTIVE,
               Firm.open_cases < Firm.capacity)
        .order_by(Match.rank)
    ).all()
    return [m for m in rows if m.firm_id not in already]


@dataclass(frozen=True, slots=True)
class ListedOffer:
    """An offer as the client's request page lists it, with its firm's name and whether a quote was asked."""

    firm_id: int
    firm_name: str
    firm_is_member: bool
    status: OfferStatus
    jurisdiction: str
    lead: bool
    respond_by: datetime
    quote_asked: bool


def listed_offers(request_id: int) -> list[ListedOffer]:
    """The offers of a request, oldest first, read as plain rows: loading them as ORM objects with their firms
    and quotes cost more than the rest of the page's queries together."""
    rows = db.session.connection().execute(listed_offers_statement(), {"request_id": request_id})
    return [ListedOffer(firm_id, name, firm_status == FirmStatus.ACTIVE, status, jurisdiction or "", bool(lead),
                        respond_by, quote_id is not None)
            for firm_id, name, firm_status, status, jurisdiction, lead, respond_by, quote_id in rows]


@cache
def listed_offers_statement():
    """The statement of `listed_offers`; built once."""
    return (select(Offer.firm_id, Firm.name, Firm.status, Offer.status, Offer.jurisdiction, Offer.lead,
                   Offer.respond_by, Quote.id)
            .join(Firm, Firm.id == Offer.firm_id).outerjoin(Quote, Quote.offer_id == Offer.id)
            .where(Offer.request_id == bindparam("request_id")).order_by(Offer.id))


# ----------------------------------------------------------------------------------------------------- offers


def create_offer(req: LegalRequest, firm: Firm, source: OfferSource, actor=None, match: Match | None = None,
                 now: datetime | None = None, conflict_with: list[str] | None = None,
                 quote_asked: bool = False, on_timeline: bool = True) -> Offer:
    """Offer the request to a firm with a respond-by time, and tell the firm's users (that the client asks
    for a fee quote, when `quote_asked`)."""
    now = now or utcnow()
    if req.status != RequestStatus.REFERRED:
        transition(req, RequestStatus.REFERRED)
    respond_by, remind_at = offer_times(req, firm, now)
    offer = Offer(request_id=req.id, firm_id=firm.id, source=source, offered_at=now,
                  respond_by=respond_by, remind_at=remind_at, offered_by_id=getattr(actor, "id", None),
                  rank=match.rank if match else None, score=match.score if match else None,
                  reasons=list(match.reasons) if match else [],
                  reason_codes=list(match.reason_codes or []) if match else [],
                  conflict=bool(conflict_with), conflict_with=list(conflict_with or []))
    db.session.add(offer)
    db.session.flush()
    bump_firm(firm.id, recent_referrals=1)
    db.session.execute(update(Firm).where(Firm.id == firm.id).values(last_referred_at=now),
                       execution_options={"synchronize_session": False})
    # When the client left the choice to the centre, the centre chose: the event is not credited to the client.
    # A team part has an event of its own (teams.py), which names the part.
    if on_timeline:
        add_event(req, "offered", actor=None if source == OfferSource.CENTRE else actor, audience=Audience.CLIENT,
                  firm_id=firm.id, params={"firm": firm.name, "offer_id": offer.id, "source": source.value,
                                           "respond_by": offer.respond_by.isoformat()})
    record(actor, "offer.created", offer, f"{req.reference} offered to {firm.name} ({source.value})")
    reference, deadline = req.reference, offer.respond_by
    # The deadline is formatted per recipient, in their language and the centre's time zone. Until the firm
    # accepts, nothing of what the client wrote goes into the message (see legalnet.referrals.disclosure).
    if quote_asked:
        kind, message = "quote.requested", lambda: _(
            "Quote request %(ref)s: the client asks your firm what it would charge. Read the summary and send "
            "your quote, or decline, by %(when)s.", ref=reference, when=when_text(deadline))
    else:
        kind, message = "offer.new", lambda: _("New referral %(ref)s. Read its summary and please answer by "
                                               "%(when)s.", ref=reference, when=when_text(deadline))
    notify(firm_users(firm), kind, message, link=offer_link(offer))
    return offer


def cascade(req: LegalRequest, actor=None, now: datetime | None = None) -> Offer | None:
    """After an offer ended unanswered, offer the request to the next eligible firm of the shortlist, or
    hand it to staff (needs_review) when none is left. Nothing happens while another offer is open."""
    if req.status != RequestStatus.REFERRED or req.open_offers:
        return None
    candidates = eligible_matches(req)
    if candidates:
        match = candidates[0]
        return create_offer(req, match.firm, OfferSource.CASCADE, actor=actor, match=match, now=now)
    send_to_review(req, actor, "shortlist_exhausted")
    return None


def send_to_review(req: LegalRequest, actor, reason: str) -> None:
    """Put the request in the staff queue and tell staff; `reason` is a code of events.REVIEW_REASONS."""
    transition(req, RequestStatus.NEEDS_REVIEW)
    event = add_event(req, "needs_review", actor=actor, audience=Audience.CLIENT, params={"reason": reason})
    record(actor, "request.needs_review", req, f"{req.reference} needs review", event.text)
    reference = req.reference
    notify(staff_users(), "request.needs_review",
           lambda: _("Request %(ref)s needs the centre: %(reason)s", ref=reference, reason=review_reason(reason)),
           link=staff_link(req))


def screen_firm(req: LegalRequest, firm: Firm) -> list[str]:
    """The request's counterparties found in the firm's conflict register (from the shortlist if it is there)."""
    match = next((m for m in req.matches if m.firm_id == firm.id), None)
    if match is not None:
        return list(match.conflict_with) if match.conflict else []

    hits = find_conflicts(req.screened_counterparties, [p.name for p in firm.conflict_parties])
    return sorted({counterparty for counterparty, _name, _score in hits})


def end_offer(offer: Offer, new: OfferStatus, now: datetime, before_deadline: bool | None = None) -> None:
    """End an open offer with a conditional UPDATE, so that only one of several concurrent answers
    (accept, decline, expiry, withdrawal) ever wins; the losers get InvalidTransition."""
    check_transition(offer, new)
    conditions = [Offer.id == offer.id, Offer.status == OfferStatus.OFFERED]
    if before_deadline is True:
        conditions.append(Offer.respond_by > now)
    elif before_deadline is False:
        conditions.append(Offer.respond_by <= now)
    result = db.session.execute(
        update(Offer).where(*conditions).values(status=new, responded_at=now),
        execution_options={"synchronize_session": False},
    )
    if result.rowcount != 1:
        db.session.refresh(offer)
        if offer.status == OfferStatus.OFFERED and before_deadline is True:
            raise InvalidTransition(_l("The deadline to answer this offer has passed."))
        raise InvalidTransition(_l("This offer is no longer open: it was answered, expired or withdrawn."))
    db.session.refresh(offer)



def mark_accepted(offer: Offer, user, now: datetime, taken: str) -> None:
    """End the offer as accepted by `user` before its deadline and count it in the firm's record; when another
    firm won the race (the unique index of accepted offers), raise InvalidTransition with `taken`."""
    try:
        end_offer(offer, OfferStatus.ACCEPTED, now=now, before_deadline=True)
        offer.responded_by_id = user.id
        db.session.flush()
    except IntegrityError as error:
        raise InvalidTransition(taken) from error
    bump_firm(offer.firm_id, offers_accepted=1, open_cases=1,
              response_hours_total=hours_between(offer.offered_at, now))


def accept_single(offer: Offer, user, now: datetime) -> None:
    """A firm accepts a single-firm offer: at most one offer per request ever wins, and never after its
    deadline (the request lock, a conditional UPDATE and the one-accepted-offer index)."""
    req = lock_request(offer.request)
    check_transition(offer, OfferStatus.ACCEPTED)
    quote = getattr(offer, "quote", None)  # an offer in quote mode is accepted by the client's choice
    if quote is not None and quote.accepted_at is None:
        raise InvalidTransition(_l("The client asked your firm for a quote: send it, and the offer is accepted "
                                   "when the client accepts it."))
    if req.accepted_offer is not None:
        raise InvalidTransition(_l("Another firm has already accepted this request."))
    if req.status != RequestStatus.REFERRED:
        raise InvalidTransition(_l("This request is no longer open for acceptance."))
    mark_accepted(offer, user, now, _l("Another firm has already accepted this request."))
    transition(req, RequestStatus.ACCEPTED)
    req.accepted_at = now
    # Parallel offers of the same request (staff can make them) end here.
    for other in req.open_offers:
        if other.id != offer.id:
            end_offer(other, OfferStatus.WITHDRAWN, now=now)
            other.reason = "accepted by another firm"
            reference = req.reference
            notify(firm_users(other.firm), "offer.withdrawn",
                   lambda ref=reference: _("Request %(ref)s was accepted by another firm.", ref=ref),
                   link=offer_link(other))
    firm = offer.firm
    add_event(req, "accepted", actor=user, firm_id=firm.id, params={"firm": firm.name})
    record(user, "offer.accepted", offer, f"{req.reference} accepted by {firm.name}")
    record_disclosure(user, req, "accepted")
    reference, firm_name = req.reference, firm.name
    notify(client_users(req), "offer.accepted",
           lambda: _("%(firm)s accepted your request %(ref)s. You can now message them.", firm=firm_name,
                     ref=reference),
           link=case_link(req))
