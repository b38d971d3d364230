"""Phrasings that only look like the cues for the client's seat, a plan put off, a party or a dispute: each
reading keeps the place, the party and the area the request is really about."""

import pytest

from legalnet.matching.resolver import resolve_request


@pytest.mark.parametrize(("description", "matter"), [
    # "We are" followed by a relation, not a kind of company.
    ("I am Hong Kong resident. We are shareholders of company in Vietnam and the director is hiding accounts.",
     ["VN"]),
    ("Hi, I am from Hong Kong. We are in dispute with company in Thailand and need a lawyer.", ["TH"]),
    # A self-description that goes on to name where the matter is.
    ("We are a Malaysian company sued in Singapore by our former agent.", ["SG"]),
    # Setting an award aside, a company that later went under, and no plans for litigation are not deferrals.
    ("We are a Hong Kong company. An award was issued against us in Singapore and we want to set it aside.",
     ["SG"]),
    ("We sued our distributor in Thailand in 2022, but it later went into liquidation. We are a Singapore company.",
     ["TH"]),
    ("No plans for litigation yet, just need a demand letter sent to the debtor in Malaysia. We are a HK company.",
     ["MY"]),
    # A hospital's registered name keeps its city; a place code in brackets stays a place.
    ("我是香港人，去年在深圳市人民医院做了手术，医生误诊，想起诉医院索赔", ["CN"]),
    ("Our customer Golden Dragon Limited (HK) owes us money. We need a HK lawyer. We are in Singapore.", ["HK"]),
    # The client's own team when the work is about that team.
    ("We are a Singapore company. We need to restructure our team in Malaysia; can we do a retrenchment?", ["MY"]),
    # In capitals, a code that is no English word stays a code.
    ("MY HK COMPANY WAS SUED BY A CUSTOMER. NEED HK LAWYER URGENTLY PLEASE", ["HK"]),
    # An authority that leads an investigation is no person.
    ("We are under an investigation led by Royal Malaysian Customs about our imports.", ["MY"]),
    # A head office in a plan is part of the plan.
    ("We are a Chinese company. Proposed set-up (HQ Singapore, R&D in Malaysia) - need advice on both.",
     ["MY", "SG"]),
])
def test_the_place_the_request_is_about_stays(description, matter):
    assert sorted(resolve_request("Request", description).jurisdictions) == sorted(matter)


@pytest.mark.parametrize("description", [
    "Our chairman, Lee Kok Wah, wants us to sue the distributor.",
    "Our Hong Kong Group entities need advice on the new tax rules.",
    "本人係澳門居民陳大文，想告間公司。",
])
def test_the_clients_own_people_and_group_are_no_counterparties(description):
    assert resolve_request("Request", description).screened_counterparties == []


@pytest.mark.parametrize("description", [
    "After my divorce in 2018 the flat in Singapore was transferred to me; need conveyancing.",
    "Saya sudah cerai, sekarang mau jual rumah di Bandung.",
])
def test_a_divorce_already_done_is_no_suit(description):
    assert "litigation" not in resolve_request("Request", description).practice_areas


def test_a_lawyer_the_client_already_has_is_no_language_request():
    assert resolve_request("Request", "We already have a Japanese lawyer for the Japan side; need a Thai "
                           "lawyer.").languages == []


@pytest.mark.parametrize(("description", "matter"), [
    # "Profit tax" is Cambodia's tax on profit as much as Hong Kong's profits tax.
    ("We need Cambodian counsel for the QIP and the profit tax exemption; fabric comes in from Guangdong.", ["KH"]),
    # 资本利得税 is a capital gains tax, not Hong Kong's 利得税.
    ("需要缅甸律师起草股权转让协议，测算缅甸资本利得税。", ["MM"]),
    # Rehabilitation and work injury compensation are words of many places' laws.
    ("We filed for business rehabilitation of our company in Manila.", ["PH"]),
    ("Claim for work injury compensation for our worker in Kuala Lumpur.", ["MY"]),
    # A digital asset exchange is licensed in Thailand as in Malaysia.
    ("Singapore-based crypto exchange here. What does a digital asset exchange licence in Thailand take?", ["TH"]),
])
def test_a_generic_tax_or_licence_name_implies_no_place(description, matter):
    assert resolve_request("", description).jurisdictions == matter


def test_a_demonym_before_an_acronym_shared_by_several_places_names_the_place():
    resolution = resolve_request("", "We need a licence from the Thai SEC for our fund.")
    assert resolution.jurisdictions == ["TH"]
    assert resolution.languages == []


@pytest.mark.parametrize(("description", "area"), [
    ("A former sales manager keeps telling our distributors in Penang that we cheat on weights. We want a lawyer to "
     "send a cease and desist letter and to sue him for defamation.", "litigation"),
    ("A competitor in Selangor sells kettles under our registered trade mark. Please send a cease and desist "
     "letter for the infringement.", "intellectual-property"),
])
def test_a_cease_and_desist_letter_takes_the_area_of_what_it_is_about(description, area):
    areas = resolve_request("", description).practice_areas
    assert areas[0] == area
    assert ("intellectual-property" in areas) == (area == "intellectual-property")


@pytest.mark.parametrize(("description", "criminal"), [
    ("Last week a taxi rear-ended my van on the North-South Expressway near Seremban. Police report already made. "
     "The other insurer offers RM3k, the workshop quotes RM9k. Can I claim in Malaysia?", False),
    ("My father was hit by a motorbike in Quezon City. There is a police report and we want to file a case for "
     "reckless imprudence and claim damages.", True),
])
def test_a_police_report_after_a_road_accident_is_no_criminal_matter_of_its_own(description, criminal):
    areas = resolve_request("", description).practice_areas
    assert "litigation" in areas
    assert ("criminal" in areas) == criminal


@pytest.mark.parametrize("description", [
    "Saya tertipu investasi kripto lewat Telegram, sudah transfer Rp 300 juta. Sudah lapor polisi, mau gugat untuk "
    "ambil uang kembali.",
    "我喺網上俾人呃咗投資加密貨幣，過咗三十萬去對方戶口，已經報咗警，想告佢追返啲錢。",
])
def test_crypto_a_victim_was_lured_into_is_a_fraud_not_fintech_work(description):
    areas = resolve_request("", description).practice_areas
    assert "criminal" in areas
    assert "fintech" not in areas


def test_goods_customs_took_and_an_interview_under_caution_in_small_letters():
    description = ("hi my shipment of toys got stopped by customs at the airport they say the boxes have a fake "
                   "brand and want me to come for an interview under caution next week what should i do")
    areas = resolve_request("", description).practice_areas
    assert "trade-customs" in areas
    assert "criminal" in areas


@pytest.mark.parametrize("description, expected", [
    ("We will process salary and ID card data of our customers' staff in Ho Chi Minh City.", ["VN"]),
    ("Please send a copy of your ID and passport; the flat is in Bangkok.", ["TH"]),
    ("Our user ID system is hosted in Singapore.", ["SG"]),
    ("Need local counsel in MY + ID to check the termination route.", ["MY", "ID"]),
    ("Looking for ID counsel for a PT PMA.", ["ID"]),
    ("Dad passed away, he stayed in a Woodlands HDB flat. No will. How to get LA for the flat and his CPF?", ["SG"]),
    ("Need a lawyer in LA for our mining licence.", ["LA"]),
])
def test_an_identity_card_or_letters_of_administration_are_no_country_code(description, expected):
    assert sorted(resolve_request("", description).jurisdictions) == sorted(expected)
