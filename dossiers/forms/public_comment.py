"""Forms of the office's public comment (lấy ý kiến nhân dân): open a window, moderate a comment."""
from django import forms

from core.forms import NfcFormMixin

from ..services import public_comment as service
from .meetings import DATETIME_FORMATS, add_service_errors

__all__ = ["WindowForm", "ModerationForm", "add_service_errors"]

DATETIME_WIDGET = forms.DateTimeInput(format="%d/%m/%Y %H:%M",
                                      attrs={"placeholder": "dd/mm/yyyy hh:mm", "autocomplete": "off"})


class NomineeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} – {obj.dossier.offer.award_form} ({service.unit_name(obj)})"


class WindowForm(NfcFormMixin, forms.Form):
    title = forms.CharField(label="Tiêu đề", max_length=300, required=False,
                            help_text="Để trống: “Lấy ý kiến nhân dân đối với đề nghị khen thưởng của …”.")
    opens_at = forms.DateTimeField(label="Bắt đầu nhận ý kiến", input_formats=DATETIME_FORMATS,
                                   widget=DATETIME_WIDGET, error_messages={
                                       "required": "Nhập thời điểm bắt đầu nhận ý kiến.",
                                       "invalid": "Nhập ngày giờ theo dạng dd/mm/yyyy hh:mm."})
    closes_at = forms.DateTimeField(
        label="Hết hạn nhận ý kiến", input_formats=DATETIME_FORMATS, widget=DATETIME_WIDGET,
        help_text="Hội đồng chỉ biểu quyết sau thời điểm này, và khi danh sách đã công khai đủ số ngày làm việc trước "
                  "ngày họp theo bộ căn cứ (Nghị định 98/2023/NĐ-CP: 10 ngày làm việc).",
        error_messages={"required": "Nhập thời điểm hết hạn nhận ý kiến.",
                        "invalid": "Nhập ngày giờ theo dạng dd/mm/yyyy hh:mm."})
    nominations = NomineeChoiceField(label="Người, tập thể lấy ý kiến", queryset=None,
                                     widget=forms.CheckboxSelectMultiple,
                                     error_messages={"required": "Chọn ít nhất một người, tập thể để lấy ý kiến.",
                                                     "invalid_choice": "Người, tập thể đã chọn không còn trong danh "
                                                                       "sách cần lấy ý kiến."})

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body
        self.fields["nominations"].queryset = service.candidates(body)


class ModerationForm(NfcFormMixin, forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "Duyệt"), ("reject", "Không duyệt")],
                                 error_messages={"required": "Chọn Duyệt hoặc Không duyệt."})
    note = forms.CharField(label="Ghi chú (bắt buộc khi không duyệt)", required=False, max_length=500,
                           widget=forms.TextInput)
