"""The learned selectors of practice areas and places: their shipped models, how they choose, and the script that
trains them."""

import json
import math
import shutil
import sys
from pathlib import Path

import pytest

from legalnet.matching.resolver import place_selection, prose, resolve_request, selection
from legalnet.matching.resolver.prose import read_prose
from legalnet.matching.resolver.results import TermResolution
from legalnet.matching.vocabulary import get_vocabulary

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import train_selectors  # noqa: E402

FEATURE_PREFIXES = ("bias", "in_main", "rank_", "also_rank_", "main_size", "score_share", "strongest", "distinct_terms",
                    "mentions", "mention_share", "all_mentions", "in_title", "asked_", "only_mentioned", "no_terms",
                    "first_at", "last_at", "sole_asked", "areas_named", "area_", "beside_", "term_")


def _readings(title, description):
    return [(read_prose(title), 1.5), (read_prose(description), 1.0)]


def test_the_shipped_model_is_well_formed():
    model = json.loads(selection.MODEL_PATH.read_text(encoding="utf-8"))
    codes = set(get_vocabulary().codes("practice_areas"))
    assert 0 < model["keep_from"] < 1 and 0 < model["add_from"] < 1
    assert len(model["weights"]) > 100
    for name, value in model["weights"].items():
        assert math.isfinite(value), name
        assert name.startswith(FEATURE_PREFIXES), name
        if name.startswith("area_"):
            assert name[len("area_"):] in codes, name


def test_features_describe_how_the_text_tells_an_area():
    readings = _readings("Tax objection", "The tax office reassessed our 2023 tax. Can you help us object to the tax "
                         "reassessment? Our office lease was renewed last year.")
    features = selection.area_features("tax", ["tax"], ["real-estate"], readings)
    assert features["in_main"] == 1.0 and features["rank_0"] == 1.0
    assert features["in_title"] == 1.0 and features["asked_sentence"] == 1.0
    assert features["area_tax"] == 1.0
    assert any(name.startswith("term_tax_") for name in features)
    lease = selection.area_features("real-estate", ["tax"], ["real-estate"], readings)
    assert lease["in_main"] == 0.0 and lease["in_title"] == 0.0 and lease["also_rank_0"] == 1.0
    assert lease["beside_real-estate_tax"] == 1.0
    assert lease["first_at"] > features["first_at"]


@pytest.mark.parametrize("model", [{}, {"weights": {"bias": 5.0}}, {"weights": {}, "keep_from": 0.5}])
def test_with_no_whole_model_the_rules_choice_stands(monkeypatch, model):
    monkeypatch.setattr(selection, "selector_model", lambda: model)
    readings = _readings("", "We need help with a lease and a loan.")
    assert selection.selected_areas(["real-estate"], ["banking-finance"], readings, []) == (
        ["real-estate"], ["banking-finance"])


def _model(weights, threshold=0.5):
    return lambda: {"weights": weights, "keep_from": threshold, "add_from": threshold}


def test_the_model_moves_areas_either_way_but_keeps_the_typed_ones_and_never_leaves_none(monkeypatch):
    readings = _readings("", "We need help with a lease, a loan and a tax audit.")
    # Only tax is likely: the lease the rules kept goes to "also", tax comes up from there.
    monkeypatch.setattr(selection, "selector_model", _model({"bias": -5.0, "area_tax": 10.0}))
    main, also = selection.selected_areas(["real-estate"], ["tax", "banking-finance"], readings, [])
    assert main == ["tax"]
    assert set(also) == {"real-estate", "banking-finance"}
    # An area typed into the form stays whatever the model says.
    main, also = selection.selected_areas(["real-estate", "tax"], ["banking-finance"], readings, ["real-estate"])
    assert main == ["real-estate", "tax"]
    # Nothing likely enough: the most likely area stays, not none.
    monkeypatch.setattr(selection, "selector_model", _model({"bias": -5.0, "area_banking-finance": 2.0}))
    main, _also = selection.selected_areas(["real-estate"], ["tax", "banking-finance"], readings, [])
    assert main == ["banking-finance"]
    # Everything likely: at most three.
    monkeypatch.setattr(selection, "selector_model", _model({"bias": 5.0}))
    main, also = selection.selected_areas(["real-estate", "tax"], ["banking-finance", "litigation"], readings, [])
    assert len(main) == 3 and len(also) == 1


@pytest.mark.parametrize(("title", "description"), [
    ("Unpaid invoices", "Our customer has not paid three invoices; can we sue them? Tax is fine."),
    ("", "We are a Hong Kong company and want to set up a WFOE in Shenzhen. What approvals do we need?"),
])
def test_training_and_resolving_choose_alike(monkeypatch, title, description):
    weights = {"bias": -1.0, "in_title": 2.5, "asked_sentence": 1.0}
    monkeypatch.setattr(selection, "selector_model", _model(weights, 0.5))
    recorded = []

    def record(main, also, readings, fixed):
        kept, candidates = selection.split_candidates(main, also, fixed)
        recorded.append({"main": main, "also": also, "fixed": kept, "features": {
            c: selection.area_features(c, main, also, readings) for c in candidates}})
        return selection.selected_areas(main, also, readings, fixed)

    monkeypatch.setattr(prose, "selected_areas", record)
    resolved = resolve_request(title, description)
    chance = {c: selection.keep_probability(f, weights) for c, f in recorded[-1]["features"].items()}
    chosen = train_selectors.choose(recorded[-1], chance, {"keep_from": 0.5, "add_from": 0.5})
    assert chosen == set(resolved.practice_areas)


def test_held_out_and_excluded_sets_are_not_learned_from():
    held = {line.strip() for line in (ROOT / "tests/matching/held_out.txt").read_text().splitlines()
            if line.strip() and not line.startswith("#")}
    names = {d.name for d in train_selectors.training_sets(("checkset_tune2",))}
    assert held and not held & names
    assert "checkset_tune2" not in names and "checkset_tune3" in names


def test_fit_learns_which_feature_marks_a_central_area():
    samples = [({"bias": 1.0, "asked": 1.0}, 1), ({"bias": 1.0}, 0)] * 20
    weights = train_selectors.fit(samples)
    assert weights["asked"] > 1.0
    assert selection.keep_probability({"bias": 1.0, "asked": 1.0}, weights) > 0.8
    assert selection.keep_probability({"bias": 1.0}, weights) < 0.5


def test_thresholds_are_chosen_on_probabilities_from_models_that_did_not_see_the_set(monkeypatch):
    monkeypatch.setattr(train_selectors, "FOLDS", 2)
    # Two sets that tell the same sign opposite ways: a model trained on one gets the other wrong.
    first = [{"set": "checkset_a", "core": {"TH"}, "accepted": set(), "features": {"TH": {"sign": 1.0}}}] * 10
    second = [{"set": "checkset_b", "core": set(), "accepted": set(), "features": {"TH": {"sign": 1.0}}}] * 10
    chances = train_selectors.out_of_fold_chances(first + second)
    assert all(chance["TH"] < 0.5 for chance in chances[:10])
    assert all(chance["TH"] > 0.5 for chance in chances[10:])


def _trained(tmp_path, monkeypatch, kind, checkset):
    """Train a selector of that kind on one check set, in three epochs, and return its model file."""
    sets = tmp_path / "sets"
    sets.mkdir()
    shutil.copytree(ROOT / "tests/matching" / checkset, sets / checkset)
    (sets / "held_out.txt").write_text("# none\n", encoding="utf-8")
    monkeypatch.setattr(train_selectors, "CHECKSETS", sets)
    monkeypatch.setattr(train_selectors, "EPOCHS", 3)
    out = tmp_path / f"{kind}.json"
    monkeypatch.setattr(sys, "argv", ["train_selectors.py", "--kind", kind, "--out", str(out)])
    train_selectors.main()
    selection.learned_model.cache_clear()
    return out


def test_the_training_script_writes_a_model_the_resolver_reads(tmp_path, monkeypatch):
    out = _trained(tmp_path, monkeypatch, "areas", "checkset_tune2")
    model = json.loads(out.read_text(encoding="utf-8"))
    assert 0 < model["keep_from"] < 1 and model["weights"]["bias"] != 0
    monkeypatch.setattr(selection, "MODEL_PATH", out)
    assert resolve_request("Trade mark", "Someone copied our trade mark in Vietnam.").practice_areas


@pytest.mark.parametrize(("title", "description", "central"), [
    ("", "Our landlord in Kuala Lumpur wants to end the office lease early. Can they? Last year we settled a "
        "tax audit and our bank loan is fine.", "real-estate"),
    ("越南工厂工人集体停工", "我们在平阳的工厂工人要求加薪并停工三天。"
     "去年的税务稽查已经结束，商标也注册好了。请问怎么处理？", "employment"),
])
def test_a_request_keeps_what_it_asks_about(title, description, central):
    resolved = resolve_request(title, description)
    assert central in resolved.practice_areas
    assert "tax" not in resolved.practice_areas


def test_the_shipped_place_model_is_well_formed():
    model = json.loads(place_selection.MODEL_PATH.read_text(encoding="utf-8"))
    assert 0 < model["keep_from"] <= 0.5
    for name, value in model["weights"].items():
        assert math.isfinite(value), name
        # How a place is told, never which place it is.
        assert not name.startswith(("place_", "beside_")), name


def test_place_features_count_the_roles_the_text_gives_a_place():
    readings = _readings("Lease dispute in Bangkok", "We are a Singapore company. Our landlord in Bangkok wants to "
                         "end the lease. Can a Thai lawyer help?")
    features = place_selection.place_features("TH", ["TH", "SG"], readings, [])
    assert features["title_jurisdictions"] == 1.0 and features["body_jurisdictions"] > 0
    assert features["counsel"] == 1.0 and features["rank_0"] == 1.0
    seat = place_selection.place_features("SG", ["TH", "SG"], readings, [])
    assert seat["title_jurisdictions"] == 0.0 and seat["rank_1"] == 1.0
    assert not any(name.endswith(("TH", "SG")) for name in features)


def test_place_features_tell_where_a_place_stands_and_whose_company_form_names_it(monkeypatch):
    readings = _readings("", "Our distributor Permata Kilang Sdn Bhd in Johor has not paid. We are a Singapore "
                         "company, Kestrel Hygiene Pte Ltd. We want to sue in Malaysia.")
    forms = {"other": ["MY"], "own": ["SG"], "beside": []}
    mine = place_selection.place_features("MY", ["MY", "SG"], readings, [], forms)
    assert mine["form_other"] > 0 and mine["form_own"] == 0 and mine["names"] == math.log1p(2)
    assert mine["first_at"] < mine["last_at"]
    seat = place_selection.place_features("SG", ["MY", "SG"], readings, [], forms)
    assert seat["form_own"] > 0 and seat["form_other"] == 0
    # The resolver hands the selector the places the parties' legal forms name, each side apart.
    seen = {}

    def record(found, readings, typed, description, form_places=None):
        seen.update(form_places or {})
        return found
    monkeypatch.setattr(prose, "selected_places", record)
    resolve_request("Unpaid invoices", "Our distributor Permata Kilang Sdn Bhd has not paid us. We are Kestrel "
                    "Hygiene Pte Ltd of Singapore and want a lawyer in Malaysia.")
    assert seen["other"] == ["MY"] and seen["own"] == ["SG"]


LONG = "Our office is in Hong Kong; we need help with a supply contract in Vietnam. " * 5


def test_the_place_model_drops_unlikely_places_in_a_long_message_but_never_typed_ones(monkeypatch):
    readings = _readings("", LONG)
    found = TermResolution(codes=["HK", "VN"], sources={"HK": "Hong Kong", "VN": "Vietnam"})
    monkeypatch.setattr(place_selection, "place_model", lambda: {
        "keep_from": 0.5, "weights": {"bias": -5.0, "rank_1": 10.0}})
    kept = place_selection.selected_places(found, readings, [], LONG)
    assert kept.codes == ["VN"] and kept.sources == {"VN": "Vietnam"}
    # A place typed into the form stays; a short message keeps the rules' choice.
    assert place_selection.selected_places(found, readings, ["HK"], LONG).codes == ["HK", "VN"]
    assert place_selection.selected_places(found, readings, [], LONG[:120]).codes == ["HK", "VN"]
    # No place likely: the model cannot tell which is meant, and the rules' choice stands.
    monkeypatch.setattr(place_selection, "place_model", lambda: {"keep_from": 0.5, "weights": {"bias": -5.0}})
    assert place_selection.selected_places(found, readings, [], LONG).codes == ["HK", "VN"]
    one = TermResolution(codes=["HK"], sources={"HK": "Hong Kong"})
    assert place_selection.selected_places(one, readings, [], LONG).codes == ["HK"]
    for model in ({}, {"weights": {"bias": -5.0}}):
        monkeypatch.setattr(place_selection, "place_model", lambda model=model: model)
        assert place_selection.selected_places(found, readings, [], LONG).codes == ["HK", "VN"]


def test_a_place_model_keeps_both_places_a_request_asks_for_whichever_they_are():
    names = {"CN": "mainland China", "HK": "Hong Kong", "MY": "Malaysia", "TH": "Thailand", "ID": "Indonesia",
             "PH": "the Philippines", "KH": "Cambodia", "SG": "Singapore"}
    text = ("We are a family-owned snack maker from Osaka and are about to sell our rice crackers across Southeast "
            "Asia. Before distributors start ordering we want the brand name and the logo protected. Could you file "
            "the word mark and the device mark in {a} and also in {b}? We would like a clearance search in each "
            "country first, then the applications, and someone to handle office actions. Please quote per country.")
    for a, b in [("MY", "TH"), ("CN", "HK"), ("ID", "PH"), ("KH", "SG")]:
        got = resolve_request("Trade mark filings", text.format(a=names[a], b=names[b])).jurisdictions
        assert set(got) == {a, b}, (a, b, got)


def test_the_training_script_writes_a_place_model_the_resolver_reads(tmp_path, monkeypatch):
    out = _trained(tmp_path, monkeypatch, "places", "checkset_tune72")
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["keep_from"] == model["add_from"] and any(n.startswith("body_") for n in model["weights"])
    monkeypatch.setattr(place_selection, "MODEL_PATH", out)
    assert resolve_request("Contract", LONG).jurisdictions


@pytest.mark.parametrize("text, together", [
    ("Could you file the marks in Malaysia and also in Thailand?", {"MY", "TH"}),
    ("需要在马来西亚和泰国注册商标。", {"MY", "TH"}),
    ("Chúng tôi cần đăng ký ở Việt Nam và Thái Lan.", {"VN", "TH"}),
    ("We need counsel in Vietnam, Thailand and Indonesia.", {"VN", "TH", "ID"}),
    ("We are based in Singapore. The dispute is in Thailand.", set()),
])
def test_places_named_in_one_list_are_told_apart_from_places_in_separate_clauses(text, together):
    assert read_prose(text).listed_together == together
