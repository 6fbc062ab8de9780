"""What the pages acting on a signed decision share (thu hồi: revocation.RevokeView; đính chính:
amendment.AmendView): the decision among those the user sees (else 404), who may act on it (`may`, the service's
own predicate, else 403), and the new decision's proposed number, symbol, date and signer."""
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.views.generic import FormView

from core.views import ScopedObjectMixin

from ..models import Decision
from ..services import decisions as decision_service


class DecisionActView(ScopedObjectMixin, FormView):
    model = Decision
    permission_required = "dossiers.use_inbox"
    may = None  # the service's predicate: may(user, decision)
    title_prefix = ""  # "Về việc thu hồi khen thưởng tại"

    def get_scoped_queryset(self):
        return Decision.objects.for_user(self.request.user).select_related("issuer")

    def get_permission_object(self):
        return None

    def get(self, request, *args, **kwargs):
        self.check_may()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.check_may()
        return super().post(request, *args, **kwargs)

    def check_may(self):
        if not type(self).may(self.request.user, self.get_object()):
            raise PermissionDenied

    def get_initial(self):
        """The new decision's date (today), trích yếu and, for the body's own series, its next number, symbol and
        the signer (the user, with the post the portal knows)."""
        decision, today = self.get_object(), timezone.localdate()
        person = getattr(self.request.user, "person", None)
        initial = {"date": today,
                   "title": f"{self.title_prefix} Quyết định số {decision.reference} ngày {decision.date:%d/%m/%Y}"}
        if decision.kind == Decision.OWN:
            initial.update(number=decision_service.next_decision_number(decision.issuer, today.year),
                           symbol=decision.issuer.document_symbol("QĐ"),
                           signer_name=self.request.user.get_full_name(),
                           signer_title=person.position if person and person.position else decision.issuer.head)
        return initial

    def get_context_data(self, **kwargs):
        return super().get_context_data(decision=self.get_object(), **kwargs)
