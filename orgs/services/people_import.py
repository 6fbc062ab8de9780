"""Excel import of people: all-or-nothing, with a per-row Vietnamese report.

The workbook is read and every row validated first; only when no row has an error are the rows
written, in one transaction. A row matching an existing person (same name, date of birth and
unit) updates that person instead of creating a twin, so the same file can be imported twice.
A file too long for the request is read by the worker (kind PEOPLE of core.imports, registered by
orgs.apps), by the same import_people(), with the same report.
"""
from datetime import date

from auditlog.context import set_actor
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from core.imports import ImportKind
from core.text import search_key
from core.xlsx import (
    ImportFileError,
    ImportReport,
    RowError,
    SheetReader,
    cell_text,
    find_header,
    is_blank,
    open_workbook,
    parse_date,
    workbook_bytes,
)

from ..enums import Gender, Role, StaffCategory
from ..models import Organisation, Person

__all__ = ["COLUMNS", "PEOPLE", "ImportFileError", "ImportReport", "RowError", "import_people", "summary",
           "template_workbook"]

# column key -> (header shown in the template, accepted header spellings after search_key)
COLUMNS = {
    "full_name": ("Họ và tên", {"ho va ten", "ho ten", "ho va ten can bo"}),
    "gender": ("Giới tính", {"gioi tinh"}),
    "date_of_birth": ("Ngày sinh", {"ngay sinh", "ngay thang nam sinh"}),
    "position": ("Chức vụ", {"chuc vu", "chuc vu, chuc danh", "chuc danh"}),
    "org_code": ("Mã đơn vị", {"ma don vi"}),
    "category": ("Đối tượng", {"doi tuong", "loai"}),
    "hometown": ("Quê quán", {"que quan"}),
    "qualification": ("Trình độ chuyên môn", {"trinh do chuyen mon", "trinh do"}),
    "email": ("Thư điện tử", {"thu dien tu", "email"}),
    "phone": ("Điện thoại", {"dien thoai", "so dien thoai"}),
}
REQUIRED = ("full_name", "gender", "org_code")
GENDERS = {search_key(label): value for value, label in Gender.choices}
CATEGORIES = {search_key(label): value for value, label in StaffCategory.choices}


def template_workbook():
    """An empty workbook with the expected headers and one example row (bytes of an .xlsx)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Danh sách cán bộ"
    sheet.append([label for label, _ in COLUMNS.values()])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(["Nguyễn Thị Hương", "Nữ", "05/03/1985", "Chuyên viên", "QT-SNV-VP", "Công chức",
                  "Hải Lăng, Quảng Trị", "Cử nhân Luật", "", ""])
    for column, width in zip("ABCDEFGHIJ", (28, 10, 12, 24, 16, 16, 24, 22, 24, 14), strict=True):
        sheet.column_dimensions[column].width = width
    return workbook_bytes(book)


def _open_workbook(upload):
    return open_workbook(upload, settings.PEOPLE_IMPORT_MAX_BYTES)


def _find_header(rows):
    return find_header(rows, COLUMNS, "full_name")


_text = cell_text
_parse_date = parse_date


def _clean_row(raw, mapping, organisations, report, row_number):
    """Turn one spreadsheet row into field values, recording errors on the report."""
    values = {column: raw[pos] if pos < len(raw) else None for column, pos in mapping.items()}
    errors = []
    data = {column: _text(values.get(column)) for column in COLUMNS if column != "date_of_birth"}
    for column in REQUIRED:
        if column not in mapping:
            continue
        if not data[column]:
            errors.append(f"thiếu “{COLUMNS[column][0]}”")
    if data["gender"]:
        gender = GENDERS.get(search_key(data["gender"]))
        if gender is None:
            errors.append(f"giới tính “{data['gender']}” không hợp lệ (Nam hoặc Nữ)")
        data["gender"] = gender
    category = StaffCategory.CONG_CHUC
    if data["category"]:
        category = CATEGORIES.get(search_key(data["category"]))
        if category is None:
            errors.append(f"đối tượng “{data['category']}” không hợp lệ "
                          "(Công chức, Viên chức, Người lao động hoặc Cán bộ)")
    data["category"] = category
    try:
        data["date_of_birth"] = _parse_date(values.get("date_of_birth"))
    except ValueError as bad:
        errors.append(f"ngày sinh “{bad}” không hợp lệ (dạng dd/mm/yyyy)")
        data["date_of_birth"] = None
    if data["date_of_birth"] and not (date(1900, 1, 1) <= data["date_of_birth"] <= date.today()):
        errors.append(f"ngày sinh {data['date_of_birth']:%d/%m/%Y} nằm ngoài khoảng hợp lý")
    organisation = None
    if data["org_code"]:
        organisation = organisations.get(data["org_code"].upper())
        if organisation is None:
            errors.append(f"mã đơn vị “{data['org_code']}” không có hoặc ngoài phạm vi quản lý của bạn")
    if data["email"]:
        try:
            validate_email(data["email"])
        except ValidationError:
            errors.append(f"thư điện tử “{data['email']}” không hợp lệ")
    for column in ("full_name", "position", "hometown", "qualification"):
        limit = Person._meta.get_field(column).max_length
        if len(data[column]) > limit:
            errors.append(f"“{COLUMNS[column][0]}” dài quá {limit} ký tự")
    for message in errors:
        report.error(row_number, message[0].upper() + message[1:] + ".")
    data["organisation"] = organisation
    return None if errors else data


def import_people(upload, *, by, reader=None):
    """Read an uploaded workbook of people (an upload, or its checked bytes) and, when every row is valid,
    write them all. `reader` (core.xlsx.SheetReader) counts the rows read against the limit, and reports
    the progress when the worker runs it.

    Side effects (only when the report has no error; one transaction): creates or updates Person
    rows and their audit log entries. Raises ImportFileError when the file itself is unusable.
    """
    reader = reader or SheetReader()
    book = _open_workbook(upload)
    sheet = book.worksheets[0]
    rows = reader.rows(sheet)
    header_row, mapping = _find_header(rows)
    missing = [COLUMNS[c][0] for c in REQUIRED if c not in mapping]
    if missing:
        raise ImportFileError("Thiếu cột bắt buộc: " + ", ".join(missing) + ". Hãy dùng tệp mẫu.")

    organisations = {org.code.upper(): org for org in
                     Organisation.objects.for_user(by, [Role.ADMIN]).current()}
    report, cleaned, seen = ImportReport(), [], {}
    for row_number, raw in enumerate(rows, start=header_row + 1):
        if is_blank(raw):
            continue
        report.rows += 1
        data = _clean_row(raw, mapping, organisations, report, row_number)
        if data is None:
            continue
        key = (search_key(data["full_name"]), data["date_of_birth"], data["organisation"].pk)
        if key in seen:
            report.error(row_number, f"Trùng với dòng {seen[key]} (cùng họ tên, ngày sinh, đơn vị).")
            continue
        seen[key] = row_number
        cleaned.append(data)
    book.close()
    if report.rows == 0:
        raise ImportFileError("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.")
    if not report.ok:
        return report

    reader.finished()

    with set_actor(by), transaction.atomic():
        for data in cleaned:
            person = Person.objects.filter(
                organisation=data["organisation"], search_text=search_key(data["full_name"]),
                date_of_birth=data["date_of_birth"]).first()
            if person is None:
                person = Person()
                report.created += 1
            else:
                report.updated += 1
            for name in ("full_name", "gender", "date_of_birth", "position", "organisation",
                         "category", "hometown", "qualification", "email", "phone"):
                setattr(person, name, data[name])
            person.is_active = True
            person.save()
    return report


def summary(report):
    """What the user is told once the rows are written (in the request or from the worker)."""
    return f"Đã nhập {report.rows} dòng: thêm mới {report.created}, cập nhật {report.updated} cán bộ."


PEOPLE = ImportKind(name="people", label="Nhập danh sách cán bộ từ Excel", run=import_people, summary=summary)
