""""Nhật ký hệ thống": a province's admin searches the audit trail of their province (the system administrator,
every province's), without the Django admin."""
from django.views.generic import TemplateView

from core.pagination import lazy_page
from core.views import PermissionMixin
from orgs import scope

from .forms import TrailFilterForm
from .services.trail import events_for, readable


class TrailView(PermissionMixin, TemplateView):
    permission_required = "audit.view_event"
    template_name = "audit/trail.html"
    per_page = 50

    def get_context_data(self, **kwargs):
        user = self.request.user
        provinces = list(scope.provinces_administered(user))
        form = TrailFilterForm(self.request.GET or None, provinces=provinces)
        filters = form.filters() if form.is_bound else {}
        page = lazy_page(events_for(user, **filters), self.request.GET.get("trang"), per_page=self.per_page)
        page.items = [readable(event, user) for event in page.items]
        return super().get_context_data(form=form, page=page, provinces=provinces,
                                        show_province=user.is_superuser or len(provinces) > 1, **kwargs)
