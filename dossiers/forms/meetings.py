"""Forms of the Biên bản họp bình xét: the meeting itself, and the table of votes per nominee."""
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.core.exceptions import ValidationError

from campaigns.models import Campaign
from core.concurrency import VersionedFormMixin
from core.forms import NfcFormMixin
from core.pickers import PickerField

from .. import pickers
from ..models import NominationMeeting
from ..services import meetings as service

DATETIME_FORMATS = ["%d/%m/%Y %H:%M", "%H:%M %d/%m/%Y", "%d/%m/%Y %H:%M:%S"]
TEXTAREA = forms.Textarea(attrs={"rows": 3})


class CampaignChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        reference = f" ({obj.plan_reference})" if obj.plan_reference else ""
        return f"{obj.title}{reference}"


class MeetingForm(VersionedFormMixin, NfcFormMixin, forms.ModelForm):
    """Thông tin chung của biên bản: thời gian, địa điểm, thành phần, hình thức biểu quyết, kết luận (an edit is
    refused when someone saved it since the page was opened: core.concurrency)."""

    campaign = CampaignChoiceField(queryset=Campaign.objects.none(), label="Phong trào thi đua")
    organisation = PickerField(pickers.CLERK_UNITS, label="Đơn vị họp bình xét")
    held_at = forms.DateTimeField(
        label="Thời gian họp", input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(format="%d/%m/%Y %H:%M",
                                   attrs={"placeholder": "dd/mm/yyyy hh:mm", "autocomplete": "off"}),
        help_text="Ví dụ: 28/07/2025 14:00.",
        error_messages={"invalid": "Nhập thời gian theo dạng dd/mm/yyyy hh:mm, ví dụ 28/07/2025 14:00."})
    closed_at = forms.TimeField(
        label="Kết thúc lúc", required=False, input_formats=["%H:%M", "%Hh%M", "%Hh"],
        widget=forms.TimeInput(format="%H:%M", attrs={"placeholder": "hh:mm", "autocomplete": "off"}),
        error_messages={"invalid": "Nhập giờ theo dạng hh:mm, ví dụ 16:30."})

    class Meta:
        model = NominationMeeting
        fields = ["campaign", "organisation", "number", "held_at", "place", "chair", "secretary", "members_total",
                  "members_present", "absentees", "ballot_type", "discussion", "conclusion", "closed_at"]
        widgets = {"absentees": forms.Textarea(attrs={"rows": 2}), "discussion": TEXTAREA, "conclusion": TEXTAREA}
        help_texts = {
            "chair": "Họ tên, chức vụ. Ví dụ: Trần Văn An – Trưởng phòng.",
            "secretary": "Họ tên, chức vụ.",
            "absentees": "Họ tên và lý do vắng mặt, mỗi người một dòng.",
            "members_total": "Tổng số thành viên của Hội đồng (tổ bình xét) của đơn vị.",
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["campaign"].queryset = service.clerk_campaigns(user)
        self.fields["organisation"].scope(user)
        self.fields["ballot_type"].choices = NominationMeeting._meta.get_field("ballot_type").choices
        self.fields["members_present"].help_text = "Phải lớn hơn 0 và không quá tổng số thành viên."
        if self.instance.pk:  # the votes depend on them: fixed once the meeting exists
            for name in ("campaign", "organisation"):
                self.fields[name].disabled = True
                self.fields[name].queryset = self.fields[name].queryset.model.objects.filter(
                    pk=getattr(self.instance, f"{name}_id"))
        else:
            self.initial.setdefault("ballot_type", "hands")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.render_hidden_fields = True  # the version token (VersionedFormMixin)
        self.helper.layout = Layout(
            Fieldset("Cuộc họp", "campaign", "organisation",
                     Row(Column("number", css_class="col-md-4"), Column("held_at", css_class="col-md-4"),
                         Column("closed_at", css_class="col-md-3")),
                     "place", css_class="portal-fieldset"),
            Fieldset("Thành phần",
                     Row(Column("chair", css_class="col-md-6"), Column("secretary", css_class="col-md-6")),
                     Row(Column("members_total", css_class="col-md-4"), Column("members_present", css_class="col-md-4"),
                         Column("ballot_type", css_class="col-md-4")),
                     "absentees", css_class="portal-fieldset"),
            Fieldset("Nội dung", "discussion", "conclusion", css_class="portal-fieldset"),
        )

    def save(self, commit=True, *, by):
        """Save through the service; its refusals come back as errors on this (bound) form."""
        return service.save_meeting(self.instance, by=by)


def add_service_errors(form, error):
    """Put a service's ValidationError on the form's fields (unknown keys: at the top)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class VoteRowForm(forms.Form):
    """One nominee's votes."""

    nomination = forms.IntegerField(widget=forms.HiddenInput)
    votes_for = forms.IntegerField(label="Đồng ý", min_value=0, required=False)
    votes_against = forms.IntegerField(label="Không đồng ý", min_value=0, required=False)
    votes_abstain = forms.IntegerField(label="Không biểu quyết", min_value=0, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("votes_for", "votes_against", "votes_abstain"):
            self.fields[name].widget.attrs.update({"class": "form-control form-control-sm text-end",
                                                   "style": "width: 6rem", "inputmode": "numeric"})
            self.fields[name].error_messages["min_value"] = "Số phiếu không được âm."
            self.fields[name].error_messages["invalid"] = "Nhập một số nguyên."
        self.row = None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("votes_for") is None and (cleaned.get("votes_against") or cleaned.get("votes_abstain")):
            self.add_error("votes_for", "Nhập số phiếu đồng ý (có thể là 0).")
        return cleaned


class NomineeRowsMixin:
    """Formsets with one row per nominee (meeting votes, council ballots): `rows` are the nominees that
    may be recorded; each posted form finds its row by the hidden nomination id, so a stale or forged row
    is refused instead of recorded against someone else."""

    stale_row_message = "Người, tập thể này không còn trong danh sách: tải lại trang."

    def __init__(self, *args, rows, **kwargs):
        self.rows = {row.nomination.pk: row for row in rows}
        if not args and "data" not in kwargs:
            kwargs["initial"] = [self._initial(row) for row in rows]
        super().__init__(*args, **kwargs)
        for form in self.forms:
            form.row = self.rows.get(self._nomination_id(form))

    @staticmethod
    def _nomination_id(form):
        raw = form.data.get(form.add_prefix("nomination")) if form.is_bound else form.initial.get("nomination")
        try:
            return int(raw)
        except (TypeError, ValueError):
            return None

    def clean(self):
        seen = set()
        for form in self.forms:
            if form.row is None:
                form.add_error(None, self.stale_row_message)
            elif form.row.nomination.pk in seen:
                raise ValidationError("Một người, tập thể xuất hiện hai lần trong bảng.")
            else:
                seen.add(form.row.nomination.pk)

    def add_service_errors(self, error):
        """Put the service's refusals (keyed by nomination id) on the matching rows."""
        forms_by_id = {str(form.row.nomination.pk): form for form in self.forms if form.row}
        by_id = error.message_dict if hasattr(error, "error_dict") else {}
        leftover = [] if by_id else list(error.messages)
        for key, messages in by_id.items():
            if key in forms_by_id:
                forms_by_id[key].add_error(None, messages)
            else:
                leftover.extend(messages)
        if leftover:
            self.non_form_errors().extend(leftover)


class BaseVoteFormSet(NomineeRowsMixin, forms.BaseFormSet):
    """The votes table: one row per nominee that can still be voted on (`rows`: VoteRow)."""

    stale_row_message = "Người, tập thể được đề nghị này không còn trong danh sách bình xét: tải lại trang."

    @staticmethod
    def _initial(row):
        vote = row.vote
        return {"nomination": row.nomination.pk, "votes_for": vote.votes_for if vote else None,
                "votes_against": vote.votes_against if vote else None,
                "votes_abstain": vote.votes_abstain if vote else None}

    def service_rows(self):
        """(nomination, for, against, abstain) for the service, from a valid formset."""
        return [(form.row.nomination, form.cleaned_data.get("votes_for"), form.cleaned_data.get("votes_against"),
                 form.cleaned_data.get("votes_abstain")) for form in self.forms]


VoteFormSet = forms.formset_factory(VoteRowForm, formset=BaseVoteFormSet, extra=0)
