"""Domain-free view helpers: scoped objects (404 outside scope) and rules permissions (403)."""
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.views.generic import TemplateView

from .forms import NfcFormMixin, list_choices  # noqa: F401 (moved to core.forms; views and docs still name them here)


class PermissionMixin(LoginRequiredMixin):
    """Require login, then the `rules` permission `permission_required` on `get_permission_object()`.

    A logged-in user without the permission gets 403; an object outside the user's scope is
    never fetched (see ScopedObjectMixin) and answers 404.
    """

    permission_required = None

    def get_permission_object(self):
        return None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.request, self.args, self.kwargs = request, args, kwargs
        if self.permission_required and not request.user.has_perm(
                self.permission_required, self.get_permission_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ScopedObjectMixin(PermissionMixin):
    """The object comes from `Model.objects.for_user(user)`: another unit's object is a 404."""

    def get_scoped_queryset(self):
        return self.model.objects.for_user(self.request.user)

    def get_object(self, queryset=None):
        if not hasattr(self, "_object"):
            try:
                self._object = self.get_scoped_queryset().get(pk=self.kwargs["pk"])
            except self.model.DoesNotExist:
                raise Http404 from None
        return self._object

    def get_permission_object(self):
        return self.get_object()


class ImportStatusView(LoginRequiredMixin, TemplateView):
    """The progress page of an Excel import read by the worker (core.imports): polled by htmx every second until
    the worker is done, then the same outcome as in the request (what was written, or the per-row report).
    Only the user who uploaded the file sees it (anyone else: 404). A subclass names its import (`kind`, a
    core.imports.ImportKind), the (label, URL name) crumbs above the page (`crumbs`), and the URL names of the
    list the import fills (`done_url`) and of the upload page (`again_url`)."""

    kind = None
    crumbs = ()
    done_url = again_url = ""

    def get_template_names(self):
        return ["core/_import_status.html" if self.request.htmx else "core/import_status.html"]

    def get_context_data(self, **kwargs):
        from .imports import job_of, report_of
        from .models import ImportJob

        try:
            job = job_of(self.request.user, self.kwargs["pk"], self.kind.name)
        except ImportJob.DoesNotExist:
            raise Http404 from None
        report = report_of(job)
        return super().get_context_data(
            job=job, report=report, summary=self.kind.summary(report) if report is not None and report.ok else "",
            kind=self.kind, crumbs=[(label, reverse(name)) for label, name in self.crumbs],
            done_url=reverse(self.done_url), again_url=reverse(self.again_url), **kwargs)
