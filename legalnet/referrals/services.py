"""Referral and case rules: shortlists, offers with deadlines that cascade, acceptance, the case timeline,
messages, closure and feedback. Services flush and never commit; the caller commits once.

Every operation that changes a request first takes the request's row lock (`lock_request`), so that a
firm accepting, a firm declining, the deadline sweep and staff never act on a stale picture of the same
request; the conditional UPDATEs on offers and the partial unique index are the backstops."""

import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager, selectinload

from legalnet.accounts.models import Role, User
from legalnet.core.audit import record
from legalnet.core.errors import InvalidTransition, ValidationFailed
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.firms.models import Firm, FirmStatus
from legalnet.intake.models import CASE_STATUSES, LegalRequest, RequestStatus
from legalnet.matching.conflicts import find_conflicts
from legalnet.matching.models import Match
from legalnet.matching.resolver import RequestResolution
from legalnet.matching.services import find_matches
from legalnet.notifications.services import firm_users, notify, page_path, staff_users
from legalnet.ops.instruments import observe_match
from legalnet.referrals.disclosure import record_disclosure
from legalnet.referrals.events import english_text, review_reason, when_text
from legalnet.referrals.models import Audience, CaseEvent, Message, Offer, OfferSource, OfferStatus
from legalnet.referrals.sla import offer_times, reminder_due_ids  # noqa: F401
from legalnet.referrals.states import check_transition, transition

# How many eligible firms of the shortlist the client chooses from.
CLIENT_CHOICES = 5


# ---------------------------------------------------------------------------------------------- links


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


# ------------------------------------------------------------------------------------------ who's who


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


def side_of(user, req: LegalRequest) -> str | None:
    """'client', 'firm' or 'staff' when the user takes part in the request, else None."""
    if not user.is_authenticated:
        return None
    if user.is_staff:
        return "staff"
    if user.is_client and user.organisation_id == req.organisation_id:
        return "client"
    if user.is_firm_member and user.firm_id is not None:
        # A team case has one accepted firm per jurisdiction; each of them takes part.
        if any(o.status == OfferStatus.ACCEPTED and o.firm_id == user.firm_id for o in req.offers):
            return "firm"
    return None


def can_view_request(user, req: LegalRequest) -> bool:
    """Clients see their organisation's requests; staff see all."""
    return user.is_staff or (user.is_client and user.organisation_id == req.organisation_id)


def can_view_case(user, req: LegalRequest) -> bool:
    """The client, the firm that accepted the request, and staff see the case once it was accepted."""
    return req.status in CASE_STATUSES and side_of(user, req) is not None


def can_view_offer(user, offer: Offer) -> bool:
    """A firm sees only the offers made to it."""
    return user.is_firm_member and user.firm_id is not None and offer.firm_id == user.firm_id


def visible_events(user, req: LegalRequest) -> list[CaseEvent]:
    """The request's timeline as the user may see it: firm notes only to that firm, staff notes to staff."""
    side = side_of(user, req)
    stmt = select(CaseEvent).where(CaseEvent.request_id == req.id)
    if side == "client":
        stmt = stmt.where(CaseEvent.audience.in_([Audience.PARTIES, Audience.CLIENT]))
    elif side == "firm":
        stmt = stmt.where(
            (CaseEvent.audience == Audience.PARTIES)
            | ((CaseEvent.audience == Audience.FIRM) & (CaseEvent.firm_id == user.firm_id))
        )
    elif side == "staff":
        stmt = stmt.where(CaseEvent.audience.in_([Audience.PARTIES, Audience.CLIENT, Audience.STAFF]))
    else:
        return []
    stmt = stmt.options(selectinload(CaseEvent.actor), selectinload(CaseEvent.message))
    return list(db.session.scalars(stmt.order_by(CaseEvent.created_at, CaseEvent.id)))


# ----------------------------------------------------------------------------------------- primitives


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


# ----------------------------------------------------------------------------------------- shortlist


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
    req.team = [{"jurisdiction": t.jurisdiction, "firm_id": t.firm.id, "firm_name": t.firm.name}
                for t in getattr(result, "team", None) or []]
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


# ------------------------------------------------------------------------------------------- offers


def create_offer(req: LegalRequest, firm: Firm, source: OfferSource, actor=None, match: Match | None = None,
                 now: datetime | None = None, conflict_with: list[str] | None = None) -> Offer:
    """Offer the request to a firm with a respond-by time, and tell the firm's users."""
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
    add_event(req, "offered", actor=None if source == OfferSource.CENTRE else actor, audience=Audience.CLIENT,
              firm_id=firm.id, params={"firm": firm.name, "offer_id": offer.id, "source": source.value,
                                       "respond_by": offer.respond_by.isoformat()})
    record(actor, "offer.created", offer, f"{req.reference} offered to {firm.name} ({source.value})")
    reference, deadline = req.reference, offer.respond_by
    # The deadline is formatted per recipient, in their language and the centre's time zone. Until the firm
    # accepts, nothing of what the client wrote goes into the message (see legalnet.referrals.disclosure).
    notify(firm_users(firm), "offer.new",
           lambda: _("New referral %(ref)s. Read its summary and please answer by %(when)s.", ref=reference,
                     when=when_text(deadline)),
           link=offer_link(offer))
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


def cascade_after(req: LegalRequest, ended: Offer, actor=None, now: datetime | None = None) -> Offer | None:
    """Pass the request on after `ended` was declined or expired: a team part within its jurisdiction, a
    single-firm offer down the shortlist."""
    if ended.jurisdiction:
        from legalnet.referrals.teams import cascade_part  # noqa: PLC0415 - teams builds on this module

        return cascade_part(req, ended, actor=actor, now=now)
    return cascade(req, actor=actor, now=now)


def send_to_review(req: LegalRequest, actor, reason: str) -> None:
    """Put the request in the staff queue and tell staff; `reason` is a code of events.REVIEW_REASONS."""
    transition(req, RequestStatus.NEEDS_REVIEW)
    event = add_event(req, "needs_review", actor=actor, audience=Audience.CLIENT, params={"reason": reason})
    record(actor, "request.needs_review", req, f"{req.reference} needs review", event.text)
    reference = req.reference
    notify(staff_users(), "request.needs_review",
           lambda: _("Request %(ref)s needs the centre: %(reason)s", ref=reference, reason=review_reason(reason)),
           link=staff_link(req))


def choose_firm(req: LegalRequest, actor, firm_id: int | None, now: datetime | None = None) -> Offer | None:
    """The client picks a firm of the shortlist, or leaves the choice to the centre (the top eligible firm)."""
    lock_request(req)
    if req.status != RequestStatus.MATCHED:
        raise InvalidTransition(_l("A firm can be chosen only while the request is matched and waiting for "
                                   "your choice."))
    candidates = eligible_matches(req)
    if firm_id is None:
        if not candidates:
            send_to_review(req, actor, "none_left_for_centre")
            return None
        req.left_to_centre = True
        record(actor, "request.left_to_centre", req, f"{req.reference} left to the centre")
        return create_offer(req, candidates[0].firm, OfferSource.CENTRE, actor=actor, match=candidates[0], now=now)
    match = next((m for m in candidates[:CLIENT_CHOICES] if m.firm_id == firm_id), None)
    if match is None:
        raise ValidationFailed(_l("That firm is not one of the firms you can choose for this request."))
    record(actor, "request.firm_chosen", req, f"{req.reference} client chose {match.firm.name}")
    return create_offer(req, match.firm, OfferSource.CLIENT, actor=actor, match=match, now=now)


def screen_firm(req: LegalRequest, firm: Firm) -> list[str]:
    """The request's counterparties found in the firm's conflict register (from the shortlist if it is there)."""
    match = next((m for m in req.matches if m.firm_id == firm.id), None)
    if match is not None:
        return list(match.conflict_with) if match.conflict else []

    hits = find_conflicts(req.screened_counterparties, [p.name for p in firm.conflict_parties])
    return sorted({counterparty for counterparty, _name, _score in hits})


@dataclass
class FirmFit:
    """How a firm fits a request, for staff choosing a firm by hand."""

    firm: Firm
    missing_jurisdictions: list[str]
    missing_practice_areas: list[str]

    @property
    def covers_jurisdictions(self) -> bool:
        """The firm practises in every jurisdiction of the request."""
        return not self.missing_jurisdictions

    @property
    def covers_practice_areas(self) -> bool:
        """The firm lists every practice area of the request."""
        return not self.missing_practice_areas

    @property
    def at_capacity(self) -> bool:
        """The firm has as many open cases as it said it can take."""
        return self.firm.open_cases >= self.firm.capacity

    @property
    def needs_confirmation(self) -> bool:
        """Referring to this firm goes against its coverage or its capacity."""
        return not self.covers_jurisdictions or self.at_capacity


def firm_fit(req: LegalRequest, firm: Firm) -> FirmFit:
    """What of the request's jurisdictions and practice areas the firm does not cover."""
    jurisdictions = {j.code for j in firm.jurisdictions}
    areas = {a.code for a in firm.practice_areas}
    return FirmFit(firm, [c for c in req.jurisdictions if c not in jurisdictions],
                   [c for c in req.practice_areas if c not in areas])


def referral_candidates(req: LegalRequest) -> list[FirmFit]:
    """Every active firm with how it fits the request: firms covering all its jurisdictions first, then
    those covering its practice areas, then those with room, then by name."""
    firms = db.session.scalars(
        select(Firm).where(Firm.status == FirmStatus.ACTIVE)
        .options(selectinload(Firm.jurisdictions), selectinload(Firm.practice_areas))
    ).all()
    fits = [firm_fit(req, firm) for firm in firms]
    return sorted(fits, key=lambda f: (len(f.missing_jurisdictions), len(f.missing_practice_areas), f.at_capacity,
                                       f.firm.name.casefold()))


def refer_by_hand(req: LegalRequest, firm: Firm, actor, reason: str = "", confirmed: bool = False,
                  now: datetime | None = None) -> Offer:
    """Staff offer the request to any active firm, over the shortlist; parallel offers are allowed. A firm that
    does not cover the request's jurisdictions or is at capacity needs `confirmed`."""
    lock_request(req)
    if req.status not in (RequestStatus.MATCHED, RequestStatus.NEEDS_REVIEW, RequestStatus.REFERRED):
        raise InvalidTransition(_l("Only a request that no firm has accepted yet can be referred."))
    if firm.status != FirmStatus.ACTIVE:
        raise ValidationFailed(_l("Only active member firms can be offered requests."))
    if any(o.firm_id == firm.id for o in req.open_offers):
        raise ValidationFailed(_l("This firm already has an open offer of this request."))
    conflicts = screen_firm(req, firm)
    if conflicts:
        raise ValidationFailed(_l("The conflict screen flags this firm (%(names)s); it cannot be offered the "
                                  "request.", names=", ".join(conflicts)))
    fit = firm_fit(req, firm)
    if fit.needs_confirmation and not confirmed:
        raise ValidationFailed(_l("%(firm)s does not cover every jurisdiction of the request or has no room for "
                                  "another case. Confirm that you want to refer it anyway.", firm=firm.name))
    match = next((m for m in req.matches if m.firm_id == firm.id), None)
    offer = create_offer(req, firm, OfferSource.STAFF, actor=actor, match=match, now=now)
    record(actor, "offer.override", offer, f"{req.reference} referred by hand to {firm.name}", reason)
    return offer


def withdraw_offer(offer: Offer, actor, reason: str = "") -> None:
    """Staff withdraw an open offer; with no other offer open the request goes back to the staff queue."""
    req = lock_request(offer.request)
    end_offer(offer, OfferStatus.WITHDRAWN, now=utcnow())
    offer.reason = reason
    add_event(req, "offer_withdrawn", actor=actor, audience=Audience.CLIENT, firm_id=offer.firm_id,
              params={"firm": offer.firm.name})
    record(actor, "offer.withdrawn", offer, f"{req.reference} offer to {offer.firm.name} withdrawn", reason)
    reference = req.reference
    notify(firm_users(offer.firm), "offer.withdrawn",
           lambda: _("The centre withdrew its offer of request %(ref)s.", ref=reference), link=offer_link(offer))
    if req.status == RequestStatus.REFERRED and not req.open_offers:
        transition(req, RequestStatus.NEEDS_REVIEW)
        add_event(req, "needs_review", actor=actor, audience=Audience.CLIENT, params={"reason": "offer_withdrawn"})


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


def accept_offer(offer: Offer, user, conflict_check_confirmed: bool, now: datetime | None = None) -> None:
    """The firm accepts: at most one offer per request ever wins, and never after its deadline."""
    if not conflict_check_confirmed:
        raise ValidationFailed(_l("Confirm that your firm has run its own conflict check before accepting."))
    now = now or utcnow()
    if offer.jurisdiction:
        from legalnet.referrals.teams import accept_part  # noqa: PLC0415 - teams builds on this module

        return accept_part(offer, user, now)
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
    try:
        end_offer(offer, OfferStatus.ACCEPTED, now=now, before_deadline=True)
        offer.responded_by_id = user.id
        db.session.flush()
    except IntegrityError as error:
        raise InvalidTransition(_l("Another firm has already accepted this request.")) from error
    transition(req, RequestStatus.ACCEPTED)
    req.accepted_at = now
    bump_firm(offer.firm_id, offers_accepted=1, open_cases=1,
              response_hours_total=hours_between(offer.offered_at, now))
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


def decline_offer(offer: Offer, user, reason: str, now: datetime | None = None) -> Offer | None:
    """The firm declines with a reason; the request cascades to the next eligible firm."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed(_l("Tell the centre why you decline."))
    now = now or utcnow()
    req = lock_request(offer.request)
    end_offer(offer, OfferStatus.DECLINED, now=now)
    offer.reason = reason
    offer.responded_by_id = user.id
    bump_firm(offer.firm_id, offers_declined=1, response_hours_total=hours_between(offer.offered_at, now))
    add_event(req, "declined", actor=user, audience=Audience.CLIENT, firm_id=offer.firm_id,
              params={"firm": offer.firm.name})
    record(user, "offer.declined", offer, f"{req.reference} declined by {offer.firm.name}", reason)
    _tell_client_unanswered(req, offer)
    return cascade_after(req, offer, actor=user, now=now)


def expire_offer(offer_id: int, now: datetime | None = None) -> Offer | None:
    """The deadline passed unanswered: expire the offer and cascade. Raises InvalidTransition when another
    process already answered or expired it, so running the sweep twice at once changes nothing twice."""
    now = now or utcnow()
    offer = db.session.get(Offer, offer_id)
    if offer is None:
        raise InvalidTransition(_l("This offer no longer exists."))
    req = lock_request(offer.request)
    end_offer(offer, OfferStatus.EXPIRED, now=now, before_deadline=False)
    # A firm that answered with a quote the client let lapse did not miss its deadline.
    quote = getattr(offer, "quote", None)
    quoted = quote is not None and quote.submitted_at is not None
    if not quoted:
        bump_firm(offer.firm_id, offers_expired=1)
    add_event(req, "expired", audience=Audience.CLIENT, firm_id=offer.firm_id, params={"firm": offer.firm.name})
    record(None, "offer.expired", offer, f"{req.reference} offer to {offer.firm.name} expired")
    reference = req.reference
    notify(firm_users(offer.firm), "offer.expired",
           (lambda: _("Your quote for request %(ref)s lapsed without being accepted.", ref=reference)) if quoted
           else (lambda: _("Your offer of request %(ref)s expired unanswered.", ref=reference)),
           link=offer_link(offer), email=False)
    _tell_client_unanswered(req, offer)
    return cascade_after(req, offer, now=now)


def _tell_client_unanswered(req: LegalRequest, offer: Offer) -> None:
    reference = req.reference
    # Whole sentences per case, so that each language can word them its own way.
    if offer.status == OfferStatus.DECLINED:
        def message():
            return _("The firm declined the offer of your request %(ref)s; the centre is passing it to the next "
                     "firm.", ref=reference)
    else:
        def message():
            return _("The offer of your request %(ref)s expired unanswered; the centre is passing it to the next "
                     "firm.", ref=reference)
    notify(client_users(req), f"offer.{offer.status.value}", message, link=request_link(req))


def remind_offer(offer_id: int, now: datetime | None = None) -> bool:
    """Send the one reminder of an open offer before its deadline; False when it was already sent."""
    now = now or utcnow()
    result = db.session.execute(
        update(Offer).where(Offer.id == offer_id, Offer.status == OfferStatus.OFFERED, Offer.reminded_at.is_(None),
                            Offer.respond_by > now).values(reminded_at=now),
        execution_options={"synchronize_session": False},
    )
    if result.rowcount != 1:
        return False
    offer = db.session.get(Offer, offer_id)
    db.session.refresh(offer)
    reference, deadline = offer.request.reference, offer.respond_by
    notify(firm_users(offer.firm), "offer.reminder",
           lambda: _("Reminder: the offer of request %(ref)s expires at %(when)s. Please accept or decline.",
                     ref=reference, when=when_text(deadline)),
           link=offer_link(offer))
    return True


def refresh_recent_referrals(now: datetime) -> int:
    """Recount each firm's referrals of the last FAIRNESS_WINDOW_DAYS, so that old work stops counting
    against a firm in the fairness component; returns how many firms changed."""
    since = now - timedelta(days=current_app.config["FAIRNESS_WINDOW_DAYS"])
    recent = (
        select(func.count(Offer.id))
        .where(Offer.firm_id == Firm.id, Offer.offered_at >= since)
        .correlate(Firm)
        .scalar_subquery()
    )
    # Only firms with a non-zero count or a recent offer can change; the rest are left alone.
    result = db.session.execute(
        update(Firm)
        .where(Firm.recent_referrals != recent)
        .where((Firm.recent_referrals > 0) | Firm.id.in_(select(Offer.firm_id).where(Offer.offered_at >= since)))
        .values(recent_referrals=recent),
        execution_options={"synchronize_session": False},
    )
    return result.rowcount


def overdue_offer_ids(now: datetime) -> list[int]:
    """Open offers whose deadline has passed."""
    return list(db.session.scalars(
        select(Offer.id).where(Offer.status == OfferStatus.OFFERED, Offer.respond_by <= now).order_by(Offer.id)
    ))
