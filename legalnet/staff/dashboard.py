"""The staff dashboard: the centre's queues with their counts and oldest items, and the network's health
(acceptance rate, time to accept, time to first client contact, how evenly referrals are spread, bunching).

Each figure is one grouped query or one query of a few columns; nothing is loaded per row."""

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import case, func

from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.firms.models import Firm, FirmStatus
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.referrals.models import Message, Offer, OfferStatus
from legalnet.staff import fairness
from legalnet.staff.vocabulary import unresolved_term_count, unresolved_terms

# The health figures cover this many days back from today.
HEALTH_DAYS = 90
# Bunching is looked for in the referrals of this many days.
BUNCHING_DAYS = 14
# Each queue shows this many of its oldest items.
OLDEST_SHOWN = 3
RENEWAL_DAYS = 30


@dataclass
class QueueItem:
    """One waiting item of a queue: what it is, since when, and where to act on it."""

    label: str
    since: datetime | date | None
    endpoint: str
    args: dict = field(default_factory=dict)


@dataclass
class Queue:
    """A queue of the centre's work: how many wait, the oldest of them, and the page that lists them all."""

    key: str
    count: int
    oldest: list[QueueItem]
    endpoint: str
    args: dict = field(default_factory=dict)


@dataclass
class Health:
    """The network's figures over the last HEALTH_DAYS days."""

    offers_answered: int
    offers_accepted: int
    median_hours_to_accept: float | None
    median_hours_to_contact: float | None
    active_firms: int
    referrals: int
    gini: float | None
    bunches: list[fairness.Bunch]

    @property
    def acceptance_rate(self) -> float | None:
        """Share of the offers answered or left to expire that a firm accepted."""
        return self.offers_accepted / self.offers_answered if self.offers_answered else None


@dataclass
class StaffDashboard:
    """Everything the staff dashboard shows."""

    queues: list[Queue]
    health: Health
    days: int = HEALTH_DAYS
    bunch_minutes: int = fairness.BUNCH_MINUTES
    bunch_days: int = BUNCHING_DAYS


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _hours(start: datetime, end: datetime) -> float:
    return max((end - start).total_seconds() / 3600.0, 0.0)


def application_queue() -> Queue:
    """Membership applications waiting for a decision, oldest first."""
    where = Firm.status == FirmStatus.APPLICANT
    count = db.session.scalar(db.select(func.count(Firm.id)).where(where)) or 0
    rows = db.session.execute(db.select(Firm.id, Firm.name, Firm.created_at).where(where)
                              .order_by(Firm.created_at, Firm.id).limit(OLDEST_SHOWN)).all()
    return Queue("applications", count,
                 [QueueItem(name, at, "staff.firm_detail", {"firm_id": i}) for i, name, at in rows],
                 "staff.applications")


def review_queue() -> Queue:
    """Requests waiting for the centre to find a firm, longest waiting first."""
    where = LegalRequest.status == RequestStatus.NEEDS_REVIEW
    count = db.session.scalar(db.select(func.count(LegalRequest.id)).where(where)) or 0
    rows = db.session.execute(db.select(LegalRequest.id, LegalRequest.reference, LegalRequest.title,
                                        LegalRequest.updated_at).where(where)
                              .order_by(LegalRequest.updated_at, LegalRequest.id).limit(OLDEST_SHOWN)).all()
    return Queue("review", count,
                 [QueueItem(f"{ref} · {title}", at, "referrals.staff_request", {"request_id": i})
                  for i, ref, title, at in rows],
                 "referrals.staff_queue", {"status": RequestStatus.NEEDS_REVIEW.value})


def overdue_queue(now: datetime) -> Queue:
    """Open offers past their deadline that no firm answered yet, the most overdue first."""
    where = (Offer.status == OfferStatus.OFFERED, Offer.respond_by <= now)
    count = db.session.scalar(db.select(func.count(Offer.id)).where(*where)) or 0
    rows = db.session.execute(
        db.select(LegalRequest.id, LegalRequest.reference, Firm.name, Offer.respond_by)
        .join(LegalRequest, LegalRequest.id == Offer.request_id).join(Firm, Firm.id == Offer.firm_id)
        .where(*where).order_by(Offer.respond_by, Offer.id).limit(OLDEST_SHOWN)).all()
    return Queue("overdue", count,
                 [QueueItem(f"{ref} · {firm}", by, "referrals.staff_request", {"request_id": i})
                  for i, ref, firm, by in rows],
                 "referrals.staff_queue")


def renewal_queue(today: date) -> Queue:
    """Active members whose renewal falls within RENEWAL_DAYS days, soonest first."""
    where = (Firm.status == FirmStatus.ACTIVE, Firm.renewal_date >= today,
             Firm.renewal_date <= today + timedelta(days=RENEWAL_DAYS))
    count = db.session.scalar(db.select(func.count(Firm.id)).where(*where)) or 0
    rows = db.session.execute(db.select(Firm.id, Firm.name, Firm.renewal_date).where(*where)
                              .order_by(Firm.renewal_date, Firm.id).limit(OLDEST_SHOWN)).all()
    return Queue("renewals", count,
                 [QueueItem(name, due, "staff.firm_detail", {"firm_id": i}) for i, name, due in rows],
                 "staff.firms", {"renewal": str(RENEWAL_DAYS)})


def vocabulary_queue(now: datetime) -> Queue:
    """Terms requests left unresolved that nobody taught yet, the most frequent first."""
    terms = unresolved_terms(limit=OLDEST_SHOWN, now=now)
    return Queue("vocabulary", unresolved_term_count(now=now),
                 [QueueItem(term.text, term.last_seen, "staff.vocabulary_page") for term in terms],
                 "staff.vocabulary_page")


def offer_answers(since: datetime) -> tuple[int, int]:
    """(answered or expired, accepted) of the offers made since `since`, in one grouped query."""
    decided = (OfferStatus.ACCEPTED, OfferStatus.DECLINED, OfferStatus.EXPIRED)
    answered, accepted = db.session.execute(
        db.select(func.count(Offer.id), func.sum(case((Offer.status == OfferStatus.ACCEPTED, 1), else_=0)))
        .where(Offer.offered_at >= since, Offer.status.in_(decided))).one()
    return int(answered or 0), int(accepted or 0)


def hours_to_accept(since: datetime) -> list[float]:
    """Hours from submission to acceptance of the requests accepted since `since`."""
    rows = db.session.execute(db.select(LegalRequest.created_at, LegalRequest.accepted_at)
                              .where(LegalRequest.accepted_at >= since)).all()
    return [_hours(created, accepted) for created, accepted in rows]


def hours_to_first_contact(since: datetime) -> list[float]:
    """Hours from acceptance to the firm's first message to the client, for requests accepted since `since`
    whose firm has written (the first messages found in one grouped query)."""
    first = (db.select(Message.request_id, func.min(Message.created_at).label("first_at"))
             .where(Message.side == "firm").group_by(Message.request_id).subquery())
    rows = db.session.execute(db.select(LegalRequest.accepted_at, first.c.first_at)
                              .join(first, first.c.request_id == LegalRequest.id)
                              .where(LegalRequest.accepted_at >= since)).all()
    return [_hours(accepted, first_at) for accepted, first_at in rows]


def referrals_per_active_firm(since: datetime) -> list[int]:
    """Offers made since `since` to each active firm, zero for the firms that got none (one grouped query)."""
    rows = db.session.execute(
        db.select(Firm.id, func.count(Offer.id))
        .outerjoin(Offer, (Offer.firm_id == Firm.id) & (Offer.offered_at >= since))
        .where(Firm.status == FirmStatus.ACTIVE).group_by(Firm.id)).all()
    return [int(n) for _firm, n in rows]


def recent_referrals(since: datetime) -> list[tuple[int, str, datetime]]:
    """(firm id, firm name, offered at) of every offer since `since`: the input of the bunching rule."""
    return [tuple(row) for row in db.session.execute(
        db.select(Offer.firm_id, Firm.name, Offer.offered_at).join(Firm, Firm.id == Offer.firm_id)
        .where(Offer.offered_at >= since).order_by(Offer.offered_at, Offer.id))]


def network_health(now: datetime) -> Health:
    """The network's figures over the last HEALTH_DAYS days."""
    since = now - timedelta(days=HEALTH_DAYS)
    answered, accepted = offer_answers(since)
    per_firm = referrals_per_active_firm(since)
    return Health(
        offers_answered=answered, offers_accepted=accepted,
        median_hours_to_accept=_median(hours_to_accept(since)),
        median_hours_to_contact=_median(hours_to_first_contact(since)),
        active_firms=len(per_firm), referrals=sum(per_firm), gini=fairness.gini(per_firm),
        bunches=fairness.bunches(recent_referrals(now - timedelta(days=BUNCHING_DAYS))),
    )


def staff_dashboard(now: datetime | None = None, today: date | None = None) -> StaffDashboard:
    """The queues and the network's health, as of `now`."""
    now = now or utcnow()
    today = today or date.today()
    queues = [application_queue(), review_queue(), overdue_queue(now), renewal_queue(today), vocabulary_queue(now)]
    return StaffDashboard(queues, network_health(now))
