"""Excel import of people, its template, and the progress page of a long file read by the worker."""
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views import View
from django.views.generic import FormView

from core.imports import import_or_queue
from core.views import ImportStatusView, PermissionMixin
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


class PeopleImportStatusView(ImportStatusView):
    """Nhập cán bộ từ Excel: the progress page of a long file, read by the worker."""

    kind = PEOPLE
    crumbs = [("Cán bộ", "orgs:person_list"), ("Nhập từ Excel", "orgs:people_import")]
    done_url, again_url = "orgs:person_list", "orgs:people_import"


class PeopleImportTemplateView(PermissionMixin, View):
    permission_required = "orgs.import_people"

    def get(self, request):
        response = HttpResponse(template_workbook(), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = 'attachment; filename="mau-nhap-can-bo.xlsx"'
        return response
