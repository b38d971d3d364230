"""The public directory: only active members, fuzzy names in Latin or Chinese script, coverage filters, pages."""

from html import escape

import pytest

from legalnet.accounts.models import Role
from legalnet.firms.models import ConflictParty, FirmStatus, Lawyer, Office
from legalnet.firms.services import NAME_CUTOFF, name_score, search_directory
from tests import factories


def names(response) -> str:
    return response.get_data(as_text=True)


@pytest.fixture()
def federation(db):
    """A few members with different coverage, and firms that must never show."""
    firms = {
        "tan": factories.make_firm("Tan & Koh LLC", jurisdictions=("SG", "MY"), practice_areas=("arbitration", "tax"),
                                   languages=("en", "ms")),
        "qianhai": factories.make_firm("Qianhai Harbour Law Firm", local_name="前海港湾律师事务所",
                                       jurisdictions=("CN", "HK"), practice_areas=("foreign-investment",),
                                       languages=("zh", "yue")),
        "hanoi": factories.make_firm("Hanoi Lotus Legal", jurisdictions=("VN",),
                                     practice_areas=("intellectual-property",), languages=("vi", "en")),
    }
    for status in (FirmStatus.APPLICANT, FirmStatus.SUSPENDED, FirmStatus.LAPSED, FirmStatus.REJECTED,
                   FirmStatus.WITHDRAWN):
        firms[status.value] = factories.make_firm(f"Hidden {status.value} Tan Koh", status=status,
                                                  jurisdictions=("SG",))
    db.session.commit()
    return firms


@pytest.mark.parametrize("query,expected", [
    ("Tan and Koh", "Tan & Koh LLC"),
    ("tan koh", "Tan & Koh LLC"),
    ("Tan & Ko", "Tan & Koh LLC"),
    ("Qianhai Harbur", "Qianhai Harbour Law Firm"),
    ("前海港湾", "Qianhai Harbour Law Firm"),
    ("前海港灣律師事務所", "Qianhai Harbour Law Firm"),
    ("lotus", "Hanoi Lotus Legal"),
])
def test_fuzzy_name_search(client, federation, query, expected):
    page = names(client.get("/firms/", query_string={"q": query}))
    assert escape(expected) in page
    assert "Hidden" not in page


def test_search_ranks_the_best_name_first_and_leaves_out_unrelated_firms(db, federation):
    results = search_directory("Tan and Koh")
    assert [f.name for f in results.items] == ["Tan & Koh LLC"]
    assert search_directory("Zyxwv Partners").total == 0


def test_name_score_reads_ampersand_and_width_variants():
    assert name_score("TAN AND KOH", "Tan & Koh LLC") == 100
    assert name_score("Ｔａｎ ＆ Ｋｏｈ", "Tan & Koh LLC") == 100
    assert name_score("Baker", "Tan & Koh LLC") < 60
    assert name_score("Bangkok", "Angkor Advocates") < NAME_CUTOFF <= name_score("Angkr", "Angkor Advocates")


def test_filters_by_jurisdiction_practice_area_and_language(client, federation):
    page = names(client.get("/firms/", query_string={"jurisdiction": "SG"}))
    assert "Tan &amp; Koh LLC" in page and "Qianhai Harbour" not in page and "Hidden" not in page
    page = names(client.get("/firms/", query_string={"practice_area": "intellectual-property", "language": "en"}))
    assert "Hanoi Lotus Legal" in page and "Tan &amp; Koh" not in page
    page = names(client.get("/firms/", query_string={"jurisdiction": "HK", "language": "vi"}))
    assert "No member firm fits" in page
    # A value outside the vocabulary is ignored, not an error.
    page = client.get("/firms/", query_string={"jurisdiction": "<script>"})
    assert page.status_code == 200 and "Hanoi Lotus Legal" in names(page)


def test_pagination(client, db):
    for n in range(25):
        factories.make_firm(f"Member {n:02d}")
    db.session.commit()
    first = names(client.get("/firms/"))
    assert "Member 00" in first and "Member 20" not in first and "Page 1 of 2" in first
    second = names(client.get("/firms/", query_string={"page": 2}))
    assert "Member 20" in second and "Member 00" not in second
    results = search_directory("Member", page=2)
    assert results.total == 25 and len(results.items) == 5


def test_profile_page_shows_labels_offices_lawyers_but_never_the_conflict_register(client, db, federation):
    firm = federation["tan"]
    firm.offices.append(Office(city="Singapore", jurisdiction="SG", address="1 Raffles Place"))
    firm.lawyers.append(Lawyer(name="Priya Tan"))
    firm.conflict_parties.append(ConflictParty(name="Secret Client Pte Ltd", normalized_name="secret client"))
    firm.website = "https://tankoh.example"
    db.session.commit()
    page = names(client.get(f"/firms/{firm.id}"))
    for text in ("Singapore", "Malaysia", "Arbitration", "Malay", "1 Raffles Place", "Priya Tan",
                 "https://tankoh.example"):
        assert text in page, text
    assert "Secret Client" not in page


@pytest.mark.parametrize("status", ["applicant", "suspended", "lapsed", "rejected", "withdrawn"])
@pytest.mark.parametrize("role", [None, Role.CLIENT, Role.STAFF])
def test_inactive_firms_public_page_is_404_for_everyone(client, db, auth, federation, status, role):
    if role:
        auth.login(role)
    assert client.get(f"/firms/{federation[status].id}").status_code == 404
    assert client.get("/firms/999999").status_code == 404
