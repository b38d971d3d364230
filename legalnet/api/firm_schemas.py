"""The shapes of member firms in the API: the directory's public profile, with offices and lawyers, and the
member list as staff see it."""

from marshmallow import Schema, fields

from legalnet.api.fields import Timestamp
from legalnet.api.pagination import page_of
from legalnet.firms.models import FirmStatus


class Office(Schema):
    """A firm's office."""

    city = fields.String()
    jurisdiction = fields.String()
    address = fields.String(allow_none=True)


class FirmCoverage(Schema):
    """What every view of a firm shows: who it is and what it covers, by vocabulary codes."""

    id = fields.Integer(required=True)
    name = fields.String(required=True)
    local_name = fields.String(allow_none=True)
    country = fields.String(allow_none=True)
    jurisdictions = fields.List(fields.String(), attribute="jurisdiction_codes")
    practice_areas = fields.List(fields.String(), attribute="practice_area_codes")
    languages = fields.List(fields.String(), attribute="language_codes")


class PublicFirm(FirmCoverage):
    """A member firm's public profile, as the directory shows it."""

    website = fields.String(allow_none=True)
    offices = fields.List(fields.Nested(Office))


class BarAdmission(Schema):
    """Where and since when a lawyer is admitted."""

    jurisdiction = fields.String()
    admitted_year = fields.Integer(allow_none=True)


class Lawyer(Schema):
    """A lawyer of a member firm."""

    name = fields.String()
    title = fields.String(allow_none=True)
    bar_admissions = fields.List(fields.Nested(BarAdmission))


class PublicFirmDetail(PublicFirm):
    """A member firm's public profile with its description and lawyers."""

    description = fields.String(allow_none=True)
    lawyers = fields.List(fields.Nested(Lawyer))


class StaffFirm(FirmCoverage):
    """A firm as staff see it in the member list."""

    email = fields.String(allow_none=True)
    status = fields.Enum(FirmStatus, by_value=True)
    renewal_date = fields.Date(allow_none=True)
    capacity = fields.Integer()
    open_cases = fields.Integer()
    created_at = Timestamp()


PublicFirmPage = page_of(PublicFirm)
StaffFirmPage = page_of(StaffFirm)
