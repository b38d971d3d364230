"""The referral workflow of a request: the client's choice, staff's referral by hand, acceptance, declines,
expiry, withdrawal and reminders, each passing the request on (down the shortlist, within a team part, or
back to the client after quotes). The pieces they share are in offers.py; cases.py runs the case itself.
Services flush and never commit; the caller commits once."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update
from sqlalchemy.orm import selectinload

from legalnet.core.audit import record
from legalnet.core.errors import InvalidTransition, ValidationFailed
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.firms.models import Firm, FirmStatus
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.notifications.services import firm_users, notify
from legalnet.referrals.events import when_text
from legalnet.referrals.models import Audience, Offer, OfferSource, OfferStatus
from legalnet.referrals.offers import (
    CLIENT_CHOICES,
    accept_single,
    add_event,
    bump_firm,
    cascade,
    client_users,
    create_offer,
    eligible_matches,
    end_offer,
    hours_between,
    lock_request,
    offer_link,
    request_link,
    screen_firm,
    send_to_review,
)
from legalnet.referrals.quotes import quote_ended
from legalnet.referrals.states import transition
from legalnet.referrals.teams import accept_part, cascade_part

# ------------------------------------------------------------------------------------------- offers


def cascade_after(req: LegalRequest, ended: Offer, actor=None, now: datetime | None = None) -> Offer | None:
    """Pass the request on after `ended` was declined or expired: a team part within its jurisdiction, a
    single-firm offer down the shortlist."""
    if ended.jurisdiction:
        return cascade_part(req, ended, actor=actor, now=now)
    if getattr(ended, "quote", None) is not None:
        return quote_ended(req, ended, actor=actor)
    return cascade(req, actor=actor, now=now)


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


def accept_offer(offer: Offer, user, conflict_check_confirmed: bool, now: datetime | None = None) -> None:
    """The firm accepts after its own conflict check: its part of a team case, or a single-firm offer."""
    if not conflict_check_confirmed:
        raise ValidationFailed(_l("Confirm that your firm has run its own conflict check before accepting."))
    now = now or utcnow()
    if offer.jurisdiction:
        return accept_part(offer, user, now)
    return accept_single(offer, user, now)


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
    if getattr(offer, "quote", None) is not None:
        return  # quotes.quote_ended tells the client, with what it can do next
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
