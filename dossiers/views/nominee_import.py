"""Nhập danh sách đề nghị từ Excel: a draft dossier's nominees from a workbook (services.nominee_import)."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.generic import FormView

from core.imports import read_in_request
from core.xlsx import XLSX_CONTENT_TYPE, ImportFileError
from orgs.forms import PeopleImportForm as ImportForm  # one .xlsx field, its size limit written for upload.js

from ..services import nominee_import as service
from .dossiers import DossierMixin


class NomineeImportView(DossierMixin, FormView):
    """The upload page of a dossier its unit's clerk may change (another unit's: 404; a sent one, or another role:
    403); ?mau=1 gives the template. A rejected file shows the per-row report; nothing is written."""

    permission_required = "dossiers.change_dossier"
    form_class = ImportForm
    template_name = "dossiers/nominee_import.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("mau"):
            response = HttpResponse(service.template_workbook(self.get_object()), content_type=XLSX_CONTENT_TYPE)
            response["Content-Disposition"] = 'attachment; filename="mau-danh-sach-de-nghi.xlsx"'
            return response
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(dossier=self.get_object(), columns=service.COLUMNS, **kwargs)

    def form_valid(self, form):
        dossier = self.get_object()
        try:
            data, reader = read_in_request(form.cleaned_data["file"])
            report = service.import_nominees(dossier, data, by=self.request.user, reader=reader)
        except ImportFileError as error:
            form.add_error("file", error.messages)
            return self.form_invalid(form)
        except ValidationError as error:  # the dossier moved on meanwhile
            messages.error(self.request, " ".join(error.messages))
            return redirect(dossier)
        if not report.ok:
            return self.render_to_response(self.get_context_data(form=form, report=report), status=400)
        messages.success(self.request, service.summary(report))
        return redirect(f"{dossier.get_absolute_url()}#nominees")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)
