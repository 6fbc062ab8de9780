"""Bảng điều khiển phong trào: a campaign's figures for its issuing body, as a page and as an Excel file."""
from django.http import FileResponse
from django.views import View
from django.views.generic import TemplateView

from core.xlsx import XLSX_CONTENT_TYPE

from ..exports import dashboard_workbook
from ..services.dashboard import campaign_dashboard
from ..services.inbox import REVIEW_DAYS
from .progress import CampaignOfficeMixin


class DashboardMixin(CampaignOfficeMixin):
    """The issuing body's office and admin, and its leaders (another body's campaign: 404)."""

    permission_required = "dossiers.view_campaign_dashboard"


class CampaignDashboardView(DashboardMixin, TemplateView):
    template_name = "dossiers/campaign_dashboard.html"

    def get_context_data(self, **kwargs):
        campaign = self.get_object()
        board = campaign_dashboard(campaign)
        user = self.request.user
        return super().get_context_data(
            campaign=campaign, board=board, chart_data=board.chart_data(), review_days=REVIEW_DAYS,
            can_use_inbox=user.has_perm("dossiers.use_inbox"),
            can_see_progress=user.has_perm("campaigns.review_campaign", campaign), **kwargs)


class CampaignDashboardExcelView(DashboardMixin, View):
    """"Tải Excel": the page's figures, one sheet per table."""

    def get(self, request, *args, **kwargs):
        stream, filename = dashboard_workbook(campaign_dashboard(self.get_object()))
        return FileResponse(stream, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE)
