"""Cue words and patterns the resolver reads around a term, loaded from ``data/cues.json``."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..chinese_scripts import with_other_scripts
from ..vocabulary import (
    normalise,
)

# Each Chinese cue word is written once, in either script; the other scripts are added on loading.
_CUES_PATH = Path(__file__).parent.parent / "data" / "cues.json"
_CUES = with_other_scripts(json.loads(_CUES_PATH.read_text(encoding="utf-8")))

_LEADING_LOOKBEHINDS_RE = re.compile(r"^((?:\(\?<![^()]*\))*)\\b")


def cue_regex(patterns: list[str]) -> re.Pattern:
    """One case-blind regular expression for the patterns; those that start at a word boundary share one, which
    is tested first at each position (several times faster on long texts than each pattern testing its own)."""
    words, others = [], []
    for pattern in patterns:
        found = _LEADING_LOOKBEHINDS_RE.match(pattern)
        if found:
            words.append(found.group(1) + pattern[found.end() :])
        else:
            others.append(pattern)
    parts = ([r"\b(?:" + "|".join(words) + ")"] if words else []) + others
    return re.compile("|".join(parts), re.IGNORECASE)


# Words around a term that say nothing about which term it is ("tax law", "IP matters").
_GENERIC = set(_CUES["generic"])


_GENERIC_NORM = {normalise(w) for w in _GENERIC}


_SPLIT_RE = re.compile(r"\s*(?:[,;/|、，；／+]|\band\b|\bor\b|&|＆|以及|及|和|与|與|或)\s*", re.IGNORECASE)


# Nouns that, right after a place or an industry word, describe the client rather than the matter.
_ORG_NOUNS = set(_CUES["org_nouns"])


_HOME_AFTER = set(_CUES["home_after"])


_HOME_BEFORE = set(_CUES["home_before"])


_PEOPLE = set(_CUES["people"])
# Words after a place that make it the nationality of people ("Myanmar nationals", 越南籍, "PH 工人").
_PEOPLE_AFTER = frozenset(_CUES["people_after"])


_PREPOSITIONS = set(_CUES["prepositions"])


# Language cues: a cue before the language (same sentence) or a cue word right after it.
_LANG_CUES_BEFORE = set(_CUES["lang_cues_before"]) | {normalise(w) for w in _CUES["lang_cues_before"]}


# Cues that only make a language of a word that cannot also be a place ("English please", not "Myanmar please").
_LANG_WEAK_AFTER = set(_CUES["lang_weak_after"])


_LANG_CUES_AFTER = set(_CUES["lang_cues_after"])


# After a language name these make it an adjective of a person or firm ("a Thai firm"), not a language.
_NOT_LANGUAGE_AFTER = set(_CUES["not_language_after"])


_LANG_CUES_ZH = tuple(_CUES["lang_cues_zh"])
_LANG_CUES_ZH_ADJACENT = tuple(_CUES["lang_cues_zh_adjacent"])


# Right after a language in Chinese: 粤语律师, 英文沟通, 以英文为工作语言.
_LANG_CUES_ZH_AFTER = tuple(_CUES["lang_cues_zh_after"])


_HOME_ZH = tuple(_CUES["home_zh"])


_MATTER_ZH = tuple(_CUES["matter_zh"])


_ORG_ZH = tuple(_CUES["org_zh"])
_FOUNDING_VERBS_ZH = tuple(_CUES["founding_verbs_zh"])


# The client's own company, office or team: after a place that opens the sentence, the place is its seat.
_SEAT_NOUNS = set(_CUES["seat_nouns"])
# The client's own vehicles: "we have a HK company" puts one of them, not the matter, in Hong Kong.
_OWNED_VEHICLE_NOUNS = set(_CUES["owned_vehicle_nouns"])


# Nouns naming the matter itself: after "a <place>" they make the place the matter's, not the client's.
_MATTER_NOUNS = set(_CUES["matter_nouns"])


# A verb right after "X company" at the start of a sentence makes the company its subject.
_SUBJECT_VERBS = set(_CUES["subject_verbs"])


# "… review of our Penang subsidiary", "acquire our Jakarta office": the object, not the speaker's seat.
_OBJECT_VERBS = set(_CUES["object_verbs"])


_ZH_OWNER = set(_CUES["zh_owner"])


_ZH_SEAT_RE = re.compile(
    r"的?[^，。；,;:：\s在喺于於]{0,6}?(?:子公司|分公司|公司|企业|企業|集团|集團|办事处|辦事處|工厂|工廠|团队|團隊|客户|客戶)"
    r"(?!法)(?=在|喺|于|於|拟|擬|计划|計劃|需要|需|想|希望|要|准备|準備|打算|将|將|有|与|與|和|同|对|對|正|因|被|欲|寻求|尋求|是|係|"
    r"[，,。；;]|$)"
)


_SENTENCE_END = set(".!?;。！？；\n")


_CLAUSE_END = _SENTENCE_END | set(",:()，：（）、[]【】")


_TOKEN_RE = re.compile(
    r"(?P<nospace>[\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff\u3040-\u30ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+)"
    r"|(?P<word>[0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]+(?:['’][0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff]+)*"
    # Scripts written with spaces that the region does not use (Greek, Cyrillic, Hebrew, Arabic, the Indic scripts,
    # Tibetan, Georgian, Ethiopic, Cherokee, Tifinagh, Vai …): a name typed from abroad ("Таиланд") is a word.
    r"|[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u08ff\u0900-\u0dff\u0f00-\u0fff\u10a0-\u10ff"
    r"\u1200-\u167f\u1c50-\u1c8f\u1f00-\u1fff\u2c80-\u2cff\u2d30-\u2d7f\ua000-\ua69f\U00011100-\U0001114f"
    r"\u200c\u200d]+)"
    r"|(?P<amp>[&＆])"
)


# "We are Japanese law firm in Marunouchi", "We're licensed moneylender in Singapore": written without an article,
# the description still names a kind of company within a few words.
_SEAT_NOUN_AHEAD = (r"(?=(?:(?!(?:in|of|with|to|for|from|at|shareholders?|directors?|partners?|owners?|interested)\b)"
                    r"[\w&-]+\s+){0,4}?(?:" + "|".join(sorted(map(re.escape, _SEAT_NOUNS), key=len, reverse=True))
                    + r")\b)")
_DESCRIPTOR_EN = re.compile(
    r"\b(?:we\s*(?:are|['’]re|\s+r)|i\s*(?:am|['’]m)|our\s+(?:company|client|firm|group|business)\s+is|"
    r"the\s+client\s+is|my\s+company\s+is|this\s+is)\s+(?:a|an|the(?=\s+(?:[\w-]+\s+){0,3}?(?:arm|branch|subsidiary|"
    r"office|unit|affiliate|entity)\b)|(?!(?:a|an|the|not|also|now|still|currently|based|owed|sued|in|of|with|\w+ing)\b)"
    + _SEAT_NOUN_AHEAD + r")\b",
    re.IGNORECASE,
)


# The same openings in Vietnamese, Malay/Indonesian, Filipino and Thai ("Chúng tôi là công ty Macau muốn …",
# "Kami perusahaan dari Guangzhou ingin …", "Saya warga negara Singapura, …"), and the verbs that end them.
# "Chồng tôi là người Hồng Kông" tells of the writer's husband, not the writer: a relative before "tôi là" is the
# subject.
_VI_KIN_BEFORE = "".join(f"(?<!{kin} )" for kin in ("chồng", "chong", "vợ", "vo", "con", "bố", "bo", "mẹ", "me", "anh",
                                                    "em", "chị", "chi", "ba", "má", "ma", "cha"))
_DESCRIPTOR_LOCAL = re.compile(
    r"\b(?:chúng\s+tôi\s+là|chung\s+toi\s+la|" + _VI_KIN_BEFORE + r"tôi\s+là|" + _VI_KIN_BEFORE + r"toi\s+la|"
    r"kami\s+(?:adalah|ialah|merupakan)?|"
    # "Văn phòng luật của chúng tôi ở quận Cầu Giấy, Hà Nội": the writer's own office or company.
    r"(?:văn\s+phòng|van\s+phong|trụ\s+sở|tru\s+so|công\s+ty|cong\s+ty)(?:\s+[\w]+){0,2}?\s+"
    r"(?:của|cua)\s+(?:chúng\s+tôi|chung\s+toi|tôi|toi)(?=\s+(?:ở|o|tại|tai|đặt\s+tại|nằm\s+ở)\b)|"
    r"saya\s+(?:adalah|ialah|seorang)?|ako\s+(?:ay|po\s+ay)|kami\s+ay)\s+",
    re.IGNORECASE,
)
_DESCRIPTOR_STOP_LOCAL = re.compile(
    r"\b(?:muốn|muon|cần|can|đang|dang|có|co|ingin|mahu|mau|perlu|memerlukan|membutuhkan|akan|sedang|"
    r"telah|sudah|gusto|kailangan|nais)\b|[.;:,!?()]",
    re.IGNORECASE,
)


_DESCRIPTOR_STOP_EN = re.compile(
    r"\b(?:need|needs|needing|require|requires|requiring|seek|seeks|seeking|looking|want|wants|would|plan|"
    r"plans|planning|intend|intends|is|are|was|which|that|who|we|and\s+we|hoping|hope|expanding|expand|opening|"
    r"setting|launching|entering|hiring|building|establishing|moving|relocating|buying|acquiring|purchasing|investing|"
    r"selling|suing)\b"
    r"|[.;:,!?()]",
    re.IGNORECASE,
)


_HOME_HYPHEN_EN = re.compile(
    r"[-‐–]\s*(?:based|headquartered|incorporated|registered|domiciled|listed)\b", re.IGNORECASE
)


# "(我们是)一家…": who the client is; also the formal 本公司為… (本公司為香港註冊公司, 本集團為深圳上市公司).
_DESCRIPTOR_ZH = re.compile(
    r"(?:我们是|我們是|我司是|本公司是|我方是|是)?一家|(?:本公司|本集团|本集團|我司)[為为]|(?:我们是|我們是|我哋係)(?!否|想|要|打算|准备|準備|计划|計劃|希望|需要|在|喺)"
)


_HOME_PAREN_WORDS = re.compile(
    r"based|headquarter|located|incorporated|registered|domiciled|licensed|licenced|regulated|总部|總部|位于|位於"
    r"|สำนักงานใหญ่|trụ sở|tru so|ibu pejabat|kantor pusat")


_PAREN_RE = re.compile(r"[(（]([^()（）]*)[)）]")


# Function words never start or sit inside a misspelt term; skipping them keeps the typo pass cheap.
_STOPWORDS = set(_CUES["stopwords"])


# Shortest alias a typo in prose may resolve to: short words collide with ordinary English too easily.
# A place name shorter is one letter from everyday words and names: Malay "datang" is not Da Nang, a Vietnamese
# "Tuong" not Tutong. Doubled and swapped letters still read ("Macua", "Maccau").
_PROSE_TYPO_MIN = {"jurisdictions": 7, "languages": 6, "practice_areas": 8}


# Shortest word a word-level typo correction applies to; words this long or longer may take two edits.
_WORD_TYPO_MIN = 5


_WORD_TWO_EDITS = 10


# After a demonym these make it the jurisdiction of the matter ("Malaysian listing", "Thai courts").
_DEMONYM_MATTER = set(_CUES["demonym_matter"])


# "Malaysian company law", "Thai labour law": one word, then a word saying it is the law of the place.
_DEMONYM_LAW = set(_CUES["demonym_law"])


_LIST_JOINER = re.compile(
    r"\s*[,/&、，]?\s*(?:and/or|as\s+well\s+as|and\s+also|and|or|o|at|dan|atau|và|hoặc|hay|และ|หรือ|和|同|或者|或|及|以及|与|與|定|還是|还是|ឬ|និង|ຫຼື|ແລະ|"
    r"သို့မဟုတ်|နှင့်|နဲ့)?\s*",
    re.IGNORECASE,
)


# After "in Thai or English" these leave the phrase about the language ("… in English please").
_AFTER_IN_LANGUAGE = set(_CUES["after_in_language"])


# The next word in Latin letters after a place written in another script: 兩個香港 engineers, 我哋 HK 公司.
_LATIN_WORD_RE = re.compile(r"\s*([A-Za-z]+)")


# Abbreviations of places read in prose in small letters too ("hk", "sg", "hcmc"): none is a word of the region.
_LOWERCASE_ABBREVIATIONS = frozenset(_CUES["lowercase_abbreviations"]) | frozenset(_CUES["lowercase_country_names"])
