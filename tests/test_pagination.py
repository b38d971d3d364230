"""The shared pager: previous/next links that keep the list's filters."""

import re

from legalnet.accounts.models import Role
from legalnet.staff.views import PER_PAGE
from tests import factories


def links(page: str) -> dict[str, str]:
    nav = re.search(r'<nav class="pagination".*?</nav>', page, re.S).group(0)
    return {label: href.replace("&amp;", "&") for href, label in re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav)}


def test_pager_keeps_filters_and_counts_pages(client, db, auth):
    for n in range(PER_PAGE + 2):
        factories.make_firm(name=f"Pager Firm {n:03d}", jurisdictions=("SG",))
    db.session.commit()
    auth.login(Role.STAFF)
    first = client.get("/staff/firms?jurisdiction=SG&status=active").get_data(as_text=True)
    assert "Page 1 of 2" in first
    assert set(links(first)) == {"Next"}
    following = links(first)["Next"]
    assert "jurisdiction=SG" in following and "status=active" in following and "page=2" in following
    second = client.get(following).get_data(as_text=True)
    assert "Page 2 of 2" in second and set(links(second)) == {"Previous"}


def test_single_page_shows_no_pager(client, db, auth):
    auth.login(Role.STAFF)
    assert 'class="pagination"' not in client.get("/staff/firms").get_data(as_text=True)
