"""Case work after a firm accepted: messages between client and firm, internal and staff notes, the case's
status, closure with an outcome and the client's feedback. Services flush and never commit."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from legalnet.core.audit import record
from legalnet.core.errors import InvalidTransition, NotAllowed, ValidationFailed
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.intake.models import LegalRequest, Outcome, RequestStatus
from legalnet.notifications.services import firm_users, notify
from legalnet.referrals.access import side_of
from legalnet.referrals.models import Audience, CaseEvent, Feedback, Message
from legalnet.referrals.offers import add_event, bump_firm, case_link, client_users, lock_request
from legalnet.referrals.quotes import set_final_fee
from legalnet.referrals.states import transition
from legalnet.referrals.teams import close_part, is_team, tell_team


def _require_side(user, req: LegalRequest, *sides: str) -> str:
    side = side_of(user, req)
    if side not in sides:
        raise NotAllowed(_l("You cannot do this on this case."))
    return side


def _require_open_case(req: LegalRequest) -> None:
    if req.status not in (RequestStatus.ACCEPTED, RequestStatus.IN_PROGRESS, RequestStatus.ON_HOLD):
        raise InvalidTransition(_l("This case is closed; nothing more can be added to it."))


def post_message(req: LegalRequest, user, body: str) -> Message:
    """A message from the client to the firm or back; the other side is told."""
    side = _require_side(user, req, "client", "firm")
    _require_open_case(req)
    body = (body or "").strip()
    if not body:
        raise ValidationFailed(_l("Write a message first."))
    message = Message(request_id=req.id, sender_id=user.id, side=side, body=body)
    db.session.add(message)
    db.session.flush()
    add_event(req, "message", "", actor=user, message=message)
    reference, name = req.reference, user.name
    if is_team(req):
        recipients = tell_team(req, side)
    else:
        recipients = firm_users(req.accepted_offer.firm) if side == "client" else client_users(req)
    notify(recipients, "message",
           lambda: _("New message from %(name)s on case %(ref)s.", name=name, ref=reference), link=case_link(req))
    return message


def add_note(req: LegalRequest, user, text: str) -> CaseEvent:
    """An internal note: the firm's for its own people only, staff's for staff only."""
    side = _require_side(user, req, "firm", "staff")
    text = (text or "").strip()
    if not text:
        raise ValidationFailed(_l("Write a note first."))
    if side == "firm":
        return add_event(req, "firm_note", text, actor=user, audience=Audience.FIRM, firm_id=user.firm_id)
    return add_event(req, "staff_note", text, actor=user, audience=Audience.STAFF)


def set_case_status(req: LegalRequest, user, status: RequestStatus) -> None:
    """The firm (or staff) marks the case in progress or on hold."""
    _require_side(user, req, "firm", "staff")
    status = RequestStatus(status)
    if status not in (RequestStatus.IN_PROGRESS, RequestStatus.ON_HOLD):
        raise ValidationFailed(_l("Choose in progress or on hold."))
    lock_request(req)
    before = req.status
    transition(req, status)
    add_event(req, "status", actor=user, params={"status": status.value})
    record(user, "case.status", req, f"{req.reference} {before.value} -> {status.value}")


def close_case(req: LegalRequest, user, outcome: Outcome, note: str = "", final_fee=None,
               final_fee_currency: str = "") -> None:
    """The client or the firm closes the case with an outcome and, optionally, the fee finally charged; the
    firm gets its capacity back. On a team case a firm closes its own part, and the case closes with the
    last part (teams.close_part)."""
    if is_team(req):
        close_part(req, user, outcome, note)
        return
    side = _require_side(user, req, "client", "firm", "staff")
    outcome = Outcome(outcome)
    lock_request(req)
    transition(req, RequestStatus.CLOSED)
    set_final_fee(req, final_fee, final_fee_currency)
    req.outcome, req.closed_at, req.closed_by_id = outcome, utcnow(), user.id
    offer = req.accepted_offer
    bump_firm(offer.firm_id, open_cases=-1)
    add_event(req, "closed", actor=user, params={"outcome": outcome.value, "note": (note or "").strip()})
    record(user, "case.closed", req, f"{req.reference} closed: {outcome.value}", note)
    reference = req.reference
    recipients = client_users(req) if side != "client" else firm_users(offer.firm)
    notify(recipients, "case.closed", lambda: _("Case %(ref)s was closed.", ref=reference), link=case_link(req))


def leave_feedback(req: LegalRequest, user, rating: int, comment: str = "") -> Feedback:
    """The client rates the firm (1-5) once the case is closed; the rating feeds matching."""
    _require_side(user, req, "client")
    if req.status != RequestStatus.CLOSED:
        raise InvalidTransition(_l("You can rate the firm once the case is closed."))
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ValidationFailed(_l("Give a rating from 1 to 5."))
    lock_request(req)
    if db.session.scalar(select(func.count()).select_from(Feedback).where(Feedback.request_id == req.id)):
        raise InvalidTransition(_l("You have already rated this case."))
    offer = req.accepted_offer
    feedback = Feedback(request_id=req.id, firm_id=offer.firm_id, author_id=user.id, rating=rating,
                        comment=(comment or "").strip())
    db.session.add(feedback)
    db.session.flush()
    bump_firm(offer.firm_id, rating_total=rating, rating_count=1)
    add_event(req, "feedback", actor=user, params={"rating": rating})
    record(user, "case.feedback", req, f"{req.reference} rated {rating}")
    return feedback

