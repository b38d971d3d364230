"""Lookup tables built once per vocabulary version, and the typo neighbourhoods behind them."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from ..termbase import stem_word, unsplittable_terms
from ..vocabulary import (
    ANYWHERE,
    KINDS,
    LIST_ONLY,
    PROSE_ONLY,
    Vocabulary,
    get_vocabulary,
    has_nospace_script,
    strip_diacritics,
)
from .cues import _PROSE_TYPO_MIN, _STOPWORDS, _WORD_TWO_EDITS, _WORD_TYPO_MIN

_ARTICLES = frozenset({"a", "an", "the"})

# Letters of Vietnamese that no other Latin-script language of the region uses: a word written with them is
# Vietnamese ("tình trạng" is a state of things, not the Thai province of Trang).
VIETNAMESE_LETTERS = frozenset("ạảấầẩẫậắằẳẵặăẹẻẽếềểễệỉịĩọỏốồổỗộớờởỡợơụủũứừửữựưỳỵỷỹđ")


@dataclass
class _Hit:
    """One term read from prose: the kinds and codes it may stand for, and where it was found."""

    start: int
    end: int
    text: str
    senses: dict[str, frozenset[str]]
    token_start: int = -1
    token_end: int = -1


class _Index:
    """Lookup tables built once per vocabulary version."""

    def __init__(self, vocab: Vocabulary):
        self.version = vocab.version
        self.exact: dict[str, dict[str, frozenset[str]]] = {k: vocab.aliases(k) for k in KINDS}
        self.anywhere: dict[str, dict[str, frozenset[str]]] = {k: vocab.aliases(k, ANYWHERE) for k in KINDS}
        self.list_only: dict[str, dict[str, frozenset[str]]] = {k: vocab.aliases(k, LIST_ONLY) for k in KINDS}
        # Prose tables across kinds: Latin aliases by word n-gram, other scripts by substring.
        self.words: dict[str, dict[str, dict[str, frozenset[str]]]] = {ANYWHERE: {}, LIST_ONLY: {}, PROSE_ONLY: {}}
        self.chars: dict[str, dict[str, frozenset[str]]] = {}
        self.max_words = 1
        self.max_chars = 1
        for kind in KINDS:
            for scope, table in ((ANYWHERE, self.anywhere[kind]), (LIST_ONLY, self.list_only[kind])):
                for alias, codes in table.items():
                    if has_nospace_script(alias):
                        if scope == ANYWHERE:
                            key = alias.replace(" ", "")
                            self.chars.setdefault(key, {})[kind] = codes
                            self.max_chars = max(self.max_chars, len(key))
                    else:
                        self.words[scope].setdefault(alias, {})[kind] = codes
                        self.max_words = max(self.max_words, alias.count(" ") + 1)
        for kind in KINDS:
            for alias, codes in vocab.aliases(kind, PROSE_ONLY).items():
                if not has_nospace_script(alias) and alias not in self.words[ANYWHERE]:
                    self.words[PROSE_ONLY].setdefault(alias, {})[kind] = codes
        self.max_words = min(self.max_words, 8)
        # Two-word area terms by stem, so a word or two between them still reads the term: "hire Thai staff",
        # "lease the land", "register our trade mark".
        self.pairs: dict[str, dict[str, frozenset[str]]] = {}
        # Only English word order takes words between: a Vietnamese term's syllables are one word.
        unsplittable = unsplittable_terms()
        for alias, senses in self.words[ANYWHERE].items():
            if alias in unsplittable:
                continue
            parts = alias.split(" ")
            # "buy the company", "fire an employee": the article goes, so "buy the whole company" reads too.
            if len(parts) == 3 and parts[1] in _ARTICLES:
                parts = [parts[0], parts[2]]
            if len(parts) == 2 and "practice_areas" in senses and min(map(len, parts)) >= 3:
                first, second = (stem_word(w) for w in parts)
                known = self.pairs.setdefault(first, {})
                known[second] = known.get(second, frozenset()) | senses["practice_areas"]
        # Prefixes (by whole words) of the prose aliases, so a scan with typo corrections stops early.
        self.prefixes: set[str] = set()
        for table in (self.words[ANYWHERE], self.words[PROSE_ONLY]):
            for alias in table:
                parts = alias.split(" ")
                for k in range(1, len(parts) + 1):
                    self.prefixes.add(" ".join(parts[:k]))
        # Word-level typos: every word of a Latin prose alias with its one-letter deletions (two for long
        # words), so "intelectual propert" is read as "intellectual property" word by word.
        # Place names from GeoNames and CLDR's names abroad are read exactly, never as corrections: "filing" is
        # no typo of Fuling, nor Malay "bulan" of Bulan.
        exact = vocab.exact_names()
        self.alias_words: set[str] = set()
        for table in (self.words[ANYWHERE], self.words[PROSE_ONLY]):
            for alias in table:
                if alias not in exact:
                    self.alias_words.update(alias.split(" "))
        self.word_typos: dict[str, set[str]] = {}
        for word in self.alias_words:
            if len(word) < _WORD_TYPO_MIN or not word.isalpha():
                continue
            for variant in _neighbourhood(word):
                self.word_typos.setdefault(variant, set()).add(word)
        self.corrections: dict[str, tuple[tuple[str, int], ...]] = {}
        self.longest_word = max(map(len, self.word_typos), default=0)
        self.demonyms: dict[str, frozenset[str]] = vocab.demonyms("jurisdictions")
        self.vietnamese_names = vocab.marked_names("jurisdictions", VIETNAMESE_LETTERS)
        # How the term base writes each area term with accents, so that "thuê" (to hire) is not read as "thuế" (tax).
        self.area_spellings = {alias: codes for alias, codes in vocab.spellings("practice_areas").items()
                               if any(marked(way) for ways in codes.values() for way in ways)}
        self.language_jurisdictions: dict[str, frozenset[str]] = vocab.language_jurisdictions()
        # Fuzzy choices per kind: Latin aliases long enough for an edit to be a typo, not another word.
        self.fuzzy: dict[str, tuple[list[str], list[frozenset[str]]]] = {}
        for kind in KINDS:
            keys = [a for a in self.exact[kind] if len(a) >= 4 and not has_nospace_script(a) and a not in exact]
            self.fuzzy[kind] = (keys, [self.exact[kind][a] for a in keys])
        # Prose typos ("in Singapor", "arbitation"): every Latin alias and its one-letter deletions, so a
        # word one edit away is found by a few dictionary lookups instead of a scan of all aliases.
        self.typos: dict[str, set[str]] = {}
        for alias, senses in self.words[ANYWHERE].items():
            shortest = min(_PROSE_TYPO_MIN[kind] for kind in senses)
            # Short syllables ("thue tau") are other words one edit away ("thue tai"), not typos of them.
            if len(alias) < shortest or alias.count(" ") > 2 or min(map(len, alias.split())) < 4 or alias in exact:
                continue
            for variant in _deletions(alias):
                self.typos.setdefault(variant, set()).add(alias)
        self.suggest: dict[str, tuple[list[str], list[frozenset[str]]]] = {
            kind: (list(self.exact[kind]), list(self.exact[kind].values())) for kind in KINDS
        }


def marked(written: str) -> bool:
    """Whether a word written in Latin letters carries accents ("thuế", not "thue")."""
    return written != strip_diacritics(written)


def _deletions(text: str) -> set[str]:
    return {text} | {text[:i] + text[i + 1 :] for i in range(len(text))}


def _neighbourhood(word: str) -> set[str]:
    """The word and its deletions: one letter, or up to two for long words."""
    out = _deletions(word)
    if len(word) >= _WORD_TWO_EDITS:
        for variant in list(out):
            if len(variant) == len(word) - 1:
                out |= _deletions(variant)
    return out


def _word_corrections(token: str, idx: _Index) -> tuple[tuple[str, int], ...]:
    """(alias word, edits) a prose word may be a typo of: same first letter, one edit, two for long words.

    A word that is itself part of some alias may still be a typo of another ("intelectual" is Portuguese);
    the caller only lets such a word be corrected inside a longer term."""
    cached = idx.corrections.get(token)
    if cached is not None:
        return cached
    if len(token) < _WORD_TYPO_MIN or len(token) > idx.longest_word + 2 or token in _STOPWORDS or not token.isalpha():
        return ()  # a run of letters longer than any term's word by more than two edits is no typo of one
    found: dict[str, int] = {}
    for variant in _neighbourhood(token):
        for word in idx.word_typos.get(variant, ()):
            if word[0] != token[0] or word in found:
                continue
            limit = 2 if min(len(word), len(token)) >= _WORD_TWO_EDITS else 1
            dist = OSA.distance(word, token, score_cutoff=limit)
            if dist <= limit:
                found[word] = dist
    out = tuple(sorted(found.items()))
    if len(idx.corrections) > 50000:
        idx.corrections.clear()
    idx.corrections[token] = out
    return out


def _swapped_letters_typo(token: str, alias: str) -> bool:
    """Two neighbouring letters swapped, the first letter kept: "Macua" for "Macau"."""
    if len(token) != len(alias) or token[0] != alias[0]:
        return False
    diff = [i for i in range(len(token)) if token[i] != alias[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and token[diff[0]] == alias[diff[1]]
        and token[diff[1]] == alias[diff[0]]
    )


def _doubled_letter_typo(token: str, alias: str) -> bool:
    """The alias with one letter typed twice: "Maccau" for "Macau"."""
    return len(token) == len(alias) + 1 and any(
        token[i] == token[i + 1] and token[:i] + token[i + 1 :] == alias for i in range(len(token) - 1)
    )


# English derivational endings: a word with one that the term lacks is another word, not a typo of the term
# ("properly" is no misspelt "property").
_DERIVED_ENDINGS = ("ly", "ness", "ment", "ful", "less", "able", "ible")


def derived_word(written: str, term: str) -> bool:
    """Whether the written word (or phrase) ends in a derivational ending that the term does not."""
    return any(written.endswith(ending) and not term.endswith(ending) for ending in _DERIVED_ENDINGS)


_VOWELS = frozenset("aeiou")


def vowel_swapped(written: str, alias: str, known_words: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether the written word is the alias with the vowel of its first syllable put for another, or is a known
    word so: that makes another word more often than a typo ("shopping" is no misspelt "shipping", Malay
    "pelaburan" no Indonesian "peleburan"), while a later, unstressed vowel is the one people get wrong
    ("seperation", "trademerk": an a for an e); a place's name may still be misspelt so."""
    if len(written) != len(alias):
        return False
    diff = [i for i, (a, b) in enumerate(zip(written, alias, strict=True)) if a != b]
    if len(diff) != 1 or written[diff[0]] not in _VOWELS or alias[diff[0]] not in _VOWELS:
        return False
    first_vowel = next(i for i, letter in enumerate(alias) if letter in _VOWELS)
    in_first_syllable = all(letter in _VOWELS for letter in alias[first_vowel : diff[0] + 1])
    # The vowel of a closing "-er"/"-ir", "-es"/"-as" makes a word of another language ("importer", "importir").
    in_ending = diff[0] >= len(alias) - 2
    # Only the unstressed a and e are confused by people who know the word; e for i makes another ("convection").
    schwa = {written[diff[0]], alias[diff[0]]} == {"a", "e"}
    return in_first_syllable or in_ending or not schwa or written in known_words


def syllabic(alias: str) -> bool:
    """Whether an alias is written in short syllables ("nhan hieu", "thue"): a letter more or less makes another
    word there ("nhan nhieu" is "receive most"), so it is read as written, never as a typo."""
    return all(len(word) <= 4 for word in alias.split())


def _typo_hit(phrase: str, idx: _Index) -> dict[str, frozenset[str]] | None:
    """Senses of the one alias a prose phrase is a one-letter typo of, or None."""
    if len(phrase) < 6:
        return None
    found: set[str] = set()
    for variant in _deletions(phrase):
        for alias in idx.typos.get(variant, ()):
            if alias[0] == phrase[0] and OSA.distance(alias, phrase) <= 1 and not derived_word(phrase, alias) \
                    and not syllabic(alias) and not (vowel_swapped(phrase, alias, idx.alias_words)
                                                     and set(idx.words[ANYWHERE][alias]) == {"practice_areas"}):
                found.add(alias)
    senses: dict[str, frozenset[str]] = {}
    for alias in found:
        for kind, codes in idx.words[ANYWHERE][alias].items():
            if len(alias) >= _PROSE_TYPO_MIN[kind]:
                senses[kind] = senses.get(kind, frozenset()) | codes
    if not senses or any(len(codes) != 1 for codes in senses.values()):
        return None
    return senses


_INDEX: _Index | None = None


_INDEX_LOCK = threading.Lock()


def _index(vocab: Vocabulary | None = None) -> _Index:
    global _INDEX
    vocab = vocab or get_vocabulary()
    idx = _INDEX
    if idx is None or idx.version != vocab.version or vocab is not get_vocabulary():
        if vocab is not get_vocabulary():
            return _Index(vocab)
        with _INDEX_LOCK:
            if _INDEX is None or _INDEX.version != vocab.version:
                _INDEX = _Index(vocab)
            idx = _INDEX
    return idx


def _allowed_edits(length: int) -> int:
    if length <= 5:
        return 1  # only a swap of two letters, checked below
    if length <= 8:
        return 1
    if length <= 14:
        return 2
    return 3
