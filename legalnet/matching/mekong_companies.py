"""Companies named in the scripts of the Mekong: Thai (บริษัท … จำกัด, ห้างหุ้นส่วนจำกัด …), Khmer (ក្រុមហ៊ុន … ខូ អិលធីឌី)
and Lao (ບໍລິສັດ … ຈຳກັດ). The legal forms are data: ``khmer_company_forms`` and ``lao_company_forms`` in
``data/parties.json``."""

from __future__ import annotations

import re

from .party_words import PARTY_WORDS as _DATA
from .party_words import Party

_THAI_RE = re.compile(
    r"(?:บริษัท|ห้างหุ้นส่วนจำกัด|ธนาคาร)\s*(?:[^\n,，。()]|\([^()\n]{1,20}\)){1,60}?\s*(?<!ข้อ)จำกัด(?:\s*\(มหาชน\))?")
_THAI_OPENER_RE = re.compile(r"(?:^|\s)(บริษัท|ธนาคาร)")
# "ห้างหุ้นส่วนจำกัด ชลบุรีรุ่งเรืองก่อสร้าง", "หจก. สมบูรณ์การช่าง": the form opens the name, which runs to the next space.
_THAI_PARTNERSHIP_RE = re.compile(r"(?:ห้างหุ้นส่วนจำกัด|ห้างหุ้นส่วนสามัญ|หจก\.)\s+[\u0e01-\u0e4e0-9A-Za-z]{2,40}")
_KHMER_RE = re.compile(
    r"ក្រុមហ៊ុន\s*[^\n,។]{1,60}?\s*(?:" + "|".join(re.escape(f) for f in _DATA["khmer_company_forms"]) + ")")
_LAO_RE = re.compile(
    r"(?:ບໍລິສັດ|ທະນາຄານ)\s*[^\n,.]{1,60}?\s+(?<!ຂໍ້)(?:" + "|".join(re.escape(f) for f in _DATA["lao_company_forms"]) + ")")


def khmer_and_lao_companies(text: str) -> list[Party]:
    """Companies named in Khmer (ក្រុមហ៊ុន … ខូ អិលធីឌី) and in Lao (ບໍລິສັດ … ຈຳກັດ, ທະນາຄານ … ມະຫາຊົນ)."""
    found = [Party(m.group(), m.start(), m.end()) for m in _KHMER_RE.finditer(text)]
    for m in _LAO_RE.finditer(text):
        # "ບໍລິສັດຂອງຂ້ອຍ ກູ້ຢືມເງິນຈາກ ທະນາຄານ X ມະຫາຊົນ": the name opens at the last opener before its form.
        begin = m.start() + max(m.group().rfind("ບໍລິສັດ"), m.group().rfind("ທະນາຄານ"), 0)
        found.append(Party(text[begin : m.end()], begin, m.end()))
    return found


def thai_companies(text: str) -> list[Party]:
    """Companies named in Thai (บริษัท … จำกัด), and limited partnerships (ห้างหุ้นส่วนจำกัด …, หจก. …)."""
    found = []
    for m in _THAI_RE.finditer(text):
        # "ธนาคารหลักของเรา ธนาคารแม่โขงพัฒนา จำกัด (มหาชน)": the name opens at the last opener after a space.
        openers = [o.start(1) for o in _THAI_OPENER_RE.finditer(m.group())]
        begin = m.start() + max(openers, default=0)
        found.append(Party(text[begin : m.end()], begin, m.end()))
    found += [Party(m.group(), m.start(), m.end()) for m in _THAI_PARTNERSHIP_RE.finditer(text)]
    return found
