from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST, require_safe
from django.views.generic import TemplateView

from core.pagination import lazy_page

from . import registry, services
from .models import Notification

BELL_ROWS = 6  # notifications in the dropdown; the page lists them all


def _listed(user):
    """The user's notifications with what a list line shows (the page's and the bell's)."""
    return Notification.objects.for_user(user).only("title", "subject", "url", "created_at", "read_at")


class NotificationList(LoginRequiredMixin, TemplateView):
    """The user's own notifications, newest first; unread ones stand out."""

    template_name = "notifications/notification_list.html"
    per_page = 30

    def rows(self):
        rows = _listed(self.request.user)
        if self.request.GET.get("chua-doc"):
            rows = rows.unread()
        return rows

    def get_context_data(self, **kwargs):
        page = lazy_page(self.rows(), self.request.GET.get("trang"), self.per_page)
        return super().get_context_data(page=page, only_unread=bool(self.request.GET.get("chua-doc")),
                                        tasks=registry.tasks_for(self.request.user), **kwargs)


class Bell(LoginRequiredMixin, TemplateView):
    """What the bell's dropdown shows, fetched when it opens (htmx): the nhắc việc computed now, then the latest
    notifications, each one line (its short title) with its time."""

    template_name = "notifications/_bell.html"

    def get_context_data(self, **kwargs):
        rows = list(_listed(self.request.user)[:BELL_ROWS])
        return super().get_context_data(tasks=registry.tasks_for(self.request.user), rows=rows,
                                        unread=services.unread_count(self.request.user), **kwargs)


@login_required
@require_safe
def bell_link(request):
    """The bell with its full count: unread notifications and the nhắc việc computed now (registry.tasks_for)."""
    return render(request, "notifications/_bell_link.html", {
        "unread": services.unread_count(request.user), "tasks": len(registry.tasks_for(request.user)), "live": False})


@login_required
def open_notification(request, pk):
    """Mark one notification read and follow its link (only to our own pages).

    The lookup comes before the method check, so someone else's notification is a 404 either way."""
    row = get_object_or_404(Notification.objects.for_user(request.user), pk=pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.mark_read(request.user, [row.pk])
    if row.url and url_has_allowed_host_and_scheme(row.url, allowed_hosts={request.get_host()}):
        return redirect(row.url)
    return redirect("notifications:list")


@login_required
@require_POST
def mark_all_read(request):
    """Đánh dấu đã đọc: the one notification posted as `id`, else all of the user's unread ones."""
    one = request.POST.get("id", "")
    count = services.mark_read(request.user, [int(one)] if one.isdigit() else None)
    messages.success(request, "Đã đánh dấu thông báo là đã đọc." if one.isdigit()
                     else f"Đã đánh dấu {count} thông báo là đã đọc.")
    return redirect("notifications:list")
