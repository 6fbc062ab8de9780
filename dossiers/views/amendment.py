"""Đính chính quyết định: the page that signs (or records) an amending decision for a decision the user sees."""
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from ..forms.amendment import AmendmentForm, correction_formset, corrections_of
from ..services import amendment as service
from .decision_acts import DecisionActView


class AmendView(DecisionActView):
    template_name = "dossiers/amend.html"
    form_class = AmendmentForm
    may = staticmethod(service.may_amend)
    title_prefix = "Về việc đính chính"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "amended": self.get_object()}

    def get_context_data(self, **kwargs):
        if "formset" not in kwargs:
            kwargs["formset"] = correction_formset(self.get_object())
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        self.check_may()
        form = self.get_form()
        formset = correction_formset(self.get_object(), request.POST)
        if not (form.is_valid() and formset.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        try:
            amending = service.amend(self.get_object(), corrections_of(formset), form.instance, by=request.user)
        except (ValidationError, forms.ValidationError) as error:
            form.add_error(None, error)
            return self.render_to_response(self.get_context_data(form=form, formset=formset))
        count = len(amending.snapshot.get("awardees", []))
        messages.success(request, f"Đã {'ký' if amending.higher_authority == '' else 'ghi'} {amending}: đính chính "
                                  f"{count} khen thưởng.")
        return redirect(amending)
