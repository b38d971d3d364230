"""The client's dashboard: the organisation's open requests with where each stands and what happens next,
the offers waiting for a firm's answer with their deadline, and the user's unread messages.

A few queries of the organisation's rows; nothing is loaded per request."""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import func

from legalnet.extensions import db
from legalnet.firms.models import Firm
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.notifications.models import Notification, unread_of
from legalnet.referrals.models import Offer, OfferStatus

OPEN_SHOWN = 10
MESSAGES_SHOWN = 5

# What the client can expect next at each status of an open request.
NEXT_STEPS = {
    RequestStatus.SUBMITTED: _l("The centre is matching your request with member firms."),
    RequestStatus.MATCHED: _l("Choose a firm from the shortlist, or let the centre choose."),
    RequestStatus.NEEDS_REVIEW: _l("The centre is looking for a firm for you; nothing to do for now."),
    RequestStatus.REFERRED: _l("Waiting for the firm's answer."),
    RequestStatus.ACCEPTED: _l("The firm will contact you to start the work."),
    RequestStatus.IN_PROGRESS: _l("The firm is working on your case."),
    RequestStatus.ON_HOLD: _l("The case is on hold; the firm will tell you when it resumes."),
}


@dataclass
class OpenRequest:
    """An open request of the organisation, with what happens next."""

    id: int
    reference: str
    title: str
    status: RequestStatus
    created_at: datetime

    @property
    def next_step(self) -> str:
        """What the client can expect or do next."""
        return str(NEXT_STEPS[self.status])

    @property
    def needs_client(self) -> bool:
        """The next move is the client's."""
        return self.status == RequestStatus.MATCHED


@dataclass
class WaitingOffer:
    """An offer of one of the organisation's requests that a firm has not answered yet."""

    request_id: int
    reference: str
    firm_name: str
    respond_by: datetime


@dataclass
class UnreadMessage:
    """An unread notice of a message on one of the user's cases."""

    id: int
    text: str
    link: str
    created_at: datetime


@dataclass
class ClientDashboard:
    """Everything the client's dashboard shows."""

    open_requests: list[OpenRequest]
    open_count: int
    waiting_offers: list[WaitingOffer]
    unread_messages: list[UnreadMessage]
    unread_count: int


def open_requests(organisation_id: int) -> tuple[list[OpenRequest], int]:
    """The organisation's requests that are neither closed nor cancelled, newest first, and how many there are."""
    where = (LegalRequest.organisation_id == organisation_id,
             LegalRequest.status.not_in([RequestStatus.CLOSED, RequestStatus.CANCELLED]))
    count = db.session.scalar(db.select(func.count(LegalRequest.id)).where(*where)) or 0
    rows = db.session.execute(
        db.select(LegalRequest.id, LegalRequest.reference, LegalRequest.title, LegalRequest.status,
                  LegalRequest.created_at).where(*where)
        .order_by(LegalRequest.created_at.desc(), LegalRequest.id.desc()).limit(OPEN_SHOWN)).all()
    return [OpenRequest(i, ref or "", title, RequestStatus(status), at) for i, ref, title, status, at in rows], count


def waiting_offers(organisation_id: int) -> list[WaitingOffer]:
    """Open offers of the organisation's requests, the nearest deadline first."""
    rows = db.session.execute(
        db.select(LegalRequest.id, LegalRequest.reference, Firm.name, Offer.respond_by)
        .join(LegalRequest, LegalRequest.id == Offer.request_id).join(Firm, Firm.id == Offer.firm_id)
        .where(LegalRequest.organisation_id == organisation_id, Offer.status == OfferStatus.OFFERED)
        .order_by(Offer.respond_by, Offer.id)).all()
    return [WaitingOffer(i, ref or "", name, by) for i, ref, name, by in rows]


def unread_messages(user, locale: str) -> tuple[list[UnreadMessage], int]:
    """The user's unread notices of new messages, newest first, and how many there are."""
    where = (unread_of(user.id), Notification.kind == "message")
    count = db.session.scalar(db.select(func.count(Notification.id)).where(*where)) or 0
    notes = db.session.scalars(db.select(Notification).where(*where)
                               .order_by(Notification.created_at.desc(), Notification.id.desc())
                               .limit(MESSAGES_SHOWN)).all()
    return [UnreadMessage(n.id, n.text_in(locale), n.link, n.created_at) for n in notes], count


def client_dashboard(user, locale: str) -> ClientDashboard:
    """The dashboard of a client user."""
    requests_, count = open_requests(user.organisation_id)
    messages, unread = unread_messages(user, locale)
    return ClientDashboard(requests_, count, waiting_offers(user.organisation_id), messages, unread)
