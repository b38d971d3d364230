"""Dates as the centre's people see them: today in the centre's (or the signed-in user's) time zone."""

from datetime import date, datetime

from flask_babel import get_timezone


def today() -> date:
    """Today's date in the centre's time zone, where the clients are."""
    return datetime.now(get_timezone()).date()
