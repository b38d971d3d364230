"""A request that names a dispute to be fought is litigation work too, unless its forum is its own."""

import re

import pytest

from legalnet.matching.resolver import resolve_request
from legalnet.matching.resolver.cues import cue_regex
from legalnet.matching.resolver.disputes import names_dispute, names_suit


@pytest.mark.parametrize("title, description, subject", [
    ("Villa in Ubud", "Penjual villa kami di Ubud menolak menyerahkan sertifikat tanah; ada sengketa soal pelunasan.",
     "real-estate"),
    ("厂房租约", "房东在租期内突然要求我们搬走，双方就租赁合同发生纠纷，我们想起诉。", "real-estate"),
    ("Pte Ltd", "A shareholder dispute in our Singapore company: the majority moved money out, and we want to take "
     "them to court.", "corporate-commercial"),
])
def test_a_dispute_adds_litigation_to_its_subject(title, description, subject):
    resolved = resolve_request(title, description)
    assert subject in resolved.practice_areas
    assert "litigation" in resolved.practice_areas
    assert "litigation" not in resolved.also_mentioned


@pytest.mark.parametrize("description", [
    "公司冇幫我買保險，我想攞返賠償，應該喺澳門定香港告？",
    "工伤赔偿的事，我们应该在广州还是在香港告？",
])
def test_asking_where_to_sue_is_a_suit(description):
    assert names_suit([description])


def test_being_sued_somewhere_is_not_a_suit_of_ones_own():
    assert not names_suit(["他现在被起诉，明天在粉岭裁判法院提堂。", "我们在香港的报告？"])


@pytest.mark.parametrize("title, description", [
    # A labour dispute goes to labour arbitration or the tribunal first.
    ("劳动争议", "员工被辞退后说要去劳动仲裁，争议是经济补偿金怎么算。"),
    # The contract sends the dispute to arbitration.
    ("SIAC", "A dispute under our supply contract must go to SIAC arbitration; we need counsel for the hearing."),
])
def test_a_dispute_with_a_forum_of_its_own_stays_out_of_litigation(title, description):
    assert "litigation" not in resolve_request(title, description).practice_areas


def test_words_that_only_contain_a_dispute_word_do_not_count():
    assert not names_dispute(["We have an issue with the pursued licence and a tissue supplier."])
    assert names_dispute(["They may sue us."]) and names_dispute(["Tranh chấp đất đai ở Đà Nẵng"])


@pytest.mark.parametrize("text", [
    "We want to recover the deposit the landlord is holding back.",
    "The borrower defaulted and the bank wants to foreclose on the mortgaged house.",
    "We need an injunction to stop the former director using our client list.",
    "Can we enforce a foreign judgment against their assets here?",
    "我哋想入稟小額錢債審裁處攞返按金。",
    "我们想讨回货款，申请强制执行。",
    "Chúng tôi muốn đòi nợ công ty đối tác.",
    "เราต้องการทวงหนี้จากลูกค้า",
    "Kami ingin menagih utang dan menuntut ganti rugi.",
    "Can we start civil proceedings in Phnom Penh, or only a criminal complaint?",
    "想了解能不能提起民事诉讼。",
    # As people write when they want their money back.
    "Pwede po ba kaming humingi ng danyos sa may-ari ng bus?",
    "toi muon kien cong ty do de lay lai tien dat coc",
    "Co cach nao phong toa tai khoan cua ho khong?",
    "Can I claim compensation from the gym for the injury?",
    "We just want to get our deposit back from the developer.",
    "I want to stop the sale of the flat registered in his name.",
    "個單位爛尾，我哋想攞返首期。",
    "อยากเรียกค่าเสียหายจากบริษัททัวร์",
])
def test_claims_to_recover_and_court_orders_name_a_dispute(text):
    assert names_dispute([text])


@pytest.mark.parametrize("text", [
    "We need to plan the recovery of our IT systems after the outage.",
    "Điều kiện để thành lập công ty là gì?",
    "The judge of the design contest is a former client.",
    "We are a civil society organisation registering in Cambodia.",
])
def test_words_near_a_claim_are_not_a_claim(text):
    assert not names_dispute([text])


@pytest.mark.parametrize("text", [
    # Khmer, Lao and Burmese: to sue, a dispute, compensation.
    "យើងចង់ប្តឹងអ្នកផ្គត់ផ្គង់ដែលមិនដឹកជញ្ជូនទំនិញ។",
    "ພວກເຮົາຢາກຟ້ອງບໍລິສັດກໍ່ສ້າງ.",
    "ကုမ္ပဏီကို တရားစွဲလိုပါသည်။",
    # A court asked for something, a claim for a loss, a counterclaim, a challenge to a decision.
    "Can we apply for a TRO against the city's closure order?",
    "The agency's decision is unfair; we are thinking about judicial review.",
    "I want to claim for the medical bills after the fall at the mall.",
    "They sued us first, so we will counterclaim for the unpaid invoices.",
    "對方搬走之後仲冇俾租，我哋想追返啲租金。",
    "我们准备向深圳法院起诉这家供应商。",
    "The landlord is threatening to change the locks this weekend.",
    "The agent kept our booking deposit even though the villa was never ready.",
    "The insurer rejected my claim for the flood damage.",
])
def test_court_asked_for_or_a_claim_told_in_other_words_names_a_dispute(text):
    assert names_dispute([text])


@pytest.mark.parametrize("text", [
    # An application a court grants without a fight, and words that only look like a refusal.
    "我们想向印尼法院申请确认继承人身份。",
    "If the landlord keeps the deposit at the end of the lease, what are our options?",
    "我哋唔會俾人用個商標，想先註冊。",
    "Please draft a settlement deed; the tenant has agreed to leave on 30 June.",
])
def test_a_court_application_without_a_fight_is_no_dispute(text):
    assert not names_dispute([text])


@pytest.mark.parametrize("text", [
    # Said in so many words: there is no dispute, or it was settled.
    "We get on well with the buyer and there is no dispute; we only want a tighter contract before the next order.",
    "之前同供應商有貨款爭拗，上個月已經簽咗和解協議，大家都唔再追究。而家要辦轉名。",
    "Chúng tôi chưa có tranh chấp gì, chỉ muốn chuẩn bị hợp đồng trước.",
    # A clause drafted against late payment, "in case" the buyer does not pay.
    "合同里想加上逾期付款违约金条款。",
    "Soạn hợp đồng phòng trường hợp người mua không thanh toán.",
    # A divorce registered at the district office is by consent.
    "ดิฉันกับอดีตสามีจดทะเบียนหย่าที่เขตบางรักแล้ว ต้องการโอนคอนโดตามบันทึกข้อตกลง",
])
def test_no_dispute_a_settled_one_or_a_clause_against_one_is_no_dispute(text):
    assert not names_dispute([text])


def test_a_targets_pending_suits_under_due_diligence_are_not_the_clients():
    found = resolve_request("Due diligence", "We are buying 60% of a Penang packaging company. The target has three "
                            "pending court cases with former staff and a supplier. Please run the legal due diligence.")
    assert "mergers-acquisitions" in found.practice_areas
    assert "litigation" not in found.practice_areas


@pytest.mark.parametrize("text", [
    "保險公司拒賠，話我投保時冇申報。",
    "佢哋話唔還錢就喺香港告我。",
    "Saya dapat surat daripada peguam bank, kalau tidak bayar mereka akan ambil tindakan.",
    "合同约定吉隆坡法院管辖，想让对方退货退款。",
    "My landlord cannot return the deposit, he says the walls got marks.",
    "樓上漏水半年都唔整，想佢賠返維修費。",
])
def test_a_refused_claim_a_threat_to_sue_a_freeze_or_money_back_name_a_dispute(text):
    assert names_dispute([text])


@pytest.mark.parametrize("title, description, forum", [
    ("Winding up petition", "A creditor has filed a winding-up petition against our Hong Kong subsidiary in the "
     "High Court; the hearing is next month.", "insolvency"),
    ("Award unpaid", "The SIAC tribunal issued its award in March; the court has not been involved so far.",
     "arbitration"),
])
def test_an_area_with_proceedings_of_its_own_keeps_a_passing_court_out(title, description, forum):
    resolved = resolve_request(title, description)
    assert forum in resolved.practice_areas
    assert "litigation" not in resolved.practice_areas
    assert "litigation" in resolved.also_mentioned
    # The client who lists litigation itself keeps it.
    listed = resolve_request(title, description, practice_areas=["litigation"])
    assert {forum, "litigation"} <= set(listed.practice_areas)


@pytest.mark.parametrize("title, description, forum", [
    ("Debtor in Penang", "Our Penang customer has owed us RM 900,000 for a year. Should we sue them or apply to "
     "put the company into liquidation?", "insolvency"),
    ("越南买家欠款", "越南买家欠我们货款，我们考虑在河内起诉，或者申请对方破产。", "insolvency"),
])
def test_a_client_who_means_to_sue_keeps_litigation_beside_a_forum_of_its_own(title, description, forum):
    resolved = resolve_request(title, description)
    assert {forum, "litigation"} <= set(resolved.practice_areas)


def test_a_word_that_also_starts_an_arbitration_does_not_mean_a_suit():
    # Vietnamese "khởi kiện" starts proceedings before an arbitral tribunal as well as a court.
    resolved = resolve_request("Tranh chấp hợp đồng", "Hợp đồng có điều khoản trọng tài SIAC. Chúng tôi muốn khởi kiện "
                               "đối tác vì chậm giao hàng.", practice_areas=["trọng tài"])
    assert "arbitration" in resolved.practice_areas and "litigation" not in resolved.practice_areas


@pytest.mark.parametrize("title, description", [
    ("Award unpaid", "Our director Sue Tan signed the SIAC arbitration agreement; the seller refuses to pay the "
     "award."),
    ("仲裁条款", "对方却向法院起诉，我们坚持合同约定的CIETAC仲裁。"),
    ("仲裁条款", "我们已经发律师函警告对方，合同约定HKIAC仲裁。"),
    ("ล้มละลาย", "บริษัทเจ้าหนี้ต้องการฟ้องล้มละลายลูกหนี้ในกรุงเทพฯ"),
    ("Putusan BANI", "Kami ingin mengajukan gugatan pembatalan putusan BANI di Pengadilan Negeri Jakarta Pusat."),
])
def test_being_sued_a_name_or_the_forums_own_filing_is_not_the_client_suing(title, description):
    resolved = resolve_request(title, description)
    assert "litigation" not in resolved.practice_areas


@pytest.mark.parametrize("title, description", [
    ("Divorce", "My wife moved back to Penang with our son. I want a divorce in Singapore and custody of our son."),
    ("想離婚", "我老公喺深圳有另一頭家，我想喺香港入紙離婚，佢話唔會放手個女。"),
    ("Ly hôn", "Tôi muốn ly hôn với chồng, anh ấy đang ở Quảng Châu và không chịu ký giấy."),
    ("Khuluk", "Saya mahu memohon fasakh di Mahkamah Syariah Kuala Lumpur kerana suami tidak memberi nafkah."),
])
def test_a_divorce_the_spouses_do_not_agree_on_is_a_suit(title, description):
    resolved = resolve_request(title, description)
    assert "private-client" in resolved.practice_areas
    assert "litigation" in resolved.practice_areas


@pytest.mark.parametrize("title, description", [
    ("Joint divorce", "We both agree to divorce and want to file a joint application in Hong Kong."),
    ("協議離婚", "我哋已經傾好，想喺澳門辦協議離婚，個仔撫養權都講好咗。"),
])
def test_an_agreed_divorce_is_a_filing_not_a_suit(title, description):
    resolved = resolve_request(title, description)
    assert "private-client" in resolved.practice_areas
    assert "litigation" not in resolved.practice_areas


def test_custody_of_assets_is_no_family_matter():
    assert not names_dispute(["We need a licence for the custody of digital assets for clients in Singapore."])


def test_a_divorce_in_lao_is_a_suit_too():
    resolved = resolve_request("ຢ່າຮ້າງ", "ຂ້ອຍຢາກຢ່າຮ້າງຢູ່ສານລາວ ແລະ ແບ່ງເຮືອນທີ່ຊື້ຮ່ວມກັນຢູ່ວຽງຈັນ.")
    assert {"private-client", "litigation"} <= set(resolved.practice_areas)


def test_admiralty_beside_a_data_breach_is_a_district_not_shipping():
    resolved = resolve_request("Data breach", "We are owned by a Hong Kong-listed insurance group, group HQ in "
                               "Admiralty. Our IT team confirmed a data breach; we need advice on the PDPA notice.")
    assert "maritime" not in resolved.practice_areas
    assert "maritime" in resolve_request("Admiralty", "Our vessel was arrested; we need an Admiralty "
                                         "lawyer.").practice_areas


def test_a_ship_arrest_is_fought_in_court_as_well_as_a_maritime_matter():
    resolved = resolve_request("Ship arrested", "Our bulk carrier was arrested in Singapore by a bunker supplier; the "
                               "court has set a hearing on the security.")
    assert resolved.practice_areas[:2] == ["maritime", "litigation"]


@pytest.mark.parametrize(("title", "description"), [
    ("Bond call", "The employer is about to call our performance bond under the SIAC-arbitrated EPC contract in "
     "Brunei. We need an urgent injunction to restrain the call."),
    ("仲裁保全", "我们与对方的合同约定在香港国际仲裁中心仲裁，现在需要向内地法院申请财产保全，冻结对方账户。"),
])
def test_court_measures_in_support_of_an_arbitration_are_litigation_too(title, description):
    resolved = resolve_request(title, description)
    assert {"arbitration", "litigation"} <= set(resolved.practice_areas)


def test_a_scam_victim_asking_for_a_freezing_order_needs_a_litigator_besides_the_police():
    resolved = resolve_request("Scammed", "We were defrauded and reported it to the police; we now need a freezing "
                               "order over the Hong Kong bank account the money went to.")
    assert {"criminal", "litigation"} <= set(resolved.practice_areas)


def test_the_shared_word_boundary_finds_what_each_pattern_finds():
    patterns = [r"(?<!\bwe )\b(?:has|have) not paid\b", r"\bowes us\b|\bowing us\b", "拖欠", r"ไม่จ่าย"]
    texts = ["They have not paid.", "We have not paid the stamp duty.", "He is owing us.", "对方拖欠货款", "ผู้ซื้อไม่จ่าย",
             "nothing here", "behave not paid"]
    plain = re.compile("|".join(patterns), re.IGNORECASE)
    shared = cue_regex(patterns)
    assert [bool(shared.search(t)) for t in texts] == [bool(plain.search(t)) for t in texts]
    assert [bool(shared.search(t)) for t in texts] == [True, False, True, True, True, False, False]


@pytest.mark.parametrize("text", [
    # A "but" turns a settled or undisputed sentence; a word that only looks like a settlement or a pending suit.
    "The settlement agreement was signed in 2022 but the other side has not paid the second instalment.",
    "We have been settled in Singapore for ten years, and now our landlord refuses to return our deposit.",
    "Wala pong kaso pa, pero gusto ko sanang kasuhan ang dating amo ko.",
    "供应商延迟交货三个月，我们想让对方承担违约责任，对方在东莞。",
    "ขอปรึกษากรณีลูกค้าเบี้ยวหนี้ค่าสินค้า 2 ล้านบาท",
])
def test_a_dispute_the_new_words_must_not_hide(text):
    assert names_dispute([text])


@pytest.mark.parametrize("text", [
    "我们的App会追踪用户数据，想了解合规要求。",
    "想设计一个稳赚不赔的理财产品，需要申请什么牌照？",
    "条款写明定制商品不会退款，这样合法吗？",
    "Kami perlu ambil tindakan segera untuk mendaftar cap dagangan.",
    "When must a bank freeze the funds of a designated customer?",
    "Who should keep the deposit until completion of the sale?",
])
def test_words_near_a_grievance_that_are_none(text):
    assert not names_dispute([text])


def test_the_clients_own_pending_suit_is_litigation():
    found = resolve_request("上诉", "我们公司在上海有一宗未决诉讼，一审败诉，需要律师代理上诉。")
    assert "litigation" in found.practice_areas


@pytest.mark.parametrize(("title", "description"), [
    ("破产重整债权", "我们是佛山的一家铝材供应商，客户中山市宏达门窗有限公司已经进入破产重整，管理人让我们申报债权。"
                "老板个人签了担保，请问另行起诉他有没有意义？"),
    ("Kredit macet", "Debitur kami PT Maju Sentosa sudah menunggak 9 bulan. Kami pertimbangkan gugatan wanprestasi di "
                     "PN Surabaya atau permohonan PKPU terhadap debitur."),
    ("Liquidation and guarantor", "Our customer in Penang was wound up last month and the liquidator has asked us to "
                                  "file a proof of debt. The director gave a personal guarantee; we want to go to "
                                  "court against him as well."),
])
def test_a_suit_beside_an_insolvency_is_litigation_too(title, description):
    assert {"insolvency", "litigation"} <= set(resolve_request(title, description).practice_areas)


def test_an_insolvency_alone_keeps_litigation_as_mentioned():
    resolved = resolve_request("Proof of debt", "Our customer in Penang was wound up last month and the liquidator "
                                                "has asked us to file a proof of debt by Friday.")
    assert "insolvency" in resolved.practice_areas and "litigation" not in resolved.practice_areas


@pytest.mark.parametrize(("title", "description"), [
    ("Stay of court case", "Our Vietnamese distributor has filed a lawsuit at the People's Court of Hanoi against us "
                           "for USD 2m, although the distribution agreement says SIAC arbitration seated in Singapore. "
                           "We want the court case stayed and to start the arbitration ourselves."),
    ("仲裁条款", "合同约定在香港国际仲裁中心仲裁，但对方已经向佛山中院起诉我们，要求赔偿。"
                 "我们想申请仲裁并请律师处理。"),
    ("Court or arbitration", "The buyer sued us in the Bangkok court although the contract has an ICC arbitration "
     "clause; we want to stay the proceedings in favour of arbitration."),
])
def test_a_suit_brought_against_the_client_beside_an_arbitration_is_litigation_too(title, description):
    assert {"arbitration", "litigation"} <= set(resolve_request(title, description).practice_areas)


def test_a_claim_brought_to_arbitration_against_the_client_is_no_court_case():
    resolved = resolve_request("CIETAC", "Nhà cung cấp đã nộp đơn kiện chúng tôi ra CIETAC ở Bắc Kinh đòi tiền hàng, "
                                         "chúng tôi cần luật sư Trung Quốc tham gia trọng tài.")
    assert "arbitration" in resolved.practice_areas and "litigation" not in resolved.practice_areas


@pytest.mark.parametrize("description", [
    "Our trade mark dispute with a copycat in Foshan was settled last year. We now need advice on a bond issue in "
    "Hong Kong.",
    "先讲 background：东莞工厂 2023 年跟一个供应商有买卖合同纠纷，已经 settled。\n\n"
    "现在的问题：香港子公司要借一笔银团贷款，需要律师看贷款协议。",
    "Last year we had a payment dispute with a Thai buyer, which we resolved ourselves. We need a customs lawyer for "
    "the new import rules.",
])
def test_a_dispute_told_as_done_or_in_background_adds_no_litigation(description):
    assert "litigation" not in resolve_request("", description).practice_areas


@pytest.mark.parametrize("description", [
    "Buying a Thai resort company; the DD found the target is a defendant in a pending civil case in the Koh Samui "
    "court. Please advise on the SPA protections.",
    "We are buying 51% of a Hanoi software company. In the DD we learnt the target is the respondent in a VIAC "
    "arbitration brought by a former distributor. Please help with the SPA and indemnities.",
])
def test_a_dispute_of_the_company_bought_found_in_due_diligence_is_only_mentioned(description):
    assert resolve_request("Acquisition", description).practice_areas == ["mergers-acquisitions"]


def test_a_suit_of_the_target_the_client_asks_about_is_litigation():
    found = resolve_request("Acquisition", "Acquisition of PT Sinar Laut: need DD, SPA and advice on the target's "
                            "ongoing litigation with a supplier in Surabaya court.")
    assert {"mergers-acquisitions", "litigation"} <= set(found.practice_areas)


def test_a_prosecution_told_in_chinese_is_no_suit():
    found = resolve_request("表弟在柬埔寨被抓", "表弟在西港被警方带走，现在关在金边的移民局拘留中心，"
                            "可能要以非法务工和诈骗起诉。想找柬埔寨律师去见他，尽快遣返。")
    assert "criminal" in found.practice_areas and "litigation" not in found.practice_areas


def test_the_contract_a_dispute_is_about_adds_no_corporate_work():
    # A Lao exporter's unpaid invoices, the contract sending disputes to the Economic Dispute Resolution Centre.
    title = "ລູກຄ້າໄທບໍ່ຈ່າຍເງິນ - ສັນຍາໃຫ້ແກ້ໄຂຢູ່ວຽງຈັນ"
    description = (
        "ບໍລິສັດຂອງພວກເຮົາຕັ້ງຢູ່ເຂດເສດຖະກິດພິເສດ ສະຫວັນ-ເຊໂນ ແຂວງສະຫ"
        "ວັນນະເຂດ, ຜະລິດສາຍໄຟລົດຍົນ ແລ້ວສົ່ງອອກຜ່ານຂົວມິດຕະພາບແຫ່ງທີ "
        "2 ໄປມຸກດາຫານ ແລ້ວຕໍ່ໄປທ່າເຮືອແຫຼມສະບັງ. ລູກຄ້າຂອງພວກເຮົາ (บร"
        "ิษัท ไทยวิศวกรรมยานยนต์ จำกัด ຢູ່ຊົນບຸລີ) ຄ້າງຈ່າຍ 412,000 U"
        "SD ມາ 7 ເດືອນແລ້ວ. ສັນຍາຂຽນວ່າ ຂໍ້ຂັດແຍ່ງໃຫ້ແກ້ໄຂໂດຍ ສູນແກ້ໄ"
        "ຂຂໍ້ຂັດແຍ່ງທາງດ້ານເສດຖະກິດ ທີ່ນະຄອນຫຼວງວຽງຈັນ. ຕ້ອງການທະນາຍຊ"
        "່ວຍຍື່ນຄຳຮ້ອງ. ຖ້າໄດ້ຄຳຕັດສິນແລ້ວ ອາດຈະຕ້ອງໄປບັງຄັບຢູ່ໄທ ແຕ່"
        "ນັ້ນແມ່ນເລື່ອງຕໍ່ໄປ."
    )
    assert resolve_request(title, description).practice_areas == ["arbitration"]


@pytest.mark.parametrize("title, description", [
    ("Qianhai labour arbitration", "Our former employee has applied to the Qianhai labour dispute arbitration "
     "commission for double wages. Could you act for us in the arbitration?"),
    ("外傭去勞工處告我", "外傭去咗勞工處申索，話要轉介去小額薪酬索償仲裁處。想搵律師睇下點應對。"),
])
def test_a_labour_arbitration_or_tribunal_is_employment_not_commercial_arbitration(title, description):
    areas = resolve_request(title, description).practice_areas
    assert "employment" in areas and "arbitration" not in areas
