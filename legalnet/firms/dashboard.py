"""A member firm's dashboard: the offers waiting for its answer with the time left, its open cases, its
capacity, and its acceptance rate and response time beside the network's median.

The firm's rates come from its track-record columns (kept up to date by the referral services); the network's
medians from the same columns of every active firm, read in one query."""

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func

from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.firms.models import Firm, FirmStatus
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.referrals.models import Offer, OfferStatus

CASES_SHOWN = 10
OPEN_CASE_STATUSES = (RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS, RequestStatus.ON_HOLD)


@dataclass
class TrackRecord:
    """A firm's answers to offers so far."""

    accepted: int
    declined: int
    expired: int
    response_hours_total: float

    @property
    def acceptance_rate(self) -> float | None:
        """Share of the offers answered or left to expire that the firm accepted."""
        decided = self.accepted + self.declined + self.expired
        return self.accepted / decided if decided else None

    @property
    def response_hours(self) -> float | None:
        """Mean hours from an offer to the firm's answer (accepting or declining)."""
        answered = self.accepted + self.declined
        return self.response_hours_total / answered if answered else None


@dataclass
class PendingOffer:
    """An offer waiting for the firm's answer."""

    offer_id: int
    reference: str
    title: str
    respond_by: datetime
    time_left: timedelta

    @property
    def overdue(self) -> bool:
        """The deadline has passed."""
        return self.time_left <= timedelta(0)


@dataclass
class OpenCase:
    """A case the firm accepted and has not closed."""

    request_id: int
    reference: str
    title: str
    status: RequestStatus
    accepted_at: datetime | None


@dataclass
class FirmDashboard:
    """Everything a firm's dashboard shows."""

    firm: Firm
    pending: list[PendingOffer]
    cases: list[OpenCase]
    case_count: int
    record: TrackRecord
    network_acceptance_rate: float | None
    network_response_hours: float | None

    @property
    def room(self) -> int:
        """Cases the firm can still take before reaching its capacity."""
        return max(self.firm.capacity - self.firm.open_cases, 0)


def track_record(firm: Firm) -> TrackRecord:
    """The firm's answers so far, from its track-record columns."""
    return TrackRecord(firm.offers_accepted, firm.offers_declined, firm.offers_expired, firm.response_hours_total)


def network_medians() -> tuple[float | None, float | None]:
    """The median acceptance rate and median response time of the active firms that have a record."""
    rows = db.session.execute(db.select(Firm.offers_accepted, Firm.offers_declined, Firm.offers_expired,
                                        Firm.response_hours_total).where(Firm.status == FirmStatus.ACTIVE)).all()
    records = [TrackRecord(*row) for row in rows]
    rates = [r.acceptance_rate for r in records if r.acceptance_rate is not None]
    hours = [r.response_hours for r in records if r.response_hours is not None]
    return (statistics.median(rates) if rates else None, statistics.median(hours) if hours else None)


def pending_offers(firm_id: int, now: datetime) -> list[PendingOffer]:
    """The firm's open offers, the nearest deadline first."""
    rows = db.session.execute(
        db.select(Offer.id, LegalRequest.reference, LegalRequest.title, Offer.respond_by)
        .join(LegalRequest, LegalRequest.id == Offer.request_id)
        .where(Offer.firm_id == firm_id, Offer.status == OfferStatus.OFFERED)
        .order_by(Offer.respond_by, Offer.id)).all()
    return [PendingOffer(i, ref or "", title, by, by - now) for i, ref, title, by in rows]


def open_cases(firm_id: int) -> tuple[list[OpenCase], int]:
    """The cases the firm accepted that are not closed, most recently accepted first, and how many."""
    where = (Offer.firm_id == firm_id, Offer.status == OfferStatus.ACCEPTED,
             LegalRequest.status.in_(OPEN_CASE_STATUSES))
    joined = db.select(func.count(LegalRequest.id)).join(Offer, Offer.request_id == LegalRequest.id)
    count = db.session.scalar(joined.where(*where)) or 0
    rows = db.session.execute(
        db.select(LegalRequest.id, LegalRequest.reference, LegalRequest.title, LegalRequest.status,
                  LegalRequest.accepted_at).join(Offer, Offer.request_id == LegalRequest.id).where(*where)
        .order_by(LegalRequest.accepted_at.desc(), LegalRequest.id.desc()).limit(CASES_SHOWN)).all()
    return [OpenCase(i, ref or "", title, RequestStatus(s), at) for i, ref, title, s, at in rows], count


def firm_dashboard(firm: Firm, now: datetime | None = None) -> FirmDashboard:
    """The dashboard of a firm's users."""
    now = now or utcnow()
    cases, count = open_cases(firm.id)
    rate, hours = network_medians()
    return FirmDashboard(firm, pending_offers(firm.id, now), cases, count, track_record(firm), rate, hours)
