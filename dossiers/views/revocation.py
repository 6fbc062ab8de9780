"""Thu hồi khen thưởng: the page that signs (or records) a revoking decision for a decision the user sees."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from ..forms.revocation import RevocationForm
from ..services import revocation as service
from .decision_acts import DecisionActView


class RevokeView(DecisionActView):
    template_name = "dossiers/revoke.html"
    form_class = RevocationForm
    may = staticmethod(service.may_revoke)
    title_prefix = "Về việc thu hồi khen thưởng tại"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "revoked": self.get_object()}

    def get_initial(self):
        return {**super().get_initial(), "awards": list(self.get_object().awards.live())}

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
