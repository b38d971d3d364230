"""Learn the selectors' weights from the labelled check sets: which practice areas, and which of several places in a
long message, a request is about.

Usage: python scripts/train_selectors.py [--kind areas|places] [--out PATH] [--exclude checkset_NAME ...]

Every `tests/matching/checkset_*` directory not listed in `tests/matching/held_out.txt` is read; the held-out sets and
the official dev set stay out so that they can still measure. For each request the resolver runs with the selector
switched off and records what it would weigh: for areas, each area the rules rank (about or also mentioned, less the
fixed ones: typed into the form, placed by a rule, a forum); for places, each place of the matter when a long message
leaves several. An item the labels require is a 1, one they do not accept a 0; one they merely accept is left out.
The model is a logistic regression fitted by gradient descent with an L2 penalty; the thresholds are the ones that get
most requests accepted by models that did not learn from their check set.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from legalnet.matching.cli import LIST_FIELDS, TEXT_FIELDS, as_list  # noqa: E402
from legalnet.matching.resolver import place_selection, prose, resolve_request, selection  # noqa: E402

CHECKSETS = ROOT / "tests" / "matching"
EPOCHS = 60
RATE = 0.05
L2 = 1e-2
# The check sets fall in this many groups to choose the thresholds on sets the model did not learn from.
FOLDS = 5
# Learned weights are stored rounded: the file stays readable and its diffs small.
DIGITS = 4


def training_sets(excluded: tuple[str, ...] = ()) -> list[Path]:
    """The check sets the selector may learn from, less the ones excluded (to measure on them)."""
    lines = (CHECKSETS / "held_out.txt").read_text(encoding="utf-8").splitlines()
    held = set(excluded) | {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    return sorted(d for d in CHECKSETS.glob("checkset_*") if d.is_dir() and d.name not in held)


def _record_areas(recorded: list):
    """A stand-in for the area selector that records what it would weigh and changes nothing."""
    def record(main, also, readings, fixed):
        kept, candidates = selection.split_candidates(main, also, fixed)
        recorded.append({"main": main, "also": also, "fixed": kept,
                         "features": {c: selection.area_features(c, main, also, readings) for c in candidates}})
        return main, also
    return record


def _record_places(recorded: list):
    """A stand-in for the place selector that records what it would weigh and changes nothing."""
    def record(found, readings, typed, description, form_places=None):
        if place_selection.weighs_places(found.codes, description):
            recorded.append({"main": list(found.codes), "features": {
                c: place_selection.place_features(c, found.codes, readings, typed, form_places) for c in found.codes
                if c not in typed}})
        return found
    return record


def collect(sets: list[Path], kind: str = "areas") -> list[dict]:
    """One entry per request the selector of that kind weighs: its candidates with their features, and the labels."""
    recorded: list[dict] = []
    name, record, labelled = (("selected_areas", _record_areas(recorded), "practice_areas") if kind == "areas"
                              else ("selected_places", _record_places(recorded), "jurisdictions"))
    original = getattr(prose, name)
    setattr(prose, name, record)
    try:
        requests = []
        for directory in sets:
            expected = json.loads((directory / "expected.json").read_text(encoding="utf-8"))
            if all("code" in e for e in expected.values()):
                continue  # a set of names, not of requests
            for line in (directory / "requests.jsonl").read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                item = json.loads(line)
                labels = expected.get(item.get("id"))
                if not labels:
                    continue
                lists = {key: as_list(item.get(key)) for key in LIST_FIELDS}
                texts = {key: str(item.get(key) or "").strip() for key in TEXT_FIELDS}
                recorded.clear()
                resolve_request(texts["title"], texts["description"], lists["jurisdictions"],
                                lists["practice_areas"], lists["languages"], counterparties=lists["counterparties"])
                if recorded:
                    requests.append({**recorded[-1], "set": directory.name, "core": set(labels[labelled]),
                                     "accepted": set(labels.get(f"acceptable_{labelled}") or [])})
    finally:
        setattr(prose, name, original)
    return requests


def fit(samples: list[tuple[dict[str, float], int]]) -> dict[str, float]:
    """Logistic regression by stochastic gradient descent with a per-feature step (AdaGrad)."""
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    order = list(range(len(samples)))
    shuffle = random.Random(0).shuffle
    for _epoch in range(EPOCHS):
        shuffle(order)
        for index in order:
            features, label = samples[index]
            error = selection.keep_probability(features, weights) - label
            for name, value in features.items():
                grad = error * value + L2 * weights.get(name, 0.0)
                squares[name] = squares.get(name, 1e-8) + grad * grad
                weights[name] = weights.get(name, 0.0) - RATE * grad / math.sqrt(squares[name])
    return weights


def accepted(requests: list[dict], chances: list[dict[str, float]], model: dict) -> int:
    """How many requests get an accepted set of areas with these probabilities and thresholds."""
    return sum(request["core"] <= choose(request, chance, model) <= request["core"] | request["accepted"]
               for request, chance in zip(requests, chances, strict=True))


def choose(request: dict, chance: dict[str, float], model: dict) -> set[str]:
    """What the selector keeps for one recorded request, chosen as the resolver chooses it."""
    if model.get("kind") == "places":
        return set(place_selection.kept_places(request["main"], chance, model))
    picked = selection.picked_areas(request["main"], request["fixed"], chance, model)
    return set(selection.reordered(request["main"], request["also"], request["fixed"], picked)[0])


def samples_of(requests: list[dict]) -> list[tuple[dict[str, float], int]]:
    """The training samples of recorded requests: an item the labels require is a 1, one they do not accept a 0."""
    return [(features, int(code in r["core"])) for r in requests for code, features in r["features"].items()
            if code in r["core"] or code not in r["accepted"]]


def out_of_fold_chances(requests: list[dict]) -> list[dict[str, float]]:
    """Each request's probabilities from a model that did not learn from its check set (the sets in FOLDS groups):
    the thresholds are chosen on these, as the model will meet new requests."""
    sets = sorted({r["set"] for r in requests})
    fold_of = {name: n % FOLDS for n, name in enumerate(sets)}
    chances: list[dict[str, float]] = [{} for _ in requests]
    for fold in range(FOLDS):
        weights = fit(samples_of([r for r in requests if fold_of[r["set"]] != fold]))
        for n, r in enumerate(requests):
            if fold_of[r["set"]] == fold:
                chances[n] = {c: selection.keep_probability(f, weights) for c, f in r["features"].items()}
    return chances


def thresholds(requests: list[dict], chances: list[dict[str, float]], kind: str = "areas") -> dict:
    """The thresholds that get most requests accepted with these probabilities: to keep and to add an area, or to
    keep a place."""
    grid = [t / 100 for t in range(10, 91, 5)]
    # The rules read more than the model sees: an area they chose goes only when the model finds it more likely
    # wrong than right, and keeping one never takes more than adding one they did not choose.
    pairs = [{"kind": kind, "keep_from": keep, "add_from": add} for keep in grid for add in grid
             if keep <= min(add, 0.5) and (kind == "areas" or add == keep)]
    return max(pairs, key=lambda model: (accepted(requests, chances, model), -abs(model["keep_from"] - 0.5)))


def main() -> None:
    """Train one selector on the tuning sets and write its model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=("areas", "places"), default="areas")
    parser.add_argument("--out", help="where to write the model (default: the one the resolver reads)")
    parser.add_argument("--exclude", nargs="*", default=[], help="check sets to leave out, to measure on them")
    args = parser.parse_args()
    out = Path(args.out or (selection.MODEL_PATH if args.kind == "areas" else place_selection.MODEL_PATH))
    sets = training_sets(tuple(args.exclude))
    requests = collect(sets, args.kind)
    samples = samples_of(requests)
    weights = fit(samples)
    before = sum(r["core"] <= set(r["main"]) <= r["core"] | r["accepted"] for r in requests)
    unseen = out_of_fold_chances(requests)
    cut = thresholds(requests, unseen, args.kind)
    print(f"{args.kind}: {len(sets)} sets, {len(requests)} requests weighed, {len(samples)} samples; accepted "
          f"{before} -> {accepted(requests, unseen, cut)} on sets the model did not learn from, keeping from "
          f"{cut['keep_from']}, adding from {cut['add_from']}")
    model = {"about": f"Weights of the {args.kind} selector; written by scripts/train_selectors.py from "
                      f"{len(sets)} check sets ({len(requests)} requests weighed). Do not edit by hand.",
             **cut,
             "weights": {name: round(value, DIGITS) for name, value in sorted(weights.items())
                         if round(value, DIGITS)}}
    out.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
