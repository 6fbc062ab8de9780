"""Pages of the statistical reports: the biểu of Thông tư 02/2023/TT-BNV for a body and a year (page, PDF through
the documents app, Excel), and the office's own reports."""
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views import View
from django.views.generic import TemplateView

from core.views import PermissionMixin
from core.xlsx import xlsx_response
from orgs import scope

from .exports import office_workbook, statutory_workbook
from .rules import READERS
from .services import office
from .services.bodies import bodies_for, body_choices, year_of, years
from .services.statutory import FORMS, NOT_COMPUTED, build


def reported_body(user, pk):
    """A body the user may know of (any role; else 404) whose reports they read (else 403)."""
    if not str(pk).isdigit():
        raise Http404
    body = get_object_or_404(bodies_for(user, roles=None), pk=pk)
    if not user.has_perm("reports.view_report", body):
        raise PermissionDenied
    return body


def default_body(user, bodies):
    """The body of the user's own reader membership nearest the root (a province's admin: the province), else the
    first body they act for."""
    own = set(scope.membership_org_ids(user, READERS)) | set(scope.acting_for(user, READERS))
    mine = [b for b in bodies if b.pk in own]
    return (sorted(mine, key=lambda b: (b.path.count("/"), b.path)) or bodies or [None])[0]


class ChooserMixin(PermissionMixin):
    """The body (?co_quan=) and year (?nam=) of a report page."""

    permission_required = "reports.view_reports"

    def chosen(self):
        user = self.request.user
        bodies = body_choices(user)
        chosen = self.request.GET.get("co_quan")
        body = reported_body(user, chosen) if chosen else default_body(user, bodies)
        if body is not None and body not in bodies:
            bodies = sorted([*bodies, body], key=lambda b: b.path)
        return bodies, body, year_of(self.request.GET.get("nam"))


class StatutoryView(ChooserMixin, TemplateView):
    """Báo cáo thống kê: one biểu of the circular, as the form prints it."""

    template_name = "reports/statutory.html"

    def get_context_data(self, **kwargs):
        bodies, body, year = self.chosen()
        code = self.request.GET.get("bieu") or "0601"
        if code not in FORMS:
            raise Http404
        context = super().get_context_data(bodies=bodies, body=body, year=year, years=years(), code=code,
                                           forms=[(key, label) for key, (label, _) in FORMS.items()],
                                           not_computed=NOT_COMPUTED, **kwargs)
        if body is not None:
            context["table"] = build(code, body, year)
        return context


class StatutoryExcelView(PermissionMixin, View):
    permission_required = "reports.view_reports"

    def get(self, request, body, year, code):
        if code not in FORMS:
            raise Http404
        organisation = reported_body(request.user, body)
        table = build(code, organisation, year_of(year))
        return xlsx_response(statutory_workbook(table),
                             f"Biểu {code}.N-BNV-TĐKT năm {table['year']} {organisation.name}.xlsx")


class OfficeView(ChooserMixin, TemplateView):
    """Báo cáo nội bộ: the office's own lists for a body and a year, one at a time (?loai=)."""

    template_name = "reports/office.html"

    def get_context_data(self, **kwargs):
        bodies, body, year = self.chosen()
        kind = self.request.GET.get("loai") or "phong-trao"
        if kind not in office.KINDS:
            raise Http404
        context = super().get_context_data(bodies=bodies, body=body, year=year, years=years(), kind=kind,
                                           kinds=office.KINDS, **kwargs)
        if body is not None:
            report = context["report"] = office.build(kind, body, year)
            context["lines"] = [list(zip(report.columns, line, strict=True)) for line in report.rows]
            context["total"] = list(zip(report.columns, report.total, strict=True)) if report.total else None
        return context


class OfficeExcelView(PermissionMixin, View):
    permission_required = "reports.view_reports"

    def get(self, request, body, year, kind):
        if kind not in office.KINDS:
            raise Http404
        organisation = reported_body(request.user, body)
        report = office.build(kind, organisation, year_of(year))
        rows = [*report.rows, *([report.total] if report.total else [])]
        data = office_workbook(f"{report.title[:24]} {year}", report.columns, rows)
        return xlsx_response(data, f"{report.title} năm {year} {organisation.name}.xlsx")
