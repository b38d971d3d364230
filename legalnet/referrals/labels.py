"""Translated labels of the codes that requests, offers and cases carry (outcome, urgency, status, who chose
the firm), and the matcher's reasons rendered in the reader's language from their stored codes."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from legalnet.core.i18n import label_text
from legalnet.intake.models import Outcome, RequestStatus, Urgency
from legalnet.matching.services import label
from legalnet.referrals.models import OfferSource
from legalnet.referrals.states import REQUEST_STATUS_LABELS

OUTCOME_LABELS = {
    Outcome.RESOLVED: _l("Resolved"),
    Outcome.WITHDRAWN: _l("Withdrawn"),
    Outcome.NO_ENGAGEMENT: _l("No engagement"),
}
URGENCY_LABELS = {
    Urgency.STANDARD: _l("Standard"),
    Urgency.URGENT: _l("Urgent"),
}
SOURCE_LABELS = {
    OfferSource.CLIENT: _l("Chosen by the client"),
    OfferSource.CENTRE: _l("Chosen by the centre for the client"),
    OfferSource.CASCADE: _l("Next on the shortlist"),
    OfferSource.STAFF: _l("Referred by staff"),
}


# Reasons the system writes on an offer it ends; reasons people typed are shown as typed.
SYSTEM_OFFER_REASONS = {
    "accepted by another firm": _l("Accepted by another firm"),
    "request cancelled": _l("The client withdrew the request"),
}


def offer_reason(text: str) -> str:
    """Why an offer ended, in the reader's language when the system wrote it."""
    return str(SYSTEM_OFFER_REASONS.get(text, text or ""))


def outcome_label(outcome) -> str:
    """The translated name of a case outcome."""
    return label_text(OUTCOME_LABELS, Outcome(outcome))


def urgency_label(urgency) -> str:
    """The translated name of a request's urgency."""
    return label_text(URGENCY_LABELS, Urgency(urgency))


def request_status_label(status) -> str:
    """The translated name of a request status given as a code, e.g. in a filter list."""
    return label_text(REQUEST_STATUS_LABELS, RequestStatus(status))


def source_label(source) -> str:
    """The translated description of who chose the firm an offer went to."""
    return label_text(SOURCE_LABELS, OfferSource(source))


# ---------------------------------------------------------------------------------------------- reasons


def _term(kind: str, code: str) -> str:
    """A vocabulary code's label in the current interface language; the code itself if it is unknown."""
    try:
        return label(kind, code)
    except (KeyError, LookupError):
        return str(code)


def _covers(params: dict) -> str:
    kind, source = params.get("kind"), params.get("source") or ""
    term = _term(kind, params.get("code", ""))
    if kind == "practice_areas":
        if source:
            return _("practice area %(area)s (from '%(source)s')", area=term, source=source)
        return _("practice area %(area)s", area=term)
    if source:
        return _("covers %(place)s (from '%(source)s')", place=term, source=source)
    return _("covers %(place)s", place=term)


def _missing(params: dict) -> str:
    kind = params.get("kind")
    term = _term(kind, params.get("code", ""))
    if kind == "practice_areas":
        return _("no %(area)s practice listed", area=term)
    if kind == "languages":
        return _("does not list %(language)s as a language", language=term)
    return _("does not cover %(place)s", place=term)


# One renderer per reason code of legalnet.matching.engine.explain.
REASON_RENDERERS = {
    "covers": _covers,
    "missing": _missing,
    "speaks": lambda p: _("speaks %(language)s", language=_term("languages", p.get("code", ""))),
    "capacity": lambda p: _("capacity: %(open)d of %(capacity)d open cases", open=int(p.get("open", 0)),
                            capacity=int(p.get("capacity", 0))),
    "acceptance": lambda p: _("accepts %(percent)d%% of referrals", percent=int(p.get("percent", 0))),
    "rating": lambda p: _("rated %(rating)s/5 by clients", rating=f"{float(p.get('value', 0)):.1f}"),
    "response": lambda p: _("responds in about %(hours)d h", hours=int(p.get("hours", 0))),
    "recent": lambda p: ngettext("%(num)d recent referral", "%(num)d recent referrals", int(p.get("count", 0))),
    "conflict": lambda p: _("possible conflict: %(text)s", text=p.get("text", "")),
}


def reason_text(code: str, params: dict | None = None) -> str | None:
    """One structured reason in the current interface language, or None for a code this version does not know."""
    render = REASON_RENDERERS.get(code)
    return render(params or {}) if render else None


# What each reason says about the firm for the request: a strength, a gap, or a plain note (its load and how
# often it was referred lately, which weigh on fairness rather than fit).
REASON_KINDS = {"covers": "strength", "speaks": "strength", "acceptance": "strength", "rating": "strength",
                "response": "strength", "missing": "gap", "conflict": "gap", "capacity": "note", "recent": "note"}
REASON_KIND_LABELS = {"strength": _l("Strength"), "gap": _l("Gap"), "note": _l("Note")}


def reason_items(row) -> list[dict]:
    """The reasons of a shortlist entry or an offer as {kind, label, text}, kind being strength, gap or note;
    rows without reason codes give their stored English reasons as notes."""
    codes = getattr(row, "reason_codes", None) or []
    if getattr(row, "jurisdiction", None):
        # A team part asks the firm for its own jurisdiction only: the others are not its gap.
        codes = [(code, params) for code, params in codes
                 if not (code == "missing" and (params or {}).get("kind") == "jurisdictions")]
    texts = [reason_text(code, params) for code, params in codes]
    if not codes or any(text is None for text in texts):
        pairs = [("note", text) for text in row.reasons or []]
    else:
        pairs = [(REASON_KINDS.get(code, "note"), text) for (code, _params), text in zip(codes, texts, strict=True)]
    return [{"kind": kind, "label": str(REASON_KIND_LABELS[kind]), "text": text} for kind, text in pairs]


def reason_texts(row) -> list[str]:
    """The reasons of a shortlist entry or an offer in the current language; rows stored before reasons had
    codes, or holding a code this version does not know, show their English reasons."""
    codes = getattr(row, "reason_codes", None) or []
    texts = [reason_text(code, params) for code, params in codes]
    if not codes or any(text is None for text in texts):
        return list(row.reasons or [])
    return texts
