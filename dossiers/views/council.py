"""Pages of the council (Hội đồng Thi đua – Khen thưởng): the sessions of the user's bodies, open a
session, the session with its agenda and tallies, the ballots table, and closing the session.

Access: a user with no office, council, leader or admin role anywhere gets 403 on every page,
before any session is looked up (the same answer for every pk); a session of another body is a
404 (`sessions_for()`); inside the body, the rules permission decides (403): viewing for the
office, council members, leaders and admins; a member's own ballot for the members present; the
paper count, the written opinions and the council's list for the office; opening and closing for
the council's chair or the office.
"""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from core.pagination import lazy_page
from core.views import PermissionMixin, ScopedObjectMixin
from documents.once import SubmitOnceMixin

from ..forms.council import (
    BallotFormSet,
    CloseForm,
    CountSheetForm,
    RulesForm,
    SessionForm,
    VoteForm,
    WrittenOpinionForm,
    add_service_errors,
    seat_formset,
)
from ..models import Attendance, CouncilSession, SessionMember
from ..services import council as service
from .dossiers import errors_of


class CouncilAreaMixin:
    """403 for users without any role of the council's area, before anything is looked up."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm("dossiers.use_council"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class CouncilListView(CouncilAreaMixin, PermissionMixin, TemplateView):
    """Phiên họp Hội đồng TĐKT of the user's bodies, newest first."""

    permission_required = "dossiers.use_council"
    template_name = "dossiers/council_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        page = lazy_page(service.session_list(user), self.request.GET.get("trang"), per_page=30)
        return super().get_context_data(page=page, sessions=page.items,
                                        can_open=user.has_perm("dossiers.open_council_session"),
                                        can_keep_list=user.has_perm("dossiers.keep_council_list"), **kwargs)


class BodyMixin(CouncilAreaMixin, PermissionMixin):
    """Pages of one body's council, the body chosen by ?co-quan= among `bodies_of(user)` (404 outside them;
    the first when none is chosen); the others are offered as links."""

    def bodies_of(self, user):
        raise NotImplementedError

    def get_body(self):
        bodies = self.bodies_of(self.request.user)
        raw = self.request.GET.get("co-quan") or self.request.POST.get("co-quan") or ""
        if raw and not raw.isdigit():
            raise Http404
        body = get_object_or_404(bodies, pk=raw) if raw else bodies.first()
        if body is None:
            raise Http404
        return body, bodies

    def get_context_data(self, **kwargs):
        body, bodies = self.get_body()
        return super().get_context_data(body=body, bodies=bodies if bodies.count() > 1 else [], **kwargs)


class CouncilCreateView(SubmitOnceMixin, BodyMixin, TemplateView):
    """Mở phiên họp Hội đồng (the council's chair or the body's office), with the roll call of its seats."""

    permission_required = "dossiers.open_council_session"
    template_name = "dossiers/council_form.html"

    def bodies_of(self, user):
        return service.office_bodies(user)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", SessionForm(body=self.get_body()[0], instance=CouncilSession()))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        body, _ = self.get_body()
        form = SessionForm(request.POST, body=body, instance=CouncilSession())
        if form.is_valid():
            try:
                session = form.save(by=request.user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Đã mở phiên họp Hội đồng. Tiếp theo: " + (
                    "thư ký nhập kết quả kiểm phiếu của từng người, tập thể." if session.on_paper else
                    "từng thành viên có mặt bỏ phiếu trên cổng (nút “Bỏ phiếu” trên trang phiên họp)."))
                return redirect(session.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form), status=400)


class CouncilSeatsView(BodyMixin, TemplateView):
    """Thành phần Hội đồng: the council's seats of a body, kept by its office."""

    permission_required = "dossiers.keep_council_list"
    template_name = "dossiers/council_seats.html"

    def bodies_of(self, user):
        return service.roster_bodies(user)

    def get_context_data(self, **kwargs):
        body = self.get_body()[0]
        kwargs.setdefault("formset", seat_formset(body)(body=body, prefix="tv"))
        kwargs.setdefault("rules_form", RulesForm(instance=service.rules_of(body), prefix="qc"))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        body, _ = self.get_body()
        if "qc-quorum" in request.POST:
            return self.post_rules(request, body)
        formset = seat_formset(body)(request.POST, body=body, prefix="tv")
        if formset.is_valid():
            try:
                seats = service.save_seats(body, formset.seats(), by=request.user)
            except ValidationError as error:
                formset._non_form_errors = formset.error_class(error.messages)
            else:
                messages.success(request, f"Đã lưu thành phần Hội đồng của {body.name}: {len(seats)} thành viên.")
                return redirect(f"{reverse('dossiers:council_seats')}?co-quan={body.pk}")
        return self.render_to_response(self.get_context_data(formset=formset), status=400)

    def post_rules(self, request, body):
        form = RulesForm(request.POST, instance=service.rules_of(body), prefix="qc")
        if form.is_valid():
            try:
                rules = service.save_rules(body, quorum=form.cleaned_data["quorum"],
                                           source=form.cleaned_data["source"], by=request.user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Đã lưu quy chế hoạt động của Hội đồng: họp khi có "
                                          f"{rules.get_quorum_display().lower()}.")
                return redirect(f"{reverse('dossiers:council_seats')}?co-quan={body.pk}")
        return self.render_to_response(self.get_context_data(rules_form=form), status=400)


class SessionMixin(CouncilAreaMixin, ScopedObjectMixin):
    """One session through `sessions_for(user)`: another body's → 404, then the permission → 403."""

    model = CouncilSession
    permission_required = "dossiers.view_council_session"

    def get_scoped_queryset(self):
        return service.sessions_for(self.request.user).select_related("issuer", "campaign")


class CouncilDetailView(SessionMixin, TemplateView):
    """The session: header, the roll call and who has voted, and the agenda with each nominee's tally (counts
    shown once the session is closed when members vote on the portal)."""

    template_name = "dossiers/council_detail.html"

    def get_context_data(self, **kwargs):
        user, session = self.request.user, self.get_object()
        rows = service.agenda_rows(session)
        members = list(session.members.all())
        waiting = (service.waiting_voters(session, [row.nomination for row in rows], members)
                   if session.is_open and not session.on_paper else {})
        for row in rows:
            row.waiting = len(waiting.get(row.nomination.pk, ()))
        not_done = sorted({m.full_name for names in waiting.values() for m in names})
        voted = [row for row in rows if row.ballot and row.ballot.passed is not None]
        can_close = session.is_open and user.has_perm("dossiers.close_council_session", session)
        if can_close and "close_form" not in kwargs:
            kwargs["close_form"] = CloseForm(initial={"conclusion": session.conclusion,
                                                      "minutes_number": service.next_minutes_number(session)})
        return super().get_context_data(
            session=session, rows=rows, members=members, not_done=not_done, me=service.member_of(members, user),
            held_local=timezone.localtime(session.held_at),
            absent_count=session.members_total - session.members_present,
            missing=len(rows) - len(voted), passed_count=sum(1 for row in voted if row.ballot.passed),
            can_record=session.is_open and session.on_paper and user.has_perm("dossiers.record_council_ballot",
                                                                               session),
            can_vote=session.is_open and user.has_perm("dossiers.cast_council_vote", session),
            can_write=session.is_open and not session.on_paper and user.has_perm("dossiers.record_written_opinion",
                                                                                  session),
            can_close=can_close, sheet_form=CountSheetForm(), **kwargs)


class CouncilVoteView(SessionMixin, TemplateView):
    """Bỏ phiếu: a member present casts their own ballot on each nominee of the agenda."""

    permission_required = "dossiers.cast_council_vote"
    template_name = "dossiers/council_vote.html"

    def get_form(self, data=None):
        session = self.get_object()
        member = service.member_of(session.members.all(), self.request.user)
        cast = {vote.nomination_id: vote.choice or "secret" for vote in member.votes.filter(written=False)}
        return VoteForm(data, rows=service.agenda_rows(session), cast=cast), cast

    def get_context_data(self, **kwargs):
        if "form" not in kwargs:
            kwargs["form"], kwargs["cast"] = self.get_form()
        return super().get_context_data(session=self.get_object(), **kwargs)

    def post(self, request, *args, **kwargs):
        session = self.get_object()
        if not session.is_open:
            messages.error(request, "Phiên họp đã kết thúc: không thể bỏ phiếu.")
            return redirect(session.get_absolute_url())
        form, cast = self.get_form(request.POST)
        if form.is_valid():
            try:
                count = service.cast_votes(session, form.choices(), by=request.user)
            except ValidationError as error:
                form.add_error(None, errors_of(error))
            else:
                messages.success(request, f"Đã ghi phiếu của bạn cho {count} người, tập thể.")
                return redirect(session.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form, cast=cast), status=400)


class WrittenOpinionView(SessionMixin, TemplateView):
    """Ý kiến bằng văn bản: the office records an absent member's signed opinion and its choices."""

    permission_required = "dossiers.record_written_opinion"
    template_name = "dossiers/council_written.html"

    def get_member(self):
        return get_object_or_404(SessionMember, pk=self.kwargs["member"], session=self.get_object(),
                                 attendance=Attendance.WRITTEN)

    def get_context_data(self, **kwargs):
        session = self.get_object()
        member = self.get_member()
        kwargs.pop("member", None)  # the URL's member id
        kwargs.setdefault("form", WrittenOpinionForm(rows=service.agenda_rows(session)))
        earlier = {vote.nomination_id: vote.get_choice_display() for vote in member.votes.filter(written=True)}
        return super().get_context_data(session=session, member=member, earlier=earlier, **kwargs)

    def post(self, request, *args, **kwargs):
        session, member = self.get_object(), self.get_member()
        form = WrittenOpinionForm(request.POST, request.FILES, rows=service.agenda_rows(session))
        if form.is_valid():
            try:
                service.record_written_opinion(session, member, form.cleaned_data["paper"], form.choices(),
                                               by=request.user)
            except ValidationError as error:
                form.add_error(None, errors_of(error))
            else:
                messages.success(request, f"Đã ghi ý kiến bằng văn bản của {member.full_name}.")
                return redirect(session.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form), status=400)


class CountSheetView(SessionMixin, View):
    """POST (paper mode): attach the signed Biên bản kiểm phiếu."""

    permission_required = "dossiers.record_council_ballot"

    def post(self, request, *args, **kwargs):
        session = self.get_object()
        form = CountSheetForm(request.POST, request.FILES)
        try:
            if not form.is_valid():
                raise ValidationError(form.errors["sheet"])
            service.attach_count_sheet(session, form.cleaned_data["sheet"], by=request.user)
        except ValidationError as error:
            messages.error(request, errors_of(error))
        else:
            messages.success(request, "Đã đính kèm Biên bản kiểm phiếu.")
        return redirect(session.get_absolute_url())


class CouncilFileView(SessionMixin, View):
    """The session's signed papers, for those who see the session: the count sheet, a written opinion."""

    def get(self, request, *args, **kwargs):
        session = self.get_object()
        if "member" in self.kwargs:
            member = get_object_or_404(SessionMember, pk=self.kwargs["member"], session=session)
            file, name = member.written_file, member.written_name
        else:
            file, name = session.count_file, session.count_file_name
        if not file:
            raise Http404
        return FileResponse(file.open("rb"), as_attachment=True, filename=name or file.name.rsplit("/", 1)[-1])


class CouncilBallotsView(SessionMixin, TemplateView):
    """The ballots table: for / against / abstain (and written votes of absent members) per nominee."""

    permission_required = "dossiers.record_council_ballot"
    template_name = "dossiers/council_ballots.html"

    def get_rows(self):
        if not hasattr(self, "_rows"):
            self._rows = service.agenda_rows(self.get_object())
        return self._rows

    def get_context_data(self, **kwargs):
        session = self.get_object()
        if session.is_open:
            kwargs.setdefault("formset", BallotFormSet(rows=self.get_rows(), prefix="phieu"))
        return super().get_context_data(session=session, rows=self.get_rows(),
                                        absent_count=session.members_total - session.members_present, **kwargs)

    def post(self, request, *args, **kwargs):
        session = self.get_object()
        if not session.is_open:
            messages.error(request, "Phiên họp đã kết thúc: không thể ghi thêm kết quả biểu quyết.")
            return redirect(session.get_absolute_url())
        formset = BallotFormSet(request.POST, rows=self.get_rows(), prefix="phieu")
        if formset.is_valid():
            rows = formset.service_rows()
            try:
                count = service.record_ballots(session, rows, by=request.user)
            except ValidationError as error:
                formset.add_service_errors(error)
            else:
                messages.success(request, f"Đã ghi kết quả biểu quyết của {count} người, tập thể." if count
                                 else "Chưa nhập kết quả nào: không có gì được lưu.")
                return redirect(session.get_absolute_url())
        return self.render_to_response(self.get_context_data(formset=formset), status=400)


class CouncilCloseView(CouncilDetailView):
    """POST: kết thúc phiên họp; the dossiers of the agenda go on to the leader. A refusal (no Biên bản number,
    a member who has not voted…) shows the session page again with what was typed kept."""

    permission_required = "dossiers.close_council_session"
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        session = self.get_object()
        form = CloseForm(request.POST)
        if form.is_valid():
            try:
                service.close_session(session, by=request.user, conclusion=form.cleaned_data["conclusion"],
                                      minutes_number=form.cleaned_data["minutes_number"])
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, "Đã kết thúc phiên họp. Các hồ sơ đã chuyển lãnh đạo xem xét, quyết định.")
                return redirect(session.get_absolute_url())
        return self.render_to_response(self.get_context_data(close_form=form), status=400)
