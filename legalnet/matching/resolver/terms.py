"""Resolve the items of a list field: exact alias hits, a scan of the item, then fuzzy hits for typos."""

from __future__ import annotations

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from ..vocabulary import (
    KINDS,
    Vocabulary,
    has_nospace_script,
    normalise,
)
from .cues import _GENERIC, _GENERIC_NORM, _SPLIT_RE
from .index import _allowed_edits, _deletions, _Index, _index
from .results import TermResolution
from .scan import _scan


def _strip_generic(norm: str) -> str:
    words = [w for w in norm.split() if w not in _GENERIC_NORM]
    out = " ".join(words)
    if has_nospace_script(out):
        for word in sorted(_GENERIC, key=len, reverse=True):
            if has_nospace_script(word) and out.endswith(word) and len(out) > len(word):
                out = out[: -len(word)]
    return out


def _fuzzy(kind: str, norm: str, idx: _Index) -> frozenset[str] | None:
    """Codes of the single closest alias within a typo's distance, or None when none or ambiguous."""
    if len(norm) < 4 or has_nospace_script(norm):
        return None
    keys, codes = idx.fuzzy[kind]
    limit = _allowed_edits(len(norm))
    found = process.extract(norm, keys, scorer=OSA.distance, score_cutoff=limit, limit=6)
    if not found:
        return None
    best = found[0][1]
    candidates: set[str] = set()
    for key, dist, pos in found:
        if dist != best:
            break
        # Five letters or fewer: accept only two swapped letters ("Macua") or one dropped from a longer
        # name ("Brune"), never a changed letter.
        if len(norm) <= 5 and sorted(key) != sorted(norm):
            if not (len(key) == len(norm) + 1 >= 6 and norm in _deletions(key)):
                continue
        # A different first letter is usually a different word ("Bursa" is not "Burma").
        if key[0] != norm[0] and dist > 0:
            continue
        candidates |= codes[pos]
    if len(candidates) == 1:
        return frozenset(candidates)
    return None


def _exact(kind: str, norm: str, idx: _Index) -> frozenset[str] | None:
    codes = idx.exact[kind].get(norm)
    if codes:
        return codes
    stripped = _strip_generic(norm)
    if stripped and stripped != norm:
        return idx.exact[kind].get(stripped)
    return None


def _resolve_one(kind: str, text: str, idx: _Index) -> frozenset[str] | None:
    norm = normalise(text)
    if not norm:
        return None
    codes = _exact(kind, norm, idx)
    if codes:
        return codes
    stripped = _strip_generic(norm) or norm
    return _fuzzy(kind, stripped, idx)


def _suggest(kind: str, text: str, idx: _Index, limit: int = 3) -> list[str]:
    norm = normalise(text)
    if not norm:
        return []
    keys, codes = idx.suggest[kind]
    scorer = fuzz.partial_ratio if has_nospace_script(norm) else fuzz.WRatio
    out: list[str] = []
    for _key, _score, pos in process.extract(norm, keys, scorer=scorer, score_cutoff=72, limit=12):
        for code in sorted(codes[pos]):
            if code not in out:
                out.append(code)
        if len(out) >= limit:
            break
    return out[:limit]


def _add_codes(kind: str, codes: frozenset[str], source: str, result: TermResolution) -> None:
    if kind == "languages" and len(codes) > 1:
        # "Bahasa" is Malay or Indonesian: the request's jurisdictions decide, or the user does.
        if source not in result.ambiguous:
            result.ambiguous[source] = codes
            result.unresolved.append(source)
            result.suggestions[source] = sorted(codes)
        return
    for code in sorted(codes):
        result.add(code, source)


def _resolve_item(kind: str, text: str, idx: _Index, result: TermResolution) -> None:
    codes = _resolve_one(kind, text, idx)
    if codes:
        _add_codes(kind, codes, text, result)
        return
    parts = [p for p in _SPLIT_RE.split(text) if p and p.strip()]
    part_codes: list[tuple[str, frozenset[str] | None]] = []
    if len(parts) > 1:
        part_codes = [(p.strip(), _resolve_one(kind, p, idx)) for p in parts]
        if all(c for _, c in part_codes):
            for part, c in part_codes:
                _add_codes(kind, c or frozenset(), part, result)
            return
    hits = [h for h in _scan(text, idx) if kind in h.senses]
    if hits:
        for hit in hits:
            _add_codes(kind, hit.senses[kind], hit.text, result)
        return
    if any(c for _, c in part_codes):
        for part, c in part_codes:
            if c:
                _add_codes(kind, c, part, result)
            elif normalise(part) not in _GENERIC_NORM:
                result.unresolved.append(part)
                result.suggestions[part] = _suggest(kind, part, idx)
        return
    result.unresolved.append(text)
    result.suggestions[text] = _suggest(kind, text, idx)


def resolve_terms(kind: str, texts: list[str] | tuple[str, ...], vocab: Vocabulary | None = None) -> TermResolution:
    """Resolve the items of one list field (jurisdictions, practice_areas or languages) to codes."""
    if kind not in KINDS:
        raise ValueError(f"unknown vocabulary kind {kind!r}")
    idx = _index(vocab)
    result = TermResolution()
    for text in texts or ():
        if text is None or not str(text).strip():
            continue
        _resolve_item(kind, str(text).strip(), idx, result)
    return result


def settle_shared_languages(result: TermResolution, jurisdictions) -> TermResolution:
    """Decide list items naming several languages ("Bahasa") by the jurisdictions they go with, e.g. a
    firm's own; items the jurisdictions do not decide stay unresolved with their suggestions."""
    idx = _index()
    for source, codes in list(result.ambiguous.items()):
        decided = _language_codes(idx, codes, list(jurisdictions))
        if not decided:
            continue
        for code in decided:
            result.add(code, source)
        del result.ambiguous[source]
        result.suggestions.pop(source, None)
        if source in result.unresolved:
            result.unresolved.remove(source)
    return result


def _language_codes(idx: _Index, codes: frozenset[str], jurisdictions: list[str]) -> list[str]:
    """The languages of a shared alias ("Bahasa") that the requested jurisdictions decide."""
    return sorted(c for c in codes if idx.language_jurisdictions.get(c, frozenset()) & set(jurisdictions))
