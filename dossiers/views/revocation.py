"""Thu hồi khen thưởng: the page that signs (or records) a revoking decision for a decision the user sees."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView

from core.views import ScopedObjectMixin

from ..forms.revocation import RevocationForm
from ..models import Decision
from ..services import decisions as decision_service
from ..services import revocation as service


class RevokeView(ScopedObjectMixin, FormView):
    model = Decision
    permission_required = "dossiers.use_inbox"
    template_name = "dossiers/revoke.html"
    form_class = RevocationForm

    def get_scoped_queryset(self):
        return Decision.objects.for_user(self.request.user).select_related("issuer")

    def get_permission_object(self):
        return None

    def get(self, request, *args, **kwargs):
        self._check()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self._check()
        return super().post(request, *args, **kwargs)

    def _check(self):
        decision = self.get_object()
        if not service.may_revoke(self.request.user, decision):
            raise PermissionDenied

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "revoked": self.get_object()}

    def get_initial(self):
        decision, today = self.get_object(), timezone.localdate()
        person = getattr(self.request.user, "person", None)
        initial = {"date": today, "awards": list(decision.awards.live()),
                   "title": f"Về việc thu hồi khen thưởng tại Quyết định số {decision.reference} ngày "
                            f"{decision.date:%d/%m/%Y}"}
        if decision.kind == Decision.OWN:
            initial.update(number=decision_service.next_decision_number(decision.issuer, today.year),
                           symbol=decision.issuer.document_symbol("QĐ"),
                           signer_name=self.request.user.get_full_name(),
                           signer_title=person.position if person and person.position else decision.issuer.head)
        return initial

    def get_context_data(self, **kwargs):
        return super().get_context_data(decision=self.get_object(), **kwargs)

    def form_valid(self, form):
        try:
            revoking = service.revoke(self.get_object(), list(form.cleaned_data["awards"]), form.instance,
                                      by=self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Đã {'ký' if revoking.higher_authority == '' else 'ghi'} {revoking}: thu hồi "
                                       f"{len(form.cleaned_data['awards'])} khen thưởng.")
        return redirect(revoking)
