"""The unit's pages: its dossiers, start one, the dossier page (checklist, nominees, eligibility),
the Tờ trình details, each nominee's Mẫu 08 report, and the moves (submit, withdraw…)."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views import View
from django.views.generic import FormView, TemplateView

from awards.enums import SubjectType
from campaigns.models import Campaign
from core.concurrency import SaveUnchangedMixin
from core.pagination import lazy_page
from core.views import PermissionMixin, ScopedObjectMixin
from documents.once import SubmitOnceMixin
from orgs import scope
from orgs.enums import Role

from ..enums import ACTION_LABELS, CONSEQUENCES, TRANSITIONS, DossierState
from ..forms.dossiers import DossierInfoForm, DossierStartForm, NomineeForm, NoteForm, ReportForm
from ..models import Dossier, Nomination
from ..services import building, checks, proposed, withdrawal
from ..services.dossier_page import page_parts
from ..services.workflow import TransitionError, allowed_actions, may_act, transition


def errors_of(error):
    return " ".join(error.messages) if hasattr(error, "messages") else str(error)


class DossierMixin(ScopedObjectMixin):
    model = Dossier
    permission_required = "dossiers.view_dossier"

    def get_scoped_queryset(self):
        return Dossier.objects.for_user(self.request.user).select_related(
            "campaign__issuer", "organisation", "offer__award_form", "meeting", "assignee")

    def get_object(self, queryset=None):
        dossier = super().get_object(queryset)
        meeting = dossier.meeting
        if meeting is not None and meeting.organisation_id == dossier.organisation_id:
            meeting.organisation = dossier.organisation  # the unit's own Biên bản: its unit is not joined again
        return dossier


class DossierListView(PermissionMixin, TemplateView):
    """Hồ sơ của đơn vị: the dossiers of the clerk's units, newest first."""

    permission_required = "dossiers.add_dossier"
    template_name = "dossiers/dossier_list.html"

    def get_context_data(self, **kwargs):
        qs = Dossier.objects.for_user(self.request.user).filter(
            organisation__in=scope.membership_org_ids(self.request.user, [Role.CLERK])
        ).select_related("campaign", "organisation", "offer__award_form").order_by("-updated_at", "-pk")
        state = self.request.GET.get("trang-thai", "")
        if state in DossierState.values:
            qs = qs.filter(state=state)
        page = lazy_page(qs, self.request.GET.get("trang"), per_page=30)
        return super().get_context_data(page=page, state=state, states=DossierState.choices, **kwargs)


class DossierCreateView(SubmitOnceMixin, PermissionMixin, FormView):
    permission_required = "dossiers.add_dossier"
    form_class = DossierStartForm
    template_name = "dossiers/dossier_create.html"

    def get_campaign(self):
        campaign_id = self.request.GET.get("phong-trao", "")
        if campaign_id.isdigit():
            return get_object_or_404(Campaign.objects.for_user(self.request.user), pk=campaign_id)
        return None

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "campaign": self.get_campaign()}

    def form_valid(self, form):
        offer, unit = form.cleaned_data["offer"], form.cleaned_data["unit"]
        try:
            dossier = building.start_dossier(offer.campaign, unit, offer, by=self.request.user)
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, errors_of(error))
            return self.form_invalid(form)
        if form.cleaned_data["from_registration"]:
            added, skipped = building.add_registered(dossier, by=self.request.user)
            if added:
                messages.success(self.request, f"Đã đưa vào hồ sơ {len(added)} người, tập thể theo đăng ký thi đua: "
                                               "bỏ người năm nay không đạt, thêm người khác kèm lý do.")
            else:
                messages.info(self.request, "Đăng ký thi đua đã được tiếp nhận của đơn vị không có ai đăng ký hình "
                                            "thức này: thêm người, tập thể được đề nghị như thường.")
            for name, why in skipped:
                messages.warning(self.request, f"Không đưa {name} vào hồ sơ: {why}")
        messages.success(self.request, f"Hồ sơ đề nghị {offer.award_form} của {unit} đã sẵn sàng: thêm người, "
                                       "tập thể được đề nghị và báo cáo thành tích.")
        return redirect(dossier)


class DossierDetailView(DossierMixin, TemplateView):
    """The dossier page: what it holds, what is missing, each nominee's eligibility (as last checked), the
    log. Built for each request."""

    template_name = "dossiers/dossier_detail.html"

    def get_context_data(self, **kwargs):
        user, dossier = self.request.user, self.get_object()
        can_change = user.has_perm("dossiers.change_dossier", dossier)
        parts = page_parts(dossier)
        can_review = user.has_perm("dossiers.review_dossier", dossier)
        from .assignment import assign_form  # the "Phân công" form (it builds on this page for its errors)

        kwargs.setdefault("assign_form", assign_form(dossier, user))
        return super().get_context_data(
            dossier=dossier, can_change=can_change, can_review=can_review, may_recheck=can_change or can_review,
            actions=dossier_actions(dossier, user, parts["pending"]),
            withdrawn=user.has_perm("dossiers.reopen_dossier", dossier) and withdrawal.withdrawn_panel(dossier),
            **parts, **kwargs)


class RecheckView(DossierMixin, View):
    """POST "Kiểm tra lại": compute every nominee's eligibility verdicts now. For those who act on them: the
    unit's clerk and the issuing body's office (others read the dossier: 403)."""

    def post(self, request, pk):
        dossier = self.get_object()
        if not may_recheck(request.user, dossier):
            raise PermissionDenied
        if dossier.state == DossierState.WITHDRAWN:
            messages.info(request, "Hồ sơ đã rút: không kiểm tra lại điều kiện.")
        elif dossier.state not in checks.OPEN_STATES:
            messages.info(request, "Hồ sơ đã qua bước thẩm định: kết quả kiểm tra điều kiện được giữ "
                                   "như lúc thẩm định.")
        else:
            checks.store(dossier)
            messages.success(request, "Đã kiểm tra lại điều kiện của từng người, tập thể.")
        if request.POST.get("next") == "review" and request.user.has_perm("dossiers.review_dossier", dossier):
            return redirect("dossiers:review", pk=dossier.pk)
        return redirect(dossier)


def may_recheck(user, dossier):
    return user.has_perm("dossiers.change_dossier", dossier) or user.has_perm("dossiers.review_dossier", dossier)


def dossier_actions(dossier, user, pending):
    """The moves the user may make on the dossier, with their labels (`pending`: whether a nominee
    awaits a verdict)."""
    return [(action, ACTION_LABELS[action]) for action in allowed_actions(dossier, user, pending)]


class DossierUpdateView(SaveUnchangedMixin, DossierMixin, FormView):
    """Tờ trình details (number, date, signer), the Biên bản it rests on, the unit's note (refused, with what the
    clerk typed, when someone saved them since the page was opened: core.concurrency)."""

    permission_required = "dossiers.change_dossier"
    form_class = DossierInfoForm
    template_name = "dossiers/dossier_form.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_object()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(dossier=self.get_object(), **kwargs)

    def form_valid(self, form):
        try:
            building.save_dossier(form.instance, by=self.request.user)
        except ValidationError as error:
            form.add_error(None, errors_of(error))
            return self.form_invalid(form)
        messages.success(self.request, "Đã lưu thông tin Tờ trình.")
        return redirect(form.instance)


class NomineeAddView(SubmitOnceMixin, DossierMixin, TemplateView):
    """Thêm người, tập thể được đề nghị: the form on a page of its own (the dossier page links to it); the person or
    collective is picked with a combobox searching the unit (pickers.NOMINEE_PEOPLE, NOMINEE_UNITS, marked when
    already proposed in the campaign); POST adds the nominee and opens their Mẫu 08. One already proposed is added
    only after "Vẫn thêm …". A refused choice is shown on the form, the choice kept."""

    permission_required = "dossiers.change_dossier"
    template_name = "dossiers/nominee_add.html"

    def get_context_data(self, form=None, **kwargs):
        dossier = self.get_object()
        return super().get_context_data(
            dossier=dossier, nominee_form=form or NomineeForm(dossier=dossier, user=self.request.user), **kwargs)

    def post(self, request, pk):
        dossier = self.get_object()
        form = NomineeForm(request.POST, dossier=dossier, user=request.user)
        if not form.is_valid():
            form.add_error(None, "Chọn đối tượng và người, tập thể được đề nghị.")
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data = form.cleaned_data
        # one already proposed in the campaign is added only once the clerk has seen where (services/proposed.py)
        individual = data["subject_type"] == SubjectType.INDIVIDUAL
        subject = data["person"] if individual else data["organisation"]
        mark = proposed.already_proposed(dossier, request.user, person=subject if individual else None,
                                         organisation=None if individual else subject) if subject else ""
        if mark and not data["confirm_proposed"]:
            name = subject.full_name if individual else subject.name
            return self.render_to_response(self.get_context_data(
                form=form, proposed_warning=f"{name}: {mark[0].lower()}{mark[1:]}.", proposed_name=name))
        try:
            nomination = building.add_nominee(dossier, subject_type=data["subject_type"], person=data["person"],
                                              organisation=data["organisation"], household=data["household"],
                                              by=request.user,
                                              unregistered_reason=data["unregistered_reason"])
        except ValidationError as error:
            form.add_error(None, errors_of(error))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(request, f"Đã thêm {nomination.name}. Hãy điền báo cáo thành tích.")
        if mark:
            messages.warning(request, f"{nomination.name} {mark[0].lower()}{mark[1:]}: xem điều kiện “chưa được khen "
                                      "cùng thành tích” ở trang hồ sơ trước khi gửi.")
        return redirect("dossiers:report_edit", pk=nomination.pk)


class NominationMixin(ScopedObjectMixin):
    model = Nomination
    permission_required = "dossiers.change_dossier"

    def get_scoped_queryset(self):
        return Nomination.objects.filter(dossier__in=Dossier.objects.for_user(self.request.user)).select_related(
            "dossier__campaign__issuer", "dossier__organisation", "dossier__offer__award_form", "person",
            "organisation", "report")

    def get_permission_object(self):
        return self.get_object().dossier


class NomineeRemoveView(NominationMixin, View):
    def post(self, request, pk):
        nomination = self.get_object()
        dossier = nomination.dossier
        try:
            building.remove_nominee(nomination, by=request.user)
        except ValidationError as error:
            messages.error(request, errors_of(error))
        else:
            messages.success(request, f"Đã bỏ {nomination.name} khỏi hồ sơ.")
        return redirect(dossier)


class ReportEditView(SaveUnchangedMixin, NominationMixin, FormView):
    """Báo cáo thành tích Mẫu 08 of one nominee, with the criteria the unit confirms (refused, with what the clerk
    typed, when someone saved it since the page was opened: core.concurrency)."""

    form_class = ReportForm
    template_name = "dossiers/report_form.html"

    def get_permission_object(self):
        # reading is allowed to whoever sees the dossier; the form is only saved by its clerk
        return self.get_object().dossier

    def dispatch(self, request, *args, **kwargs):
        self.permission_required = "dossiers.change_dossier" if request.method == "POST" else \
            "dossiers.view_dossier"
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_object().report}

    def get_context_data(self, **kwargs):
        nomination = self.get_object()
        return super().get_context_data(
            nomination=nomination, dossier=nomination.dossier, targets=nomination.dossier.campaign.targets.all(),
            read_only=not self.request.user.has_perm("dossiers.change_dossier", nomination.dossier), **kwargs)

    def form_valid(self, form):
        try:
            building.save_report(form.instance, summary=form.cleaned_data["summary"],
                                 criteria=list(form.cleaned_data["criteria"]), by=self.request.user)
        except ValidationError as error:
            form.add_error(None, errors_of(error))
            return self.form_invalid(form)
        messages.success(self.request, f"Đã lưu báo cáo thành tích của {self.get_object().name}.")
        return redirect(self.get_object().dossier)


class DossierTransitionView(DossierMixin, View):
    """POST: submit, withdraw, start review, return, accept, send to council or leader…"""

    def get_permission_object(self):
        """Seeing the dossier is not enough: the action's own role is needed (403 otherwise), even
        before the method is looked at."""
        dossier = self.get_object()
        move = TRANSITIONS.get(dossier.state, {}).get(self.kwargs["action"])
        if self.kwargs["action"] not in ACTION_LABELS or self.kwargs["action"] in CONSEQUENCES:
            raise Http404  # not a move of its own: it follows the act it records
        if move is not None and not may_act(self.request.user, dossier, move[1], move[2]):
            raise PermissionDenied
        return dossier

    def post(self, request, pk, action):
        dossier = self.get_object()
        form = NoteForm(request.POST)
        note = form.cleaned_data["note"] if form.is_valid() else ""
        try:
            transition(dossier, action, by=request.user, note=note)
        except TransitionError as error:
            messages.warning(request, errors_of(error))
        except PermissionDenied:
            raise
        except ValidationError as error:
            messages.error(request, errors_of(error))
        else:
            messages.success(request, f"Đã thực hiện: {ACTION_LABELS.get(action, action).lower()}.")
        if request.user.has_perm("dossiers.review_dossier", dossier):
            return redirect("dossiers:review", pk=dossier.pk)
        return redirect(dossier)


class DossierVersionView(DossierMixin, TemplateView):
    """An earlier submission as the unit sent it (for the office to compare)."""

    template_name = "dossiers/dossier_version.html"

    def get_context_data(self, **kwargs):
        dossier = self.get_object()
        version = dossier.versions.filter(number=self.kwargs["number"]).first()
        if version is None:
            raise Http404
        return super().get_context_data(dossier=dossier, version=version, **kwargs)
