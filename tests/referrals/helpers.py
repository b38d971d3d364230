"""Shared builders for the referral tests: a client, firms with users, and a request at a given stage."""

from legalnet.accounts.models import Role
from legalnet.extensions import db
from legalnet.firms.models import ConflictParty
from legalnet.referrals import services
from tests import factories


def firm_with_admin(name=None, **fields):
    """An active firm covering HK arbitration in English, with a firm admin."""
    firm = factories.make_firm(name=name, **fields)
    admin = factories.make_user(Role.FIRM_ADMIN, firm=firm)
    return firm, admin


def add_conflict(firm, name):
    """Put a party on a firm's conflict register."""
    from legalnet.matching.conflicts import normalise_entity

    db.session.add(ConflictParty(firm_id=firm.id, name=name, normalized_name=normalise_entity(name)))
    db.session.flush()


def referred_request(n_firms=3, client=None, **request_fields):
    """A client, n firms (each with an admin) and a request the client left to the centre; returns
    (client, request, [(firm, admin), ...]) with the first offer made to the top firm."""
    client = client or factories.make_user(Role.CLIENT)
    firms = [firm_with_admin() for _ in range(n_firms)]
    req = factories.make_legal_request(client, **request_fields)
    services.choose_firm(req, client, None)
    db.session.commit()
    return client, req, firms


def firm_of(firms, firm_id):
    """The (firm, admin) pair of a firm id."""
    return next(pair for pair in firms if pair[0].id == firm_id)
