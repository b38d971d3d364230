"""Learn the practice-area selector's weights from the labelled check sets and write data/area_selector.json.

Usage: python scripts/train_area_selector.py [--out PATH] [--exclude checkset_NAME ...]

Every `tests/matching/checkset_*` directory not listed in `tests/matching/held_out.txt` is read; the held-out sets and
the official dev set stay out so that they can still measure. For each request the resolver runs with the selector
switched off, and each area it ranks (about or also mentioned, less the fixed ones: typed into the form, placed by a
rule, a forum) becomes one sample: an area the labels require is a 1, an area they do not accept a 0; one they merely
accept is left out. The model is a logistic regression fitted by gradient descent with an L2 penalty; the two
thresholds (to keep an area the rules chose, to add one they set aside) are the ones that get most training requests'
areas accepted.
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
from legalnet.matching.resolver import prose, resolve_request, selection  # noqa: E402

CHECKSETS = ROOT / "tests" / "matching"
EPOCHS = 60
RATE = 0.05
L2 = 1e-3
# Learned weights are stored rounded: the file stays readable and its diffs small.
DIGITS = 4


def training_sets(excluded: tuple[str, ...] = ()) -> list[Path]:
    """The check sets the selector may learn from, less the ones excluded (to measure on them)."""
    lines = (CHECKSETS / "held_out.txt").read_text(encoding="utf-8").splitlines()
    held = set(excluded) | {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    return sorted(d for d in CHECKSETS.glob("checkset_*") if d.is_dir() and d.name not in held)


def collect(sets: list[Path]) -> list[dict]:
    """One entry per request: its candidate areas with their features, and the labels."""
    recorded: list[tuple[list[str], list[str], list[str], dict[str, dict[str, float]]]] = []

    def record(main, also, readings, fixed):
        kept, candidates = selection.split_candidates(main, also, fixed)
        recorded.append((main, also, kept,
                         {c: selection.area_features(c, main, also, readings) for c in candidates}))
        return main, also

    original = prose.selected_areas
    prose.selected_areas = record
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
                if not recorded:
                    continue
                main, also, fixed, features = recorded[-1]
                requests.append({"main": main, "also": also, "fixed": fixed, "features": features,
                                 "core": set(labels["practice_areas"]),
                                 "accepted": set(labels.get("acceptable_practice_areas") or [])})
    finally:
        prose.selected_areas = original
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
    """The areas the selector keeps for one recorded request, chosen as the resolver chooses them."""
    picked = selection.picked_areas(request["main"], request["fixed"], chance, model)
    return set(selection.reordered(request["main"], request["also"], request["fixed"], picked)[0])


def thresholds(requests: list[dict], weights: dict[str, float]) -> dict[str, float]:
    """The two thresholds that get most training requests' areas accepted."""
    chances = [{c: selection.keep_probability(f, weights) for c, f in r["features"].items()} for r in requests]
    grid = [t / 100 for t in range(10, 91, 5)]
    # The rules read more than the model sees: an area they chose goes only when the model finds it more likely
    # wrong than right, and keeping one never takes more than adding one they did not choose.
    pairs = [{"keep_from": keep, "add_from": add} for keep in grid for add in grid if keep <= min(add, 0.5)]
    return max(pairs, key=lambda model: (accepted(requests, chances, model), -abs(model["keep_from"] - 0.5)))


def main() -> None:
    """Train on the tuning sets and write the model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(selection.MODEL_PATH))
    parser.add_argument("--exclude", nargs="*", default=[], help="check sets to leave out, to measure on them")
    args = parser.parse_args()
    sets = training_sets(tuple(args.exclude))
    requests = collect(sets)
    samples = [(features, int(code in r["core"])) for r in requests for code, features in r["features"].items()
               if code in r["core"] or code not in r["accepted"]]
    weights = fit(samples)
    before = sum(r["core"] <= set(r["main"]) <= r["core"] | r["accepted"] for r in requests)
    cut = thresholds(requests, weights)
    chances = [{c: selection.keep_probability(f, weights) for c, f in r["features"].items()} for r in requests]
    after = accepted(requests, chances, cut)
    print(f"{len(sets)} sets, {len(requests)} requests, {len(samples)} samples; "
          f"areas accepted {before} -> {after} keeping from {cut['keep_from']}, adding from {cut['add_from']}")
    model = {"about": "Weights of the practice-area selector; written by scripts/train_area_selector.py from "
                      f"{len(sets)} check sets ({len(requests)} requests). Do not edit by hand.",
             **cut,
             "weights": {name: round(value, DIGITS) for name, value in sorted(weights.items())}}
    Path(args.out).write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
