"""Pages for legal-basis profiles (bộ căn cứ pháp lý) and their bonus coefficients."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import CreateView, TemplateView, UpdateView

from core.vntext import vn_decimal
from documents.once import SubmitOnceMixin

from ..enums import SubjectType
from ..forms import CoefficientFormSet, ProfileForm, ReportTemplateFormSet, VoteRuleFormSet
from ..models import BaseSalary, LegalBasisProfile
from ..services.bonus import bonus_amount, coefficient_for
from .base import CatalogueFormMixin, CatalogueMixin


class ProfileListView(CatalogueMixin, TemplateView):
    template_name = "awards/profile_list.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        profiles = list(LegalBasisProfile.objects.annotate(coefficient_count=Count("coefficients"))
                        .order_by("-valid_from"))
        for profile in profiles:
            profile.in_force_today = profile.valid_from <= today and (
                profile.valid_until is None or profile.valid_until > today)
        return super().get_context_data(profiles=profiles, today=today, **kwargs)


def worked_example(profile, on):
    """The bonus each coefficient of the profile gives on `on`, through the same service the
    decisions use; a collective without its own row is shown with the collective multiplier."""
    rows = []
    coefficients = list(profile.coefficients.select_related("award_form")
                        .order_by("award_form__order", "award_form__name", "subject_type"))
    own_rows = {(c.award_form_id, c.subject_type) for c in coefficients}
    for row in coefficients:
        form = row.award_form
        rows.append({"award_form": form, "subject": row.get_subject_type_display(),
                     "coefficient": vn_decimal(row.coefficient),
                     "amount": bonus_amount(form, row.subject_type, on=on, profile=profile)})
        if (row.subject_type == SubjectType.INDIVIDUAL and form.applies_to(SubjectType.COLLECTIVE)
                and (form.pk, SubjectType.COLLECTIVE) not in own_rows):
            derived = coefficient_for(form, SubjectType.COLLECTIVE, profile)
            rows.append({"award_form": form, "subject": SubjectType.COLLECTIVE.label,
                         "coefficient": f"{vn_decimal(row.coefficient)} × {vn_decimal(profile.collective_multiplier)}"
                                        f" = {vn_decimal(derived)}",
                         "amount": bonus_amount(form, SubjectType.COLLECTIVE, on=on, profile=profile)})
    return rows


class ProfileFormMixin(CatalogueFormMixin):
    model = LegalBasisProfile
    form_class = ProfileForm
    template_name = "awards/profile_form.html"
    formset_prefix = "he-so"

    def get_formset(self, formset_class=CoefficientFormSet, prefix=None):
        """A table of the profile's rows, bound to the post when the post carries it (a post without the vote
        rules' table, from an older page or a script, leaves those rules as they are)."""
        prefix = prefix or self.formset_prefix
        instance = self.object if self.object is not None else LegalBasisProfile()
        posted = self.request.method == "POST" and f"{prefix}-TOTAL_FORMS" in self.request.POST
        return formset_class(self.request.POST if posted else None, instance=instance, prefix=prefix)

    def get_vote_formset(self):
        return self.get_formset(VoteRuleFormSet, "bieu-quyet")

    def get_report_formset(self):
        return self.get_formset(ReportTemplateFormSet, "mau-bao-cao")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("formset", self.get_formset())
        kwargs.setdefault("vote_formset", self.get_vote_formset())
        kwargs.setdefault("report_formset", self.get_report_formset())
        if self.object is not None and self.object.pk:
            today = timezone.localdate()
            kwargs.update(today=today, salary_today=BaseSalary.objects.on(today),
                          example=worked_example(self.object, today))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        self.object = self.get_object() if self.kwargs.get("pk") else None
        form, formset, vote_formset = self.get_form(), self.get_formset(), self.get_vote_formset()
        report_formset = self.get_report_formset()
        tables = [table for table in (formset, vote_formset, report_formset) if table.is_bound]
        if form.is_valid() and all(table.is_valid() for table in tables):
            try:
                profile = form.save(tables=tables)
            except ValidationError as error:  # a concurrent edit took the same row meanwhile
                formset._non_form_errors = formset.error_class(error.messages)
            else:
                messages.success(request, f"Đã lưu “{profile}”.")
                return redirect(profile)
        return self.render_to_response(self.get_context_data(form=form, formset=formset, vote_formset=vote_formset,
                                                             report_formset=report_formset))


class ProfileCreateView(SubmitOnceMixin, ProfileFormMixin, CreateView):
    pass


class ProfileUpdateView(ProfileFormMixin, UpdateView):
    pass
