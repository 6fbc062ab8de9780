import unicodedata

from core.text import nfc, search_key, unaccent


def test_unaccent_removes_vietnamese_marks_and_d_stroke():
    assert unaccent("Nguyễn Thị Hương – Đặng Đức") == "Nguyen Thi Huong – Dang Duc"


def test_search_key_is_lowercase_single_spaced():
    assert search_key("  Nguyễn   THỊ  Hương ", "Phòng Nội vụ") == "nguyen thi huong phong noi vu"


def test_search_key_same_for_composed_and_decomposed_input():
    decomposed = unicodedata.normalize("NFD", "Hương")
    assert search_key(decomposed) == search_key("Hương") == "huong"


def test_nfc_composes_decomposed_text():
    decomposed = unicodedata.normalize("NFD", "Thị")
    assert len(decomposed) == 4
    assert nfc(decomposed) == "Thị"
    assert len(nfc(decomposed)) == 3
