"""Pages of the award register (sổ khen thưởng): search, a manual entry, the Excel import (and its
template, ?mau=1), a person's history and a unit's history through mergers.

Who: anybody holding a role sees the awards of the people and units inside their scope (a clerk their
own units; the office, council, leader and admin the subtrees they hold a role on); the office and
admins record awards. No role → 403; a person or unit outside the scope → 404.
"""
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView

from core.imports import import_or_queue
from core.pagination import lazy_page
from core.views import ImportStatusView, PermissionMixin
from core.xlsx import XLSX_CONTENT_TYPE, ImportFileError
from documents.once import SubmitOnceMixin
from orgs.models import Organisation, Person

from ..forms.register import AwardEntryForm, AwardImportForm, RegisterFilterForm
from ..models import AnnualRating, Award
from ..services import register as service


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class RegisterSearchView(PermissionMixin, TemplateView):
    """Tra cứu sổ khen thưởng: accent-free search, filters by form and year, lazy pages."""

    permission_required = "dossiers.view_register"
    template_name = "dossiers/register_search.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        form = RegisterFilterForm(self.request.GET or None)
        awards = service.search(user=user, **form.search_args())
        page = lazy_page(awards, self.request.GET.get("trang"))
        return super().get_context_data(form=form, page=page, can_add=user.has_perm("dossiers.add_award"),
                                        **kwargs)

    def get_template_names(self):
        if self.request.htmx:
            return ["dossiers/register_rows.html"]
        return [self.template_name]


class AwardCreateView(SubmitOnceMixin, PermissionMixin, FormView):
    """Ghi một khen thưởng đã có quyết định vào sổ; ?ca-nhan=<id> or ?tap-the=<id> preselects the subject."""

    permission_required = "dossiers.add_award"
    form_class = AwardEntryForm
    template_name = "dossiers/register_award_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_initial(self):
        initial = super().get_initial()
        person_id, unit_id = _int(self.request.GET.get("ca-nhan")), _int(self.request.GET.get("tap-the"))
        if person_id:
            initial.update(subject_type="individual", person=person_id)
        elif unit_id:
            initial.update(subject_type="collective", organisation=unit_id)
        return initial

    def form_valid(self, form):
        award = form.save()
        if award is None:
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(self.request, f"Đã ghi vào sổ khen thưởng: {award.award_form} – {award.subject_name}, "
                                       f"Quyết định số {award.decision_number} ngày {award.decision_date:%d/%m/%Y}.")
        if award.person_id:
            return redirect("dossiers:person_history", award.person_id)
        return redirect("dossiers:unit_history", award.organisation_id)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class AwardImportView(PermissionMixin, FormView):
    """Nhập sổ khen thưởng từ Excel (all or nothing, with a per-row report); ?mau=1 gives the template."""

    permission_required = "dossiers.add_award"
    form_class = AwardImportForm
    template_name = "dossiers/register_import.html"

    def get(self, request, *args, **kwargs):
        if request.GET.get("mau"):
            response = HttpResponse(service.template_workbook(), content_type=XLSX_CONTENT_TYPE)
            response["Content-Disposition"] = 'attachment; filename="mau-nhap-so-khen-thuong.xlsx"'
            return response
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        """A short file is read here; a long one (core.imports) by the worker, on its progress page."""
        try:
            report, job = import_or_queue(service.AWARDS.name, form.cleaned_data["file"], by=self.request.user)
        except ImportFileError as error:
            form.add_error("file", error.messages)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        if job is not None:
            return redirect("dossiers:award_import_status", job.pk)
        if not report.ok:
            return self.render_to_response(self.get_context_data(form=form, report=report), status=400)
        messages.success(self.request, service.summary(report))
        return redirect("dossiers:register")


class AwardImportStatusView(ImportStatusView):
    """Nhập sổ khen thưởng từ Excel: the progress page of a long file, read by the worker."""

    kind = service.AWARDS
    crumbs = [("Sổ khen thưởng", "dossiers:register"), ("Nhập từ Excel", "dossiers:award_import")]
    done_url, again_url = "dossiers:register", "dossiers:award_import"


class PersonHistoryView(PermissionMixin, TemplateView):
    """Quá trình khen thưởng của một cá nhân: awards and annual ratings."""

    permission_required = "dossiers.view_register"
    template_name = "dossiers/register_person.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        try:
            person = Person.objects.for_user(user).select_related("organisation").get(pk=self.kwargs["pk"])
        except Person.DoesNotExist:
            raise Http404 from None
        awards = (Award.objects.of_person(person).select_related("award_form", "revoked_by")
                  .prefetch_related("corrections__amendment").order_by("-decision_date", "-pk"))
        return super().get_context_data(person=person, awards=list(awards), ratings=list(person.ratings.all()),
                                        can_add=user.has_perm("dossiers.add_award"), **kwargs)


class UnitHistoryView(PermissionMixin, TemplateView):
    """Quá trình khen thưởng của một tập thể, including the units merged into it (named “khi còn là …”),
    and, for a unit that no longer exists, the units that took over its work."""

    permission_required = "dossiers.view_register"
    template_name = "dossiers/register_unit.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        try:
            unit = Organisation.objects.for_user(user).get(pk=self.kwargs["pk"])
        except Organisation.DoesNotExist:
            raise Http404 from None
        lineage = unit.lineage_ids()
        awards = (Award.objects.of_unit(unit).filter(person__isnull=True)
                  .select_related("award_form", "organisation", "revoked_by").prefetch_related("corrections__amendment")
                  .order_by("-decision_date", "-pk"))
        ratings = AnnualRating.objects.filter(organisation_id__in=lineage).select_related("organisation").order_by(
            "-year")
        predecessors = Organisation.objects.filter(pk__in=lineage - {unit.pk}).order_by("valid_until", "name")
        return super().get_context_data(
            unit=unit, awards=list(awards), ratings=list(ratings), predecessors=list(predecessors),
            successors=unit.successor_chain(), can_add=user.has_perm("dossiers.add_award"), **kwargs)
