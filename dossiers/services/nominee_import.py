"""Nhập danh sách đề nghị từ Excel: a dossier's nominees from a workbook, all or nothing, with the per-row
Vietnamese report of the portal's other imports (core.xlsx).

Every row is read against the dossier unit's people, units and households (campaigns.services.subject_rows, the
nominee picker's scope), then all the rows go through add_nominee's own checks (building.add_nominees: the award
form's subject types, the campaign's, the unit, "already in the dossier") in one transaction: when any row fails,
nothing is written. A dossier's list is tens of rows: the file is read in the request, at most
IMPORT_INLINE_MAX_ROWS rows (core.imports.read_in_request), never handed to the worker.
"""
from campaigns.services.subject_rows import SUBJECT_COLUMNS, SUBJECT_EXAMPLES, read_subject, resolver_for, subject_key
from core.xlsx import ImportReport, cell_text, read_list, safe_row, workbook_bytes

from ..models import Nomination
from . import building

COLUMNS = {
    **SUBJECT_COLUMNS,
    "summary": ("Tóm tắt thành tích", {"tom tat thanh tich", "thanh tich", "tom tat", "thanh tich noi bat"}),
    "unregistered_reason": ("Lý do đề nghị ngoài đăng ký", {"ly do de nghi ngoai dang ky", "ly do ngoai dang ky",
                                                            "ly do de nghi ngoai dang ky thi dua", "ly do"}),
}
REQUIRED = ("subject_type", "subject")
SHEET = "Danh sách đề nghị"
LIMITS = {"summary": Nomination._meta.get_field("summary").max_length,
          "unregistered_reason": Nomination._meta.get_field("unregistered_reason").max_length}


def template_workbook(dossier):
    """The template: the columns, an example row per subject type, and a sheet of the unit's codes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([label for label, _ in COLUMNS.values()])
    for example in SUBJECT_EXAMPLES:
        sheet.append(example + ["Hoàn thành xuất sắc nhiệm vụ năm", ""])
    for column, width in zip("ABCDEF", (14, 34, 12, 16, 50, 40), strict=True):
        sheet.column_dimensions[column].width = width
    units = book.create_sheet("Mã đơn vị")
    units.append(["Mã đơn vị", "Tên đơn vị"])
    for unit in dossier.organisation.descendants(include_self=True).current().order_by("path"):
        units.append(safe_row(units, [unit.code, unit.name]))
    units.column_dimensions["A"].width = 20
    units.column_dimensions["B"].width = 60
    for page in (sheet, units):
        for cell in page[1]:
            cell.font = Font(bold=True)
    return workbook_bytes(book)


def import_nominees(dossier, data, *, by, reader):
    """Add to `dossier` the nominees of the workbook `data` (the checked bytes of an .xlsx), all or nothing.

    Returns the report: its errors per sheet row (nothing written), or `created` nominees added. Side effects
    (only when no row has an error): those of building.add_nominees. Raises PermissionDenied when `by` is not a
    clerk of the dossier's unit, ValidationError when the dossier can no longer be changed, ImportFileError when
    the file itself is unusable."""
    building.require_adding(dossier, by=by)
    report = ImportReport()
    rows = read_list(data, COLUMNS, REQUIRED, report, reader)
    resolver = resolver_for(dossier.organisation, rows)
    cleaned, seen = [], {}
    for row_number, values in rows:
        errors = []
        subject_type, person, organisation, household = read_subject(values, resolver, errors)
        text = {column: cell_text(values.get(column)) for column in LIMITS}
        for column, most in LIMITS.items():
            if len(text[column]) > most:
                errors.append(f"“{COLUMNS[column][0]}” dài quá {most} ký tự")
        key = subject_key(subject_type, person, organisation, household)
        if not errors and key in seen:
            errors.append(f"trùng với dòng {seen[key]} (cùng người, tập thể, hộ gia đình)")
        for message in errors:
            report.error(row_number, _sentence(message))
        if errors:
            continue
        seen[key] = row_number
        cleaned.append((row_number, {"subject_type": subject_type, "person": person, "organisation": organisation,
                                     "household": household, **text}))
    if not report.ok:
        return report
    reader.finished()
    added, refused = building.add_nominees(dossier, [row for _, row in cleaned], by=by)
    for index, message in refused:
        report.error(cleaned[index][0], message)
    report.created = len(added)
    return report


def summary(report):
    """What the clerk is told once the nominees are added."""
    return (f"Đã thêm {report.created} người, tập thể, hộ gia đình từ tệp Excel. Hãy điền báo cáo thành tích của "
            "từng người.")


def _sentence(message):
    return message[0].upper() + message[1:] + "."

