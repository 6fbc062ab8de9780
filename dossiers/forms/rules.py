"""The admin's form for one eligibility rule: applies, blocks, and its numeric parameters. One row per national
rule (EligibilityRule); the values shown and saved are those of the layer being edited (national or a
province's: services.rule_settings)."""
from django import forms

from ..models import EligibilityRule
from ..services.eligibility import RULES, rule_params


class RuleForm(forms.ModelForm):
    """One row of the rule settings; a field `param_<name>` per parameter the rule declares. `setting`: the rule
    as the edited layer has it (RuleSetting), for the values the row opens with."""

    class Meta:
        model = EligibilityRule
        fields = ["is_active", "is_blocking"]

    def __init__(self, *args, setting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.setting = setting
        if setting is not None and not self.is_bound:
            self.initial.update(is_active=setting.is_active, is_blocking=setting.is_blocking)
        spec = RULES[self.instance.code][3] if self.instance.code in RULES else {}
        current = rule_params(self.instance.code, setting or self.instance) if spec else {}
        for name, (label, _default) in spec.items():
            self.fields[f"param_{name}"] = forms.IntegerField(
                label=label, min_value=1, max_value=30, initial=current[name], required=False,
                error_messages={"min_value": "Phải từ 1 trở lên.", "max_value": "Không quá 30.",
                                "invalid": "Nhập một số nguyên.", "required": "Chưa nhập giá trị."},
                widget=forms.NumberInput(attrs={"class": "form-control form-control-sm", "style": "width: 5rem"}))

    def param_fields(self):
        return [self[name] for name in self.fields if name.startswith("param_")]

    def choice(self):
        """{is_active, is_blocking, parameters} as posted (a blank parameter falls back to the rule's default)."""
        return {"is_active": self.cleaned_data["is_active"], "is_blocking": self.cleaned_data["is_blocking"],
                "parameters": {name.removeprefix("param_"): value for name, value in self.cleaned_data.items()
                               if name.startswith("param_") and value is not None}}

    def save(self, commit=True):
        self.instance.parameters = self.choice()["parameters"]
        return super().save(commit)


class BaseRuleFormSet(forms.BaseModelFormSet):
    def __init__(self, *args, settings=None, **kwargs):
        self.settings = settings or {}
        kwargs.setdefault("queryset", EligibilityRule.objects.all())
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        queryset = self.get_queryset()
        if index is not None and index < len(queryset):
            kwargs["setting"] = self.settings.get(queryset[index].code)
        return kwargs


RuleFormSet = forms.modelformset_factory(EligibilityRule, form=RuleForm, formset=BaseRuleFormSet, extra=0)


class CampaignRulesForm(forms.Form):
    """A campaign's exceptions: per rule, follow the province or apply its own mode, with the reason.
    `settings`: the rules as they apply to the campaign now (rule_settings(campaign))."""

    def __init__(self, *args, settings, province_settings, **kwargs):
        from ..services.rule_settings import BLOCK, FOLLOW, OFF, WARN

        super().__init__(*args, **kwargs)
        self.rows = []
        for code, setting in settings.items():
            base = province_settings[code]
            follow = f"Theo cấu hình của tỉnh: {base.mode_label}"
            choices = [(FOLLOW, follow), (BLOCK, "Áp dụng, chặn nộp hồ sơ"), (WARN, "Áp dụng, chỉ cảnh báo"),
                       (OFF, "Không áp dụng cho phong trào này")]
            own = setting.where == "campaign"
            mode = FOLLOW if not own else (OFF if not setting.is_active else BLOCK if setting.is_blocking else WARN)
            self.fields[f"mode_{code}"] = forms.ChoiceField(
                label=setting.label, choices=choices, initial=mode, required=False,
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}))
            self.fields[f"note_{code}"] = forms.CharField(
                label=f"Lý do, căn cứ: {setting.label}", max_length=300, required=False,
                initial=setting.note if own else "",
                widget=forms.TextInput(attrs={"class": "form-control form-control-sm",
                                              "placeholder": "Ví dụ: xét theo thành tích trong phong trào"}))
            self.rows.append((code, self[f"mode_{code}"], self[f"note_{code}"]))

    def clean(self):
        from ..services.rule_settings import FOLLOW

        data = super().clean()
        for code, _mode, _note in self.rows:
            if data.get(f"mode_{code}") not in (None, FOLLOW) and not (data.get(f"note_{code}") or "").strip():
                self.add_error(f"note_{code}", "Ghi lý do, căn cứ của ngoại lệ (ví dụ kế hoạch của cấp phát động).")
        return data

    def choices(self):
        return {code: (self.cleaned_data.get(f"mode_{code}") or "", self.cleaned_data.get(f"note_{code}") or "")
                for code, _mode, _note in self.rows}
