"""The last word on which named parties are screened as the other side: a logistic model over how each is named.

The finders in ``parties`` read every company and person a text names and set aside the client's own names, its
providers and neutrals by the phrasings they know. What they keep is screened. This step weighs each name they keep
together with the words around it (who writes "our bank" and who "the buyer"), whether a dispute is told of it,
where and how often it stands, with weights learned from labelled requests (`scripts/train_selectors.py --kind
parties` writes `data/party_selector.json`). A name it finds far more likely not the other side is set aside
rather than screened: the client still sees it on the Check step and can screen it with one click. A name the
client typed as a counterparty and one the text tells a dispute with are never set aside, and each text keeps one name
screened at least.

"""

from __future__ import annotations

import math
import re
from pathlib import Path

from ..conflicts import normalise_entity
from ..own_side import against_all, in_dispute
from ..party_words import Party
from ..vocabulary import normalise
from .selection import keep_probability, learned_model

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "party_selector.json"
# A name is set aside only when the model finds it at least three times likelier not to be the other side than to
# be it: a party missed from the screen costs more than one screened for nothing.
SET_ASIDE_BELOW = 0.25
# How far either side of a name its context words are read.
CONTEXT_REACH = 50
# The most names of one text the model weighs.
MOST_WEIGHED = 30
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD_RE = re.compile(r"[^\W\d_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_BANK_RE = re.compile(r"bank|banco|ngân hàng|ngan hang|ธนาคาร|银行|銀行", re.IGNORECASE)


def party_model() -> dict:
    """The party selector's model; without one every name found is screened."""
    return learned_model(MODEL_PATH)


def context_words(text: str) -> set[str]:
    """The words of a stretch of text: Latin, Thai and other words as written, Chinese as characters and pairs."""
    words = {word.casefold() for word in _WORD_RE.findall(text)}
    for run in _CJK_RE.findall(text):
        words.update(run)
        words.update(run[i : i + 2] for i in range(len(run) - 1))
    return words


def _whole_words_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text within CONTEXT_REACH before and after a span, widened to whole words at the far ends."""
    left = max(0, start - CONTEXT_REACH)
    while left > 0 and left > start - CONTEXT_REACH - 20 and text[left - 1].isalnum():
        left -= 1
    right = min(len(text), end + CONTEXT_REACH)
    while right < len(text) and right < end + CONTEXT_REACH + 20 and text[right].isalnum():
        right += 1
    return text[left:start], text[end:right]


def _mentions(core: str, plain: str) -> int:
    """How often a name stands in the normalised text, in short too: by its first or last two words ("Lotus Crest"
    for "Lotus Crest Trading Pte Ltd", "Phú Gia" after "Công ty TNHH Thương mại Phú Gia")."""
    words = core.split()
    shorts = {core, " ".join(words[:2]), " ".join(words[-2:])} if len(words) > 2 else {core}
    return max((len(re.findall(rf"\b{re.escape(short)}\b", plain)) for short in shorts if short), default=1) or 1


def party_features(text: str, party: Party, parties: list[Party], in_title: bool,
                   plain_text: str | None = None) -> dict[str, float]:
    """How a text names one party, as named numbers; ``plain_text`` is the text normalised, when the caller has it."""
    spans = [(p.start, p.end) for p in parties]
    core = normalise_entity(party.name)
    plain = normalise(text) if plain_text is None else plain_text
    features = {
        "bias": 1.0,
        f"rank_{min(parties.index(party), 3)}": 1.0,
        "parties": math.log1p(len(parties)),
        "in_title": float(in_title),
        "first_at": party.start / max(1, len(text)),
        "bank": float(bool(_BANK_RE.search(party.name))),
        "company": float(core != normalise(party.name)),
        "dispute": float(in_dispute(text, party.start, party.end, spans)),
        "words": math.log1p(len(party.name.split())),
        "mentions": math.log1p(_mentions(core, plain)),
    }
    before, after = _whole_words_around(text, party.start, party.end)
    for word in context_words(before):
        features[f"before_{word}"] = 1.0
    for word in context_words(after):
        features[f"after_{word}"] = 1.0
    return features


def typed_already(name: str, typed: list[str]) -> bool:
    """Whether the client typed this party as a counterparty, in full or in short, in either order of length."""
    core = normalise_entity(name)
    return any(core and (core == (other := normalise_entity(given))
                         or (min(len(core), len(other)) > 5 and (other in core or core in other)))
               for given in typed if isinstance(given, str))


def weighs_parties(text: str, parties: list[Party]) -> bool:
    """Whether the model weighs the names of this text: several, not dozens (a list to screen, not a letter to
    read), and not when the client acts against every name it gives ("recover the money from both")."""
    return 2 <= len(parties) <= MOST_WEIGHED and not against_all(text)


def selected_parties(text: str, parties: list[Party], typed: list[str], in_title: bool,
                     model: dict | None = None) -> tuple[list[Party], list[Party]]:
    """(parties to screen, parties set aside) of one text: those the model finds unlikely to be the other side go
    aside, unless the client typed them, the text tells a dispute with them or the client acts against all it
    names; one at least stays."""
    model = party_model() if model is None else model
    if not model.get("weights") or not weighs_parties(text, parties):
        return parties, []
    plain = normalise(text)
    features = {id(p): party_features(text, p, parties, in_title, plain) for p in parties}
    chance = {key: keep_probability(told, model["weights"]) for key, told in features.items()}
    # A name the text tells a dispute with ("… keeps telling us it will pay, but the bills are overdue") stays.
    kept = [p for p in parties if chance[id(p)] >= SET_ASIDE_BELOW or typed_already(p.name, typed)
            or features[id(p)]["dispute"]]
    if not kept:
        kept = [max(parties, key=lambda p: chance[id(p)])]
    kept_ids = {id(p) for p in kept}
    return kept, [p for p in parties if id(p) not in kept_ids]
