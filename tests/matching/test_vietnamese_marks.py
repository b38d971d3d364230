"""Vietnamese words that differ only by their marks: hiring a lawyer (thuê) is not tax (thuế)."""

import pytest

from legalnet.matching.resolver import resolve_request


@pytest.mark.parametrize("description", [
    "Tôi muốn thuê luật sư ở Hà Nội để ly hôn.",
    "Em gai toi bi bat o Quang Chau. Chung toi muon thue luat su o Trung Quoc de tham em.",
    "Tôi cho thuê căn hộ ở Đà Nẵng, người thuê không trả tiền.",
])
def test_hiring_or_renting_is_not_tax(description):
    assert "tax" not in resolve_request("", description).practice_areas


@pytest.mark.parametrize("description", [
    "Công ty bị Cục Thuế truy thu thuế năm 2023.",
    "Cong ty bi phat thue TNDN, chung toi muon thue luat su.",
    "Chúng tôi bị truy thu thuế GTGT.",
])
def test_tax_stays_tax_with_or_without_marks(description):
    assert "tax" in resolve_request("", description).practice_areas
