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
    "Penyewa belum bayar sewa sejak bulan Mei.",
    "Ayaw nilang ibalik ang downpayment namin.",
])
def test_a_grievance_in_everyday_words_is_a_dispute(text):
    assert names_dispute([text])


@pytest.mark.parametrize("text", [
    "We paid the invoice on time and want to review the next supply contract.",
    "Please advise on the tax we owe on the sale of our flat.",
    "我们想在越南设立一家贸易公司，需要了解外资准入。",
    "Kami ingin mendaftarkan merek dagang di Indonesia.",
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
