"""The team journey in Chromium: the demo client refers its Thailand and Vietnam request to the team its
shortlist proposes; each firm sees its own part in its inbox and on the offer, accepts after its conflict check
and then sees the shared case with the team's parts (its own and the lead marked) and the shared timeline; on a
390 px phone the team's parts fit the screen; one firm closes its part and the case stays open, the other closes
its part and the case is closed."""

import uuid

import pytest

from tests.browser.conftest import sign_in
from tests.browser.test_journeys import expect_flash, in_app

pytestmark = pytest.mark.browser

PASSWORD = "Team-journey-2026"
PHONE = {"width": 390, "height": 844}
TITLE = "Distribution network in Thailand and Vietnam"


class TeamJourney:
    """What the steps share: the server, page makers, screenshots and what earlier steps found."""

    def __init__(self, live_server, new_page, screens):
        self.server, self.new_page, self.screens = live_server, new_page, screens
        self.request_id = None
        self.reference = ""
        # The proposed team, lead first: (jurisdiction, firm id, firm name, e-mail of a lawyer of the firm).
        self.members = []
        self.pages = {}


def step_setup(j: TeamJourney) -> None:
    """The demo's team request, and a lawyer account of each proposed firm with a known password."""
    from legalnet.accounts.models import Role, User
    from legalnet.extensions import db
    from legalnet.intake.models import LegalRequest, RequestStatus

    def work():
        req = db.session.scalar(db.select(LegalRequest).where(LegalRequest.title == TITLE))
        assert req.status == RequestStatus.MATCHED and len(req.team) == 2, req.team
        members = []
        for member in req.team:
            email = f"team-{uuid.uuid4().hex[:8]}@firm.example"
            user = User(email=email, name=f"Team Lawyer {member['jurisdiction']}", role=Role.FIRM_LAWYER,
                        firm_id=member["firm_id"])
            user.set_password(PASSWORD)
            db.session.add(user)
            members.append((member["jurisdiction"], member["firm_id"], member["firm_name"], email))
        return req.id, req.reference, members

    j.request_id, j.reference, j.members = in_app(j.server, work)
    assert len({firm_id for _code, firm_id, _name, _email in j.members}) == 2


def step_refer(j: TeamJourney) -> None:
    """The client sees the proposed team on its request and refers the request to it."""
    page = j.pages["client"] = j.new_page()
    sign_in(page, "client@demo.example")
    page.goto(f"/requests/{j.request_id}")
    team = page.locator("ul.team")
    for _code, _firm_id, name, _email in j.members:
        assert name in team.inner_text()
    j.screens.shot(page, "1-proposed-team")
    page.locator('[data-action="refer-team"]').click()
    page.wait_for_url(f"**/requests/{j.request_id}")
    expect_flash(page, "offered to the team, one firm per jurisdiction")
    assert "offered to the team" in page.locator("[data-team-referred]").inner_text()
    offers = page.locator("section", has=page.get_by_role("heading", name="Offers"))
    for index, (code, _firm_id, name, _email) in enumerate(j.members):
        row = offers.locator("tr", has=page.locator(f'[data-part="{code}"]'))
        assert name in row.inner_text()
        assert row.locator("[data-lead]").count() == (1 if index == 0 else 0)
    j.screens.shot(page, "2-referred")


def accept_part(j: TeamJourney, index: int) -> None:
    """A firm finds its part in its inbox, reads it on the offer and accepts after its conflict check."""
    code, _firm_id, _name, email = j.members[index]
    page = j.pages[code] = j.new_page()
    sign_in(page, email, PASSWORD)
    page.goto("/offers/")
    row = page.locator("tr", has=page.get_by_role("link", name=j.reference))
    assert row.locator(f'[data-part="{code}"]').count() == 1
    assert row.locator("[data-lead]").count() == (1 if index == 0 else 0)
    row.get_by_role("link", name=j.reference).click()
    part = page.locator(f'p[data-part="{code}"]')
    assert "A team referral" in part.inner_text()
    assert ("Your firm would lead the team." in part.inner_text()) == (index == 0)
    j.screens.shot(page, f"{3 + 2 * index}-offer-{code}")
    page.get_by_label("We have run our own conflict check").check()
    page.get_by_role("button", name="Accept").click()
    page.wait_for_load_state()


def step_accept(j: TeamJourney) -> None:
    """The lead firm accepts first and waits for the team; the second firm's acceptance opens the case."""
    accept_part(j, 0)
    lead = j.pages[j.members[0][0]]
    expect_flash(lead, "You accepted your part of request")
    assert lead.locator("[data-waiting-for-team]").count() == 1
    assert "Your firm leads the team." in lead.locator(f'p[data-part="{j.members[0][0]}"]').inner_text()
    assert "Answer by" not in lead.locator("main").inner_text()
    j.screens.shot(lead, "4-lead-waits")
    accept_part(j, 1)
    second = j.pages[j.members[1][0]]
    second.wait_for_url(f"**/cases/{j.request_id}")
    expect_flash(second, "You accepted request")


def check_case(j: TeamJourney, page, own_code: str | None) -> None:
    """The case shows both parts, the lead firm marked, the reader's own part marked, and the shared timeline."""
    page.goto(f"/cases/{j.request_id}")
    team = page.locator("#team")
    for index, (code, _firm_id, name, _email) in enumerate(j.members):
        row = team.locator(f'tr[data-part="{code}"]')
        assert name in row.inner_text()
        assert row.locator("[data-part-status]").get_attribute("data-part-status") == "accepted"
        assert row.locator("[data-lead]").count() == (1 if index == 0 else 0)
    assert team.locator("tr.own-part").count() == (1 if own_code else 0)
    if own_code:
        assert team.locator(f'tr.own-part[data-part="{own_code}"]').count() == 1
    timeline = page.locator("#timeline").inner_text()
    for _code, _firm_id, name, _email in j.members:
        assert f"{name} accepted the part for" in timeline
    assert "Every part is accepted" in timeline


def step_shared_case(j: TeamJourney) -> None:
    """Each firm, and the client, see the shared case with the parts and the timeline."""
    lead_code, second_code = j.members[0][0], j.members[1][0]
    check_case(j, j.pages[lead_code], lead_code)
    j.screens.shot(j.pages[lead_code], "6-case-lead")
    check_case(j, j.pages[second_code], second_code)
    j.screens.shot(j.pages[second_code], "7-case-second")
    check_case(j, j.pages["client"], None)
    assert j.pages["client"].get_by_role("heading", name="Message the team").count() == 1


def step_phone(j: TeamJourney) -> None:
    """On a 390 px phone the team's parts are readable: neither the page nor the parts' table scrolls sideways."""
    page = j.pages[j.members[1][0]]
    page.set_viewport_size(PHONE)
    page.goto(f"/cases/{j.request_id}")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    wrap = page.locator("#team .table-wrap")
    sizes = wrap.evaluate("el => [el.scrollWidth, el.clientWidth]")
    assert sizes[0] <= sizes[1], sizes
    box = page.locator("#team").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    j.screens.shot(page, "8-case-phone")
    page.set_viewport_size({"width": 1280, "height": 900})


def close_part(page) -> None:
    """Close the reader's part through the closing form."""
    form = page.locator("#close")
    form.get_by_label("Outcome").select_option("resolved")
    form.get_by_label("I confirm the matter is finished").check()
    form.get_by_role("button", name="Close your part").click()
    page.wait_for_load_state()


def step_close(j: TeamJourney) -> None:
    """The second firm closes its part and the case stays open; the lead closes its part and the case closes."""
    second_code, lead_code = j.members[1][0], j.members[0][0]
    second = j.pages[second_code]
    second.goto(f"/cases/{j.request_id}")
    assert second.get_by_role("heading", name="Close your part").count() == 1
    close_part(second)
    expect_flash(second, "Your part is closed; the case stays open")
    assert second.locator("[data-status]").first.get_attribute("data-status") != "closed"
    assert second.locator(f'tr[data-part="{second_code}"] [data-part-status]').get_attribute(
        "data-part-status") == "closed"
    assert second.locator("[data-own-part-closed]").count() == 1
    assert "closed its part for" in second.locator("#timeline").inner_text()
    j.screens.shot(second, "9-one-part-closed")

    lead = j.pages[lead_code]
    lead.goto(f"/cases/{j.request_id}")
    assert lead.locator("[data-status]").first.get_attribute("data-status") != "closed"
    close_part(lead)
    expect_flash(lead, "Case closed")
    assert lead.locator("[data-status]").first.get_attribute("data-status") == "closed"
    assert "This case is closed." in lead.locator("main").inner_text()
    j.screens.shot(lead, "10-case-closed")
    client = j.pages["client"]
    client.goto(f"/cases/{j.request_id}")
    assert client.locator("[data-status]").first.get_attribute("data-status") == "closed"


STEPS = [step_setup, step_refer, step_accept, step_shared_case, step_phone, step_close]


def test_team_refer_accept_share_close(live_server, new_page, screens):
    journey = TeamJourney(live_server, new_page, screens)
    for step in STEPS:
        step(journey)
