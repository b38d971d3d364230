"""A request's timeline as pages and the API read it: plain rows, each event with its actor's name and its
message, read in one statement without building ORM objects (a case page shows every event it has)."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select

from legalnet.accounts.models import User
from legalnet.extensions import db
from legalnet.referrals.models import CaseEvent, Message


@dataclass(frozen=True, slots=True)
class Actor:
    """Who did something on the timeline."""

    name: str


@dataclass(frozen=True, slots=True)
class EventMessage:
    """The message a timeline entry carries."""

    id: int
    side: str
    body: str


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event of the timeline, as shown (see referrals.events for its wording)."""

    id: int
    kind: str
    text: str
    params: dict
    created_at: datetime
    actor: Actor | None
    message: EventMessage | None


def timeline_query(*conditions) -> Select:
    """The events that meet `conditions`, oldest first, with their actors' names and their messages."""
    return (select(CaseEvent.id, CaseEvent.kind, CaseEvent.text, CaseEvent.params, CaseEvent.created_at,
                   CaseEvent.actor_id, User.name, Message.id, Message.side, Message.body)
            .outerjoin(User, User.id == CaseEvent.actor_id).outerjoin(Message, Message.id == CaseEvent.message_id)
            .where(*conditions).order_by(CaseEvent.created_at, CaseEvent.id))


def timeline_entries(statement: Select, params: dict) -> list[TimelineEntry]:
    """The entries a `timeline_query` statement finds with these bound values."""
    return [TimelineEntry(id=event_id, kind=kind, text=text or "", params=event_params or {}, created_at=created_at,
                          actor=Actor(actor_name) if actor_id is not None else None,
                          message=EventMessage(message_id, side, body) if message_id is not None else None)
            for event_id, kind, text, event_params, created_at, actor_id, actor_name, message_id, side, body
            in db.session.connection().execute(statement, params)]
