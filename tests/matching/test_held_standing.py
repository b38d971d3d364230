"""A regulator or licence the client already holds tells where it stands, like its seat: the work asked for is
elsewhere. A licence still to be applied for, or a regulator in a dispute, stays the matter's."""

import pytest

from legalnet.matching.resolver import resolve_request


@pytest.mark.parametrize(("description", "expected"), [
    ("We are a remittance app. We already hold an MAS major payment institution licence and now want an e-money "
     "licence from Bank Indonesia for Jakarta.", ["ID"]),
    ("A BNM-approved e-money issuer looking to apply for a Stored Value Facility licence with the HKMA.", ["HK"]),
    ("本公司已持有SFC第9類牌照，現在想在新加坡申請資本市場服務牌照，請推薦新加坡律師。", ["SG"]),
])
def test_a_licence_the_client_already_holds_is_its_standing(description, expected):
    assert resolve_request("", description).jurisdictions == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("We need to apply for a money service operator licence with Customs in Hong Kong.", ["HK"]),
    ("We have a dispute with the SFC over a fine imposed last month.", ["HK"]),
    ("Our HR manager in Cebu has the notices to explain; the NLRC case needs a labour lawyer.", ["PH"]),
])
def test_a_licence_still_to_get_or_a_regulator_in_a_dispute_stays_the_matters(description, expected):
    assert resolve_request("", description).jurisdictions == expected
