"""Forms of the council's sessions: open a session, the ballots table, close with a conclusion."""
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms

from awards.enums import BallotType, VoteDenominator
from campaigns.enums import CampaignStatus
from campaigns.models import Campaign
from core.forms import NfcFormMixin

from ..models import CouncilSession
from ..services import council as service
from .meetings import DATETIME_FORMATS, CampaignChoiceField, NomineeRowsMixin, add_service_errors

__all__ = ["SessionForm", "BallotFormSet", "CloseForm", "add_service_errors"]


class SessionForm(NfcFormMixin, forms.ModelForm):
    """Mở phiên họp: cơ quan, phong trào (tùy chọn), thời gian, địa điểm, thành phần."""

    campaign = CampaignChoiceField(queryset=Campaign.objects.none(), label="Phong trào thi đua", required=False,
                                   empty_label="Tất cả phong trào của cơ quan",
                                   help_text="Để trống: Hội đồng xét mọi hồ sơ đã trình Hội đồng của cơ quan.")
    held_at = forms.DateTimeField(
        label="Thời gian họp", input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(format="%d/%m/%Y %H:%M",
                                   attrs={"placeholder": "dd/mm/yyyy hh:mm", "autocomplete": "off"}),
        help_text="Ví dụ: 12/08/2025 08:30.",
        error_messages={"invalid": "Nhập thời gian theo dạng dd/mm/yyyy hh:mm, ví dụ 12/08/2025 08:30."})

    class Meta:
        model = CouncilSession
        fields = ["issuer", "campaign", "held_at", "place", "chair", "secretary", "members_total",
                  "members_present", "absentees"]
        widgets = {"absentees": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "chair": "Họ tên, chức vụ. Ví dụ: Nguyễn Văn Hải – Giám đốc Sở, Chủ tịch Hội đồng.",
            "secretary": "Họ tên, chức vụ.",
            "members_present": "Phải quá nửa tổng số thành viên Hội đồng.",
            "absentees": "Họ tên và lý do vắng mặt, mỗi người một dòng; ghi rõ ai gửi ý kiến bằng văn bản.",
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        bodies = service.office_bodies(user)
        self.fields["issuer"].queryset = bodies
        self.fields["issuer"].label = "Cơ quan (Hội đồng TĐKT của)"
        self.fields["campaign"].queryset = Campaign.objects.filter(issuer__in=bodies).exclude(
            status=CampaignStatus.DRAFT).order_by("-period_start", "-pk")
        for name in ("members_total", "members_present"):
            self.fields[name].widget.attrs["min"] = 1
        only = list(bodies[:2])
        if len(only) == 1 and not self.initial.get("issuer"):
            self.initial["issuer"] = only[0].pk
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Fieldset("Phiên họp", "issuer", "campaign", Row(Column("held_at", css_class="col-md-4")), "place",
                     css_class="portal-fieldset"),
            Fieldset("Thành phần",
                     Row(Column("chair", css_class="col-md-6"), Column("secretary", css_class="col-md-6")),
                     Row(Column("members_total", css_class="col-md-4"),
                         Column("members_present", css_class="col-md-4")),
                     "absentees", css_class="portal-fieldset"),
        )

    def save(self, commit=True, *, by):
        """Open the session through the service; its refusals come back as errors on this form."""
        return service.open_session(self.instance, by=by)


class BallotRowForm(forms.Form):
    """One agenda nominee's ballot."""

    nomination = forms.IntegerField(widget=forms.HiddenInput)
    ballot_type = forms.ChoiceField(label="Hình thức", choices=BallotType.choices)
    votes_for = forms.IntegerField(label="Đồng ý", min_value=0, required=False)
    votes_against = forms.IntegerField(label="Không đồng ý", min_value=0, required=False)
    votes_abstain = forms.IntegerField(label="Không biểu quyết", min_value=0, required=False)
    written_votes_for = forms.IntegerField(label="Đồng ý bằng văn bản", min_value=0, required=False)

    COUNTS = ("votes_for", "votes_against", "votes_abstain", "written_votes_for")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.COUNTS:
            self.fields[name].widget.attrs.update({"class": "form-control form-control-sm text-end",
                                                   "style": "width: 5.5rem", "inputmode": "numeric"})
            self.fields[name].error_messages["min_value"] = "Số phiếu không được âm."
            self.fields[name].error_messages["invalid"] = "Nhập một số nguyên."
        self.fields["ballot_type"].widget.attrs.update(
            {"class": "form-select form-select-sm", "style": "min-width: 10.5rem"})  # "Bỏ phiếu kín" fits
        self.row = None

    @property
    def counts_written_votes(self):
        return bool(self.row and self.row.award_form.vote_denominator == VoteDenominator.ALL)

    def clean(self):
        cleaned = super().clean()
        others = any(cleaned.get(name) for name in self.COUNTS[1:])
        if cleaned.get("votes_for") is None and others:
            self.add_error("votes_for", "Nhập số phiếu đồng ý (có thể là 0).")
        return cleaned

    @property
    def is_blank(self):
        return self.cleaned_data.get("votes_for") is None


class BaseBallotFormSet(NomineeRowsMixin, forms.BaseFormSet):
    """The ballots table: one row per agenda nominee (`rows`: AgendaRow). A row left blank is not
    recorded (its ballot, if any, stays as it was)."""

    stale_row_message = "Người, tập thể này không còn trong danh sách Hội đồng xét: tải lại trang."

    @staticmethod
    def _initial(row):
        ballot = row.ballot
        initial = {"nomination": row.nomination.pk,
                   "ballot_type": ballot.ballot_type if ballot else row.award_form.ballot_type}
        for name in BallotRowForm.COUNTS:
            initial[name] = getattr(ballot, name) if ballot else None
        return initial

    def service_rows(self):
        """Keyword rows for services.council.record_ballots, from a valid formset (blank rows left out)."""
        rows = []
        for form in self.forms:
            if form.is_blank:
                continue
            data = form.cleaned_data
            rows.append({"nomination": form.row.nomination, "ballot_type": data["ballot_type"],
                         "votes_for": data["votes_for"], "votes_against": data["votes_against"] or 0,
                         "votes_abstain": data["votes_abstain"] or 0,
                         "written_votes_for": data["written_votes_for"] or 0})
        return rows


BallotFormSet = forms.formset_factory(BallotRowForm, formset=BaseBallotFormSet, extra=0)


class CloseForm(NfcFormMixin, forms.Form):
    conclusion = forms.CharField(label="Kết luận của phiên họp", required=False,
                                 widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}))
