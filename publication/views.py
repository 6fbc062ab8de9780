"""Công bố và tra cứu (no login): the published decisions, one decision, the lookup of a person's or a
collective's awards and its printable page; and the province admin's page choosing what is published."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from core.clientip import client_address
from core.pagination import lazy_page
from core.throttle import address_allowed
from core.views import PermissionMixin
from dossiers.models import CommentWindow
from dossiers.services import public_comment
from orgs.views.province_settings import ProvinceMixin

from . import services
from .forms import (
    BUCKET,
    PER_ADDRESS,
    TOO_MANY,
    DecisionFilterForm,
    LookupForm,
    PublicationSettingsForm,
    PublicCommentForm,
)

PER_PAGE = 20


@require_safe
def decision_list(request):
    form = DecisionFilterForm(request.GET or None, years=services.decision_years())
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    decisions = services.search_decisions(data.get("q", ""), year=data.get("nam"), authority=data.get("co_quan", ""))
    page = lazy_page(decisions, request.GET.get("trang"), per_page=PER_PAGE)
    for decision in page.items:
        decision.authority_name = services.authority_of(decision)
    return render(request, "publication/decision_list.html", {"form": form, "page": page})


@require_safe
def decision_detail(request, pk):
    decision = services.public_decisions().select_related("campaign").filter(pk=pk).first()
    if decision is None:
        raise Http404("Quyết định không có hoặc chưa được công bố.")
    decision.authority_name = services.authority_of(decision)
    return render(request, "publication/decision_detail.html",
                  {"decision": decision, "awards": services.awardees(decision)})


def _lookup(request):
    form = LookupForm(request.GET if any(request.GET.get(f) for f in ("ten", "don_vi")) else None)
    if not (form.is_bound and form.is_valid()):
        return form, None, [], False
    awards, units, unit_missing = services.lookup(form.cleaned_data["ten"], form.cleaned_data["don_vi"])
    return form, awards, units, unit_missing


@require_safe
def lookup(request):
    form, awards, units, unit_missing = _lookup(request)
    page = None
    if awards is not None:
        page = lazy_page(awards, request.GET.get("trang"), per_page=PER_PAGE)
        services.label_units(page.items)
    return render(request, "publication/lookup.html",
                  {"form": form, "page": page, "units": units, "unit_missing": unit_missing})


@require_safe
def lookup_print(request):
    form, awards, units, unit_missing = _lookup(request)
    rows, more = [], False
    if awards is not None:
        rows = services.label_units(awards[:services.PRINT_LIMIT + 1])
        rows, more = rows[:services.PRINT_LIMIT], len(rows) > services.PRINT_LIMIT
    return render(request, "publication/lookup_print.html",
                  {"form": form, "awards": rows, "more": more, "limit": services.PRINT_LIMIT, "units": units,
                   "unit_missing": unit_missing, "printed_at": timezone.localtime()})


class SettingsView(ProvinceMixin, PermissionMixin, TemplateView):
    """The forms a province publishes: its admin's (at the root); the system administrator chooses the province
    (?tinh=). Another province (?tinh= of one the user does not administer) is a 404, as its objects are."""

    permission_required = "orgs.configure"
    template_name = "publication/settings.html"

    def province(self):
        try:
            return self.layer()
        except PermissionDenied:
            if self.request.GET.get("tinh") or self.request.POST.get("tinh"):
                raise Http404("Không có tỉnh này trong phạm vi quản trị của bạn.") from None
            raise

    def get_context_data(self, **kwargs):
        province, provinces = self.province()
        form = kwargs.pop("form", None) or PublicationSettingsForm(rows=services.settings_for(province))
        return super().get_context_data(province=province, provinces=provinces, form=form, **kwargs)

    def post(self, request):
        province, _ = self.province()
        form = PublicationSettingsForm(request.POST, rows=services.settings_for(province))
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        changed = services.save_settings(province, form.published_ids(), by=request.user)
        messages.success(request, f"Đã lưu cấu hình công bố của {province.name}"
                                  + (f" ({changed} hình thức thay đổi)." if changed else " (không có thay đổi)."))
        return redirect(f"{reverse('publication:settings')}?tinh={province.pk}")


# --- lấy ý kiến nhân dân (no login) -----------------------------------------------------------------------------
def _open_window(pk):
    window = CommentWindow.objects.select_related("issuer").filter(pk=pk).first()
    if window is None or not window.is_open():
        raise Http404("Đợt lấy ý kiến không có hoặc không còn nhận ý kiến.")
    return window


@require_safe
def comment_windows(request):
    windows = list(public_comment.open_windows())
    for window in windows:
        window.public_nominees = list(public_comment.public_nominees(window))
    return render(request, "publication/comment_windows.html", {"windows": windows})


@require_safe
def comment_window(request, pk):
    window = _open_window(pk)
    return render(request, "publication/comment_window.html",
                  {"window": window, "nominees": public_comment.public_nominees(window)})


def comment_form(request, pk, nominee):
    """The comment form of one nominee of an open window: GET shows it, POST checks it (comment_form.py) and stores
    the comment "chờ duyệt"."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    window = _open_window(pk)
    entry = public_comment.public_nominees(window).filter(pk=nominee).first()
    if entry is None:
        raise Http404
    form = PublicCommentForm(request.POST if request.method == "POST" else None, nominee=entry)
    if form.is_bound and form.is_valid():
        if not address_allowed(request, BUCKET, PER_ADDRESS):
            form.add_error(None, TOO_MANY)
        else:
            data = form.cleaned_data
            try:
                public_comment.submit_comment(entry, name=data["name"], contact=data["contact"], text=data["text"],
                                              address=client_address(request))
            except ValidationError as error:
                for field, errors in (error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
                                      ).items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                messages.success(request, "Đã nhận ý kiến của bạn. Văn phòng xem xét ý kiến trước khi tổng hợp "
                                          "báo cáo Hội đồng Thi đua – Khen thưởng. Xin cảm ơn.")
                return redirect(window.get_public_url())
    if form.is_bound:  # a fresh timestamp for the next try; what was typed is kept
        form.data = form.data.copy()
        form.data["token"] = form.fields["token"].initial
    return render(request, "publication/comment_form.html", {"window": window, "entry": entry, "form": form},
                  status=400 if form.is_bound else 200)
