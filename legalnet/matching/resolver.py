"""Resolve free text to vocabulary codes.

Two entry points:

- ``resolve_terms(kind, texts)`` for list fields, where each item names one term (or a few, separated by
  commas, "and", 、 …): exact alias hits first, then a scan of the item, then fuzzy hits for typos.
- ``resolve_request(...)`` for a whole request: the explicit list fields first, then the terms the title
  and description mention. Prose is scanned word by word (n-grams against the alias index) and, for
  scripts written without spaces (Chinese, Thai …), by longest substring.

Typos in prose are read word by word: each word may stand for an alias word one edit away (two for long
words), and the longest reading wins, exact or not, so "intelectual propert" is intellectual property and
never "property" inside it. A one-word typo must be long enough not to be another English word.

Reading prose needs some care about roles. The client's own seat ("Manila-headquartered …", "based in
Singapore", "a Shenzhen seafood exporter", "Our Hong Kong company has …", "our Rangoon office",
我们是一家深圳的…公司, 香港公司在越南…) is not a place where advice is needed (unless it is the only place
named), and the client's industry ("construction contractor", "shipping line", 新能源汽车企业) is not a
practice area. "For our Penang subsidiary" or "a Vietnam dispute" name the matter's place. A demonym
counts as a jurisdiction only right before a legal-matter noun ("Malaysian listing", "Thai courts"), never
before a party ("a Vietnamese supplier").

Languages count only next to a cue ("speak", "-speaking", "Working language:", "English please", "X is
fine", 会说, 粤语律师, 以英文为工作语言 …), and a cue after a list covers the list ("Thai and English
language", "in Thai or English", "English/Mandarin speaking"), so "Chinese mainland", "English law" or "a
Thai company" never becomes a language request. "Bahasa" alone is Malay or Indonesian: the request's
jurisdictions decide, and otherwise it stays unresolved with both suggested.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .parties import find_parties, merge_parties
from .termbase import stem_words
from .vocabulary import (
    ANYWHERE,
    KINDS,
    LIST_ONLY,
    PROSE_ONLY,
    Vocabulary,
    get_vocabulary,
    has_nospace_script,
    normalise,
)

# ---------------------------------------------------------------------------------------------- results


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
    "bercakap",
}
# Cues that only make a language of a word that cannot also be a place ("English please", not "Myanmar please").
_LANG_WEAK_AFTER = {
    "please",
    "preferably",
    "ideally",
    "only",
    "desirable",
    "needed",
    "is fine",
    "is ok",
    "is okay",
    "is preferred",
    "is required",
    "is essential",
    "is needed",
    "is a",
    "is must",
    "would be",
    "a plus",
    "an advantage",
    "ok",
    "okay",
    "fine",
    "preferred",
    "required",
    "essential",
    "mandatory",
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
    "diutamakan",
    "skills",
} | _LANG_WEAK_AFTER
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
    "listing",
    "listings",
    "authorities",
    "authority",
    "regulator",
    "regulators",
    "employee",
    "employees",
    "workers",
    "worker",
    "buyer",
    "buyers",
    "seller",
    "sellers",
    "vendor",
    "vendors",
    "customer",
    "customers",
    "counterparty",
    "counterparties",
    "party",
    "parties",
    "citizen",
    "citizens",
    "shareholder",
    "shareholders",
    "director",
    "directors",
    "people",
    "mainland",
    "tribunal",
    "legislation",
    "entities",
    "subsidiaries",
    "jurisdiction",
} | _ORG_NOUNS
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

# Right after a language in Chinese: 粤语律师, 英文沟通, 以英文为工作语言.
_LANG_CUES_ZH_AFTER = (
    "律师",
    "律師",
    "的律师",
    "的律師",
    "沟通",
    "溝通",
    "交流",
    "为工作语言",
    "為工作語言",
    "作为工作语言",
    "作為工作語言",
    "工作语言",
    "工作語言",
    "流利",
    "服务",
    "服務",
    "团队",
    "團隊",
    "能力",
    "水平",
    "优先",
    "優先",
    "母语",
    "母語",
    "翻译",
    "翻譯",
    "口译",
    "口譯",
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

# The client's own company, office or team: after a place that opens the sentence, the place is its seat.
_SEAT_NOUNS = _ORG_NOUNS - {"start", "line", "lines", "house", "chain", "chains", "platform", "platforms"} | {
    "office",
    "offices",
    "team",
    "teams",
    "entity",
    "entities",
    "branch",
    "branches",
    "affiliate",
    "affiliates",
    "subsidiaries",
    "headquarters",
    "hq",
    "parent",
    "factory",
    "plant",
    "client",
}
# Nouns naming the matter itself: after "a <place>" they make the place the matter's, not the client's.
_MATTER_NOUNS = {
    "dispute",
    "disputes",
    "claim",
    "claims",
    "lawsuit",
    "case",
    "contract",
    "deal",
    "transaction",
    "project",
    "matter",
    "arbitration",
    "litigation",
    "listing",
    "ipo",
    "acquisition",
    "merger",
    "jv",
    "joint",
    "lease",
    "tender",
    "investigation",
    "filing",
    "licence",
    "license",
    "permit",
    "court",
    "hearing",
}
# A verb right after "X company" at the start of a sentence makes the company its subject.
_SUBJECT_VERBS = {
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "needs",
    "need",
    "requires",
    "require",
    "seeks",
    "seek",
    "seeking",
    "wants",
    "want",
    "wishes",
    "plans",
    "planning",
    "intends",
    "would",
    "will",
    "must",
    "should",
    "may",
    "can",
    "looking",
    "faces",
    "facing",
    "received",
    "receives",
    "signed",
    "entered",
    "filed",
    "owns",
    "holds",
    "sold",
    "bought",
    "acquired",
    "operates",
    "expects",
    "hopes",
}
# "… review of our Penang subsidiary", "acquire our Jakarta office": the object, not the speaker's seat.
_OBJECT_VERBS = {"review", "restructure", "sell", "acquire", "audit", "advise", "close", "wind", "register"}
_ZH_OWNER = {"", "我们的", "我們的", "我们", "我們", "我司", "我方", "本公司", "本集团", "本集團", "我们在", "我們在"}
_ZH_SEAT_RE = re.compile(
    r"的?[^，。；,;:：\s在于於]{0,6}?(?:子公司|分公司|公司|企业|企業|集团|集團|办事处|辦事處|工厂|工廠|团队|團隊|客户|客戶)"
    r"(?!法)(?=在|于|於|拟|擬|计划|計劃|需要|需|想|希望|要|准备|準備|打算|将|將|有|与|與|和|对|對|正|因|被|欲|寻求|尋求|是|"
    r"[，,。；;]|$)"
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
        # Prefixes (by whole words) of the prose aliases, so a scan with typo corrections stops early.
        self.prefixes: set[str] = set()
        for table in (self.words[ANYWHERE], self.words[PROSE_ONLY]):
            for alias in table:
                parts = alias.split(" ")
                for k in range(1, len(parts) + 1):
                    self.prefixes.add(" ".join(parts[:k]))
        # Word-level typos: every word of a Latin prose alias with its one-letter deletions (two for long
        # words), so "intelectual propert" is read as "intellectual property" word by word.
        self.alias_words: set[str] = set()
        for table in (self.words[ANYWHERE], self.words[PROSE_ONLY]):
            for alias in table:
                self.alias_words.update(alias.split(" "))
        self.word_typos: dict[str, set[str]] = {}
        for word in self.alias_words:
            if len(word) < _WORD_TYPO_MIN or not word.isalpha():
                continue
            for variant in _neighbourhood(word):
                self.word_typos.setdefault(variant, set()).add(word)
        self.corrections: dict[str, tuple[tuple[str, int], ...]] = {}
        self.demonyms: dict[str, frozenset[str]] = vocab.demonyms("jurisdictions")
        self.language_jurisdictions: dict[str, frozenset[str]] = vocab.language_jurisdictions()
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


# Shortest word a word-level typo correction applies to; words this long or longer may take two edits.
_WORD_TYPO_MIN = 5
_WORD_TWO_EDITS = 10


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
    if len(token) < _WORD_TYPO_MIN or token in _STOPWORDS or not token.isalpha():
        return ()
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


def _word_hit(words: list[_Token], text: str, i: int, size: int, senses: dict[str, frozenset[str]]) -> _Hit:
    end = words[i + size - 1].end
    return _Hit(words[i].start, end, text[words[i].start : end], senses, i, i + size)


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
        elif edits > _allowed_edits(len(key)) or len(key) < 8:
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
    for size, _edits, i, senses in merged:
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


# After a demonym these make it the jurisdiction of the matter ("Malaysian listing", "Thai courts").
_DEMONYM_MATTER = {
    "law",
    "laws",
    "court",
    "courts",
    "listing",
    "listings",
    "subsidiary",
    "subsidiaries",
    "entity",
    "entities",
    "arbitration",
    "regulator",
    "regulators",
    "regulatory",
    "market",
    "markets",
    "authorities",
    "authority",
    "tribunal",
    "tribunals",
    "legislation",
    "jurisdiction",
}
# "Malaysian company law", "Thai labour law": one word, then a word saying it is the law of the place.
_DEMONYM_LAW = {"law", "laws", "court", "courts", "regulations", "regulation", "regulator", "legislation", "code"}


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
        after = _next_words(words, k + 1, text, 3)
        if not after or (after[0] == "law" and len(after) > 1 and after[1] in _PEOPLE | {"office", "offices"}):
            continue  # "a Chinese law firm" is a firm
        if not (
            after[0] in _DEMONYM_MATTER
            or (len(after) > 1 and after[1] in _DEMONYM_LAW and after[0] not in _ORG_NOUNS)
        ):
            continue
        if hit is None:
            new = _word_hit(words, text, k, 1, {"jurisdictions": codes})
            hits.append(new)
        else:
            hit.senses = {**hit.senses, "jurisdictions": codes}
    hits.sort(key=lambda h: h.start)


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
    hits: list[_Hit] = []
    i = 0
    n = len(words)
    while i < n:
        found = None
        for size in range(min(idx.max_words, n - i), 0, -1):
            key = " ".join(w.norm for w in words[i : i + size])
            senses = idx.words[ANYWHERE].get(key)
            if senses is None:
                # Word forms: "hiring Thai staff" is the term "hire", "leasing" is "lease".
                senses = idx.words[ANYWHERE].get(stem_words(key))
            if senses is None and fuzzy:
                senses = idx.words[PROSE_ONLY].get(key)
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
        hits.append(_word_hit(words, text, i, size, dict(senses)))
        i += size
    if fuzzy and n:
        hits = _with_typos(words, text, idx, hits)
        _add_demonyms(words, text, idx, hits)
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
        if not _zh_descriptor_opening(text, m.start()):
            continue  # 收购一家印尼公司: the company is the target, not the client
        end = m.end()
        while end < len(text) and text[end] not in _CLAUSE_END and text[end] not in "，。；,;":
            end += 1
        spans.append((m.end(), end))
    return spans


def _zh_descriptor_opening(text: str, pos: int) -> bool:
    """True when 一家/是一家 at pos opens the clause (or follows 是), i.e. describes the speaker."""
    before = _clause_before(text, pos).strip()
    return not before or before.endswith("是") or before in _ZH_OWNER


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
                if marker == "一家" and not _zh_descriptor_opening(chunk, len(chunk) - 2):
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


def _zh_seat_subject(text: str, hit: _Hit) -> bool:
    """香港公司在越南…, 我们的新加坡子公司需要…: a place opening the clause and naming the client's company."""
    before = _clause_before(text, hit.start).strip()
    if before not in _ZH_OWNER:
        return False
    return bool(_ZH_SEAT_RE.match(text, hit.end))


def _en_seat_subject(before: list[str], after: list[str]) -> bool:
    """The client's seat: "Our Hong Kong company has …", "our Rangoon office", "Hong Kong company seeks …".

    Not when the phrase is the object of a preposition: "a PDPA review for our Penang subsidiary" asks for
    advice on the subsidiary, in Penang."""
    noun = next((k for k, w in enumerate(after[:2]) if w in _SEAT_NOUNS), None)
    if noun is None or any(w in _PREPOSITIONS or w in ("law", "legal") for w in after[:noun]):
        return False
    following = after[noun + 1] if len(after) > noun + 1 else ""
    if following in ("law", "laws", "registration", "incorporation", "formation", "setup", "secretarial"):
        return False
    if before and before[0] in ("our", "my"):
        return not (len(before) > 1 and (before[1] in _PREPOSITIONS or before[1] in _OBJECT_VERBS))
    if not before:
        return following in _SUBJECT_VERBS
    return False


def _is_home_place(hit: _Hit, words: list[_Token], text: str, spans: list[tuple[int, int]]) -> bool:
    if _in_spans(hit.start, spans):
        return True
    if hit.token_start < 0:
        # A place written in Chinese (or Thai …): the nearest marker before it decides.
        role = _chinese_role(text, hit.start)
        return role == "home" or (role is None and _zh_seat_subject(text, hit))
    after = _next_words(words, hit.token_end, text, 4)
    if after and after[0] in _HOME_AFTER:
        return True
    before = _prev_words(words, hit.token_start, text, 4)
    if _en_seat_subject(before, after):
        return True
    if not before:
        prev_char = text[: hit.start].rstrip()[-1:] if text[: hit.start].rstrip() else ""
        if prev_char and has_nospace_script(prev_char):
            role = _chinese_role(text, hit.start)
            return role == "home" or (role is None and _zh_seat_subject(text, hit))
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
    # "a Shenzhen seafood exporter", "an Indonesian bank": a place used as the client's adjective; but
    # "a Vietnam dispute", "a Jakarta joint venture" name the matter.
    for word in before[:2]:
        if word in ("a", "an"):
            for noun in after[:3]:
                if noun in _PEOPLE or noun in _MATTER_NOUNS:
                    return False  # "a Singapore lawyer", "a Vietnam dispute"
                if noun in _SEAT_NOUNS:
                    return True
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
        if tail.startswith(("律师", "律師", "法", "一家", "一間", "一间", "该", "該", "这家", "這家", "其")):
            return False  # 收购一家印尼公司: a verb and its object, not the client's industry
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


def _language_status(hit: _Hit, words: list[_Token], text: str) -> str | None:
    """'cue' when the hit is a working language, 'not' when it is a person's or firm's adjective, else None."""
    tail = text[hit.end : hit.end + 8].lstrip()
    if tail.startswith(_LANG_CUES_ZH_AFTER):
        return "cue"  # 粤语律师, 以英文为工作语言, 用泰语沟通
    if hit.token_start >= 0:
        after = _next_words(words, hit.token_end, text, 2)
        if after and after[0] in _NOT_LANGUAGE_AFTER:
            return "not"
        if after and (after[0] in _LANG_CUES_AFTER or " ".join(after) in _LANG_CUES_AFTER):
            # "Myanmar please" asks for the place; only a strong cue makes a place name a language.
            weak = after[0] in _LANG_WEAK_AFTER or " ".join(after) in _LANG_WEAK_AFTER
            if not (weak and "jurisdictions" in hit.senses):
                return "cue"
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
            return "cue"
        boundary = words[j].start
        j -= 1
    before = text[max(0, hit.start - 10) : hit.start]
    cut = max((before.rfind(ch) for ch in _SENTENCE_END), default=-1)
    before = before[cut + 1 :]
    # Only the cues of scripts without spaces match inside a word: "noi" is in "Hanoi".
    return "cue" if any(cue in before for cue in _LANG_CUES_ZH if has_nospace_script(cue)) else None


_LIST_JOINER = re.compile(r"\s*[,/&、，]?\s*(?:and/or|and|or|和|或者|或|及|以及|与|與)?\s*", re.IGNORECASE)
# After "in Thai or English" these leave the phrase about the language ("… in English please").
_AFTER_IN_LANGUAGE = {"please", "only", "preferably", "ideally", "if", "where", "too", "also", "as", "is", "would"}


def _language_groups(hits: list[_Hit], words: list[_Token], text: str, idx: _Index) -> dict[int, str | None]:
    """Status of each language hit; a list of languages shares its cue ("Thai and English language")."""
    out: dict[int, str | None] = {}
    groups: list[list[_Hit]] = []
    for hit in hits:
        if "languages" not in hit.senses:
            continue
        if groups and _LIST_JOINER.fullmatch(text[groups[-1][-1].end : hit.start]):
            groups[-1].append(hit)
        else:
            groups.append([hit])
    for group in groups:
        statuses = [_language_status(h, words, text) for h in group]
        if "not" in statuses:
            status: str | None = "not"
        elif "cue" in statuses:
            status = "cue"
        else:
            status = _in_language_cue(group, words, text, idx)
        for hit in group:
            out[id(hit)] = status
    return out


def _in_language_cue(group: list[_Hit], words: list[_Token], text: str, idx: _Index) -> str | None:
    """'in' before a language that ends the clause: "… in Thai or English", "in English please"."""
    first, last = group[0], group[-1]
    if first.token_start < 0 or last.token_start < 0:
        return None
    if any("jurisdictions" in h.senses for h in group):
        return None  # "in Myanmar" is the place
    if len(group) == 1 and normalise(first.text) in idx.list_only["jurisdictions"]:
        return None  # "in Lao", "in Thai" alone may mean the country
    before = _prev_words(words, first.token_start, text, 1)
    if before != ["in"]:
        return None
    after = _next_words(words, last.token_end, text, 1)
    return "cue" if not after or after[0] in _AFTER_IN_LANGUAGE else None


@dataclass
class ProseReading:
    """Terms found in prose, split by role."""

    jurisdictions: list[tuple[str, str]] = field(default_factory=list)
    home_jurisdictions: list[tuple[str, str]] = field(default_factory=list)
    practice_areas: list[tuple[str, str]] = field(default_factory=list)
    languages: list[tuple[str, str]] = field(default_factory=list)
    # A language alias shared by several languages ("Bahasa"), decided later by the jurisdictions.
    ambiguous_languages: list[tuple[str, frozenset[str]]] = field(default_factory=list)


def _language_codes(idx: _Index, codes: frozenset[str], jurisdictions: list[str]) -> list[str]:
    """The languages of a shared alias ("Bahasa") that the requested jurisdictions decide."""
    return sorted(c for c in codes if idx.language_jurisdictions.get(c, frozenset()) & set(jurisdictions))


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
    language_status = _language_groups(hits, words, text, idx)
    for hit in hits:
        senses = hit.senses
        if "languages" in senses:
            if language_status.get(id(hit)) == "cue":
                if len(senses["languages"]) > 1:
                    reading.ambiguous_languages.append((hit.text, senses["languages"]))
                else:
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


def _is_term(norm: str, idx: _Index) -> bool:
    """Whether a normalised name is only a vocabulary term: a place, an area word, a regulator."""
    return any(_exact(kind, norm, idx) for kind in KINDS)


def _read_parties(out: RequestResolution, title, description, given, idx: _Index) -> None:
    found: list[str] = []
    for text in (title, description):
        for name in find_parties(text or "", lambda norm: _is_term(norm, idx)):
            if name not in found:
                found.append(name)
    given = [c.strip() for c in given or () if isinstance(c, str) and c.strip()]
    out.given_counterparties, out.counterparties = merge_parties(given, found)


def resolve_request(
    title: str | None,
    description: str | None,
    jurisdictions: list[str] | tuple[str, ...] = (),
    practice_areas: list[str] | tuple[str, ...] = (),
    languages: list[str] | tuple[str, ...] = (),
    vocab: Vocabulary | None = None,
    counterparties: list[str] | tuple[str, ...] = (),
) -> RequestResolution:
    """Resolve a request: explicit list fields first, then the terms its title and description mention,
    and the parties it names."""
    out = RequestResolution()
    _read_parties(out, title, description, counterparties, _index(vocab))
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
        unresolved = list(res.unresolved)
        suggestions = dict(res.suggestions)
        if kind == "languages":
            idx = _index(vocab)
            shared = list(res.ambiguous.items())
            shared += [item for reading in readings for item in reading.ambiguous_languages]
            for text, codes in shared:
                picked = _language_codes(idx, codes, out.jurisdictions)
                if picked:
                    for code in picked:
                        found.add(code, text)
                    if text in unresolved:
                        unresolved.remove(text)
                        suggestions.pop(text, None)
                elif text not in unresolved:
                    unresolved.append(text)
                    suggestions[text] = sorted(codes)
        setattr(out, kind, found.codes)
        out.sources[kind] = found.sources
        out.unresolved.extend(unresolved)
        out.suggestions.update(suggestions)
    homes: list[str] = []
    for reading in readings:
        for code, _source in reading.home_jurisdictions:
            if code not in homes:
                homes.append(code)
    out.home_jurisdictions = homes
    return out
