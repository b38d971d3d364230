"""Words that look like a suit, a grievance or a forum ruled out, but are none: a prosecution, a question, a
forum the client avoids, money the client has not paid yet, a tax refund, a dispute denied after a 'but'."""

import pytest

from legalnet.matching.resolver import resolve_request


@pytest.mark.parametrize(("title", "description"), [
    ("Payment problem", "Our distributor in Penang has not paid RM 150,000 since March, but there is no dispute "
                        "about the goods."),
    ("咨询律师", "东莞一家客户拖欠我们货款80万元，已经半年了，合同里没有写清楚付款期限，我们想起诉追讨。"),
])
def test_a_grievance_stays_a_dispute_beside_words_that_deny_another(title, description):
    assert "litigation" in resolve_request(title, description).practice_areas


@pytest.mark.parametrize(("title", "description", "forum"), [
    ("Estafa", "My former business partner and the police filed a case against me before the Municipal Trial Court "
               "of Quezon City for estafa. I need a criminal defense lawyer.", "criminal"),
    ("公诉", "我因为涉嫌合同诈骗被检察院向法院提起公诉，人在广州看守所，家属想请刑辩律师。", "criminal"),
    ("Saman", "Saya disaman polis kerana memandu melebihi had laju di Johor Bahru. Perlukan peguam jenayah.",
     "criminal"),
    ("ล้มละลาย", "ผมถูกฟ้องล้มละลายโดยธนาคารที่ศาลล้มละลายกลาง ต้องการทนายช่วยต่อสู้คดีล้มละลาย", "insolvency"),
    ("MVL", "We want a members' voluntary liquidation rather than a court application for our Hong Kong company.",
     "insolvency"),
    ("TAI", "Our contract has an arbitration clause under TAI rules. We chose arbitration so that we would not have "
            "to go to court. The buyer in Bangkok has not paid.", "arbitration"),
])
def test_a_prosecution_a_bankruptcy_petition_or_a_court_avoided_is_no_civil_suit(title, description, forum):
    resolved = resolve_request(title, description)
    assert forum in resolved.practice_areas and "litigation" not in resolved.practice_areas


@pytest.mark.parametrize(("title", "description"), [
    ("利润汇回", "我们在越南胡志明市有一家外商独资子公司，请问怎么合法把钱拿回中国？需要交哪些税？"),
    ("采购", "我们准备从泰国采购一批橡胶，合同还没签，我们还没付款。想请律师先审核一下合同条款。"),
    ("竞争", "我们是一家电商平台，想了解关于平台竞争回应和定价的合规要求。"),
    ("WHT", "Too much withholding tax was deducted from my Thai income. How do I get back the money from the Revenue "
            "Department?"),
])
def test_money_brought_home_not_yet_paid_or_refunded_by_the_state_is_no_dispute(title, description):
    assert "litigation" not in resolve_request(title, description).practice_areas


@pytest.mark.parametrize(("title", "description"), [
    ("仲裁", "我们和一家马来西亚供应商有合同纠纷，对方欠我们200万美元。请问是不是仲裁更快？"),
    ("คำชี้ขาด", "บริษัทคู่สัญญาในเวียดนามไม่ตกลงจ่ายเงินตามคำชี้ขาดของอนุญาโตตุลาการ ต้องทำอย่างไร"),
    ("Not yet", "We are not in arbitration yet. Our Guangzhou buyer owes us USD 1.2m under a contract with a CIETAC "
                "clause."),
])
def test_a_question_about_arbitration_or_a_refused_award_does_not_rule_arbitration_out(title, description):
    assert "arbitration" in resolve_request(title, description).practice_areas


def test_a_property_the_text_names_most_stays_central_beside_listed_areas():
    resolved = resolve_request("Office purchase", "We are buying an office floor in Central, Hong Kong: the "
                               "conveyance, the land search and the deed of mutual covenant.",
                               practice_areas=["tax", "corporate-commercial"])
    assert "real-estate" in resolved.practice_areas


@pytest.mark.parametrize(("description", "expected"), [
    ("Our first buyer refused to sign the SPA at the last minute, so we found a new buyer for our condo in Johor "
     "Bahru. We need a lawyer to handle the sale.", ["real-estate"]),
    ("We are opening a cafe in Singapore and need help with the SFA food establishment licence and the lease of the "
     "shop.", ["real-estate"]),
    ("我在马来西亚被网络诈骗，骗子从我的电子钱包转走了5000令吉，想报警并追回。", ["criminal", "litigation"]),
])
def test_a_deal_that_fell_through_a_food_licence_and_a_scammed_wallet_keep_their_areas(description, expected):
    assert resolve_request("Question", description).practice_areas == expected


def test_the_other_sides_chairman_joined_to_our_manager_is_still_screened():
    found = resolve_request("签约", "我们的总经理王磊和对方董事长李强，去年在深圳签了合作协议，"
                                    "现在对方不履行合同，我们想起诉。")
    assert "李强" in found.screened_counterparties


@pytest.mark.parametrize(("description", "listed", "forum"), [
    ("尾數USD 86,000一直拖，而家話啲貨有質量問題。合約寫明爭議交HKIAC仲裁。想搵律師開arbitration追數。", ["追數"],
     "arbitration"),
    ("Pemasok kami di Shenzhen mengirim panel surya yang cacat dan menolak mengganti. Kontrak memilih arbitrase SHIAC. "
     "Kami butuh advokat untuk arbitrase tersebut.", ["sengketa dagang"], "arbitration"),
])
def test_a_debt_or_dispute_word_typed_in_the_form_is_the_dispute_the_forum_takes(description, listed, forum):
    resolved = resolve_request("Unpaid", description, practice_areas=listed)
    assert forum in resolved.practice_areas and "litigation" not in resolved.practice_areas


def test_a_court_step_typed_in_the_form_keeps_the_courts():
    resolved = resolve_request("Judgment", "HK judgment against a personal guarantor who moved to KL. Need MY counsel: "
                               "registration under REJA, then charging order or bankruptcy?",
                               practice_areas=["enforcement of judgment"])
    assert "litigation" in resolved.practice_areas


@pytest.mark.parametrize("description", [
    "Our Jakarta customer records were leaked by our IT vendor. We need advice on the PDP Law notification. A claim "
    "against the vendor can wait until later.",
    "We want to plan my father's estate in the Philippines to minimise estate tax and avoid a family dispute later.",
])
def test_a_claim_or_dispute_put_off_to_later_is_no_fight_now(description):
    assert "litigation" not in resolve_request("Request", description).practice_areas


@pytest.mark.parametrize("description", [
    "越南买家拖欠货款约42万美元，合同约定争议提交香港国际仲裁中心仲裁。现在想尽快在香港启动仲裁。至于将来到越南执行裁决的事，"
    "等裁决出来再说。",
    "泰國買家積欠貨款，經銷合約約定爭議提交HKIAC仲裁。想委任香港律師提起仲裁。日後如取得裁決，可能需要到泰國聲請承認執行，"
    "但目前只需處理仲裁部分。",
])
def test_enforcing_an_award_put_off_to_a_later_day_adds_no_court_work(description):
    resolved = resolve_request("仲裁", description)
    assert "arbitration" in resolved.practice_areas and "litigation" not in resolved.practice_areas


def test_a_claim_the_writer_will_look_at_later_is_no_fight_now():
    resolved = resolve_request("Breach", "Our Kuala Lumpur customer database was exposed by our IT vendor. We need "
                               "advice on notifying the PDP Commissioner. Later we will look at a claim against the "
                               "vendor.")
    assert "litigation" not in resolved.practice_areas


@pytest.mark.parametrize("description", [
    "客户在胡志明市，欠我们货款12万美元，合同里没写仲裁，想在越南起诉追款。",
    "對方喺澳門，份合約冇寫仲裁，想喺澳門法院告佢追數。",
])
def test_a_contract_that_names_no_arbitration_asks_for_none(description):
    assert "arbitration" not in resolve_request("", description).practice_areas


def test_enforcing_an_award_not_yet_won_waits_and_asks_for_no_court():
    description = ("马来西亚客户欠货款约20万美元，合同约定在上海国际仲裁中心仲裁。想请律师提起仲裁。"
                   "至于裁决去马来西亚申请执行的事，等拿到裁决再说。")
    assert resolve_request("", description).practice_areas == ["arbitration"]


@pytest.mark.parametrize("description", [
    "客戶欠我哋八十萬，想發法定要求償債書，唔還就入清盤呈請。佢個董事有簽個人擔保，可唔可以同時入稟告佢？",
    "供应商欠款不还，准备申请对方破产清算，同时想告他个人担保责任。",
])
def test_suing_a_guarantor_beside_a_winding_up_is_litigation_too(description):
    assert resolve_request("", description).practice_areas == ["insolvency", "litigation"]


@pytest.mark.parametrize(("description", "expected"), [
    ("We're a Penang seafood supplier. Harbour Feast Catering Ltd in Kowloon owes us HK$300k. Sue them or serve a "
     "statutory demand and petition to wind up?", ["litigation", "insolvency"]),
    ("Kawan kongsi saya ambil RM50k dari akaun syarikat. Patut saman atau buat laporan polis?", ["litigation"]),
])
def test_a_client_weighing_a_suit_against_another_route_keeps_litigation(description, expected):
    areas = resolve_request("", description).practice_areas
    assert set(expected) <= set(areas)
