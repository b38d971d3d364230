"""Directory free text: places and practice areas in any language act as filters, firm names still find
their firm, LIKE wildcards and over-long searches are handled."""

from html import escape

import pytest

from tests import factories
from tests.firms.test_directory import federation  # noqa: F401


def page(client, **args) -> str:
    response = client.get("/firms/", query_string=args)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def listed(html: str) -> list[str]:
    """Names of the firms listed on a directory page, in order."""
    import re

    return re.findall(r'<h2><a href="/firms/\d+">([^<]+)</a>', html)


@pytest.mark.parametrize("query", ["越南", "Vietnam", "越南 商标", "商标", "trade marks in Vietnam"])
def test_places_and_practice_areas_in_any_language_filter_the_directory(client, federation, query):  # noqa: F811
    html = page(client, q=query)
    assert listed(html) == ["Hanoi Lotus Legal"], query
    assert "Showing firms in" in html


def test_the_terms_read_are_shown_with_ways_out(client, federation):  # noqa: F811
    html = page(client, q="越南 商标")
    assert "Showing firms in Vietnam · Intellectual Property." in html
    assert 'href="/firms/"' in html and "Clear the search" in html
    # Reading the text as names only is one click away, and says nothing about places.
    names_only = page(client, q="越南 商标", match="name")
    assert listed(names_only) == [] and "Showing firms in" not in names_only


def test_terms_combine_with_the_select_filters(client, federation):  # noqa: F811
    assert listed(page(client, q="arbitration", jurisdiction="MY")) == ["Tan &amp; Koh LLC"]
    assert listed(page(client, q="arbitration", jurisdiction="VN")) == []
    assert listed(page(client, q="Singapore", language="ms")) == ["Tan &amp; Koh LLC"]


def test_a_firm_name_still_finds_the_firm_first(client, db, federation):  # noqa: F811
    factories.make_firm("Shenzhen Bay Counsel", jurisdictions=("CN",))
    db.session.commit()
    # "Qianhai" is a place in China; the name comes first, then other firms in China named like the rest.
    assert listed(page(client, q="Qianhai Harbour Law Firm")) == ["Qianhai Harbour Law Firm"]
    assert listed(page(client, q="前海港湾律师事务所"))[0] == "Qianhai Harbour Law Firm"
    assert listed(page(client, q="Tan and Koh")) == ["Tan &amp; Koh LLC"]
    # A place alone lists every firm there.
    assert listed(page(client, q="China")) == ["Qianhai Harbour Law Firm", "Shenzhen Bay Counsel"]


def test_like_wildcards_match_nothing_special(client, db, federation):  # noqa: F811
    for query in ("%", "_", "%%", "*"):
        assert listed(page(client, q=query)) == [], query
    factories.make_firm("100% Legal")
    db.session.commit()
    assert listed(page(client, q="100%")) == ["100% Legal"]


def test_an_over_long_search_is_refused_with_a_message(client, federation):  # noqa: F811
    html = page(client, q="x" * 300)
    assert "Type at most 200 characters" in html
    assert listed(html) == []
    assert "member firms found" not in html
    assert escape("x" * 300) in html  # kept in the box to shorten


def test_page_past_the_end_of_the_directory(client, federation):  # noqa: F811
    html = page(client, page=9)
    assert "Page 9 is past the end; the list has 1 page." in html
    assert "No member firm fits" not in html
