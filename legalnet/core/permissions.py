"""Permission helpers shared by the domains: role checks enforced at the top of views."""

from functools import wraps

from flask import abort
from flask_login import current_user, login_required

from legalnet.accounts.models import FIRM_ROLES, STAFF_ROLES, Role


def roles_required(*roles: Role):
    """Require a signed-in user with one of `roles`; others get 403, anonymous users the sign-in page."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


staff_required = roles_required(*STAFF_ROLES)
client_required = roles_required(Role.CLIENT)
firm_member_required = roles_required(*FIRM_ROLES)
firm_admin_required = roles_required(Role.FIRM_ADMIN)
staff_admin_required = roles_required(Role.STAFF_ADMIN)
client_or_staff_required = roles_required(Role.CLIENT, *STAFF_ROLES)
