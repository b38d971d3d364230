"""Where a party's legal form says it comes from: "… Pte. Ltd." is Singapore's, "… Sdn Bhd" Malaysia's (then
Brunei's), "PT …" Indonesia's. The forms are data: ``form_jurisdictions`` in ``data/parties.json``."""

from __future__ import annotations

from .party_words import PARTY_WORDS
from .vocabulary import normalise

_FORMS = [(normalise(entry["form"]), bool(entry.get("prefix")), tuple(entry["jurisdictions"]))
          for entry in PARTY_WORDS["form_jurisdictions"]]


def form_jurisdictions(name: str) -> tuple[str, ...]:
    """The jurisdictions a party's legal form names, where it is most used first ("… Pte. Ltd." is SG, "…
    Sdn Bhd" MY then BN); empty when the form is shared or missing."""
    norm = normalise(name)
    for form, prefix, places in _FORMS:
        if norm == form or (norm.startswith(form + " ") if prefix else norm.endswith(" " + form)):
            return places
    return ()
