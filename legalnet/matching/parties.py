"""Parties named in a request's text: companies by their legal form, in every script, and people by a role.

A company is found from its legal form ("… Co., Ltd.", "… Sdn. Bhd.", "PT … Tbk", "Công ty TNHH …",
"บริษัท … จำกัด", "…有限公司") and read leftwards over the words of its name until a word that cannot belong
to it. A person is found after an honorific ("Mr. Leung Chi Wai") or a role ("the vendor, Lim Ah Kow"), by a name
given in two scripts, or by the shape of a Chinese or Vietnamese name: see ``people``.
The client's own company ("we are X Ltd", "our subsidiary X", 我们是X有限公司) is not a counterparty: see ``own_side``.
State enterprises and governments that sign are found in ``state_parties``.

The given names (the request's counterparty field) are merged with the ones found in ``given_parties``.

Plain Python: no Flask, no database. The word lists are data (``data/parties.json``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .conflicts import normalise_entity
from .mail import RECIPIENT_LINE_RE as _RECIPIENT_LINE_RE
from .mekong_companies import khmer_and_lao_companies, thai_companies
from .name_openings import CONNECTORS as _CONNECTORS
from .name_openings import LEADING_NOISE as _LEADING_NOISE
from .name_openings import names_no_company
from .name_openings import plain as _plain
from .name_openings import trim_leading as _trim_leading
from .own_side import against_all, in_dispute, is_deceased, is_own_name, is_untroubled, neutral_role, providers_role
from .party_words import PARTY_WORDS, Party, alternatives
from .people import (
    TERRITORY_NAMES,
    cjk_people,
    latin_people,
    paired_people,
    romanised_chinese_people,
    thai_people,
    vietnamese_people,
)
from .state_parties import STATE_ENTERPRISES, is_government, state_parties
from .vocabulary import get_vocabulary, normalise

_DATA = PARTY_WORDS

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Scripts written without spaces: a run of them is one token, so "当地合作方是PT Sulawesi Jaya" keeps "PT" apart.
_NOSPACE = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff"
_TOKEN_RE = re.compile(
    rf"[(（][^()（）\s]{{1,12}}[)）]|[{_NOSPACE}]+|[^\W\d_{_NOSPACE}](?:[^\W{_NOSPACE}]|['’\-.])*"
    rf"|\d(?:[^\W{_NOSPACE}]|[\-.])*|[&,;:!?\n]"
)
_SENTENCE_RE = re.compile(r"[.!?;:\n。！？；：]")
# A letter of no Latin alphabet (Vietnamese letters and combining marks are Latin).
_NOT_LATIN_RE = re.compile(r"[^\W\d_\u0000-\u024f\u0300-\u036f\u1e00-\u1eff]")


def _sequences(words: list[str]) -> list[tuple[str, ...]]:
    return sorted({tuple(w.split()) for w in words}, key=len, reverse=True)


_SUFFIXES = _sequences(_DATA["latin_suffixes"] + _DATA["trade_name_words"])
_SUFFIX_ENDS = {seq[-1] for seq in _SUFFIXES}
_STATUTE_WORDS = {"law", "laws", "act", "code", "ordinance", "decree", "regulation", "regulations"}
_FORM_WORDS = {word for seq in _SUFFIXES for word in seq} | {prefix.lower() for prefix in _DATA["latin_prefixes"]}
_TRADE_WORDS = set(_DATA["trade_name_words"])
_AMBIGUOUS = set(_DATA["ambiguous_suffixes"]) | _TRADE_WORDS
_GENERIC_NAME_WORDS = set(_DATA["generic_name_words"])
_PREFIXES = set(_DATA["latin_prefixes"]) - {"Tbk"}
_PREFIX_KIND_WORDS = frozenset(_DATA["prefix_kind_words"])
_MAX_CANDIDATES = 300
# A word that opens a sentence after a name's full stop ("… PT Sinar Jaya. Our partner …"), or the end of a line.
_SENTENCE_OPENERS = sorted({w.capitalize() for w in _DATA["leading_noise"] if " " not in w})
_SENTENCE_OPENER_RE = re.compile(r"\.?(?:\s*$|[ \t]*\n|\s+(?:" + alternatives(_SENTENCE_OPENERS) + r")\b)")
# A name left out on purpose: "XX律师事务所", 某物流公司 (not "XXL Sportswear").
_PLACEHOLDER_RE = re.compile(r"(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])|某")


# After any letter but a Latin one: "合作方Công ty Cổ phần …" opens a name inside Chinese.
_VI_PREFIX_RE = re.compile(r"(?<![A-Za-z0-9\u00c0-\u024f\u1e00-\u1eff])(?:" + alternatives(_DATA["vietnamese_prefixes"])
                           + r")\s+", re.IGNORECASE)
_CJK_TRADE_NAME_ENDINGS = frozenset(_DATA["cjk_trade_name_suffixes"])
# The endings of hospitals' and clinics' registered names, whose opening city is where the care was had.
INSTITUTION_ENDINGS = tuple(_DATA["cjk_institution_suffixes"])
# Endings that need four characters of name before them (a shop or a clinic of that kind is no name).
_CJK_LONG_NAME_ENDINGS = _CJK_TRADE_NAME_ENDINGS | frozenset(INSTITUTION_ENDINGS)
_CJK_SUFFIX_RE = re.compile(alternatives(_DATA["cjk_suffixes"] + _DATA["cjk_trade_name_suffixes"]
                                         + _DATA["cjk_institution_suffixes"]))
_CJK_QUOTED_RE = re.compile(
    r"[“「『\"'‘]([^”」』\"'’\n]{2,40}?(?:" + alternatives(_DATA["cjk_quoted_endings"]) + r"))[”」』\"'’]"
)
_CJK_NAME_CHAR = re.compile(rf"[{_CJK}\u30a0-\u30ff()（）A-Za-z0-9·]")
# Japanese names in katakana, before or after the form (ミライボシ株式会社, 株式会社ミライボシ).
_CJK_FORM_KINDS = tuple(_DATA["cjk_form_kinds"])
_JAPANESE_FORM_FIRST_RE = re.compile(r"(?:株式会社|有限会社|合同会社)[\u30a0-\u30ff]{2,20}")
_CJK_CHAR_RE = re.compile(rf"[{_CJK}]")
# A provider's or a neutral's role ends the words before a name too: 我们的保险公司中国平安…, 仲裁员…
# Only after the client's possessive: 深圳市中外运国际货运代理有限公司 is a forwarder's own name.
_CJK_ROLE_BOUNDARIES = [own + role for own in _DATA["cjk_side_possessives"] for role in _DATA["cjk_side_roles"]]
_CJK_BOUNDARIES = sorted(_DATA["cjk_left_boundaries"] + _CJK_ROLE_BOUNDARIES, key=len, reverse=True)
_INITIALS_RE = re.compile(r"[A-Z]{2,6}")
# A short form: initials (EVN) or a Thai abbreviation (กฟผ.).
_SHORT_FORM_RE = re.compile(r"[A-Z]{2,6}|[\u0e01-\u0e4e.]{2,8}")
_AND_RE = re.compile(r"\s+(?:and|&)\s+")
_BRACKET_GAP_RE = re.compile(r"\s*[(（]\s*")
_BRACKET_CLOSE_RE = re.compile(r"\s*[)）]")
_BANK_RE = re.compile(
    r"(?:[A-Z][\w'’&\-]*\s+){0,3}(?:Bank|Banco|Banque|Bangko)(?![a-z])"
    r"(?:\s+(?:(?:of|for|da|de|do|dos)\s+)?(?:the\s+)?[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,3})?"
)


# ------------------------------------------------------------------------------------------- companies


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def _names_group(tokens: list[tuple[str, int, int]], before: int) -> bool:
    """Whether "Group" ends a name: two capitalised words before it that are not "The", "Our" or a sentence's
    last word ("Guangzhou Huaying Education Group"; not "the Group", "Our Group CFO")."""
    words = tokens[max(0, before - 1) : before + 1]
    if before >= 2 and _plain(tokens[before - 2][0]) in ("our", "my"):
        return False  # "our Hong Kong Group entities": the client's own group
    return len(words) == 2 and all(
        _is_name_token(w) and w[-1:].isalnum() and (_plain(w),) not in _LEADING_NOISE for w, _s, _e in words)


# Forms that only end a company's name: "Hock Seng Enterprise & Trading Sdn Bhd" is one name, "X Ltd and Y Pte Ltd" two.
_CLOSING_FORMS = frozenset({"ltd", "limited", "bhd", "berhad", "inc", "incorporated", "llc", "llp", "plc", "pcl", "jsc",
                            "tbk", "gmbh", "corp"})


def _ends_legal_form(tokens: list[tuple[str, int, int]], j: int) -> bool:
    """Whether the token at ``j`` closes a company's legal form (Ltd, Sdn Bhd, Inc.), so a name ends there."""
    return _plain(tokens[j][0]) in _CLOSING_FORMS and bool(_suffix_at(tokens, j))


def _suffix_at(tokens: list[tuple[str, int, int]], j: int) -> int:
    """How many tokens before and at ``j`` form a legal form (commas between them allowed), 0 if none."""
    if _plain(tokens[j][0]) not in _SUFFIX_ENDS:
        return 0
    for seq in _SUFFIXES:
        i, k, matched = j, len(seq) - 1, 0
        while k >= 0 and i >= 0:
            tok = tokens[i][0]
            if tok == ",":
                i -= 1
                matched += 1
                continue
            if _plain(tok) != seq[k]:
                break
            i, k, matched = i - 1, k - 1, matched + 1
        if k < 0:
            first = tokens[j - matched + 1][0]
            if " ".join(seq) in _AMBIGUOUS and not first[:1].isupper():
                continue
            if seq == ("group",) and not _names_group(tokens, j - matched):
                continue
            if seq == ("plt",) and tokens[j][0] != "PLT":
                continue  # Indonesian "Plt Direktur": an acting officer, not a Malaysian partnership
            if " ".join(seq) in _AMBIGUOUS and j + 1 < len(tokens) and _plain(tokens[j + 1][0]) in _STATUTE_WORDS:
                return 0  # "the Lao Enterprise Law", "the Company Act": a statute, not a company
            return matched
    return 0


def _is_name_token(token: str) -> bool:
    if _NOT_LATIN_RE.search(token):
        return False  # "2024年从": a Latin name does not run into another script
    if token[:1] in "(（":
        return token[1:2].isupper() or token[1:2].isdigit()
    return token[:1].isupper() or token[:1].isdigit()


def _latin_companies(text: str) -> list[Party]:
    tokens = _tokens(text)
    found: list[Party] = []
    j = len(tokens) - 1
    while j >= 0:
        size = _suffix_at(tokens, j)
        if not size:
            j -= 1
            continue
        start = j - size + 1
        name_words: list[tuple[str, int, int]] = []
        i = start - 1
        while i >= 0 and len(name_words) < 9:
            tok = tokens[i][0]
            if tok == "," and i == start - 1 and name_words == []:
                i -= 1
                continue
            if tok.endswith(".") and (len(_plain(tok)) > 4 or _is_acronym_at_stop(tok) or _ends_legal_form(
                    tokens, i)) and tokens[i + 1][0] != ",":
                # "… based in Miri, Sarawak. Seria Petroservices Sdn Bhd": a whole word's dot ends a sentence, and
                # so does a legal form's ("… Pte Ltd. Harbourline Pte Ltd"), but "… Phils., Inc." abbreviates.
                break
            if name_words and _plain(name_words[0][0]) in ("and", "&") and (
                    _ends_legal_form(tokens, i) or (tok.startswith("(") and tok.endswith(")") and i > 0
                                                    and _ends_legal_form(tokens, i - 1))):
                name_words.pop(0)  # "Acme Trading Ltd and Beta Supplies Pte Ltd": two companies, not one
                break
            if _is_name_token(tok) or (_plain(tok) in _CONNECTORS and name_words):
                name_words.insert(0, tokens[i])
                i -= 1
                continue
            break
        # "PT" and friends open a name: keep the name from the prefix on.
        for k, word in enumerate(name_words):
            if word[0] in _PREFIXES:
                name_words = name_words[k:]
                break
        else:
            name_words = _trim_leading(name_words)
        while name_words and _plain(name_words[-1][0]) in _CONNECTORS:
            name_words.pop()
        if names_no_company(name_words):
            name_words = []  # "2）Sdn Bhd 开户", "Incorporation of Pvt Ltd": a legal form alone names no company
        if name_words:
            # "yung agency ko sa Manila (Bright Path Manpower Agency)": a bracket opened before the name and not
            # closed in it opens the name.
            for k in range(len(name_words) - 1, 0, -1):
                gap = text[name_words[k - 1][2] : name_words[k][1]]
                if ("(" in gap or "（" in gap) and not re.search(r"[)）]", text[name_words[k][1] : tokens[j][2]]):
                    name_words = name_words[k:]
                    break
            if " ".join(_plain(t[0]) for t in tokens[start : j + 1]) in _TRADE_WORDS and (
                    j + 1 < len(tokens) and tokens[j + 1][0][:1].isupper()
                    and not re.search(r"[.,;:!?()（）\n]", text[tokens[j][2] : tokens[j + 1][1]])):
                j = start - 1  # "the Architectural Services Department": the name goes on past the trade word
                continue
            if " ".join(_plain(t[0]) for t in tokens[start : j + 1]) in _TRADE_WORDS:
                # "Mr Zhang Wei of Harbour Lights Trading": a trade name holds no "of".
                cut = [k for k, w in enumerate(name_words) if _plain(w[0]) == "of"]
                name_words = name_words[cut[-1] + 1 :] if cut else name_words
                if not name_words or all(_plain(w[0]) in _GENERIC_NAME_WORDS for w in name_words):
                    j = start - 1  # "our Legal Services team": a kind of service, not a trade name
                    continue
            begin, end = name_words[0][1], tokens[j][2]
            # "Ltd." keeps its dot; after a whole word ("… Hospital.", "… Limited.") the dot ends the sentence.
            if tokens[j][0].endswith(".") and (len(_plain(tokens[j][0])) > 4 or (
                    tokens[j][0][:-1].isupper() and _SENTENCE_OPENER_RE.match(text, tokens[j][2] - 1))):
                end -= 1  # "… Gulf Petro Trading FZE. The cargo …": the stop ends the sentence, not "Ltd."
            found.append(Party(text[begin:end].strip(" ,"), begin, end))
            j = i
        else:
            j = start - 1
    found.extend(_prefixed_companies(text, tokens))
    return found


def _is_acronym_at_stop(token: str) -> bool:
    """An acronym in capitals before a full stop ends a sentence ("berizin OJK. Shenzhen … Co., Ltd."), unless it
    is a legal form ("CO.", "LTD.")."""
    word = token[:-1]
    return len(word) >= 2 and word.isalpha() and word.isupper() and word.lower() not in _FORM_WORDS


def _prefixed_companies(text: str, tokens: list[tuple[str, int, int]]) -> list[Party]:
    """Names opened by a prefix and closed by the end of the capitalised run: "PT Mega Distribusi Utama"."""
    found = []
    for n, (tok, begin, end) in enumerate(tokens):
        if tok.rstrip(".") not in _PREFIXES or (tok.endswith(".") and _SENTENCE_OPENER_RE.match(text, end - 1)):
            continue  # "PT. Maju Jaya": Indonesian writers often put a stop after PT; "my CV. The recruiter …"
        if n + 1 < len(tokens) and tokens[n + 1][0] in _PREFIX_KIND_WORDS:
            continue  # "set up a PT PMA for SaaS": a kind of company, not one
        words = []
        for word in tokens[n + 1 : n + 8]:
            if words and word[0].rstrip("%").isdigit():
                break  # "PT Jaya Logam Perkasa 70%的股权": a number ends the name
            if _is_name_token(word[0]) or (_plain(word[0]) in _CONNECTORS and words):
                words.append(word)
                if _plain(word[0]) in _SUFFIX_ENDS or _closes_name(text, word, words):
                    break  # "PT Sinar Baja Tbk for USD 4.6 million": a legal form closes the name
            else:
                break
        while words and _plain(words[-1][0]) in _CONNECTORS:
            words.pop()
        if words:
            end = words[-1][2]
            if _closes_name(text, words[-1], words):
                end = begin + len(text[begin:end].rstrip(").,;:!?）"))
            found.append(Party(text[begin:end], begin, end))
    return found


def _closes_name(text: str, word: tuple[str, int, int], words: list[tuple[str, int, int]]) -> bool:
    """Whether a word of a prefixed name ends it: a comma, a closing bracket opened before the name, or a whole
    word's full stop ("(PT Mega Distribusi Utama). Heard Indonesia …"); not "(Persero)" or "Co."."""
    token, end = word[0], word[2]
    if token.endswith((",", ";", ":", "!", "?")) or text[end : end + 1] in (",", ";", ":", "!", "?"):
        return True
    if (token.endswith((")", "）")) or text[end : end + 1] in (")", "）")) and not any(
            "(" in w[0] or "（" in w[0] for w in words):
        return True
    if (token.endswith(".") or text[end : end + 1] == ".") and (
            _is_acronym_at_stop(token if token.endswith(".") else token + ".") or _SENTENCE_OPENER_RE.match(text, end)
            # "PT Sinar Jaya. They refused …": a stop and a capital after a name of two words or more.
            or (len(words) >= 2 and re.match(r"\.?\s+[A-Z]", text[end - 1 if token.endswith(".") else end :]))):
        return True  # "a PT PMA. We need …", "PT Sinar Jaya. Our partner …": the stop ends a sentence
    return (token.endswith(".") or text[end : end + 1] == ".") and len(_plain(token)) > 4


_VI_TRADE_WORDS = frozenset(normalise(words) for words in _DATA["vietnamese_trade_words"])


# A lower-case "cty" or "công ty" opens a name only before two capitalised words ("bi cty Huaxin Packaging kien").
_NAME_AFTER_RE = re.compile(r"\s*[A-Z][\w&-]*\s+[A-Z]")


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Names of the jurisdictions and their places, and of every country in the region's Latin-script languages."""
    return frozenset(get_vocabulary().aliases("jurisdictions")) | TERRITORY_NAMES


def _vietnamese_companies(text: str) -> list[Party]:
    found = []
    for m in _VI_PREFIX_RE.finditer(text):
        bare = normalise(m.group()) in ("cong ty", "ngan hang", "cty", "c ty")
        if bare and not m.group()[:1].isupper() and not _NAME_AFTER_RE.match(text, m.end()):
            continue  # "công ty Trung Quốc", "ngân hàng nước ngoài": a company or a bank, not a name
        words = []
        last = m.end()
        for word in _TOKEN_RE.finditer(text, m.end()):
            tok = word.group()
            if not tok[:1].isalpha() and not tok[:1].isdigit() or text[last : word.start()].strip():
                break  # a comma, a bracket or a stop ends the name
            if _NOT_LATIN_RE.search(tok):
                break  # "… Sông Đà Xanh 在同奈省合资设立了": another script ends the name
            last = word.end()
            if not words and not tok[:1].isupper():
                break
            # One lower-case word may sit between capitalised ones ("Dệt may Sông Hồng"), and so may the rest of a
            # trade the name spells in sentence case ("Xuất nhập khẩu Hòa Bình").
            if not tok[:1].isupper() and words and not words[-1].group()[:1].isupper() and not any(
                    normalise(" ".join(w.group() for w in words[-size:]) + " " + tok) in _VI_TRADE_WORDS
                    for size in (1, 2)):
                break
            words.append(word)
            if len(words) > 10 or tok.endswith("."):
                break  # "… Giáo dục Sao Việt. Quỹ Lion Peak …": a full stop ends the name
        while words and not words[-1].group()[:1].isupper():
            words.pop()
        if normalise(m.group()) == "ngan hang" and len(words) < 2:
            continue  # "Ngân hàng Nông …" cut short: no bank's name
        lead = [w.group() for w in words[: next((k for k, w in enumerate(words) if w.group().islower()), None)]]
        if bare and normalise(" ".join(lead)) in _place_names():
            continue  # "cty TQ", "cong ty Trung Quoc o Quang Chau": a company of a place, not a name
        if words:
            end = words[-1].end() - (1 if words[-1].group().endswith(".") else 0)
            found.append(Party(text[m.start() : end], m.start(), end))
    return found


def _cjk_companies(text: str) -> list[Party]:
    found = [Party(m.group(1), m.start(1), m.end(1)) for m in _CJK_QUOTED_RE.finditer(text)]
    found += [Party(m.group(), m.start(), m.end()) for m in _JAPANESE_FORM_FIRST_RE.finditer(text)
              if not any(p.start <= m.start() < p.end for p in found)]
    for m in _CJK_SUFFIX_RE.finditer(text):
        if any(p.start <= m.start() < p.end for p in found):
            continue
        begin = m.start()
        while begin > 0 and m.start() - begin < 30 and _CJK_NAME_CHAR.match(text[begin - 1]):
            begin -= 1
        head = text[begin : m.start()]
        cut = 0
        for word in _CJK_BOUNDARIES:
            at = head.rfind(word)
            # A boundary that would leave one character is inside the name (珠海…产业园开发有限公司); one that
            # leaves nothing names a kind of company (注册一间有限公司).
            if at >= 0 and at + len(word) > cut and len(head) - (at + len(word)) != 1:
                cut = at + len(word)
        # "一间物流公司（順昌物流有限公司）": an opening bracket left unclosed before the form opens the name.
        for at in range(len(head) - 1, cut - 1, -1):
            if head[at] in "(（" and not any(ch in ")）" for ch in head[at:]):
                cut = at + 1
                break
        begin += cut  # nothing left ("注册一间有限公司") means a kind of company, not a name
        if m.group() in INSTITUTION_ENDINGS and "市" not in text[begin : m.start()]:
            continue  # 瑪麗醫院: a hospital where treatment is had, not its registered name
        stem = text[begin : m.start()]
        if any(stem.endswith(kind) and len(stem) - len(kind) <= 2 for kind in _CJK_FORM_KINDS):
            continue  # 一人有限公司, 澳門一人有限公司: a kind of company, with at most a place's name before
        if m.start() - begin >= (4 if m.group() in _CJK_LONG_NAME_ENDINGS else 2):
            found.append(Party(text[begin : m.end()], begin, m.end()))
    return found


# ------------------------------------------------------------------------------------------------ banks


def _banks(text: str) -> list[Party]:
    """Banks are named without a legal form more often than not ("Bank of East Asia", "Bangkok Bank")."""
    found = []
    for m in _BANK_RE.finditer(text):
        spans = [(w.group(), m.start() + w.start(), m.start() + w.end()) for w in re.finditer(r"\S+", m.group())]
        words = _trim_leading(spans)
        if len(words) >= 2:
            found.append(Party(text[words[0][1] : m.end()], words[0][1], m.end()))
    return found


_BAR_RE = re.compile(r"[|｜¦]")


def party_spans(text: str, is_term=None, own_out: list[Party] | None = None,
                beside_out: list[Party] | None = None) -> list[Party]:
    """The parties a text names, other than the client itself, with where they stand, in order; the client's own
    names go to ``own_out`` when it is given, and the names of its providers and of neutrals (its bank, the
    arbitrator) to ``beside_out``.

    ``is_term(name)`` tells a name that is only a vocabulary term ("a Brunei Sdn Bhd", "PT PMA",
    香港有限公司): such a name stands for a kind of company, not for a party.
    """
    if not text or not text.strip():
        return []
    # "Michelle Yip | Legal Counsel | Kowloon Harbour Logistics Group Limited": a bar parts the fields of a
    # signature or a table as a line break does, so no name runs across one.
    fields = _BAR_RE.sub("\n", text)
    people = [Party(*p) for p in latin_people(fields)]
    candidates = (
        thai_companies(fields)
        + khmer_and_lao_companies(fields)
        + _vietnamese_companies(fields)
        + _cjk_companies(fields)
        + _latin_companies(fields)
        + _banks(fields)
        + people
        + [Party(*p) for p in cjk_people(fields) + thai_people(fields) + paired_people(fields)
           + romanised_chinese_people(fields) + vietnamese_people(fields)]
        + state_parties(fields)
    )
    # "Mr. Lim Chee Hong and Hartamas Capital Berhad": a person and a company, not one company's name.
    candidates = [_after_person(text, c, people) for c in candidates]
    # "Tan Sri Lim Kok Thay's company": the owner is named without the possessive.
    candidates = [Party(c.name[:-2], c.start, c.end - 2) if c.name.endswith(("'s", "’s")) else c for c in candidates]
    # Longest first, so a name inside a longer one ("Ltd" runs, a quoted name) is dropped.
    candidates.sort(key=lambda p: (p.start, -(p.end - p.start)))
    # A text that names thousands of parties is no letter: the first few hundred keep the reading fast.
    del candidates[_MAX_CANDIDATES:]
    kept: list[Party] = []
    for party in candidates:
        if any(p.start <= party.start and party.end <= p.end for p in kept):
            continue
        kept = [p for p in kept if not (party.start <= p.start and p.end <= party.end)]
        kept.append(party)
    # "Vietnam Electricity (EVN) … EVN has not paid": initials in brackets after a name are its short form, wherever
    # they stand again; the name is screened with them, as a register may hold either.
    short_forms: set[str] = set()
    for n, party in enumerate(kept):
        full = kept[n - 1] if n else party
        # Only a company's or a state body's: "the contractor Lim Boon Heng (PLN)" names two parties.
        if n and _SHORT_FORM_RE.fullmatch(party.name) and _BRACKET_GAP_RE.fullmatch(text, full.end, party.start) and (
                normalise_entity(full.name) != normalise(full.name) or full.name in STATE_ENTERPRISES
                or is_government(full.name)):
            short_forms.add(party.name)
            if (close := _BRACKET_CLOSE_RE.match(text, party.end)) and not _INITIALS_RE.fullmatch(full.name):
                kept[n - 1] = Party(text[full.start : close.end()], full.start, close.end())
    # "สมชาย แก้วมณี … นายสมชาย": a name that opens a fuller one found in the text is the same party.
    fuller = {p.name for p in kept}
    kept = [p for p in kept if p.name not in short_forms
            and not any(f.startswith(p.name + " ") and normalise_entity(f) == normalise(f) for f in fuller)]
    out: list[Party] = []
    cores = {id(p): normalise_entity(p.name) for p in kept}
    # The client's own company is itself wherever it is named again (in the signature under a "From:" line).
    is_own = {id(p): is_own_name(text, p.start, p.end) for p in kept}
    # "楓林家品有限公司（Maplewood Homeware Limited）": the other name in brackets is the client's too.
    for first, second in zip(kept, kept[1:], strict=False):
        if is_own[id(first)] and _BRACKET_GAP_RE.fullmatch(text, first.end, second.start):
            is_own[id(second)] = True
    own = {cores[id(p)] for p in kept if is_own[id(p)]} - {""}
    # The client's provider or a neutral is itself when named again ("… our forwarder, X … X then …").
    # Neutrals are people: "the pre-shipment inspector, SGS Vietnam Ltd" may well be sued.
    spans = [(p.start, p.end) for p in kept]
    neutral = {cores[id(p)] for p in kept if cores[id(p)] == normalise(p.name)
               and (role := neutral_role(text, p.start, p.end)) is not None
               and not in_dispute(text, p.start, p.end, spans, role, in_sentence=False)} - {""}
    providers = {cores[id(p)]: role for p in kept
                 if (role := providers_role(text, p.start, p.end)) is not None
                 and not in_dispute(text, p.start, p.end, spans, role)}
    providers.pop("", None)
    held: list[Party] = []
    for party in sorted(kept, key=lambda p: p.start):
        core = cores[id(party)]
        if is_own[id(party)] or core in own:
            if own_out is not None:
                own_out.append(party)
            continue
        if not core or (is_term is not None and (is_term(core) or is_term(normalise(party.name)))):
            continue
        if core in neutral or (core == normalise(party.name) and is_deceased(text, party.start, party.end)):
            if beside_out is not None:
                beside_out.append(party)  # "the arbitrator, Mr X", "arwah Lim Ah Chuan": named, but no side
            continue
        if _RECIPIENT_LINE_RE.match(text, text.rfind("\n", 0, party.start) + 1):
            continue  # "To: GBA-ASEAN Legal Services …", "Cc: …": who a message went to
        if is_term is not None and (_ends_term(text, party, is_term) or _opens_term(text, party, is_term)):
            continue  # "People's Bank of China", "Suruhanjaya Syarikat Malaysia": a regulator, not "Bank of China"
        if is_term is not None and _opens_cjk_term(text, party, is_term):
            continue  # 馬來西亞, 江苏常州: a place that opens with a surname, not a person
        if _PLACEHOLDER_RE.search(party.name):
            continue  # "XX律师事务所", "某物流公司": a name left out on purpose
        words = normalise(party.name).split()
        if is_term is not None and len(words) > 2 and is_term(" ".join(words[:-1])) and (
                is_term(words[-1]) or _TRAILING_ACRONYM_RE.search(party.name)):
            continue  # "a PT PMA Batam": a kind of company and where; "Central Bank of Myanmar FX": a regulator
        if (role := providers.get(core)) is not None and not in_dispute(text, party.start, party.end, spans, role) \
                and not (role == "staff" and against_all(text)):
            held.append(party)  # "our forwarder, X": on the client's side; not staff the client sues with another
            continue
        if is_untroubled(text, party.start, party.end, spans):
            held.append(party)  # "the landlord X, that one no problem": named to be complete
            continue
        out.append(party)
    # A provider is the other side when the text names no other: "Our bank, X, recalled our overdraft." The
    # client's own staff never are.
    if not out:
        return [party for party in held if providers.get(cores[id(party)]) != "staff"]
    if beside_out is not None:
        beside_out.extend(held)
    return out


def _after_person(text: str, party: Party, people: list[Party]) -> Party:
    """A name less a person named before "and" inside it ("Mr. Lim Chee Hong and Hartamas Capital Berhad")."""
    for person in people:
        if party.start <= person.start and person.end < party.end and (
                joint := _AND_RE.match(text, person.end)) and joint.end() < party.end:
            return Party(text[joint.end() : party.end], joint.end(), party.end)
    return party


_TRAILING_ACRONYM_RE = re.compile(r"\s[A-Z]{2,4}$")
_WORDS_BEFORE_RE = re.compile(r"((?:[\w'’-]+[ \t]+){1,2})$")


def _ends_term(text: str, party: Party, is_term) -> bool:
    """Whether a name is the end of a vocabulary term that opens a word or two before it: "People's" before "Bank
    of China" names the central bank."""
    before = _WORDS_BEFORE_RE.search(text, max(0, party.start - 40), party.start)
    if not before:
        return False
    words = before.group(1).split()
    return any(is_term(normalise(" ".join(words[-size:]) + " " + party.name)) for size in (1, 2)
               if size <= len(words))


def _opens_term(text: str, party: Party, is_term) -> bool:
    """Whether a name is the start of a vocabulary term that goes on a word or two after it: "Ngân hàng Nhà" before
    "nước" names the State Bank of Vietnam."""
    after = text[party.end : party.end + 30].split()
    return any(is_term(normalise(party.name + " " + " ".join(after[:size]))) for size in (1, 2) if size <= len(after))


def _opens_cjk_term(text: str, party: Party, is_term) -> bool:
    """Whether a person's name in Chinese characters opens with a vocabulary term (江苏常州) or is the start of
    a longer one in the text (馬來西亞)."""
    if len(party.name) > 4 or not _CJK_CHAR_RE.match(party.name):
        return False  # a person's name: a company's opens with its city by rule (广州市…有限公司)
    if any(is_term(normalise(party.name[:size])) for size in range(2, len(party.name))):
        return True
    return any(is_term(normalise(text[party.start : party.end + extra])) for extra in (1, 2, 3)
               if party.end + extra <= len(text) and _CJK_CHAR_RE.match(text[party.end + extra - 1]))


def find_parties(text: str, is_term=None) -> list[str]:
    """The names of the parties a text names (see ``party_spans``), each once."""
    return list(dict.fromkeys(p.name for p in party_spans(text, is_term)))
