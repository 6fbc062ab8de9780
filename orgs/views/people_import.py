"""Excel import of people, its template, and the progress page of a long file read by the worker."""
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views import View
from django.views.generic import FormView, TemplateView

from core.imports import import_or_queue, job_of, report_of
from core.models import ImportJob
from core.views import PermissionMixin
from core.xlsx import XLSX_CONTENT_TYPE

from ..forms import PeopleImportForm
from ..services.people_import import PEOPLE, ImportFileError, summary, template_workbook


class PeopleImportView(PermissionMixin, FormView):
    """A short file is read here; a long one (core.imports) by the worker, on its progress page."""

    permission_required = "orgs.import_people"
    form_class = PeopleImportForm
    template_name = "orgs/people_import.html"

    def form_valid(self, form):
        try:
            report, job = import_or_queue(PEOPLE.name, form.cleaned_data["file"], by=self.request.user)
        except ImportFileError as error:
            form.add_error("file", error.messages)
            return self.form_invalid(form)
        if job is not None:
            return redirect("orgs:people_import_status", job.pk)
        if not report.ok:
            return self.render_to_response(self.get_context_data(form=form, report=report), status=400)
        messages.success(self.request, summary(report))
        return redirect("orgs:person_list")


class PeopleImportStatusView(LoginRequiredMixin, TemplateView):
    """Nhập cán bộ từ Excel (a long file, read by the worker): its progress, polled by htmx every second
    until the worker is done; then the same outcome as in the request (the per-row report, or what was
    written). Only the user who uploaded it sees it (anyone else: 404)."""

    def get_template_names(self):
        return ["core/_import_status.html" if self.request.htmx else "orgs/people_import_status.html"]

    def get_context_data(self, **kwargs):
        try:
            job = job_of(self.request.user, self.kwargs["pk"], PEOPLE.name)
        except ImportJob.DoesNotExist:
            raise Http404 from None
        report = report_of(job)
        return super().get_context_data(
            job=job, report=report, summary=summary(report) if report is not None and report.ok else "",
            done_url=reverse("orgs:person_list"), again_url=reverse("orgs:people_import"), **kwargs)


class PeopleImportTemplateView(PermissionMixin, View):
    permission_required = "orgs.import_people"

    def get(self, request):
        response = HttpResponse(template_workbook(), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = 'attachment; filename="mau-nhap-can-bo.xlsx"'
        return response
