"""The client's own company, named as such, is not the work asked for."""

import pytest

from legalnet.matching.resolver import resolve_request


@pytest.mark.parametrize("title, description", [
    ("PHK", "Perusahaan kami (PT PMA dari Singapura) di Karawang akan memberhentikan 80 karyawan; serikat pekerja "
     "menolak."),
    ("PHK massal", "Sebanyak 80 karyawan di PT PMA kami di Cikarang akan kena PHK; serikat pekerja menolak."),
    ("裁员", "我们是一家日本公司，在苏州有一家外商独资企业，现在要裁员五十人，需要劳动法律师。"),
])
def test_an_entity_named_as_the_clients_own_is_not_an_area(title, description):
    resolved = resolve_request(title, description)
    assert "employment" in resolved.practice_areas
    assert "foreign-investment" not in resolved.practice_areas
    assert "corporate-commercial" not in resolved.practice_areas


def test_the_same_entity_to_be_set_up_is_the_work():
    resolved = resolve_request("PT PMA", "Kami ingin mendirikan PT PMA di Batam untuk pabrik elektronik.")
    assert "foreign-investment" in resolved.practice_areas


@pytest.mark.parametrize("description", [
    "我们是香港公司，想在南沙设立外商独资企业。",
    "计划在越南注册外资企业做家具出口。",
])
def test_an_enterprise_after_a_founding_verb_is_the_work(description):
    assert "foreign-investment" in resolve_request("设立", description).practice_areas


def test_an_enterprise_describing_the_client_is_not():
    assert "foreign-investment" not in resolve_request("裁员", "我们是一家外资企业，员工要求加薪。").practice_areas


@pytest.mark.parametrize("title, description", [
    ("Sa thải nhân viên", "Tập đoàn của chúng tôi có văn phòng đại diện ở Đà Nẵng và cần chấm dứt hợp đồng lao động "
     "với một nhân viên."),
    ("Layoffs", "We have a representative office in Yangon and must lay off twelve staff next month."),
])
def test_an_office_the_client_has_is_not_the_work(title, description):
    resolved = resolve_request(title, description)
    assert "employment" in resolved.practice_areas
    assert not {"foreign-investment", "corporate-commercial"} & set(resolved.practice_areas)


@pytest.mark.parametrize("description", [
    "A Korean cosmetics brand wants to open a representative office in Ho Chi Minh City next year.",
    "我们想在越南设立代表处，负责市场推广。",
    "Kami berencana mendirikan PT PMA di Surabaya untuk distribusi alat kesehatan.",
])
def test_setting_up_a_foreign_invested_entity_is_corporate_and_foreign_investment_work(description):
    resolved = resolve_request("New entity", description)
    assert {"corporate-commercial", "foreign-investment"} <= set(resolved.practice_areas)


@pytest.mark.parametrize("description, area, not_area", [
    ("我哋想喺澳門開一間公司做進出口，要搵律師幫手註冊。", "corporate-commercial", "trade-customs"),
    ("We want to list on the SGX Catalist next year and need a pre-IPO restructuring.", "corporate-commercial",
     "insolvency"),
])
def test_the_clients_line_of_business_is_not_the_work_and_a_pre_listing_restructuring_is_corporate(
        description, area, not_area):
    resolved = resolve_request("", description)
    assert area in resolved.practice_areas and not_area not in resolved.practice_areas
