import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from orgs.models import Person
from orgs.services.people_import import ImportFileError, import_people, template_workbook
from tests.factories.xlsx import workbook_bytes

pytestmark = pytest.mark.django_db
HEADER = ["Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Mã đơn vị", "Đối tượng"]


def xlsx(rows, header=HEADER, name="ds.xlsx"):
    return SimpleUploadedFile(name, workbook_bytes(rows, header))


def test_good_file_imports_every_row(cast):
    before = Person.objects.count()
    report = import_people(xlsx([
        ["Trần Thị Mai", "Nữ", "05/03/1985", "Chuyên viên", "T-SNV-A", "Công chức"],
        ["Phạm Văn Nam", "nam", "1990-12-31", "Trưởng phòng", "t-snv-b", "Viên chức"],
    ]), by=cast.admin)
    assert (report.ok, report.created, report.updated) == (True, 2, 0)
    assert Person.objects.count() == before + 2
    mai = Person.objects.get(full_name="Trần Thị Mai")
    assert (mai.date_of_birth.isoformat(), mai.organisation, mai.gender) == ("1985-03-05", cast.unit_a, "nu")


def test_bad_rows_import_nothing_and_report_row_and_reason(cast):
    before = Person.objects.count()
    report = import_people(xlsx([
        ["Trần Thị Mai", "Nữ", "05/03/1985", "Chuyên viên", "T-SNV-A", "Công chức"],
        ["", "Nam", "01/01/1990", "Chuyên viên", "T-SNV-A", ""],
        ["Lê Văn Sai", "Khác", "31/02/1980", "Chuyên viên", "KHONG-CO", "Hợp đồng"],
    ]), by=cast.admin)
    assert Person.objects.count() == before
    assert [(e.row, e.message) for e in report.errors] == [
        (3, "Thiếu “Họ và tên”."),
        (4, "Giới tính “Khác” không hợp lệ (Nam hoặc Nữ)."),
        (4, "Đối tượng “Hợp đồng” không hợp lệ (Công chức, Viên chức, Người lao động hoặc Cán bộ)."),
        (4, "Ngày sinh “31/02/1980” không hợp lệ (dạng dd/mm/yyyy)."),
        (4, "Mã đơn vị “KHONG-CO” không có hoặc ngoài phạm vi quản lý của bạn."),
    ]


def test_units_outside_the_admins_scope_are_refused(cast):
    from tests.factories.orgs import MembershipFactory, UserFactory

    body_admin = UserFactory()
    MembershipFactory(user=body_admin, organisation=cast.body, role="admin")
    report = import_people(xlsx([["Hồ Văn A", "Nam", "", "", "T-STC", ""]]), by=body_admin)
    assert [e.message for e in report.errors] == [
        "Mã đơn vị “T-STC” không có hoặc ngoài phạm vi quản lý của bạn."]


def test_duplicate_rows_in_file_are_reported(cast):
    report = import_people(xlsx([
        ["Trần Thị Mai", "Nữ", "05/03/1985", "", "T-SNV-A", ""],
        ["Trần Thị Mai", "Nữ", "05/03/1985", "", "T-SNV-A", ""],
    ]), by=cast.admin)
    assert [(e.row, e.message) for e in report.errors] == [
        (3, "Trùng với dòng 2 (cùng họ tên, ngày sinh, đơn vị).")]


def test_reimporting_updates_instead_of_duplicating(cast):
    rows = [["Trần Thị Mai", "Nữ", "05/03/1985", "Chuyên viên", "T-SNV-A", ""]]
    import_people(xlsx(rows), by=cast.admin)
    rows[0][3] = "Phó Trưởng phòng"
    report = import_people(xlsx(rows), by=cast.admin)
    assert (report.created, report.updated) == (0, 1)
    assert Person.objects.get(full_name="Trần Thị Mai").position == "Phó Trưởng phòng"


def test_a_file_that_is_not_xlsx_is_refused_by_content(cast):
    fake = SimpleUploadedFile("ds.xlsx", b"Ho va ten,Gioi tinh\nA,Nam\n")
    with pytest.raises(ImportFileError) as error:
        import_people(fake, by=cast.admin)
    assert error.value.messages == [
        "Tệp không phải bảng tính Excel (.xlsx). Hãy lưu tệp dưới dạng .xlsx rồi tải lên lại."]


def test_a_file_over_the_size_limit_is_refused(cast, settings):
    settings.PEOPLE_IMPORT_MAX_BYTES = 1024
    big = SimpleUploadedFile("ds.xlsx", b"PK\x03\x04" + b"0" * 4096)
    with pytest.raises(ImportFileError) as error:
        import_people(big, by=cast.admin)
    assert error.value.messages[0].startswith("Tệp quá lớn")


def test_missing_required_column_is_reported(cast):
    with pytest.raises(ImportFileError) as error:
        import_people(xlsx([["Trần Thị Mai", "Nữ"]], header=["Họ và tên", "Giới tính"]), by=cast.admin)
    assert error.value.messages == ["Thiếu cột bắt buộc: Mã đơn vị. Hãy dùng tệp mẫu."]


def test_template_has_the_expected_headers():
    sheet = load_workbook(io.BytesIO(template_workbook())).active
    assert [c.value for c in sheet[1]][:5] == ["Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Mã đơn vị"]


def test_import_page_shows_report_and_keeps_nothing(cast, client_for):
    before = Person.objects.count()
    upload = xlsx([["Trần Thị Mai", "Không rõ", "", "", "T-SNV-A", ""]])
    response = client_for(cast.admin).post("/can-bo/nhap-excel/", {"file": upload})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Chưa nhập dòng nào" in html
    assert "<td>Dòng 2</td>" in html and "Giới tính “Không rõ” không hợp lệ (Nam hoặc Nữ)." in html
    assert "<th style=\"width:9rem\">Dòng</th>" in html
    assert Person.objects.count() == before


def test_import_page_success_redirects_with_message(cast, client_for):
    upload = xlsx([["Trần Thị Mai", "Nữ", "", "", "T-SNV-A", ""]])
    response = client_for(cast.admin).post("/can-bo/nhap-excel/", {"file": upload}, follow=True)
    assert "Đã nhập 1 dòng: thêm mới 1, cập nhật 0 cán bộ." in response.content.decode()


# --- hostile files (issue 16): refused before they cost memory or time, nothing imported --------------------
def test_a_zip_bomb_is_refused_on_the_page_and_imports_nothing(cast, client_for):
    from tests.factories.xlsx import SHEET, blanks, rebuild

    before = Person.objects.count()
    bomb = rebuild(workbook_bytes([["Trần Thị Mai", "Nữ", "", "", "T-SNV-A", ""]]), replace={SHEET: blanks(300)})
    response = client_for(cast.admin).post("/can-bo/nhap-excel/", {"file": SimpleUploadedFile("ds.xlsx", bomb)})
    assert "Tệp Excel có tỉ lệ nén bất thường" in response.content.decode()
    assert Person.objects.count() == before


def test_a_million_blank_rows_stop_at_the_row_limit(cast, monkeypatch):
    from openpyxl.worksheet import _reader

    from tests.factories.xlsx import HEADER as FULL_HEADER
    from tests.factories.xlsx import upload, with_sheet

    parsed = []
    parse = _reader.WorkSheetParser.parse

    def counting(self):
        for item in parse(self):
            parsed.append(item[0])
            yield item

    monkeypatch.setattr(_reader.WorkSheetParser, "parse", counting)
    data = with_sheet([FULL_HEADER, ["Trần Thị Mai", "Nữ", "", "", "T-SNV-A", ""]], blank_rows=1_000_000)
    before = Person.objects.count()
    with pytest.raises(ImportFileError) as error:
        import_people(upload(data), by=cast.admin)
    assert error.value.messages[0].startswith("Tệp có quá 5000 dòng (kể cả dòng tiêu đề và các dòng trống)")
    assert len(parsed) <= 5001  # of a million
    assert Person.objects.count() == before


def test_a_file_just_under_every_limit_imports(cast, settings):
    import zipfile

    from core.xlsx import check_archive

    rows = [["Trần Thị Mai", "Nữ", "05/03/1985", "Chuyên viên", "T-SNV-A", "Công chức"],
            ["Phạm Văn Nam", "Nam", "31/12/1990", "Trưởng phòng", "T-SNV-B", "Viên chức"]]
    data = workbook_bytes(rows)
    settings.XLSX_MAX_INFLATED_BYTES = check_archive(data)
    settings.XLSX_MAX_MEMBERS = len(zipfile.ZipFile(io.BytesIO(data)).infolist())
    settings.PEOPLE_IMPORT_MAX_ROWS = 3  # the header and two people
    settings.PEOPLE_IMPORT_MAX_BYTES = len(data)
    report = import_people(SimpleUploadedFile("ds.xlsx", data), by=cast.admin)
    assert (report.ok, report.created) == (True, 2)
