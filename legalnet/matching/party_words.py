"""The words that mark parties in a request, loaded once from ``data/parties.json``, and the regular-expression
alternation every finder builds from them."""

from __future__ import annotations

import json
import re
from pathlib import Path

PARTY_WORDS: dict = json.loads((Path(__file__).parent / "data" / "parties.json").read_text(encoding="utf-8"))


def alternatives(words: list[str]) -> str:
    """A regular-expression alternation of the words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
