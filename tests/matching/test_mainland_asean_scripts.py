"""Practice areas read from requests written in Khmer, Lao and Burmese, as clients in those countries write."""

import pytest

from legalnet.matching.resolver import resolve_request


@pytest.mark.parametrize("title, description, areas", [
    ("ຈົດທະບຽນບໍລິສັດ", "ພວກເຮົາຕ້ອງການຈົດທະບຽນວິສາຫະກິດ ແລະ ຂໍໃບອະນຸຍາດເຮັດວຽກໃຫ້ພະນັກງານສອງຄົນ",
     {"corporate-commercial", "immigration"}),
    ("ដីនៅកំពត", "យើងចង់ជួលដីនៅខេត្តកំពត ហើយត្រូវការពិនិត្យប្លង់កម្មសិទ្ធិមុនចុះកិច្ចសន្យា", {"real-estate"}),
    ("တံဆိပ်", "ကျွန်ုပ်တို့ကုမ္ပဏီ၏ ကုန်အမှတ်တံဆိပ်ကို မှတ်ပုံတင်ချင်ပါတယ်", {"intellectual-property"}),
    ("ការលែងលះ", "ខ្ញុំចង់ដាក់ពាក្យលែងលះ ហើយបែងចែកទ្រព្យសម្បត្តិ", {"private-client"}),
])
def test_areas_in_khmer_lao_and_burmese(title, description, areas):
    assert areas <= set(resolve_request(title, description).practice_areas)


@pytest.mark.parametrize("title, description, place", [
    # "I opened a restaurant in Battambang city … my partner lives in Hong Kong."
    ("ភោជនីយដ្ឋាន", "ខ្ញុំបើកភោជនីយដ្ឋាននៅក្រុងបាត់ដំបង ហើយម្ចាស់ផ្ទះចង់ដេញយើងចេញ។ ដៃគូរបស់ខ្ញុំរស់នៅហុងកុង", "KH"),
    # "We need to register a new enterprise in Pakse. The investor is in Thailand."
    ("ທະນາຍ", "ພວກເຮົາຕ້ອງການຈົດທະບຽນວິສາຫະກິດໃໝ່ຢູ່ເມືອງປາກເຊ. ຜູ້ລົງທຶນຢູ່ປະເທດໄທ", "LA"),
])
def test_a_town_named_in_its_own_script_is_read_in_prose(title, description, place):
    assert place in resolve_request(title, description).jurisdictions


def test_where_a_burmese_worker_came_from_is_no_place_of_the_matter():
    # "I came from Yangon and work in Singapore. The employer does not pay my salary."
    description = "ကျွန်တော် ရန်ကုန်ကလာပြီး စင်ကာပူမှာ အလုပ်လုပ်နေပါတယ်။ အလုပ်ရှင်က လစာမပေးပါ။ ဘာလုပ်ရမလဲ"
    assert resolve_request("လစာ", description).jurisdictions == ["SG"]


@pytest.mark.parametrize("description, places", [
    # "Our head office is in Hong Kong. We will build a data centre in Khan Chroy Changvar and need a licence."
    ("ក្រុមហ៊ុនរបស់យើងមានទីស្នាក់ការកណ្តាលនៅហុងកុង។ យើងគ្រោងសាងសង់មជ្ឈមណ្ឌលទិន្នន័យនៅខណ្ឌជ្រោយចង្វារ "
     "យើងត្រូវការមេធាវីដើម្បីផ្តល់យោបល់អំពីអាជ្ញាប័ណ្ណ។", ["KH"]),
    # "Our head office is in Singapore; our warehouse is in Dagon township. We need a lawyer."
    ("ကျွန်ုပ်တို့ကုမ္ပဏီသည် စင်္ကာပူတွင် ရုံးချုပ်ရှိသော ကုမ္ပဏီဖြစ်ပြီး ဒဂုံမြို့နယ်တွင် ဂိုဒေါင် ရှိပါသည်။ ရှေ့နေ လိုအပ်ပါသည်။", ["MM"]),
    # "The head office is in Kunming, China; we need a lawyer for a branch in Vientiane."
    ("ສຳນັກງານໃຫຍ່ຢູ່ເມືອງຄຸນໝິງ ປະເທດຈີນ. ພວກເຮົາຕ້ອງການທະນາຍຄວາມ ເພື່ອເປີດສາຂາຢູ່ນະຄອນຫຼວງວຽງຈັນ", ["LA"]),
    # "We import toys from a company in Yiwu, Zhejiang province, China, and need a lawyer in China to sue."
    ("យើងនាំចូលគ្រឿងលេងពីក្រុមហ៊ុននៅទីក្រុងយីវូ ខេត្តចេជាំង ប្រទេសចិន។ យើងត្រូវការមេធាវីនៅប្រទេសចិន ដើម្បីប្តឹង។", ["CN"]),
])
def test_a_district_no_gazetteer_knows_is_placed_by_its_local_government_unit(description, places):
    assert resolve_request("", description).jurisdictions == places
