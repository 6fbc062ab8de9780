"""Every official document, from real objects through its builder to a PDF (docs/domain.md, docs/design.md: Documents).

Each test arranges the story of tests/documents/conftest.py through the services, builds the context with
the kind's builder, renders it strictly (any WeasyPrint warning fails), checks that the values appear in the
right order, checks the Nghị định 30 layout and writes tests/e2e/artifacts/documents/<kind>-<page>.png for
a person to look at.
"""
import io
import re
from pathlib import Path

import pdfplumber
import pytest
from django.conf import settings
from django.utils import timezone

from campaigns import documents as campaign_documents
from core.pdf import render_documents, render_html, render_pdf
from core.vntext import ngay_van_ban
from dossiers import documents
from tests import pdf_assertions
from tests.factories.campaigns import draft_campaign
from tests.pdf_assertions import (
    assert_nd30_layout,
    page_sizes_mm,
    pdf_pages_text,
    pdf_text,
    save_png,
    top_margin_text,
)

from .conftest import (
    BAO_CAO_INDIVIDUAL,
    BASIS,
    COLLECTIVE_SUMMARY,
    INDIVIDUAL_SUMMARY,
    INJECTION,
    TO_TRINH_LIST_AND_CLOSING,
    sign,
)

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates" / "documents"
INJECTED = ['<img src="http://example.com/x.png">', "file:///etc/passwd", "<b>đậm</b>"]
PLACE_DATE = "Quảng Trị, ngày 05 tháng 8 năm 2025"


def assert_in_order(text, *fragments):
    """Each fragment occurs in `text` after the end of the previous one."""
    pdf_assertions.assert_in_order(text, fragments)


def squashed(*texts):
    """Texts without any whitespace: a long URL in a narrow column may wrap after a "/"."""
    return [re.sub(r"\s+", "", text) for text in texts]


def render(template, context, name):
    """The PDF of one document, rendered strictly, with its PNGs written for a person to look at."""
    pdf = render_pdf(template, context, strict=True)
    save_png(pdf, name)
    return pdf


# --- Tờ trình of the unit -------------------------------------------------------------------------------
def test_to_trinh(dossier):
    pdf = render("to_trinh.html", documents.to_trinh(dossier), "to_trinh")

    assert_nd30_layout(pdf)
    assert_in_order(
        pdf_text(pdf),
        "SỞ NỘI VỤ TỈNH THỬ", "PHÒNG TỔ CHỨC CÁN BỘ", "Số: 07/TTr-TCCB",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", PLACE_DATE,
        "TỜ TRÌNH", "Về việc đề nghị tặng Giấy khen (thử)",
        "Kính gửi: Hội đồng Thi đua – Khen thưởng Sở Nội vụ tỉnh Thử.",
        *BASIS,
        "Căn cứ Kế hoạch số 173/KH-SNV ngày 10 tháng 7 năm 2024 của Sở Nội vụ tỉnh Thử",
        "Căn cứ Biên bản họp bình xét thi đua, khen thưởng ngày 25 tháng 7 năm 2025 của Phòng Tổ chức cán bộ;",
        "Phòng Tổ chức cán bộ kính đề nghị", "tặng Giấy khen (thử) cho 01 tập thể và 01 cá nhân",
        "xuất sắc trong đợt thi đua đặc biệt chào mừng 80 năm ngành Nội vụ, cụ thể",
        *TO_TRINH_LIST_AND_CLOSING,
    )


def test_to_trinh_position_is_not_repeated_with_the_unit(dossier):
    """The report's "chức vụ, đơn vị" is pre-filled as "Chuyên viên, Phòng Tổ chức cán bộ"; the list has a
    column for the unit, so the position column holds the position only."""
    rows = documents.to_trinh(dossier)["nominees"]
    assert [(row["position"], row["unit"]) for row in rows] == [
        ("Chuyên viên", "Phòng Tổ chức cán bộ"), ("", "Phòng Tổ chức cán bộ")]


@pytest.mark.parametrize("people", [{"individual_summary": INJECTION}])
def test_to_trinh_prints_markup_in_a_summary_literally(dossier):
    context = documents.to_trinh(dossier)
    html = render_html("to_trinh.html", context)
    assert "&lt;img src=&quot;http://example.com/x.png&quot;&gt;" in html and "<img" not in html
    assert "&lt;b&gt;đậm&lt;/b&gt;" in html and "<b>" not in html

    pdf = render("to_trinh.html", context, "to_trinh-injection")  # strict: no refused fetch either

    assert_in_order(*squashed(pdf_text(pdf), "Nguyễn Thị Hương", "Chuyên viên", *INJECTED, "Phòng Tổ chức cán bộ"))


# --- Biên bản họp bình xét ----------------------------------------------------------------------------------
def test_bien_ban(dossier):
    pdf = render("bien_ban.html", documents.bien_ban(dossier.meeting), "bien_ban")

    assert_nd30_layout(pdf)
    text = pdf_text(pdf)
    assert_in_order(
        text,
        "SỞ NỘI VỤ TỈNH THỬ", "PHÒNG TỔ CHỨC CÁN BỘ", "Số: …/BB-TCCB", "Quảng Trị, ngày 25 tháng 7 năm 2025",
        "BIÊN BẢN", "Họp bình xét thi đua, khen thưởng trong đợt thi đua đặc biệt chào mừng 80 năm ngành Nội vụ",
        "vào lúc 08 giờ 00 phút, ngày 25 tháng 7 năm 2025, tại Phòng họp đơn vị",
        "Chủ trì: Nguyễn Văn Hùng.", "Thư ký: Phạm Thị Thảo.", "có mặt: 9/10 thành viên.",
        "Vắng mặt: 01 thành viên: Trần Văn Cường (đi công tác).", "Thảo luận thành tích của từng cá nhân, tập thể.",
        "Hình thức biểu quyết: Bỏ phiếu kín.",
        "STT", "Họ và tên / Tên tập thể", "Hình thức khen thưởng", "Đồng ý", "Không đồng ý", "Không biểu quyết",
        "Tỷ lệ đồng ý",
        "1 Nguyễn Thị Hương Giấy khen (thử) 8 1 0 88,88%",  # the rate the pages show: cut, never rounded up
        "2 Phòng Tổ chức cán bộ Giấy khen (thử) 9 0 0 100%",
        "III. KẾT LUẬN", "Thống nhất đề nghị tặng Giấy khen cho 01 tập thể và 01 cá nhân.",
        "Cuộc họp kết thúc vào lúc 10 giờ 30 phút cùng ngày.",
        "THƯ KÝ", "Phạm Thị Thảo", "CHỦ TRÌ", "Nguyễn Văn Hùng",
    )
    assert "Nơi nhận" not in text


def test_bien_ban_signatures_side_by_side_secretary_left(dossier):
    pdf = render_pdf("bien_ban.html", documents.bien_ban(dossier.meeting), strict=True)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        words = [w for page in document.pages for w in page.extract_words()]
    secretary = next(w for w in words if w["text"] == "KÝ")
    chair = next(w for w in words if w["text"] == "TRÌ")
    assert abs(secretary["top"] - chair["top"]) < 1 and secretary["x0"] < chair["x0"]


# --- Báo cáo thành tích (Mẫu 08) ----------------------------------------------------------------------------
def test_bao_cao_of_an_individual(cast, dossier):
    nomination = dossier.nominations.get(person=cast.person_a)
    pdf = render("bao_cao.html", documents.bao_cao(nomination), "bao_cao")

    assert_nd30_layout(pdf)
    text = pdf_text(pdf)
    assert_in_order(text, *BAO_CAO_INDIVIDUAL)
    assert "Số:" not in text  # Mẫu 08 has no number
    assert "THÔNG TIN CHUNG" not in text and "Nơi nhận" not in text


def test_bao_cao_of_a_collective(cast, dossier):
    nomination = dossier.nominations.get(organisation=cast.unit_a)
    pdf = render("bao_cao.html", documents.bao_cao(nomination), "bao_cao-tap_the")

    assert_nd30_layout(pdf)
    text = pdf_text(pdf)
    assert_in_order(
        text,
        "Mẫu số 08", "BÁO CÁO THÀNH TÍCH", "Đề nghị tặng Giấy khen (thử)",
        "I. THÔNG TIN CHUNG", "- Tên tập thể: Phòng Tổ chức cán bộ", "- Địa chỉ trụ sở:", "- Điện thoại:",
        "- Tổng số cán bộ, công chức, viên chức:",
        "- Cơ cấu tổ chức:", "Trưởng phòng, 01 Phó Trưởng phòng và 06 chuyên viên.",
        "- Chức năng, nhiệm vụ được giao:", "Tham mưu công tác tổ chức cán bộ.",
        "II. THÀNH TÍCH ĐẠT ĐƯỢC", "Kết quả đạt được", "Tham mưu 12 văn bản, tất cả đúng hạn.",
        "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", "THỦ TRƯỞNG ĐƠN VỊ",
    )
    assert "SƠ LƯỢC LÝ LỊCH" not in text


def test_bao_cao_lists_the_awards_already_received(cast, dossier):
    from datetime import date

    from awards.models import AwardForm
    from dossiers.services import register

    nomination = dossier.nominations.get(person=cast.person_a)
    text = pdf_text(render_pdf("bao_cao.html", documents.bao_cao(nomination), strict=True))
    assert_in_order(text, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
                    "1. Danh hiệu thi đua", "Chưa có.", "2. Hình thức khen thưởng", "Chưa có.")
    for code, year, number, by in (("cstd-co-so", 2023, "1105/QĐ-SNV", "Giám đốc Sở Nội vụ tỉnh Thử"),
                                   ("bang-khen-tinh", 2022, "2870/QĐ-UBND", "Chủ tịch Ủy ban nhân dân tỉnh Thử")):
        register.record_award(person=cast.person_a, award_form=AwardForm.objects.get(code=code),
                              decision_number=number, decision_date=date(year, 12, 20), decided_by=by,
                              by=cast.reviewer)
    pdf = render("bao_cao.html", documents.bao_cao(nomination), "bao_cao-khen_thuong")
    assert_nd30_layout(pdf)
    assert_in_order(pdf_text(pdf), "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
                    "1. Danh hiệu thi đua", "2023", "Chiến sĩ thi đua cơ sở",
                    "Quyết định số 1105/QĐ-SNV ngày 20 tháng 12 năm 2023; Giám đốc Sở Nội vụ tỉnh Thử",
                    "2. Hình thức khen thưởng", "2022", "Quyết định số 2870/QĐ-UBND",
                    "XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ")
    from .test_docx import build
    from .test_docx import text as docx_text

    word = docx_text(build("bao_cao", documents.bao_cao(nomination)))
    assert_in_order(word, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", "1. Danh hiệu thi đua", "2023",
                    "Chiến sĩ thi đua cơ sở", "2. Hình thức khen thưởng", "2022")


def test_bao_cao_lists_no_award_decided_after_its_date(cast, dossier):
    """A report dated by its Tờ trình does not list an award decided later (a proposal still open while another
    decision is signed for the same person)."""
    from datetime import timedelta

    from awards.models import AwardForm
    from dossiers.services import register

    nomination = dossier.nominations.get(person=cast.person_a)
    register.record_award(person=cast.person_a, award_form=AwardForm.objects.get(code="giay-khen"),
                          decision_number="128/QĐ-SNV", decision_date=dossier.memo_date + timedelta(days=1),
                          decided_by="Giám đốc Sở Nội vụ tỉnh Thử", by=cast.reviewer)
    text = pdf_text(render_pdf("bao_cao.html", documents.bao_cao(nomination), strict=True))
    assert "128/QĐ-SNV" not in text
    assert_in_order(text, "2. Hình thức khen thưởng", "Chưa có.")


@pytest.mark.parametrize("people", [{"results": f"{INJECTION}\nKết quả thứ hai."}])
def test_bao_cao_prints_markup_in_the_results_literally(cast, dossier):
    nomination = dossier.nominations.get(person=cast.person_a)
    context = documents.bao_cao(nomination)
    assert "<img" not in render_html("bao_cao.html", context)

    pdf = render("bao_cao.html", context, "bao_cao-injection")

    assert_in_order(*squashed(pdf_text(pdf), "Kết quả đạt được", *INJECTED, "Kết quả thứ hai."))


LONG_RESULTS = "\n".join(
    f"Kết quả thứ {n}: phòng đã tham mưu, hoàn thành đúng hạn các nhiệm vụ được giao trong tháng, bảo đảm "
    f"chất lượng, đạt và vượt chỉ tiêu của phong trào thi đua, được lãnh đạo Sở ghi nhận." for n in range(1, 41))


@pytest.mark.parametrize("people", [{"results": LONG_RESULTS}])
def test_long_bao_cao_numbers_its_pages_from_page_two(cast, dossier):
    nomination = dossier.nominations.get(person=cast.person_a)
    pdf = render("bao_cao.html", documents.bao_cao(nomination), "bao_cao-dai")

    pages = len(page_sizes_mm(pdf))
    assert pages >= 3
    assert top_margin_text(pdf) == [""] + [str(n) for n in range(2, pages + 1)]
    assert_nd30_layout(pdf)  # also: each number centred in the top margin
    assert_in_order(pdf_text(pdf), "Kết quả thứ 1:", "Kết quả thứ 40:", "NGƯỜI BÁO CÁO THÀNH TÍCH")


# --- Phiếu yêu cầu bổ sung ----------------------------------------------------------------------------------
def test_phieu_bo_sung(returned_dossier):
    pdf = render("phieu_bo_sung.html", documents.phieu_bo_sung(returned_dossier), "phieu_bo_sung")

    assert_nd30_layout(pdf)
    assert_in_order(
        pdf_text(pdf),
        "ỦY BAN NHÂN DÂN TỈNH THỬ", "SỞ NỘI VỤ TỈNH THỬ", ngay_van_ban(timezone.localdate(), "Quảng Trị"),
        "PHIẾU YÊU CẦU BỔ SUNG HỒ SƠ", "Hồ sơ đề nghị tặng Giấy khen (thử) của Phòng Tổ chức cán bộ",
        "Kính gửi: Phòng Tổ chức cán bộ.",
        "trong đợt thi đua đặc biệt chào mừng 80 năm ngành Nội vụ", "(Tờ trình số 07/TTr-TCCB)", "lần thứ 1",
        "1. Tờ trình chưa ghi số lượng tập thể.", "2. Thiếu chữ ký của thủ trưởng đơn vị.",
        "- Nguyễn Thị Hương: Bổ sung quyết định xếp loại năm 2024.",
        "Đề nghị đơn vị bổ sung, hoàn thiện và gửi lại hồ sơ trước ngày 05/08/2025./.",
        "Nơi nhận:", "- Phòng Tổ chức cán bộ;", "NGƯỜI THẨM ĐỊNH HỒ SƠ", "Trần Thị Lan",
    )


def test_phieu_bo_sung_without_deadline(returned_dossier):
    context = {**documents.phieu_bo_sung(returned_dossier), "deadline": ""}
    text = pdf_text(render_pdf("phieu_bo_sung.html", context, strict=True))
    assert "Đề nghị đơn vị bổ sung, hoàn thiện và gửi lại hồ sơ./." in text and "trước ngày" not in text


# --- Quyết định khen thưởng --------------------------------------------------------------------------------
def test_quyet_dinh(decision):
    pdf = render("quyet_dinh.html", documents.quyet_dinh(decision), "quyet_dinh")

    assert_nd30_layout(pdf)
    assert_in_order(
        pdf_text(pdf),
        "ỦY BAN NHÂN DÂN TỈNH THỬ", "SỞ NỘI VỤ TỈNH THỬ", "Số: 05/QĐ-SNV", "Quảng Trị, ngày 20 tháng 8 năm 2025",
        "QUYẾT ĐỊNH", "Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc trong đợt thi đua",
        "GIÁM ĐỐC SỞ NỘI VỤ TỈNH THỬ", *BASIS,
        "Xét đề nghị tại Tờ trình số 07/TTr-TCCB ngày 05 tháng 8 năm 2025 của Phòng Tổ chức cán bộ.",
        "QUYẾT ĐỊNH:",
        "Điều 1.", "Tặng Giấy khen (thử) cho 01 tập thể và 01 cá nhân", "(có danh sách kèm theo)",
        "Điều 2.", "Quỹ thi đua, khen thưởng của Sở Nội vụ tỉnh Thử", "tổng số tiền là 3.510.000 đồng",
        "(Bằng chữ: Ba triệu năm trăm mười nghìn đồng).",
        "Điều 3.", "chịu trách nhiệm thi hành Quyết định này./.",
        "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, TĐKT.", "GIÁM ĐỐC", "Lê Quang Thắng",
        "DANH SÁCH", "(Kèm theo Quyết định số 05/QĐ-SNV ngày 20 tháng 8 năm 2025 của Giám đốc Sở Nội vụ tỉnh Thử)",
        "STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Số tiền (đồng)",
        "1 Nguyễn Thị Hương Chuyên viên, Phòng Tổ chức cán bộ 1.170.000",
        "2 Phòng Tổ chức cán bộ 2.340.000",
        "Tổng cộng 3.510.000", "Bằng chữ: Ba triệu năm trăm mười nghìn đồng.",
    )


def test_quyet_dinh_list_starts_on_a_page_of_its_own(decision):
    pages = pdf_pages_text(render_pdf("quyet_dinh.html", documents.quyet_dinh(decision), strict=True))
    assert len(pages) == 2
    assert "Lê Quang Thắng" in pages[0] and "DANH SÁCH" not in pages[0]
    assert pages[1].startswith("DANH SÁCH")


def test_quyet_dinh_without_bonus_has_no_article_on_money(cast, campaign, dossier):
    decision = sign(cast, campaign, dossier)  # no bonus coefficient in the catalogue
    pdf = render("quyet_dinh.html", documents.quyet_dinh(decision), "quyet_dinh-khong_tien_thuong")

    text = pdf_text(pdf)
    assert_in_order(text, "Điều 1.", "(có danh sách kèm theo)", "Điều 2.", "Quyết định này có hiệu lực",
                    "DANH SÁCH")
    assert "Điều 3." not in text and "Bằng chữ" not in text and "Quỹ thi đua" not in text
    assert "Số tiền" not in text and "Tổng cộng" not in text
    assert_nd30_layout(pdf)


# --- Tờ trình to the higher authority -----------------------------------------------------------------------
def test_to_trinh_cap_tren(forwarding):
    pdf = render("to_trinh_cap_tren.html", documents.to_trinh_cap_tren(forwarding), "to_trinh_cap_tren")

    assert_nd30_layout(pdf)
    assert_in_order(
        pdf_text(pdf),
        "ỦY BAN NHÂN DÂN TỈNH THỬ", "SỞ NỘI VỤ TỈNH THỬ", "Số: 45/TTr-SNV", "Quảng Trị, ngày 22 tháng 8 năm 2025",
        "TỜ TRÌNH", "Về việc đề nghị khen thưởng", "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Thử.",
        *BASIS, "Căn cứ Kế hoạch số 173/KH-SNV ngày 10 tháng 7 năm 2024",
        "Sở Nội vụ tỉnh Thử kính trình Chủ tịch Ủy ban nhân dân tỉnh Thử xem xét, khen thưởng cho "
        "01 tập thể và 01 cá nhân",
        "- Bằng khen của Chủ tịch UBND tỉnh: 01 tập thể và 01 cá nhân.",
        "STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Hình thức khen thưởng", "Tóm tắt thành tích",
        "1 Nguyễn Thị Hương Chuyên viên, Phòng Tổ chức cán bộ Bằng khen của Chủ tịch UBND tỉnh", INDIVIDUAL_SUMMARY,
        "2 Phòng Tổ chức cán bộ Phòng Tổ chức cán bộ Bằng khen của Chủ tịch UBND tỉnh", COLLECTIVE_SUMMARY,
        "Kính trình Chủ tịch Ủy ban nhân dân tỉnh Thử xem xét, quyết định./.",
        "Nơi nhận:", "- Như trên;", "- Ban Thi đua – Khen thưởng;", "- Lưu: VT, TĐKT.", "GIÁM ĐỐC", "Lê Quang Thắng",
    )


# --- Biên bản họp Hội đồng ----------------------------------------------------------------------------------
def test_bien_ban_hoi_dong(council_session):
    pdf = render("bien_ban_hoi_dong.html", documents.bien_ban_hoi_dong(council_session), "bien_ban_hoi_dong")

    assert_nd30_layout(pdf)
    text = pdf_text(pdf)
    assert_in_order(
        text,
        "SỞ NỘI VỤ TỈNH THỬ", "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", "Số: …/BB-HĐTĐKT",
        "Quảng Trị, ngày 12 tháng 8 năm 2025", "BIÊN BẢN", "Họp Hội đồng Thi đua – Khen thưởng xét khen thưởng",
        "vào lúc 08 giờ 30 phút, ngày 12 tháng 8 năm 2025, tại Phòng họp số 1",
        "Chủ trì: Nguyễn Văn Hải, Chủ tịch Hội đồng.", "Thư ký: Lê Thị Thu.", "có mặt: 9/10 thành viên.",
        "Vắng mặt: 01 thành viên: Hoàng Văn Nam (gửi phiếu bằng văn bản).", "(bỏ phiếu kín)",
        "STT", "Họ và tên / Tên tập thể", "Hình thức khen thưởng", "Đồng ý", "Không đồng ý", "Không biểu quyết",
        "Bằng văn bản", "Tỷ lệ", "Kết quả",
        "1 Nguyễn Thị Hương Phòng Tổ chức cán bộ Giấy khen (thử) 7 2 0 1 80% Đạt",
        "2 Phòng Tổ chức cán bộ Giấy khen (thử) 6 3 0 0 60% Không đạt",
        "Có 01/02 tập thể, cá nhân đạt tỷ lệ phiếu đồng ý theo quy định.",
        "III. KẾT LUẬN", "Thống nhất đề nghị Giám đốc Sở khen thưởng.",
        "THƯ KÝ", "Lê Thị Thu", "CHỦ TỊCH HỘI ĐỒNG", "Nguyễn Văn Hải",
    )
    assert "Nơi nhận" not in text


# --- Kế hoạch ----------------------------------------------------------------------------------------------
def test_ke_hoach(campaign):
    pdf = render("ke_hoach.html", campaign_documents.ke_hoach(campaign), "ke_hoach")

    assert_nd30_layout(pdf)
    text = pdf_text(pdf)
    assert_in_order(
        text,
        "ỦY BAN NHÂN DÂN TỈNH THỬ", "SỞ NỘI VỤ TỈNH THỬ", "Số: 173/KH-SNV", "Quảng Trị, ngày 10 tháng 7 năm 2024",
        "KẾ HOẠCH", "Đợt thi đua đặc biệt chào mừng 80 năm ngành Nội vụ", *BASIS,
        "Sở Nội vụ tỉnh Thử ban hành Kế hoạch",
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "- Động viên cán bộ, công chức",
        "- Phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến.",
        "2. Yêu cầu", "- Thi đua thiết thực, hiệu quả, tránh hình thức.",
        "II. NỘI DUNG", "1. Thời gian thực hiện", "Từ ngày 15 tháng 7 năm 2024 đến ngày 31 tháng 7 năm 2025.",
        "2. Chủ đề", "“Đoàn kết, kỷ cương, đổi mới, hiệu quả”",
        "3. Chỉ tiêu thi đua", "- Tỷ lệ hồ sơ giải quyết đúng hạn: 98,5%;",
        "- Số sáng kiến được công nhận: 3 sáng kiến.",
        "4. Nhiệm vụ, giải pháp", "- Cải cách hành chính, nâng cao chất lượng tham mưu.",
        "III. ĐỐI TƯỢNG, TIÊU CHUẨN", "1. Đối với tập thể", "- Hoàn thành 100% chỉ tiêu của đợt thi đua.",
        "2. Đối với cá nhân", "- Hoàn thành tốt nhiệm vụ năm 2024 trở lên.",
        "IV. HÌNH THỨC KHEN THƯỞNG", "1. Hình thức, số lượng khen thưởng", "Giấy khen (thử)", "02 bộ",
        "Không giới hạn",
        "2. Hướng dẫn khen thưởng", "Mỗi đơn vị đề nghị không quá 15% số cán bộ.",
        "3. Hồ sơ đề nghị khen thưởng", "- Tờ trình đề nghị khen thưởng", "- Báo cáo thành tích",
        "4. Thời hạn", "Tổng kết phong trào thi đua: trước ngày 05 tháng 8 năm 2025.",
        "Gửi hồ sơ đề nghị khen thưởng: trước ngày 05 tháng 8 năm 2025.",
        "V. TỔ CHỨC THỰC HIỆN", "Văn phòng Sở theo dõi, tổng hợp, báo cáo Giám đốc Sở.",
        "Nơi nhận:", "- Các phòng, đơn vị thuộc và trực thuộc;", "- Lưu: VT, TĐKT.", "GIÁM ĐỐC", "Lê Quang Thắng",
    )
    assert "DỰ THẢO" not in text


def test_ke_hoach_draft_is_marked(cast, profile):
    campaign = draft_campaign(cast, title="Thi đua thường xuyên năm 2026", plan_number=3, plan_date=None)
    pdf = render("ke_hoach.html", campaign_documents.ke_hoach(campaign), "ke_hoach-du_thao")

    assert_nd30_layout(pdf)
    assert_in_order(pdf_text(pdf), "DỰ THẢO", "ỦY BAN NHÂN DÂN TỈNH THỬ", "Số: 03/KH-SNV",
                    "Quảng Trị, ngày … tháng … năm …", "KẾ HOẠCH", "Thi đua thường xuyên năm 2026")


# --- the whole dossier, merged -------------------------------------------------------------------------------
def test_ho_so_merged_with_copies(dossier):
    context = documents.ho_so(dossier)
    parts = [(part["template"], part["context"]) for part in context["parts"]]
    one = render_documents(parts, copies=1, strict=True)
    merged = render_documents(parts, copies=context["copies"], strict=True)
    save_png(merged, "ho_so")

    assert context["copies"] == 2
    assert len(page_sizes_mm(merged)) == 2 * len(page_sizes_mm(one))
    assert_nd30_layout(merged)  # each part numbers its own pages from 2
    titles = ["TỜ TRÌNH", "BIÊN BẢN", "BÁO CÁO THÀNH TÍCH", "Nguyễn Thị Hương", "BÁO CÁO THÀNH TÍCH",
              "Phòng Tổ chức cán bộ"]
    assert_in_order(pdf_text(merged), *titles, *titles)


# --- the templates themselves ------------------------------------------------------------------------------
def test_no_value_is_printed_unescaped():
    """Not even the certificate's QR code: it is an image (a data: URL), not markup."""
    unescaped = {path.name: re.findall(r"\{\{[^}]*\|\s*safe[^}]*\}\}|\{%\s*autoescape\s+off", path.read_text())
                 for path in TEMPLATES.glob("*.html")}
    assert {name: found for name, found in unescaped.items() if found} == {}
