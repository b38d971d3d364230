"""The directory's indexed name search finds what scoring every firm's name in Python finds, on the trigram
index (PostgreSQL) and on the plain-SQL prefilter (SQLite, or PostgreSQL without pg_trgm); stored search
names follow every rename."""

import random
import sqlite3

import pytest
from sqlalchemy import select, text

from legalnet.firms import directory
from legalnet.firms.directory import NAME_CUTOFF, name_score, search_directory
from legalnet.firms.models import Firm, FirmStatus
from tests import factories

WORDS = ["Harbour", "Pearl", "Lotus", "Summit", "Golden", "Mekong", "Straits", "Jade", "Orchid", "Crown"]
FAMILIES = ["Tan", "Koh", "Nguyen", "Wong", "Santos", "Reyes", "Wijaya", "Chaiyaporn", "Rahman", "Ong"]
LOCAL = ["前海", "港湾", "明珠", "莲花", "金峰", "湄公"]
QUERIES = ["Harbour", "Harbur Pearl", "Nguyen & Wong", "nguyen wong", "Chaiyaporn", "Chiyaporn", "前海港湾", "明珠",
           "Reyes & Koh Advocates", "Wijya", "Golden Jade Law", "jade", "Ong", "Santos Lotus", "Zyxwv"]
# Typos and fragments, and a word of the name they must find.
TYPOS = {"Harbur Pearl": "harbour pearl", "Chiyaporn": "chaiyaporn", "Wijya": "wijaya", "Golden Jde": "golden jade"}


def scan_every_name(query: str) -> list[int]:
    """The reference: every active firm's names scored in Python, best first."""
    rows = [(name_score(query, f.name, f.local_name), f.name.casefold(), f.id)
            for f in factories.db.session.scalars(select(Firm).where(Firm.status == FirmStatus.ACTIVE))]
    return [firm_id for _s, _n, firm_id in sorted((r for r in rows if r[0] >= NAME_CUTOFF),
                                                   key=lambda r: (-r[0], r[1], r[2]))]


@pytest.fixture()
def many_firms(db):
    rng = random.Random(3)
    for n in range(160):
        if n % 2:
            name = f"{rng.choice(FAMILIES)} & {rng.choice(FAMILIES)} {rng.choice(['LLP', 'Advocates', 'Law'])}"
        else:
            name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(['Law Firm', 'Legal', 'Partners'])}"
        local = f"{rng.choice(LOCAL)}{rng.choice(LOCAL)}律师事务所" if n % 5 == 0 else None
        factories.make_firm(name, local_name=local, status=FirmStatus.ACTIVE if n % 10 else FirmStatus.SUSPENDED)
    db.session.commit()


@pytest.mark.parametrize("trigram_index", [True, False])
def test_indexed_search_finds_what_scanning_every_name_finds(db, many_firms, monkeypatch, trigram_index):
    if trigram_index and not has_trigram_tokenizer(db):
        pytest.skip("this SQLite has no FTS5 trigram tokenizer")
    monkeypatch.setattr(directory, "trigram_index_available", lambda: trigram_index)
    active = list(factories.db.session.scalars(select(Firm).where(Firm.status == FirmStatus.ACTIVE)))
    for query in QUERIES:
        expected = scan_every_name(query)
        found = [f.id for f in search_directory(query, names_only=True, per_page=500).items]
        # Every firm whose name holds the search is listed.
        contains = {f.id for f in active if directory.normalise_name(query) in f.search_name}
        assert contains <= set(found), query
        # Whatever else is listed is a match of the scan, in its order; the prefilter may leave out only weak
        # matches that share few letters with the search (a scorer counting shared words finds those).
        assert found == [i for i in expected if i in found], (query, found, expected)
    for query, name in TYPOS.items():
        found = search_directory(query, names_only=True, per_page=500).items
        assert found and name in found[0].search_name, query
        assert [f.id for f in found] == scan_every_name(query)[:len(found)], query
    assert search_directory("Zyxwv", names_only=True).total == 0


def has_trigram_tokenizer(db) -> bool:
    """PostgreSQL (with pg_trgm), or an SQLite whose FTS5 has the trigram tokenizer."""
    if db.engine.dialect.name == "postgresql":
        return True
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE probe USING fts5(x, tokenize='trigram')")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        probe.close()


def test_trigram_index_is_used_where_it_exists(db):
    assert directory.trigram_index_available() == has_trigram_tokenizer(db)


def test_sqlite_name_index_follows_inserts_renames_and_deletes(db):
    if db.engine.dialect.name != "sqlite" or not has_trigram_tokenizer(db):
        pytest.skip("the FTS5 name index is SQLite's")
    firm = factories.make_firm("Mekong Delta Advocates")
    db.session.commit()
    indexed = "SELECT rowid FROM firm_names WHERE firm_names MATCH :q"
    assert db.session.execute(text(indexed), {"q": '"kon"'}).scalars().all() == [firm.id]
    firm.name = "Irrawaddy Counsel"
    db.session.commit()
    assert db.session.execute(text(indexed), {"q": '"kon"'}).scalars().all() == []
    assert [f.id for f in search_directory("Irawaddy", names_only=True).items] == [firm.id]
    db.session.delete(firm)
    db.session.commit()
    assert db.session.execute(text(indexed), {"q": '"irr"'}).scalars().all() == []


def test_stored_search_name_follows_renames(db):
    firm = factories.make_firm("Ｔａｎ ＆ Ｋｏｈ LLC", local_name="陈许律师事务所")
    db.session.commit()
    assert firm.search_name == "tan and koh llc | 陈许律师事务所"
    firm.name = "Koh Ventures Law"
    firm.local_name = None
    db.session.commit()
    assert firm.search_name == "koh ventures law"
    assert [f.id for f in search_directory("Koh Ventures").items] == [firm.id]
    assert search_directory("陈许").total == 0


def test_cached_select_lists_keep_the_chosen_value_and_language(client, db):
    factories.make_firm("Tan & Koh LLC", jurisdictions=("SG",))
    db.session.commit()
    for code in ("SG", "MY", "SG"):
        html = client.get("/firms/", query_string={"jurisdiction": code}).get_data(as_text=True)
        assert f'<option selected value="{code}">' in html, code
        assert html.count("<option selected") == 1
    html = client.get("/firms/", headers={"Accept-Language": "zh-Hant"}).get_data(as_text=True)
    assert "新加坡" in html


@pytest.mark.parametrize("trigram_index", [True, False])
def test_searches_shorter_than_four_letters_list_only_names_holding_them(db, many_firms, monkeypatch, trigram_index):
    if trigram_index and not has_trigram_tokenizer(db):
        pytest.skip("this SQLite has no FTS5 trigram tokenizer")
    monkeypatch.setattr(directory, "trigram_index_available", lambda: trigram_index)
    # "Ogn" is a typo of "Ong" only by a stretch; three letters find the names holding them, nothing near.
    assert search_directory("Ogn", names_only=True).total == 0
    for query in ("Ong", "Ong &", "ong and"):
        found = search_directory(query, names_only=True, per_page=500).items
        assert found and all("ong" in f.search_name for f in found), query
    # Two characters of Chinese are a word: near misses still count there.
    assert search_directory("明珠", names_only=True).total > 0
