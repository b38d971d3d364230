"""Team referrals through the pages: the client refers a two-jurisdiction request to the proposed team, one
part is declined and passes to the next firm of its jurisdiction, every part is accepted, each firm sees its
part and the shared timeline, and the case closes when both parts have closed."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy.exc import IntegrityError

from legalnet.accounts.models import Role
from legalnet.extensions import db
from legalnet.firms.models import Firm
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.notifications.models import Notification
from legalnet.referrals.cli import sweep
from legalnet.referrals.models import CaseEvent, Offer, OfferStatus
from legalnet.referrals.offers import store_shortlist
from tests import factories
from tests.conftest import submit
from tests.referrals.helpers import firm_with_admin


def team_request():
    """A client, a Hong Kong firm, two Singapore firms and a HK + SG request no single firm covers."""
    hk = firm_with_admin("Harbour Chambers", country="HK", jurisdictions=("HK",))
    sg_one = firm_with_admin("Lion City Law", country="SG", jurisdictions=("SG",))
    sg_two = firm_with_admin("Marina Legal", country="SG", jurisdictions=("SG",))
    client_user = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client_user, title="Arbitration in Hong Kong and Singapore",
                                       jurisdictions=("HK", "SG"))
    db.session.commit()
    assert req.status == RequestStatus.MATCHED
    assert [m["jurisdiction"] for m in req.team] == ["HK", "SG"]
    return client_user, req, {pair[0].id: pair for pair in (hk, sg_one, sg_two)}


def test_the_clients_page_lists_each_part_of_the_team_with_its_firm_and_the_lead(client, auth, db):
    client_user, req, firms = team_request()
    proposed = {m["jurisdiction"]: m["firm_id"] for m in req.team}
    auth.login(user=client_user)
    assert submit(client, f"/requests/{req.id}/team", {}, form_url=f"/requests/{req.id}").status_code == 302
    page = client.get(f"/requests/{req.id}").get_data(as_text=True)
    assert "data-team-referred" in page
    rows = page[page.index("<h2>Offers</h2>"):].split("<tr>")[2:]
    assert len(rows) == 2
    hk_row, sg_row = rows
    assert firms[proposed["HK"]][0].name in hk_row and "Team part: Hong Kong" in hk_row and 'data-lead="1"' in hk_row
    assert firms[proposed["SG"]][0].name in sg_row and "Team part: Singapore" in sg_row and "data-lead" not in sg_row
    assert all("Waiting for an answer" in row for row in rows)


def message_notices(user):
    """How many message notices a user has had."""
    return db.session.scalar(db.select(db.func.count()).select_from(Notification).where(
        Notification.user_id == user.id, Notification.kind == "message"))


def offers_of(req_id):
    return db.session.scalars(db.select(Offer).where(Offer.request_id == req_id).order_by(Offer.id)).all()


def test_a_two_firm_team_case_from_referral_to_closure_with_a_declined_part(client, auth, db):
    client_user, req, firms = team_request()
    proposed = {m["jurisdiction"]: m["firm_id"] for m in req.team}
    auth.login(user=client_user)
    page = client.get(f"/requests/{req.id}").get_data(as_text=True)
    assert "Refer to this team" in page

    # The client refers the request to the team: one offer per jurisdiction, the first firm leads.
    response = submit(client, f"/requests/{req.id}/team", {}, form_url=f"/requests/{req.id}")
    assert response.status_code == 302
    offers = offers_of(req.id)
    assert [(o.jurisdiction, o.firm_id, o.lead, o.status) for o in offers] == [
        ("HK", proposed["HK"], True, OfferStatus.OFFERED), ("SG", proposed["SG"], False, OfferStatus.OFFERED)]
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.REFERRED
    # A second click offers nothing twice.
    assert "Refer to this team" not in client.get(f"/requests/{req.id}").get_data(as_text=True)
    assert client.post(f"/requests/{req.id}/team", data={}).status_code == 400
    assert len(offers_of(req.id)) == 2

    # The Singapore firm declines its part: the part passes to the other Singapore firm, the HK part stays.
    sg_declining = firms[proposed["SG"]]
    sg_next = next(pair for fid, pair in firms.items() if fid not in proposed.values())
    auth.logout()
    auth.login(user=sg_declining[1])
    sg_offer = offers[1]
    page = client.get(f"/offers/{sg_offer.id}").get_data(as_text=True)
    assert "A team referral: this offer is for the part of Singapore." in page
    submit(client, f"/offers/{sg_offer.id}/decline", {"reason": "No arbitration partner free."},
           form_url=f"/offers/{sg_offer.id}")
    offers = offers_of(req.id)
    assert [(o.jurisdiction, o.firm_id, o.status) for o in offers] == [
        ("HK", proposed["HK"], OfferStatus.OFFERED), ("SG", proposed["SG"], OfferStatus.DECLINED),
        ("SG", sg_next[0].id, OfferStatus.OFFERED)]
    assert not offers[2].lead

    # The HK firm accepts: the request waits for the other part.
    hk_firm, hk_admin = firms[proposed["HK"]]
    auth.logout()
    auth.login(user=hk_admin)
    page = client.get(f"/offers/{offers[0].id}").get_data(as_text=True)
    assert "Your firm would lead the team." in page
    submit(client, f"/offers/{offers[0].id}/accept", {"confirm_conflict_check": "y"},
           form_url=f"/offers/{offers[0].id}")
    assert db.session.get(Offer, offers[0].id).status == OfferStatus.ACCEPTED
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.REFERRED
    # The next Singapore firm accepts: every part is accepted and the case opens.
    auth.logout()
    auth.login(user=sg_next[1])
    response = submit(client, f"/offers/{offers[2].id}/accept", {"confirm_conflict_check": "y"},
                      form_url=f"/offers/{offers[2].id}")
    assert response.headers["Location"].endswith(f"/cases/{req.id}")
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.ACCEPTED

    # Each firm sees the team with its own part marked, and the shared timeline; its internal note stays its own.
    case = client.get(f"/cases/{req.id}").get_data(as_text=True)
    assert 'data-part="HK"' in case and 'data-part="SG"' in case and "Your part" in case
    assert case.index("Your part") > case.index('data-part="SG"')
    assert "Harbour Chambers" in case and sg_next[0].name in case
    submit(client, f"/cases/{req.id}/notes", {"text": "SG seat: check the SIAC rules."}, form_url=f"/cases/{req.id}")
    submit(client, f"/cases/{req.id}/messages", {"body": "We act for the Singapore part."},
           form_url=f"/cases/{req.id}")
    auth.logout()
    auth.login(user=hk_admin)
    case = client.get(f"/cases/{req.id}").get_data(as_text=True)
    assert "We act for the Singapore part." in case and "SIAC" not in case
    assert case.index("Your part") < case.index('data-part="SG"')
    # The declined firm is not on the case.
    auth.logout()
    auth.login(user=sg_declining[1])
    assert client.get(f"/cases/{req.id}").status_code == 404

    # The client messages the team: both firms are told.
    auth.logout()
    auth.login(user=client_user)
    case = client.get(f"/cases/{req.id}").get_data(as_text=True)
    assert "Lead firm" in case and sg_next[0].email in case and hk_firm.email in case
    before = {admin.id: message_notices(admin) for admin in (hk_admin, sg_next[1])}
    submit(client, f"/cases/{req.id}/messages", {"body": "Documents follow."}, form_url=f"/cases/{req.id}")
    for admin in (hk_admin, sg_next[1]):
        assert message_notices(admin) == before[admin.id] + 1

    # The HK firm closes its part: the case stays open. The SG firm closes its part: the case closes.
    auth.logout()
    auth.login(user=hk_admin)
    submit(client, f"/cases/{req.id}/close", {"outcome": "resolved", "note": "HK award enforced.", "confirm": "y"},
           form_url=f"/cases/{req.id}")
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.ACCEPTED
    assert db.session.get(Offer, offers[0].id).part_closed_at is not None
    case = client.get(f"/cases/{req.id}").get_data(as_text=True)
    assert 'data-part-status="closed"' in case and "Close your part" not in case
    assert db.session.get(Firm, hk_firm.id).open_cases == 0
    auth.logout()
    auth.login(user=sg_next[1])
    submit(client, f"/cases/{req.id}/close", {"outcome": "resolved", "note": "SG part done.", "confirm": "y"},
           form_url=f"/cases/{req.id}")
    closed = db.session.get(LegalRequest, req.id)
    assert closed.status == RequestStatus.CLOSED and closed.outcome.value == "resolved"
    assert db.session.get(Firm, sg_next[0].id).open_cases == 0
    kinds = [e.kind for e in db.session.scalars(db.select(CaseEvent).where(CaseEvent.request_id == req.id))]
    assert kinds.count("team_part") == 3 and kinds.count("part_accepted") == 2 and kinds.count("part_closed") == 2
    assert "team_accepted" in kinds and kinds[-1] == "closed"


def test_staff_refer_the_team_and_an_expired_part_cascades_within_its_jurisdiction(client, auth, db):
    _client_user, req, firms = team_request()
    proposed = {m["jurisdiction"]: m["firm_id"] for m in req.team}
    auth.login(Role.STAFF)
    page = client.get(f"/staff/requests/{req.id}").get_data(as_text=True)
    assert "Refer to this team" in page
    submit(client, f"/staff/requests/{req.id}/team", {}, form_url=f"/staff/requests/{req.id}")
    offers = offers_of(req.id)
    assert [o.jurisdiction for o in offers] == ["HK", "SG"]
    # The HK part expires: no other HK firm exists, so the request goes to the staff queue; the SG part stays open.
    hk_offer, sg_offer = offers
    sg_offer.respond_by = hk_offer.respond_by + timedelta(days=1)
    db.session.commit()
    first = sweep(now=hk_offer.respond_by)
    again = sweep(now=hk_offer.respond_by)
    assert first["expired"] == 1 and again["expired"] == 0
    assert db.session.get(Offer, hk_offer.id).status == OfferStatus.EXPIRED
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.NEEDS_REVIEW
    assert db.session.get(Offer, sg_offer.id).status == OfferStatus.OFFERED
    # A new HK member joins; staff refer the team again: only the uncovered part is offered, and it leads.
    newcomer, _admin = firm_with_admin("Victoria Peak LLP", country="HK", jurisdictions=("HK",))
    db.session.commit()
    submit(client, f"/staff/requests/{req.id}/team", {}, form_url=f"/staff/requests/{req.id}")
    hk_parts = [o for o in offers_of(req.id) if o.jurisdiction == "HK"]
    assert [(o.firm_id, o.status) for o in hk_parts][-1] == (newcomer.id, OfferStatus.OFFERED)
    assert hk_parts[-1].lead and proposed["HK"] != newcomer.id
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.REFERRED
    assert len(offers_of(req.id)) == 3


def test_one_accepted_firm_per_part_is_enforced_by_the_database(db):
    _client_user, req, firms = team_request()
    hk_id = next(m["firm_id"] for m in req.team if m["jurisdiction"] == "HK")
    other = next(fid for fid in firms if fid != hk_id)
    now = req.created_at
    db.session.add_all([Offer(request_id=req.id, firm_id=hk_id, jurisdiction="HK", status=OfferStatus.ACCEPTED,
                              respond_by=now),
                        Offer(request_id=req.id, firm_id=other, jurisdiction="SG", status=OfferStatus.ACCEPTED,
                              respond_by=now)])
    db.session.commit()
    db.session.add(Offer(request_id=req.id, firm_id=other, jurisdiction="HK", status=OfferStatus.ACCEPTED,
                         respond_by=now))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_a_firm_that_accepts_its_part_first_waits_on_its_offer_and_is_told_when_the_case_opens(client, auth, db):
    client_user, req, firms = team_request()
    auth.login(user=client_user)
    submit(client, f"/requests/{req.id}/team", {}, form_url=f"/requests/{req.id}")
    auth.logout()
    hk_offer, sg_offer = offers_of(req.id)
    hk_admin, sg_admin = firms[hk_offer.firm_id][1], firms[sg_offer.firm_id][1]

    # The first acceptance does not open the case: the firm stays on its offer, which says what comes next.
    auth.login(user=hk_admin)
    response = submit(client, f"/offers/{hk_offer.id}/accept", {"confirm_conflict_check": "y"},
                      form_url=f"/offers/{hk_offer.id}")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/offers/{hk_offer.id}")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "You accepted your part of request" in page and "data-waiting-for-team" in page
    assert f"/cases/{req.id}" not in page
    assert client.get(f"/cases/{req.id}").status_code == 404
    inbox = client.get("/offers/?show=all").get_data(as_text=True)
    assert 'data-part="HK"' in inbox and "Team part: Hong Kong" in inbox and 'data-lead="1"' in inbox
    auth.logout()

    # The last acceptance opens the case: that firm lands on it, the firm that accepted first is told.
    auth.login(user=sg_admin)
    response = submit(client, f"/offers/{sg_offer.id}/accept", {"confirm_conflict_check": "y"},
                      form_url=f"/offers/{sg_offer.id}")
    assert response.headers["Location"].endswith(f"/cases/{req.id}")
    told = db.session.scalars(db.select(Notification.message).where(
        Notification.user_id == hk_admin.id, Notification.kind == "offer.accepted")).all()
    assert told == [f"Every firm of the team accepted its part of request {req.reference}: the shared case is open."]
    assert not db.session.scalar(db.select(db.func.count()).select_from(Notification).where(
        Notification.user_id == sg_admin.id, Notification.kind == "offer.accepted"))
    page = client.get(f"/cases/{req.id}").get_data(as_text=True)
    # The team's table lists the firms with their contacts; no single "Firm" card stands for the team.
    assert "<h2>Firm</h2>" not in page and 'class="stack-on-phone"' in page
    auth.logout()
    auth.login(user=client_user)
    assert "Message the team" in client.get(f"/cases/{req.id}").get_data(as_text=True)


def test_a_team_part_reads_as_a_part_on_the_timeline_the_offer_and_the_close_form(client, auth, db):
    client_user, req, firms = team_request()
    proposed = {m["jurisdiction"]: m["firm_id"] for m in req.team}
    auth.login(user=client_user)
    submit(client, f"/requests/{req.id}/team", {}, form_url=f"/requests/{req.id}")
    kinds = [e.kind for e in db.session.scalars(db.select(CaseEvent).where(CaseEvent.request_id == req.id))]
    # One event per part, naming the part; no second "offered" line for the same offer.
    assert kinds.count("team_part") == 2 and "offered" not in kinds
    auth.logout()

    # The Singapore firm is asked for Singapore only: Hong Kong is not listed as its gap.
    sg_firm, sg_admin = firms[proposed["SG"]]
    sg_offer = next(o for o in offers_of(req.id) if o.jurisdiction == "SG")
    auth.login(user=sg_admin)
    page = client.get(f"/offers/{sg_offer.id}").get_data(as_text=True)
    assert "does not cover Hong Kong" not in page
    submit(client, f"/offers/{sg_offer.id}/accept", {"confirm_conflict_check": "y"}, form_url=f"/offers/{sg_offer.id}")
    auth.logout()
    hk_firm, hk_admin = firms[proposed["HK"]]
    hk_offer = next(o for o in offers_of(req.id) if o.jurisdiction == "HK")
    auth.login(user=hk_admin)
    submit(client, f"/offers/{hk_offer.id}/accept", {"confirm_conflict_check": "y"}, form_url=f"/offers/{hk_offer.id}")
    # Closing a part asks for no fee: a team's parts are not priced as one figure.
    case = client.get(f"/cases/{req.id}").get_data(as_text=True)
    assert "Close your part" in case and 'name="final_fee"' not in case


def test_one_firm_for_every_jurisdiction_is_not_offered_as_a_team(db):
    # The matcher may propose one firm for each place (it covers both, but not everything asked): that firm is
    # on the shortlist already, and offering it "as a team" would send it two offers of one request.
    firm, _admin = firm_with_admin("Pearl Delta Chambers", country="HK", jurisdictions=("HK", "CN"))
    client_user = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client_user, title="Arbitration in Hong Kong and Shenzhen",
                                       jurisdictions=("HK", "CN"))
    db.session.commit()
    member = SimpleNamespace(firm=SimpleNamespace(id=firm.id, name=firm.name))
    same_firm = SimpleNamespace(matches=[], team=[SimpleNamespace(jurisdiction=code, **vars(member))
                                                  for code in ("HK", "CN")])
    store_shortlist(req, same_firm)
    assert req.team == []
    other, _ = firm_with_admin("Shenzhen Bay Law", country="CN", jurisdictions=("CN",))
    two_firms = SimpleNamespace(matches=[], team=[
        SimpleNamespace(jurisdiction="HK", firm=member.firm),
        SimpleNamespace(jurisdiction="CN", firm=SimpleNamespace(id=other.id, name=other.name))])
    store_shortlist(req, two_firms)
    assert [m["firm_id"] for m in req.team] == [firm.id, other.id]
