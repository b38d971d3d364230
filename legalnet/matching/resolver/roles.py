"""The role of a place or term in prose: the client's own seat, its industry, a language request."""

from __future__ import annotations

import re

from ..mail import in_signature_block
from ..vocabulary import (
    has_nospace_script,
)
from .asides import told_history_spans
from .background import (
    FOUNDING_WORDS,
    IMPORT_VERBS,
    WRITER_IS_RE,
    asks,
    clause_before,
    in_client_history,
    in_spans,
    is_anchored,
    is_background_place,
    is_done_or_handed_over,
    is_later_place,
    is_set_aside,
    moved_away,
    names_instrument,
    names_people,
    sentence_at,
)
from .cues import (
    _CLAUSE_END,
    _CUES,
    _DESCRIPTOR_EN,
    _DESCRIPTOR_LOCAL,
    _DESCRIPTOR_STOP_EN,
    _DESCRIPTOR_STOP_LOCAL,
    _DESCRIPTOR_ZH,
    _FOUNDING_VERBS_ZH,
    _HOME_AFTER,
    _HOME_BEFORE,
    _HOME_HYPHEN_EN,
    _HOME_PAREN_WORDS,
    _HOME_ZH,
    _LATIN_WORD_RE,
    _MATTER_NOUNS,
    _MATTER_ZH,
    _OBJECT_VERBS,
    _ORG_NOUNS,
    _ORG_ZH,
    _OWNED_VEHICLE_NOUNS,
    _PAREN_RE,
    _PEOPLE,
    _PEOPLE_AFTER,
    _PREPOSITIONS,
    _SEAT_NOUNS,
    _SUBJECT_VERBS,
    _ZH_OWNER,
    _ZH_SEAT_RE,
)
from .index import _Hit
from .judgments import is_judgment_origin
from .lawyers import names_owned_lawyer
from .scan import _next_words, _prev_words, _Token

_LAWYER_WORDS = frozenset(_CUES["lawyer_words"])
# "An English lawyer", "a Portuguese lawyer" may name where the lawyer qualified, not the language spoken.
_QUALIFICATION_LANGUAGES = frozenset({"en", "pt"})
# A lawyer named right before a language that is no place's name: the language the lawyer is to work in.
_LAWYER_BEFORE_LANGUAGE_RE = re.compile(
    r"\b(?:lawyers?|counsel|solicitors?|advogad[oa]s?|luật\s+sư|luat\s+su|pengacara|peguam|abogado)"
    r"\s+(?:(?:de|em|in|who\s+speaks?|that\s+speaks?|who\s+can\s+speak|fluent\s+in|bằng|bang|berbahasa|na|dalam"
    r"|(?:yang\s+)?(?:boleh\s+|bisa\s+)?(?:cakap|bercakap|bicara))\s+)?$", re.IGNORECASE)
# Each (before, after, how far after): the text just after is read up to 8 characters unless the entry says more.
_CLIENT_HERE = [(re.compile(entry["before"], re.IGNORECASE), re.compile(entry["after"]) if entry.get("after") else None,
                 entry.get("after_reach", 8)) for entry in _CUES["client_here"]]
_LAWYER_AFTER_ZH = tuple(_CUES["lawyer_after_zh"])
_LAWYER_BEFORE = tuple(_CUES["lawyer_before"])


# "We're the consignee (machinery importer in Haiphong)": brackets right after the client's role describe the client.
_SELF_ROLE_BEFORE_RE = re.compile(
    r"\b(?:we\s*(?:are|['’]re)|i\s*(?:am|['’]m))\s+(?:the|a|an)\s+[\w-]+(?:\s+[\w-]+)?\s*$")


def _descriptor_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges that describe the client (who they are), not the matter."""
    spans: list[tuple[int, int]] = []
    for m in _PAREN_RE.finditer(text):
        inner = m.group(1)
        before = text[max(0, m.start() - 25) : m.start()].lower()
        if _HOME_PAREN_WORDS.search(inner.lower()) or re.search(
            r"(?:\b(?:company|client|we|us|group|business|firm)|บริษัทของเรา|บริษัทเรา|我们|我們|我哋|本公司"
            r"|chúng tôi|kami)\s*$", before
        ) or _SELF_ROLE_BEFORE_RE.search(before):
            spans.append((m.start(), m.end()))
    for m in _DESCRIPTOR_EN.finditer(text):
        stop = _DESCRIPTOR_STOP_EN.search(text, m.end())
        # "We are the Hong Kong arm (incorporated 2024) of a Malaysian group whose parent is listed on Bursa":
        # the description goes on after its brackets.
        while stop and stop.group() == "(" and (bracket := _PAREN_RE.match(text, stop.start())):
            stop = _DESCRIPTOR_STOP_EN.search(text, bracket.end())
        spans.append((m.end(), _past_seat_town(text, m.end(), stop)))
    for m in _DESCRIPTOR_LOCAL.finditer(text):
        stop = _DESCRIPTOR_STOP_LOCAL.search(text, m.end())
        spans.append((m.end(), _past_seat_town(text, m.end(), stop)))
    # "Kuala Lumpur-based REIT manager looking for …": the noun phrase after the seat describes the client.
    for m in _HOME_HYPHEN_EN.finditer(text):
        stop = _DESCRIPTOR_STOP_EN.search(text, m.end())
        spans.append((m.end(), stop.start() if stop else len(text)))
    for m in _DESCRIPTOR_ZH.finditer(text):
        if not _zh_descriptor_opening(text, m.start()):
            continue  # 收购一家印尼公司: the company is the target, not the client
        end = m.end()
        while end < len(text) and text[end] not in _CLAUSE_END and text[end] not in "，。；,;" and not (
                _HAN_GAP_RE.match(text, end - 1)):
            end += 1  # a space after a Chinese word ends the description too: "我哋係香港貿易公司 東莞供應商 …"
        # 我哋係一間香港上市嘅醫療集團 (HKEX main board): the brackets after the description still describe.
        start = end
        while start < len(text) and text[start] in " \t":
            start += 1
        bracket = _PAREN_RE.match(text, start)
        if bracket:
            end = bracket.end()
        spans.append((m.end(), end))
    return spans


# The end of a self-description at a comma that only separates a district from its town: "We are an accounting
# firm in Sathorn, Bangkok", "Chúng tôi là công ty kế toán tại Quận 3, TP.HCM".
_DISTRICT_BEFORE_COMMA_RE = re.compile(r"\b(?:in|at|tại|tai|ở|di)\s+(?:[\w.'-]+\s+){0,3}[\w.'-]+\s*$", re.IGNORECASE)
_TOWN_AFTER_COMMA_RE = re.compile(r",\s*((?:[A-ZÀ-Ỹ][\w.'-]*\s*){1,3})(?=[.;:,!?()]|$)")


def _past_seat_town(text: str, start: int, stop: re.Match | None) -> int:
    """Where a self-description that starts at ``start`` ends: at ``stop``, or past the town after a district."""
    if stop is None:
        return len(text)
    if stop.group() == "," and _DISTRICT_BEFORE_COMMA_RE.search(text, start, stop.start()):
        town = _TOWN_AFTER_COMMA_RE.match(text, stop.start())
        if town:
            return town.end()
    return stop.start()


def _zh_descriptor_opening(text: str, pos: int) -> bool:
    """True when 一家/是一家 at pos opens the clause (or follows 是), i.e. describes the speaker."""
    before = clause_before(text, pos).strip()
    return not before or before.endswith("是") or before in _ZH_OWNER


_HAN_GAP_RE = re.compile(r"[\u3400-\u9fff]\s+[\u3400-\u9fff]")
_ZH_FROM_PLACE_RE = re.compile(r"(?:市|区|區|县|縣)?(?:的|嘅)(?=[，。,；;！!\s])")
_ZH_CLIENT_PAREN_RE = re.compile(r"(?:客戶|客户)\s*[（(]$")
_ZH_TRADE_INTRO_RE = re.compile("|".join(_CUES["zh_trade_intro"]))
_ZH_INTRO_OPENERS = frozenset(_CUES["zh_intro_openers"])
_ZH_SEAT_OPENERS = tuple(_CUES["zh_seat_openers"])
_OFFICER_WORDS = frozenset(_CUES["own_company_people"])
_ZH_SEAT_RUNNING_RE = re.compile("|".join(_CUES["zh_seat_running"]))
_HAN_SPACE_RE = re.compile(r"[\u3400-\u9fff]\s+(?=[\u3400-\u9fff][^\s]*$)")
_SOUTHEAST_SCRIPT_RE = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")


def _chinese_role(text: str, pos: int) -> str | None:
    """'home' or 'matter' from the nearest Chinese marker before pos in the same clause, or None."""
    if _SOUTHEAST_SCRIPT_RE.match(text[pos : pos + 1]):
        # Thai and Lao words run to more letters than Chinese ones, and a space ends a clause; a place right
        # after a space still belongs to the clause before it ("ตั้งอยู่ในนิคมอุตสาหกรรมอมตะซิตี้ ชลบุรี").
        before = clause_before(text, pos, 44)
        cut = before.rstrip().rfind(" ")
        before = before[cut + 1 :] if cut >= 0 else before
    else:
        before = clause_before(text, pos)
        # "我哋係香港貿易公司 東莞供應商 …": typed on a phone, a space between Chinese words ends a clause too.
        cut = _HAN_SPACE_RE.search(before)
        if cut:
            before = before[cut.end() :]
    for end in range(len(before), 0, -1):
        chunk = before[:end]
        for marker in sorted(_HOME_ZH, key=len, reverse=True):
            if chunk.endswith(marker):
                # 是 (係, 為) alone marks the client only in "我们是…" style openings: 本公司為深圳上市公司.
                if marker in ("是", "係", "為", "为") and not WRITER_IS_RE.search(chunk):
                    continue
                if marker == "一家" and not _zh_descriptor_opening(chunk, len(chunk) - 2):
                    continue
                return "home"
        for marker in sorted(_MATTER_ZH, key=len, reverse=True):
            if chunk.endswith(marker):
                return "matter"
    return None


_ZH_OWN_COMPANY_RE = re.compile(r"(?:子公司|分公司|公司|企业|企業|集团|集團|办事处|辦事處|工厂|工廠)(?!法)")
# 有 with an optional measure word at the end of a clause opening: 我们有, 我司有一家, 我哋有間.
_ZH_HAVE_RE = re.compile(r"有(?:一)?(?:家|間|间|个|個)?$")


def _zh_seat_subject(text: str, hit: _Hit) -> bool:
    """香港公司在越南…, 我们的新加坡子公司需要…: a place opening the clause and naming the client's company."""
    before = clause_before(text, hit.start).strip()
    # 我们有一家香港公司: a company the client has is one of its own vehicles too.
    owner = _ZH_HAVE_RE.sub("", before)
    has_it = owner != before and owner in _ZH_OWNER and owner != ""
    if before not in _ZH_OWNER and not has_it:
        return False
    if before.endswith(("的", "嘅")) and _ZH_OWN_COMPANY_RE.match(text, hit.end):
        return True  # 我哋嘅澳門公司文件: whatever follows, "our Macao company" is the client's own
    # The noun may be English in a mixed sentence: 我们有HK company和前海WFOE.
    next_word = _LATIN_WORD_RE.match(text, hit.end)
    return bool(_ZH_SEAT_RE.match(text, hit.end)
                or (next_word and next_word.group(1).lower() in _OWNED_VEHICLE_NOUNS))


# Units a company has elsewhere: "a representative office of our Singapore company".
_OWN_UNIT_NOUNS = frozenset({"office", "offices", "branch", "branches", "subsidiary", "subsidiaries", "arm"})
# Words before a company named by its seat that make it the client's vehicle ("sign under SG company").
_VEHICLE_PREPOSITIONS = frozenset({"under", "via", "through", "using"})


def _en_seat_subject(before: list[str], after: list[str]) -> bool:
    """The client's seat: "Our Hong Kong company has …", "our Rangoon office", "Hong Kong company seeks …",
    "our Singapore oilfield services company".

    Not when the phrase is the object of a preposition: "a PDPA review for our Penang subsidiary" asks for
    advice on the subsidiary, in Penang."""
    # After "our", the noun may come a word later: "Our Singapore oilfield services company".
    reach = 3 if before and before[0] in ("our", "my") else 2
    if "and" in after[1:reach]:
        reach += 1  # "our Singapore audit & advisory team"
    noun = next((k for k, w in enumerate(after[:reach]) if w in _SEAT_NOUNS), None)
    if noun is None or any((w in _PREPOSITIONS and w != "and") or w in ("law", "legal") for w in after[:noun]):
        return False
    following = after[noun + 1] if len(after) > noun + 1 else ""
    if following in ("law", "laws", "registration", "incorporation", "formation", "setup", "secretarial"):
        return False
    if before and before[0] in ("our", "my"):
        # "a PDPA review for our Penang subsidiary" asks about the subsidiary; "a brief from our Singapore team"
        # comes from the client's own side.
        # "a director of our Hong Kong company" is one of the client's own people.
        # "a representative office of our Singapore company" is the client's own company too.
        own_people = before[1:2] == ["of"] and before[2:3] and (
            before[2] in _OFFICER_WORDS or before[2] in _OWN_UNIT_NOUNS)
        return not (len(before) > 1 and ((before[1] in _PREPOSITIONS and before[1] != "from" and not own_people)
                                         or before[1] in _OBJECT_VERBS))
    if not before:
        return following in _SUBJECT_VERBS
    # "Can we sign under SG company first?": the client's own vehicle, named by its seat.
    return before[0] in _VEHICLE_PREPOSITIONS


def is_client_here(hit: _Hit, text: str) -> bool:
    """"I'm in Shanghai", "Kami di Singapura", 我在上海。: the place is where the client is (``client_here``)."""
    before = text[max(0, hit.start - 60) : hit.start]
    return any(pattern.search(before) and (follow is None or follow.search(text[hit.end : hit.end + reach]))
               for pattern, follow, reach in _CLIENT_HERE)


_SEAT_APPOSITION_RE = re.compile(
    r"\b(?:based|headquartered|located|registered|incorporated|situated)\s+(?:in|at)\s+"
    r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}\s*,\s*$")


_OTHER_PARTY_ZH = tuple(_CUES["other_party_zh_before"])
# The client's own people and back office: "our in-house team in Bangkok", "our central lab in Singapore".
_OWN_SIDE_NOUNS = frozenset({"team", "teams", "colleagues", "lab", "laboratory", "treasury"})
# People whose place the work may be about when the sentence asks ("restructure our team in Malaysia").
_PEOPLE_SIDE_NOUNS = frozenset({"team", "teams", "colleagues"})
# The writer's head office named in passing: "(HQ Shenzhen, …)", "our HQ Shenzhen", "HK caterer, HQ Tsuen Wan.".
_PLANNED_RE = re.compile(r"\b(?:proposed|planned|plan|plans|planning|set[- ]?up|setting\s+up|structure|structuring)\b",
                         re.IGNORECASE)
_OWN_HQ_RE = re.compile(
    r"(?:^|[(（]|[.;]\s+|^[^,.;\n]{0,30}\b(?:" + "|".join(map(re.escape, _CUES["telegraphic_seat_nouns"]))
    + r")\s*,\s+|\bour\s+)(?:HQ|headquarters)\s*:?\s*$", re.IGNORECASE)
_JOINED_PLACE_ZH_RE = re.compile(r"(?<=[喺在])[^，。,；;喺在]{1,4}(?:同|和|及|、)$")
# A company form in brackets after the writer's own business: （香港有限公司）.
_COMPANY_ZH_AFTER = ("有限公司", "公司")
# Words after a place that make it where the capital comes from: 澳門資本, 香港资金.
_CAPITAL_ZH_AFTER = ("資本", "资本", "資金", "资金")
# A branch named by its town in Thai and Lao (สาขาหาดใหญ่); not one the client opens (เปิดสาขา, ตั้งสาขา, ขยายสาขา).
_BRANCH_NAME_RE = re.compile(r"(?<!เปิด)(?<!ตั้ง)(?<!ขยาย)(?:สาขา|ສາຂາ)\s*$")
_HERE_IN_RE = re.compile(r"\bhere\s+in\s+$", re.IGNORECASE)
_GOODS_NOUNS = frozenset(_CUES["goods_nouns"])
# A company that invests, holds the shares or lends its name: 澳門公司100%出資, 香港公司名義, 新加坡公司做股東.
_INVESTING_VEHICLE_ZH_RE = re.compile(
    r"\s*(?:公司|企業|企业|實體|实体|entity|company)\s*(?:100\s*%|百分之百|全資|全资)?\s*(?:的|嘅)?"
    r"(?:出資|出资|投資|投资|名義|名义|做股東|做股东|作為股東|作为股东|持股|控股)", re.IGNORECASE)


def _is_home_place(hit: _Hit, words: list[_Token], text: str, spans: list[tuple[int, int]]) -> bool:
    if hit.token_start >= 0 and set(_next_words(words, hit.token_end, text, 1)) & _PEOPLE_AFTER:
        return False  # "a Singaporean nurse working here": a nationality, not a seat
    if hit.token_start >= 0 and _prev_words(words, hit.token_start, text, 1)[:1] in (["von"], ["capital"]):
        return False  # "doanh nghiệp 100% vốn Hồng Kông": where the capital comes from, not the seat
    if in_spans(hit.start, spans) or is_client_here(hit, text):
        return True
    if hit.token_start < 0:
        if text[max(0, hit.start - 8) : hit.start].endswith(_OTHER_PARTY_ZH):
            return False  # 股东是一家香港公司: another party's seat
        if _BRANCH_NAME_RE.search(text, max(0, hit.start - 12), hit.start):
            return True  # ธนาคารแห่งหนึ่ง สาขาหาดใหญ่: the writer's branch, named after its town
        if text.startswith(_CAPITAL_ZH_AFTER, hit.end):
            return True  # 澳門資本喺橫琴開餐廳: where the client's capital comes from, like "vốn Hồng Kông"
        if text[hit.start - 1 : hit.start] in ("（", "(") and text.startswith(_COMPANY_ZH_AFTER, hit.end) and any(
                we and we in text[max(0, hit.start - 40) : hit.start].rsplit("。", 1)[-1] for we in _ZH_OWNER):
            return True  # 我哋喺沙田有三間補習社（香港有限公司）: the legal form of the writer's own business
        if _INVESTING_VEHICLE_ZH_RE.match(text, hit.end) and text[max(0, hit.start - 2) : hit.start].rstrip()[-1:] in (
                "由", "以", "用"):
            return True  # 由澳門公司100%出資, 以澳門公司名義投資: the client's own company invests
        # 我哋喺沙田同將軍澳有三間補習社: the second of two places joined after the opener takes the opener too.
        opener = _JOINED_PLACE_ZH_RE.sub("", clause_before(text, hit.start).strip())
        if opener in _ZH_INTRO_OPENERS and (_ZH_TRADE_INTRO_RE.match(text, hit.end) or (
                opener and _ZH_FROM_PLACE_RE.match(text, hit.end))):
            return True  # 佛山做铝型材的，…, 我们东莞的，…: the writer says where it is from and what it does
        if opener.endswith(_ZH_SEAT_OPENERS) and (_ZH_SEAT_RUNNING_RE.match(text, hit.end)
                                                  or text[hit.end : hit.end + 1] in ("，", ",", "。", "；")):
            return True  # 我哋喺元朗做海味批發, 本公司喺澳門，…: where the writer is, or the business it runs there
        if _MIXED_OWNER_RE.search(text, max(0, hit.start - 8), hit.start) and _ZH_OWN_COMPANY_AFTER_RE.match(
                text, hit.end):
            return True  # 欠我哋香港公司貨款: the client's own company, named by its seat
        if _ZH_CLIENT_PAREN_RE.search(text, max(0, hit.start - 4), hit.start):
            return True  # 客戶（香港公司）持有…: a referrer's client, described in brackets
        # A place written in Chinese (or Thai …): the nearest marker before it decides.
        role = _chinese_role(text, hit.start)
        return role == "home" or (role is None and _zh_seat_subject(text, hit))
    if _SEAT_APPOSITION_RE.search(text[max(0, hit.start - 60) : hit.start]):
        return True  # "based in Miri, Sarawak": the province after the client's own town
    if _HERE_IN_RE.search(text, max(0, hit.start - 12), hit.start) and not asks(sentence_at(text, hit.start)):
        return True  # "I'm regional counsel at the APAC headquarters … here in Singapore": where the writer is
    after = _next_words(words, hit.token_end, text, 4)
    if after and after[0] in _HOME_AFTER and not (after[0] == "based" and after[1:2] and after[1] in _LAWYER_WORDS):
        return True  # "a Penang-based maker"; not "HK-based solicitors", where the client wants its lawyer
    before = _prev_words(words, hit.token_start, text, 4)
    if _en_seat_subject(before, after):
        return True
    if _MIXED_OWNER_RE.search(text[max(0, hit.start - 8) : hit.start]) and _MIXED_ORG_RE.match(text, hit.end):
        return True  # 我哋 HK 公司: the client's own company, written in Latin letters inside Chinese
    if not before and _TELEGRAPHIC_SEAT_RE.match(text, hit.end):
        return True  # "HK trading co (electronic components). Want to set up …": the writer's own company
    if not before:
        prev_char = text[: hit.start].rstrip()[-1:] if text[: hit.start].rstrip() else ""
        if prev_char and has_nospace_script(prev_char):
            role = _chinese_role(text, hit.start)
            return role == "home" or (role is None and _zh_seat_subject(text, hit))
        return False
    if (
        before[0] in ("in", "out", "tai", "di")
        and len(before) > 1
        and (before[1] in _HOME_BEFORE or (before[1] == "of" and len(before) > 2 and before[2] in _HOME_BEFORE))
        and not FOUNDING_WORDS & set(_prev_words(words, hit.token_start, text, 7)[2:])
    ):
        return True  # "headquartered in Penang"; not "set up our regional headquarters in Singapore"
    if before[0] in ("in", "at") and len(before) > 2 and before[1] in _OWN_SIDE_NOUNS:
        wider = _prev_words(words, hit.token_start, text, 8)
        if {"our", "my"} & set(wider[2:6]) and not FOUNDING_WORDS & set(wider[2:]) and not (
                before[1] in _PEOPLE_SIDE_NOUNS and asks(sentence_at(text, hit.start))):
            return True  # "Our in-house team in Bangkok will coordinate", "our central lab in Singapore"
    if before[0] in ("hq", "headquarters") and _OWN_HQ_RE.search(text, max(0, hit.start - 24), hit.start) and not \
            _PLANNED_RE.search(sentence_at(text, hit.start)):
        return True  # "(HQ Shenzhen, operating through our Malaysian branch)": the writer's head office
    if before[0] in ("from", "frm"):
        # "We are from Penang"; not "a lawyer from Penang", "our shipment from Guangzhou", "the goods are shipped
        # from Guangzhou" (where goods come from).
        # "our supply comes from Vietnam", "we import cement from Vietnam": goods or a verb of bringing them in
        # a few words back name an origin too.
        return not (len(before) > 1 and (before[1] in _PEOPLE or any(
            word in _GOODS_NOUNS or word in IMPORT_VERBS for word in before[1:4])))
    if before[0] in ("dari", "dr"):
        # "Kami startup dari Singapura": where the client comes from; "barang kami dari China" is an origin.
        return any(word in _FIRST_PERSON_MS and k == len(before) - 1 for k, word in enumerate(before[1:4], 1))
    # "a Shenzhen seafood exporter", "an Indonesian bank": a place used as the client's adjective; but
    # "a Vietnam dispute", "a Jakarta joint venture" name the matter.
    for k, word in enumerate(before[:2]):
        if word in ("a", "an"):
            # "We have a HK company": one of the client's own vehicles sits there.
            if len(before) > k + 1 and before[k + 1] in _HAVE_VERBS:
                return any(noun in _OWNED_VEHICLE_NOUNS for noun in after[:2])
            # "We are a Shenzhen exporter", "A Penang maker here"; not "invest in a Philippine company".
            if len(before) > k + 1 and before[k + 1] not in _SELF_VERBS:
                return False
            for noun in after[:3]:
                if noun in _PEOPLE or noun in _MATTER_NOUNS:
                    return False  # "a Singapore lawyer", "a Vietnam dispute"
                if noun in _SEAT_NOUNS:
                    return True
            return True
        if word in _PREPOSITIONS:
            break
    return False


# 我哋 HK 公司: a place in Latin letters between the client's "we" and a company noun in Chinese.
_MIXED_OWNER_RE = re.compile("(?:" + "|".join(sorted((w for w in _ZH_OWNER if w), key=len, reverse=True))
                             + ")(?:的|嘅)?\\s*$")
_ZH_OWN_COMPANY_AFTER_RE = re.compile(r"(?:公司|集團|集团|總部|总部)")
_MIXED_ORG_RE = re.compile(
    "\\s*(?:" + "|".join(sorted(_ORG_ZH, key=len, reverse=True)) + "|entity\\b|company\\b|co\\b)", re.IGNORECASE)
# A note that opens with the writer's company and no verb: "HK trading co (electronic components).", "SG fintech
# startup, 12 staff.", "Penang businessman here."
_TELEGRAPHIC_SEAT_RE = re.compile(
    r"\s+(?:[\w&-]+\s+){0,2}?(?:"
    + "|".join(re.escape(n).replace("\\ ", "\\s+") for n in _CUES["telegraphic_seat_nouns"])
    + r")(?:\s+here)?\.?\s*(?:[(（,.]|$)",
    re.IGNORECASE,
)
_BUSINESS_LINE_ZH = tuple(_CUES["business_line_zh"])
_FIRST_PERSON_MS = frozenset(_CUES["first_person_ms"])
# Verbs after which "a <place> <noun>" describes the speaker: "we are a Penang maker", "I run a KL cafe".
_SELF_VERBS = frozenset({"are", "is", "am", "re", "m", "were", "was", "as", "run", "own", "manage", "represent"})
# Verbs after which "a <place> company" is one of the speaker's own vehicles: "we have a HK company".
_HAVE_VERBS = frozenset({"have", "has", "ve"})


# Words that open a noun phrase: after one, a company noun is the object of the term, not its industry.
_DETERMINERS = frozenset({"a", "an", "the", "our", "my", "their", "his", "her", "its", "this", "that", "your"})


def _is_client_industry(hit: _Hit, words: list[_Token], text: str, spans: list[tuple[int, int]]) -> bool:
    if in_spans(hit.start, spans):
        return True
    if hit.token_start < 0:
        if text[max(0, hit.start - 4) : hit.start].rstrip().endswith(_FOUNDING_VERBS_ZH):
            return False  # 设立外商独资企业: the enterprise to be set up is the matter, not the client's industry
        if text[max(0, hit.start - 4) : hit.start].endswith(_BUSINESS_LINE_ZH):
            return True  # 公司做進出口, 主要做跨境电商: the client's line of business
        tail = text[hit.end : hit.end + 6]
        cut = len(tail)
        for k, ch in enumerate(tail):
            # A conjunction starts the next term: "并购及公司法" is two areas, not an M&A company.
            if ch in _CLAUSE_END or ch in "及和与與或同跟":
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
        if word in _DETERMINERS:
            return False  # "strike off our company": a verb and its object, not the client's industry
    return False


def asks_for_lawyer(hit: _Hit, words: list[_Token], text: str) -> bool:
    """Whether the term names the kind of lawyer wanted: "tax lawyer", "IP counsel", 刑事律师, 税务律師,
    luật sư thuế, ทนายความด้านภาษี, peguam hartanah."""
    if hit.token_start < 0 or has_nospace_script(hit.text):
        after = text[hit.end : hit.end + 4].lstrip()
        before = text[max(0, hit.start - 12) : hit.start].rstrip()
        return after.startswith(_LAWYER_AFTER_ZH) or before.endswith(_LAWYER_BEFORE)
    after = _next_words(words, hit.token_end, text, 2)
    if after and (after[0] in _LAWYER_WORDS or (after[0] == "law" and len(after) > 1 and after[1] in _LAWYER_WORDS)):
        return True
    before = text[max(0, hit.start - 24) : hit.start].casefold().rstrip()
    return before.endswith(_LAWYER_BEFORE)


_JOINED_RE = re.compile(r"^\s*(?:,|、|and|&|or|và|va|dan|at|和|同|及|與|与|或|และ)\s*$", re.IGNORECASE)
# "Hong Kong, Taiwan and Malaysia", 香港、台湾和马来西亚: places of a list with a name between them that is no place
# of the vocabulary.
_LISTED_GAP_RE = re.compile(
    r"^\s*,\s*(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?\s*,\s*){0,3}[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?\s*,?\s*"
    r"(?:and|&|or)\s*$|^\s*[、，,]\s*(?:[\u4e00-\u9fff]{2,4}\s*[、，,和及与與同]\s*){1,3}$")
_TREATY_GAP_RE = re.compile(r"^\s*[-–—/]\s*$")
# How far before a pair of places its treaty word may stand (อนุสัญญาภาษีซ้อนไทย-สิงคโปร์, "Hiệp định Việt Nam - …").
_TREATY_REACH = 24
_TREATY_AFTER_RE = re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in _CUES["treaty_words"]) + r")\b", re.IGNORECASE)
# อนุสัญญาภาษีซ้อนไทย-สิงคโปร์, "Hiệp định Việt Nam - Singapore": the treaty named before its two parties.
_TREATY_BEFORE_RE = re.compile("(?:" + "|".join(re.escape(w) for w in _CUES["treaty_words"]) + r")\s*$", re.IGNORECASE)
_IN_COUNTRY_RE = re.compile(r"^\s*(?:in|at|di|ở|o|bên|ben|tại|tai|sa)\s*$", re.IGNORECASE)
_PARK_BEFORE_RE = re.compile(r"(?:" + "|".join(_CUES["industrial_park_words"]) + r")\s*$", re.IGNORECASE)
_PARK_GAP_RE = re.compile(r"^\s*[,，、]\s*(?:(?:tỉnh|tinh|province|provinsi)\s+)?$", re.IGNORECASE)
_BRACKET_REACH = 40
_BRACKETED_AFTER_RE = re.compile(r"^(?:\s*[^\W\d]+){0,2}\s*[(（]\s*$")
_DASH_GAP_RE = re.compile(r"^\s?[-–—]\s?$")
_ROUTE_RE = re.compile(r"^\s*(?:to|→|->)\s*$", re.IGNORECASE)


_GROUP_SEAT_RE = re.compile("|".join(_CUES["group_seat_before"]), re.IGNORECASE)
_GROUP_SEAT_REACH = 60


def place_roles(places: list, words, text: str, spans, seats: set[int]) -> dict[int, str]:
    """The role of each place hit: "later", "home", "group" (the client's parent's seat), "background", "people",
    "history", "matter", or "inside" (a place named right after its country, read as that country). Places joined
    by "and" or a comma share the role a word before the first or after the last gives ("our Singapore and Hong
    Kong distributors", 菲律賓同越南嘅幫工, "customers in Thailand, Vietnam and the Philippines"); both ends of a
    route are background ("SG to Myanmar")."""
    roles: dict[int, str] = {}
    for hit in places:
        if is_later_place(hit, text) or is_set_aside(hit, text):
            roles[id(hit)] = "later"
        elif id(hit) in seats:
            roles[id(hit)] = "background"  # "Angkor Agri Trading Co., Ltd., headquartered in Phnom Penh"
        elif _GROUP_SEAT_RE.search(text, max(0, hit.start - _GROUP_SEAT_REACH), hit.start):
            roles[id(hit)] = "group"  # "our parent company is in Hong Kong": not the matter's place, nor the client's
        elif _is_home_place(hit, words, text, spans):
            roles[id(hit)] = "home"
        elif (is_judgment_origin(hit, text) or names_owned_lawyer(hit, words, text)
              or names_instrument(hit, text) or is_done_or_handed_over(hit, text)):
            roles[id(hit)] = "background"
        elif moved_away(hit, text):
            roles[id(hit)] = "people"  # "one co-founder moved to Singapore": a person's whereabouts
        elif is_background_place(hit, words, text):
            roles[id(hit)] = "people" if names_people(hit, words, text) else "background"
        elif in_client_history(hit, text) and not is_anchored(hit, text):
            roles[id(hit)] = "history"  # but "the contract provides for arbitration seated in HCMC" is the forum
        else:
            roles[id(hit)] = "matter"
    pairs = list(zip(places, places[1:], strict=False))
    # 越南平阳 (Bình Dương, Vietnam): a place written right after a country is in that country; where the name
    # also belongs to another one (平阳 in Zhejiang), the country before it decides.
    for first, second in pairs:
        if first.end != second.start or first.token_start >= 0:
            continue
        if roles[id(first)] in ("matter", "people", "background", "home") and roles[id(second)] != "home" and \
                is_client_here(_Hit(first.start, second.end, text[first.start : second.end], {}), text):
            roles[id(first)] = roles[id(second)] = "home"  # 我在福建莆田，…, 本人住在珠海横琴: where the client is
        elif roles[id(first)] == "matter" and roles[id(second)] in ("background", "people", "home"):
            # 福建莆田人, 广东深圳的供应商: the province written before a place shares that place's role.
            roles[id(first)] = roles[id(second)]
        elif roles[id(first)] == "background" and roles[id(second)] == "matter":
            roles[id(second)] = "background"  # 从越南海防进口: the town after an origin country is the origin too
        if (roles[id(first)] == roles[id(second)]
                and not first.senses["jurisdictions"] & second.senses["jurisdictions"]):
            roles[id(second)] = "inside"
    # "rail transshipment Kunming-Vientiane-Bangkok": three or more places joined by dashes are stops of a route.
    for first, second, third in zip(places, places[1:], places[2:], strict=False):
        if all(_DASH_GAP_RE.match(text[a.end : b.start]) for a, b in ((first, second), (second, third))):
            for hit in (first, second, third):
                if roles[id(hit)] == "matter":
                    roles[id(hit)] = "background"
    for first, second in reversed(pairs):
        gap = text[first.end : second.start]
        if _ROUTE_RE.match(gap) and roles[id(first)] == roles[id(second)] == "matter":
            roles[id(first)] = roles[id(second)] = "background"
        elif _TREATY_GAP_RE.match(gap) and (_TREATY_AFTER_RE.match(text, second.end) or _TREATY_BEFORE_RE.search(
                text, max(0, first.start - _TREATY_REACH), first.start)):
            roles[id(first)] = roles[id(second)] = "background"  # "the Brunei–HK DTA": an instrument's parties
        elif (_JOINED_RE.match(gap) or _LISTED_GAP_RE.match(gap)) and roles[id(first)] == "matter":
            roles[id(first)] = roles[id(second)]
    # "customers in Thailand, Vietnam and the Philippines": a word before the first names them all; "tu Sihanoukville
    # ben Campuchia": a country after its own town is where that town is.
    for first, second in pairs:
        gap = text[first.end : second.start]
        same_place = first.senses.get("jurisdictions") == second.senses.get("jurisdictions")
        if (_JOINED_RE.match(gap) or _LISTED_GAP_RE.match(gap) or (same_place and _IN_COUNTRY_RE.match(gap))) \
                and roles[id(second)] == "matter":
            roles[id(second)] = roles[id(first)]
    # "KCN Quang Chau, Bac Giang": an industrial park named after a town elsewhere is in the place named after it.
    for first, second in pairs:
        if _PARK_BEFORE_RE.search(text, max(0, first.start - 24), first.start) and _PARK_GAP_RE.match(
                text[first.end : second.start]):
            roles[id(first)] = "inside"
    # "180 foreign workers (Bangladesh, Nepal, Myanmar)": places in brackets after people are where they come from.
    for hit in places:
        if roles[id(hit)] in ("matter", "history") and _after_people_bracket(text, hit.start):
            roles[id(hit)] = "people"
    # "our SG office (Jurong)", 越南北宁（安丰工业区）: a place in brackets after another names where that one is.
    for first, second in pairs:
        if (roles[id(first)] in ("home", "background") and second.start - first.end <= _BRACKET_REACH
                and _BRACKETED_AFTER_RE.match(text[first.end : second.start])):
            roles[id(second)] = roles[id(first)]
    _mail_roles(places, text, roles)
    return roles


_PEOPLE_BRACKET_RE = re.compile(r"([^\W\d_]+)\s*[(（][^()（）]{0,60}$")
_PEOPLE_AFTER_ZH = tuple(word for word in _PEOPLE_AFTER if not word.isascii())
_FOREIGN_PEOPLE_RE = re.compile("|".join(_CUES["foreign_people_words"]), re.IGNORECASE)


def _after_people_bracket(text: str, pos: int) -> bool:
    """Whether `pos` is inside brackets opened right after a word for people from abroad ("foreign workers (…",
    外劳（…)."""
    found = _PEOPLE_BRACKET_RE.search(text, max(0, pos - 80), pos)
    if not found:
        return False
    word = found.group(1).casefold()
    # Only people from abroad: "remote workers (Malaysia, Indonesia)" work there.
    foreign = _FOREIGN_PEOPLE_RE.search(text, max(0, found.start() - 30), found.end())
    return bool(foreign) and (word in _PEOPLE_AFTER or word.endswith(_PEOPLE_AFTER_ZH))


def _mail_roles(places: list, text: str, roles: dict[int, str]) -> None:
    """A pasted e-mail: the writer's signature gives its own address; the forwarded or quoted history below tells
    the story, so its places are background when the writer's own message names a place of the matter."""
    for hit in places:
        if in_signature_block(text, hit.start):
            roles[id(hit)] = "home"
    told = told_history_spans(places, text, roles)
    for hit in places:
        if roles[id(hit)] == "matter" and in_spans(hit.start, told):
            roles[id(hit)] = "background"
