"""E-mails a person can act on: absolute links from BASE_URL, deadlines in the recipient's own time zone with
the zone named, in the recipient's language; and the account page where the zone is chosen."""

from datetime import datetime

from flask_babel import force_locale

from legalnet.accounts.models import Role
from legalnet.notifications.models import OutboxEmail
from legalnet.notifications.services import force_timezone
from legalnet.referrals import services
from legalnet.referrals.events import when_text
from legalnet.referrals.models import Offer
from tests import factories
from tests.conftest import submit
from tests.referrals.helpers import firm_with_admin


def offer_emails(db) -> dict[str, OutboxEmail]:
    return {e.to_address: e for e in db.session.scalars(db.select(OutboxEmail).where(OutboxEmail.kind == "offer.new"))}


def test_offer_email_has_an_absolute_link_and_each_recipients_zone(app, db, monkeypatch):
    monkeypatch.setitem(app.config, "BASE_URL", "https://legalnet.gba-asean.example/")
    firm, bangkok = firm_with_admin("Peak Disputes")
    bangkok.timezone = "Asia/Bangkok"
    default = factories.make_user(Role.FIRM_ADMIN, firm=firm)
    chinese = factories.make_user(Role.FIRM_LAWYER, firm=firm, locale="zh_Hant", timezone="Asia/Singapore")
    client_user = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client_user)
    services.choose_firm(req, client_user, firm.id)
    db.session.commit()
    offer = db.session.scalars(db.select(Offer)).one()
    emails = offer_emails(db)

    link = f"https://legalnet.gba-asean.example/offers/{offer.id}"
    assert all(link in e.body for e in emails.values())
    assert all("http" in e.body.split(": ")[-1] for e in emails.values())

    with app.test_request_context():
        with force_timezone("Asia/Bangkok"):
            in_bangkok = when_text(offer.respond_by)
        with force_timezone("Asia/Hong_Kong"):
            in_hong_kong = when_text(offer.respond_by)
        with force_locale("zh_Hant"), force_timezone("Asia/Singapore"):
            in_singapore = when_text(offer.respond_by)
    assert in_bangkok.endswith("(Thailand Time, GMT+07:00)")
    assert in_hong_kong.endswith("(Hong Kong Time, GMT+08:00)")
    assert "新加坡時間" in in_singapore
    assert in_bangkok in emails[bangkok.email].body
    assert in_hong_kong in emails[default.email].body  # no zone chosen: the centre's
    assert in_singapore in emails[chinese.email].body and "請於" not in in_singapore
    # The hour differs by zone: Bangkok is an hour behind Hong Kong.
    hk_time = datetime.strptime(in_hong_kong.split(" (")[0].replace("\u202f", " "), "%b %d, %Y, %I:%M %p")
    bkk_time = datetime.strptime(in_bangkok.split(" (")[0].replace("\u202f", " "), "%b %d, %Y, %I:%M %p")
    assert (hk_time - bkk_time).total_seconds() == 3600


def test_account_page_sets_the_time_zone_used_in_pages(client, db, auth):
    user = auth.login(Role.CLIENT)
    response = submit(client, "/account", {"timezone": "Asia/Jakarta"})
    assert response.status_code == 302
    db.session.refresh(user)
    assert user.timezone == "Asia/Jakarta"
    bad = submit(client, "/account", {"timezone": "Mars/Olympus_Mons"})
    assert "Not a valid choice" in bad.get_data(as_text=True)
    db.session.refresh(user)
    assert user.timezone == "Asia/Jakarta"


def test_invitation_link_uses_base_url_not_the_request_host(app, client, db, auth, monkeypatch):
    monkeypatch.setitem(app.config, "BASE_URL", "https://legalnet.gba-asean.example")
    auth.login(Role.FIRM_ADMIN)
    # The test client's requests come to http://localhost/, as to a worker behind a proxy.
    submit(client, "/firm/users", {"name": "Wong Siu Ming", "email": "ming@own.example"})
    body = db.session.scalar(db.select(OutboxEmail.body).where(OutboxEmail.to_address == "ming@own.example"))
    assert "https://legalnet.gba-asean.example/account/set-password/" in body
    assert "localhost" not in body
