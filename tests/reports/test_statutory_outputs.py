"""The biểu as the clerk gets them: the page, the PDF in the form's layout (0601 portrait, 0602 and 0603
landscape), the Excel file in the same layout (merged header, the same cells), the walls, constant queries."""
import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.pdf import render_pdf
from documents.registry import kind
from reports.exports import statutory_workbook
from reports.services import statutory
from tests.pdf_assertions import assert_in_order, page_sizes_mm, pdf_fonts, pdf_text, save_png
from tests.reports.test_statutory import YEAR, cells, world  # noqa: F401  (the hand-counted fixture)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("code", "size"), [("0601", (210, 297)), ("0602", (297, 210)), ("0603", (297, 210))])
def test_pdf_in_the_forms_layout(world, code, size):  # noqa: F811
    registered = kind(f"bieu_{code}")
    context = registered.build(world.province, str(YEAR))
    pdf = render_pdf(registered.template, context, strict=True)
    save_png(pdf, f"bieu_{code}")
    assert {(round(w), round(h)) for w, h in page_sizes_mm(pdf)} == {size}
    assert all("Serif" in font for font in pdf_fonts(pdf))
    text = pdf_text(pdf)
    heading = [f"Biểu số: {code}.N/BNV-TĐKT", "Thông tư số 02/2023/TT-BNV", "Đơn vị báo cáo:",
               "Ủy ban nhân dân tỉnh Thử", "Đơn vị nhận báo cáo:", "Bộ Nội vụ", " ".join(context["title"].split()[:3]),
               f"Năm {YEAR}"]
    assert all(line in text for line in heading), [line for line in heading if line not in text]
    assert_in_order(text, ["Mã số", "Tổng số", "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ"])
    assert registered.filename(context) == f"Biểu {code} năm {YEAR} Ủy ban nhân dân tỉnh Thử"


def test_pdf_0601_prints_the_counted_rows(world):  # noqa: F811
    context = statutory.bieu_0601(world.province, YEAR)
    text = pdf_text(render_pdf("documents/bieu_thong_ke.html", context, strict=True))
    assert_in_order(text, ["Tổng số 01 6 0 2 4", "- Toàn quốc 02 0 0 0 0",
                           "- Thi đua thường xuyên hàng năm 12 1 0 1 0"])


def test_excel_in_the_same_layout(world):  # noqa: F811
    from openpyxl import load_workbook

    table = statutory.bieu_0602(world.province, YEAR)
    sheet = load_workbook(io.BytesIO(statutory_workbook(table))).active
    assert sheet["A1"].value == "Biểu số: 0602.N/BNV-TĐKT"
    assert sheet["A4"].value == "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "A6:A9" in merged and "B6:B9" in merged and "D6:D9" in merged  # A, Mã số, Tổng số over 4 rows
    assert "E6:R6" in merged  # "Chia ra" over the 14 sub-columns
    numbers = [c.value for c in sheet[10]]
    assert numbers[:5] == ["A", "B", "C", "1", "2"]
    rows = {row[1].value: [c.value for c in row[3:18]] for row in sheet.iter_rows(min_row=11)
            if row[1].value and row[3].value is not None and row[3].value != ""}
    assert rows == cells(table)
    labels = [row[0] for row in sheet.iter_rows(min_row=11, values_only=True)]
    assert "- Tập thể" in labels  # a label starting with "-" stays text (core.xlsx.safe_row)
    assert sheet.cell(16, 1).data_type == "s"


def test_page_shows_the_chosen_report(world, client):  # noqa: F811
    client.force_login(world.admin)
    response = client.get(reverse("reports:statutory"), {"co_quan": world.province.pk, "nam": YEAR, "bieu": "0603"})
    assert response.status_code == 200
    table = response.context["table"]
    assert table["code"] == "0603.N/BNV-TĐKT" and cells(table)["01"] == [5, 3, 1, 1, 0]
    page = response.content.decode()
    assert 'id="bieu-0603"' in page and "Tải Excel" in page and "In biểu 0603 (PDF)" in page
    assert "0604.N/BNV-TĐKT" in page  # listed as not computable, and why
    excel = client.get(reverse("reports:statutory_excel", args=[world.province.pk, YEAR, "0603"]))
    assert excel.status_code == 200 and excel["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_office_chooses_its_body_by_default(world, client):  # noqa: F811
    client.force_login(world.reviewer)
    response = client.get(reverse("reports:statutory"))
    assert response.context["body"] == world.body
    assert world.province not in response.context["bodies"]  # the Sở's office does not report for the province


def _more(cast, n):
    from awards.enums import AwardType
    from dossiers.models import Award, Decision
    from tests.factories.campaigns import award_form
    from tests.factories.orgs import PersonFactory

    made = Decision.objects.create(issuer=cast.province, kind=Decision.OWN, number=500 + n, symbol="QĐ-UBND",
                                   year=YEAR, date=date(YEAR, 5, 5), title="Khen", signer_name="A", signer_title="B")
    for index in range(n):
        person = PersonFactory(organisation=cast.unit_a)
        Award.objects.create(subject_type="individual", person=person, award_form=award_form(code="bang-khen-tinh"),
                             year=YEAR, award_type=list(AwardType.values)[index % 6], decision=made,
                             decision_number=made.reference, decision_date=made.date)
        Award.objects.create(subject_type="individual", person=person, award_form=award_form(code="bang-khen-ttg"),
                             year=YEAR, decision=made, decision_number=made.reference, decision_date=made.date)
    from campaigns.models import Campaign

    for index in range(n):
        Campaign.objects.create(issuer=cast.unit_a, kind="drive", title=f"Đợt {index}", status="launched",
                                period_start=date(YEAR, 2, 1), period_end=date(YEAR, 3, 1 + index % 20))


@pytest.mark.parametrize("code", ["0601", "0602", "0603"])
def test_query_count_does_not_grow(cast, client, code):
    client.force_login(cast.admin)
    url = reverse("reports:statutory")
    query = {"co_quan": cast.province.pk, "nam": YEAR, "bieu": code}
    _more(cast, 1)
    client.get(url, query)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url, query).status_code == 200
    _more(cast, 25)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url, query)
    assert response.status_code == 200
    assert len(many) == len(few), [q["sql"] for q in many]
    excel = reverse("reports:statutory_excel", args=[cast.province.pk, YEAR, code])
    with CaptureQueriesContext(connection) as file_queries:
        assert client.get(excel).status_code == 200
    assert len(file_queries) <= len(many)
