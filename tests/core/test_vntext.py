import datetime
import unicodedata
from decimal import Decimal

import pytest
from django.template import Context, Template

from core.vntext import in_hoa, ngay_van_ban, so_hieu, so_thanh_chu, so_thanh_chu_tien

KNOWN_READINGS = [
    (0, "không"),
    (1, "một"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi bốn"),
    (25, "hai mươi lăm"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (1_000, "một nghìn"),
    (1_010, "một nghìn không trăm mười"),
    (1_005_000, "một triệu không trăm linh năm nghìn"),
    (3_510_000, "ba triệu năm trăm mười nghìn"),
    (10_000_000, "mười triệu"),
    (12_345_678, "mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám"),
    (1_000_000, "một triệu"),
    (1_000_000_000, "một tỷ"),
    (2_000_000_000, "hai tỷ"),
    (2_000_000_001, "hai tỷ không trăm linh một"),
    (1_050_000_000, "một tỷ không trăm năm mươi triệu"),
    (1_000_000_000_000, "một nghìn tỷ"),
    (1_005_000_000_000, "một nghìn không trăm linh năm tỷ"),
]


@pytest.mark.parametrize(("number", "reading"), KNOWN_READINGS)
def test_so_thanh_chu_reads_known_amounts(number, reading):
    assert so_thanh_chu(number) == reading


def test_so_thanh_chu_tien_capitalises_and_adds_dong():
    assert so_thanh_chu_tien(3_510_000) == "Ba triệu năm trăm mười nghìn đồng"


def test_so_thanh_chu_tien_zero_is_khong_dong():
    assert so_thanh_chu_tien(0) == "Không đồng"


def test_so_thanh_chu_accepts_whole_decimal_from_the_database():
    assert so_thanh_chu(Decimal("3510000.00")) == "ba triệu năm trăm mười nghìn"


@pytest.mark.parametrize("bad", [-1, Decimal("1.5"), 2.5])
def test_so_thanh_chu_refuses_negative_and_fractional_amounts(bad):
    with pytest.raises(ValueError):
        so_thanh_chu(bad)


def test_so_thanh_chu_refuses_bool():
    with pytest.raises(TypeError):
        so_thanh_chu(True)


SAMPLE = [*range(0, 2_100), *range(0, 10**7, 999_983), *range(10**9 - 50, 10**9 + 50),
          *(7 * 10**k + 5 for k in range(13)), *(10**k for k in range(16))]


def test_so_thanh_chu_never_has_double_or_outer_spaces():
    for number in SAMPLE:
        text = so_thanh_chu(number)
        assert "  " not in text and text == text.strip(), number


def test_so_thanh_chu_uses_only_known_words():
    vocabulary = {"không", "một", "mốt", "hai", "ba", "bốn", "năm", "lăm", "sáu", "bảy", "tám", "chín",
                  "mười", "mươi", "trăm", "linh", "nghìn", "triệu", "tỷ"}
    for number in SAMPLE:
        assert set(so_thanh_chu(number).split()) <= vocabulary, number


def test_so_thanh_chu_ends_with_the_reading_of_the_last_group():
    # A number and its last three digits end the same way once an inner group reads "không trăm …".
    for number in SAMPLE:
        last = number % 1000
        if number >= 1000 and last:
            tail = so_thanh_chu(1000 + last).removeprefix("một nghìn ")
            assert so_thanh_chu(number).endswith(" " + tail), number


def test_so_thanh_chu_ends_with_the_largest_unit_for_round_amounts():
    assert [so_thanh_chu(n * 10**k).split()[-1] for n, k in ((3, 3), (3, 6), (3, 9), (3, 12))] == [
        "nghìn", "triệu", "tỷ", "tỷ"]


def test_so_thanh_chu_lam_and_mot_only_in_the_units():
    for number in SAMPLE:
        words = so_thanh_chu(number).split()
        for index, word in enumerate(words):
            if word == "mốt":
                assert words[index - 1] == "mươi", number
            if word == "lăm":
                assert words[index - 1] in ("mười", "mươi"), number


def test_so_thanh_chu_never_reads_tu_for_four():
    assert "tư" not in {word for number in SAMPLE for word in so_thanh_chu(number).split()}


def test_so_hieu_pads_numbers_below_ten():
    assert so_hieu(7, "TTr-SNV") == "07/TTr-SNV"


def test_so_hieu_keeps_larger_numbers():
    assert so_hieu(125, "QĐ-SNV") == "125/QĐ-SNV"


def test_ngay_van_ban_with_place():
    assert ngay_van_ban(datetime.date(2025, 8, 5), "Quảng Trị") == "Quảng Trị, ngày 05 tháng 8 năm 2025"


def test_ngay_van_ban_without_place():
    assert ngay_van_ban(datetime.date(2025, 8, 5)) == "ngày 05 tháng 8 năm 2025"


@pytest.mark.parametrize(("date", "expected"), [
    (datetime.date(2025, 1, 9), "ngày 09 tháng 01 năm 2025"),
    (datetime.date(2025, 2, 28), "ngày 28 tháng 02 năm 2025"),
    (datetime.date(2025, 3, 10), "ngày 10 tháng 3 năm 2025"),
    (datetime.date(2025, 12, 31), "ngày 31 tháng 12 năm 2025"),
])
def test_ngay_van_ban_pads_small_days_and_first_two_months(date, expected):
    assert ngay_van_ban(date) == expected


def test_ngay_van_ban_accepts_datetime():
    assert ngay_van_ban(datetime.datetime(2025, 8, 5, 14, 30)) == "ngày 05 tháng 8 năm 2025"


def test_in_hoa_uppercases_vietnamese():
    assert in_hoa("Sở Nội vụ tỉnh Quảng Trị – đ ỹ ự ẫ") == "SỞ NỘI VỤ TỈNH QUẢNG TRỊ – Đ Ỹ Ự Ẫ"


def test_in_hoa_returns_nfc_for_decomposed_input():
    result = in_hoa(unicodedata.normalize("NFD", "Nguyễn Thị Hường"))
    assert result == "NGUYỄN THỊ HƯỜNG"
    assert unicodedata.is_normalized("NFC", result)


def test_in_hoa_of_none_is_empty():
    assert in_hoa(None) == ""


def _render(source, **context):
    return Template("{% load documents %}" + source).render(Context(context))


def test_document_filters_render_in_templates():
    rendered = _render("{{ n|so_chu }}|{{ n|so_chu_tien }}|{{ d|ngay_van_ban:'Quảng Trị' }}|{{ 7|so_hieu:'TTr-SNV' }}|"
                       "{{ 'đơn vị'|in_hoa }}", n=3_510_000, d=datetime.date(2025, 8, 5))
    assert rendered == ("ba triệu năm trăm mười nghìn|Ba triệu năm trăm mười nghìn đồng|"
                        "Quảng Trị, ngày 05 tháng 8 năm 2025|07/TTr-SNV|ĐƠN VỊ")


def test_document_filters_leave_empty_values_empty():
    assert _render("[{{ n|so_chu }}][{{ n|so_chu_tien }}][{{ n|ngay_van_ban }}][{{ n|so_hieu:'TTr' }}]", n=None) == (
        "[][][][]")


def test_in_hoa_filter_escapes_user_text():
    assert _render("{{ v|in_hoa }}", v="<b>đ</b>") == "&lt;B&gt;Đ&lt;/B&gt;"


@pytest.mark.parametrize(("name", "expected"), [
    ("ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ", "ỦY BAN NHÂN\u00a0DÂN TỈNH\u00a0QUẢNG\u00a0TRỊ"),
    ("SỞ NỘI VỤ TỈNH THỪA THIÊN HUẾ", "SỞ NỘI\u00a0VỤ TỈNH\u00a0THỪA\u00a0THIÊN\u00a0HUẾ"),
    ("HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", "HỘI ĐỒNG THI\u00a0ĐUA – KHEN\u00a0THƯỞNG"),
    ("UBND XÃ ĐẠI LỘC", "UBND XÃ\u00a0ĐẠI\u00a0LỘC"),
    ("PHÒNG TỔ CHỨC CÁN BỘ", "PHÒNG TỔ CHỨC CÁN BỘ"),
])
def test_header_names_do_not_break_inside_a_place_or_a_compound(name, expected):
    from core.vntext import unbroken_names

    assert unbroken_names(name) == expected
