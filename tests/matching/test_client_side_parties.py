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
        ("Our company secretary, Boardroom Corporate Services Pte Ltd, keeps our register. The purchaser Kestrel "
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
        # The client's bank by its account, more providers, an official's office, a role after the name.
        ("We paid USD 80,000 from our account at DBS Bank Ltd to Alpha Trading Co., Ltd. for goods never shipped.",
         ["Alpha Trading Co., Ltd."]),
        ("Our quantity surveyor, Langdon Seah Pte Ltd, valued the works; Keng Huat Builders Pte Ltd refuses to pay.",
         ["Keng Huat Builders Pte Ltd"]),
        ("The case officer from the Labour Department, Mr Somchai Dee, asked Siam Food Co., Ltd. to pay.",
         ["Siam Food Co., Ltd."]),
        ("Ms Tan Li Ping, the investigating officer, told us Omega Pte Ltd is under probe.", ["Omega Pte Ltd"]),
        # The writer by "kami", an adviser with a word before its role, an item number, an agent's place.
        ("Kami PT Cahaya Niaga Nusantara, distributor eksklusif. Prinsipal PT Gemilang Elektronik memutus perjanjian.",
         ["PT Gemilang Elektronik"]),
        ("Our in-house counsel Atty. Ramon Dizon sent a demand letter to Pinnacle Staffing Inc.",
         ["Pinnacle Staffing Inc."]),
        ("3. Lian Hup Logistics Pte Ltd (our forwarder) has the documents. Buyer: Orion Foods Sdn Bhd",
         ["Orion Foods Sdn Bhd"]),
        ("Our trademark agent in Hong Kong, Asia Mark Agency Ltd, cannot act in Cambodia. Angkor Foods Co., Ltd. "
         "copied our mark.",
         ["Angkor Foods Co., Ltd."]),
        # A role of two words.
        ("Our export credit insurer, Meridian Trade Insurance Limited, wants us to act. Lotus Retail Co., Ltd. owes "
         "us THB 4m.", ["Lotus Retail Co., Ltd."]),
        # A one-line signature of fields parted by bars.
        ("Please find a lawyer for our dispute with Sunrise Packaging Co., Ltd.\n\nAnna Lee | Head of Legal | "
         "Pacific Crest Holdings Limited\n\n> Forwarded message: the goods are still in Haiphong.",
         ["Sunrise Packaging Co., Ltd."]),
        # Words that only look like not paying: 冇俾人知道 (without letting anyone know), 还没付定金 (we have not paid).
        ("我哋嘅核數師 KT Wong CPA Limited 冇俾人知道就改咗報表。我哋想告前董事陳大文。", ["陳大文"]),
        ("我们的会计师行恒信会计师事务所说我们还没付定金。我们要起诉广州市天河贸易有限公司。",
         ["广州市天河贸易有限公司"]),
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
        ("We paid from our account at DBS Bank Ltd to Alpha Ltd, but DBS Bank Ltd debited us twice.",
         ["Alpha Ltd", "DBS Bank Ltd"]),
        ("Our insurer is Allianz General Insurance Malaysia Berhad. They have refused to pay for the flood damage.",
         ["Allianz General Insurance Malaysia Berhad"]),
        ("我们的保险公司中国平安财产保险股份有限公司拒绝理赔。", ["中国平安财产保险股份有限公司"]),
        # A lender or an agent is often the other side: no provider role of the client's.
        ("Our lender, Hong Leong Bank Berhad, has called the loan.", ["Hong Leong Bank Berhad"]),
        ("Our local agent, Siam Power Link Co., Ltd., asks for a success fee.", ["Siam Power Link Co., Ltd."]),
        # Not paying told in everyday words.
        ("Công ty TNHH Thương mại Phú Gia không thanh toán 2 tỷ đồng tiền hàng. Chúng tôi muốn khởi kiện Phú Gia.",
         ["Công ty TNHH Thương mại Phú Gia"]),
    ],
)
def test_a_provider_in_dispute_with_the_client_is_a_counterparty(text, expected):
    assert find_parties(text) == expected


def test_a_place_in_the_name_of_the_clients_provider_is_not_read():
    resolution = resolve_request("", "Our supplier Alpha Foods Sdn Bhd shipped rotten durians. Our forwarder, Hanoi "
                                     "Express Logistics JSC, has the photos.")
    assert resolution.jurisdictions == ["MY"]
    assert resolution.screened_counterparties == ["Alpha Foods Sdn Bhd"]


def test_a_thai_company_called_the_company_may_be_the_other_side():
    # บริษัทฯ is Thai writing's short form for any company named, here the employer the writer sues.
    text = "ผมเป็นพนักงานของ บริษัท สยามฟู้ด จำกัด (บริษัทฯ) และบริษัทฯ เลิกจ้างผมโดยไม่จ่ายค่าชดเชย"
    assert find_parties(text) == ["บริษัท สยามฟู้ด จำกัด"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A provider named alone is what the request is about.
        ("Our bank, CIMB Bank Berhad, has recalled our overdraft facility.", ["CIMB Bank Berhad"]),
        ("My broker, Apex Securities Pte Ltd, sold my shares during the margin call.", ["Apex Securities Pte Ltd"]),
        # The dispute told in another sentence that names the role.
        ("Our insurer rejected the flood claim. Our insurer is Great Eastern General Insurance (Malaysia) Berhad and "
         "the contractor Binaan Jaya Sdn Bhd caused the flood.",
         ["Great Eastern General Insurance (Malaysia) Berhad", "Binaan Jaya Sdn Bhd"]),
        # A dispute word before the first name of the sentence speaks of every name in it.
        ("We want to sue our travel agent, Golden Tours Sdn Bhd, and our insurer, Tune Insurance Malaysia Berhad.",
         ["Golden Tours Sdn Bhd", "Tune Insurance Malaysia Berhad"]),
        # A rival or a provider the client has left is no provider of the client's.
        ("Our competitor bank, Hong Leong Bank Berhad, poached our staff. Our landlord Mutiara Land Sdn Bhd owns the "
         "mall.",
         ["Hong Leong Bank Berhad", "Mutiara Land Sdn Bhd"]),
        # A forwarder's own registered name is no provider role.
        ("我们起诉了深圳市中外运国际货运代理有限公司，要求赔偿货损。", ["深圳市中外运国际货运代理有限公司"]),
        # Staff of the other side are no officials, and an official sued is a party.
        ("The loan officer, Ms Siti Aminah, forged my signature.", ["Siti Aminah"]),
        ("Their HR officer, Ms Lim Siew Ling, harassed me.", ["Lim Siew Ling"]),
        ("The notary, Mr Paulo Reyes, notarised a forged deed. We want to sue the notary and the buyer, "
         "Mr Ramon Cruz.", ["Paulo Reyes", "Ramon Cruz"]),
        ("Our business partner, Encik Hakim Razak, took RM500,000.", ["Hakim Razak"]),
        # An officer the client dismisses is the other side.
        ("We want to terminate our Sales Director, Mr. Daniel Koh, for poor performance.", ["Daniel Koh"]),
    ],
)
def test_a_provider_or_official_who_is_the_other_side_is_screened(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We supplied furniture to Next Retail Ltd and they have not paid.", ["Next Retail Ltd"]),
        ("Today Logistics Sdn Bhd lost our cargo.", ["Today Logistics Sdn Bhd"]),
        ("Lê Anh Thư vay tiền của tôi và không trả.", ["Lê Anh Thư"]),
        ("Bên mua là bà Nguyễn Thị Kim Ngân.", ["Nguyễn Thị Kim Ngân"]),
        ("Surat dari Budi Santoso Plt Direktur PT Maju Jaya belum dijawab.", ["PT Maju Jaya"]),
    ],
)
def test_words_that_may_open_or_end_a_name_stay_in_it(text, expected):
    assert find_parties(text) == expected


def test_a_bar_parts_two_names():
    found = find_parties("Sellers: Alpha Trading Limited | Beta Logistics Limited | Gamma Holdings Limited")
    assert found == ["Alpha Trading Limited", "Beta Logistics Limited", "Gamma Holdings Limited"]


def test_a_partner_bank_in_a_deal_under_way_is_a_counterparty():
    found = find_parties("Our preferred partner bank is PT Bank Nusa Makmur Tbk, which sent us a draft agreement.")
    assert found == ["PT Bank Nusa Makmur Tbk"]


@pytest.mark.parametrize("text, expected", [
    ("We run two bakeries in Tampines (our co is Crumbs & Co Pte Ltd). The landlord, Eastpoint Realty Pte Ltd, "
     "wants us out.", ["Eastpoint Realty Pte Ltd"]),
    ("我哋係荃灣一間做冷氣工程嘅判頭，永泰冷氣工程有限公司。總承建商德興建築有限公司拖咗我哋三期數。",
     ["德興建築有限公司"]),
    ("我司通过全资子公司明达国际（香港）有限公司与泰国 Chao Phraya Home Co., Ltd. 签了经销合同。",
     ["Chao Phraya Home Co., Ltd."]),
    ("Xin chao, toi la ke toan truong cua Cong ty TNHH Go Viet Phat. Cong ty TNHH Noi That Song Han chua thanh toan.",
     ["Cong ty TNHH Noi That Song Han"]),
])
def test_the_writer_naming_its_own_company_is_no_counterparty(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Said what the client is, a company named as the subject of the next clause is the other side.
    ("本公司為香港的燃料供應商，Harimau Marine Sdn Bhd（其母公司提供擔保）尚欠本公司貨款。",
     ["Harimau Marine Sdn Bhd"]),
    ("Tôi là khách hàng của Công ty TNHH Minh Long, họ không trả tiền cọc.", ["Công ty TNHH Minh Long"]),
    # A Vietnamese name ends where another script begins.
    ("越南的 Công ty Cổ phần Đầu tư Sông Lam 在同奈省合资设立了工厂。", ["Công ty Cổ phần Đầu tư Sông Lam"]),
])
def test_a_name_after_the_writers_words_is_still_the_other_side(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("เรียน ศูนย์ฯ\n\nบริษัท ไทยเย็น เอ็นจิเนียริ่ง จำกัด ได้ติดตั้งระบบทำความเย็นให้ บริษัท ชลบุรี โฟรเซ่น ฟู้ดส์ จำกัด "
     "แต่ยังไม่ได้รับชำระเงิน\n\nขอแสดงความนับถือ\nนายสมศักดิ์ ใจดี\nกรรมการผู้จัดการ บริษัท ไทยเย็น เอ็นจิเนียริ่ง จำกัด",
     ["บริษัท ชลบุรี โฟรเซ่น ฟู้ดส์ จำกัด"]),
    ("Kepada Yth. Pusat,\n\nPT Andalas Karya Teknik belum dibayar oleh PT Riau Sawit Lestari.\n\nHormat saya,\n"
     "Budi Santoso\nDirektur, PT Andalas Karya Teknik", ["PT Riau Sawit Lestari"]),
])
def test_a_formal_closing_opens_the_writers_signature(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("本公司財務總監陳嘉欣已整理單據。買家順豐貿易有限公司至今未付款。", ["順豐貿易有限公司"]),
    ("我方派驻的总经理刘洋无法签字，越方股东Công ty Cổ phần Sông Xanh扣押了公章。", ["Công ty Cổ phần Sông Xanh"]),
    ("我们的 QA manager Lim Wei Jie 去工厂检查过，供应商东莞宏达电子有限公司拒绝退货。", ["东莞宏达电子有限公司"]),
    # The client's own people in dispute with it are the other side.
    ("我们的销售经理王志明离职后带走了客户资料。", ["王志明"]),
])
def test_the_clients_own_staff_named_in_chinese_are_no_counterparty(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("我们是 Lumen Optics Pte. Ltd.（Singapore），2024年从 Ningbo Sunrise Glass Co., Ltd. 采购了镜片。",
     ["Ningbo Sunrise Glass Co., Ltd."]),
    ("他10月已加入新加坡的 Vertex Lasers Pte. Ltd.，带走了图纸。", ["Vertex Lasers Pte. Ltd."]),
    ("他跳槽去了竞争对手深圳恒信物流有限公司。", ["深圳恒信物流有限公司"]),
])
def test_a_latin_name_does_not_run_into_chinese_words(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize("text, expected", [
    # The other side's staff and subsidiaries, named after the client's words.
    ("我司找过他们的经理王磊，他答应月底付款。", ["王磊"]),
    ("对方通过其子公司香港恒富投资有限公司转移了资产。", ["香港恒富投资有限公司"]),
    ("我司想起诉对方子公司上海宏达物流有限公司。", ["上海宏达物流有限公司"]),
    # A target or a partner company the client names as "our … company".
    ("Our target company is Alpha Trading Sdn Bhd.", ["Alpha Trading Sdn Bhd."]),
    # A form of the other side's details, a table row of fields.
    ("Details of the other party:\nCompany: Ace Trading Pte Ltd", ["Ace Trading Pte Ltd"]),
    ("Respondent: Orion Foods Sdn Bhd | Claim: RM 300,000 | Due: March", ["Orion Foods Sdn Bhd"]),
    # An employee suing its employer.
    ("Tôi là nhân viên Công ty TNHH May Việt Tiến, công ty đã sa thải tôi trái luật.", ["Công ty TNHH May Việt Tiến"]),
    # A provider whose dispute comes after a semicolon, and the client's new partner in a deal.
    ("Our insurer, Pacific Orient Insurance Berhad, appointed a surveyor; six months on the claim was rejected.",
     ["Pacific Orient Insurance Berhad"]),
    ("We are signing a distribution agreement with our new distributor, Blue Harbour Foods Co., Ltd.",
     ["Blue Harbour Foods Co., Ltd."]),
])
def test_the_other_side_named_near_the_clients_words_stays_the_other_side(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("对方董事张伟先生拒绝付款。", ["张伟"]),
    ("供应商老板李明辞职了，货款没人管。", ["李明"]),
    ("业主陈大文先生要求加租。", ["陈大文"]),
])
def test_a_chinese_name_ends_before_the_word_after_it(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize(("text", "screened", "dead"), [
    ("Ayah saya, arwah Ismail Hassan, meninggalkan rumah di Shah Alam. Abang saya, Rosli Ismail, enggan menjualnya.",
     ["Rosli Ismail"], "Ismail Hassan"),
    ("Mẹ tôi, bà Nguyễn Thị Lan, đã qua đời năm ngoái. Dì tôi Nguyễn Thị Hoa đang giữ sổ đỏ.",
     ["Nguyễn Thị Hoa"], "Nguyễn Thị Lan"),
    ("My uncle Chan Tai Man passed away in March and my cousin Chan Ka Ho will not release the flat.",
     ["Chan Ka Ho"], "Chan Tai Man"),
    ("The estate of the late Mr. Goh Boon Keng is held up: his business partner Lee Soo Hock disputes the shares.",
     ["Lee Soo Hock"], "Goh Boon Keng"),
])
def test_a_dead_relative_is_named_but_not_screened(text, screened, dead):
    found = resolve_request("Question", text)
    assert found.counterparties == screened
    assert dead in found.set_aside_parties or dead not in " ".join(found.counterparties)


def test_a_dead_relative_read_as_a_person_is_offered_on_the_check_step_unticked():
    found = resolve_request("Question",
                            "My late father, Mr. Ong Kah Seng, left a shophouse; Tan Mei Ling refuses to sign.")
    assert found.counterparties == ["Tan Mei Ling"]
    assert found.set_aside_parties == ["Ong Kah Seng"]


def test_a_second_role_word_before_a_chinese_name_is_not_read_as_a_name():
    found = resolve_request("Question", "租約由業主董事何志強先生簽署，業主而家要收返舖位。")
    assert found.counterparties == ["何志強"]


@pytest.mark.parametrize("letter", [
    "CÔNG TY TNHH NÔNG SẢN MIỀN TÂY\nSố: 112/2026/CV-MT\nV/v: khởi kiện\n"
    "Công ty TNHH Xuất nhập khẩu Hòa Bình chưa thanh toán 2 tỷ đồng tiền hàng.",
    "Harbourfront Packaging Pte. Ltd.\nOur ref: HP/LEG/2026/04\n"
    "Hoa Binh Import Export Co., Ltd has not paid our invoices since June.",
])
def test_the_company_on_a_letterhead_is_the_writer(letter):
    assert resolve_request("Question", letter).counterparties in (["Công ty TNHH Xuất nhập khẩu Hòa Bình"],
                                                                   ["Hoa Binh Import Export Co., Ltd"])


@pytest.mark.parametrize(("text", "screened", "aside"), [
    ("Đại lý SHTT của bên em là Công ty Luật TNHH Minh Khang. Công ty TNHH Hồng Phát đã đăng ký nhãn hiệu của "
     "chúng tôi.", ["Công ty TNHH Hồng Phát"], ["Công ty Luật TNHH Minh Khang"]),
    ("北京市金杜律师事务所代表对方发来律师函，广州市恒达贸易有限公司要求赔偿。",
     ["广州市恒达贸易有限公司"], ["北京市金杜律师事务所"]),
])
def test_a_law_firm_acts_for_a_side_and_is_not_screened(text, screened, aside):
    found = resolve_request("Question", text)
    assert found.counterparties == screened
    assert found.set_aside_parties == aside


def test_solicitors_acting_for_a_company_do_not_make_it_the_client():
    text = "We received a letter of demand from Messrs Lee & Tan acting for Borneo Timber Sdn Bhd over the logs."
    assert [name.rstrip(".") for name in resolve_request("Question", text).counterparties] == ["Borneo Timber Sdn Bhd"]


@pytest.mark.parametrize(("text", "screened"), [
    ("I am the CFO of Riverbend Foods Pte. Ltd. Our distributor Kim Long Trading JSC stopped paying.",
     ["Kim Long Trading JSC"]),
    ("I'm the DPO of Lotus Pay Sdn Bhd. Our vendor CloudPeak Hosting Sdn Bhd leaked the data.",
     ["CloudPeak Hosting Sdn Bhd"]),
])
def test_a_writer_giving_its_title_of_a_company_names_the_client(text, screened):
    assert resolve_request("Question", text).counterparties == screened


def test_an_employee_naming_its_employer_may_still_be_against_it():
    text = "I am the operations manager of Delta Foods Sdn Bhd and they terminated me without notice."
    assert resolve_request("Question", text).counterparties == ["Delta Foods Sdn Bhd"]


@pytest.mark.parametrize(("title", "text", "screened"), [
    ("Mr Ong refuses to pay", "My tenant Ong Kah Seng owes four months of rent.", ["Ong Kah Seng"]),
    ("告前員工", "前銷售經理李志明帶走咗客戶名單，李生而家喺對手公司做。", ["李志明"]),
])
def test_a_surname_with_a_title_is_the_person_the_text_names_in_full(title, text, screened):
    assert resolve_request(title, text).counterparties == screened


@pytest.mark.parametrize(("text", "screened"), [
    ("We delivered 40 tonnes of steel to Mr. Heng Sovann and he has not paid.", ["Heng Sovann"]),
    ("担保人张建国及其配偶刘芳拒绝履行保证责任。", ["张建国", "刘芳"]),
    ("繼母黃美華話份遺囑係假嘅。", ["黃美華"]),
    ("地主 Somchai Kaewmanee 不肯过户。", ["Somchai Kaewmanee"]),
    ("货交给了合作伙伴 Min Thant Zaw（中文名李明德）代卖，他一直不结账。", ["Min Thant Zaw", "李明德"]),
])
def test_people_named_after_a_role_or_in_a_sentence_to_them_are_screened(text, screened):
    assert resolve_request("Question", text).counterparties == screened


@pytest.mark.parametrize(("text", "screened"), [
    ("Cong ty chung toi vay Ngan hang TMCP Dong Phuong 30 ty, nay ngan hang doi phat mai nha xuong.",
     ["Ngan hang TMCP Dong Phuong"]),
    ("Ngân hàng Nhà nước yêu cầu báo cáo khoản vay. Công ty TNHH Hải Vân chưa trả nợ.", ["Công ty TNHH Hải Vân"]),
])
def test_a_vietnamese_bank_is_named_by_its_prefix_but_the_central_bank_is_no_party(text, screened):
    assert resolve_request("Question", text).counterparties == screened


def test_a_vietnamese_name_after_a_capitalised_unmarked_ong_or_ba_is_a_person():
    text = "- Ben cho thue: Cong ty TNHH Phu Gia\n- Ong Vo Thanh Son, giam doc ben cho thue, da ky cam ket hoan coc."
    assert resolve_request("Question", text).counterparties == ["Cong ty TNHH Phu Gia", "Vo Thanh Son"]
    text = "- Chu nha: Ba Dang Thi Hoa, da lay lai mat bang ma khong tra coc."
    assert resolve_request("Question", text).counterparties == ["Dang Thi Hoa"]
    assert resolve_request("Question", "Ong Siew Lan refuses to pay the rent.").counterparties == ["Ong Siew Lan"]


@pytest.mark.parametrize(("text", "screened"), [
    ("越方股东推荐的裴文山（Bùi Văn Sơn）拒绝交出公章。", ["裴文山", "Bùi Văn Sơn"]),
    ("Chồng cũ của tôi là Hoàng Minh Đức (tên chữ Hán là 黄明德), anh ấy giữ sổ đỏ.", ["Hoàng Minh Đức", "黄明德"]),
])
def test_a_vietnamese_name_and_its_chinese_characters_are_one_person_named_twice(text, screened):
    assert sorted(resolve_request("Question", text).counterparties) == sorted(screened)


@pytest.mark.parametrize(("text", "screened"), [
    ("ผู้รับเหมาช่วงคือ ห้างหุ้นส่วนจำกัด นครปฐมวิศวกรรม ทิ้งงานไปแล้ว", ["ห้างหุ้นส่วนจำกัด นครปฐมวิศวกรรม"]),
    ("เราจ่ายมัดจำให้ หจก. รุ่งโรจน์ค้าไม้ แต่ไม่ได้ของ", ["หจก. รุ่งโรจน์ค้าไม้"]),
])
def test_a_thai_limited_partnership_is_a_party(text, screened):
    assert resolve_request("Question", text).counterparties == screened


def test_a_lao_bank_is_named_from_its_own_opener_not_the_clients_company_before_it():
    text = "ບໍລິສັດຂອງພວກເຮົາ ກູ້ເງິນຈາກ ທະນາຄານ ພັດທະນາລາວ ມະຫາຊົນ ແລະ ຕອນນີ້ທະນາຄານຈະຂາຍທອດຕະຫຼາດ."
    assert resolve_request("Question", text).counterparties == ["ທະນາຄານ ພັດທະນາລາວ ມະຫາຊົນ"]


@pytest.mark.parametrize(("text", "screened"), [
    # A first word that is also an English auxiliary or a Vietnamese surname stays in the name.
    ("Can Tho Seafood Joint Stock Company has not paid for the shrimp.", ["Can Tho Seafood Joint Stock Company"]),
    # "mất" alone is also "lose": a person who lost a job or contact is alive and may be the other side.
    ("Ông Nguyễn Văn An mất liên lạc từ tháng 5 và chưa trả nợ cho công ty.", ["Nguyễn Văn An"]),
    ("Payment came late. Mr. Lim Boon Heng said he would pay in June.", ["Lim Boon Heng"]),
    # A state utility is a party, never a term.
    ("PT Perusahaan Listrik Negara (Persero) belum membayar tagihan kami.", ["PT Perusahaan Listrik Negara (Persero)"]),
    # An address line under a company's name is no reference number: the company is not the writer's.
    ("Tan Holdings Pte Ltd\nNo. 12 Jalan Ampang\nThey owe us money.", ["Tan Holdings Pte Ltd"]),
    # A Thai partnership form with no name after it is no party.
    ("อยากจดทะเบียนห้างหุ้นส่วนจำกัดครับ", []),
])
def test_words_near_a_name_that_look_like_markers_do_not_change_it(text, screened):
    assert resolve_request("Question", text).counterparties == screened


@pytest.mark.parametrize(("text", "screened"), [
    # The client's own staff after "our <title>"; its own company after "we are the … division of", or named in
    # apposition to what it is.
    ("Our former sales director, Marcus Goh Wei Liang, joined Bluewake Logistics Pte Ltd. Our IT manager, Daniel "
     "Ong, has the logs.", ["Marcus Goh Wei Liang", "Bluewake Logistics Pte Ltd."]),
    ("Our property manager Made Suartana wants a cleaner lease template.", []),
    ("We are the corporate banking division of PT Bank Arta Jaya Tbk. The borrower, Pelangi Holdings Pte. Ltd., "
     "defaulted.", ["Pelangi Holdings Pte. Ltd."]),
    ("We are a Hong Kong garment buyer, Crestmoor Apparel Sourcing Limited. Hoang Phat JSC shipped defective "
     "goods.", ["Hoang Phat JSC"]),
    ("We are a Singapore studio (Paper Lantern Games Pte Ltd) launching a game in Indonesia.", []),
    # 我们采购经理X: the client's staff after a bare possessive too; a Latin name after Chinese keeps its first word.
    ("今年4月从吉隆坡的Perkasa Jentera Sdn Bhd买了6台挖掘机。我们采购经理邓志明给对方发了很多邮件，对方不回。",
     ["Perkasa Jentera Sdn Bhd"]),
    # A person "called" X after a role: 業主叫X, 老闆叫X.
    ("樓上業主叫鄭國榮，半年都冇整好啲喉，想佢賠返維修費。", ["鄭國榮"]),
    ("我叫佢老闆賠錢，佢話唔關佢事。", []),
    # Staff in dispute with the client stay the other side, a title's dot ending no sentence.
    ("We want to terminate our Sales Director, Mr. Daniel Koh, and he may claim for unfair dismissal.",
     ["Daniel Koh"]),
    ("Our finance manager, Lim Mei Ling, embezzled RM500,000 from the company.", ["Lim Mei Ling"]),
    ("Our sales manager, Nguyen Van Binh, resigned and joined a competitor with our customer list.",
     ["Nguyen Van Binh"]),
    # An employee's title names its employer, who may be the other side.
    ("I am the general manager of Golden Harbour Hotel Pte Ltd; the owners terminated me and refuse to pay my "
     "bonus.", ["Golden Harbour Hotel Pte Ltd"]),
])
def test_the_clients_staff_and_its_own_company_described_are_not_screened(text, screened):
    assert resolve_request("Question", text).counterparties == screened


@pytest.mark.parametrize(("description", "screened", "aside"), [
    ("Our customer Pacific Reef Trading Ltd was wound up last month. The provisional liquidators, Mr Daniel Chow "
     "and Ms Fiona Leung, ask us to file a proof of debt.", ["Pacific Reef Trading Ltd"],
     ["Daniel Chow", "Fiona Leung"]),
    ("深圳云帆科技有限公司拖欠我们服务费。我们的财务经理李芳和法务总监王刚负责跟进。",
     ["深圳云帆科技有限公司"], []),
    ("The buyer Kedai Jaya Makmur Sdn Bhd has not paid the last shipment. Payment was to come by L/C through Bank "
     "Seri Wangsa Berhad.", ["Kedai Jaya Makmur Sdn Bhd"], ["Bank Seri Wangsa Berhad"]),
    ("Bên mua là Công ty TNHH Thương mại Hòa Phát Đạt chưa thanh toán; tiền hàng chuyển qua Ngân hàng TMCP Bình Minh.",
     ["Công ty TNHH Thương mại Hòa Phát Đạt"], ["Ngân hàng TMCP Bình Minh"]),
])
def test_people_joined_to_a_role_and_banks_money_passes_through_are_no_counterparties(description, screened, aside):
    found = resolve_request("Unpaid", description)
    assert found.screened_counterparties == screened
    assert all(name in found.set_aside_parties for name in aside)


def test_a_bank_the_money_passed_through_is_the_other_side_when_in_dispute_with_it():
    found = resolve_request("Refund", "We paid the supplier through Bank Seri Wangsa Berhad, which now refuses to "
                                      "refund the duplicate transfer.")
    assert "Bank Seri Wangsa Berhad" in found.screened_counterparties


@pytest.mark.parametrize(("description", "staff"), [
    ("Công ty TNHH Cơ khí Hòa Bình giao máy lỗi. Giám đốc chúng tôi, ông Nguyễn Văn Thành, đã gửi thư yêu cầu bồi "
     "thường.", "Nguyễn Văn Thành"),
    ("Kami mahu ambil 40 pekerja asing. Pengurus Sumber Manusia kami, Puan Dayang Nurul Huda, sudah berhubung dengan "
     "agensi PT Khatulistiwa Tenaga Mandiri.", "Dayang Nurul Huda"),
])
def test_the_clients_own_staff_named_in_vietnamese_or_malay_are_no_counterparties(description, staff):
    assert staff not in resolve_request("Question", description).screened_counterparties


@pytest.mark.parametrize("description", [
    "Bekas pengurus ladang kami, Encik Rashid bin Omar, telah dibuang kerja dan kini menuntut gaji.",
    "Manajer gudang kami, Bapak Yohanes Siregar, diduga menggelapkan 4.000 rol kain.",
])
def test_own_staff_in_dispute_or_former_staff_are_counterparties(description):
    found = resolve_request("Question", description)
    assert any(name in found.screened_counterparties for name in ("Rashid bin Omar", "Yohanes Siregar"))


@pytest.mark.parametrize(("description", "name"), [
    ("我们是新加坡的公司，供应商金龙私人有限公司收了订金后一直不交货，想起诉他们。", "金龙私人有限公司"),
    ("我们的客户宏发私人有限公司（马来西亚）拖欠我们货款80万令吉，请问怎样追讨？", "宏发私人有限公司"),
])
def test_a_chinese_name_of_a_sdn_bhd_or_pte_ltd_is_screened(description, name):
    assert name in resolve_request("追讨", description).screened_counterparties


@pytest.mark.parametrize(("text", "own", "other"), [
    ("我係深水埗一間茶餐廳嘅老闆，公司叫「福滿樓餐飲有限公司」。而家欠業主「永興置業有限公司」三個月租。",
     "福滿樓餐飲有限公司", "永興置業有限公司"),
    ("Our Hong Kong trading subsidiary, Linkway Components (HK) Limited, sold controllers to Bintang Automasi Sdn Bhd, "
     "which has not paid.", "Linkway Components (HK) Limited", "Bintang Automasi Sdn Bhd"),
])
def test_the_name_the_writer_gives_its_own_business_is_not_screened(text, own, other):
    screened = resolve_request("Request", text).screened_counterparties
    assert not any(own in name for name in screened) and any(other in name for name in screened)


def test_the_employer_an_employee_names_is_still_the_other_side():
    text = "我喺觀塘一間裝修公司做咗六年師傅，公司叫永興裝飾工程有限公司。老闆三個月冇出糧。"
    assert any("永興裝飾工程有限公司" in name for name in resolve_request("欠人工", text).screened_counterparties)


@pytest.mark.parametrize(("text", "relative", "other"), [
    ("我阿媽喺「頤康護老院有限公司」跌親，院舍過咗六個鐘先叫救護車。我同細佬陳家豪想追討賠償。", "陳家豪",
     "頤康護老院有限公司"),
])
def test_a_relative_who_claims_with_the_writer_is_no_counterparty(text, relative, other):
    screened = resolve_request("追討賠償", text).screened_counterparties
    assert relative not in screened and other in screened


def test_a_relative_the_writer_fights_is_still_the_other_side():
    screened = resolve_request("遗产", "我和弟弟李志明为遗产吵了一年，他不肯分房子。").screened_counterparties
    assert any("李志明" in name for name in screened)


@pytest.mark.parametrize("text, expected", [
    ("Hi, my name is Jasmine Koh, finance manager at Tembusu Kitchen Systems Pte. Ltd. Our buyer Seri Tempawan "
     "Hardware Sdn. Bhd. has not paid.", ["Seri Tempawan Hardware Sdn. Bhd."]),
    ("Good day po. I am Ma. Cristina Villaflor, admin head of Visayan Coldchain Logistics Corp. Our insurer, Kalasag "
     "Mutual Insurance Corp., denied the claim.", ["Kalasag Mutual Insurance Corp."]),
    ("Hi, this is Nicholas Chia, Head of Operations at Lumen Dental Group Pte. Ltd. Our IT vendor CloudNest Pte Ltd "
     "exposed the patient data.", ["CloudNest Pte Ltd"]),
    ("您好，我是佛山市顺德区华锐电器有限公司外贸部的黄经理。香港客户恒昌五金贸易有限公司拖欠货款。",
     ["恒昌五金贸易有限公司"]),
    # An employee's employer may well be the other side.
    ("My name is Juan Cruz, a waiter at Marina Bay Hotel Pte. Ltd. They have not paid my wages for 3 months.",
     ["Marina Bay Hotel Pte. Ltd."]),
])
def test_the_company_a_writer_works_at_is_its_own(text, expected):
    assert resolve_request("", text).screened_counterparties == expected


@pytest.mark.parametrize("text, expected", [
    ("Our cafe was locked out by the landlord Kallang Pointe Properties Pte. Ltd. Our sister company also rents a unit "
     "from Eastview Mall Management Pte Ltd, that one no problem.", ["Kallang Pointe Properties Pte. Ltd."]),
    ("Mantan karyawan kami menggugat. Gudang kami sewa dari PT Gudang Perak Abadi, tidak ada masalah dengan mereka. "
     "Pembeli PT Sinar Jaya belum bayar.", ["PT Sinar Jaya"]),
    ("裝修判咗俾珠海市匠心裝飾工程有限公司，佢哋收咗錢走佬。商場業主橫琴天匯商業管理有限公司好好人，肯延遲起租。",
     ["珠海市匠心裝飾工程有限公司"]),
    # A party the sentence also quarrels with stays: "no problem with the goods, but refused to pay".
    ("Delta Foods Sdn Bhd said no problem with the goods but then refused to pay.", ["Delta Foods Sdn Bhd"]),
])
def test_a_party_the_writer_says_it_has_no_quarrel_with_is_not_screened(text, expected):
    assert resolve_request("", text).screened_counterparties == expected


@pytest.mark.parametrize("text, expected", [
    ("Our main contractor, Hoang Long Construction JSC, has left the site. Mr Alvin Seow is our project director; "
     "Mr Tran Minh Duc is our site manager.", ["Hoang Long Construction JSC"]),
    ("Our IT vendor CloudNest Pte Ltd exposed the records. Internally our DPO Ms Farah Ismail is coordinating.",
     ["CloudNest Pte Ltd"]),
    ("Awang Rosli bin Tahir shut us out of the company. Our nominee director there, Mr. Kenneth Lau, was taken off "
     "the bank mandate.", ["Awang Rosli bin Tahir"]),
    # "Our agent" may be the one in dispute: it stays screened.
    ("Our local agent, Siam Power Link Co., Ltd., has asked for a success fee of 4%.", ["Siam Power Link Co., Ltd."]),
])
def test_the_clients_own_staff_named_before_or_after_their_post_are_not_screened(text, expected):
    assert resolve_request("", text).screened_counterparties == expected


@pytest.mark.parametrize("text, expected", [
    ("Eastwind Shipping Co., Ltd. issued the bills of lading. The surveyor we instructed, Harbour Survey Services, "
     "found holes in the roofs.", ["Eastwind Shipping Co., Ltd."]),
    ("Our insurer, Kalasag Mutual Insurance Corp., denied the claim. The adjuster they appointed, Tristar Adjusters "
     "Inc., came three weeks late.", ["Kalasag Mutual Insurance Corp."]),
    ("Seri Tempawan Hardware Sdn. Bhd. bounced its cheque. Our usual lawyers here, Kwek Lim LLC, cannot appear in "
     "Malaysia.", ["Seri Tempawan Hardware Sdn. Bhd."]),
    ("Mantan kepala gudang kami, Sdr. Rizky Aditya Pratama, menggugat ke PHI. Konsultan SDM kami, PT Talenta Solusi, "
     "sudah menyiapkan dokumen.", ["Rizky Aditya Pratama"]),
])
def test_providers_someone_engaged_are_not_screened(text, expected):
    assert resolve_request("", text).screened_counterparties == expected


@pytest.mark.parametrize("text, expected", [
    ("我们是东莞市长安镇的港资企业东莞威达精密五金有限公司。保险公司华南联合财产保险股份有限公司拒赔。",
     ["华南联合财产保险股份有限公司"]),
    ("各位好，本公司係香港嘅楓林家品有限公司（Maplewood Homeware Limited）。我們向東莞市永利塑膠製品有限公司索償。",
     ["東莞市永利塑膠製品有限公司"]),
    ("你好，我哋係香港一間做食品進口嘅公司——寶盈食品貿易有限公司。富麗銀行(香港)有限公司突然收返貸款。",
     ["富麗銀行(香港)有限公司"]),
    ("去年我们通过香港的兄弟公司宏锐实业（香港）有限公司，把电饭煲卖给恒昌五金贸易有限公司，对方只付了30%。",
     ["恒昌五金贸易有限公司"]),
    ("Dear Sirs, I am writing for Meranti Cove Developments Pte. Ltd., the developer. Our contractor, Hoang Long "
     "Construction JSC, has left the site.", ["Hoang Long Construction JSC"]),
])
def test_the_writers_own_company_told_in_a_description_of_itself_is_not_screened(text, expected):
    assert resolve_request("", text).screened_counterparties == expected


@pytest.mark.parametrize("text, expected", [
    ("Dear Centre,\n\nTri-Sea Haulage Pte. Ltd. (Singapore) has held 35% of Shwe Yadanar Transport Co., Ltd. since "
     "2019. The majority shareholder sold the trucks we contributed.", ["Shwe Yadanar Transport Co., Ltd."]),
    ("Dear Sir/Madam,\n\nPinecrest Apparel (HK) Limited shipped four containers under bills of lading issued by "
     "Eastwind Shipping Co., Ltd. Two arrived with seawater damage; we want to claim.",
     ["Eastwind Shipping Co., Ltd."]),
    # Another party's wrong, or "they" after it, keeps the opening name screened.
    ("Dear Sir, Apex Trading Sdn Bhd has refused to pay for the goods we delivered in March.",
     ["Apex Trading Sdn Bhd"]),
    ("Hi, Kenari Haulage Sdn Bhd is a distributor in KL. They owe us RM50k.", ["Kenari Haulage Sdn Bhd"]),
])
def test_the_writers_company_telling_its_story_in_the_third_person_is_its_own(text, expected):
    assert resolve_request("", text).screened_counterparties == expected


@pytest.mark.parametrize(("text", "screened"), [
    # The writer's senior title before its own company, and a regulator with the topic it rules on.
    ("I am the Group CFO of Kinta Rubber Products Berhad. Our distributor Lembah Trading Sdn Bhd owes us RM 2m.",
     ["Lembah Trading Sdn Bhd"]),
    ("I'm Regional Counsel of Orchid Lane Retail Pte. Ltd.; we need advice under the Bank Negara Malaysia FX notices.",
     []),
    # A Thai writer introducing itself, its post and its company; the other side named after it.
    ("กระผม นายสมศักดิ์ ทองดี ผู้จัดการฝ่ายกฎหมาย บริษัท ขอนแก่น ฟู้ด จำกัด ขอให้ช่วยทวงหนี้จาก บริษัท วังเวียง เทรดดิ้ง จำกัด",
     ["บริษัท วังเวียง เทรดดิ้ง จำกัด"]),
])
def test_the_writers_title_company_and_thai_self_introduction_are_not_screened(text, screened):
    assert resolve_request("Question", text).counterparties == screened


@pytest.mark.parametrize(("text", "screened"), [
    ("我们是成都的一家火锅连锁品牌（四川蜀味轩餐饮管理有限公司），国内有80多家门店。"
     "计划进入马来西亚，授权给 Golden Spoon F&B Sdn. Bhd. 做特许经营。", ["Golden Spoon F&B Sdn. Bhd."]),
    ("Good day po! Kami po ay licensed recruitment agency dito sa Makati (Bayanihan Manpower Services Inc.). Gusto po "
     "naming mag-open ng agency sa Hong Kong kasama si Lily Chan Wai Man.", ["Lily Chan Wai Man"]),
    # A counterparty's other name in brackets is still the counterparty's.
    ("我们是做PCB的，HK customer 恒昌電子貿易有限公司 (Hang Cheong Electronics Trading Limited) 欠我们货款。",
     ["恒昌電子貿易有限公司", "Hang Cheong Electronics Trading Limited"]),
    ("Good day! I'm planning to put up a corporation here in Davao City with my business partner Lin Jianguo (林建国).",
     ["Lin Jianguo", "林建国"]),
])
def test_the_writers_own_business_named_in_brackets_after_its_description_is_not_screened(text, screened):
    assert resolve_request("Request", text).screened_counterparties == screened
