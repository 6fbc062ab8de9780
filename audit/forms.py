"""The filters of "Nhật ký hệ thống"."""
from django import forms

from core.widgets import PlainSelect

from .enums import KIND_LABELS
from .services.trail import NATIONAL, object_types

DATE_ERRORS = {"invalid": "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/08/2025."}


class TrailFilterForm(forms.Form):
    nguoi = forms.CharField(label="Người thực hiện, tài khoản", required=False, max_length=100,
                            widget=forms.TextInput(attrs={"placeholder": "họ tên hoặc tên đăng nhập",
                                                          "type": "search"}))
    loai = forms.ChoiceField(label="Sự kiện", required=False, widget=PlainSelect)
    doi_tuong = forms.ChoiceField(label="Loại đối tượng", required=False, widget=PlainSelect)
    tu_ngay = forms.DateField(label="Từ ngày", required=False, error_messages=DATE_ERRORS,
                              widget=forms.TextInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}))
    den_ngay = forms.DateField(label="Đến ngày", required=False, error_messages=DATE_ERRORS,
                               widget=forms.TextInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}))
    q = forms.CharField(label="Nội dung", required=False, max_length=100,
                        widget=forms.TextInput(attrs={"placeholder": "gõ không dấu được", "type": "search"}))
    tinh = forms.ChoiceField(label="Tỉnh", required=False, widget=PlainSelect)

    def __init__(self, *args, provinces, **kwargs):
        """`provinces`: the provinces whose events the user reads (a choice when more than one, and the national
        changes apart)."""
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["loai"].choices = [("", "Tất cả"), *KIND_LABELS.items()]
        self.fields["doi_tuong"].choices = [("", "Tất cả"), *object_types()]
        self.fields["tinh"].choices = [("", "Tất cả"), *[(str(p.pk), p.name) for p in provinces],
                                       (NATIONAL, "Dữ liệu toàn quốc (danh mục, quy tắc mặc định)")]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select" if isinstance(field.widget, forms.Select) else "form-control"

    def clean(self):
        data = super().clean()
        if data.get("tu_ngay") and data.get("den_ngay") and data["tu_ngay"] > data["den_ngay"]:
            self.add_error("den_ngay", "“Đến ngày” phải từ “Từ ngày” trở đi.")
        return data

    def filters(self):
        """The valid filters as keyword arguments of audit.services.trail.events_for (an invalid one is left
        out, and shown with its message)."""
        self.is_valid()
        data = self.cleaned_data  # the fields with an error are not in it
        return {"who": data.get("nguoi") or "", "kind": data.get("loai") or "",
                "object_type": data.get("doi_tuong") or "", "since": data.get("tu_ngay"),
                "until": data.get("den_ngay"), "text": data.get("q") or "", "province": data.get("tinh") or ""}
