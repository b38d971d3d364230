"""Places named only as background: another party's home, an origin, people's nationality, a later plan.

"Our Vietnam supplier", "Chinese staff", "imported from China", 中国籍员工, ชาวจีน, "Indonesia maybe next
year", "We have operated plants in Thailand for a decade.": such a place is not where the legal work is. The
resolver keeps it apart, and uses it only when the request names no other place.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..vocabulary import normalise
from .counsel import COUNSEL_AT_WORK_RE
from .cues import _CLAUSE_END, _CUES, _LATIN_WORD_RE, _PEOPLE, _PEOPLE_AFTER
from .index import _Hit
from .scan import _next_words, _prev_words, _Token

_AFTER = frozenset(_CUES["background_after"])
# Compared with normalised words: "nhà cung cấp" is read as "nha cung cap".
_BEFORE = frozenset(normalise(w) for w in _CUES["background_before"])
_ZH_AFTER = tuple(sorted(_CUES["background_zh_after"], key=len, reverse=True))
_ZH_BEFORE = tuple(sorted(_CUES["background_zh_before"], key=len, reverse=True))
_DEFERRED = tuple(_CUES["deferred"])
_DEFERRED_AFTER_SENTENCE = tuple(_CUES["deferred_after_sentence"])
_DEFERRED_REACH = 60
_DEFERRED_BEFORE_RE = re.compile("|".join(_CUES["deferred_before"]), re.IGNORECASE)
_DEFERRED_BACK_RE = re.compile("|".join(_CUES["deferred_back"]), re.IGNORECASE)
_NOT_NATIONALITY = set("民类類寿壽大力才")
# Verbs of bringing goods in, and the words for "from" after which their origin is named.
IMPORT_VERBS = frozenset(normalise(w) for w in _CUES["import_verbs"])
_FROM_WORDS = frozenset({"from", "dari", "daripada", "tu"})
# Holders are read as normalised words ("mẹ" is "me"), so a holder of several words is matched as a phrase: "công ty
# mẹ" is a parent company, "me" alone is not.
_HOLDERS = frozenset(normalise(w) for w in _CUES["background_holders"] if " " not in w)
_HOLDER_PHRASES = tuple(normalise(w) for w in _CUES["background_holders"] if " " in w)
_ZH_PEOPLE = tuple(_CUES["background_zh_people"])
_POSSESSIVES = "的嘅之"
# 女儿在香港读书, 細佬喺澳門返工: where the client's relatives live, work or study.
_KIN_ZH_AT = tuple(kin + at for kin in _CUES["kin_zh"] for at in ("在", "喺", "住在", "住喺"))
_LIVES_OR_WORKS_ZH = tuple(_CUES["lives_or_works_zh"])
_ZH_BEFORE_REACH = max(max(map(len, _ZH_BEFORE)), max(map(len, _KIN_ZH_AT)))
_ZH_AFTER_REACH = max(6, *map(len, _ZH_AFTER))
# จากเมืองฝอซาน ประเทศจีน: a country restating a place the text says something comes from.
_LATIN_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\s*$")
_FROM_PLACE_RE = re.compile("|".join(f"(?:{p})" for p in _CUES["background_from_place_re"]))
_FROM_PLACE_REACH = 40
_MOVED_FROM_ZH = {side: tuple(words) for side, words in _CUES["moved_from_zh"].items()}
_LAWYER_SIDE = tuple(_CUES["counsel_place"]["side_before"])
_HISTORY_SUBJECT_RE = re.compile("|".join(_CUES["history_subjects"]), re.IGNORECASE)
_HISTORY_RE = re.compile("|".join(_CUES["history_markers"]), re.IGNORECASE)
_ASK_RE = re.compile("|".join(_CUES["ask_markers"]), re.IGNORECASE)
_NEGATED_ASK_RE = re.compile("|".join(_CUES["negated_asks"]), re.IGNORECASE)
_FORUM_CLAUSE = tuple(_CUES["forum_clause_words"])
_CLAUSE_RE = re.compile(r"[,，;；]\s*|(?<=[\u0e00-\u0e7f])\s+(?=[\u0e00-\u0e7f])")  # Thai: a space ends a clause
# Khmer and Burmese end a sentence with their own marks (។, ။). Thai writes no full stop: a space between Thai
# words ends the sentence there, unless the words after it go on with a conjunction (และ, แล้ว, หรือ …), are the
# items of a list ("ต้องการ (1) ทนายลาว … (2) …") or are short, as the names of a list are ("ในไทย สิงคโปร์ มาเลเซีย").
_SENTENCE_END_RE = re.compile(r"(?<!\b[A-Z])(?<!\bCo)(?<!\bLtd)(?<!\bInc)[.!?。！？;；\n។៕။]+"
                              r"|(?<=[\u0e00-\u0e7f])\s+(?=[\u0e00-\u0e7f]{12})(?!\(?\d+[).]|"
                              + "|".join(_CUES["thai_going_on"]) + ")")


@lru_cache(maxsize=256)
@lru_cache(maxsize=1024)
def asks(sentence: str) -> bool:
    """Whether a sentence asks for something, leaving out the needs it says it does not have."""
    return bool(_ASK_RE.search(_NEGATED_ASK_RE.sub(" ", sentence)))


def _clause_after(text: str, pos: int, limit: int = 40) -> str:
    end = pos
    while end < len(text) and end - pos < limit and text[end] not in _CLAUSE_END:
        end += 1
    return text[pos:end]


def clause_before(text: str, pos: int, limit: int = 24) -> str:
    """The text of the clause before `pos`, at most `limit` characters back."""
    start = pos
    while start > 0 and pos - start < limit and text[start - 1] not in _CLAUSE_END:
        start -= 1
    return text[start:pos]


# A word of possibility ("maybe", mungkin, 可能) beside a later day before a place puts the place off; a plan
# ("next year we will open in Vietnam") is still a plan the client asks about.
_POSSIBILITY_RE = re.compile(
    r"(?:\b|(?<=[^\x00-\x7f]))(?:" + "|".join(re.escape(w) for w in _CUES["possibility_words"])
    + r")(?:\b|(?=[^\x00-\x7f]))", re.IGNORECASE)


def is_later_place(hit: _Hit, text: str) -> bool:
    """"Indonesia maybe next year", 印尼明年再说: the clause puts the place off; 日後如取得裁決，可能需要到泰國…:
    the sentence makes it a step for a later day."""
    after = _clause_after(text, hit.end).casefold()
    if any(marker in after for marker in _DEFERRED):
        return True
    before = clause_before(text, hit.start, 60).casefold()
    if any(marker in before for marker in _DEFERRED) and _POSSIBILITY_RE.search(before):
        return True  # "tahun depan mungkin sekalian ke Malaysia", 明年可能再去越南: a later day and a maybe
    start, end = _sentence_span(text, hit.start)
    first = _first_deferral(text, start, end)
    if 0 <= first <= hit.start:
        return True
    # "至于是否向印尼法院申请保全措施，暂不考虑": a step named just before it is put off, unless its own clause asks.
    near = text[hit.end : min(end, hit.end + _DEFERRED_REACH)].casefold()
    if _DEFERRED_BACK_RE.search(near):
        return True  # "… in Malaysia and Thailand, but that is for next year": the ask itself is put off
    return any(marker in near for marker in _DEFERRED_AFTER_SENTENCE) and not asks(
        _clause_at(text[start:end], hit.start - start))


@lru_cache(maxsize=256)
def _first_deferral(text: str, start: int, end: int) -> int:
    """Where the first mark of a step put off ends in a sentence, -1 if none (worked out once per sentence)."""
    found = _DEFERRED_BEFORE_RE.search(text, start, end)
    return found.end() if found else -1


_BLOC_RE = "(?:ASEAN|东盟|東盟|亚细安|亞細安)"
_TREATY_RE = "(?:" + "|".join(re.escape(w) for w in _CUES["treaty_words"]) + r")(?![a-z])"
_INSTRUMENT_AFTER_RE = re.compile(r"\s*[-–—/]\s*" + _BLOC_RE + r"\s*" + _TREATY_RE, re.IGNORECASE)
_INSTRUMENT_BEFORE_RE = re.compile(_BLOC_RE + r"\s*[-–—/]\s*$", re.IGNORECASE)


# A quoted name of a scheme or policy: "the 'HK/Macao Drug and Device Access' policy", 「港澳藥械通」政策.
_QUOTED_SCHEME_RE = re.compile(
    r"""['‘"“「]([^'’"”」\n]{3,80})['’"”」]\s*(?:policy|policies|scheme|schemes|programme|program|initiative|"""
    r"""pilot|政策|计划|計劃|措施|试点|試點)""", re.IGNORECASE)
# 《内地与香港相互认可和执行民商事案件判决的安排》: the title of an arrangement between two places.
_BILATERAL_TITLE_RE = re.compile(
    r"《([^》\n]{0,30}?(?:与|與|和|及|同)[^》\n]{0,60}?(?:安排|协定|協定|协议|協議|条约|條約|备忘录|備忘錄))》"
    # Unquoted: 内地和香港相互认可和执行民商事案件判决的新安排.
    r"|((?:内地|內地|香港|澳门|澳門)(?:与|與|和|及|同)(?:内地|內地|香港|澳门|澳門)(?:相互|互相)[^，。\n]{0,30}?"
    r"(?:安排|协定|協定))")


def names_instrument(hit: _Hit, text: str) -> bool:
    """Whether the place is a party to a treaty with a bloc ("the China-ASEAN FTA", 中国-东盟原产地证书), to an
    arrangement between two places (《内地与香港…安排》) or names a scheme in quotes ("the 'HK/Macao Drug and Device
    Access' policy")."""
    if _INSTRUMENT_AFTER_RE.match(text, hit.end):
        return True
    if any(m.start(1) <= hit.start and hit.end <= m.end(1)
           for m in _QUOTED_SCHEME_RE.finditer(text, max(0, hit.start - 82), min(len(text), hit.end + 100))):
        return True
    if hit.token_start < 0 and any(m.start() <= hit.start and hit.end <= m.end()
                                   for m in _BILATERAL_TITLE_RE.finditer(text, max(0, hit.start - 40))):
        return True
    return bool(_INSTRUMENT_BEFORE_RE.search(text[max(0, hit.start - 12) : hit.start])) and bool(
        re.match(r"\s*" + _TREATY_RE, text[hit.end : hit.end + 24], re.IGNORECASE))


_ELSEWHERE_ZH = _CUES["elsewhere_zh"]
_HANDLED_RE = re.compile("|".join(
    [*_CUES["handled_elsewhere"], r"(?<!可否)(?<!能否)(?<!是否)" + _ELSEWHERE_ZH + r"(?![^，。,；;]{0,6}[？?吗嗎])"]),
    re.IGNORECASE)
_OUT_OF_SCOPE_RE = re.compile("|".join(_CUES["out_of_scope_back"]), re.IGNORECASE)
_HANDLED_BACK_RE = re.compile(
    r"\b(?:is|are)\s+(?:already\s+)?(?:handling|covering|dealing\s+with|taking\s+care\s+of)\s+(?:that|this|it|them)\b"
    # "that one our tax agent handling, no need": the client's adviser has that part.
    r"|\b(?:our|my)\s+(?:own\s+)?(?:tax\s+agent|agent|accountant|consultant|company\s+secretary|secretary|lawyer)s?"
    r"\s+(?:is\s+|are\s+)?(?:already\s+)?handling\b"
    # "香港子公司已经有MSO牌照，不需要处理": a clause that needs no work, said after it.
    r"|[，,]\s*(?:不需要|不用|唔使|唔需要|无需|無需)(?:处理|處理|跟进|跟進|理)(?![^。！？]{0,6}[？?吗嗎])"
    # "国内资金出境的合规问题，我司另行咨询国内律师": a part the client will take elsewhere, said after it.
    r"|[，,][^，,。；;]{0,8}?" + _ELSEWHERE_ZH,
    re.IGNORECASE)
_CJK_RE = re.compile("[\u4e00-\u9fff]")


def is_done_or_handed_over(hit: _Hit, text: str) -> bool:
    """Whether the place is in a clause that says that part is done or in other hands ("Our NPC notification in
    the Philippines is being handled by our in-house DPO", 国内的ODI备案已经办完了)."""
    start, end = _sentence_span(text, hit.start)
    clause = _clause_at(text[start:end], hit.start - start)
    # 国内的ODI备案已经在广东办完了: a step already done in Chinese.
    return _hands_over(clause) or tells_done(clause)


def is_handed_over(hit: _Hit, text: str) -> bool:
    """Whether the clause of the place says other hands take that part ("being handled by our in-house DPO",
    HK 公司注销我们的 company secretary 自己会办), or the text puts it out of scope after telling it ("None of that
    is in scope here.")."""
    start, end = _sentence_span(text, hit.start)
    # "… a VAT dispute with DJP, but our tax consultant is handling that": a later clause pointing back at it.
    return _hands_over(_clause_at(text[start:end], hit.start - start)) or (
        _last_handled_back(text, start, end) >= hit.end) or any(
        first <= hit.start < last for first, last in _out_of_scope_spans(text))


@lru_cache(maxsize=64)
def _out_of_scope_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the background a later word puts out of scope: the sentences before "None of that is in
    scope here." in its paragraph that ask nothing; in Chinese, the clauses before 这些均不涉及 in its sentence."""
    spans = []
    for start, end in _sentence_spans(text):
        back = _OUT_OF_SCOPE_RE.search(text[start:end])
        if not back:
            continue
        if back.start() > 0:
            spans.append((start, start + back.start()))  # 施工由兄弟单位完成，这些均不涉及: the clauses before it
            continue
        paragraph = text.rfind("\n\n", 0, start) + 1
        spans.extend((first, last) for first, last in _sentence_spans(text)
                     if paragraph <= first and last <= start and not asks(text[first:last]))
    return tuple(spans)


@lru_cache(maxsize=256)
def _last_handled_back(text: str, start: int, end: int) -> int:
    """Where the last "… is handling that" of a sentence starts, -1 if none (worked out once per sentence)."""
    found = [m.start() for regex in (_HANDLED_BACK_RE, COUNSEL_AT_WORK_RE) for m in regex.finditer(text, start, end)]
    return max(found, default=-1)


@lru_cache(maxsize=256)
def _hands_over(clause: str) -> bool:
    return bool(_HANDLED_RE.search(clause))


@lru_cache(maxsize=256)
def tells_done(clause: str) -> bool:
    """Whether a clause tells a part already done and asks for nothing ("was settled last year", 已经办完了)."""
    done = _DONE_CLAUSE_ZH_RE.search(clause) if _CJK_RE.search(clause) else _DONE_CLAUSE_RE.search(clause)
    return bool(done) and not asks(clause)


_CONSIDERED_RE = re.compile("|".join(_CUES["considered_markers"]), re.IGNORECASE)
_CONTRAST_RE = re.compile("|".join(_CUES["contrast_markers"]), re.IGNORECASE)
_ABANDONED_RE = re.compile("|".join(_CUES["abandoned_markers"]), re.IGNORECASE)
_REFUSED_RE = re.compile("|".join(_CUES["refused_markers"]), re.IGNORECASE)


@lru_cache(maxsize=64)
def _set_aside_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each option the client weighed and set aside: from "considered" to the "but" after it; and of
    what it says it does not want, to the end of that clause."""
    spans = []
    for start, end in _sentence_spans(text):
        considered = _CONSIDERED_RE.search(text, start, end)
        turn = considered and _CONTRAST_RE.search(text, considered.end(), end)
        if turn:
            # "…后来因为电价和BOI配额问题放弃了": the reasons for giving an option up belong to it too.
            given_up = _ABANDONED_RE.search(text, turn.end(), end)
            spans.append((considered.start(), given_up.end() if given_up else turn.start()))
        for refused in _REFUSED_RE.finditer(text, start, end):
            # "Ayoko na po magkaso sa China, dito lang po": what the client does not want, to the end of its clause.
            stop = _CLAUSE_RE.search(text, refused.end(), end)
            spans.append((refused.start(), stop.start() if stop else end))
    return tuple(spans)


def is_set_aside(hit: _Hit, text: str) -> bool:
    """"We had evaluated Vietnam but decided on Thailand", 原本考虑新加坡…但…: an option weighed and set aside."""
    return any(start <= hit.start < end for start, end in _set_aside_spans(text))


def without_set_aside(text: str) -> str:
    """The text with the options the client weighed and set aside blanked out ("we also considered suing in
    Jakarta, but …"), so that they name no work asked for."""
    for start, end in _set_aside_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


# A place that opens the capitalised name of one of its authorities: "Vietnam National Competition Commission".
_INSTITUTION_AFTER_RE = re.compile(
    r"(?:\s+[A-Z][\w-]*){0,3}?\s+(?:" + "|".join(_CUES["institution_nouns"]) + r")\b")


_OWN_FACILITY_ZH_AFTER = tuple(_CUES["own_facility_zh_after"])
_FIRST_PERSON_AT_RE = re.compile(r"(?:我们|我們|我哋|我司|本公司|我)(?:[^，。,]{0,3})?(?:在|喺)$")


_ZH_PARTY_AFTER_RE = re.compile(
    r"[\u4e00-\u9fff]{1,2}(?:合作方|合作伙伴|合作夥伴|供应商|供應商|买家|買家|买方|買方|卖方|賣方|经销商|經銷商|代理商|承包商|分包商|"
    r"债务人|債務人|借款人)")
# 投資者主要喺台灣同新加坡, 客户大多在越南: where a party of the client's sits, said with the place after it.
_ZH_PARTY_AT_RE = re.compile(
    r"(?:投資者|投资者|投資人|投资人|客戶|客户|用戶|用户|買家|买家|會員|会员|LP|LPs)(?:主要|大部分|大多|多數|多数|都|均|亦|也)*"
    r"(?:喺|在|來自|来自)(?:[^，。,；;\s]{1,6}?(?:同|和|及|与|與|、))?$")
# 上海一高净值家庭, 北京某投资人: people told by their city, not the writer (a company so told may be sued there).
_ZH_SOMEONE_FROM_AFTER_RE = re.compile(
    r"(?:一|某)(?:个|個|位)?[\u4e00-\u9fff]{0,6}?(?:家庭|家族|客户|客戶|老板|老闆|商人|投资者|投資者|投资人|投資人)")
# "公司是宁波的" opening the text is the writer's company too; "对方公司是…" is not.
WRITER_IS_RE = re.compile(r"(?:我们|我們|我哋|我司|本公司|本集团|本集團|我方|本人|我|(?:我们|我們|我哋)(?:的|嘅)?公司"
                          r"|(?<![\u4e00-\u9fff])公司)(?:是|係|系|为|為)$")


def moved_away(hit: _Hit, text: str) -> bool:
    """Whether the place is where someone other than the client moved ("one co-founder moved to Singapore last
    year", 佢上年搬咗去新加坡): that person's whereabouts, weaker evidence than the client's own seat."""
    return bool(_MOVED_AWAY_RE.search(text, max(0, hit.start - _MOVED_AWAY_REACH), hit.start))


# မြန်မာနိုင်ငံ အလုပ်သမားဝန်ကြီးဌာန: "workers" opening the name of a ministry or department is the ministry's.
_MINISTRY_AFTER = ("ဝန်ကြီးဌာန", "ဦးစီးဌာန")


def _names_ministry(text: str, end: int, after: str) -> bool:
    """Whether the people word after a place opens the name of a ministry or department of that place."""
    word = next(w for w in _ZH_AFTER if after.startswith(w))
    rest = text[end : end + len(after) + 12].lstrip()[len(word) :]
    return rest.startswith(_MINISTRY_AFTER)


def is_background_place(hit: _Hit, words: list[_Token], text: str) -> bool:
    """Whether a place stands for another party's home, an origin or a nationality."""
    if hit.token_start < 0:
        # The longest cue decides how far back to look: บริษัท (6 letters) before จีน, not only 4.
        before = text[max(0, hit.start - _ZH_BEFORE_REACH) : hit.start]
        after = text[hit.end : hit.end + _ZH_AFTER_REACH]
        if after.startswith("人") and after[1:2] in _NOT_NATIONALITY:
            return False  # 中国人民银行, 中国人类遗传资源: an institution or a subject, not people
        if after[:1] and after[0] in _POSSESSIVES:
            # 越南嘅廚房幫工, 中国的技术人员: whose people they are, with a word or two between.
            reach = _clause_after(text, hit.end + 1, 6)
            if any(noun in reach for noun in _ZH_PEOPLE):
                return True
        if after.startswith(_OWN_FACILITY_ZH_AFTER) and _FIRST_PERSON_AT_RE.search(before):
            return False  # 我们在越南的工厂: the client's own plant, not another party's
        if _FROM_PLACE_RE.search(text[max(0, hit.start - _FROM_PLACE_REACH) : hit.start]):
            return True
        if before.endswith(_MOVED_FROM_ZH["before"]) and after.startswith(_MOVED_FROM_ZH["after"]):
            return True  # 由香港調兩個導師過去: where the staff are sent from
        if before.endswith(_LAWYER_SIDE):
            return False  # ทนายฝั่งจีน: a lawyer on that side, the place where the work is
        if before.endswith(_KIN_ZH_AT) and (after.startswith(_LIVES_OR_WORKS_ZH) or after[:1] in "，,。；;"):
            return True  # 女儿在香港读书; 他太太在香港，很着急: where a relative is
        latin = _LATIN_WORD_RE.match(text, hit.end)
        if latin and latin.group(1).casefold() in _AFTER:
            return True  # 兩個香港 engineers: people, in Latin letters inside Chinese
        latin_before = _LATIN_WORD_BEFORE_RE.search(text, max(0, hit.start - 16), hit.start)
        if latin_before and latin_before.group(1).casefold() in _BEFORE:
            return True  # 做 import 马来西亚 products: an origin, in Latin letters inside Chinese
        # 菲律宾支付合作方: another party named by its place, with a word or two of its trade between.
        if _ZH_SOMEONE_FROM_AFTER_RE.match(after) and not WRITER_IS_RE.search(before.rstrip()):
            return True
        if _ZH_PARTY_AT_RE.search(before.rstrip()):
            return True
        return before.rstrip().endswith(_ZH_BEFORE) or (after.startswith(_ZH_AFTER) and not _names_ministry(
            text, hit.end, after)) or bool(_ZH_PARTY_AFTER_RE.match(after))
    if _INSTITUTION_AFTER_RE.match(text, hit.end):
        return False  # "the Vietnam National Competition Commission": an authority of the place, not its nationals
    tail = text[hit.end : hit.end + _ZH_AFTER_REACH].lstrip()
    if tail.startswith(_ZH_AFTER) and not (tail.startswith("人") and tail[1:2] in _NOT_NATIONALITY):
        return True  # "HK 老闆決定結業", "SG 客户": a place in Latin letters before a Chinese party noun
    if text[max(0, hit.start - _ZH_BEFORE_REACH) : hit.start].rstrip().endswith(_ZH_BEFORE):
        return True  # "customer data 会从 Philippines 传回 HK": a Chinese cue before a place in Latin letters
    after = _next_words(words, hit.token_end, text, 3)
    for word in after[:2]:
        if word in _PEOPLE:
            return False  # "a Singapore lawyer", "Thai counsel"
        if word in _AFTER:
            return True
    before = _prev_words(words, hit.token_start, text, 5)
    if before and before[0] == "the":
        before = before[1:]  # "investors from the Greater Bay Area"
    if not before:
        return False
    # One word or two: "from China", "warga negara Singapura", "công ty Trung Quốc".
    if any(" ".join(reversed(before[:size])) in _BEFORE for size in (1, 2, 3)):
        return True
    # "the parent company in Hong Kong", "our supplier in China": where another party sits.
    # Tagalog too: "Ang parent company nila ay nasa Singapore".
    # "our parent company is in Hong Kong": the client's own holder, told with "is".
    reach = 5 if before[0] == "nasa" or (before[1:2] in (["is"], ["are"]) and {"our", "my"} & set(before[2:5])) else 3
    if before[0] in ("di", "in", "at", "sa") and before[1:2] and (
            (before[1] in _LIVES_OR_WORKS and _KIN & set(before[2:5]))
            or (before[1] in _LIVES and _OFFICERS & set(before[2:5]))):
        # "Anak sulung kerja di Singapura", "my kuya who works in Hong Kong": where relatives live or work;
        # "our managing director lives in Hong Kong": where the client's officers live.
        return True
    if before[:2] == ["in", "here"]:
        before, reach = before[1:], 4  # "a related trading company here in Singapore"
    if before[0] in ("in", "at", "di", "ke", "o", "tai", "sa", "nasa", "here") and (
            any(w in _HOLDERS for w in before[1:reach]) or " ".join(reversed(before[1:5])).endswith(_HOLDER_PHRASES)
    ) and not _sets_up_family_office(words, hit, text):
        return True
    # "mengimpor mi instan dan saus dari Tiongkok", "nhập máy móc từ Quảng Châu": where goods come from.
    if before[0] in _FROM_WORDS and IMPORT_VERBS & set(_prev_words(words, hit.token_start, text, 9)[1:]):
        return True
    # "shipped from Ho Chi Minh to Hong Kong": both ends of a route; but "relocating from Hong Kong to Singapore"
    # moves the client, and its new home is where it needs advice.
    if before[0] != "to":
        return False
    route = _prev_words(words, hit.token_start, text, 8)
    return "from" in route[1:6] and not _RELOCATION_WORDS & set(route)


def _sets_up_family_office(words: list[_Token], hit: _Hit, text: str) -> bool:
    """Whether the place follows an office the client sets up ("set up a single family office di Singapore", "set up
    our regional headquarters in Singapore"): the office to be founded, not where the client's family or head office
    is."""
    before = _prev_words(words, hit.token_start, text, 7)
    return (before[1:3] == ["office", "family"] or before[1:2] in (["headquarters"], ["hq"])) and any(
        word in FOUNDING_WORDS for word in before[2:])


_LIVES_OR_WORKS = frozenset(_CUES["lives_or_works"])
_KIN = frozenset(_CUES["kin"])
_OFFICERS = frozenset(_CUES["officers"])
_LIVES = frozenset(_CUES["lives"])
_RELOCATION_WORDS = frozenset(_CUES["relocation_words"])
_MOVED_AWAY_RE = re.compile("|".join(_CUES["moved_away_patterns"]), re.IGNORECASE)
_MOVED_AWAY_REACH = 80


# Verbs of founding or moving an office or a company: the place after it is where the client goes, not where it is.
FOUNDING_WORDS = frozenset({"set", "setup", "establish", "establishing", "open", "opening", "create", "form",
                            "register", "relocate", "relocating", "move", "moving", "build", "new"})
_PEOPLE_ZH_AFTER = tuple(sorted((w for w in _CUES["people_after"] if not w.isascii()), key=len, reverse=True))
_PEOPLE_BEFORE = frozenset(_CUES["people_before"])
_PEOPLE_ZH_BEFORE = tuple(w for w in _CUES["people_before"] if not w.isascii())


def names_people(hit: _Hit, words: list[_Token], text: str) -> bool:
    """Whether a background place tells people's nationality ("Myanmar nationals", 越南籍工人, ชาวจีน) rather
    than where another party sits ("our supplier in Hanoi")."""
    if hit.token_start < 0:
        after = text[hit.end : hit.end + 12]
        latin = _LATIN_WORD_RE.match(text, hit.end)
        reach = _clause_after(text, hit.end + 1, 6)  # 越南嘅廚房幫工: whose people they are, a word or two between
        return (after.startswith(_PEOPLE_ZH_AFTER) or bool(latin and latin.group(1).casefold() in _PEOPLE_AFTER)
                or text[max(0, hit.start - 8) : hit.start].endswith(_PEOPLE_ZH_BEFORE)
                or (after[:1] in _POSSESSIVES and any(noun in reach for noun in _ZH_PEOPLE)))
    tail = text[hit.end : hit.end + 12].lstrip()
    if tail.startswith(_PEOPLE_ZH_AFTER) and not (tail.startswith("人") and tail[1:2] in _NOT_NATIONALITY):
        return True  # "HK 老闆", "PH 工人"
    after = _next_words(words, hit.token_end, text, 2)
    before = _prev_words(words, hit.token_start, text, 2)
    return bool(after and after[0] in _PEOPLE_AFTER) or bool(
        before and (before[0] in _PEOPLE_BEFORE or " ".join(reversed(before[:2])) in _PEOPLE_BEFORE))


# The mark of the next item of a numbered or lettered list: "(2)", "b)", "ii)", "2.".
_LIST_ITEM_RE = re.compile(r"\s*(?:[(（]?(?:\d{1,2}|[a-h]|[ivx]{1,4})[)）]|\d{1,2}\.)(?:\s|(?=[^\x00-\x7f]))")
# The number of a list item before its dot: "We need: 1. Singapore counsel …".
_ITEM_NUMBER_RE = re.compile(r"(?:^|[\s:：(（])\d{1,2}$")
# A line that opens an item of a list: "- ", "• ", "1. ", "(2) ", "b) ".
_ITEM_LINE_RE = re.compile(r"\s*(?:[-–•*·]|\(?(?:\d{1,2}|[a-h]|[ivx]{1,4})[.)])\s")


@lru_cache(maxsize=64)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence of a text, its stop included; worked out once per text. The items of a
    list a sentence opens with a colon ("We need:\n1. Singapore counsel …\n2. …") belong to that sentence."""
    spans, start = [], 0
    for m in _SENTENCE_END_RE.finditer(text):
        if m.group().strip() in (";", "；") and _LIST_ITEM_RE.match(text, m.end()):
            continue  # "We need (1) Lao counsel …; (2) PRC counsel …": one ask, item by item
        if m.group() == "." and _ITEM_NUMBER_RE.search(text, max(0, m.start() - 4), m.start()) and text[
                m.end() : m.end() + 1].isspace():
            continue  # "1." numbers an item, it ends no sentence
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text) or not spans:
        spans.append((start, len(text)))
    merged: list[tuple[int, int]] = []
    in_list = False
    for span in spans:
        item = bool(_ITEM_LINE_RE.match(text, span[0]))
        if merged and item and (in_list or text[merged[-1][0] : merged[-1][1]].rstrip().endswith((":", "："))):
            merged[-1] = (merged[-1][0], span[1])
            in_list = True
            continue
        in_list = False
        merged.append(span)
    return tuple(merged)


def _sentence_span(text: str, pos: int) -> tuple[int, int]:
    spans = _sentence_spans(text)
    k = bisect_right(spans, (pos, len(text) + 1)) - 1
    return spans[max(k, 0)]


def in_spans(pos: int, spans) -> bool:
    """Whether a position falls inside any of the (start, end) spans."""
    return any(start <= pos < end for start, end in spans)


def sentence_at(text: str, pos: int) -> str:
    """The sentence of the text around `pos`, with its stop: a question mark makes a question."""
    start, end = _sentence_span(text, pos)
    return text[start:end]


def _clause_at(sentence: str, pos: int) -> str:
    """The clause of a sentence around `pos`, from the comma before it to the comma after it."""
    starts, ends = _clause_breaks(sentence)
    k = bisect_left(starts, pos)
    return sentence[ends[k - 1] if k else 0 : starts[k] if k < len(starts) else len(sentence)]


@lru_cache(maxsize=256)
def _clause_breaks(sentence: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where each comma (or other clause break) of a sentence starts and ends; worked out once per sentence."""
    found = [(m.start(), m.end()) for m in _CLAUSE_RE.finditer(sentence)]
    return tuple(a for a, _b in found), tuple(b for _a, b in found)


_PAST_CLAUSE_ZH_RE = re.compile("|".join(_CUES["past_clause_zh"]))


# A place where the client already has outlets, plants or offices: 喺氹仔同南灣都有分店, 在东莞有两个工厂.
_HAS_OUTLETS_ZH_RE = re.compile(
    r"[^，。,；;？?！!]{0,10}?(?:都|亦|也|已經|已经)?有[一二三四五六七八九十兩两幾几\d]*(?:間|间|家|個|个|座)?"
    r"(?:分店|分行|門店|门店|工廠|工厂|廠房|厂房|辦事處|办事处|分公司|子公司|店舖|店铺)")

_HAS_OUTLETS_TH_RE = re.compile(r"(?:เรา|บริษัท(?:ของ)?เรา)?(?:ยัง)?มี(?:สาขา|โรงงาน|ร้าน|สำนักงาน)")


def in_client_history(hit: _Hit, text: str) -> bool:
    """Whether the place is in a sentence, or a clause of one, where the client tells its own history or
    standing operations and asks for nothing: "We have operated plants in Thailand for a decade",
    我们2015年在常州成立, 我哋喺香港做咗二十年貿易，而家想…."""
    start, end = _sentence_span(text, hit.start)
    sentence = text[start:end]
    clause = _clause_at(sentence, hit.start - start)
    if _tells_history(sentence) or _tells_history(clause):
        return True
    if hit.token_start < 0 and _HAS_OUTLETS_ZH_RE.match(text, hit.end) and not asks(clause):
        return True  # 喺氹仔官也街同南灣都有分店: where the client already runs its outlets
    if hit.token_start < 0 and _HAS_OUTLETS_TH_RE.match(clause.lstrip()) and not asks(clause):
        return True  # "… จากเชียงใหม่ มีสาขา 30 แห่งในประเทศไทย": the writer's outlets, its subject left out
    # 我係馬來西亞人，喺新加坡做咗五年數據分析，而家有間香港銀行想請我: a clause of the writer's own past in a
    # sentence the writer opens, though the sentence goes on to something else.
    return bool(hit.token_start < 0 and _PAST_CLAUSE_ZH_RE.search(clause) and _opens_with_subject(sentence)
                and not asks(clause))


@lru_cache(maxsize=256)
def _opens_with_subject(sentence: str) -> bool:
    return bool(_HISTORY_SUBJECT_RE.search(sentence))


@lru_cache(maxsize=256)
def _tells_history(part: str) -> bool:
    """Whether a sentence or clause tells the client's history and asks for nothing; worked out once per part,
    as every place in a long sentence asks the same."""
    return bool(_HISTORY_SUBJECT_RE.search(part) and _HISTORY_RE.search(part) and not asks(part))


def names_clause(hit: _Hit, text: str) -> bool:
    """Whether an arbitral institution is named as a clause of a contract ("the SIAC clause", 仲裁条款, "our supply
    agreement has arbitration at the SCIA")."""
    after = text[hit.end : hit.end + 30].casefold()
    return any(word in after for word in _FORUM_CLAUSE) or bool(
        _CLAUSE_BEFORE_RE.search(text, max(0, hit.start - 80), hit.start))


_CLAUSE_BEFORE_RE = re.compile(
    r"\b(?:agreement|contract|clause)\b[^.;\n]{0,40}\barbitration\s+(?:at|under|with|before|by|in)\s+(?:the\s+)?$",
    re.IGNORECASE)


_DONE_CLAUSE_ZH_RE = re.compile("|".join(_CUES["done_clause_zh"]))
_DONE_CLAUSE_RE = re.compile("|".join(_CUES["done_clause"]), re.IGNORECASE)
_ANCHOR_BEFORE_RE = re.compile("|".join(_CUES["legal_anchor_before"]), re.IGNORECASE)
_ANCHOR_AFTER_RE = re.compile("|".join(_CUES["legal_anchor_after"]), re.IGNORECASE)


def is_anchored(hit: _Hit, text: str) -> bool:
    """Whether the place is tied to the law of the matter: "seat Singapore", "Hong Kong law", 仲裁地為香港."""
    return bool(_ANCHOR_BEFORE_RE.search(text[max(0, hit.start - 40) : hit.start])
                or _ANCHOR_AFTER_RE.search(text[hit.end : hit.end + 12]))


def in_ask(hit: _Hit, text: str) -> bool:
    """Whether the place is one the request is about: named in a sentence that asks for something (a
    question, a need, a worry) or tied to the law of the matter ("seat Singapore", "Hong Kong law")."""
    if is_anchored(hit, text):
        return True
    start, end = _sentence_span(text, hit.start)
    clause = _clause_at(text[start:end], hit.start - start)
    if hit.token_start < 0 and _DONE_CLAUSE_ZH_RE.search(clause) and not asks(clause):
        return False  # 香港税务局的证明已经拿到了，需要内地律师…: done, not asked about
    return asks(text[start:end])
