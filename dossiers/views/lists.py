"""Lists as Excel files (issue 17, bulk work): the award register as searched, a campaign's progress by unit, a
decision's list for the finance office. Each file: the header frozen, dates as Excel dates (dd/mm/yyyy), amounts
as whole numbers (#,##0), through core.xlsx.list_workbook; a Vietnamese file name. Read with the user's scope,
like the page the button is on."""
from django.utils import timezone
from django.views import View

from awards.enums import SubjectType
from core.views import PermissionMixin, ScopedObjectMixin
from core.xlsx import AMOUNT, DATE, list_workbook, xlsx_response

from ..forms.register import RegisterFilterForm
from ..models import Decision
from ..services import register as register_service
from ..services.reminders import progress_details, progress_units
from .progress import CampaignOfficeMixin

REGISTER_MAX_ROWS = 20000  # a province's register is larger: the file says where it stopped and how to filter


def _subject(award):
    person = award.person
    if person is not None:
        return person.full_name, person.position, person.organisation.name
    if award.household_id:
        return award.household.name, "", award.household.address
    return award.organisation.name, "", ""


class DecisionFinanceExportView(ScopedObjectMixin, View):
    """Danh sách chi tiền thưởng: the awardees of one decision with their amounts, for the finance office."""

    model = Decision
    permission_required = "dossiers.use_inbox"
    columns = [("STT", 6), ("Họ và tên / Tên tập thể", 32), ("Chức vụ", 24), ("Đơn vị", 36),
               ("Hình thức khen thưởng", 36), ("Số quyết định", 16), ("Ngày quyết định", 14, DATE),
               ("Số tiền thưởng (đồng)", 18, AMOUNT), ("Ghi chú", 40)]

    def get_scoped_queryset(self):
        return Decision.objects.for_user(self.request.user).select_related("issuer")

    def get_permission_object(self):
        return None

    def get(self, request, pk):
        decision = self.get_object()
        awards = decision.awards.select_related("person__organisation", "organisation", "award_form").order_by(
            "nomination__dossier__organisation__path", "nomination__order", "pk")
        notes = {row["award"]: row["bonus_note"] for row in (decision.snapshot or {}).get("awardees", [])
                 if row.get("bonus_note") and row.get("award")}
        rows = []
        for number, award in enumerate(awards, start=1):
            name, position, unit = _subject(award)
            rows.append([number, name, position, unit, award.award_form.name, award.decision_number,
                         award.decision_date, award.bonus_amount, notes.get(award.pk, "")])
        total = sum(award.bonus_amount or 0 for award in awards)
        rows.append(["", "Tổng cộng", "", "", "", "", None, total, ""])
        data, _count = list_workbook("Danh sách chi tiền thưởng", self.columns, rows)
        reference = decision.reference.replace("/", "-")
        return xlsx_response(data, f"Danh sách chi tiền thưởng Quyết định {reference}.xlsx")


class RegisterExportView(PermissionMixin, View):
    """Sổ khen thưởng as searched on the page (the same words, form and year), newest decision first."""

    permission_required = "dossiers.view_register"
    columns = [("STT", 6), ("Họ và tên / Tên tập thể", 32), ("Đối tượng", 10), ("Chức vụ", 24), ("Đơn vị", 36),
               ("Hình thức khen thưởng", 36), ("Loại hình", 18), ("Năm", 8), ("Số quyết định", 16),
               ("Ngày quyết định", 14, DATE), ("Cấp quyết định", 30), ("Số tiền thưởng (đồng)", 18, AMOUNT),
               ("Mã xác minh", 26)]

    def get(self, request):
        awards = register_service.search(user=request.user, **RegisterFilterForm(request.GET or None).search_args())
        subjects = dict(SubjectType.choices)
        rows = []
        for number, award in enumerate(awards[:REGISTER_MAX_ROWS + 1].iterator(chunk_size=2000), start=1):
            if number > REGISTER_MAX_ROWS:
                rows.append(["", f"Danh sách dừng ở {REGISTER_MAX_ROWS} dòng: hãy lọc theo năm hoặc hình thức rồi "
                                 "xuất lại.", "", "", "", "", "", None, "", None, "", None, ""])
                break
            name, position, unit = _subject(award)
            rows.append([number, name, subjects.get(award.subject_type, award.subject_type), position, unit,
                         award.award_form.name, award.award_type_short, award.year, award.decision_number,
                         award.decision_date,
                         award.decided_by, award.bonus_amount, award.verification_code])
        data, _count = list_workbook("Sổ khen thưởng", self.columns, rows)
        return xlsx_response(data, f"Sổ khen thưởng {timezone.localdate():%d-%m-%Y}.xlsx")


class ProgressExportView(CampaignOfficeMixin, View):
    """Tiến độ nộp hồ sơ: every participating unit (or the late ones, ?tre-han=1), as the progress page lists them."""

    columns = [("STT", 6), ("Đơn vị", 48), ("Số hồ sơ", 10), ("Tình trạng", 28), ("Ngày nộp", 14, DATE),
               ("Nhắc gần nhất", 14, DATE)]
    chunk = 500

    def get(self, request, pk):
        campaign = self.get_object()
        units = progress_units(campaign, timezone.localdate())
        if request.GET.get("tre-han") == "1":
            units = units.filter(is_late=True)
        units = list(units.values("pk", "name", "has_sent", "has_declined", "is_late"))
        rows = []
        for start in range(0, len(units), self.chunk):
            window = units[start:start + self.chunk]
            details = {row["pk"]: row for row in progress_details(campaign, [unit["pk"] for unit in window])}
            for unit in window:
                detail = details[unit["pk"]]
                reminded = max((t for t in (detail["last_reminder"], detail["last_outbox"]) if t), default=None)
                rows.append([len(rows) + 1, unit["name"], detail["dossier_count"], _state(unit, detail),
                             detail["sent_at"], reminded])
        data, _count = list_workbook("Tiến độ nộp hồ sơ", self.columns, rows)
        return xlsx_response(data, f"Tiến độ nộp hồ sơ phong trào {campaign.pk} "
                                   f"{timezone.localdate():%d-%m-%Y}.xlsx")


def _state(unit, detail):
    """The progress page's badge, in words."""
    if unit["has_sent"]:
        return "Đã nộp"
    if unit["has_declined"]:
        return "Không đề nghị"
    if detail["has_returned"]:
        return "Bị trả lại, chưa nộp lại"
    if unit["is_late"]:
        return "Trễ hạn"
    return "Đang soạn" if detail["dossier_count"] else "Chưa lập hồ sơ"
