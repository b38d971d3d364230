"""What resolving gives back: codes of list fields and of whole requests."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TermResolution:
    """Codes resolved from a list field, in first-seen order, with what stayed unresolved."""

    codes: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    unresolved: list[str] = field(default_factory=list)
    suggestions: dict[str, list[str]] = field(default_factory=dict)
    # Items naming one of several languages ("Bahasa"): unresolved here, decided by a request's jurisdictions.
    ambiguous: dict[str, frozenset[str]] = field(default_factory=dict)

    def add(self, code: str, source: str) -> None:
        """Record a code once, keeping the first text it came from."""
        if code not in self.sources:
            self.codes.append(code)
            self.sources[code] = source


@dataclass
class RequestResolution:
    """What a request asks for, as codes, and the user's terms that could not be read."""

    jurisdictions: list[str] = field(default_factory=list)
    practice_areas: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    suggestions: dict[str, list[str]] = field(default_factory=dict)
    sources: dict[str, dict[str, str]] = field(default_factory=dict)
    home_jurisdictions: list[str] = field(default_factory=list)
    # Parties named in the title or description and not already given (screened with the given ones).
    counterparties: list[str] = field(default_factory=list)
    # The parties the client listed, less the short forms the text spells out in full ("PT MDU").
    given_counterparties: list[str] = field(default_factory=list)
    # Practice areas the text touches on but that are not what the request is about.
    also_mentioned: list[str] = field(default_factory=list)
    # Parties the text names on the client's side or as neutrals (its bank, the arbitrator): not screened.
    set_aside_parties: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, list[str]]:
        """The resolved codes in the shape of the `flask match --json` contract."""
        return {
            "jurisdictions": list(self.jurisdictions),
            "practice_areas": list(self.practice_areas),
            "languages": list(self.languages),
            "counterparties": self.screened_counterparties,
        }

    @property
    def screened_counterparties(self) -> list[str]:
        """Every name the conflict screen checks: the given ones, then the ones found in the text."""
        return list(self.given_counterparties) + [c for c in self.counterparties if c not in self.given_counterparties]
