"""Biên bản họp bình xét: recording the unit's meeting, the votes per nominee, rates against the award
form's rule, and who may see or change a meeting."""
from datetime import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dossiers.enums import DossierState
from dossiers.models import Dossier, MeetingVote, Nomination, NominationMeeting
from dossiers.services import meetings as service
from dossiers.services.eligibility import meeting_vote_rule
from tests.factories.campaigns import launched_campaign
from tests.factories.orgs import PersonFactory

ROLES = ("anonymous", "outsider", "clerk_a", "clerk_b", "reviewer", "council", "approver", "admin")


def local(*args):
    return timezone.make_aware(datetime(*args))


@pytest.fixture
def campaign(cast):
    return launched_campaign(cast)


@pytest.fixture
def award(campaign):
    """The campaign's award form, with a rule: at least 70% of the members present."""
    form = campaign.awards.get().award_form
    form.needs_council, form.vote_threshold, form.vote_denominator = True, Decimal("70"), "present"
    form.save()
    return form


@pytest.fixture
def dossier(cast, campaign):
    return Dossier.objects.create(campaign=campaign, organisation=cast.unit_a, offer=campaign.awards.get())


@pytest.fixture
def nomination(cast, dossier):
    return Nomination.objects.create(dossier=dossier, subject_type="individual", person=cast.person_a)


def new_meeting(cast, campaign, **fields):
    values = {"campaign": campaign, "organisation": cast.unit_a, "held_at": local(2025, 7, 28, 14, 0),
              "place": "Phòng họp tầng 2", "chair": "Trần Văn An – Trưởng phòng", "secretary": "Lê Thị Bích",
              "members_total": 11, "members_present": 9, "ballot_type": "hands", **fields}
    return NominationMeeting.objects.create(**values)


@pytest.fixture
def meeting(cast, campaign):
    return new_meeting(cast, campaign)


@pytest.fixture
def sent_meeting(meeting, dossier, nomination):
    """A meeting whose votes were recorded and whose dossier was then sent to the Sở."""
    MeetingVote.objects.create(meeting=meeting, nomination=nomination, votes_for=8, votes_against=1)
    Dossier.objects.filter(pk=dossier.pk).update(meeting=meeting, state=DossierState.SUBMITTED)
    return meeting


def meeting_data(campaign, unit, **overrides):
    return {"campaign": campaign.pk, "organisation": unit.pk, "held_at": "28/07/2025 14:00",
            "place": "Phòng họp tầng 2", "chair": "Trần Văn An – Trưởng phòng", "secretary": "Lê Thị Bích",
            "members_total": "11", "members_present": "9", "absentees": "Nguyễn Văn Cường (đi công tác)",
            "ballot_type": "hands", "discussion": "Thảo luận thành tích từng người.",
            "conclusion": "Thống nhất đề nghị khen thưởng.", "closed_at": "16:30", **overrides}


def votes_data(*rows):
    data = {"votes-TOTAL_FORMS": str(len(rows)), "votes-INITIAL_FORMS": str(len(rows)),
            "votes-MIN_NUM_FORMS": "0", "votes-MAX_NUM_FORMS": "1000"}
    for index, (nomination, votes_for, against, abstain) in enumerate(rows):
        data.update({f"votes-{index}-nomination": str(nomination.pk), f"votes-{index}-votes_for": str(votes_for),
                     f"votes-{index}-votes_against": str(against), f"votes-{index}-votes_abstain": str(abstain)})
    return data


# --- the clerk records a meeting -------------------------------------------------------------------
def test_meeting_create_by_clerk_saves_and_goes_to_votes(cast, campaign, client_for):
    client = client_for(cast.clerk_a)

    response = client.post(reverse("dossiers:meeting_create"), meeting_data(campaign, cast.unit_a))

    meeting = NominationMeeting.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("dossiers:meeting_votes", args=[meeting.pk])
    assert timezone.localtime(meeting.held_at) == local(2025, 7, 28, 14, 0)
    assert (meeting.members_present, meeting.members_total, meeting.closed_at.strftime("%H:%M")) == (9, 11, "16:30")
    assert meeting.chair == "Trần Văn An – Trưởng phòng"
    entry = LogEntry.objects.get_for_object(meeting).get()
    assert entry.actor == cast.clerk_a


def test_meeting_create_accepts_time_before_date(cast, campaign, client_for):
    client = client_for(cast.clerk_a)

    response = client.post(reverse("dossiers:meeting_create"),
                           meeting_data(campaign, cast.unit_a, held_at="08:30 05/08/2025"))

    assert response.status_code == 302
    assert timezone.localtime(NominationMeeting.objects.get().held_at) == local(2025, 8, 5, 8, 30)


def test_meeting_create_preselects_campaign_and_unit(cast, campaign, client_for):
    client = client_for(cast.clerk_a)

    response = client.get(reverse("dossiers:meeting_create"), {"phong-trao": campaign.pk, "don-vi": cast.unit_a.pk})

    form = response.context["form"]
    assert response.status_code == 200
    assert (form.initial["campaign"], form.initial["organisation"]) == (campaign.pk, cast.unit_a.pk)
    assert list(form.fields["campaign"].queryset) == [campaign]
    assert list(form.fields["organisation"].queryset) == [cast.unit_a]


def test_meeting_create_present_over_total_refused_input_kept(cast, campaign, client_for):
    client = client_for(cast.clerk_a)

    response = client.post(reverse("dossiers:meeting_create"),
                           meeting_data(campaign, cast.unit_a, members_present="12"))

    assert response.status_code == 400
    assert response.context["form"].errors["members_present"] == [
        "Số thành viên có mặt (12) không được lớn hơn tổng số thành viên (11)."]
    content = response.content.decode()
    assert "Số thành viên có mặt (12) không được lớn hơn tổng số thành viên (11)." in content
    assert 'value="Phòng họp tầng 2"' in content
    assert 'value="28/07/2025 14:00"' in content
    assert NominationMeeting.objects.count() == 0


def test_meeting_create_nobody_present_refused(cast, campaign, client_for):
    response = client_for(cast.clerk_a).post(reverse("dossiers:meeting_create"),
                                             meeting_data(campaign, cast.unit_a, members_present="0"))

    assert response.status_code == 400
    assert response.context["form"].errors["members_present"] == ["Số thành viên có mặt phải lớn hơn 0."]


def test_meeting_create_before_campaign_start_refused(cast, campaign, client_for):
    response = client_for(cast.clerk_a).post(reverse("dossiers:meeting_create"),
                                             meeting_data(campaign, cast.unit_a, held_at="14/07/2024 09:00"))

    assert response.status_code == 400
    assert response.context["form"].errors["held_at"] == [
        "Cuộc họp bình xét phải diễn ra từ ngày bắt đầu phong trào (15/07/2024) trở đi."]


def test_meeting_create_bad_datetime_refused_in_vietnamese(cast, campaign, client_for):
    response = client_for(cast.clerk_a).post(reverse("dossiers:meeting_create"),
                                             meeting_data(campaign, cast.unit_a, held_at="2025-13-40"))

    assert response.status_code == 400
    assert response.context["form"].errors["held_at"] == [
        "Nhập thời gian theo dạng dd/mm/yyyy hh:mm, ví dụ 28/07/2025 14:00."]


def test_save_meeting_unit_not_taking_part_refused(cast, campaign):
    meeting = NominationMeeting(campaign=campaign, organisation=cast.unit_b, held_at=local(2025, 7, 28, 14, 0),
                                place="Hội trường", chair="A", secretary="B", members_total=5, members_present=5,
                                ballot_type="hands")

    with pytest.raises(ValidationError) as error:
        service.save_meeting(meeting, by=cast.clerk_b)

    assert error.value.message_dict == {"campaign": ["Phòng Công chức, viên chức không tham gia phong trào này."]}
    assert NominationMeeting.objects.count() == 0


def test_save_meeting_by_non_clerk_refused(cast, meeting):
    meeting.members_present = 8

    with pytest.raises(PermissionDenied):
        service.save_meeting(meeting, by=cast.reviewer)

    assert NominationMeeting.objects.get().members_present == 9


def test_meeting_update_form_shows_local_time(cast, meeting, client_for):
    response = client_for(cast.clerk_a).get(reverse("dossiers:meeting_update", args=[meeting.pk]))

    assert response.status_code == 200
    assert 'value="28/07/2025 14:00"' in response.content.decode()
    assert response.context["form"].fields["campaign"].disabled is True


def test_meeting_update_by_clerk(cast, meeting, client_for):
    data = meeting_data(meeting.campaign, cast.unit_a, members_present="10", place="Hội trường Sở")

    response = client_for(cast.clerk_a).post(reverse("dossiers:meeting_update", args=[meeting.pk]), data)

    meeting.refresh_from_db()
    assert response.status_code == 302
    assert (meeting.members_present, meeting.place) == (10, "Hội trường Sở")


def test_meeting_update_below_recorded_votes_refused(cast, meeting, nomination, client_for):
    MeetingVote.objects.create(meeting=meeting, nomination=nomination, votes_for=9)
    data = meeting_data(meeting.campaign, cast.unit_a, members_present="8")

    response = client_for(cast.clerk_a).post(reverse("dossiers:meeting_update", args=[meeting.pk]), data)

    assert response.status_code == 400
    assert response.context["form"].errors["members_present"] == [
        "Đã ghi kết quả biểu quyết có tổng số phiếu lớn hơn số thành viên này: Nguyễn Thị Hương. "
        "Sửa kết quả biểu quyết trước."]
    meeting.refresh_from_db()
    assert meeting.members_present == 9


# --- votes -----------------------------------------------------------------------------------------
def test_votes_table_lists_nominees_of_draft_dossiers(cast, meeting, nomination, client_for):
    response = client_for(cast.clerk_a).get(reverse("dossiers:meeting_votes", args=[meeting.pk]))

    assert response.status_code == 200
    assert [form.row.nomination for form in response.context["formset"]] == [nomination]
    assert "Nguyễn Thị Hương" in response.content.decode()


def test_votes_seven_of_nine_pass_seventy_percent(cast, meeting, dossier, nomination, award, client_for):
    client = client_for(cast.clerk_a)

    response = client.post(reverse("dossiers:meeting_votes", args=[meeting.pk]), votes_data((nomination, 7, 1, 1)))

    assert response.status_code == 302
    vote = MeetingVote.objects.get()
    assert (vote.meeting, vote.votes_for, vote.votes_against, vote.votes_abstain) == (meeting, 7, 1, 1)
    dossier.refresh_from_db()
    assert dossier.meeting == meeting
    result = service.result_of(vote)
    assert (result.percent, result.passed, result.percent_label) == (Decimal("77.77"), True, "77,77%")
    detail = client.get(reverse("dossiers:meeting_detail", args=[meeting.pk]))
    assert [(r.percent_label, r.verdict) for r in detail.context["results"]] == [("77,77%", "Đạt")]
    assert meeting_vote_rule(Nomination.objects.get(), {})[0] is True


def test_votes_six_of_nine_fail_seventy_percent(cast, meeting, nomination, award, client_for):
    client = client_for(cast.clerk_a)

    client.post(reverse("dossiers:meeting_votes", args=[meeting.pk]), votes_data((nomination, 6, 2, 1)))

    detail = client.get(reverse("dossiers:meeting_detail", args=[meeting.pk]))
    assert [(r.percent_label, r.verdict, r.badge) for r in detail.context["results"]] == [
        ("66,66%", "Không đạt", "danger")]
    assert meeting_vote_rule(Nomination.objects.get(), {})[0] is False


def test_votes_exceeding_present_refused(cast, meeting, nomination, client_for):
    response = client_for(cast.clerk_a).post(reverse("dossiers:meeting_votes", args=[meeting.pk]),
                                             votes_data((nomination, 8, 1, 1)))

    assert response.status_code == 400
    form = response.context["formset"].forms[0]
    assert form.non_field_errors() == ["Nguyễn Thị Hương: tổng số phiếu (10) vượt quá số thành viên có mặt (9)."]
    assert 'value="8"' in response.content.decode()
    assert MeetingVote.objects.count() == 0


def test_votes_secret_ballot_over_all_members_counts_written_votes(cast, campaign, nomination):
    form = campaign.awards.get().award_form
    form.vote_denominator = "all"
    form.save()
    meeting = new_meeting(cast, campaign, ballot_type="secret")

    service.record_votes(meeting, [(nomination, 10, 1, 0)], by=cast.clerk_a)

    vote = MeetingVote.objects.get()
    assert (vote.votes_for, service.result_of(vote).percent) == (10, Decimal("90.90"))


def test_votes_show_of_hands_over_all_members_limited_to_present(cast, campaign, nomination):
    form = campaign.awards.get().award_form
    form.vote_denominator = "all"
    form.save()
    meeting = new_meeting(cast, campaign, ballot_type="hands")

    with pytest.raises(ValidationError) as error:
        service.record_votes(meeting, [(nomination, 10, 0, 0)], by=cast.clerk_a)

    assert error.value.message_dict == {
        str(nomination.pk): ["Nguyễn Thị Hương: tổng số phiếu (10) vượt quá số thành viên có mặt (9)."]}


def test_votes_refused_for_submitted_dossier(cast, meeting, dossier, nomination):
    Dossier.objects.filter(pk=dossier.pk).update(state=DossierState.SUBMITTED)

    with pytest.raises(ValidationError) as error:
        service.record_votes(meeting, [(nomination, 7, 0, 0)], by=cast.clerk_a)

    assert error.value.messages == ["Hồ sơ đề nghị Giấy khen (thử) đang ở trạng thái “đã nộp”: không thể sửa "
                                    "kết quả biểu quyết của Nguyễn Thị Hương."]
    assert MeetingVote.objects.count() == 0


def test_votes_refused_for_another_units_nominee(cast, campaign, meeting):
    other = Dossier.objects.create(campaign=campaign, organisation=cast.unit_b, offer=campaign.awards.get())
    nominee_b = Nomination.objects.create(dossier=other, subject_type="individual", person=cast.person_b)

    with pytest.raises(ValidationError) as error:
        service.record_votes(meeting, [(nominee_b, 7, 0, 0)], by=cast.clerk_a)

    assert error.value.messages == ["Lê Văn Bình không thuộc hồ sơ của Phòng Tổ chức cán bộ trong phong trào này."]


def test_votes_refused_for_nominee_voted_in_another_meeting(cast, campaign, meeting, nomination):
    earlier = new_meeting(cast, campaign, held_at=local(2025, 7, 20, 8, 0))
    MeetingVote.objects.create(meeting=earlier, nomination=nomination, votes_for=9)

    with pytest.raises(ValidationError) as error:
        service.record_votes(meeting, [(nomination, 7, 0, 0)], by=cast.clerk_a)

    assert error.value.messages == ["Nguyễn Thị Hương đã có kết quả biểu quyết trong biên bản họp khác."]


def test_votes_twice_same_values_write_once(cast, meeting, nomination):
    first = service.record_votes(meeting, [(nomination, 7, 1, 1)], by=cast.clerk_a)
    second = service.record_votes(meeting, [(nomination, 7, 1, 1)], by=cast.clerk_a)

    assert (first, second, MeetingVote.objects.count()) == (1, 0, 1)
    assert LogEntry.objects.get_for_object(MeetingVote.objects.get()).count() == 1


def test_votes_blank_row_removes_vote(cast, meeting, nomination):
    service.record_votes(meeting, [(nomination, 7, 1, 1)], by=cast.clerk_a)

    service.record_votes(meeting, [(nomination, None, None, None)], by=cast.clerk_a)

    assert MeetingVote.objects.count() == 0


def test_votes_by_other_clerk_refused(cast, meeting, nomination):
    with pytest.raises(PermissionDenied):
        service.record_votes(meeting, [(nomination, 7, 0, 0)], by=cast.clerk_b)

    assert MeetingVote.objects.count() == 0


# --- scope ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["meeting_detail", "meeting_update", "meeting_votes"])
def test_other_units_clerk_gets_404(cast, meeting, client_for, name):
    response = client_for(cast.clerk_b).get(reverse(f"dossiers:{name}", args=[meeting.pk]))

    assert response.status_code == 404


def test_other_units_clerk_post_changes_nothing(cast, meeting, nomination, client_for):
    client = client_for(cast.clerk_b)

    update = client.post(reverse("dossiers:meeting_update", args=[meeting.pk]),
                         meeting_data(meeting.campaign, cast.unit_a, members_present="3"))
    votes = client.post(reverse("dossiers:meeting_votes", args=[meeting.pk]), votes_data((nomination, 7, 0, 0)))

    assert (update.status_code, votes.status_code) == (404, 404)
    meeting.refresh_from_db()
    assert (meeting.members_present, MeetingVote.objects.count()) == (9, 0)


@pytest.mark.parametrize("name", ["meeting_list", "meeting_create"])
def test_reviewer_gets_403_on_clerk_pages(cast, campaign, client_for, name):
    response = client_for(cast.reviewer).get(reverse(f"dossiers:{name}"))

    assert response.status_code == 403


def test_reviewer_reads_meeting_of_submitted_dossier(cast, sent_meeting, award, client_for):
    client = client_for(cast.reviewer)

    response = client.get(reverse("dossiers:meeting_detail", args=[sent_meeting.pk]))

    assert response.status_code == 200
    assert (response.context["can_edit"], response.context["can_vote"]) == (False, False)
    assert [(r.nomination.name, r.percent_label, r.verdict) for r in response.context["results"]] == [
        ("Nguyễn Thị Hương", "88,88%", "Đạt")]
    assert reverse("dossiers:meeting_update", args=[sent_meeting.pk]) not in response.content.decode()


def test_reviewer_cannot_change_meeting_of_submitted_dossier(cast, sent_meeting, nomination, client_for):
    client = client_for(cast.reviewer)

    update = client.post(reverse("dossiers:meeting_update", args=[sent_meeting.pk]),
                         meeting_data(sent_meeting.campaign, cast.unit_a, members_present="3"))
    votes = client.post(reverse("dossiers:meeting_votes", args=[sent_meeting.pk]),
                        votes_data((nomination, 1, 0, 0)))

    assert (update.status_code, votes.status_code) == (403, 403)
    sent_meeting.refresh_from_db()
    assert (sent_meeting.members_present, MeetingVote.objects.get().votes_for) == (9, 8)


def test_reviewer_does_not_see_draft_dossiers_nominees(cast, campaign, sent_meeting):
    draft = Dossier.objects.create(campaign=campaign, organisation=cast.unit_a,
                                   offer=campaign.awards.create(award_form=_second_form(), copies=1))
    other = Nomination.objects.create(dossier=draft, subject_type="individual",
                                      person=PersonFactory(full_name="Đặng Văn Khoa", organisation=cast.unit_a))
    MeetingVote.objects.create(meeting=sent_meeting, nomination=other, votes_for=9)

    reviewer_view = service.results(sent_meeting, cast.reviewer)
    clerk_view = service.results(sent_meeting, cast.clerk_a)

    assert [r.nomination.name for r in reviewer_view] == ["Nguyễn Thị Hương"]
    assert [r.nomination.name for r in clerk_view] == ["Nguyễn Thị Hương", "Đặng Văn Khoa"]


def _second_form():
    from tests.factories.campaigns import award_form

    return award_form(code="lao-dong-tien-tien-test", name="Lao động tiên tiến (thử)", subject_types=("individual",),
                      category="title")


def test_reviewer_gets_404_on_meeting_of_draft_dossier(cast, meeting, dossier, client_for):
    Dossier.objects.filter(pk=dossier.pk).update(meeting=meeting)

    response = client_for(cast.reviewer).get(reverse("dossiers:meeting_detail", args=[meeting.pk]))

    assert response.status_code == 404


def test_meeting_header_frozen_once_dossier_sent(cast, sent_meeting, client_for):
    client = client_for(cast.clerk_a)

    update = client.get(reverse("dossiers:meeting_update", args=[sent_meeting.pk]))
    detail = client.get(reverse("dossiers:meeting_detail", args=[sent_meeting.pk]))

    assert update.status_code == 403
    assert (detail.context["can_edit"], detail.context["can_vote"], detail.context["frozen"]) == (False, True, True)
    sent_meeting.members_present = 10
    with pytest.raises(ValidationError) as error:
        service.save_meeting(sent_meeting, by=cast.clerk_a)
    assert error.value.messages == ["Biên bản đã được nộp kèm hồ sơ đề nghị khen thưởng: không thể sửa. "
                                    "Chỉ sửa được khi hồ sơ bị trả lại."]


# --- the list ----------------------------------------------------------------------------------------
def test_meeting_list_shows_own_units_meetings_only(cast, campaign, meeting, client_for):
    new_meeting(cast, launched_campaign(cast, participants=[cast.unit_b], title="Phong trào khác"),
                organisation=cast.unit_b)

    response = client_for(cast.clerk_a).get(reverse("dossiers:meeting_list"))

    assert response.status_code == 200
    assert list(response.context["meetings"]) == [meeting]


def _list_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("dossiers:meeting_list"))
    assert response.status_code == 200
    return len(queries), len(response.context["meetings"])


def test_meeting_list_query_count_constant(cast, campaign, meeting, nomination, client_for):
    client = client_for(cast.clerk_a)
    service.record_votes(meeting, [(nomination, 7, 1, 1)], by=cast.clerk_a)
    one, rows_one = _list_queries(client)
    for day in range(1, 6):
        extra = new_meeting(cast, campaign, held_at=local(2025, 7, day, 9, 0))
        dossier = Dossier.objects.create(campaign=campaign, organisation=cast.unit_a,
                                         offer=campaign.awards.create(award_form=_nth_form(day), copies=1),
                                         meeting=extra)
        person = PersonFactory(organisation=cast.unit_a)
        MeetingVote.objects.create(meeting=extra, votes_for=5, nomination=Nomination.objects.create(
            dossier=dossier, subject_type="individual", person=person))

    many, rows_many = _list_queries(client)

    assert (rows_one, rows_many) == (1, 6)
    assert one == many


def _nth_form(n):
    from tests.factories.campaigns import award_form

    return award_form(code=f"hinh-thuc-{n}", name=f"Hình thức {n}")


# --- every role on every page (the rows for tests/test_permission_matrix.py) ---------------------------
EXPECTED = {
    # url, target: anonymous, outsider, clerk_a, clerk_b, reviewer, council, approver, admin
    ("meeting_list", None): ("login", 200, 200, 200, 403, 403, 403, 403),
    ("meeting_create", None): ("login", 200, 200, 200, 403, 403, 403, 403),
    ("meeting_detail", "draft"): ("login", 404, 200, 404, 404, 404, 404, 404),
    ("meeting_detail", "sent"): ("login", 404, 200, 404, 200, 200, 200, 200),
    ("meeting_update", "draft"): ("login", 404, 200, 404, 404, 404, 404, 404),
    ("meeting_update", "sent"): ("login", 404, 403, 404, 403, 403, 403, 403),
    ("meeting_votes", "draft"): ("login", 404, 200, 404, 404, 404, 404, 404),
    ("meeting_votes", "sent"): ("login", 404, 200, 404, 403, 403, 403, 403),
}


def test_meeting_pages_answer_each_role(cast, campaign, sent_meeting, client_for):
    draft = new_meeting(cast, campaign, held_at=local(2025, 7, 30, 8, 0))
    targets = {"draft": draft, "sent": sent_meeting}
    users = {"anonymous": None, **cast.users}
    found = {}
    for (name, target), _ in EXPECTED.items():
        url = reverse(f"dossiers:{name}", args=[targets[target].pk] if target else [])
        answers = []
        for role in ROLES:
            response = client_for(users[role]).get(url)
            login = response.status_code == 302 and response.url.startswith(reverse("login"))
            answers.append("login" if login else response.status_code)
        found[(name, target)] = tuple(answers)

    assert found == EXPECTED


@pytest.mark.parametrize(("present", "absentees", "refused"), [
    (9, "Hoàng Văn Nam (đi công tác)\nTrần Thị Lý (ốm)", False),   # 2 of 11 absent, 2 named
    (10, "Hoàng Văn Nam (đi công tác)\nTrần Thị Lý (ốm)", True),   # 1 absent, 2 named
    (11, "Hoàng Văn Nam (đi công tác)", True),                      # nobody absent, 1 named
    (9, "", False),                                                # absent, not named: the count is printed
])
def test_the_absentees_named_agree_with_the_counts(cast, campaign, present, absentees, refused):
    meeting = NominationMeeting(campaign=campaign, organisation=cast.unit_a, held_at=local(2025, 7, 28, 14, 0),
                                place="Phòng họp", chair="Trần Văn An", secretary="Lê Thị Bích", members_total=11,
                                members_present=present, absentees=absentees, ballot_type="hands")
    if refused:
        with pytest.raises(ValidationError) as error:
            service.save_meeting(meeting, by=cast.clerk_a)
        assert "absentees" in error.value.message_dict
    else:
        service.save_meeting(meeting, by=cast.clerk_a)


def test_the_printed_minutes_carry_their_number_and_the_absent_count(cast, campaign):
    from dossiers import documents

    meeting = new_meeting(cast, campaign, number="05/BB-TCCB", members_present=10, absentees="")
    context = documents.bien_ban(meeting)
    assert (context["doc"]["number"], context["absent_text"]) == ("05/BB-TCCB", "01 thành viên")


def test_the_page_and_the_printed_minutes_show_one_rate(cast, campaign, nomination, client_for):
    """8 of 10 present: "80%" on the meeting's page and in its Biên bản, not "80,00%" on one of them."""
    from dossiers import documents

    meeting = new_meeting(cast, campaign, members_total=10, members_present=10)
    client = client_for(cast.clerk_a)
    client.post(reverse("dossiers:meeting_votes", args=[meeting.pk]), votes_data((nomination, 8, 2, 0)))
    page = client.get(reverse("dossiers:meeting_detail", args=[meeting.pk]))
    printed = documents.bien_ban(meeting)["votes"]
    assert [r.percent_label for r in page.context["results"]] == [v["percent"] for v in printed] == ["80%"]


def test_meeting_page_reads_the_vote_rules_once(cast, campaign, meeting, nomination, client_for):
    """The meeting's page and its votes table: the award forms' vote rules (the campaign's profile's) are read
    together, whatever the number of nominees and dossiers voted on."""
    client = client_for(cast.clerk_a)
    service.record_votes(meeting, [(nomination, 7, 1, 1)], by=cast.clerk_a)
    urls = [reverse("dossiers:meeting_detail", args=[meeting.pk]), reverse("dossiers:meeting_votes", args=[meeting.pk])]

    def counted():
        counts = []
        for url in urls:
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            counts.append(len(queries))
        return counts

    one = counted()
    for day in range(1, 4):
        dossier = Dossier.objects.create(campaign=campaign, organisation=cast.unit_a, meeting=meeting,
                                         offer=campaign.awards.create(award_form=_nth_form(day), copies=1))
        other = Nomination.objects.create(dossier=dossier, subject_type="individual",
                                          person=PersonFactory(organisation=cast.unit_a))
        service.record_votes(meeting, [(other, 6, 2, 1)], by=cast.clerk_a)
    assert counted() == one


def test_the_meeting_page_asks_for_the_number_before_printing(cast, campaign, client_for):
    meeting = new_meeting(cast, campaign)
    page = client_for(cast.clerk_a).get(reverse("dossiers:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Biên bản chưa có số" in page and reverse("dossiers:meeting_update", args=[meeting.pk]) in page
    meeting.number = "05/BB-TCCB"
    meeting.save()
    page = client_for(cast.clerk_a).get(reverse("dossiers:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Biên bản chưa có giờ kết thúc cuộc họp" in page
    meeting.closed_at = datetime(2025, 7, 28, 16, 30).time()
    meeting.save()
    page = client_for(cast.clerk_a).get(reverse("dossiers:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Biên bản chưa có" not in page
