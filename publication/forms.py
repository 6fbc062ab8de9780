"""The public pages' search forms (GET) and the province's choice of what it publishes."""
from django import forms

from core.forms import NfcFormMixin


class DecisionFilterForm(NfcFormMixin, forms.Form):
    q = forms.CharField(label="Tìm kiếm", required=False, max_length=200,
                        help_text="Số quyết định, trích yếu, tên người hoặc tập thể được khen thưởng (gõ có dấu hoặc "
                                  "không dấu).")
    nam = forms.TypedChoiceField(label="Năm", required=False, coerce=int, empty_value=None,
                                 widget=forms.Select(attrs={"class": "form-select"}))
    co_quan = forms.CharField(label="Cơ quan quyết định", required=False, max_length=200,
                              help_text="Ví dụ: Sở Nội vụ, Chủ tịch UBND tỉnh.")

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = [("", "Tất cả các năm"), *((y, str(y)) for y in years)]


class LookupForm(NfcFormMixin, forms.Form):
    ten = forms.CharField(label="Họ và tên cá nhân hoặc tên tập thể", required=False, max_length=200,
                          help_text="Gõ có dấu hoặc không dấu, ví dụ: nguyen thi huong.")
    don_vi = forms.CharField(label="Đơn vị", required=False, max_length=200,
                             help_text="Tên cơ quan, đơn vị công tác (kể cả đơn vị cấp dưới).")

    def clean(self):
        data = super().clean()
        name, unit = data.get("ten", "").strip(), data.get("don_vi", "").strip()
        if not name and not unit:
            raise forms.ValidationError("Nhập họ và tên (hoặc tên tập thể), hoặc đơn vị để tra cứu.")
        if name and len(name) < 2:
            self.add_error("ten", "Nhập ít nhất 2 ký tự.")
        return data

    @property
    def searched(self):
        return self.is_bound and any(self.data.get(f, "").strip() for f in ("ten", "don_vi"))


class PublicationSettingsForm(forms.Form):
    """One box per award form of the catalogue: ticked = its decisions and awards are published."""

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = list(rows)
        for form, published in self.rows:
            self.fields[f"form_{form.pk}"] = forms.BooleanField(label=form.name, required=False, initial=published)

    def published_ids(self):
        return [form.pk for form, _ in self.rows if self.cleaned_data.get(f"form_{form.pk}")]

    def lines(self):
        return [(form, self[f"form_{form.pk}"]) for form, _ in self.rows]
