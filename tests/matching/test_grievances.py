"""A grievance told in everyday words is a dispute; a forum the parties did not agree on asks for no work; the
victim of a crime who wants the money back goes to a civil court as well."""

import pytest

from legalnet.matching.resolver import resolve_request
from legalnet.matching.resolver.disputes import names_dispute


@pytest.mark.parametrize("text", [
    "Our customer in Davao still has not paid the last four shipments of canned tuna.",
    "The tenant refuses to move out although the lease ended in March.",
    "The contractor walked off the site with half the kitchen torn out.",
    "Our former agent owes us about USD 60,000 in collected premiums.",
    "We would like to evict the occupants of our shophouse.",
    "The developer breached the sale agreement by changing the floor plan.",
    "对方收了货款之后一直拖着不发货。",
    "房東唔肯退按金，仲話我哋要賠油漆費。",
    "ผู้รับเหมาไม่ยอมคืนเงินมัดจำ",
    "Bên mua chưa thanh toán lô hàng thứ hai.",
    "Công ty chúng tôi bị khách hàng Singapore nợ tiền hàng hơn nửa năm.",
    "Penyewa belum bayar sewa sejak bulan Mei.",
    "Ayaw nilang ibalik ang downpayment namin.",
    # Khmer, Lao and Burmese.
    "ក្រុមហ៊ុននេះឈប់បង់ថ្លៃឈ្នួលដីតាំងពីខែមករា។",
    "ບໍລິສັດຍັງບໍ່ທັນຈ່າຍຄ່າເຊົ່າປີສຸດທ້າຍ.",
    "ဝယ်သူက ကုန်ဖိုးငွေမပေးသေးပါ။",
    # Overdue and defaulted debts.
    "The invoices are 120 days overdue and the Jakarta buyer does not answer.",
    "The borrower has defaulted on the loan and stopped answering calls.",
    "客户逾期未付货款已经三个月。",
    "印尼买家收了货，尾款20万美元没付。",
    "押金房东不退，房子在吉隆坡。",
    "ลูกค้าผิดนัดชำระหนี้มาสามเดือนแล้ว",
    "Khách hàng quá hạn thanh toán đã 3 tháng.",
    "Hindi pa rin nagbabayad ang tenant namin sa Makati.",
    "Our customer did not pay the last two invoices.",
    "My landlord still has not returned the deposit.",
    "Our insurer in Singapore rejected our fire claim.",
    # Everyday complaints.
    "Our franchisee stopped paying royalties in March and ignores our reminders.",
    "The fabric we paid for was never delivered.",
    "装修师傅收了钱就跑路了。",
    "ของไม่ตรงปก ร้านไม่ยอมคืนเงิน",
    "Nhà cung cấp chưa giao hàng dù đã nhận tiền cọc.",
    "Kontraktor sudah kabur membawa uang muka kami.",
    # Money the client wants back, or costs it claims.
    "The landlord kept the deposit. We want the deposit back under Vietnamese law.",
    "Pekerja tak datang lagi. Kami nak duit balik dan cari kontraktor lain.",
    "We want to terminate, bring in another contractor and claim the extra cost.",
    "Can we stay, and if not, what compensation can we claim?",
])
def test_a_grievance_in_everyday_words_is_a_dispute(text):
    assert names_dispute([text])


@pytest.mark.parametrize("text", [
    "We paid the invoice on time and want to review the next supply contract.",
    # The client's own tax, a tax refund, a clause to draft, words that only contain a grievance word.
    "We have not paid the stamp duty on the share transfer yet. How do we pay it?",
    "Kami belum bayar duti setem untuk perjanjian sewa.",
    "Can we claim back input VAT on the fit-out?",
    "请帮我们审核采购合同中的违约责任条款。",
    "我们计划在新加坡设立一家控股公司，可以告诉我需要准备哪些文件吗？",
    "Chúng tôi không tra cứu được mã số thuế của đối tác.",
    "签证申请被拒绝，还能再申请吗？",
    "Please advise on the tax we owe on the sale of our flat.",
    "我们想在越南设立一家贸易公司，需要了解外资准入。",
    "Kami ingin mendaftarkan merek dagang di Indonesia.",
    "我们还没付尾款，想先请律师审核越南的合同。",
])
def test_advice_without_a_grievance_is_no_dispute(text):
    assert not names_dispute([text])


@pytest.mark.parametrize("title, description, subject", [
    ("Shop unit in Mong Kok", "The landlord kept our deposit and now refuses to return it after we handed back "
     "the keys. We want it back.", "real-estate"),
    ("Renovation", "裝修公司收咗七成錢之後走佬，工程做咗一半，我想攞返啲錢。", "construction"),
])
def test_a_grievance_adds_litigation_to_its_subject(title, description, subject):
    resolved = resolve_request(title, description)
    assert subject in resolved.practice_areas
    assert "litigation" in resolved.practice_areas


@pytest.mark.parametrize("description", [
    "Our Jakarta buyer has not paid USD 120,000 for two containers of coffee. The contract has no arbitration "
    "clause.",
    "买方拖欠货款两百万元，合同没有约定仲裁，想在广州起诉。",
    "ผู้ซื้อค้างชำระค่าสินค้า สัญญาไม่มีข้อตกลงอนุญาโตตุลาการ",
    "Khách hàng còn nợ 3 tỷ đồng, hợp đồng không có điều khoản trọng tài.",
    "Pembeli belum bayar, kontrak tidak ada klausul arbitrase.",
    # Neither courts nor arbitration named: "no jurisdiction or arbitration clause".
    "ผู้ซื้อฮ่องกงไม่ชำระเงินค่าสินค้า สัญญาซื้อขายไม่มีข้อกำหนดเรื่องศาลหรืออนุญาโตตุลาการ",
    "The buyer in Hong Kong has not paid USD 156k. The sales contract has no jurisdiction or arbitration clause.",
    "香港买家拖欠货款，合同没有约定管辖法院或仲裁，想在香港起诉。",
])
def test_an_arbitration_the_parties_did_not_agree_on_asks_for_no_arbitration(description):
    resolved = resolve_request("Unpaid goods", description)
    assert "arbitration" not in resolved.practice_areas
    assert "litigation" in resolved.practice_areas


def test_an_arbitration_clause_that_is_there_still_counts():
    resolved = resolve_request("Unpaid goods", "Our buyer has not paid; the contract has an arbitration clause "
                               "providing for arbitration in Singapore.")
    assert "arbitration" in resolved.practice_areas


def test_a_fraud_victim_who_wants_the_money_back_needs_a_civil_claim_too():
    resolved = resolve_request("Investment scam", "A man we met online took HKD 800,000 from us for a fake gold "
                               "fund. We reported the fraud to the police and want to recover the money from him.")
    assert "criminal" in resolved.practice_areas
    assert "litigation" in resolved.practice_areas


def test_a_fraud_reported_without_a_civil_claim_stays_criminal():
    resolved = resolve_request("Investment scam", "A man we met online took HKD 800,000 from us for a fake gold "
                               "fund. We reported the fraud to the police and need a lawyer for the prosecution.")
    assert "criminal" in resolved.practice_areas
    assert "litigation" not in resolved.practice_areas


@pytest.mark.parametrize("description", [
    "合同约定协商无果后提交仲裁，现在对方拖欠货款。",
    "The buyer has not paid and we have not commenced arbitration yet under the SIAC clause.",
    "對方冇出席仲裁，我哋想知仲裁庭會唔會照樣裁決。",
])
def test_an_arbitration_that_is_there_is_not_read_as_denied(description):
    assert "arbitration" in resolve_request("Arbitration", description).practice_areas


@pytest.mark.parametrize("description", [
    "我儿子在新加坡被正式控告盗窃，下周二第一次出庭，需要刑事辩护律师。",
    "May kaso ng estafa laban sa akin sa Quezon City, kailangan ko ng abogado.",
])
def test_a_criminal_defence_is_no_civil_claim(description):
    resolved = resolve_request("Charged", description)
    assert "criminal" in resolved.practice_areas and "litigation" not in resolved.practice_areas


def test_an_events_of_default_clause_is_no_dispute():
    assert not names_dispute(["Mohon semak ketentuan gagal bayar dalam perjanjian pembiayaan kami."])


def test_someone_who_cannot_be_reached_is_no_dispute_by_itself():
    assert not names_dispute(["ตอนนี้ติดต่อน้องชายไม่ได้แล้ว เราอยู่ขอนแก่น"])


@pytest.mark.parametrize("text", [
    "If the buyer does not pay, can we keep the goods?",
    "如果对方不付款，我们可以怎么办？",
    "Nếu bên mua không thanh toán thì hợp đồng nên quy định thế nào?",
    "Kalau pembeli tidak bayar, apa yang perlu ada dalam kontrak?",
])
def test_a_grievance_the_clause_only_supposes_is_no_dispute(text):
    assert not names_dispute([text])


def test_a_grievance_that_happened_counts_beside_a_supposed_one():
    assert names_dispute(["The buyer has not paid. If they do not pay by Friday we will act."])
    assert names_dispute(["请问如何追回货款？"])


@pytest.mark.parametrize("text", [
    "泰国的客户收了三柜货，到现在一分钱都没付，我想把钱拿回来。",
    "The renovation company took our deposit and vanished; how do we get back the money?",
    "姑姐拎出一份新遺囑，我哋想將屬於我哋嗰份爭返。",
])
def test_money_to_be_won_back_told_in_everyday_words_is_a_dispute(text):
    assert names_dispute([text])


@pytest.mark.parametrize(("title", "description"), [
    ("EPC contract", "We are preparing an EPC contract for a rooftop solar plant in Penang and need counsel for "
                     "drafting the liquidated damages and termination clauses."),
    ("Hợp đồng thuê kho", "Cần luật sư soạn thảo điều khoản bồi thường thiệt hại trong hợp đồng thuê kho ở "
                          "Bình Dương."),
    ("租約", "我哋喺旺角有間舖租俾人，想搵律師幫手寫清楚遲交租嘅罰則同按金安排。而家冇任何索償，純粹預防。"),
    ("แก้ไขกรรมการ", "บริษัทเราที่ระยองเคยมีคดีกับผู้ถือหุ้นเดิม ตอนนี้ยอมความกันแล้ว ไม่มีข้อพิพาทเหลือ "
                     "ต้องการทนายจดทะเบียนเปลี่ยนกรรมการ"),
])
def test_drafting_against_a_dispute_or_one_already_ended_is_no_litigation(title, description):
    assert "litigation" not in resolve_request(title, description).practice_areas


def test_a_case_that_a_but_turns_to_its_settlement_is_no_dispute():
    resolved = resolve_request("Directors", "Last year we had a case against our former partner in the Civil Court, "
                               "but it was settled in court. We now need the new directors registered in Bangkok.")
    assert "litigation" not in resolved.practice_areas


@pytest.mark.parametrize("description", [
    "สัญญาไม่ได้ระบุว่าจะใช้ศาลหรืออนุญาโตตุลาการ ลูกค้าที่เซินเจิ้นยังไม่จ่ายเงินค่าสินค้า อยากฟ้องเรียกเงินคืน",
    "Kontrak menunjuk Pengadilan Negeri Bekasi, bukan arbitrase. Kontraktor berhenti bekerja; kami ingin menggugat.",
    "The contract sends disputes to the Johor courts, not to arbitration. The buyer still has not paid.",
    "We want litigation not arbitration against our Singapore distributor, who still has not paid.",
    "This is not an arbitration matter: our Singapore distributor has not paid for six months.",
    "สัญญาไม่ได้ตกลงเรื่องอนุญาโตตุลาการ คู่ค้าในกรุงเทพยังไม่จ่ายเงินค่าสินค้า อยากฟ้อง",
])
def test_a_forum_the_text_rules_out_is_no_arbitration(description):
    resolved = resolve_request("Unpaid", description)
    assert "litigation" in resolved.practice_areas and "arbitration" not in resolved.practice_areas


def test_a_legal_form_s_full_stop_does_not_end_the_sentence_that_puts_a_suit_under_due_diligence():
    resolved = resolve_request("Share purchase", "We are buying 60% of a Cebu exporter. Our due diligence turned up "
                               "a collection suit filed by a former supplier, Visayan Timber Supply Co., still pending "
                               "at the RTC in Cebu City. Please finish the DD and draft the SPA.")
    assert "litigation" not in resolved.practice_areas


@pytest.mark.parametrize("text", [
    "My half-brother is contesting our late father's will in the High Court.",
    "Our stepmother has lodged a caveat, so the grant cannot be extracted.",
    "My sister refuses to divide Mum's flat in Ipoh with us.",
    "二哥一直唔肯簽字，阿媽層樓賣唔到。",
    "大伯不肯过户爷爷留下的房子。",
    "Abang sulung tidak mau bagi tanah peninggalan ayah kepada kami.",
    "Chị tôi không chịu ký giấy tờ để sang tên căn nhà của bố mẹ.",
    "พี่สาวไม่ยอมแบ่งที่ดินมรดกของพ่อ",
    "开发商延期交房快两年了，我们想要求赔偿。",
    "Pemaju lewat serah kunci hampir dua tahun.",
])
def test_an_heir_or_buyer_told_no_is_a_dispute(text):
    assert names_dispute([text])


@pytest.mark.parametrize("text", [
    "We want to sign the lease before the end of the month.",
    "Please help us prepare the will and the grant of probate for our father's estate.",
    "Kami mau bagi warisan secara damai dan semua ahli waris setuju.",
])
def test_estate_and_signing_work_without_refusal_is_no_dispute(text):
    assert not names_dispute([text])


def test_a_payment_a_lao_clause_only_supposes_is_no_grievance():
    assert not names_dispute(["ຜູ້ພັດທະນາຢາກຂຶ້ນຄ່າເຊົ່າ 40% ແລະ ບອກວ່າຖ້າບໍ່ຈ່າຍ ຈະຍົກເລີກສັນຍາ."])
