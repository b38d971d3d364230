"""Who may read and add the documents of a request: the client's organisation and staff always read them; the
firm only once its offer was accepted. Files are added at intake by the client, and on an open case by the
client, the accepting firm and staff."""

from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.referrals.disclosure import FULL, disclosure_level

OPEN_CASE = (RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS, RequestStatus.ON_HOLD)


def side(user, req: LegalRequest) -> str | None:
    """'client', 'firm' or 'staff' for a party to the request's documents, else None."""
    if disclosure_level(user, req) != FULL:
        return None
    if user.is_staff:
        return "staff"
    return "client" if user.is_client else "firm"


def can_read(user, req: LegalRequest) -> bool:
    """The user may list and download the request's documents."""
    return side(user, req) is not None


def can_add(user, req: LegalRequest) -> bool:
    """The user may upload a document to the request's case now."""
    return req.status in OPEN_CASE and can_read(user, req)
