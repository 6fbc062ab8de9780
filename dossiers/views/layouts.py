"""Căn chỉnh in trên phôi: a province's own positions of a certificate's printed items on its blank stock."""
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView

from awards.forms import CertificateLayoutForm
from awards.models import AwardForm
from core.views import PermissionMixin
from orgs.views.province_settings import ProvinceMixin

from ..models import CertificateLayout
from ..services.layouts import save_layout


class LayoutListView(ProvinceMixin, PermissionMixin, TemplateView):
    """The award forms a province prints on blank stock, and whether it calibrated each."""

    permission_required = "orgs.configure"
    template_name = "dossiers/layout_list.html"

    def get_context_data(self, **kwargs):
        province, provinces = self.layer()
        own = set(CertificateLayout.objects.filter(province=province).values_list("award_form_id", flat=True))
        forms = list(AwardForm.objects.filter(is_active=True).order_by("order", "name"))
        for form in forms:
            form.calibrated = form.pk in own
        return super().get_context_data(province=province, provinces=provinces, award_forms=forms, **kwargs)


class LayoutEditView(ProvinceMixin, PermissionMixin, TemplateView):
    permission_required = "orgs.configure"
    template_name = "dossiers/layout_form.html"

    def award_form(self):
        return get_object_or_404(AwardForm, pk=self.kwargs["pk"])

    def form(self, province, award_form, data=None):
        own = CertificateLayout.objects.filter(province=province, award_form=award_form).first()
        return CertificateLayoutForm(data, stored=own.offsets if own else award_form.certificate_offsets)

    def get_context_data(self, **kwargs):
        province, provinces = self.layer()
        award_form = self.award_form()
        kwargs.setdefault("form", self.form(province, award_form))
        return super().get_context_data(province=province, provinces=provinces, award_form=award_form, **kwargs)

    def post(self, request, pk):
        province, _ = self.layer()
        award_form = self.award_form()
        form = self.form(province, award_form, request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        save_layout(province, award_form, form.offsets(), by=request.user)
        messages.success(request, f"Đã lưu vị trí in “{award_form}” trên phôi của {province.name}.")
        return redirect(f"{reverse('dossiers:layout_list')}?tinh={province.pk}")
