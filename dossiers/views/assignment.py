"""Phân công inside the office: assign a dossier to a specialist (from the dossier page), and the head's page
"Phân công, theo dõi xử lý" with its Excel export (services/assignment.py)."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from core.views import PermissionMixin
from core.xlsx import xlsx_response

from ..forms.assignment import AssignForm
from ..services import assignment
from .dossiers import DossierDetailView, DossierMixin, errors_of


def assign_form(dossier, user, data=None):
    """The "Phân công" form of the dossier page for the office's reviewer, while the office holds the dossier;
    None otherwise."""
    if dossier.state not in assignment.HELD_STATES or not user.has_perm("dossiers.review_dossier", dossier):
        return None
    return AssignForm(data, reviewers=assignment.reviewers(dossier.campaign.issuer),
                      initial={"assignee": dossier.assignee_id})


class AssignView(DossierMixin, View):
    """POST: assign the dossier to a specialist. Refused (no choice, another body's user, a dossier the office
    no longer holds): the dossier page again, status 400, with what was chosen and typed."""

    permission_required = "dossiers.review_dossier"

    def post(self, request, pk):
        dossier = self.get_object()
        form = assign_form(dossier, request.user, request.POST)
        if form is None:
            messages.error(request, f"Không thể phân công: hồ sơ đang ở trạng thái "
                                    f"“{dossier.get_state_display().lower()}”, không còn do Văn phòng xử lý.")
            return redirect(dossier)
        if form.is_valid():
            assignee = form.cleaned_data["assignee"]
            try:
                assignment.assign(dossier, assignee, note=form.cleaned_data["note"], by=request.user)
            except ValidationError as error:
                form.add_error(None, errors_of(error))
            else:
                messages.success(request, f"Đã phân công hồ sơ cho {assignment.name_of(assignee)}.")
                return redirect(f"{dossier.get_absolute_url()}#assign")
        page = DossierDetailView()
        page.setup(request, pk=dossier.pk)
        return page.render_to_response(page.get_context_data(assign_form=form), status=400)


class AssignmentBoardView(PermissionMixin, TemplateView):
    """Phân công, theo dõi xử lý: per specialist, the open dossiers assigned by state and the days each step took
    (median, average), for the dossiers sent to the bodies the user works for (the inbox's)."""

    permission_required = "dossiers.use_inbox"
    template_name = "dossiers/assignment_board.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(table=assignment.load_and_timing(self.request.user), **kwargs)


class AssignmentExportView(PermissionMixin, View):
    permission_required = "dossiers.use_inbox"

    def get(self, request):
        data, _ = assignment.workbook(request.user)
        return xlsx_response(data, f"phan-cong-{timezone.localdate():%Y%m%d}.xlsx")
