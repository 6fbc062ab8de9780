""""Nhật ký hệ thống": a province's admin searches the audit trail of their province (the system administrator,
every province's), without the Django admin."""
from django.http import HttpResponse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from core.pagination import lazy_page
from core.views import PermissionMixin
from core.xlsx import XLSX_CONTENT_TYPE
from orgs import scope

from .exports import trail_workbook
from .forms import TrailFilterForm
from .services.trail import events_for, readable


class FilteredMixin(PermissionMixin):
    permission_required = "audit.view_event"

    def filtered(self):
        """(the filter form, the provinces the user reads, the events it selects)."""
        user = self.request.user
        provinces = list(scope.provinces_administered(user))
        query = self.request.GET.copy()
        query.pop("trang", None)
        form = TrailFilterForm(query or None, provinces=provinces)
        return form, provinces, events_for(user, **(form.filters() if form.is_bound else {}))


class TrailView(FilteredMixin, TemplateView):
    template_name = "audit/trail.html"
    per_page = 50

    def get_context_data(self, **kwargs):
        user = self.request.user
        form, provinces, events = self.filtered()
        page = lazy_page(events, self.request.GET.get("trang"), per_page=self.per_page)
        page.items = [readable(event, user) for event in page.items]
        return super().get_context_data(form=form, page=page, provinces=provinces,
                                        show_province=user.is_superuser or len(provinces) > 1, **kwargs)


class TrailExportView(FilteredMixin, View):
    """The same rows as an Excel workbook (audit.exports: the newest EXPORT_LIMIT)."""

    def get(self, request):
        _form, _provinces, events = self.filtered()
        content, _written, _more = trail_workbook(events, request.user)
        response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
        name = f"nhat-ky-he-thong-{timezone.localdate():%d-%m-%Y}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
