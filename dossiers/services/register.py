"""Sổ khen thưởng: who sees which awards, accent-free search, and recording past awards (by hand or
from an Excel workbook) so that the eligibility rules can read a nominee's history.

Awards decided on the portal are written by `services.decisions`; this module records those decided
before the portal existed or by other bodies (source "manual" or "import"), and annual ratings.
"""
from dataclasses import dataclass

from auditlog.context import set_actor
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from awards.enums import AWARD_TYPE_SHORT, AwardType, SubjectType
from awards.models import AwardForm
from awards.services.catalogue import find_form, forms_by_key
from core.imports import ImportKind
from core.text import filter_by_search, search_key
from core.xlsx import (
    ImportFileError,
    ImportReport,
    SheetReader,
    cell_text,
    open_workbook,
    read_sheet,
    row_date,
    safe_row,
    workbook_bytes,
)
from orgs import scope
from orgs.enums import Role
from orgs.models import Organisation, Person, subtree_q
from orgs.services.subjects import SubjectResolver

from ..enums import Rating
from ..models import AnnualRating, Award
from . import checks

EDITORS = [Role.ADMIN, Role.REVIEWER]
RATINGS_SHEET = "Xếp loại"
SUBJECT_LABELS = {SubjectType.INDIVIDUAL: "cá nhân", SubjectType.COLLECTIVE: "tập thể"}


# --- who sees what ---------------------------------------------------------------------------------
def awards_for(user):
    """Awards of the people, units and households inside the user's scope (any role: a clerk sees their own units,
    the office, council, leader and admin the subtrees they hold a role on)."""
    queryset = Award.objects.all()
    if user.is_superuser:
        return queryset
    paths = scope.scope_paths(user)
    return queryset.filter(subtree_q(paths, prefix="person__organisation__path")
                           | subtree_q(paths, prefix="organisation__path")
                           | subtree_q(paths, prefix="household__organisation__path"))


def search(query, user, *, award_form=None, year=None, revoked=False, award_type=""):
    """Awards visible to `user` whose name, form or decision number contains every word of `query`
    (accents ignored: "nguyen thi huong" finds "Nguyễn Thị Hương"), newest decision first. The awards in force
    only, unless `revoked` (then the revoked ones too, marked)."""
    queryset = filter_by_search(awards_for(user) if revoked else awards_for(user).live(), query or "")
    if award_form is not None:
        queryset = queryset.filter(award_form=award_form)
    if award_type:
        queryset = queryset.filter(award_type=award_type)
    if year:
        queryset = queryset.filter(year=year)
    return queryset.select_related("award_form", "person__organisation", "organisation", "household",
                                   "revoked_by").prefetch_related("corrections__amendment").order_by(
        "-decision_date", "-pk")


def _require_editor(user, organisation):
    if not scope.covers(user, organisation, EDITORS):
        raise PermissionDenied("Chỉ Văn phòng (thẩm định) hoặc quản trị của cơ quan mới ghi được sổ khen thưởng.")


# --- one award by hand -----------------------------------------------------------------------------
def _award_problems(*, subject_type, award_form, decision_number, decision_date, decided_by="", today=None):
    """[(field, message)] of what is wrong with an award entry, shared by the form and the import
    (messages start in lower case: the caller capitalises them)."""
    today = today or timezone.localdate()
    problems = []
    if award_form is not None and not award_form.applies_to(subject_type):
        problems.append(("award_form", f"“{award_form}” không tặng cho {SUBJECT_LABELS.get(subject_type, 'đối tượng')}"
                                       " (xem danh mục hình thức)"))
    if not decision_number:
        problems.append(("decision_number", "thiếu “Số quyết định”"))
    elif len(decision_number) > Award._meta.get_field("decision_number").max_length:
        problems.append(("decision_number", "số quyết định dài quá 60 ký tự"))
    if decision_date is None:
        problems.append(("decision_date", "thiếu “Ngày quyết định”"))
    elif decision_date > today:
        problems.append(("decision_date", f"ngày quyết định {decision_date:%d/%m/%Y} sau ngày hôm nay"))
    elif decision_date.year < 1945:
        problems.append(("decision_date", f"ngày quyết định {decision_date:%d/%m/%Y} nằm ngoài khoảng hợp lý"))
    if len(decided_by) > Award._meta.get_field("decided_by").max_length:
        problems.append(("decided_by", "“Cấp quyết định” dài quá 200 ký tự"))
    return problems


def _sentence(message):
    return message[0].upper() + message[1:] + "."


def _same_award(person, organisation, award_form, decision_number):
    """The register row for the same subject, form and decision (the number compared without case or
    spaces), or None."""
    subject = Q(person=person) if person is not None else Q(organisation=organisation, person__isnull=True)
    wanted = _number_key(decision_number)
    for award in Award.objects.filter(subject, award_form=award_form):
        if _number_key(award.decision_number) == wanted:
            return award
    return None


def _number_key(number):
    return "".join((number or "").split()).upper()


def record_award(*, award_form, decision_number, decision_date, person=None, organisation=None, decided_by="",
                 achievement="", award_type=AwardType.MERIT, by):
    """Ghi vào sổ khen thưởng một khen thưởng đã có quyết định (nhập tay): a person's or a collective's.

    The year is the decision's year. Side effects (one transaction): one Award row (source "manual"), the
    eligibility verdicts of the open dossiers naming the subject.
    Raises PermissionDenied when `by` is not the office or an admin of the subject's unit, and
    ValidationError {field: message} when the entry is inconsistent or already in the register.
    """
    if (person is None) == (organisation is None):
        raise ValidationError("Chọn một cá nhân hoặc một tập thể được khen thưởng.")
    subject_type = SubjectType.INDIVIDUAL if person is not None else SubjectType.COLLECTIVE
    _require_editor(by, person.organisation if person is not None else organisation)
    decision_number, decided_by = (decision_number or "").strip(), (decided_by or "").strip()
    problems = _award_problems(subject_type=subject_type, award_form=award_form, decision_number=decision_number,
                               decision_date=decision_date, decided_by=decided_by)
    if not problems and _same_award(person, organisation, award_form, decision_number):
        problems.append(("decision_number", f"sổ khen thưởng đã có “{award_form}” theo Quyết định số "
                                            f"{decision_number} cho đối tượng này"))
    if problems:
        errors = {}
        for name, message in problems:
            errors.setdefault(name, []).append(_sentence(message))
        raise ValidationError(errors)
    with set_actor(by), transaction.atomic():
        award = Award.objects.create(
            subject_type=subject_type, person=person, organisation=organisation, award_form=award_form,
            year=decision_date.year, decision_number=decision_number, decision_date=decision_date,
            decided_by=decided_by, achievement=(achievement or "").strip(), award_type=award_type,
            source=Award.MANUAL)
        checks.store_naming(people=[person] if person else [], organisations=[organisation] if organisation else [])
    return award


# --- Excel import ----------------------------------------------------------------------------------
# column key -> (header shown in the template, accepted header spellings after search_key)
AWARD_COLUMNS = {
    "subject": ("Họ và tên hoặc Mã đơn vị", {"ho va ten hoac ma don vi", "ho va ten / ma don vi",
                                             "ho va ten, ma don vi", "ho va ten", "ho ten",
                                             "ca nhan, tap the", "ten ca nhan, tap the", "ca nhan / tap the"}),
    "date_of_birth": ("Ngày sinh", {"ngay sinh", "ngay thang nam sinh"}),
    "org_code": ("Mã đơn vị công tác", {"ma don vi cong tac", "ma don vi", "ma don vi cua ca nhan"}),
    "award_form": ("Hình thức khen thưởng", {"hinh thuc khen thuong", "danh hieu, hinh thuc khen thuong",
                                             "danh hieu, hinh thuc", "hinh thuc", "danh hieu",
                                             "danh hieu thi dua"}),
    "decision_number": ("Số quyết định", {"so quyet dinh", "so qd"}),
    "decision_date": ("Ngày quyết định", {"ngay quyet dinh", "ngay qd", "ngay ky"}),
    "decided_by": ("Cấp quyết định", {"cap quyet dinh", "co quan quyet dinh", "nguoi ky"}),
    "achievement": ("Thành tích", {"thanh tich", "thanh tich dat duoc", "noi dung khen thuong"}),
    "award_type": ("Loại hình khen thưởng", {"loai hinh khen thuong", "loai hinh"}),
}
# the loại hình as a sheet may spell it: the full label, the short one, the code (accents and case ignored)
AWARD_TYPES = {**{search_key(label): value for value, label in AwardType.choices},
               **{search_key(label): value for value, label in AWARD_TYPE_SHORT.items()},
               **{value.replace("_", " "): value for value in AwardType.values}}
AWARD_REQUIRED = ("subject", "award_form", "decision_number", "decision_date")
RATING_COLUMNS = {
    "subject": ("Họ và tên", {"ho va ten", "ho ten", "ho va ten hoac ma don vi", "ho va ten / ma don vi",
                              "ca nhan, tap the"}),
    "date_of_birth": ("Ngày sinh", {"ngay sinh", "ngay thang nam sinh"}),
    "org_code": ("Mã đơn vị", {"ma don vi", "ma don vi cong tac"}),
    "year": ("Năm", {"nam", "nam danh gia", "nam xep loai", "nam danh gia, xep loai"}),
    "rating": ("Xếp loại", {"xep loai", "ket qua xep loai", "muc xep loai", "ket qua danh gia, xep loai"}),
    "decision_number": ("Số QĐ", {"so qd", "so quyet dinh"}),
    "decision_date": ("Ngày QĐ", {"ngay qd", "ngay quyet dinh"}),
}
RATING_REQUIRED = ("subject", "year", "rating")
RATINGS = {
    **{search_key(label): value for value, label in Rating.choices},
    **{search_key(value.replace("_", " ")): value for value in Rating.values},
    **{value: value for value in Rating.values},
    "htxsnv": Rating.EXCELLENT, "httnv": Rating.GOOD, "htnv": Rating.DONE, "khtnv": Rating.NOT_DONE,
}


@dataclass
class AwardImportReport(ImportReport):
    """created / updated count awards; the ratings sheet has its own counters."""

    ratings_created: int = 0
    ratings_updated: int = 0
    unchanged: int = 0


def template_workbook():
    """The import template: sheet “Khen thưởng”, sheet “Xếp loại”, and the catalogue for reference."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    awards = book.active
    awards.title = "Khen thưởng"
    awards.append([label for label, _ in AWARD_COLUMNS.values()])
    awards.append(["Nguyễn Thị Hương", "05/03/1985", "QT-SNV-VP", "Chiến sĩ thi đua cơ sở", "125/QĐ-SNV",
                   "20/12/2022", "Giám đốc Sở Nội vụ", "Hoàn thành xuất sắc nhiệm vụ năm 2022", "Thường xuyên"])
    awards.append(["QT-SNV-VP", "", "", "Tập thể lao động xuất sắc", "2150/QĐ-UBND", "28/12/2023",
                   "Chủ tịch UBND tỉnh", "", "Thường xuyên"])
    for column, width in zip("ABCDEFGHI", (30, 12, 20, 34, 16, 16, 26, 40, 20), strict=True):
        awards.column_dimensions[column].width = width
    ratings = book.create_sheet(RATINGS_SHEET)
    ratings.append([label for label, _ in RATING_COLUMNS.values()])
    ratings.append(["Nguyễn Thị Hương", "05/03/1985", "QT-SNV-VP", 2024, "Hoàn thành tốt nhiệm vụ", "15/QĐ-SNV",
                    "10/01/2025"])
    for column, width in zip("ABCDEFG", (30, 12, 16, 8, 30, 16, 14), strict=True):
        ratings.column_dimensions[column].width = width
    catalogue = book.create_sheet("Danh mục hình thức")
    catalogue.append(["Tên danh hiệu, hình thức", "Tên ngắn", "Mã", "Đối tượng"])
    for form in AwardForm.objects.order_by("order", "name"):
        catalogue.append(safe_row(catalogue, [form.name, form.short_name, form.code,
                                              ", ".join(form.subject_type_labels())]))
    catalogue.column_dimensions["A"].width = 50
    catalogue.column_dimensions["B"].width = 28
    catalogue.column_dimensions["C"].width = 20
    catalogue.column_dimensions["D"].width = 20
    for sheet in (awards, ratings, catalogue):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    return workbook_bytes(book)


def _resolver(user, rows):
    """The subjects of the register's rows among the units and people of the register editors' scope
    (dissolved units stay importable: past awards were given to them)."""
    return SubjectResolver(rows, units=Organisation.objects.for_user(user, EDITORS),
                           people=Person.objects.for_user(user, EDITORS))


def _subject(values, resolver, date_of_birth, errors):
    """(subject type, person, organisation) of a row: a unit code makes it a collective; otherwise a
    person found by name, date of birth and unit. An unknown subject adds an error."""
    subject, org_code = cell_text(values.get("subject")), cell_text(values.get("org_code"))
    unit = resolver.unit(subject)
    if unit is not None:
        return SubjectType.COLLECTIVE, None, unit
    work_unit = None
    if org_code:
        work_unit = resolver.unit(org_code)
        if work_unit is None:
            errors.append(f"mã đơn vị “{org_code}” không có hoặc ngoài phạm vi quản lý của bạn")
            return SubjectType.INDIVIDUAL, None, None
    person, problem = resolver.person(subject, date_of_birth, work_unit)
    if problem:
        errors.append(problem)
    return SubjectType.INDIVIDUAL, person, None


def _award_forms():
    """The whole catalogue (inactive forms too) by the names an import accepts."""
    return forms_by_key(AwardForm.objects.all())


def _report_errors(report, row_number, errors, sheet):
    for message in errors:
        report.error(row_number, _sentence(message), sheet)


def _clean_award(row_number, values, resolver, forms, report, sheet):
    errors = []
    text = {column: cell_text(values.get(column)) for column in ("subject", "award_form", "decision_number",
                                                                 "decided_by", "achievement", "award_type")}
    for column in ("subject", "award_form"):
        if not text[column]:
            errors.append(f"thiếu “{AWARD_COLUMNS[column][0]}”")
    date_of_birth = row_date(values, "date_of_birth", AWARD_COLUMNS, errors)
    decision_date = row_date(values, "decision_date", AWARD_COLUMNS, errors)
    subject_type, person, organisation = SubjectType.INDIVIDUAL, None, None
    if text["subject"]:
        subject_type, person, organisation = _subject(values, resolver, date_of_birth, errors)
    award_form = None
    if text["award_form"]:
        award_form, problem = find_form(forms, text["award_form"])
        if problem:
            errors.append(problem)
    award_type = AWARD_TYPES.get(search_key(text["award_type"]), "") if text["award_type"] else ""
    if text["award_type"] and not award_type:
        errors.append(f"loại hình “{text['award_type']}” không có (ví dụ: Thường xuyên, Đột xuất, Cống hiến)")
    unreadable_date = decision_date is None and values.get("decision_date") not in (None, "")
    for name, message in _award_problems(subject_type=subject_type, award_form=award_form,
                                         decision_number=text["decision_number"], decision_date=decision_date,
                                         decided_by=text["decided_by"]):
        if not (name == "decision_date" and unreadable_date):  # already reported as not a date
            errors.append(message)
    _report_errors(report, row_number, errors, sheet)
    if errors:
        return None
    return {"row": row_number, "subject_type": subject_type, "person": person, "organisation": organisation,
            "award_form": award_form, "decision_number": text["decision_number"], "decision_date": decision_date,
            "decided_by": text["decided_by"], "achievement": text["achievement"], "award_type": award_type}


def _clean_rating(row_number, values, resolver, report, sheet):
    errors = []
    subject, rating_text = cell_text(values.get("subject")), cell_text(values.get("rating"))
    year_text = cell_text(values.get("year"))
    if not subject:
        errors.append(f"thiếu “{RATING_COLUMNS['subject'][0]}”")
    date_of_birth = row_date(values, "date_of_birth", RATING_COLUMNS, errors)
    decision_date = row_date(values, "decision_date", RATING_COLUMNS, errors)
    person = organisation = None
    if subject:
        _, person, organisation = _subject(values, resolver, date_of_birth, errors)
    year = int(year_text) if year_text.isdigit() else None
    if not year_text:
        errors.append("thiếu “Năm”")
    elif year is None or not 1975 <= year <= timezone.localdate().year:
        errors.append(f"năm “{year_text}” không hợp lệ")
    rating = RATINGS.get(search_key(rating_text)) if rating_text else None
    if not rating_text:
        errors.append("thiếu “Xếp loại”")
    elif rating is None:
        errors.append(f"xếp loại “{rating_text}” không hợp lệ (Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm "
                      "vụ, Hoàn thành nhiệm vụ hoặc Không hoàn thành nhiệm vụ)")
    decision_number = cell_text(values.get("decision_number"))
    if len(decision_number) > AnnualRating._meta.get_field("decision_number").max_length:
        errors.append("số quyết định dài quá 60 ký tự")
    _report_errors(report, row_number, errors, sheet)
    if errors:
        return None
    return {"row": row_number, "person": person, "organisation": organisation, "year": year, "rating": rating,
            "decision_number": decision_number, "decision_date": decision_date}


def _find_sheets(book):
    ratings = next((s for s in book.worksheets if search_key(s.title) == search_key(RATINGS_SHEET)), None)
    awards = next((s for s in book.worksheets if s is not ratings), None)
    return awards, ratings


def import_awards(upload, *, by, reader=None):
    """Nhập sổ khen thưởng từ Excel: past awards (first sheet) and annual ratings (sheet “Xếp loại”).

    Every row of both sheets is validated first; only when no row has an error are they written, in
    one transaction. An award already in the register (same subject, form and decision number) is
    updated, not doubled; a rating of the same person (or unit) and year is replaced.
    Side effects (only when the report has no error): Award rows (source "import") and AnnualRating
    rows; every open dossier's eligibility verdicts computed again in the worker once written. Raises
    PermissionDenied when `by` may not record awards, ImportFileError when the file itself is unusable.
    `reader` (core.xlsx.SheetReader) counts the rows read against the limit (and reports the progress when
    the worker reads a long file: kind AWARDS of core.imports, registered by dossiers.apps).
    """
    if not (by.is_superuser or scope.roles_of(by) & set(EDITORS)):
        raise PermissionDenied("Chỉ Văn phòng (thẩm định) hoặc quản trị mới nhập được sổ khen thưởng.")
    book = open_workbook(upload, settings.PEOPLE_IMPORT_MAX_BYTES)
    report = AwardImportReport()
    award_sheet, rating_sheet = _find_sheets(book)
    reader = reader or SheetReader()
    award_rows = read_sheet(award_sheet, AWARD_COLUMNS, AWARD_REQUIRED, report, award_sheet.title, reader) \
        if award_sheet is not None else []
    rating_rows = read_sheet(rating_sheet, RATING_COLUMNS, RATING_REQUIRED, report, RATINGS_SHEET, reader) \
        if rating_sheet is not None else []
    book.close()
    if report.rows == 0:
        raise ImportFileError("Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.")

    resolver = _resolver(by, [{"subject": cell_text(v.get("subject")), "org_code": cell_text(v.get("org_code"))}
                              for _, v in award_rows + rating_rows])
    forms = _award_forms() if award_rows else {}
    awards, ratings = [], []
    award_sheet_name = award_sheet.title if award_sheet is not None else ""
    seen = {}
    for row_number, values in award_rows:
        data = _clean_award(row_number, values, resolver, forms, report, award_sheet_name)
        if data is None:
            continue
        key = ((data["person"] or data["organisation"]).pk, data["subject_type"], data["award_form"].pk,
               _number_key(data["decision_number"]))
        if key in seen:
            report.error(row_number, f"Trùng với dòng {seen[key]} (cùng đối tượng, hình thức, số quyết định).",
                         award_sheet_name)
            continue
        seen[key] = row_number
        awards.append(data)
    seen = {}
    for row_number, values in rating_rows:
        data = _clean_rating(row_number, values, resolver, report, RATINGS_SHEET)
        if data is None:
            continue
        key = (data["person"].pk if data["person"] else None,
               data["organisation"].pk if data["organisation"] else None, data["year"])
        if key in seen:
            report.error(row_number, f"Trùng với dòng {seen[key]} (cùng đối tượng, cùng năm).", RATINGS_SHEET)
            continue
        seen[key] = row_number
        ratings.append(data)
    if not report.ok:
        return report

    reader.finished()
    with set_actor(by), transaction.atomic():
        for data in awards:
            _write_award(data, report)
        for data in ratings:
            _write_rating(data, report)
        checks.schedule_refresh()
    return report


def summary(report):
    """What the user is told once the register's rows are written (in the request or from the worker)."""
    parts = [f"thêm mới {report.created}, cập nhật {report.updated} khen thưởng"]
    if report.unchanged:
        parts.append(f"giữ nguyên {report.unchanged} khen thưởng đã xét trên cổng")
    if report.ratings_created or report.ratings_updated:
        parts.append(f"thêm mới {report.ratings_created}, cập nhật {report.ratings_updated} kết quả xếp loại")
    return f"Đã nhập {report.rows} dòng: " + "; ".join(parts) + "."


AWARDS = ImportKind(name="awards", label="Nhập sổ khen thưởng từ Excel", run=import_awards, summary=summary,
                    report_class=AwardImportReport)


def _write_award(data, report):
    award = _same_award(data["person"], data["organisation"], data["award_form"], data["decision_number"])
    if award is not None and award.source == Award.PORTAL:
        report.unchanged += 1  # decided on the portal: its decision is the source of truth
        return
    if award is None:
        award = Award(subject_type=data["subject_type"], person=data["person"], organisation=data["organisation"],
                      award_form=data["award_form"], source=Award.IMPORT)
        report.created += 1
    else:
        report.updated += 1
    award.decision_number, award.decision_date = data["decision_number"], data["decision_date"]
    award.year = data["decision_date"].year
    if data["decided_by"]:
        award.decided_by = data["decided_by"]
    if data["achievement"]:
        award.achievement = data["achievement"]
    if data["award_type"]:  # an empty cell: a new row is thường xuyên, an updated one keeps its own
        award.award_type = data["award_type"]
    award.save()


def _write_rating(data, report):
    subject = {"person": data["person"]} if data["person"] is not None else {"organisation": data["organisation"]}
    _, created = AnnualRating.objects.update_or_create(**subject, year=data["year"], defaults={
        "rating": data["rating"], "decision_number": data["decision_number"],
        "decision_date": data["decision_date"]})
    if created:
        report.ratings_created += 1
    else:
        report.ratings_updated += 1
