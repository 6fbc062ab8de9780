"""Pages of campaigns: list, create, the per-role campaign page, section editors, lifecycle, copy."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.views import View
from django.views.generic import FormView, TemplateView

from core.concurrency import StaleEdit, unchanged
from core.pagination import lazy_page
from core.views import PermissionMixin, ScopedObjectMixin
from documents.once import SubmitOnceMixin

from ..enums import ACTION_LABELS, TRANSITIONS, CampaignStatus, RegistrationStatus, TaskStatus
from ..forms import (
    AmendmentForm,
    BlocsForm,
    CampaignAwardFormSet,
    CampaignFilterForm,
    CampaignForm,
    ComponentFormSet,
    CopyForm,
    CriterionFormSet,
    ParticipantFormSet,
    PlanTaskFormSet,
    QuotaOverrideFormSet,
    ReminderRuleFormSet,
    TargetFormSet,
)
from ..models import Campaign, CampaignAward, PlanTask, Registration
from ..rules import participating_clerk_units
from ..services import campaigns as service


class CampaignListView(PermissionMixin, TemplateView):
    template_name = "campaigns/campaign_list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        form = CampaignFilterForm(self.request.GET or None, user=user)
        qs = Campaign.objects.for_user(user).select_related("issuer")
        if form.is_valid():
            data = form.cleaned_data
            if data["kind"]:
                qs = qs.filter(kind=data["kind"])
            if data["nam"]:
                qs = qs.in_year(data["nam"])
            if data["co_quan"]:
                qs = qs.filter(issuer=data["co_quan"])
            if data["trang_thai"]:
                qs = qs.filter(status=data["trang_thai"])
        page = lazy_page(qs.order_by("-period_start", "-pk"), self.request.GET.get("trang"), per_page=30)
        return super().get_context_data(form=form, page=page, today=timezone.localdate(),
                                        can_add=user.has_perm("campaigns.add_campaign"), **kwargs)


class CampaignCreateView(SubmitOnceMixin, PermissionMixin, FormView):
    permission_required = "campaigns.add_campaign"
    form_class = CampaignForm
    template_name = "campaigns/campaign_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        try:
            campaign = service.create_campaign(form.instance, by=self.request.user)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, "Đã tạo phong trào (dự thảo). Tiếp tục khai báo chỉ tiêu, tiêu chuẩn, "
                                       "hình thức khen thưởng và đơn vị tham gia.")
        profile_messages(self.request, form)
        return redirect(campaign)


def profile_messages(request, form):
    """Tell the planner which legal-basis profile the form filled in (one kept although not in force on the plan's
    date is said by the campaign's page itself, #legal-profile-warning)."""
    if form.profile_filled:
        messages.info(request, f"Đã chọn bộ căn cứ “{form.profile_filled}”, có hiệu lực vào ngày ban hành kế hoạch.")


class CampaignMixin(ScopedObjectMixin):
    model = Campaign

    def get_scoped_queryset(self):
        return Campaign.objects.for_user(self.request.user).select_related("issuer", "legal_profile")


class CampaignDetailView(CampaignMixin, TemplateView):
    """One page, fitted to the role: the issuer's staff see the whole plan and participation, a
    participating clerk sees what to submit, in how many copies, by when."""

    permission_required = "campaigns.view_campaign"
    template_name = "campaigns/campaign_detail.html"

    def get_context_data(self, **kwargs):
        user, campaign = self.request.user, self.get_object()
        awards = list(campaign.awards.select_related("award_form", "quota_base").prefetch_related(
            "quota_overrides__organisation"))
        context = {
            "campaign": campaign,
            "today": timezone.localdate(),
            "days_left": campaign.days_to_deadline(),
            "targets": campaign.targets.all(),
            "criteria": campaign.criteria.all(),
            "awards": awards,
            "components": campaign.components.all(),
            "participants": campaign.participants.select_related("organisation"),
            "blocs": campaign.participant_blocs.all(),
            "reminders": campaign.reminder_rules.all(),
            "tasks_count": campaign.tasks.count(),
            "amendments": campaign.amendments.select_related("by")[:20],
            "can_change": user.has_perm("campaigns.change_campaign", campaign),
            "can_review": user.has_perm("campaigns.review_campaign", campaign),
            "can_see_dashboard": user.has_perm("dossiers.view_campaign_dashboard", campaign),
            "can_register": user.has_perm("campaigns.register", campaign),
            "actions": [(a, ACTION_LABELS[a]) for a in TRANSITIONS[campaign.status]],
            "ready_problems": service.check_ready_to_launch(campaign)
            if campaign.status == CampaignStatus.DRAFT else [],
        }
        if context["can_change"]:
            context["profile_check"] = service.legal_profile_check(campaign)
        my_units = participating_clerk_units(user, campaign)
        if my_units:
            registrations = {r.organisation_id: r for r in Registration.objects.filter(
                campaign=campaign, organisation__in=my_units)}
            for unit in my_units:
                unit.registration = registrations.get(unit.pk)
                headcount = unit.people.filter(is_active=True).count()
                unit.quotas = [(offer, offer.quota_for(unit, headcount=headcount)) for offer in awards]
            context["my_units"] = my_units
        if context["can_review"] or context["can_change"]:
            units = campaign.participating_units().order_by("path")
            context["participation"] = {
                "units": units.count(),
                "registrations": Registration.objects.filter(campaign=campaign).values("status").annotate(
                    n=Count("pk")).order_by("status"),
            }
            context["registration_labels"] = dict(RegistrationStatus.choices)
        return super().get_context_data(**context, **kwargs)


class CampaignUpdateView(CampaignMixin, FormView):
    permission_required = "campaigns.change_campaign"
    form_class = CampaignForm
    template_name = "campaigns/campaign_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "instance": self.get_object()}

    def get_context_data(self, **kwargs):
        kwargs.setdefault("amend_form", AmendmentForm(self.request.POST or None, campaign=self.get_object()))
        return super().get_context_data(campaign=self.get_object(), **kwargs)

    def post(self, request, *args, **kwargs):
        if self.get_object().status == CampaignStatus.ARCHIVED:
            raise Http404
        form = self.get_form()
        amend_form = AmendmentForm(request.POST, campaign=self.get_object())
        if form.is_valid() and amend_form.is_valid():
            try:  # refused, with what was typed, when someone saved it since the page was opened
                with unchanged(form):
                    service.update_campaign(form.instance, by=request.user, reason=amend_form.cleaned_data["reason"])
            except StaleEdit:
                pass
            else:
                messages.success(request, "Đã lưu thông tin chung của phong trào.")
                profile_messages(request, form)
                return redirect(form.instance)
        return self.render_to_response(self.get_context_data(form=form, amend_form=amend_form), status=400)


SECTIONS = {
    "chi-tieu": ("Chỉ tiêu thi đua", TargetFormSet, "campaigns/section_table.html"),
    "tieu-chuan": ("Tiêu chuẩn khen thưởng", CriterionFormSet, "campaigns/section_table.html"),
    "hinh-thuc": ("Hình thức khen thưởng, số bộ hồ sơ, chỉ tiêu", CampaignAwardFormSet,
                  "campaigns/section_table.html"),
    "thanh-phan": ("Thành phần hồ sơ", ComponentFormSet, "campaigns/section_table.html"),
    "don-vi": ("Đơn vị tham gia", ParticipantFormSet, "campaigns/section_participants.html"),
    "nhac-han": ("Quy tắc nhắc hạn", ReminderRuleFormSet, "campaigns/section_table.html"),
    "nhiem-vu": ("Nhiệm vụ theo quý", PlanTaskFormSet, "campaigns/section_tasks.html"),
}


class CampaignSectionView(CampaignMixin, TemplateView):
    """Edit one section of the plan with a formset; amendments of a launched plan need a reason."""

    permission_required = "campaigns.change_campaign"

    def dispatch(self, request, *args, **kwargs):
        if kwargs["section"] not in SECTIONS:
            raise Http404
        self.title, self.formset_class, self.template_name = SECTIONS[kwargs["section"]]
        return super().dispatch(request, *args, **kwargs)

    def build(self, data=None):
        campaign = self.get_object()
        formset = self.formset_class(data, instance=campaign, user=self.request.user, prefix="rows")
        amend = AmendmentForm(data, campaign=campaign)
        blocs = (BlocsForm(data, campaign=campaign, user=self.request.user) if self.kwargs["section"] == "don-vi"
                 else None)
        return formset, amend, blocs

    def get_context_data(self, **kwargs):
        if "formset" not in kwargs:
            kwargs["formset"], kwargs["amend_form"], kwargs["blocs_form"] = self.build()
        return super().get_context_data(campaign=self.get_object(), title=self.title, **kwargs)

    def post(self, request, *args, **kwargs):
        campaign = self.get_object()
        if campaign.status == CampaignStatus.ARCHIVED:
            raise Http404
        formset, amend, blocs = self.build(request.POST)
        valid = formset.is_valid() & amend.is_valid() & (blocs is None or blocs.is_valid())
        if valid:
            def set_blocs():
                before = set(campaign.participant_blocs.values_list("pk", flat=True))
                after = {b.pk for b in blocs.cleaned_data["blocs"]}
                campaign.participant_blocs.set(blocs.cleaned_data["blocs"])
                return before != after

            try:  # refused, with what was typed, when someone saved the section since the page was opened
                with unchanged(formset):
                    service.save_section(campaign, formset, section=self.title, by=request.user,
                                         reason=amend.cleaned_data["reason"], extra=set_blocs if blocs else None)
            except StaleEdit:
                pass
            else:
                messages.success(request, f"Đã lưu: {self.title.lower()}.")
                return redirect(campaign)
        return self.render_to_response(self.get_context_data(formset=formset, amend_form=amend,
                                                             blocs_form=blocs), status=400)


class QuotaOverrideView(ScopedObjectMixin, TemplateView):
    """Chỉ tiêu riêng: explicit quotas of some units for one award form of the campaign."""

    permission_required = "campaigns.change_campaign"
    model = CampaignAward
    template_name = "campaigns/section_table.html"

    def get_scoped_queryset(self):
        return CampaignAward.objects.filter(
            campaign__in=Campaign.objects.for_user(self.request.user)).select_related("campaign", "award_form")

    def get_permission_object(self):
        return self.get_object().campaign

    def get_context_data(self, **kwargs):
        offer = self.get_object()
        if "formset" not in kwargs:
            kwargs["formset"] = QuotaOverrideFormSet(instance=offer, prefix="rows", user=self.request.user)
            kwargs["amend_form"] = AmendmentForm(campaign=offer.campaign)
        return super().get_context_data(campaign=offer.campaign, title=f"Chỉ tiêu riêng: {offer.award_form}",
                                        section="chi-tieu-rieng", **kwargs)

    def post(self, request, *args, **kwargs):
        offer = self.get_object()
        formset = QuotaOverrideFormSet(request.POST, instance=offer, prefix="rows", user=request.user)
        amend = AmendmentForm(request.POST, campaign=offer.campaign)
        if formset.is_valid() & amend.is_valid():
            try:
                with unchanged(formset):
                    service.save_section(offer.campaign, formset, section=f"Chỉ tiêu riêng – {offer.award_form}",
                                         by=request.user, reason=amend.cleaned_data["reason"])
            except StaleEdit:
                pass
            else:
                messages.success(request, "Đã lưu chỉ tiêu riêng của các đơn vị.")
                return redirect(offer.campaign)
        return self.render_to_response(self.get_context_data(formset=formset, amend_form=amend), status=400)


class CampaignTransitionView(CampaignMixin, View):
    """POST: launch, close, archive or reopen a campaign."""

    permission_required = "campaigns.change_campaign"

    def post(self, request, pk, action):
        campaign = self.get_object()
        try:
            service.transition(campaign, action, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Đã {ACTION_LABELS[action].lower()} phong trào.")
        return redirect(campaign)


class CampaignCopyView(CampaignMixin, FormView):
    permission_required = "campaigns.change_campaign"
    form_class = CopyForm
    template_name = "campaigns/campaign_copy.html"

    def get_initial(self):
        return {"title": self.get_object().title, "years": 1}

    def get_context_data(self, **kwargs):
        return super().get_context_data(campaign=self.get_object(), **kwargs)

    def form_valid(self, form):
        copy = service.copy_campaign(self.get_object(), by=self.request.user, years=form.cleaned_data["years"],
                                     title=form.cleaned_data["title"])
        messages.success(self.request, "Đã tạo bản sao (dự thảo). Hãy cập nhật số, ngày kế hoạch trước khi phát động.")
        return redirect(copy)


class PlanTaskBoardView(CampaignMixin, TemplateView):
    """Nhiệm vụ theo quý: the annual plan's tasks by quarter, late ones flagged."""

    permission_required = "campaigns.view_campaign"
    template_name = "campaigns/task_board.html"

    def get_context_data(self, **kwargs):
        campaign = self.get_object()
        today = timezone.localdate()
        tasks = list(campaign.tasks.prefetch_related(
            Prefetch("responsible"), Prefetch("cooperating")))
        quarters = []
        for number, label in ((1, "Quý I"), (2, "Quý II"), (3, "Quý III"), (4, "Quý IV")):
            rows = [t for t in tasks if t.quarter == number]
            for task in rows:
                task.late = task.is_late(today)
                task.can_update = self.request.user.has_perm("campaigns.change_task", task)
            quarters.append({"number": number, "label": label, "tasks": rows,
                             "late": sum(1 for t in rows if t.late)})
        return super().get_context_data(campaign=campaign, quarters=quarters, today=today,
                                        late_total=sum(q["late"] for q in quarters),
                                        status_choices=TaskStatus.choices, **kwargs)


class TaskStatusView(ScopedObjectMixin, View):
    """POST: the responsible unit (or the issuer's office) updates a task's status."""

    permission_required = "campaigns.change_task"
    model = PlanTask

    def get_scoped_queryset(self):
        return PlanTask.objects.filter(campaign__in=Campaign.objects.for_user(self.request.user)).select_related(
            "campaign__issuer")

    def post(self, request, pk):
        task = self.get_object()
        status = request.POST.get("status")
        if status not in TaskStatus.values:
            messages.error(request, "Tình trạng không hợp lệ.")
        else:
            service.set_task_status(task, status, by=request.user)
            messages.success(request, "Đã cập nhật tình trạng nhiệm vụ.")
        return redirect("campaigns:task_board", pk=task.campaign_id)


class PublicCampaignListView(TemplateView):
    """Công khai: launched campaigns with their plan, period and deadlines; no login needed."""

    template_name = "campaigns/public_list.html"

    def get_context_data(self, **kwargs):
        qs = Campaign.objects.public().select_related("issuer").order_by("-period_start", "-pk")
        query = self.request.GET.get("q", "").strip()
        if query:
            qs = qs.filter(Q(title__icontains=query) | Q(issuer__name__icontains=query))
        page = lazy_page(qs, self.request.GET.get("trang"), per_page=20)
        return super().get_context_data(page=page, query=query, today=timezone.localdate(), **kwargs)


class PublicCampaignDetailView(TemplateView):
    template_name = "campaigns/public_detail.html"

    def get_context_data(self, **kwargs):
        try:
            campaign = Campaign.objects.public().select_related("issuer").get(pk=self.kwargs["pk"])
        except Campaign.DoesNotExist:
            raise Http404 from None
        return super().get_context_data(
            campaign=campaign, today=timezone.localdate(), targets=campaign.targets.all(),
            criteria=campaign.criteria.all(), components=campaign.components.all(),
            awards=campaign.awards.select_related("award_form"), **kwargs)
