"""Bulk work (POST only): the leader's opinion on the nominees ticked on the approval page, the office accepting
the dossiers ticked in the inbox. Only what the user may act on can be posted: an id outside the user's queue
or inbox is a 404, a dossier the user sees without reviewing it a 403; the services run each item through the
single-item service, all or nothing (services/bulk.py)."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View

from core.views import PermissionMixin

from ..models import Dossier
from ..services import bulk
from .decisions import LeaderMixin, queue
from .dossiers import errors_of


def posted_ids(request, name):
    """The distinct ids ticked in the checkboxes `name`; a value that is not an id is a 404 (a forged form)."""
    values = request.POST.getlist(name)
    if not all(value.isdigit() for value in values):
        raise Http404
    return sorted({int(value) for value in values})


def _scoped(queryset, ids):
    """The rows of `queryset` with these ids, every one of them, or a 404: an id the user may not act on is
    not silently dropped."""
    rows = list(queryset.filter(pk__in=ids))
    if len(rows) != len(ids):
        raise Http404
    return rows


class ApproveManyView(LeaderMixin, View):
    """POST: "Đồng ý / Không đồng ý các đề nghị đã chọn", with one reason for the group."""

    def post(self, request):
        ids = posted_ids(request, "de_nghi")
        if not ids:
            messages.error(request, "Chưa chọn người, tập thể nào: hãy đánh dấu ô chọn ở từng dòng.")
            return redirect("dossiers:approval_queue")
        nominations = _scoped(queue(request.user), ids)
        for nomination in nominations:
            if not request.user.has_perm("dossiers.approve_nomination", nomination.dossier):
                raise PermissionDenied
        approved = request.POST.get("approved")
        if approved not in ("1", "0"):
            messages.error(request, "Chọn đồng ý hoặc không đồng ý.")
            return redirect("dossiers:approval_queue")
        try:
            count = bulk.approve_many(nominations, approved=approved == "1", reason=request.POST.get("reason", ""),
                                      by=request.user)
        except ValidationError as error:
            messages.error(request, errors_of(error))
        else:
            opinion = "đồng ý" if approved == "1" else "không đồng ý"
            messages.success(request, f"Đã ghi ý kiến “{opinion}” cho {count} người, tập thể: "
                                      f"{', '.join(n.name for n in nominations)}.")
        return redirect("dossiers:approval_queue")


class AcceptManyView(PermissionMixin, View):
    """POST: "Tiếp nhận các hồ sơ đã chọn" from the inbox (each dossier in review, every nominee with a verdict)."""

    permission_required = "dossiers.use_inbox"

    def post(self, request):
        back = reverse("dossiers:inbox")
        filters = QueryDict(request.POST.get("bo_loc", "")).urlencode()
        if filters:
            back = f"{back}?{filters}"
        ids = posted_ids(request, "ho_so")
        if not ids:
            messages.error(request, "Chưa chọn hồ sơ nào: hãy đánh dấu ô chọn ở từng dòng.")
            return redirect(back)
        dossiers = _scoped(Dossier.objects.for_user(request.user).select_related(
            "campaign__issuer", "organisation", "offer__award_form"), ids)
        for dossier in dossiers:
            if not request.user.has_perm("dossiers.review_dossier", dossier):
                raise PermissionDenied
        try:
            count = bulk.accept_many(dossiers, by=request.user)
        except ValidationError as error:
            messages.error(request, errors_of(error))
        else:
            names = "; ".join(bulk.dossier_name(d) for d in dossiers)
            messages.success(request, f"Đã tiếp nhận {count} hồ sơ: {names}. "
                                      "Bước tiếp theo: trình Hội đồng hoặc trình lãnh đạo từ trang thẩm định "
                                      "của từng hồ sơ.")
        return redirect(back)
