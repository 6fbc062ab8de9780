"""Admins decide which eligibility rules apply and whether a failure blocks or only warns."""
from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import TemplateView

from core.views import PermissionMixin

from ..forms.rules import RuleFormSet
from ..models import EligibilityRule
from ..services.rule_settings import save_rule_settings


class RuleSettingsView(PermissionMixin, TemplateView):
    permission_required = "orgs.configure"
    template_name = "dossiers/rule_settings.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("formset", RuleFormSet(queryset=EligibilityRule.objects.all(), prefix="rules"))
        return super().get_context_data(**kwargs)

    def post(self, request):
        formset = RuleFormSet(request.POST, queryset=EligibilityRule.objects.all(), prefix="rules")
        if not formset.is_valid():
            return self.render_to_response(self.get_context_data(formset=formset), status=400)
        save_rule_settings(formset, by=request.user)
        messages.success(request, "Đã lưu cấu hình quy tắc xét điều kiện.")
        return redirect("dossiers:rule_settings")
