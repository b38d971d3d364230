"""Conflict screen: a request's counterparties against a firm's conflict register.

Names are compared after ``normalise_entity``: case, width, diacritics and punctuation folded, common
abbreviations spelled out ("Hldgs", "Grp", "Mfg", "GZ" …) and legal forms removed ("Co., Ltd.", "Pte. Ltd.",
"Sdn. Bhd.", "PCL", "JSC", "PT … Tbk", "Berhad", "Limited", "有限公司", "Công ty TNHH" …). What is left is
compared exactly and then with a fuzzy cut-off, so "Siam Cement Public Company Limited" matches
"SIAM CEMENT PCL" while "Siam Cement" does not match "Siam Commercial Bank".

"Group" and "Holdings" (集团, 控股) are kept in the normalised name: "X Holdings" and "X" are often separate
legal entities, and the register should show what was recorded. The screen still treats "X Group" and "X"
as the same party, because a missed conflict costs far more than a referral that staff clear by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .entity_names import collapse_initialisms, has_chinese, latin_form
from .vocabulary import normalise

CUTOFF = 90.0

# Legal forms as normalised word sequences, longest first so "public company limited" beats "limited".
_LEGAL_FORMS = [
    "public company limited",
    "public co limited",
    "public co ltd",
    "public limited company",
    "joint stock company",
    "joint stock co",
    "private limited company",
    "private limited",
    "sendirian berhad",
    "company limited",
    "co limited",
    "co ltd",
    "pte ltd",
    "pte limited",
    "pvt ltd",
    "sdn bhd",
    "sdn berhad",
    "bhd",
    "berhad",
    "pcl",
    "plc",
    "jsc",
    "limited",
    "ltd",
    "incorporated",
    "inc",
    "corporation",
    "corp",
    "llc",
    "llp",
    "lp",
    "company",
    "co",
    "pte",
    "pty ltd",
    "pty",
    "tbk",
    "persero",
    "sa",
    "s a",
    "ag",
    "gmbh",
    "bv",
    "nv",
    "kk",
    "kabushiki kaisha",
    "lda",
    "ltda",
    "limitada",
    "sarl",
    "sociedade anonima",
    "cong ty tnhh mot thanh vien",
    "cong ty tnhh",
    "cong ty co phan",
    "cong ty",
    "tnhh mtv",
    "tnhh",
    "co phan",
    "ctcp",
    "mtv",
    "jsc group",
    "hk ltd",
    "hk limited",
    "opc",
    "inc philippines",
    "corp philippines",
]
_LEADING_FORMS = [
    "pt",
    "cv",
    "cong ty tnhh mot thanh vien",
    "cong ty tnhh",
    "cong ty co phan",
    "cong ty",
    "ctcp",
    "the",
    "m s",
    "ms",
]
_CJK_FORMS = [
    "股份有限公司",
    "有限责任公司",
    "有限責任公司",
    "责任有限公司",
    "責任有限公司",
    "有限公司",
    "股份公司",
    "公司",
    "บริษัท",
    "จำกัด",
    "มหาชน",
]
_ABBREVIATIONS = {
    "hldgs": "holdings",
    "hldg": "holdings",
    "holding": "holdings",
    "grp": "group",
    "mfg": "manufacturing",
    "mfrs": "manufacturers",
    "dev": "development",
    "devt": "development",
    "equip": "equipment",
    "intl": "international",
    "int l": "international",
    "natl": "national",
    "bros": "brothers",
    "svcs": "services",
    "svc": "services",
    "mgmt": "management",
    "assoc": "associates",
    "ind": "industries",
    "inds": "industries",
    "ent": "enterprises",
    "tech": "technology",
    "techs": "technologies",
    "elec": "electric",
    "eng": "engineering",
    "engg": "engineering",
    "gz": "guangzhou",
    "sz": "shenzhen",
    "hk": "hong kong",
    "kl": "kuala lumpur",
    "hcm": "ho chi minh",
    "hcmc": "ho chi minh city",
    "sg": "singapore",
    "dept": "department",
    "prop": "properties",
    "props": "properties",
    "invt": "investment",
    "invts": "investments",
    "fin": "finance",
    "mktg": "marketing",
    "co op": "cooperative",
}
_GROUP_WORDS = {"group", "holdings", "集团", "集團", "控股"}
_FORM_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(f) for f in sorted(_LEGAL_FORMS, key=len, reverse=True)) + r")$"
)
_LEAD_RE = re.compile(
    r"^(?:" + "|".join(re.escape(f) for f in sorted(_LEADING_FORMS, key=len, reverse=True)) + r")\b"
)


@lru_cache(maxsize=65536)
def normalise_entity(name: str) -> str:
    """A company name reduced to what identifies it: no legal form, case, accents or punctuation."""
    text = name or ""
    for form in _CJK_FORMS:
        text = text.replace(form, " ")
    norm = normalise(text)
    words = [_ABBREVIATIONS.get(w, w) for w in norm.split()]
    norm = " ".join(words)
    # Strip legal forms from the end repeatedly ("Holdings Co., Ltd." -> "Holdings"), then from the front.
    while True:
        stripped = _FORM_RE.sub("", norm).strip()
        if stripped == norm or not stripped:
            break
        norm = stripped
    while True:
        stripped = _LEAD_RE.sub("", norm).strip()
        if stripped == norm or not stripped:
            break
        norm = stripped
    return norm


# "Vietnam Electricity (EVN)": a name with its initials in brackets; a register may hold either.
# A region, place or role in brackets ("Acme Logistics (SEA)", "Lee Ah Seng (CEO)") is a tag, not a short name.
_TAGS = frozenset({"SEA", "ASIA", "APAC", "ASEAN", "BVI", "PRC", "USA", "EMEA", "CEO", "CFO", "COO", "CTO", "HQ",
                   "INTL", "GBA"})
_SHORT_FORM_RE = re.compile(r"(.+?)\s*[(（]\s*([A-Z]{3,6})\s*[)）]\s*")


def screened_forms(counterparties: list[str] | tuple[str, ...]) -> list[tuple[str, str]]:
    """(name as given, normalised form) for each counterparty, and for a name given with its initials in brackets
    also for the name and the initials apart."""
    out: list[tuple[str, str]] = []
    for name in counterparties:
        forms = [name]
        if (m := _SHORT_FORM_RE.fullmatch(name or "")) and m.group(2) not in _TAGS:
            forms += [m.group(1), m.group(2)]
        for form in forms:
            if (norm := normalise_entity(form)) and (name, norm) not in out:
                out.append((name, norm))
    return out


@lru_cache(maxsize=65536)
def _core(norm: str) -> str:
    words = [w for w in norm.split() if w not in _GROUP_WORDS]
    return " ".join(words) or norm


def similarity(a_norm: str, b_norm: str) -> float:
    """Similarity of two normalised entity names in [0, 100], across scripts and initialisms."""
    if not a_norm or not b_norm:
        return 0.0
    if has_chinese(a_norm) != has_chinese(b_norm):
        # One name in Chinese, the other in Latin letters: compare the Chinese one's Latin form.
        a_norm, b_norm = (_latin(a_norm), b_norm) if has_chinese(a_norm) else (a_norm, _latin(b_norm))
    a_words, b_words = a_norm.split(), b_norm.split()
    a_short = " ".join(collapse_initialisms(b_words, a_words))
    b_short = " ".join(collapse_initialisms(a_words, b_words))
    if (a_short, b_short) != (a_norm, b_norm):
        return max(_similarity(a_norm, b_norm), _similarity(a_short, b_short))
    return _similarity(a_norm, b_norm)


@lru_cache(maxsize=16384)
def _latin(norm: str) -> str:
    return normalise_entity(latin_form(norm))


def _similarity(a_norm: str, b_norm: str) -> float:
    if not a_norm or not b_norm:
        return 0.0
    if a_norm == b_norm:
        return 100.0
    a_core, b_core = _core(a_norm), _core(b_norm)
    if a_core == b_core:
        return 99.0
    a_flat, b_flat = a_core.replace(" ", ""), b_core.replace(" ", "")
    if a_flat == b_flat:
        return 99.0
    # Very short names need an exact hit: one letter apart is another company ("ABC" vs "ABD").
    if min(len(a_flat), len(b_flat)) < 5:
        return 0.0
    return max(fuzz.ratio(a_core, b_core), fuzz.ratio(a_flat, b_flat), fuzz.token_sort_ratio(a_core, b_core))


@dataclass(frozen=True)
class ConflictHit:
    """A counterparty that matches an entry of a conflict register."""

    counterparty: str
    register_name: str
    score: float


def match_normalised(
    counterparties: list[tuple[str, str]],
    register: list[tuple[str, str]] | tuple[tuple[str, str], ...],
    cutoff: float = CUTOFF,
) -> list[ConflictHit]:
    """Conflicts between (original, normalised) counterparties and (original, normalised) register names."""
    best: dict[tuple[str, str], float] = {}
    for cp_text, cp_norm in counterparties:
        for reg_text, reg_norm in register:
            score = similarity(cp_norm, reg_norm)
            if score >= cutoff:
                # A name screened in several forms hits an entry once, with its best score.
                best[cp_text, reg_text] = max(best.get((cp_text, reg_text), 0.0), round(score, 1))
    return [ConflictHit(cp, reg, score) for (cp, reg), score in best.items()]


class ConflictScreen:
    """A firm's conflict register, normalised once, screened against counterparties many times."""

    def __init__(self, register_names: list[str] | tuple[str, ...], cutoff: float = CUTOFF):
        self.cutoff = cutoff
        self.register = tuple((n, normalise_entity(n)) for n in register_names if n and n.strip())

    def check(self, counterparties: list[str] | tuple[str, ...]) -> list[ConflictHit]:
        """The counterparties that match an entry of this register."""
        return match_normalised(screened_forms([c for c in counterparties if c and c.strip()]), self.register,
                                self.cutoff)


def find_conflicts(
    counterparties: list[str] | tuple[str, ...], register: list[str] | tuple[str, ...], cutoff: float = CUTOFF
) -> list[tuple[str, str, float]]:
    """(counterparty, register name, score) for every counterparty that matches a register entry."""
    hits = ConflictScreen(register, cutoff).check(counterparties)
    return [(h.counterparty, h.register_name, h.score) for h in hits]
