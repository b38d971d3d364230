"""The words that mark parties in a request, loaded once from ``data/parties.json``, the regular-expression
alternation every finder builds from them, and the record of a party found."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .chinese_scripts import with_other_scripts

# Each Chinese word is written once, in either script; the other scripts are added on loading.
PARTY_WORDS: dict = with_other_scripts(
    json.loads((Path(__file__).parent / "data" / "parties.json").read_text(encoding="utf-8")))


def alternatives(words: list[str]) -> str:
    """A regular-expression alternation of the words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Party:
    """A party named in a text, with where it stands."""

    name: str
    start: int
    end: int
