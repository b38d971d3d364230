"""Requests pasted from e-mail: the writer's own message, its signature, and the forwarded history below."""

import pytest

from legalnet.matching.mail import history_start, in_history, in_signature_block
from legalnet.matching.parties import find_parties
from legalnet.matching.resolver import resolve_request

THREAD = (
    "Dear counsel,\n\nWe need Vietnamese counsel to register the trade mark of our snack brand in Vietnam before "
    "the distributor launches in Da Nang.\n\nKind regards,\n\nLena Ong\nBrand Director\nKopiKat Foods Pte. Ltd.\n"
    "80 Robinson Road, #10-01, Singapore 068898\n\nThis message is confidential and intended only for the addressee."
    "\n\n---------- Forwarded message ---------\nFrom: Tan Wei <tan.wei@kopikat.example>\nDate: Mon, 16 Nov 2026\n"
    "Subject: Launch plan\nTo: Lena Ong\n\nLena, our Malaysian launch went fine last year and the Thai registration "
    "with the DIP is still pending in Bangkok."
)


def test_the_history_starts_at_the_forwarded_header_and_the_signature_ends_at_the_notice():
    start = history_start(THREAD)
    assert THREAD[start:].startswith("---------- Forwarded message")
    assert in_signature_block(THREAD, THREAD.index("80 Robinson Road"))
    assert not in_signature_block(THREAD, THREAD.index("This message is confidential"))
    assert not in_signature_block(THREAD, THREAD.index("Vietnamese counsel"))


@pytest.mark.parametrize("text", [
    # A header at the very top is the message's own; quoted lines under a one-line note are the message.
    "-----Original Message-----\nFrom: Legal\nSent: 24 November 2026\n\nWe need Lao counsel for a concession.",
    "FW: see below, please help.\n\n> From: Director\n> Subject: JV\n> We need Thai counsel for the JV deadlock.",
])
def test_a_message_with_no_text_of_its_own_above_the_history_is_read_whole(text):
    assert history_start(text) == len(text)


@pytest.mark.parametrize("opener", [
    "---------- Forwarded message ---------",
    "-------- 转发的邮件 --------",
    "On Tue, 24 Nov 2026 at 16:05, Kelvin Tsang wrote:",
    "寄件者: 何先生\n寄件日期: 2026年11月11日\n收件者: 梁小姐",
    "จาก: Somsak K.\nวันที่: 18 พ.ย. 2569\nถึง: พิมพ์ชนก",
    "> Earlier: the Indonesian plant is fine.",
])
def test_history_openers_in_the_region_s_mail_programs(opener):
    text = "We need Vietnamese counsel to register our trade mark in Vietnam this month, please advise.\n\n" + opener
    assert history_start(text) == text.index(opener.split("\n")[0])


def test_places_of_the_forwarded_history_and_the_signature_are_not_places_of_the_matter():
    result = resolve_request("Fwd: trade mark", THREAD)
    assert result.jurisdictions == ["VN"]


def test_a_regulator_named_only_in_the_history_implies_no_place():
    text = THREAD.replace("the Thai registration with the DIP", "the OJK licence")
    assert result_places(text) == ["VN"]


def result_places(text: str) -> list[str]:
    """The jurisdictions a forwarded request resolves to."""
    return resolve_request("Fwd: trade mark", text).jurisdictions


def test_with_no_place_in_the_writer_s_own_message_the_history_is_read():
    text = ("Please see the thread below and tell us who can help.\n\nRegards,\nLena\n\n"
            "---------- Forwarded message ---------\nFrom: Tan Wei\nDate: Mon, 16 Nov 2026\nSubject: Launch\n\n"
            "The Thai trade mark registration with the DIP in Bangkok is stuck; we need Thai counsel.")
    assert result_places(text) == ["TH"]


def test_the_company_in_a_signature_with_a_blank_line_is_the_writer_s():
    assert find_parties(THREAD) == []


@pytest.mark.parametrize(("description", "expected"), [
    ("Could we have a call tomorrow morning HK time? We need Singapore counsel for the SIAC filing.", ["SG"]),
    ("We need Vietnamese counsel for the IRC. Five team leads will be seconded from our Cebu site.", ["VN"]),
    ("We need Thai counsel to investigate the plant manager. Group legal in Shenzhen will coordinate.", ["TH"]),
    ("We need Singapore counsel for the SGX listing. Our Indonesian counsel is already appointed for the "
     "Indonesian law aspects.", ["SG"]),
    ("We need PH counsel for the BSP licence; our Indonesia launch is deferred, so please ignore the OJK "
     "references.", ["PH"]),
    ("Can we sue the director in Malaysia? We are not so keen to go to Hong Kong for now.", ["MY"]),
])
def test_places_named_for_the_time_the_team_or_what_to_ignore_are_not_the_matter(description, expected):
    assert resolve_request("", description).jurisdictions == expected


@pytest.mark.parametrize("text", [
    "Kami perlukan peguam untuk tuntutan terhadap Lion Crest Builders Pte Ltd.\n\nSekian, terima kasih.\n\n"
    "Mohd Rizal\nPengurus Projek\nKejuruteraan Maju Jaya Sdn. Bhd.\nNo. 15, Jalan Perindustrian 3, Johor Bahru",
    "We need Philippine counsel on the PCC filing against Visayan Freeze Corporation.\n\nThanks po,\nJericho\n"
    "VP Legal\nArcticBay Logistics Corporation\n12F One Ayala Tower, Ayala Avenue, Makati City, Metro Manila",
    "Need a Brunei advocate for a demand against Belait Rig Services Sdn Bhd.\n\nRgds,\nHafiz\n"
    "Tanjung Offshore Services Sdn. Bhd., Level 12, Menara Tanjung, Jalan Tun Razak, 50400 Kuala Lumpur, Malaysia",
])
def test_the_writer_s_company_under_regional_sign_offs_and_long_address_lines_is_no_party(text):
    assert len(find_parties(text)) == 1


def test_the_writer_who_introduces_herself_in_tagalog_is_no_party():
    text = ("Ako po si Marites Reyes. Ang kapatid ko ay tinanggal ng employer niya na si Wong Ka Ming nang walang "
            "notice.")
    assert find_parties(text) == ["Wong Ka Ming"]


@pytest.mark.parametrize(("description", "expected"), [
    # Lines that only look like mail: shipment details, a ">50%" line, a quotation someone "wrote", a separator.
    ("We are a cargo owner in Singapore and need a maritime lawyer for a cargo claim in Vietnam.\nShipment details:\n"
     "From: Port Klang, Malaysia\nTo: Haiphong, Vietnam\nCargo: steel coils\nWe may need to arrest the vessel in "
     "Malaysia as well.", ["MY", "VN"]),
    ("We have a joint venture dispute in Vietnam and need counsel.\n>50% of our sales go through a distributor in "
     "Indonesia, so we need a lawyer in Indonesia too.", ["ID", "VN"]),
    ("I am based in Singapore. I need help evicting a tenant who has not paid rent for six months.\nThank you\n"
     "Property address: 12 Jalan Ampang, Kuala Lumpur\nRent owed: RM 18,000", ["MY"]),
    ("We are a Singapore company and need help recovering a debt.\n---\nDebtor: Harbour Line Sdn Bhd\n"
     "Location: Johor Bahru, Malaysia\nAmount: RM 250,000", ["MY"]),
])
def test_text_that_only_looks_like_mail_is_read_as_the_message(description, expected):
    assert sorted(resolve_request("", description).jurisdictions) == expected


def test_a_long_run_of_quoted_lines_is_read_in_linear_time():
    text = "> ok\n" * 4000 + "From: Acme Trading Sdn Bhd\n"
    assert history_start(text) == len(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Saya bernama Rosnah binti Ahmad. Majikan saya di Shah Alam tidak membayar gaji.", []),
    ("I, Mohd Rizal bin Osman, was dismissed by Harta Jaya Sdn Bhd last week.", ["Harta Jaya Sdn Bhd"]),
    ("Semalam Ahmad bin Ali datang ke rumah dan mengugut kami.", ["Ahmad bin Ali"]),
    ("Nagpautang ako kay Jerome Dizon Bautista ng 200,000 pesos.", ["Jerome Dizon Bautista"]),
    ("ผมเซ็นชื่อในสัญญา แต่ไม่ได้อ่านเงื่อนไข", []),
    ("ບໍລິສັດຂອງພວກເຮົາຖືກຈຳກັດການນຳເຂົ້າສິນຄ້າ", []),
    ("Our distributor XXL Sportswear Sdn Bhd has not paid.", ["XXL Sportswear Sdn Bhd"]),
    ("Dari: Bagian Hukum, PT Sinar Mas Abadi\nTanggal: 3 Nov 2026\nPerihal: gugatan\n\nKami digugat oleh "
     "PT Maju Bersama di Surabaya", ["PT Maju Bersama"]),
])
def test_the_writer_and_ordinary_words_are_not_parties_and_real_names_stay(text, expected):
    assert find_parties(text) == expected


@pytest.mark.parametrize(("description", "expected"), [
    ("Our customer in Singapore owes us USD 415,000 and the Singapore court has given it six months' protection. "
     "Should we file a proof of debt?\n\nBackground: we started a claim in a Guangzhou court in January but withdrew "
     "it when they promised to pay.", ["SG"]),
    ("泰国客户欠我们约62万美元货款，法院已经指定了官方接管人。我们想知道怎么去泰国登记债权。\n背景：我们的合同约定适用中国法，"
     "之前发过两次催款函。", ["TH"]),
    # A "Background:" that opens the message tells the matter itself.
    ("Background: in March we sold 40 sets of dies to a buyer in Ho Chi Minh City, who has not paid. We need a "
     "lawyer to recover the money.", ["VN"]),
    # A closing section that asks for something is part of the ask.
    ("We need Singapore counsel to review a lease. Other matters: we also need a Malaysian lawyer for a trademark "
     "filing.", ["MY", "SG"]),
])
def test_places_in_closing_side_notes_after_the_ask_are_background(description, expected):
    assert sorted(resolve_request("Request", description).jurisdictions) == expected


def test_side_notes_in_malay_and_a_part_that_has_nothing_to_do_with_the_matter():
    description = ("Syarikat kami ada kilang di Sungai Petani, Kedah. Bank tawarkan pembiayaan patuh syariah untuk "
                   "ambil alih pinjaman kami. Kami perlukan peguam untuk semak dokumen pembiayaan.\n"
                   "Untuk makluman: kontrak jualan dengan pengedar di Singapura tiada kaitan dengan perkara ini.")
    assert resolve_request("Pembiayaan", description).jurisdictions == ["MY"]


@pytest.mark.parametrize("text", [
    # A sign-off with a tail, a closing at the end of a short Chinese line, a Thai and a Malay sign-off; a
    # signature known by its telephone line where the title is not one the project knows.
    "Please advise on the lease in Cebu.\n\nThanks so much,\nMarco Reyes\nOffice Lead\nUnit 5, Makati, Manila\n"
    "Mobile: +63 917 555 0101",
    "请协助处理越南的商标异议。\n\n盼复，谢谢！\n\n王芳\n行政助理\n广东省佛山市禅城区季华五路10号\n"
    "电话：0757-8200 1234",
    "ต้องการทนายที่เวียงจันทน์ค่ะ\n\nขอบพระคุณค่ะ\n\nสุดา ใจดี\nฝ่ายบัญชี\n12 ถนนมิตรภาพ ขอนแก่น\nโทร 043-123-456",
    "Mohon nasihat tentang tanah di Kuching.\n\nWassalam,\nSiti Aminah\nPembantu\nNo. 3, Jalan Ampang, Kuala Lumpur\n"
    "Tel: +60 3 2161 0000",
])
def test_the_address_under_a_regional_closing_is_in_the_signature(text):
    assert in_signature_block(text, text.rindex("\n", 0, len(text) - 5) - 3)


def test_a_forwarded_message_closed_by_a_line_of_dashes_gives_the_text_back_to_the_writer():
    text = ("Dear all,\n\nPlease see the note from our director below.\n\n---------- Forwarded message ---------\n"
            "From: Ana Cruz\nDate: Tue, 3 Nov 2026\nSubject: Davao\n\nFind us a lawyer in Davao for the warehouse.\n"
            "----------\n\nWe also need the lease reviewed before the end of the month, please.\n\nRegards,\n"
            "Ben Lim\nLegal Manager\n7 Jurong Port Road, Singapore\nTel: +65 6123 4567")
    assert in_history(text, text.index("Find us")) and not in_history(text, text.index("We also need"))
    assert in_signature_block(text, text.index("Jurong"))
    assert resolve_request("Warehouse", text).jurisdictions == ["PH"]


def test_the_writers_text_after_a_closed_forwarded_message_asks_again():
    text = ("Dear Centre,\n\nWe need Hong Kong counsel on the loan below, which is governed by Hong Kong law.\n\n"
            "---------- Forwarded message ---------\nFrom: Treasury\nSubject: facility\n\n"
            "The agent sent a reservation of rights letter last week.\n"
            "------------------------------\n\n"
            "We also need counsel in Jakarta to advise on the share pledge over our subsidiary there. Thank you.")
    assert resolve_request("Fwd: facility", text).jurisdictions == ["HK", "ID"]
