"""The two ways between a Biên bản họp bình xét and a dossier (docs/workflow.md, "Biên bản và hồ sơ"):
from the Biên bản, add a nominee with its votes (the unit's dossier is opened when there is none); from the
dossier, enter its nominees' votes into its Biên bản (chosen when it has none). Each page says which way the
data goes and links to the other. Both write through services.meetings.record_votes.

Walls: a meeting or dossier out of reach is a 404 (MeetingMixin, DossierMixin); the unit's clerk only (403).
"""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.generic import TemplateView

from ..forms.meeting_flow import DossierMeetingForm, MeetingNomineeForm
from ..forms.meetings import VoteFormSet
from ..services import meetings as service
from .dossiers import DossierMixin, errors_of
from .meetings import MeetingVotesView, save_votes


class MeetingNomineeAddView(MeetingVotesView):
    """POST "Thêm người, tập thể từ biên bản": the nominee, its award form and its votes; refused, the votes page
    again (status 400) with what was typed and why."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        meeting = self.get_object()
        form = MeetingNomineeForm(request.POST, meeting=meeting)
        if form.is_valid():
            try:
                nomination = service.add_nominee(meeting, by=request.user, **form.service_kwargs())
            except ValidationError as error:
                form.add_error(None, errors_of(error))
            else:
                messages.success(request, f"Đã thêm {nomination.name} vào hồ sơ đề nghị "
                                          f"{nomination.dossier.offer.award_form} kèm kết quả biểu quyết. "
                                          "Tiếp theo: điền báo cáo thành tích ở trang hồ sơ.")
                return redirect("dossiers:meeting_votes", meeting.pk)
        return self.render_to_response(self.get_context_data(nominee_form=form), status=400)


class DossierVotesView(DossierMixin, TemplateView):
    """Kết quả biểu quyết của hồ sơ: the votes of the dossier's nominees, entered into its Biên bản (chosen here
    when it has none; recording the votes ties it to the dossier)."""

    permission_required = "dossiers.change_dossier"
    template_name = "dossiers/meeting_dossier_votes.html"

    def get_meeting(self, data=None):
        """(the Biên bản the votes go into or None, the form choosing it or None when the dossier has one)."""
        dossier = self.get_object()
        if dossier.meeting is not None:
            return dossier.meeting, None
        raw = self.request.GET.get("bien-ban", "")  # the Biên bản just made for this dossier (MeetingCreateView)
        form = DossierMeetingForm(data, meetings=service.dossier_meetings(dossier, self.request.user),
                                  initial={"meeting": raw if raw.isdigit() else None})
        if data is not None:
            return (form.cleaned_data["meeting"] if form.is_valid() else None), form
        return (form.fields["meeting"].queryset.filter(pk=raw).first() if raw.isdigit() else None), form

    def get_context_data(self, meeting=None, meeting_form=None, formset=None, **kwargs):
        dossier = self.get_object()
        if meeting is None and meeting_form is None:
            meeting, meeting_form = self.get_meeting()
        rows = service.dossier_vote_rows(dossier, meeting)
        editable = [row for row in rows if row.editable]
        return super().get_context_data(
            dossier=dossier, meeting=meeting, meeting_form=meeting_form,
            formset=formset or VoteFormSet(rows=editable, prefix="votes"),
            locked_rows=[row for row in rows if not row.editable], **kwargs)

    def post(self, request, *args, **kwargs):
        dossier = self.get_object()
        meeting, meeting_form = self.get_meeting(request.POST)
        rows = [row for row in service.dossier_vote_rows(dossier, meeting) if row.editable]
        formset = VoteFormSet(request.POST, rows=rows, prefix="votes")
        if meeting is not None and save_votes(request, meeting, formset, "Đã ghi kết quả biểu quyết vào biên bản"):
            return redirect(dossier)
        return self.render_to_response(self.get_context_data(
            meeting=meeting, meeting_form=meeting_form, formset=formset), status=400)
