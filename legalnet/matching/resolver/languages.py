"""Languages named in prose: whether a language is the one the client wants its lawyer to work in ("a Mandarin
lawyer", 粤语律师, "in English please"), a document's or a person's ("executed in English", 我英文麻麻), or a
place's name."""

from __future__ import annotations

import re

from ..vocabulary import has_nospace_script, normalise
from .cues import (
    _AFTER_IN_LANGUAGE,
    _CUES,
    _LANG_CUES_AFTER,
    _LANG_CUES_BEFORE,
    _LANG_CUES_ZH,
    _LANG_CUES_ZH_ADJACENT,
    _LANG_CUES_ZH_AFTER,
    _LANG_WEAK_AFTER,
    _LIST_JOINER,
    _NOT_LANGUAGE_AFTER,
    _SENTENCE_END,
)
from .index import _Hit, _Index
from .roles import _LAWYER_BEFORE_LANGUAGE_RE, _LAWYER_WORDS, _QUALIFICATION_LANGUAGES, _SOUTHEAST_SCRIPT_RE
from .scan import _next_words, _prev_words, _Token, _word_index_at

_LANG_NEGATED_BEFORE = re.compile("|".join(_CUES["lang_negated"]["before"]), re.IGNORECASE)
# "Cantonese or Portuguese", 廣東話同葡文: a list a negation before its first language covers whole (a comma may
# start a new thought: "he speaks little English, Mandarin or Cantonese lawyer please").
_NEGATED_LIST_JOINER = re.compile(r"\s*(?:or|nor|and|或|或者|和|同|及|และ|หรือ|dan|atau|và|hoặc|at|o|ឬ|និង|ຫຼື|ແລະ)\s*",
                                  re.IGNORECASE)
_NEGATION_REACH = 50
# Words that hold a cue's character and are no cue (以及, 可以, 费用), taken out before the cues are looked for.
_NOT_ZH_CUE_RE = re.compile("|".join(sorted(map(re.escape, _CUES["lang_cues_zh_not"]), key=len, reverse=True)))
_LANG_NEGATED_AFTER = re.compile("|".join(_CUES["lang_negated"]["after"]), re.IGNORECASE)
_FALLBACK_BEFORE = re.compile("|".join(_CUES["lang_fallback_before"]), re.IGNORECASE)
_WORK_IN_BEFORE = re.compile("|".join(_CUES["lang_work_in_before"]), re.IGNORECASE)
_DOCUMENT_LANGUAGE_BEFORE = re.compile("|".join(_CUES["lang_negated"]["document_before"]), re.IGNORECASE)
# How far back the words that make a language a document's or a third party's may start ("the buyer's team
# communicates only in …").
_DOCUMENT_REACH = 64
_OWN_TRANSLATOR_BEFORE_RE = re.compile("|".join(_CUES["lang_negated"]["own_translator_before"]), re.IGNORECASE)
_TRANSLATION_AFTER_RE = re.compile(r"\s*(?:翻译|翻譯|口译|口譯|translators?|interpreters?)")
_DOCUMENT_LANGUAGE_AFTER = re.compile("|".join(_CUES["lang_negated"]["document_after"]), re.IGNORECASE)


# The Vietnamese and Malay words for lawyer right before a name; a language's name that opens with the word for
# language (tiếng Anh, bahasa Inggris) is the language whatever comes before it.
_BARE_LAWYER_BEFORE_RE = re.compile(r"\b(?:luật\s+sư|luat\s+su|pengacara|peguam)\s+$", re.IGNORECASE)
_LANGUAGE_WORD_RE = re.compile(r"(?:tiếng|tieng|bahasa)\s", re.IGNORECASE)
# Small words between a language and the lawyer it is for ("… po sana ang lawyer", "… or Hokkien, the lawyer").
_FILLER_WORDS = frozenset({"or", "and", "at", "o", "po", "sana", "ang", "na", "ng", "the", "a", "an", "please", "pls",
                           "lang", "din", "rin", "yung", "ung", "mas", "kung", "okay", "ok"})
_WITH_LAWYER_AFTER_RE = re.compile(
    r"(?:\s+(?:or|and|\w+)){0,3}\s+with\s+(?:the|a|an|our|my|your)\s+(?:lawyers?|counsel|attorneys?|solicitors?)\b",
    re.IGNORECASE)
# Words before a name that make it the place, not the language: "di Indonesia", "to Indonesia", "sa Pilipinas".
_PLACE_PREPOSITIONS = frozenset({"di", "ke", "dari", "ở", "tại", "o", "tai", "sa", "nasa", "at", "to", "from",
                                 "hukum", "luật", "luat", "law"})


def _language_status(hit: _Hit, words: list[_Token], text: str,
                     others: tuple[tuple[int, int], ...] = ()) -> str | None:
    """'cue' when the hit is a working language, 'not' when it is a person's or firm's adjective, 'unspoken'
    when someone does not speak it well or a document is written in it, else None. ``others``: the spans of the
    text's other language names, whose cues are their own."""
    before, after = text[max(0, hit.start - 30) : hit.start], text[hit.end : hit.end + 24]
    if "jurisdictions" not in hit.senses and _WITH_LAWYER_AFTER_RE.match(text, hit.end):
        return "cue"  # "I can speak Cantonese or Vietnamese with the lawyer"
    if _DOCUMENT_LANGUAGE_BEFORE.search(text, max(0, hit.start - _DOCUMENT_REACH), hit.start) or \
            _DOCUMENT_LANGUAGE_AFTER.search(after):
        return "not"  # "executed in English and Vietnamese", 遺囑係用葡文寫嘅
    if _TRANSLATION_AFTER_RE.match(text, hit.end) and _OWN_TRANSLATOR_BEFORE_RE.search(before):
        return "not"  # 我们的印尼语翻译会陪同: the client's own interpreter, not what it asks of the lawyer
    if _FALLBACK_BEFORE.search(before):
        return "cue"  # "Japanese would be ideal; otherwise English", 唔得嘅話英文都可以: the second choice
    # "Tidak perlu pengacara yang bisa berbahasa Mandarin": a need denied may stand further back than a cue.
    if _LANG_NEGATED_BEFORE.search(text, max(0, hit.start - _NEGATION_REACH), hit.start) or \
            _LANG_NEGATED_AFTER.search(after):
        return "unspoken"  # "he speaks little English", 我英文麻麻
    if "jurisdictions" not in hit.senses and (_WORK_IN_BEFORE.search(before) or _WORK_IN_BEFORE.search(
            _OTHER_LANGUAGE_BEFORE_RE.sub("", before))):
        # "explain in Hiligaynon or Tagalog": a language outside the vocabulary may come first in the list.
        return "cue"  # "report in English to our team"; "work in Vietnam" is the place
    tail = text[hit.end : hit.end + 8].lstrip()
    if tail.startswith(_LANG_CUES_ZH_AFTER):
        return "cue"  # 粤语律师, 以英文为工作语言, 用泰语沟通
    if hit.token_start >= 0:
        after = _next_words(words, hit.token_end, text, 2)
        if after and after[0] in _LAWYER_WORDS and "jurisdictions" not in hit.senses and not \
                hit.senses.get("languages", frozenset()) & _QUALIFICATION_LANGUAGES and not \
                {"have", "has", "our", "their"} & set(_prev_words(words, hit.token_start, text, 3)):
            return "cue"  # "a Mandarin lawyer", "Tagalog lawyer po": a language that is no place's name
        if after and after[0] in _NOT_LANGUAGE_AFTER:
            return "not"
        if "jurisdictions" not in hit.senses and _LAWYER_BEFORE_LANGUAGE_RE.search(
                text, max(0, hit.start - 28), hit.start) and not (
                _BARE_LAWYER_BEFORE_RE.search(text, max(0, hit.start - 28), hit.start)
                and not _LANGUAGE_WORD_RE.match(hit.text)):
            # "luật sư Lao", "pengacara Indonesia": a bare name after the word for lawyer is the lawyer's country.
            return "cue"  # "um advogado em português", "luật sư tiếng Anh", "advogado de língua portuguesa"
        if after and (after[0] in _LANG_CUES_AFTER or " ".join(after) in _LANG_CUES_AFTER):
            # "Myanmar please" asks for the place; only a strong cue makes a place name a language.
            weak = after[0] in _LANG_WEAK_AFTER or " ".join(after) in _LANG_WEAK_AFTER
            if not (weak and "jurisdictions" in hit.senses):
                return "cue"
        k = hit.token_start
        if "jurisdictions" in hit.senses and _prev_words(words, k, text, 1)[:1] and \
                _prev_words(words, k, text, 1)[0] in _PLACE_PREPOSITIONS:
            return None  # "pengacara di Indonesia", "to Indonesia": the place, whatever cue came before
    else:
        k = _word_index_at(words, hit.start)
    # A cue earlier in the same sentence: "Lawyers must speak English", "Working language: Thai".
    j = k - 1
    boundary = hit.start
    while j >= 0 and k - j <= 8:
        if any(ch in _SENTENCE_END for ch in text[words[j].end : boundary]):
            break
        # "(dalam bahasa Inggris) memilih hukum Indonesia", "berbahasa Inggris dan Mandarin, tunduk pada hukum
        # Indonesia": a cue before another language's name is that one's.
        if any(start <= words[j].start < end for start, end in others):
            break
        if words[j].norm in _LANG_CUES_BEFORE:
            return "cue"
        boundary = words[j].start
        j -= 1
    # Thai words run to more letters than Chinese ones: สื่อสารเป็นภาษาอังกฤษ.
    before = text[max(0, hit.start - (16 if _SOUTHEAST_SCRIPT_RE.match(hit.text) else 10)) : hit.start]
    cut = max((before.rfind(ch) for ch in _SENTENCE_END), default=-1)
    before = before[cut + 1 :]
    # Only the cues of scripts without spaces match inside a word: "noi" is in "Hanoi".
    if before.rstrip().endswith(_LANG_CUES_ZH_ADJACENT):
        return "cue"
    if any(cue in _NOT_ZH_CUE_RE.sub(" ", before) for cue in _LANG_CUES_ZH if has_nospace_script(cue)):
        return "cue"  # "用英文", "以泰文"; not "以及 Thai FDA", "费用"
    # "Mas okay po kung Tagalog ang lawyer", "Tagalog or Bisaya po sana ang lawyer": a lawyer a few small words on in
    # the clause, for a language no place is named ("Thai litigation counsel" names where the lawyer practises).
    if "jurisdictions" not in hit.senses and hit.token_start >= 0:
        following = _next_words(words, hit.token_end, text, 6)
        for n, word in enumerate(following):
            if word in _LAWYER_WORDS:
                return "cue"
            token = words[hit.token_end + n]
            if word not in _FILLER_WORDS and not text[token.start : token.start + 1].isupper():
                break
    return None


def _language_groups(hits: list[_Hit], words: list[_Token], text: str, idx: _Index) -> dict[int, str | None]:
    """Status of each language hit; a list of languages shares its cue ("Thai and English language")."""
    out: dict[int, str | None] = {}
    groups: list[list[_Hit]] = []
    for hit in hits:
        if "languages" not in hit.senses:
            continue
        between = text[groups[-1][-1].end : hit.start] if groups else ""
        # "bilingual English–Vietnamese", ภาษาไทยกับภาษาจีน: a dash or "with" joins two names that are languages only,
        # not "Sino-Thai" places.
        dashed = bool(groups) and between.strip() in ("-", "–", "กับ") and not any(
            "jurisdictions" in h.senses for h in (groups[-1][-1], hit))
        if groups and (_LIST_JOINER.fullmatch(between) or dashed):
            groups[-1].append(hit)
        else:
            groups.append([hit])
    for group in groups:
        spans = tuple((h.start, h.end) for h in hits if "languages" in h.senses and h not in group)
        statuses = [_language_status(h, words, text, spans) for h in group]
        # 我葡文英文都唔掂: in Chinese two names side by side are a list too.
        joined = text[group[0].end : group[1].start] if len(group) > 1 else None
        if joined is not None and (_NEGATED_LIST_JOINER.fullmatch(joined) or joined in ("", "、")) and not \
                _WITH_LAWYER_AFTER_RE.match(text, group[0].end) and (
                _LANG_NEGATED_BEFORE.search(text[max(0, group[0].start - 30) : group[0].start])
                or _LANG_NEGATED_AFTER.search(text[group[-1].end : group[-1].end + 16])):
            # "I don't speak Cantonese or Portuguese", พูดภาษาจีนกวางตุ้งและภาษาโปรตุเกสไม่ได้: the whole list
            statuses = ["unspoken"] * len(group)
        # A language someone does not speak leaves the rest of its list alone ("tiếng Việt, tiếng Anh của tôi yếu").
        for hit, status in zip(group, statuses, strict=True):
            if status == "unspoken":
                out[id(hit)] = "unspoken"
        spoken = [(hit, status) for hit, status in zip(group, statuses, strict=True) if status != "unspoken"]
        if not spoken:
            continue
        group = [hit for hit, _status in spoken]
        statuses = [status for _hit, status in spoken]
        # "Tagalog or English lawyer is ok po": a list one of whose languages is no place's name is languages, though
        # "English lawyer" alone may name where the lawyer qualified.
        after = _next_words(words, group[-1].token_end, text, 1) if group[-1].token_start >= 0 else []
        listed_for_lawyer = len(group) > 1 and "cue" in statuses and bool(after) and after[0] in _LAWYER_WORDS
        if "not" in statuses and not listed_for_lawyer:
            status: str | None = "not"
        elif "cue" in statuses or _cue_after_unknown_language(group[-1], text):
            status = "cue"
        else:
            status = _in_language_cue(group, words, text, idx)
        for hit in group:
            out[id(hit)] = status
    return out


# "… in Hiligaynon or ": a capitalised word and a joiner right before a language, taken off to find the cue before.
_OTHER_LANGUAGE_BEFORE_RE = re.compile(r"\b[A-Z][a-z]{2,15}\s*(?:/|or|o|at)\s*$")
# "Tagalog or Bisaya po sana": a language listed with one outside the vocabulary, the cue after that one.
_OR_OTHER_LANGUAGE_RE = re.compile(
    r"\s*(?:,|/|or|and|o|at|atau|hoặc|或|或者)\s*[A-Z][a-z]{2,15}\s+((?:[\w-]+\s*){1,2})")


def _cue_after_unknown_language(hit: _Hit, text: str) -> bool:
    """Whether a language is listed with a word outside the vocabulary that a language cue follows."""
    found = _OR_OTHER_LANGUAGE_RE.match(text, hit.end)
    if not found:
        return False
    after = found.group(1).casefold().split()
    return bool(after) and (after[0] in _LANG_CUES_AFTER or " ".join(after) in _LANG_CUES_AFTER)


def _in_language_cue(group: list[_Hit], words: list[_Token], text: str, idx: _Index) -> str | None:
    """'in' before a language that ends the clause: "… in Thai or English", "in English please"."""
    first, last = group[0], group[-1]
    if first.token_start < 0 or last.token_start < 0:
        return None
    if any("jurisdictions" in h.senses for h in group):
        return None  # "in Myanmar" is the place
    if len(group) == 1 and normalise(first.text) in idx.list_only["jurisdictions"] \
            and normalise(first.text) not in idx.demonyms:
        return None  # a short name of a country ("in Lao PDR" cut short) may mean the country
    before = _prev_words(words, first.token_start, text, 1)
    if before != ["in"]:
        return None
    after = _next_words(words, last.token_end, text, 1)
    return "cue" if not after or after[0] in _AFTER_IN_LANGUAGE else None
