"""Pages for the base-salary table (mức lương cơ sở)."""
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.generic import CreateView, TemplateView, UpdateView

from documents.once import SubmitOnceMixin

from ..forms import BaseSalaryForm
from ..models import BaseSalary
from .base import CatalogueFormMixin, CatalogueMixin


class BaseSalaryListView(CatalogueMixin, TemplateView):
    template_name = "awards/salary_list.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        salaries = list(BaseSalary.objects.order_by("-valid_from"))
        current = next((s for s in salaries if s.valid_from <= today), None)
        return super().get_context_data(salaries=salaries, current=current, today=today, **kwargs)


class BaseSalaryFormMixin(CatalogueFormMixin):
    model = BaseSalary
    form_class = BaseSalaryForm
    template_name = "awards/salary_form.html"
    success_url = reverse_lazy("awards:salary_list")
    success_message = "Đã lưu mức lương cơ sở {}."


class BaseSalaryCreateView(SubmitOnceMixin, BaseSalaryFormMixin, CreateView):
    pass


class BaseSalaryUpdateView(BaseSalaryFormMixin, UpdateView):
    pass
