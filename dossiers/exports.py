"""Excel exports (openpyxl write-only, streamed rows): memory stays flat however many rows.

A page asks for an export (request_inbox_export): a row in `Export`, then a Celery worker builds the file
(build_export, dossiers.tasks.build_export) while the user watches its progress page, and downloads it
from there. Files are kept EXPORT_KEEP_DAYS days, then removed by the next export built.
"""
import logging
import tempfile
from datetime import timedelta

from django.core.files import File
from django.http import QueryDict
from django.utils import timezone

from awards.enums import SubjectType
from core.queue import publish, publish_on_commit, sweep_age
from core.xlsx import DATE, safe_row, typed_cell, write_only_sheet
from documents.enums import RenderStatus

from .enums import DossierState, Outcome
from .models import Export, Nomination

EXPORT_KEEP_DAYS = 7
IN_FLIGHT = timedelta(minutes=5)  # longer than a build takes (the worker's time limit is 300 s)
log = logging.getLogger(__name__)

NOMINATION_COLUMNS = [("STT", 6), ("Họ và tên / Tên tập thể", 32), ("Đối tượng", 10), ("Chức vụ", 24),
                      ("Đơn vị đề nghị", 36), ("Hình thức khen thưởng", 36), ("Phong trào", 48),
                      ("Trạng thái hồ sơ", 20), ("Kết quả", 22), ("Lý do", 36), ("Ngày nộp", 12)]


def request_inbox_export(user, params):
    """Start the inbox's nominee list as an Excel file for `user`, filtered as `params` (the page's
    QueryDict): the row now, the worker once it is committed. A second click while the same export is
    still waiting or being built (within IN_FLIGHT) leads to that one rather than queueing it twice."""
    from . import tasks

    params = params.copy()
    params.pop("trang", None)
    waiting = Export.objects.filter(
        kind=Export.Kind.INBOX_NOMINATIONS, requested_by=user, params=params.urlencode(),
        status__in=[RenderStatus.PENDING, RenderStatus.RENDERING], created_at__gte=timezone.now() - IN_FLIGHT)
    if (export := waiting.order_by("-pk").first()) is not None:
        return export
    export = Export.objects.create(
        kind=Export.Kind.INBOX_NOMINATIONS, requested_by=user, params=params.urlencode(),
        filename=f"Danh sách đề nghị khen thưởng {timezone.localdate():%d-%m-%Y}.xlsx")
    publish_on_commit(tasks.build_export, export.pk, notice="tệp Excel sẽ được tạo sau")
    return export


def build_export(export_id, final=True):
    """Build one export's file (the worker's task): the rows the user's inbox shows with the filters they
    chose, read with their permissions as they are now. The `final` try's failure is recorded on the row
    for the page (an earlier one is retried by the task)."""
    from .services.inbox import filtered_inbox

    forget_old_exports()
    export = Export.objects.select_related("requested_by").get(pk=export_id)
    if export.status == RenderStatus.DONE:
        return export
    Export.objects.filter(pk=export.pk).update(status=RenderStatus.RENDERING, started_at=timezone.now())
    try:
        _form, dossiers = filtered_inbox(export.requested_by, QueryDict(export.params))
        stream, rows = nominations_workbook(dossiers)
        with stream:
            export.file.save(export.filename, File(stream), save=False)
    except Exception as error:
        log.exception("export %s failed", export.pk)
        if final:
            Export.objects.filter(pk=export.pk).update(status=RenderStatus.FAILED, error=repr(error)[:2000],
                                                       finished_at=timezone.now())
        raise
    export.status, export.rows, export.size = RenderStatus.DONE, rows, export.file.size
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "status", "rows", "size", "finished_at"])
    return export


def requeue_pending(*, now=None):
    """The sweep's share for exports (dossiers.tasks.sweep_pending); returns the ids queued again: an export
    still waiting SWEEP_AFTER_MINUTES after it was asked for (its message never reached the broker), or being
    built for longer than SWEEP_STUCK_MINUTES (its worker was killed). Building is safe to run twice."""
    from django.conf import settings
    from django.db.models import Q

    from . import tasks

    now = now or timezone.now()
    stuck = now - timedelta(minutes=settings.SWEEP_STUCK_MINUTES)
    ids = list(Export.objects.filter(
        Q(status=RenderStatus.PENDING, created_at__lt=now - sweep_age())
        | Q(Q(started_at__lt=stuck) | Q(started_at__isnull=True, created_at__lt=stuck), status=RenderStatus.RENDERING),
        created_at__gte=now - timedelta(days=EXPORT_KEEP_DAYS)).order_by("pk").values_list("pk", flat=True)[:100])
    Export.objects.filter(pk__in=ids).update(status=RenderStatus.PENDING, started_at=None)
    return [pk for pk in ids if publish(tasks.build_export, pk)]


def forget_old_exports(now=None):
    """Remove the exports (rows and files) asked for more than EXPORT_KEEP_DAYS days ago."""
    old = Export.objects.filter(created_at__lt=(now or timezone.now()) - timedelta(days=EXPORT_KEEP_DAYS))
    for export in old:
        if export.file:
            export.file.delete(save=False)
    old.delete()


def nominations_workbook(dossiers):
    """(an .xlsx in a temporary file, rewound; the number of rows): the nominees of `dossiers` (a
    queryset), one row each."""
    book, sheet = write_only_sheet("Danh sách đề nghị", NOMINATION_COLUMNS)
    states, outcomes, subjects = dict(DossierState.choices), dict(Outcome.choices), dict(SubjectType.choices)
    rows = (Nomination.objects.filter(dossier__in=dossiers.values("pk"))
            .order_by("dossier__campaign_id", "dossier__organisation__path", "dossier_id", "order", "pk")
            .values_list("person__full_name", "organisation__name", "subject_type", "person__position",
                         "dossier__organisation__name", "dossier__offer__award_form__name", "dossier__campaign__title",
                         "dossier__state", "outcome", "outcome_reason", "dossier__submitted_at"))
    number = 0
    for number, (person, collective, subject, position, unit, form, campaign, state, outcome, reason, sent) in \
            enumerate(rows.iterator(chunk_size=5000), start=1):
        sheet.append(safe_row(sheet, [
            number, person or collective or "", subjects.get(subject, subject), position or "", unit, form, campaign,
            states.get(state, state), outcomes.get(outcome, outcome), reason or "",
            typed_cell(sheet, sent, DATE)]))
    stream = tempfile.TemporaryFile()
    book.save(stream)
    stream.seek(0)
    return stream, number


def dashboard_workbook(board):
    """(an .xlsx in a temporary file, rewound; its file name): the figures of the campaign dashboard `board`
    (services.dashboard.Dashboard), one sheet per table of the page, header frozen, numbers and dates as
    Excel numbers and dates (a day count: a number of days, one decimal)."""
    from core.xlsx import add_sheet

    campaign = board.campaign
    book, sheet = write_only_sheet("Đơn vị", [("Chỉ số", 40), ("Số đơn vị", 14)])
    sheet.append(safe_row(sheet, ["Phong trào", campaign.title]))
    sheet.append(["Hạn nộp hồ sơ", typed_cell(sheet, campaign.dossier_deadline, DATE)])
    sheet.append(["Số liệu đến ngày", typed_cell(sheet, board.today, DATE)])
    for label, value in (("Đơn vị tham gia", board.participating), ("Đã đăng ký thi đua", board.registered),
                         ("Đã nộp hồ sơ", board.sent), ("Báo không đề nghị", board.declined),
                         ("Chưa nộp hồ sơ", board.not_sent),
                         ("Trễ hạn, chưa nộp", board.late)):
        sheet.append([label, value])
    forms = add_sheet(book, "Hình thức khen thưởng", [
        ("Hình thức khen thưởng", 40), ("Cách tính chỉ tiêu", 40), ("Số đề nghị", 12), ("Được tiếp nhận", 14),
        ("Chỉ tiêu", 10), ("Vượt chỉ tiêu", 13), ("Số đơn vị vượt", 14)])
    for row in board.forms:
        forms.append(safe_row(forms, [row.name, row.quota_label, row.proposed, row.accepted, row.quota, row.over,
                                      row.units_over]))
    states = add_sheet(book, "Trạng thái hồ sơ", [("Trạng thái", 30), ("Số hồ sơ", 12)])
    for _state, label, count in board.states:
        states.append([label, count])
    times = add_sheet(book, "Thời gian xử lý", [("Giai đoạn", 44), ("Số hồ sơ", 12), ("Trung vị (ngày)", 16),
                                                 ("Dài nhất (ngày)", 16)])
    for duration in board.durations:
        times.append([duration.label, duration.count, _days(times, duration.median), _days(times, duration.longest)])
    stream = tempfile.TemporaryFile()
    book.save(stream)
    stream.seek(0)
    return stream, f"Số liệu phong trào {campaign.pk} ngày {board.today:%d-%m-%Y}.xlsx"


def _days(sheet, value):
    """A cell of a number of days shown with one decimal (dates go through core.xlsx.typed_cell)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = "0.0"
    return cell
