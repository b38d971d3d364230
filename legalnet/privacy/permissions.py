"""Who may export or erase a person's data: people export their own, staff export anyone's, and only a staff
administrator erases."""

from legalnet.accounts.models import Role


def can_export(actor, person) -> bool:
    """The person themself, or centre staff."""
    return bool(actor and actor.is_authenticated and (actor.id == person.id or actor.is_staff))


def can_see_people(actor) -> bool:
    """Centre staff see the people pages."""
    return bool(actor and actor.is_authenticated and actor.is_staff)


def can_erase(actor) -> bool:
    """Only a staff administrator erases: it cannot be undone."""
    return bool(actor and actor.is_authenticated and actor.role == Role.STAFF_ADMIN)
