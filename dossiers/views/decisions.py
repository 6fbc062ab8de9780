"""The leader's pages: the approval queue, signing a decision, forwarding upward, recording the
higher authority's decision, and the decisions themselves."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView

from awards.enums import AuthorityLevel
from campaigns.models import Campaign
from campaigns.services.campaigns import profile_in_force
from core.pagination import lazy_page
from core.views import PermissionMixin, ScopedObjectMixin
from orgs import scope
from orgs.enums import Role
from orgs.models import Organisation, subtree_q

from ..enums import DossierState, Outcome
from ..forms.decisions import ApproveForm, DecisionForm, ForwardForm, HigherDecisionForm
from ..models import Decision, Forwarding, Nomination
from ..services import amendment, revocation, signing_notes
from ..services import decisions as service
from .dossiers import NominationMixin, errors_of

LEADERS = [Role.APPROVER]


def leader_bodies(user):
    return Organisation.objects.filter(pk__in=scope.membership_org_ids(user, LEADERS))


def queue(user):
    """Nominees of dossiers waiting for the leader, in the bodies the user leads."""
    qs = Nomination.objects.filter(dossier__state=DossierState.AWAITING_DECISION)
    if not user.is_superuser:
        qs = qs.filter(subtree_q(scope.scope_paths(user, LEADERS), prefix="dossier__campaign__issuer__path"))
    return qs.select_related("dossier__campaign__issuer", "dossier__organisation", "dossier__offer__award_form",
                             "person__organisation", "organisation").order_by(
        "dossier__campaign", "dossier__offer__order", "dossier__organisation__path", "order")


class LeaderMixin(PermissionMixin):
    permission_required = "dossiers.lead"


class ApprovalQueueView(LeaderMixin, TemplateView):
    template_name = "dossiers/approval_queue.html"

    def get_context_data(self, **kwargs):
        nominations = list(queue(self.request.user))
        for nomination in nominations:
            nomination.within = service.within_authority(nomination)
        campaigns = {n.dossier.campaign for n in nominations}
        for campaign in campaigns:  # nominees still waiting for the leader's opinion: the bulk form is offered
            campaign.undecided = sum(1 for n in nominations if n.dossier.campaign_id == campaign.pk
                                     and n.outcome not in (Outcome.APPROVED, Outcome.NOT_APPROVED))
        return super().get_context_data(nominations=nominations, campaigns=sorted(campaigns, key=lambda c: c.pk),
                                        undecided=sum(campaign.undecided for campaign in campaigns),
                                        forwardings=Forwarding.objects.filter(
                                            issuer__in=leader_bodies(self.request.user), decision__isnull=True),
                                        **kwargs)


class ApproveView(NominationMixin, View):
    """POST: the leader approves (or not, with a reason) one nominee."""

    permission_required = "dossiers.approve_nomination"

    def post(self, request, pk):
        nomination = self.get_object()
        form = ApproveForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Chọn đồng ý hoặc không đồng ý.")
            return redirect("dossiers:approval_queue")
        try:
            service.approve(nomination, approved=form.cleaned_data["approved"], reason=form.cleaned_data["reason"],
                            by=request.user)
        except ValidationError as error:
            messages.error(request, f"{nomination.name}: {errors_of(error)}")
        else:
            messages.success(request, f"Đã ghi ý kiến phê duyệt cho {nomination.name}.")
        return redirect("dossiers:approval_queue")


class CampaignActionMixin(LeaderMixin):
    """Sign or forward for one campaign (?phong-trao=…), among the bodies the user leads."""

    def get_campaign(self):
        campaign_id = self.request.GET.get("phong-trao", "")
        if not campaign_id.isdigit():
            raise Http404
        return get_object_or_404(Campaign.objects.filter(issuer__in=leader_bodies(self.request.user))
                                 if not self.request.user.is_superuser else Campaign.objects, pk=campaign_id)

    def approved(self, within):
        """The campaign's approved nominees within the body's authority (or beyond it), read once per request."""
        cache = self.__dict__.setdefault("_approved", {})
        if within not in cache:
            nominations = queue(self.request.user).filter(dossier__campaign=self.get_campaign(),
                                                          outcome=Outcome.APPROVED)
            cache[within] = Nomination.objects.filter(pk__in=[n.pk for n in nominations
                                                              if service.within_authority(n) is within]).select_related(
                "person__organisation", "organisation", "dossier__offer__award_form", "dossier__organisation")
        return cache[within]

    def get_context_data(self, **kwargs):
        return super().get_context_data(campaign=self.get_campaign(), **kwargs)


class DecisionSignView(CampaignActionMixin, FormView):
    form_class = DecisionForm
    template_name = "dossiers/decision_sign.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "nominations": self.approved(within=True)}

    def get_initial(self):
        campaign, today = self.get_campaign(), timezone.localdate()
        person = getattr(self.request.user, "person", None)
        return {"number": service.next_decision_number(campaign.issuer, today.year), "date": today,
                "symbol": campaign.issuer.document_symbol("QĐ"),
                "legal_profile": profile_in_force(today) or campaign.legal_profile,  # the law of the act's date
                "title": (f"Về việc {campaign.track_award}" if campaign.is_track
                          else f"Về việc khen thưởng thành tích trong {campaign.cited_name}"),
                "memo_reference": service.memo_reference(self.approved(within=True)),
                "signer_name": self.request.user.get_full_name(),
                "signer_title": person.position if person and person.position else campaign.issuer.head,
                "sign_as": "kt" if person and person.position.lower().startswith("phó") else "",
                "nominations": list(self.approved(within=True))}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaign, today = self.get_campaign(), timezone.localdate()
        nominations = self.approved(within=True)
        most = signing_notes.most_paid(nominations, today, profile_in_force(today) or campaign.legal_profile)
        return {**context, "signing_notes": signing_notes.notes(campaign.issuer, today, most)}

    def form_valid(self, form):
        decision = form.instance
        decision.issuer = self.get_campaign().issuer
        decision.campaign = self.get_campaign()
        try:
            service.sign_decision(decision, list(form.cleaned_data["nominations"]), by=self.request.user)
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, errors_of(error))
            return self.form_invalid(form)
        messages.success(self.request, f"Đã ký {decision}.")
        return redirect(decision)


class ForwardView(CampaignActionMixin, FormView):
    form_class = ForwardForm
    template_name = "dossiers/forward.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "nominations": self.approved(within=False)}

    def get_initial(self):
        nominations = list(self.approved(within=False))
        top = max((n.dossier.offer.award_form.authority for n in nominations), default=AuthorityLevel.PROVINCE)
        return {"to_authority": AuthorityLevel(top).label, "memo_date": timezone.localdate(),
                "signer_name": self.request.user.get_full_name(), "nominations": nominations}

    def form_valid(self, form):
        forwarding = form.instance
        forwarding.issuer = self.get_campaign().issuer
        forwarding.campaign = self.get_campaign()
        try:
            service.forward(forwarding, list(form.cleaned_data["nominations"]), by=self.request.user)
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, errors_of(error))
            return self.form_invalid(form)
        messages.success(self.request, f"Đã trình {forwarding.to_authority} tại Tờ trình số {forwarding.memo_number}.")
        return redirect("dossiers:forwarding_detail", pk=forwarding.pk)


class ForwardingMixin(ScopedObjectMixin):
    model = Forwarding
    permission_required = "dossiers.view_forwarding"

    def get_scoped_queryset(self):
        qs = Forwarding.objects.select_related("issuer", "campaign", "decision")
        if self.request.user.is_superuser:
            return qs
        return qs.filter(scope.issuer_q(self.request.user, [Role.REVIEWER, Role.APPROVER, Role.COUNCIL, Role.ADMIN],
                                        "issuer"))


class ForwardingDetailView(ForwardingMixin, TemplateView):
    template_name = "dossiers/forwarding_detail.html"

    def get_context_data(self, **kwargs):
        forwarding = self.get_object()
        return super().get_context_data(forwarding=forwarding, nominations=forwarding.nominations.select_related(
            "person__organisation", "organisation", "dossier__offer__award_form", "award"), **kwargs)


class HigherDecisionView(ForwardingMixin, FormView):
    permission_required = "dossiers.record_higher_decision"
    form_class = HigherDecisionForm
    template_name = "dossiers/higher_decision.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "nominations": self.get_object().nominations.filter(
            outcome=Outcome.FORWARDED).select_related("person__organisation", "organisation",
                                                      "dossier__offer__award_form")}

    def get_initial(self):
        return {"higher_authority": self.get_object().to_authority, "date": timezone.localdate()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(forwarding=self.get_object(), **kwargs)

    def form_valid(self, form):
        try:
            service.record_higher_decision(self.get_object(), form.instance, list(form.cleaned_data["awarded"]),
                                           reason_not_awarded=form.cleaned_data["reason_not_awarded"],
                                           by=self.request.user)
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, errors_of(error))
            return self.form_invalid(form)
        messages.success(self.request, "Đã ghi nhận quyết định của cấp trên.")
        return redirect("dossiers:forwarding_detail", pk=self.get_object().pk)


class DecisionListView(PermissionMixin, TemplateView):
    permission_required = "dossiers.use_inbox"
    template_name = "dossiers/decision_list.html"

    def get_context_data(self, **kwargs):
        qs = Decision.objects.for_user(self.request.user).select_related("issuer", "campaign")
        page = lazy_page(qs.order_by("-date", "-number"), self.request.GET.get("trang"), per_page=30)
        return super().get_context_data(page=page, **kwargs)


class DecisionDetailView(ScopedObjectMixin, TemplateView):
    model = Decision
    permission_required = "dossiers.use_inbox"
    template_name = "dossiers/decision_detail.html"

    def get_scoped_queryset(self):
        return Decision.objects.for_user(self.request.user).select_related("issuer", "campaign", "legal_profile")

    def get_permission_object(self):
        return None

    def get_template_names(self):
        if self.get_object().kind == Decision.REVOKE:
            return ["dossiers/decision_revoke_detail.html"]
        if self.get_object().kind == Decision.AMEND:
            return ["dossiers/decision_amend_detail.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        decision = self.get_object()
        if decision.kind == Decision.REVOKE:
            return super().get_context_data(decision=decision, revoked=decision.revokes, **kwargs)
        if decision.kind == Decision.AMEND:
            return super().get_context_data(decision=decision, amended=decision.amends, **kwargs)
        awards = list(decision.awards.select_related("person__organisation", "organisation", "award_form",
                                                     "revoked_by").prefetch_related("corrections__amendment").order_by(
            "nomination__dossier__organisation__path", "nomination__order", "pk"))
        # why an amount is lower than its form's (several titles for one achievement), as the decision prints it
        notes = {row["award"]: row["bonus_note"] for row in (decision.snapshot or {}).get("awardees", [])
                 if row.get("bonus_note") and row.get("award")}
        for award in awards:
            award.bonus_note = notes.get(award.pk, "")
        live = [award for award in awards if not award.is_revoked]
        return super().get_context_data(
            decision=decision, awards=awards, live_awards=live, revocations=list(decision.revocations.order_by("date")),
            amendments=list(decision.amendments.order_by("date", "number")),
            can_revoke=bool(live) and revocation.may_revoke(self.request.user, decision),
            can_amend=bool(live) and amendment.may_amend(self.request.user, decision), **kwargs)
