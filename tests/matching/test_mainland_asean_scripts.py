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
