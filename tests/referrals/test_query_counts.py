"""The lists load their related rows in a fixed number of queries: ten rows cost no more queries than two."""

from contextlib import contextmanager

from sqlalchemy import event

from legalnet.accounts.models import Role
from legalnet.extensions import db
from legalnet.referrals import services
from tests import factories
from tests.referrals.helpers import firm_with_admin


@contextmanager
def counting(app):
    """Count the SQL statements sent to the database inside the block."""
    counter = {"n": 0}

    def count(*_args, **_kwargs):
        counter["n"] += 1

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield counter
    finally:
        event.remove(engine, "before_cursor_execute", count)


def queries_for(app, client, url: str) -> int:
    with counting(app) as counter:
        response = client.get(url)
    assert response.status_code == 200, url
    return counter["n"]


def add_requests(client_user, firms, n: int, accept: bool) -> None:
    """n requests of the client, each offered to one of the firms in turn (and accepted when `accept`)."""
    for i in range(n):
        firm, admin = firms[i % len(firms)]
        req = factories.make_legal_request(client_user, title=f"Matter {i}")
        offer = services.choose_firm(req, client_user, firm.id)
        if accept:
            services.accept_offer(offer, admin, True)
    db.session.commit()


def test_case_offer_and_queue_lists_do_not_grow_with_rows(app, client, db, auth):
    firms = [firm_with_admin(f"Firm {i}", capacity=100) for i in range(3)]
    client_user = factories.make_user(Role.CLIENT)
    staff = factories.make_user(Role.STAFF)
    db.session.commit()
    urls = {client_user: "/cases/?show=all", staff: "/staff/requests", firms[0][1]: "/offers/?show=all"}

    def measure():
        counts = {}
        for user, url in urls.items():
            auth.login(user=user)
            queries_for(app, client, url)  # warm-up: the first page view of a session loads the user
            counts[url] = queries_for(app, client, url)
            auth.logout()
        return counts

    add_requests(client_user, firms, 2, accept=True)
    few = measure()
    add_requests(client_user, firms, 8, accept=True)
    many = measure()
    assert many == few, (few, many)
    # Guard that the pages did list the rows.
    auth.login(user=client_user)
    assert client.get("/cases/?show=all").get_data(as_text=True).count("Matter ") == 10


def test_the_client_request_list_does_not_grow_with_rows(app, client, db, auth):
    firms = [firm_with_admin(f"Firm {i}", capacity=100) for i in range(2)]
    client_user = factories.make_user(Role.CLIENT)
    db.session.commit()
    auth.login(user=client_user)
    add_requests(client_user, firms, 2, accept=False)
    queries_for(app, client, "/requests/")
    few = queries_for(app, client, "/requests/")
    add_requests(client_user, firms, 10, accept=True)
    many = queries_for(app, client, "/requests/")
    page = client.get("/requests/").get_data(as_text=True)
    assert page.count("Matter ") == 12 and "Accepted" in page
    assert many == few, (few, many)


def test_staff_request_and_client_request_pages_do_not_grow_with_the_shortlist(app, client, db, auth):
    client_user = factories.make_user(Role.CLIENT)
    firm_with_admin("First")
    few_req = factories.make_legal_request(client_user, title="Few")
    for i in range(8):
        firm_with_admin(f"More {i}")
    many_req = factories.make_legal_request(client_user, title="Many")
    db.session.commit()
    assert len(few_req.matches) == 1 and len(many_req.matches) == 9
    auth.login(Role.STAFF)
    queries_for(app, client, f"/staff/requests/{few_req.id}")
    assert (queries_for(app, client, f"/staff/requests/{many_req.id}")
            == queries_for(app, client, f"/staff/requests/{few_req.id}"))
    auth.logout()
    auth.login(user=client_user)
    queries_for(app, client, f"/requests/{few_req.id}")
    assert queries_for(app, client, f"/requests/{many_req.id}") == queries_for(app, client, f"/requests/{few_req.id}")
