"""Small builders for test data; each adds to the session and flushes, the test commits when it needs to."""

import itertools
import time

import pyotp

from legalnet.accounts.models import Organisation, Role, User
from legalnet.extensions import db
from legalnet.firms.models import Firm, FirmJurisdiction, FirmLanguage, FirmPracticeArea, FirmStatus

PASSWORD = "correct-horse-42"
_counter = itertools.count(1)


def make_organisation(name: str | None = None, **fields) -> Organisation:
    """A client organisation."""
    organisation = Organisation(name=name or f"Client Company {next(_counter)}", **fields)
    db.session.add(organisation)
    db.session.flush()
    return organisation


def make_firm(
    name: str | None = None,
    status: FirmStatus = FirmStatus.ACTIVE,
    jurisdictions=("HK",),
    practice_areas=("arbitration",),
    languages=("en",),
    **fields,
) -> Firm:
    """A member firm with its coverage."""
    n = next(_counter)
    firm = Firm(
        name=name or f"Test Firm {n}", email=fields.pop("email", f"firm{n}@firms.example"), status=status, **fields
    )
    firm.jurisdictions = [FirmJurisdiction(code=c) for c in jurisdictions]
    firm.practice_areas = [FirmPracticeArea(code=c) for c in practice_areas]
    firm.languages = [FirmLanguage(code=c) for c in languages]
    db.session.add(firm)
    db.session.flush()
    return firm


def make_user(role: Role = Role.CLIENT, email: str | None = None, password: str = PASSWORD,
              two_factor: bool | None = None, **links) -> User:
    """A user of `role`, linked to a new organisation or firm when the role needs one; staff have two-factor
    sign-in enrolled, as they must (pass `two_factor` to choose)."""
    n = next(_counter)
    if role == Role.CLIENT and "organisation" not in links:
        links["organisation"] = make_organisation()
    if role in (Role.FIRM_ADMIN, Role.FIRM_LAWYER) and "firm" not in links:
        links["firm"] = make_firm()
    user = User(email=email or f"{role.value.replace('_', '-')}{n}@example.com", name=f"{role.value} {n}", role=role,
                **links)
    user.set_password(password)
    if two_factor if two_factor is not None else role in (Role.STAFF, Role.STAFF_ADMIN):
        user.totp_secret = pyotp.random_base32()
    db.session.add(user)
    db.session.flush()
    return user


def totp_code(user: User) -> str:
    """A code of the user's authenticator that the server has not accepted yet (the current one, or a later
    one when the current one was already used)."""
    step = max(int(time.time()) // 30, (user.totp_last_step or 0) + 1)
    # The server accepts the next step's code too, not one further: wait for the clock when needed.
    while step > int(time.time()) // 30 + 1:
        time.sleep(0.5)
    return pyotp.TOTP(user.totp_secret).generate_otp(step)


def make_legal_request(client_user: User, title: str = "Arbitration in Hong Kong", jurisdictions=("HK",),
                       practice_areas=("arbitration",), languages=("en",), counterparties=(), urgency="standard",
                       **fields):
    """A request submitted through the intake service (so it has a reference and a stored shortlist)."""
    from legalnet.intake.services import RequestInput, submit_request

    data = RequestInput(title=title, jurisdictions=list(jurisdictions), practice_areas=list(practice_areas),
                        languages=list(languages), counterparties=list(counterparties), urgency=urgency,
                        consent_to_share=True, **fields)
    return submit_request(client_user, data)
