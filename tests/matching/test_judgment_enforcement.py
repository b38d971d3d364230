"""A judgment or award already given, to be enforced elsewhere: the work is where it is enforced."""

import pytest

from legalnet.matching.resolver import resolve_request


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Register our Malaysian judgment", "We hold a Malaysian judgment against a logistics company whose trucks "
     "and yard are all in Singapore. Please register it in the High Court of Singapore.", ["SG"]),
    ("深圳中院判决 香港执行", "我们在深圳中院判决胜诉，债务人在香港有物业，想在香港申请登记执行。", ["HK"]),
    ("仲裁裁决执行", "北京仲裁委员会已裁决对方付款，对方资产都在澳门，想向澳门法院申请认可和执行。", ["MO"]),
    ("Daftar penghakiman", "Kami mahu mendaftarkan penghakiman Mahkamah Tinggi Malaysia di Singapura.", ["SG"]),
    ("Award enforcement", "The SIAC award (Singapore seat, issued in June) is unpaid; the debtor's plant is in "
     "Rayong. We need Thai counsel to have it recognised and enforced.", ["TH"]),
    ("บังคับคดีในฮ่องกง", "เราได้คำพิพากษาศาลไทยแล้ว ลูกหนี้ย้ายไปอยู่ฮ่องกง ต้องการทนายฮ่องกงบังคับเอากับทรัพย์สิน", ["HK"]),
])
def test_the_place_that_gave_the_judgment_is_not_where_the_work_is(title, description, expected):
    assert resolve_request(title, description).jurisdictions == expected


def test_a_place_where_the_judgment_is_to_be_enforced_stays_when_named_before_the_court():
    resolution = resolve_request("执行判决", "香港法院的判决已生效，现在想向深圳中级人民法院申请认可和执行。")
    assert resolution.jurisdictions == ["CN"]


def test_the_title_of_an_arrangement_between_two_places_names_neither():
    resolution = resolve_request(
        "登记执行",
        "本公司在广州胜诉，想请香港律师依据《内地与香港相互认可和执行民商事案件判决的安排》"
        "在香港申请登记。")
    assert resolution.jurisdictions == ["HK"]


def test_without_a_request_to_enforce_the_court_of_a_place_keeps_its_place():
    resolution = resolve_request("Judgment appeal", "The Malaysian judgment went against us and we want to appeal it.")
    assert resolution.jurisdictions == ["MY"]


def test_an_award_of_a_branch_of_an_arbitration_commission_is_where_the_case_was():
    resolution = resolve_request("裁决执行", "贸仲华南分会作出的裁决对方一直未履行，"
                                 "对方的厂房在槟城，想在马来西亚法院申请承认和执行。")
    assert resolution.jurisdictions == ["MY"]
