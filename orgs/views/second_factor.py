"""Xác thực hai bước, as the admins see it: a province's policy (which roles must use a second factor), and an
account's reset after a lost phone (orgs.services.second_factor does the work)."""
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from core.forms import NfcFormMixin
from core.views import PermissionMixin

from ..models import SecondFactorPolicy
from ..services import second_factor
from .accounts import AccountScopedMixin
from .province_settings import ProvinceMixin


class PolicyForm(forms.ModelForm):
    class Meta:
        model = SecondFactorPolicy
        fields = ["for_admins", "for_approvers", "for_reviewers", "for_council", "for_clerks"]


class ResetForm(NfcFormMixin, forms.Form):
    reason = forms.CharField(label="Lý do đặt lại", max_length=300, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text="Ví dụ: mất điện thoại, đổi điện thoại (đã xác minh người yêu cầu qua điện "
                                       "thoại công vụ). Lý do được ghi vào nhật ký.")


class PolicyView(ProvinceMixin, PermissionMixin, TemplateView):
    """The policy of one province: its admin's (at the root), or any province's for the system administrator
    (?tinh= chooses among several)."""

    permission_required = "orgs.configure"
    template_name = "otp/policy.html"

    def get_context_data(self, **kwargs):
        province, provinces = self.layer()
        policy = second_factor.policy_for(province)
        form = kwargs.pop("form", None) or PolicyForm(instance=policy)
        return super().get_context_data(province=province, provinces=provinces, policy=policy, form=form,
                                        saved=policy.pk is not None, **kwargs)

    def post(self, request):
        province, _ = self.layer()
        form = PolicyForm(request.POST, instance=second_factor.policy_for(province))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        second_factor.save_policy(form.save(commit=False), by=request.user)
        messages.success(request, f"Đã lưu chính sách xác thực hai bước của {province.name}.")
        return redirect(f"{reverse('orgs:second_factor_policy')}?tinh={province.pk}")


class AccountResetView(AccountScopedMixin, TemplateView):
    """An account's second factor: whether it is on; reset it with a reason (an admin of the account's province;
    another province's account is a 404 like its other pages)."""

    permission_required = "orgs.change_user"
    template_name = "otp/reset.html"

    def get_context_data(self, **kwargs):
        account = self.get_object()
        return super().get_context_data(
            account=account, form=kwargs.pop("form", None) or ResetForm(),
            device=second_factor.authenticator(account), required=second_factor.is_required(account),
            codes_left=second_factor.recovery_codes_left(account), **kwargs)

    def post(self, request, pk):
        account = self.get_object()
        form = ResetForm(request.POST)
        if form.is_valid():
            try:
                had = second_factor.reset(account, reason=form.cleaned_data["reason"], by=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, f"Đã đặt lại xác thực hai bước của “{account.username}”: "
                                          + ("ứng dụng xác thực và mã dự phòng cũ không còn dùng được."
                                             if had else "tài khoản chưa đăng ký ứng dụng xác thực nào."))
                return redirect("orgs:account_detail", pk=account.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)
