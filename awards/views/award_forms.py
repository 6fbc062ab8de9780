"""Pages for the catalogue of award forms (danh hiệu thi đua, hình thức khen thưởng)."""
from django.urls import reverse_lazy
from django.views.generic import CreateView, TemplateView, UpdateView

from documents.once import SubmitOnceMixin

from ..enums import AwardCategory
from ..forms import AwardFormForm
from ..models import AwardForm
from .base import CatalogueFormMixin, CatalogueMixin


class AwardFormListView(CatalogueMixin, TemplateView):
    template_name = "awards/awardform_list.html"

    def get_context_data(self, **kwargs):
        award_forms = list(AwardForm.objects.order_by("order", "name"))
        groups = [(label, [f for f in award_forms if f.category == value])
                  for value, label in AwardCategory.choices]
        return super().get_context_data(groups=groups, total=len(award_forms), **kwargs)


class AwardFormFormMixin(CatalogueFormMixin):
    model = AwardForm
    form_class = AwardFormForm
    template_name = "awards/awardform_form.html"
    success_url = reverse_lazy("awards:awardform_list")


class AwardFormCreateView(SubmitOnceMixin, AwardFormFormMixin, CreateView):
    pass


class AwardFormUpdateView(AwardFormFormMixin, UpdateView):
    pass
