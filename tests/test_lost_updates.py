"""Lost updates (issue 16): two people open the same edit page, the first saves, the second's save is refused with
a message naming who saved and when; nothing the first saved is lost, the second finds what they typed in the form
shown again, and saving that form again (deliberately) goes through. One row per edit page: a page that lost its
check fails its row. The mechanism itself: core/concurrency.py, tests/core/test_concurrency.py."""
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from campaigns.models import CampaignParticipant, Criterion, PlanTask, QuotaOverride, Registration, ReminderRule, Target
from campaigns.services.campaigns import offer_award
from dossiers.models import NominationMeeting
from dossiers.services import building
from orgs.enums import Role
from orgs.models import EmulationBloc
from tests.factories.campaigns import award_form, draft_campaign, launched_campaign
from tests.factories.dossiers import TZ
from tests.factories.orgs import MembershipFactory, UserFactory

REFUSED = "Trong lúc bạn sửa,"
RETYPE = "Những gì bạn gõ vẫn còn dưới đây; hãy xem lại rồi lưu lại."


class FormReader(HTMLParser):
    """The fields of each <form method="post"> of a page, as a browser would post them (text, hidden, checked
    boxes and radios, selected options, textareas)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.form, self.select, self.textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "template":  # the empty row a script copies: not posted
            self.form, self._saved = None, self.form
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.form = []
            self.forms.append(self.form)
        if self.form is None:
            return
        name = attrs.get("name")
        if tag == "input" and name and "disabled" not in attrs:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.form.append((name, attrs.get("value") or "on"))
            elif kind not in ("submit", "button", "file"):
                self.form.append((name, attrs.get("value") or ""))
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.form.append((self.select, attrs.get("value") or ""))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_endtag(self, tag):
        if tag == "template":
            self.form = self._saved
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea and self.form is not None:
            name, text = self.textarea
            self.form.append((name, text[1:] if text.startswith("\n") else text))
            self.textarea = None
        elif tag == "form":
            self.form = None

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data


def edit_form(page):
    """The posted fields (name -> value, or list of values) of the page's form that carries a version token."""
    reader = FormReader()
    reader.feed(page)
    for fields in reader.forms:
        if any(name.endswith("phien_ban") for name, _ in fields):
            data = {}
            for name, value in fields:
                data.setdefault(name, []).append(value)
            return {name: values[0] if len(values) == 1 else values for name, values in data.items()}
    raise AssertionError("no edit form with a version token (phien_ban) on the page")


@dataclass
class Page:
    """One edit page: how to open it and who may save it; what the first and the second person type (field ->
    value), and how to read back what is saved of a field."""

    url: str
    first: object
    second: object
    first_types: dict
    second_types: dict
    saved: Callable[[str], object]
    merges: bool = True  # what only the first changed comes back as saved (a single record's form; not a formset)


def fresh(record):
    return type(record)._default_manager.get(pk=record.pk)


def person(first_name, last_name, organisation, role, username):
    user = UserFactory(username=username, first_name=first_name, last_name=last_name)
    MembershipFactory(user=user, organisation=organisation, role=role)
    return user


def second_clerk(t):
    return person("Trần Thị", "Bích", t.unit_a, Role.CLERK, "canbo_a2")


def second_admin(t):
    return person("Trần Thị", "Bích", t.province, Role.ADMIN, "quantri2")


def report_page(t):
    campaign = launched_campaign(t, participants=[t.unit_a])
    Criterion.objects.create(campaign=campaign, subject_type="individual", text="Hoàn thành xuất sắc nhiệm vụ")
    dossier = building.start_dossier(campaign, t.unit_a, campaign.awards.first(), by=t.clerk_a)
    nomination = building.add_nominee(dossier, subject_type="individual", person=t.person_a, by=t.clerk_a)
    report = nomination.report
    return Page(reverse("dossiers:report_edit", args=[nomination.pk]), t.clerk_a, second_clerk(t),
                {"results": "Hoàn thành 100% chỉ tiêu; tham mưu 12 văn bản.", "summary": "Tóm tắt của người thứ nhất"},
                {"measures": "Biện pháp người thứ hai gõ", "results": "Kết quả người thứ hai gõ"},
                lambda name: getattr(fresh(report.nomination) if name == "summary" else fresh(report), name))


def dossier_page(t):
    campaign = launched_campaign(t, participants=[t.unit_a])
    dossier = building.start_dossier(campaign, t.unit_a, campaign.awards.first(), by=t.clerk_a)
    return Page(reverse("dossiers:dossier_update", args=[dossier.pk]), t.clerk_a, second_clerk(t),
                {"memo_number": "07/TTr-TCCB", "note": "Ghi chú của người thứ nhất"},
                {"memo_number": "08/TTr-TCCB", "signer_name": "Lê Văn Ký"},
                lambda name: getattr(fresh(dossier), name))


def meeting_page(t):
    campaign = launched_campaign(t, participants=[t.unit_a])
    meeting = NominationMeeting.objects.create(
        campaign=campaign, organisation=t.unit_a, held_at=datetime(2025, 7, 25, 8, 0, tzinfo=TZ), place="Phòng họp",
        chair="Nguyễn Văn Hùng", secretary="Phạm Thị Thảo", members_total=10, members_present=9,
        ballot_type="hands")
    return Page(reverse("dossiers:meeting_update", args=[meeting.pk]), t.clerk_a, second_clerk(t),
                {"place": "Hội trường tầng 2", "conclusion": "Kết luận người thứ nhất gõ"},
                {"place": "Phòng họp số 3", "discussion": "Ý kiến người thứ hai gõ"},
                lambda name: getattr(fresh(meeting), name))


def registration_page(t):
    campaign = launched_campaign(t, participants=[t.unit_a])
    return Page(reverse("campaigns:registration_edit", args=[campaign.pk]), t.clerk_a, second_clerk(t),
                {"reg-note": "Ghi chú người thứ nhất gõ"}, {"reg-note": "Ghi chú người thứ hai gõ"},
                lambda name: Registration.objects.get(campaign=campaign, organisation=t.unit_a).note, merges=False)


def campaign_page(t):
    campaign = draft_campaign(t)
    return Page(reverse("campaigns:campaign_update", args=[campaign.pk]), t.admin, second_admin(t),
                {"theme": "Chủ đề người thứ nhất gõ", "title": "Tên phong trào người thứ nhất sửa"},
                {"theme": "Chủ đề người thứ hai gõ", "purpose": "Mục đích người thứ hai gõ"},
                lambda name: getattr(fresh(campaign), name))


def section_page(section, first_row, second_row, read):
    """A section of the plan: the first person types `first_row` into row 0, the second `second_row`."""
    def build(t):
        campaign = draft_campaign(t)
        offer = offer_award(campaign, award_form(), copies=2, by=t.admin)
        Target.objects.create(campaign=campaign, text="Chỉ tiêu có sẵn")
        Criterion.objects.create(campaign=campaign, subject_type="individual", text="Tiêu chuẩn có sẵn")
        ReminderRule.objects.create(campaign=campaign, kind="before", days=3)
        PlanTask.objects.create(campaign=campaign, quarter=1, content="Nhiệm vụ có sẵn")
        CampaignParticipant.objects.create(campaign=campaign, organisation=t.unit_a)
        QuotaOverride.objects.create(campaign_award=offer, organisation=t.unit_a, max_count=2)
        url = (reverse("campaigns:quota_overrides", args=[offer.pk]) if section == "chi-tieu-rieng"
               else reverse("campaigns:campaign_section", args=[campaign.pk, section]))
        return Page(url, t.admin, second_admin(t), {f"rows-0-{k}": v for k, v in first_row(t).items()},
                    {f"rows-0-{k}": v for k, v in second_row(t).items()},
                    lambda name: read(campaign, name.removeprefix("rows-0-")), merges=False)
    return build


def first_row_of(related, order=("order", "pk")):
    return lambda campaign, name: getattr(getattr(campaign, related).order_by(*order).first(), name)


def person_page(t):
    return Page(reverse("orgs:person_update", args=[t.person_a.pk]), t.admin, t.clerk_a,
                {"position": "Phó Trưởng phòng", "phone": "0912 345 678"},
                {"position": "Chuyên viên chính", "qualification": "Thạc sĩ Luật"},
                lambda name: getattr(fresh(t.person_a), name))


def organisation_page(t):
    return Page(reverse("orgs:organisation_update", args=[t.unit_a.pk]), t.admin, second_admin(t),
                {"phone": "0233 385 1234", "address": "Số 1 đường Hùng Vương"},
                {"phone": "0233 385 9999", "email": "tccb@example.gov.vn"},
                lambda name: getattr(fresh(t.unit_a), name))


def account_page(t):
    return Page(reverse("orgs:account_update", args=[t.clerk_b.pk]), t.admin, second_admin(t),
                {"email": "thu.nhat@example.gov.vn", "full_name": "Lê Văn Bình"},
                {"email": "thu.hai@example.gov.vn"},
                lambda name: (fresh(t.clerk_b).get_full_name() if name == "full_name"
                              else getattr(fresh(t.clerk_b), name)))


def bloc_page(t):
    bloc = EmulationBloc.objects.create(name="Khối các sở", kind="khoi", organiser=t.province)
    bloc.members.set([t.body, t.other])
    return Page(reverse("orgs:bloc_update", args=[bloc.pk]), t.admin, second_admin(t),
                {"description": "Mô tả người thứ nhất gõ"}, {"name": "Khối các sở, ban, ngành"},
                lambda name: getattr(fresh(bloc), name))


PAGES = {
    "báo cáo thành tích": report_page,
    "tờ trình": dossier_page,
    "biên bản họp bình xét": meeting_page,
    "đăng ký thi đua": registration_page,
    "phong trào: thông tin chung": campaign_page,
    "chỉ tiêu": section_page("chi-tieu", lambda t: {"text": "Chỉ tiêu người thứ nhất sửa"},
                             lambda t: {"text": "Chỉ tiêu người thứ hai sửa"}, first_row_of("targets")),
    "tiêu chuẩn": section_page("tieu-chuan", lambda t: {"text": "Tiêu chuẩn người thứ nhất sửa"},
                               lambda t: {"text": "Tiêu chuẩn người thứ hai sửa"}, first_row_of("criteria")),
    "hình thức": section_page("hinh-thuc", lambda t: {"note": "Ghi chú người thứ nhất"},
                              lambda t: {"note": "Ghi chú người thứ hai", "copies": "3"}, first_row_of("awards")),
    "thành phần hồ sơ": section_page("thanh-phan", lambda t: {"name": "Tờ trình (bản chính)"},
                                     lambda t: {"name": "Tờ trình đề nghị (bản gốc)"}, first_row_of("components")),
    "đơn vị tham gia": section_page("don-vi", lambda t: {"include_subtree": ""},
                                    lambda t: {"organisation": str(t.unit_b.pk)},
                                    first_row_of("participants", ("pk",))),
    "nhắc hạn": section_page("nhac-han", lambda t: {"days": "5"}, lambda t: {"days": "9"},
                             lambda campaign, name: getattr(campaign.reminder_rules.first(), name)),
    "nhiệm vụ": section_page("nhiem-vu", lambda t: {"content": "Nhiệm vụ người thứ nhất sửa"},
                             lambda t: {"content": "Nhiệm vụ người thứ hai sửa"}, first_row_of("tasks")),
    "chỉ tiêu riêng": section_page(
        "chi-tieu-rieng", lambda t: {"max_count": "5"}, lambda t: {"max_count": "7"},
        lambda campaign, name: getattr(QuotaOverride.objects.get(campaign_award__campaign=campaign), name)),
    "cán bộ": person_page,
    "cơ quan, đơn vị": organisation_page,
    "tài khoản": account_page,
    "khối, cụm thi đua": bloc_page,
}


def typed(data, changes):
    """The form as opened, with the changes typed in (a checkbox typed "" is unticked)."""
    data = dict(data)
    for name, value in changes.items():
        if value == "":
            data.pop(name, None)
        else:
            data[name] = value
    return data


def version(data):
    """The hash part of the form's version token (the rest is the time it was read)."""
    return next(value for name, value in data.items() if name.endswith("phien_ban")).partition(".")[0]


def comparable(value):
    if hasattr(value, "pk"):
        return str(value.pk)
    if isinstance(value, bool):
        return "on" if value else ""
    return "" if value is None else str(value)


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("name", PAGES)
def test_a_save_made_meanwhile_is_not_wiped(cast, name):
    page = PAGES[name](cast)
    first, second = client_of(page.first), client_of(page.second)
    cast.admin.first_name, cast.admin.last_name = "Nguyễn Văn", "An"
    cast.admin.save()
    page.first.refresh_from_db()
    opened_by_first = edit_form(first.get(page.url).content.decode())
    opened_by_second = edit_form(second.get(page.url).content.decode())
    assert version(opened_by_first) == version(opened_by_second)

    assert first.post(page.url, typed(opened_by_first, page.first_types)).status_code == 302
    saved_by_first = {field: comparable(page.saved(field)) for field in page.first_types}
    assert saved_by_first == {field: value for field, value in page.first_types.items()}

    refused = second.post(page.url, typed(opened_by_second, page.second_types))
    assert refused.status_code in (200, 400)
    text = refused.content.decode()
    who = page.first.get_full_name()
    assert f"{REFUSED} {who} đã lưu thay đổi lúc " in text and RETYPE in text
    assert {field: comparable(page.saved(field)) for field in page.first_types} == saved_by_first  # nothing lost
    shown_again = edit_form(text)
    for field, value in page.second_types.items():  # what the second person typed is still in the form
        assert shown_again.get(field, "") == value, field
    assert version(shown_again) != version(opened_by_second)  # with the new token
    only_first = page.first_types.keys() - page.second_types.keys()
    if page.merges:  # what only the first changed is shown as saved
        assert {field: shown_again.get(field, "") for field in only_first} == {
            field: page.first_types[field] for field in only_first}

    assert second.post(page.url, shown_again).status_code == 302  # saving again, deliberately, goes through
    for field, value in page.second_types.items():
        assert comparable(page.saved(field)) == value, field
    if page.merges:  # and keeps what only the first changed
        assert {field: comparable(page.saved(field)) for field in only_first} == {
            field: page.first_types[field] for field in only_first}


@pytest.mark.parametrize("name", PAGES)
def test_a_page_opened_again_after_a_save_saves(cast, name):
    page = PAGES[name](cast)
    client = client_of(page.first)
    assert client.post(page.url, edit_form(client.get(page.url).content.decode())).status_code == 302
    assert client.post(page.url, typed(edit_form(client.get(page.url).content.decode()),
                                       page.first_types)).status_code == 302
    assert {field: comparable(page.saved(field)) for field in page.first_types} == page.first_types
    assert client.post(page.url, typed(edit_form(client.get(page.url).content.decode()),
                                       page.second_types)).status_code == 302


@pytest.mark.parametrize("name", PAGES)
def test_every_edit_page_opens_with_the_record_and_an_untouched_save_clears_nothing(cast, name):
    """The account form once opened blank: saving it after changing only the e-mail deactivated the account."""
    page = PAGES[name](cast)
    client = client_of(page.first)
    assert client.post(page.url, typed(edit_form(client.get(page.url).content.decode()),
                                       page.first_types)).status_code == 302
    opened = edit_form(client.get(page.url).content.decode())
    assert {field: opened.get(field, "") for field in page.first_types} == page.first_types
    assert client.post(page.url, opened).status_code == 302
    assert {field: comparable(page.saved(field)) for field in page.first_types} == page.first_types
