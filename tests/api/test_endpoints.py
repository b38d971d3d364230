"""Each API operation's happy path and its refusals: roles (403), other tenants (404), states (409),
validation (422 with field errors), pagination and the per-token rate limit."""

import re

import pytest

from legalnet.accounts.models import Role
from legalnet.firms.models import FirmStatus
from legalnet.intake.models import LegalRequest
from legalnet.matching.services import add_conflict_parties
from legalnet.referrals.models import Offer, OfferStatus
from tests import factories

NEW_REQUEST = {"title": "Arbitration in Hong Kong", "jurisdictions": ["HK"], "practice_areas": ["arbitration"],
               "languages": ["en"], "consent_to_share": True}


def firm_and_admin(**fields):
    firm = factories.make_firm(**fields)
    return firm, factories.make_user(Role.FIRM_ADMIN, firm=firm)


@pytest.fixture()
def world(db, api):
    """Two client organisations, two active HK arbitration firms with admins, a staff member, and tokens."""
    people = {
        "client": factories.make_user(Role.CLIENT),
        "other_client": factories.make_user(Role.CLIENT),
        "staff": factories.make_user(Role.STAFF),
    }
    people["firm"], people["firm_admin"] = firm_and_admin(name="Harbour Arbitration LLP")
    people["firm2"], people["firm2_admin"] = firm_and_admin(name="Peak Disputes")
    db.session.commit()
    tokens = {key: api.token_for(user) for key, user in people.items() if hasattr(user, "role")}
    return people, tokens


def problem(response, status):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def create(api, token, **overrides):
    response = api.post("/requests", token, {**NEW_REQUEST, **overrides})
    assert response.status_code == 201, response.get_data(as_text=True)
    return response.get_json()


# ------------------------------------------------------------------------------------------ reference


def test_vocabulary_has_labels_in_three_locales(api, world):
    _people, t = world
    for kind, code in [("jurisdictions", "VN"), ("practice_areas", "intellectual-property"), ("languages", "yue")]:
        body = api.get(f"/vocabulary/{kind}", t["client"]).get_json()
        item = next(i for i in body["items"] if i["code"] == code)
        assert set(item["labels"]) == {"en", "zh-Hans", "zh-Hant"}
    vietnam = next(i for i in api.get("/vocabulary/jurisdictions", t["client"]).json["items"] if i["code"] == "VN")
    assert vietnam["labels"]["en"] == "Vietnam" and vietnam["labels"]["zh-Hans"] == "越南"
    problem(api.get("/vocabulary/planets", t["client"]), 404)


def test_resolve_reads_free_text_of_one_kind_or_prose(api, world):
    _people, t = world
    body = api.post("/resolve", t["client"], {"kind": "jurisdictions", "texts": ["越南", "Singapura", "Atlantis"]}).json
    assert body["resolved"]["jurisdictions"] == ["VN", "SG"] and body["unresolved"] == ["Atlantis"]
    body = api.post("/resolve", t["client"], {"description": "我们需要在越南注册商标"}).json
    assert body["resolved"]["jurisdictions"] == ["VN"]
    assert "intellectual-property" in body["resolved"]["practice_areas"]
    errors = problem(api.post("/resolve", t["client"], {"kind": "planets", "texts": "x"}), 422)["errors"]
    assert set(errors) == {"kind", "texts"}


def test_me_and_bodies_that_are_not_json_objects(api, world, client):
    people, t = world
    assert api.get("/me", t["firm_admin"]).json["firm"]["id"] == people["firm"].id
    response = client.post("/api/v1/resolve", data="kind=x", headers={"Authorization": f"Bearer {t['client']}"})
    assert "body" in problem(response, 422)["errors"]
    assert "body" in problem(api.post("/resolve", t["client"], [1, 2]), 422)["errors"]


# --------------------------------------------------------------------------------------------- firms


def test_directory_lists_active_firms_with_public_fields_and_filters(api, world, db):
    people, t = world
    factories.make_firm(name="Saigon IP Partners", jurisdictions=("VN",), practice_areas=("intellectual-property",),
                        languages=("vi", "en"))
    hidden = factories.make_firm(name="Applicant Firm", status=FirmStatus.APPLICANT)
    db.session.commit()
    items = api.get("/firms", t["client"]).json["items"]
    assert "Applicant Firm" not in [f["name"] for f in items] and len(items) == 3
    assert all("email" not in f and "capacity" not in f for f in items)
    assert [f["name"] for f in api.get("/firms?jurisdiction=VN&language=vi", t["client"]).json["items"]] == [
        "Saigon IP Partners"]
    assert [f["name"] for f in api.get("/firms?q=saigon", t["client"]).json["items"]] == ["Saigon IP Partners"]
    assert api.get("/firms?practice_area=tax", t["client"]).json["items"] == []
    assert "jurisdiction" in problem(api.get("/firms?jurisdiction=XX", t["client"]), 422)["errors"]
    detail = api.get(f"/firms/{people['firm'].id}", t["client"]).json
    assert detail["name"] == "Harbour Arbitration LLP" and "lawyers" in detail and "email" not in detail
    problem(api.get(f"/firms/{hidden.id}", t["client"]), 404)
    problem(api.get("/firms/999999", t["client"]), 404)


def test_directory_pages_with_an_opaque_cursor(api, world, db):
    _people, t = world
    for n in range(3):
        factories.make_firm(name=f"Zeta Firm {n}")
    db.session.commit()
    seen, cursor = [], None
    while True:
        url = "/firms?limit=2" + (f"&cursor={cursor}" if cursor else "")
        body = api.get(url, t["client"]).json
        assert len(body["items"]) <= 2
        seen += [f["id"] for f in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 5
    assert "cursor" in problem(api.get("/firms?cursor=bm9wZQ", t["client"]), 422)["errors"]
    assert "limit" in problem(api.get("/firms?limit=101", t["client"]), 422)["errors"]
    assert "limit" in problem(api.get("/firms?limit=0", t["client"]), 422)["errors"]


# ------------------------------------------------------------------------------------------ requests


def test_create_request_validates_like_the_page(api, world):
    _people, t = world
    body = create(api, t["client"], counterparties=["Vingroup JSC"], urgency="urgent", budget_amount=5000,
                  budget_currency="HKD", deadline="2027-01-31", languages=["粤语"])
    assert body["reference"].startswith("GBA-") and body["status"] == "matched"
    assert body["languages"] == ["yue"] and body["budget_currency"] == "HKD" and body["deadline"] == "2027-01-31"
    errors = problem(api.post("/requests", t["client"], {"title": " ", "consent_to_share": False}), 422)["errors"]
    assert set(errors) == {"title", "consent_to_share"}
    errors = problem(api.post("/requests", t["client"], {**NEW_REQUEST, "consent_to_share": None,
                                                        "budget_amount": -1, "budget_currency": "XXX",
                                                        "deadline": "31/01/2027", "urgency": "now",
                                                        "jurisdictions": "HK", "title": "x" * 201}), 422)["errors"]
    assert set(errors) == {"consent_to_share", "budget_amount", "budget_currency", "deadline", "urgency",
                           "jurisdictions", "title"}
    problem(api.post("/requests", t["firm_admin"], NEW_REQUEST), 403)
    problem(api.post("/requests", t["staff"], NEW_REQUEST), 403)


def test_requests_are_seen_only_by_their_organisation_and_staff(api, world):
    _people, t = world
    mine = create(api, t["client"])
    theirs = create(api, t["other_client"])
    assert [r["id"] for r in api.get("/requests", t["client"]).json["items"]] == [mine["id"]]
    assert {r["id"] for r in api.get("/requests", t["staff"]).json["items"]} == {mine["id"], theirs["id"]}
    assert api.get("/requests", t["firm_admin"]).json["items"] == []
    assert api.get(f"/requests/{mine['id']}", t["client"]).json["title"] == NEW_REQUEST["title"]
    assert api.get(f"/requests/{theirs['id']}", t["staff"]).status_code == 200
    for path in ["", "/matches", "/events"]:
        problem(api.get(f"/requests/{theirs['id']}{path}", t["client"]), 404)
    problem(api.get(f"/requests/{mine['id']}", t["firm_admin"]), 404)
    problem(api.get(f"/requests/{mine['id']}/matches", t["firm_admin"]), 403)
    problem(api.post(f"/requests/{theirs['id']}/choice", t["client"], {"centre": True}), 404)
    problem(api.post(f"/requests/{theirs['id']}/messages", t["client"], {"body": "hi"}), 404)
    problem(api.post(f"/requests/{theirs['id']}/close", t["client"], {"outcome": "resolved"}), 404)
    problem(api.get("/requests/2147483648", t["client"]), 404)


def test_request_list_pages_newest_first_and_filters_by_status(api, world):
    _people, t = world
    ids = [create(api, t["client"], title=f"Request {n}")["id"] for n in range(3)]
    first = api.get("/requests?limit=2", t["client"]).json
    assert [r["id"] for r in first["items"]] == ids[::-1][:2] and first["next_cursor"]
    second = api.get(f"/requests?limit=2&cursor={first['next_cursor']}", t["client"]).json
    assert [r["id"] for r in second["items"]] == [ids[0]] and second["next_cursor"] is None
    assert api.get("/requests?status=closed", t["client"]).json["items"] == []
    assert "status" in problem(api.get("/requests?status=lost", t["client"]), 422)["errors"]


def test_matches_and_choosing_a_firm(api, world, db):
    people, t = world
    req = create(api, t["client"], counterparties=["Peak Holdings"])
    add_conflict_parties(people["firm2"], ["Peak Holdings Limited"])
    db.session.commit()
    other = create(api, t["client"], counterparties=["Peak Holdings"])
    matches = api.get(f"/requests/{other['id']}/matches", t["client"]).json["items"]
    by_firm = {m["firm"]["id"]: m for m in matches}
    assert by_firm[people["firm2"].id]["conflict"] is True and by_firm[people["firm2"].id]["choosable"] is False
    assert by_firm[people["firm"].id]["choosable"] is True
    assert all(0 <= m["score"] <= 1 and m["reasons"] for m in matches)
    assert api.get(f"/requests/{req['id']}/matches", t["staff"]).status_code == 200
    refused = problem(api.post(f"/requests/{other['id']}/choice", t["client"], {"firm_id": people["firm2"].id}), 422)
    assert "firm_id" in refused["errors"]
    assert "firm_id" in problem(api.post(f"/requests/{other['id']}/choice", t["client"],
                                         {"firm_id": 1, "centre": True}), 422)["errors"]
    assert "firm_id" in problem(api.post(f"/requests/{other['id']}/choice", t["client"], {}), 422)["errors"]
    chosen = api.post(f"/requests/{other['id']}/choice", t["client"], {"firm_id": people["firm"].id})
    assert chosen.status_code == 200 and chosen.json["offer"]["firm"]["id"] == people["firm"].id
    assert chosen.json["request"]["status"] == "referred"
    problem(api.post(f"/requests/{other['id']}/choice", t["client"], {"centre": True}), 409)
    problem(api.post(f"/requests/{req['id']}/choice", t["staff"], {"centre": True}), 403)


def test_cancel_a_request(api, world):
    _people, t = world
    req = create(api, t["client"])
    assert api.post(f"/requests/{req['id']}/cancel", t["client"], {"reason": "settled"}).json["status"] == "cancelled"
    problem(api.post(f"/requests/{req['id']}/cancel", t["client"], {}), 409)
    problem(api.post(f"/requests/{req['id']}/cancel", t["firm_admin"], {}), 403)


# -------------------------------------------------------------------------------------------- offers


def offered(api, t):
    req = create(api, t["client"])
    api.post(f"/requests/{req['id']}/choice", t["client"], {"centre": True})
    return req


def test_offers_are_seen_only_by_their_firm(api, world, db):
    people, t = world
    req = offered(api, t)
    offer = db.session.scalar(db.select(Offer).where(Offer.request_id == req["id"]))
    owner, other = ("firm_admin", "firm2_admin") if offer.firm_id == people["firm"].id else ("firm2_admin",
                                                                                             "firm_admin")
    listed = api.get("/offers", t[owner]).json["items"]
    assert [o["id"] for o in listed] == [offer.id]
    assert api.get("/offers?status=offered", t[owner]).json["items"][0]["conflict"] is False
    assert api.get("/offers?status=declined", t[owner]).json["items"] == []
    assert api.get("/offers", t[other]).json["items"] == []
    assert api.get(f"/offers/{offer.id}", t[owner]).json["respond_by"].endswith("Z")
    problem(api.get(f"/offers/{offer.id}", t[other]), 404)
    problem(api.post(f"/offers/{offer.id}/accept", t[other], {"conflict_checked": True}), 404)
    problem(api.get("/offers", t["client"]), 403)
    problem(api.get(f"/offers/{offer.id}", t["staff"]), 403)


def test_a_firm_reads_the_summary_until_it_accepts_and_everything_after(api, world, db):
    people, t = world
    req = offered(api, t)
    offer = db.session.scalar(db.select(Offer).where(Offer.request_id == req["id"]))
    owner = "firm_admin" if offer.firm_id == people["firm"].id else "firm2_admin"
    before = api.get(f"/offers/{offer.id}", t[owner]).json["request"]
    assert before["disclosure"] == "summary" and before["jurisdictions"] == ["HK"]
    assert before["title"] is None and before["description"] is None and before["organisation"] is None
    assert NEW_REQUEST["title"] not in str(api.get("/offers", t[owner]).json)
    assert api.post(f"/offers/{offer.id}/accept", t[owner], {"conflict_checked": True}).status_code == 200
    after = api.get(f"/offers/{offer.id}", t[owner]).json["request"]
    assert after["disclosure"] == "full" and after["title"] == NEW_REQUEST["title"]
    assert after["organisation"] == db.session.get(LegalRequest, req["id"]).organisation.name


def test_accept_needs_the_conflict_check_and_wins_once(api, world, db):
    people, t = world
    req = offered(api, t)
    offer = db.session.scalar(db.select(Offer).where(Offer.request_id == req["id"]))
    owner = "firm_admin" if offer.firm_id == people["firm"].id else "firm2_admin"
    assert "conflict_checked" in problem(api.post(f"/offers/{offer.id}/accept", t[owner], {}), 422)["errors"]
    assert "conflict_checked" in problem(api.post(f"/offers/{offer.id}/accept", t[owner],
                                                  {"conflict_checked": False}), 422)["errors"]
    accepted = api.post(f"/offers/{offer.id}/accept", t[owner], {"conflict_checked": True})
    assert accepted.status_code == 200 and accepted.json["status"] == "accepted"
    problem(api.post(f"/offers/{offer.id}/accept", t[owner], {"conflict_checked": True}), 409)
    problem(api.post(f"/offers/{offer.id}/decline", t[owner], {"reason": "too late"}), 409)
    case = api.get(f"/requests/{req['id']}", t[owner]).json
    assert case["status"] == "accepted" and case["client_contacts"][0]["email"] == people["client"].email
    assert api.get(f"/requests/{req['id']}", t["client"]).json["firm"]["id"] == offer.firm_id


def test_decline_needs_a_reason_and_cascades(api, world, db):
    people, t = world
    req = offered(api, t)
    first = db.session.scalar(db.select(Offer).where(Offer.request_id == req["id"]))
    owner = "firm_admin" if first.firm_id == people["firm"].id else "firm2_admin"
    assert "reason" in problem(api.post(f"/offers/{first.id}/decline", t[owner], {"reason": " "}), 422)["errors"]
    declined = api.post(f"/offers/{first.id}/decline", t[owner], {"reason": "No capacity this month"})
    assert declined.status_code == 200 and declined.json["status"] == "declined"
    offers = db.session.scalars(db.select(Offer).where(Offer.request_id == req["id"]).order_by(Offer.id)).all()
    assert [o.status for o in offers] == [OfferStatus.DECLINED, OfferStatus.OFFERED]
    assert offers[1].firm_id != first.firm_id


# --------------------------------------------------------------------------------------------- cases


def test_case_operations_refuse_the_wrong_state_and_role(api, world, db):
    people, t = world
    req = offered(api, t)
    rid = req["id"]
    problem(api.post(f"/requests/{rid}/messages", t["client"], {"body": "Hello?"}), 409)
    problem(api.post(f"/requests/{rid}/feedback", t["client"], {"rating": 5}), 409)
    problem(api.post(f"/requests/{rid}/status", t["client"], {"status": "in_progress"}), 403)
    problem(api.post(f"/requests/{rid}/messages", t["staff"], {"body": "Hi"}), 403)
    problem(api.post(f"/requests/{rid}/close", t["client"], {"outcome": "resolved"}), 409)
    offer = db.session.scalar(db.select(Offer).where(Offer.request_id == rid))
    owner = "firm_admin" if offer.firm_id == people["firm"].id else "firm2_admin"
    api.post(f"/offers/{offer.id}/accept", t[owner], {"conflict_checked": True})
    assert "body" in problem(api.post(f"/requests/{rid}/messages", t["client"], {"body": ""}), 422)["errors"]
    assert "status" in problem(api.post(f"/requests/{rid}/status", t[owner], {"status": "closed"}), 422)["errors"]
    assert "outcome" in problem(api.post(f"/requests/{rid}/close", t[owner], {"outcome": "won"}), 422)["errors"]
    assert api.post(f"/requests/{rid}/status", t["staff"], {"status": "on_hold"}).json["status"] == "on_hold"
    problem(api.post(f"/requests/{rid}/status", t[owner], {"status": "on_hold"}), 409)
    for rating in (0, 6, True, "5", None):
        assert "rating" in problem(api.post(f"/requests/{rid}/feedback", t["client"], {"rating": rating}),
                                   422)["errors"]


# --------------------------------------------------------------------------------------------- staff


def test_staff_list_every_firm_and_decide_memberships(api, world, db):
    people, t = world
    applicant = factories.make_firm(name="Mekong Law", status=FirmStatus.APPLICANT, jurisdictions=("VN",))
    db.session.commit()
    names = [f["name"] for f in api.get("/staff/firms", t["staff"]).json["items"]]
    assert "Mekong Law" in names and len(names) == 3
    body = api.get("/staff/firms?status=applicant&jurisdiction=VN&q=mekong", t["staff"]).json
    assert [f["id"] for f in body["items"]] == [applicant.id] and body["items"][0]["email"]
    assert "renewal" in problem(api.get("/staff/firms?renewal=soon", t["staff"]), 422)["errors"]
    problem(api.get("/staff/firms", t["firm_admin"]), 403)
    problem(api.get("/staff/firms", t["client"]), 403)
    url = f"/staff/firms/{applicant.id}/status"
    assert "reason" in problem(api.post(url, t["staff"], {"action": "reject"}), 422)["errors"]
    assert "action" in problem(api.post(url, t["staff"], {"action": "lapse"}), 422)["errors"]
    problem(api.post(url, t["staff"], {"action": "suspend", "reason": "x"}), 409)
    problem(api.post(url, t["firm_admin"], {"action": "approve"}), 403)
    approved = api.post(url, t["staff"], {"action": "approve"})
    assert approved.status_code == 200 and approved.json["status"] == "active" and approved.json["renewal_date"]
    assert db.session.get(type(applicant), applicant.id).status == FirmStatus.ACTIVE
    suspended = api.post(f"/staff/firms/{people['firm'].id}/status", t["staff"],
                         {"action": "suspend", "reason": "Unpaid dues"})
    assert suspended.json["status"] == "suspended"
    problem(api.get(f"/firms/{people['firm'].id}", t["client"]), 404)
    problem(api.post("/staff/firms/999999/status", t["staff"], {"action": "approve"}), 404)


# ------------------------------------------------------------------------------------- limits, methods


def test_rate_limit_per_token_answers_429_with_retry_after(app, api, world):
    _people, t = world
    app.config["API_RATE_LIMIT"] = "3 per minute"
    try:
        for _ in range(3):
            assert api.get("/me", t["client"]).status_code == 200
        limited = api.get("/vocabulary/languages", t["client"])
        problem(limited, 429)
        assert limited.headers["Retry-After"]
        # Another token has its own allowance.
        assert api.get("/me", t["staff"]).status_code == 200
    finally:
        app.config["API_RATE_LIMIT"] = "120 per minute"


def test_unsupported_method_gets_405_with_allow(api, world):
    _people, t = world
    response = api.call("DELETE", "/requests", t["client"])
    problem(response, 405)
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}


# ------------------------------------------------------------------------------------------ documents


def test_openapi_document_covers_exactly_the_routes(app, api, db):
    document = api.get("/openapi.json").get_json()
    assert document["openapi"].startswith("3.1") and document["components"]["securitySchemes"]["bearerAuth"][
        "scheme"] == "bearer"
    documented = {(method.upper(), path) for path, ops in document["paths"].items() for method in ops}
    routed = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/"):
            path = rule.rule.removeprefix("/api/v1").replace("<int:", "{").replace("<", "{").replace(">", "}")
            routed |= {(m, path) for m in rule.methods - {"HEAD", "OPTIONS"}}
    assert documented == routed
    listing = document["paths"]["/requests"]["get"]
    assert {p["name"] for p in listing["parameters"]} >= {"limit", "cursor"}
    assert document["paths"]["/me"]["get"]["responses"]["401"] == {"$ref": "#/components/responses/Unauthorized"}


def test_docs_page_lists_every_operation_without_a_token(api, db):
    page = api.get("/docs")
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    # No third-party or inline script: only the site's own static file.
    assert "cdn" not in html.lower()
    assert all(tag.startswith('<script src="/static/') for tag in re.findall(r"<script[^>]*>", html))
    document = api.get("/openapi.json").get_json()
    for path, ops in document["paths"].items():
        for method, op in ops.items():
            assert f'id="{op["operationId"]}"' in html and f"{method.upper()} {path}" in html
    assert "consent_to_share" in html and "conflict_checked" in html and "problem+json" in html


def test_misspelt_query_parameters_are_refused_not_ignored(api, world):
    _people, t = world
    body = problem(api.get("/firms?jurisdicton=VN", t["client"]), 422)
    assert body["errors"] == {"jurisdicton": ["This operation has no such parameter."]}
    assert api.get("/firms?jurisdiction=VN&limit=5", t["client"]).status_code == 200
