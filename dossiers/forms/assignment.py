"""Phân công: the office assigns a dossier it received to one of its specialists (services/assignment.py)."""
from django import forms
from django.contrib.auth import get_user_model

from core.widgets import PlainSelect


class AssigneeChoice(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.get_full_name() or user.username


class AssignForm(forms.Form):
    assignee = AssigneeChoice(
        queryset=get_user_model().objects.none(), label="Chuyên viên xử lý", empty_label="— Chọn chuyên viên —",
        widget=PlainSelect, error_messages={"required": "Chọn chuyên viên xử lý hồ sơ.",
                                            "invalid_choice": "Chỉ chọn được chuyên viên thẩm định của cơ quan "
                                                              "nhận hồ sơ."})
    note = forms.CharField(label="Ghi chú (nội dung giao việc)", required=False, max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, reviewers, **kwargs):
        """`reviewers`: the users who review for the dossier's issuing body (services.assignment.reviewers, a
        queryset: posting anyone else is the field's error)."""
        super().__init__(*args, prefix="phan-cong", label_suffix="", **kwargs)
        self.fields["assignee"].queryset = reviewers
        # read once: PlainSelect goes over its choices twice (a query each time from the field's iterator)
        field = self.fields["assignee"]
        field.widget.choices = [("", field.empty_label)] + [(user.pk, field.label_from_instance(user))
                                                            for user in reviewers]
        self.fields["assignee"].widget.attrs["class"] = "form-select"
        self.fields["note"].widget.attrs["class"] = "form-control"
