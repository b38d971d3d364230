"""Who may see and change a firm: object-level checks used at the top of the firm views."""

from legalnet.accounts.models import Role
from legalnet.firms.models import Firm


def can_view_firm(user, firm: Firm | None) -> bool:
    """Staff see every firm; a firm's own admins and lawyers see their firm; the public sees active members."""
    if firm is None:
        return False
    if user.is_authenticated and user.is_staff:
        return True
    if user.is_authenticated and user.is_firm_member and user.firm_id == firm.id:
        return True
    return firm.is_active_member


def can_edit_firm(user, firm: Firm | None) -> bool:
    """Only an admin of the firm changes its profile, whatever its membership status."""
    return (
        firm is not None and user.is_authenticated and user.role == Role.FIRM_ADMIN and user.firm_id == firm.id
        and not user.disabled
    )
