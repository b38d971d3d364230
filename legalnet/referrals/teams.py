"""Team referrals: when no single firm covers every jurisdiction of a request, the proposed team gets one offer
per jurisdiction (a part), one of them the lead. A declined or expired part passes to the next eligible firm
covering that jurisdiction; the request becomes a case when every part is accepted, and closes when every part
has closed. Services flush and never commit, and take the request's row lock first, as in services.py."""

from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from legalnet.core.audit import record
from legalnet.core.errors import InvalidTransition, NotAllowed, ValidationFailed
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.firms.models import Firm, FirmJurisdiction, FirmStatus
from legalnet.intake.models import LegalRequest, Outcome, RequestStatus
from legalnet.notifications.services import firm_users, notify
from legalnet.referrals.access import is_client_of, side_of
from legalnet.referrals.models import Audience, Offer, OfferSource, OfferStatus
from legalnet.referrals.offers import (
    add_event,
    bump_firm,
    case_link,
    client_users,
    create_offer,
    eligible_matches,
    lock_request,
    mark_accepted,
    offered_firm_ids,
    screen_firm,
    send_to_review,
)
from legalnet.referrals.states import transition

# Where a request may be referred to its team from: by the client while it waits for their choice, by staff
# also from their queue, and again by staff for a part whose firms ran out.
REFERABLE = (RequestStatus.MATCHED, RequestStatus.NEEDS_REVIEW, RequestStatus.REFERRED)


def parts(req: LegalRequest) -> list[Offer]:
    """The current part of each jurisdiction of a team referral (its accepted or open offer), lead first."""
    current = [o for o in req.offers if o.jurisdiction and o.status in (OfferStatus.ACCEPTED, OfferStatus.OFFERED)]
    return sorted(current, key=lambda o: (not o.lead, req.jurisdictions.index(o.jurisdiction)
                                          if o.jurisdiction in req.jurisdictions else 99, o.id))


def is_team(req: LegalRequest) -> bool:
    """The request went to a team: its offers are parts, one per jurisdiction."""
    return any(o.jurisdiction for o in req.offers)


def accepted_parts(req: LegalRequest) -> list[Offer]:
    """The parts firms have accepted."""
    return [o for o in parts(req) if o.status == OfferStatus.ACCEPTED]


def own_part(req: LegalRequest, firm_id: int | None) -> Offer | None:
    """The part a firm accepted on a team case."""
    return next((o for o in accepted_parts(req) if o.firm_id == firm_id), None)


def can_refer_team(user, req: LegalRequest) -> bool:
    """The client while choosing a firm, or staff while no team part is settled, may refer to the team."""
    if not req.team or req.status not in REFERABLE:
        return False
    if user.is_staff:
        return req.status != RequestStatus.REFERRED or is_team(req)
    return is_client_of(user, req) and req.status == RequestStatus.MATCHED


def _part_candidates(req: LegalRequest, jurisdiction: str) -> list[Firm]:
    """Firms that may get the part of a jurisdiction now, best first: the shortlist's eligible firms covering it,
    then any other active member covering it, by workload; never one offered this request before or conflicted."""
    shortlisted = [m.firm for m in eligible_matches(req) if jurisdiction in m.firm.jurisdiction_codes]
    already = offered_firm_ids(req) | {f.id for f in shortlisted}
    others = db.session.scalars(
        select(Firm).join(FirmJurisdiction).where(FirmJurisdiction.code == jurisdiction,
                                                  Firm.status == FirmStatus.ACTIVE, Firm.open_cases < Firm.capacity)
        .order_by(Firm.open_cases, Firm.name, Firm.id)).all()
    candidates = shortlisted + [f for f in others if f.id not in already]
    return [f for f in candidates if not screen_firm(req, f)]


def _offer_part(req: LegalRequest, firm: Firm, jurisdiction: str, lead: bool, source: OfferSource, actor,
                now: datetime) -> Offer:
    match = next((m for m in req.matches if m.firm_id == firm.id), None)
    offer = create_offer(req, firm, source, actor=actor, match=match, now=now, on_timeline=False)
    offer.jurisdiction, offer.lead = jurisdiction, lead
    add_event(req, "team_part", actor=actor, audience=Audience.CLIENT, firm_id=firm.id,
              params={"firm": firm.name, "jurisdiction": jurisdiction, "lead": lead})
    db.session.flush()
    return offer


def refer_team(req: LegalRequest, actor, now: datetime | None = None) -> list[Offer]:
    """Offer each jurisdiction of the proposed team that has no open or accepted part to its firm (or, when
    that firm can no longer take it, to the next eligible firm covering the jurisdiction); returns the new offers."""
    now = now or utcnow()
    lock_request(req)
    if not can_refer_team(actor, req):
        if not req.team:
            raise ValidationFailed(_l("No team is proposed for this request."))
        raise InvalidTransition(_l("This request cannot be referred to its team now."))
    settled = {o.jurisdiction for o in parts(req)}
    has_lead = any(o.lead for o in parts(req))
    source = OfferSource.STAFF if actor.is_staff else OfferSource.CLIENT
    made, gaps = [], []
    for member in req.team:
        code = member["jurisdiction"]
        if code in settled:
            continue
        candidates = _part_candidates(req, code)
        firm = next((f for f in candidates if f.id == member["firm_id"]), candidates[0] if candidates else None)
        if firm is None:
            gaps.append(code)
            continue
        made.append(_offer_part(req, firm, code, not has_lead and not made, source, actor, now))
    if gaps and not made and not parts(req):
        raise ValidationFailed(_l("No member firm can take the part of %(places)s now; the centre will find one.",
                                  places=", ".join(gaps)))
    record(actor, "request.team_referred", req, f"{req.reference} referred to a team of {len(made)}",
           ", ".join(f"{o.jurisdiction}: {o.firm.name}" for o in made))
    if gaps and req.status == RequestStatus.REFERRED:
        send_to_review(req, actor, "shortlist_exhausted")
    return made


def cascade_part(req: LegalRequest, ended: Offer, actor=None, now: datetime | None = None) -> Offer | None:
    """A part was declined or expired: offer it to the next eligible firm covering its jurisdiction, keeping
    the lead with the part, or hand the request to staff when none is left."""
    if req.status not in (RequestStatus.REFERRED, RequestStatus.NEEDS_REVIEW):
        return None
    if any(o.jurisdiction == ended.jurisdiction for o in parts(req)):
        return None
    candidates = _part_candidates(req, ended.jurisdiction)
    if candidates:
        if req.status == RequestStatus.NEEDS_REVIEW:
            transition(req, RequestStatus.REFERRED)
        return _offer_part(req, candidates[0], ended.jurisdiction, ended.lead, OfferSource.CASCADE, actor,
                           now or utcnow())
    if req.status == RequestStatus.REFERRED:
        send_to_review(req, actor, "shortlist_exhausted")
    return None


def accept_part(offer: Offer, user, now: datetime) -> None:
    """A firm accepts its part: one accepted firm per jurisdiction (the conditional UPDATE, with the unique
    index as backstop); the request becomes a case once every part is accepted."""
    req = lock_request(offer.request)
    if req.status not in (RequestStatus.REFERRED, RequestStatus.NEEDS_REVIEW):
        raise InvalidTransition(_l("This request is no longer open for acceptance."))
    if any(o.id != offer.id and o.jurisdiction == offer.jurisdiction and o.status == OfferStatus.ACCEPTED
           for o in req.offers):
        raise InvalidTransition(_l("Another firm has already accepted this part of the request."))
    mark_accepted(offer, user, now, _l("Another firm has already accepted this part of the request."))
    firm = offer.firm
    add_event(req, "part_accepted", actor=user, firm_id=firm.id,
              params={"firm": firm.name, "jurisdiction": offer.jurisdiction})
    record(user, "offer.accepted", offer, f"{req.reference} part {offer.jurisdiction} accepted by {firm.name}")
    covered = {o.jurisdiction for o in accepted_parts(req)}
    if req.status == RequestStatus.REFERRED and all(m["jurisdiction"] in covered for m in req.team):
        transition(req, RequestStatus.ACCEPTED)
        req.accepted_at = now
        add_event(req, "team_accepted", actor=user, params={"count": len(covered)})
        reference = req.reference
        notify(client_users(req), "offer.accepted",
               lambda: _("Every firm of the team accepted your request %(ref)s. You can now message them.",
                         ref=reference), link=case_link(req))
        # The firms that accepted earlier learn that the shared case is open.
        earlier = [u for part in accepted_parts(req) if part.firm_id != offer.firm_id for u in firm_users(part.firm)]
        notify(earlier, "offer.accepted",
               lambda: _("Every firm of the team accepted its part of request %(ref)s: the shared case is open.",
                         ref=reference), link=case_link(req))


def close_part(req: LegalRequest, user, outcome: Outcome, note: str = "") -> bool:
    """Close parts of a team case: a firm closes its own part, the client or staff close every part left. The
    case closes when every part has closed (with this outcome); returns whether it did."""
    side = side_of(user, req)
    if side not in ("client", "firm", "staff"):
        raise NotAllowed(_l("You cannot do this on this case."))
    outcome = Outcome(outcome)
    lock_request(req)
    if req.status not in (RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS, RequestStatus.ON_HOLD):
        raise InvalidTransition(_l("This case is closed; nothing more can be added to it."))
    now = utcnow()
    open_parts = [o for o in accepted_parts(req) if o.part_closed_at is None]
    closing = [o for o in open_parts if side != "firm" or o.firm_id == user.firm_id]
    if not closing:
        raise InvalidTransition(_l("Your firm's part of this case is already closed."))
    note = (note or "").strip()
    for part in closing:
        part.part_closed_at = now
        bump_firm(part.firm_id, open_cases=-1)
        add_event(req, "part_closed", actor=user, firm_id=part.firm_id,
                  params={"firm": part.firm.name, "jurisdiction": part.jurisdiction, "outcome": outcome.value})
        record(user, "case.part_closed", part, f"{req.reference} part {part.jurisdiction} closed: {outcome.value}",
               note)
    reference = req.reference
    if len(closing) < len(open_parts):
        for part in closing:
            firm_name = part.firm.name
            notify(client_users(req), "case.closed",
                   lambda name=firm_name: _("%(firm)s closed its part of case %(ref)s.", firm=name, ref=reference),
                   link=case_link(req))
        return False
    transition(req, RequestStatus.CLOSED)
    req.outcome, req.closed_at, req.closed_by_id = outcome, now, user.id
    add_event(req, "closed", actor=user, params={"outcome": outcome.value, "note": note})
    record(user, "case.closed", req, f"{req.reference} closed: {outcome.value}", note)
    recipients = [*client_users(req)] if side != "client" else []
    for part in accepted_parts(req):
        if side != "firm" or part.firm_id != user.firm_id:
            recipients.extend(firm_users(part.firm))
    notify(recipients, "case.closed", lambda: _("Case %(ref)s was closed.", ref=reference), link=case_link(req))
    return True


def tell_team(req: LegalRequest, sender_side: str) -> list:
    """Who hears of a message on a team case: every accepted firm (from the client), or the client."""
    if sender_side == "client":
        return [user for part in accepted_parts(req) for user in firm_users(part.firm)]
    return client_users(req)

