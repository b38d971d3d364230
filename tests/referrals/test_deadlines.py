"""Working-day deadlines: the clock itself (legalnet/referrals/deadlines.py), the deadlines and reminders of
real offers on a firm's clock, the firm's office-hours page, and deadlines shown in each reader's zone."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest

from legalnet.accounts.models import Role, User
from legalnet.extensions import db
from legalnet.firms.hours import clock_for, home_jurisdiction
from legalnet.firms.models import Firm
from legalnet.notifications.models import Notification
from legalnet.referrals import services
from legalnet.referrals.cli import sweep
from legalnet.referrals.deadlines import (
    FALLBACK_ZONE,
    WorkingClock,
    add_working_hours,
    default_zone,
    remind_at,
    subtract_working_hours,
    supports_holidays,
)
from legalnet.referrals.models import CaseEvent, Offer, OfferStatus
from tests import factories
from tests.conftest import submit
from tests.referrals.helpers import firm_with_admin

JURISDICTIONS = ("CN", "HK", "MO", "SG", "TH", "MY", "VN", "ID", "PH", "KH", "LA", "MM", "BN")
SHANGHAI, SINGAPORE = ZoneInfo("Asia/Shanghai"), ZoneInfo("Asia/Singapore")


def utc(year, month, day, hour, minute=0, zone=SHANGHAI):
    """A local wall-clock time as the naive UTC the database stores."""
    return datetime(year, month, day, hour, minute, tzinfo=zone).astimezone(UTC).replace(tzinfo=None)


def local(moment, zone):
    """A stored naive UTC moment on a zone's wall clock."""
    return moment.replace(tzinfo=UTC).astimezone(zone)


# ------------------------------------------------------------------------------------------- the clock


def test_every_jurisdiction_has_a_holiday_calendar_and_a_zone():
    for code in JURISDICTIONS:
        assert supports_holidays(code), code
        assert default_zone(code).startswith("Asia/"), code
    assert default_zone("CN") == "Asia/Shanghai" and default_zone("ID") == "Asia/Jakarta"
    assert not supports_holidays("XX") and default_zone("XX") == FALLBACK_ZONE


def test_a_deadline_across_chinese_new_year_waits_for_the_festival_to_end():
    clock = WorkingClock(zone="Asia/Shanghai", jurisdiction="CN")
    # Friday 5 February 2027, 19:00 in Beijing: Chinese New Year's Eve, the festival runs to Wednesday 10th.
    start = utc(2027, 2, 5, 19)
    deadline = add_working_hours(start, 48, clock)
    # 48 working hours = Thu 11th, Fri 12th, Mon 15th, Tue 16th, Wed 17th (9 hours each), 3 hours of Thu 18th.
    assert local(deadline, SHANGHAI) == datetime(2027, 2, 18, 12, 0, tzinfo=SHANGHAI)
    calendar = holidays.country_holidays("CN", years=2027)
    assert all(f"2027-02-{day:02d}" in calendar for day in range(5, 11))
    # On the wall clock that is nearly thirteen days, not two.
    assert deadline - start > timedelta(days=12)


def test_a_deadline_across_a_singapore_weekend_lands_on_monday_or_tuesday():
    clock = WorkingClock(zone="Asia/Singapore", jurisdiction="SG")
    friday_five = utc(2027, 3, 5, 17, zone=SINGAPORE)
    # One hour on Friday, then the weekend does not count.
    assert local(add_working_hours(friday_five, 9, clock), SINGAPORE) == datetime(2027, 3, 8, 17, tzinfo=SINGAPORE)
    assert local(add_working_hours(friday_five, 16, clock), SINGAPORE) == datetime(2027, 3, 9, 15, tzinfo=SINGAPORE)
    # Started at Saturday noon, counting begins at Monday's opening.
    saturday = utc(2027, 3, 6, 12, zone=SINGAPORE)
    assert local(add_working_hours(saturday, 2, clock), SINGAPORE) == datetime(2027, 3, 8, 11, tzinfo=SINGAPORE)


def test_brunei_keeps_friday_and_sunday_as_its_weekend():
    clock = WorkingClock(zone="Asia/Brunei", jurisdiction="BN")
    thursday_five = utc(2027, 3, 4, 17, zone=ZoneInfo("Asia/Brunei"))
    deadline = local(add_working_hours(thursday_five, 3, clock), ZoneInfo("Asia/Brunei"))
    # Thursday 17:00-18:00, Friday and Sunday off, Saturday 4 March ... is a working day in Brunei.
    assert deadline == datetime(2027, 3, 6, 11, tzinfo=ZoneInfo("Asia/Brunei"))


@pytest.mark.parametrize("code", JURISDICTIONS)
def test_no_deadline_falls_on_a_weekend_or_holiday_or_outside_office_hours(code):
    clock = WorkingClock(zone=default_zone(code), jurisdiction=code)
    calendar = holidays.country_holidays(code, years=[2026, 2027, 2028])
    zone = ZoneInfo(clock.zone)
    start = datetime(2026, 12, 1)
    for step in range(0, 24 * 400, 37):  # every 37 hours over more than a year: all days and hours of day
        for hours in (6, 24, 48):
            deadline = local(add_working_hours(start + timedelta(hours=step), hours, clock), zone)
            assert deadline.date() not in calendar, (code, deadline)
            assert calendar.is_working_day(deadline.date()), (code, deadline)
            assert time(9) < deadline.time() <= time(18), (code, deadline)


def test_without_a_calendar_only_weekends_are_skipped():
    clock = WorkingClock(zone="UTC", jurisdiction=None)
    friday = datetime(2027, 2, 5, 17)
    assert add_working_hours(friday, 2, clock) == datetime(2027, 2, 8, 10)


def test_office_hours_count_in_the_clocks_zone():
    morning = WorkingClock(zone="Asia/Singapore", opens=time(8), closes=time(12), jurisdiction="SG")
    monday_seven = utc(2027, 3, 8, 7, zone=SINGAPORE)
    # Counting starts at 08:00, four hours a day.
    assert local(add_working_hours(monday_seven, 6, morning), SINGAPORE) == datetime(2027, 3, 9, 10, tzinfo=SINGAPORE)
    # The same hours in Bangkok are an hour later in UTC.
    bangkok = WorkingClock(zone="Asia/Bangkok", opens=time(8), closes=time(12), jurisdiction="SG")
    assert add_working_hours(monday_seven, 6, bangkok) - add_working_hours(monday_seven, 6, morning) == \
        timedelta(hours=1)


def test_reminders_count_back_in_working_hours():
    clock = WorkingClock(zone="Asia/Singapore", jurisdiction="SG")
    tuesday_ten = utc(2027, 3, 9, 10, zone=SINGAPORE)
    # One hour of Tuesday morning, five of Monday afternoon.
    assert local(subtract_working_hours(tuesday_ten, 6, clock), SINGAPORE) == \
        datetime(2027, 3, 8, 13, tzinfo=SINGAPORE)
    # Across the weekend: Monday 11:00 back 6 hours is Friday 14:00.
    monday_eleven = utc(2027, 3, 8, 11, zone=SINGAPORE)
    assert local(subtract_working_hours(monday_eleven, 6, clock), SINGAPORE) == \
        datetime(2027, 3, 5, 14, tzinfo=SINGAPORE)
    # Never before the offer itself.
    offered = utc(2027, 3, 8, 10, zone=SINGAPORE)
    assert remind_at(offered, monday_eleven, 6, clock) == offered


# ------------------------------------------------------------------------------------- offers on the clock


def cn_request_to(firm, now, urgency="standard"):
    """A client's CN request offered to `firm` at `now` through the choice the client makes on its page."""
    client = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client, jurisdictions=tuple(firm.jurisdiction_codes), urgency=urgency)
    offer = services.choose_firm(req, client, firm.id, now=now)
    db.session.commit()
    return req, offer


def test_an_offer_made_on_new_years_eve_to_a_chinese_firm_is_due_after_the_festival(db):
    firm, _admin = firm_with_admin(country="CN", jurisdictions=("CN",))
    assert home_jurisdiction(firm) == "CN" and clock_for(firm).zone == "Asia/Shanghai"
    _req, offer = cn_request_to(firm, utc(2027, 2, 5, 19))
    assert local(offer.respond_by, SHANGHAI) == datetime(2027, 2, 18, 12, tzinfo=SHANGHAI)
    # The reminder comes six working hours before: 15:00 on Wednesday 17th.
    assert local(offer.remind_at, SHANGHAI) == datetime(2027, 2, 17, 15, tzinfo=SHANGHAI)
    # The timeline keeps the same deadline.
    event = db.session.scalars(db.select(CaseEvent).where(CaseEvent.request_id == offer.request_id,
                                                          CaseEvent.kind == "offered")).one()
    assert event.params["respond_by"] == offer.respond_by.isoformat()


def test_a_singapore_firm_offered_on_friday_evening_answers_by_monday(db, app):
    firm, _admin = firm_with_admin(country="SG", jurisdictions=("SG",))
    app.config["SLA_URGENT_HOURS"] = 9
    try:
        _req, offer = cn_request_to(firm, utc(2027, 3, 5, 17, zone=SINGAPORE), urgency="urgent")
    finally:
        app.config["SLA_URGENT_HOURS"] = 24
    assert local(offer.respond_by, SINGAPORE) == datetime(2027, 3, 8, 17, tzinfo=SINGAPORE)
    # Standard requests take 48 working hours, and Hari Raya Puasa (Wednesday 10th) does not count either:
    # 1 + 9 + 9 (Mon, Tue) + 9 + 9 (Thu, Fri) + 9 (Mon 15th) + 2 hours of Tuesday 16th.
    _req, standard = cn_request_to(firm, utc(2027, 3, 5, 17, zone=SINGAPORE))
    assert local(standard.respond_by, SINGAPORE) == datetime(2027, 3, 16, 11, tzinfo=SINGAPORE)


def test_the_sweep_reminds_on_the_working_clock_and_expires_once(db, app):
    firm, admin = firm_with_admin(country="SG", jurisdictions=("SG",))
    other, _other_admin = firm_with_admin(country="HK", jurisdictions=("SG",))
    app.config["SLA_URGENT_HOURS"] = 9
    try:
        req, offer = cn_request_to(firm, utc(2027, 3, 5, 17, zone=SINGAPORE), urgency="urgent")
    finally:
        app.config["SLA_URGENT_HOURS"] = 24
    # Due Monday 17:00; the reminder six working hours before is Monday 11:00.
    assert local(offer.remind_at, SINGAPORE) == datetime(2027, 3, 8, 11, tzinfo=SINGAPORE)
    # On the wall clock, six hours before the deadline would be 11:00 on Monday as well, but counted from
    # Friday evening: nothing is due over the weekend.
    assert sweep(now=utc(2027, 3, 6, 11, zone=SINGAPORE))["reminded"] == 0
    assert sweep(now=utc(2027, 3, 8, 10, 59, zone=SINGAPORE))["reminded"] == 0
    assert sweep(now=utc(2027, 3, 8, 11, 1, zone=SINGAPORE))["reminded"] == 1
    assert sweep(now=utc(2027, 3, 8, 11, 2, zone=SINGAPORE))["reminded"] == 0
    # Past the deadline: expired and passed on once; a second sweep at the same moment changes nothing.
    late = utc(2027, 3, 8, 17, 1, zone=SINGAPORE)
    first = sweep(now=late)
    second = sweep(now=late)
    assert first["expired"] == 1 and second["expired"] == 0 and second["reminded"] == 0
    offers = db.session.scalars(db.select(Offer).where(Offer.request_id == req.id).order_by(Offer.id)).all()
    assert [o.status for o in offers] == [OfferStatus.EXPIRED, OfferStatus.OFFERED]
    # The next firm's deadline counts on its own clock (Hong Kong holidays, Hong Kong time) from the expiry.
    cascaded = offers[1]
    assert cascaded.firm_id == other.id and cascaded.offered_at == late
    assert cascaded.respond_by == add_working_hours(late, 24, clock_for(db.session.get(Firm, other.id)))
    reminders = db.session.scalars(db.select(Notification).where(Notification.user_id == admin.id,
                                                                 Notification.kind == "offer.reminder")).all()
    assert len(reminders) == 1


# ----------------------------------------------------------------------------------- the firm's settings


def test_the_firm_admin_sets_zone_and_office_hours_and_offers_follow_them(client, auth, db):
    firm, admin = firm_with_admin(country="SG", jurisdictions=("SG",))
    db.session.commit()
    auth.login(user=admin)
    page = client.get("/firm/hours").get_data(as_text=True)
    assert "Asia/Singapore" in page and "09:00" in page and "18:00" in page
    response = submit(client, "/firm/hours", {"time_zone": "Asia/Bangkok", "office_opens": "08:00",
                                              "office_closes": "12:00"})
    assert response.status_code == 302
    firm = db.session.get(Firm, firm.id)
    assert (firm.time_zone, firm.office_opens, firm.office_closes) == ("Asia/Bangkok", time(8), time(12))
    # Monday 07:00 in Bangkok; four working hours a day: due Tuesday 10:00 Bangkok time.
    app_now = datetime(2027, 3, 8, 7, tzinfo=ZoneInfo("Asia/Bangkok")).astimezone(UTC).replace(tzinfo=None)
    client_user = factories.make_user(Role.CLIENT)
    req = factories.make_legal_request(client_user, jurisdictions=("SG",))
    offer = services.choose_firm(req, client_user, firm.id, now=app_now)
    db.session.commit()
    assert offer.respond_by == add_working_hours(app_now, 48, clock_for(firm))
    assert local(add_working_hours(app_now, 6, clock_for(firm)), ZoneInfo("Asia/Bangkok")) == \
        datetime(2027, 3, 9, 10, tzinfo=ZoneInfo("Asia/Bangkok"))


@pytest.mark.parametrize(("data", "message"), [
    ({"time_zone": "Mars/Olympus_Mons", "office_opens": "09:00", "office_closes": "18:00"},
     "is not a time zone we know"),
    ({"time_zone": "", "office_opens": "18:00", "office_closes": "09:00"}, "a later time it closes"),
    ({"time_zone": "", "office_opens": "09:00", "office_closes": "09:30"}, "at least 1 hour"),
    ({"time_zone": "", "office_opens": "25:99", "office_closes": "18:00"}, "Not a valid time"),
    ({"time_zone": "", "office_opens": "", "office_closes": "18:00"}, "Give the opening time"),
])
def test_bad_zone_or_hours_are_refused_with_a_message_and_change_nothing(client, auth, db, data, message):
    firm, admin = firm_with_admin(country="SG", jurisdictions=("SG",))
    db.session.commit()
    auth.login(user=admin)
    response = submit(client, "/firm/hours", data)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    firm = db.session.get(Firm, firm.id)
    assert (firm.time_zone, firm.office_opens, firm.office_closes) == (None, None, None)


def test_only_the_firms_admin_changes_its_office_hours(client, auth, db):
    firm, _admin = firm_with_admin(country="SG", jurisdictions=("SG",))
    lawyer = factories.make_user(Role.FIRM_LAWYER, firm=firm)
    db.session.commit()
    auth.login(user=lawyer)
    assert client.get("/firm/hours").status_code == 403
    response = client.post("/firm/hours", data={"time_zone": "UTC", "office_opens": "01:00", "office_closes": "02:00"})
    assert response.status_code in (400, 403)
    assert db.session.get(Firm, firm.id).time_zone is None


# ------------------------------------------------------------------------------------ each reader's zone


def test_each_reader_sees_the_deadline_in_their_own_zone_with_the_zone_named(client, auth, db):
    firm, admin = firm_with_admin(country="CN", jurisdictions=("CN",))
    admin.timezone = "Asia/Shanghai"
    req, offer = cn_request_to(firm, utc(2027, 2, 5, 19))
    client_user = db.session.scalars(db.select(User).where(User.organisation_id == req.organisation_id)).one()
    client_user.timezone = "Asia/Bangkok"
    db.session.commit()
    auth.login(user=admin)
    page = client.get(f"/offers/{offer.id}").get_data(as_text=True)
    assert "Feb 18, 2027, 12:00\u202fPM" in page and "China Time" in page
    auth.logout()
    auth.login(user=client_user)
    page = client.get(f"/requests/{req.id}").get_data(as_text=True)
    assert "Thailand Time" in page and "11:00" in page
