"""Who sees which request is decided once (legalnet/referrals/access.py): the pages and the API list the same
requests for every role, and every firm of a team case, not only the lead, reads the whole request."""

from legalnet.accounts.models import Role
from legalnet.core.audit import AuditLog
from legalnet.intake.models import RequestStatus
from legalnet.referrals import services, teams
from tests import factories
from tests.api.conftest import Api
from tests.referrals.helpers import firm_with_admin

SECRET_LINE = "Our supplier in Shenzhen is the party we will claim against."


def listed_on_page(client, path: str, references: set[str]) -> set[str]:
    """Which of `references` a list page shows."""
    html = client.get(path).get_data(as_text=True)
    return {ref for ref in references if ref in html}


def test_pages_and_api_list_the_same_requests_for_every_role(client, auth, db):
    hk_firm, hk_admin = firm_with_admin("Harbour Chambers", country="HK", jurisdictions=("HK",))
    client_user = factories.make_user(Role.CLIENT)
    other_client = factories.make_user(Role.CLIENT)
    staff = factories.make_user(Role.STAFF)
    accepted = factories.make_legal_request(client_user, title="Shareholder dispute in Hong Kong")
    offered = factories.make_legal_request(client_user, title="Lease renewal in Hong Kong")
    elsewhere = factories.make_legal_request(other_client, title="Employment claim in Hong Kong")
    db.session.commit()
    for req in (accepted, offered):
        services.choose_firm(req, client_user, hk_firm.id)
    services.accept_offer(accepted.offers[0], hk_admin, True)
    db.session.commit()
    references = {accepted.reference, offered.reference, elsewhere.reference}
    api = Api(client)

    expected = {
        client_user: {accepted.reference, offered.reference},
        other_client: {elsewhere.reference},
        hk_admin: {accepted.reference},  # the offered request is in its inbox, not among its cases
        staff: {accepted.reference, offered.reference, elsewhere.reference},
    }
    pages = {Role.CLIENT: "/requests/", Role.FIRM_ADMIN: "/cases/?show=all", Role.STAFF: "/staff/requests"}
    for user, refs in expected.items():
        auth.login(user=user)
        assert listed_on_page(client, pages[user.role], references) == refs, user.role
        auth.logout()
        through_api = api.get("/requests?limit=50", user).get_json()["items"]
        assert {item["reference"] for item in through_api} == refs, user.role
    # The firm's inbox holds both offers, through the page and the API alike.
    auth.login(user=hk_admin)
    inbox = client.get("/offers/?show=all").get_data(as_text=True)
    assert accepted.reference in inbox and offered.reference in inbox
    assert len(api.get("/offers", hk_admin).get_json()["items"]) == 2


def test_every_firm_of_a_team_case_reads_the_whole_request(client, auth, db):
    hk_firm, hk_admin = firm_with_admin("Harbour Chambers", country="HK", jurisdictions=("HK",))
    sg_firm, sg_admin = firm_with_admin("Lion City Law", country="SG", jurisdictions=("SG",))
    client_user = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client_user, title="Arbitration in Hong Kong and Singapore",
                                       jurisdictions=("HK", "SG"), description=SECRET_LINE)
    db.session.commit()
    offers = teams.refer_team(req, client_user)
    db.session.commit()
    by_firm = {o.firm_id: o for o in offers}
    assert by_firm[hk_firm.id].lead and not by_firm[sg_firm.id].lead

    # Before accepting, the Singapore firm reads the summary only.
    auth.login(user=sg_admin)
    offer_page = client.get(f"/offers/{by_firm[sg_firm.id].id}").get_data(as_text=True)
    assert SECRET_LINE not in offer_page
    auth.logout()

    for firm_id, admin in ((hk_firm.id, hk_admin), (sg_firm.id, sg_admin)):
        services.accept_offer(by_firm[firm_id], admin, True)
        db.session.commit()
    assert req.status == RequestStatus.ACCEPTED

    # The part that does not lead reads everything too, on the case page and through the API, and it is audited.
    auth.login(user=sg_admin)
    assert SECRET_LINE in client.get(f"/cases/{req.id}").get_data(as_text=True)
    body = Api(client).get(f"/requests/{req.id}", sg_admin).get_json()
    assert body["description"] == SECRET_LINE
    disclosed_to = {entry.actor_id for entry in db.session.scalars(
        db.select(AuditLog).where(AuditLog.action == "request.disclosed.viewed", AuditLog.subject_id == req.id))}
    assert sg_admin.id in disclosed_to
