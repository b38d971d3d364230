"""Which of the places a request names it is about: the ones the client lists, puts in the title, asks about or
ties to the law of the matter, less those it hands to others."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..vocabulary import normalise
from .cues import _LATIN_WORD_RE, _ORG_ZH, _SEAT_NOUNS
from .disputes import arbitral_seats
from .results import TermResolution
from .seat import ASIDE_ROLES, without_codes

if TYPE_CHECKING:
    from .prose import ProseReading

# A title says what the request is about more plainly than the body around it.
TITLE_FACTOR = 1.5


def asked_places(found: TermResolution, weighted: list[tuple[ProseReading, float]], listed,
                  title: str = "") -> TermResolution:
    """The places the request is about when it names several: those the client listed, put in the title or
    named where it asks (or tied to the law of the matter); the places it only mentions elsewhere go. With
    none of them asked about, every place stays."""
    # "We need Malaysian counsel for the security documents": where the client wants its lawyer outweighs a place
    # the title names.
    counsel = {code for reading, _factor in weighted for code in reading.counsel_jurisdictions} & set(found.codes)
    asked = set(listed) | counsel
    # "澳門公司去海防設廠" over "本公司係澳門註冊嘅貿易公司": a title may name the client by its seat.
    homes = {normalise(source) for reading, factor in weighted if factor != TITLE_FACTOR
             for _code, source in reading.home_jurisdictions}
    home_codes = {code for reading, factor in weighted if factor != TITLE_FACTOR
                  for code, _source in reading.home_jurisdictions}
    body = [reading for reading, factor in weighted if factor != TITLE_FACTOR]
    for reading, factor in weighted:
        own: set[str] = set()
        if factor == TITLE_FACTOR:
            # The client's seat by another name of the same place (title 澳門, body 氹仔) counts too.
            own = ({code for code, source in reading.jurisdictions
                    if (normalise(source) in homes or code in home_codes) and _names_own_company(title, source)}
                   - {code for code, source in reading.jurisdictions
                      if normalise(source) not in homes and not _names_own_company(title, source)})
        asked |= reading.asked_jurisdictions - own
        if factor == TITLE_FACTOR and not counsel:
            # "收购马来西亚光伏项目公司及境外投资备案": a filing the title names asks about its place too, unless the
            # description asks about an arbitration's seat and names the title's place only as the project's or the
            # other side's ("Da Nang hotel project" with a SIAC claim seated in Singapore).
            told = set()
            if arbitral_seats(body):
                told = {code for r in body for role in ("jurisdictions", *ASIDE_ROLES) for code, _s in getattr(r, role)}
                told -= {code for r in body for code in r.asked_jurisdictions}
            asked |= {code for code, _source in reading.jurisdictions + reading.implied_jurisdictions} - own - told
    # "HK 公司注销我们的 company secretary 自己会办": a place whose part others take is not asked about.
    # "… deregister the old Hong Kong company. … HK 公司注销我们的 company secretary 自己会办": the later word stands.
    handed = {code for reading, _factor in weighted for code, at in reading.handed_over.items()
              if at > reading.last_asked.get(code, -1)}
    # The text's word outweighs the form's: "泰国那边…已经由当地律师在办" drops a Thailand the client also listed.
    asked -= handed - counsel
    if not asked & set(found.codes) or set(found.codes) <= asked:
        return found
    keep = [code for code in found.codes if code in asked]
    return TermResolution(codes=keep, sources={code: found.sources[code] for code in keep if code in found.sources})


def without_handed_over(found: TermResolution, readings: list[ProseReading]) -> TermResolution:
    """The places less those whose part the text last hands to others ("The HK PDPO side is already covered by our
    in-house team"), unless the client wants its lawyer there or nothing else would stay."""
    handed = {code for reading in readings for code, at in reading.handed_over.items()
              if at >= reading.last_asked.get(code, -1) and code not in reading.counsel_jurisdictions}
    rest = [code for code in found.codes if code not in handed]
    if not rest or len(rest) == len(found.codes):
        return found
    return TermResolution(codes=rest, sources={code: found.sources[code] for code in rest if code in found.sources})


def _names_own_company(title: str, place: str) -> bool:
    """Whether the title names the client's company by its place: "our company in …", or the place before a
    company noun (澳門公司去海防設廠, 东莞家具厂…)."""
    at = title.find(place)
    if at >= 0 and _OWN_COMPANY_BEFORE_RE.search(title[:at]):
        return True  # "บริษัทของเราในบางนา กรุงเทพฯ", "Our factory in Penang"
    if at < 0:
        return False
    latin = _LATIN_WORD_RE.match(title, at + len(place))
    if latin and latin.group(1).casefold() in _TITLE_SEAT_WORDS:
        return True  # "Brunei company setup for SG client", "Singapore fintech startup - remittance app"
    return any(noun in title[at + len(place) : at + len(place) + 6] for noun in _TITLE_COMPANY_NOUNS)


_OWN_COMPANY_BEFORE_RE = re.compile(
    r"(?:our\s+(?:company|co|firm|factory|plant|office|shop|restaurant|store)\s+(?:in|at)\s+"
    r"|(?:บริษัท|โรงงาน|ร้าน)(?:ของ)?เรา(?:ใน|ที่)\S*\s*|(?:我们|我們|我哋)(?:的|嘅)?(?:公司|工厂|工廠|廠|店)(?:在|喺)"
    r"|công\s+ty\s+(?:của\s+)?chúng\s+tôi\s+(?:ở|tại)\s+)$", re.IGNORECASE)


_TITLE_COMPANY_NOUNS = (*_ORG_ZH, "厂", "廠", "餐厅", "餐廳", "酒店", "商店")
_TITLE_SEAT_WORDS = frozenset(_SEAT_NOUNS) | {"client", "clients"}


def without_unasked_home(found: TermResolution, readings: list[tuple[ProseReading, float]],
                         both_sides: bool) -> TermResolution:
    """The places of the matter less the client's own seat when nothing asks for the seat (no ask names it, no lawyer
    is wanted there, no regulator of it is named, the title does not name it, the client does not ask for both
    sides) and one of the other places is asked for that way. A seat typed into the form goes too: clients type their
    own place there."""
    if len(found.codes) < 2 or both_sides:
        return found
    homes = {code for reading, _factor in readings for code, _source in reading.home_jurisdictions}
    wanted: set[str] = set()
    for reading, factor in readings:
        wanted |= reading.asked_jurisdictions | reading.counsel_jurisdictions
        wanted |= {code for code, _source in reading.implied_jurisdictions}
        if factor == TITLE_FACTOR:
            wanted |= {code for code, _source in reading.jurisdictions}
    dropped = [code for code in found.codes if code in homes and code not in wanted]
    if not dropped or not wanted & (set(found.codes) - set(dropped)):
        return found
    return without_codes(found, dropped)
