"""Writers from Cambodia, Laos, Myanmar, Thailand and Vietnam in their own scripts: the nationality of people,
a parent company's seat, a relative abroad and the writer's own town are not where the work is."""

import pytest

from legalnet.matching.resolver import read_prose, resolve_request
from legalnet.matching.resolver.background import sentence_at


@pytest.mark.parametrize(("title", "description", "matter"), [
    # Lao: Vietnamese technicians coming to work at a dam near Pakse.
    ("ໃບອະນຸຍາດເຮັດວຽກ ຊ່າງຫວຽດນາມ", "ບໍລິສັດພວກເຮົາກຳລັງກໍ່ສ້າງເຂື່ອນຢູ່ປາກເຊ. ຕ້ອງການນຳຊ່າງວິຊາການຊາວຫວຽດນາມ 35 ຄົນ"
     "ເຂົ້າມາເຮັດວຽກ.", ["LA"]),
    # Khmer: a garment factory in Kampong Speu whose parent sits in Guangzhou, China.
    ("កូដកម្ម", "ខ្ញុំជាប្រធានផ្នែកធនធានមនុស្សនៃរោងចក្រមួយនៅខេត្តកំពង់ស្ពឺ (ក្រុមហ៊ុនមេនៅក្វាងចូវ ប្រទេសចិន)។ "
     "កម្មករបានធ្វើកូដកម្ម។", ["KH"]),
    # Khmer: a joint venture in Sihanoukville with a Chinese party from Nanning.
    ("JV", "ក្រុមហ៊ុនរបស់យើងមានដីនៅក្រុងព្រះសីហនុ ហើយចង់បង្កើត JV ជាមួយក្រុមហ៊ុនមួយមកពីទីក្រុងណាននីង ប្រទេសចិន។ "
     "ភាគីចិនចង់បានភាគហ៊ុន ៧០%។", ["KH"]),
    # Burmese: grant land in Yangon to be shared; the elder brother works in Singapore.
    ("အမွေ", "အဖေ ဆုံးသွားပြီး ရန်ကုန်က မြေနဲ့ အိမ်ကို ခွဲဝေဖို့ လိုပါတယ်။ အစ်ကိုကြီးက စင်ကာပူမှာ အလုပ်လုပ်နေပါတယ်။", ["MM"]),
    # Thai: a factory in Rayong whose parent company is in Ningbo, China.
    ("BOI", "ดิฉันเป็นผู้จัดการฝ่ายบุคคลของบริษัทในนิคมอุตสาหกรรมที่ จ.ระยอง (บริษัทแม่อยู่ที่หนิงโป ประเทศจีน) "
     "ต้องขอแก้ไขโครงการ BOI", ["TH"]),
    # Thai: Myanmar employees suing at the Labour Court.
    ("ลูกจ้างเมียนมา 40 คน ฟ้องศาลแรงงาน", "โรงงานของเราอยู่ อ.แม่สอด จ.ตาก ลูกจ้างยื่นฟ้องต่อศาลแรงงาน", ["TH"]),
    # Vietnamese without diacritics: the writer is in Nghe An, the brother is held in Laos.
    ("anh trai bi giu o Lao", "chao luat su, em o Nghe An. anh trai em bi giu ho chieu o Bokeo, can luat su lien he "
     "cong an Lao.", ["LA"]),
])
def test_people_parents_relatives_and_the_writers_town_are_not_the_matter(title, description, matter):
    assert resolve_request(title, description).jurisdictions == matter


def test_the_thai_writers_own_town_is_home():
    reading = read_prose("ผมทำธุรกิจทัวร์อยู่ที่อำเภอเชียงแสน จังหวัดเชียงราย อยากไปเปิดโรงแรมในแขวงบ่อแก้ว สปป.ลาว")
    assert [code for code, _name in reading.home_jurisdictions] == ["TH"]


def test_lawyers_on_both_sides_keep_both_places():
    description = ("我们是昆明一家做铝型材的民营企业，计划在老挝万象赛色塔综合开发区投资建厂，与老挝当地企业合资。"
                   "需要两边的律师：国内这边办发改委、商务厅的境外投资备案和外汇登记；老挝那边办投资许可证、企业注册、土地租赁合同。")
    assert sorted(resolve_request("赛色塔开发区设厂 + 境外投资备案", description).jurisdictions) == ["CN", "LA"]


@pytest.mark.parametrize(("title", "description", "matter"), [
    # Macao doctors coming to a new clinic in Hengqin.
    ("横琴中医诊所聘请澳门医生", "我们在横琴新开了一家中医诊所，想请两位澳门的中医师每周过来坐诊两天，"
     "需要办什么执业手续？", ["CN"]),
    # A Chinese tourist suing a Bangkok clinic.
    ("คนไข้ชาวจีนฟ้องคลินิกความงาม", "คลินิกของเราอยู่ย่านสยาม กรุงเทพฯ "
     "ลูกค้านักท่องเที่ยวจีนยื่นฟ้องที่ศาลแพ่งกรุงเทพใต้", ["TH"]),
    # A Macao clinic's data on a server that sat in Hengqin.
    ("診所病人資料外洩", "本人係氹仔一間牙科診所嘅負責人。系統被人入侵，伺服器原來放咗喺橫琴。"
     "GPDP已經發信，要求我哋10日內回覆。", ["MO"]),
    # A market that can wait.
    ("Charity in Cambodia", "We'd like to register as an NGO in Cambodia and open a bank account in Phnom Penh. "
     "Laos is on the wish list for 2027 but that can wait.", ["KH"]),
])
def test_doctors_tourists_servers_and_markets_that_can_wait_are_not_the_matter(title, description, matter):
    assert resolve_request(title, description).jurisdictions == matter


@pytest.mark.parametrize(("title", "description", "matter"), [
    # Mainland provinces by their Chinese names: the writer's home province is its seat.
    ("印尼工地事故", "我们是湖南的一家建筑企业，在印尼苏拉威西做冶炼厂的土建分包。"
     "工地发生事故，需要当地律师。", ["ID"]),
    # Where the writer is, back in the hometown; a mother at home; a parent's legal team.
    ("老公在西港被扣护照", "我老公被人介绍去柬埔寨西港打工，现在公司把他护照扣了。"
     "我在湖南老家，能帮忙找当地律师吗？", ["KH"]),
    ("学生准证被取消", "我是在吉隆坡读书的中国留学生，学生准证将被取消。我妈妈在河南很着急。"
     "请问能否在马来西亚申请延期？", ["MY"]),
    ("CIPAA", "本公司为某央企在马来西亚设立的全资子公司，收到 CIPAA Payment Claim，需要马来西亚律师。"
     "母公司法务部在北京，需要同步汇报。", ["MY"]),
    # "HQ Shenzhen" in brackets is the writer's head office.
    ("AIAC arbitration", "Need MY counsel. We are the EPC contractor (HQ Shenzhen, operating through our Malaysian "
     "branch) for a solar plant in Kedah. Contract: AIAC arbitration, seat Kuala Lumpur.", ["MY"]),
])
def test_provinces_hometowns_parents_and_head_offices_are_not_the_matter(title, description, matter):
    assert resolve_request(title, description).jurisdictions == matter


def test_a_head_office_named_without_our_or_a_bracket_is_not_the_writers_seat():
    assert not read_prose("Plan: regional HQ Singapore, subsidiaries in Vietnam.").home_jurisdictions
    assert read_prose("We are the EPC contractor (HQ Shenzhen, operating through our branch).").home_jurisdictions


@pytest.mark.parametrize(("title", "description", "matter"), [
    # "mang thai" is "pregnant" in Vietnamese, no typo of "Muang Thai".
    ("Bị cho thôi việc khi đang mang thai", "Em là công nhân tại một công ty ở Hải Phòng. Em muốn kiện công ty.",
     ["VN"]),
    # Chinese words for a company's legal representative and a winding-up petition, used of other places.
    ("越南合資公司股東僵局", "敝公司與越南當地人士在平陽省合資設立有限責任公司。"
     "能否依公司章程更換法定代表人？", ["VN"]),
    ("馬來西亞客戶欠款", "馬來西亞客戶積欠貨款。聽說在馬來西亞可以先發法定催告書，之後向法院提出清盤呈請。", ["MY"]),
])
def test_words_that_only_look_like_another_place_are_not_it(title, description, matter):
    assert resolve_request(title, description).jurisdictions == matter


@pytest.mark.parametrize(("title", "description", "matter"), [
    # A recruitment agency's seat and the worker's home a ticket goes to.
    ("Maid ran away, claim salary at TADM", "My helper left the house. MOM say I must cancel her work permit and "
     "maybe pay her air ticket home to Semarang. Her agency is in Batam and they also want me to pay a fee.", ["SG"]),
    ("Majikan mau pulangkan saya", "Saya PRT di Singapura, kontrak masih 8 bulan. Majikan mau pulangkan saya ke "
     "Indonesia minggu depan dan tidak mau bayar tiket.", ["SG"]),
    ("ការងារនៅថៃ", "ខ្ញុំជាកម្មករសំណង់ខ្មែរ ធ្វើការនៅខេត្តរ៉ាយ៉ុង ប្រទេសថៃ។ ភ្នាក់ងារជ្រើសរើសនៅភ្នំពេញ មិនជួយអ្វីទេ។", ["TH"]),
    # FWCMS names both Malaysia's and Cambodia's systems.
    ("Retrenchment - Penang plant", "We are the HR team of a plant in Penang. 40 of the affected are foreign "
     "workers on PLKS; how do we update FWCMS?", ["MY"]),
])
def test_agencies_tickets_home_and_shared_system_names_are_not_the_matter(title, description, matter):
    assert resolve_request(title, description).jurisdictions == matter


@pytest.mark.parametrize(("title", "description", "matter"), [
    ("Hiring engineers in HCMC and Cebu", "We want to hire engineers in Ho Chi Minh City and Cebu. We have no plans "
     "for Indonesia until 2027, so please leave that aside.", ["PH", "VN"]),
    ("RPTKA dan KITAS untuk TKA China di Morowali", "Kami PT PMA di Morowali. Imigrasi menemukan masalah KITAS.",
     ["ID"]),
    ("สามีเป็นแรงงานลาว บาดเจ็บที่ไซต์ก่อสร้าง", "สามีทำงานก่อสร้างที่ชลบุรี ดิฉันกลัวว่าสามีจะโดนจับส่งกลับลาว", ["TH"]),
])
def test_plans_left_aside_foreign_workers_and_deportation_are_not_the_matter(title, description, matter):
    assert sorted(resolve_request(title, description).jurisdictions) == matter


@pytest.mark.parametrize(("title", "description", "matter"), [
    # Typed on a phone: spaces for commas in Chinese, shorthand in Malay, English and Tagalog.
    ("東莞供應商收訂金唔出貨", "我哋係香港貿易公司 東莞供應商 收咗30%訂金 兩個月都唔出貨 "
     "想告佢 要大陸律師 識廣東話", ["CN"]),
    ("新加坡公司注销", "我的新加坡Pte Ltd不做了 想注销 还有GST没报清 人在广州 不方便过去", ["SG"]),
    ("buka syarikat Labuan", "sy dr Brunei nak tubuh syarikat trading kat Labuan. tak faham sgt pasal cukai Labuan.",
     ["MY"]),
    ("tm squatter in PH", "someone filed our brand at IPOPHL b4 us!! we r bubble tea chain frm BKK, opening in "
     "Manila next yr. oppose or cancel?", ["PH"]),
    ("annulment po", "nasa HK po ako, DH po, gusto ko na po mag file ng annulment sa Pinas. "
     "asawa ko nasa Cebu.", ["PH"]),
    ("横琴公司 合伙人转走钱", "和澳门合伙人何志强一起在横琴开的公司 他偷偷把公司账上200万转走了 报警还是起诉?", ["CN"]),
])
def test_requests_typed_in_a_hurry_still_find_the_writers_place(title, description, matter):
    assert resolve_request(title, description).jurisdictions == matter


def test_a_text_typed_in_capitals_reads_my_as_a_word_unless_it_stands_as_a_code():
    resolved = resolve_request("DIVORCE", "NEED LAWYER FOR DIVORCE IN HK. WIFE NOW STAY IN SHENZHEN W KIDS. "
                               "MY ENGLISH NOT GOOD, CANTONESE LAWYER PLS")
    assert resolved.jurisdictions == ["HK"]
    assert resolve_request("URGENT", "COMPANY IN MY NEEDS LAWYER FOR A CONTRACT CLAIM.").jurisdictions == ["MY"]


def test_a_telegraphic_note_names_the_writers_seat():
    reading = read_prose("Penang businessman here. Planning a halal food plant in Pattani with Thai BOI promotion.")
    assert [code for code, _name in reading.home_jurisdictions] == ["MY"]


@pytest.mark.parametrize(("description", "expected"), [
    # ภาษาไทย, พูดไทย, ล่ามไทย: the Thai language, not Thailand.
    ("ลูกชายถูกตำรวจมาเลเซียจับ ลูกพูดได้แต่ภาษาไทย ขอทนายที่พูดไทยได้หรือมีล่ามไทย", ["MY"]),
    # สถานกงสุล: another state's consulate in the place where the work is.
    ("ลูกชายถูกตำรวจมาเลเซียจับ สถานกงสุลไทยที่ปีนังให้เบอร์ทนายมา", ["MY"]),
])
def test_a_country_word_naming_a_language_or_a_consulate_in_thai_is_background(description, expected):
    assert resolve_request("ขอคำปรึกษา", description).jurisdictions == expected


@pytest.mark.parametrize("description, expected", [
    ("Công ty chúng tôi ở Đà Nẵng muốn mở chi nhánh ở Lào.", ["LA"]),
    ("Chúng tôi muốn đầu tư sang Lào và Campuchia.", ["LA", "KH"]),
    ("We need a lawyer in Lào.", ["LA"]),
    ("Bên mình muốn đăng ký nhãn hiệu ở Campuchia và Lào trước khi xuất khẩu.", ["KH", "LA"]),
])
def test_the_vietnamese_name_of_laos_after_a_preposition_is_the_place(description, expected):
    assert resolve_request("Hỏi", description).jurisdictions == expected


def test_a_place_not_needed_yet_is_put_off():
    found = resolve_request("Hỏi", "Chúng tôi cần luật sư tại Campuchia. Năm sau có thể mở rộng sang Thái Lan nhưng "
                            "hiện chưa cần.")
    assert found.jurisdictions == ["KH"]


def test_the_language_named_laos_is_still_a_language():
    found = resolve_request("Hỏi", "Tôi cần luật sư nói tiếng Lào ở Viêng Chăn.")
    assert found.languages == ["lo"]


def test_a_place_at_the_end_of_a_sentence_is_no_part_of_the_next_ones_first_word():
    found = resolve_request("Hỏi", "Chúng tôi cần luật sư tại Campuchia. Năm sau chúng tôi sẽ mở thêm cửa hàng.")
    assert found.jurisdictions == ["KH"]


@pytest.mark.parametrize(("title", "description", "expected"), [
    # A space ends a Thai sentence: the ask for a Bangkok lawyer does not reach back to the friend in Hong Kong.
    ("", "เพื่อนที่ฮ่องกงแนะนำให้ติดต่อศูนย์นี้ ต้องการทนายความที่กรุงเทพช่วยจดทะเบียนบริษัทจำกัดและขอใบอนุญาตประกอบธุรกิจ",
     ["TH"]),
    # … but a sentence goes on after a conjunction.
    ("โดนแก๊งคอลเซ็นเตอร์", "แม่โดนแก๊งคอลเซ็นเตอร์หลอกโอนเงิน เราอยู่เชียงรายค่ะ ตำรวจบอกเงินถูกโอนต่อไปบัญชีที่ฮ่องกง "
     "อยากถามว่าจะจ้างทนายที่ฮ่องกงตามอายัดเงินคืนได้มั้ยคะ แล้วคดีที่ไทยต้องทำอะไรต่อ", ["HK", "TH"]),
])
def test_a_thai_sentence_ends_at_a_space_unless_a_conjunction_goes_on(title, description, expected):
    assert sorted(resolve_request(title, description).jurisdictions) == expected


def test_khmer_and_burmese_sentences_end_at_their_own_marks():
    khmer = "ក្រុមហ៊ុនយើងនៅភ្នំពេញ។ យើងត្រូវការមេធាវី។"
    burmese = "ကျွန်ုပ်တို့ကုမ္ပဏီသည် ရန်ကုန်တွင်ရှိသည်။ ရှေ့နေ လိုအပ်ပါသည်။"
    assert sentence_at(khmer, 2) == "ក្រុមហ៊ុនយើងនៅភ្នំពេញ។"
    assert sentence_at(burmese, 2) == "ကျွန်ုပ်တို့ကုမ္ပဏီသည် ရန်ကုန်တွင်ရှိသည်။"


@pytest.mark.parametrize(("description", "expected"), [
    ("ต้องการยื่นจดสิทธิบัตรในไทย สิงคโปร์ มาเลเซีย และเวียดนาม", ["MY", "SG", "TH", "VN"]),
    ("เราต้องการจดทะเบียนเครื่องหมายการค้าในเวียดนาม กัมพูชา ลาว", ["KH", "LA", "VN"]),
])
def test_a_thai_list_of_places_separated_by_spaces_is_one_sentence(description, expected):
    assert sorted(resolve_request("", description).jurisdictions) == expected
