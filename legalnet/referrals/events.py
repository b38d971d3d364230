"""The case timeline in the reader's language: each event is stored as its kind and parameters (firm name,
deadline, outcome, count...) and worded here when the page is shown, so that a client reading Chinese and a
firm reading English each see the same event in their own language. Text the users typed (messages, notes,
reasons) is shown as typed; rows written before events had parameters show their stored text."""

from datetime import datetime
from functools import lru_cache

from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from legalnet.core.dates import current_zone, deadline_text
from legalnet.core.i18n import current_locale_name
from legalnet.matching.services import label
from legalnet.referrals.labels import outcome_label, request_status_label

# Why a request went to the staff queue; stored as the code, worded for each reader.
REVIEW_REASONS = {
    "no_fit": _l("No member firm fits the request."),
    "shortlist_exhausted": _l("No firm of the shortlist is left to offer it to."),
    "none_left_for_centre": _l("No eligible firm was left when the client asked the centre to choose."),
    "offer_withdrawn": _l("Back with the centre after the offer was withdrawn."),
    "client_asked_further": _l("The client asked the centre to look further: the firms found cover only part of "
                               "the request."),
}


def review_reason(code: str) -> str:
    """Why a request needs the centre, in the current language."""
    return str(REVIEW_REASONS[code])


def when_text(value) -> str:
    """A stored UTC datetime (or its ISO text) as the app shows datetimes, in the reader's language and time
    zone (in the one style of the pages), with the zone named: this text also goes
    out by e-mail, read far from the page that would tell the zone."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return deadline_text(value)


def _matched(p: dict) -> str:
    count = int(p["count"])
    if p.get("again"):
        return ngettext("Matched again by the centre: %(num)d firm.", "Matched again by the centre: %(num)d firms.",
                        count)
    return ngettext("%(num)d firm fits the request.", "%(num)d firms fit the request.", count)


def _offered(p: dict) -> str:
    if p.get("source") == "centre":
        return _("The centre chose %(firm)s, as the client asked; answer due by %(when)s.", firm=p["firm"],
                 when=when_text(p["respond_by"]))
    return _("Offered to %(firm)s; answer due by %(when)s.", firm=p["firm"], when=when_text(p["respond_by"]))


def _closed(p: dict) -> str:
    return _("Closed (%(outcome)s). %(note)s", outcome=outcome_label(p["outcome"]), note=p["note"]).strip()


def _place(p: dict) -> str:
    return label("jurisdictions", p["jurisdiction"])


# One renderer per event kind; a missing parameter (a row written before events had them) raises KeyError.
EVENT_RENDERERS = {
    "submitted": lambda p: _("Request submitted."),
    "matched": _matched,
    "needs_review": lambda p: review_reason(p["reason"]),
    "offered": _offered,
    "offer_withdrawn": lambda p: _("Offer to %(firm)s withdrawn by the centre.", firm=p["firm"]),
    "accepted": lambda p: _("%(firm)s accepted the request.", firm=p["firm"]),
    "declined": lambda p: _("%(firm)s declined.", firm=p["firm"]),
    "expired": lambda p: _("The offer to %(firm)s expired unanswered.", firm=p["firm"]),
    "cancelled": lambda p: _("Request withdrawn by the client. %(reason)s", reason=p["reason"]).strip(),
    "status": lambda p: _("Status changed to %(status)s.", status=request_status_label(p["status"])),
    "closed": _closed,
    "feedback": lambda p: _("The client rated the firm %(rating)d of 5.", rating=int(p["rating"])),
    "team_part": lambda p: (_("Part for %(place)s offered to %(firm)s, the lead firm.", place=_place(p), firm=p["firm"])
                            if p.get("lead") else
                            _("Part for %(place)s offered to %(firm)s.", place=_place(p), firm=p["firm"])),
    "part_accepted": lambda p: _("%(firm)s accepted the part for %(place)s.", firm=p["firm"], place=_place(p)),
    "team_accepted": lambda p: _("Every part is accepted: the team's case is open."),
    "quotes_ended": lambda p: _("No quote is open any more: the request is back with the client to choose."),
    "part_closed": lambda p: _("%(firm)s closed its part for %(place)s (%(outcome)s).", firm=p["firm"],
                               place=_place(p), outcome=outcome_label(p["outcome"])),
}


def render_event(kind: str, params: dict) -> str:
    """An event of the workflow worded in the current language; raises KeyError for an unknown kind or a
    missing parameter."""
    return EVENT_RENDERERS[kind](params)


def english_text(kind: str, params: dict) -> str:
    """The English wording of an event, stored beside its parameters for the audit trail and the API."""
    with force_locale("en"):
        return render_event(kind, params)


def event_text(event) -> str:
    """What a timeline entry says to the current reader: worded in their language from its kind and
    parameters, or its stored text for typed notes and for rows written before events had parameters."""
    if event.kind not in EVENT_RENDERERS:
        return event.text
    params = event.params or {}
    try:
        # A case page words the same events on every visit: the wording is a function of the kind, the
        # parameters, the language and the time zone.
        return _worded(event.kind, tuple(sorted(params.items())), current_locale_name(), str(current_zone()))
    except TypeError:  # a parameter that cannot be a cache key (a list): worded afresh
        pass
    except (KeyError, ValueError):
        return event.text
    try:
        return render_event(event.kind, params)
    except (KeyError, ValueError, TypeError):
        return event.text


@lru_cache(maxsize=4096)
def _worded(kind: str, params: tuple, _locale: str, _zone: str) -> str:
    return render_event(kind, dict(params))
