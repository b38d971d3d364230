"""Which dashboard a signed-in user gets: a client sees their organisation's requests, a firm's users their
firm's offers and cases, centre staff the queues and the network's health. Each user sees only their own."""

from legalnet.accounts.models import Role
from legalnet.firms.dashboard import firm_dashboard
from legalnet.intake.dashboard import client_dashboard
from legalnet.staff.dashboard import staff_dashboard


def dashboard_for(user, locale: str):
    """(template, figures) of the user's dashboard; figures is None when the account has no work to show
    (a client without an organisation, a firm user without a firm)."""
    if user.role == Role.CLIENT:
        board = client_dashboard(user, locale) if user.organisation_id else None
        return "accounts/dashboard_client.html", board
    if user.is_firm_member:
        board = firm_dashboard(user.firm) if user.firm else None
        return "accounts/dashboard_firm.html", board
    return "accounts/dashboard_staff.html", staff_dashboard()
