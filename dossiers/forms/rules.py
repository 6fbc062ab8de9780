"""The admin's form for one eligibility rule: applies, blocks, and its numeric parameters."""
from django import forms

from ..models import EligibilityRule
from ..services.eligibility import RULES, rule_params


class RuleForm(forms.ModelForm):
    """One row of the rule settings; a field `param_<name>` per parameter the rule declares."""

    class Meta:
        model = EligibilityRule
        fields = ["is_active", "is_blocking"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        spec = RULES[self.instance.code][3] if self.instance.code in RULES else {}
        current = rule_params(self.instance.code, self.instance) if spec else {}
        for name, (label, _default) in spec.items():
            self.fields[f"param_{name}"] = forms.IntegerField(
                label=label, min_value=1, max_value=30, initial=current[name], required=False,
                error_messages={"min_value": "Phải từ 1 trở lên.", "max_value": "Không quá 30.",
                                "invalid": "Nhập một số nguyên.", "required": "Chưa nhập giá trị."},
                widget=forms.NumberInput(attrs={"class": "form-control form-control-sm", "style": "width: 5rem"}))

    def param_fields(self):
        return [self[name] for name in self.fields if name.startswith("param_")]

    def save(self, commit=True):
        # a blank parameter falls back to the rule's default
        self.instance.parameters = {name.removeprefix("param_"): value for name, value in self.cleaned_data.items()
                                    if name.startswith("param_") and value is not None}
        return super().save(commit)


RuleFormSet = forms.modelformset_factory(EligibilityRule, form=RuleForm, extra=0)
