"""The Biên bản and the dossier no longer go in a circle (docs/workflow.md, "Biên bản và hồ sơ"): nominees are
added with their votes from the Biên bản (the dossier opened when there is none), or a dossier's votes are
entered into its Biên bản from the dossier; each page says which way the data goes."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dossiers.models import Dossier, MeetingVote, Nomination, NominationMeeting
from dossiers.services import building, meetings
from dossiers.services.workflow import transition
from tests.factories.campaigns import launched_campaign
from tests.factories.dossiers import ready_dossier

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def meeting_of(campaign, unit, present=9, total=10):
    return NominationMeeting.objects.create(
        campaign=campaign, organisation=unit, held_at=datetime(2025, 7, 25, 8, 0, tzinfo=TZ), place="Phòng họp",
        chair="Nguyễn Văn Hùng", secretary="Phạm Thị Thảo", members_total=total, members_present=present,
        ballot_type="secret")


@pytest.fixture
def first(cast):
    """A launched campaign unit A takes part in, its Biên bản, and no dossier yet: the meeting came first."""
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    return campaign, meeting_of(campaign, cast.unit_a)


# --- from the Biên bản ---------------------------------------------------------------------------------
def test_from_the_meeting_a_nominee_opens_the_dossier_with_its_votes(cast, first):
    campaign, meeting = first
    offer = campaign.awards.first()
    nomination = meetings.add_nominee(meeting, offer=offer, subject_type="individual", person=cast.person_a,
                                      votes=(8, 1, 0), by=cast.clerk_a)
    dossier = Dossier.objects.get()
    assert (dossier.campaign, dossier.organisation, dossier.offer, dossier.meeting, dossier.state) == (
        campaign, cast.unit_a, offer, meeting, "draft")
    vote = MeetingVote.objects.get(nomination=nomination)
    assert (vote.meeting, vote.votes_for, vote.votes_against, vote.votes_abstain) == (meeting, 8, 1, 0)
    # a second one goes into the same dossier
    meetings.add_nominee(meeting, offer=offer, subject_type="collective", organisation=cast.unit_a,
                         votes=(9, 0, 0), by=cast.clerk_a)
    assert Dossier.objects.count() == 1 and dossier.nominations.count() == 2


@pytest.mark.parametrize(("case", "message"), [
    ("too many votes", "Nguyễn Thị Hương: tổng số phiếu (12) vượt quá số thành viên có mặt (9)."),
    ("other meeting", "đã gắn với biên bản họp khác"),
    ("sent", "chỉ sửa được khi đang soạn hoặc bị trả lại."),
])
def test_from_the_meeting_a_refusal_writes_nothing(cast, first, case, message):
    campaign, meeting = first
    offer = campaign.awards.first()
    votes = (10, 2, 0) if case == "too many votes" else (8, 1, 0)
    if case == "other meeting":
        dossier = building.start_dossier(campaign, cast.unit_a, offer, by=cast.clerk_a)
        dossier.meeting = meeting_of(campaign, cast.unit_a)
        dossier.save()
    if case == "sent":
        dossier = ready_dossier(cast, campaign=campaign)
        transition(dossier, "submit", by=cast.clerk_a)
    before = (Dossier.objects.count(), Nomination.objects.count(), MeetingVote.objects.count())
    with pytest.raises(ValidationError) as error:
        meetings.add_nominee(meeting, offer=offer, subject_type="individual",
                             person=cast.person_a if case != "sent" else _other_person(cast), votes=votes,
                             by=cast.clerk_a)
    assert message in " ".join(error.value.messages)
    assert (Dossier.objects.count(), Nomination.objects.count(), MeetingVote.objects.count()) == before


def _other_person(cast):
    from tests.factories.orgs import PersonFactory

    return PersonFactory(full_name="Đỗ Văn Nam", organisation=cast.unit_a)


def test_from_the_meeting_only_its_units_clerk(cast, first):
    campaign, meeting = first
    with pytest.raises(PermissionDenied):
        meetings.add_nominee(meeting, offer=campaign.awards.first(), subject_type="individual", person=cast.person_a,
                             votes=(8, 1, 0), by=cast.clerk_b)
    assert not Dossier.objects.exists()


def test_the_meeting_page_adds_a_nominee_and_says_which_way(cast, client_for, first):
    campaign, meeting = first
    client = client_for(cast.clerk_a)
    page = client.get(f"/bien-ban/{meeting.pk}/bieu-quyet/").content.decode()
    assert "từ Biên bản vào hồ sơ" in page and 'id="add-nominee"' in page
    response = client.post(f"/bien-ban/{meeting.pk}/them-nguoi/", {
        "offer": campaign.awards.first().pk, "subject_type": "individual", "person": cast.person_a.pk,
        "organisation": "", "votes_for": "8", "votes_against": "1", "votes_abstain": ""})
    assert response.status_code == 302 and response.url == f"/bien-ban/{meeting.pk}/bieu-quyet/"
    page = client.get(response.url)
    assert [row.nomination.name for row in page.context["formset"].rows.values()] == ["Nguyễn Thị Hương"]
    dossier = Dossier.objects.get()
    assert f"/ho-so/{dossier.pk}/bieu-quyet/" in page.content.decode()  # the other way in, linked


def test_the_meeting_page_keeps_what_was_typed_when_refused(cast, client_for, first):
    campaign, meeting = first
    response = client_for(cast.clerk_a).post(f"/bien-ban/{meeting.pk}/them-nguoi/", {
        "offer": campaign.awards.first().pk, "subject_type": "individual", "person": "", "organisation": "",
        "votes_for": "8", "votes_against": "-1", "votes_abstain": ""})
    assert response.status_code == 400
    form = response.context["nominee_form"]
    assert form.errors == {"person": ["Chọn cá nhân được đề nghị."], "votes_against": ["Số phiếu không được âm."]}
    html = response.content.decode()
    assert 'name="votes_for" id="id_votes_for" value="8"' in html
    assert not Dossier.objects.exists()


def test_the_meeting_page_refuses_another_units_person(cast, client_for, first):
    campaign, meeting = first
    response = client_for(cast.clerk_a).post(f"/bien-ban/{meeting.pk}/them-nguoi/", {
        "offer": campaign.awards.first().pk, "subject_type": "individual", "person": cast.person_b.pk,
        "organisation": "", "votes_for": "8", "votes_against": "", "votes_abstain": ""})
    assert response.status_code == 400
    assert response.context["nominee_form"].errors["person"] == ["Người này không thuộc đơn vị họp bình xét."]
    assert client_for(cast.clerk_b).post(f"/bien-ban/{meeting.pk}/them-nguoi/", {}).status_code == 404
    assert client_for(cast.reviewer).post(f"/bien-ban/{meeting.pk}/them-nguoi/", {}).status_code == 404


# --- from the dossier ----------------------------------------------------------------------------------
@pytest.fixture
def dossier_first(cast):
    """The dossier came first: a draft with one nominee and no Biên bản."""
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    dossier = building.start_dossier(campaign, cast.unit_a, campaign.awards.first(), by=cast.clerk_a)
    nomination = building.add_nominee(dossier, subject_type="individual", person=cast.person_a, by=cast.clerk_a)
    return dossier, nomination


def votes(nomination, votes_for="8", against="1", abstain="0", **extra):
    return {"votes-TOTAL_FORMS": "1", "votes-INITIAL_FORMS": "1", "votes-MIN_NUM_FORMS": "0",
            "votes-MAX_NUM_FORMS": "1000", "votes-0-nomination": str(nomination.pk), "votes-0-votes_for": votes_for,
            "votes-0-votes_against": against, "votes-0-votes_abstain": abstain, **extra}


def test_from_the_dossier_the_votes_go_into_the_chosen_meeting(cast, client_for, dossier_first):
    dossier, nomination = dossier_first
    meeting = meeting_of(dossier.campaign, cast.unit_a)
    client = client_for(cast.clerk_a)
    page = client.get(f"/ho-so/{dossier.pk}/bieu-quyet/")
    assert page.status_code == 200 and "từ hồ sơ vào Biên bản" in page.content.decode()
    assert list(page.context["meeting_form"].fields["meeting"].queryset) == [meeting]
    missing = client.post(f"/ho-so/{dossier.pk}/bieu-quyet/", votes(nomination, "7"))
    assert missing.status_code == 400
    assert missing.context["meeting_form"].errors["meeting"] == [
        "Chọn biên bản họp bình xét để ghi kết quả biểu quyết."]
    assert missing.context["formset"].forms[0]["votes_for"].value() == "7"  # what was typed is kept
    response = client.post(f"/ho-so/{dossier.pk}/bieu-quyet/", votes(nomination, meeting=meeting.pk))
    assert response.status_code == 302 and response.url == f"/ho-so/{dossier.pk}/"
    dossier.refresh_from_db()
    assert dossier.meeting == meeting
    assert MeetingVote.objects.get(nomination=nomination).votes_for == 8
    # now tied: the page writes into that Biên bản without asking, and links to it
    page = client.get(f"/ho-so/{dossier.pk}/bieu-quyet/")
    assert page.context["meeting_form"] is None and f"/bien-ban/{meeting.pk}/bieu-quyet/" in page.content.decode()
    over = client.post(f"/ho-so/{dossier.pk}/bieu-quyet/", votes(nomination, "11", "0"))
    assert over.status_code == 400
    assert "Nguyễn Thị Hương: tổng số phiếu (11) vượt quá số thành viên có mặt (9)." in over.content.decode()


def test_from_the_dossier_a_new_meeting_comes_back_to_it(cast, client_for, dossier_first):
    dossier, nomination = dossier_first
    client = client_for(cast.clerk_a)
    data = {"campaign": dossier.campaign_id, "organisation": cast.unit_a.pk, "held_at": "28/07/2025 14:00",
            "place": "Phòng họp tầng 2", "chair": "Trần Văn An – Trưởng phòng", "secretary": "Lê Thị Bích",
            "members_total": "11", "members_present": "9", "absentees": "", "ballot_type": "hands",
            "discussion": "", "conclusion": "Thống nhất đề nghị khen thưởng.", "closed_at": "16:30"}
    response = client.post(f"/bien-ban/tao/?phong-trao={dossier.campaign_id}&don-vi={cast.unit_a.pk}"
                           f"&ho-so={dossier.pk}", data)
    meeting = NominationMeeting.objects.get()
    assert response.status_code == 302 and response.url == f"/ho-so/{dossier.pk}/bieu-quyet/?bien-ban={meeting.pk}"
    page = client.get(response.url)
    assert page.context["meeting"] == meeting


def test_the_dossier_votes_page_walls(cast, client_for, dossier_first):
    dossier, nomination = dossier_first
    assert client_for(cast.clerk_b).get(f"/ho-so/{dossier.pk}/bieu-quyet/").status_code == 404
    assert client_for(cast.reviewer).get(f"/ho-so/{dossier.pk}/bieu-quyet/").status_code == 404
    other = meeting_of(dossier.campaign, cast.unit_b)  # another unit's Biên bản is never a choice
    response = client_for(cast.clerk_a).post(f"/ho-so/{dossier.pk}/bieu-quyet/", votes(nomination, meeting=other.pk))
    assert response.status_code == 400
    assert response.context["meeting_form"].errors["meeting"] == ["Biên bản này không dùng được cho hồ sơ."]
    assert not MeetingVote.objects.exists()


def test_the_meeting_pages_link_only_dossiers_still_open(cast, client_for):
    dossier = ready_dossier(cast)
    meeting, client = dossier.meeting, client_for(cast.clerk_a)
    assert f"/ho-so/{dossier.pk}/bieu-quyet/" in client.get(f"/bien-ban/{meeting.pk}/").content.decode()
    transition(dossier, "submit", by=cast.clerk_a)  # sent: its votes no longer change from the dossier
    for url in (f"/bien-ban/{meeting.pk}/", f"/bien-ban/{meeting.pk}/bieu-quyet/"):
        page = client.get(url)
        assert page.status_code == 200 and f"/ho-so/{dossier.pk}/bieu-quyet/" not in page.content.decode()
