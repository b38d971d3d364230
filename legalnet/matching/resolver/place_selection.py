"""The last word on which of several places a long request's legal work is in: a logistic model over how each is
told.

The rules before it find the places of the matter and set aside the client's seat, background places and plans for
later. In a long message that still leaves several places, this step weighs the signs for each together (how often
and in which roles the text names it, in the title, in an ask, as where the lawyer should be, through a regulator, in
one list with another place) with weights learned from labelled requests (`scripts/train_selectors.py --kind places`
writes `data/place_selector.json`), and drops the unlikely ones. It never adds a place, drops one typed into the
form, or acts on a short request.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from .results import TermResolution
from .selection import keep_probability, learned_model, titles_and_bodies

if TYPE_CHECKING:
    from .prose import ProseReading

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "place_selector.json"
# A message this long tells a story around its matter, with places in passing the rules do not all catch.
LONG_MESSAGE = 300
# The roles a reading gives places, each counted as a feature.
ROLES = ("jurisdictions", "home_jurisdictions", "background_jurisdictions", "later_jurisdictions",
         "group_jurisdictions", "history_jurisdictions", "people_jurisdictions", "implied_jurisdictions",
         "governing_jurisdictions")


def place_model() -> dict:
    """The place selector's model."""
    return learned_model(MODEL_PATH)


def weighs_places(codes: list[str], description: str | None) -> bool:
    """Whether the model weighs the places of this request: several of them, in a long message."""
    return len(codes) > 1 and len(description or "") >= LONG_MESSAGE


def place_features(code: str, found: list[str], readings: list[tuple[ProseReading, float]],
                   typed: list[str], form_places: dict[str, list[str]] | None = None) -> dict[str, float]:
    """How the request tells one place, as named numbers; ``form_places`` holds, for the other side, the client
    and the neutrals, the place each named company's legal form names ("… Sdn. Bhd.")."""
    titles, bodies = titles_and_bodies(readings)
    # Only how the text tells the place, never which place it is: a model that knew the places would learn which
    # pairs its training requests happened to name.
    features = {"bias": 1.0, f"rank_{min(found.index(code), 3)}": 1.0, "found": float(len(found))}
    for role in ROLES:
        count = sum(1 for r in bodies for c, _source in getattr(r, role) if c == code)
        features[f"body_{role}"] = math.log1p(count)
        features[f"title_{role}"] = float(any(c == code for r in titles for c, _source in getattr(r, role)))
    matter = [c for r in bodies for c, _source in r.jurisdictions]
    features["matter_share"] = matter.count(code) / len(matter) if matter else 0.0
    features["asked"] = float(any(code in r.asked_jurisdictions for r, _f in readings))
    features["counsel"] = float(any(code in r.counsel_jurisdictions for r, _f in readings))
    features["handed_over"] = float(any(code in r.handed_over for r, _f in readings))
    features["asks_here"] = float(any(r.asks_here for r, _f in readings))
    features["listed_together"] = float(any(code in r.listed_together for r, _f in readings))
    features["first_at"] = min((r.place_first[code] for r in bodies if code in r.place_first), default=1.0)
    features["last_at"] = max((r.place_last[code] for r in bodies if code in r.place_last), default=0.0)
    features["names"] = math.log1p(len({source for r in bodies for c, source in r.jurisdictions if c == code}))
    for side, places in (form_places or {}).items():
        features[f"form_{side}"] = math.log1p(places.count(code))
    return features


def kept_places(codes: list[str], chance: dict[str, float], model: dict) -> list[str]:
    """The places not weighed or likely enough, in the rules' order; all of them when the model finds none likely,
    since it then cannot tell which is meant."""
    if not any(chance[c] >= model["keep_from"] for c in chance):
        return list(codes)
    return [c for c in codes if c not in chance or chance[c] >= model["keep_from"]]


def selected_places(found: TermResolution, readings: list[tuple[ProseReading, float]], typed: list[str],
                    description: str | None, form_places: dict[str, list[str]] | None = None) -> TermResolution:
    """The places of the matter less those the model finds unlikely; the most likely one stays at least."""
    model = place_model()
    if not model.get("weights") or "keep_from" not in model or not weighs_places(found.codes, description):
        return found
    # A place typed into the form is the client's own word: the model does not weigh it.
    chance = {c: keep_probability(place_features(c, found.codes, readings, typed, form_places),
                                model["weights"])
              for c in found.codes if c not in typed}
    keep = kept_places(found.codes, chance, model)
    return TermResolution(codes=keep, sources={c: found.sources[c] for c in keep if c in found.sources})
