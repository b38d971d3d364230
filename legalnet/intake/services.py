"""Taking in a client's request: reading what it asks for, storing it with a readable reference, computing
the shortlist, and the client withdrawing it before a firm accepts. Services flush, never commit."""

import re
from dataclasses import dataclass, field
from datetime import date

from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from legalnet.core.audit import record
from legalnet.core.errors import InvalidTransition, NotAllowed, ValidationFailed
from legalnet.core.localtime import today
from legalnet.core.models import utcnow
from legalnet.extensions import db
from legalnet.intake.forms import DESCRIPTION_MAX
from legalnet.intake.models import LegalRequest, RequestStatus, Urgency
from legalnet.matching.conflicts import ConflictScreen
from legalnet.matching.models import UnresolvedTerm
from legalnet.matching.services import label, resolve_request
from legalnet.matching.vocabulary import get_vocabulary, normalise
from legalnet.notifications.services import firm_users, notify
from legalnet.privacy.consent import record_consent
from legalnet.referrals import access, offers
from legalnet.referrals.disclosure import SUMMARY_MAX
from legalnet.referrals.models import Audience, OfferStatus
from legalnet.referrals.states import check_transition, transition

KINDS = ("jurisdictions", "practice_areas", "languages")
# The longest party name kept, as for a counterparty the client lists.
COUNTERPARTY_MAX = 300


@dataclass
class RequestInput:
    """What the client entered on the intake form."""

    title: str
    description: str = ""
    jurisdictions: list[str] = field(default_factory=list)
    practice_areas: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    counterparties: list[str] = field(default_factory=list)
    urgency: Urgency = Urgency.STANDARD
    budget_amount: int | None = None
    budget_currency: str = ""
    deadline: date | None = None
    consent_to_share: bool = False
    # The version of the sharing notice shown with the consent box (the current one when not given), the
    # language it was shown in and where it was given: recorded with the consent.
    consent_version: str | None = None
    consent_locale: str = ""
    consent_channel: str = "web"
    # Parties found in the text that the client unticked on the Check step: not screened, not stored.
    removed_counterparties: list[str] = field(default_factory=list)
    # Names the Check step set aside as the client's own providers or neutrals that the client ticked: screened.
    added_counterparties: list[str] = field(default_factory=list)
    # The summary the client approved for firms to read before they accept.
    summary: str = ""
    # Terms the Check step showed as understood that the client removed, by kind: not read into the request.
    removed_terms: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Understanding:
    """What the typed and picked terms were read as, with labels to show back to the client."""

    jurisdictions: list[str]
    practice_areas: list[str]
    languages: list[str]
    unresolved: list[str]
    suggestions: dict[str, list[str]]
    # Parties named in the title or description, other than the ones the client listed.
    found_counterparties: list[str] = field(default_factory=list)
    # Practice areas the text touches on without being what it is about; the client may add them.
    also_mentioned: list[str] = field(default_factory=list)
    # Names the text gives the client's own providers or neutrals (its bank, the arbitrator): not screened unless
    # the client ticks them.
    set_aside_counterparties: list[str] = field(default_factory=list)

    def labels(self, locale: str = "en") -> dict[str, list[str]]:
        """Display labels of the resolved codes, by kind."""
        return {kind: [label(kind, code, locale) for code in getattr(self, kind)]
                for kind in ("jurisdictions", "practice_areas", "languages")}

    def readable_suggestions(self, locale: str = "en") -> dict[str, list[str]]:
        """The "did you mean" options of each unresolved text, as labels rather than codes."""
        vocab = get_vocabulary()
        out: dict[str, list[str]] = {}
        for text, options in self.suggestions.items():
            labels = []
            for option in options:
                kind = next((k for k in ("jurisdictions", "practice_areas", "languages") if vocab.has(k, option)), None)
                readable = label(kind, option, locale) if kind else str(option)
                if readable not in labels:
                    labels.append(readable)
            out[text] = labels
        return out


def split_lines(text: str | None) -> list[str]:
    """One item per non-empty line, trimmed, duplicates dropped."""
    seen: list[str] = []
    for line in (text or "").splitlines():
        line = line.strip()
        if line and line not in seen:
            seen.append(line)
    return seen


def split_items(text: str | None) -> list[str]:
    """Items typed in one box, separated by commas, semicolons or new lines (in any script)."""
    return [part.strip() for part in re.split(r"[,;\n，；、]", text or "") if part.strip()]


def understand(data: RequestInput, own_names: list[str] | tuple[str, ...] = ()) -> Understanding:
    """Resolve the request's picked codes and typed text to vocabulary codes; ``own_names`` are the names of the
    client's organisation, which the text may name but which is never its counterparty."""
    resolution = resolve_request(data.title, data.description, data.jurisdictions, data.practice_areas,
                                 data.languages, counterparties=data.counterparties)
    own = ConflictScreen([name for name in own_names if name])
    found = list(dict.fromkeys(name[:COUNTERPARTY_MAX] for name in resolution.counterparties if not own.check([name])))
    set_aside = [name for name in dict.fromkeys(name[:COUNTERPARTY_MAX] for name in resolution.set_aside_parties)
                 if name not in found and not own.check([name])]
    removed = {kind: set(data.removed_terms.get(kind, ())) for kind in KINDS}
    kept = {kind: [code for code in getattr(resolution, kind) if code not in removed[kind]] for kind in KINDS}
    also = [code for code in resolution.also_mentioned
            if code not in resolution.practice_areas and code not in removed["practice_areas"]]
    return Understanding(kept["jurisdictions"], kept["practice_areas"], kept["languages"],
                         list(resolution.unresolved), dict(resolution.suggestions), found, also, set_aside)


def own_names_of(user) -> list[str]:
    """The names the client's own organisation goes by."""
    organisation = getattr(user, "organisation", None)
    return [organisation.name] if organisation is not None and organisation.name else []


def confirmed_counterparties(seen: Understanding, data: RequestInput) -> list[str]:
    """The parties found in the text that the client did not untick, and the names set aside that it ticked."""
    removed, added = set(data.removed_counterparties), set(data.added_counterparties)
    return [name for name in seen.found_counterparties if name not in removed] + [
        name for name in seen.set_aside_counterparties if name in added]


def unresolved_kind(data: RequestInput, text: str) -> str:
    """The list an unresolved text came from: the one holding it as an item or inside an item."""
    for kind in KINDS:
        items = getattr(data, kind)
        if text in items or any(text in item for item in items):
            return kind
    # Only a name shared by several languages ("Bahasa") stays unresolved when read in the description.
    return "languages"


def record_unresolved_terms(req: LegalRequest, data: RequestInput, unresolved: list[str]) -> None:
    """Keep each term the request left unresolved, with its list, for the staff vocabulary page."""
    seen: set[tuple[str, str]] = set()
    for text in unresolved:
        text = text.strip()[:UnresolvedTerm.text.type.length]
        kind, normalized = unresolved_kind(data, text), normalise(text)[:UnresolvedTerm.normalized.type.length]
        if normalized and (kind, normalized) not in seen:
            seen.add((kind, normalized))
            db.session.add(UnresolvedTerm(request_id=req.id, kind=kind, text=text, normalized=normalized))


def submit_request(user, data: RequestInput) -> LegalRequest:
    """Store the client's request, give it a reference, compute its shortlist and move it on:
    to `matched` when firms fit, else to `needs_review` (staff are told)."""
    if not user.is_client or user.organisation_id is None:
        raise NotAllowed(_l("Only client users of an organisation can submit requests."))
    if not data.consent_to_share:
        raise ValidationFailed(_l("You need to agree that the request is shared with the matched firms."))
    if not (data.title or "").strip():
        raise ValidationFailed(_l("Give the request a title."))
    if data.deadline is not None and data.deadline < today():
        raise ValidationFailed(_l("The deadline cannot be in the past: choose today or a later date."))
    if data.budget_amount is not None and data.budget_amount < 0:
        raise ValidationFailed(_l("The budget cannot be negative."))
    if len(data.description or "") > DESCRIPTION_MAX:
        raise ValidationFailed(_l("The description has %(length)s characters; the limit is %(max)s. Shorten it "
                                  "(you can share documents with the firm once it accepts).",
                                  length=format_decimal(len(data.description)), max=format_decimal(DESCRIPTION_MAX)))
    if len((data.summary or "").strip()) > SUMMARY_MAX:
        raise ValidationFailed(_l("The summary for firms can be at most %(max)s characters.", max=SUMMARY_MAX))
    seen = understand(data, own_names_of(user))
    req = LegalRequest(
        summary=(data.summary or "").strip(),
        organisation_id=user.organisation_id, created_by_id=user.id, title=data.title.strip(),
        description=(data.description or "").strip(), raw_jurisdictions=list(data.jurisdictions),
        raw_practice_areas=list(data.practice_areas), raw_languages=list(data.languages),
        jurisdictions=seen.jurisdictions, practice_areas=seen.practice_areas, languages=seen.languages,
        unresolved=seen.unresolved, counterparties=list(data.counterparties),
        found_counterparties=confirmed_counterparties(seen, data), urgency=Urgency(data.urgency),
        budget_amount=data.budget_amount, budget_currency=(data.budget_currency or "") if data.budget_amount else "",
        deadline=data.deadline, consent_to_share=True, status=RequestStatus.SUBMITTED,
    )
    db.session.add(req)
    db.session.flush()
    # The id is unique, so a reference built from it cannot collide however many clients submit at once.
    req.reference = f"GBA-{(req.created_at or utcnow()).year}-{req.id:06d}"
    record_unresolved_terms(req, data, seen.unresolved)
    offers.add_event(req, "submitted", actor=user, params={})
    record_consent(user, req, data.consent_version, data.consent_locale or user.locale or "en", data.consent_channel)
    record(user, "request.submitted", req, f"{req.reference} {req.title}")
    db.session.flush()
    offers.compute_shortlist(req)
    eligible = offers.eligible_matches(req)
    if eligible:
        transition(req, RequestStatus.MATCHED)
        count = len(eligible)
        offers.add_event(req, "matched", audience=Audience.CLIENT, params={"count": count})
    else:
        offers.send_to_review(req, None, "no_fit")
    return req


def cancel_request(req: LegalRequest, user, reason: str = "") -> None:
    """The client withdraws the request before a firm accepts it; open offers are withdrawn."""
    if not access.can_view_request(user, req) or not (user.is_client or user.is_staff):
        raise NotAllowed(_l("You cannot cancel this request."))
    offers.lock_request(req)
    check_transition(req, RequestStatus.CANCELLED)
    now = utcnow()
    for offer in req.open_offers:
        offers.end_offer(offer, OfferStatus.WITHDRAWN, now=now)
        offer.reason = "request cancelled"
        reference = req.reference
        notify(firm_users(offer.firm), "offer.withdrawn",
               lambda ref=reference: _("The client withdrew request %(ref)s.", ref=ref),
               link=offers.offer_link(offer))
    transition(req, RequestStatus.CANCELLED)
    offers.add_event(req, "cancelled", actor=user, audience=Audience.CLIENT,
                        params={"reason": (reason or "").strip()})
    record(user, "request.cancelled", req, f"{req.reference} cancelled", reason)


def ask_centre_to_look_further(req: LegalRequest, user) -> None:
    """The client sets the shortlist aside and asks the centre to look further (for a firm or a team covering
    the whole request): the request goes to the staff queue, and staff are told."""
    if not user.is_client or not access.can_view_request(user, req):
        raise NotAllowed(_l("Only the client of a request can ask the centre to look further."))
    offers.lock_request(req)
    if req.status != RequestStatus.MATCHED:
        raise InvalidTransition(_l("The centre can be asked to look further only while you are choosing a firm."))
    offers.send_to_review(req, user, "client_asked_further")


def rematch(req: LegalRequest, user) -> None:
    """Staff run the matcher again on a request that needs review (e.g. after new firms joined)."""
    if not user.is_staff:
        raise NotAllowed(_l("Only centre staff can run the matching again."))
    offers.lock_request(req)
    if req.status != RequestStatus.NEEDS_REVIEW:
        raise InvalidTransition(_l("Only a request that needs review can be matched again."))
    shortlist = offers.compute_shortlist(req)
    if not offers.eligible_matches(req):
        raise ValidationFailed(_l("The matcher still finds no eligible firm; refer the request by hand."))
    transition(req, RequestStatus.MATCHED)
    offers.add_event(req, "matched", actor=user, audience=Audience.CLIENT,
                        params={"count": len(shortlist), "again": True})
    record(user, "request.rematched", req, f"{req.reference} matched again")
