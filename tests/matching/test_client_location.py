"""Where the client is, or where other people come from, is not where the work is: such places count only when
the request names no other place."""

import pytest

from legalnet.matching.resolver import resolve_request


def places(title: str, description: str) -> list[str]:
    """The jurisdictions a request resolves to."""
    return resolve_request(title, description).jurisdictions


@pytest.mark.parametrize(("description", "matter", "client"), [
    ("I'm in Bangkok. My tenant in Cebu stopped paying rent.", "PH", "TH"),
    ("We are currently in Singapore and need to sue a supplier in Hanoi.", "VN", "SG"),
    ("I live in Macau. My late aunt left a flat in Kuala Lumpur.", "MY", "MO"),
    ("I work in Hong Kong as a nurse; my land in Iloilo was sold without my consent.", "PH", "HK"),
    ("Our head office is in Jakarta. We need to register a trade mark in Thailand.", "TH", "ID"),
    ("Chúng tôi ở Hà Nội, cần khởi kiện đối tác tại Singapore.", "SG", "VN"),
    ("Kami di Kuala Lumpur, perlu peguam untuk tuntutan di Jakarta.", "ID", "MY"),
    ("我在深圳，想在新加坡注册公司。", "SG", "CN"),
    ("本人現時喺澳門工作，想喺香港買樓。", "HK", "MO"),
    ("我们（香港的家族办公室）想在泰国收购一家酒店。", "TH", "HK"),
    ("我哋係新加坡公司，想喺越南開廠。", "VN", "SG"),
])
def test_the_clients_own_place_gives_way_to_the_matters(description, matter, client):
    found = resolve_request("Request", description)
    assert found.jurisdictions == [matter]
    assert client in found.home_jurisdictions


@pytest.mark.parametrize(("description", "matter"), [
    ("I'm a Malaysian permanent resident buying a flat in Singapore.", "SG"),
    ("My sisters in Yangon want to sell the house in Vientiane.", "LA"),
    ("Saya warga negara Malaysia, ada sengketa tanah di Bali.", "ID"),
    ("Công ty Singapore có nhà máy tại Đồng Nai muốn cắt giảm lao động.", "VN"),
    ("บริษัทเวียดนามที่มีสาขาในภูเก็ตต้องการขอใบอนุญาตทำงาน", "TH"),
    ("บริษัทของเราในภูเก็ตถูกประเมินภาษี เรื่องราคาโอนกับบริษัทแม่ในสิงคโปร์", "TH"),
])
def test_other_peoples_homes_give_way_to_the_matters_place(description, matter):
    assert places("Request", description) == [matter]


@pytest.mark.parametrize(("description", "expected"), [
    # "in" after a verb of the matter, not of the client's whereabouts.
    ("We want to open an office in Manila.", ["PH"]),
    ("Our factory is in Binh Duong and we must lay off 40 workers.", ["VN"]),
    ("我们在越南有一家工厂，工人罢工了。", ["VN"]),
    ("Kami ingin membuka cabang di Jakarta.", ["ID"]),
])
def test_a_place_of_the_work_is_not_mistaken_for_the_clients(description, expected):
    assert places("Request", description) == expected


def test_the_clients_place_counts_when_it_is_the_only_one():
    assert places("Unpaid wages", "I'm in Singapore and my employer has not paid me for two months.") == ["SG"]
