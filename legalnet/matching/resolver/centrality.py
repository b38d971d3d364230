"""How central each practice area a request names is: the areas it is about, and the ones it only mentions."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .prose import ProseReading

# An area is central when its weight reaches this share of the most central one's.
CENTRAL_SHARE = 0.5
MOST_CENTRAL = 3
# A request whose prose names practice-area terms this many times or more tells much besides what it asks.
CROWDED_MENTIONS = 10
# Areas whose words often name the thing a matter is about rather than the work (the flat in an estate, the loan
# behind a dispute): ranked third, they are only mentioned.
ASSET_AREAS = frozenset({"real-estate", "banking-finance"})


def area_score(terms: dict[str, int]) -> float:
    """The strongest term counts whole, every further distinct term a third of its weight."""
    weights = sorted(terms.values(), reverse=True)
    return weights[0] + sum(weights[1:]) / 3 if weights else 0.0


def rank_areas(listed: list[str], readings: list[tuple[ProseReading, float]]) -> tuple[list[str], list[str]]:
    """(central areas, areas only mentioned): what the client listed or named as the lawyer it wants stays
    central; from the rest of the text, the areas within reach of the most central one, at most three in
    all, strongest first; a property or a loan in third place is only mentioned, unless the text names it most; in a
    request crowded with area terms, an area named once and not in an ask is only mentioned, unless it is the most
    central."""
    for reading, _factor in readings:
        listed = listed + [c for c in reading.asked_areas if c not in listed]
    scores: dict[str, float] = {}
    strongest: dict[str, int] = {}
    for reading, factor in readings:
        for code, terms in reading.area_weights.items():
            scores[code] = scores.get(code, 0.0) + area_score(terms) * factor
            strongest[code] = max(strongest.get(code, 0), max(terms.values()))
    ranked = sorted(scores, key=lambda c: (-scores[c], c))
    mentioned = [c for c in dict.fromkeys(c for reading, _f in readings for c in reading.mentioned_areas)
                 if c not in scores and c not in listed]
    if not ranked:
        # Every term was told in passing: those are still what the request is about, rather than nothing.
        return (list(listed), mentioned) if listed else (mentioned[:MOST_CENTRAL], mentioned[MOST_CENTRAL:])
    top = scores[ranked[0]]
    tier = max(strongest.values())
    mentions: dict[str, int] = {}
    for reading, _factor in readings:
        for code, count in reading.area_mentions.items():
            mentions[code] = mentions.get(code, 0) + count
    # A long request that names many areas: one named once beside the most central is only mentioned.
    crowded = sum(mentions.values()) >= CROWDED_MENTIONS
    asked = {code for reading, _factor in readings for code in reading.asked_in_sentence}
    central = [
        c for c in ranked
        if c not in listed
        and (scores[c] >= CENTRAL_SHARE * top or strongest[c] == tier == 3)
        and (strongest[c] > 1 or tier == 1)
        and (not crowded or c == ranked[0] or mentions.get(c, 0) > 1 or c in asked)
    ][: max(0, MOST_CENTRAL - len(listed))]
    if (len(listed) + len(central) == MOST_CENTRAL and central and central[-1] in ASSET_AREAS
            and central[-1] != ranked[0]):
        central = central[:-1]
    main = list(listed) + central
    return main, [c for c in ranked if c not in main] + mentioned


def promoted(main: list[str], also: list[str], code: str) -> tuple[list[str], list[str]]:
    """(main, also mentioned) with ``code`` moved to the end of the main areas."""
    return [*main, code], [other for other in also if other != code]


def demoted(main: list[str], also: list[str], code: str) -> tuple[list[str], list[str]]:
    """(main, also mentioned) with ``code`` moved from the main areas to the front of the mentioned ones."""
    return [other for other in main if other != code], [code, *also]
