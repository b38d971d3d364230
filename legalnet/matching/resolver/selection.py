"""The last word on which practice areas a request is about: a logistic model over how each area is told.

The rules before it rank the areas by their terms and move some between "about" and "also mentioned". This step
weighs, for each area either way, the signs of a central area together (where and how often its terms stand, in the
title or in an ask, how strong they are, what the rules decided) with weights learned from labelled requests
(`scripts/train_selectors.py` writes `data/area_selector.json`).
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .asked import TITLE_FACTOR
from .centrality import MOST_CENTRAL, area_score
from .entry import with_company_work

if TYPE_CHECKING:
    from .prose import ProseReading

# Whether a dispute goes to court or to arbitration the dispute rules decide from how the text tells each forum
# (a prosecution, a court avoided, an award taken to court): the model leaves those two areas where they put them.
RULED_AREAS = frozenset({"litigation", "arbitration"})
MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "area_selector.json"


@lru_cache(maxsize=4)
def learned_model(path: Path) -> dict:
    """A selector's learned weights and thresholds; an empty model, which keeps the rules' choice, when the file is
    missing."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def selector_model() -> dict:
    """The area selector's model."""
    return learned_model(MODEL_PATH)


def titles_and_bodies(readings: list[tuple[ProseReading, float]]) -> tuple[list[ProseReading], list[ProseReading]]:
    """The readings of the title and those of the description, apart."""
    return ([reading for reading, factor in readings if factor == TITLE_FACTOR],
            [reading for reading, factor in readings if factor != TITLE_FACTOR])


def area_features(code: str, main: list[str], also: list[str],
                  readings: list[tuple[ProseReading, float]]) -> dict[str, float]:
    """How the request tells one practice area, as named numbers."""
    titles, bodies = titles_and_bodies(readings)
    scores = {c: sum(area_score(r.area_weights.get(c, {})) * f for r, f in readings)
              for c in dict.fromkeys([*main, *also])}
    top = max(scores.values(), default=0.0) or 1.0
    mentions = sum(r.area_mentions.get(code, 0) for r in bodies)
    total_mentions = sum(sum(r.area_mentions.values()) for r in bodies)
    weights = [w for r in bodies for w in r.area_weights.get(code, {}).values()]
    # The rules' own rank, apart for the areas they chose and the ones they only mentioned.
    rank = f"rank_{min(main.index(code), MOST_CENTRAL)}" if code in main else f"also_rank_{min(also.index(code), 2)}"
    features = {
        "bias": 1.0,
        "in_main": float(code in main),
        rank: 1.0,
        "main_size": float(len(main)),
        "score_share": scores.get(code, 0.0) / top,
        "strongest": max(weights, default=0) / 3,
        "distinct_terms": math.log1p(len(weights)),
        "mentions": math.log1p(mentions),
        "mention_share": mentions / total_mentions if total_mentions else 0.0,
        "all_mentions": math.log1p(total_mentions),
        "in_title": float(any(code in r.area_weights or code in r.mentioned_areas for r in titles)),
        "asked_title": float(any(code in r.asked_areas for r in titles)),
        "asked_mentions": math.log1p(sum(r.area_asked_mentions.get(code, 0) for r in bodies)),
        "asked_share": (sum(r.area_asked_mentions.get(code, 0) for r in bodies) / mentions) if mentions else 0.0,
        "sole_asked": float([code] == sorted({c for r in bodies for c in r.asked_in_sentence})),
        "asked_sentence": float(any(code in r.asked_in_sentence for r in bodies)),
        "asked_lawyer": float(any(code in r.asked_areas for r in bodies)),
        "only_mentioned": float(any(code in r.mentioned_areas for r in bodies) and not weights),
        "no_terms": float(not weights and not any(code in r.area_weights for r in titles)),
        "first_at": min((r.area_first[code] for r in bodies if code in r.area_first), default=1.0),
        "last_at": max((r.area_last[code] for r in bodies if code in r.area_last), default=0.0),
        "areas_named": math.log1p(len(scores)),
        f"area_{code}": 1.0,
    }
    for other in main:
        if other != code:
            features[f"beside_{code}_{other}"] = 1.0
    # Some areas are labelled beside the main one by convention (company work beside a listing or a licence).
    if main and code != main[0]:
        features[f"beside_top_{code}_{main[0]}"] = 1.0
    for reading in bodies:
        for term in reading.area_weights.get(code, {}):
            features[f"term_{code}_{term}"] = 1.0
    return features


def split_candidates(main: list[str], also: list[str], fixed: list[str]) -> tuple[list[str], list[str]]:
    """(areas that stay as they are, areas the model weighs): the fixed ones (typed into the form, asked for by
    the kind of lawyer, or placed by a rule that reads more than the terms) and a forum stay where they are."""
    kept = [c for c in main if c in fixed or c in RULED_AREAS]
    candidates = [c for c in dict.fromkeys([*main, *also]) if c not in fixed and c not in RULED_AREAS]
    return kept, candidates


def keep_probability(features: dict[str, float], weights: dict[str, float]) -> float:
    """The model's probability that the area or place is one the request is about."""
    z = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def picked_areas(main: list[str], kept: list[str], chance: dict[str, float], model: dict) -> list[str]:
    """The weighed areas to keep, most likely first: an area the rules chose stays from a lower probability than
    one they set aside needs to come up; at most three areas in all, and never none."""
    def likely(code: str) -> bool:
        return chance[code] >= (model["keep_from"] if code in main else model["add_from"])
    picked = sorted((c for c in chance if likely(c)), key=lambda c: -chance[c])[: max(0, MOST_CENTRAL - len(kept))]
    if not kept and not picked and chance:
        picked = [max(chance, key=lambda c: chance[c])]
    return picked


def selected_areas(main: list[str], also: list[str], readings: list[tuple[ProseReading, float]],
                   fixed: list[str]) -> tuple[list[str], list[str]]:
    """(main, also mentioned) as the model weighs them: the fixed areas stay; of the others, those likely enough
    to be what the request is about."""
    model = selector_model()
    if not all(model.get(key) for key in ("weights", "keep_from", "add_from")) or not (main or also):
        return with_company_work(main, also)
    kept, candidates = split_candidates(main, also, fixed)
    chance = {c: keep_probability(area_features(c, main, also, readings), model["weights"]) for c in candidates}
    return reordered(main, also, kept, picked_areas(main, kept, chance, model))


def reordered(main: list[str], also: list[str], kept: list[str], picked: list[str]) -> tuple[list[str], list[str]]:
    """(main, also mentioned) with the kept and picked areas main: the rules' order for the areas they chose, the
    added ones after; and corporate work beside foreign investment, as the intake convention labels them."""
    new_main = [c for c in main if c in kept or c in picked] + [c for c in picked if c not in main]
    return with_company_work(new_main, [c for c in [*main, *also] if c not in new_main])
