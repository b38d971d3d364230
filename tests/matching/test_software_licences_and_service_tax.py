"""A software licence is a licence of copyright; a service tax is tax."""

import pytest

from legalnet.matching.resolver import resolve_request


@pytest.mark.parametrize("title, description", [
    ("软件许可审计索赔", "供应商对我们的工厂做了许可审计，声称我们超装了60套，要求补缴许可费。"),
    ("Licence audit claim", "The vendor ran a licence audit and says we run unlicensed software on 40 PCs."),
])
def test_a_software_licence_audit_is_intellectual_property_work(title, description):
    assert "intellectual-property" in resolve_request(title, description).practice_areas


@pytest.mark.parametrize("title, description", [
    ("马来西亚数字服务税", "我们是深圳的App公司，马来西亚用户订阅付费，需要在马来西亚注册服务税吗？"),
    ("", "Do we as a foreign digital service provider have to register for service tax in Malaysia?"),
    ("", "Adakah syarikat kami perlu berdaftar untuk cukai perkhidmatan?"),
])
def test_a_service_tax_is_tax(title, description):
    assert resolve_request(title, description).practice_areas == ["tax"]
