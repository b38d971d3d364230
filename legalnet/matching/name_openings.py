"""The words in front of a company's name that only introduce it ("Supplier", "Dispute with", "The", "100% of",
"CFO of", "a Penang-based …"), and the legal-form words that name no company on their own ("Pvt Ltd").

Plain Python: no Flask, no database. The word lists are data (``data/parties.json``).
"""

from __future__ import annotations

import re

from .party_words import PARTY_WORDS

_DOTS_RE = re.compile(r"[.,'’]")
LEADING_NOISE = {tuple(w.split()) for w in PARTY_WORDS["leading_noise"]}
CONNECTORS = set(PARTY_WORDS["name_connectors"])
WRITER_TITLES = frozenset(PARTY_WORDS["writer_titles"])
DESCRIBING_ENDINGS = tuple(PARTY_WORDS["describing_endings"])
FORM_ONLY_WORDS = frozenset(PARTY_WORDS["form_only_words"])

Word = tuple[str, int, int]


def plain(token: str) -> str:
    """A token as compared with the word lists: lower case, without dots and commas."""
    return _DOTS_RE.sub("", token).lower()


def names_no_company(words: list[Word]) -> bool:
    """Whether the words before a legal form hold no name: only digits and marks ("2）Sdn Bhd 开户"), or only words
    of a legal form ("Incorporation of Pvt Ltd")."""
    return not any(re.search(r"[^\W\d_]", word[0]) for word in words) or all(
        plain(word[0]) in FORM_ONLY_WORDS for word in words)


def trim_leading(words: list[Word]) -> list[Word]:
    """Drop words in front of a name that introduce it ("Supplier", "Dispute with", "The", "Macau's", "100",
    "Selling 100% of")."""
    changed = True
    while words and changed:
        changed = False
        # "a Penang-based Sdn Bhd", "HK-owned": a word that tells where a company is or who owns it, never its name.
        while words and plain(words[0][0]).endswith(DESCRIBING_ENDINGS):
            words = words[1:]
            changed = True
        while len(words) > 1 and (words[0][0].endswith(("'s", "’s")) or words[0][0].rstrip(".)%）").isdigit()):
            words = words[1:]
            changed = True
        # "regional manager (Mekong) of Kessler Logistik GmbH": a bracketed word before the name qualifies a title.
        while len(words) > 1 and words[0][0].startswith(("(", "（")) and words[0][0].endswith((")", "）")):
            words = words[1:]
            changed = True
        for size in (2, 1):
            head = tuple(plain(w[0]) for w in words[:size])
            if len(head) == size and head in LEADING_NOISE and len(words) > size:
                words = words[size:]
                changed = True
                break
        while words and plain(words[0][0]) in CONNECTORS:
            words = words[1:]
            changed = True
        # "CFO of Foshan Huijia …", "Group Financial Controller of Harbourline …": a writer's title before its company.
        of = next((k for k, w in enumerate(words[:5]) if plain(w[0]) == "of"), -1)
        if 0 < of < len(words) - 1 and " ".join(plain(w[0]) for w in words[:of]) in WRITER_TITLES:
            words = words[of + 1 :]
            changed = True
    return words
