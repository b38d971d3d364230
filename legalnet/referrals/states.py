"""The state machines of requests and offers, in one place: which moves are allowed, and the helper
that makes a move or refuses it."""

from flask_babel import lazy_gettext as _l

from legalnet.core.errors import InvalidTransition
from legalnet.core.i18n import label_text
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.referrals.models import Offer, OfferStatus

R = RequestStatus
REQUEST_TRANSITIONS: dict[RequestStatus, frozenset[RequestStatus]] = {
    R.SUBMITTED: frozenset({R.MATCHED, R.NEEDS_REVIEW, R.CANCELLED}),
    R.MATCHED: frozenset({R.REFERRED, R.NEEDS_REVIEW, R.CANCELLED}),
    # Staff can refer a request that needs them by hand, or run the matcher again.
    R.NEEDS_REVIEW: frozenset({R.MATCHED, R.REFERRED, R.CANCELLED}),
    # Back to the client's choice when every quote it asked for ended without one being accepted.
    R.REFERRED: frozenset({R.ACCEPTED, R.NEEDS_REVIEW, R.MATCHED, R.CANCELLED}),
    R.ACCEPTED: frozenset({R.IN_PROGRESS, R.ON_HOLD, R.CLOSED}),
    R.IN_PROGRESS: frozenset({R.ON_HOLD, R.CLOSED}),
    R.ON_HOLD: frozenset({R.IN_PROGRESS, R.CLOSED}),
    R.CLOSED: frozenset(),
    R.CANCELLED: frozenset(),
}

OS = OfferStatus
OFFER_TRANSITIONS: dict[OfferStatus, frozenset[OfferStatus]] = {
    OS.OFFERED: frozenset({OS.ACCEPTED, OS.DECLINED, OS.EXPIRED, OS.WITHDRAWN}),
    OS.ACCEPTED: frozenset(),
    OS.DECLINED: frozenset(),
    OS.EXPIRED: frozenset(),
    OS.WITHDRAWN: frozenset(),
}

REQUEST_STATUS_LABELS = {
    R.SUBMITTED: _l("Submitted"),
    R.MATCHED: _l("Matched: choose a firm"),
    R.NEEDS_REVIEW: _l("With the centre for review"),
    R.REFERRED: _l("Offered to a firm"),
    R.ACCEPTED: _l("Accepted"),
    R.IN_PROGRESS: _l("In progress"),
    R.ON_HOLD: _l("On hold"),
    R.CLOSED: _l("Closed"),
    R.CANCELLED: _l("Cancelled"),
}
OFFER_STATUS_LABELS = {
    OS.OFFERED: _l("Waiting for an answer"),
    OS.ACCEPTED: _l("Accepted"),
    OS.DECLINED: _l("Declined"),
    OS.EXPIRED: _l("Expired"),
    OS.WITHDRAWN: _l("Withdrawn"),
}


def _table_for(obj):
    if isinstance(obj, LegalRequest):
        return REQUEST_TRANSITIONS, RequestStatus, REQUEST_STATUS_LABELS
    if isinstance(obj, Offer):
        return OFFER_TRANSITIONS, OfferStatus, OFFER_STATUS_LABELS
    raise TypeError(f"no state machine for {type(obj).__name__}")


def can_transition(obj, new_state) -> bool:
    """Tell whether `obj` may move from its current state to `new_state`."""
    table, enum_cls, _labels = _table_for(obj)
    return enum_cls(new_state) in table[enum_cls(obj.status)]


def check_transition(obj, new_state) -> None:
    """Raise InvalidTransition unless `obj` may move to `new_state`; changes nothing."""
    table, enum_cls, labels = _table_for(obj)
    current, target = enum_cls(obj.status), enum_cls(new_state)
    if target not in table[current]:
        raise InvalidTransition(
            _l("This cannot be done now: the status is “%(current)s”, which cannot change to “%(target)s”.",
               current=labels[current], target=labels[target])
        )


def transition(obj, new_state) -> None:
    """Move a request or an offer to `new_state`, or raise InvalidTransition and change nothing."""
    check_transition(obj, new_state)
    _table, enum_cls, _labels = _table_for(obj)
    obj.status = enum_cls(new_state)


def offer_status_label(status) -> str:
    """The readable label of an offer status."""
    return label_text(OFFER_STATUS_LABELS, OfferStatus(status))


def status_label(obj) -> str:
    """The readable label of an object's current state."""
    _table, enum_cls, labels = _table_for(obj)
    return label_text(labels, enum_cls(obj.status))
