"""The party selector: which named parties are screened as the other side and which are set aside for the client."""

import json
import math
import re
import sys

from legalnet.matching.parties import party_spans
from legalnet.matching.resolver import party_selection, resolve_request, selection

from .test_selectors import ROOT, _trained

sys.path.insert(0, str(ROOT / "scripts"))

import train_selectors  # noqa: E402

TEXT = ("Harbourfront Commercial Bank Ltd holds the escrow for the deal. The buyer, Lotus Crest Trading Pte Ltd, "
        "refuses to pay the balance of S$400,000 and we want to sue.")
# Sets aside a name followed by "escrow"; screens the rest.
STUB = {"weights": {"bias": 2.0, "after_escrow": -5.0}}


def test_the_shipped_party_model_is_well_formed():
    model = json.loads(party_selection.MODEL_PATH.read_text(encoding="utf-8"))
    assert model["kind"] == "parties" and model["weights"]
    assert all(math.isfinite(value) for value in model["weights"].values())
    assert 0 < party_selection.SET_ASIDE_BELOW < 0.5


def test_features_read_the_words_around_a_name_and_how_it_is_told():
    parties = party_spans(TEXT)
    bank, buyer = parties
    features = party_selection.party_features(TEXT, bank, parties, in_title=False)
    assert features["after_holds"] == features["after_escrow"] == 1.0 and features["bank"] == 1.0
    assert features["company"] == 1.0 and features["rank_0"] == 1.0 and features["parties"] == math.log1p(2)
    other = party_selection.party_features(TEXT, buyer, parties, in_title=False)
    assert other["before_buyer"] == 1.0 and other["after_refuses"] == 1.0 and other["bank"] == 0.0
    assert other["first_at"] > features["first_at"]
    # Chinese is read as characters and pairs of them.
    assert {"银行", "银", "行"} <= party_selection.context_words("我们的银行")


def test_a_name_unlikely_to_be_the_other_side_is_set_aside_but_never_a_typed_one_nor_every_name():
    parties = party_spans(TEXT)
    kept, aside = party_selection.selected_parties(TEXT, parties, [], False, STUB)
    assert [p.name for p in kept] == ["Lotus Crest Trading Pte Ltd"]
    assert [p.name for p in aside] == ["Harbourfront Commercial Bank Ltd"]
    # Typed into the form, even in short: the client's word stands.
    kept, aside = party_selection.selected_parties(TEXT, parties, ["Harbourfront Commercial Bank"], False, STUB)
    assert len(kept) == 2 and not aside
    # A model that finds every name unlikely still screens the likeliest one.
    kept, aside = party_selection.selected_parties(TEXT, parties, [], False, {"weights": {"bias": -9.0}})
    assert len(kept) == 1 and len(aside) == 1
    # With no model, or one name, nothing is set aside.
    assert party_selection.selected_parties(TEXT, parties, [], False, {}) == (parties, [])
    assert party_selection.selected_parties(TEXT, parties[:1], [], False, STUB) == (parties[:1], [])


def test_a_client_acting_against_every_name_keeps_them_all_screened():
    text = ("Our director Mr Ong Beng Huat signed orders for Sunrise Builders Pte Ltd without approval and took "
            "kickbacks. We want to recover the money from both.")
    parties = party_spans(text)
    assert party_selection.selected_parties(text, parties, [], False, {"weights": {"bias": -9.0}}) == (parties, [])


def test_a_name_set_aside_is_shown_to_the_client_not_screened(monkeypatch):
    monkeypatch.setattr(party_selection, "party_model", lambda: STUB)
    resolution = resolve_request("Unpaid balance", TEXT)
    assert "Lotus Crest Trading Pte Ltd" in resolution.screened_counterparties
    assert "Harbourfront Commercial Bank Ltd" not in resolution.screened_counterparties
    assert "Harbourfront Commercial Bank Ltd" in resolution.set_aside_parties
    typed = resolve_request("Unpaid balance", TEXT, counterparties=["Harbourfront Commercial Bank Ltd"])
    assert "Harbourfront Commercial Bank Ltd" in typed.screened_counterparties


def test_training_labels_names_as_the_scorer_compares_them():
    assert train_selectors.names_one_of("Lotus Crest Trading Pte. Ltd.", ["Lotus Crest Trading Pte Ltd"])
    assert train_selectors.names_one_of("Lotus Crest Trading", ["Lotus Crest Trading Pte Ltd"])
    assert not train_selectors.names_one_of("Harbourfront Commercial Bank", ["Lotus Crest Trading Pte Ltd"])
    assert not train_selectors.names_one_of("Ltd", ["Lotus Crest Trading Pte Ltd"])


def test_the_training_script_writes_a_party_model_the_resolver_reads(tmp_path, monkeypatch):
    out = _trained(tmp_path, monkeypatch, "parties", "checkset_tune75")
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["kind"] == "parties" and any(name.startswith("before_") for name in model["weights"])
    monkeypatch.setattr(party_selection, "MODEL_PATH", out)
    selection.learned_model.cache_clear()
    resolution = resolve_request("Unpaid balance", TEXT)
    assert resolution.screened_counterparties
    selection.learned_model.cache_clear()


def test_mentions_count_the_name_in_short_and_typed_names_protect_either_way():
    text = ("Công ty TNHH Thương mại Phú Gia không thanh toán tiền hàng. Phú Gia hứa trả rồi lại thôi. "
            "Chúng tôi muốn khởi kiện Phú Gia.")
    parties = party_spans(text)
    features = party_selection.party_features(text, parties[0], parties, in_title=False)
    assert features["mentions"] == math.log1p(3)
    assert party_selection.typed_already("Công ty TNHH Thương mại Phú Gia", ["Phu Gia"])
    assert party_selection.typed_already("Lotus Crest Trading Pte Ltd", ["Lotus Crest Trading Company"])
    assert party_selection.typed_already("Lotus Crest", ["Lotus Crest Trading Pte Ltd"])
    assert not party_selection.typed_already("Lotus Crest Trading Pte Ltd", [3, None, "Harbourfront"])


def test_context_words_are_whole_words():
    parties = party_spans(TEXT)
    features = party_selection.party_features(TEXT, parties[1], parties, in_title=False)
    words = {name.split("_", 1)[1] for name in features if name.startswith(("before_", "after_"))}
    assert {"escrow", "refuses", "balance"} <= words
    assert all(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", TEXT.casefold()) for word in words), words


def test_odd_inputs_are_weighed_without_error(monkeypatch):
    monkeypatch.setattr(party_selection, "party_model", lambda: STUB)
    # A title that repeats the description is weighed once; names of the wrong type in the form are ignored.
    resolution = resolve_request(TEXT, TEXT, counterparties=[3, None, "Lotus Crest"])
    assert resolution.set_aside_parties.count("Harbourfront Commercial Bank Ltd") <= 1
    assert "Lotus Crest Trading Pte Ltd" in resolution.screened_counterparties
    # Dozens of names are a list to screen: none is set aside.
    listing = " ".join(f"Company Number{n} Pte Ltd holds the escrow." for n in range(40))
    parties = party_spans(listing)
    assert len(parties) > party_selection.MOST_WEIGHED
    assert party_selection.selected_parties(listing, parties, [], False, STUB) == (parties, [])
