"""Pages of the Biên bản họp bình xét: the clerk's list, record and edit a meeting, the votes table,
and the Biên bản as a readable page (also for the issuing body once a linked dossier was sent).

Scope: a meeting outside the user's reach is a 404 (`meetings_for()`); visible but not the unit's
clerk (the issuer's staff) is read-only, and its edit pages answer 403.
"""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView

from core.concurrency import StaleEdit, unchanged
from core.pagination import lazy_page
from core.views import PermissionMixin, ScopedObjectMixin
from documents.once import SubmitOnceMixin

from ..forms.meeting_flow import MeetingNomineeForm
from ..forms.meetings import MeetingForm, VoteFormSet, add_service_errors
from ..models import Dossier, NominationMeeting
from ..models.meeting_queries import frozen_dossiers, meetings_for
from ..services import meetings as service


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class MeetingListView(PermissionMixin, TemplateView):
    """The clerk's meetings (biên bản họp bình xét) of their units, newest first."""

    permission_required = "dossiers.record_meeting"
    template_name = "dossiers/meeting_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        meetings = service.meeting_list(user)
        campaigns = list(service.clerk_campaigns(user))
        wanted = _int(self.request.GET.get("phong-trao"))
        if wanted:
            meetings = meetings.filter(campaign_id=wanted)
        page = lazy_page(meetings, self.request.GET.get("trang"))
        return super().get_context_data(page=page, meetings=page.items, campaigns=campaigns, wanted=wanted,
                                        **kwargs)


class MeetingFormMixin:
    template_name = "dossiers/meeting_form.html"

    def render_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def save(self, form):
        if not form.is_valid():
            return None
        try:
            with unchanged(form):  # an edit: refused, with what was typed, when someone saved it meanwhile
                return form.save(by=self.request.user)
        except StaleEdit:
            return None
        except ValidationError as error:
            add_service_errors(form, error)
            return None


class MeetingCreateView(SubmitOnceMixin, MeetingFormMixin, PermissionMixin, TemplateView):
    """Ghi biên bản họp bình xét mới; ?phong-trao=<id>&don-vi=<id> preselect the campaign and unit."""

    permission_required = "dossiers.record_meeting"

    def get_form(self, data=None):
        form = MeetingForm(data, user=self.request.user, instance=NominationMeeting())
        if data is None:
            for param, name in (("phong-trao", "campaign"), ("don-vi", "organisation")):
                wanted = _int(self.request.GET.get(param))
                if wanted and form.fields[name].queryset.filter(pk=wanted).exists():
                    form.initial[name] = wanted
            units = list(form.fields["organisation"].queryset[:2])
            if len(units) == 1:
                form.initial["organisation"] = form.initial.get("organisation") or units[0].pk
        return form

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.get_form())
        return super().get_context_data(meeting=None, **kwargs)

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        meeting = self.save(form)
        if meeting is None:
            return self.render_invalid(form)
        messages.success(request, "Đã lưu biên bản họp bình xét. Tiếp theo: ghi kết quả biểu quyết cho từng "
                                  "người, tập thể được đề nghị.")
        dossier = self.for_dossier()
        if dossier is not None:  # made from a dossier's votes page: back there, this Biên bản chosen
            return redirect(f"{reverse('dossiers:dossier_votes', args=[dossier.pk])}?bien-ban={meeting.pk}")
        return redirect("dossiers:meeting_votes", meeting.pk)

    def for_dossier(self):
        """The dossier (?ho-so=<id>) whose votes page sent the clerk here, when they may still change it."""
        raw = self.request.GET.get("ho-so", "")
        dossier = Dossier.objects.for_user(self.request.user).filter(pk=raw).first() if raw.isdigit() else None
        return dossier if dossier and self.request.user.has_perm("dossiers.change_dossier", dossier) else None


class MeetingMixin(ScopedObjectMixin):
    """One meeting through `meetings_for(user)`: out of reach → 404, then the rules permission → 403."""

    model = NominationMeeting

    def get_scoped_queryset(self):
        return meetings_for(self.request.user).select_related("campaign", "campaign__issuer", "organisation")


class MeetingDetailView(MeetingMixin, TemplateView):
    """Biên bản họp bình xét as a page: the meeting, and each nominee's votes, rate and verdict."""

    permission_required = "dossiers.view_meeting"
    template_name = "dossiers/meeting_detail.html"

    def get_context_data(self, **kwargs):
        user, meeting = self.request.user, self.get_object()
        can_vote = user.has_perm("dossiers.record_meeting_votes", meeting)
        can_edit = can_vote and user.has_perm("dossiers.change_meeting", meeting)
        local = timezone.localtime(meeting.held_at)
        dossiers = service.linked_dossiers(meeting, user)
        return super().get_context_data(
            meeting=meeting, held_local=local, held_date=service.official_date(local.date()),
            absent_count=meeting.members_total - meeting.members_present,
            results=service.results(meeting, user), dossiers=dossiers,
            open_dossiers=[d for d in dossiers if d.is_editable],  # whose votes can still be entered from them
            can_edit=can_edit, can_vote=can_vote, frozen=can_vote and not can_edit, **kwargs)


class MeetingUpdateView(MeetingFormMixin, MeetingMixin, TemplateView):
    """Sửa thông tin chung của biên bản (refused once a dossier that prints it has been sent)."""

    permission_required = "dossiers.change_meeting"

    def get_context_data(self, **kwargs):
        meeting = self.get_object()
        kwargs.setdefault("form", MeetingForm(user=self.request.user, instance=meeting))
        return super().get_context_data(meeting=meeting, **kwargs)

    def post(self, request, *args, **kwargs):
        form = MeetingForm(request.POST, user=request.user, instance=self.get_object())
        meeting = self.save(form)
        if meeting is None:
            return self.render_invalid(form)
        messages.success(request, "Đã lưu thông tin biên bản họp bình xét.")
        return redirect(meeting.get_absolute_url())


class MeetingVotesView(MeetingMixin, TemplateView):
    """The votes table: for / against / abstain per nominee; rates and verdicts computed on save."""

    permission_required = "dossiers.record_meeting_votes"
    template_name = "dossiers/meeting_votes.html"

    def get_rows(self):
        if not hasattr(self, "_rows"):
            self._rows = service.vote_rows(self.get_object())
        return self._rows

    def get_context_data(self, **kwargs):
        meeting, rows = self.get_object(), self.get_rows()
        editable = [row for row in rows if row.editable]
        kwargs.setdefault("formset", VoteFormSet(rows=editable, prefix="votes"))
        kwargs.setdefault("nominee_form", MeetingNomineeForm(meeting=meeting))
        return super().get_context_data(
            meeting=meeting, locked_rows=[row for row in rows if not row.editable],
            open_dossiers=[d for d in service.linked_dossiers(meeting, self.request.user) if d.is_editable],
            frozen=[str(d.offer.award_form) for d in frozen_dossiers(meeting).select_related("offer__award_form")],
            **kwargs)

    def post(self, request, *args, **kwargs):
        meeting = self.get_object()
        formset = VoteFormSet(request.POST, rows=[row for row in self.get_rows() if row.editable], prefix="votes")
        if save_votes(request, meeting, formset, "Đã lưu kết quả biểu quyết"):
            return redirect(meeting.get_absolute_url())
        return self.render_to_response(self.get_context_data(formset=formset), status=400)


def save_votes(request, meeting, formset, saved):
    """A votes table (the Biên bản's, or one dossier's: views/meeting_flow.py) through services.meetings.record_votes:
    True once written (the message `saved`, with how many changed), False when the table or the service refused it
    (the errors are on its rows, what was typed kept)."""
    if not formset.is_valid():
        return False
    try:
        count = service.record_votes(meeting, formset.service_rows(), by=request.user)
    except ValidationError as error:
        formset.add_service_errors(error)
        return False
    messages.success(request, f"{saved} ({count} người, tập thể có thay đổi)." if count
                     else "Không có thay đổi nào cần lưu.")
    return True
