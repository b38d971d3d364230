"""Scan prose for vocabulary terms: word n-grams for Latin script, substrings for scripts without spaces."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..party_words import PARTY_WORDS
from ..termbase import stem_forms, stem_word
from ..vocabulary import (
    ANYWHERE,
    LIST_ONLY,
    PROSE_ONLY,
    normalise,
)
from .cues import (
    _CLAUSE_END,
    _CUES,
    _DEMONYM_LAW,
    _DEMONYM_MATTER,
    _DESCRIPTOR_EN,
    _LIST_JOINER,
    _LOWERCASE_ABBREVIATIONS,
    _ORG_NOUNS,
    _PEOPLE,
    _PROSE_TYPO_MIN,
    _STOPWORDS,
    _TOKEN_RE,
)
from .index import (
    VIETNAMESE_LETTERS,
    _allowed_edits,
    _doubled_letter_typo,
    _Hit,
    _Index,
    _swapped_letters_typo,
    _typo_hit,
    _word_corrections,
    derived_word,
    syllabic,
    vowel_swapped,
)

# Legal forms that open a company's name ("PT Sinar Jaya", "PT lokal"): such a word before another is the form, not
# the code it also is ("PT" for Portuguese).
_NAME_OPENING_FORMS = frozenset(normalise(entry["form"]) for entry in PARTY_WORDS["form_jurisdictions"]
                                if entry.get("prefix") and " " not in entry["form"])


def _opens_company_name(words: list[_Token], i: int) -> bool:
    """Whether the word is a legal form that opens the name of a company, the name following it."""
    return (words[i].norm in _NAME_OPENING_FORMS and i + 1 < len(words)
            and words[i + 1].start - words[i].end <= 1 and words[i + 1].text[:1].isalpha())


_IDENTIFIER_WORDS = {code: (frozenset(words["after"]), frozenset(words["before"]))
                     for code, words in _CUES["identifier_words"].items()}


def _names_identifier(words: list[_Token], i: int) -> bool:
    """Whether a code is another abbreviation here: "ID card", "a copy of your ID", "user ID" (an identity document,
    not Indonesia); "get LA for the flat" (letters of administration, not Laos)."""
    after, before = _IDENTIFIER_WORDS.get(words[i].norm, (frozenset(), frozenset()))
    if i > 0 and words[i - 1].norm in _PLACE_PREPOSITIONS:
        return False  # "a lawyer in LA for our mining licence": a place after "in"
    return ((i + 1 < len(words) and words[i + 1].norm in after)
            # "MY + ID" is two codes: a word before in capitals is no possessive.
            or (i > 0 and words[i - 1].norm in before and not words[i - 1].text.isupper()))


@dataclass
class _Token:
    norm: str
    text: str
    start: int
    end: int


def _tokens(text: str) -> tuple[list[_Token], list[tuple[int, int, str]]]:
    words: list[_Token] = []
    runs: list[tuple[int, int, str]] = []
    for m in _TOKEN_RE.finditer(text):
        if m.group("nospace"):
            runs.append((m.start(), m.end(), m.group()))
        elif m.group("amp"):
            words.append(_Token("and", m.group(), m.start(), m.end()))
        else:
            norm = normalise(m.group())
            if norm:
                words.append(_Token(norm, m.group(), m.start(), m.end()))
    return words, runs


_ABBREVIATION_MAX = 5
# The plural of an abbreviation: "RSUs", "NDAs", "SPAs".
_ACRONYM_PLURAL_RE = re.compile(r"([A-Z][A-Z0-9&]{1,5})s")


def _written_in_capitals(text: str) -> bool:
    cased = [c for c in text if c.isupper() or c.islower()]
    return bool(cased) and all(c.isupper() for c in cased)


def _word_hit(words: list[_Token], text: str, i: int, size: int, senses: dict[str, frozenset[str]]) -> _Hit:
    end = words[i + size - 1].end
    return _Hit(words[i].start, end, text[words[i].start : end], senses, i, i + size)


# Kinds whose names are proper nouns, written with a capital by those who capitalise.
_PROPER_KINDS = frozenset({"jurisdictions", "languages"})


def capitalises_names(hits: list[_Hit], kinds: frozenset[str]) -> bool:
    """Whether the writer capitalises the names it writes: some hit of one of these kinds starts with a capital
    (a code in capitals, "SG", "HK", says nothing of how the writer writes names)."""
    return any(h.text[:1].isupper() and not (h.text.isupper() and len(h.text) <= 4)
               for h in hits if kinds & set(h.senses))


_CODE_BEFORE = frozenset({"in", "to", "from", "at", "and", "or", "vs", "via"})
# The words before a code that make it a place whatever follows ("in LA for …"), not a list's joiner.
_PLACE_PREPOSITIONS = _CODE_BEFORE - {"and", "or", "vs"}
# Codes that are also English words, read as words in a text typed all in capitals ("MY ENGLISH NOT GOOD").
_WORD_CODES = frozenset({"my", "id", "mo", "la"})


def _code_context(words: list[_Token], i: int, text: str) -> bool:
    """Whether a short word in a text typed in capitals stands where a place's code would: after "in", "to",
    "from" …, or before a comma, a full stop or the end ("DIVORCE IN HK.", "SG, MY AND ID")."""
    if i > 0 and words[i - 1].norm in _CODE_BEFORE:
        return True
    rest = text[words[i].end : words[i].end + 2]
    return not rest.strip() or rest.lstrip()[:1] in ",.;:!?)/&-"


def _typo_senses(
    key: str, phrase: str, size: int, edits: int, senses: dict[str, frozenset[str]]
) -> dict[str, frozenset[str]] | None:
    """The senses a typo reading may take, or None when it is too short or ambiguous to trust."""
    out: dict[str, frozenset[str]] = {}
    for kind, codes in senses.items():
        if size == 1:
            if edits > 1:
                continue
            if len(key) < _PROSE_TYPO_MIN[kind] and not (
                len(key) >= 5 and (_doubled_letter_typo(phrase, key) or _swapped_letters_typo(phrase, key))
            ):
                continue
        elif edits > _allowed_edits(len(key)) or len(key) < 8 or syllabic(key):
            continue
        out[kind] = codes
    if not out or any(len(codes) != 1 for codes in out.values()):
        return None
    return out


def _with_typos(words: list[_Token], text: str, idx: _Index, hits: list[_Hit]) -> list[_Hit]:
    """Add typo readings; a longer reading replaces the shorter exact hits inside it."""
    n = len(words)
    options = [_word_corrections(w.norm, idx) for w in words]
    candidates: list[tuple[int, int, int, dict[str, frozenset[str]]]] = []  # (size, edits, start, senses)
    if any(options):
        for i in range(n):
            # Grow readings word by word while they remain the start of some alias.
            states = [("", 0)]
            for k in range(i, min(n, i + idx.max_words)):
                grown: list[tuple[str, int]] = []
                for prefix, edits in states:
                    for word, cost in ((words[k].norm, 0), *options[k]):
                        key = f"{prefix} {word}" if prefix else word
                        if key in idx.prefixes:
                            grown.append((key, edits + cost))
                if not grown:
                    break
                states = grown[:32]
                size = k - i + 1
                for key, edits in states:
                    if not edits:
                        continue
                    senses = idx.words[ANYWHERE].get(key) or idx.words[PROSE_ONLY].get(key)
                    if senses is None:
                        continue
                    phrase = " ".join(w.norm for w in words[i : k + 1])
                    if phrase in idx.words[LIST_ONLY] or (size == 1 and phrase in idx.alias_words):
                        continue
                    if derived_word(phrase, key) or (vowel_swapped(phrase, key) and set(senses) == {"practice_areas"}):
                        continue
                    ok = _typo_senses(key, phrase, size, edits, senses)
                    if ok:
                        candidates.append((size, edits, i, ok))
    # Whole-phrase typos that cross a word boundary ("dataprivacy", "trade markss").
    for i in range(n):
        if len(words[i].norm) < 3 or words[i].norm in _STOPWORDS:
            continue
        for size in (2, 1):
            if i + size > n or any(words[k].norm in _STOPWORDS for k in range(i, i + size)):
                continue
            if size == 1 and len(words[i].norm) < 6:
                continue
            phrase = " ".join(words[k].norm for k in range(i, i + size))
            if phrase in idx.words[LIST_ONLY] or phrase in idx.words[ANYWHERE]:
                continue
            if size == 2 and syllabic(phrase):
                continue  # "mang thai" (pregnant, in Vietnamese) is no typo of "Muang Thai"
            senses = _typo_hit(phrase, idx)
            if senses:
                candidates.append((size, 1, i, senses))
    if not candidates:
        return hits
    # Readings of one span with the fewest edits are merged ("Vietnamse": Vietnam or Vietnamese), and
    # dropped when they disagree within a kind.
    best: dict[tuple[int, int], tuple[int, dict[str, frozenset[str]]]] = {}
    for size, edits, i, senses in candidates:
        seen = best.get((i, size))
        if seen is None or edits < seen[0]:
            best[(i, size)] = (edits, dict(senses))
        elif edits == seen[0]:
            for kind, codes in senses.items():
                seen[1][kind] = seen[1].get(kind, frozenset()) | codes
    merged = [
        (size, edits, i, senses)
        for (i, size), (edits, senses) in best.items()
        if all(len(codes) == 1 for codes in senses.values())
    ]
    merged.sort(key=lambda c: (-c[0], c[1], c[2]))
    # A writer who capitalises the places it names writes a misspelt one capitalised too: "change" is no
    # "Changi" in a text that writes "Samut Prakan".
    capitalises = capitalises_names(hits, _PROPER_KINDS)
    for size, _edits, i, senses in merged:
        # A word written with its accents ("Tường") is written in its own language, not a place name misspelt.
        if (capitalises and not words[i].text[:1].isupper()) or (size == 1 and not words[i].text.isascii()):
            senses = {kind: codes for kind, codes in senses.items() if kind not in _PROPER_KINDS}
            if not senses:
                continue
        end = i + size
        inside = [h for h in hits if h.token_start < end and i < h.token_end]
        # A typo reading only wins over exact hits it wholly contains and is longer than.
        if any(h.token_start < i or h.token_end > end or h.token_end - h.token_start >= size for h in inside):
            continue
        for h in inside:
            hits.remove(h)
        hits.append(_word_hit(words, text, i, size, dict(senses)))
    hits.sort(key=lambda h: h.start)
    return hits


# "We are a Malaysian takaful operator": a demonym in the writer's description of itself (``_DESCRIPTOR_EN``, with
# an adjective or two of standing) gives its seat.
_SELF_BEFORE_RE = re.compile(
    _DESCRIPTOR_EN.pattern
    + r"\s*(?:(?:leading|listed|licensed|small|mid-sized|medium-sized|large|family-owned|privately\s+held)\s+)?$",
    re.IGNORECASE)


# The demonym, up to three words and a company word, then the end of the clause or the writer's plan ("We are a
# Malaysian company planning to set up in Yangon").
_SELF_END_RE = re.compile(
    r"[\w-]+(?:\s+[\w&-]+){0,3}?\s+(?:" + "|".join(sorted(map(re.escape, _ORG_NOUNS), key=len, reverse=True))
    + r")\b\s*(?:[.,;:(（]|$|(?:(?:that|which|and)\s+)?(?:plan|plans|planning|intend|intends|intending|look|looks|"
    r"looking|want|wants|wanting|wish|wishes|wishing|hope|hopes|hoping|seek|seeks|seeking|aim|aims|aiming)\s+to\b)",
    re.IGNORECASE)


def _describes_self(text: str, start: int) -> bool:
    """Whether the demonym at ``start`` opens the writer's description of itself as a kind of company, the
    description ending at the company word ("We are a Malaysian takaful operator (BNM-licensed)."; not "… a
    Malaysian company sued in Singapore", where the description goes on to name another place)."""
    if not _SELF_BEFORE_RE.search(text, max(0, start - 60), start):
        return False
    return bool(_SELF_END_RE.match(text, start))


_VI_PLACE_PREPOSITIONS = frozenset(_CUES["vietnamese_place_prepositions"])
_PLACE_LOCATIVES = frozenset(_CUES["place_locatives"]["words"])


def _past_demonym_list(words: list[_Token], j: int, text: str, idx: _Index) -> int:
    """The index of the first word after the demonyms that follow a demonym as one list ("Thai, Lao and
    Cambodian counsel"): they share the noun after the last of them."""
    while True:
        # The next demonym, right after a comma or a slash, or after one joining word.
        for m in (j, j + 1):
            between = text[words[j - 1].end : words[m].start] if m < len(words) else ""
            if between.strip() and words[m].norm in idx.demonyms and _LIST_JOINER.fullmatch(between):
                j = m + 1
                break
        else:
            return j


def _add_demonyms(words: list[_Token], text: str, idx: _Index, hits: list[_Hit]) -> None:
    """Read a demonym right before a legal-matter noun as that jurisdiction; "a Vietnamese supplier" is not."""
    if not idx.demonyms:
        return
    by_token = {h.token_start: h for h in hits if h.token_start >= 0}
    covered = {k for h in hits for k in range(h.token_start, h.token_end)}
    for k, word in enumerate(words):
        codes = idx.demonyms.get(word.norm)
        if codes is None:
            continue
        hit = by_token.get(k)
        if k in covered and (hit is None or hit.token_end != k + 1 or "jurisdictions" in hit.senses):
            continue
        # "mở chi nhánh ở Lào": in Vietnamese the name of Laos or Thailand is its demonym too; so is "in Lào",
        # the name written with its marks after a preposition of place.
        before = words[k - 1].text.lower() if k > 0 else ""
        placed = before in _VI_PLACE_PREPOSITIONS or (before in _PLACE_LOCATIVES and not word.text.isascii())
        # "ở Campuchia và Lào": written with its marks and joined to a place named before it, it is a place too.
        placed = placed or (bool(before) and _LIST_JOINER.fullmatch(before) and not word.text.isascii() and any(
            "jurisdictions" in h.senses and h.token_end == k - 1 for h in hits))
        after = _next_words(words, _past_demonym_list(words, k + 1, text, idx), text, 3)
        if not placed and (not after or (
                after[0] == "law" and len(after) > 1 and after[1] in _PEOPLE | {"office", "offices"})):
            continue  # "a Chinese law firm" is a firm
        term = by_token.get(k + 1)
        # "Thai PDPA", "Vietnamese VAT": a statute, regulator or tax of that place, named by its acronym.
        acronym = term is not None and "practice_areas" in term.senses and _written_in_capitals(term.text)
        if not (
            placed or acronym or after[0] in _DEMONYM_MATTER
            or (len(after) > 1 and after[1] in _DEMONYM_LAW and after[0] not in _ORG_NOUNS)
            or _describes_self(text, words[k].start)
        ):
            continue
        if hit is None:
            new = _word_hit(words, text, k, 1, {"jurisdictions": codes})
            hits.append(new)
        else:
            hit.senses = {**hit.senses, "jurisdictions": codes}
    hits.sort(key=lambda h: h.start)


_RUN_GAP = set(" \t\u3000()（）")


def _abbreviation_letters(before: str, after: str) -> bool:
    """Thai and Lao abbreviations are letters with dots between them (ป.ป.ช., พ.ร.บ.), read as one word, and so is
    the word an abbreviation opens (พ.ร.บ.คอมพิวเตอร์, the Computer Crime Act)."""
    return len(before) <= 2 and all("\u0e00" <= ch <= "\u0eff" for ch in before + after)


# A number inside a term of a script without spaces: 第183條, 37号文, 9號牌, ภ.พ.30, รายงานตัว 90 วัน.
_NUMBER_GAP_RE = re.compile(r"\.?[ \t\u3000]?(\d{1,4})[ \t\u3000]?")
_NUMBER_BEFORE_RE = re.compile(r"(?<![\d.,])(\d{1,4})$")
_NUMBER_AFTER_RE = re.compile(r"\.?(\d{1,4})(?![\d.,]\d)")


def _joined_runs(text: str, runs: list[tuple[int, int, str]]) -> list[tuple[str, list[int]]]:
    """Runs of scripts without spaces, joined across spaces and brackets (홍콩(중국 특별행정구),
    ຮົງກົງ ເຂດປົກຄອງພິເສດ ຈີນ) and across a number, which they keep (第183條, ภ.พ.30), each with the position in
    the text of every character."""
    out: list[tuple[str, list[int]]] = []
    last_end, last_run = 0, ""
    run_starts = {start for start, _end, _run in runs}
    for start, end, run in runs:
        gap = text[last_end:start]
        number = _NUMBER_GAP_RE.fullmatch(gap) if out else None
        if out and (all(ch in _RUN_GAP for ch in gap) or (gap == "." and _abbreviation_letters(last_run, run))):
            joined, offsets = out[-1]
            out[-1] = (joined + run, offsets + list(range(start, end)))
        elif number:
            joined, offsets = out[-1]
            digits = list(range(last_end + number.start(1), last_end + number.end(1)))
            out[-1] = (joined + number.group(1) + run, offsets + digits + list(range(start, end)))
        else:
            before = _NUMBER_BEFORE_RE.search(text, max(0, start - 4), start)
            digits = list(range(before.start(1), before.end(1))) if before else []
            out.append(((before.group(1) if before else "") + run, digits + list(range(start, end))))
        last_end, last_run = end, run
        after = _NUMBER_AFTER_RE.match(text, end)
        if after and after.end() not in run_starts:  # a run right after the number joins it in the next round
            joined, offsets = out[-1]
            out[-1] = (joined + after.group(1), offsets + list(range(after.start(1), after.end(1))))
    return out


# What an agency does to someone: after "<act> by", an abbreviation names the agency ("arrested by PJ").
_ENFORCEMENT_ACTS = frozenset({"arrested", "detained", "raided", "investigated", "charged", "fined", "summoned",
                               "questioned", "caught", "stopped", "seized", "prosecuted", "audited", "inspected"})


def _add_split_pairs(words: list[_Token], stems: list[str], text: str, idx: _Index, hits: list[_Hit]) -> None:
    """Two-word area terms with a word or two between them, in one clause: "hire Thai staff"; and right beside each
    other when the term has an article between them ("register company" for "register a company")."""
    covered = {k for h in hits if h.token_start >= 0 for k in range(h.token_start, h.token_end)}
    for i, stem in enumerate(stems):
        seconds = idx.pairs.get(stem)
        if not seconds or i in covered:
            continue
        for j in (i + 1, i + 2, i + 3):
            if j >= len(words) or any(ch in _CLAUSE_END for ch in text[words[i].end : words[j].start]):
                break
            codes = seconds.get(stems[j])
            if codes and j not in covered:
                end = words[j].end
                hits.append(_Hit(words[i].start, end, text[words[i].start : end], {"practice_areas": codes}, i, j + 1))
                covered.update((i, j))
                break


def _admin_unit_patterns() -> list[tuple[re.Pattern, str]]:
    patterns = []
    for entry in _CUES["admin_units"]:
        letters = entry["script"]
        if entry["before"]:
            units = "|".join(map(re.escape, entry["before"]))
            patterns.append((re.compile(rf"(?<!កថា)(?P<unit>{units})(?P<name>[{letters}]{{2,12}})"), entry["code"]))
        if entry["after"]:
            units = "|".join(map(re.escape, entry["after"]))
            patterns.append((re.compile(rf"(?P<name>[{letters}]{{2,10}}?)(?P<unit>{units})"), entry["code"]))
    return patterns


_ADMIN_UNITS = _admin_unit_patterns()
_COUNTRY_BEFORE_REACH = 12
_COUNTRY_AFTER_REACH = 150


def _add_admin_units(text: str, hits: list[_Hit]) -> None:
    """A name beside a local-government unit that only one jurisdiction uses (ខណ្ឌជ្រោយចង្វារ, ဒဂုံမြို့နယ်) is a
    place there, when no known place is named at the unit or right after it."""
    places = [h for h in hits if "jurisdictions" in h.senses]
    for pattern, code in _ADMIN_UNITS:
        for m in pattern.finditer(text):
            name_start, name_end = m.span("name")
            # "…, China" right after it, or a country named just before it in the clause (ထိုင်းနိုင်ငံ မဲဆောက်မြို့နယ်, Mae
            # Sot township, Thailand): a place abroad written the local way.
            clause_start = max(text.rfind(mark, 0, m.start()) for mark in "\n.។။၊,;") + 1
            if any(
                    h.start < name_end and name_start < h.end or m.end() <= h.start <= m.end() + 3
                    or (clause_start <= h.start and 0 <= m.start() - h.end <= _COUNTRY_BEFORE_REACH
                        and code not in h.senses["jurisdictions"])
                    or (0 <= h.start - m.end() <= _COUNTRY_AFTER_REACH and code not in h.senses["jurisdictions"])
                    for h in places):
                continue
            hits.append(_Hit(m.start(), m.end(), m.group(), {"jurisdictions": frozenset({code})}))


def _inside_vietnamese_name(words, i: int, text: str) -> bool:
    """Whether a capitalised word is part of a Vietnamese name, next to a capitalised word with Vietnamese
    letters: "Loan" in "Đài Loan" (Taiwan) is not a loan; "Campuchia. Năm sau" is a sentence's end and the next."""
    word = words[i].text
    if not (word[:1].isupper() and word[1:].islower()):
        return False
    for j in (i - 1, i + 1):
        if 0 <= j < len(words):
            gap = text[words[min(i, j)].end : words[max(i, j)].start]
            if gap.strip():
                continue
            other = words[j].text
            if other[:1].isupper() and any(ch in VIETNAMESE_LETTERS for ch in other.casefold()):
                return True
    return False


def _scan(text: str, idx: _Index, fuzzy: bool = False) -> list[_Hit]:
    """All vocabulary terms mentioned in a text, leftmost-longest, across kinds.

    With ``fuzzy`` (prose), typos are read too and the longest reading wins whether it is exact or not:
    "intelectual propert" is one term, intellectual property, never "property" inside it. Prose-only names
    ("Bursa") and demonyms before a legal-matter noun ("Malaysian listing") are read there as well.
    """
    words, runs = _tokens(text)
    for w in words:
        # "China's data rules", "Vietnam’s courts": the possessive of a term is the term.
        if w.text[-2:] in ("'s", "’s") and w.norm not in idx.prefixes and w.norm[:-1] in idx.prefixes:
            w.norm = w.norm[:-1]
    # Acronyms keep their letters: "IPOS" is the IP office, not the plural of "IPO".
    stems = [w.norm if w.text.isupper() else stem_word(w.norm) for w in words]
    hits: list[_Hit] = []
    i = 0
    n = len(words)
    # A text typed all in capitals ("MY ENGLISH NOT GOOD") gives its short words no sign of being codes.
    latin = [w.text for w in words if w.text.isascii() and len(w.text) > 1 and w.text.isalpha()]
    shouting = len(latin) >= 6 and not any(w.islower() or w.istitle() for w in latin)
    while i < n:
        found = None
        for size in range(min(idx.max_words, n - i), 0, -1):
            key = " ".join(w.norm for w in words[i : i + size])
            senses = idx.words[ANYWHERE].get(key)
            if senses is None:
                # Word forms: "hiring Thai staff" is the term "hire", "leasing" is "lease".
                stem = " ".join(stems[i : i + size])
                senses = idx.words[ANYWHERE].get(stem)
                # A short term as written takes only its plural: "writing" is not "writ", nor "winding" "wind".
                if (senses is not None and size == 1 and len(stem) <= 4 and stem not in stem_forms()
                        and words[i].norm not in (stem + "s", stem + "es")):
                    senses = None
            if senses is None and fuzzy:
                senses = idx.words[PROSE_ONLY].get(key)
            if senses is None:
                listed = idx.words[LIST_ONLY].get(key)
                span = text[words[i].start : words[i + size - 1].end]
                # "RSUs", "NDAs", "EPs": an abbreviation's plural, its "s" in lower case, names no place ("SGs").
                plural = _ACRONYM_PLURAL_RE.fullmatch(span)
                abbreviation = (listed or idx.words[LIST_ONLY].get(key[:-1]) or {}) if plural else {}
                if abbreviation.keys() - {"jurisdictions"}:
                    listed = {kind: codes for kind, codes in abbreviation.items() if kind != "jurisdictions"}
                    span = plural.group(1)
                # Capitals make an abbreviation a place (BKK, HCMC), not a word that is also a village (TOLONG).
                if listed is not None and ((_written_in_capitals(span)
                                            and (len(key) <= _ABBREVIATION_MAX or "jurisdictions" not in listed))
                                           or span.casefold() in _LOWERCASE_ABBREVIATIONS) \
                        and not (shouting and size == 1 and words[i].norm in _WORD_CODES
                                 and not _code_context(words, i, text)) \
                        and not (size == 1 and (_opens_company_name(words, i) or _names_identifier(words, i))) \
                        and not (i > 1 and words[i - 1].norm == "by" and words[i - 2].norm in _ENFORCEMENT_ACTS
                                 and "jurisdictions" in listed):
                    # "arrested by PJ": the agency that acted, not a place ("governed by HK law" is one).
                    senses = listed
            if senses is not None:
                found = (size, senses)
                break
        if found is None:
            i += 1
            continue
        size, senses = found
        if size == 1 and _inside_vietnamese_name(words, i, text):
            i += 1
            continue
        hits.append(_word_hit(words, text, i, size, dict(senses)))
        i += size
    if fuzzy and n:
        hits = _with_typos(words, text, idx, hits)
        _add_demonyms(words, text, idx, hits)
        _add_split_pairs(words, stems, text, idx, hits)
    for joined, offsets in _joined_runs(text, runs):
        norm = joined.casefold()
        p = 0
        while p < len(norm):
            matched = 0
            for size in range(min(idx.max_chars, len(norm) - p), 0, -1):
                senses = idx.chars.get(norm[p : p + size])
                if senses is not None:
                    start, end = offsets[p], offsets[p + size - 1] + 1
                    hits.append(_Hit(start, end, text[start:end], dict(senses)))
                    matched = size
                    break
            p += matched or 1
    if runs:
        _add_admin_units(text, hits)
        _drop_dialect_places(text, hits)
    hits.sort(key=lambda h: h.start)
    return hits


# 福州话, 潮州話, 客家語: a place written before a word for speech names a dialect, not a place of the matter.
_DIALECT_AFTER = ("话", "話", "语", "語", "腔", "口音")


def _drop_dialect_places(text: str, hits: list[_Hit]) -> None:
    """Take the place sense from a Chinese place name that names a way of speaking there (福州话), and the hit with
    it when that was its only sense."""
    for hit in hits:
        if ("jurisdictions" in hit.senses and hit.token_start < 0 and "languages" not in hit.senses
                and text.startswith(_DIALECT_AFTER, hit.end)):
            hit.senses = {kind: codes for kind, codes in hit.senses.items() if kind != "jurisdictions"}
    hits[:] = [hit for hit in hits if hit.senses]


def _is_dash(between: str) -> bool:
    """Whether the text between two words is a dash set off by spaces ("in English - our team …"): a clause ends."""
    return between.strip() in ("-", "–", "—") and between[:1].isspace() and between[-1:].isspace()


def _prev_words(words: list[_Token], i: int, text: str, count: int) -> list[str]:
    out: list[str] = []
    j = i - 1
    while j >= 0 and len(out) < count:
        between = text[words[j].end : words[j + 1].start if j + 1 < len(words) else words[j].end]
        if (any(ch in _CLAUSE_END for ch in between) and between.strip() not in ("-", "'")) or _is_dash(between):
            break
        out.append(words[j].norm)
        j -= 1
    return out


def _next_words(words: list[_Token], i: int, text: str, count: int) -> list[str]:
    out: list[str] = []
    j = i
    while j < len(words) and len(out) < count:
        prev_end = words[j - 1].end if j > 0 else 0
        between = text[prev_end : words[j].start]
        if any(ch in _CLAUSE_END for ch in between) or _is_dash(between):
            break
        out.append(words[j].norm)
        j += 1
    return out


def _word_index_at(words: list[_Token], pos: int) -> int:
    for k, w in enumerate(words):
        if w.start >= pos:
            return k
    return len(words)
