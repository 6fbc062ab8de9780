"""Pages about households (hộ gia đình) a unit may nominate: list with accent-free search, add, edit."""
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView, TemplateView, UpdateView

from core.concurrency import SaveUnchangedMixin
from core.pagination import lazy_page
from core.text import filter_by_search
from core.views import PermissionMixin, ScopedObjectMixin
from documents.once import SubmitOnceMixin

from ..forms import HouseholdFilterForm, HouseholdForm
from ..models import Household


class HouseholdListView(PermissionMixin, TemplateView):
    permission_required = "orgs.add_household"
    template_name = "orgs/household_list.html"

    def get_context_data(self, **kwargs):
        form = HouseholdFilterForm(self.request.GET or None)
        qs = Household.objects.for_user(self.request.user).select_related("organisation")
        if form.is_valid():
            qs = filter_by_search(qs, form.cleaned_data["q"])
        page = lazy_page(qs.order_by("search_text", "pk"), self.request.GET.get("trang"))
        return super().get_context_data(form=form, page=page, **kwargs)


class HouseholdCreateView(SubmitOnceMixin, PermissionMixin, FormView):
    permission_required = "orgs.add_household"
    form_class = HouseholdForm
    template_name = "orgs/household_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        household = form.save()
        messages.success(self.request, f"Đã thêm “{household.name}”.")
        return redirect(reverse("orgs:household_list"))


class HouseholdUpdateView(SaveUnchangedMixin, ScopedObjectMixin, UpdateView):
    permission_required = "orgs.change_household"
    model = Household
    form_class = HouseholdForm
    template_name = "orgs/household_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        household = form.save()
        messages.success(self.request, f"Đã lưu thông tin “{household.name}”.")
        return redirect(reverse("orgs:household_list"))
