"""Resolve free text to vocabulary codes.

Two entry points:

- ``resolve_terms(kind, texts)`` for list fields, where each item names one term (or a few, separated by
  commas, "and", 、 …): exact alias hits first, then a scan of the item, then fuzzy hits for typos.
- ``resolve_request(...)`` for a whole request: the explicit list fields first, then the terms the title
  and description mention, and the parties it names. Prose is scanned word by word (n-grams against the
  alias index) and, for scripts written without spaces (Chinese, Thai …), by longest substring.

The package is split by step: ``cues`` (the word lists, from ``data/cues.json``), ``index`` (lookup
tables per vocabulary version), ``scan`` (terms in prose), ``terms`` (list items), ``background`` (what a
place's clause says: another party's, done, handed over, put off, the client's history), ``asides`` (the
parts of a text that only tell the story: forwarded history, side notes), ``roles`` (the
role of each place or term: the client's seat, its industry), ``languages`` (whether a language named is a
request for the lawyer's working language), ``senses`` (terms with
several senses), ``disputes`` and ``entry`` (how areas of a dispute or a market entry rank) and ``prose``
(a whole request).

Typos in prose are read word by word: each word may stand for an alias word one edit away (two for long
words), and the longest reading wins, exact or not, so "intelectual propert" is intellectual property and
never "property" inside it. A one-word typo must be long enough not to be another English word.

Reading prose needs some care about roles. The client's own seat ("Manila-headquartered …", "based in
Singapore", "a Shenzhen seafood exporter", "Our Hong Kong company has …", "our Rangoon office",
我们是一家深圳的…公司, 香港公司在越南…) is not a place where advice is needed (unless it is the only place
named), and the client's industry ("construction contractor", "shipping line", 新能源汽车企业) is not a
practice area. "For our Penang subsidiary" or "a Vietnam dispute" name the matter's place. A demonym
counts as a jurisdiction only right before a legal-matter noun ("Malaysian listing", "Thai courts"), never
before a party ("a Vietnamese supplier").

Languages count only next to a cue ("speak", "-speaking", "Working language:", "English please", "X is
fine", 会说, 粤语律师, 以英文为工作语言 …), and a cue after a list covers the list ("Thai and English
language", "in Thai or English", "English/Mandarin speaking"), so "Chinese mainland", "English law" or "a
Thai company" never becomes a language request. "Bahasa" alone is Malay or Indonesian: the request's
jurisdictions decide, and otherwise it stays unresolved with both suggested.
"""

from .prose import ProseReading, read_prose, resolve_request
from .results import RequestResolution, TermResolution
from .terms import resolve_terms, settle_shared_languages

__all__ = [
    "ProseReading",
    "RequestResolution",
    "TermResolution",
    "read_prose",
    "resolve_request",
    "resolve_terms",
    "settle_shared_languages",
]
