"""Forms of the campaign editor: general information, and one formset per section of the plan."""
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.forms import inlineformset_factory
from django.utils.functional import cached_property

from awards.enums import SubjectType
from awards.models import AwardForm, LegalBasisProfile
from core.concurrency import VersionedFormMixin, VersionedFormSetMixin, Watched
from core.forms import NfcFormMixin, SignerFormMixin
from core.pickers import PickerField, PickerMultipleField, prime_rows
from orgs.enums import OrgKind
from orgs.forms import DATE_WIDGET, OrganisationChoiceField
from orgs.models import EmulationBloc, Organisation
from orgs.pickers import ADMIN_UNITS

from .enums import CampaignKind, QuotaKind, ReminderKind
from .models import (
    Campaign,
    CampaignAward,
    CampaignParticipant,
    Criterion,
    DossierComponent,
    PlanTask,
    QuotaOverride,
    ReminderRule,
    Target,
    award_type_of,
)
from .pickers import CAMPAIGN_UNITS, REGISTRATION_PEOPLE, REGISTRATION_UNITS
from .services.campaigns import basis_date, legal_profile_check, profile_in_force

TEXTAREA = forms.Textarea(attrs={"rows": 3})


def grouped_helper(*groups):
    """A crispy helper laying a long form out in titled groups (no <form> tag of its own)."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    helper.layout = Layout(*[Fieldset(title, *fields, css_class="portal-fieldset") for title, *fields in groups])
    return helper
SMALL_TEXTAREA = forms.Textarea(attrs={"rows": 2})


class AmendmentForm(forms.Form):
    """The reason a launched campaign's plan is changed (kept in the amendment log)."""

    reason = forms.CharField(label="Lý do sửa đổi", widget=SMALL_TEXTAREA, required=False,
                             help_text="Bắt buộc khi kế hoạch đã phát động; được lưu vào lịch sử sửa đổi.")

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, prefix="amend", **kwargs)
        self.campaign = campaign
        self.reason_required = not campaign.is_editable_freely

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if self.reason_required and not reason:
            raise forms.ValidationError("Kế hoạch đã phát động: phải ghi lý do sửa đổi.")
        return reason


class CampaignForm(VersionedFormMixin, SignerFormMixin, NfcFormMixin, forms.ModelForm):
    issuer = PickerField(ADMIN_UNITS, label="Cơ quan phát động")
    eligible_subject_types = forms.MultipleChoiceField(
        label="Đối tượng được khen", choices=SubjectType.choices, widget=forms.CheckboxSelectMultiple,
        required=False)
    eligible_org_kinds = forms.MultipleChoiceField(
        label="Loại đơn vị được khen (để trống: mọi loại)", choices=OrgKind.choices, required=False,
        widget=forms.CheckboxSelectMultiple)
    legal_profile = forms.ModelChoiceField(
        queryset=LegalBasisProfile.objects.all(), required=False, label="Bộ căn cứ pháp lý",
        help_text="Để trống: tự chọn bộ căn cứ có hiệu lực vào ngày ban hành kế hoạch.")
    # shown with the warning when the chosen profile was not in force on the plan's date (campaign_form.html)
    keep_profile = forms.BooleanField(required=False, label="Vẫn dùng bộ căn cứ đã chọn")

    class Meta:
        model = Campaign
        fields = ["kind", "award_type", "issuer", "title", "citation", "theme", "plan_number", "plan_symbol",
                  "plan_date",
                  "sign_as", "signer_title", "signer_name", "period_start", "period_end", "period_end_text",
                  "summary_deadline", "dossier_deadline", "legal_profile", "plan_bases", "eligible_subject_types",
                  "eligible_org_kinds", "purpose", "requirements", "tasks_text", "awards_guidance",
                  "implementation"]
        widgets = {
            "plan_date": DATE_WIDGET, "period_start": DATE_WIDGET, "period_end": DATE_WIDGET,
            "summary_deadline": DATE_WIDGET, "dossier_deadline": DATE_WIDGET,
            "theme": SMALL_TEXTAREA, "plan_bases": TEXTAREA, "purpose": TEXTAREA, "requirements": TEXTAREA,
            "tasks_text": TEXTAREA, "awards_guidance": TEXTAREA, "implementation": TEXTAREA,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound and str(self.data.get("use_proposed", "")).isdigit():  # "Dùng bộ căn cứ đề xuất"
            self.data = self.data.copy()
            self.data["legal_profile"] = self.data["use_proposed"]
        # the legal-basis profile against the plan's date: a warning (ProfileCheck) and the profile filled in
        self.profile_check = None if self.is_bound or not self.instance.pk else legal_profile_check(self.instance)
        self.profile_filled = None
        self.helper = grouped_helper(
            ("Kế hoạch", Row(Column("kind", css_class="col-md-6"), Column("award_type", css_class="col-md-6")),
             "issuer", "title", "citation", "theme",
             Row(Column("plan_number", css_class="col-md-3"), Column("plan_symbol", css_class="col-md-3"),
                 Column("plan_date", css_class="col-md-3"))),
            ("Người ký", Row(*[Column(name, css_class="col-md-4")
                               for name in ("sign_as", "signer_title", "signer_name")])),
            ("Thời gian và hạn",
             Row(Column("period_start", css_class="col-md-3"), Column("period_end", css_class="col-md-3"),
                 Column("period_end_text", css_class="col-md-6")),
             Row(*[Column(name, css_class="col-md-3") for name in ("summary_deadline", "dossier_deadline")])),
            ("Đối tượng và căn cứ", "legal_profile", "plan_bases", "eligible_subject_types", "eligible_org_kinds"),
            ("Nội dung kế hoạch", "purpose", "requirements", "tasks_text", "awards_guidance", "implementation"),
        )
        self.helper.render_hidden_fields = True  # the version token (VersionedFormMixin)
        self.fields["plan_symbol"].help_text = "Ví dụ: KH-SNV. Để trống: tự điền KH-[ký hiệu của cơ quan]."
        self.user = user
        self.fields["issuer"].scope(user)
        self.fields["kind"].choices = CampaignKind.choices
        self.fields["award_type"].required = False
        self.fields["award_type"].help_text = (
            "Chỉ chọn với “Khen thưởng ngoài phong trào”: đề nghị khen thưởng đột xuất, cống hiến, niên hạn… nhận "
            "quanh năm, không có kế hoạch, đăng ký hay hạn nộp. Phong trào hằng năm: thường xuyên; theo đợt, "
            "chuyên đề: theo đợt, chuyên đề (tự điền).")

    def clean(self):
        cleaned = super().clean()
        issuer, symbol = cleaned.get("issuer"), cleaned.get("plan_symbol")
        if issuer and cleaned.get("plan_number") and not symbol and issuer.abbreviation:
            cleaned["plan_symbol"] = f"KH-{issuer.abbreviation}"
            self.instance.plan_symbol = cleaned["plan_symbol"]
        self._check_profile(cleaned)
        # a campaign's loại hình follows its kind; a track's empty choice is "đột xuất" (Campaign.save does the same)
        cleaned["award_type"] = award_type_of(cleaned.get("kind"), cleaned.get("award_type") or "")
        return cleaned

    def _check_profile(self, cleaned):
        """The legal-basis profile must have been in force on the plan's date (its căn cứ lines print in the
        plan): none chosen, the one in force is filled in; one that was not in force is refused with the warning
        and the proposal, unless the planner ticks "Vẫn dùng…" or the campaign was saved so already."""
        plan = Campaign(plan_date=cleaned.get("plan_date"), period_start=cleaned.get("period_start"))
        profile = cleaned.get("legal_profile")
        if profile is None:
            cleaned["legal_profile"] = self.profile_filled = profile_in_force(basis_date(plan))
            return
        self.profile_check = legal_profile_check(plan, profile)
        if self.profile_check is None or cleaned.get("keep_profile"):
            return
        saved = self.instance.pk and (self.instance.legal_profile_id, basis_date(self.instance)) == (
            profile.pk, basis_date(plan))
        if not saved:
            self.add_error("legal_profile", "Bộ căn cứ này không có hiệu lực vào ngày ban hành kế hoạch: chọn bộ căn "
                                            "cứ đề xuất, hoặc đánh dấu “Vẫn dùng bộ căn cứ đã chọn”.")


def bootstrap(form):
    """Compact Bootstrap classes on every widget of a table row."""
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-check-input")
        elif isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "form-select form-select-sm")
        else:
            widget.attrs.setdefault("class", "form-control form-control-sm")
        if name == "order":
            widget.attrs.setdefault("style", "width: 4.5rem")
        if name in ("copies", "days", "max_times", "max_count", "quarter"):
            widget.attrs.setdefault("style", "width: 6rem")


# the fields of a row that choose units: limited to the campaign's province as the user sees it
UNIT_FIELDS = ("organisation", "responsible", "cooperating")


def campaign_units(user, campaign):
    """The units a campaign's rows may name: current units the user sees, in the issuer's province only (a
    campaign never enrols, tasks or sets a quota for another province's unit)."""
    units = Organisation.objects.for_user(user).current().order_by("path")
    if campaign is not None and campaign.issuer_id:
        units = units.filter(path__startswith=campaign.issuer.province_path())
    return units


class RowForm(forms.ModelForm):
    """A formset row: Bootstrap-styled, text normalised to NFC by the model; `units` (user, campaign) limits its
    unit pickers to campaign_units (pickers.CAMPAIGN_UNITS), so that a posted id outside them is refused."""

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            user, campaign = units
            for name in UNIT_FIELDS:
                if name in self.fields:
                    self.fields[name].scope(user, campaign=campaign)
        bootstrap(self)


class SectionFormSet(VersionedFormSetMixin, forms.BaseInlineFormSet):
    """Section formsets: rows ordered as typed, empty rows ignored; rows choose units of the campaign's
    province that the user sees. One version token for the section's rows: a save is refused when someone saved
    the section since the page was opened (core.concurrency)."""

    def __init__(self, *args, **kwargs):
        self.user = kwargs.pop("user", None)
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if self.user is not None:
            kwargs["units"] = (self.user, self.campaign())
        return kwargs

    def campaign(self):
        return self.instance

    @cached_property
    def forms(self):
        """The rows, the labels of the units they name read in one query (core.pickers.prime_rows)."""
        return prime_rows(super().forms, UNIT_FIELDS)


def section_formset(model, fields, *, widgets=None, form=RowForm, extra=2, formset=SectionFormSet,
                    labels=None):
    return inlineformset_factory(Campaign, model, form=form, formset=formset, fields=fields, extra=extra,
                                 can_delete=True, widgets=widgets, labels=labels)


TargetFormSet = section_formset(Target, ["order", "text", "value", "unit", "measured_on"],
                                widgets={"text": SMALL_TEXTAREA})
CriterionFormSet = section_formset(Criterion, ["subject_type", "order", "text", "is_blocking"],
                                   widgets={"text": SMALL_TEXTAREA}, extra=3)
ComponentFormSet = section_formset(DossierComponent, ["order", "kind", "name", "per_nominee", "required"])
class ReminderRuleForm(RowForm):
    """The kinds and columns in words: the model's labels say "N ngày", "M lần" for the two number columns."""

    KINDS = {ReminderKind.BEFORE: "Trước hạn nộp hồ sơ (số ngày)",
             ReminderKind.AFTER: "Sau hạn, nhắc hằng ngày (tối đa số lần)",
             ReminderKind.RETURNED: "Hồ sơ bị trả lại chưa nộp lại (sau số ngày)"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(value, self.KINDS.get(value, label))
                                       for value, label in self.fields["kind"].choices]


ReminderRuleFormSet = section_formset(ReminderRule, ["kind", "days", "max_times", "audience", "is_active"],
                                      form=ReminderRuleForm,
                                      labels={"days": "Số ngày", "max_times": "Nhắc tối đa (lần)"})


class CampaignAwardForm(RowForm):
    class Meta:
        model = CampaignAward
        fields = ["order", "award_form", "council_vote", "copies", "quota_kind", "quota_value", "quota_base",
                  "quota_source", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        active = AwardForm.objects.filter(is_active=True)
        self.fields["award_form"].queryset = active
        self.fields["quota_base"].queryset = active
        self.fields["quota_kind"].choices = QuotaKind.choices


class AwardFormSet(SectionFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            award_form = form.cleaned_data.get("award_form")
            if award_form in seen:
                form.add_error("award_form", "Hình thức này đã có ở dòng trên.")
            seen.add(award_form)


CampaignAwardFormSet = section_formset(CampaignAward, CampaignAwardForm.Meta.fields, form=CampaignAwardForm,
                                       formset=AwardFormSet)


class ParticipantForm(RowForm):
    organisation = PickerField(CAMPAIGN_UNITS, label="Cơ quan, đơn vị")

    class Meta:
        model = CampaignParticipant
        fields = ["organisation", "include_subtree"]


class BaseParticipantFormSet(SectionFormSet):
    def watched(self):
        """The units and the blocs taking part: the page edits both."""
        campaign = Campaign.objects.filter(pk=self.instance.pk)
        return [*super().watched(), Watched(campaign, ("participant_blocs",))]


ParticipantFormSet = section_formset(CampaignParticipant, ["organisation", "include_subtree"],
                                     form=ParticipantForm, extra=3, formset=BaseParticipantFormSet)


class BlocsForm(forms.Form):
    blocs = forms.ModelMultipleChoiceField(queryset=EmulationBloc.objects.none(),
                                           required=False, label="Khối, cụm thi đua tham gia",
                                           widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, campaign, user, **kwargs):
        kwargs.setdefault("initial", {"blocs": list(campaign.participant_blocs.all())})
        super().__init__(*args, prefix="blocs", **kwargs)
        self.fields["blocs"].queryset = EmulationBloc.objects.for_user(user).filter(
            is_active=True, organiser__path__startswith=campaign.issuer.province_path())


class PlanTaskForm(NfcFormMixin, RowForm):
    responsible = PickerMultipleField(CAMPAIGN_UNITS, required=False, label="Đơn vị chủ trì")
    cooperating = PickerMultipleField(CAMPAIGN_UNITS, required=False, label="Đơn vị phối hợp")

    class Meta:
        model = PlanTask
        fields = ["quarter", "order", "content", "responsible", "cooperating", "responsible_note", "due_date",
                  "status", "done_on"]
        widgets = {"content": SMALL_TEXTAREA, "due_date": DATE_WIDGET, "done_on": DATE_WIDGET}

    def clean(self):
        cleaned = super().clean()
        campaign = self.instance.campaign if self.instance.campaign_id else None
        due = cleaned.get("due_date")
        end = campaign.period_end if campaign else None  # none: the plan ends with an event
        if campaign and due and (due < campaign.period_start or (end and due > end)):
            self.add_error("due_date", f"Hạn hoàn thành phải trong thời gian của kế hoạch ({campaign.period_label}).")
        return cleaned


PlanTaskFormSet = section_formset(PlanTask, PlanTaskForm.Meta.fields, form=PlanTaskForm, extra=3)


class QuotaOverrideForm(RowForm):
    organisation = PickerField(CAMPAIGN_UNITS, label="Đơn vị")

    class Meta:
        model = QuotaOverride
        fields = ["organisation", "max_count"]


class BaseQuotaOverrideFormSet(SectionFormSet):
    """A unit's own quota: the units of the campaign's province the user sees. Saving locks the campaign, as
    every section does (save_section)."""

    def version_lock(self):
        return Campaign.objects.filter(pk=self.instance.campaign_id)

    def campaign(self):
        return self.instance.campaign


QuotaOverrideFormSet = inlineformset_factory(CampaignAward, QuotaOverride, form=QuotaOverrideForm,
                                             formset=BaseQuotaOverrideFormSet,
                                             fields=["organisation", "max_count"], extra=2, can_delete=True)


class CampaignFilterForm(forms.Form):
    kind = forms.ChoiceField(label="Loại", required=False, choices=[("", "Tất cả")] + list(CampaignKind.choices))
    nam = forms.IntegerField(label="Năm", required=False, min_value=2000, max_value=2100)
    co_quan = OrganisationChoiceField(queryset=Organisation.objects.none(), required=False,
                                      label="Cơ quan phát động", empty_label="Tất cả")
    trang_thai = forms.ChoiceField(label="Trạng thái", required=False, choices=[("", "Tất cả")])

    def __init__(self, *args, user, **kwargs):
        from .enums import CampaignStatus

        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["trang_thai"].choices = [("", "Tất cả")] + list(CampaignStatus.choices)
        self.fields["co_quan"].queryset = Organisation.objects.filter(
            issued_campaigns__in=Campaign.objects.for_user(user)).distinct().order_by("path")
        for name, field in self.fields.items():
            field.widget.attrs["class"] = "form-control" if name == "nam" else "form-select"


class CopyForm(forms.Form):
    title = forms.CharField(label="Tên phong trào mới", max_length=500)
    years = forms.IntegerField(label="Dời các mốc thời gian thêm (năm)", min_value=0, max_value=5, initial=1)


# --- Registration (đăng ký thi đua) ----------------------------------------------------------------
# Imported here rather than at the top so that this section stays self-contained.
from .models import Registration, RegistrationEntry  # noqa: E402
from .services.registrations import registrable_forms, registrable_types  # noqa: E402


def registration_choices(registration):
    """The short lists of one registration, computed once per formset (not once per row): the subject types and
    award forms a line may name (services.registrations, which the Excel import checks against too). The person
    and the collective are pickers (pickers.REGISTRATION_PEOPLE, REGISTRATION_UNITS): a big unit's thousands of
    people are searched, never listed."""
    campaign = registration.campaign
    labels = dict(SubjectType.choices)
    subject_types = [(value, labels[value]) for value in registrable_types(campaign)]
    award_forms = registrable_forms(campaign).order_by("-category", "order", "name")

    def award_label(form):
        return f"{form.name} ({form.get_category_display().lower()})"

    blank = [("", "---------")]
    return {
        "subject_type": blank + subject_types,
        "award_form": (award_forms, blank + [(f.pk, award_label(f)) for f in award_forms]),
    }


REGISTRATION_PICKERS = ("person", "organisation")


class RegistrationEntryForm(NfcFormMixin, forms.ModelForm):
    """One line: a person or a collective of the unit, aiming at one title or award form. The person and the
    collective are picked in the registering unit's people and units (campaigns.pickers, the same scope as the
    search): another unit's id is a form error."""

    person = PickerField(REGISTRATION_PEOPLE, required=False, label="Cá nhân")
    organisation = PickerField(REGISTRATION_UNITS, required=False, label="Tập thể")

    class Meta:
        model = RegistrationEntry
        fields = ["subject_type", "person", "organisation", "award_form", "target_note"]
        widgets = {"target_note": forms.TextInput(attrs={"placeholder": "Ví dụ: hoàn thành xuất sắc nhiệm vụ"})}
        error_messages = {
            "subject_type": {"required": "Chọn đối tượng (cá nhân hoặc tập thể).",
                             "invalid_choice": "Đối tượng không hợp lệ."},
            "award_form": {"required": "Chọn danh hiệu hoặc hình thức khen thưởng.",
                           "invalid_choice": "Danh hiệu, hình thức này không có trong phong trào."},
        }

    OUTSIDE = {"person": "Cá nhân này không thuộc đơn vị đăng ký (hoặc đã thôi công tác).",
               "organisation": "Tập thể này không thuộc đơn vị đăng ký."}

    def __init__(self, *args, choices, user, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject_type"].choices = choices["subject_type"]
        queryset, options = choices["award_form"]
        self.fields["award_form"].queryset = queryset  # validation: only these rows
        self.fields["award_form"].choices = options  # rendering: the list computed once
        for name in REGISTRATION_PICKERS:
            self.fields[name].scope(user, unit=unit)
            outside = self.OUTSIDE[name]
            self.fields[name].error_messages.update(invalid_choice=outside, invalid_pk_value=outside)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm" if isinstance(
                field.widget, forms.Select) else "form-control form-control-sm"

    def clean(self):
        cleaned = super().clean()
        # keep only the subject that matches the type chosen (the other picker may hold a stale value)
        if cleaned.get("subject_type") == SubjectType.INDIVIDUAL:
            cleaned["organisation"] = None
        elif cleaned.get("subject_type"):
            cleaned["person"] = None
        return cleaned


class BaseRegistrationEntryFormSet(VersionedFormSetMixin, forms.BaseInlineFormSet):
    """The unit's registration: one version token for its note and entries (core.concurrency). `user`: the clerk,
    whose units (the registration's among them) scope the rows' pickers."""

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        self.choice_sets = registration_choices(self.instance)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "choices": self.choice_sets, "user": self.user,
                "unit": self.instance.organisation}

    @cached_property
    def forms(self):
        """The rows, the labels of the people and units they name read in one query each (core.pickers.prime_rows)."""
        return prime_rows(super().forms, REGISTRATION_PICKERS)

    def version_lock(self):
        """The unit's registration found by campaign and unit: a colleague's first save, which creates it, counts."""
        return Registration.objects.filter(campaign=self.instance.campaign_id,
                                           organisation=self.instance.organisation_id)

    def watched(self):
        registration = self.version_lock()
        entries = RegistrationEntry.objects.filter(registration__in=registration)
        return [Watched(registration, ("note",)), Watched(entries, tuple(RegistrationEntryForm.Meta.fields))]

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs["class"] = "form-check-input"

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            key = (data.get("subject_type"), data.get("person"), data.get("organisation"), data.get("award_form"))
            if key in seen:
                form.add_error(None, "Dòng này trùng với một dòng ở trên (cùng đối tượng, cùng danh hiệu, "
                                     "hình thức).")
            seen.add(key)


RegistrationEntryFormSet = inlineformset_factory(
    Registration, RegistrationEntry, form=RegistrationEntryForm, formset=BaseRegistrationEntryFormSet,
    fields=RegistrationEntryForm.Meta.fields, extra=3, can_delete=True)


class RegistrationNoteForm(NfcFormMixin, forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["note"]
        widgets = {"note": SMALL_TEXTAREA}


class ReturnForm(NfcFormMixin, forms.Form):
    """Trả lại đăng ký: the reason the unit will read."""

    reason = forms.CharField(label="Lý do trả lại", widget=TEXTAREA,
                             error_messages={"required": "Phải ghi lý do trả lại."},
                             help_text="Đơn vị sẽ thấy lý do này khi sửa và gửi lại đăng ký.")
