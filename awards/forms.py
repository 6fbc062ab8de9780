"""Forms of the award catalogue. They validate and then call a service in save()."""
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from core.forms import NfcFormMixin

from .enums import SubjectType
from .models import (
    CERTIFICATE_FIELDS,
    AwardForm,
    BaseSalary,
    BonusCoefficient,
    CalendarDay,
    LegalBasisProfile,
    ReportTemplate,
    VoteRule,
)
from .services import catalogue

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy",
                                                        "autocomplete": "off"})
CODE_HELP = "Chữ thường không dấu, số và dấu gạch ngang, ví dụ: giay-khen."
CODE_ERRORS = {"invalid": "Mã chỉ gồm chữ không dấu, số, dấu gạch ngang và gạch dưới.",
               "unique": "Mã này đã được dùng."}


class OneErrorPerFieldMixin:
    """The model's clean() repeats checks a form field has already made (e.g. no subject type):
    a field that already has an error does not get the model's message a second time."""

    def add_error(self, field, error):
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            fresh = {name: errors for name, errors in error.error_dict.items() if name not in self._errors}
            if not fresh:
                return
            error = ValidationError(fresh)
        super().add_error(field, error)


class MoneyField(forms.IntegerField):
    """An amount in đồng, typed as 2340000, 2.340.000 or 2 340 000 đ."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace(".", "").replace(" ", "").replace("\u00a0", "").removesuffix("đ")
        return super().to_python(value)


class OffsetFieldsMixin:
    """The positions (mm) of the certificate's printed items on blank stock: a pair of fields per item of
    CERTIFICATE_FIELDS, opening with `stored` ({item: [x, y]}) over the defaults."""

    def add_offset_fields(self, stored):
        stored = stored if isinstance(stored, dict) else {}
        for key, (label, default) in CERTIFICATE_FIELDS.items():
            x, y = stored.get(key, default)
            for axis, value in (("x", x), ("y", y)):
                self.fields[f"offset_{key}_{axis}"] = forms.DecimalField(
                    label=f"{label}: {'cách mép trái' if axis == 'x' else 'cách mép trên'} (mm)", initial=value,
                    required=False,
                    min_value=0, max_value=297 if axis == "x" else 210, decimal_places=1, localize=True,
                    error_messages={"min_value": "Không được âm.", "invalid": "Nhập một số, ví dụ 60 hoặc 62,5.",
                                    "max_value": "Vượt ra ngoài khổ giấy A4 ngang.", "required": "Chưa nhập.",
                                    "max_decimal_places": "Chỉ ghi tối đa 1 chữ số sau dấu phẩy."})

    def offset_rows(self):
        """(label, x field, y field) per printed item, for the calibration table."""
        return [(label, self[f"offset_{key}_x"], self[f"offset_{key}_y"])
                for key, (label, _default) in CERTIFICATE_FIELDS.items()]

    def offsets(self):
        """{item: [x, y]} as posted, only where it differs from the default (a blank box keeps the default)."""
        offsets = {}
        for key, (_label, default) in CERTIFICATE_FIELDS.items():
            x, y = (self.cleaned_data.get(f"offset_{key}_{axis}") for axis in "xy")
            position = [float(x if x is not None else default[0]), float(y if y is not None else default[1])]
            if position != [float(default[0]), float(default[1])]:  # only calibrations are stored
                offsets[key] = position
        return offsets


class AwardFormForm(OffsetFieldsMixin, OneErrorPerFieldMixin, NfcFormMixin, forms.ModelForm):
    subject_types = forms.MultipleChoiceField(
        label="Đối tượng được tặng", choices=SubjectType.choices, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Chọn ít nhất một đối tượng được tặng.",
                        "invalid_choice": "Đối tượng “%(value)s” không hợp lệ."})
    vote_threshold = forms.DecimalField(
        label="Tỷ lệ phiếu đồng ý tối thiểu (%)", required=False, min_value=Decimal("0"),
        max_value=Decimal("100"), max_digits=5, decimal_places=2, localize=True,
        help_text="Ví dụ: 70 nghĩa là cần từ 70% số phiếu đồng ý trở lên. Bắt buộc khi cần Hội đồng bỏ phiếu.",
        error_messages={"min_value": "Tỷ lệ phiếu phải từ 0 đến 100%%.",
                        "max_value": "Tỷ lệ phiếu phải từ 0 đến 100%%.",
                        "invalid": "Nhập một số, ví dụ 70 hoặc 66,67.",
                        "max_digits": "Tỷ lệ phiếu phải từ 0 đến 100%%.",
                        "max_decimal_places": "Chỉ ghi tối đa 2 chữ số sau dấu phẩy.",
                        "max_whole_digits": "Tỷ lệ phiếu phải từ 0 đến 100%%."})

    class Meta:
        model = AwardForm
        fields = ["name", "short_name", "code", "category", "subject_types", "authority", "achievement_years",
                  "needs_council", "vote_threshold", "vote_denominator", "ballot_type", "report_form",
                  "legal_reference", "stat_group", "order", "is_active", "certificate_title"]
        labels = {
            "needs_council": "Cần Hội đồng Thi đua – Khen thưởng bỏ phiếu",
            "vote_denominator": "Tỷ lệ phiếu tính trên",
            "ballot_type": "Hình thức biểu quyết của Hội đồng",
            "authority": "Cấp có thẩm quyền quyết định",
        }
        help_texts = {"code": CODE_HELP,
                      "vote_denominator": "Số thành viên có mặt tại phiên họp, hoặc tổng số thành viên "
                                          "Hội đồng (thành viên vắng mặt gửi phiếu bằng văn bản)."}
        error_messages = {"code": CODE_ERRORS}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["vote_threshold"].widget.attrs["inputmode"] = "decimal"
        # left out (a form posted before the field existed): the form keeps what it had, 1 for a new one
        self.fields["achievement_years"].required = False
        self.fields["achievement_years"].error_messages.update({
            "min_value": "Ít nhất 1 năm.", "max_value": "Không quá 20 năm.", "invalid": "Nhập số năm, ví dụ 1 hoặc 3."})
        self.add_offset_fields(self.instance.certificate_offsets)

    def clean_achievement_years(self):
        value = self.cleaned_data.get("achievement_years")
        return value if value is not None else (self.instance.achievement_years or 1)

    def save(self, commit=True):
        self.instance.certificate_offsets = self.offsets()
        return catalogue.save_award_form(self.instance, by=self.user)


class CertificateLayoutForm(OffsetFieldsMixin, forms.Form):
    """A province's own calibration of one award form's certificate on its blank stock."""

    def __init__(self, *args, stored, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_offset_fields(stored)


class ProfileForm(OneErrorPerFieldMixin, NfcFormMixin, forms.ModelForm):
    class Meta:
        model = LegalBasisProfile
        fields = ["name", "code", "valid_from", "valid_until", "basis_lines", "report_form_label",
                  "collective_multiplier", "title_bonus_rule", "title_bonus_reference", "title_bonus_text", "notes",
                  "public_comment_forms", "public_comment_reference", "public_comment_days"]
        widgets = {"public_comment_forms": forms.CheckboxSelectMultiple,
                   "valid_from": DATE_WIDGET, "valid_until": DATE_WIDGET,
                   "basis_lines": forms.Textarea(attrs={"rows": 4}), "notes": forms.Textarea(attrs={"rows": 2}),
                   "title_bonus_text": forms.Textarea(attrs={"rows": 3})}
        localized_fields = ["collective_multiplier"]
        labels = {"valid_until": "Hết hiệu lực từ ngày (để trống nếu đang áp dụng)",
                  "title_bonus_rule": "Một cá nhân, tập thể đạt nhiều danh hiệu thi đua cùng thời điểm, cho cùng "
                                      "một thành tích"}
        help_texts = {"code": "Chữ thường không dấu, số và dấu gạch ngang, ví dụ: nd-152-2025.",
                      "basis_lines": "Mỗi dòng một căn cứ, ghi đầy đủ như khi in, ví dụ: “Căn cứ Luật Thi đua, "
                                     "khen thưởng ngày 15 tháng 6 năm 2022;”. In ở đầu Tờ trình, Quyết định.",
                      "title_bonus_rule": "Cùng năm và cùng số năm tính thành tích là cùng một thành tích. Danh hiệu "
                                          "kèm hình thức khen thưởng (Bằng khen, Giấy khen) luôn nhận cả hai."}
        error_messages = {"code": CODE_ERRORS,
                          "collective_multiplier": {"min_value": "Hệ số không được âm."}}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # left out (a form posted before the field existed): the profile keeps its rule
        self.fields["title_bonus_rule"].required = False

    def clean_title_bonus_rule(self):
        return self.cleaned_data.get("title_bonus_rule") or self.instance.title_bonus_rule

    def clean_title_bonus_text(self):
        return self.cleaned_data["title_bonus_text"].replace("\r\n", "\n").strip()

    def clean_basis_lines(self):
        # Browsers send CRLF from a textarea: store plain newlines, so an unchanged text is unchanged.
        return self.cleaned_data["basis_lines"].replace("\r\n", "\n").strip()

    def clean_notes(self):
        return self.cleaned_data["notes"].replace("\r\n", "\n").strip()

    def clean_collective_multiplier(self):
        value = self.cleaned_data["collective_multiplier"]
        if value is not None and value < 0:
            raise ValidationError("Hệ số không được âm.")
        return value

    def save(self, commit=True, tables=()):
        """Save the profile and the changes of its bound tables (coefficients, vote rules, report forms)."""
        rows, deleted = [], []
        for table in tables:
            rows += table.save(commit=False)
            deleted += table.deleted_objects
        return catalogue.save_profile(self.instance, rows=rows, deleted=deleted, by=self.user,
                                      public_comment_forms=self.cleaned_data.get("public_comment_forms"))


class AwardFormChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name if obj.is_active else f"{obj.name} (ngừng sử dụng)"


class CoefficientForm(OneErrorPerFieldMixin, forms.ModelForm):
    award_form = AwardFormChoiceField(queryset=AwardForm.objects.all(), label="Hình thức",
                                      empty_label="— chọn hình thức —")
    coefficient = forms.DecimalField(
        label="Hệ số", min_value=Decimal("0"), max_digits=5, decimal_places=2, localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 6}),
        error_messages={"min_value": "Hệ số không được âm.", "invalid": "Nhập một số, ví dụ 1,5.",
                        "max_digits": "Hệ số quá lớn.", "max_whole_digits": "Hệ số quá lớn.",
                        "max_decimal_places": "Chỉ ghi tối đa 2 chữ số thập phân."})

    class Meta:
        model = BonusCoefficient
        fields = ["award_form", "subject_type", "coefficient", "source"]
        labels = {"subject_type": "Đối tượng"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        table_row(self)

    def clean(self):
        cleaned = super().clean()
        award_form, subject_type = cleaned.get("award_form"), cleaned.get("subject_type")
        if award_form and subject_type and not award_form.applies_to(subject_type):
            self.add_error("subject_type", f"“{award_form.name}” không tặng cho đối tượng "
                                           f"{SubjectType(subject_type).label.lower()}.")
        return cleaned


def table_row(form):
    """A formset row in a table whose header names the columns: no label or help line above every cell, the
    label kept for screen readers."""
    for form_field in form.fields.values():
        form_field.widget.attrs["aria-label"] = str(form_field.label)
        form_field.label = form_field.help_text = ""


class AwardFormRowsFormSet(forms.BaseInlineFormSet):
    """A profile's rows per award form (coefficients, vote rules): the award-form choices read once for every
    row, not once per row; `duplicate_message` when two rows name the same form (and subject)."""

    duplicate_message = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = list(AwardFormChoiceField(queryset=AwardForm.objects.all(), empty_label="— chọn hình thức —").choices)
        for form in self.forms + [self.empty_form]:
            form.fields["award_form"].choices = choices

    def get_queryset(self):
        return super().get_queryset().select_related("award_form")

    def get_unique_error_message(self, unique_check):
        return self.duplicate_message


class BaseCoefficientFormSet(AwardFormRowsFormSet):
    duplicate_message = "Mỗi hình thức và đối tượng chỉ có một hệ số trong bộ căn cứ: hãy bỏ dòng trùng."


CoefficientFormSet = forms.inlineformset_factory(
    LegalBasisProfile, BonusCoefficient, form=CoefficientForm, formset=BaseCoefficientFormSet,
    extra=3, can_delete=True)


class VoteRuleForm(OneErrorPerFieldMixin, NfcFormMixin, forms.ModelForm):
    award_form = AwardFormChoiceField(queryset=AwardForm.objects.all(), label="Hình thức",
                                      empty_label="— chọn hình thức —")
    threshold = forms.DecimalField(
        label="Tỷ lệ tối thiểu (%)", min_value=Decimal("0"), max_value=Decimal("100"), max_digits=5,
        decimal_places=2, localize=True, widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 6}),
        error_messages={"min_value": "Tỷ lệ không được âm.", "max_value": "Tỷ lệ không quá 100%.",
                        "invalid": "Nhập một số, ví dụ 70 hoặc 66,67."})

    class Meta:
        model = VoteRule
        fields = ["award_form", "threshold", "denominator", "source"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        table_row(self)
        self.fields["source"].widget.attrs["placeholder"] = "Điều, khoản của văn bản"


class BaseVoteRuleFormSet(AwardFormRowsFormSet):
    duplicate_message = "Mỗi hình thức chỉ có một tỷ lệ biểu quyết trong bộ căn cứ: hãy bỏ dòng trùng."


VoteRuleFormSet = forms.inlineformset_factory(
    LegalBasisProfile, VoteRule, form=VoteRuleForm, formset=BaseVoteRuleFormSet, extra=2, can_delete=True)


class ReportTemplateForm(OneErrorPerFieldMixin, NfcFormMixin, forms.ModelForm):
    class Meta:
        model = ReportTemplate
        fields = ["award_type", "subject_type", "label", "layout", "source"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        table_row(self)
        self.fields["label"].widget.attrs["placeholder"] = "Mẫu số …"


class BaseReportTemplateFormSet(forms.BaseInlineFormSet):
    def get_unique_error_message(self, unique_check):
        return "Mỗi loại hình và đối tượng chỉ có một mẫu báo cáo trong bộ căn cứ: hãy bỏ dòng trùng."


ReportTemplateFormSet = forms.inlineformset_factory(
    LegalBasisProfile, ReportTemplate, form=ReportTemplateForm, formset=BaseReportTemplateFormSet, extra=2,
    can_delete=True)


class CalendarDayForm(OneErrorPerFieldMixin, NfcFormMixin, forms.ModelForm):
    class Meta:
        model = CalendarDay
        fields = ["day", "kind", "name", "legal_basis"]
        widgets = {"day": DATE_WIDGET, "kind": forms.RadioSelect}
        help_texts = {"legal_basis": "Ví dụ: Điều 112 Bộ luật Lao động 2019; Thông báo của Bộ Nội vụ về lịch nghỉ "
                                     "Tết."}
        error_messages = {"day": {"unique": "Ngày này đã có trong lịch: sửa dòng đã có.",
                                  "required": "Nhập ngày (dd/mm/yyyy).", "invalid": "Nhập ngày theo dạng dd/mm/yyyy."},
                          "name": {"required": "Nhập tên ngày, ví dụ: Tết Nguyên đán."}}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def save(self, commit=True):
        return catalogue.save_calendar_day(self.instance, by=self.user)


class BaseSalaryForm(OneErrorPerFieldMixin, NfcFormMixin, forms.ModelForm):
    amount = MoneyField(
        label="Mức lương cơ sở (đồng/tháng)", min_value=1, help_text="Ví dụ: 2.340.000",
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={"min_value": "Mức lương cơ sở phải lớn hơn 0.", "invalid": "Nhập số nguyên, ví dụ 2340000."})

    class Meta:
        model = BaseSalary
        fields = ["valid_from", "amount", "legal_basis"]
        widgets = {"valid_from": DATE_WIDGET}
        help_texts = {"legal_basis": "Ví dụ: Nghị định số 73/2024/NĐ-CP."}
        error_messages = {"valid_from": {"unique": "Đã có mức lương cơ sở áp dụng từ ngày này."}}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def save(self, commit=True):
        return catalogue.save_base_salary(self.instance, by=self.user)
