"""Đăng ký thi đua as Excel (issue 17, bulk work): one row per entry of every registration a participating unit
has sent (drafts stay the unit's until sent, as on the consolidated page), in the order of the unit tree; the
header frozen, the date sent an Excel date (core.xlsx.list_workbook), a Vietnamese file name."""
from django.utils import timezone
from django.views import View

from awards.enums import SubjectType
from core.views import ScopedObjectMixin
from core.xlsx import DATE, list_workbook, xlsx_response

from ..enums import RegistrationStatus
from ..models import Campaign
from ..services.registrations import sent_entries

COLUMNS = [("STT", 6), ("Đơn vị", 40), ("Trạng thái", 16), ("Gửi lúc", 12, DATE), ("Đối tượng", 10),
           ("Họ và tên / Tên tập thể", 32), ("Danh hiệu, hình thức đăng ký", 36), ("Mục tiêu, cam kết", 48)]


class RegistrationExportView(ScopedObjectMixin, View):
    model = Campaign
    permission_required = "campaigns.review_campaign"

    def get_scoped_queryset(self):
        return Campaign.objects.for_user(self.request.user).select_related("issuer")

    def get(self, request, pk):
        campaign = self.get_object()
        entries = (sent_entries(campaign)
                   .select_related("registration__organisation", "person", "organisation", "award_form")
                   .order_by("registration__organisation__path", "pk"))
        statuses, subjects = dict(RegistrationStatus.choices), dict(SubjectType.choices)
        rows = []
        for number, entry in enumerate(entries.iterator(chunk_size=2000), start=1):
            registration = entry.registration
            rows.append([number, registration.organisation.name, statuses.get(registration.status, ""),
                         registration.submitted_at, subjects.get(entry.subject_type, entry.subject_type),
                         entry.person.full_name if entry.person_id else entry.organisation.name if
                         entry.organisation_id else "", entry.award_form.name, entry.target_note])
        data, _count = list_workbook("Đăng ký thi đua", COLUMNS, rows)
        return xlsx_response(data, f"Đăng ký thi đua phong trào {campaign.pk} {timezone.localdate():%d-%m-%Y}.xlsx")
