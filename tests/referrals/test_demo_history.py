"""The demo's past requests tell one consistent story: each offer's deadline is the same on the offer, in
the timeline and in the notices sent to the firm, all in the story's time rather than the load time."""

from flask_babel import force_locale

from legalnet.core.models import utcnow
from legalnet.notifications.models import Notification
from legalnet.referrals.events import when_text
from legalnet.referrals.models import CaseEvent, Offer


def test_offer_deadlines_agree_everywhere_after_the_demo_loads(app, db):
    loaded_at = utcnow()
    assert "Demo data loaded" in app.test_cli_runner().invoke(args=["demo", "load"]).output
    offers = {o.id: o for o in db.session.scalars(db.select(Offer))}
    assert len(offers) > 10
    events = db.session.scalars(db.select(CaseEvent).where(CaseEvent.kind == "offered")).all()
    assert len(events) == len(offers)
    for event in events:
        offer = offers[event.params["offer_id"]]
        assert event.params["respond_by"] == offer.respond_by.isoformat()
        assert offer.offered_at < loaded_at
    with app.test_request_context():
        notices = db.session.scalars(db.select(Notification).where(Notification.kind == "offer.new")).all()
        assert notices
        for notice in notices:
            offer = offers[int(notice.link.rsplit("/", 1)[1])]
            with force_locale(notice.user.locale or "en"):
                assert when_text(offer.respond_by) in notice.message, notice.message
