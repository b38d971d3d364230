"""Every list costs the same number of SQL statements whatever its page size: the pages and API lists load
their related rows in bulk, never once per row. Each list is read at two page sizes (2 and 12 rows)."""

import pytest

from legalnet.accounts.models import Role
from legalnet.extensions import cache
from legalnet.firms.models import Lawyer, Office
from legalnet.referrals import services
from tests import factories
from tests.referrals.helpers import firm_with_admin
from tests.referrals.test_query_counts import counting


def statements(app, client, url: str, **kwargs) -> tuple[int, object]:
    """SQL statements sent while serving `url`, and the response."""
    with counting(app) as counter:
        response = client.get(url, **kwargs)
    assert response.status_code == 200, (url, response.get_data(as_text=True)[:300])
    return counter["n"], response


def federation(n: int) -> None:
    """n active firms with coverage, offices and lawyers, all named like a search for "Harbour"."""
    for i in range(n):
        firm = factories.make_firm(f"Harbour Member {i:02d}", jurisdictions=("SG", "MY"),
                                   practice_areas=("arbitration", "tax"), languages=("en", "ms"))
        firm.offices.append(Office(city="Singapore", jurisdiction="SG"))
        firm.lawyers.append(Lawyer(name=f"Lawyer {i}"))


PUBLIC_LISTS = ["/api/v1/firms?limit={n}", "/api/v1/firms?q=Harbour&limit={n}",
                "/api/v1/firms?jurisdiction=SG&limit={n}"]


@pytest.mark.parametrize("url", PUBLIC_LISTS)
def test_public_firm_lists_cost_the_same_at_any_page_size(app, client, db, api, url):
    federation(12)
    db.session.commit()
    headers = {"Authorization": f"Bearer {api.token_for(factories.make_user(Role.CLIENT))}"}
    client.get(url.format(n=1), headers=headers)  # warm-up: statement caches and the vocabulary
    few, small = statements(app, client, url.format(n=2), headers=headers)
    many, large = statements(app, client, url.format(n=12), headers=headers)
    assert len(small.get_json()["items"]) == 2 and len(large.get_json()["items"]) == 12
    assert many == few, (url, few, many)


def test_directory_page_costs_the_same_at_any_page_size(app, client, db):
    federation(2)
    db.session.commit()
    client.get("/firms/")
    cache.clear()  # counted as built from the database, not as served from the cache
    few, _page = statements(app, client, "/firms/")
    federation(10)
    db.session.commit()
    cache.clear()
    many, page = statements(app, client, "/firms/")
    assert page.get_data(as_text=True).count("Harbour Member") >= 12
    assert many == few, (few, many)


def test_token_lists_cost_the_same_at_any_page_size(app, client, db, api):
    client_user = factories.make_user(Role.CLIENT)
    staff = factories.make_user(Role.STAFF)
    firms = [firm_with_admin(f"Firm {i}", capacity=100) for i in range(3)]
    for i in range(12):
        firm, admin = firms[i % 3] if i % 2 else firms[0]
        req = factories.make_legal_request(client_user, title=f"Matter {i}")
        offer = services.choose_firm(req, client_user, firm.id)
        services.accept_offer(offer, admin, True)
    federation(12)
    db.session.commit()
    tokens = {user: api.token_for(user) for user in (client_user, staff, firms[0][1])}
    lists = [(client_user, "/requests?limit={n}"), (staff, "/requests?limit={n}"), (staff, "/staff/firms?limit={n}"),
             (firms[0][1], "/offers?limit={n}")]
    for user, path in lists:
        headers = {"Authorization": f"Bearer {tokens[user]}"}
        client.get("/api/v1" + path.format(n=1), headers=headers)
        few, small = statements(app, client, "/api/v1" + path.format(n=2), headers=headers)
        many, large = statements(app, client, "/api/v1" + path.format(n=12), headers=headers)
        assert len(small.get_json()["items"]) == 2 and len(large.get_json()["items"]) >= 7, path
        assert many == few, (path, few, many)
