"""Forms of the council's sessions: open a session, the ballots table, close with a conclusion."""
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Fieldset, Layout, Row
from django import forms

from awards.enums import BallotType, VoteDenominator
from campaigns.enums import CampaignStatus
from campaigns.models import Campaign
from core.forms import NfcFormMixin
from core.pickers import PickerField
from core.widgets import VnFileInput

from .. import pickers
from ..models import Attendance, CouncilRules, CouncilSeat, CouncilSession, SeatTitle, SessionMode, VoteChoice
from ..services import council as service
from .meetings import DATETIME_FORMATS, CampaignChoiceField, NomineeRowsMixin, add_service_errors

__all__ = ["SessionForm", "seat_formset", "VoteForm", "WrittenOpinionForm", "CountSheetForm", "BallotFormSet",
           "CloseForm", "add_service_errors"]


class SessionForm(NfcFormMixin, forms.ModelForm):
    """Mở phiên họp of one body (`body`): phong trào (tùy chọn), thời gian, địa điểm, cách bỏ phiếu; with members
    voting on the portal, the roll call of the council's seats (one field per seat) and who presides; on paper,
    the typed composition (chair, secretary, totals, absentees)."""

    campaign = CampaignChoiceField(queryset=Campaign.objects.none(), label="Phong trào thi đua", required=False,
                                   empty_label="Tất cả phong trào của cơ quan",
                                   help_text="Để trống: Hội đồng xét mọi hồ sơ đã trình Hội đồng của cơ quan.")
    held_at = forms.DateTimeField(
        label="Thời gian họp", input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(format="%d/%m/%Y %H:%M",
                                   attrs={"placeholder": "dd/mm/yyyy hh:mm", "autocomplete": "off"}),
        help_text="Ví dụ: 12/08/2025 08:30.",
        error_messages={"invalid": "Nhập thời gian theo dạng dd/mm/yyyy hh:mm, ví dụ 12/08/2025 08:30."})
    mode = forms.ChoiceField(label="Cách bỏ phiếu", choices=SessionMode.choices, initial=SessionMode.BALLOTS,
                             widget=forms.RadioSelect,
                             help_text="Mặc định mỗi thành viên có mặt tự bỏ phiếu trên cổng. Bỏ phiếu giấy: thư ký "
                                       "nhập kết quả kiểm phiếu và đính kèm Biên bản kiểm phiếu đã ký.")
    presiding = forms.ChoiceField(label="Người chủ trì", required=False)

    PAPER_FIELDS = ("chair", "secretary", "members_total", "members_present")

    class Meta:
        model = CouncilSession
        fields = ["campaign", "held_at", "place", "mode", "chair", "secretary", "members_total", "members_present",
                  "absentees"]
        widgets = {"absentees": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "chair": "Họ tên, chức vụ. Ví dụ: Nguyễn Văn Hải – Giám đốc Sở.",
            "secretary": "Họ tên, chức vụ.",
            "members_present": "Phải quá nửa tổng số thành viên Hội đồng.",
            "absentees": "Họ tên và lý do vắng mặt, mỗi người một dòng; ghi rõ ai gửi ý kiến bằng văn bản.",
        }

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = self.instance.issuer = body
        self.seats = list(service.seats_of(body))
        self.fields["campaign"].queryset = Campaign.objects.filter(issuer=body).exclude(
            status=CampaignStatus.DRAFT).order_by("-period_start", "-pk")
        for name in self.PAPER_FIELDS:
            self.fields[name].required = False
        for name in ("members_total", "members_present"):
            self.fields[name].widget.attrs["min"] = 1
        roll = []
        for seat in self.seats:
            name = f"seat_{seat.pk}"
            self.fields[name] = forms.ChoiceField(
                label=f"{seat.full_name} – {seat.get_title_display()}", choices=Attendance.choices,
                initial=Attendance.PRESENT, required=False,
                help_text=seat.position + ("" if seat.user_id else " · chưa có tài khoản bỏ phiếu"))
            roll.append(name)
        chair = next((seat for seat in self.seats if seat.title == SeatTitle.CHAIR), None)
        self.fields["presiding"].choices = [(seat.pk, f"{seat.full_name} – {seat.get_title_display()}")
                                            for seat in self.seats]
        self.fields["presiding"].initial = chair.pk if chair else None
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Fieldset("Phiên họp", "campaign", Row(Column("held_at", css_class="col-md-4")), "place", "mode",
                     css_class="portal-fieldset"),
            Fieldset("Điểm danh (thành viên bỏ phiếu trên cổng)", *roll, "presiding", css_class="portal-fieldset",
                     css_id="roll-call") if roll else Fieldset(
                "Điểm danh (thành viên bỏ phiếu trên cổng)", HTML(
                    '<p class="text-muted small mb-0" id="no-seats">Chưa có danh sách thành viên Hội đồng: Văn phòng '
                    'cập nhật “Thành phần Hội đồng” trước khi thành viên bỏ phiếu trên cổng.</p>'),
                css_class="portal-fieldset"),
            Fieldset("Thành phần (chỉ khi bỏ phiếu giấy)",
                     Row(Column("chair", css_class="col-md-6"), Column("secretary", css_class="col-md-6")),
                     Row(Column("members_total", css_class="col-md-4"),
                         Column("members_present", css_class="col-md-4")),
                     "absentees", css_class="portal-fieldset"),
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("mode") == SessionMode.PAPER:
            for name in self.PAPER_FIELDS:
                if cleaned.get(name) in (None, ""):
                    self.add_error(name, "Bỏ phiếu giấy: nhập thông tin này.")
        return cleaned

    def attendance(self):
        return {seat.pk: self.cleaned_data.get(f"seat_{seat.pk}") for seat in self.seats}

    def save(self, commit=True, *, by):
        """Open the session through the service; its refusals come back as errors on this form."""
        session = self.instance
        if session.mode == SessionMode.BALLOTS:
            presiding = self.cleaned_data.get("presiding")
            return service.open_session(session, by=by, attendance=self.attendance(),
                                        presiding=int(presiding) if presiding else None)
        return service.open_session(session, by=by)


class SeatForm(NfcFormMixin, forms.ModelForm):
    """One seat of the council (the founding decision's list); `body` picks its voting account among the body's
    (pickers.SEAT_ACCOUNTS); `accounts`: their labels, read once for the formset."""

    user = PickerField(pickers.SEAT_ACCOUNTS, required=False, label="Tài khoản bỏ phiếu")

    class Meta:
        model = CouncilSeat
        fields = ["full_name", "position", "title", "user"]

    def __init__(self, *args, body, accounts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].scope(None, body=body).prime(accounts)
        for field in self.fields.values():
            select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = "form-select form-select-sm" if select else "form-control form-control-sm"


class BaseSeatFormSet(forms.BaseModelFormSet):
    def __init__(self, *args, body, **kwargs):
        self.body = body
        kwargs.setdefault("queryset", service.seats_of(body))
        accounts = {str(account.pk): pickers.account_label(account) for account in service.seat_accounts(body)}
        kwargs.setdefault("form_kwargs", {"body": body, "accounts": accounts})
        super().__init__(*args, **kwargs)

    def seats(self):
        """The kept seats, in order (unsaved changes applied), for services.council.save_seats."""
        kept = []
        for form in self.forms:
            if not form.cleaned_data or (self.can_delete and self._should_delete_form(form)):
                continue  # a blank extra row, or one ticked for removal
            kept.append(form.instance)
        return kept


def seat_formset(body):
    """The seats' formset of `body`, with blank rows enough for a council of nine at first, two more later."""
    extra = max(2, 9 - CouncilSeat.objects.filter(body=body).count())
    return forms.modelformset_factory(CouncilSeat, form=SeatForm, formset=BaseSeatFormSet, extra=extra,
                                      can_delete=True)


class RulesForm(NfcFormMixin, forms.ModelForm):
    """What the council's regulation says about its quorum (services.council.save_rules)."""

    class Meta:
        model = CouncilRules
        fields = ["quorum", "source"]
        widgets = {"quorum": forms.Select(attrs={"class": "form-select"}),
                   "source": forms.TextInput(attrs={"class": "form-control", "placeholder":
                                                    "Ví dụ: Điều 7 Quy chế ban hành kèm theo Quyết định số …/QĐ-UBND"})}


RADIO = forms.RadioSelect(attrs={"class": "form-check-input"})


class VoteForm(forms.Form):
    """A member's ballot: one choice per agenda nominee (`rows`: AgendaRow, `cast`: {nomination id: choice or
    "secret"} of the ballots already cast, whose secret ones are not asked again)."""

    def __init__(self, *args, rows, cast, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            done = row.nomination.pk in cast
            secret = row.award_form.ballot_type == "secret"
            row.field_name = f"n{row.nomination.pk}"
            row.locked = done and secret
            if row.locked:
                continue
            self.fields[row.field_name] = forms.ChoiceField(
                label=row.nomination.name, choices=VoteChoice.choices, widget=RADIO, required=False,
                initial=cast.get(row.nomination.pk) or None)
            row.bound = self[row.field_name]

    def choices(self):
        return {row.nomination.pk: self.cleaned_data[row.field_name] for row in self.rows
                if not row.locked and self.cleaned_data.get(row.field_name)}

SIGNED_PAPER = ".pdf,.jpg,.jpeg,.png"  # what the browser offers; the content is checked on upload


class WrittenOpinionForm(forms.Form):
    """An absent member's written opinion: the signed paper and their choice per nominee."""

    paper = forms.FileField(widget=VnFileInput(attrs={"accept": SIGNED_PAPER},
                                               max_bytes_setting="DOSSIER_ATTACHMENT_MAX_BYTES"),
                            label="Bản chụp ý kiến bằng văn bản đã ký (PDF, JPG, PNG)",
                            error_messages={"required": "Đính kèm bản chụp ý kiến bằng văn bản đã ký."})

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            row.field_name = f"n{row.nomination.pk}"
            self.fields[row.field_name] = forms.ChoiceField(
                label=row.nomination.name, choices=VoteChoice.choices, widget=RADIO, required=False)
            row.bound = self[row.field_name]

    def choices(self):
        return {row.nomination.pk: self.cleaned_data[row.field_name] for row in self.rows
                if self.cleaned_data.get(row.field_name)}


class CountSheetForm(forms.Form):
    sheet = forms.FileField(widget=VnFileInput(attrs={"accept": SIGNED_PAPER},
                                               max_bytes_setting="DOSSIER_ATTACHMENT_MAX_BYTES"),
                            label="Biên bản kiểm phiếu đã ký (PDF, JPG, PNG)",
                            error_messages={"required": "Chọn tệp Biên bản kiểm phiếu đã ký."})


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
        return bool(self.row and self.row.rule.denominator == VoteDenominator.ALL)

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
    minutes_number = forms.CharField(label="Số Biên bản họp Hội đồng", max_length=40,
                                     widget=forms.TextInput(attrs={"class": "form-control",
                                                                   "style": "max-width: 16rem"}),
                                     help_text="Số và ký hiệu do văn thư cấp, in ở dòng “Số:” của Biên bản.",
                                     error_messages={"required": "Ghi số Biên bản họp Hội đồng (ví dụ 03/BB-HĐTĐKT)."})
    conclusion = forms.CharField(label="Kết luận của phiên họp", required=False,
                                 widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}))
