"""Names on the client's side and neutrals: the client's bank, auditors, insurer and forwarder, the arbitrator, the
judge and the investigating officer are named in a request but are no counterparty, unless the text puts the
provider in dispute with the client."""

import pytest

from legalnet.matching.parties import find_parties
from legalnet.matching.resolver import resolve_request


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We shipped 3 containers to Alpha Foods Sdn Bhd in Klang. Our forwarder, Seahawk Logistics Pte Ltd, holds "
         "the original bills of lading.", ["Alpha Foods Sdn Bhd"]),
        ("Ernst & Young LLP (our auditors) flagged a receivable from Mirae Textile Co., Ltd.",
         ["Mirae Textile Co., Ltd."]),
        ("The buyer is PT Sinar Abadi. We bank with United Overseas Bank Limited, which issued the letter of credit.",
         ["PT Sinar Abadi"]),
        ("Our insurer, Etiqa General Insurance Berhad, has appointed a loss adjuster. The lorry driver's employer, "
         "Kenari Haulage Sdn Bhd, denies liability.", ["Kenari Haulage Sdn Bhd"]),
        ("Our company secretary, Boardroom Corporate Services Pte Ltd, filed the wrong form. The purchaser Kestrel "
         "Capital Pte Ltd now claims the shares.", ["Kestrel Capital Pte Ltd"]),
        ("Bank kami, PT Bank Central Asia Tbk, sudah menerbitkan surat. Pembeli PT Karya Mandiri belum bayar.",
         ["PT Karya Mandiri"]),
        ("对方是广州恒通贸易有限公司，拖欠货款。我们的保险公司中国平安财产保险股份有限公司已经委托公估。",
         ["广州恒通贸易有限公司"]),
        # Named again later, the provider is still the client's.
        ("Our forwarder, Seahawk Logistics Pte Ltd, stores the goods. Orion Retail Sdn Bhd refuses to collect them, "
         "so Seahawk Logistics Pte Ltd charges us rent.", ["Orion Retail Sdn Bhd"]),
        # Neutrals and officials decide or enforce.
        ("The sole arbitrator, Mr Anthony Wee, issued the award against Delta Marine Co., Ltd.",
         ["Delta Marine Co., Ltd."]),
        ("The investigating officer, Inspector Mohd Razak, recorded my statement. My ex-partner Lim Boon Keat took "
         "the money.", ["Lim Boon Keat"]),
        ("The MOM officer, Ms Tan Li Ping, said our employer Omega Pte Ltd must pay.", ["Omega Pte Ltd"]),
        ("The mediator Dr. Wong Kar Ho suggested a settlement with Lucky Star Trading.", ["Lucky Star Trading"]),
    ],
)
def test_the_clients_providers_and_neutrals_are_no_counterparties(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Our insurer, Tokio Marine Insurans (Malaysia) Berhad, rejected our fire claim.",
         ["Tokio Marine Insurans (Malaysia) Berhad"]),
        ("Our bank, Bank of Singapore Limited, froze our account without notice.", ["Bank of Singapore Limited"]),
        ("Our insurer is Allianz General Insurance Malaysia Berhad. They have refused to pay for the flood damage.",
         ["Allianz General Insurance Malaysia Berhad"]),
        ("我们的保险公司中国平安财产保险股份有限公司拒绝理赔。", ["中国平安财产保险股份有限公司"]),
        # A lender or an agent is often the other side: no provider role of the client's.
        ("Our lender, Hong Leong Bank Berhad, has called the loan.", ["Hong Leong Bank Berhad"]),
        ("Our local agent, Siam Power Link Co., Ltd., asks for a success fee.", ["Siam Power Link Co., Ltd."]),
    ],
)
def test_a_provider_in_dispute_with_the_client_is_a_counterparty(text, expected):
    assert find_parties(text) == expected


def test_a_place_in_the_name_of_the_clients_provider_is_not_read():
    resolution = resolve_request("", "Our supplier Alpha Foods Sdn Bhd shipped rotten durians. Our forwarder, Hanoi "
                                     "Express Logistics JSC, has the photos.")
    assert resolution.jurisdictions == ["MY"]
    assert resolution.screened_counterparties == ["Alpha Foods Sdn Bhd"]


def test_a_thai_company_that_calls_itself_the_company_is_the_client():
    text = "บริษัท สยามเทค โซลูชั่น จำกัด (บริษัทฯ) ประสงค์จะฟ้อง บริษัท ไทยรุ่งเรือง ก่อสร้าง จำกัด"
    assert find_parties(text) == ["บริษัท ไทยรุ่งเรือง ก่อสร้าง จำกัด"]
