"""The form of a revoking decision (dossiers/services/revocation.py)."""
from django import forms

from core.forms import NfcFormMixin, SignerFormMixin
from orgs.forms import DATE_WIDGET

from ..models import Award, Decision


class RevokedAwardsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        unit = obj.person.organisation.name if obj.person_id else "tập thể"
        money = f" – tiền thưởng {obj.bonus_amount:,} đ".replace(",", ".") if obj.bonus_amount else ""
        return f"{obj.subject_name} ({unit}) – {obj.award_form}{money}"


class DecisionActForm(SignerFormMixin, NfcFormMixin, forms.ModelForm):
    """A decision acting on another (thu hồi, đính chính): its number, date, title, signer and the reason, which
    is required. `act` names it in the help of the number of a higher authority's decision, as typed."""

    act = ""

    class Meta:
        model = Decision
        fields = ["number", "symbol", "date", "title", "reason", "sign_as", "signer_title", "signer_name"]
        widgets = {"date": DATE_WIDGET, "reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, acted_on, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = True
        if acted_on.kind == Decision.HIGHER:  # the higher authority's own numbering and signer, as typed
            self.fields["number"].help_text = f"Số của quyết định {self.act} do {acted_on.higher_authority} ban hành."


class RevocationForm(DecisionActForm):
    act = "thu hồi"
    awards = RevokedAwardsField(queryset=Award.objects.none(), label="Khen thưởng bị thu hồi",
                                help_text="Chọn tất cả để thu hồi toàn bộ quyết định.")

    class Meta(DecisionActForm.Meta):
        labels = {"number": "Số quyết định thu hồi", "date": "Ngày ký", "reason": "Lý do thu hồi"}

    def __init__(self, *args, revoked, **kwargs):
        super().__init__(*args, acted_on=revoked, **kwargs)
        self.fields["awards"].queryset = revoked.awards.live().select_related(
            "person__organisation", "organisation", "award_form").order_by("pk")
        self.fields["reason"].help_text = ("Khai man hồ sơ, giả mạo giấy tờ, xét không đúng quy định, hoặc sau "
                                           "đó phát hiện không đủ tiêu chuẩn (Luật Thi đua, khen thưởng 2022, "
                                           "Chương VII).")
