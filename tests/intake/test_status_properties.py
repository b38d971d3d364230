"""The status questions templates ask a request instead of comparing status strings."""

import pytest

from legalnet.intake.models import LegalRequest, RequestStatus


@pytest.mark.parametrize("status, open_case", [
    (RequestStatus.ACCEPTED, True), (RequestStatus.IN_PROGRESS, True), (RequestStatus.ON_HOLD, True),
    (RequestStatus.CLOSED, False), (RequestStatus.REFERRED, False), (RequestStatus.MATCHED, False),
])
def test_a_case_is_open_from_acceptance_until_it_is_closed(status, open_case):
    assert LegalRequest(status=status).is_open_case is open_case
