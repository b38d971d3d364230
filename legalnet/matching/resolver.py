"""Resolve free text to vocabulary codes.

Two entry points:

- ``resolve_terms(kind, texts)`` for list fields, where each item names one term (or a few, separated by
  commas, "and", 、 …): exact alias hits first, then a scan of the item, then fuzzy hits for typos.
- ``resolve_request(...)`` for a whole request: the explicit list fields first, then the terms the title
  and description mention. Prose is scanned word by word (n-grams against the alias index) and, for
  scripts written without spaces (Chinese, Thai …), by longest substring.

Reading prose needs some care about roles. The client's own seat ("Manila-headquartered …", "based in
Singapore", "a Shenzhen seafood exporter", 我们是一家深圳的…公司) is not a place where advice is needed, and
the client's industry ("construction contractor", "shipping line", 新能源汽车企业) is not a practice area.
Languages count only next to a cue ("speak", "-speaking", "Working language:", 会说 …), so "Chinese
mainland" or "a Thai company" never becomes a language request.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .vocabulary import ANYWHERE, KINDS, LIST_ONLY, Vocabulary, get_vocabulary, has_nospace_script, normalise

# ---------------------------------------------------------------------------------------------- results


@dataclass
class TermResolution:
    """Codes resolved from a list field, in first-seen order, with what stayed unresolved."""

    codes: list[str] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    unresolved: list[str] = field(default_factory=list)
    suggestions: dict[str, list[str]] = field(default_factory=dict)

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

    def as_dict(self) -> dict[str, list[str]]:
        """The resolved codes in the shape of the `flask match --json` contract."""
        return {
            "jurisdictions": list(self.jurisdictions),
            "practice_areas": list(self.practice_areas),
            "languages": list(self.languages),
        }


# ------------------------------------------------------------------------------------------- word lists

# Words around a term that say nothing about which term it is ("tax law", "IP matters").
_GENERIC = {
    "law",
    "laws",
    "legal",
    "lawyer",
    "lawyers",
    "services",
    "service",
    "advice",
    "advisory",
    "matters",
    "matter",
    "work",
    "practice",
    "issues",
    "issue",
    "support",
    "counsel",
    "the",
    "area",
    "areas",
    "sector",
    "regulations",
    "regulation",
    "team",
    "expertise",
    "specialist",
    "specialists",
    "律师",
    "律師",
    "法律",
    "法律服务",
    "法律服務",
    "业务",
    "業務",
    "事务",
    "事務",
    "方面",
}
_GENERIC_NORM = {normalise(w) for w in _GENERIC}

_SPLIT_RE = re.compile(r"\s*(?:[,;/|、，；／+]|\band\b|\bor\b|&|＆|以及|及|和|与|與|或)\s*", re.IGNORECASE)

# Nouns that, right after a place or an industry word, describe the client rather than the matter.
_ORG_NOUNS = {
    "company",
    "companies",
    "co",
    "corp",
    "corporation",
    "contractor",
    "contractors",
    "developer",
    "developers",
    "manufacturer",
    "manufacturers",
    "maker",
    "makers",
    "producer",
    "producers",
    "exporter",
    "exporters",
    "importer",
    "importers",
    "operator",
    "operators",
    "platform",
    "platforms",
    "start",
    "startup",
    "startups",
    "business",
    "businesses",
    "enterprise",
    "enterprises",
    "provider",
    "providers",
    "chain",
    "chains",
    "line",
    "lines",
    "fund",
    "funds",
    "investor",
    "investors",
    "supplier",
    "suppliers",
    "trader",
    "traders",
    "distributor",
    "distributors",
    "group",
    "groups",
    "conglomerate",
    "sme",
    "smes",
    "multinational",
    "subsidiary",
    "player",
    "players",
    "brand",
    "brands",
    "retailer",
    "retailers",
    "shipowner",
    "owner",
    "owners",
    "house",
    "outfit",
    "bank",
    "banks",
    "insurer",
    "ltd",
    "limited",
    "pte",
    "inc",
    "llc",
    "firm",
    "manager",
    "managers",
    "miner",
    "miners",
    "builder",
    "builders",
    "lender",
    "lenders",
    "institution",
    "institutions",
    "consultancy",
    "agency",
    "franchise",
}
_HOME_AFTER = {
    "headquartered",
    "based",
    "registered",
    "incorporated",
    "domiciled",
    "listed",
    "headquarters",
    "hq",
    "owned",
}
_HOME_BEFORE = {
    "based",
    "headquartered",
    "located",
    "incorporated",
    "registered",
    "domiciled",
    "headquarters",
    "hq",
    "resident",
    "residing",
    "established",
}
_PEOPLE = {
    "lawyer",
    "lawyers",
    "firm",
    "firms",
    "counsel",
    "solicitor",
    "solicitors",
    "advocate",
    "advocates",
    "attorney",
    "attorneys",
    "partner",
    "partners",
    "advisers",
    "advisors",
    "adviser",
    "advisor",
}
_PREPOSITIONS = {
    "in",
    "into",
    "for",
    "to",
    "on",
    "at",
    "across",
    "within",
    "under",
    "with",
    "of",
    "and",
    "or",
    "between",
    "throughout",
    "concerning",
    "regarding",
    "covering",
}

# Language cues: a cue before the language (same sentence) or a cue word right after it.
_LANG_CUES_BEFORE = {
    "speak",
    "speaks",
    "speaking",
    "spoken",
    "language",
    "languages",
    "fluent",
    "fluency",
    "bilingual",
    "trilingual",
    "communicate",
    "communicating",
    "communication",
    "conversant",
    "proficient",
    "proficiency",
    "native",
    "interpreter",
    "interpreters",
    "correspond",
    "converse",
    "talk",
    "reads",
    "writes",
    "ngon",
    "bahasa",
    "pertuturan",
    "prefer",
    "preferably",
    "fasih",
    "bertutur",
    "berbahasa",
    "noi",
    "tieng",
}
_LANG_CUES_AFTER = {
    "speaking",
    "speaker",
    "speakers",
    "language",
    "languages",
    "speaking team",
    "fluent",
    "proficient",
    "native",
    "medium",
    "preferred",
    "required",
    "essential",
    "mandatory",
    "diutamakan",
}
# After a language name these make it an adjective of a person or firm ("a Thai firm"), not a language.
_NOT_LANGUAGE_AFTER = {
    "firm",
    "firms",
    "company",
    "companies",
    "lawyer",
    "lawyers",
    "counsel",
    "partner",
    "partners",
    "client",
    "clients",
    "entity",
    "subsidiary",
    "law",
    "court",
    "courts",
    "government",
    "market",
    "investor",
    "investors",
    "national",
    "nationals",
    "staff",
}
_LANG_CUES_ZH = (
    "会说",
    "會說",
    "会讲",
    "會講",
    "能说",
    "能說",
    "能讲",
    "说",
    "說",
    "讲",
    "講",
    "语言",
    "語言",
    "沟通",
    "溝通",
    "精通",
    "懂",
    "使用",
    "以",
    "用",
    "พูด",
    "ภาษา",
    "nói",
    "noi",
    "bercakap",
    "berbahasa",
)

_HOME_ZH = (
    "一家",
    "总部位于",
    "總部位於",
    "总部设在",
    "總部設在",
    "总部在",
    "總部在",
    "总部",
    "總部",
    "位于",
    "位於",
    "来自",
    "來自",
    "注册于",
    "註冊於",
    "注册在",
    "註冊在",
    "我们是",
    "我們是",
    "本公司是",
    "我司是",
    "是",
)
_MATTER_ZH = (
    "在",
    "于",
    "於",
    "到",
    "赴",
    "进入",
    "進入",
    "拓展",
    "开拓",
    "開拓",
    "涉及",
    "关于",
    "關於",
    "需要",
    "寻找",
    "尋找",
    "当地",
    "當地",
    "前往",
    "对",
    "對",
    "和",
    "及",
    "与",
    "與",
)
_ORG_ZH = (
    "公司",
    "企业",
    "企業",
    "集团",
    "集團",
    "承包商",
    "制造商",
    "製造商",
    "出口商",
    "进口商",
    "進口商",
    "开发商",
    "開發商",
    "供应商",
    "供應商",
    "运营商",
    "營運商",
    "贸易商",
    "貿易商",
    "经销商",
    "經銷商",
    "生产商",
    "生產商",
    "厂商",
    "廠商",
    "平台",
    "工厂",
    "工廠",
    "机构",
    "機構",
    "初创",
    "初創",
    "商家",
    "品牌",
)

_SENTENCE_END = set(".!?;。！？；\n")
_CLAUSE_END = _SENTENCE_END | set(",:()，：（）、[]【】")

_TOKEN_RE = re.compile(
    r"(?P<nospace>[\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u3040-\u30ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+)"
    r"|(?P<word>[0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]+(?:['’][0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff]+)*)"
    r"|(?P<amp>[&＆])"
)
_DESCRIPTOR_EN = re.compile(
    r"\b(?:we\s*(?:are|['’]re)|i\s*(?:am|['’]m)|our\s+(?:company|client|firm|group|business)\s+is|"
    r"the\s+client\s+is|my\s+company\s+is|this\s+is)\s+(?:a|an)\b",
    re.IGNORECASE,
)
_DESCRIPTOR_STOP_EN = re.compile(
    r"\b(?:need|needs|needing|require|requires|requiring|seek|seeks|seeking|looking|want|wants|would|plan|"
    r"plans|planning|intend|intends|is|are|was|which|that|who|we|and\s+we|hoping|hope|expanding|expand)\b"
    r"|[.;:,!?()]",
    re.IGNORECASE,
)
_HOME_HYPHEN_EN = re.compile(
    r"[-‐–]\s*(?:based|headquartered|incorporated|registered|domiciled|listed)\b", re.IGNORECASE
)
_DESCRIPTOR_ZH = re.compile(r"(?:我们是|我們是|我司是|本公司是|我方是|是)?一家")
_HOME_PAREN_WORDS = re.compile(
    r"based|headquarter|located|incorporated|registered|domiciled|总部|總部|位于|位於"
)
_PAREN_RE = re.compile(r"[(（]([^()（）]*)[)）]")


# ------------------------------------------------------------------------------------------ the indexes


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
        self.words: dict[str, dict[str, dict[str, frozenset[str]]]] = {ANYWHERE: {}, LIST_ONLY: {}}
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
        self.max_words = min(self.max_words, 8)
        # Fuzzy choices per kind: Latin aliases long enough for an edit to be a typo, not another word.
        self.fuzzy: dict[str, tuple[list[str], list[frozenset[str]]]] = {}
        for kind in KINDS:
            keys = [a for a in self.exact[kind] if len(a) >= 4 and not has_nospace_script(a)]
            self.fuzzy[kind] = (keys, [self.exact[kind][a] for a in keys])
        # Prose typos ("in Singapor", "arbitation"): every Latin alias and its one-letter deletions, so a
        # word one edit away is found by a few dictionary lookups instead of a scan of all aliases.
        self.typos: dict[str, set[str]] = {}
        for alias, senses in self.words[ANYWHERE].items():
            shortest = min(_PROSE_TYPO_MIN[kind] for kind in senses)
            if len(alias) < shortest or alias.count(" ") > 2:
                continue
            for variant in _deletions(alias):
                self.typos.setdefault(variant, set()).add(alias)
        self.suggest: dict[str, tuple[list[str], list[frozenset[str]]]] = {
            kind: (list(self.exact[kind]), list(self.exact[kind].values())) for kind in KINDS
        }


# Function words never start or sit inside a misspelt term; skipping them keeps the typo pass cheap.
_STOPWORDS = {
    "the",
    "and",
    "for",
    "with",
    "our",
    "are",
    "was",
    "were",
    "will",
    "would",
    "please",
    "that",
    "this",
    "from",
    "into",
    "have",
    "has",
    "had",
    "who",
    "which",
    "their",
    "they",
    "them",
    "about",
    "also",
    "need",
    "needs",
    "seeking",
    "looking",
    "work",
    "relating",
    "operations",
    "matter",
    "concerns",
    "suitable",
    "firm",
    "refer",
    "company",
    "lawyers",
    "lawyer",
    "must",
    "speak",
    "prefer",
    "team",
    "advice",
    "law",
    "legal",
    "counsel",
    "based",
    "headquartered",
    "help",
    "some",
    "other",
    "such",
}

# Shortest alias a typo in prose may resolve to: short words collide with ordinary English too easily.
_PROSE_TYPO_MIN = {"jurisdictions": 6, "languages": 6, "practice_areas": 8}


def _deletions(text: str) -> set[str]:
    return {text} | {text[:i] + text[i + 1 :] for i in range(len(text))}


def _typo_hit(phrase: str, idx: _Index) -> dict[str, frozenset[str]] | None:
    """Senses of the one alias a prose phrase is a one-letter typo of, or None."""
    if len(phrase) < 6:
        return None
    found: set[str] = set()
    for variant in _deletions(phrase):
        for alias in idx.typos.get(variant, ()):
            if alias[0] == phrase[0] and OSA.distance(alias, phrase) <= 1:
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


# ------------------------------------------------------------------------------------- single list items


def _strip_generic(norm: str) -> str:
    words = [w for w in norm.split() if w not in _GENERIC_NORM]
    out = " ".join(words)
    if has_nospace_script(out):
        for word in sorted(_GENERIC, key=len, reverse=True):
            if has_nospace_script(word) and out.endswith(word) and len(out) > len(word):
                out = out[: -len(word)]
    return out


def _allowed_edits(length: int) -> int:
    if length <= 5:
        return 1  # only a swap of two letters, checked below
    if length <= 8:
        return 1
    if length <= 14:
        return 2
    return 3


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
        # Five letters or fewer: accept only two swapped letters ("Macua"), never a changed letter.
        if len(norm) <= 5 and sorted(key) != sorted(norm):
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


def _resolve_item(kind: str, text: str, idx: _Index, result: TermResolution) -> None:
    codes = _resolve_one(kind, text, idx)
    if codes:
        for code in sorted(codes):
            result.add(code, text)
        return
    parts = [p for p in _SPLIT_RE.split(text) if p and p.strip()]
    part_codes: list[tuple[str, frozenset[str] | None]] = []
    if len(parts) > 1:
        part_codes = [(p.strip(), _resolve_one(kind, p, idx)) for p in parts]
        if all(c for _, c in part_codes):
            for part, c in part_codes:
                for code in sorted(c or ()):
                    result.add(code, part)
            return
    hits = [h for h in _scan(text, idx) if kind in h.senses]
    if hits:
        for hit in hits:
            for code in sorted(hit.senses[kind]):
                result.add(code, hit.text)
        return
    if any(c for _, c in part_codes):
        for part, c in part_codes:
            if c:
                for code in sorted(c):
                    result.add(code, part)
            elif normalise(part) not in _GENERIC_NORM:
                result.unresolved.append(part)
                result.suggestions[part] = _suggest(kind, part, idx)
        return
    result.unresolved.append(text)
    result.suggestions[text] = _suggest(kind, text, idx)


def resolve_terms(
    kind: str, texts: list[str] | tuple[str, ...], vocab: Vocabulary | None = None
) -> TermResolution:
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


# ------------------------------------------------------------------------------------------- prose scan


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


def _written_in_capitals(text: str) -> bool:
    cased = [c for c in text if c.isupper() or c.islower()]
    return bool(cased) and all(c.isupper() for c in cased)


def _scan(text: str, idx: _Index, fuzzy: bool = False) -> list[_Hit]:
    """All vocabulary terms mentioned in a text, leftmost-longest, across kinds (typos too if fuzzy)."""
    words, runs = _tokens(text)
    hits: list[_Hit] = []
    i = 0
    n = len(words)
    while i < n:
        found = None
        for size in range(min(idx.max_words, n - i), 0, -1):
            key = " ".join(w.norm for w in words[i : i + size])
            senses = idx.words[ANYWHERE].get(key)
            if senses is None:
                listed = idx.words[LIST_ONLY].get(key)
                span = text[words[i].start : words[i + size - 1].end]
                if listed is not None and _written_in_capitals(span):
                    senses = listed
            if senses is not None:
                found = (size, senses)
                break
        if found is None:
            i += 1
            continue
        size, senses = found
        hits.append(
            _Hit(
                words[i].start,
                words[i + size - 1].end,
                text[words[i].start : words[i + size - 1].end],
                dict(senses),
                i,
                i + size,
            )
        )
        i += size
    if fuzzy:
        covered = {k for h in hits for k in range(h.token_start, h.token_end)}
        # A one-word hit may be the tail of a misspelt longer term: "intelectual property" is not "property".
        for h_pos, hit in enumerate(hits):
            k = hit.token_start
            if hit.token_end - k != 1 or k == 0 or (k - 1) in covered or words[k - 1].norm in _STOPWORDS:
                continue
            senses = _typo_hit(words[k - 1].norm + " " + words[k].norm, idx)
            if senses:
                hits[h_pos] = _Hit(
                    words[k - 1].start,
                    words[k].end,
                    text[words[k - 1].start : words[k].end],
                    senses,
                    k - 1,
                    k + 1,
                )
                covered.add(k - 1)
        i = 0
        while i < n:
            if i in covered or len(words[i].norm) < 3 or words[i].norm in _STOPWORDS:
                i += 1
                continue
            for size in (2, 1):
                span = range(i, i + size)
                if i + size > n or any(k in covered or words[k].norm in _STOPWORDS for k in span):
                    continue
                if size == 1 and len(words[i].norm) < 6:
                    continue
                phrase = " ".join(words[k].norm for k in span)
                if phrase in idx.words[LIST_ONLY]:
                    continue
                senses = _typo_hit(phrase, idx)
                if senses:
                    hits.append(
                        _Hit(
                            words[i].start,
                            words[i + size - 1].end,
                            text[words[i].start : words[i + size - 1].end],
                            senses,
                            i,
                            i + size,
                        )
                    )
                    covered.update(span)
                    i += size - 1
                    break
            i += 1
    for start, _end, run in runs:
        norm = run.casefold()
        p = 0
        while p < len(norm):
            matched = 0
            for size in range(min(idx.max_chars, len(norm) - p), 0, -1):
                senses = idx.chars.get(norm[p : p + size])
                if senses is not None:
                    hits.append(_Hit(start + p, start + p + size, run[p : p + size], dict(senses)))
                    matched = size
                    break
            p += matched or 1
    hits.sort(key=lambda h: h.start)
    return hits


def _descriptor_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges that describe the client (who they are), not the matter."""
    spans: list[tuple[int, int]] = []
    for m in _PAREN_RE.finditer(text):
        inner = m.group(1)
        before = text[max(0, m.start() - 25) : m.start()].lower()
        if _HOME_PAREN_WORDS.search(inner.lower()) or re.search(
            r"\b(?:company|client|we|us|group|business|firm)\s*$", before
        ):
            spans.append((m.start(), m.end()))
    for m in _DESCRIPTOR_EN.finditer(text):
        stop = _DESCRIPTOR_STOP_EN.search(text, m.end())
        spans.append((m.end(), stop.start() if stop else len(text)))
    # "Kuala Lumpur-based REIT manager looking for …": the noun phrase after the seat describes the client.
    for m in _HOME_HYPHEN_EN.finditer(text):
        stop = _DESCRIPTOR_STOP_EN.search(text, m.end())
        spans.append((m.end(), stop.start() if stop else len(text)))
    for m in _DESCRIPTOR_ZH.finditer(text):
        end = m.end()
        while end < len(text) and text[end] not in _CLAUSE_END and text[end] not in "，。；,;":
            end += 1
        spans.append((m.end(), end))
    return spans


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _clause_before(text: str, pos: int, limit: int = 24) -> str:
    start = pos
    while start > 0 and pos - start < limit and text[start - 1] not in _CLAUSE_END:
        start -= 1
    return text[start:pos]


def _chinese_role(text: str, pos: int) -> str | None:
    """'home' or 'matter' from the nearest Chinese marker before pos in the same clause, or None."""
    before = _clause_before(text, pos)
    for end in range(len(before), 0, -1):
        chunk = before[:end]
        for marker in sorted(_HOME_ZH, key=len, reverse=True):
            if chunk.endswith(marker):
                # 是 alone marks the client only in "我们是…" style openings.
                if marker == "是" and not re.search(r"(我们|我們|我司|本公司|我方)是$", chunk):
                    continue
                return "home"
        for marker in sorted(_MATTER_ZH, key=len, reverse=True):
            if chunk.endswith(marker):
                return "matter"
    return None


def _prev_words(words: list[_Token], i: int, text: str, count: int) -> list[str]:
    out: list[str] = []
    j = i - 1
    while j >= 0 and len(out) < count:
        between = text[words[j].end : words[j + 1].start if j + 1 < len(words) else words[j].end]
        if any(ch in _CLAUSE_END for ch in between) and between.strip() not in ("-", "'"):
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
        if j > i and any(ch in _CLAUSE_END for ch in between):
            break
        if j == i and any(ch in _CLAUSE_END for ch in between):
            break
        out.append(words[j].norm)
        j += 1
    return out


def _word_index_at(words: list[_Token], pos: int) -> int:
    for k, w in enumerate(words):
        if w.start >= pos:
            return k
    return len(words)


def _is_home_place(hit: _Hit, words: list[_Token], text: str, spans: list[tuple[int, int]]) -> bool:
    if _in_spans(hit.start, spans):
        return True
    if hit.token_start < 0:
        # A place written in Chinese (or Thai …): the nearest marker before it decides.
        return _chinese_role(text, hit.start) == "home"
    after = _next_words(words, hit.token_end, text, 2)
    if after and after[0] in _HOME_AFTER:
        return True
    before = _prev_words(words, hit.token_start, text, 4)
    if not before:
        prev_char = text[: hit.start].rstrip()[-1:] if text[: hit.start].rstrip() else ""
        if prev_char and has_nospace_script(prev_char):
            return _chinese_role(text, hit.start) == "home"
        return False
    if (
        before[0] in ("in", "out")
        and len(before) > 1
        and (
            before[1] in _HOME_BEFORE or (before[1] == "of" and len(before) > 2 and before[2] in _HOME_BEFORE)
        )
    ):
        return True
    if before[0] == "from":
        return not (len(before) > 1 and before[1] in _PEOPLE)
    # "a Shenzhen seafood exporter", "an Indonesian bank": a place used as the client's adjective.
    for word in before[:2]:
        if word in ("a", "an"):
            return True
        if word in _PREPOSITIONS:
            break
    return False


def _is_client_industry(hit: _Hit, words: list[_Token], text: str, spans: list[tuple[int, int]]) -> bool:
    if _in_spans(hit.start, spans):
        return True
    if hit.token_start < 0:
        tail = text[hit.end : hit.end + 6]
        cut = len(tail)
        for k, ch in enumerate(tail):
            # A conjunction starts the next term: "并购及公司法" is two areas, not an M&A company.
            if ch in _CLAUSE_END or ch in "及和与與或及":
                cut = k
                break
        tail = tail[:cut]
        if tail.startswith(("律师", "律師", "法")):
            return False
        return any(noun in tail and not tail.split(noun, 1)[1].startswith("法") for noun in _ORG_ZH)
    after = _next_words(words, hit.token_end, text, 3)
    for k, word in enumerate(after[:2]):
        if word in _ORG_NOUNS:
            if word == "firm" and (k > 0 and after[k - 1] == "law" or k == 0):
                return False
            return True
        if word in ("law", "legal", "work", "advice", "matters", "and", "or", "in", "for"):
            return False
    return False


def _has_language_cue(hit: _Hit, words: list[_Token], text: str) -> bool:
    if hit.token_start >= 0:
        after = _next_words(words, hit.token_end, text, 2)
        if after and after[0] in _NOT_LANGUAGE_AFTER:
            return False
        if after and (after[0] in _LANG_CUES_AFTER or " ".join(after) in _LANG_CUES_AFTER):
            return True
        k = hit.token_start
    else:
        k = _word_index_at(words, hit.start)
    # A cue earlier in the same sentence: "Lawyers must speak English", "Working language: Thai".
    j = k - 1
    boundary = hit.start
    while j >= 0 and k - j <= 8:
        if any(ch in _SENTENCE_END for ch in text[words[j].end : boundary]):
            break
        if words[j].norm in _LANG_CUES_BEFORE:
            return True
        boundary = words[j].start
        j -= 1
    before = text[max(0, hit.start - 10) : hit.start]
    cut = max((before.rfind(ch) for ch in _SENTENCE_END), default=-1)
    before = before[cut + 1 :]
    return any(cue in before for cue in _LANG_CUES_ZH)


@dataclass
class ProseReading:
    """Terms found in prose, split by role."""

    jurisdictions: list[tuple[str, str]] = field(default_factory=list)
    home_jurisdictions: list[tuple[str, str]] = field(default_factory=list)
    practice_areas: list[tuple[str, str]] = field(default_factory=list)
    languages: list[tuple[str, str]] = field(default_factory=list)


def read_prose(text: str, vocab: Vocabulary | None = None) -> ProseReading:
    """Read the jurisdictions, practice areas and working languages a free-text description asks for."""
    idx = _index(vocab)
    reading = ProseReading()
    if not text or not text.strip():
        return reading
    hits = _scan(text, idx, fuzzy=True)
    if not hits:
        return reading
    words, _runs = _tokens(text)
    spans = _descriptor_spans(text)
    for hit in hits:
        senses = hit.senses
        if "languages" in senses:
            if _has_language_cue(hit, words, text):
                for code in sorted(senses["languages"]):
                    reading.languages.append((code, hit.text))
                continue
            if len(senses) == 1:
                continue
        if "jurisdictions" in senses:
            target = (
                reading.home_jurisdictions
                if _is_home_place(hit, words, text, spans)
                else reading.jurisdictions
            )
            for code in sorted(senses["jurisdictions"]):
                target.append((code, hit.text))
        if "practice_areas" in senses and not _is_client_industry(hit, words, text, spans):
            for code in sorted(senses["practice_areas"]):
                reading.practice_areas.append((code, hit.text))
    return reading


# ----------------------------------------------------------------------------------------- whole request


def resolve_request(
    title: str | None,
    description: str | None,
    jurisdictions: list[str] | tuple[str, ...] = (),
    practice_areas: list[str] | tuple[str, ...] = (),
    languages: list[str] | tuple[str, ...] = (),
    vocab: Vocabulary | None = None,
) -> RequestResolution:
    """Resolve a request: explicit list fields first, then the terms its title and description mention."""
    out = RequestResolution()
    lists = {
        "jurisdictions": resolve_terms("jurisdictions", list(jurisdictions or ()), vocab),
        "practice_areas": resolve_terms("practice_areas", list(practice_areas or ()), vocab),
        "languages": resolve_terms("languages", list(languages or ()), vocab),
    }
    readings = [read_prose(t, vocab) for t in (title, description) if t and t.strip()]
    for kind, res in lists.items():
        found = TermResolution(codes=list(res.codes), sources=dict(res.sources))
        for reading in readings:
            for code, source in getattr(reading, kind):
                found.add(code, source)
        if kind == "jurisdictions" and not found.codes:
            # Only the client's own seat is named: advice is most likely needed there.
            for reading in readings:
                for code, source in reading.home_jurisdictions:
                    found.add(code, source)
        setattr(out, kind, found.codes)
        out.sources[kind] = found.sources
        out.unresolved.extend(res.unresolved)
        out.suggestions.update(res.suggestions)
    homes: list[str] = []
    for reading in readings:
        for code, _source in reading.home_jurisdictions:
            if code not in homes:
                homes.append(code)
    out.home_jurisdictions = homes
    return out
