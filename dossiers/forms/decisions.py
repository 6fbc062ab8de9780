"""Forms of the leader's side: sign a decision, forward upward, record a higher decision."""
from django import forms
from django.utils import timezone

from awards.models import LegalBasisProfile
from core.forms import NfcFormMixin, SignerFormMixin
from orgs.forms import DATE_WIDGET

from ..models import Decision, Forwarding, Nomination


class NominationsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        unit = obj.person.organisation.name if obj.person_id else "tập thể"
        return f"{obj.name} ({unit}) – {obj.dossier.offer.award_form}"


class DecisionForm(SignerFormMixin, NfcFormMixin, forms.ModelForm):
    nominations = NominationsField(queryset=Nomination.objects.none(), label="Người, tập thể được khen thưởng")

    class Meta:
        model = Decision
        fields = ["number", "symbol", "date", "title", "memo_reference", "sign_as", "signer_title",
                  "signer_name", "legal_profile"]
        widgets = {"date": DATE_WIDGET}

    def __init__(self, *args, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].queryset = nominations
        self.fields["legal_profile"].queryset = LegalBasisProfile.objects.all()
        self.fields["legal_profile"].required = True


class ForwardForm(SignerFormMixin, NfcFormMixin, forms.ModelForm):
    nominations = NominationsField(queryset=Nomination.objects.none(), label="Người, tập thể trình cấp trên")

    class Meta:
        model = Forwarding
        fields = ["to_authority", "memo_number", "memo_date", "sign_as", "signer_title", "signer_name"]
        widgets = {"memo_date": DATE_WIDGET}

    def __init__(self, *args, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].queryset = nominations


class HigherDecisionForm(NfcFormMixin, forms.ModelForm):
    awarded = NominationsField(queryset=Nomination.objects.none(), required=False,
                               label="Người, tập thể được cấp trên khen thưởng")
    reason_not_awarded = forms.CharField(label="Lý do với những người không được khen (nếu có)", required=False,
                                         widget=forms.Textarea(attrs={"rows": 2}))

    class Meta:
        model = Decision
        fields = ["higher_authority", "number", "symbol", "date", "title", "signer_title", "signer_name"]
        widgets = {"date": DATE_WIDGET}

    def __init__(self, *args, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["awarded"].queryset = nominations
        self.fields["higher_authority"].required = True


class ApproveForm(forms.Form):
    approved = forms.TypedChoiceField(choices=[("1", "Đồng ý"), ("0", "Không đồng ý")], coerce=lambda v: v == "1")
    reason = forms.CharField(required=False, max_length=1000)


def today():
    return timezone.localdate()
