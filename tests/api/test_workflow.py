"""A client system and a firm system drive the whole referral workflow through the API alone."""

from legalnet.accounts.models import Role
from legalnet.firms.models import Firm
from tests import factories


def test_client_and_firm_systems_run_a_case_end_to_end(app, db, api):
    factories.make_user(Role.CLIENT, email="client@demo.example")
    firm = factories.make_firm(name="Saigon IP Partners", jurisdictions=("VN",),
                               practice_areas=("intellectual-property",), languages=("vi", "en"))
    lawyer = factories.make_user(Role.FIRM_LAWYER, firm=firm)
    factories.make_firm(name="Bangkok Tax Co", jurisdictions=("TH",), practice_areas=("tax",))
    db.session.commit()
    # Both systems get their tokens from the command line, as an operator would set them up.
    runner = app.test_cli_runner()
    client_token = runner.invoke(args=["tokens", "create", "client@demo.example", "--name", "intake portal"]).stdout
    firm_token = runner.invoke(args=["tokens", "create", lawyer.email, "--name", "case system"]).stdout
    client_token, firm_token = client_token.strip(), firm_token.strip()

    created = api.post("/requests", client_token, {
        "title": "Trade mark filing", "description": "我们需要在越南注册商标", "languages": ["Vietnamese"],
        "counterparties": ["Vingroup JSC"], "consent_to_share": True})
    assert created.status_code == 201
    assert created.headers["Location"].endswith(f"/api/v1/requests/{created.json['id']}")
    req = created.json
    assert req["jurisdictions"] == ["VN"] and "intellectual-property" in req["practice_areas"]
    rid = req["id"]

    matches = api.get(f"/requests/{rid}/matches", client_token).json["items"]
    assert matches[0]["firm"]["name"] == "Saigon IP Partners" and matches[0]["choosable"]
    assert all(m["firm"]["name"] != "Bangkok Tax Co" for m in matches)

    choice = api.post(f"/requests/{rid}/choice", client_token, {"firm_id": matches[0]["firm"]["id"]}).json
    offer_id = choice["offer"]["id"]

    inbox = api.get("/offers?status=offered", firm_token).json["items"]
    assert [o["id"] for o in inbox] == [offer_id] and inbox[0]["request"]["counterparties"] == ["Vingroup JSC"]
    accepted = api.post(f"/offers/{offer_id}/accept", firm_token, {"conflict_checked": True})
    assert accepted.status_code == 200

    sent = api.post(f"/requests/{rid}/messages", client_token, {"body": "Here are our brand files."})
    assert sent.status_code == 201 and sent.json["side"] == "client"
    reply = api.post(f"/requests/{rid}/messages", firm_token, {"body": "Received; filing next week."})
    assert reply.status_code == 201 and reply.json["side"] == "firm"
    assert api.post(f"/requests/{rid}/status", firm_token, {"status": "in_progress"}).json["status"] == "in_progress"

    for token in (client_token, firm_token):
        events = api.get(f"/requests/{rid}/events", token).json["items"]
        bodies = [e["message"]["body"] for e in events if e["message"]]
        assert bodies == ["Here are our brand files.", "Received; filing next week."]
    first_page = api.get(f"/requests/{rid}/events?limit=2", client_token).json
    rest = api.get(f"/requests/{rid}/events?cursor={first_page['next_cursor']}", client_token).json
    assert len(first_page["items"]) == 2 and rest["items"][0]["id"] > first_page["items"][-1]["id"]

    closed = api.post(f"/requests/{rid}/close", client_token, {"outcome": "resolved", "note": "Registered."})
    assert closed.json["status"] == "closed" and closed.json["outcome"] == "resolved"
    rated = api.post(f"/requests/{rid}/feedback", client_token, {"rating": 5, "comment": "Fast and clear."})
    assert rated.status_code == 201 and rated.json["rating"] == 5
    assert api.post(f"/requests/{rid}/feedback", client_token, {"rating": 4}).status_code == 409

    final = api.get(f"/requests/{rid}", client_token).json
    assert final["status"] == "closed" and final["firm"]["name"] == "Saigon IP Partners"
    stored = db.session.get(Firm, firm.id)
    assert (stored.rating_count, stored.rating_total, stored.offers_accepted, stored.open_cases) == (1, 5, 1, 0)
