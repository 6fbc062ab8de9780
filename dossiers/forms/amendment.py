"""The form of an amending decision (dossiers/services/amendment.py): the decision's own fields, and one row per award
in force of the amended decision with its texts as they read, to be corrected where they are wrong."""
from django import forms

from core.forms import NfcFormMixin
from orgs.forms import DATE_WIDGET

from ..services.amendment import as_decided, snapshot_rows
from .revocation import DecisionActForm

PREFIX = "dc"


class AmendmentForm(DecisionActForm):
    act = "đính chính"

    class Meta(DecisionActForm.Meta):
        widgets = {"date": DATE_WIDGET, "reason": forms.Textarea(attrs={"rows": 2})}
        labels = {"number": "Số quyết định đính chính", "date": "Ngày ký", "reason": "Lý do đính chính"}

    def __init__(self, *args, amended, **kwargs):
        super().__init__(*args, acted_on=amended, **kwargs)
        self.fields["reason"].help_text = "Ví dụ: ghi sai họ tên, chức vụ so với hồ sơ đề nghị khen thưởng."


class CorrectionRowForm(NfcFormMixin, forms.Form):
    award = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(label="Họ và tên / tên tập thể", max_length=300)
    unit = forms.CharField(label="Chức vụ, đơn vị", max_length=500, required=False)
    award_form = forms.CharField(label="Hình thức khen thưởng", max_length=300)
    achievement = forms.CharField(label="Thành tích", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    update_record = forms.BooleanField(label="Sửa cả tên trong hồ sơ", required=False,
                                       help_text="Hồ sơ cá nhân, tập thể, hộ gia đình cũng ghi sai tên này.")


CorrectionFormSet = forms.formset_factory(CorrectionRowForm, extra=0, max_num=1000, validate_max=True)


def correction_rows(decision):
    """(award, its texts as decided) of each award in force, in the order of the decision's list."""
    rows = snapshot_rows(decision)
    awards = decision.awards.live().select_related("person__organisation", "organisation", "household",
                                                   "award_form").order_by("pk")
    ordered = sorted(awards, key=lambda a: (rows.get(a.pk, {}).get("stt", 10**6), a.pk))
    return [(award, as_decided(award, rows), rows.get(award.pk, {}).get("stt")) for award in ordered]


def correction_formset(decision, data=None):
    """The rows' formset, each row's initial the award as decided; `rows` on it: (award, decided, stt, form)."""
    listed = correction_rows(decision)
    initial = [{"award": award.pk, **decided} for award, decided, _ in listed]
    formset = CorrectionFormSet(data, initial=initial, prefix=PREFIX)
    # a posted formset may hold fewer rows than the page showed: those are the rows it corrects
    formset.rows = [(award, decided, stt, form)
                    for (award, decided, stt), form in zip(listed, formset.forms, strict=False)]
    return formset


def corrections_of(formset):
    """What the service takes: the rows where something was typed differently, with their award."""
    corrections = []
    for award, decided, _stt, form in formset.rows:
        data = form.cleaned_data
        if data.get("award") != award.pk:  # a row posted for another award than the page showed
            raise forms.ValidationError("Danh sách đã thay đổi: hãy tải lại trang.")
        # only the texts typed differently (spaces and line ends aside) go to the service: the others stay as decided
        typed = {field: data.get(field, "") for field in ("name", "unit", "award_form", "achievement")
                 if " ".join(str(data.get(field, "")).split()) != " ".join(str(decided[field]).split())}
        if typed:
            corrections.append({"award": award, **typed, "update_record": data.get("update_record", False)})
    return corrections
