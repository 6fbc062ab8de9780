"""Which eligibility rules apply and whether a failure blocks or only warns: a province's admin sets their
province's choices; the system administrator sets the national defaults (and may open any province's)."""
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from campaigns.models import Campaign
from core.views import PermissionMixin, ScopedObjectMixin
from orgs.views.province_settings import ProvinceMixin

from ..forms.rules import CampaignRulesForm, RuleFormSet
from ..services.eligibility import rule_settings
from ..services.rule_settings import save_campaign_rules, save_rule_settings


class RuleSettingsView(ProvinceMixin, PermissionMixin, TemplateView):
    permission_required = "orgs.configure"
    template_name = "dossiers/rule_settings.html"
    national = True

    def formset(self, province, data=None):
        settings = rule_settings(province=province.pk) if province else rule_settings()
        return RuleFormSet(data, settings=settings, prefix="rules")

    def get_context_data(self, **kwargs):
        province, provinces = self.layer()
        formset = kwargs.setdefault("formset", self.formset(province))
        if province is not None:  # the national default beside each row (read, not the form's posted instance)
            national = rule_settings()
            for form in formset:
                form.national = national.get(form.instance.code)
        return super().get_context_data(province=province, provinces=provinces, **kwargs)

    def post(self, request):
        province, _ = self.layer()
        formset = self.formset(province, request.POST)
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(formset=formset), status=400)
        save_rule_settings(formset, by=request.user, province=province)
        where = f"của {province.name}" if province else "mặc định quốc gia"
        messages.success(request, f"Đã lưu quy tắc xét điều kiện {where}.")
        url = reverse("dossiers:rule_settings")
        return redirect(f"{url}?tinh={province.pk}" if province and request.user.is_superuser else url)


class CampaignRulesView(ScopedObjectMixin, TemplateView):
    """Quy tắc xét điều kiện của phong trào: the campaign's own exceptions to its province's rules."""

    model = Campaign
    permission_required = "campaigns.change_campaign"
    template_name = "dossiers/campaign_rules.html"

    def form(self, data=None):
        campaign = self.get_object()
        return CampaignRulesForm(data, settings=rule_settings(campaign),
                                 province_settings=rule_settings(province=campaign.issuer.root_id()))

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.form())
        return super().get_context_data(campaign=self.get_object(), **kwargs)

    def post(self, request, pk):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        save_campaign_rules(self.get_object(), form.choices(), by=request.user)
        messages.success(request, "Đã lưu quy tắc xét điều kiện của phong trào.")
        return redirect("dossiers:campaign_rules", pk=pk)
