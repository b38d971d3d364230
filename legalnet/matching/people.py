"""People named in a request's text: in Latin letters after an honorific, a role or a naming word in any
language of the region, and in Chinese and Thai script after a role or a title.

The words that mark a person are data in ``data/parties.json`` (honorifics, roles, naming words, surnames).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from babel import Locale

from .mail import on_address_line
from .party_words import PARTY_WORDS, alternatives
from .vocabulary import normalise

_DATA = PARTY_WORDS
# A country's name in a language of the region written in Latin letters ("Main contractor Hàn Quốc", "Korea
# Selatan"), from CLDR: no person's name.
TERRITORY_NAMES = frozenset(normalise(name) for code in ("en", "vi", "id", "ms", "fil", "pt")
                             for name in Locale.parse(code).territories.values())
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


class Person(NamedTuple):
    """A person named in a text, with where the name stands."""

    name: str
    start: int
    end: int


_HONORIFICS = alternatives(_DATA["person_honorifics"])
_ROLES = alternatives(_DATA["person_roles"])
# A Cantonese given name joins its syllables with a hyphen, each may keep its capital: "Kelvin Ho Ka-Lok".
_NAME_WORD = r"[A-Z][a-z\u00e0-\u024f\u1e00-\u1eff'’\-]+(?:-[A-Z][a-z\u00e0-\u024f\u1e00-\u1eff'’]+)*"
# Only the honorific or role is read in any case: the name itself must be written with capitals.
# Malay and Tamil names join the father's name with bin, binti, a/l, a/p: "Ahmad bin Ismail".
# The word between a Malay or Indian Malaysian given name and the father's: "Rosnah binti Ahmad", "Kumar a/l Rajan".
_PATRONYMIC = r"(?:bin|binti|bte|bt|a/l|a/p)"
# Spanish and Portuguese family names keep their particle in small letters: "Ramon dela Cruz", "de los Santos".
_SURNAME_PARTICLE = r"(?:de\s+la|de\s+los|dela|delos|del|de|da|dos|das)"
# "Ông Nguyễn Văn Hùng Giám đốc …": a Vietnamese title after a name ends it.
_VI_TITLE = r"(?:" + alternatives(_DATA["vietnamese_title_words"]) + r")(?![\w'’-])"
_NAME_REST = (r"(?:\s+(?:" + _PATRONYMIC + r"\s+|[A-Z]\.\s+|" + _SURNAME_PARTICLE + r"\s+)?(?!" + _VI_TITLE + ")"
              + _NAME_WORD + r"){1,3}")
_PERSON_AFTER_HONORIFIC = re.compile(
    r"(?<![\w])(?i:" + _HONORIFICS + r")\.?\s+(" + _NAME_WORD + _NAME_REST + r")"
)
# A name ends at a stop, at a word in small letters ("my landlord Tan Kok Wee say he will …"), at a word of a script
# without capitals (founder Tan Ah Kow 和他太太); a title in capitals ("Landlord Refuses Deposit Return") is no name.
_NAME_END = r"(?=\s*[,.;:()!?（）。，]|\s+[a-z]|\s+\d|\s*[\u0e00-\u0e7f\u3040-\u9fff]|\s+" + _VI_TITLE + ")"
_PERSON_AFTER_ROLE = re.compile(
    # A role in the plural may name two ("the two founders, Budi Santoso and Hendra Wijaya"); a Malay or Indonesian
    # kin word takes its possessive ("kakak suami saya, Sugeng Prasetyo").
    r"\b(?i:" + _ROLES + r")(?:s|es)?(?:\s+(?:saya|kami|ku))?\s*,?\s+((?:Ma\.\s+)?" + _NAME_WORD + _NAME_REST + r")"
    + _NAME_END
)
# "My manager Tan Hui Min harassed me" names the other side; "our president", "our lawyer" the client's own.
# "our in-house counsel Atty. X": an adviser may carry a word before its role; "our Sales Director X" whom the
# client dismisses is the other side.
_OWN_OFFICER_RE = re.compile(r"\b(?i:our)\s+(?:(?i:" + alternatives(_DATA["officer_roles"]) + r")|(?:(?!(?i:former"
                             r"|ex|previous|old)\b)[\w-]+\s+)(?i:counsel|lawyers?|solicitors?|attorneys?|advis[eo]rs?"
                             r"|auditors?|accountants?))\b")
# Written with a capital, these roles are public titles or given names ("President Ferdinand Marcos", "Angel Mae
# Santos", "MD Anderson"): only in small letters do they introduce the other side.
_TITLE_CASE_ROLE_RE = re.compile(
    r"(?:President|Vice President|Chief Executive|Executive|MD|Angel|Player|Chairman)\b")
_OWN_OFFICER_BEFORE_RE = re.compile(_OWN_OFFICER_RE.pattern + r"\s*,?\s*$")
_PERSON_AFTER_SCRIPT_MARKER = re.compile(
    "(?:" + alternatives(_DATA["person_script_markers"]) + r")\s*"
    r"(" + _NAME_WORD + _NAME_REST + r")" + _NAME_END)
# Vietnamese "tên" (named), written with or without its marks: only before a name of three words or more, as
# "ten" is an English number too.
_VI_SURNAMES = frozenset(normalise(name) for name in _DATA["vietnamese_surnames"])
# A name on a bank account is written in capitals: "tai khoan … ten TRAN VAN TUAN".
_VIETNAMESE_NAME_WORD = "(?:" + _NAME_WORD + r"|(?-i:[A-Z\u00c0-\u00dd\u0102\u0110\u01a0\u01af\u1ea0-\u1ef8]{2,}))"
_PERSON_AFTER_VIETNAMESE_MARKER = re.compile(
    r"(?<![\w])(?:" + alternatives(_DATA["person_vietnamese_markers"]) + r")\s+("
    + _VIETNAMESE_NAME_WORD + r"(?:\s+" + _VIETNAMESE_NAME_WORD + r"){2,3})" + _NAME_END)
# A Malay name with its patronymic, found without a role before it: "ibu tiri saya, Rosnah binti Ahmad".
_MALAY_PATRONYMIC_RE = re.compile(
    r"(?<![\w'’-])(" + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r"){0,3}[ \t]+" + _PATRONYMIC + r"[ \t]+"
    + _NAME_WORD + r"(?:[ \t]+" + _NAME_WORD + r"){0,2})(?![\w'’-])")
_SELF_WORDS = frozenset({"saya", "nama", "aku", "i", "my"})
# Capitalised words that open a sentence before a name: "Semalam Ahmad bin Ali datang", "Ini Ahmad bin Ali".
_NOT_GIVEN_NAME = frozenset(_DATA["patronymic_not_names"])
_SELF_HERE_RE = re.compile(r"\s+here\b", re.IGNORECASE)
# The writer naming itself: "Saya Rosnah binti Ahmad", "I am …", "my name is …".
_SELF_NAMED_RE = re.compile(r"(?:(?:^|(?<=[.!?\n]))\s*(?:saya|i)\s*,?\s*|\b(?:saya\s+bernama|nama(?:\s+saya)?|i\s+am|"
                            r"i['’]m|my\s+name\s+is|this\s+is)\s*(?:ialah|adalah)?\s*[,:]?\s*)$",
                            re.IGNORECASE)
HONORIFIC_WORDS = frozenset(h.rstrip(".") for h in _DATA["person_honorifics"])
# The writer before a word that introduces a name: tôi tên là …, em tên …, ako po si …
_WRITER_BEFORE_RE = re.compile(r"(?<![\w])(?<!của )(?<!cua )(?:tôi|toi|em|mình|minh|tớ)\s*$", re.IGNORECASE)
# Tagalog "ako po si …" (I am …); "nagpautang ako kay …" (I lent to …) names someone else.
_TAGALOG_WRITER_RE = re.compile(r"(?<![\w])ako(?:\s+po)?\s+si\s", re.IGNORECASE)
# The second of two people a role names: "… Budi Santoso and Hendra Wijaya".
_SECOND_PERSON = re.compile(r"\s+(?:and|&|dan|at|và|va|和|及|与|與)\s*(" + _NAME_WORD + _NAME_REST + r")" + _NAME_END)
# Markers written in small letters before a name: Tagalog si and kay ("ang asawa ko ay si Jerome Dizon Bautista"),
# Vietnamese ông without its marks ("tu ong Tran Van Phuc"); capitalised, Ong is a surname ("Ong Siew Lan").
_PERSON_AFTER_SMALL_MARKER = re.compile(r"(?<![\w])(?:si|kay|ong)\s+(" + _NAME_WORD + _NAME_REST + r")")
NOT_PERSON = set(_DATA["not_person_words"])


_CJK_PERSON_ROLES = alternatives(_DATA["cjk_person_roles"])
_CJK_SURNAMES = alternatives(_DATA["cjk_surnames"])
# A space may stand between the role and the name (老公 黃偉明, 对方老板 黄志明), and the Cantonese copula
# (負責人係梁志豪); after 是 a common noun is as likely (卖家是黄牛).
# A second role word is no name (業主董事何志強: the owner's director, 何志強), though 董 is a surname.
_CJK_PERSON_RE = re.compile(
    rf"(?:{_CJK_PERSON_ROLES})(?:係|叫做?)?[ \t]?((?!{_CJK_PERSON_ROLES})(?:{_CJK_SURNAMES})[{_CJK}]{{1,2}})")
# A Thai name, given and family name, after a Chinese role word: 泰国朋友สมชาย รัตนกุล的名义.
_CJK_THAI_PERSON_RE = re.compile(
    rf"(?:{_CJK_PERSON_ROLES})\s*([\u0e01-\u0e4e]{{2,20}} [\u0e01-\u0e4e]{{2,24}})(?![\u0e01-\u0e4e])")
# A name in Latin letters after a Chinese role word: 合伙人U Kyaw Min, 印尼姐姐 Siti Rahayu. Burmese names may
# open with a one-letter honorific (U, Daw written out is a word).
_CJK_LATIN_PERSON_RE = re.compile(
    rf"(?:{_CJK_PERSON_ROLES}|{alternatives(_DATA['cjk_naming_words'])})\s*"
    rf"((?:U\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})(?=\s*(?:[^\w\s]|[{_CJK}\u0e01-\u0e4e]|$))"
)
_CJK_NOT_GIVEN = set(_DATA["cjk_not_given"])
_CJK_SURNAME_CHARS = frozenset(n for n in _DATA["cjk_surnames"] if len(n) == 1)
# A name with a title after it: 梁志豪先生, 何美玲女士, Heng Sovannara 先生 (a title alone, 陳生, is no name).
_CJK_TITLED_RE = re.compile(
    rf"((?:{_CJK_SURNAMES})[{_CJK}]{{1,2}}"
    rf"|{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}})[ \t]?(?:先生|女士|小姐)")
# Who stands before a titled name on the client's side: the writer (本人, 联系人：) or its own adviser (我们的律师).
_CJK_OWN_BEFORE_TITLED_RE = re.compile(
    r"(?:本人|我是|我係|联系人[:：]|聯絡人[:：]|我们的|我們的|我哋嘅)[^，。,\n]{0,6}$")
# The writer saying who they are before a role and a name: 本人係澳門居民陳大文, 我是香港居民李明.
_CJK_WRITER_BEFORE_RE = re.compile(rf"(?:本人|我|我哋|我们|我們)(?:係|是|为|為)[{_CJK}]{{0,5}}$")
_CJK_TITLES = tuple(_DATA["cjk_titles"])
_CJK_WORDS_AFTER_NAMES = frozenset(_DATA["cjk_words_after_names"])
# Longest first, so 欧阳 is read before 欧.
_CJK_SURNAMES_LONGEST = tuple(sorted(_DATA["cjk_surnames"], key=len, reverse=True))
_CJK_NAMED_RE = re.compile(
    r"(?:" + alternatives(_DATA["cjk_naming_words"]) + r")[「『“\"]([^」』”\"\n]{2,20})[」』”\"]"
)


_SEA_LETTERS = "\u0e01-\u0e4e\u1780-\u17dd"
_SEA_NAMED_RE = re.compile(
    "(?:" + alternatives(_DATA["sea_naming_words"]) + rf")\s*([{_SEA_LETTERS}]{{2,20}} [{_SEA_LETTERS}]{{2,24}})"
    rf"(?![{_SEA_LETTERS}])")
_SEA_OWN_BEFORE = tuple(_DATA["sea_own_before_naming"])
# The writer's "I" before its own titled name: ดิฉัน, ผม, กระผม, ข้าพเจ้า.
_THAI_WRITER = tuple(_DATA["thai_first_person"])
_SEA_PERSON_BEFORE = tuple(_DATA["sea_person_before_naming"])
_SEA_NOT_NAME = frozenset(_DATA["sea_not_name_words"])
_THAI_PERSON_RE = re.compile(
    # The title opens a word (ทนาย, lawyer, ends in นาย), and is not the start of another word (นายจ้าง).
    # Thai is written without spaces: a preposition may run into the title (จากนายสมชาย, "from Mr Somchai").
    r"(?:(?<![\u0e01-\u0e4e])|" + "|".join(f"(?<={w})" for w in _DATA["thai_prepositions"]) + r")"
    r"(?:" + "|".join(_DATA["thai_titles"]) + r")(?!" + "|".join(_DATA["thai_not_names"]) + r")"
    r"([\u0e01-\u0e4e]{2,20}(?:\s[\u0e01-\u0e4e]{2,20})?)"
)


# A person given in two scripts, the second in brackets: "Tan Wei Ming（陈伟明）", 陳文雄（Trần Văn Hùng）,
# "Sok Vannak (សុខ វណ្ណៈ)", หวัง เหมย (Wang Mei). Either side alone may be a place or a word; the pair of a Chinese
# name (a common surname and one or two given characters) or a Thai or Khmer name (given and family name) with two
# to four capitalised words is a person's name and its transliteration.
_LATIN_NAME = _NAME_WORD + r"(?:\s+(?:" + _SURNAME_PARTICLE + r"\s+)?" + _NAME_WORD + r"){1,3}"
_CJK_NAME = rf"(?:{_CJK_SURNAMES})[{_CJK}]{{1,2}}"
_SEA_NAME = rf"[{_SEA_LETTERS}]{{2,12}} [{_SEA_LETTERS}]{{2,16}}"
_OPEN, _CLOSE = r"\s*[(（]\s*", r"\s*[)）]"
_PAIRED_NAME_RES = (
    re.compile(rf"(?<![\w'’-])({_LATIN_NAME}){_OPEN}({_CJK_NAME}|{_SEA_NAME}){_CLOSE}"),
    re.compile(rf"({_CJK_NAME}|(?<![{_SEA_LETTERS}]){_SEA_NAME}){_OPEN}({_LATIN_NAME}){_CLOSE}"),
)
_ROLE_WORDS = frozenset(r.casefold() for r in _DATA["person_roles"] if " " not in r)
_PINYIN_VOWELS_RE = re.compile(r"[aeiouüv]+", re.IGNORECASE)


# Honorifics, roles and the words that open a sentence or clause ("Yesterday", "However") before a name.
_NOT_NAME_OPENERS = HONORIFIC_WORDS | _ROLE_WORDS | frozenset(w for w in _DATA["leading_noise"] if " " not in w)


def paired_people(text: str) -> list[Person]:
    """People named in two scripts, one in brackets after the other ("Tan Wei Ming（陈伟明）", 王磊 (Wang Lei))."""
    found: list[Person] = []
    if "(" not in text and "（" not in text:
        return found
    for pattern in _PAIRED_NAME_RES:
        for m in pattern.finditer(text):
            latin_group = 1 if pattern is _PAIRED_NAME_RES[0] else 2
            words = m.group(latin_group).split()
            lead = 0
            while lead < len(words) - 2 and words[lead].casefold().rstrip(".") in _NOT_NAME_OPENERS:
                lead += 1  # "Director Tan Wei Ming（陈伟明）", "Yesterday Tan Wei Ming (陈伟明)": no part of the name
            words = words[lead:]
            if NOT_PERSON & set(words) or words[0].casefold().rstrip(".") in HONORIFIC_WORDS:
                continue
            other = 3 - latin_group
            start, name = m.start(other), m.group(other)
            if re.match(rf"[{_CJK}]", name):
                # The Chinese side is as long as the romanised name has syllables (Wang Lei 王磊, Lin Jianguo
                # 林建国): the characters before it belong to the sentence (老乡王志强).
                syllables = sum(len(_PINYIN_VOWELS_RE.findall(normalise(w))) for w in words[1:])
                trimmed = name[len(name) - 1 - syllables :] if len(name) > 1 + syllables >= 2 else name
                # An English given name ("陳大文 (David Chan)") tells nothing of the length: then the whole run stays.
                if pattern is _PAIRED_NAME_RES[1] and trimmed.startswith(_CJK_SURNAMES_LONGEST):
                    start, name = start + len(name) - len(trimmed), trimmed
                if not name.startswith(_CJK_SURNAMES_LONGEST) or name[-1] in _CJK_NOT_GIVEN:
                    continue
                # "Yesterday Tan Wei Ming (陈伟明)": a romanised Chinese name has as many words as characters, give or
                # take an English given name before it.
                words = words[-(len(name) + 1) :] if len(words) > len(name) + 1 else words
            before = text[max(0, m.start() - 20) : m.start()]
            if (_SELF_NAMED_RE.search(before) or _CJK_OWN_BEFORE_TITLED_RE.search(before)
                    or _OWN_OFFICER_BEFORE_RE.search(before)):
                continue  # "I am Wong Siu Ming (黃小明)", 我是陈伟明（Tan Wei Ming）: the writer
            latin = " ".join(words)
            found.append(Person(latin, m.end(latin_group) - len(latin), m.end(latin_group)))
            found.append(Person(name, start, start + len(name)))
    return found


# A romanised Chinese name: a family name and a given name of two syllables, as two words (Tan Wei Ming) or joined
# by a hyphen (Ho Ka-yan). A syllable is an initial, one to three vowels and a coda (n, ng, m, k, p, t, h, w: Siew);
# "Law Firm Fee" or "Hong Kong Company" has a word that is none.
_SYLLABLE = r"(?:[bcdfghjklmnpqrstvwxyz]{0,3}[aeiouy]{1,3}(?:ng|ck|n|m|k|p|t|h|w)?)"
# A given syllable opens with a capital, a vowel too (Ah, Eng): "Lim Ah Kow", "Tan Boon Hock".
_GIVEN_SYLLABLE = rf"(?=[A-Z][a-z])(?i:{_SYLLABLE})"
_ROMANISED_NAME_RE = re.compile(
    r"(?<![\w'’.-])((?:" + alternatives(_DATA["chinese_romanised_surnames"]) + r")"
    rf"(?:\s+{_GIVEN_SYLLABLE}\s+{_GIVEN_SYLLABLE}|\s+{_GIVEN_SYLLABLE}-(?i:{_SYLLABLE})))(?![\w'’-])"
)


_ADDRESS_AFTER_RE = re.compile(r"\s*<[^<>@\s]+@")
# Names of places, streets and schools are named after people: "Lee Tung Street", "Jalan Yap Kwan Seng", "Tan Kah Kee
# Secondary School", "72 Lê Thánh Tôn", "Trường THPT Lê Hồng Phong".
_PLACE_BEFORE_RE = re.compile(
    r"(?:\b(?:jalan|jln\.?|lorong|lebuh|persiaran|lebuhraya|đường|duong|phố|pho|đại lộ|dai lo|số|so|trường|truong|thpt"
    r"|bệnh viện|benh vien|đại tướng|street|st\.?|road)|\d[\w/-]*)\s*$", re.IGNORECASE)
_PLACE_AFTER_RE = re.compile(
    r"\s*(?:Road|Rd|Street|St|Avenue|Ave|Lane|Drive|Parkway|Boulevard|Station|MRT|LRT|School|College|Secondary"
    r"|Primary|Hospital|Building|Centre|Center|Estate|Park|Plaza|,\s*(?:Quận|Quan|Phường|Phuong|District))\b")
# The writer's own name on a line of its own at the end, or after a label: "Name: Tan Wei Ming", "Họ tên: …".
_NAME_LABEL_RE = re.compile(
    r"(?:name|full name|họ tên|ho ten|họ và tên|nama|submitted by|contact|联系人|聯絡人|姓名)\s*[:：]?\s*$",
    re.IGNORECASE)


def _writers_or_places_name(text: str, start: int, end: int) -> bool:
    """Whether a name found by its shape is the writer's (a label before it, a line of its own near the end) or a
    place's (a street, a school, an address)."""
    before = text[max(0, start - 24) : start]
    if _PLACE_BEFORE_RE.search(before) or _PLACE_AFTER_RE.match(text, end) or _NAME_LABEL_RE.search(before):
        return True
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip(" -–—\t")
    return line == text[start:end] and text.count("\n", end) <= 3
_OWN_APPOSITIVE_RE = re.compile(r"\b(?:our|my)\s+[\w-]+\s*,\s*$", re.IGNORECASE)


def romanised_chinese_people(text: str) -> list[Person]:
    """People named by a romanised Chinese name of three syllables (Tan Wei Ming, Chan Siu Fong, Ho Ka-yan), with or
    without a role before it, unless the writer names themself."""
    found = []
    for m in _ROMANISED_NAME_RE.finditer(text):
        words = re.split(r"[\s-]+", m.group(1))
        if {w.casefold() for w in words} & HONORIFIC_WORDS or NOT_PERSON & set(words):
            continue  # "Tan Sri Ahmad": an honorific, not a family name
        if (_SELF_NAMED_RE.search(text, max(0, m.start() - 20), m.start()) or _ADDRESS_AFTER_RE.match(text, m.end())
                or _SELF_HERE_RE.match(text, m.end()) or on_address_line(text, m.start())):
            continue  # "I am Tan Wei Ming": the writer; "Tan Wei Ming <wm.tan@…> wrote:", "To: …": a correspondent
        if _OWN_APPOSITIVE_RE.search(text, max(0, m.start() - 30), m.start()) or _OWN_OFFICER_BEFORE_RE.search(
                text, max(0, m.start() - 30), m.start()):
            continue  # "Our chairman, Lee Kok Wah, wants us to sue": the client's own people
        if _writers_or_places_name(text, m.start(1), m.end(1)) or words[1].casefold() == "sri" or (
                _PLACE_AFTER_RE.fullmatch(" " + words[-1])):
            continue
        found.append(Person(m.group(1), m.start(1), m.end(1)))
    return found


# A Vietnamese name: a common family name and two or three given words. With its marks the family name is plain
# (Nguyễn Thị Thu Hà); without them it needs the middle name Van or Thi (Nguyen Thi Lan), as "Le", "Ho" or "Mai" are
# words too. A street is named after a person (đường Trần Hưng Đạo): after a street word it is no party.
_VI_MARKED = [n for n in _DATA["vietnamese_surnames"] if n != normalise(n)]
# A Vietnamese given name may open with a marked capital: Đức, Ánh, Ẩn.
_VI_WORD = r"[A-Z\u00c0-\u00dd\u0102\u0110\u01a0\u01af\u1ea0-\u1ef8][a-z\u00e0-\u024f\u1e00-\u1eff]+"
# "Nguyễn Văn Hùng Giám đốc …": a title after the name ends it.
_VI_GIVEN = r"[ \t]+(?!" + _VI_TITLE + ")"
_VI_NAME_RE = re.compile(
    r"(?<![\w'’-])((?:" + alternatives([n.capitalize() for n in _VI_MARKED]) + r")(?:" + _VI_GIVEN + _VI_WORD
    + r"){2,3}|(?:" + alternatives(sorted({normalise(n).capitalize() for n in _DATA["vietnamese_surnames"]}))
    + r")[ \t]+(?:Van|Thi)(?:" + _VI_GIVEN + _NAME_WORD + r"){1,2})(?![\w'’-])"
)
# "Tôi là Trần Thị Mai", "tôi tên là …": the writer; "Anh trai tôi là Nguyễn Văn Hùng" names the brother.
_VI_WRITER_RE = re.compile(r"(?:^|[.!?\n,]\s*)(?:tôi|toi|em|mình|minh|cháu|chau|con)\s+(?:tên|ten|là|la)"
                           r"(?:\s+(?:là|la))?\s*$|"
                           r"(?:tôi|toi|em|mình|minh)\s+(?:tên|ten)(?:\s+(?:là|la))?\s*$", re.IGNORECASE)


def vietnamese_people(text: str) -> list[Person]:
    """People named by a Vietnamese name without a word before it (Nguyễn Văn Hùng, Nguyen Thi Lan), unless the
    writer names themself or a street is meant."""
    found = []
    for m in _VI_NAME_RE.finditer(text):
        before = text[max(0, m.start() - 20) : m.start()]
        if (_SELF_NAMED_RE.search(before) or _VI_WRITER_RE.search(before)
                or _OWN_OFFICER_BEFORE_RE.search(before)
                or _SELF_HERE_RE.match(text, m.end()) or on_address_line(text, m.start())
                or _writers_or_places_name(text, m.start(1), m.end(1))):
            continue
        if NOT_PERSON & set(m.group(1).split()):
            continue
        found.append(Person(m.group(1), m.start(1), m.end(1)))
    return found


def thai_people(text: str) -> list[Person]:
    """People named in Thai after นาย, นาง or นางสาว (นายสมชาย ใจดี), and in Thai or Khmer after a word for
    "named" (มีคนชื่อ สมชาย แก้วมณี), unless the one named is the writer or the writer's family."""
    found = []
    for m in _THAI_PERSON_RE.finditer(text):
        if text[max(0, m.start() - 10) : m.start()].rstrip().endswith(_THAI_WRITER):
            continue  # ดิฉัน นางสาวพิมพ์ชนก แก้วมณี: the writer introducing herself
        name = m.group(1)
        if " " not in name:
            # A given name alone runs into the sentence (นายสมชายที่เมืองไทย): it ends before a function word.
            cuts = [at for word in _SEA_NOT_NAME if len(word) > 2 and (at := name.find(word, 2)) > 0]
            name = name[: min(cuts)] if cuts else name
        found.append(Person(name, m.start(1), m.start(1) + len(name)))
    for m in _SEA_NAMED_RE.finditer(text):
        before = text[max(0, m.start() - 8) : m.start()].rstrip()
        if (before.endswith(_SEA_PERSON_BEFORE) and not before.endswith(_SEA_OWN_BEFORE)
                and not _SEA_NOT_NAME & set(m.group(1).split())):
            found.append(Person(m.group(1), m.start(1), m.end(1)))
    return found


def cjk_people(text: str) -> list[Person]:
    """People named in Chinese after a role or kinship word (细佬陳家豪, 总经理王建华), and names in quotes after
    a naming word (一间叫「新盛皮具行」嘅舖)."""
    found = []
    for m in _CJK_PERSON_RE.finditer(text):
        name = m.group(1)
        surname = next(s for s in _CJK_SURNAMES_LONGEST if name.startswith(s))
        given = name[len(surname) :]
        while given and given[-1] in _CJK_NOT_GIVEN:
            given = given[:-1]
        end = m.start(1) + len(surname + given)
        if len(given) == 2 and text[end - 1 : end + 1] in _CJK_WORDS_AFTER_NAMES:
            given = given[:-1]  # 张伟先生, 王磊离职: the last character opens the word after the name
        if _CJK_WRITER_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()):
            continue  # 本人係澳門居民陳大文: the writer's own name
        if given and given[0] not in _CJK_NOT_GIVEN and not given.startswith(_CJK_TITLES):
            found.append(Person(surname + given, m.start(1), m.start(1) + len(surname + given)))
    for m in _CJK_TITLED_RE.finditer(text) if any(title in text for title in ("先生", "女士", "小姐")) else ():
        name = m.group(1)
        if _CJK_OWN_BEFORE_TITLED_RE.search(text, max(0, m.start() - 12), m.start()) or (
                len(name) == 2 and name[1] in _CJK_SURNAME_CHARS) or _CJK_NOT_GIVEN & set(name[1:]):
            continue  # 对方李先生, 付给王先生: "Mr Li" after a word that ends in a surname's character
        found.append(Person(name, m.start(1), m.end(1)))
    for m in _CJK_NAMED_RE.finditer(text):
        found.append(Person(m.group(1), m.start(1), m.end(1)))
    for m in _CJK_THAI_PERSON_RE.finditer(text):
        found.append(Person(m.group(1), m.start(1), m.end(1)))
    for m in _CJK_LATIN_PERSON_RE.finditer(text):
        if not NOT_PERSON & set(m.group(1).split()):
            found.append(Person(m.group(1), m.start(1), m.end(1)))
    return found


def latin_people(text: str) -> list[Person]:
    """People named in Latin letters after an honorific, a role or a naming word, in any language of the region."""
    found = []
    for pattern in (_PERSON_AFTER_HONORIFIC, _PERSON_AFTER_ROLE, _PERSON_AFTER_SMALL_MARKER,
                    _PERSON_AFTER_SCRIPT_MARKER, _PERSON_AFTER_VIETNAMESE_MARKER):
        for m in pattern.finditer(text):
            if pattern is _PERSON_AFTER_VIETNAMESE_MARKER and normalise(m.group(1).split()[0]) not in _VI_SURNAMES:
                continue
            person = _person(m)
            if pattern is _PERSON_AFTER_HONORIFIC and _OWN_OFFICER_BEFORE_RE.search(text, max(0, m.start() - 30),
                                                                                  m.start()):
                continue  # "Our lawyer Mr David Lim": on the client's side
            if person is None or _WRITER_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()) or (
                    _TAGALOG_WRITER_RE.match(text, max(0, m.start() - 7)) or _TAGALOG_WRITER_RE.match(
                        text, max(0, m.start() - 4))):
                continue  # "tôi tên là Nguyễn Văn Hậu": the writer's own name
            if pattern is _PERSON_AFTER_ROLE and (_OWN_OFFICER_RE.search(text, max(0, m.start() - 6), m.end(1))
                                                  or NOT_PERSON & set(m.group(1).split())
                                                  or _TITLE_CASE_ROLE_RE.match(text, m.start())):
                continue  # "our president Lee Kok Wah": the client's own officer; "led by Royal Malaysian Customs"
            found.append(person)
            second = _SECOND_PERSON.match(text, person.end) if pattern is _PERSON_AFTER_ROLE else None
            if second and (other := _person(second)):
                found.append(other)
    for m in _MALAY_PATRONYMIC_RE.finditer(text):
        words = m.group(1).split()
        lead = 0
        while words[lead].casefold().rstrip(".'’") in HONORIFIC_WORDS | _SELF_WORDS | _NOT_GIVEN_NAME:
            lead += 1
        if _SELF_NAMED_RE.search(text, max(0, m.start() - 20), m.start()) or _SELF_HERE_RE.match(text, m.end()) or \
                _SELF_WORDS & {
                w.casefold() for w in words[:lead]}:
            continue  # "Saya Ahmad Faizal bin Rahman": the writer
        start = m.start(1) + len(m.group(1)) - len(" ".join(words[lead:])) if lead else m.start(1)
        found.append(Person(text[start : m.end(1)], start, m.end(1)))
    return found


def _person(m: re.Match) -> Person | None:
    """The person a match names in its first group, without an honorific before it and words after it that are
    no name; None if no name is left."""
    words = m.group(1).split()
    if words and words[0].lower().rstrip(".") in HONORIFIC_WORDS:
        words = words[1:]
    while words and words[-1] in NOT_PERSON:
        words.pop()
    if len(words) < 2 or any(w in NOT_PERSON for w in words):
        return None
    name = " ".join(words)
    if normalise(name) in TERRITORY_NAMES:
        return None
    return Person(name, m.start(1), m.start(1) + len(name))
