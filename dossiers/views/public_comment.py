"""The office's pages of the public comment (lấy ý kiến nhân dân): the windows of its bodies, opening one on
the nominees whose form needs it, and one window with its nominees, their comments and the moderation.

Access: the office (REVIEWER) only: anyone else gets 403 before anything is looked up; a window of a body the
user is not the office of is a 404 (`windows_for()`). The public pages are in the publication app."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView

from core.views import ScopedObjectMixin
from documents.once import SubmitOnceMixin

from ..forms.public_comment import ModerationForm, WindowForm, add_service_errors
from ..models import CommentWindow, PublicComment
from ..services import council
from ..services import public_comment as service
from .council import BodyMixin

PERMISSION = "dossiers.keep_council_list"  # the office of a body


class WindowListView(BodyMixin, TemplateView):
    permission_required = PERMISSION
    template_name = "dossiers/comment_window_list.html"

    def bodies_of(self, user):
        return council.roster_bodies(user)

    def get_context_data(self, **kwargs):
        windows = (service.windows_for(self.request.user).select_related("issuer").order_by("-opens_at", "-pk"))
        return super().get_context_data(windows=windows[:100], **kwargs)


class WindowCreateView(SubmitOnceMixin, BodyMixin, TemplateView):
    permission_required = PERMISSION
    template_name = "dossiers/comment_window_form.html"

    def bodies_of(self, user):
        return council.roster_bodies(user)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", WindowForm(body=self.get_body()[0]))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        body, _ = self.get_body()
        form = WindowForm(request.POST, body=body)
        if form.is_valid():
            data = form.cleaned_data
            try:
                window = service.open_window(body, title=data["title"], opens_at=data["opens_at"],
                                             closes_at=data["closes_at"], nominations=list(data["nominations"]),
                                             by=request.user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Đã mở đợt lấy ý kiến nhân dân: {window.nominees.count()} người, tập thể.")
                return redirect(window.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form), status=400)


class WindowDetailView(SubmitOnceMixin, ScopedObjectMixin, TemplateView):
    """One window: its nominees with their comments; the office moderates, closes early, removes a nominee."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm(PERMISSION):
            raise PermissionDenied  # before any window is looked up: the same answer for every pk
        return super().dispatch(request, *args, **kwargs)

    model = CommentWindow
    permission_required = PERMISSION
    template_name = "dossiers/comment_window_detail.html"

    def get_scoped_queryset(self):
        return service.windows_for(self.request.user).select_related("issuer")

    def get_context_data(self, **kwargs):
        window = self.get_object()
        nominees = list(service.public_nominees(window).prefetch_related("comments"))
        summaries = service.summaries([n.nomination for n in nominees])
        for nominee in nominees:
            nominee.summary_line = summaries[nominee.nomination_id].line if nominee.nomination_id in summaries else ""
        candidates = service.candidates(window.issuer) if not window.has_started() else []
        return super().get_context_data(window=window, nominees=nominees, candidates=candidates,
                                        meeting_from=service.meeting_from(window), **kwargs)

    def post(self, request, *args, **kwargs):
        window = self.get_object()
        action = request.POST.get("action")
        try:
            if action == "close":
                service.close_early(window, by=request.user)
                messages.success(request, "Đã kết thúc đợt lấy ý kiến.")
            elif action == "remove":
                nominee = get_object_or_404(window.nominees, pk=request.POST.get("nominee") or 0)
                service.remove_nominee(window, nominee, by=request.user)
                messages.success(request, f"Đã bỏ {nominee.nomination.name} khỏi đợt lấy ý kiến.")
            elif action == "add":
                raw = request.POST.get("nomination") or ""
                nomination = get_object_or_404(service.candidates(window.issuer), pk=raw if raw.isdigit() else 0)
                service.add_nominee(window, nomination, by=request.user)
                messages.success(request, f"Đã thêm {nomination.name} vào đợt lấy ý kiến.")
            elif action == "summary":
                nominee = get_object_or_404(window.nominees, pk=request.POST.get("nominee") or 0)
                service.save_summary(nominee, request.POST.get("summary", ""), by=request.user)
                messages.success(request, f"Đã lưu tóm tắt công khai của {nominee.nomination.name}.")
            elif action == "moderate":
                return self.moderate(request, window)
            else:
                messages.error(request, "Thao tác không hợp lệ.")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(window.get_absolute_url())

    def moderate(self, request, window):
        raw = request.POST.get("comment") or ""
        comment = get_object_or_404(PublicComment.objects.filter(nominee__window=window),
                                    pk=raw if raw.isdigit() else 0)
        form = ModerationForm(request.POST)
        if form.is_valid():
            try:
                service.moderate(comment, approve=form.cleaned_data["decision"] == "approve",
                                 note=form.cleaned_data["note"], by=request.user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Đã ghi kết quả duyệt ý kiến của {comment.name}.")
                return redirect(f"{window.get_absolute_url()}#comment-{comment.pk}")
        errors = [m for messages_ in form.errors.values() for m in messages_]
        messages.error(request, f"Ý kiến của {comment.name}: " + " ".join(errors))
        return redirect(f"{window.get_absolute_url()}#comment-{comment.pk}")
