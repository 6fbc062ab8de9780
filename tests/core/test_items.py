"""Plan texts keep their own numbering (issue 15): a line typed with "1.", "a)", "II."… prints as typed, without the
list's dash; other lines get one dash, never two (core.letterhead.items, the Kế hoạch's lists)."""
import pytest

from core.letterhead import items


@pytest.mark.parametrize(("typed", "printed"), [
    # the plan's own numbering, as typed
    ("1. Tuyên truyền sâu rộng", "1. Tuyên truyền sâu rộng"),
    ("12) Tổng kết", "12) Tổng kết"),
    ("1.2 Đối với cá nhân", "1.2 Đối với cá nhân"),
    ("2.3.1. Khối các Sở", "2.3.1. Khối các Sở"),
    ("1.Tuyên truyền", "1.Tuyên truyền"),
    ("a) Đối với tập thể", "a) Đối với tập thể"),
    ("đ) Các nội dung khác", "đ) Các nội dung khác"),
    ("b. Đối với cá nhân", "b. Đối với cá nhân"),
    ("II. NỘI DUNG THI ĐUA", "II. NỘI DUNG THI ĐUA"),
    ("IV) Khen thưởng", "IV) Khen thưởng"),
    ("A. Phần chung", "A. Phần chung"),
    ("(3) Đẩy mạnh cải cách hành chính", "(3) Đẩy mạnh cải cách hành chính"),
    ("(b) Phối hợp", "(b) Phối hợp"),
    # a sub-item
    ("+ Biểu dương kịp thời", "+ Biểu dương kịp thời"),
    ("+Biểu dương", "+ Biểu dương"),
    # the list's dash: added once, the typed one replaced
    ("Phát huy tinh thần", "- Phát huy tinh thần"),
    ("- Phát huy tinh thần", "- Phát huy tinh thần"),
    ("-Phát huy", "- Phát huy"),
    ("– Phát huy", "- Phát huy"),
    ("• Phát huy", "- Phát huy"),
    ("* Phát huy", "- Phát huy"),
    # not numbering: an amount, a year, a decimal, a word
    ("1.500.000 đồng cho mỗi tập thể", "- 1.500.000 đồng cho mỗi tập thể"),
    ("2025. Năm tổng kết", "- 2025. Năm tổng kết"),
    ("1,5 lần mức lương cơ sở", "- 1,5 lần mức lương cơ sở"),
    ("T.Ư Đoàn phát động", "- T.Ư Đoàn phát động"),
    ("Ít nhất 20% cán bộ", "- Ít nhất 20% cán bộ"),
])
def test_a_line_prints_with_its_own_numbering_or_one_dash(typed, printed):
    assert items(typed) == [printed]


def test_a_mixed_text_keeps_each_line_as_written():
    typed = "1. Tuyên truyền\n- in tờ rơi\n+ tại trụ sở\n\n2. Tổ chức phát động\nKý giao ước thi đua\n-\n+"
    assert items(typed) == ["1. Tuyên truyền", "- in tờ rơi", "+ tại trụ sở", "2. Tổ chức phát động",
                            "- Ký giao ước thi đua"]
