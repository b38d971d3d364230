"""Intake conventions on practice areas: a client from elsewhere setting up is foreign investment, and an award
taken to court for enforcement is litigation beside the arbitration."""

import pytest

from legalnet.matching.resolver import resolve_request


@pytest.mark.parametrize(("title", "description"), [
    ("Izin P2P lending", "Kami startup dari Singapura ingin mendapatkan izin OJK untuk P2P lending di Indonesia. "
                         "Apakah wajib mendirikan PT lokal?"),
    ("Branch in Cambodia", "我哋係香港公司，想喺柬埔寨開設分公司，需要律師協助。"),
    ("Set-up in Vietnam", "We are a Singapore software house and want to set up a subsidiary in Da Nang. "
                          "Please advise on the licences."),
    # Entering a market, through a locally incorporated subsidiary.
    ("Takaful entry into Brunei", "We are a Malaysian takaful operator (BNM-licensed). Planning to enter "
                                  "Brunei Darussalam via a locally incorporated subsidiary. Need Brunei counsel on "
                                  "AMBD licensing."),
    # A plan to set up counts like an ask.
    ("Vietnam", "We are a Singapore software house. We plan to set up a subsidiary in Da Nang next quarter."),
    # Cantonese opens a company with a measure word between (開間, 開一家).
    ("南沙", "我哋係澳門一間物流公司，想喺南沙開間獨資公司做倉儲，唔知要點申請。"),
    # A measure word and a description before the company (注册一家做…的公司); a clinic is set up too.
    ("万象", "我们是昆明的建材商，想在万象注册一家做瓷砖批发的公司，外国人可以全资吗？"),
    ("Clinic in Hengqin", "We are a Hong Kong dental group and want to open a small clinic in Hengqin."),
    # Malay "nak" and "bercadang" say a plan as "plan to" does.
    ("Labuan", "Kami syarikat dari Brunei, nak tubuh syarikat di Labuan untuk perdagangan minyak sawit."),
])
def test_a_client_from_elsewhere_setting_up_is_foreign_investment(title, description):
    assert "foreign-investment" in resolve_request(title, description).practice_areas


@pytest.mark.parametrize(("title", "description"), [
    # Setting up at home is no foreign investment.
    ("New holding company", "We are based in Singapore and want to register a new company in Singapore to hold our "
                            "app."),
    # The client's own registration is a description of itself, not a plan.
    ("Dismissal", "本公司係香港註冊嘅公司，喺澳門有間分公司，想解僱一位員工，佢話要去勞工局投訴。"),
    # A joint venture set up years ago is the client's history.
    ("JV deadlock", "We are a Thai company. We set up a JV in Yangon in 2019. Our partner now blocks board "
                    "meetings."),
    # Entering a market by selling there is no investment.
    ("商标被抢注", "我们是杭州的茶饮品牌，准备进入泰国市场时发现商标已被曼谷一家公司抢先注册。"
                   "想请泰国律师评估撤销的可能性。"),
])
def test_no_foreign_investment_without_a_client_from_elsewhere_setting_up(title, description):
    assert "foreign-investment" not in resolve_request(title, description).practice_areas


@pytest.mark.parametrize(("title", "description"), [
    ("Award enforcement", "We won an HKIAC award against a Shenzhen company and want to enforce it in the "
                          "Shenzhen Intermediate Court."),
    ("SIAC award", "We obtained an SIAC award against PT Baja Nusantara. We need counsel to have the award "
                   "recognised and enforced in Jakarta."),
    ("执行仲裁裁决", "我们在香港国际仲裁中心赢了仲裁，想在深圳申请承认和执行仲裁裁决。"),
])
def test_an_award_taken_to_court_is_litigation_beside_arbitration(title, description):
    areas = resolve_request(title, description).practice_areas
    assert "arbitration" in areas and "litigation" in areas


def test_an_arbitration_without_court_work_stays_arbitration_alone():
    areas = resolve_request("SIAC arbitration", "We need counsel for an SIAC arbitration against our supplier "
                                                "about late delivery.").practice_areas
    assert "arbitration" in areas and "litigation" not in areas


@pytest.mark.parametrize(("title", "description"), [
    ("支付牌照", "我们是杭州的一家支付公司，现在决定在香港成立子公司，向香港金管局申请储值支付工具牌照。"),
    ("New company", "We are a Jakarta software house and want to register a company in Singapore for our app."),
])
def test_setting_up_where_foreign_investment_is_not_regulated_is_company_work(title, description):
    assert "foreign-investment" not in resolve_request(title, description).practice_areas


@pytest.mark.parametrize(("title", "description", "litigation"), [
    ("Arrest", "My brother was arrested at the airport and will be brought to court within 48 hours. We need a "
               "criminal lawyer.", False),
    ("Fraud", "我们的代理商卷走了货款，想在雅加达报案，同时提起民事诉讼。", True),
    ("Ponzi", "Our money was diverted. Is there any way to recover in Cambodia, civil or criminal complaint?", True),
])
def test_a_criminal_court_is_no_litigation_unless_a_civil_claim_is_asked_for(title, description, litigation):
    areas = resolve_request(title, description).practice_areas
    assert "criminal" in areas and ("litigation" in areas) == litigation


def test_a_suit_the_client_weighed_and_set_aside_is_no_litigation():
    areas = resolve_request("SIAC仲裁", "合同约定争议提交新加坡国际仲裁中心仲裁。我们也曾考虑在雅加达法院起诉，"
                                      "但律师说合同排除了法院管辖。现需要有仲裁经验的新加坡律师。").practice_areas
    assert "arbitration" in areas and "litigation" not in areas


def test_claiming_a_tax_exemption_is_no_dispute():
    areas = resolve_request("稅局查離岸收入",
                            "稅務局要我哋解釋點解申索離岸收入豁免，想搵熟悉利得稅嘅律師幫手回覆。").practice_areas
    assert areas == ["tax"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("RSU tax", "I have unvested RSUs and an ESPP. How are they taxed when I relocate?", {"employment", "tax"}),
    ("越南手遊", "我哋係一間香港手機遊戲公司，想喺越南申請遊戲發行牌照。", {"technology-media-telecoms"}),
    ("SFC notice", "Our directors received a section 183 notice from the SFC.", {"compliance-investigations"}),
    ("Lupa", "Namatay po ang tatay namin. Paano ang extrajudicial settlement ng lupa?", {"private-client"}),
])
def test_terms_for_share_plans_games_sfc_notices_and_estates(title, description, expected):
    assert expected <= set(resolve_request(title, description).practice_areas)


def test_filing_to_wind_up_is_insolvency_and_registering_a_judgment_is_litigation():
    areas = resolve_request("欠人工", "老闆走咗。同事話可以入稟清盤，再申請破欠基金。").practice_areas
    assert "litigation" not in areas
    areas = resolve_request("判決執行", "想喺香港登記執行個判決，如果佢仲係唔還，就想入稟清盤佢。").practice_areas
    assert {"litigation", "insolvency"} <= set(areas)


@pytest.mark.parametrize("title, description", [
    ("Syarikat di Brunei", "Kami syarikat pembinaan berdaftar di Kuching. Mahu tubuh syarikat di Bandar Seri "
     "Begawan untuk projek kerajaan."),
    ("Corporation in Cebu", "I'm based in Hong Kong and plan to put up a corporation in Cebu with a Filipino partner."),
])
def test_opening_a_branch_or_putting_up_a_corporation_abroad_is_foreign_investment(title, description):
    assert "foreign-investment" in resolve_request(title, description).practice_areas


@pytest.mark.parametrize(("title", "description"), [
    ("Company in Laos", "We are a Hong Kong company planning to set up a company in Vientiane to sell tiles. "
                        "What licences do we need?"),
    ("Company in Myanmar", "We are a Thai food group and want to set up a company in Mandalay to run bakeries. "
                           "Which permits apply?"),
])
def test_setting_up_as_a_foreign_investor_is_company_work_too(title, description):
    assert set(resolve_request(title, description).practice_areas) == {"foreign-investment", "corporate-commercial"}


@pytest.mark.parametrize(("description", "home"), [
    ("We are a Malaysian company looking to set up a branch in Yangon.", "MY"),
    ("We are a Thai food group that plans to open a company in Mandalay.", "TH"),
])
def test_a_company_that_describes_its_plan_gives_its_seat(description, home):
    assert resolve_request("Branch", description).home_jurisdictions == [home]


def test_company_work_that_names_a_foreign_equity_cap_is_foreign_investment_too():
    resolved = resolve_request("JV in Subic", "我们澳门公司准备和一家 Philippine partner 在 Subic "
                                              "Freeport 做 cold-chain JV，想了解 foreign equity cap 和 JV "
                                              "agreement 要注意的点。")
    assert set(resolved.practice_areas) == {"corporate-commercial", "foreign-investment"}
