"""The writer's own side in a request: the client's own company, group and signature.

A name the writer gives for itself ("we are X Pte. Ltd.", "our Vietnamese subsidiary X", 我们是X有限公司, "X here",
the company under a sign-off or on a "From:" line) is the client, not a counterparty. A referrer's client ("our
client, Muar Teak Crafts Sdn Bhd") is the client too, unless the sentence says it owes or is sued.

Plain Python: no Flask, no database. The words are data (``data/parties.json``).
"""

from __future__ import annotations

import re

from .mail import SENDER_LINE_RE, SIGN_OFF_RE, SIGN_OFFS, body_start, in_history, in_signature_block
from .party_words import PARTY_WORDS as _DATA
from .party_words import alternatives

_SENTENCE_RE = re.compile(r"[.!?;:\n。！？；：]")

_OWN_NOUNS = "|".join(re.escape(w) for w in sorted(_DATA["own_group_nouns"], key=len, reverse=True))
_OWN_RE = re.compile(
    # "our Vietnamese subsidiary X", "Our client's subsidiary X", "Our group company in Shenzhen, X".
    r"(?:\bour\s+(?:own\s+)?(?:[\w'’\-]+\s+){0,3}(?:" + _OWN_NOUNS + r")(?:\s+(?:in|at)\s+[A-Z][\w'’\-]*)?(?:\s+An)?|"
    # "(our co is MWK F&B Pte Ltd)"; not "our target company is X".
    r"\bour\s+(?:company|co|firm|entity)\s+(?:is|was)|"
    # "on behalf of the Members' Club": acting for it.
    + "|".join(r"\b" + re.escape(m) + (r"(?:\s+the)?" if m == "on behalf of" else "") for m in _DATA["own_markers"])
    # "We (Lumen Holdings Pte. Ltd., part of …)", "We, X Sdn Bhd, …": the writer naming itself.
    + r"|\bwe(?=\s*[(（,])"
    # "We bought 100% of X": X is the client's now; "we bought shares from X": X is the seller, a party.
    + r"|\bwe\s+(?:have\s+)?(?:bought|acquired|own)\b(?:(?!\bfrom\b)[^.]){0,24}"
    # "I am Senior Legal Counsel at X", "we are the in-house M&A team of X", "on behalf of the legal department of
    # X"; not "the legal department of X sent us a letter".
    + r"|\b(?:i\s+am|i['’]m|we\s+are|we['’]re|on\s+behalf\s+of)\s+(?:[\w&-]+\s+){0,4}?"
    + r"(?:counsel|team|department|dept|division|unit|desk)"
    + r"\s+(?:at|of)\b"
    # "I am in charge of ASEAN business at X", "I'm responsible for legal at X": the writer's post at its company.
    + r"|\b(?:i\s+am|i['’]m)\s+(?:in\s+charge\s+of|responsible\s+for|heading|looking\s+after)\s+"
    + r"(?:[\w&/-]+\s+){1,5}?(?:at|of)\b"
    # "I am the CFO of X", "I'm the DPO of X": a senior or legal title of the writer's own company.
    + r"|\b(?:i\s+am|i['’]m)\s+(?:the\s+|a\s+)?(?:" + alternatives(_DATA["writer_titles"]) + r")\s+(?:at|of)\b"
    # "I am Kelvin Ng, director of X": the writer names itself, then its title. An employee's employer ("I am the
    # operations manager of X and they terminated me") or a former director's company may be the other side.
    + r"|\b(?:i\s+am|i['’]m)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3},\s+(?:the\s+)?(?!former\b|ex\b)(?:[\w-]+\s+)?"
    + r"(?:director|owner|founder|co-founder|ceo|cfo|coo|head|gm|md)\s+(?:at|of)\b"
    # "We are a Hong Kong garment buyer, X", "We are a Singapore studio (X)", "… contractor (the company is X)".
    + r"|\bwe\s+are\s+(?:a|an)\s+(?:[\w&'’-]+\s+){0,4}[\w&'’-]+\s*(?:,|[(（]\s*(?:the\s+company\s+is\s+)?)"
    + r")\W*(?:called|named)?\W*$",
    re.IGNORECASE,
)
# "My name is Jasmine Koh, finance manager at X", "I am Ir. Kamal Hisham, director of X", "this is Nicholas Chia,
# Head of Operations at X": the writer names itself, then its title at its own company.
_WRITER_AT_RE = re.compile(
    r"\b(?:i\s+am|i['’]m|this\s+is|my\s+name\s+is|name['’]s)\s+[\w'’.-]+(?:\s+[\w'’.-]+){0,4}\s*,\s+(?:the\s+|a\s+|an\s+)?"
    r"(?!former\b|ex\b|previous\b)(?:(?:[\w&/-]+\s+){0,3}(?:" + alternatives(_DATA["writer_role_nouns"]) + r")"
    r"|head\s+of\s+(?:[\w&/-]+\s+){1,3}?)\s*(?:at|of|with)\s*$",
    re.IGNORECASE)
# The writer's "I", its titled name and its post, in Thai: ดิฉัน นางสาวพิมพ์ชนก แก้วมณี ผู้จัดการฝ่ายบัญชี.
_THAI_WRITER_RE = re.compile(
    r"(?:^|\s)(?:" + alternatives(_DATA["thai_first_person"])
    + r")\s*(?:นางสาว|นาย|นาง)[\u0e00-\u0e7f]+(?:\s[\u0e00-\u0e7f]+){1,3}\s*$")
# 我是深圳市X有限公司法务专员周婷, 我是X有限公司外贸部的黄经理: the writer, then its post at its own company.
_CJK_WRITER_BEFORE = ("我是", "我係", "本人是", "本人係", "我系")
_CJK_WRITER_POST_RE = re.compile(
    r"[^，。,；;！!？?\n]{0,8}?(?:" + alternatives(_DATA["cjk_staff_roles"] + ["专员", "專員", "助理", "部"]) + r")")
_EMPLOYEE_GRIEVANCE_ZH_RE = re.compile(
    r"(?:炒|解雇|解僱|辞退|辭退|开除|開除)(?:咗|了)?(?:我|本人)|(?:欠|拖欠)(?:咗|了)?(?:我|本人)"
    r"|没发工资|沒發工資|冇出糧|欠薪|员工代表|員工代表|我们工人|我們工人|我们员工|我們員工|我们这些员工")
# After introducing itself, a writer who speaks for its company says "we"; one who says "me" or "my" ("I was made
# redundant", "terminated my employment") or 我 alone speaks for itself, and the company may be the other side.
_I_RE = re.compile(r"\b(?:me|my|mine)\b|\bI\s+(?:was|have\s+been|am\s+being|got|had\s+been)\b", re.IGNORECASE)
_CJK_I_RE = re.compile(r"我(?![们們哋司方])|本人")


def _speaks_for_company(text: str, end: int) -> bool:
    """Whether, after naming its company, the writer speaks as "we" and not of its own job or pay."""
    rest = text[end:]
    return bool(_WE_RE.search(rest)) and not _I_RE.search(rest) and not _EMPLOYEE_GRIEVANCE_RE.search(text)


_EMPLOYEE_GRIEVANCE_RE = re.compile(r"\b(?:" + alternatives(_DATA["employee_grievances"]) + r")\b", re.IGNORECASE)
# "Chúng tôi là Công ty …", "Syarikat kami, X Sdn Bhd, …": the writer's own company, where the words open the sentence
# or clause ("Pelanggan perusahaan kami, PT X" is a customer of it).
_OWN_OPENING_RE = re.compile(
    r"(?:^|[.!?;:\n(（]|,\s)\s*(?:" + alternatives(_DATA["own_markers_opening"]) + r")\W*$", re.IGNORECASE)
# The writer describes its own business, then names it in brackets: "We are a Penang furniture maker (X Sdn Bhd)".
_OWN_DESCRIBED_RE = re.compile(
    r"(?:^\s*|[.!?;:\n。！？；]\s*|,\s*)(?:" + alternatives(
        [m for m in _DATA["own_markers"] if m.startswith(("we", "kami", "i am", "i'm"))]
        + _DATA["own_markers_opening"] + _DATA["cjk_own_openings"] + ["kami po ay", "kami ay"])
    + r")(?:(?![(（]).){3,100}[(（]$", re.IGNORECASE)
# A person's name before the brackets: "my business partner Lin Jianguo (林建国)".
_PERSON_BEFORE_BRACKET_RE = re.compile(r"\b[A-Z][\w'’.-]+\s+[A-Z][\w'’.-]+\s*[(（]$")
# A name's other form in brackets is no description: "恒昌電子貿易有限公司 (Hang Cheong Electronics Trading Limited)".
_NAME_ENDINGS = ("公司", "集團", "集团", "Ltd", "Ltd.", "Limited", "Bhd", "Bhd.", "Inc.", "Inc", "JSC", "Co.", "Corp.",
                 "จำกัด", "PLC", "Tbk")
# "Chao anh chi, minh la quan ly Cong ty TNHH X": the writer gives its role in its own company.
_VI_WRITER_ROLE_RE = re.compile(
    r"(?:^|[.!?;:\n(（]|,\s)\s*(?:tôi|toi|mình|minh|em|chúng tôi|chung toi)\s+(?:là|la)\s+(?:"
    + alternatives(_DATA["vietnamese_writer_roles"]) + r")(?:\s+(?:của|cua|tại|tai))?\s*$", re.IGNORECASE)
_CLIENT_MARKER_RE = re.compile(r"\b(?:" + alternatives(_DATA["client_markers"]) + r")\W*(?:called|named)?\W*$",
                               re.IGNORECASE)
_CJK_CLIENT = tuple(_DATA["cjk_client_markers"])
_ADVISER_WORDS = tuple(_DATA["adviser_words"])
# "… Formosa-Penang Electronics Sdn Bhd, which is our client on this matter".
_CLIENT_AFTER_RE = re.compile(r"\s*,?\s*(?:which|who)\s+is\s+(?:our|my)\s+client\b", re.IGNORECASE)
_OWED_US_ZH_RE = re.compile(
    r"欠(?:咗|了)?(?:我|我们|我們|我哋)|拖欠|未付|唔俾錢|不付款|不给钱|追讨|追討|起诉|起訴|告佢|不履行|ค้างชำระ")
_OWED_US_RE = re.compile(r"\b(?:" + alternatives(_DATA["owed_us_words"]) + r")\b", re.IGNORECASE)

_STOP_RE = re.compile(r"[.!?。！？]\s")
_COMMA_RE = re.compile(r"[,，、]")
_APPOSITIVE_COMMA_RE = re.compile(r"\s*,\s*")


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence that goes on at `pos` ends."""
    found = _STOP_RE.search(text, pos)
    return found.start() + 1 if found else len(text)


_CJK_OWN = tuple(_DATA["cjk_own_markers"])
_CJK_OWN_APPOSITIVE_RE = re.compile(
    r"(?:^|[，,])\s*(?:" + alternatives(_DATA["cjk_own_openings"])
    + r")(?:(?!这家|這家|该|該|对方|對方|他们|他們|佢哋|佢嘅)[^，。,；;]){1,30}?"
    r"(?:(?:商|公司|企业|企業|厂|廠|集团|集團|行|店|判頭|判头|工作室|机构|機構)(?:[，,]|——|—|：|:)?|的|嘅)\s*$")
# The clause ends after the name, or after its other name in brackets: …楓林家品有限公司（Maplewood Homeware Limited）。
_CJK_CLAUSE_END_RE = re.compile(r"\s*(?:[(（][^()（）]{1,60}[)）])?\s*(?:[。；;\n]|$)")
# The client's subsidiary, or one it acts through: 我们的香港子公司, 我司通过全资子公司, 通过香港子公司.
_CJK_OWN_SUBSIDIARY_RE = re.compile(
    r"(?:我们的|我們的|我司的|本公司的|我哋嘅|我司|本公司|我方|通过|通過|经由|經由)"
    r"[^，。,；;\s他她佢其该該对對被告诉訴与與和跟同向找约約]{0,6}?(?:子公司|附属公司|附屬公司)[：:]?$"
    r"|(?:我们|我們|我司|本公司|我哋)[^，。,；;\s他她佢其该該对對被告诉訴与與和跟同向找约約]{0,8}?(?:兄弟公司|姐妹公司)[：:]?$")
_OWN_AFTER_RE = re.compile(
    r"^\s*[(（,，]?\s*(?:我们的|我們的|我司的|本公司的|我哋嘅|(?i:our\s+(?:own|wholly|subsidiary)))"
    # "深圳市华信建设工程有限公司（我司）", "Công ty TNHH Phát Đạt (chúng tôi)": the writer naming itself.
    r"|^\s*[(（]\s*(?:我司|我们|我們|本公司|我哋|(?i:chúng tôi|chung toi|kami|we|us|the client))\s*[)）]"
    # "Group Legal of Straits Meridian Logistics here (Singapore HQ)": the writer introducing itself.
    r"|^\s+(?i:here)\b"
)


def _bracketed_after_own_description(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether the name stands in brackets right after the writer's description of its own business, and not as
    another form of a name just before it."""
    if text[start - 1 : start] not in ("(", "（") or text[end : end + 1] not in (")", "）"):
        return False
    if text[: start - 1].rstrip().endswith(_NAME_ENDINGS) or _PERSON_BEFORE_BRACKET_RE.search(
            text, max(0, start - 40), start):
        return False
    return bool(_OWN_DESCRIBED_RE.search(text[max(sentence_start, start - 120) : start]))


def is_own_name(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is the client's own company: "we are X", "our subsidiary X",
    我们是X有限公司, the writer's signature."""
    sentence_start = 0
    for m in _SENTENCE_RE.finditer(text, 0, start):
        sentence_start = m.end()
    before = text[max(sentence_start, start - 60) : start]
    if (_OWN_RE.search(before) or _OWN_OPENING_RE.search(before) or _VI_WRITER_ROLE_RE.search(before)
            or _OWN_AFTER_RE.search(text[end : end + 20])):
        return True
    if _bracketed_after_own_description(text, start, end, sentence_start):
        return True  # 我们是成都的一家火锅连锁品牌（X有限公司）, "Kami po ay licensed agency dito sa Makati (X Inc.)"
    if _THAI_WRITER_RE.search(text, max(0, start - 90), start):
        return True  # กระผม นายวีระพงษ์ ศรีสุข ผู้จัดการฝ่ายสินเชื่อ บริษัท …: the writer, its post, then its company
    if _WRITER_AT_RE.search(text, max(0, start - 90), start) and _speaks_for_company(text, end):
        return True  # "My name is Jasmine Koh, finance manager at X": the writer's own company
    if before.rstrip().endswith(_CJK_WRITER_BEFORE) and _CJK_WRITER_POST_RE.match(text, end) \
            and not _EMPLOYEE_GRIEVANCE_ZH_RE.search(text) and not _CJK_I_RE.search(text, end):
        return True
    sentence = text[sentence_start : _sentence_end(text, end)]
    client_marked = _CLIENT_MARKER_RE.search(before) or _CLIENT_AFTER_RE.match(text, end) or (
        before.rstrip("「“\"' ").endswith(_CJK_CLIENT) and any(word in text for word in _ADVISER_WORDS))
    if client_marked and not _OWED_US_RE.search(sentence) and not _OWED_US_ZH_RE.search(sentence):
        return True  # "One of our clients, Muar Teak Crafts Sdn Bhd, has received an LHDN audit letter"
    line_start = text.rfind("\n", 0, start) + 1
    if _CJK_OWN_APPOSITIVE_RE.search(before) and _CJK_CLAUSE_END_RE.match(text, end):
        return True  # 我哋係觀塘一間分判商，盈輝幕牆工程有限公司。: the writer names its company after what it is
    if SENDER_LINE_RE.match(text, line_start) and not in_history(text, line_start):
        return True  # "From: Group Legal, Straits Meridian Logistics Ltd": the writer's own company
    if _in_signature(text, start) or in_signature_block(text, start):
        return True  # "Regards,\nGrace Wijaya\nFinance Director | PT Lestari Jaya Abadi": the writer's company
    if _is_letterhead(text, start, end):
        return True  # "CÔNG TY CỔ PHẦN X\nSố: 27/2025/CV": the company whose letter this is
    if _opens_as_writer(text, start, end):
        return True  # "Dear Centre, Tri-Sea Haulage Pte. Ltd. (Singapore) has held 35% of …; we contributed …"
    if _CJK_OWN_SUBSIDIARY_RE.search(before):
        return True  # 我司通过全资子公司美厨国际（香港）有限公司: the client's own subsidiary
    # 我们公司叫 Golden Dragon Trading: the name the client gives its own company.
    # 本集团（恒达国际控股有限公司，港交所上市）: the writer's group, named in brackets.
    if _CO_CLIENT_ZH_BEFORE_RE.search(before) and _JOINT_INTENT_ZH_RE.match(text, end):
        return True  # 我同細佬陳家豪想追討賠償: the writer's relative claims with it
    if _CJK_OWN_NAMED_RE.search(before):
        return True  # 我係深水埗一間茶餐廳嘅老闆，公司叫「福滿樓餐飲有限公司」: the writer names its business
    return before.rstrip("“「『\"' （(").removesuffix("叫做").removesuffix("名叫").removesuffix("叫").rstrip().endswith(
        _CJK_OWN)


# 我同細佬X想…, 我和弟弟X一起…: a relative who acts with the writer; not 我和弟弟X争遗产.
_CO_CLIENT_ZH_BEFORE_RE = re.compile(
    r"(?:我同|我和|我與|我与|我跟|本人同|本人和)(?:" + alternatives(_DATA["co_client_kin_zh"]) + r")\s*$")
_JOINT_INTENT_ZH_RE = re.compile(r"\s*(?:想|要|打算|準備|准备|一齊|一齐|一起|都|決定|决定)")
# "我係…老闆，公司叫「X」", "本人…經營一間藥房，公司叫X": the writer tells its business, then the name it goes by; not
# a customer's, a landlord's or an employer's ("我喺一間裝修公司做咗六年師傅，公司叫X").
_CJK_OWN_NAMED_RE = re.compile(
    r"^(?:[^。！？\n]*[，,；;])?\s*(?:我|本人|我哋|我们|我們)(?:(?!" + alternatives(_DATA["cjk_not_own_business"])
    + r")[^。！？\n]){0,60}[，,；;]\s*"
    r"(?:間|间|我哋|我们|我們)?公司(?:名)?(?:叫做|名叫|叫|名係|名稱係|名称是|名為|名为)\s*[「“\"'『]?\s*$")


# The reference line under a letterhead: "Số: 27/2025/CV-ĐNX", "Ref: HP/2025/17", 文号：12/2026: a number with a slash,
# so an address line ("No. 12 Jalan Ampang") is none.
_REFERENCE_LINE_RE = re.compile(
    r"\s*(?:số|so|ref|our ref|no|文号|文號|編號|编号|เลขที่|nomor|no\. rujukan|rujukan)\s*[.:：]\s*"
    r"(?=[^\s]*\d)(?=[^\s]*/)",
    re.IGNORECASE)


def _is_letterhead(text: str, start: int, end: int) -> bool:
    """Whether the name fills the first line of the text and a reference number follows it: a letterhead."""
    line_end = text.find("\n", end)
    return (not text[:start].strip() and line_end >= 0 and not text[end:line_end].strip(" .,")
            and bool(_REFERENCE_LINE_RE.match(text, line_end + 1)))


# The line that opens a signature: "--", "Regards,", "Thank you,", 此致 …; the signature is the few lines after it.
_SIGNATURE_LINES = 4
_SIGNATURE_TITLE_RE = re.compile(
    r"(?:\b|(?<=[^\x00-\x7f]))(?:" + alternatives(_DATA["signature_titles"]) + r")(?:\b|(?=[^\x00-\x7f]))",
    re.IGNORECASE)


def _is_signature(lines: list[str]) -> bool:
    """Whether the last lines of a message are a signature: a few short lines, one with a job title."""
    return 1 <= len(lines) <= _SIGNATURE_LINES and all(0 < len(line.strip()) <= 70 for line in lines) and any(
        _SIGNATURE_TITLE_RE.search(line) for line in lines)


# A sign-off and the writer's name on the last line: "… Thanks, Priya Nair, Castellan & Webb LLP".
_INLINE_SIGN_OFF_RE = re.compile(
    r"(?:^|[.!?\s])(?i:" + SIGN_OFFS + r")\s*,\s*"
    r"(?:[A-Z][\w'’.-]*\s*,?\s*){0,4}$")


_FIELD_BAR_RE = re.compile(r"\s*[|｜¦]\s*")
# The first field of a one-line signature is the writer's name: two to four capitalised words.
_PERSON_FIELD_RE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}")


def _in_signature(text: str, pos: int) -> bool:
    """Whether a position is in the few lines under a sign-off (the writer's name, title and company), or after a
    sign-off on the message's last line."""
    line_end = text.find("\n", pos)
    if (line_end < 0 or not text[line_end:].strip()) and _INLINE_SIGN_OFF_RE.search(text[max(0, pos - 80) : pos]):
        return True
    # "Michelle Yip | Legal Counsel | Kowloon Harbour Logistics Group Limited": a one-line signature of fields.
    line = text[text.rfind("\n", 0, pos) + 1 : line_end if line_end >= 0 else len(text)]
    fields = _FIELD_BAR_RE.split(line.strip())
    if (3 <= len(fields) <= 6 and len(line) <= 160 and ":" not in line and _PERSON_FIELD_RE.fullmatch(fields[0])
            and any(len(f) <= 40 and _SIGNATURE_TITLE_RE.search(f) for f in fields[1:])):
        return True
    last_block = text.rstrip().rfind("\n\n") + 2
    if pos >= last_block > 1 and _is_signature(text[last_block:].strip().split("\n")):
        return True  # "Thu Ha\nLegal, ShopNhanh JSC" at the end: a signature without a sign-off
    for m in SIGN_OFF_RE.finditer(text, 0, pos):
        under = text[m.end() : text.find("\n", pos) if "\n" in text[pos:] else len(text)]
        lines = under.strip(" \t\n").split("\n")
        # A signature is a few short lines: name, title, company, address.
        if 1 <= under[: pos - m.end()].count("\n") <= _SIGNATURE_LINES and all(
                0 < len(line.strip()) <= 70 for line in lines):
            return True
    return False


# ------------------------------------------------------------------------------ the client's providers, neutrals

_HONORIFIC = r"(?:" + alternatives(_DATA["person_honorifics"]) + r")\.?\s+"
# "Provisional liquidators Mr Patrick Ng and Ms Joyce Lau", "our HR manager Lim Siew Ling and": the role before the
# first of two names joined by "and" is the second's too.
_JOINED_NAME = r"(?:(?:" + _HONORIFIC + r")?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:and|&)\s+)?"
_SIDE_ROLES = alternatives(_DATA["side_roles"])
_SIDE_ROLE = r"(?P<role>" + _SIDE_ROLES + r")"
# "Our forwarder, Seahawk Logistics Pte Ltd", "our existing auditors are", "we bank with": the client's provider.
# Not "our competitor bank" or "our former lawyers": a rival, or a provider the client has left, is often the
# other side; nor "our preferred partner bank": a party to a deal under way.
_SIDE_BEFORE_RE = re.compile(
    r"(?:\b(?:our|my)\s+(?:own\s+|existing\s+|current\s+|usual\s+|regular\s+|long-?standing\s+)?"
    r"(?:(?!(?:competitor|competing|rival|former|previous|old|ex|partner|prospective|potential|proposed|preferred"
    r"|target)\b)[\w&-]+\s+){0,2}" + _SIDE_ROLE
    # "our trademark agent in Hong Kong, X", "our usual lawyers here, X".
    + r"(?:\s+(?:in|at|from)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?|\s+here|\s+there)?(?:\s+(?:is|are|was|were))?"
    # "the surveyor we instructed, X", "the adjuster they appointed, X": a provider someone engaged.
    r"|\bthe\s+(?:[\w&-]+\s+){0,2}?(?P<engaged>" + _SIDE_ROLES + r")\s+(?:(?:that|whom|who)\s+)?(?:we|i|they|it)\s+"
    r"(?:have\s+|had\s+)?(?:instructed|appointed|engaged|hired|retained|used?)"
    r"|\bwe\s+(?P<bank>bank)\s+with|\b(?:we\s+are|we['’]re)\s+(?P<insured>insured)\s+(?:with|by)"
    # "paid from our account at DBS Bank Ltd", "our HKD accounts with Hang Seng Bank".
    r"|(?P<account>\b(?:our|my)\s+(?:[\w-]+\s+)?(?:bank\s+)?accounts?\s+(?:at|with|in)))"
    r"\s*[,:(–-]?\s*(?:the\s+)?(?:" + _HONORIFIC + r")?$",
    re.IGNORECASE)
# "Baker Tilly Malaysia PLT (our auditors)", "X, our bank, …", "X, who are our insurers".
_SIDE_AFTER_RE = re.compile(
    r"\s*[(（,]\s*(?:who\s+(?:is|are)\s+|which\s+(?:is|are)\s+|as\s+)?(?:our|my)\s+(?:[\w&-]+\s+)?" + _SIDE_ROLE
    + r"\b", re.IGNORECASE)
# "bank kami, PT Bank Central Asia Tbk", "ngân hàng của chúng tôi là …", "ผู้สอบบัญชีของบริษัท คือ …",
# ธนาคารของเราเอง คือ … ("our own bank is …").
# The role a phrasing without a role word gives: "we bank with", "we are insured with", "our account at".
_GROUP_ROLES = {"bank": "bank", "insured": "insurer", "account": "bank", "staff": "staff"}
_SIDE_LOCAL_BEFORE_RE = re.compile(
    # Thai writes no space between words: ผ่านธนาคารของเรา.
    r"(?:^|(?<=[\s(（,.\u0e00-\u0e7f]))(?P<role>" + alternatives(_DATA["side_roles_local"]) + r")\s*(?:"
    + alternatives(_DATA["side_possessives_local"]) + r")(?:\s*(?:เอง|sendiri))?\s*(?:(?:"
    + alternatives(_DATA["side_copulas"]) + r")\s*)?[,:：]?\s*$", re.IGNORECASE)
# "Giám đốc chúng tôi, ông Nguyễn Văn Thành", "Pengurus HR kami, Puan Aishah", ผู้จัดการของเรา คุณสมชาย: the client's
# own staff; the words between title and possessive name a department.
_LOCAL_STAFF_BEFORE_RE = re.compile(
    r"(?:^|(?<=[\s(（,.]))(?<!bekas )(?<!mantan )(?<!cựu )(?P<staff>" + alternatives(_DATA["local_staff_roles"])
    + r")(?:\s+[\w&]+){0,2}?\s*(?:"
    + alternatives([*_DATA["side_possessives_local"], "chúng tôi", "chung toi", "công ty chúng tôi"])
    + r")(?:\s+sendiri)?\s*[,:：]?\s*(?:(?:" + alternatives(_DATA["local_honorifics"]) + r")\s*)?$", re.IGNORECASE)
# 我们的保险公司中国平安财产保险股份有限公司, 我司开户行：招商银行.
_CJK_SIDE_BEFORE_RE = re.compile(
    r"(?:" + alternatives(_DATA["cjk_side_possessives"]) + r")(?P<role>" + alternatives(_DATA["cjk_side_roles"])
    + r")(?:是|為|为|係)?[：:，, ]?\s*$")
# 本公司人力資源總監黃美儀, 我方派驻的总经理王磊, 我们的 QA manager Tan Wei Ming: the client's own staff; the
# words between possessive and title name a department, not another party.
_CJK_STAFF_BEFORE_RE = re.compile(
    r"(?:" + alternatives(_DATA["cjk_side_possessives"] + ["我们", "我們", "我哋"]) + r")(?:派驻的|派駐的|委派的)?\s*"
    r"(?P<staff>(?:(?!客|供|买|買|卖|賣|对方|對方|合作|经销|經銷|代理|承包|租|业主|業主|房东|房東|前|原)"
    r"[^\s，。,；;：:他她佢其该該对對被找约約同与與和跟向求的嘅们們哋]){0,6}?"
    r"\s*(?:[A-Za-z&]+\s+)?(?i:" + alternatives(_DATA["cjk_staff_roles"]) + r"))[：:，, ]?\s*$")
# 我们的HR经理周丽和技术总监陈昊: a second title and name joined to the first are the client's staff too.
_CJK_STAFF_ROLES = alternatives(_DATA["cjk_staff_roles"])
_CJK_JOINED_STAFF_BEFORE_RE = re.compile(
    r"(?:" + alternatives(_DATA["cjk_side_possessives"] + ["我们", "我們", "我哋"]) + r")[^，。,；;：:]{0,8}?(?i:"
    + _CJK_STAFF_ROLES + r")[\u4e00-\u9fff]{2,3}(?:和|及|、|与|與|同)\s*"
    # Not 对方董事长: the other side's officer joined to the client's.
    r"(?P<staff>(?!对方|對方|他们|他們|佢哋|该公司|該公司)[^\s，。,；;：:]{0,6}?(?i:" + _CJK_STAFF_ROLES
    + r"))[：:，, ]?\s*$")
# "paid by L/C through Bank X", "thanh toán qua Ngân hàng X", "pembiayaan melalui Bank X", 通过某银行付款: a bank the
# money only passes through is no party, unless the text tells of a dispute with it.
_CHANNEL_BEFORE_RE = re.compile(
    r"(?:\b(?:through|via|qua|thông qua|thong qua|melalui|lewat)|通过|通過|经由|經由|透过|透過|ผ่าน)\s*$",
    re.IGNORECASE)
_BANK_NAME_RE = re.compile(r"\bbank\b|\bng[âa]n h[àa]ng\b|银行|銀行|ธนาคาร", re.IGNORECASE)
# The dot of a title before a name ("Mr."), which ends no sentence.
_HONORIFIC_DOT_RE = re.compile(r"\b(?:" + alternatives(_DATA["person_honorifics"]) + r")\.$", re.IGNORECASE)
# "our IT manager, Daniel Ong", "Our CFO, Mr Tan": the client's own staff; not "our former sales director" (often
# the other side), nor an employee's "my manager", a superior it may be in dispute with.
_STAFF_BEFORE_RE = re.compile(
    r"\bour\s+(?!(?:former|ex|previous|old|new|then)\b)(?:[\w&-]+\s+){0,2}?(?P<staff>(?:"
    + alternatives(_DATA["staff_titles"]) + r"))(?:\s+(?:there|here|(?:in|at)\s+[A-Z][\w'’-]*))?\s*[,:(–-]?\s*"
    + _JOINED_NAME + r"(?:" + _HONORIFIC + r")?$",
    re.IGNORECASE)
# "Mr Alvin Seow is our project director", "Tran Minh Duc (our site manager)": the client's own staff, named first.
_UNTIL_RE = re.compile(r"[\s,]*(?:until|till|up\s+to)\b", re.IGNORECASE)
_STAFF_AFTER_RE = re.compile(
    r"\s*(?:[(（,]\s*|\s+is\s+)(?:who\s+is\s+)?our\s+(?!(?:former|ex|previous|old|then)\b)(?:[\w&-]+\s+){0,2}?(?:"
    + alternatives(_DATA["staff_titles"]) + r")\b", re.IGNORECASE)
# "Their accounts executive, Puan Norliza Ahmad", "the buyer's project manager Mr Alvin Lee": the other side's staff,
# who act for it without being a party.
_THEIR_STAFF_BEFORE_RE = re.compile(
    r"\b(?:their|its|[\w&.-]+['’]s)\s+(?P<staff>(?:" + alternatives(_DATA["other_side_staff"]) + r"))\s*[,:(–-]?\s*"
    + _JOINED_NAME + r"(?:" + _HONORIFIC + r")?$", re.IGNORECASE)
_SIDE_DISPUTE_RE = re.compile(
    r"(?:\b|(?<=[^\x00-\x7f]))(?:" + alternatives(_DATA["side_dispute_words"]) + r")(?:\b|(?=[^\x00-\x7f]))",
    re.IGNORECASE)
# The opening of a sentence that speaks of the provider just named: "They …", "The bank …", 该行….
_BACK_REFERENCE_RE = re.compile(
    r"\s*(?:(?i:they|it|he|she|the\s+(?:[\w&-]+\s+)?(?:" + _SIDE_ROLES + r"))\b"
    r"|该|該|其|他们|他們|佢哋|对方|對方)")
_CLAUSE_RE = re.compile(r"[^.!?。！？\n]+")
# "The sole arbitrator, Mr Anthony Wee", "Judge Maria Santos", "the MOM officer, Ms Tan Li Ping", 仲裁员李明: a
# regulator's officer goes by the regulator's initials, in capitals.
_NOT_OFFICIAL = r"(?!(?:HR|IT|PR|QA|QC|IR|GM|MD|CEO|CFO|COO|CTO|CSR|EHS|HSE)\s)"
_NEUTRAL_ROLE = (r"(?P<role>(?i:" + alternatives(_DATA["neutral_roles"]) + r")|" + _NOT_OFFICIAL
                 + r"[A-Z]{2,6}\s+(?i:officers?)|(?i:pegawai)\s+[A-Z]{2,6})")
# "the case officer from the Labour Department, Mr X": the role's office may stand between.
_NEUTRAL_BEFORE_RE = re.compile(
    r"(?<![\w'’-])" + _NEUTRAL_ROLE + r"(?:\s+(?i:of|from|at)\s+(?i:the\s+)?(?:[A-Z][\w&'’-]*\s*){1,5})?"
    r"\s*[,:]?\s*" + _JOINED_NAME + r"(?i:" + _HONORIFIC + r")?$")
# "Ms Tan Li Ping, the investigating officer, …".
_NEUTRAL_AFTER_RE = re.compile(r"\s*,\s*(?i:the|an?)\s+(?:[\w-]+\s+){0,2}?" + _NEUTRAL_ROLE + r"\b")
_NEUTRAL_OPENING_RE = re.compile(r"(?P<role>(?i:" + alternatives(_DATA["neutral_titles"]) + r"))\s")
_CJK_NEUTRAL_BEFORE_RE = re.compile(r"(?P<role>" + alternatives(_DATA["cjk_neutral_roles"]) + r")[：:，, ]?\s*$")


def neutral_role(text: str, start: int, end: int) -> str | None:
    """The role by which the text names ``text[start:end]`` as a neutral or an official (the arbitrator, the
    judge, the investigating officer, a regulator's officer), or None."""
    before = text[max(0, start - 70) : start]
    found = (_NEUTRAL_BEFORE_RE.search(before) or _CJK_NEUTRAL_BEFORE_RE.search(before)
             or _NEUTRAL_OPENING_RE.match(text, start, end) or _NEUTRAL_AFTER_RE.match(text, end))
    return found.group("role").split()[-1] if found else None


# "arwah Lim Ah Chuan", "the late Mr. Tan", 已故陳大文; "Bố tôi, ông Trần Văn Phúc, mất tháng 10", "X yang meninggal
# dunia": a dead relative, named in the telling of an estate.
_DECEASED_BEFORE_RE = re.compile(
    r"(?:(?<![\w])(?:" + alternatives(_DATA["deceased_before"]) + r")\s*"
    r"(?:(?:my|our|saya|kami)?\s*(?:" + alternatives(_DATA["deceased_kin"]) + r")\s*(?:saya|kami)?\s*,?\s*)?"
    r"(?:(?:" + alternatives(_DATA["person_honorifics"]) + r")\.?\s+)?)$", re.IGNORECASE)
_DECEASED_AFTER_RE = re.compile(
    r"\s*[,，]?\s*(?:" + alternatives(_DATA["deceased_after"]) + r")(?![\w])", re.IGNORECASE)


def is_deceased(text: str, start: int, end: int) -> bool:
    """Whether the text names the person at ``text[start:end]`` as dead ("arwah X", "X passed away", X去世)."""
    return bool(_DECEASED_BEFORE_RE.search(text[max(0, start - 40) : start]) or _DECEASED_AFTER_RE.match(text, end))


# Whole words in Latin letters; in scripts without spaces the word may stand inside a longer run (X律师事务所).
_LAW_FIRM_NAME_RE = re.compile(
    r"(?:\b|(?<=[^\x00-\x7f]))(?:" + alternatives(_DATA["law_firm_words"]) + r")(?:\b|(?=[^\x00-\x7f]))",
    re.IGNORECASE)


def providers_role(text: str, start: int, end: int) -> str | None:
    """The role by which the text names ``text[start:end]`` as one of the client's own providers ("our forwarder,
    X" gives "forwarder") or staff, or as the other side's staff ("their accounts executive, X"), or None."""
    before = text[max(0, start - 60) : start]
    # The phrasings are tried in turn and the first that names a role stops the search.
    searches = (lambda: _SIDE_BEFORE_RE.search(before), lambda: _SIDE_LOCAL_BEFORE_RE.search(before),
                lambda: _CJK_SIDE_BEFORE_RE.search(before), lambda: _SIDE_AFTER_RE.match(text, end),
                lambda: _CJK_STAFF_BEFORE_RE.search(before), lambda: _CJK_JOINED_STAFF_BEFORE_RE.search(before),
                lambda: _LOCAL_STAFF_BEFORE_RE.search(before),
                lambda: _STAFF_BEFORE_RE.search(before),
                lambda: _THEIR_STAFF_BEFORE_RE.search(before))
    for search in searches:
        if found := search():
            groups = found.groupdict()
            if groups.get("staff") and _UNTIL_RE.match(text, end):
                return None  # "our sales director, X, until May": staff no longer, often the other side
            return groups.get("role") or groups.get("engaged") or next(
                (role for group, role in _GROUP_ROLES.items() if groups.get(group)), "")
    if (post := _STAFF_AFTER_RE.match(text, end)) and not _UNTIL_RE.match(text, post.end()):
        return "staff"
    if _BANK_NAME_RE.search(text, start, end) and _CHANNEL_BEFORE_RE.search(before):
        return "bank"
    if _LAW_FIRM_NAME_RE.search(text, start, end):
        return "law firm"  # "Công ty Luật TNHH Ánh Dương", "Lee & Tan Advocates & Solicitors": lawyers to a side
    return None


def in_dispute(text: str, start: int, end: int, others: list[tuple[int, int]] = (), role: str = "",
               in_sentence: bool = True) -> bool:
    """Whether the text tells of a dispute with the provider named at ``text[start:end]``: in the sentence naming
    it, or the next one speaking of it ("Our insurer, X Berhad, has rejected our claim"; "… X. They froze our
    account"), or in any sentence naming its role ("Our insurer rejected the claim. Our insurer is X."). Where
    another name stands in the sentence, the words about that name do not count: "Y refuses to collect the goods,
    so X charges us rent" puts Y in dispute, not X. A neutral's own sentence tells what it decided ("the
    arbitrator, Mr X, made the award against Y"): ``in_sentence`` false leaves it out."""
    sentence_start = 0
    for m in _SENTENCE_RE.finditer(text, 0, start):
        if not _HONORIFIC_DOT_RE.search(text[max(0, m.start() - 12) : m.end()]):
            sentence_start = m.end()
    sentence_end = _sentence_end(text, end)
    if role == "staff":
        # 我们的 QA manager X 去工厂 audit 过，对方工厂…拒绝: what is said of the client's own people ends at a comma.
        # The comma that closes an appositive name ("Our finance manager, X, embezzled …") ends nothing.
        after = comma.end() if (comma := _APPOSITIVE_COMMA_RE.match(text, end)) else end
        if post := _STAFF_AFTER_RE.match(text, end):
            # "Ms X, our finance manager, transferred …": what is said of X comes after the post.
            after = comma.end() if (comma := _APPOSITIVE_COMMA_RE.match(text, post.end())) else post.end()
        sentence_end = min(sentence_end, found.start() if (found := _COMMA_RE.search(text, after)) else len(text))
    if _BACK_REFERENCE_RE.match(text, sentence_end):
        sentence_end = _sentence_end(text, sentence_end + 1)
    # The words before the first name of the sentence ("We want to sue our agent, Y, and our insurer, X") and
    # those after this name up to the next.
    left_end = min([a for a, b in others if sentence_start <= a and b <= start] + [start])
    right_end = min([a for a, _b in others if end <= a < sentence_end] + [sentence_end])
    if in_sentence and (_SIDE_DISPUTE_RE.search(text, sentence_start, left_end)
                        or _SIDE_DISPUTE_RE.search(text, end, right_end)):
        return True
    if len(role) < 3:
        return False
    role_re = re.compile(r"(?:\b|(?<=[^\x00-\x7f]))" + re.escape(role), re.IGNORECASE)
    return any(role_re.search(clause.group()) and _SIDE_DISPUTE_RE.search(clause.group())
               for clause in _CLAUSE_RE.finditer(text) if not (clause.start() <= start < clause.end()))


_UNTROUBLED_RE = re.compile("|".join(_DATA["untroubled"]), re.IGNORECASE)
_SAYS_RE = re.compile(
    r"\b(?:says?|said|saying|claims?|claimed|claiming|insists?|insisted|telling|tells?|told|denies|denied|keeps?|"
    r"kata|mengaku|bilang|menyatakan|nói|cho\s+rằng|khẳng\s+định|nagsasabing|sabi)\b|说|說|話|话|声称|聲稱|表示|บอก|อ้าง",
    re.IGNORECASE)
_TURN_RE = re.compile(r"\b(?:but|then|however|yet|tetapi|tapi|padahal|nhưng|pero)\b|但|可是|不过|不過|แต่",
                      re.IGNORECASE)
_AGAINST_ALL_RE = re.compile(
    r"\b(?:both|all\s+of\s+them|keduanya|kedua-duanya|cả\s+hai|dalawa)\b|两家|兩家|两间|兩間|双方都|ทั้งสอง",
    re.IGNORECASE)
_CLAUSE_STOP_RE = re.compile(r"[.!?。！？;；\n]")
_UNTROUBLED_REACH = 120


def is_untroubled(text: str, start: int, end: int, others: list[tuple[int, int]] = ()) -> bool:
    """Whether the rest of the sentence says the client has no quarrel with the party named at ``text[start:end]``
    ("… PT Gudang Perak Abadi, tidak ada masalah dengan mereka", "业主X冇問題"), and tells of no dispute besides."""
    stop = found.start() if (found := _CLAUSE_STOP_RE.search(text, end)) else len(text)
    right = min([a for a, _b in others if end <= a < stop] + [stop, end + _UNTROUBLED_REACH])
    span = text[end:right]
    said = _UNTROUBLED_RE.search(span)
    rest = text[end + said.end() : min(_sentence_end(text, end), end + said.end() + _UNTROUBLED_REACH)] if said else ""
    if not said or _SIDE_DISPUTE_RE.search(span[: said.start()] + " " + rest):
        return False
    # The party's own word ("keeps telling us there is no problem", 一直说没问题), a turn after it ("… but has paid
    # nothing", "then it broke down"), or an ask against every party named ("sue both") is no peace.
    return not (_SAYS_RE.search(span, 0, said.start()) or _TURN_RE.search(text, end + said.end(), _sentence_end(
        text, end + said.end())) or _AGAINST_ALL_RE.search(text))


# The writer speaking of itself: we, our, us, kami, chúng tôi, เรา, 我们 …
_FIRST_PERSON_RE = re.compile(
    r"\b(?:we|our|us|i|my|me|kami|kita|chúng\s+tôi|chung\s+toi|chúng\s+em|bên\s+em|namin|kami)\b|เรา|我们|我們|我哋|我司|本公司",
    re.IGNORECASE)
_WE_RE = re.compile(r"\b(?:we|our|us|kami|chúng\s+tôi|chung\s+toi|namin)\b|เรา|我们|我們|我哋|我司", re.IGNORECASE)
_NAME_THEN_VERB_RE = re.compile(r"\s*(?:[(（][^()（）]{1,40}[)）]\s*)?(?:[a-z]|[\u0e00-\u0e7f])")
# Words of a wrong done by the party: those of a provider's dispute less the ones a story of the client's own
# business uses as well ("has held 35% of …", "took delivery").
_WRONG_RE = re.compile(
    r"(?:\b|(?<=[^\x00-\x7f]))(?:" + alternatives([w for w in _DATA["side_dispute_words"] if w not in (
        "hold", "held", "holding", "took", "missed", "delay", "delays", "error", "mistake", "compensation", "demand",
        "demands", "demanded", "demanding", "refund", "penalty")]) + r")(?:\b|(?=[^\x00-\x7f]))", re.IGNORECASE)
_LEGAL_FORM_RE = re.compile(r"\b(?:" + alternatives([w for w in _DATA["latin_suffixes"] if " " not in w and len(w) > 2])
                            + r")\b", re.IGNORECASE)
_STORY_REACH = 400
_WE_ARE_RE = re.compile(r"\b(?:we\s+are|we['’]re|kami\s+(?:adalah|ialah)|chúng\s+tôi\s+là)\b|我们是|我們是|我哋係",
                        re.IGNORECASE)
# "We hold the other 30%": the writer is another shareholder beside the opening company.
_OTHER_HOLDER_RE = re.compile(r"\b(?:we|i)\s+(?:hold|own|have)\s+the\s+(?:other|remaining|rest)\b", re.IGNORECASE)
# The next sentence speaks of the party as another: "ABC Sdn Bhd is a distributor in KL. They owe us RM50k."
_THEY_NEXT_RE = re.compile(r"\s*(?:they|their|them|it|its|he|she|his|her)\b", re.IGNORECASE)


def _opens_as_writer(text: str, start: int, end: int) -> bool:
    """Whether the name opens the message as the subject of a sentence that speaks of no one else's wrong, in a
    text whose writer then says "we": the writer's own company telling its story in the third person ("Pinecrest
    Apparel (HK) Limited shipped four containers …")."""
    if text[body_start(text) : start].strip() or not _NAME_THEN_VERB_RE.match(text, end):
        return False
    sentence_end = _sentence_end(text, end)
    sentence = text[end:sentence_end]
    if _FIRST_PERSON_RE.search(sentence) or _WRONG_RE.search(sentence) or _OWED_US_RE.search(sentence):
        return False
    # The story names the party it deals with: "… has held 35% of Shwe Yadanar Transport Co., Ltd.", and the lines
    # after it tell no wrong ("… The invoice remains unpaid" tells of the opening party's debt).
    following = text[sentence_end : sentence_end + _STORY_REACH]
    if _WE_ARE_RE.search(text, sentence_end):
        return False  # "… We are the other shareholder": the writer introduces itself apart from the opening company
    return (bool(_LEGAL_FORM_RE.search(sentence)) and not _THEY_NEXT_RE.match(text, sentence_end)
            and not _WRONG_RE.search(following) and not _OWED_US_RE.search(following)
            and not _OTHER_HOLDER_RE.search(following)
            and bool(_WE_RE.search(text, sentence_end)))


def against_all(text: str) -> bool:
    """Whether the text asks to act against every party it names ("sue both", 起诉两家, kiện cả hai)."""
    return bool(_AGAINST_ALL_RE.search(text))
