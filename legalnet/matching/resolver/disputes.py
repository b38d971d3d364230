"""Disputes: a request that names a dispute to be fought (a dispute, a suit, a claim to recover) is
litigation work as well as the work of its subject, unless the area it names has a forum of its own
(arbitration, labour disputes); a divorce or custody the spouses do not agree on is a suit too; and with an
area whose matters go before proceedings of their own central (arbitration, insolvency, criminal), a
court named in passing does not add litigation; a labour forum that calls itself arbitration is employment work.
A forum the parties did not agree on ("no arbitration clause") asks for no work.
The words are data: ``denied_forum_patterns``, ``dispute_patterns``, ``grievance_patterns``,
``civil_recovery_patterns``, ``family_suit_patterns``, ``consensual_patterns``, ``no_dispute_patterns``,
``settlement_patterns``, ``suit_patterns``, ``defended_suit_patterns``, ``dispute_forums``, ``own_forums``,
``labour_forums``, ``adjudication_acts``, ``target_words`` and ``prosecution_patterns`` in ``data/cues.json``.
A suit of the company a client is buying, told in the due diligence ("the target is a defendant in a pending
case"), is only mentioned; a prosecution (以诈骗起诉) is the state's case, no suit of the client's."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TypeVar

from ..termbase import term_info
from .asides import side_note_spans
from .background import _sentence_spans, asks, is_done_or_handed_over, is_later_place, sentence_at, tells_done
from .centrality import demoted, promoted
from .cues import _CUES, cue_regex
from .index import _Hit

LITIGATION = "litigation"
ARBITRATION = "arbitration"
_DISPUTE_RE = cue_regex(_CUES["dispute_patterns"])
# Clients tell a dispute in everyday words as often as in legal ones: "they still have not paid", 一直拖數.
_GRIEVANCE_RE = cue_regex(_CUES["grievance_patterns"])
# A victim's civil claim beside a prosecution: the money back, not the charge ("charged", 控告 are the state's).
_CIVIL_RECOVERY_RE = cue_regex(_CUES["civil_recovery_patterns"])
# A clause that only supposes the grievance: "if", 如果, nếu, jika, ถ้า, kung.
_CONDITIONAL_RE = cue_regex(_CUES["conditional_words"])
_CLAUSE_MARKS = (".", ",", ";", "!", "?", "\n", "。", "，", "；", "！", "？")
# A divorce or custody is a petition to a court unless the spouses apply together.
_FAMILY_SUIT_RE = re.compile("|".join(_CUES["family_suit_patterns"]), re.IGNORECASE)
_CONSENSUAL_RE = re.compile("|".join(_CUES["consensual_patterns"]), re.IGNORECASE)
_FORUMS = frozenset(_CUES["dispute_forums"])
_DENIED_FORUM_RE = cue_regex(_CUES["denied_forum_patterns"])
_OWN_FORUMS = frozenset(_CUES["own_forums"])
_TARGET_RE = re.compile("|".join(_CUES["target_words"]), re.IGNORECASE)
_PROSECUTION_RE = re.compile("|".join(_CUES["prosecution_patterns"]))
_SUIT_RE = cue_regex(_CUES["suit_patterns"])
_DEFENDED_SUIT_RE = cue_regex(_CUES["defended_suit_patterns"])
_AWARD_ENFORCEMENT_RE = re.compile("|".join(_CUES["award_enforcement_patterns"]), re.IGNORECASE)
_COURT_MEASURES_RE = re.compile("|".join(_CUES["court_measures"]), re.IGNORECASE)
HitT = TypeVar("HitT")
CRIMINAL = "criminal"


def without_denied_forums(hits: list[HitT], text: str) -> list[HitT]:
    """The term hits of the text less those inside a forum it says the parties did not agree on ("the contract
    has no arbitration clause")."""
    spans = [match.span() for match in _DENIED_FORUM_RE.finditer(text)]
    return [hit for hit in hits if not any(start <= hit.start and hit.end <= end for start, end in spans)]


def _tells_grievance(text: str) -> bool:
    """Whether the text tells a grievance that happened, not one its clause only supposes ("if the buyer does not
    pay, can we keep the goods?", 如果对方不付款)."""
    for found in _GRIEVANCE_RE.finditer(text):
        clause_start = max(text.rfind(mark, 0, found.start()) for mark in _CLAUSE_MARKS) + 1
        if not _CONDITIONAL_RE.search(text, clause_start, found.start()):
            return True
    return False


# "There is no dispute", "已经和解", the target's pending suits under due diligence: no fight of the client. A "but"
# turns the sentence: "the settlement was signed, but they have not paid" is a dispute again.
_NO_DISPUTE_RE = cue_regex(_CUES["no_dispute_patterns"])
_SETTLEMENT_RE = cue_regex(_CUES["settlement_patterns"])
# A full stop, "!" or "?" ends a sentence only before a space or the end: "Timber Supply Co., for …" and "8.6" go on.
_SENTENCE_RE = re.compile(r"(?:[^.!?。！？\n;；]|[.!?](?!\s|$))+")
_CONTRAST_RE = re.compile(r"\b(?:but|pero|tapi|tetapi|nhưng|nhung)\b|但是?|可是|แต่", re.IGNORECASE)


@lru_cache(maxsize=256)
def _settled_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text says the client has no dispute: the part of a sentence up to a "but" that turns it, and the
    part before a "but" that turns to the dispute's end ("we had a case, but it was settled in court")."""
    spans = []
    for sentence in _SENTENCE_RE.finditer(text):
        if (not _CONTRAST_RE.search(sentence.group()) and tells_done(sentence.group())
                and not _GRIEVANCE_RE.search(sentence.group())):
            spans.append(sentence.span())  # "we had a payment dispute, which we resolved ourselves"
            continue
        start = previous = sentence.start()
        for cut in [*(m.start() for m in _CONTRAST_RE.finditer(text, start, sentence.end())), sentence.end()]:
            if _NO_DISPUTE_RE.search(text, start, cut):
                turned_to_end = start > sentence.start() and _SETTLEMENT_RE.search(text, start, cut)
                spans.append((previous if turned_to_end else start, cut))
            previous, start = start, cut
    return tuple(spans)


def without_settled_disputes(hits: list[HitT], text: str) -> list[HitT]:
    """The term hits of the text less the words of proceedings where the text says the client has no dispute
    ("the target has two pending court cases", 已签和解协议): they name no proceedings to take on."""
    spans = _settled_spans(text)
    return [hit for hit in hits if not (set(hit.senses) == {"practice_areas"} and hit.senses["practice_areas"] <= {
        LITIGATION, ARBITRATION} and any(start <= hit.start and hit.end <= end for start, end in spans))]


def _without_settled(text: str) -> str:
    """The text less the parts that say the client has no dispute: none, one settled, or another's."""
    for start, end in _settled_spans(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def names_dispute(texts: list[str]) -> bool:
    """Whether any of the texts says the client is in a dispute to be fought: a dispute or claim, a grievance told
    in everyday words, or a divorce or custody the spouses do not agree on."""
    texts = [_without_settled(text) for text in texts]
    if any(_names_live_dispute(text) or _tells_grievance(text) for text in texts):
        return True
    return any(_FAMILY_SUIT_RE.search(text) for text in texts) and not any(
        _CONSENSUAL_RE.search(text) for text in texts)


def _said_for_now(text: str, *regexes: re.Pattern) -> bool:
    """Whether any of the patterns matches the text in words that do not put it off to a later day ("a claim
    against the vendor can wait until later", 日後如取得裁決…)."""
    return any(not is_later_place(_Hit(m.start(), m.end(), m.group(), {}), text)
               for regex in regexes for m in regex.finditer(text))


def _names_live_dispute(text: str) -> bool:
    """Whether the text names a dispute or claim that is not put off ("a claim against the vendor can wait until
    later" is no fight now), told as done ("a trademark dispute … was settled last year", 合同纠纷，已经 settled)
    or in side notes ("Some background first: …")."""
    notes = side_note_spans(text)
    for m in _DISPUTE_RE.finditer(text):
        hit = _Hit(m.start(), m.end(), m.group(), {})
        if any(start <= m.start() < end for start, end in notes) or is_later_place(hit, text):
            continue
        if is_done_or_handed_over(hit, text) or tells_done(sentence_at(text, m.start())):
            continue
        return True
    return False


def with_litigation(main: list[str], also: list[str], texts: list[str], most: int) -> tuple[list[str], list[str]]:
    """(main, also mentioned) with litigation among the main areas when the texts name a dispute that no
    area with a forum of its own takes, and there is room for it (at most `most` main areas)."""
    if LITIGATION in main or _FORUMS & set(main) or len(main) >= most or not names_dispute(texts):
        return main, also
    return promoted(main, also, LITIGATION)


def names_suit(texts: list[str]) -> bool:
    """Whether any of the texts says the client means to sue (to bring an action in court itself), to have an
    arbitral award recognised and enforced by a court, or to ask a court for interim measures."""
    return any(_SUIT_RE.search(text) or _asks_court_support(text) for text in texts)


def _asks_court_support(text: str) -> bool:
    """Whether the text asks a court to enforce an award or to grant interim measures (an injunction, 财产保全), not
    as a step for a later day ("日後如取得裁決，可能需要到泰國聲請承認執行")."""
    return _said_for_now(text, _AWARD_ENFORCEMENT_RE, _COURT_MEASURES_RE)


def with_award_enforcement(main: list[str], also: list[str], texts: list[str],
                           most: int) -> tuple[list[str], list[str]]:
    """(main, also mentioned) with litigation beside a central arbitration when the client asks a court to
    recognise or enforce the award or to grant interim measures, and there is room for it."""
    if (ARBITRATION not in main or LITIGATION in main or len(main) >= most
            or not any(_asks_court_support(text) for text in texts)):
        return main, also
    return promoted(main, also, LITIGATION)


def forum_over_litigation(main: list[str], also: list[str], chosen: list[str],
                          texts: list[str]) -> tuple[list[str], list[str]]:
    """(main, also mentioned) with litigation only mentioned when an area with proceedings of its own
    (arbitration, insolvency, criminal) is central, unless the client chose litigation itself or says it
    means to sue ("sue them or petition to wind them up")."""
    if (LITIGATION not in main or LITIGATION in chosen or not _OWN_FORUMS & set(main) or names_suit(texts)
            or _civil_beside_criminal(main, texts)):
        return main, also
    return demoted(main, also, LITIGATION)


def with_suit(main: list[str], also: list[str], texts: list[str], most: int) -> tuple[list[str], list[str]]:
    """(main, also mentioned) with a mentioned litigation among the main areas when the client means to sue
    ("sue them or petition to wind them up", 另行起诉 the guarantor) or defends a suit brought against it in a court
    (a stay beside an arbitration), and there is room for it. A criminal case brought against the client is the
    criminal court's."""
    if LITIGATION in main or LITIGATION not in also or len(main) >= most:
        return main, also
    defended = CRIMINAL not in main and any(_DEFENDED_SUIT_RE.search(text) for text in texts)
    if not (defended or names_suit(texts)):
        return main, also
    return promoted(main, also, LITIGATION)


def _civil_beside_criminal(main: list[str], texts: list[str]) -> bool:
    """Whether a criminal matter is central and the client also wants its money back: the victim of a fraud goes
    to the police and to a civil court."""
    return _OWN_FORUMS & set(main) == {CRIMINAL} and any(
        _CIVIL_RECOVERY_RE.search(text) or _tells_grievance(text) or _SUIT_RE.search(text) for text in texts)


def with_civil_recovery(main: list[str], also: list[str], texts: list[str], most: int) -> tuple[list[str], list[str]]:
    """(main, also mentioned) with a mentioned litigation among the main areas beside a central criminal matter
    when the client wants its money back, and there is room for it."""
    if LITIGATION in main or LITIGATION not in also or len(main) >= most or not _civil_beside_criminal(main, texts):
        return main, also
    return promoted(main, also, LITIGATION)


def with_dispute_areas(main: list[str], also: list[str], texts: list[str], chosen: list[str],
                       most: int) -> tuple[list[str], list[str]]:
    """(main, also mentioned) after the intake conventions on disputes: litigation for a dispute no forum of its
    own takes, beside an award taken to court, a suit the client means to bring or defends, or a fraud whose
    victim wants the money back; and only mentioned beside a forum of its own otherwise (``chosen``: the areas
    the client listed or asked a lawyer for)."""
    main, also = with_litigation(main, also, texts, most)
    main, also = with_award_enforcement(main, also, texts, most)
    main, also = forum_over_litigation(main, also, chosen, texts)
    main, also = with_civil_recovery(main, also, texts, most)
    return with_suit(main, also, texts, most)


_LABOUR_FORUM_RE = re.compile("|".join(_CUES["labour_forums"]), re.IGNORECASE)


def labour_over_arbitration(main: list[str], also: list[str], texts: list[str],
                            keep_arbitration: bool) -> tuple[list[str], list[str]]:
    """(main, also mentioned) without arbitration when the only arbitration the texts name is a labour forum's
    ("NLRC Regional Arbitration Branch", 劳动仲裁, Cambodia's Arbitration Council): that is employment work, also
    when the client typed "仲裁" in the form for it. ``keep_arbitration`` when an arbitral institution is named too."""
    if ARBITRATION not in main or "employment" not in main or keep_arbitration:
        return main, also
    if not any(_LABOUR_FORUM_RE.search(text) for text in texts):
        return main, also
    return demoted(main, also, ARBITRATION)


_ADJUDICATION_ACT_RE = re.compile("|".join(_CUES["adjudication_acts"]), re.IGNORECASE)
_ARBITRATION_WORD_RE = re.compile("|".join(_CUES["arbitration_words"]), re.IGNORECASE)


def adjudication_over_arbitration(main: list[str], also: list[str], texts: list[str], readings,
                                  chosen: list[str]) -> tuple[list[str], list[str]]:
    """(main, also mentioned) with arbitration only mentioned when construction is central, the texts name a
    statutory payment adjudication (CIPAA, SOPA) and arbitration is named only by an institution: "AIAC as the
    adjudication authority" administers the adjudication. Not when the client chose arbitration itself or names
    one in its own words ("the contractor has now started SIAC arbitration")."""
    if (ARBITRATION not in main or "construction" not in main or ARBITRATION in chosen
            or not any(_ADJUDICATION_ACT_RE.search(text) for text in texts)
            or any(_ARBITRATION_WORD_RE.search(text) for text in texts)):
        return main, also
    terms = {term for reading in readings for term in reading.area_weights.get(ARBITRATION, {})}
    if not terms or any(not ((row := term_info(term, ARBITRATION)) and row.jurisdiction) for term in terms):
        return main, also
    return demoted(main, also, ARBITRATION)


def _institution_places(reading) -> set[str]:
    """The places of the arbitral institutions a reading names (HKIAC: HK); a generic word has none."""
    places: set[str] = set()
    for term in reading.area_weights.get(ARBITRATION, {}):
        row = term_info(term, ARBITRATION)
        if row and row.jurisdiction:
            places |= set(row.jurisdiction.split())
    return places


def names_arbitral_institution(readings) -> bool:
    """Whether an arbitration term of the readings belongs to one place (HKIAC, SIAC, CIETAC), not a generic word."""
    return any(_institution_places(reading) for reading in readings)


def arbitral_seats(readings) -> set[str]:
    """The places of the arbitral institutions (SIAC, HKIAC) the readings name where they ask: the seat of an
    arbitration the client brings, which outweighs the project or the other side's place a title names."""
    return {code for reading in readings for code in _institution_places(reading) & reading.asked_jurisdictions}


def is_target_finding(hit: _Hit, before: str) -> bool:
    """Whether a dispute term follows the company the client is buying in a sentence that asks for nothing (given
    the sentence's text before the term): a finding of the due diligence ("the DD found the target is a defendant
    in a pending civil case"), not a dispute to fight."""
    areas = hit.senses.get("practice_areas", frozenset())
    return areas <= {LITIGATION, ARBITRATION} and bool(_TARGET_RE.search(before))


def without_target_findings(text: str) -> str:
    """The text with the sentences that tell the target's disputes and ask for nothing blanked out."""
    for start, end in _sentence_spans(text):
        sentence = text[start:end]
        if _TARGET_RE.search(sentence) and not asks(sentence):
            text = text[:start] + " " * (end - start) + text[end:]
    return text


def without_prosecutions(text: str) -> str:
    """The text with the prosecutions it tells blanked out (可能要以诈骗起诉: the state's case, no suit of the
    client's)."""
    return _PROSECUTION_RE.sub(lambda m: " " * len(m.group()), text)
