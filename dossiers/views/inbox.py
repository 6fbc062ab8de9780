"""The standing office: the inbox of dossiers sent to its body, and the review page."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Q
from django.shortcuts import redirect
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from campaigns.models import Campaign
from core.db import aggregate_subquery
from core.pagination import lazy_page
from core.text import search_key
from core.views import PermissionMixin
from orgs import scope
from orgs.enums import ISSUER_STAFF
from orgs.search import under_units, units_named

from ..enums import DossierState, Outcome
from ..forms.dossiers import VerdictForm
from ..forms.inbox import InboxFilterForm
from ..models import Dossier, Nomination
from ..services import building
from ..services.completeness import checked_nominations
from ..services.workflow import any_pending
from .dossiers import DossierMixin, NominationMixin, dossier_record, errors_of

SENT_STATES = [s for s in DossierState.values if s not in (DossierState.DRAFT, DossierState.WITHDRAWN)]


def inbox_queryset(user):
    """Dossiers sent to the bodies the user works for (as office, council, leader or admin)."""
    return Dossier.objects.filter(scope.covered_q(user, ISSUER_STAFF, "campaign__issuer__path"),
                                  state__in=SENT_STATES)


def filtered_inbox(user, params):
    """(filter form, dossiers): the inbox of `user` narrowed by the filters in `params` (a QueryDict);
    without filters, the dossiers still being handled. The inbox page and its Excel export share it."""
    base = inbox_queryset(user)
    form = InboxFilterForm(params or None, campaigns=Campaign.objects.filter(
        scope.covered_q(user, ISSUER_STAFF, "issuer__path")))
    qs = base
    if not form.is_bound or not form.is_valid():
        return form, qs.exclude(state=DossierState.DECIDED)
    data = form.cleaned_data
    if data["phong_trao"]:
        qs = qs.filter(campaign=data["phong_trao"])
    if data["don_vi"]:
        qs = qs.filter(under_units(units_named(data["don_vi"])))
    if data["hinh_thuc"]:
        qs = qs.filter(offer__award_form=data["hinh_thuc"])
    if data["trang_thai"]:
        qs = qs.filter(state=data["trang_thai"])
    elif not data["tat_ca"]:
        qs = qs.exclude(state__in=[DossierState.DECIDED])
    if data["qua_han"]:
        qs = qs.filter(campaign__dossier_deadline__lt=timezone.localdate(), state__in=[
            DossierState.SUBMITTED, DossierState.RETURNED])
    if data["nam"]:
        qs = qs.filter(submitted_at__year=data["nam"])
    for token in search_key(data["q"]).split():
        qs = qs.filter(Q(organisation__search_text__contains=token)
                       | Q(nominations__person__search_text__contains=token)).distinct()
    return form, qs


class InboxView(PermissionMixin, TemplateView):
    """Hộp hồ sơ: filter by campaign, unit, award form, state, overdue; search without diacritics;
    sorted by deadline; lazy pagination (no COUNT over the whole table)."""

    permission_required = "dossiers.use_inbox"
    template_name = "dossiers/inbox.html"

    def get_context_data(self, **kwargs):
        form, qs = filtered_inbox(self.request.user, self.request.GET)
        page = lazy_page(inbox_rows(qs), self.request.GET.get("trang"), per_page=50)
        return super().get_context_data(form=form, page=page, today=timezone.localdate(), **kwargs)


def inbox_rows(dossiers):
    """The inbox's rows: each dossier with its campaign, unit, award form and number of nominees (a
    correlated count, evaluated for the rows shown only: a join + GROUP BY counted every match), the
    nearest deadline first."""
    return dossiers.select_related("campaign", "organisation", "offer__award_form").annotate(
        nominee_count=aggregate_subquery(Nomination.objects.filter(dossier=OuterRef("pk")))).order_by(
        "campaign__dossier_deadline", "submitted_at", "pk")


class ReviewView(DossierMixin, TemplateView):
    """Thẩm định: the dossier's documents beside the checklist, a verdict per nominee, and the moves."""

    permission_required = "dossiers.review_dossier"
    template_name = "dossiers/review.html"

    def get_context_data(self, **kwargs):
        dossier = self.get_object()
        nominations, check = checked_nominations(dossier)
        for nomination in nominations:
            nomination.verdict_form = VerdictForm(prefix=f"n{nomination.pk}", initial={
                "verdict": nomination.outcome if nomination.outcome in (Outcome.ACCEPTED, Outcome.NOT_QUALIFIED)
                else Outcome.ACCEPTED, "reason": nomination.outcome_reason,
                "override_reason": nomination.override_reason, "review_note": nomination.review_note})
        return super().get_context_data(
            dossier=dossier, nominations=nominations, checklist=check,
            **dossier_record(dossier, self.request.user, any_pending(nominations)), **kwargs)


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
    """Xuất Excel: every nominee of the dossiers the inbox shows with the same filters (e.g. one year)."""

    permission_required = "dossiers.use_inbox"

    def get(self, request):
        from django.http import FileResponse

        from ..exports import nominations_workbook

        _form, dossiers = filtered_inbox(request.user, request.GET)
        name = f"Danh sách đề nghị khen thưởng {timezone.localdate():%d-%m-%Y}.xlsx"
        return FileResponse(nominations_workbook(dossiers), as_attachment=True, filename=name,
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
