"""Forms of the fund's book: a receipt or a spending line, and the first year's opening balance."""
import re

from django import forms

from core.concurrency import VersionedFormMixin
from orgs.forms import DATE_WIDGET

from .enums import CATEGORIES_OF, Category
from .models import FundEntry


def parse_amount(text, *, allow_zero=False):
    """'12.500.000', '12 500 000', '12500000 đ' -> 12500000; a Vietnamese error for anything else."""
    raw = re.sub(r"[\s.]|đ(ồng)?$", "", str(text or "").strip(), flags=re.IGNORECASE)
    if not raw.isdigit():
        raise forms.ValidationError("Nhập số tiền bằng chữ số, ví dụ 12.500.000.")
    amount = int(raw)
    if amount == 0 and not allow_zero:
        raise forms.ValidationError("Số tiền phải lớn hơn 0.")
    if amount >= 10**15:
        raise forms.ValidationError("Số tiền quá lớn.")
    return amount


class AmountField(forms.CharField):
    def __init__(self, *args, allow_zero=False, **kwargs):
        self.allow_zero = allow_zero
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        return f"{value:,}".replace(",", ".") if isinstance(value, int) else value

    def clean(self, value):
        value = super().clean(value)
        if value in (None, ""):
            return None
        return parse_amount(value, allow_zero=self.allow_zero)


class FundEntryForm(VersionedFormMixin, forms.ModelForm):
    amount = AmountField(label="Số tiền (đồng)", max_length=30)

    class Meta:
        model = FundEntry
        fields = ["date", "category", "amount", "voucher", "description"]
        widgets = {"date": DATE_WIDGET}

    def __init__(self, *args, direction, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.direction = direction
        labels = dict(Category.choices)
        self.fields["category"].choices = [("", "— Chọn nội dung —")] + [
            (value, labels[value]) for value in CATEGORIES_OF[direction]]
        self.fields["date"].input_formats = ["%d/%m/%Y", "%Y-%m-%d"]
        self.fields["date"].help_text = "Ngày trên chứng từ; khoản được ghi vào sổ quỹ của năm này."


class OpeningBalanceForm(forms.Form):
    amount = AmountField(label="Số dư đầu năm (đồng)", max_length=30, required=False, allow_zero=True,
                         help_text="Chỉ nhập cho năm đầu tiên ghi sổ trên cổng. Để trống: chuyển số dư cuối năm "
                                   "trước sang.")
