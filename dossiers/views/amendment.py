"""Đính chính quyết định: the page that signs (or records) an amending decision for a decision the user sees."""
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView

from core.views import ScopedObjectMixin

from ..forms.amendment import AmendmentForm, correction_formset, corrections_of
from ..models import Decision
from ..services import amendment as service
from ..services import decisions as decision_service


class AmendView(ScopedObjectMixin, FormView):
    model = Decision
    permission_required = "dossiers.use_inbox"
    template_name = "dossiers/amend.html"
    form_class = AmendmentForm

    def get_scoped_queryset(self):
        return Decision.objects.for_user(self.request.user).select_related("issuer")

    def get_permission_object(self):
        return None

    def get(self, request, *args, **kwargs):
        self._check()
        return super().get(request, *args, **kwargs)

    def _check(self):
        decision = self.get_object()
        if not service.may_amend(self.request.user, decision):
            raise PermissionDenied

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "amended": self.get_object()}

    def get_initial(self):
        decision, today = self.get_object(), timezone.localdate()
        person = getattr(self.request.user, "person", None)
        initial = {"date": today, "title": f"Về việc đính chính Quyết định số {decision.reference} ngày "
                                           f"{decision.date:%d/%m/%Y}"}
        if decision.kind == Decision.OWN:
            initial.update(number=decision_service.next_decision_number(decision.issuer, today.year),
                           symbol=decision.issuer.document_symbol("QĐ"),
                           signer_name=self.request.user.get_full_name(),
                           signer_title=person.position if person and person.position else decision.issuer.head)
        return initial

    def get_context_data(self, **kwargs):
        if "formset" not in kwargs:
            kwargs["formset"] = correction_formset(self.get_object())
        return super().get_context_data(decision=self.get_object(), **kwargs)

    def post(self, request, *args, **kwargs):
        self._check()
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
