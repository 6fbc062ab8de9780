"""Excel exports (openpyxl write-only, streamed rows): memory stays flat however many rows."""
import tempfile

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from awards.enums import SubjectType

from .enums import DossierState, Outcome
from .models import Nomination

NOMINATION_COLUMNS = [("STT", 6), ("Họ và tên / Tên tập thể", 32), ("Đối tượng", 10), ("Chức vụ", 24),
                      ("Đơn vị đề nghị", 36), ("Hình thức khen thưởng", 36), ("Phong trào", 48),
                      ("Trạng thái hồ sơ", 20), ("Kết quả", 22), ("Lý do", 36), ("Ngày nộp", 12)]


def nominations_workbook(dossiers):
    """The nominees of `dossiers` (a queryset) as an .xlsx in a temporary file, rewound; one row each."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Danh sách đề nghị")
    for index, (_title, width) in enumerate(NOMINATION_COLUMNS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    bold = Font(bold=True)
    header = []
    for title, _width in NOMINATION_COLUMNS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    states, outcomes, subjects = dict(DossierState.choices), dict(Outcome.choices), dict(SubjectType.choices)
    rows = (Nomination.objects.filter(dossier__in=dossiers.values("pk"))
            .order_by("dossier__campaign_id", "dossier__organisation__path", "dossier_id", "order", "pk")
            .values_list("person__full_name", "organisation__name", "subject_type", "person__position",
                         "dossier__organisation__name", "dossier__offer__award_form__name", "dossier__campaign__title",
                         "dossier__state", "outcome", "outcome_reason", "dossier__submitted_at"))
    for number, (person, collective, subject, position, unit, form, campaign, state, outcome, reason, sent) in \
            enumerate(rows.iterator(chunk_size=5000), start=1):
        sheet.append([number, person or collective or "", subjects.get(subject, subject), position or "", unit,
                      form, campaign, states.get(state, state), outcomes.get(outcome, outcome), reason or "",
                      timezone.localtime(sent).strftime("%d/%m/%Y") if sent else ""])
    stream = tempfile.TemporaryFile()
    book.save(stream)
    stream.seek(0)
    return stream
