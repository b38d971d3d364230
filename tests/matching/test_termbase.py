"""The legal term base: well-formed rows with sources, inflections matched, weights and implied places used."""

import pytest

from legalnet.matching.resolver import read_prose, resolve_request, resolve_terms
from legalnet.matching.termbase import SCOPES, chinese_spellings, read_terms, stem_word, term_info
from legalnet.matching.vocabulary import get_vocabulary, normalise


def test_every_row_names_an_area_of_the_vocabulary_with_a_source():
    terms = read_terms()
    codes = set(get_vocabulary().codes("practice_areas"))
    jurisdictions = set(get_vocabulary().codes("jurisdictions"))
    assert len(terms) > 2000
    assert {t.code for t in terms} == codes
    for term in terms:
        assert term.source, term
        assert term.scope in SCOPES
        assert set(term.jurisdiction.split()) <= jurisdictions, term


@pytest.mark.parametrize(("description", "expected"), [
    # The Philippines' Board of Investments beside Cebu; Thailand's beside Rayong, and where no place is named.
    ("Our HK company wants a BPO office in Cebu. Do we need BOI registration or PEZA?", ["PH"]),
    ("We plan a factory in Rayong and want BOI promotion and the BOI tax holiday.", ["TH"]),
    ("Can a foreign company get BOI incentives for a new factory?", ["TH"]),
])
def test_an_acronym_several_places_use_stands_for_the_one_the_text_names(description, expected):
    assert resolve_request("Investment incentives", description).jurisdictions == expected


def test_a_malformed_row_is_refused_with_its_file_and_line(tmp_path):
    (tmp_path / "tax.csv").write_text("term,lang,weight,jurisdiction,scope,source\nstamp duty,en,7,,any,x\n")
    with pytest.raises(ValueError, match="tax.csv line 2"):
        read_terms(tmp_path)


@pytest.mark.parametrize(
    "a, b",
    [("hiring", "hire"), ("hired", "hires"), ("leasing", "lease"), ("companies", "company"), ("taxes", "tax")],
)
def test_inflections_share_a_stem(a, b):
    assert stem_word(a) == stem_word(b)


@pytest.mark.parametrize("a, b", [("customer", "customs"), ("liquidation", "liquidated"), ("business", "busines")])
def test_derivations_keep_apart(a, b):
    assert stem_word(a) != stem_word(b)


def test_word_forms_in_prose_resolve_without_being_listed():
    assert "employment" in resolve_request("", "We are hiring local staff in Penang.").practice_areas
    assert "real-estate" in resolve_request("", "Leasing a warehouse in Batam for ten years.").practice_areas


def test_a_short_term_takes_only_its_plural_in_prose():
    # "Writ" is a litigation term and "Wind" an energy one; "writing" and "winding" are other words.
    assert "litigation" not in resolve_request("", "I am writing on behalf of my family about a will.").practice_areas
    assert "energy" not in resolve_request("", "Winding down our Cebu branch and paying staff.").practice_areas
    assert "litigation" in resolve_request("", "Two writs were served on our Penang office.").practice_areas
    assert "mergers-acquisitions" in resolve_request("", "Two logistics groups merging in Manila.").practice_areas


def test_rows_carry_their_weight_and_implied_place():
    row = term_info(normalise("PKPU"), "insolvency")
    assert row is not None and row.jurisdiction == "ID" and row.weight == 3
    assert resolve_request("", "Our buyer filed for PKPU; how do we lodge our claim?").jurisdictions == ["ID"]


@pytest.mark.parametrize(
    "item, code",
    [("securities", "capital-markets"), ("payments", "fintech"), ("mining", "energy"), ("家事", "private-client"),
     ("shipping", "maritime"), ("trademarks", "intellectual-property")],
)
def test_a_firm_listing_a_plain_word_gets_its_area(item, code):
    assert resolve_terms("practice_areas", [item]).codes == [code]


@pytest.mark.parametrize("title, description, area, place", [
    ("Caregivers for Taiwan", "Our manpower agency must renew its DMW licence before deploying caregivers.",
     "employment", "PH"),
    ("澳門公司", "公司仲有欠稅，想辦理公司解散。", "tax", None),
    ("澳門公司", "公司仲有欠稅，想辦理公司解散。", "corporate-commercial", None),
    ("印尼项目", "我们在苏拉威西的镍矿项目需要当地律师。", "energy", None),
    # Everyday words for everyday trouble.
    ("", "我老公昨晚喺旺角俾人拉咗，而家喺差館", "criminal", "HK"),
    ("", "My employer has not paid my salary for three months and dismissed me without notice.", "employment", None),
    ("", "Saya kena tipu pelaburan online, rugi RM50 ribu", "criminal", None),
    ("", "Tôi bị trục xuất khỏi Singapore vì ở quá hạn visa", "immigration", "SG"),
    ("", "房东不退押金，还说要扣我一个月租金", "real-estate", None),
    ("Flip", "Jakarta startup doing a Delaware flip before our seed round; who can handle the Indonesian side?",
     "corporate-commercial", "ID"),
    ("Wakaf", "Keluarga kami mahu mewakafkan sebidang tanah di Kelantan untuk sekolah agama.", "private-client", None),
    ("融资", "我们的香港 holdco 正在做天使轮，投资人给了 term sheet，想请律师看一下条款。",
     "corporate-commercial", None),
])
def test_regulators_and_everyday_terms_name_their_area(title, description, area, place):
    resolved = resolve_request(title, description)
    assert area in resolved.practice_areas
    if place:
        assert place in resolved.jurisdictions


def test_only_english_terms_match_in_english_word_forms():
    # "thuế" written without its marks is "thue"; "thủ tục" (procedure) and "đối thủ" (rival) are not tax.
    procedure = resolve_request("Chuyển nhượng dự án",
                                "Cần luật sư kiểm tra thủ tục chuyển nhượng; đối thủ cũng muốn mua.")
    assert "tax" not in procedure.practice_areas + procedure.also_mentioned
    tax = resolve_request("Thue", "Cong ty can tu van ve thue thu nhap doanh nghiep.")
    assert "tax" in tax.practice_areas
    assert "employment" in resolve_request("Staff", "We are hiring Thai staff for our Bangkok office.").practice_areas


@pytest.mark.parametrize("description, area", [
    ("We want to buy the whole company that supplies our parts in Penang.", "mergers-acquisitions"),
    ("老闆想炒咗個員工，要賠幾多錢？", "employment"),
    ("Our customer owes us 2 million baht and stopped answering calls.", "litigation"),
    ("Someone is selling fake copies of our handbags online in Malaysia.", "intellectual-property"),
    ("We want to raise money from investors through a token sale in Singapore.", "fintech"),
    ("Our Thai buyer refused to pay for the last three shipments.", "litigation"),
    ("Khách hàng ở Đà Nẵng không trả tiền hàng đã ba tháng.", "litigation"),
    # Injuries at work, in the words of each place.
    ("One of our drivers was injured at work in Penang; his family is claiming compensation.", "employment"),
    ("Công nhân của chúng tôi bị tai nạn lao động tại nhà máy ở Đồng Nai.", "employment"),
    ("Pekerja kami mengalami kecelakaan kerja di pabrik Cikarang.", "employment"),
    ("倉庫上個月發生工業意外，保險公司唔肯賠。", "employment"),
    ("我老公在澳门工作时受伤，老板不赔钱。", "employment"),
    ("我们从中国进口化妆品到泰国，需要办理化妆品备案。", "healthcare-life-sciences"),
    ("My ex-wife moved to Ipoh with the kids. Can I apply for a custody order here in Singapore?", "private-client"),
    ("I own all of a small Macau Lda and want to transfer half my quota to my sister.", "corporate-commercial"),
    ("我们在越南海防的工厂收到环保罚款，还被要求停产整改。", "compliance-investigations"),
    ("我们在印尼合资的镍铁厂，合作方要退出。", "energy"),
    ("有投資者已經喺珠海報咗案，話係非法吸收公眾存款。", "criminal"),
    ("Need Haiphong lawyer — clinker cargo shortage 1,100 MT at discharge, claim against the stevedores.", "maritime"),
    ("目的港代理无单放货，买家已经把货提走了，我们想追究货代的责任。", "maritime"),
    ("May lupa kami sa Pampanga na inaangkin ng kapitbahay namin.", "real-estate"),
])
def test_terms_written_the_way_clients_put_them(description, area):
    assert area in resolve_request("", description).practice_areas


def test_an_english_word_with_a_derivational_ending_is_no_typo_of_a_term():
    resolved = resolve_request("", "How do we handle it properly in Singapore?")
    assert "real-estate" not in resolved.practice_areas + resolved.also_mentioned
    assert "real-estate" in resolve_request("", "We need advice on a propertty in Singapore.").practice_areas


def test_a_word_inside_a_vietnamese_name_is_not_an_english_term():
    # "Loan" in Đài Loan (Taiwan) is no loan; written apart, it is.
    resolved = resolve_request("", "Công ty chúng tôi đến từ Đài Loan, muốn thuê đất ở Bình Dương để xây nhà xưởng.")
    assert resolved.practice_areas == ["real-estate"]
    written_apart = resolve_request("", "Chúng tôi cần vay vốn (Loan) từ ngân hàng ở Hà Nội.")
    assert "banking-finance" in written_apart.practice_areas


def test_an_acronym_of_two_institutions_stands_for_the_one_the_text_is_about():
    # MDI: Cambodia's deposit-taking microfinance licence beside the National Bank of Cambodia, not Malaysia's
    # Department of Insolvency; a Khmer writer asking for a lawyer who works in English.
    found = resolve_request("ស្នើសុំអាជ្ញាប័ណ្ណ (MDI)",
                            "យើងខ្ញុំជាគ្រឹះស្ថានមីក្រូហិរញ្ញវត្ថុនៅភ្នំពេញ។ ដាក់ពាក្យស្នើសុំអាជ្ញាប័ណ្ណ (MDI) ពីធនាគារជាតិនៃកម្ពុជា។ "
                            "សូមណែនាំមេធាវីដែលអាចធ្វើការជាភាសាអង់គ្លេសបាន")
    assert (found.jurisdictions, found.practice_areas, found.languages) == (["KH"], ["banking-finance"], ["en"])


def test_brunei_labour_terms_name_brunei():
    found = resolve_request("Foreign worker licence renewal", "Our bakery needs to renew the LPA for 8 foreign "
                            "workers, Filipino and Indonesian. Quota approval from Jabatan Buruh is delayed.")
    assert found.jurisdictions == ["BN"] and "immigration" in found.practice_areas


@pytest.mark.parametrize(("description", "area"), [
    # A Malay or Indonesian term takes the enclitic -nya; terms in Khmer, Burmese and Vietnamese.
    ("Istri saya takut ditangkap karena permit kerjanya sudah habis.", "immigration"),
    ("ថៅកែមិនបានបើកប្រាក់ខែឱ្យខ្ញុំ អស់រយៈពេល ៣ ខែហើយ។ យើងចង់ប្តឹងទារប្រាក់ខែ។", "employment"),
    ("ရန်ကုန်ရှိ မြေကွက်နှင့် အိမ်ကို အမွေဆက်ခံရန် ရှေ့နေ လိုအပ်ပါသည်။", "real-estate"),
    ("Chủ cho nghỉ việc đột ngột và chưa trả lương hai tháng.", "employment"),
    # Outbound loans, deregistration, regional headquarters.
    ("我们深圳母公司想给新加坡的subsidiary做一笔intercompany loan，外汇局境外放款登记怎么做？",
     "foreign-investment"),
    ("我们东莞的公司在仰光有一家服装厂，打算关厂。公司在DICA怎么注销？", "corporate-commercial"),
    ("We are a HK software company and want to set up our regional headquarters in Singapore.",
     "foreign-investment"),
    # Work accidents, claims for the price of goods in Thai, nationality limits.
    ("The worker sued for damages on top of the work-accident compensation already paid.", "employment"),
    ("ลูกค้าต้องการทนายความในจีนเพื่อเรียกร้องค่าสินค้าจากผู้ซื้อ", "litigation"),
    ("Can our client take its interest to 60% under the constitutional nationality limit?", "foreign-investment"),
])
def test_terms_in_asean_languages_and_of_cross_border_work(description, area):
    found = resolve_request("", description)
    assert area in found.practice_areas + found.also_mentioned


def test_an_spa_beside_a_share_sale_is_the_share_purchase_though_a_building_is_sold():
    found = resolve_request("Disposal of Kwai Chung industrial building (share sale)",
                            "We agreed to sell our industrial building. The buyer wants a share sale of the BVI "
                            "holdco. We need HK solicitors to act on the SPA, the title and the tenancies, and on "
                            "stamp duty.")
    assert "mergers-acquisitions" in found.practice_areas


def test_a_spa_beside_a_condo_is_the_flats_sale():
    found = resolve_request("Condo", "I want to buy a condo in Mont Kiara. Please review the SPA and do the "
                            "conveyancing.")
    assert found.practice_areas == ["real-estate"]


def test_a_quota_of_non_resident_workers_in_macao_is_immigration():
    found = resolve_request("外僱配額被拒", "我哋申請增加外僱配額俾勞工局拒絕咗，想知道點樣提出聲明異議。")
    assert "immigration" in found.practice_areas and found.jurisdictions == ["MO"]


def test_a_distribution_agreement_is_central_beside_a_trade_mark():
    found = resolve_request("菲律宾 distributor + 商标",
                            "我们是深圳的耳机品牌，准备进入Philippines市场，distributor是马尼拉的公司。"
                            "需要律师 review distribution agreement，同时在 IPOPHL 注册商标。")
    assert set(found.practice_areas) == {"corporate-commercial", "intellectual-property"}


@pytest.mark.parametrize(("title", "description"), [
    ("Car accident in Phuket - rental company & insurer", "I was in a car accident in Phuket. I made a police "
     "report. The rental company's insurer refuses to pay for the repairs and my hospital bills."),
    ("Istri saya TKI di Johor, gaji tidak dibayar 8 bulan", "Majikannya sudah 8 bulan tidak membayar gaji dan paspor "
     "istri saya ditahan. Istri saya takut ditangkap karena permit kerjanya sudah habis."),
])
def test_a_police_report_or_a_fear_of_arrest_makes_no_criminal_case(title, description):
    assert "criminal" not in resolve_request(title, description).practice_areas


@pytest.mark.parametrize(("title", "description", "area", "incidental"), [
    # Trade documents and costs a matter mentions are not the matter's area.
    ("Customs hold", "Thai customs are holding our two containers over the HS code and claim extra import duty "
     "under the Customs Act; the bill of lading is in order.", "trade-customs", "maritime"),
    ("设立公司", "我们想在越南设立外资公司，需要律师办理投资登记、企业登记和银行开户。", "foreign-investment",
     "banking-finance"),
])
def test_documents_and_steps_a_matter_mentions_do_not_add_their_area(title, description, area, incidental):
    resolved = resolve_request(title, description)
    assert area in resolved.practice_areas
    assert incidental not in resolved.practice_areas


@pytest.mark.parametrize(("title", "description", "jurisdiction"), [
    ("SPRM sita dokumen", "Pegawai SPRM menyita fail tender kami di Johor Bahru.", "MY"),
    ("ถูก ป.ป.ช. เรียก", "บริษัทรับเหมาในขอนแก่นถูก ป.ป.ช. แจ้งข้อกล่าวหา", "TH"),
    ("Summoned by the ACU", "The Anti-Corruption Unit summoned our site manager in Kampong Speu.", "KH"),
    ("总经理被留置", "我们东莞子公司的总经理被当地监察委员会留置。", "CN"),
])
def test_an_anti_graft_agency_is_a_criminal_matter_as_well_as_an_investigation(title, description, jurisdiction):
    resolution = resolve_request(title, description)
    assert {"compliance-investigations", "criminal"} <= set(resolution.practice_areas)
    assert resolution.jurisdictions == [jurisdiction]


def test_a_thai_abbreviation_written_with_dots_reads_as_the_word_without_them():
    dotted = resolve_request("", "บริษัทของเราถูก ก.ล.ต. ตรวจสอบเรื่องการเสนอขายหุ้น")
    assert "capital-markets" in dotted.practice_areas
    assert dotted.jurisdictions == ["TH"]


@pytest.mark.parametrize(("description", "expected"), [
    # Malay is an official language of Singapore too: its word for letters of administration names no place there.
    ("Saya tinggal di Johor Bahru. Untuk harta arwah bapa di Singapura, kami perlu surat kuasa mentadbir di "
     "Mahkamah Keluarga.", ["SG"]),
    ("Chúng tôi cần luật sư nộp đơn tại Tòa án nhân dân thành phố Quảng Châu, Trung Quốc.", ["CN"]),
])
def test_a_courts_local_name_beside_another_place_stands_for_that_places_court(description, expected):
    assert resolve_request("Court", description).jurisdictions == expected


def test_a_regulator_beside_another_place_still_names_its_own():
    found = resolve_request("Data breach", "We must notify the PCPD in Hong Kong and the PDPC in Singapore today.")
    assert sorted(found.jurisdictions) == ["HK", "SG"]


@pytest.mark.parametrize("description", [
    "Need help registering our coffee brand in Thailand, Madrid route if cheaper.",
    "Kami nak daftar jenama kopi kami di Malaysia.",
    "อยากจดทะเบียนแบรนด์กาแฟในไทย",
])
def test_registering_a_brand_is_trade_mark_work(description):
    assert resolve_request("Brand", description).practice_areas == ["intellectual-property"]


def test_a_cyber_security_law_is_technology_work_as_well_as_data_protection():
    found = resolve_request("Platform", "Our app in Yangon must register under the Cyber Security Law.")
    assert set(found.practice_areas) == {"technology-media-telecoms", "data-privacy"}


def test_cambodian_land_titles_are_property_work_in_cambodia():
    found = resolve_request("Land", "I bought a plot in Siem Reap under a friend's name with a hard title and "
                            "want it back.")
    assert "real-estate" in found.practice_areas
    assert found.jurisdictions == ["KH"]


def test_an_institution_acronym_that_is_a_word_elsewhere_counts_only_in_capitals():
    # "khai thac" is Vietnamese without marks for "to exploit", not the Thailand Arbitration Center.
    found = resolve_request("Dat", "Cong ty chung toi chua khai thac het dien tich dat thue o Lam Dong.")
    assert "arbitration" not in found.practice_areas
    assert "arbitration" in resolve_request("Award", "We won a THAC award in Bangkok.").practice_areas


@pytest.mark.parametrize("description, area, place", [
    ("My blue card was cancelled when the casino in Cotai ended my contract; can I stay to look for work?",
     "immigration", "MO"),
    ("公司唔續我嘅藍卡，我仲可以喺度留幾耐？", "immigration", "MO"),
    ("Sou trabalhador não residente e o patrão não renovou o meu contrato.", "immigration", "MO"),
    ("EMGS cancelled my student pass after the college lost its licence.", "immigration", "MY"),
])
def test_macao_and_student_passes_are_immigration_work(description, area, place):
    found = resolve_request("Status", description)
    assert area in found.practice_areas
    assert place in found.jurisdictions


@pytest.mark.parametrize("description", [
    "The SEC issued a show cause order over our lending app's collection practices.",
    "Sở Tài nguyên và Môi trường vừa ra quyết định xử phạt nhà máy chúng tôi ở Thái Nguyên.",
    "OJK menjatuhkan sanksi administratif kepada perusahaan kami di Jakarta.",
    "Cong ty minh vua nhan quyet dinh xu phat cua Thanh tra So Xay dung Da Nang.",
])
def test_a_regulators_penalty_or_notice_is_compliance_work(description):
    assert "compliance-investigations" in resolve_request("Regulator", description).practice_areas


@pytest.mark.parametrize("description", [
    "我们想在澳门注册一家有限公司，负责对葡语国家的贸易结算。",
    "我哋想喺橫琴設立一間公司，開兩間分店。",
])
def test_setting_up_a_company_with_a_measure_word_is_company_work(description):
    assert "corporate-commercial" in resolve_request("公司", description).practice_areas


@pytest.mark.parametrize("description", [
    "我哋有位同事投訴上司性騷擾，佢已經去咗平機會。",
    "Saya dikenakan tindakan tatatertib selepas membuat laporan kepada pihak berkuasa.",
    "Saya PRT di Hong Kong, majikan mau putus kontrak saya.",
    "我们的销售总监上个月辞职，带走了客户名单。",
])
def test_workplace_words_are_employment_work(description):
    assert "employment" in resolve_request("Work", description).practice_areas


@pytest.mark.parametrize("description", [
    "I want to buy a pre-selling condo in Cebu; can a foreigner hold it in his own name?",
    "开发商到现在还没交楼，合同约定去年六月交房。",
    "Quero doar a minha fração na Taipa ao meu filho.",
    "Saya jual tanah Native Title di Penampang kepada sebuah syarikat.",
    "Is there still room in the foreign quota of a condo building in Pattaya?",
])
def test_homes_units_and_land_words_are_property_work(description):
    assert "real-estate" in resolve_request("Question", description).practice_areas


def test_taking_source_code_is_intellectual_property_work():
    found = resolve_request("Question", "前主程式員離職前將成個項目嘅源碼 upload 去私人雲端，之後加入咗對手。")
    assert "intellectual-property" in found.practice_areas


def test_a_withheld_passport_abroad_is_criminal_work():
    found = resolve_request("Question", "我老公在西港打工，公司扣护照不让走，还要赔钱才放人。")
    assert "criminal" in found.practice_areas


def test_only_english_terms_are_read_with_words_between_their_own():
    # "tái thẩm" (a retrial) is two syllables of one word: "tại Thái Lan thẩm định" is no retrial.
    assert "litigation" not in resolve_request("", "Lô hàng tai Thai Lan tham dinh gia lai.").practice_areas
    assert "employment" in resolve_request("", "We want to hire Thai staff for our Bangkok office.").practice_areas


@pytest.mark.parametrize("text", ["We want to strike off our company in Singapore.",
                                  "Need to strike off the company before year end."])
def test_a_company_after_a_determiner_is_the_terms_object_not_the_clients_industry(text):
    assert "corporate-commercial" in resolve_request("", text).practice_areas


@pytest.mark.parametrize(("text", "area"), [
    ("Investor wants a share swap into the new Singapore holdco.", "corporate-commercial"),
    ("客戶擬將一人有限公司全部股份轉讓，並辦理商業登記變更。", "corporate-commercial"),
    ("Please review the hotel management agreement before we sign.", "corporate-commercial"),
    ("Please review the licensing agreement for our software.", "intellectual-property"),
])
def test_company_and_contract_terms(text, area):
    assert area in resolve_request("", text).practice_areas


@pytest.mark.parametrize(("text", "area"), [
    ("MOH intends to suspend our HCSA licence; we have 14 days to make representations.",
     "compliance-investigations"),
    ("收到監管局嘅信，話可能會暫停牌照，想搵律師回覆。", "compliance-investigations"),
    ("I was dismissed in April after 9 years and the bank withheld my bonus.", "employment"),
])
def test_a_regulator_acting_on_a_licence_and_a_writer_dismissed(text, area):
    assert area in read_prose(text).area_weights


def test_a_term_with_an_article_is_read_without_it():
    # The term base has "register a company"; clients in a hurry drop the article.
    found = resolve_request("", "Need help to register company in Macau for our cafe.")
    assert "corporate-commercial" in found.practice_areas


@pytest.mark.parametrize(("item", "expected"), [
    ("PR application", ["immigration"]),
    ("liquidation", ["insolvency"]),
    ("sewa", ["real-estate"]),
])
def test_short_practice_area_items_clients_type(item, expected):
    assert resolve_request("", "", [], [item]).practice_areas == expected


def test_a_short_thai_acronym_is_not_read_inside_a_place_name():
    found = resolve_request("", "เราจะไปปทุมธานีเพื่อเซ็นสัญญาเช่าโกดัง")
    assert "compliance-investigations" not in found.practice_areas


def test_a_property_ranked_third_is_only_mentioned():
    resolved = resolve_request("Solar farm financing", "We are arranging project finance for a 50 MW solar farm in "
                               "Ninh Thuan: a syndicated loan, security over the land use rights and the power "
                               "purchase agreement with EVN. Please advise on the facility and the PPA.")
    assert resolved.practice_areas[0] == "energy"
    assert "real-estate" not in resolved.practice_areas
    assert "real-estate" in resolved.also_mentioned


def test_a_property_the_client_asks_about_stays_central():
    resolved = resolve_request("Land for our plant", "We need a real estate lawyer to review the land lease for our "
                               "new plant in Binh Duong, financed by a bank loan, under our EPC contract.")
    assert "real-estate" in resolved.practice_areas


@pytest.mark.parametrize("description", [
    "OFW po ako sa Riyadh. Hindi binayaran ng agency ko sa Manila ang refund ng placement fee. Pwede po ba ako "
    "mag-file sa DMW?",
    "My wife is an OFW housekeeper in Kuwait; her agency in Makati charged excessive placement fees. Can we complain "
    "to the DMW?",
])
def test_a_migrant_worker_s_claim_against_the_agency_is_employment_work(description):
    resolved = resolve_request("Recruitment agency", description)
    assert resolved.practice_areas == ["employment"]
    assert "capital-markets" not in resolved.also_mentioned


def test_a_trade_mark_opposition_written_tm_is_intellectual_property():
    resolved = resolve_request("TM opposition", "Our mark was opposed at the DIP; 60 days left for the "
                                                "counter-statement. We ship our lights via Hong Kong.")
    assert resolved.practice_areas == ["intellectual-property"]


@pytest.mark.parametrize(("description", "area"), [
    ("我们是东莞的纸箱厂。行业协会开会时有人提议大家下月一起串通涨价，现在市场监管局来函询问，想请律师评估。",
     "competition"),
    ("香港客户公司已经进入清盘，清盘人通知我们在两个月内申报债权，想了解要准备什么材料。", "insolvency"),
    ("我哋想推出一個增值錢包 app，俾用戶喺街市同茶餐廳掃碼俾錢，想知要唔要向金管局攞牌。", "fintech"),
])
def test_everyday_words_of_a_cartel_a_proof_of_debt_and_a_wallet_name_their_areas(description, area):
    assert resolve_request("Question", description).practice_areas[:1] == [area]


@pytest.mark.parametrize("description", [
    "Trademark filed already, ESOP later. Which MAS licence do we need to run a cross-border remittance app?",
    "我们的商标在越南已经注册；想请越南律师看直播平台在越南需要办哪些登记。",
])
def test_an_area_the_client_says_is_done_is_not_asked_for(description):
    assert "intellectual-property" not in resolve_request("Question", description).practice_areas


def test_an_ip_address_is_no_intellectual_property():
    resolved = resolve_request("Breach", "Logs show downloads from an IP address we cannot trace; 40,000 customer "
                                         "records were exposed and we must notify the NPC.")
    assert "intellectual-property" not in resolved.practice_areas + resolved.also_mentioned


def test_the_icac_by_its_everyday_short_name_is_an_investigation():
    resolved = resolve_request("急", "今朝廉署拎住手令上咗我哋寫字樓，帶走咗採購經理協助調查，想即刻搵律師跟進。")
    assert {"criminal", "compliance-investigations"} & set(resolved.practice_areas)


def test_a_device_establishment_licence_is_healthcare_work():
    resolved = resolve_request("Surgical robot", "Who must hold the establishment licence for the robot we buy from "
                                                 "Shenzhen before our Penang hospital may use it on patients?")
    assert resolved.practice_areas[:1] == ["healthcare-life-sciences"]


def test_a_winding_up_petition_that_has_been_filed_is_insolvency_work():
    resolved = resolve_request("Petition", "Our Hong Kong company owes a supplier HKD 1.2 million. A winding-up "
                                           "petition has been filed. Can we still settle?")
    assert "insolvency" in resolved.practice_areas


def test_dip_financing_is_a_rescue_loan_not_the_thai_ip_department():
    resolved = resolve_request("Rescue loan", "Our Hong Kong subsidiary is in Chapter 11; we need DIP financing "
                               "advice in Singapore.")
    assert "insolvency" in resolved.practice_areas
    assert "intellectual-property" not in resolved.practice_areas + resolved.also_mentioned
    assert "intellectual-property" in resolve_request("", "We filed our mark with the DIP in Bangkok.").practice_areas


def test_an_area_put_off_to_a_later_day_is_only_mentioned():
    description = ("Our former operations manager is threatening to sue for wrongful dismissal and unpaid overtime. "
                   "Our boss keeps talking about a Catalist listing maybe in 2027. Please advise on the dismissal.")
    result = resolve_request("", description)
    assert "capital-markets" not in result.practice_areas
    assert "capital-markets" in result.also_mentioned


def test_an_area_named_once_in_a_request_crowded_with_others_is_only_mentioned():
    description = (
        "We are a food manufacturer with a factory lease to 2030, a trade mark licence to a Thai distributor, "
        "quarterly GST filings and a bank loan. A former employee claims wrongful dismissal at the Employment Claims "
        "Tribunal. "
        "He says the dismissal breached his employment contract and the Employment Act, and wants salary in lieu "
        "of notice. Please help us defend the wrongful dismissal claim.")
    result = resolve_request("", description)
    assert result.practice_areas[0] == "employment"
    assert not {"real-estate", "intellectual-property", "tax", "banking-finance"} & set(result.practice_areas)
    assert {"intellectual-property", "tax"} <= set(result.also_mentioned)


@pytest.mark.parametrize("description, central, mentioned", [
    ("Hello,\n\nSome background first: our tenancy agreement for the factory runs to 2030 and our trade mark licence "
     "with a Thai distributor runs to 2027.\n\nWhat we need: a former employee has filed a wrongful dismissal claim. "
     "Please defend us.", "employment", "intellectual-property"),
    ("您好。先把背景介绍一下：子公司的税务一直由会计师事务所做，厂房是租的。\n\n问题是买方的尽调报告指出，子公司的个人数据处理不合规，"
     "需要做个人信息保护影响评估。请推荐律师。", "data-privacy", "tax"),
])
def test_areas_in_background_a_heading_opens_before_the_ask_are_only_mentioned(description, central, mentioned):
    result = resolve_request("", description)
    assert result.practice_areas[0] == central
    assert mentioned not in result.practice_areas
    assert mentioned in result.also_mentioned


def test_photos_used_without_a_licence_are_intellectual_property():
    resolved = resolve_request("", "A hotel in Macau used my photos on its website without a licence. I want a fee "
                               "or a take-down.")
    assert resolved.practice_areas == ["intellectual-property"]


@pytest.mark.parametrize(("description", "expected"), [
    ("Nhân viên cũ lấy danh sách khách hàng sang công ty đối thủ ở Bình Dương.",
     {"employment", "intellectual-property"}),
    ("Kami mau gugat developer apartemen di Tangerang karena unit belum diserahkan 2 tahun.",
     {"real-estate", "litigation"}),
    ("Our ship's cargo of rice was damaged by seawater; receivers in Manila are claiming against us.", {"maritime"}),
    ("Our JV partner in Cambodia is blocking the board and won't sign the accounts.", {"corporate-commercial"}),
    ("The customs seized our container saying the goods are counterfeit.", {"trade-customs", "intellectual-property"}),
    ("Data breach at our Jakarta subsidiary: 50,000 customer records leaked. Do we need to notify Kominfo?",
     {"data-privacy"}),
])
def test_everyday_words_of_each_area_are_in_the_term_base(description, expected):
    assert expected <= set(resolve_request("", description).practice_areas)


@pytest.mark.parametrize(("description", "expected"), [
    ("我哋想喺香港開間有限公司，要準備咩文件？", ["corporate-commercial"]),
    ("老公喺澳門賭錢欠咗高利貸，對方恐嚇我哋。", ["criminal"]),
    ("想把深圳的房子卖掉，钱汇到香港，需要注意什么？", ["real-estate"]),
])
def test_everyday_chinese_words_for_a_company_a_loan_shark_and_a_house_sale(description, expected):
    assert resolve_request("", description).practice_areas == expected


@pytest.mark.parametrize(("title", "description", "areas", "expected"), [
    ("Brand squatted in China", "Someone in Guangzhou registered our brand before we could file. Options to oppose "
     "or buy it back?", [], {"intellectual-property"}),
    ("", "客服中心喺深圳，內地客戶資料要傳返香港，要符合《個人信息保護法》。", ["data"], {"data-privacy"}),
])
def test_a_squatted_brand_the_pipl_and_data_typed_in_the_form(title, description, areas, expected):
    assert set(resolve_request(title, description, [], areas).practice_areas) == expected


@pytest.mark.parametrize("description, area", [
    ("听说新加坡法院可以对加密资产发冻结令，想申请。", "litigation"),  # the term base writes 凍結令
    ("我們公司被消防处發出消除火警危险通知书。", "compliance-investigations"),  # 消防處 in the term base
    ("工人在工地工作受伤，要申请雇员补偿。", "employment"),  # 僱員補償
])
def test_a_chinese_term_matches_in_either_script(description, area):
    assert area in resolve_request("", description).practice_areas


def test_the_other_scripts_of_a_chinese_term_are_its_forms():
    assert "冻结令" in chinese_spellings("凍結令")
    assert "凍結令" in chinese_spellings("冻结令")
    assert chinese_spellings("freezing order") == ()


@pytest.mark.parametrize("title, description, expected", [
    ("收購越南公司", "想收購胡志明市一間越南公司51%嘅出資額，資金匯入要唔要開直接投資資本賬戶（DICA）？", ["VN"]),
    ("Company registration", "We want to register a company with DICA in Yangon.", ["MM"]),
    ("Company registration", "Do we need to register our branch with DICA?", ["MM"]),
])
def test_dica_is_myanmars_directorate_or_vietnams_capital_account_by_the_place_named(title, description, expected):
    assert resolve_request(title, description).jurisdictions == expected


@pytest.mark.parametrize("text", [
    "Developer is 14 months late with our condo in Johor. Can we file at the Tribunal for Homebuyer Claims?",
    "Rumah lewat siap. Boleh saya failkan tuntutan di Tribunal Tuntutan Pembeli Rumah?",
    "業主立案法團話要喺土地審裁處告我哋，點算？",
])
def test_a_housing_or_lands_tribunal_claim_is_property_litigation(text):
    areas = read_prose(text, None).area_weights
    assert "litigation" in areas and "real-estate" in areas
