"""The standing office: the inbox of dossiers sent to its body, and the review page."""
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from core.views import PermissionMixin
from core.xlsx import XLSX_CONTENT_TYPE
from orgs import scope
from orgs.enums import Role

from ..enums import DossierState, Outcome
from ..exports import EXPORT_KEEP_DAYS, request_inbox_export
from ..forms.dossiers import VerdictForm
from ..models import Export, Nomination
from ..services import building
from ..services.dossier_page import page_parts
from ..services.inbox import filtered_inbox, inbox_page
from .dossiers import DossierMixin, NominationMixin, dossier_actions, errors_of


class InboxView(PermissionMixin, TemplateView):
    """Hộp hồ sơ: filter by campaign, unit, award form, state, overdue; search without diacritics;
    sorted by deadline; lazy pagination (no COUNT over the whole table)."""

    permission_required = "dossiers.use_inbox"
    template_name = "dossiers/inbox.html"

    def get_context_data(self, **kwargs):
        form, qs = filtered_inbox(self.request.user, self.request.GET)
        page = inbox_page(qs, self.request.GET.get("trang"))
        user = self.request.user
        in_review = [d.pk for d in page.items if d.state == DossierState.IN_REVIEW]
        pending = set(Nomination.objects.filter(dossier__in=in_review, outcome=Outcome.PENDING).values_list(
            "dossier_id", flat=True)) if in_review else set()
        for dossier in page.items:  # the office opens its review page; the council and the leaders read it
            reviews = scope.acts_for(user, dossier.campaign.issuer, [Role.REVIEWER])
            dossier.open_url = reverse("dossiers:review" if reviews else "dossiers:dossier_detail", args=[dossier.pk])
            # ticked for "Tiếp nhận các hồ sơ đã chọn": in review, every nominee with the office's verdict
            dossier.acceptable = reviews and dossier.state == DossierState.IN_REVIEW and dossier.pk not in pending
        return super().get_context_data(form=form, page=page, today=timezone.localdate(),
                                         acceptable=any(d.acceptable for d in page.items), **kwargs)


class ReviewView(DossierMixin, TemplateView):
    """Thẩm định: the dossier's documents beside the checklist, a verdict per nominee, and the moves."""

    permission_required = "dossiers.review_dossier"
    template_name = "dossiers/review.html"

    def get_context_data(self, **kwargs):
        dossier = self.get_object()
        parts = page_parts(dossier, criteria=True)
        for nomination in parts["nominations"]:
            nomination.verdict_form = VerdictForm(prefix=f"n{nomination.pk}", initial={
                "verdict": nomination.outcome if nomination.outcome in (Outcome.ACCEPTED, Outcome.NOT_QUALIFIED)
                else Outcome.ACCEPTED, "reason": nomination.outcome_reason,
                "override_reason": nomination.override_reason, "review_note": nomination.review_note})
        return super().get_context_data(
            dossier=dossier, actions=dossier_actions(dossier, self.request.user, parts["pending"]), may_recheck=True,
            **parts, **kwargs)


class VerdictView(NominationMixin, View):
    """POST: the office's verdict on one nominee (and what the unit should fix)."""

    permission_required = "dossiers.review_dossier"

    def post(self, request, pk):
        nomination = self.get_object()
        form = VerdictForm(request.POST, prefix=f"n{nomination.pk}")
        if not form.is_valid():
            messages.error(request, "Kết luận không hợp lệ.")
            return redirect("dossiers:review", pk=nomination.dossier_id)
        data = form.cleaned_data
        try:
            building.set_review_note(nomination, data["review_note"], by=request.user)
            if nomination.dossier.state == DossierState.IN_REVIEW:
                building.review_nominee(nomination, verdict=data["verdict"], reason=data["reason"],
                                        override_reason=data["override_reason"], by=request.user)
        except ValidationError as error:
            messages.error(request, f"{nomination.name}: {errors_of(error)}")
        else:
            messages.success(request, f"Đã ghi kết luận cho {nomination.name}.")
        return redirect("dossiers:review", pk=nomination.dossier_id)


class InboxExportView(PermissionMixin, View):
    """Xuất Excel: every nominee of the dossiers the inbox shows with the same filters (e.g. one year),
    built by a worker (dossiers.exports); the user waits on its progress page, then downloads it."""

    permission_required = "dossiers.use_inbox"

    def get(self, request):
        export = request_inbox_export(request.user, request.GET)
        return redirect(export)


class ExportMixin(LoginRequiredMixin):
    def get_export(self, pk):
        """One of the user's own exports (anyone else's is a 404)."""
        return get_object_or_404(Export, pk=pk, requested_by=self.request.user)


class ExportStatusView(ExportMixin, TemplateView):
    """Tệp xuất Excel: its progress, polled by htmx every second until the file is ready or failed."""

    def get_template_names(self):
        return ["dossiers/_export_status.html" if self.request.htmx else "dossiers/export_status.html"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(export=self.get_export(self.kwargs["pk"]), keep_days=EXPORT_KEEP_DAYS,
                                        **kwargs)


class ExportDownloadView(ExportMixin, View):
    def get(self, request, pk):
        export = self.get_export(pk)
        if not export.is_ready:
            return redirect(export)
        return FileResponse(export.file.open("rb"), as_attachment=True, filename=export.filename,
                            content_type=XLSX_CONTENT_TYPE)
