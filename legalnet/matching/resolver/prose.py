"""Read a whole request: list fields first, then the title and description, and the parties named."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..conflicts import normalise_entity
from ..given_parties import merge_parties
from ..parties import INSTITUTION_ENDINGS, Party, party_spans
from ..party_forms import form_jurisdictions
from ..state_parties import is_government
from ..termbase import term_info
from ..vocabulary import KINDS, Vocabulary, normalise
from .asides import side_note_spans, told_history_spans
from .asked import TITLE_FACTOR, asked_places, without_handed_over, without_unasked_home
from .background import (
    _CONTRAST_RE,
    _sentence_span,
    asks,
    in_ask,
    in_client_history,
    in_spans,
    is_done_or_handed_over,
    is_handed_over,
    is_later_place,
    is_set_aside,
    names_clause,
    sentence_at,
    without_set_aside,
)
from .centrality import MOST_CENTRAL, rank_areas
from .counsel import counsel_there
from .cues import _CUES, _LOWERCASE_ABBREVIATIONS
from .disputes import (
    LITIGATION,
    adjudication_over_arbitration,
    is_target_finding,
    labour_over_arbitration,
    names_arbitral_institution,
    with_dispute_areas,
    without_denied_forums,
    without_prosecutions,
    without_settled_disputes,
    without_target_findings,
)
from .entry import with_foreign_investment
from .hints import minor_places, written_in
from .index import _Hit, _Index, _index
from .institution_places import beside_other_place, names_other_place, place_spans
from .judgments import is_judgment_origin
from .languages import _language_groups
from .lawyers import names_counsel_place
from .place_lists import listed_together
from .place_selection import selected_places
from .results import RequestResolution, TermResolution
from .roles import _descriptor_spans, _is_client_industry, asks_for_lawyer, place_roles
from .scan import _scan, _tokens, capitalises_names
from .seat import (
    asks_for_here,
    with_located_minor_places,
    without_nationality,
    without_own_seat,
    without_unnamed,
)
from .selection import selected_areas
from .senses import (
    acronym_areas,
    in_other_sense,
    is_institution,
    listed_acronym_areas,
    region_codes,
    vietnamese_reading,
)
from .standing import is_held_standing
from .terms import _exact, _language_codes, resolve_terms


@dataclass
class ProseReading:
    """Terms found in prose, split by role."""

    jurisdictions: list[tuple[str, str]] = field(default_factory=list)
    home_jurisdictions: list[tuple[str, str]] = field(default_factory=list)
    # Places named as background: another party's home, an origin, a nationality; and plans for later.
    background_jurisdictions: list[tuple[str, str]] = field(default_factory=list)
    later_jurisdictions: list[tuple[str, str]] = field(default_factory=list)
    # Where the client's parent or group sits ("a subsidiary of a Hong Kong group"): weaker than its own seat.
    group_jurisdictions: list[tuple[str, str]] = field(default_factory=list)
    # Places of the client's own operations and history ("We have run plants in Thailand since 2010").
    history_jurisdictions: list[tuple[str, str]] = field(default_factory=list)
    # People's nationality ("Myanmar nationals", 越南籍工人): weaker evidence than the client's own seat.
    people_jurisdictions: list[tuple[str, str]] = field(default_factory=list)
    # Places of the matter named in a sentence that asks for something.
    asked_jurisdictions: set[str] = field(default_factory=set)
    # Whether the text asks for something "here", where the client is: its home is then a place of the matter.
    asks_here: bool = False
    # Places whose part of the matter the text hands to others ("the HK side our company secretary handles"), and
    # where each place is last asked about: the later of the two decides.
    handed_over: dict[str, int] = field(default_factory=dict)
    last_asked: dict[str, int] = field(default_factory=dict)
    # Places named as where the client wants its lawyer ("Singapore counsel", 越南律师).
    counsel_jurisdictions: set[str] = field(default_factory=set)
    # Where in the text each place of the matter is first and last named, as a share of the text's length.
    place_first: dict[str, float] = field(default_factory=dict)
    place_last: dict[str, float] = field(default_factory=dict)
    # Places of the matter named in one list with another ("in Malaysia and also in Thailand").
    listed_together: set[str] = field(default_factory=set)
    practice_areas: list[tuple[str, str]] = field(default_factory=list)
    languages: list[tuple[str, str]] = field(default_factory=list)
    # A language alias shared by several languages ("Bahasa"), decided later by the jurisdictions.
    ambiguous_languages: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    # How central each practice area is: the term-base weights of the distinct terms that name it.
    area_weights: dict[str, dict[str, int]] = field(default_factory=dict)
    # Areas named only in passing: in a step put off to a later day, or in side notes.
    mentioned_areas: dict[str, None] = field(default_factory=dict)
    # How many times the prose names a term of each area.
    area_mentions: dict[str, int] = field(default_factory=dict)
    # Where in the text each area is first and last named, as a share of the text's length.
    area_first: dict[str, float] = field(default_factory=dict)
    area_last: dict[str, float] = field(default_factory=dict)
    # How many times each area is named in a sentence that asks for something.
    area_asked_mentions: dict[str, int] = field(default_factory=dict)
    # Areas the client names as the kind of lawyer it wants ("a tax lawyer", 刑事律师, luật sư thuế).
    asked_areas: list[str] = field(default_factory=list)
    # Jurisdictions implied by a regulator, statute, court or licence ("MAS", "PKPU"), with the term.
    implied_jurisdictions: list[tuple[str, str]] = field(default_factory=list)
    # A statute or regulator of one place named by its acronym ("PIPL", "MAS") puts that place's law in play;
    # an arbitral institution only suggests the seat, so it counts when no place is named or when the client
    # asks about it.
    governing_jurisdictions: list[tuple[str, str]] = field(default_factory=list)
    # The initials of the legal terms the text names in several words ("single family office": SFO).
    term_initials: set[str] = field(default_factory=set)

    @property
    def asked_in_sentence(self) -> set[str]:
        """Areas a term of which stands in a sentence that asks for something."""
        return set(self.area_asked_mentions)

    def without_acronyms(self, acronyms: set[str]) -> None:
        """Forget what acronyms read from this text said when they abbreviate terms named elsewhere (a title's
        "SFO" for the description's "single family office")."""
        def keep(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
            return [(code, source) for code, source in pairs if source not in acronyms]
        for name in ("jurisdictions", "implied_jurisdictions", "governing_jurisdictions", "practice_areas"):
            setattr(self, name, keep(getattr(self, name)))
        for terms in self.area_weights.values():
            for acronym in acronyms:
                terms.pop(acronym.casefold(), None)
        self.area_weights = {code: terms for code, terms in self.area_weights.items() if terms}


def read_prose(text: str, vocab: Vocabulary | None = None, parties: list[Party] | None = None,
               own_names: list[Party] | None = None) -> ProseReading:
    """Read the jurisdictions, practice areas and working languages a free-text description asks for;
    ``parties`` (and ``own_names``, the client's own) are the text's parties when the caller has found them."""
    idx = _index(vocab)
    reading = ProseReading()
    if not text or not text.strip():
        return reading
    if parties is None:
        own_names = []
        parties = _parties_in(text, idx, own_names)
    reading.asks_here = asks_for_here(text)
    # A place inside a party's name ("Hai Long Shipping JSC", "Shenzhen Huaxing … Co., Ltd.") is part of
    # the name, not a place of the matter.
    # "the Government of Lao PDR", 柬埔寨政府 is a party and still names the place.
    # A hospital's registered name opens with its city (深圳市人民医院): where the treatment was.
    names = [(p.start, p.end) for p in parties
             if not is_government(p.name) and not p.name.endswith(INSTITUTION_ENDINGS)]
    hits = [h for h in _scan(text, idx, fuzzy=True) if not any(a <= h.start and h.end <= b for a, b in names)]
    # "Brunei Shell Petroleum (BSP)": the short name a party is given stands for that party, not a regulator.
    short_names = {m.group(1) for p in parties if (m := _SHORT_NAME_RE.match(text, p.end))}
    hits = [h for h in hits if h.text not in short_names or "jurisdictions" in h.senses]
    # A place in the client's own name ("บริษัท สวนทุเรียนจันทบุรี จำกัด") tells where the client is.
    own_spans = [(p.start, p.end) for p in own_names or ()]
    # "Tri-Sea Haulage Pte. Ltd. (Singapore)": a place in brackets after the client's own name is its seat.
    inside_own = [h for h in hits if any(a <= h.start and h.end <= b or (b <= h.start and _PARTY_SEAT_RE.match(
        text[b : h.start])) for a, b in own_spans)]
    for h in inside_own:
        reading.home_jurisdictions.extend((code, h.text) for code in sorted(h.senses.get("jurisdictions", ())))
    hits = [h for h in hits if h not in inside_own]
    # "Borneo Timber Resources Sdn Bhd (Sarawak)": a place in brackets after a party is that party's seat.
    # "Macau's Grand Lotus Investment Ltd": a place owning a party's name is that party's seat too.
    seats = {id(h) for h in hits if any(_PARTY_SEAT_RE.match(text[b : h.start]) for _a, b in names)
             or any(_POSSESSIVE_SEAT_RE.match(h.text[-2:] + text[h.end : a]) for a, _b in names if a >= h.end)}
    acronyms: dict[str, int] = {}
    for h in hits:
        if "practice_areas" in h.senses and " " in h.text.strip():
            acronyms.setdefault(_acronym_of(h.text), h.start)
    reading.term_initials = set(acronyms)
    hits = without_settled_disputes(without_denied_forums(
        _without_lowercase_places(_without_term_initials(hits, acronyms)), text), text)
    if not hits:
        return reading
    words, _runs = _tokens(text)
    spans = _descriptor_spans(text)
    language_status = _language_groups(hits, words, text, idx)
    readings = {id(hit): vietnamese_reading(hit, idx) for hit in hits}
    places = [h for h in hits if "jurisdictions" in readings[id(h)]]
    roles = place_roles(places, words, text, spans, seats)
    # A forwarded thread whose own message names a place of the matter: the history below only tells the story.
    history = told_history_spans(places, text, roles)
    targets = {"later": reading.later_jurisdictions, "home": reading.home_jurisdictions,
               "background": reading.background_jurisdictions, "history": reading.history_jurisdictions,
               "matter": reading.jurisdictions, "people": reading.people_jurisdictions,
               "group": reading.group_jurisdictions, "inside": []}
    places_named = place_spans(hits, readings)
    # The areas the text names by terms of one area only: they decide what a shared acronym stands for.
    supported = {code for hit in hits if len(areas := hit.senses.get("practice_areas", ())) == 1 for code in areas}
    # Which terms support each area: "SPA" beside a condo is the sale of the flat, beside a share sale the shares'.
    support: dict[str, set[str]] = {}
    for hit in hits:
        if len(areas := hit.senses.get("practice_areas", ())) == 1:
            support.setdefault(next(iter(areas)), set()).add(normalise(hit.text))
    named = {code for hit in hits for code in readings[id(hit)].get("jurisdictions", ())}
    # Side notes hold only what is mentioned when the rest of the text names the matter's areas itself.
    notes = list(side_note_spans(text))
    if not any("practice_areas" in h.senses and not in_spans(h.start, notes) for h in hits):
        notes = []
    # The client's own seat does not say which part of a region is meant (我哋係元朗一間餅店，想喺大灣區開分店).
    single = {code for hit in hits if len(places := readings[id(hit)].get("jurisdictions", ())) == 1
              and roles.get(id(hit)) != "home" for code in places}
    matter_spans: list[tuple[int, int, str]] = []
    for hit in hits:
        senses = readings[id(hit)]
        if "languages" in senses:
            if language_status.get(id(hit)) == "cue":
                if len(senses["languages"]) > 1:
                    reading.ambiguous_languages.append((hit.text, senses["languages"]))
                else:
                    for code in sorted(senses["languages"]):
                        reading.languages.append((code, hit.text))
                continue
            if len(senses) == 1 or (language_status.get(id(hit)) in ("unspoken", "not")
                                    and _SPEAK_BEFORE_RE.search(text, max(0, hit.start - 12), hit.start)):
                continue  # ดิฉันพูดจีนไม่ได้: a language someone does not speak, not the place
        # "… is being handled by our in-house DPO": that clause's places and terms are not asked for.
        handed_over = is_handed_over(hit, text)
        done = handed_over or is_done_or_handed_over(hit, text)
        if "jurisdictions" in senses:
            for code in sorted(region_codes(senses["jurisdictions"], single)):
                targets[roles[id(hit)]].append((code, hit.text))
                if handed_over:
                    reading.handed_over[code] = hit.start
                if roles[id(hit)] == "matter":
                    reading.place_first.setdefault(code, hit.start / len(text))
                    reading.place_last[code] = hit.start / len(text)
                    matter_spans.append((hit.start, hit.end, code))
                if roles[id(hit)] == "matter" and in_ask(hit, text):
                    reading.asked_jurisdictions.add(code)
                    reading.last_asked[code] = hit.start
                if roles[id(hit)] == "matter" and names_counsel_place(hit, words, text):
                    reading.counsel_jurisdictions.add(code)
        if "practice_areas" in senses and _only_mentioned(hit, text, notes):
            # "a Catalist listing maybe in 2027, but that one is far away": named, not asked for now.
            reading.mentioned_areas.update(dict.fromkeys(sorted(senses["practice_areas"])))
        elif "practice_areas" in senses and (normalise(hit.text) in _SECTOR_WORK or not _is_client_industry(
                hit, words, text, spans)) and not is_set_aside(
                hit, text) and not handed_over and not (done and not asks(sentence_at(text, hit.start))):
            key = normalise(hit.text)
            asking = asks(sentence_at(text, hit.start))
            for code in sorted(acronym_areas(hit, senses["practice_areas"], supported, named)):
                if code in _OWNED_AREAS and _owned(text, hit):
                    continue  # "our WFOE", 我们有个WFOE: the client's vehicle, not the work asked for
                row = term_info(key, code)
                # "the Employer" beside a construction contract is the project's owner: no area, though a
                # regulator read in its other sense (a central bank beside an e-money licence) still names its place.
                other_sense = in_other_sense(key, code, supported, support, text)
                if not other_sense:
                    reading.practice_areas.append((code, hit.text))
                    terms = reading.area_weights.setdefault(code, {})
                    terms[key] = max(terms.get(key, 0), row.weight if row else 2)
                    reading.area_mentions[code] = reading.area_mentions.get(code, 0) + 1
                    reading.area_first.setdefault(code, hit.start / len(text))
                    reading.area_last[code] = hit.start / len(text)
                    if asking:
                        reading.area_asked_mentions[code] = reading.area_asked_mentions.get(code, 0) + 1
                place = row.place(named) if row else ""
                if place and names_other_place(hit, text, place, places_named):
                    place = ""  # "Tòa án nhân dân trung cấp Quảng Châu", ထိုင်းတရားရုံး: the court of the place named
                if place and is_later_place(hit, text):
                    # "We will apply to MAS next year": a place put off, like a country named for later.
                    reading.later_jurisdictions.append((place, hit.text))
                elif place and done:
                    # "在新加坡申请 MAS licence 的计划已经 shelve 了": a regulator of a step done or dropped.
                    reading.background_jurisdictions.append((place, hit.text))
                elif place and in_spans(hit.start, history):
                    reading.background_jurisdictions.append((place, hit.text))  # a regulator the thread below names
                elif place and (in_spans(hit.start, spans) or is_held_standing(hit, text, row)):
                    # 我们是港股listed company, "already have our MSO licence": the client's standing, like its seat.
                    reading.home_jurisdictions.append((place, hit.text))
                elif place:
                    reading.implied_jurisdictions.append((place, hit.text))
                    # "We are listed on the HKEX.": the client's standing, not the law of the matter. An arbitral
                    # institution's clause counts where the client asks about it ("and to check the SIAC clause"),
                    # unless it is where an award was already won. A regulator, statute or court named where the
                    # client asks for something (网信办, Bộ Công Thương) puts its place in play too.
                    asked_forum = (code == "arbitration" and in_ask(hit, text) and names_clause(hit, text)
                                   and not is_judgment_origin(hit, text))
                    if not in_client_history(hit, text) and (
                            (row.scope == "caps" and code != "arbitration") or asked_forum
                            or (code != "arbitration" and is_institution(row) and in_ask(hit, text)
                                and (row.scope == "caps" or code not in _COURT_AREAS
                                     or not beside_other_place(hit, text, place, places_named)))):
                        reading.governing_jurisdictions.append((place, hit.text))
                if not other_sense and asks_for_lawyer(hit, words, text) and code not in reading.asked_areas:
                    reading.asked_areas.append(code)
    reading.counsel_jurisdictions |= counsel_there(text, reading)
    reading.listed_together = listed_together(matter_spans, text)
    return reading


def _acronym_of(phrase: str) -> str:
    """The capital initials of a phrase's words: "single family office" gives SFO."""
    return "".join(word[0] for word in re.findall(r"[^\W\d_]+", phrase)).upper()


_PLACES = frozenset({"jurisdictions"})
# A verb of speaking right before a name that is a language and a place: พูดจีน, 講泰文, "speak Thai".
_SPEAK_BEFORE_RE = re.compile(
    r"(?:พูด|ฟัง|อ่าน|讲|講|说|說|識|speak|speaks|nói|noi|cakap|bercakap|berbahasa|tiếng|tieng|ภาษา|ພາສາ|ភាសា)"
    r"(?:\S{1,10}[-、/])?\s*$", re.IGNORECASE)


def _without_lowercase_places(hits: list) -> list:
    """The hits less a place name written in lowercase by a writer who capitalises the places it names: "may
    bago silang kinuha" (Tagalog "new") is not Bago in Myanmar."""
    if not capitalises_names(hits, _PLACES):
        return hits
    return [h for h in hits
            if not ("jurisdictions" in h.senses and len(h.senses) == 1 and h.text.isascii() and h.text.isalpha()
                    and h.text.islower() and len(h.text) >= 4 and h.text not in _LOWERCASE_ABBREVIATIONS)]


def _without_term_initials(hits: list, acronyms: dict[str, int]) -> list:
    """The hits less an acronym written as the initials of a legal term named before it (``acronyms``: each
    term's initials and where the term starts): "via convertible note … review the CN terms" is the note, not
    China; "a single family office … the SFO" is the office, not Hong Kong's Securities and Futures Ordinance."""
    if not acronyms:
        return hits
    return [h for h in hits
            if not (h.text.isupper() and 2 <= len(h.text) <= 5 and acronyms.get(h.text, h.start) < h.start)]


# "Macau's Grand Lotus Ltd": the end of a place hit (or the two letters before a possessive) and the possessive.
_POSSESSIVE_SEAT_RE = re.compile(r"^(?:\w\w)?['’]s\s+$|^(?:..)?(?:嘅|的)\s*[「“\x22『]?\s*$")
_SHORT_NAME_RE = re.compile(r"\s*[(（]\s*(?:the\s+)?[\"“']?([A-Z][A-Za-z&]{1,7})[\"”']?\s*[)）]")
_PARTY_SEAT_RE = re.compile(
    r"^\s*[(（,，]\s*(?:(?:based|headquartered|located)\s+in\s+|of\s+|in\s+|trụ\s+sở\s+(?:ở|tại)\s+"
    r"|tru\s+so\s+(?:o|tai)\s+|(?:berpusat|beribu\s+pejabat|berkantor\s+pusat)\s+di\s+|(?:总部|總部)?(?:在|位于|位於))?$"
    r"|^\s+(?:of|from|ng|dari|của|cua|bên|ben)\s+(?:the\s+)?$", re.IGNORECASE)

_OWNED_BEFORE = tuple(_CUES["owned_before"])
_OWNED_AREAS = frozenset(_CUES["owned_areas"])
_OWNED_AFTER = tuple(_CUES["owned_after"])
# Terms ending in these name the client's counterpart, not its own vehicle: "our exclusive distributor".
_COUNTERPART_NOUNS = tuple(_CUES["counterpart_nouns"])


def _owned(text: str, hit) -> bool:
    """Whether the term names the client's own vehicle: right after "our", 我们的, 我们有个 …, or right
    before a possessive that follows its noun ("PT PMA kami", "công ty của chúng tôi")."""
    if _FOUNDING_RE.search(text, max(0, hit.start - 40), hit.start) or hit.text.casefold().rstrip("s").endswith(
            _COUNTERPART_NOUNS):
        return False  # "set up our regional headquarters": the vehicle to be founded; "our JV partner": another party
    before = text[max(0, hit.start - 8) : hit.start].rstrip().rstrip("(（").rstrip().casefold()
    if any(
        before.endswith(word) and (not word.isascii() or not before[: -len(word)][-1:].isalpha())
        for word in _OWNED_BEFORE
    ):
        return True
    after = text[hit.end : hit.end + 16].lstrip().casefold()
    return any(
        after.startswith(word) and (not word.isascii() or not after[len(word) : len(word) + 1].isalpha())
        for word in _OWNED_AFTER
    )


def _only_mentioned(hit: _Hit, text: str, notes: list[tuple[int, int]]) -> bool:
    """Whether an area term is named in a sentence that asks for nothing, and puts that step off as a mere
    possibility ("a Catalist listing maybe in 2027") or stands in side notes ("Some background first: …"). A plain
    "later" or 以后 is no such mark: in a story it means "after"."""
    start, end = _sentence_span(text, hit.start)
    sentence = text[start:end]
    if asks(sentence):
        return False
    # "IPO someday, maybe in 2028, but the urgent issue now is …": only the part of the sentence the term is in.
    offset = hit.start - start
    cuts = [m.end() for m in _CONTRAST_RE.finditer(sentence)]
    left = max((cut for cut in cuts if cut <= offset), default=0)
    right = min((cut for cut in cuts if cut > offset), default=len(sentence))
    return (is_target_finding(hit, sentence[left:offset]) or bool(_PUT_OFF_RE.search(sentence, left, right))
            or in_spans(hit.start, notes))


_PUT_OFF_RE = re.compile("|".join(_CUES["put_off_words"]), re.IGNORECASE)


_COURT_STEP_RE = re.compile("|".join(_CUES["court_step_words"]), re.IGNORECASE)
_FOUNDING_RE = re.compile(r"\b(?:set(?:ting)?\s+up|establish(?:ing)?|open(?:ing)?|incorporat(?:e|ing)|form(?:ing)?|"
                          r"creat(?:e|ing))\s+(?:our|my)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_BOTH_SIDES_RE = re.compile("|".join(_CUES["both_sides"]), re.IGNORECASE)
def _place_fallbacks(readings: list[ProseReading], texts, idx: _Index, parties, forms):
    """The weaker evidence of the matter's place, strongest first, each worked out only when the ones before
    found nothing (the list of minor places is long)."""
    implied, background = _readings_of(readings, "implied_jurisdictions", "background_jurisdictions")
    yield implied
    yield [pair for text, _f in texts for pair in minor_places(text, idx, parties[text], located=True)]
    # A place whose part is in other hands or out of scope ("… in Shenzhen, but that is not involved") is the
    # weakest evidence of the matter's place.
    handed_over = {code for reading in readings for code in reading.handed_over}
    yield [(code, source) for code, source in background if code not in handed_over]
    yield forms
    yield from _readings_of(readings, "history_jurisdictions", "home_jurisdictions", "group_jurisdictions",
                            "people_jurisdictions", "later_jurisdictions")
    yield background


# Courts and their procedures go by local names other places' courts share (Tòa án nhân dân, ศาลแพ่ง).
# The client's own line that is the matter's area all the same: oil-and-gas services are energy work.
_SECTOR_WORK = frozenset(normalise(term) for term in _CUES["sector_work_terms"])
_COURT_AREAS = frozenset({"litigation", "private-client", "insolvency", "criminal"})


def _readings_of(readings: list[ProseReading], *names: str) -> list[list[tuple[str, str]]]:
    """For each attribute named, the (code, source) pairs of every reading."""
    return [[pair for reading in readings for pair in getattr(reading, name)] for name in names]


def _is_term(norm: str, idx: _Index) -> bool:
    """Whether a normalised name is only a vocabulary term: a place, an area word, a regulator."""
    return any(_exact(kind, norm, idx) for kind in KINDS)


def _form_places(texts: list[tuple[str, float]], by_text: dict[str, list[Party]]) -> list[tuple[str, str]]:
    """(place, name) for each named company whose legal form names a place ("… Pte. Ltd."); a form two places use
    names the first, where it is far more common (Sdn Bhd: Malaysia)."""
    return [(places[0], p.name) for text, _f in texts for p in by_text[text] if (places := form_jurisdictions(p.name))]


def _parties_in(text: str, idx: _Index, own_out: list[Party] | None = None,
                beside_out: list[Party] | None = None) -> list[Party]:
    """The parties a text names, leaving out names that are only vocabulary terms (the client's own names go to
    ``own_out``, its providers' and neutrals' to ``beside_out``)."""
    return party_spans(text, lambda norm: _is_term(norm, idx), own_out, beside_out)


def _read_parties(out: RequestResolution, parties: list[Party], given, beside: list[Party]) -> None:
    found = list(dict.fromkeys(p.name for p in parties))
    # The title's "Belait Petroleum Services" is the description's "Belait Petroleum Services Sdn Bhd".
    found = [name for name in found if not any(
        other.startswith(name + " ") and normalise_entity(other) == normalise_entity(name) for other in found)]
    given = [c.strip() for c in given or () if isinstance(c, str) and c.strip()]
    out.given_counterparties, out.counterparties = merge_parties(given, found)
    screened = {normalise_entity(name) for name in out.screened_counterparties}
    out.set_aside_parties = list(dict.fromkeys(p.name for p in beside if normalise_entity(p.name) not in screened))


def resolve_request(
    title: str | None,
    description: str | None,
    jurisdictions: list[str] | tuple[str, ...] = (),
    practice_areas: list[str] | tuple[str, ...] = (),
    languages: list[str] | tuple[str, ...] = (),
    vocab: Vocabulary | None = None,
    counterparties: list[str] | tuple[str, ...] = (),
) -> RequestResolution:
    """Resolve a request: explicit list fields first, then the terms its title and description mention,
    and the parties it names."""
    out = RequestResolution()
    idx = _index(vocab)
    texts = [(text, factor) for text, factor in ((title, TITLE_FACTOR), (description, 1.0)) if text and text.strip()]
    # Parties are found once per text: they are screened, and places inside their names are not read.
    own: dict[str, list[Party]] = {text: [] for text, _factor in texts}
    beside: dict[str, list[Party]] = {text: [] for text, _factor in texts}
    parties = {text: _parties_in(text, idx, own[text], beside[text]) for text, _factor in texts}
    _read_parties(out, [p for text, _factor in texts for p in parties[text]], counterparties,
                  [p for text, _factor in texts for p in sorted(beside[text], key=lambda p: p.start)])
    # No place inside a name is read, be it the client's bank's or the arbitrator's ("our bank, Bangkok Bank").
    named = {text: sorted(parties[text] + beside[text], key=lambda p: p.start) for text, _factor in texts}
    weighted = [(read_prose(text, vocab, named[text], own[text]), factor) for text, factor in texts]
    readings = [reading for reading, _factor in weighted]
    if len(readings) == 2:
        readings[0].without_acronyms(readings[1].term_initials)
    with_located_minor_places(readings, texts, idx, named)
    lists = {
        "jurisdictions": without_unnamed(without_nationality(without_own_seat(
            resolve_terms("jurisdictions", list(jurisdictions or ()), vocab), readings), readings, texts, idx),
            readings, texts, idx, named, {place for place, _name in _form_places(texts, parties)}),
        "practice_areas": resolve_terms("practice_areas", list(practice_areas or ()), vocab),
        "languages": resolve_terms("languages", list(languages or ()), vocab),
    }
    for kind, res in lists.items():
        found = TermResolution(codes=list(res.codes), sources=dict(res.sources))
        for reading in readings:
            for code, source in getattr(reading, kind):
                found.add(code, source)
        if kind == "jurisdictions" and found.codes and any(reading.asks_here for reading in readings):
            # "We live in Singapore. Can we … challenge the insurer here?": the client's own place is asked about.
            for reading in readings:
                for code, source in reading.home_jurisdictions:
                    found.add(code, source)
                    reading.asked_jurisdictions.add(code)
        if kind == "practice_areas":
            main, also = rank_areas(listed_acronym_areas(res.codes, res.sources, set(out.jurisdictions)), weighted)
            ranked = set(main)
            # What the client weighed and set aside ("we also considered suing in Jakarta, but …") asks for nothing.
            asked_texts = [without_prosecutions(without_target_findings(without_set_aside(text)))
                           for text, _f in texts]
            chosen = list(res.codes) + [code for reading in readings for code in reading.asked_areas]
            # A debt or dispute word typed in the form ("追數", "sengketa") is the dispute the text's own forum takes,
            # not a choice of the courts; "injunction" or "sue" is.
            asked_litigation = any(LITIGATION in reading.asked_areas for reading in readings)
            court_typed = any(_COURT_STEP_RE.search(term) for term in practice_areas or ())
            forum_chosen = [code for code in chosen if code != LITIGATION or asked_litigation or court_typed]
            main, also = with_dispute_areas(main, also, asked_texts, forum_chosen, MOST_CENTRAL)
            main, also = labour_over_arbitration(main, also, asked_texts, names_arbitral_institution(readings))
            main, also = adjudication_over_arbitration(main, also, asked_texts, readings, chosen)
            homes = [code for reading in readings for code, _source in reading.home_jurisdictions]
            main, out.also_mentioned = with_foreign_investment(
                main, also, asked_texts, homes, out.jurisdictions, MOST_CENTRAL)
            main, out.also_mentioned = selected_areas(
                main, out.also_mentioned, weighted, [*chosen, *(set(main) ^ ranked)])
            found = TermResolution(codes=main, sources={c: found.sources[c] for c in main if c in found.sources})
        if kind == "jurisdictions" and len(found.codes) > 1 and not (len(found.codes) == 2 and any(
                _BOTH_SIDES_RE.search(text) for text, _f in texts)):
            # "需要两边的律师": with work asked for on both sides of two places, the one asked about less loudly
            # stays.
            found = asked_places(found, weighted, res.codes, title or "")
        if kind == "jurisdictions" and found.codes:
            for reading in readings:
                for code, source in reading.governing_jurisdictions:
                    found.add(code, source)
            found = without_handed_over(found, readings)
            if len(found.codes) == 1 and any(_BOTH_SIDES_RE.search(text) for text, _f in texts):
                # "Want to make sure compliant both sides": the second place is the one a regulator implies,
                # else the client's own.
                second = _readings_of(readings, "implied_jurisdictions", "home_jurisdictions")
                for code, source in second[0] + second[1]:
                    if code not in found.codes:
                        found.add(code, source)
                        break
        if kind == "jurisdictions" and not found.codes:
            # No place of the matter is named: a regulator, statute or court of one place names it; else a
            # small town or district where something is ("a resort on Koh Samui"); else another party's place,
            # named or told by its legal form ("… Pte. Ltd."); else where the client operates; else the client's
            # own seat; else a place planned for later.
            for fallback in _place_fallbacks(readings, texts, idx, named, _form_places(texts, parties)):
                for code, source in fallback:
                    found.add(code, source)
                if found.codes:
                    break
            # Still none: a district or small town named in the text; else the script it is written in.
            if not found.codes:
                for text, _factor in texts:
                    for code, source in minor_places(text, idx, named[text]):
                        found.add(code, source)
            if not found.codes:
                for code, source in written_in(" ".join(text for text, _factor in texts)):
                    found.add(code, source)
        if kind == "jurisdictions":
            found = selected_places(found, weighted, list(res.codes), description, {
                side: [place for place, _name in _form_places(texts, by_text)]
                for side, by_text in (("other", parties), ("own", own), ("beside", beside))})
            found = without_unasked_home(found, weighted, any(_BOTH_SIDES_RE.search(text) for text, _f in texts))
        unresolved = list(res.unresolved)
        suggestions = dict(res.suggestions)
        if kind == "languages":
            shared = list(res.ambiguous.items())
            shared += [item for reading in readings for item in reading.ambiguous_languages]
            for text, codes in shared:
                picked = _language_codes(idx, codes, out.jurisdictions)
                if picked:
                    for code in picked:
                        found.add(code, text)
                    if text in unresolved:
                        unresolved.remove(text)
                        suggestions.pop(text, None)
                elif text not in unresolved:
                    unresolved.append(text)
                    suggestions[text] = sorted(codes)
        setattr(out, kind, found.codes)
        out.sources[kind] = found.sources
        out.unresolved.extend(unresolved)
        out.suggestions.update(suggestions)
    homes: list[str] = []
    for reading in readings:
        for code, _source in reading.home_jurisdictions:
            if code not in homes:
                homes.append(code)
    out.home_jurisdictions = homes
    return out
