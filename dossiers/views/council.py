"""Pages of the council (Hội đồng Thi đua – Khen thưởng): the sessions of the user's bodies, open a
session, the session with its agenda and tallies, the ballots table, and closing the session.

Access: a user with no office, council, leader or admin role anywhere gets 403 on every page,
before any session is looked up (the same answer for every pk); a session of another body is a
404 (`sessions_for()`); inside the body, the rules permission decides (403): viewing for the
office, council members, leaders and admins; ballots for the office and council members; opening
and closing for the office only.
"""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from core.pagination import lazy_page
from core.views import PermissionMixin, ScopedObjectMixin

from ..forms.council import BallotFormSet, CloseForm, SessionForm, add_service_errors
from ..models import CouncilSession
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
                                        can_open=user.has_perm("dossiers.open_council_session"), **kwargs)


class CouncilCreateView(CouncilAreaMixin, PermissionMixin, TemplateView):
    """Mở phiên họp Hội đồng (the office of the body)."""

    permission_required = "dossiers.open_council_session"
    template_name = "dossiers/council_form.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", SessionForm(user=self.request.user, instance=CouncilSession()))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = SessionForm(request.POST, user=request.user, instance=CouncilSession())
        if form.is_valid():
            try:
                session = form.save(by=request.user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Đã mở phiên họp Hội đồng. Tiếp theo: ghi kết quả biểu quyết từng người, "
                                          "tập thể trong danh sách.")
                return redirect(session.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form), status=400)


class SessionMixin(CouncilAreaMixin, ScopedObjectMixin):
    """One session through `sessions_for(user)`: another body's → 404, then the permission → 403."""

    model = CouncilSession
    permission_required = "dossiers.view_council_session"

    def get_scoped_queryset(self):
        return service.sessions_for(self.request.user).select_related("issuer", "campaign")


class CouncilDetailView(SessionMixin, TemplateView):
    """The session: header, members present/total, and the agenda with each nominee's tally."""

    template_name = "dossiers/council_detail.html"

    def get_context_data(self, **kwargs):
        user, session = self.request.user, self.get_object()
        rows = service.agenda_rows(session)
        voted = [row for row in rows if row.ballot]
        return super().get_context_data(
            session=session, rows=rows, held_local=timezone.localtime(session.held_at),
            absent_count=session.members_total - session.members_present,
            missing=len(rows) - len(voted), passed_count=sum(1 for row in voted if row.ballot.passed),
            can_record=session.is_open and user.has_perm("dossiers.record_council_ballot", session),
            can_close=session.is_open and user.has_perm("dossiers.close_council_session", session),
            close_form=CloseForm(initial={"conclusion": session.conclusion}), **kwargs)


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


class CouncilCloseView(SessionMixin, View):
    """POST: kết thúc phiên họp; the dossiers of the agenda go on to the leader."""

    permission_required = "dossiers.close_council_session"

    def post(self, request, *args, **kwargs):
        session = self.get_object()
        form = CloseForm(request.POST)
        conclusion = form.cleaned_data["conclusion"] if form.is_valid() else ""
        try:
            service.close_session(session, by=request.user, conclusion=conclusion)
        except ValidationError as error:
            messages.error(request, errors_of(error))
        else:
            messages.success(request, "Đã kết thúc phiên họp. Các hồ sơ đã chuyển lãnh đạo xem xét, quyết định.")
        return redirect(session.get_absolute_url())
