"""Excel import of people and its template."""
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views import View
from django.views.generic import FormView

from core.views import PermissionMixin
from core.xlsx import XLSX_CONTENT_TYPE

from ..forms import PeopleImportForm
from ..services.people_import import ImportFileError, import_people, template_workbook


class PeopleImportView(PermissionMixin, FormView):
    permission_required = "orgs.import_people"
    form_class = PeopleImportForm
    template_name = "orgs/people_import.html"

    def form_valid(self, form):
        try:
            report = import_people(form.cleaned_data["file"], by=self.request.user)
        except ImportFileError as error:
            form.add_error("file", error.messages)
            return self.form_invalid(form)
        if not report.ok:
            return self.render_to_response(self.get_context_data(form=form, report=report), status=400)
        messages.success(self.request, f"Đã nhập {report.rows} dòng: thêm mới {report.created}, "
                                       f"cập nhật {report.updated} cán bộ.")
        return redirect("orgs:person_list")


class PeopleImportTemplateView(PermissionMixin, View):
    permission_required = "orgs.import_people"

    def get(self, request):
        response = HttpResponse(template_workbook(), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = 'attachment; filename="mau-nhap-can-bo.xlsx"'
        return response
