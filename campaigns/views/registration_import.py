"""Nhập đăng ký thi đua từ Excel: a unit's registration lines from a workbook (services.registration_import)."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from core.imports import read_in_request
from core.xlsx import XLSX_CONTENT_TYPE, ImportFileError
from orgs.forms import PeopleImportForm as ImportForm  # one .xlsx field, its size limit written for upload.js

from ..services import registration_import as service
from ..services.registrations import EDITABLE
from .registrations import RegistrationEditView


class RegistrationImportView(RegistrationEditView):
    """The upload page of the unit's registration (the unit chosen as on the registration page, `?don-vi=`): a
    clerk of a participating unit while the campaign is launched (else 403; a campaign not seen: 404), and only
    while the registration is not sent (a sent one: 403). ?mau=1 gives the template. A rejected file shows the
    per-row report; nothing is written."""

    template_name = "campaigns/registration_import.html"

    def editable_registration(self):
        unit = self.get_unit()
        registration = self.get_registration(unit)
        if registration.status not in EDITABLE:
            raise PermissionDenied(f"Đăng ký đang ở trạng thái “{registration.get_status_display().lower()}”: "
                                   "không thể nhập thêm.")
        return unit, registration

    def get(self, request, *args, **kwargs):
        unit, _ = self.editable_registration()
        if request.GET.get("mau"):
            response = HttpResponse(service.template_workbook(self.get_object(), unit), content_type=XLSX_CONTENT_TYPE)
            response["Content-Disposition"] = 'attachment; filename="mau-dang-ky-thi-dua.xlsx"'
            return response
        return self.render_to_response(self.get_context_data(form=ImportForm()))

    def get_context_data(self, **kwargs):
        campaign, unit = self.get_object(), self.get_unit()
        several = len(self.get_units()) > 1
        template_url = reverse("campaigns:registration_import", args=[campaign.pk]) + (
            f"?don-vi={unit.pk}&mau=1" if several else "?mau=1")
        return TemplateView.get_context_data(
            self, campaign=campaign, unit=unit, columns=service.COLUMNS, edit_url=self.url_for(unit),
            template_url=template_url, **kwargs)

    def post(self, request, *args, **kwargs):
        unit, _ = self.editable_registration()
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                data, reader = read_in_request(form.cleaned_data["file"])
                report = service.import_entries(self.get_object(), unit, data, by=request.user, reader=reader)
            except ImportFileError as error:
                form.add_error("file", error.messages)
            except ValidationError as error:  # the campaign or the registration moved on meanwhile
                messages.error(request, " ".join(error.messages))
                return redirect(self.url_for(unit))
            else:
                if report.ok:
                    messages.success(request, service.summary(report))
                    return redirect(self.url_for(unit))
                return self.render_to_response(self.get_context_data(form=form, report=report), status=400)
        return self.render_to_response(self.get_context_data(form=form), status=400)
