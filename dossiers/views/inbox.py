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
from ..services import building, review
from ..services.dossier_page import page_parts
from ..services.inbox import filtered_inbox, inbox_page
from ..services.workflow import NOT_ACCEPTABLE
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
        pending = set(Nomination.objects.filter(dossier__in=in_review, outcome__in=NOT_ACCEPTABLE).values_list(
            "dossier_id", flat=True)) if in_review else set()
        for dossier in page.items:  # the office opens its review page; the council and the leaders read it
            reviews = scope.acts_for(user, dossier.campaign.issuer, [Role.REVIEWER])
            dossier.open_url = reverse("dossiers:review" if reviews else "dossiers:dossier_detail", args=[dossier.pk])
            # ticked for "Tiếp nhận các hồ sơ đã chọn": in review, every nominee with the office's verdict
            dossier.acceptable = reviews and dossier.state == DossierState.IN_REVIEW and dossier.pk not in pending
        return super().get_context_data(form=form, page=page, today=timezone.localdate(),
                                         acceptable=any(d.acceptable for d in page.items), **kwargs)


class ReviewView(DossierMixin, TemplateView):
    """Thẩm định: the three steps and where the dossier is (receive → a verdict per nominee → accept or return),
    the dossier's documents beside the checklist, one verdict control per nominee, what changed since the
    previous submission and the verdicts kept from the review before a return (services/review.py)."""

    permission_required = "dossiers.review_dossier"
    template_name = "dossiers/review.html"

    def get_context_data(self, bound=None, **kwargs):
        dossier = self.get_object()
        parts = page_parts(dossier, criteria=True)
        nominations = parts["nominations"]
        kept = review.previous_verdicts(dossier)
        changes = review.changes_since_previous(dossier) if dossier.version > 1 else None
        for nomination in nominations:
            nomination.kept_verdict = kept.get(nomination.pk)
            nomination.changed_fields = changes.changed.get(nomination.pk, []) if changes else []
            nomination.is_new = bool(changes) and nomination.pk in changes.added_ids
            nomination.has_warnings = any(not c.passed for c in nomination.verdicts)
            nomination.verdict_form = (bound or {}).get(nomination.pk) or VerdictForm(
                prefix=f"n{nomination.pk}", initial=_starting_values(nomination))
        moves = dossier_actions(dossier, self.request.user, parts["pending"])
        done, total = review.reviewed_count(nominations)
        from .assignment import assign_form

        return super().get_context_data(assign_form=assign_form(dossier, self.request.user),
            dossier=dossier, actions=[], moves=dict(moves), may_recheck=True, steps=review.steps(dossier, nominations),
            reviewed=done, total=total, remaining=total - done, changes=changes, kept_any=bool(kept),
            needs_more=[n for n in nominations if n.outcome == Outcome.NEEDS_MORE],
            return_summary=review.return_summary(nominations), reason_labels=review.REASON_LABELS,
            **parts, **kwargs)


def _starting_values(nomination):
    """The verdict control as the page opens: the nominee's verdict, else the one kept from the previous review."""
    outcome, reason = nomination.outcome, nomination.outcome_reason
    if outcome == Outcome.PENDING and nomination.kept_verdict:
        outcome, reason = nomination.kept_verdict.outcome, nomination.kept_verdict.reason
    elif outcome == Outcome.NEEDS_MORE:
        reason = nomination.review_note or reason
    verdict = outcome if outcome in dict(review.VERDICTS) else None
    return {"verdict": verdict, "reason": reason, "override_reason": nomination.override_reason}


class VerdictView(NominationMixin, View):
    """POST: the office's verdict on one nominee. Refused (a reason missing, a warning not answered): the review
    page again, status 400, with what was typed and the error beside the nominee."""

    permission_required = "dossiers.review_dossier"

    def post(self, request, pk):
        nomination = self.get_object()
        form = VerdictForm(request.POST, prefix=f"n{nomination.pk}")
        if form.is_valid():
            data = form.cleaned_data
            try:
                building.review_nominee(nomination, verdict=data["verdict"], reason=data["reason"],
                                        override_reason=data["override_reason"], by=request.user)
            except ValidationError as error:
                form.add_error(None, errors_of(error))
            else:
                messages.success(request, f"Đã ghi kết luận cho {nomination.name}.")
                return redirect(f"{reverse('dossiers:review', args=[nomination.dossier_id])}#nominee-{nomination.pk}")
        page = ReviewView()
        page.setup(request, pk=nomination.dossier_id)
        return page.render_to_response(page.get_context_data(bound={nomination.pk: form}), status=400)


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
