"""Audit entries as sentences in the reader's language: "Ana Wong accepted the offer of LN-2026-0001 to
Harbour Law.", with who did it and what it was done to as named links. The stored summary is English detail
written at the time; it is shown only where it adds something the sentence does not say.

The subjects of a page of entries are named with one query per kind of subject, never one per entry."""

import re
from dataclasses import dataclass
from datetime import date

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from legalnet.accounts.models import Organisation, User
from legalnet.api.models import ApiToken
from legalnet.core.audit import AuditLog
from legalnet.core.dates import date_text
from legalnet.extensions import db
from legalnet.firms.membership import status_label
from legalnet.firms.models import Firm, FirmStatus
from legalnet.intake.models import LegalRequest, Outcome, RequestStatus
from legalnet.matching.models import TaughtAlias
from legalnet.referrals.labels import outcome_label, request_status_label
from legalnet.referrals.models import Offer

# What each action says, with the person who did it (%(who)s) and what it was done to (%(subject)s).
SENTENCES = {
    "request.submitted": _l("%(who)s submitted request %(subject)s."),
    "request.cancelled": _l("%(who)s withdrew request %(subject)s."),
    "request.rematched": _l("%(who)s matched request %(subject)s again."),
    "request.needs_review": _l("Request %(subject)s was sent to the centre for review."),
    "request.left_to_centre": _l("%(who)s left the choice of firm for %(subject)s to the centre."),
    "request.firm_chosen": _l("%(who)s chose a firm for request %(subject)s."),
    "offer.created": _l("Request %(subject)s was offered."),
    "offer.override": _l("%(who)s referred %(subject)s by hand."),
    "offer.withdrawn": _l("%(who)s withdrew the offer %(subject)s."),
    "offer.accepted": _l("%(who)s accepted the offer %(subject)s."),
    "offer.declined": _l("%(who)s declined the offer %(subject)s."),
    "offer.expired": _l("The offer %(subject)s expired unanswered."),
    "case.status": _l("%(who)s changed the status of case %(subject)s."),
    "case.closed": _l("%(who)s closed case %(subject)s."),
    "case.feedback": _l("%(who)s rated the firm of case %(subject)s."),
    "firm.applied": _l("%(who)s applied for membership for %(subject)s."),
    "firm.approve": _l("%(who)s approved the membership of %(subject)s."),
    "firm.reject": _l("%(who)s rejected the application of %(subject)s."),
    "firm.suspend": _l("%(who)s suspended %(subject)s."),
    "firm.reinstate": _l("%(who)s reinstated %(subject)s."),
    "firm.lapse": _l("The membership of %(subject)s lapsed."),
    "firm.renew": _l("%(who)s renewed the membership of %(subject)s."),
    "firm.withdraw": _l("%(who)s withdrew %(subject)s from membership."),
    "firm.profile_updated": _l("%(who)s updated the profile of %(subject)s."),
    "firm.coverage_updated": _l("%(who)s updated the coverage of %(subject)s."),
    "firm.office_added": _l("%(who)s added an office to %(subject)s."),
    "firm.office_removed": _l("%(who)s removed an office of %(subject)s."),
    "firm.lawyer_added": _l("%(who)s added a lawyer to %(subject)s."),
    "firm.lawyer_removed": _l("%(who)s removed a lawyer of %(subject)s."),
    "firm.bar_admission_added": _l("%(who)s added a bar admission at %(subject)s."),
    "firm.bar_admission_removed": _l("%(who)s removed a bar admission at %(subject)s."),
    "firm.conflicts_added": _l("%(who)s added names to the conflict register of %(subject)s."),
    "firm.conflict_removed": _l("%(who)s removed a name from the conflict register of %(subject)s."),
    "firm.admin_two_factor_required": _l("%(who)s required two-factor sign-in for the admins of %(subject)s."),
    "firm.admin_two_factor_optional": _l("%(who)s made two-factor sign-in optional for the admins of %(subject)s."),
    "firms.imported": _l("%(who)s imported member firms."),
    "user.invited": _l("%(who)s invited %(subject)s."),
    "user.password_changed": _l("%(who)s changed their password."),
    "user.password_reset": _l("%(subject)s reset their password."),
    "user.password_set": _l("%(subject)s set their password."),
    "user.password_reset_requested": _l("A password reset was asked for %(subject)s."),
    "user.email_verified": _l("%(subject)s confirmed their e-mail address."),
    "user.disabled": _l("%(who)s disabled the account of %(subject)s."),
    "user.enabled": _l("%(who)s enabled the account of %(subject)s."),
    "user.two_factor_enabled": _l("%(subject)s turned on two-factor sign-in."),
    "user.two_factor_disabled": _l("%(subject)s turned off two-factor sign-in."),
    "user.recovery_code_used": _l("%(subject)s signed in with a recovery code."),
    "organisation.registered": _l("%(who)s registered the organisation %(subject)s."),
    "api_token.created": _l("%(who)s created the API token %(subject)s."),
    "api_token.revoked": _l("%(who)s revoked the API token %(subject)s."),
    "vocabulary.alias_taught": _l("%(who)s taught the vocabulary %(subject)s."),
    "vocabulary.alias_undone": _l("%(who)s undid the taught term %(subject)s."),
    "privacy.exported": _l("%(who)s exported the personal data of %(subject)s."),
    "privacy.erased": _l("%(who)s erased the personal data of %(subject)s."),
    "privacy.anonymised": _l("The personal data of case %(subject)s was removed after the retention period."),
}
# Actions whose stored summary adds detail the sentence does not give (fields changed, office, names...).
SUMMARY_ADDS = {
    "firm.profile_updated", "firm.coverage_updated", "firm.office_added", "firm.office_removed",
    "firm.lawyer_added", "firm.lawyer_removed", "firm.bar_admission_added", "firm.bar_admission_removed",
    "firm.conflicts_added", "firm.conflict_removed", "firms.imported",
}
STATUS_CHANGE = re.compile(r"(\w+) -> (\w+)$")
CLOSED_AS = re.compile(r"closed: (\w+)$")
RATED = re.compile(r"rated (\d)$")
MEMBERSHIP_CHANGE = re.compile(r": (\w+) → (\w+)(?:, renewal (\d{4}-\d{2}-\d{2}))?$")


@dataclass
class Subject:
    """What an entry was done to, named, with the page about it when staff have one."""

    name: str
    url: str = ""

    def html(self) -> Markup:
        """The name, as a link when there is a page."""
        if self.url:
            return Markup('<a href="{}">{}</a>').format(self.url, self.name)
        return Markup("<strong>{}</strong>").format(self.name)


@dataclass
class AuditLine:
    """One entry as the audit pages show it."""

    entry: AuditLog
    sentence: Markup
    detail: str


def _names(model, ids, *columns) -> dict[int, tuple]:
    if not ids:
        return {}
    rows = db.session.execute(db.select(model.id, *columns).where(model.id.in_(ids))).all()
    return {row[0]: tuple(row[1:]) for row in rows}


def subjects_of(entries: list[AuditLog]) -> dict[tuple[str, int], Subject]:
    """Each entry's subject named, read with one query per kind of subject."""
    ids: dict[str, set[int]] = {}
    for entry in entries:
        if entry.subject_type and entry.subject_id:
            ids.setdefault(entry.subject_type, set()).add(entry.subject_id)
    found: dict[tuple[str, int], Subject] = {}
    for i, (ref,) in _names(LegalRequest, ids.get("legalrequest"), LegalRequest.reference).items():
        found["legalrequest", i] = Subject(ref or f"#{i}", url_for("referrals.staff_request", request_id=i))
    offer_ids = ids.get("offer")
    if offer_ids:
        rows = db.session.execute(
            db.select(Offer.id, Offer.request_id, LegalRequest.reference, Firm.name)
            .join(LegalRequest, LegalRequest.id == Offer.request_id).join(Firm, Firm.id == Offer.firm_id)
            .where(Offer.id.in_(offer_ids))).all()
        for i, request_id, ref, firm in rows:
            found["offer", i] = Subject(_("of %(ref)s to %(firm)s", ref=ref, firm=firm),
                                        url_for("referrals.staff_request", request_id=request_id))
    for i, (name,) in _names(Firm, ids.get("firm"), Firm.name).items():
        found["firm", i] = Subject(name, url_for("staff.firm_detail", firm_id=i))
    for i, (name,) in _names(User, ids.get("user"), User.name).items():
        found["user", i] = Subject(name, url_for("privacy.person", user_id=i))
    for i, (name,) in _names(Organisation, ids.get("organisation"), Organisation.name).items():
        found["organisation", i] = Subject(name)
    for i, (name,) in _names(ApiToken, ids.get("apitoken"), ApiToken.name).items():
        found["apitoken", i] = Subject(name)
    for i, (alias,) in _names(TaughtAlias, ids.get("taughtalias"), TaughtAlias.alias).items():
        found["taughtalias", i] = Subject(f"“{alias}”", url_for("staff.vocabulary_page"))
    return found


def _actor(entry: AuditLog, people: dict[int, tuple]) -> Markup:
    if entry.actor_id and entry.actor_id in people:
        return Subject(people[entry.actor_id][0], url_for("privacy.person", user_id=entry.actor_id)).html()
    if entry.actor_email:
        return Markup("{}").format(entry.actor_email)
    return Markup("{}").format(_("The system"))


def detail_of(entry: AuditLog) -> str:
    """What the entry adds to its sentence, in the reader's language where it is a code."""
    summary = entry.summary or ""
    if entry.action == "case.status" and (found := STATUS_CHANGE.search(summary)):
        try:
            return _("From “%(before)s” to “%(after)s”.", before=request_status_label(RequestStatus(found[1])),
                     after=request_status_label(RequestStatus(found[2])))
        except ValueError:
            return summary
    if entry.action == "case.closed" and (found := CLOSED_AS.search(summary)):
        try:
            return _("Outcome: %(outcome)s.", outcome=outcome_label(Outcome(found[1])))
        except ValueError:
            return summary
    if entry.action.startswith("firm.") and (found := MEMBERSHIP_CHANGE.search(summary)):
        try:
            text = _("From “%(before)s” to “%(after)s”.", before=status_label(FirmStatus(found[1])),
                     after=status_label(FirmStatus(found[2])))
        except ValueError:
            return summary
        if found[3]:
            text += " " + _("Renewal due %(when)s", when=date_text(date.fromisoformat(found[3])))
        return text
    if entry.action == "case.feedback" and (found := RATED.search(summary)):
        return _("%(rating)s of 5.", rating=found[1])
    if entry.action in SUMMARY_ADDS or entry.action not in SENTENCES:
        return summary
    return ""


def audit_lines(entries: list[AuditLog]) -> list[AuditLine]:
    """The entries as sentences with named links, for a page of the audit log or a firm's history."""
    subjects = subjects_of(entries)
    people = _names(User, {e.actor_id for e in entries if e.actor_id}, User.name)
    lines = []
    for entry in entries:
        subject = subjects.get((entry.subject_type, entry.subject_id))
        if subject is None:
            # A subject since deleted, or none: say what it was.
            subject = Subject(f"{entry.subject_type} #{entry.subject_id}" if entry.subject_id else "")
        template = SENTENCES.get(entry.action)
        if template is None:
            sentence = Markup("{}: {}").format(entry.action, subject.html() if subject.name else "")
        else:
            sentence = Markup(escape(str(template))) % {"who": _actor(entry, people), "subject": subject.html()}
        lines.append(AuditLine(entry, sentence, detail_of(entry)))
    return lines


SUBJECT_TYPES = {
    "legalrequest": _l("Request"),
    "offer": _l("Offer"),
    "firm": _l("Firm"),
    "user": _l("Person"),
    "organisation": _l("Client organisation"),
    "apitoken": _l("API token"),
    "taughtalias": _l("Taught term"),
}


def action_label(action: str) -> str:
    """An action named for a filter list: its sentence with the blanks left as "…"."""
    template = SENTENCES.get(action)
    return str(template) % {"who": "…", "subject": "…"} if template is not None else action


def subject_type_label(subject_type: str) -> str:
    """A kind of subject named for a filter list."""
    return str(SUBJECT_TYPES.get(subject_type, subject_type))
