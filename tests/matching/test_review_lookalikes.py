"""Requests that look like the newer rules but are not what they read: a worker abroad in her own script, staff
working where a bracket names, a lawyer there the client is leaving, drafting against a refusal, a patent's claims,
a form that lists litigation second."""

import pytest

from legalnet.matching.resolver import resolve_request


@pytest.mark.parametrize(("description", "expected"), [
    ("ฉันทำงานอยู่ที่ฮ่องกง นายจ้างไม่จ่ายเงินเดือนสองเดือน", ["HK"]),
    ("Our Singapore company is hiring remote workers (Malaysia, Indonesia). Do we need local entities, and which "
     "employment law applies to them?", ["ID", "MY"]),
    ("We are setting up a subsidiary in Vietnam. Also, our director working in Thailand needs his work permit "
     "renewed.", ["TH"]),
])
def test_where_the_writer_or_its_staff_work_stays_the_place(description, expected):
    assert sorted(resolve_request("", description).jurisdictions) == expected


@pytest.mark.parametrize(("description", "area"), [
    ("We have a tax audit in Malaysia and a labour dispute in Thailand, and the lawyers there are on leave until "
     "May, so we need new counsel for both.", "tax"),
    ("我们在泰国的工厂有劳动纠纷，当地律师在跟进但我们不满意，想换律师。", "employment"),
])
def test_a_lawyer_there_who_is_away_or_being_replaced_hands_nothing_over(description, area):
    assert area in resolve_request("Request", description).practice_areas


@pytest.mark.parametrize("description", [
    "请帮我们起草一份在香港的商铺租赁合同，写明哪些情况下押金不退。",
    "我们是保险公司，请帮我们审阅香港的保单条款，看看哪些情况下可以不赔付。",
    "Công ty chúng tôi bị cơ quan thuế truy thu nợ thuế ở Hà Nội.",
    "The examiner at IPOS rejected our patent claims in the first office action.",
])
def test_drafting_against_a_refusal_or_an_authoritys_decision_is_no_dispute(description):
    assert "litigation" not in resolve_request("Request", description).practice_areas


def test_a_word_with_e_for_i_is_another_word_not_a_misspelt_term():
    resolved = resolve_request("", "We manufacture convection ovens in Penang and want to license our design.")
    assert "criminal" not in resolved.practice_areas + resolved.also_mentioned


@pytest.mark.parametrize("listed", [["debt collection", "litigation"], ["litigation", "debt collection"]])
def test_litigation_typed_in_the_form_counts_wherever_it_stands(listed):
    resolved = resolve_request("Unpaid", "Our customer in Malaysia owes us RM500k. The contract has an AIAC "
                               "arbitration clause.", practice_areas=listed)
    assert "litigation" in resolved.practice_areas


# Look-alikes of the rules on the writer's side, a parent's seat, steps put off and local districts: the other side
# stays screened, the place of the work stays, and an area the client asks about stays central.
@pytest.mark.parametrize("description, party", [
    ("Our main contractor Hoang Long Construction JSC abandoned the site. The developer, Meranti "
     "Cove Developments Pte. Ltd., keeps telling us there is no problem and they will pay next month,"
     " but three certificates are now overdue by 90 days.",
     "Meranti Cove Developments Pte. Ltd."),
    ("对方公司深圳市宏达建筑工程有限公司一直说没问题，下个月就付款，但已经拖了一年。另外，业主广州锦绣置业有限公司也欠我们进度款。"
     "我们想起诉。",
     "深圳市宏达建筑工程有限公司"),
    ("We bought a CNC machine from Delta Engineering Pte Ltd and had no problems for two years; "
     "then it broke down and they will not honour the extended warranty. Separately, our landlord "
     "Kallang Pointe Properties Pte Ltd wants to evict us. We want to sue Delta Engineering.",
     "Delta Engineering Pte Ltd"),
    ("Hi, this is Daniel Lim, operations manager at Orchid Logistics Pte Ltd. I was made redundant "
     "yesterday and they want me to sign a release. I think the retrenchment is unfair. Need an "
     "employment lawyer in Singapore.",
     "Orchid Logistics Pte Ltd."),
    ("本人是东莞市鸿运五金制品有限公司的车间主管，上个月被公司辞退，没有任何补偿。我想申请劳动仲裁。",
     "东莞市鸿运五金制品有限公司"),
    ("Ms Chua Li Hua, our finance manager, transferred S$450,000 to a company she secretly controls,"
     " Rainbow Trading Pte Ltd. We want to freeze her assets and Rainbow's accounts.",
     "Chua Li Hua"),
    ("Mr Ong Beng Huat is our project director on the Tampines site. He signed variation orders "
     "for Sunrise Builders Pte Ltd worth S$2m without board approval and received kickbacks. We "
     "want to recover the money from both.",
     "Ong Beng Huat"),
    ("Ms Lee Mei Ling was our accounts executive until March. She transferred S$180k to her own "
     "account over two years. Our bank, DBS Bank Ltd, says it cannot reverse the transfers. We want "
     "to recover the money from her.",
     "Lee Mei Ling"),
    ("Dear Sirs,\n\nGolden Harvest Trading Pte Ltd bought 2,000 tonnes of rice from Mekong Agri Export "
     "Co., Ltd. under a contract dated March 2024. The rice was delivered in full, but the invoice "
     "of USD 1.1m remains unpaid. We took an assignment of the debt and want to sue.",
     "Golden Harvest Trading Pte Ltd"),
    ("Dear Centre,\n\nBright Star Holdings Sdn Bhd controls 70% of Nusantara Cold Chain Sdn Bhd. Last "
     "month the board issued new shares to itself at a deep discount. We hold the other 30% and "
     "want to challenge the issue.",
     "Bright Star Holdings Sdn Bhd"),
    ("Singapore distributor. Our buyer, PT Sinar Jaya, HQ Surabaya, has not paid USD 300k for three "
     "shipments. What can we do?",
     "PT Sinar Jaya"),
])
def test_the_other_side_stays_screened_beside_the_writers_own(description, party):
    assert party in resolve_request("", description).screened_counterparties


@pytest.mark.parametrize("description, expected", [
    ("We are a Bangkok trading company. Our parent company is in Hong Kong and it guaranteed our "
     "bank loan. The bank has now sued the parent in the Hong Kong High Court on the guarantee. "
     "How should the parent defend?",
     ["HK"]),
    ("We are a Vietnamese tech startup based in Ho Chi Minh City. Before our Series A we want to "
     "set up a holding company in Singapore and move the IP there. Please advise on the structure.",
     ["SG"]),
    ("We are a Singapore family office and want to exit our holding in Indonesia, a 30% stake in "
     "a nickel smelter. The majority shareholder has a right of first refusal.",
     ["ID"]),
    ("Our customer, Lumina Retail Sdn Bhd, is a subsidiary of a Hong Kong group and owes us USD "
     "900k. It has moved its cash to the parent. We are a Singapore supplier and want to sue the "
     "parent in Hong Kong on its guarantee.",
     ["HK"]),
    ("ក្រុមហ៊ុនរបស់យើងនៅភ្នំពេញ។ ប៉ូលិសថៃបានឃុំខ្លួនកម្មកររបស់យើងពីរនាក់នៅប្រទេសថៃ។ យើងត្រូវការមេធាវីនៅប្រទេសថៃ។",
     ["TH"]),
    ("ကျွန်တော်သည် ထိုင်းနိုင်ငံ မဲဆောက်မြို့နယ်ရှိ အထည်ချုပ်စက်ရုံတွင် အလုပ်လုပ်ပါသည်။ လုပ်ခမပေးပါ။ "
     "ထိုင်းရှေ့နေ လိုအပ်ပါသည်။",
     ["TH"]),
    ("ຂ້ອຍເຮັດວຽກຢູ່ເມືອງນອກ ທີ່ປະເທດໄທ ນາຍຈ້າງບໍ່ຈ່າຍເງິນເດືອນ. ຕ້ອງການທະນາຍຄວາມໃນປະເທດໄທ.",
     ["TH"]),
    ("Singapore distributor. Our buyer, PT Sinar Jaya, HQ Surabaya, has not paid USD 300k for three "
     "shipments. What can we do?",
     ["ID"]),
])
def test_the_place_of_the_work_stays_beside_a_parent_or_a_local_word(description, expected):
    assert resolve_request("", description).jurisdictions == expected


@pytest.mark.parametrize("description, area", [
    ("签了股权转让协议以后，对方一直不付尾款。请问怎么办？",
     "mergers-acquisitions"),
    ("He was dismissed in January and filed a wrongful dismissal claim three months later. Please "
     "advise.",
     "employment"),
    ("We plan to IPO on the SGX next year. Please advise what pre-IPO restructuring we should do "
     "now.",
     "capital-markets"),
    pytest.param(
        "Our Vietnam factory has a labour mess: a wildcat strike, a collective labour dispute before "
        "the labour conciliator, ten workers claiming unlawful dismissal and unpaid overtime, and the "
        "trade union demanding a new collective bargaining agreement. The employment issues are for "
        "our HR team. What we need from you is advice on the anti-dumping investigation the US opened "
        "against our exports.",
        "trade-customs",
        marks=pytest.mark.xfail(strict=True, reason="the area selector weighs nine labour terms over the one "
                                "asked for; it does not see that the labour part is handed to HR")),
])
def test_an_area_told_with_after_or_asked_once_stays_central(description, area):
    assert area in resolve_request("", description).practice_areas


@pytest.mark.parametrize("description, party", [
    ("My name is Siti Aminah, union secretary at Mewah Garments Sdn Bhd. We, the 40 sewing operators, have not "
     "received overtime pay since January and the company keeps deducting our wages.", "Mewah Garments Sdn Bhd."),
    ("My name is Priya Nair, supervisor at Golden Crown Casino Ltd. We, a group of twelve dealers, were all "
     "transferred to night shifts without notice. We want to bring a claim in Macau.", "Golden Crown Casino Ltd."),
    ("被告通过兄弟公司深圳市利达贸易有限公司转移了全部资产，我们想把利达也列为被告，在深圳起诉。",
     "深圳市利达贸易有限公司"),
])
def test_workers_writing_together_and_another_partys_sister_company_stay_screened(description, party):
    assert party in resolve_request("", description).screened_counterparties


@pytest.mark.parametrize("description, expected", [
    # "Paragraph 5 of the employment contract": កថាខណ្ឌ is no district.
    ("ខ្ញុំធ្វើការនៅប្រទេសថៃ។ យោងតាមកថាខណ្ឌទី៥ នៃកិច្ចសន្យាការងារ និយោជកត្រូវបង់ប្រាក់ខែ ប៉ុន្តែគាត់មិនបង់ទេ។ "
     "ខ្ញុំត្រូវការមេធាវីនៅប្រទេសថៃ។", ["TH"]),
    # A Burmese worker's Mae Sot township is in Thailand, named a sentence later.
    ("ကျွန်တော် မဲဆောက်မြို့နယ်ရှိ အထည်ချုပ်စက်ရုံတွင် အလုပ်လုပ်ပါသည်။ ထိုင်းနိုင်ငံ အလုပ်ရှင်က လုပ်ခ သုံးလ မပေးပါ။ "
     "ထိုင်းရှေ့နေ လိုအပ်ပါသည်။", ["TH"]),
])
def test_local_words_that_name_no_district_there_add_no_place(description, expected):
    assert resolve_request("", description).jurisdictions == expected


@pytest.mark.parametrize("description, area", [
    ("We eventually terminated the employment of our factory manager for theft. He has now filed an unfair dismissal "
     "claim. What should we do in Thailand?", "employment"),
    ("Context: we are a Singapore fintech and MAS has sent us a notice that our payment services licence may be "
     "revoked for AML lapses.\n\nWhat should we do next?", "fintech"),
    ("对方将来可能还会起诉我们侵犯商标权，现在已经发了律师函。我们在广州，请问如何应对这封律师函？",
     "intellectual-property"),
    ("For your information: the Inland Revenue Board has raised additional tax assessments of RM 4m against us for "
     "2019-2021 and imposed penalties.\n\nHow do we appeal?", "tax"),
])
def test_a_heading_or_a_word_of_time_over_the_matter_itself_keeps_its_area(description, area):
    assert area in resolve_request("", description).practice_areas
