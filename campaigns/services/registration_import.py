"""Nhập đăng ký thi đua từ Excel: a unit's registration lines from a workbook, all or nothing, with the per-row
Vietnamese report of the portal's other imports (core.xlsx).

Each row names a person or a collective of the unit (subject_rows, the registration pickers' scope) and the title
or award form aimed at, by name, short name or code among the campaign's offered forms and titles
(registrations.registrable_forms); the lines are then written by registrations.add_entries, whose checks are a
line's own, in one transaction: when any row fails, nothing is written. Read in the request
(core.imports.read_in_request): one unit's list.
"""
from awards.enums import SubjectType
from awards.services.catalogue import find_form, forms_by_key
from core.xlsx import ImportReport, cell_text, read_list, safe_row, workbook_bytes

from ..models import RegistrationEntry
from . import registrations
from .subject_rows import SUBJECT_COLUMNS, SUBJECT_EXAMPLES, read_subject, resolver_for, subject_key

COLUMNS = {
    **SUBJECT_COLUMNS,
    "award_form": ("Danh hiệu, hình thức đăng ký", {"danh hieu, hinh thuc dang ky", "danh hieu, hinh thuc",
                                                     "danh hieu dang ky", "hinh thuc khen thuong", "danh hieu",
                                                     "hinh thuc", "danh hieu thi dua"}),
    "target_note": ("Mục tiêu, cam kết", {"muc tieu, cam ket", "muc tieu", "cam ket", "noi dung dang ky"}),
}
REQUIRED = ("subject_type", "subject", "award_form")
SHEET = "Đăng ký thi đua"
NOTE_LIMIT = RegistrationEntry._meta.get_field("target_note").max_length
REFUSED = "đăng ký thi đua của phong trào không nhận {label} (chỉ cá nhân, tập thể mà phong trào khen thưởng)"


def template_workbook(campaign, unit):
    """The template: the columns, an example row, the campaign's forms and titles, the unit's codes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    forms = list(registrations.registrable_forms(campaign).order_by("-category", "order", "name"))
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append([label for label, _ in COLUMNS.values()])
    for example in SUBJECT_EXAMPLES[:2]:
        sheet.append(safe_row(sheet, example + [forms[0].name if forms else "", "Hoàn thành xuất sắc nhiệm vụ"]))
    for column, width in zip("ABCDEF", (14, 34, 12, 16, 40, 40), strict=True):
        sheet.column_dimensions[column].width = width
    catalogue = book.create_sheet("Danh hiệu, hình thức")
    catalogue.append(["Tên danh hiệu, hình thức", "Tên ngắn", "Mã", "Đối tượng"])
    for form in forms:
        catalogue.append(safe_row(catalogue, [form.name, form.short_name, form.code,
                                              ", ".join(form.subject_type_labels())]))
    units = book.create_sheet("Mã đơn vị")
    units.append(["Mã đơn vị", "Tên đơn vị"])
    for each in unit.descendants(include_self=True).current().order_by("path"):
        units.append(safe_row(units, [each.code, each.name]))
    for page, widths in ((catalogue, (50, 28, 20, 20)), (units, (20, 60))):
        for column, width in zip("ABCD", widths, strict=False):
            page.column_dimensions[column].width = width
    for page in (sheet, catalogue, units):
        for cell in page[1]:
            cell.font = Font(bold=True)
    return workbook_bytes(book)


def import_entries(campaign, unit, data, *, by, reader):
    """Add to `unit`'s registration of `campaign` the lines of the workbook `data` (the checked bytes of an .xlsx),
    all or nothing. Returns the report: its errors per sheet row (nothing written), or `created` lines added.
    Side effects (only when no row has an error): those of registrations.add_entries. Raises PermissionDenied
    when `by` is not a clerk of the unit, ValidationError when the registration can no longer be changed,
    ImportFileError when the file itself is unusable."""
    registrations.require_editing(campaign, unit, by=by)
    report = ImportReport()
    rows = read_list(data, COLUMNS, REQUIRED, report, reader)
    resolver = resolver_for(unit, rows, households=False)
    forms = forms_by_key(registrations.registrable_forms(campaign))
    allowed = registrations.registrable_types(campaign)
    cleaned, seen = [], {}
    for row_number, values in rows:
        errors = []
        subject_type, person, organisation, _ = read_subject(values, resolver, errors, allowed=allowed,
                                                              refused=REFUSED)
        form_text, note = cell_text(values.get("award_form")), cell_text(values.get("target_note"))
        award_form = None
        if not form_text:
            errors.append(f"thiếu “{COLUMNS['award_form'][0]}”")
        else:
            award_form, problem = find_form(forms, form_text, where="trong các danh hiệu, hình thức của phong trào")
            if problem:
                errors.append(problem)
        if award_form is not None and subject_type is not None and not award_form.applies_to(subject_type):
            errors.append(f"“{award_form}” không tặng cho {SubjectType(subject_type).label.lower()}")
        if len(note) > NOTE_LIMIT:
            errors.append(f"“{COLUMNS['target_note'][0]}” dài quá {NOTE_LIMIT} ký tự")
        key = (subject_key(subject_type, person, organisation, None), getattr(award_form, "pk", None))
        if not errors and key in seen:
            errors.append(f"trùng với dòng {seen[key]} (cùng đối tượng, cùng danh hiệu, hình thức)")
        for message in errors:
            report.error(row_number, message[0].upper() + message[1:] + ".")
        if errors:
            continue
        seen[key] = row_number
        cleaned.append((row_number, {"subject_type": subject_type, "person": person, "organisation": organisation,
                                     "award_form": award_form, "target_note": note}))
    if not report.ok:
        return report
    reader.finished()
    _, added, refused = registrations.add_entries(campaign, unit, [row for _, row in cleaned], by=by)
    for index, message in refused:
        report.error(cleaned[index][0], message)
    report.created = len(added)
    return report


def summary(report):
    """What the clerk is told once the lines are added."""
    return f"Đã thêm {report.created} dòng đăng ký từ tệp Excel. Kiểm tra lại rồi bấm “Gửi đăng ký”."
