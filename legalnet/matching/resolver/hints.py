"""Weaker evidence of the matter's place, read only when a request names no place at all.

- Minor places: districts and small towns (旺角, เกาะสมุย, Causeway Bay) are known to the vocabulary only as
  whole list items, because in running text most of them could be something else. When nothing else names a
  place, such a name in the text is the best evidence there is; named right after a word that puts something
  there ("a resort on Koh Samui", ที่เกาะสมุย), it counts before another party's place.
- The writing: a request written in Thai, Lao, Khmer or Burmese script, in Vietnamese, or in written
  Cantonese most likely concerns the jurisdiction where that is written (``written_in`` in data/cues.json).

Both are last resorts: the Check step shows the client what was read, and from which words, to confirm.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..parties import Party
from ..vocabulary import has_nospace_script, normalise
from .cues import _CUES
from .index import _Index

# A minor place written in Latin letters must be capitalised as written, and long enough not to be a word.
_LATIN_MIN_LENGTH = 6
# After a word that puts something there ("a shop in Miri") a shorter name is a place too.
_LOCATED_LATIN_MIN_LENGTH = 4
# Han names of two characters are common words as often as places ("山頂", "美孚"): three or more, or two
# right after a word that places something (喺, 在, 住).
_HAN_MIN_LENGTH = 3
_HAN_LOCATIVE = ("喺", "在", "住", "於", "于")
# Words that put something at the place named next ("on Koh Samui", ที่เกาะสมุย): see place_locatives.
_LOCATIVE_WORDS = frozenset(_CUES["place_locatives"]["words"])
_LOCATIVE_NOSPACE = tuple(_CUES["place_locatives"]["nospace"])
_HAN_RE = re.compile(r"[\u3400-\u9fff]")
_WORD_RE = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*")


def _without_parties(text: str, parties: list[Party]) -> str:
    """The text with the parties' names blanked out: a place inside a name is that party's, not the matter's."""
    for party in sorted(parties, key=lambda p: -p.start):
        text = text[: party.start] + " " * (party.end - party.start) + text[party.end :]
    return text


@lru_cache(maxsize=4)
def _nospace_minor_places(idx: _Index) -> tuple[tuple[str, str, bool], ...]:
    """(name without spaces, code, whether a two-character Han name) of the list-only place names written
    in scripts without spaces that stand for one jurisdiction; built once per vocabulary index."""
    out = []
    for alias, codes in idx.list_only["jurisdictions"].items():
        if len(codes) == 1 and has_nospace_script(alias):
            key = alias.replace(" ", "")
            out.append((key, next(iter(codes)), bool(_HAN_RE.match(key)) and len(key) < _HAN_MIN_LENGTH))
    return tuple(out)


def minor_places(text: str, idx: _Index, parties: list[Party], located: bool = False) -> list[tuple[str, str]]:
    """(code, name) of the list-only place names in the text that stand for one jurisdiction; with `located`,
    only those named right after a word that puts something there ("a resort on Koh Samui")."""
    text = _without_parties(text, parties)
    folded = normalise(text)
    found: list[tuple[str, str]] = []
    if has_nospace_script(folded):
        # Thousands of names: only those whose first letter is in the text are looked for.
        letters = set(folded)
        for key, code, short_han in _nospace_minor_places(idx):
            if key[0] not in letters:
                continue
            if short_han:
                at = folded.find(key)
                if at <= 0 or not folded[:at].endswith(_HAN_LOCATIVE):
                    continue
                if _starts_longer_name(folded, at, key, idx):
                    continue  # 住在新加坡: 新 begins a longer name, it is not 新 for Singapore
            elif key not in folded:
                continue
            if located and not _after_locative(folded, key):
                continue
            found.append((code, key))
    for match in _WORD_RE.finditer(text):
        words = match.group().split()
        for size in range(min(4, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size])
                if len(phrase) < (_LOCATED_LATIN_MIN_LENGTH if located else _LATIN_MIN_LENGTH) or not all(
                        w[:1].isupper() for w in phrase.split()):
                    continue
                codes = idx.list_only["jurisdictions"].get(normalise(phrase))
                if not codes or len(codes) != 1:
                    continue
                if located and (start == 0 or words[start - 1].lower() not in _LOCATIVE_WORDS):
                    continue
                if located and start + size < len(words) and words[start + size][:1].isupper():
                    continue  # "tại Thái Nguyên": the start of a longer name
                found.append((next(iter(codes)), phrase))
    return found


def _starts_longer_name(folded: str, at: int, key: str, idx: _Index) -> bool:
    """Whether the short name found at `at` is the start of a longer place name written there."""
    places = idx.exact["jurisdictions"]
    longest = min(len(key) + 6, len(folded) - at + 1)
    return any(folded[at : at + size] in places for size in range(len(key) + 1, longest))


def _after_locative(folded: str, key: str) -> bool:
    """Whether a place written without spaces comes, somewhere in the text, right after a locative word."""
    at = folded.find(key)
    while at >= 0:
        if folded[:at].rstrip().endswith(_LOCATIVE_NOSPACE):
            return True
        at = folded.find(key, at + 1)
    return False


def _marks(entry: dict) -> frozenset[str] | None:
    letters = entry.get("letters")
    return frozenset(letters) if letters else None


_WRITINGS = [(entry, _marks(entry)) for entry in _CUES["written_in"]]


def written_in(text: str) -> list[tuple[str, str]]:
    """(code, writing) of the jurisdiction whose script or written language the text is in, if it has one."""
    for entry, marks in _WRITINGS:
        if marks is not None:
            seen = {ch for ch in text if ch in marks}
        else:
            seen = {ch for ch in text if any(low <= ch <= high for low, high in entry["ranges"])}
        if len(seen) >= entry["min_distinct"]:
            return [(entry["code"], entry["label"])]
    return []

