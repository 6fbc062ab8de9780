"""Đơn vị không đề nghị: the clerk answers for a campaign that the unit proposes nobody (for one award form or for
the whole campaign), sees its answers and undoes one before the deadline."""
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView

from campaigns.models import Campaign
from core.forms import NfcFormMixin
from core.views import PermissionMixin, ScopedObjectMixin
from documents.once import SubmitOnceMixin
from orgs import scope
from orgs.enums import Role
from orgs.models import Organisation

from ..models import NoProposal
from ..services import no_proposal
from .dossiers import errors_of

WHOLE = "ca-phong-trao"


class NoProposalForm(NfcFormMixin, forms.Form):
    unit = forms.ModelChoiceField(queryset=Organisation.objects.none(), label="Đơn vị",
                                  error_messages={"required": "Chọn đơn vị.",
                                                  "invalid_choice": "Đơn vị không hợp lệ."})
    what = forms.ChoiceField(label="Không đề nghị", choices=[],
                             error_messages={"required": "Chọn hình thức khen thưởng (hoặc cả phong trào).",
                                             "invalid_choice": "Hình thức khen thưởng không thuộc phong trào."})
    reason = forms.CharField(label="Lý do (không bắt buộc)", required=False, max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, campaign, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.fields["unit"].queryset = units
        if len(units) == 1:
            self.fields["unit"].initial = units[0].pk
        self.offers = {str(offer.pk): offer for offer in campaign.awards.select_related("award_form").order_by(
            "order", "pk")}
        self.fields["what"].choices = [(WHOLE, "Cả phong trào (mọi hình thức khen thưởng)")] + [
            (pk, str(offer.award_form)) for pk, offer in self.offers.items()]

    @property
    def offer(self):
        return self.offers.get(self.cleaned_data.get("what"))


def answering_units(user, campaign):
    """The user's units (as a clerk) that send dossiers to `campaign`."""
    units = Organisation.objects.filter(pk__in=scope.membership_org_ids(user, [Role.CLERK])).exclude(
        pk=campaign.issuer_id).order_by("path")
    return units.filter(pk__in=[unit.pk for unit in units if campaign.is_participant(unit)])


class NoProposalView(SubmitOnceMixin, PermissionMixin, TemplateView):
    """GET: the unit's answers for the campaign (standing and undone) and the form; POST: answer."""

    permission_required = "dossiers.answer_no_proposal"
    template_name = "dossiers/no_proposal.html"

    def get_campaign(self):
        if not hasattr(self, "_campaign"):
            self._campaign = get_object_or_404(Campaign.objects.for_user(self.request.user).select_related("issuer"),
                                               pk=self.kwargs["pk"])
        return self._campaign

    def get_context_data(self, form=None, **kwargs):
        campaign = self.get_campaign()
        units = answering_units(self.request.user, campaign)
        form = form or NoProposalForm(campaign=campaign, units=units)
        today = timezone.localdate()
        answers = list(no_proposal.answers_of(self.request.user, campaign))
        for answer in answers:
            answer.may_undo = no_proposal.may_undo(answer, today)
        return super().get_context_data(campaign=campaign, form=form, answers=answers, units=units, today=today,
                                        **kwargs)

    def post(self, request, pk):
        campaign = self.get_campaign()
        form = NoProposalForm(request.POST, campaign=campaign, units=answering_units(request.user, campaign))
        if form.is_valid():
            try:
                answer = no_proposal.declare(campaign, form.cleaned_data["unit"], offer=form.offer,
                                             reason=form.cleaned_data["reason"], by=request.user)
            except ValidationError as error:
                form.add_error(None, errors_of(error))
            else:
                messages.success(request, f"Đã báo: {answer}. Văn phòng tính đơn vị là đã trả lời, không trễ hạn "
                                          "và không nhắc hạn.")
                return redirect("dossiers:no_proposal", pk=campaign.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class NoProposalUndoView(ScopedObjectMixin, View):
    """POST "Hủy báo không đề nghị" (until the deadline): the unit is expected to send again."""

    model = NoProposal
    permission_required = "dossiers.undo_no_proposal"

    def get_scoped_queryset(self):
        return NoProposal.objects.filter(scope.covered_q(self.request.user, [Role.CLERK], "organisation__path")
                                         ).select_related("campaign", "organisation", "offer__award_form")

    def post(self, request, pk):
        answer = self.get_object()
        try:
            no_proposal.undo(answer, by=request.user)
        except ValidationError as error:
            messages.error(request, errors_of(error))
        else:
            messages.success(request, f"Đã hủy báo không đề nghị {answer.what} của {answer.organisation}.")
        return redirect("dossiers:no_proposal", pk=answer.campaign_id)
