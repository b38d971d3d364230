"""Conflict screen: legal forms, abbreviations and fuzzy matching of entity names."""

import pytest

from legalnet.matching.conflicts import ConflictScreen, find_conflicts, normalise_entity


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Siam Cement Public Company Limited", "siam cement"),
        ("SIAM CEMENT PCL", "siam cement"),
        ("Vingroup Joint Stock Company", "vingroup"),
        ("VINGROUP JSC", "vingroup"),
        ("Golden Dragon Shipping Pte. Ltd.", "golden dragon shipping"),
        ("Brunei Halal Foods Sdn. Bhd.", "brunei halal foods"),
        ("Petronas Chemicals Group Berhad", "petronas chemicals group"),
        ("PT Astra International Tbk", "astra international"),
        ("深圳前海智慧物流有限公司", "深圳前海智慧物流"),
        ("华为技术股份有限公司", "华为技术"),
        ("Công ty TNHH Mekong Agro", "mekong agro"),
        ("Macau Lotus Hospitality Group S.A.", "macau lotus hospitality group"),
        ("Pearl River Delta Biotech Hldgs Ltd.", "pearl river delta biotech holdings"),
        ("Casa Lusitana Lda", "casa lusitana"),
    ],
)
def test_normalise_entity_strips_legal_forms(name, expected):
    assert normalise_entity(name) == expected


def test_holdings_is_kept_in_the_normalised_name():
    assert normalise_entity("Borneo Timber Holdings") == "borneo timber holdings"


@pytest.mark.parametrize(
    "a,b",
    [
        ("Siam Cement Public Company Limited", "SIAM CEMENT PCL"),
        ("Vingroup Joint Stock Company", "Vingroup JSC"),
        ("Vingroup Joint-Stock Co.", "VINGROUP JSC"),
        ("Lao Hydro Power Dev. Co.", "LAO HYDROPOWER DEVELOPMENT COMPANY"),
        ("Tianjin Heavy Machinery Grp Co Ltd", "TIANJIN HEAVY MACHINERY GROUP COMPANY LIMITED"),
        ("GZ Baiyun Electric Equip. Co. Ltd", "Guangzhou Baiyun Electric Equipment Co., Ltd."),
        ("Shenzhen Qianhai Smart Logistic Co Ltd", "Shenzhen Qianhai Smart Logistics Co., Ltd."),
        ("Mekong Agro-Export Company Limited", "MEKONG AGRO EXPORT CO LTD"),
        ("Siam Cement Group", "Siam Cement PCL"),
    ],
)
def test_same_entity_matches(a, b):
    hits = find_conflicts([a], [b])
    assert len(hits) == 1
    assert hits[0][0] == a and hits[0][1] == b
    assert hits[0][2] >= 90


@pytest.mark.parametrize(
    "a,b",
    [
        ("Siam Cement", "Siam Commercial Bank"),
        ("Thai Union Seafood Trading Co., Ltd.", "Thai Airways International PCL"),
        ("ABC Ltd", "ABD Ltd"),
        ("Hong Kong Harbour Securities Ltd.", "Hong Kong Harbour Hotels Ltd."),
    ],
)
def test_different_entities_do_not_match(a, b):
    assert find_conflicts([a], [b]) == []


def test_screen_reports_each_matching_counterparty():
    screen = ConflictScreen(["Vingroup JSC", "Siam Cement PCL", ""])
    hits = screen.check(
        ["Vingroup Joint Stock Company", "Unrelated Trading Pte Ltd", "Siam Cement Public Co., Ltd."]
    )
    assert [(h.counterparty, h.register_name) for h in hits] == [
        ("Vingroup Joint Stock Company", "Vingroup JSC"),
        ("Siam Cement Public Co., Ltd.", "Siam Cement PCL"),
    ]
    assert screen.check([]) == []


@pytest.mark.parametrize(
    "counterparty, register_name",
    [
        ("Pearl River Delta Biotech Hldgs Ltd.", "PRD Biotech Holdings Ltd"),
        ("Shenzhen Huaxing Lighting Technology Co., Ltd.", "深圳华星照明科技有限公司"),
        ("順達環球物流有限公司", "Shunda Global Logistics Limited"),
        ("Golden Reed Intl Mfg Grp (HK) Ltd", "Golden Reed International Manufacturing Group Limited"),
    ],
)
def test_abbreviations_initialisms_and_chinese_names_are_understood(counterparty, register_name):
    assert find_conflicts([counterparty], [register_name])


@pytest.mark.parametrize(
    "counterparty, register_name",
    [
        ("Shenzhen Huaxing Lighting Technology Co., Ltd.", "深圳明辉电子有限公司"),
        ("Pearl River Delta Biotech Ltd", "PRD Logistics Ltd"),
    ],
)
def test_other_companies_stay_apart(counterparty, register_name):
    assert not find_conflicts([counterparty], [register_name])


def test_a_name_given_with_its_initials_matches_a_register_that_holds_either():
    register = ["EVN", "Vietnam Electricity Group", "Acme Trading Ltd"]
    hits = find_conflicts(["Vietnam Electricity (EVN)"], register)
    assert sorted(reg for _cp, reg, _score in hits) == ["EVN", "Vietnam Electricity Group"]


def test_a_place_code_in_brackets_is_no_short_form_to_screen():
    assert find_conflicts(["Sunrise Trading (HK) Ltd"], ["HK Land Holdings"]) == []
