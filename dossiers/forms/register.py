"""Forms of the award register (sổ khen thưởng): the search filters, a manual entry, the Excel upload."""
from django import forms
from django.core.exceptions import ValidationError

from awards.enums import AWARD_TYPE_SHORT, AwardType, SubjectType
from awards.models import AwardForm
from core.forms import NfcFormMixin
from core.pickers import PickerField
from core.widgets import VnFileInput
from orgs.forms import DATE_WIDGET

from .. import pickers
from ..services import register as service


class AwardFormChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class RegisterFilterForm(forms.Form):
    q = forms.CharField(label="Tìm theo tên, hình thức, số quyết định", required=False, max_length=200,
                        widget=forms.TextInput(attrs={"placeholder": "ví dụ: nguyen thi huong",
                                                      "class": "form-control", "type": "search"}))
    hinh_thuc = AwardFormChoiceField(queryset=AwardForm.objects.order_by("order", "name"), required=False,
                                     label="Danh hiệu, hình thức", empty_label="Tất cả",
                                     widget=forms.Select(attrs={"class": "form-select"}))
    nam = forms.IntegerField(label="Năm", required=False, min_value=1945, max_value=2100,
                             widget=forms.NumberInput(attrs={"class": "form-control", "placeholder": "ví dụ: 2024"}))
    loai_hinh = forms.ChoiceField(label="Loại hình", required=False,
                                  choices=[("", "Tất cả"), *AWARD_TYPE_SHORT.items()],
                                  widget=forms.Select(attrs={"class": "form-select"}))
    thu_hoi = forms.BooleanField(label="Gồm cả khen thưởng đã bị thu hồi", required=False,
                                 widget=forms.CheckboxInput(attrs={"class": "form-check-input"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)

    def search_args(self):
        """The register search's arguments (services.register.search) from what was asked: all when invalid."""
        if not self.is_valid():
            return {"query": ""}
        data = self.cleaned_data
        return {"query": data["q"], "award_form": data["hinh_thuc"], "year": data["nam"], "revoked": data["thu_hoi"],
                "award_type": data["loai_hinh"]}


class AwardEntryForm(NfcFormMixin, forms.Form):
    """Ghi một khen thưởng đã có quyết định vào sổ (nhập tay)."""

    subject_type = forms.ChoiceField(label="Đối tượng", widget=forms.RadioSelect, initial=SubjectType.INDIVIDUAL,
                                     choices=[(SubjectType.INDIVIDUAL, SubjectType.INDIVIDUAL.label),
                                              (SubjectType.COLLECTIVE, SubjectType.COLLECTIVE.label)])
    person = PickerField(pickers.REGISTER_PEOPLE, required=False, label="Cá nhân")
    organisation = PickerField(pickers.REGISTER_UNITS, required=False, label="Tập thể (đơn vị)")
    award_form = AwardFormChoiceField(queryset=AwardForm.objects.order_by("order", "name"),
                                      label="Danh hiệu, hình thức khen thưởng")
    decision_number = forms.CharField(label="Số quyết định", max_length=60,
                                      widget=forms.TextInput(attrs={"placeholder": "ví dụ: 125/QĐ-SNV"}))
    decision_date = forms.DateField(label="Ngày quyết định", widget=DATE_WIDGET)
    decided_by = forms.CharField(label="Cấp quyết định", max_length=200, required=False,
                                 help_text="Ví dụ: Chủ tịch UBND tỉnh, Giám đốc Sở Nội vụ.")
    achievement = forms.CharField(label="Thành tích", required=False, widget=forms.Textarea(attrs={"rows": 3}))
    award_type = forms.ChoiceField(label="Loại hình khen thưởng", choices=AwardType.choices,
                                   initial=AwardType.MERIT, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["person"].scope(user)
        self.fields["organisation"].scope(user)  # dissolved units too (pickers.REGISTER_UNITS)

    def clean(self):
        cleaned = super().clean()
        subject_type = cleaned.get("subject_type")
        if subject_type == SubjectType.INDIVIDUAL:
            cleaned["organisation"] = None
            if not cleaned.get("person") and "person" not in self.errors:
                self.add_error("person", "Chọn cá nhân được khen thưởng.")
        elif subject_type == SubjectType.COLLECTIVE:
            cleaned["person"] = None
            if not cleaned.get("organisation") and "organisation" not in self.errors:
                self.add_error("organisation", "Chọn tập thể được khen thưởng.")
        return cleaned

    def save(self):
        data = self.cleaned_data
        try:
            return service.record_award(
                person=data["person"], organisation=data["organisation"], award_form=data["award_form"],
                decision_number=data["decision_number"], decision_date=data["decision_date"],
                decided_by=data["decided_by"], achievement=data["achievement"],
                award_type=data["award_type"] or AwardType.MERIT, by=self.user)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for name, messages in error.message_dict.items():
                    self.add_error(name if name in self.fields else None, messages)
            else:
                self.add_error(None, error.messages)
            return None


class AwardImportForm(forms.Form):
    file = forms.FileField(widget=VnFileInput, label="Tệp Excel (.xlsx)",
                           help_text="Tối đa 5 MB. Dùng tệp mẫu để đúng tên cột.")
