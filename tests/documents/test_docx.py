"""The editable Word copies (Tờ trình, Báo cáo thành tích, Quyết định) and their download.

Each test arranges the story of tests/documents/conftest.py, builds the kind's frozen context with its
builder, turns it into a .docx with the kind's `docx` function, opens the file again with python-docx and
reads back what a clerk would see in Word: the text of paragraphs and tables in document order, the page
(A4, Nghị định 30 margins), the fonts and the emphasis the PDF templates give.
"""
import io
import zipfile
from urllib.parse import unquote

import pytest
from django.urls import reverse

from core.docx import DOCX_CONTENT_TYPE, FONT
from documents import services
from documents.registry import KINDS
from dossiers import documents
from dossiers.models import Dossier
from tests.pdf_assertions import assert_in_order

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

PLACE_DATE = "Quảng Trị, ngày 05 tháng 8 năm 2025"
INJECTED = ['<img src="http://example.com/x.png">', "file:///etc/passwd", "<b>đậm</b>"]
EMU_PER_MM = 36000


# --- reading a .docx back ---------------------------------------------------------------------------------
def open_docx(data):
    from docx import Document

    assert data[:4] == b"PK\x03\x04"
    return Document(io.BytesIO(data))


def cell_lines(cell):
    return [spaced(p.text) for p in cell.paragraphs if p.text.strip()]


def spaced(text):
    """The text as read: the non-breaking spaces that keep a header's place name on one line are spaces."""
    return text.replace("\u00a0", " ")


def row_cells(row):
    """The cells of a row, a merged cell once (python-docx repeats it for each grid column it spans)."""
    seen, cells = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def lines(document):
    """Every non-empty line in document order: paragraphs, then the cells of each table row by row."""
    from docx.table import Table

    result = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row_cells(row):
                    result += cell_lines(cell)
        elif block.text.strip():
            result.append(spaced(block.text))
    return result


def text(document):
    return "\n".join(lines(document))


def table_rows(table):
    return [[" ".join(cell_lines(cell)) for cell in row_cells(row)] for row in table.rows]


def paragraph(document, starting):
    """The first body paragraph whose text starts with `starting`."""
    return next(p for p in document.paragraphs if p.text.startswith(starting))


def runs_of(paragraph_):
    return [run for run in paragraph_.runs if run.text.strip()]


def build(code, context):
    return open_docx(KINDS[code].docx(context))


def mm(length):
    return round(length / EMU_PER_MM, 1)


def assert_nd30_page(document):
    """A4 portrait, margins 20/20/30/15 mm, Times New Roman 14 pt, page numbers from page 2."""
    section = document.sections[0]
    assert (mm(section.page_width), mm(section.page_height)) == (210.0, 297.0)
    assert (mm(section.top_margin), mm(section.bottom_margin), mm(section.left_margin),
            mm(section.right_margin)) == (20.0, 20.0, 30.0, 15.0)
    normal = document.styles["Normal"]
    assert normal.font.name == FONT and normal.font.size.pt == 14
    r_fonts = normal.element.rPr.rFonts
    assert {r_fonts.get(f"{{{r_fonts.nsmap['w']}}}{key}") for key in ("ascii", "hAnsi", "eastAsia", "cs")} == {FONT}
    assert normal.paragraph_format.space_after.pt == 6
    assert normal.paragraph_format.alignment == 3  # WD_ALIGN_PARAGRAPH.JUSTIFY
    # the page number: a PAGE field in the header, none on the first page
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml and "w:fldChar" in header_xml
    assert not section.header.is_linked_to_previous
    assert "PAGE" not in section.first_page_header._element.xml


def assert_header(document, left, right):
    """The two-column header table without borders: its lines, issuer bold, motto bold underlined, date
    italic."""
    header = document.tables[0]
    assert "w:val=\"nil\"" in header._tbl.tblPr.xml  # no borders
    left_cell, right_cell = header.rows[0].cells
    assert cell_lines(left_cell) == left
    assert cell_lines(right_cell) == right
    issuer = next(p for p in left_cell.paragraphs if spaced(p.text) == left[1 if len(left) > 1 else 0])
    assert all(run.bold for run in runs_of(issuer))
    nation, motto, place_date = [p for p in right_cell.paragraphs if p.text.strip()]
    assert all(run.bold for run in runs_of(nation))
    assert all(run.bold and run.underline for run in runs_of(motto))
    assert all(run.italic for run in runs_of(place_date))
    assert all(run.font.size.pt == 13 for p in left_cell.paragraphs for run in runs_of(p))


def assert_title(document, title, subject):
    heading = paragraph(document, title)
    assert heading.text == title and heading.alignment == 1  # centred
    assert all(run.bold for run in runs_of(heading))
    line = paragraph(document, subject)
    assert line.alignment == 1 and all(run.bold for run in runs_of(line))


# --- Tờ trình ---------------------------------------------------------------------------------------------
def test_to_trinh_docx(dossier):
    document = build("to_trinh", documents.to_trinh(dossier))

    assert_nd30_page(document)
    assert_header(document, ["SỞ NỘI VỤ TỈNH THỬ", "PHÒNG TỔ CHỨC CÁN BỘ", "Số: 07/TTr-TCCB"],
                  ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", PLACE_DATE])
    assert_title(document, "TỜ TRÌNH", "Về việc đề nghị tặng Giấy khen (thử)")
    assert_in_order(text(document), [
        "SỞ NỘI VỤ TỈNH THỬ", "PHÒNG TỔ CHỨC CÁN BỘ", "Số: 07/TTr-TCCB",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", PLACE_DATE,
        "TỜ TRÌNH", "Về việc đề nghị tặng Giấy khen (thử)",
        "Kính gửi: Hội đồng Thi đua – Khen thưởng Sở Nội vụ tỉnh Thử.",
        *BASIS,
        "Căn cứ Kế hoạch số 173/KH-SNV ngày 10 tháng 7 năm 2024 của Sở Nội vụ tỉnh Thử",
        "Căn cứ Biên bản họp bình xét thi đua, khen thưởng ngày 25 tháng 7 năm 2025 của Phòng Tổ chức cán bộ;",
        "Phòng Tổ chức cán bộ kính đề nghị Hội đồng Thi đua – Khen thưởng Sở Nội vụ tỉnh Thử xem xét, trình cấp "
        "có thẩm quyền tặng Giấy khen (thử) cho 01 tập thể và 01 cá nhân đã có thành tích xuất sắc trong đợt thi "
        "đua đặc biệt chào mừng 80 năm ngành Nội vụ, cụ thể như sau:",  # the title names the movement: said once
        *TO_TRINH_LIST_AND_CLOSING,
    ])
    # the căn cứ lines are italic; the list is a bordered table with a bold header row repeated on each page
    assert all(run.italic for line in BASIS for run in runs_of(paragraph(document, line)))
    nominees = document.tables[1]
    assert table_rows(nominees) == [
        ["STT", "Họ và tên / Tên tập thể", "Chức vụ", "Đơn vị", "Tóm tắt thành tích"],
        ["1", "Nguyễn Thị Hương", "Chuyên viên", "Phòng Tổ chức cán bộ", INDIVIDUAL_SUMMARY],
        ["2", "Phòng Tổ chức cán bộ", "", "Phòng Tổ chức cán bộ", COLLECTIVE_SUMMARY]]
    assert nominees.style.name == "Table Grid" and "w:tblHeader" in nominees.rows[0]._tr.xml
    assert all(run.bold for cell in nominees.rows[0].cells for p in cell.paragraphs for run in runs_of(p))
    assert not any(run.bold for cell in nominees.rows[1].cells for p in cell.paragraphs for run in runs_of(p))
    # the closing: "Nơi nhận:" bold italic on the left, the signature on the right
    closing = document.tables[-1]
    recipients, signature = closing.rows[0].cells
    assert cell_lines(recipients) == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    label = runs_of(recipients.paragraphs[0])
    assert all(run.bold and run.italic for run in label)
    assert cell_lines(signature) == ["TRƯỞNG PHÒNG", "Nguyễn Văn Hùng"]
    assert all(run.bold for p in signature.paragraphs for run in runs_of(p))


def test_to_trinh_docx_core_properties_and_content_type(dossier):
    data = KINDS["to_trinh"].docx(documents.to_trinh(dossier))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "word/document.xml" in archive.namelist()
        assert DOCX_CONTENT_TYPE + ".main+xml" in archive.read("[Content_Types].xml").decode()
    properties = open_docx(data).core_properties
    assert (properties.title, properties.author, properties.language) == (
        "Tờ trình 07/TTr-TCCB", "PHÒNG TỔ CHỨC CÁN BỘ", "vi-VN")


@pytest.mark.parametrize("people", [{"individual_summary": INJECTION}])
def test_to_trinh_docx_keeps_markup_typed_by_a_user_as_literal_text(dossier):
    data = KINDS["to_trinh"].docx(documents.to_trinh(dossier))
    document = open_docx(data)

    assert table_rows(document.tables[1])[1] == [
        "1", "Nguyễn Thị Hương", "Chuyên viên", "Phòng Tổ chức cán bộ", INJECTION]
    assert_in_order(text(document), ["Nguyễn Thị Hương", *INJECTED, "Phòng Tổ chức cán bộ"])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
        media = [name for name in archive.namelist() if name.startswith("word/media/")]
    assert "&lt;b&gt;đậm&lt;/b&gt;" in xml and "&lt;img src=" in xml and "<b>" not in xml and "<img" not in xml
    assert "etc/passwd" not in rels and "example.com" not in rels and "External" not in rels
    assert media == [] and not document.inline_shapes


def test_docx_drops_the_characters_xml_cannot_hold(dossier):
    context = documents.to_trinh(dossier)
    context["nominees"][0]["summary"] = "Dòng\x0b một\x00 và\x1f hai"
    context["nominees"][0]["name"] = "Nguyễn Thi\u0323 Hương"  # decomposed: printed as NFC

    rows = table_rows(build("to_trinh", context).tables[1])

    assert rows[1][1:] == ["Nguyễn Thị Hương", "Chuyên viên", "Phòng Tổ chức cán bộ", "Dòng một và hai"]


# --- Báo cáo thành tích -----------------------------------------------------------------------------------
def test_bao_cao_docx_of_an_individual(cast, dossier):
    nomination = dossier.nominations.get(person=cast.person_a)
    document = build("bao_cao", documents.bao_cao(nomination))

    assert_nd30_page(document)
    assert_header(document, ["SỞ NỘI VỤ TỈNH THỬ", "PHÒNG TỔ CHỨC CÁN BỘ"],
                  ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                   "Quảng Trị, ngày 05 tháng 8 năm 2025"])
    assert_title(document, "BÁO CÁO THÀNH TÍCH", "Đề nghị tặng Giấy khen (thử)")
    content = text(document)
    assert_in_order(content, list(BAO_CAO_INDIVIDUAL))
    assert "Số:" not in content and "Nơi nhận" not in content and "THÔNG TIN CHUNG" not in content
    label = document.paragraphs[0]
    assert label.text == "Mẫu số 08" and label.alignment == 2 and "w:bdr" in label.runs[0]._r.xml  # boxed, right
    assert all(run.bold for run in runs_of(paragraph(document, "I. SƠ LƯỢC LÝ LỊCH")))
    numbered = paragraph(document, "1. Các chỉ tiêu")
    assert all(run.bold and run.italic for run in runs_of(numbered))
    left, right = document.tables[-1].rows[0].cells
    assert cell_lines(left) == ["XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", "(Ký, đóng dấu)"]
    assert cell_lines(right) == ["NGƯỜI BÁO CÁO THÀNH TÍCH", "(Ký, ghi rõ họ và tên)", "Nguyễn Thị Hương"]


def test_bao_cao_docx_of_a_collective(cast, dossier):
    nomination = dossier.nominations.get(organisation=cast.unit_a)
    content = text(build("bao_cao", documents.bao_cao(nomination)))

    assert_in_order(content, [
        "Mẫu số 08", "BÁO CÁO THÀNH TÍCH", "Đề nghị tặng Giấy khen (thử)",
        "I. THÔNG TIN CHUNG", "- Tên tập thể: Phòng Tổ chức cán bộ", "- Địa chỉ trụ sở:", "- Điện thoại:",
        "- Tổng số cán bộ, công chức, viên chức:",
        "- Cơ cấu tổ chức:", "Trưởng phòng, 01 Phó Trưởng phòng và 06 chuyên viên.",
        "- Chức năng, nhiệm vụ được giao:", "Tham mưu công tác tổ chức cán bộ.",
        "II. THÀNH TÍCH ĐẠT ĐƯỢC", "Kết quả đạt được", "Tham mưu 12 văn bản, tất cả đúng hạn.",
        "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", "(Ký, đóng dấu)", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký, đóng dấu)",
    ])
    assert "SƠ LƯỢC LÝ LỊCH" not in content


@pytest.mark.parametrize("people", [{"results": f"{INJECTION}\nKết quả thứ hai."}])
def test_bao_cao_docx_keeps_markup_in_the_results_as_literal_text(cast, dossier):
    nomination = dossier.nominations.get(person=cast.person_a)
    document = build("bao_cao", documents.bao_cao(nomination))

    assert_in_order(text(document), ["3. Kết quả đạt được", INJECTION, "Kết quả thứ hai."])
    assert paragraph(document, '<img src="http://example.com/x.png">').text == INJECTION


# --- Quyết định -------------------------------------------------------------------------------------------
def test_quyet_dinh_docx(decision):
    document = build("quyet_dinh", documents.quyet_dinh(decision))

    assert_nd30_page(document)
    assert_header(document, ["ỦY BAN NHÂN DÂN TỈNH THỬ", "SỞ NỘI VỤ TỈNH THỬ", "Số: 05/QĐ-SNV"],
                  ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                   "Quảng Trị, ngày 20 tháng 8 năm 2025"])
    assert_title(document, "QUYẾT ĐỊNH",
                 "Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc trong đợt thi đua")
    assert_in_order(text(document), [
        "ỦY BAN NHÂN DÂN TỈNH THỬ", "SỞ NỘI VỤ TỈNH THỬ", "Số: 05/QĐ-SNV", "Quảng Trị, ngày 20 tháng 8 năm 2025",
        "QUYẾT ĐỊNH", "Về việc tặng Giấy khen cho các tập thể, cá nhân có thành tích xuất sắc trong đợt thi đua",
        "GIÁM ĐỐC SỞ NỘI VỤ TỈNH THỬ", *BASIS,
        "Xét đề nghị tại Tờ trình số 07/TTr-TCCB ngày 05 tháng 8 năm 2025 của Phòng Tổ chức cán bộ.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Tặng Giấy khen (thử) cho 01 tập thể và 01 cá nhân đã có thành tích xuất sắc "
        "(có danh sách kèm theo).",
        "Điều 2. Tiền thưởng kèm theo các hình thức khen thưởng tại Điều 1 được chi từ Quỹ thi đua, khen thưởng "
        "của Sở Nội vụ tỉnh Thử theo quy định, tổng số tiền là 3.510.000 đồng "
        "(Bằng chữ: Ba triệu năm trăm mười nghìn đồng).",
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.", "chịu trách nhiệm thi hành Quyết định này./.",
        "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT, TĐKT.", "GIÁM ĐỐC", "Lê Quang Thắng",
        "DANH SÁCH", "Tập thể, cá nhân được tặng Giấy khen (thử)",
        "(Kèm theo Quyết định số 05/QĐ-SNV ngày 20 tháng 8 năm 2025 của Giám đốc Sở Nội vụ tỉnh Thử)",
        "STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Số tiền (đồng)",
        "1", "Nguyễn Thị Hương", "Chuyên viên, Phòng Tổ chức cán bộ", "1.170.000",
        "2", "Phòng Tổ chức cán bộ", "2.340.000",
        "Tổng cộng", "3.510.000", "Bằng chữ: Ba triệu năm trăm mười nghìn đồng.",
    ])
    article = paragraph(document, "Điều 1.")
    assert article.runs[0].text == "Điều 1." and article.runs[0].bold and not article.runs[1].bold
    assert all(run.italic for run in runs_of(paragraph(document, "Xét đề nghị tại Tờ trình")))
    # the attached list starts on a new page, after the signature
    listing = paragraph(document, "DANH SÁCH")
    assert listing.paragraph_format.page_break_before
    assert not any(p.paragraph_format.page_break_before for p in document.paragraphs if p._p is not listing._p)
    body = list(document.element.body)
    assert len(document.tables) == 3 and body.index(document.tables[1]._tbl) < body.index(listing._p)  # the closing
    assert table_rows(document.tables[-1]) == [
        ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị", "Số tiền (đồng)"],
        ["1", "Nguyễn Thị Hương", "Chuyên viên, Phòng Tổ chức cán bộ", "1.170.000"],
        ["2", "Phòng Tổ chức cán bộ", "", "2.340.000"],
        ["", "Tổng cộng", "3.510.000"]]  # "Tổng cộng" spans two columns
    total_row = document.tables[-1].rows[-1]
    assert all(run.bold for cell in row_cells(total_row) for p in cell.paragraphs for run in runs_of(p))
    amount = document.tables[-1].rows[1].cells[3].paragraphs[0]
    assert amount.alignment == 2  # amounts right-aligned
    words = document.paragraphs[-1]
    assert words.text == "Bằng chữ: Ba triệu năm trăm mười nghìn đồng." and all(r.italic for r in runs_of(words))


def test_quyet_dinh_docx_without_bonus_has_no_article_on_money(cast, campaign, dossier):
    decision = sign(cast, campaign, dossier)  # no bonus coefficient in the catalogue
    document = build("quyet_dinh", documents.quyet_dinh(decision))

    content = text(document)
    assert_in_order(content, ["Điều 1.", "(có danh sách kèm theo)", "Điều 2. Quyết định này có hiệu lực",
                              "DANH SÁCH"])
    assert "Điều 3." not in content and "Bằng chữ" not in content and "Quỹ thi đua" not in content
    assert "Số tiền" not in content and "Tổng cộng" not in content
    assert table_rows(document.tables[-1])[0] == ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị"]


def test_only_the_three_kinds_have_a_word_copy():
    assert sorted(code for code, kind in KINDS.items() if kind.docx is not None) == [
        "bao_cao", "quyet_dinh", "to_trinh"]


# --- the download -----------------------------------------------------------------------------------------
def docx_url(document):
    return reverse("documents:docx", args=[document.pk])


def disposition_name(response):
    header = response["Content-Disposition"]
    assert header.startswith("attachment;")
    return unquote(header.split("filename*=utf-8''", 1)[1])


def test_clerk_downloads_the_word_copy_of_the_to_trinh(cast, client_for, dossier):
    document = services.snapshot("to_trinh", dossier)  # not rendered yet: the Word copy needs no PDF

    response = client_for(cast.clerk_a).get(docx_url(document))

    assert response.status_code == 200
    assert response["Content-Type"] == DOCX_CONTENT_TYPE
    assert disposition_name(response) == "Tờ trình 07-TTr-TCCB.docx"
    assert "Số: 07/TTr-TCCB" in text(open_docx(response.content))


def test_the_word_copy_reads_the_frozen_snapshot(cast, client_for, dossier):
    document = services.snapshot("to_trinh", dossier, freeze=True)
    Dossier.objects.filter(pk=dossier.pk).update(signer_name="Người Khác")  # the row changes afterwards

    response = client_for(cast.clerk_a).get(docx_url(document))

    content = text(open_docx(response.content))
    assert "Nguyễn Văn Hùng" in content and "Người Khác" not in content


def test_the_status_page_offers_the_word_copy_while_the_pdf_renders(cast, client_for, dossier):
    client = client_for(cast.clerk_a)
    to_trinh = services.snapshot("to_trinh", dossier)
    bien_ban = services.snapshot("bien_ban", dossier.meeting)

    page = client.get(reverse("documents:status", args=[to_trinh.pk])).content.decode()
    assert "Tải Word (.docx)" in page and docx_url(to_trinh) in page
    page = client.get(reverse("documents:status", args=[bien_ban.pk])).content.decode()
    assert "Tải bản Word" not in page


def test_another_units_clerk_gets_404(cast, client_for, dossier):
    document = services.snapshot("to_trinh", dossier)
    assert client_for(cast.clerk_b).get(docx_url(document)).status_code == 404


def test_a_kind_without_a_word_copy_is_404(cast, client_for, dossier):
    document = services.snapshot("bien_ban", dossier.meeting)
    client = client_for(cast.clerk_a)
    assert client.get(reverse("documents:status", args=[document.pk])).status_code == 200  # visible
    assert client.get(docx_url(document)).status_code == 404


def test_word_download_is_get_only_and_needs_a_login(cast, client_for, dossier):
    document = services.snapshot("to_trinh", dossier)
    assert client_for(cast.clerk_a).post(docx_url(document)).status_code == 405
    response = client_for(None).get(docx_url(document))
    assert response.status_code == 302 and "next=" in response["Location"]
