"""Filters of the office's inbox."""
from django import forms

from awards.models import AwardForm
from campaigns.models import Campaign
from core.forms import list_choices
from core.widgets import PlainSelect

from ..enums import UNSENT_STATES, DossierState
from ..services.inbox import REVIEW_DAYS


class InboxFilterForm(forms.Form):
    q = forms.CharField(label="Tìm đơn vị, người được đề nghị", required=False,
                        widget=forms.TextInput(attrs={"placeholder": "gõ không dấu được", "type": "search"}))
    phong_trao = forms.ModelChoiceField(queryset=Campaign.objects.none(), required=False, label="Phong trào",
                                        empty_label="Tất cả", widget=PlainSelect)
    # a text box, not a list: a province's office receives from thousands of units (a <select> of them all
    # was most of the page's time, docs/performance.md)
    don_vi = forms.CharField(label="Đơn vị (kể cả trực thuộc)", required=False, max_length=100,
                             widget=forms.TextInput(attrs={"placeholder": "tên đơn vị, gõ không dấu được",
                                                           "type": "search"}))
    hinh_thuc = forms.ModelChoiceField(queryset=AwardForm.objects.none(), required=False, label="Hình thức",
                                       empty_label="Tất cả", widget=PlainSelect)
    trang_thai = forms.ChoiceField(label="Trạng thái", required=False, widget=PlainSelect)
    qua_han = forms.BooleanField(label="Chỉ hồ sơ quá hạn", required=False)
    cham_xu_ly = forms.BooleanField(label=f"Chờ Văn phòng quá {REVIEW_DAYS} ngày làm việc", required=False)
    khan = forms.BooleanField(label="Chỉ hồ sơ khẩn", required=False)
    tat_ca = forms.BooleanField(label="Cả hồ sơ đã có quyết định", required=False)
    cua_toi = forms.BooleanField(label="Hồ sơ của tôi", required=False)
    chua_phan_cong = forms.BooleanField(label="Chưa phân công", required=False)
    nam = forms.IntegerField(label="Năm nộp", required=False, min_value=2000, max_value=2100,
                             error_messages={"invalid": "Nhập năm, ví dụ 2025.", "min_value": "Năm không hợp lệ.",
                                             "max_value": "Năm không hợp lệ."})

    def __init__(self, *args, campaigns, **kwargs):
        """`campaigns`: those of the bodies whose inbox this is; the award forms are those they offer."""
        super().__init__(*args, label_suffix="", **kwargs)
        self.fields["phong_trao"].queryset = campaigns
        self.fields["hinh_thuc"].queryset = AwardForm.objects.filter(campaign_offers__campaign__in=campaigns).distinct()
        for name in ("phong_trao", "hinh_thuc"):
            list_choices(self.fields[name])
        self.fields["trang_thai"].choices = [("", "Đang xử lý")] + [
            (value, label) for value, label in DossierState.choices if value not in UNSENT_STATES]
        for field in self.fields.values():
            if isinstance(field.widget, forms.CheckboxInput):
                field.widget.attrs["class"] = "form-check-input"
            elif isinstance(field.widget, forms.Select):
                field.widget.attrs["class"] = "form-select"
            else:
                field.widget.attrs["class"] = "form-control"
