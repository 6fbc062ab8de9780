"""Pages of one's own second factor (xác thực hai bước): the code after the password, enrolment with a QR code,
recovery codes shown once, one's own status page (orgs.services.second_factor does the work)."""
import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe
from django_otp.plugins.otp_totp.models import TOTPDevice

from orgs.services import second_factor


class CodeForm(forms.Form):
    code = forms.CharField(label="Mã xác thực", max_length=40, strip=True, widget=forms.TextInput(attrs={
        "autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false", "autocapitalize": "off"}))


def _next(request, default="home"):
    """The page asked for before the code (same host only), else `default`."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if wanted and url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure()):
        return wanted
    return default


@login_required
def verify(request):
    """Nhập mã xác thực: the authenticator's 6 digits, or one recovery code."""
    if second_factor.session_state(request) != second_factor.VERIFY:
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = second_factor.verify(request, form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
        else:
            if not isinstance(device, TOTPDevice):
                left = second_factor.recovery_codes_left(request.user)
                messages.warning(request, f"Bạn vừa dùng một mã dự phòng (mỗi mã chỉ dùng được một lần); còn {left} "
                                          "mã. Nếu đã mất điện thoại, hãy báo quản trị để đặt lại xác thực hai bước.")
            return redirect(_next(request))
    return render(request, "otp/verify.html", {"form": form, "next": _next(request, "")},
                  status=400 if form.errors else 200)


@login_required
def enrol(request):
    """Đăng ký ứng dụng xác thực: a QR code and its secret as text; a code of the app confirms it."""
    if second_factor.has_authenticator(request.user):
        if second_factor.session_state(request) == second_factor.VERIFY:
            return redirect("second_factor_verify")
        messages.info(request, "Tài khoản đã có ứng dụng xác thực.")
        return redirect("second_factor")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            second_factor.confirm_enrolment(request, form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
        else:
            messages.success(request, "Đã bật xác thực hai bước. Hãy cất giữ các mã dự phòng dưới đây.")
            return redirect("second_factor_codes")
    key = second_factor.pending_key(request)
    url = second_factor.config_url(request.user, key)
    qr = segno.make(url, error="m").svg_inline(scale=5, border=2, svgclass="img-fluid",
                                                title="Mã QR để thêm vào ứng dụng xác thực")
    return render(request, "otp/enrol.html", {
        "form": form, "qr": qr, "secret": second_factor.secret_text(key),
        "required": second_factor.is_required(request.user),
    }, status=400 if form.errors else 200)


@login_required
def codes(request):
    """The recovery codes just made, shown once (GET); a new set replacing the old (POST, verified session)."""
    if request.method == "POST":
        try:
            second_factor.new_recovery_codes(request)
        except PermissionDenied as error:
            messages.error(request, str(error))
            return redirect("second_factor")
        return redirect("second_factor_codes")
    fresh = request.session.pop(second_factor.NEW_CODES_KEY, None)
    if not fresh:
        messages.info(request, "Mã dự phòng chỉ hiện một lần, ngay khi được tạo. Có thể tạo bộ mã mới ở trang này.")
        return redirect("second_factor")
    return render(request, "otp/recovery_codes.html",
                  {"codes": [second_factor.format_code(code) for code in fresh]})


@login_required
@require_safe
def account(request):
    """Xác thực hai bước of one's own account: whether it is on, whether one's roles require it, what to do."""
    user = request.user
    device = second_factor.authenticator(user)
    reasons = second_factor.required_reasons(user)
    return render(request, "otp/account.html", {
        "device": device, "required": bool(reasons), "system_admin": user.is_superuser,
        "codes_left": second_factor.recovery_codes_left(user) if device else 0,
        "verified": user.is_verified(),
    })


@login_required
@require_POST
def disable(request):
    """Tắt xác thực hai bước: only whom no role requires it, in a session verified by it."""
    try:
        second_factor.disable(request)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Đã tắt xác thực hai bước của tài khoản.")
    return redirect("second_factor")
