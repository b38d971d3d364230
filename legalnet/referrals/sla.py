"""Offer deadlines on the firm's working clock: when a new offer is due (SLA_URGENT_HOURS for urgent
requests, SLA_STANDARD_HOURS otherwise, both counted in the firm's working hours), when its reminder is due
(SLA_REMINDER_HOURS working hours earlier), and which open offers have reached that point."""

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import and_, or_, select

from legalnet.extensions import db
from legalnet.firms.hours import clock_for
from legalnet.firms.models import Firm
from legalnet.intake.models import LegalRequest, Urgency
from legalnet.referrals.deadlines import add_working_hours, remind_at
from legalnet.referrals.models import Offer, OfferStatus


def response_hours(req: LegalRequest) -> float:
    """The working hours a firm has to answer an offer of the request."""
    key = "SLA_URGENT_HOURS" if req.urgency == Urgency.URGENT else "SLA_STANDARD_HOURS"
    return float(current_app.config[key])


def offer_times(req: LegalRequest, firm: Firm, now: datetime) -> tuple[datetime, datetime]:
    """The respond-by time and reminder time of a new offer of `req` to `firm` made at `now` (naive UTC)."""
    clock = clock_for(firm)
    respond_by = add_working_hours(now, response_hours(req), clock)
    return respond_by, remind_at(now, respond_by, float(current_app.config["SLA_REMINDER_HOURS"]), clock)


def reminder_reached(now: datetime):
    """SQL condition: an open offer's reminder time has come (offers made before reminder times were kept
    are reminded SLA_REMINDER_HOURS clock hours before their deadline)."""
    window = timedelta(hours=float(current_app.config["SLA_REMINDER_HOURS"]))
    return and_(Offer.status == OfferStatus.OFFERED, Offer.respond_by > now,
                or_(Offer.remind_at <= now, and_(Offer.remind_at.is_(None), Offer.respond_by <= now + window)))


def reminder_due_ids(now: datetime) -> list[int]:
    """Open offers whose reminder time has come and that were not reminded yet."""
    return list(db.session.scalars(
        select(Offer.id).where(reminder_reached(now), Offer.reminded_at.is_(None)).order_by(Offer.id)))
