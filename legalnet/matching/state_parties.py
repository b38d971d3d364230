"""State parties named in a request: state enterprises by their names in every script ("sells its power to EDL",
การไฟฟ้าฝ่ายผลิตแห่งประเทศไทย), governments that sign or are claimed against ("the Government of Lao PDR grants the
concession", 老挝人民民主共和国政府), and names set off after a party noun ("Its president, Rodolfo M. Santiago").

Plain Python: no Flask, no database. The enterprises are data (``data/state_enterprises.csv``), the words
``data/parties.json``.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from .party_words import PARTY_WORDS as _DATA
from .party_words import Party, alternatives
from .people import HONORIFIC_WORDS, NOT_PERSON

with (Path(__file__).parent / "data" / "state_enterprises.csv").open(encoding="utf-8", newline="") as _file:
    STATE_ENTERPRISES = [row["name"] for row in csv.DictReader(_file)]
# State enterprises are contract parties (an offtaker, a concession grantor); acronyms match as written.
# A name in Latin letters stands as a word; one in a script written without spaces runs into its sentence.
_STATE_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in sorted(STATE_ENTERPRISES, key=len, reverse=True)
                               if n[:1].isascii() or n[:1] in "ÉĐ") + r")(?![\w-])"
    + "|" + "|".join(re.escape(n) for n in sorted(STATE_ENTERPRISES, key=len, reverse=True)
                     if not (n[:1].isascii() or n[:1] in "ÉĐ") and not n[:1].isupper())
)
_GOVERNMENT_RE = re.compile(
    r"\b(Government\s+of\s+(?:the\s+)?[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|PDR))*"
    # "the Savannakhet Provincial Government"
    r"|(?:[A-Z][\w'’\-]*\s+){1,3}(?:Provincial|State|Municipal|City|Regional|Central)\s+Government)"
    # 老挝人民民主共和国政府, 万象市政府; รัฐบาลแห่ง สปป.ลาว; ລັດຖະບານ ສປປ ລາວ
    r"|(?<=[与和同向跟及、，,\s])((?![与和同向跟及当地中各有相镇县市省区])[\u4e00-\u9fff]{2,12}政府)"
    r"|(รัฐบาล(?:แห่ง)?\s?(?:สปป\.?\s?ลาว|[\u0e01-\u0e4e]{2,12}(?=\s|$)))"
    r"|(ລັດຖະບານ\s?(?:ແຫ່ງ\s?)?ສປປ\s?ລາວ)"
)
# A government is a party when it signs or is claimed against, not when it regulates.
_CONTRACT_WORDS_RE = re.compile(r"\b(?:" + alternatives(_DATA["government_party_words"]) + r")\b", re.IGNORECASE)
_GOVERNMENT_WORD_RE = re.compile(r"\bGovernment\b|政府|รัฐบาล|ລັດຖະບານ")
_CONTRACT_WORDS_LOCAL_RE = re.compile(alternatives(_DATA["government_party_words_local"]))
_APPOSITIVE_RE = re.compile(
    r"\b(?i:" + alternatives(_DATA["appositive_roles"]) + r")"
    r"(?:\s+(?:in|from|at)\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)?)?"
    # A middle initial stays in the name: "Its president, Rodolfo M. Santiago, …".
    # A name does not run on to the next line ("Respondent: Orion Foods Sdn Bhd\nClaim: …").
    r"\s*[,:]\s+((?:[A-Z][\w'’\-]*|&)(?:[ \t]+(?:[A-Z]\.(?=[ \t]+[A-Z])|[A-Z][\w'’\-]*|&|of)){1,5})"
    r"(?=\s*[,.;:)]|\s+[a-z]|\s*$)"
)


def is_government(name: str) -> bool:
    """Whether a party is a government ("Government of Lao PDR", 柬埔寨政府): it still names its place."""
    return bool(_GOVERNMENT_WORD_RE.search(name))


def state_parties(text: str) -> list[Party]:
    """State enterprises named as parties ("sells its power to EDL"), governments that sign or are claimed
    against ("the Government of Lao PDR grants the concession"), and names set off after a party noun."""
    found = [Party(m.group(), m.start(), m.end()) for m in _STATE_RE.finditer(text)]
    for m in _GOVERNMENT_RE.finditer(text) if _GOVERNMENT_WORD_RE.search(text) else ():
        start = max(text.rfind(".", 0, m.start()), 0)
        end = text.find(".", m.end())
        if _CONTRACT_WORDS_RE.search(text[start : end if end >= 0 else len(text)]) or _CONTRACT_WORDS_LOCAL_RE.search(
                text, max(0, m.start() - 60), m.end() + 60):
            group = next(g for g in range(1, 5) if m.group(g))
            found.append(Party(m.group(group), m.start(group), m.end(group)))
    for m in _APPOSITIVE_RE.finditer(text):
        if re.search(r"\b(?:our|my)\s+$", text[max(0, m.start() - 6) : m.start()], re.IGNORECASE):
            continue  # "Our chairman, Lee Kok Wah, wants us to sue": the client's own people
        words = m.group(1).split()
        while words and words[-1] in ("of", "and", "&"):
            words.pop()
        lead = 0
        while lead < len(words) - 2 and words[lead].casefold().rstrip(".") in HONORIFIC_WORDS:
            lead += 1  # "the landlord, Madam Goh Siew Hoon": the honorific is no part of the name
        start = m.start(1) + len(" ".join(words[:lead] + [""])) if lead else m.start(1)
        words = words[lead:]
        if len(words) >= 2 and not NOT_PERSON & set(words[-1:]):
            name = " ".join(words)
            found.append(Party(name, start, start + len(name)))
    return found
