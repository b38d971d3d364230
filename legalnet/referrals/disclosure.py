"""What of a request a person may read: a firm sees a summary until it has accepted (jurisdictions, practice
areas, languages, urgency, a budget band, the counterparties for its conflict check and the summary the client
approved), and everything once it has; the client and staff always see everything. Pages and the API take
the view data from here, and every full disclosure to a firm is written to the audit log."""

from dataclasses import asdict, dataclass, field
from datetime import date

from legalnet.core.audit import record
from legalnet.intake.models import LegalRequest
from legalnet.referrals.access import side_of

SUMMARY = "summary"
FULL = "full"
# The longest summary a client may approve; the Check step pre-fills it from the description, cut to this.
SUMMARY_MAX = 600


def disclosure_level(user, req: LegalRequest) -> str | None:
    """'full' for staff, the client's organisation and each firm that accepted (every part of a team case);
    'summary' for another firm that had an offer of the request (open, declined, expired or withdrawn); None
    for anyone else."""
    if side_of(user, req) is not None:
        return FULL
    if not getattr(user, "is_authenticated", False) or not user.is_firm_member or user.firm_id is None:
        return None
    return SUMMARY if any(o.firm_id == user.firm_id for o in req.offers) else None


def budget_band(amount: int | None) -> tuple[int, int | None] | None:
    """The band around a budget, so that a firm sees its order without the figure: 1, 2 or 5 times a power of
    ten below it and the next such step above (e.g. 12,000 -> 10,000 to 20,000); None without a budget."""
    if amount is None:
        return None
    if amount <= 0:
        return (0, 0)
    low, steps = 1, (1, 2, 5)
    scale = 1
    while True:
        for step in steps:
            value = step * scale
            if value > amount:
                return (low, value)
            low = value
        scale *= 10


def default_summary(description: str) -> str:
    """The summary offered for approval: the description's start, cut at a word within SUMMARY_MAX characters."""
    text = " ".join((description or "").split())
    if len(text) <= SUMMARY_MAX:
        return text
    cut = text[:SUMMARY_MAX - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > SUMMARY_MAX // 2 else cut).rstrip(" ,;:") + "…"


@dataclass(frozen=True)
class RequestView:
    """A request as one person may read it; fields left out at the summary level are None."""

    level: str
    id: int
    reference: str
    jurisdictions: list[str]
    practice_areas: list[str]
    languages: list[str]
    urgency: str
    budget_currency: str
    budget_band: tuple[int, int | None] | None
    counterparties: list[str]
    found_counterparties: list[str]
    summary: str
    # Full disclosure only.
    title: str | None = None
    description: str | None = None
    client: str | None = None
    budget_amount: int | None = None
    deadline: date | None = None
    contacts: list[dict] = field(default_factory=list)

    @property
    def is_full(self) -> bool:
        """Everything of the request is shown."""
        return self.level == FULL

    def as_dict(self) -> dict:
        """JSON-ready data (the deadline as an ISO date)."""
        data = asdict(self)
        data["budget_band"] = list(self.budget_band) if self.budget_band else None
        data["deadline"] = self.deadline.isoformat() if self.deadline else None
        return data


def request_view(req: LegalRequest, level: str, contacts: list | None = None) -> RequestView:
    """The view data of `req` at `level`; `contacts` are the client's users, shown at the full level."""
    if level not in (SUMMARY, FULL):
        raise ValueError(f"unknown disclosure level {level!r}")
    base = dict(
        level=level, id=req.id, reference=req.reference or "", jurisdictions=list(req.jurisdictions or []),
        practice_areas=list(req.practice_areas or []), languages=list(req.languages or []),
        urgency=str(req.urgency.value if hasattr(req.urgency, "value") else req.urgency),
        budget_currency=req.budget_currency or "", budget_band=budget_band(req.budget_amount),
        counterparties=list(req.counterparties or []), found_counterparties=list(req.found_counterparties or []),
        summary=req.summary or "",
    )
    if level == SUMMARY:
        return RequestView(**base)
    return RequestView(
        **base, title=req.title, description=req.description, client=req.organisation.name,
        budget_amount=req.budget_amount, deadline=req.deadline,
        contacts=[{"name": u.name, "email": u.email} for u in contacts or []],
    )


def record_disclosure(user, req: LegalRequest, occasion: str) -> None:
    """Write a full disclosure of the request to a firm in the audit log: 'accepted' when the firm accepts,
    'viewed' for each later reading of the full request."""
    firm = getattr(user, "firm", None)
    record(user, f"request.disclosed.{occasion}", req,
           f"{req.reference} disclosed in full to {firm.name if firm else 'firm'} ({occasion})")


def view_for(user, req: LegalRequest, contacts: list | None = None) -> RequestView | None:
    """The request as `user` may read it (None when not at all); a firm's reading of the full request is
    audited, so the caller commits."""
    level = disclosure_level(user, req)
    if level is None:
        return None
    if level == FULL and user.is_firm_member:
        record_disclosure(user, req, "viewed")
    return request_view(req, level, contacts)

