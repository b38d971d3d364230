"""Parties named in a request's text: companies by legal form in every script, people by role, never the client."""

import pytest

from legalnet.matching.conflicts import find_conflicts
from legalnet.matching.given_parties import merge_parties, short_form_of
from legalnet.matching.parties import find_parties
from legalnet.matching.resolver import resolve_request


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Our buyer Harbourline Cold Chain Pte. Ltd. refuses delivery.", ["Harbourline Cold Chain Pte. Ltd."]),
        ("Claim against Kota Emas Plantations Sdn Bhd for unpaid invoices.", ["Kota Emas Plantations Sdn Bhd"]),
        ("The lender is PT Bank Sentosa Raya Tbk and it called the bond.", ["PT Bank Sentosa Raya Tbk"]),
        ("We terminated PT Nusa Logistik Prima last month.", ["PT Nusa Logistik Prima"]),
        ("Supplier Golden Reed Trading (HK) Ltd delayed shipment.", ["Golden Reed Trading (HK) Ltd"]),
        ("Dispute with Mekong Riverside Agro Joint Stock Company over rice.",
         ["Mekong Riverside Agro Joint Stock Company"]),
        ("Invoice unpaid by Pacific Crest Hldgs, Inc. since May.", ["Pacific Crest Hldgs, Inc."]),
        # A Malaysian limited liability partnership (Perkongsian Liabiliti Terhad).
        ("The audit firm Ng & Partners PLT missed the fraud.", ["Ng & Partners PLT"]),
        ("Đối tác là Công ty TNHH Thực phẩm Sao Mai đã vi phạm hợp đồng.", ["Công ty TNHH Thực phẩm Sao Mai"]),
        ("คู่สัญญาคือ บริษัท ทองดี ค้าไม้ จำกัด ผิดสัญญา", ["บริษัท ทองดี ค้าไม้ จำกัด"]),
        ("供应商“宁波海纳精密铸造有限公司”拖欠交货。", ["宁波海纳精密铸造有限公司"]),
        ("我哋嘅客戶佛山興隆陶瓷有限公司欠款未還。", ["佛山興隆陶瓷有限公司"]),
        ("The seller, Tan Boon Huat, kept the deposit.", ["Tan Boon Huat"]),
        ("Our ex-employee Ms. Nguyen Thi Lan copied files.", ["Nguyen Thi Lan"]),
        ("The facility from Bank of Southern Asia is maturing.", ["Bank of Southern Asia"]),
        # Institutions by their kind, people in Chinese after a role or kin, a named shop, a name given.
        ("Bribes were paid to officers of Riverside Mercy General Hospital.", ["Riverside Mercy General Hospital"]),
        ("Our PSA with Leyte Highlands Electric Cooperative is late.", ["Leyte Highlands Electric Cooperative"]),
        ("我哋同業主林國強傾過，佢唔肯退按金。", ["林國強"]),
        ("公司的前员工赵志明带走了客户名单。", ["赵志明"]),
        ("有人喺旺角一間叫「金龍皮具行」嘅舖賣假貨。", ["金龍皮具行"]),
        ("He left last week. His name is Marcus Lee Wen Hao.", ["Marcus Lee Wen Hao"]),
        ("Our former employee Tran Minh Duc took the client list.", ["Tran Minh Duc"]),
        # Malay and Indonesian firms by their opening word, Vietnamese sole traders, Malay and Thai names.
        ("Syarikat Maju Jaya tidak bayar hutang kami.", ["Syarikat Maju Jaya"]),
        ("Kami menggugat UD Sumber Rejeki karena wanprestasi.", ["UD Sumber Rejeki"]),
        ("Bên thuê là Doanh nghiệp tư nhân Hoàng Long không trả tiền.", ["Doanh nghiệp tư nhân Hoàng Long"]),
        ("Encik Ahmad bin Ismail, our tenant, has not paid rent.", ["Ahmad bin Ismail"]),
        ("ผู้ซื้อคือ นายสมชาย ใจดี ไม่ยอมจ่ายเงิน", ["สมชาย ใจดี"]),
        ("The distributor, Mega Distribusi Utama, stopped ordering.", ["Mega Distribusi Utama"]),
        # The seller of what the client bought is a party; a given name may start with 小; a verb ends a name.
        ("We bought shares from Andaman Coast Resorts PCL in 2024.", ["Andaman Coast Resorts PCL"]),
        ("房东李小明不肯退押金。", ["李小明"]),
        ("香港商人陳大文欠我哋五十萬。", ["陳大文"]),
        ("我们的前员工王伟泄露了商业秘密。", ["王伟"]),
        # A name opened by its prefix ends at a closing bracket or a full stop, not at the next capital.
        ("Our distributor in Indonesia (PT Mega Distribusi Utama). Heard Indonesia has rules.",
         ["PT Mega Distribusi Utama"]),
        ("We sued PT Anugrah Samudra Investama. We lost.", ["PT Anugrah Samudra Investama"]),
        ("The lender, PT Bank Rakyat Indonesia (Persero) Tbk, called the loan.",
         ["PT Bank Rakyat Indonesia (Persero) Tbk"]),
        # An acronym before a full stop ends the sentence before a name; a legal form in capitals does not.
        ("Kami sudah berizin OJK. Shenzhen Lingyun Venture Capital Co., Ltd. akan masuk.",
         ["Shenzhen Lingyun Venture Capital Co., Ltd."]),
        ("ABC TRADING CO. LTD. owes us money.", ["ABC TRADING CO. LTD."]),
        # A sole trader's registered name ending in 商行; a shop of that kind is no name.
        ("主要卖家是广州市白云区驰速汽配商行，货源来自河北。", ["广州市白云区驰速汽配商行"]),
        ("我们向一间汽配商行买货，对方不退款。", []),
        # A hospital or clinic in its registered form, opening with its city; not one named as people speak of it.
        ("家父喺中山市康寧醫院做手術後離世，想追究醫療事故責任。", ["中山市康寧醫院"]),
        ("而家要喺瑪麗醫院做手術拎返個假體出嚟。", []),
        # A patient named in apposition.
        ("A patient, Chan Siu Ming, complained to the Medical Council.", ["Chan Siu Ming"]),
        # A group named by two words or more; not "the Group" or "Our Group".
        ("Now Guangzhou Huaying Education Group wants to buy 49% of our school. The Group has three schools.",
         ["Guangzhou Huaying Education Group"]),
        ("Our Group CFO asked us to check the Thai Labour Protection Act. Group staff are worried.", []),
        # People after a chairman, a son in Malay, a business partner or a controller in Chinese.
        ("Its president, Rodolfo M. Santiago, is threatening to file a case.", ["Rodolfo M. Santiago"]),
        ("Anak lelakinya, Rizal Effendi Siregar, kini menuduh hospital cuai.", ["Rizal Effendi Siregar"]),
        ("2021年借给生意伙伴 Tan Wei Ming（陈伟明）人民币380万。", ["Tan Wei Ming", "陈伟明"]),
        ("由其实际控制人 Hendra Wijaya 出任总裁董事。", ["Hendra Wijaya"]),
        # A name in Latin letters after a Thai role word; a Thai limited partnership is no role.
        ("ทำงานแม่บ้านที่ฮ่องกง นายจ้าง Chan Siu Ming ไม่จ่ายเงินเดือน", ["Chan Siu Ming"]),
        # People in Latin letters after a role in the plural, an appositive, a kin word with its possessive, a
        # word of another script, or Vietnamese tên; the writer's own name is no party.
        ("Sellers are the two founders, Budi Santoso and Hendra Wijaya, who will keep 30%.",
         ["Budi Santoso", "Hendra Wijaya"]),
        ("卖方是 founder Tan Ah Kow 和他太太 Lim Siew Lan。", ["Tan Ah Kow", "Lim Siew Lan"]),
        ("An ex-team leader, Ma. Cristina Dela Paz, filed a complaint.", ["Ma. Cristina Dela Paz"]),
        ("Bulan lalu kakak suami saya, Sugeng Prasetyo, mengajukan gugatan waris.", ["Sugeng Prasetyo"]),
        ("จดทะเบียนสมรสกับสามีชื่อ Desmond Tan Kok Leong เมื่อปี 2018", ["Desmond Tan Kok Leong"]),
        ("mot nguoi moi gioi ten Nguyen Thi Thu Hang o Ha Tinh gioi thieu", ["Nguyen Thi Thu Hang"]),
        ("Kính gửi luật sư, tôi tên là Nguyễn Văn Hậu, quê ở Nghệ An.", []),
        ("We met ten Singapore Companies last year.", []),
        ("Toi chuyen tien vao tai khoan ten TRAN VAN TUAN. Gio san khoa tai khoan.", ["TRAN VAN TUAN"]),
        ("Toi can ten MAS LICENCE REQUIRED.", []),
        ("The directors Mr Somchai Rattanakul and Mrs Pimchanok Rattanakul signed.",
         ["Somchai Rattanakul", "Pimchanok Rattanakul"]),
        # A number ends a prefixed name; people after a helper, a naming phrase or "local Chinese" in Chinese.
        ("收购一家铝挤压厂 PT Jaya Logam Perkasa 70%的股权。卖方是当地华人林国伟先生及其家族。",
         ["PT Jaya Logam Perkasa", "林国伟"]),
        ("我屋企菲傭 Maria Santos 做咗一年，話要去勞工處告我。", ["Maria Santos"]),
        ("去年在马尼拉认识一个叫王志强先生的人，说合伙开餐厅。", ["王志强"]),
        ("我同個friend 黃家俊 合份喺旺角開糖水舖，佢將啲錢全部轉走咗。", ["黃家俊"]),
        # A Vietnamese name ends at a full stop; a fund named in Vietnamese.
        ("Em là kế toán cho Công ty Cổ phần Công nghệ Giáo dục Sao Việt. Quỹ Lion Peak Ventures Fund II (Singapore) "
         "sẽ dẫn dắt vòng Series A.",
         ["Công ty Cổ phần Công nghệ Giáo dục Sao Việt", "Quỹ Lion Peak Ventures Fund II"]),
        # A statute named like a company is no party.
        ("Please advise under the Lao Enterprise Law whether we can remove the director.", []),
    ],
)
def test_parties_are_found_by_legal_form_or_role(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "We are Lotus Bay Foods Pte. Ltd., a Singapore caterer, and need a Thai lawyer.",
        "Our subsidiary Harbour Star Logistics Sdn Bhd needs a new lease.",
        "我们是深圳启明星电子有限公司，想在越南设厂。",
        "We acquired 80% of Delta Cane Sugar Co., Ltd. last year and found tax problems.",
        "我们想在澳门注册一间有限公司。",
        "Need a lawyer for a contract with a Thai supplier.",
        # A title in place of a given name: Miss Chen, Mr Chan, boss Wang.
        "房东陈小姐不肯退押金。",
        "業主陳生唔肯還按金。",
        "客户王总拖欠货款。",
    ],
)
def test_the_client_itself_and_kinds_of_company_are_not_parties(text):
    assert find_parties(text) == []


def test_names_that_are_only_vocabulary_terms_are_not_parties():
    resolution = resolve_request("PT PMA set-up", "We want to set up a PT PMA in Batam, or maybe a Brunei Sdn Bhd.")
    assert resolution.counterparties == []


def test_a_given_short_form_gives_way_to_the_full_name_in_the_text():
    given, added = merge_parties(["PT NLP", "Acme Widgets Ltd"], ["PT Nusa Logistik Prima"])
    assert given == ["Acme Widgets Ltd"]
    assert added == ["PT Nusa Logistik Prima"]
    assert short_form_of("Sao Mai", "Công ty TNHH Thực phẩm Sao Mai")
    assert not short_form_of("Sao Mai", "Harbourline Cold Chain Pte. Ltd.")


@pytest.mark.parametrize("given, full", [
    ("Mr Hung", "Trần Văn Hưng"),
    ("Nanyue Fuel (buyer)", "Guangzhou Nanyue Fuel Trading Co., Ltd."),
    ("Encik Kader", "Kader bin Mohamed Ibrahim"),
    ("Meijia SZ", "Shenzhen Meijia Furniture Co., Ltd"),
    ("Golden Harvest HK", "Golden Harvest Trading Limited"),
])
def test_a_given_short_form_with_an_honorific_or_a_role_in_brackets_gives_way(given, full):
    assert merge_parties([given], [full]) == ([], [full])


@pytest.mark.parametrize("text, expected", [
    ("ธนาคารผู้ให้สินเชื่อโครงการคือ ธนาคารบูรพาพัฒนา จำกัด (มหาชน) เรียกร้องให้ชำระหนี้", ["ธนาคารบูรพาพัฒนา จำกัด (มหาชน)"]),
    ("บริษัท จันทบุรี โกลด์ฟรุต จำกัด ส่งออกทุเรียน เราส่งเอกสารผ่านธนาคารของเราเอง คือ ธนาคารสยามรุ่งเรือง จำกัด (มหาชน) "
     "สาขาจันทบุรี ไปยังผู้ซื้อ", ["บริษัท จันทบุรี โกลด์ฟรุต จำกัด"]),
])
def test_a_thai_name_opens_at_its_own_bank_or_company_word(text, expected):
    assert resolve_request("", text).counterparties == expected


@pytest.mark.parametrize("text, expected", [
    ("cty minh o Binh Duong, bi cty Huaxin Packaging kien o toa Quang Chau.", ["cty Huaxin Packaging"]),
    ("Cty TNHH Minh Long kiện chúng tôi.", ["Cty TNHH Minh Long"]),
    ("Chúng tôi bán hàng cho cty TQ, khách hàng là cong ty Trung Quoc o Quang Chau.", []),
    ("Vay ngan hang Han Quoc, ban cho công ty Hàn Quốc.", []),
])
def test_cty_abbreviates_cong_ty_and_a_company_of_a_place_is_no_name(text, expected):
    assert resolve_request("", text).counterparties == expected


@pytest.mark.parametrize("text, expected", [
    ("our 商标 在越南被 Minh Long Cosmetics 抢注了，还在网上卖仿货，how to cancel?", ["Minh Long Cosmetics"]),
    ("我和陈志华合伙在横琴开的公司，现在他不给我看账本也不分红，能起诉吗？", ["陈志华"]),
    ("我同老公想离婚，我们公司被市场监管局罚款。", []),
])
def test_the_agent_of_a_chinese_passive_and_the_writers_partner_are_named_parties(text, expected):
    assert resolve_request("", text).counterparties == expected


def test_a_place_beside_a_short_name_does_not_make_it_another_party():
    assert not short_form_of("Acme HK", "Harbour Crest Ltd")
    assert not short_form_of("HK SZ", "Shenzhen Hong Kong Trading Ltd")


def test_a_person_named_again_by_honorific_and_given_name_is_screened_once():
    text = ("Binili ko ang lote mula kay Ernesto de los Santos. Sabi nila binenta rin daw sa kanila ni Mang Ernesto. "
            "Rakan kongsi saya, Encik Kader bin Mohamed Ibrahim, tukar kunci gerai. Encik Kader kata saya pekerja.")
    assert resolve_request("", text).counterparties == ["Ernesto de los Santos", "Kader bin Mohamed Ibrahim"]


def test_a_client_that_introduces_itself_with_a_contraction_is_not_a_party():
    text = "Hi,\n\nWe're Tembusu Steel Supply Pte. Ltd., a Singapore trader. PT Sinar Baja Perkasa Tbk owes us money."
    assert resolve_request("", text).counterparties == ["PT Sinar Baja Perkasa Tbk"]


def test_the_screened_names_are_the_given_and_the_found_ones():
    resolution = resolve_request(
        "Unpaid invoices", "Our customer Riverstone Timber Co., Ltd. owes us THB 2m; sue in Bangkok.",
        counterparties=["Riverstone Timber Co Ltd", "Lim Boon Keng"],
    )
    assert resolution.screened_counterparties == ["Lim Boon Keng", "Riverstone Timber Co., Ltd."]
    assert resolution.as_dict()["counterparties"] == resolution.screened_counterparties


@pytest.mark.parametrize("text", [
    "ต้องการทนายที่พูดภาษาจีนได้",  # ทนาย (lawyer) ends in นาย
    "นายจ้างไม่จ่ายค่าชดเชย",  # นายจ้าง: the employer
])
def test_thai_words_that_contain_a_title_are_not_names(text):
    assert find_parties(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("项目在印尼，当地合作方是PT Sulawesi Mineral Jaya，由其提供土地。", "PT Sulawesi Mineral Jaya"),
    ("2019年与缅甸合伙人U Kyaw Min在曼德勒合资设立了一家家具厂。", "U Kyaw Min"),
    ("我哋請咗個印尼姐姐 Siti Rahayu 做咗兩年。", "Siti Rahayu"),
    ("我老公 David Tan 想离婚。", "David Tan"),
])
def test_latin_names_written_inside_chinese_are_found(text, name):
    assert find_parties(text) == [name]


def test_a_latin_run_after_a_chinese_role_is_no_person_when_it_names_an_institution():
    assert find_parties("我们的股东John Smith Holdings想退出。") == []


@pytest.mark.parametrize(("text", "names"), [
    ("Our payout partner in Yangon, Shwe Taung Money Transfer, also wants our AML policy.",
     ["Shwe Taung Money Transfer"]),
    ("Our customer, Golden Mile Trading, has not paid for three shipments.", ["Golden Mile Trading"]),
    ("The plant sells all its power to EDL under a PPA; part is exported to EGAT.", ["EDL", "EGAT"]),
    ("The counterparty is the Government of Lao PDR, which grants the BOT concession.", ["Government of Lao PDR"]),
    ("My late father's lot was transferred to my cousin Rodel Tabanao using a fake deed.", ["Rodel Tabanao"]),
    ("Bulan lalu Kelompok Tani Maju Bersama menggugat kami di Pengadilan Negeri.", ["Kelompok Tani Maju Bersama"]),
])
def test_parties_named_without_a_legal_form_in_the_roles_they_play(text, names):
    assert find_parties(text) == names


@pytest.mark.parametrize("text", [
    "The Government of Vietnam issued a new decree on data localisation.",
    "The Bank of Thailand licensed our e-wallet in 2019.",
    "State Bank of Vietnam approval is needed for the offshore loan.",
])
def test_governments_and_central_banks_acting_as_regulators_are_no_parties(text):
    assert resolve_request("Request", text).counterparties == []


@pytest.mark.parametrize(("text", "names"), [
    ("Our ex-senior engineer Tan Wei Liang resigned last month and took our clients.", ["Tan Wei Liang"]),
    ("I found out that the owner, Ramon D. Villacruz, filed a trademark application.", ["Ramon D. Villacruz"]),
    ("我喺觀塘一間物流公司（順昌物流有限公司）做咗五年。", ["順昌物流有限公司"]),
    ("Hợp đồng EPC với Công ty Cổ phần Xây lắp Điện Phước Hưng). Since then the plant fails.",
     ["Công ty Cổ phần Xây lắp Điện Phước Hưng"]),
])
def test_names_end_where_they_end(text, names):
    assert find_parties(text) == names


@pytest.mark.parametrize("text", [
    "I am Senior Legal Counsel at Meridian Renewables Pte. Ltd., an SGX-listed company.",
    "I write on behalf of the legal department of Zhejiang Hengtai Machinery Co., Ltd.",
    "We are the in-house M&A team of Tasek Agro Holdings Pte. Ltd. in Singapore.",
])
def test_the_company_the_writer_works_for_is_the_client(text):
    assert find_parties(text) == []


def test_a_kind_of_company_and_its_place_is_no_name():
    assert resolve_request("PT PMA", "HK trading co. Want to set up a PT PMA Batam for warehousing.").counterparties \
        == []


@pytest.mark.parametrize(("text", "names"), [
    ("hi po, my employer Wong Mei Kuen terminate me yesterday", ["Wong Mei Kuen"]),
    ("Our country director in Vientiane, Somphone Keovilay, was let go last month.", ["Somphone Keovilay"]),
    ("2024年租了一层写字楼，出租方是珠海横琴智汇产业园开发有限公司。", ["珠海横琴智汇产业园开发有限公司"]),
    ("当时用泰国朋友สมชาย รัตนกุล的名义成立公司。", ["สมชาย รัตนกุล"]),
    ("ผมกู้เงินจากธนาคารสยามรุ่งเรือง จำกัด (มหาชน) 45 ล้านบาท", ["ธนาคารสยามรุ่งเรือง จำกัด (มหาชน)"]),
    ("ក្រុមហ៊ុន អង្គរភូមិ ដេវេឡុបមិន ខូ អិលធីឌី បានយកម៉ាស៊ីនមកឈូសឆាយដី", ["ក្រុមហ៊ុន អង្គរភូមិ ដេវេឡុបមិន ខូ អិលធីឌី"]),
])
def test_parties_in_more_roles_and_scripts(text, names):
    assert find_parties(text) == names


def test_a_kind_of_company_in_chinese_is_still_no_name():
    assert find_parties("我们想注册一家有限公司。") == []


def test_a_name_starts_after_a_sentences_full_stop_but_not_after_an_abbreviation():
    text = "We are based in Miri, Sarawak. Seria Petroservices Sdn Bhd has not paid us."
    assert find_parties(text) == ["Seria Petroservices Sdn Bhd"]
    text = "Dati akong team leader sa Northstar Contact Solutions Phils., Inc. sa Ortigas."
    assert find_parties(text) == ["Northstar Contact Solutions Phils., Inc."]


@pytest.mark.parametrize(("short", "full", "expected"), [
    ("Lingyun VC", "Shenzhen Qianhai Lingyun Venture Capital Co., Ltd.", True),
    ("Mega Utama", "PT Mega Distribusi Utama", True),
    ("Lingyun Bank", "Shenzhen Qianhai Lingyun Venture Capital Co., Ltd.", False),
    ("Golden VC", "Shenzhen Qianhai Lingyun Venture Capital Co., Ltd.", False),
])
def test_a_short_form_of_several_words_spells_the_name_by_words_and_initials(short, full, expected):
    assert short_form_of(short, full) is expected


def test_the_sender_of_a_forwarded_mail_is_the_client_wherever_it_is_named():
    text = ("-----Original Message-----\nFrom: Legal Dept, Yunnan Dianxi Building Materials Co., Ltd.\n"
            "Sent: 24 November 2026\n\nWe hold 70% of Lao Dianxi Cement Co., Ltd. and need Lao counsel.\n\n"
            "Regards,\nLi Wen\nYunnan Dianxi Building Materials Co., Ltd.")
    assert find_parties(text) == ["Lao Dianxi Cement Co., Ltd."]


def test_the_company_in_the_writers_signature_is_the_client():
    text = ("We sued Delta Trading Sdn Bhd last year.\n\nRegards,\n\nGrace Wijaya\n"
            "Finance Director | PT Lestari Jaya Abadi\nJl. Raya Darmo No. 88, Surabaya")
    assert find_parties(text) == ["Delta Trading Sdn Bhd"]


def test_a_party_after_a_sign_off_and_a_paragraph_is_still_a_party():
    assert find_parties("Thanks,\nJohn\n\nP.S. Our buyer is Omega Pte Ltd.") == ["Omega Pte Ltd."]


def test_the_company_a_writer_represents_is_the_client():
    text = ("I am the Vietnam representative of Foshan Liangpin Furniture Co., Ltd. (Guangdong, China). We need to "
            "review the land sub-lease contract with Tan Uyen Industrial Park JSC for 8 hectares.")
    assert find_parties(text) == ["Tan Uyen Industrial Park JSC"]


@pytest.mark.parametrize("text", [
    "We want Vietnam counsel for the A05 filing.\n\nThanks,\nQuan\n\nThu Ha\nLegal, ShopNhanh JSC",
    "Do we have to notify the GPDP in Macau as well?\n\nRaymond Cheung\nHead of Risk, Harbour Lane Retail (HK) Ltd",
])
def test_the_company_in_a_signature_without_a_sign_off_is_the_client(text):
    assert find_parties(text) == []


def test_a_referrers_client_is_the_client_unless_it_owes_the_writer():
    assert find_parties("One of our clients, Muar Teak Crafts Sdn Bhd, has received an LHDN audit letter.") == []
    assert find_parties("One of our clients, Lumen Analytics Pte. Ltd., has not paid our invoices.") == [
        "Lumen Analytics Pte. Ltd."]


@pytest.mark.parametrize(("text", "expected"), [
    # An adviser's client, in Chinese, Vietnamese and Thai, and a subsidiary "which is our client".
    ("我们是深圳南山的一家会计师事务所。客户深圳市海拓跨境电子商务有限公司计划在新加坡设立区域总部。", []),
    ("Chúng tôi là một công ty luật tại Hà Nội. Khách hàng của chúng tôi là Công ty TNHH Thủy sản Cà Mau Xanh.", []),
    ("We were asked to find counsel for its subsidiary, Formosa-Penang Electronics Sdn Bhd, which is our client on "
     "this matter.", []),
    # A customer who owes the writer is a party, in Chinese and Malay.
    ("我哋有個客戶「恒裕五金製品有限公司」欠咗我哋貨款HK$380,000。", ["恒裕五金製品有限公司"]),
    ("Pelanggan kami, PT Cahaya Lestari Abadi di Surabaya, menunggak pembayaran.", ["PT Cahaya Lestari Abadi"]),
])
def test_an_advisers_client_is_the_client_and_a_customer_who_owes_is_a_party(text, expected):
    assert find_parties(text) == expected


def test_a_place_in_the_clients_own_name_is_its_seat():
    found = resolve_request("ทุเรียนถูกกัก", "สำนักงานบัญชีของเราอยู่ที่กรุงเทพฯ ลูกค้าของเราคือ บริษัท สวนทุเรียนจันทบุรี จำกัด "
                            "ตู้สินค้าถูกศุลกากรจีนกักไว้ ลูกค้าต้องการทนายความในจีน")
    assert found.jurisdictions == ["CN"] and found.counterparties == []


@pytest.mark.parametrize(("text", "expected"), [
    ("We need counsel for the foreign ownership caps. Thanks, Priya Nair, Castellan & Webb LLP", []),
    ("Please let us have fee estimates. Regards, Aldgate Marsh LLP, London", []),
    ("Thanks, our buyer ABC Trading Sdn Bhd has not paid.", ["ABC Trading Sdn Bhd"]),
])
def test_a_company_after_a_sign_off_on_the_last_line_is_the_writers(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Thai and Khmer "named": a stranger is a party, the writer's own child is not.
    ("ลูกสาวชื่อแพร อายุ 20 ปี ถูกชายคนหนึ่งชื่อ วิชัย ศรีสุข หลอกไปทำงานที่ปอยเปต", ["วิชัย ศรีสุข"]),
    ("ប្អូនប្រុសខ្ញុំឈ្មោះ សុខា អាយុ ២៥ឆ្នាំ ត្រូវបុរសម្នាក់ឈ្មោះ ចាន់ ធី បោកប្រាស់", ["ចាន់ ធី"]),
    ("กรุณาส่งชื่อ ที่อยู่ เบอร์โทรของผู้เช่าทุกคน", []),
    # A Vietnamese name ends before a bracket; names of Chinese origin (Lưu, Quách) are Vietnamese surnames too.
    ("Chồng cũ của tôi tên Quách Văn Minh (người Hoa), đang giữ con ở Đông Hưng.", ["Quách Văn Minh"]),
    # A person's name ends before a number: "my cousin Lim Boon Keat 30%".
    ("The shares are held by me 70% and my cousin Lim Boon Keat 30%, who refuses to sign.", ["Lim Boon Keat"]),
])
def test_people_named_in_thai_khmer_vietnamese_and_before_a_share(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # Malay names with their patronymic; honorifics go, the writer naming itself is no party.
    ("Arwah ayah menghibahkan rumah kepada ibu tiri saya, Salmah binti Yusof, sebelum meninggal.",
     ["Salmah binti Yusof"]),
    ("Pemilik kedai, Haji Kamal bin Osman, enggan membayar sewa.", ["Kamal bin Osman"]),
    ("Saya Mohd Hafiz bin Rahman, pengurus kewangan. Kami perlukan peguam.", []),
    # Lao and Khmer companies, a Vietnamese company inside Chinese, a role word glued before a Chinese name.
    ("ຄູ່ຮ່ວມທຸລະກິດແມ່ນ ບໍລິສັດ ພູເຂົາ ບໍ່ແຮ່ ຈຳກັດ ບໍ່ຍອມຈ່າຍ.", ["ບໍລິສັດ ພູເຂົາ ບໍ່ແຮ່ ຈຳກັດ"]),
    ("ជាមួយក្រុមហ៊ុន តាកែវ ស៊ីម៉ង់ត៍ ខូអិលធីឌី ដែលមិនបានបង់ប្រាក់", ["ក្រុមហ៊ុន តាកែវ ស៊ីម៉ង់ត៍ ខូអិលធីឌី"]),
    ("我公司與越南合作方Công ty Cổ phần Xây dựng Sông Hàn（下稱松韓公司）合資。",
     ["Công ty Cổ phần Xây dựng Sông Hàn"]),
    ("我集团在柬埔寨的合资方金塔控股有限公司未按期出资。", ["金塔控股有限公司"]),
    # A name left out on purpose is no party.
    ("XX律师事务所：我司与某某物流有限公司的合同纠纷。", []),
])
def test_patronymics_lao_and_khmer_forms_and_placeholders(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("We sued Acme Trading Ltd and Beta Supplies Pte Ltd in the High Court.",
     ["Acme Trading Ltd", "Beta Supplies Pte Ltd"]),
    ("Our claim is against Brightwave Components Pte. Ltd. (Singapore) and Brightwave Components Sdn. Bhd.",
     ["Brightwave Components Pte. Ltd.", "Brightwave Components Sdn. Bhd."]),
    ("Johnson and Johnson Pte Ltd owes us money.", ["Johnson and Johnson Pte Ltd"]),
])
def test_two_companies_joined_by_and_are_two_parties(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize("text", [
    "Chúng tôi là Công ty CP Thép Hải Long, bị Mega Steel Sdn. Bhd. kiện.",
    "Công ty chúng tôi (Công ty TNHH Bao Bì Phước Thành) bị Mega Steel Sdn. Bhd. kiện.",
    "Syarikat kami, Hoang Gia Wood Sdn Bhd, disaman oleh Mega Steel Sdn. Bhd.",
])
def test_the_writers_own_company_in_vietnamese_or_malay_is_not_a_counterparty(text):
    assert find_parties(text) == ["Mega Steel Sdn. Bhd."]


@pytest.mark.parametrize(("text", "expected"), [
    # The customer, supplier or partner of "our company" is a party; so is the employer of "I am the manager of".
    ("Pelanggan perusahaan kami, PT Sinar Jaya Abadi, belum membayar tagihan.", ["PT Sinar Jaya Abadi"]),
    ("Khách hàng của công ty chúng tôi, Công ty TNHH Minh Phát, nợ tiền hàng.", ["Công ty TNHH Minh Phát"]),
    ("I am the operations manager of Bright Star Logistics Pte Ltd and they terminated me yesterday.",
     ["Bright Star Logistics Pte Ltd"]),
    ("Hock Seng Enterprise & Trading Sdn Bhd has not paid our invoices.", ["Hock Seng Enterprise & Trading Sdn Bhd"]),
])
def test_a_party_of_our_company_or_one_name_with_and_inside_stays_whole(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize(("text", "names"), [
    ("I lent money to my cousin's partner Chong Wai Kit（張偉傑）and he has gone quiet.", ["Chong Wai Kit", "張偉傑"]),
    ("卖方是当地商人吴志远（Ngô Chí Viễn），他不肯办过户。", ["吴志远", "Ngô Chí Viễn"]),
    ("Buyer is a tourist, 周敏 (Zhou Min), who paid a deposit only.", ["周敏", "Zhou Min"]),
    ("ผู้เช่าคือ Mao Lin (เหมา หลิน) ค้างค่าเช่าสามเดือน", ["Mao Lin", "เหมา หลิน"]),
])
def test_a_person_given_in_two_scripts_is_found_in_both(text, names):
    assert find_parties(text) == names


@pytest.mark.parametrize(("text", "names"), [
    ("The guarantor is the director Leung Ka-Chun, who has since left.", ["Leung Ka-Chun"]),
    ("Our tenant Ma. Teresa de los Reyes has not paid since June.", ["Ma. Teresa de los Reyes"]),
    ("Binenta ng pinsan ko na si Jose dela Pena ang lupa.", ["Jose dela Pena"]),
])
def test_latin_names_keep_hyphenated_syllables_and_small_particles(text, names):
    assert find_parties(text) == names


@pytest.mark.parametrize(("text", "name"), [
    ("之前的装修师傅 罗志刚收了定金就不见了。", "罗志刚"),
    ("店舖負責人係周國平，一直拖欠貨款。", "周國平"),
    ("前資深工程師蔡家明帶走咗設計圖。", "蔡家明"),
    ("我同拍檔馮志偉一人一半股份。", "馮志偉"),
])
def test_chinese_names_after_a_role_a_space_or_a_copula(text, name):
    assert name in find_parties(text)


def test_a_place_that_opens_with_a_surname_is_no_person():
    resolution = resolve_request("收购", "客户为江苏常州一家电池企业，拟收购马来西亚槟城的工厂。")
    assert not any(name.startswith(("江苏", "马来")) for name in resolution.counterparties)


@pytest.mark.parametrize(("text", "names"), [
    ("Pemilik rumah, Goh Siew Lan, tidak mahu pulangkan deposit.", ["Goh Siew Lan"]),
    ("My ex-partner Kwok Chi-wai has been using the shop name.", ["Kwok Chi-wai"]),
    ("We lent HK$300k to Cheung Yuk Ming last year and he stopped paying.", ["Cheung Yuk Ming"]),
])
def test_a_romanised_chinese_name_is_a_person_without_a_role(text, names):
    assert find_parties(text) == names


@pytest.mark.parametrize("text", [
    "Law Firm Fee Dispute",
    "Hong Kong Company Registry filing is late.",
    "Tan Sri Ahmad chairs the board of the buyer.",
    "I am Ong Mei Hua and I run a bakery in Ipoh.",
    "On Mon, 2 Nov 2026, Yeo Kah Wai <kw.yeo@example.com> wrote:",
])
def test_words_that_only_look_like_a_romanised_name_are_no_person(text):
    assert find_parties(text) == []


@pytest.mark.parametrize(("text", "names"), [
    ("Kami menggugat PT. Maju Bersama Abadi karena wanprestasi.", ["PT. Maju Bersama Abadi"]),
    ("Pemasok kami CV. Karya Logam, Surabaya, terlambat kirim.", ["CV. Karya Logam"]),
    ("Our buyer is PT Sinar Jaya. Our invoices are unpaid.", ["PT Sinar Jaya"]),
    ("The lender is PT Dana Prima Jaya.\nThanks", ["PT Dana Prima Jaya"]),
])
def test_indonesian_prefixes_take_a_stop_and_a_sentences_stop_ends_the_name(text, names):
    assert find_parties(text) == names


def test_a_kind_of_company_before_a_full_stop_is_no_name():
    resolution = resolve_request("PT PMA", "We will set up a PT PMA. We need the NIB and a land lease.")
    assert resolution.counterparties == []


@pytest.mark.parametrize(("text", "names"), [
    ("Người mua là Phạm Thị Hồng Nhung, đã đặt cọc 200 triệu.", ["Phạm Thị Hồng Nhung"]),
    ("ban cu cua toi la Tran Van Minh vay 50 trieu khong tra", ["Tran Van Minh"]),
])
def test_a_vietnamese_name_is_a_person_without_a_role(text, names):
    assert find_parties(text) == names


@pytest.mark.parametrize("text", [
    "Tôi là Nguyễn Thị Mai, sống ở Đà Nẵng, cần tư vấn ly hôn.",
    "Văn phòng ở số 12 đường Lê Thánh Tông, Hà Nội.",
    "Le Van Tam here, I run a café in District 3.",
    "-----Original Message-----\nFrom: Cao Minh\nTo: Vu Thi Thanh\nSubject: loan",
    "Forwarded\nTo: Chan Siu Ming\nSubject: lease",
])
def test_the_writer_a_street_or_a_correspondent_is_no_vietnamese_or_chinese_party(text):
    assert find_parties(text) == []


def test_bangkok_is_no_bank_and_a_banks_possessive_still_names_it():
    assert find_parties("Its Bangkok office was closed last year.") == []
    assert find_parties("Public Bank's loan officer called again.") == ["Public Bank"]


def test_initials_in_brackets_after_a_name_are_that_party_wherever_they_stand_again():
    text = "Our PPA is with Electricity Generating Authority of Thailand (EGAT). EGAT refuses to pay for curtailment."
    assert find_parties(text) == ["Electricity Generating Authority of Thailand (EGAT)"]


@pytest.mark.parametrize(("text", "names"), [
    ("The cheques were signed by Josefina Ramos and bounced.", ["Josefina Ramos"]),
    ("The plantation is controlled by Anan Srisuk, who stopped the harvest.", ["Anan Srisuk"]),
    ("Our angel investor Hadi Prasetyo wants his money back.", ["Hadi Prasetyo"]),
    ("我哋想追討余家明先生嘅欠款。", ["余家明"]),
    ("ผมเช่าที่ดินจากนายวิชัย ศรีสุข มาห้าปี", ["วิชัย ศรีสุข"]),
])
def test_people_after_a_passive_by_a_relation_a_title_after_or_a_thai_preposition(text, names):
    assert find_parties(text) == names


def test_our_own_officer_is_no_counterparty():
    assert find_parties("Our president Lee Kok Wah wants to sue the distributor.") == []


def test_a_given_name_alone_after_the_full_name_is_the_same_person():
    text = "ผู้ขายคือนายสมชาย แก้วมณี ตอนนี้นายสมชายไม่ยอมโอนที่ดิน"
    assert find_parties(text) == ["สมชาย แก้วมณี"]


@pytest.mark.parametrize(("text", "names"), [
    ("I am Joseph Wee, finance director of Wee Brothers Marine Pte Ltd. Our charterer Ocean Bulk Ltd has not paid.",
     ["Ocean Bulk Ltd"]),
    ("Our lawyer Mr Alvin Teo thinks the tenant, Madam Koh Bee Lian, will settle.", ["Koh Bee Lian"]),
    ("请发律师函给对方公司广州市恒昌物流有限公司。", ["广州市恒昌物流有限公司"]),
])
def test_the_writers_company_and_advisers_are_not_parties_and_names_lose_their_honorific(text, names):
    assert find_parties(text) == names


@pytest.mark.parametrize(("text", "names"), [
    ("Our invoices to Sunway Fresh Foods remain unpaid.", ["Sunway Fresh Foods"]),
    ("Bayaran tertunggak dari Cahaya Timur Trading sejak Mac.", ["Cahaya Timur Trading"]),
    ("yung agency ko sa Cebu (Blue Harbour Manpower Agency) ayaw ibalik ang placement fee",
     ["Blue Harbour Manpower Agency"]),
])
def test_trade_names_without_a_legal_form_end_in_a_trade_word(text, names):
    assert find_parties(text) == names


@pytest.mark.parametrize("text", [
    "Our Legal Services team reviewed the draft.",
    "To: Harbour Shipping Services\nSubject: charter dispute",
    "Hi all,\nGroup Legal of Straits Ferry Logistics here (Singapore HQ). A vessel was arrested.",
    "We write on behalf of the Members' Club, a mutual insurer of shipowners.",
])
def test_kinds_of_service_recipients_and_the_writer_are_no_trade_names(text):
    assert find_parties(text) == []


@pytest.mark.parametrize(("text", "names"), [
    ("We (Rimba Holdings Pte. Ltd., part of the Rimba Group) bought shares from Mr. Ong Kah Seng and Sentosa "
     "Ventures Berhad.", ["Ong Kah Seng", "Sentosa Ventures Berhad"]),
    ("广州市恒达建材有限公司（我司）向业主方 Angkor Crest Development Co., Ltd. 追讨工程款。",
     ["Angkor Crest Development Co., Ltd."]),
    ("The employer is the Drainage Services Department; the main contractor is Harbour Works Limited.",
     ["Harbour Works Limited"]),
    ("We sold the cargo to Desert Star Petroleum FZE. The buyer rejected it.", ["Desert Star Petroleum FZE"]),
])
def test_the_writer_in_brackets_a_person_and_a_company_and_free_zone_forms(text, names):
    assert find_parties(text) == names


@pytest.mark.parametrize(("text", "names"), [
    ("We received a letter from Sakura Denki K.K. last week.", ["Sakura Denki K.K."]),
    ("We bought steel from Nordlicht Trading B.V. last year.", ["Nordlicht Trading B.V."]),
    ("我们和日本的 株式会社ホシゾラ 签了授权合同。", ["株式会社ホシゾラ"]),
    ("授權方係 ホシゾラ株式会社，佢哋想終止合約。", ["ホシゾラ株式会社"]),
    # A union is named by its members' word before "Union"; the client's staff union is no name.
    ("The Harbour Logistics Employees' Union has filed a trade dispute with us.",
     ["Harbour Logistics Employees' Union"]),
    ("We met our staff union yesterday about the bonus.", []),
    # A legal form's dot ends the sentence, and the next company is a name of its own.
    ("We are Tembusu Freight Pte Ltd. Harbourline Logistics Pte Ltd poached our clients.",
     ["Harbourline Logistics Pte Ltd"]),
])
def test_japanese_and_dutch_forms_and_unions_name_a_party(text, names):
    assert find_parties(text) == names


@pytest.mark.parametrize(("description", "expected"), [
    ("The lender has called a default against our Vietnamese subsidiary An Khang Foods Co., Ltd.", []),
    ("本集团（宏昌国际控股有限公司，港交所上市）旗下越南子公司与供应商 Thanh Long Steel JSC 发生货款纠纷。",
     ["Thanh Long Steel JSC"]),
    ("We act for Sinar Baru Group. Our client's subsidiary PT Sinar Baru Logistik has a charter dispute with "
     "PT Laut Biru Shipping.", ["PT Laut Biru Shipping"]),
    ("Our group company in Shenzhen, 深圳市恒通电子有限公司, supplies parts to the buyer Apex Motors Sdn Bhd.",
     ["Apex Motors Sdn Bhd."]),
])
def test_the_writers_group_its_subsidiaries_and_the_client_it_acts_for_are_not_parties(description, expected):
    assert resolve_request("Dispute", description).counterparties == expected


@pytest.mark.parametrize(("text", "names"), [
    ("We sell power to การไฟฟ้าส่วนภูมิภาค under a 25-year PPA.", ["การไฟฟ้าส่วนภูมิภาค"]),
    ("并与柬埔寨国家电力公司商谈购电协议。", ["柬埔寨国家电力公司"]),
    ("ขายไฟฟ้าให้การไฟฟ้าฝ่ายผลิตแห่งประเทศไทย (กฟผ.) ตามสัญญา 25 ปี", ["การไฟฟ้าฝ่ายผลิตแห่งประเทศไทย (กฟผ.)"]),
    ("The land is leased under a concession agreement with the Champasak Provincial Government.",
     ["Champasak Provincial Government"]),
    ("ບໍລິສັດເຊັນສັນຍາສຳປະທານກັບ ລັດຖະບານ ສປປ ລາວ ໃນປີ 2018", ["ລັດຖະບານ ສປປ ລາວ"]),
])
def test_state_enterprises_and_governments_that_sign_in_local_scripts_are_parties(text, names):
    assert find_parties(text) == names


def test_a_government_that_signs_still_names_its_place_and_a_local_one_is_no_party():
    found = resolve_request("特许协议", "我们与柬埔寨政府签署了特许协议，现在对方要提前终止。另外需要与当地政府沟通。")
    assert found.jurisdictions == ["KH"] and found.counterparties == ["柬埔寨政府"]


@pytest.mark.parametrize(("text", "names"), [
    ("My manager Tan Hui Min harassed me at work.", ["Tan Hui Min"]),
    ("My lawyer Mr David Lim overcharged me and kept my documents.", ["David Lim"]),
    ("I am the founder of Bluefin Labs Pte Ltd but the board removed me.", ["Bluefin Labs Pte Ltd"]),
    ("The guarantor Tan Wei Ming and the borrower Tan Wei Ming Trading Pte Ltd both defaulted.",
     ["Tan Wei Ming", "Tan Wei Ming Trading Pte Ltd"]),
    ("The contractor Lim Boon Heng (PLN) abandoned the site.", ["Lim Boon Heng", "PLN"]),
    ("Nguyễn Văn Đức nợ tôi 50 triệu đồng.", ["Nguyễn Văn Đức"]),
    ("陳大文 (David Chan) borrowed HK$500,000 and did not repay.", ["陳大文", "David Chan"]),
    ("Lim Ah Kow and Tan Boon Hock are suing me.", ["Lim Ah Kow", "Tan Boon Hock"]),
])
def test_the_other_side_is_kept_whatever_stands_beside_it(text, names):
    assert sorted(resolve_request("", text).counterparties) == sorted(names)


@pytest.mark.parametrize("text", [
    "对方李先生拒绝退还定金。",
    "我已经付给王先生五万元，但他没有交货。",
    "被告是高中同学，欠我十万。",
    "Our shop on Lee Tung Street, Wan Chai was flooded by the unit above.",
    "Our factory is on Jalan Yap Kwan Seng, Kuala Lumpur.",
    "My son studies at Tan Kah Kee Secondary School.",
    "The tenant has not paid rent.\n\nTan Wei Ming\nSent from my iPhone",
    "Name: Tan Wei Ming\nIssue: my ex-employer did not pay my last salary.",
    "Cửa hàng ở số 15 Nguyễn Thị Minh Khai, Quận 3 bị ngập.",
    "Cháu là Nguyễn Thị Lan, cháu muốn hỏi về hợp đồng lao động.",
    "I am Wong Siu Ming (黃小明) and I need advice on a lease.",
    "我们的律师张伟明先生建议我们起诉。",
    "President Ferdinand Marcos signed the law last year.",
    "Attached is my CV. The recruiter promised a job.",
])
def test_words_and_people_on_the_clients_side_are_no_counterparties(text):
    assert resolve_request("", text).counterparties == []


def test_a_region_tag_in_brackets_is_not_screened_alone():
    assert find_conflicts(["Acme Logistics (SEA)"], ["Sea Limited"]) == []
    assert find_conflicts(["Vietnam Electricity (EVN)"], ["EVN"]) != []


def test_a_long_run_of_letters_is_read_without_running_out_of_memory():
    assert resolve_request("", "Ma" * 1000).jurisdictions == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("People's Bank of China must approve the loan from Kestrel Finance Pte Ltd.", ["Kestrel Finance Pte Ltd."]),
        ("Filed with Suruhanjaya Syarikat Malaysia; the buyer is Bumi Foods Sdn Bhd.", ["Bumi Foods Sdn Bhd."]),
        ("The loan from Bank of China (Hong Kong) Limited is in default.", ["Bank of China (Hong Kong) Limited"]),
    ],
)
def test_a_regulator_whose_name_ends_in_a_party_like_name_is_no_party(text, expected):
    assert resolve_request("", text).screened_counterparties == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Yesterday Alpha Trading Sdn Bhd sued us. However Gamma Pte Ltd paid.",
         ["Alpha Trading Sdn Bhd", "Gamma Pte Ltd"]),
        ("Recently Beta Holdings Ltd refused to deliver.", ["Beta Holdings Ltd"]),
        ("The buyer was Tan Sri Lim Kok Thay's company, Genting Bhd.", ["Lim Kok Thay", "Genting Bhd."]),
        ("Yesterday Tan Wei Ming (陈伟明) refused to pay the rent.", ["Tan Wei Ming", "陈伟明"]),
    ],
)
def test_a_word_that_opens_the_sentence_is_no_part_of_the_name(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ông Nguyễn Văn Hùng Giám đốc công ty đã ký hợp đồng.", ["Nguyễn Văn Hùng"]),
        ("Bên bán là Trần Thị Thu Hà Tổng giám đốc công ty.", ["Trần Thị Thu Hà"]),
        ("Nguyen Van Hung Giam doc da ky.", ["Nguyen Van Hung"]),
        ("Mr Tong Wai Kit and Ms Chu Mei Ling signed.", ["Tong Wai Kit", "Chu Mei Ling"]),
    ],
)
def test_a_vietnamese_title_after_a_name_ends_it(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize(("description", "name"), [
    ("Selling 100% of Riverstone Asia Pte. Ltd. to a Thai buyer.", "Riverstone Asia Pte. Ltd."),
    ("Buying 60% of Mactan Rattan Crafts Inc. from its founder.", "Mactan Rattan Crafts Inc."),
    ("Acquiring Harbour Lights Pte. Ltd. from Jason Teo.", "Harbour Lights Pte. Ltd."),
])
def test_a_verb_and_a_share_before_a_name_are_not_part_of_it(description, name):
    assert name in resolve_request("Deal", description).counterparties


@pytest.mark.parametrize(("description", "screened"), [
    ("我想喺澳門開一間一人有限公司，請問要點做？", []),
    ("我们想成立一家外资股份有限公司，合作方是宏昌贸易有限公司。", ["宏昌贸易有限公司"]),
])
def test_a_kind_of_company_before_a_legal_form_is_no_name(description, screened):
    assert resolve_request("公司", description).counterparties == screened


def test_initials_of_a_party_named_in_full_are_screened_once():
    resolved = resolve_request("PPA", "The offtaker, Electricity Generating Authority of Thailand, signed in 2021. "
                                      "The EGAT PPA now needs an amendment; EGAT refuses to pay the tariff.")
    assert resolved.counterparties == ["Electricity Generating Authority of Thailand"]


@pytest.mark.parametrize("title", ["Main contractor Hàn Quốc chậm thanh toán", "Supplier Korea Selatan belum kirim"])
def test_a_country_named_after_a_role_is_no_person(title):
    resolved = resolve_request(title, "Nhà thầu chính Daewon E&C Vietnam Co., Ltd. chưa thanh toán cho chúng tôi.")
    assert resolved.counterparties == ["Daewon E&C Vietnam Co., Ltd."]


@pytest.mark.parametrize(("description", "screened"), [
    ("Our customer Permata Niaga Distribution Sdn. Bhd. owes us RM 480,000. Their accounts executive, Puan Norliza "
     "Ahmad, keeps sending payment plans.", ["Permata Niaga Distribution Sdn. Bhd."]),
    ("Harbourfront Seafood Trading Ltd was wound up last month. The provisional liquidator, Mr Patrick Ng, has asked "
     "creditors for proofs of debt; we are owed HK$900,000.", ["Harbourfront Seafood Trading Ltd"]),
])
def test_the_other_side_s_staff_and_office_holders_are_no_counterparties(description, screened):
    assert resolve_request("Debt", description).counterparties == screened


def test_a_chinese_role_word_before_a_name_is_not_part_of_it():
    resolved = resolve_request("工程款", "总包广东华晟建设集团有限公司欠我们工程款。"
                                         "我们现场负责人何志伟的签证单都齐全。")
    assert resolved.counterparties == ["广东华晟建设集团有限公司"]


@pytest.mark.parametrize(("text", "expected"), [
    ("We want to set up a PT PMA for SaaS business in Jakarta with PT Maju Jaya.", ["PT Maju Jaya"]),
    ("需要：1）注册公司；2）Sdn Bhd 开户；3）与 Harta Niaga Sdn Bhd 签约。", ["Harta Niaga Sdn Bhd"]),
    ("Re: regional manager (Mekong) of Kessler Logistik GmbH asks about Sengdao Transport Sole Co., Ltd.",
     ["Kessler Logistik GmbH", "Sengdao Transport Sole Co., Ltd."]),
])
def test_a_kind_of_company_a_list_number_or_a_bracketed_title_word_is_no_part_of_a_name(text, expected):
    assert sorted(find_parties(text)) == sorted(expected)


@pytest.mark.parametrize(("title", "description", "expected"), [
    ("Incorporation of Pvt Ltd in Singapore - kindly advise", "We wish to incorporate a subsidiary in Singapore.", []),
    ("Working capital", "We're a Penang-based Sdn Bhd (precision machining). Options: a Commodity Murabahah facility "
     "offered by Bank Amanah Niaga Berhad.", ["Bank Amanah Niaga Berhad"]),
])
def test_words_that_only_describe_a_company_name_no_party(title, description, expected):
    assert resolve_request(title, description).counterparties == expected
