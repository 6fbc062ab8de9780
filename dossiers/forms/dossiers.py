"""Forms the clerk and the office use on a dossier. They validate; services do the writing."""
from django import forms
from django.utils.functional import cached_property

from awards.enums import ReportLayout, SubjectType
from awards.models import report_template
from campaigns.models import Campaign, CampaignAward, Criterion
from core.concurrency import VersionedFormMixin, Watched
from core.forms import NfcFormMixin, SignerFormMixin
from core.pickers import PickerField
from orgs.enums import Role
from orgs.forms import DATE_WIDGET, OrganisationChoiceField
from orgs.models import Organisation
from orgs.scope import membership_org_ids

from .. import pickers
from ..models import AchievementReport, Dossier, Nomination, NominationMeeting
from ..services.proposed import mark_text, proposed_elsewhere
from ..services.review import REASON_MISSING, VERDICTS


class DossierStartForm(forms.Form):
    unit = OrganisationChoiceField(queryset=Organisation.objects.none(), label="Đơn vị đề nghị")
    offer = forms.ModelChoiceField(queryset=CampaignAward.objects.none(), label="Phong trào – hình thức khen thưởng")
    from_registration = forms.BooleanField(
        label="Lập hồ sơ từ đăng ký: đưa vào những người, tập thể đã đăng ký hình thức này", required=False,
        initial=True, help_text="Theo đăng ký thi đua đã được tiếp nhận của đơn vị; sau đó bỏ người năm nay không "
                                "đạt, thêm người khác kèm lý do.")

    def __init__(self, *args, user, campaign=None, **kwargs):
        super().__init__(*args, **kwargs)
        units = Organisation.objects.filter(pk__in=membership_org_ids(user, [Role.CLERK])).order_by("path")
        self.fields["unit"].queryset = units
        campaigns = Campaign.objects.for_user(user).filter(status="launched")
        if campaign is not None:
            campaigns = campaigns.filter(pk=campaign.pk)
        self.fields["offer"].queryset = CampaignAward.objects.filter(campaign__in=campaigns).select_related(
            "campaign", "award_form").order_by("-campaign__period_start", "order")
        self.fields["offer"].label_from_instance = lambda o: (
            f"{o.campaign.plan_reference or o.campaign.title[:60]} – {o.award_form} ({o.copies_label})")
        if units.count() == 1:
            self.fields["unit"].initial = units.first()

    def clean(self):
        cleaned = super().clean()
        unit, offer = cleaned.get("unit"), cleaned.get("offer")
        if unit and offer and not offer.campaign.is_participant(unit):
            self.add_error("unit", f"“{unit}” không thuộc các đơn vị tham gia phong trào này.")
        return cleaned


class DossierInfoForm(VersionedFormMixin, SignerFormMixin, NfcFormMixin, forms.ModelForm):
    """The Tờ trình's details; saved only if nobody saved them since the page was opened."""

    class Meta:
        model = Dossier
        fields = ["memo_number", "memo_date", "sign_as", "signer_title", "signer_name", "meeting", "urgent", "note"]
        widgets = {"memo_date": DATE_WIDGET, "note": forms.Textarea(attrs={"rows": 3})}
        labels = {"signer_title": "Chức vụ người ký Tờ trình"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dossier = self.instance
        self.fields["meeting"].queryset = NominationMeeting.objects.filter(
            campaign=dossier.campaign, organisation=dossier.organisation)
        self.fields["meeting"].label = "Biên bản họp bình xét"


class NomineeForm(forms.Form):
    """Thêm người, tập thể: a person, a collective or a household of the dossier's unit, each picked with a
    combobox (pickers.NOMINEE_PEOPLE, NOMINEE_UNITS, NOMINEE_HOUSEHOLDS: the field and the search read one scope,
    and the search marks the people and units already proposed in the campaign). `proposed` lists, before anything
    is chosen, everyone of the unit already proposed elsewhere in the campaign."""

    subject_type = forms.ChoiceField(label="Đối tượng", choices=[])
    person = PickerField(pickers.NOMINEE_PEOPLE, required=False, label="Cá nhân")
    organisation = PickerField(pickers.NOMINEE_UNITS, required=False, label="hoặc tập thể")
    household = PickerField(pickers.NOMINEE_HOUSEHOLDS, required=False, label="hoặc hộ gia đình")
    unregistered_reason = forms.CharField(
        label="Lý do đề nghị ngoài đăng ký (nếu người, tập thể này không đăng ký thi đua)", max_length=300,
        required=False)
    # set by the page once the clerk has seen that the one chosen is already proposed in the campaign
    confirm_proposed = forms.BooleanField(required=False)

    def __init__(self, *args, dossier, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.dossier, self.user = dossier, user
        allowed = [s for s in dossier.offer.award_form.subject_types
                   if not dossier.campaign.eligible_subject_types or s in dossier.campaign.eligible_subject_types]
        self.fields["subject_type"].choices = [(s, SubjectType(s).label) for s in allowed
                                               if s in SubjectType.values]
        for name in ("person", "organisation", "household"):
            self.fields[name].scope(user, dossier=dossier)
            self.fields[name].widget.attrs["class"] = "form-control"

    @property
    def chosen(self):
        """The submitted subject type (as text), to show it chosen again when the form comes back."""
        return {"subject_type": str(self["subject_type"].value() or "")}

    @cached_property
    def proposed(self):
        """[(name, mark)] of the unit's people and collectives the clerk may still add who are already proposed in
        another dossier of the campaign: listed under the form, before the clerk chooses (two queries)."""
        people, units = self.fields["person"].queryset, self.fields["organisation"].queryset
        marks = proposed_elsewhere(self.dossier, self.user, people=people, units=units)
        if not marks:
            return []
        names = {("person", row.pk): row.full_name
                 for row in people.filter(pk__in=[pk for kind, pk in marks if kind == "person"])}
        names.update({("unit", row.pk): row.name
                      for row in units.filter(pk__in=[pk for kind, pk in marks if kind == "unit"])})
        return [(names[key], mark_text(texts)) for key, texts in marks.items() if key in names]


class ReportForm(VersionedFormMixin, NfcFormMixin, forms.ModelForm):
    """Mẫu 08: the fields depend on whether the nominee is a person or a collective. Saved only if nobody saved the
    report, its summary or its confirmed criteria since the page was opened."""

    summary = forms.CharField(label="Tóm tắt thành tích (in trong danh sách kèm Tờ trình)", max_length=500,
                              required=False)
    criteria = forms.ModelMultipleChoiceField(queryset=Criterion.objects.none(), required=False,
                                              widget=forms.CheckboxSelectMultiple,
                                              label="Tiêu chuẩn đơn vị xác nhận đã đạt")

    INDIVIDUAL = ["position", "qualification", "hometown", "duties"]
    COLLECTIVE = ["address", "phone", "structure", "headcount", "functions"]
    HOUSEHOLD = ["address", "functions"]
    RATING = ["rating_year", "rating", "rating_decision_number", "rating_decision_date"]
    COMMON = ["measures", "results", "initiatives", *RATING, "under_discipline"]

    class Meta:
        model = AchievementReport
        fields = ["position", "qualification", "hometown", "duties", "career", "address", "phone", "structure",
                  "headcount", "functions", "measures", "results", "initiatives", "rating_year", "rating",
                  "rating_decision_number", "rating_decision_date", "under_discipline"]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in
                   ("duties", "career", "structure", "functions", "measures", "results", "initiatives")}
        widgets["rating_decision_date"] = DATE_WIDGET

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nomination = self.instance.nomination
        keep = {SubjectType.INDIVIDUAL: self.INDIVIDUAL, SubjectType.HOUSEHOLD: self.HOUSEHOLD}.get(
            nomination.subject_type, self.COLLECTIVE) + self.COMMON
        # what the form of the award's loại hình asks (AchievementReport.layout): no rating for an đột xuất act,
        # the career for a cống hiến award
        self.layout = self.instance.layout
        campaign = nomination.dossier.campaign
        # the number of the form the profile prescribes ("Mẫu số 08"; "" when it names none for this kind)
        self.form_label = report_template(campaign.legal_profile, campaign.award_type, nomination.subject_type).label
        if self.layout == ReportLayout.SUDDEN:
            keep = [name for name in keep if name not in self.RATING]
        if self.layout == ReportLayout.CONTRIBUTION:
            keep.append("career")
        for name in list(self.fields):
            if name in self.Meta.fields and name not in keep:
                del self.fields[name]
        self.fields["criteria"].queryset = nomination.dossier.campaign.criteria.filter(
            subject_type=nomination.subject_type)
        self.fields["criteria"].initial = list(nomination.criteria_confirmed.all())
        self.fields["summary"].initial = nomination.summary
        self.fields["results"].label = {
            ReportLayout.SUDDEN: "Thành tích xuất sắc đột xuất",
            ReportLayout.CONTRIBUTION: "Thành tích đạt được trong quá trình công tác",
        }.get(self.layout, self.fields["results"].label)
        self.fields["results"].help_text = {
            ReportLayout.SUDDEN: "Tóm tắt hành động, thành tích xuất sắc đột xuất: thời gian, địa điểm, kết quả, ý "
                                 "nghĩa.",
            ReportLayout.CONTRIBUTION: "Thành tích chủ yếu qua các thời kỳ công tác.",
            ReportLayout.MERIT: "Kết quả thực hiện nhiệm vụ được giao, nêu số liệu cụ thể.",
        }.get(self.layout, "Đối chiếu với các chỉ tiêu của phong trào, nêu số liệu cụ thể.")
        if nomination.subject_type == SubjectType.HOUSEHOLD:
            self.fields["functions"].label = "Lĩnh vực hoạt động, hoàn cảnh gia đình"
        if "rating_year" in self.fields:
            self.fields["rating_year"].widget.attrs["placeholder"] = str(nomination.dossier.campaign.period_start.year)

    def watched(self):
        nomination = Nomination.objects.filter(pk=self.instance.nomination_id)
        return [*super().watched(), Watched(nomination, ("summary", "criteria_confirmed"))]

    def saved_elsewhere(self):
        nomination = Nomination.objects.get(pk=self.instance.nomination_id)
        return {"summary": nomination.summary, "criteria": list(nomination.criteria_confirmed.all())}

    def clean_rating_year(self):
        year = self.cleaned_data.get("rating_year")
        if year and not 2000 <= year <= 2100:
            raise forms.ValidationError("Năm xếp loại không hợp lệ.")
        return year


class NoteForm(forms.Form):
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class VerdictForm(forms.Form):
    """The office's verdict on one nominee: one radio group (đạt / không đạt / cần bổ sung) and the reason the
    chosen verdict needs (services/review.py); accepting despite a warning also needs a reason (the service)."""

    verdict = forms.ChoiceField(label="Kết luận", choices=VERDICTS, widget=forms.RadioSelect, error_messages={
        "required": "Chọn kết luận: đạt, không đạt hoặc cần bổ sung.",
        "invalid_choice": "Kết luận không hợp lệ."})
    reason = forms.CharField(label="Lý do", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    override_reason = forms.CharField(label="Lý do vẫn chấp nhận dù có cảnh báo", required=False,
                                      widget=forms.Textarea(attrs={"rows": 2}))

    def clean(self):
        data = super().clean()
        verdict = data.get("verdict")
        if verdict in REASON_MISSING and not (data.get("reason") or "").strip():
            self.add_error("reason", REASON_MISSING[verdict])
        return data
