"""Chinese written in either script: word lists and the term base read both."""

import json
from pathlib import Path

import legalnet.matching
from legalnet.matching.chinese_scripts import other_scripts, with_other_scripts
from legalnet.matching.party_words import PARTY_WORDS
from legalnet.matching.resolver.cues import _CUES

DATA = Path(legalnet.matching.__file__).parent / "data"


def test_a_word_in_one_script_is_also_given_in_the_others():
    assert "冻结令" in other_scripts("凍結令")
    assert "凍結令" in other_scripts("冻结令")
    assert other_scripts("freezing order") == ()


def test_word_lists_gain_the_other_scripts_and_patterns_stay_as_written():
    pattern = "(?:可以告)(?![诉訴知])"
    lists = with_other_scripts({"about": "text", "words": ["律師函", "lawyer"], "patterns": [pattern],
                                "nested": [{"terms": ["索賠"]}]})
    assert lists["about"] == "text"
    assert lists["words"][:2] == ["律師函", "lawyer"] and "律师函" in lists["words"]
    assert lists["patterns"] == [pattern]
    assert "索赔" in lists["nested"][0]["terms"]


def test_the_loaded_cues_and_party_words_carry_both_scripts():
    written = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))
    people = json.loads((DATA / "parties.json").read_text(encoding="utf-8"))
    for raw, loaded in ((written["home_zh"], _CUES["home_zh"]), (people["cjk_titles"], PARTY_WORDS["cjk_titles"])):
        for word in raw:
            assert len(word) == 1 or set(other_scripts(word)) <= set(loaded), word
    assert "系" not in _CUES["home_zh"]  # 係 alone stays as written: 系 is also "contact" (联系)
