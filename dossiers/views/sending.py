"""The unit's moves of a dossier with guidance: "Gửi hồ sơ" and the page saying what was sent, to whom and what
comes next; "Rút hồ sơ" after a page saying what it does; a withdrawn dossier opened again or copied."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View
from django.views.generic import TemplateView

from documents.once import SubmitOnceMixin

from ..forms.dossiers import NoteForm
from ..services import sending, withdrawal
from ..services.workflow import TransitionError
from .dossiers import DossierMixin, errors_of


def posted_note(request):
    """The note the clerk typed for the log (NoteForm), "" when none."""
    form = NoteForm(request.POST)
    return form.cleaned_data["note"] if form.is_valid() else ""


class DossierSubmitView(DossierMixin, View):
    """POST "Gửi hồ sơ": the unit's clerk sends a draft or returned dossier; then the page of what was sent. A
    dossier that still lacks something goes back to its page, to the list of what is missing."""

    permission_required = "dossiers.change_dossier"

    def post(self, request, pk):
        dossier = self.get_object()
        try:
            sending.submit(dossier, by=request.user, note=posted_note(request))
        except TransitionError as error:
            messages.warning(request, errors_of(error))
            return redirect(dossier)
        except ValidationError as error:
            messages.error(request, errors_of(error))
            return redirect(reverse("dossiers:dossier_detail", args=[dossier.pk]) + "#gui-ho-so")
        return redirect("dossiers:dossier_sent", pk=dossier.pk)


class DossierSentView(DossierMixin, TemplateView):
    """Đã gửi hồ sơ: what the unit sent (the dossier, its nominees, documents and attachments), to whom (the
    receiving body and the office that reviews it) and what happens next. The unit's clerk, once sent."""

    permission_required = "dossiers.view_sent_summary"
    template_name = "dossiers/dossier_sent.html"

    def get_context_data(self, **kwargs):
        dossier = self.get_object()
        return super().get_context_data(dossier=dossier, sent=sending.sent_summary(dossier), **kwargs)


class DossierWithdrawView(SubmitOnceMixin, DossierMixin, TemplateView):
    """Rút hồ sơ: GET says what withdrawing does (to the office, the quota, the documents sent, what can follow);
    POST withdraws, with the clerk's reason in the log."""

    permission_required = "dossiers.withdraw_dossier"
    template_name = "dossiers/dossier_withdraw.html"

    def get_context_data(self, **kwargs):
        dossier = self.get_object()
        return super().get_context_data(dossier=dossier, consequences=withdrawal.withdraw_consequences(dossier),
                                        note_form=kwargs.pop("note_form", None) or NoteForm(), **kwargs)

    def post(self, request, pk):
        dossier = self.get_object()
        try:
            withdrawal.withdraw(dossier, by=request.user, note=posted_note(request))
        except TransitionError as error:
            messages.warning(request, errors_of(error))
        except ValidationError as error:
            messages.error(request, errors_of(error))
            return self.render_to_response(self.get_context_data(note_form=NoteForm(request.POST)), status=400)
        else:
            messages.success(request, "Đã rút hồ sơ. Có thể mở lại hoặc sao chép thành hồ sơ mới khi cần.")
        return redirect(dossier)


class WithdrawnMixin(SubmitOnceMixin, DossierMixin, View):
    permission_required = "dossiers.reopen_dossier"

    def act(self, dossier):
        raise NotImplementedError

    def post(self, request, pk):
        dossier = self.get_object()
        try:
            target = self.act(dossier)
        except PermissionDenied:
            raise
        except ValidationError as error:
            messages.error(request, errors_of(error))
            return redirect(dossier)
        return redirect(target)


class DossierReopenView(WithdrawnMixin):
    """POST "Mở lại hồ sơ": the withdrawn dossier is a draft again (logged)."""

    def act(self, dossier):
        dossier = withdrawal.reopen(dossier, by=self.request.user)
        messages.success(self.request, "Đã mở lại hồ sơ: hồ sơ trở về trạng thái đang soạn.")
        return dossier


class DossierCopyView(WithdrawnMixin):
    """POST "Sao chép thành hồ sơ mới": a new draft with the withdrawn dossier's nominees and reports."""

    def act(self, dossier):
        copy = withdrawal.copy_dossier(dossier, by=self.request.user)
        messages.success(self.request, f"Đã tạo hồ sơ mới từ hồ sơ đã rút ({copy.nominations.count()} người, tập "
                                       "thể và báo cáo thành tích được sao chép). Kiểm tra lại rồi gửi.")
        return copy

