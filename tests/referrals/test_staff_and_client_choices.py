"""Choices that need care: staff referring by hand see how each firm fits the request and must confirm a
firm that does not cover it or is full; the client's shortlist is shown in rank order with partial coverage
explained; closing a case needs an explicit confirmation."""

from legalnet.accounts.models import Role
from legalnet.extensions import db
from legalnet.intake.models import LegalRequest, RequestStatus
from legalnet.matching.models import Match
from legalnet.referrals.models import Offer
from tests import factories
from tests.conftest import submit
from tests.referrals.helpers import firm_with_admin
from tests.test_i18n import page


def review_request():
    """A Hong Kong arbitration request no firm has been offered yet (matched), seen by staff."""
    client_user = factories.make_user(Role.CLIENT)
    covering, _ = firm_with_admin("Zulu Harbour Arbitration", capacity=5, open_cases=3)
    full, _ = firm_with_admin("Yankee Full Chambers", capacity=2, open_cases=2)
    elsewhere, _ = firm_with_admin("Alpha Singapore Counsel", jurisdictions=("SG",), practice_areas=("tax",))
    req = factories.make_legal_request(client_user)
    db.session.commit()
    return req, covering, full, elsewhere


def test_refer_by_hand_lists_covering_firms_first_with_their_fit_and_load(client, db, auth):
    req, covering, full, elsewhere = review_request()
    auth.login(Role.STAFF)
    html = page(client, f"/staff/requests/{req.id}")
    section = html[html.index("Refer by hand"):]
    # Alphabetically Alpha comes first; covering the request puts it last.
    assert section.index("Zulu Harbour Arbitration") < section.index("Alpha Singapore Counsel")
    assert section.index("Yankee Full Chambers") < section.index("Alpha Singapore Counsel")
    row = section[section.index(f'data-firm="{elsewhere.id}"'):]
    row = row[:row.index("</tr>")]
    assert "Singapore" in row and "missing: Hong Kong" in row and "missing: Arbitration" in row
    row = section[section.index(f'data-firm="{covering.id}"'):]
    row = row[:row.index("</tr>")]
    assert "Hong Kong" in row and "3/5" in row and "at capacity" not in row
    row = section[section.index(f'data-firm="{full.id}"'):]
    assert "2/2" in row[:row.index("</tr>")] and "at capacity" in row[:row.index("</tr>")]


def test_a_firm_outside_the_request_or_at_capacity_needs_confirmation(client, db, auth):
    req, covering, full, elsewhere = review_request()
    auth.login(Role.STAFF)
    url, form = f"/staff/requests/{req.id}/refer", f"/staff/requests/{req.id}"
    for firm in (elsewhere, full):
        response = submit(client, url, {"firm_id": str(firm.id), "reason": "asked for"}, form_url=form,
                          follow_redirects=True)
        assert "Confirm that you want to refer it anyway" in response.get_data(as_text=True)
        assert db.session.scalars(db.select(Offer).where(Offer.firm_id == firm.id)).first() is None

    submit(client, url, {"firm_id": str(covering.id)}, form_url=form)
    assert db.session.scalars(db.select(Offer).where(Offer.firm_id == covering.id)).one()
    submit(client, url, {"firm_id": str(elsewhere.id), "reason": "client asked", "confirm": "y"}, form_url=form)
    offer = db.session.scalars(db.select(Offer).where(Offer.firm_id == elsewhere.id)).one()
    assert offer.source.value == "staff"


def test_shortlist_is_in_rank_order_and_explains_partial_coverage(client, db, auth):
    # Both places covered by the first firm; the second covers Hong Kong only but has more room and a
    # better record, so it may score higher, yet it ranks below.
    both, _ = firm_with_admin("Both Places LLP", jurisdictions=("HK", "SG"), capacity=3, open_cases=2)
    firm_with_admin("Hong Kong Only & Co", jurisdictions=("HK",), capacity=50, rating_total=50, rating_count=10)
    client_user = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client_user, jurisdictions=("HK", "SG"))
    db.session.commit()
    ranks = {m.firm.name: m.rank for m in db.session.scalars(db.select(Match))}
    assert ranks == {"Both Places LLP": 1, "Hong Kong Only & Co": 2}
    auth.login(user=client_user)
    html = page(client, f"/requests/{req.id}")
    first, second = html.index("Both Places LLP"), html.index("Hong Kong Only &amp; Co")
    assert first < second
    assert html.index('data-rank="1"') < first < html.index('data-rank="2"') < second
    assert "score " not in html
    assert html.count("Covers only part of your request") == 1
    assert html.index("Covers only part of your request") > second
    assert f'data-partial="{both.id}"' not in html


def test_closing_needs_the_explicit_confirmation(client, db, auth):
    firm, admin = firm_with_admin()
    client_user = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client_user)
    from legalnet.referrals import services

    offer = services.choose_firm(req, client_user, firm.id)
    services.accept_offer(offer, admin, True)
    db.session.commit()
    auth.login(user=client_user)
    html = page(client, f"/cases/{req.id}")
    assert "Closing is final" in html and "I confirm the matter is finished" in html

    response = submit(client, f"/cases/{req.id}/close", {"outcome": "resolved"}, form_url=f"/cases/{req.id}",
                      follow_redirects=True)
    assert "to close the case" in response.get_data(as_text=True)
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.ACCEPTED

    submit(client, f"/cases/{req.id}/close", {"outcome": "resolved", "confirm": "y"}, form_url=f"/cases/{req.id}")
    assert db.session.get(LegalRequest, req.id).status == RequestStatus.CLOSED


def test_referring_by_hand_warns_of_the_open_offer_and_says_it_stays_open(client, db, auth):
    from legalnet.referrals import services

    req, covering, full, elsewhere = review_request()
    second, second_admin = firm_with_admin("Second Harbour Counsel")
    auth.login(Role.STAFF)
    html = page(client, f"/staff/requests/{req.id}")
    assert 'id="open-offer-warning"' not in html

    services.choose_firm(req, req.created_by, covering.id)
    db.session.commit()
    html = page(client, f"/staff/requests/{req.id}")
    warning = html[html.index('id="open-offer-warning"'):]
    warning = warning[:warning.index("</div>")]
    assert "This request already has 1 open offer:" in warning
    assert "Zulu Harbour Arbitration, answer due by" in warning and "(Hong Kong Time, GMT+08:00)" in warning
    assert "the open one is not withdrawn" in warning and "every other open offer is then withdrawn" in warning

    response = submit(client, f"/staff/requests/{req.id}/refer", {"firm_id": str(second.id)},
                      form_url=f"/staff/requests/{req.id}", follow_redirects=True)
    assert ("Offered to Second Harbour Counsel. The offer to Zulu Harbour Arbitration stays open: the first firm "
            "to accept takes the case.") in response.get_data(as_text=True)
    assert len(db.session.get(LegalRequest, req.id).open_offers) == 2

    # The second firm accepts first: the open offer is withdrawn, and staff read why in words.
    services.accept_offer(db.session.scalars(db.select(Offer).where(Offer.firm_id == second.id)).one(),
                          second_admin, True)
    db.session.commit()
    html = page(client, f"/staff/requests/{req.id}")
    row = html[html.index(">Zulu Harbour Arbitration</a></td>"):]
    assert "Accepted by another firm" in row[:row.index("</tr>")]


def test_the_timeline_says_the_centre_chose_when_the_client_left_it_the_choice(client, db, auth):
    from legalnet.referrals import services
    from legalnet.referrals.models import CaseEvent

    req, covering, full, elsewhere = review_request()
    client_user = req.created_by
    services.choose_firm(req, client_user, None)
    db.session.commit()
    offer = db.session.scalars(db.select(Offer).where(Offer.request_id == req.id)).one()
    auth.login(user=client_user)
    html = page(client, f"/requests/{req.id}")
    timeline = html[html.index('id="timeline"'):]
    entry = timeline[timeline.index('event-offered'):]
    entry = entry[:entry.index("</li>")]
    assert f"The centre chose {offer.firm.name}, as the client asked; answer due by" in entry
    assert client_user.name not in entry
    event = db.session.scalars(db.select(CaseEvent).where(CaseEvent.kind == "offered")).one()
    assert event.actor_id is None and event.params["source"] == "centre"
