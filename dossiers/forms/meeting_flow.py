"""The two ways between a Biên bản họp bình xét and a dossier (docs/workflow.md, "Biên bản và hồ sơ"): from the
Biên bản, one more nominee with its votes; from the dossier, the Biên bản its nominees' votes go into."""
from django import forms
from django.utils import timezone

from awards.enums import SubjectType
from campaigns.models import CampaignAward
from orgs.models import Organisation, Person

from ..models import NominationMeeting

NUMBER = {"class": "form-control text-end", "inputmode": "numeric", "style": "max-width: 7rem"}


class OfferChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj.award_form)


class MeetingNomineeForm(forms.Form):
    """From the Biên bản: a nominee of the meeting's unit, the award form, and the meeting's votes
    (services.meetings.add_nominee writes them)."""

    offer = OfferChoiceField(queryset=CampaignAward.objects.none(), label="Danh hiệu, hình thức khen thưởng",
                             empty_label="— Chọn —", error_messages={
                                 "required": "Chọn danh hiệu, hình thức khen thưởng.",
                                 "invalid_choice": "Danh hiệu, hình thức này không thuộc phong trào."})
    subject_type = forms.ChoiceField(label="Đối tượng", choices=[(SubjectType.INDIVIDUAL, "Cá nhân"),
                                                                 (SubjectType.COLLECTIVE, "Tập thể")])
    person = forms.ModelChoiceField(queryset=Person.objects.none(), required=False, label="Cá nhân",
                                    empty_label="— Chọn cá nhân —",
                                    error_messages={"invalid_choice": "Người này không thuộc đơn vị họp bình xét."})
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), required=False, label="Tập thể",
                                          empty_label="— Chọn tập thể —", error_messages={
                                              "invalid_choice": "Tập thể này không thuộc đơn vị họp bình xét."})
    votes_for = forms.IntegerField(label="Đồng ý", min_value=0, required=False)
    votes_against = forms.IntegerField(label="Không đồng ý", min_value=0, required=False)
    votes_abstain = forms.IntegerField(label="Không biểu quyết", min_value=0, required=False)

    # above this, people are added from the dossier's page, which searches by name (its picker)
    PERSON_LIST_LIMIT = 300

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        path = meeting.organisation.path
        self.fields["offer"].queryset = CampaignAward.objects.filter(campaign_id=meeting.campaign_id).select_related(
            "award_form").order_by("order", "pk")
        people = Person.objects.filter(organisation__path__startswith=path, is_active=True).select_related(
            "organisation").order_by("search_text", "pk")
        self.fields["person"].queryset = people
        self.fields["person"].label_from_instance = lambda p: (
            f"{p.full_name} – {p.position or 'cán bộ'}, {p.organisation.short_name or p.organisation.name}")
        self.fields["organisation"].queryset = Organisation.objects.filter(path__startswith=path).current().order_by(
            "path")
        for name in ("votes_for", "votes_against", "votes_abstain"):
            self.fields[name].widget.attrs.update(NUMBER)
            self.fields[name].error_messages.update({"min_value": "Số phiếu không được âm.",
                                                     "invalid": "Nhập một số nguyên."})
        self.too_many_people = people[:self.PERSON_LIST_LIMIT + 1].count() > self.PERSON_LIST_LIMIT

    def clean(self):
        data = super().clean()
        if data.get("subject_type") == SubjectType.INDIVIDUAL and not data.get("person") \
                and "person" not in self.errors:
            self.add_error("person", "Chọn cá nhân được đề nghị.")
        if data.get("subject_type") == SubjectType.COLLECTIVE and not data.get("organisation") \
                and "organisation" not in self.errors:
            self.add_error("organisation", "Chọn tập thể được đề nghị.")
        if data.get("votes_for") is None and "votes_for" not in self.errors:
            self.add_error("votes_for", "Nhập số phiếu đồng ý (có thể là 0).")
        return data

    def service_kwargs(self):
        data = self.cleaned_data
        individual = data["subject_type"] == SubjectType.INDIVIDUAL
        return {"offer": data["offer"], "subject_type": data["subject_type"],
                "person": data["person"] if individual else None,
                "organisation": None if individual else data["organisation"],
                "votes": (data["votes_for"], data["votes_against"] or 0, data["votes_abstain"] or 0)}


class MeetingLabelField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        number = f"số {obj.number}, " if obj.number else ""
        return f"Biên bản {number}họp lúc {timezone.localtime(obj.held_at):%H:%M %d/%m/%Y} – {obj.organisation.name}"


class DossierMeetingForm(forms.Form):
    """From the dossier: the Biên bản its nominees' votes go into, when it has none yet."""

    meeting = MeetingLabelField(queryset=NominationMeeting.objects.none(), label="Biên bản họp bình xét",
                                empty_label="— Chọn biên bản —", error_messages={
                                    "required": "Chọn biên bản họp bình xét để ghi kết quả biểu quyết.",
                                    "invalid_choice": "Biên bản này không dùng được cho hồ sơ."})

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = NominationMeeting.objects.filter(
            pk__in=[m.pk for m in meetings]).select_related("organisation").order_by("-held_at", "-pk")
