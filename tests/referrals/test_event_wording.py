"""Timeline wording is remembered per kind, parameters, language and zone: the same event reads differently
in another language, and an event whose parameters change (anonymised) reads from its new parameters."""

from datetime import datetime

from flask_babel import force_locale

from legalnet.referrals.events import event_text
from legalnet.referrals.timeline import TimelineEntry


def _entry(params: dict, kind: str = "accepted") -> TimelineEntry:
    return TimelineEntry(id=1, kind=kind, text="stored text", params=params, created_at=datetime(2026, 1, 1),
                         actor=None, message=None)


def test_same_event_in_each_language_and_after_its_parameters_change(app):
    with app.test_request_context("/"):
        with force_locale("en"):
            assert event_text(_entry({"firm": "Harbour LLP"})) == "Harbour LLP accepted the request."
        with force_locale("zh_Hans"):
            assert event_text(_entry({"firm": "Harbour LLP"})) == "Harbour LLP 已接受该委托。"
        with force_locale("en"):
            assert event_text(_entry({"firm": "Harbour LLP"})) == "Harbour LLP accepted the request."
            assert event_text(_entry({"firm": "[removed]"})) == "[removed] accepted the request."


def test_rows_without_their_parameters_show_the_stored_text(app):
    with app.test_request_context("/"), force_locale("en"):
        assert event_text(_entry({})) == "stored text"
        assert event_text(_entry({"firm": ["not", "hashable"]})) == "['not', 'hashable'] accepted the request."
        assert event_text(_entry({"rating": "x"}, kind="feedback")) == "stored text"
