"""Build the CLDR name sets of the understanding check: ``python tests/matching/names/build_sets.py``.

Each set is a folder in the format of the eval's name sets (``requests.jsonl`` and ``expected.json`` with
``{"kind", "code", "locale"}``). The names are CLDR's (through Babel) for our 13 jurisdictions and 14 languages
in the locales of the region and the centre:

- ``list``: the name as the single item of the list field of its kind;
- ``prose-en``: the name inside a short English sentence in the description;
- ``prose-local``: the name inside a short sentence in the locale's own language (``sentences.json``).
"""

import json
from pathlib import Path

from babel import Locale

HERE = Path(__file__).parent
JURISDICTIONS = ("CN", "HK", "MO", "SG", "TH", "MY", "VN", "ID", "PH", "KH", "LA", "MM", "BN")
LANGUAGES = ("en", "zh", "yue", "th", "vi", "ms", "id", "fil", "km", "lo", "my", "pt", "ja", "ko")
LOCALES = (
    "en", "zh_Hans", "zh_Hant", "zh_Hant_HK", "zh_Hant_MO", "th", "vi", "ms", "id", "fil", "km", "lo", "my", "pt",
    "ja", "ko",
)  # fmt: skip


def names() -> list[tuple[str, str, str, str]]:
    """(locale, kind, code, name) for every CLDR name, without repeats within a locale."""
    out = []
    for locale in LOCALES:
        loc = Locale.parse(locale)
        seen = set()
        for kind, codes, table in (("jurisdictions", JURISDICTIONS, loc.territories),
                                   ("languages", LANGUAGES, loc.languages)):
            for code in codes:
                name = table.get(code)
                if name and (kind, name) not in seen:
                    seen.add((kind, name))
                    out.append((locale, kind, code, name))
    return out


def request(rid: str, kind: str, name: str | None, description: str = "") -> dict:
    """A request in the `flask match` input contract with one name in a list field or in the description."""
    lists = {"jurisdictions": [], "practice_areas": [], "languages": []}
    if name is not None:
        lists[kind] = [name]
    return {"id": rid, "title": "", "description": description, **lists, "counterparties": []}


def write(folder: str, items: list[tuple[dict, dict]]) -> None:
    """Write one set."""
    path = HERE / folder
    path.mkdir(exist_ok=True)
    with (path / "requests.jsonl").open("w", encoding="utf-8") as fh:
        for req, _ in items:
            fh.write(json.dumps(req, ensure_ascii=False) + "\n")
    expected = {req["id"]: exp for req, exp in items}
    (path / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    """Write the three sets."""
    sentences = json.loads((HERE / "sentences.json").read_text(encoding="utf-8"))
    sets: dict[str, list] = {"list": [], "prose-en": [], "prose-local": []}
    for n, (locale, kind, code, name) in enumerate(names(), 1):
        expected = {"kind": kind, "code": code, "locale": locale}
        sets["list"].append((request(f"l{n:04d}", kind, name), expected))
        sentence = sentences["en"][kind].format(name=name)
        sets["prose-en"].append((request(f"e{n:04d}", kind, None, sentence), expected))
        if locale in sentences and locale != "en":
            sentence = sentences[locale][kind].format(name=name)
            sets["prose-local"].append((request(f"p{n:04d}", kind, None, sentence), expected))
    for folder, items in sets.items():
        write(folder, items)
        print(f"{folder}: {len(items)} names")


if __name__ == "__main__":
    main()
