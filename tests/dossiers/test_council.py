"""Phiên họp Hội đồng TĐKT on paper (the secretary enters the counted result): opening a session (quorum), the
agenda, ballots tallied against the award form's rule, closing the session (dossiers move on to the leader),
and who may see or do what. Members' own ballots: test_council_ballots.py."""
from datetime import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dossiers.enums import DossierState, Outcome
from dossiers.models import CouncilBallot, CouncilSession, Dossier, Nomination, StateChange
from dossiers.services import building
from dossiers.services import council as service
from dossiers.services.workflow import transition
from tests.factories.campaigns import launched_campaign
from tests.factories.dossiers import complete_report, ready_dossier, record_vote
from tests.factories.orgs import PersonFactory

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "outsider", "clerk_a", "clerk_b", "reviewer", "council", "approver", "admin")


def local(*args):
    return timezone.make_aware(datetime(*args))


def council_rule(campaign, *, threshold="70", denominator="all", ballot_type="secret"):
    form = campaign.awards.first().award_form
    form.needs_council, form.vote_threshold = True, Decimal(threshold)
    form.vote_denominator, form.ballot_type = denominator, ballot_type
    form.save()
    return form


def to_council(cast, dossier):
    """submit → start_review → each nominee accepted (despite the deadline warning) → accept → to_council."""
    dossier = transition(dossier, "submit", by=cast.clerk_a)
    dossier = transition(dossier, "start_review", by=cast.reviewer)
    for nomination in dossier.nominations.all():
        building.review_nominee(nomination, verdict=Outcome.ACCEPTED, by=cast.reviewer,
                                override_reason="Đã xem xét, nộp muộn có lý do chính đáng")
    dossier = transition(dossier, "accept", by=cast.reviewer)
    return transition(dossier, "to_council", by=cast.reviewer)


def council_dossier(cast, *, campaign=None, extra_people=0, **rule):
    """A dossier of unit A in state in_council, for a form voted over all members (≥ 70%) by default."""
    campaign = campaign or launched_campaign(cast, participants=[cast.unit_a])
    council_rule(campaign, **rule)
    dossier = ready_dossier(cast, campaign=campaign)
    for number in range(extra_people):
        person = PersonFactory(full_name=f"Trần Văn Thêm {number + 1}", organisation=cast.unit_a)
        nomination = building.add_nominee(dossier, subject_type="individual", person=person, by=cast.clerk_a)
        complete_report(nomination, by=cast.clerk_a)
        record_vote(dossier, nomination)
    return to_council(cast, dossier)


def count_sheet(name="kiem-phieu.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, b"%PDF-1.4\n% Bien ban kiem phieu\n", content_type="application/pdf")


def new_session(cast, *, issuer=None, by=None, sheet=True, **fields):
    values = {"issuer": issuer or cast.body, "held_at": local(2025, 8, 12, 8, 30), "place": "Phòng họp số 1",
              "chair": "Nguyễn Văn Hải – Giám đốc Sở", "secretary": "Lê Thị Thu – Chánh Văn phòng",
              "members_total": 10, "members_present": 9, "absentees": "Hoàng Văn Nam (gửi phiếu bằng văn bản)",
              "mode": "paper", **fields}
    session = service.open_session(CouncilSession(**values), by=by or cast.reviewer)
    if sheet:  # the signed Biên bản kiểm phiếu, without which a paper session does not close
        service.attach_count_sheet(session, count_sheet(), by=cast.reviewer)
    return session


def vote(session, nomination, by, **counts):
    values = {"votes_for": 7, "votes_against": 2, "votes_abstain": 0, **counts}
    return service.record_ballot(session, nomination, by=by, **values)


# --- opening a session -------------------------------------------------------------------------
def test_open_session_with_nine_of_ten_present(cast):
    session = new_session(cast)
    assert (session.pk is not None, session.is_open, session.members_present, session.members_total) == (
        True, True, 9, 10)
    assert {entry.actor for entry in LogEntry.objects.get_for_object(session)} == {cast.reviewer}


@pytest.mark.parametrize(("total", "present", "field", "message"), [
    (10, 5, "members_present", "Không đủ số thành viên để họp: có mặt 5/10, quy chế hoạt động của Hội đồng cần "
                               "quá nửa tổng số thành viên (ít nhất 6)."),
    (10, 11, "members_present", "Số thành viên có mặt (11) không được lớn hơn tổng số thành viên Hội đồng (10)."),
    (10, 0, "members_present", "Số thành viên có mặt phải lớn hơn 0."),
    (0, 0, "members_total", "Tổng số thành viên Hội đồng phải lớn hơn 0."),
])
def test_open_session_refuses_numbers_without_quorum(cast, total, present, field, message):
    with pytest.raises(ValidationError) as error:
        new_session(cast, members_total=total, members_present=present)
    assert error.value.message_dict[field] == [message]
    assert CouncilSession.objects.count() == 0


def test_six_of_ten_is_a_quorum(cast):
    assert new_session(cast, members_present=6).pk is not None


def test_campaign_of_another_body_is_refused(cast):
    campaign = launched_campaign(cast, issuer=cast.other, participants=[cast.unit_a])
    with pytest.raises(ValidationError) as error:
        new_session(cast, campaign=campaign)
    assert error.value.message_dict["campaign"] == ["Phong trào này không do Sở Nội vụ tỉnh Thử phát động."]


def test_second_open_session_of_the_body_is_refused(cast):
    new_session(cast)
    with pytest.raises(ValidationError) as error:
        new_session(cast, held_at=local(2025, 8, 13, 8, 30))
    assert error.value.messages == ["Phiên họp Hội đồng TĐKT 12/08/2025 của Sở Nội vụ tỉnh Thử chưa kết thúc: "
                                    "kết thúc phiên họp đó trước khi mở phiên mới."]


@pytest.mark.parametrize("actor", ["council", "approver", "admin", "clerk_a"])
def test_only_the_office_opens_a_session(cast, actor):
    with pytest.raises(PermissionDenied):
        new_session(cast, by=getattr(cast, actor))
    assert CouncilSession.objects.count() == 0


# --- the agenda --------------------------------------------------------------------------------
def test_agenda_holds_accepted_nominees_of_dossiers_in_council(cast):
    dossier = council_dossier(cast, extra_people=1)
    rejected = dossier.nominations.order_by("order").last()
    Nomination.objects.filter(pk=rejected.pk).update(outcome=Outcome.NOT_QUALIFIED)
    draft = ready_dossier(cast, campaign=launched_campaign(cast, participants=[cast.unit_a], title="Đợt hai"))
    session = new_session(cast)
    assert [(n.name, n.dossier_id) for n in service.agenda(session)] == [("Nguyễn Thị Hương", dossier.pk)]
    assert Dossier.objects.get(pk=draft.pk).state == DossierState.DRAFT


def test_agenda_of_a_session_for_one_campaign(cast):
    council_dossier(cast)
    other_campaign = launched_campaign(cast, participants=[cast.unit_a], title="Thi đua thường xuyên năm 2025")
    session = new_session(cast, campaign=other_campaign)
    assert service.agenda(session) == []


def test_agenda_leaves_out_forms_without_council(cast):
    dossier = council_dossier(cast)
    form = dossier.offer.award_form
    form.needs_council = False
    form.save()
    assert service.agenda(new_session(cast)) == []


# --- ballots -----------------------------------------------------------------------------------
def test_seven_for_and_one_written_is_80_percent_of_all_and_passes(cast):
    dossier = council_dossier(cast)
    nomination = dossier.nominations.get()
    session = new_session(cast)
    ballot = vote(session, nomination, cast.reviewer, votes_for=7, votes_against=2, written_votes_for=1)
    nomination.refresh_from_db()
    assert (ballot.percentage, ballot.passed, ballot.ballot_type) == (Decimal("80.00"), True, "secret")
    assert (nomination.outcome, nomination.outcome_reason) == (Outcome.COUNCIL_PASSED, "")
    assert LogEntry.objects.get_for_object(ballot).get().actor == cast.reviewer


def test_six_for_is_60_percent_and_fails_with_a_reason(cast):
    nomination = council_dossier(cast).nominations.get()
    session = new_session(cast)
    ballot = vote(session, nomination, cast.reviewer, votes_for=6, votes_against=3, ballot_type="hands")
    nomination.refresh_from_db()
    assert (ballot.percentage, ballot.passed, ballot.ballot_type) == (Decimal("60.00"), False, "hands")
    assert nomination.outcome == Outcome.COUNCIL_FAILED
    assert nomination.outcome_reason == ("Đạt 60% < 70% (tỷ lệ phiếu đồng ý tối thiểu, trên tổng số thành viên "
                                         "Hội đồng).")


def test_correcting_a_ballot_while_open_updates_it(cast):
    nomination = council_dossier(cast).nominations.get()
    session = new_session(cast)
    vote(session, nomination, cast.reviewer, votes_for=6, votes_against=3)
    vote(session, nomination, cast.reviewer, votes_for=8, votes_against=1)
    nomination.refresh_from_db()
    assert CouncilBallot.objects.get().percentage == Decimal("80.00")
    assert (nomination.outcome, nomination.outcome_reason) == (Outcome.COUNCIL_PASSED, "")


@pytest.mark.parametrize(("votes_for", "percentage", "passed"), [
    (7, Decimal("77.77"), True), (6, Decimal("66.66"), False),
])
def test_present_denominator_takes_the_rate_over_members_present(cast, votes_for, percentage, passed):
    nomination = council_dossier(cast, denominator="present").nominations.get()
    session = new_session(cast)
    ballot = vote(session, nomination, cast.reviewer, votes_for=votes_for, votes_against=9 - votes_for)
    assert (ballot.percentage, ballot.passed) == (percentage, passed)


def test_threshold_is_compared_with_the_exact_rate(cast):
    """2 of 3 present is 66.666…%: below a 66.67% threshold, and shown as 66,66% (cut, never rounded up)."""
    nomination = council_dossier(cast, denominator="present", threshold="66.67").nominations.get()
    session = new_session(cast, members_total=3, members_present=3)
    ballot = vote(session, nomination, cast.reviewer, votes_for=2, votes_against=1)
    assert (ballot.percentage, ballot.passed) == (Decimal("66.66"), False)
    assert Nomination.objects.get(pk=nomination.pk).outcome_reason.startswith("Đạt 66,66% < 66,67%")


@pytest.mark.parametrize(("counts", "message"), [
    ({"votes_for": 8, "votes_against": 2}, "Nguyễn Thị Hương: tổng số phiếu (10) vượt quá số thành viên có mặt (9)."),
    ({"votes_for": 7, "written_votes_for": 2},
     "Nguyễn Thị Hương: số phiếu đồng ý bằng văn bản (2) vượt quá số thành viên vắng mặt (1)."),
    ({"votes_for": -1}, "Nguyễn Thị Hương: số phiếu phải là số nguyên không âm."),
])
def test_counts_exceeding_the_members_are_refused(cast, counts, message):
    nomination = council_dossier(cast).nominations.get()
    session = new_session(cast)
    with pytest.raises(ValidationError) as error:
        vote(session, nomination, cast.reviewer, **counts)
    assert error.value.messages == [message]
    assert CouncilBallot.objects.count() == 0
    assert Nomination.objects.get(pk=nomination.pk).outcome == Outcome.ACCEPTED


def test_written_votes_do_not_count_over_members_present(cast):
    nomination = council_dossier(cast, denominator="present").nominations.get()
    session = new_session(cast)
    with pytest.raises(ValidationError) as error:
        vote(session, nomination, cast.reviewer, votes_for=6, written_votes_for=1)
    assert error.value.messages == ["Nguyễn Thị Hương: “Giấy khen (thử)” tính tỷ lệ trên số thành viên có mặt, "
                                    "không tính phiếu bằng văn bản của thành viên vắng mặt."]


def test_nominee_outside_the_agenda_is_refused(cast):
    dossier = ready_dossier(cast)
    session = new_session(cast)
    with pytest.raises(ValidationError) as error:
        vote(session, dossier.nominations.get(), cast.reviewer)
    assert error.value.messages == ["Người, tập thể này không có trong danh sách Hội đồng xét tại phiên họp (hồ sơ "
                                    "chưa trình Hội đồng hoặc đã có kết quả)."]


@pytest.mark.parametrize(("actor", "allowed"), [
    # on paper, the secretary (the office) enters the count; members vote with their own ballots otherwise
    ("reviewer", True), ("council", False), ("approver", False), ("admin", False), ("clerk_a", False),
    ("outsider", False),
])
def test_who_records_a_ballot(cast, actor, allowed):
    nomination = council_dossier(cast).nominations.get()
    session = new_session(cast)
    if allowed:
        vote(session, nomination, getattr(cast, actor))
        assert CouncilBallot.objects.count() == 1
    else:
        with pytest.raises(PermissionDenied):
            vote(session, nomination, getattr(cast, actor))
        assert CouncilBallot.objects.count() == 0


# --- closing -----------------------------------------------------------------------------------
def test_closing_with_a_nominee_without_ballot_is_refused(cast):
    dossier = council_dossier(cast, extra_people=1)
    first = dossier.nominations.order_by("order").first()
    session = new_session(cast)
    vote(session, first, cast.reviewer)
    with pytest.raises(ValidationError) as error:
        service.close_session(session, by=cast.reviewer)
    assert error.value.messages == ["Chưa ghi kết quả biểu quyết cho: Trần Văn Thêm 1 (Giấy khen (thử) – Phòng Tổ "
                                    "chức cán bộ). Ghi đủ kết quả trước khi kết thúc phiên họp."]
    session.refresh_from_db()
    assert session.is_open
    assert Dossier.objects.get(pk=dossier.pk).state == DossierState.IN_COUNCIL


def test_closing_moves_the_dossier_to_awaiting_decision(cast):
    dossier = council_dossier(cast, extra_people=1)
    first, second = dossier.nominations.order_by("order")
    session = new_session(cast)
    vote(session, first, cast.reviewer, votes_for=7, votes_against=2, written_votes_for=1)
    vote(session, second, cast.reviewer, votes_for=6, votes_against=3)
    session = service.close_session(session, by=cast.reviewer, conclusion="Thống nhất đề nghị lãnh đạo khen thưởng.")
    assert session.closed_at is not None and session.conclusion == "Thống nhất đề nghị lãnh đạo khen thưởng."
    assert Dossier.objects.get(pk=dossier.pk).state == DossierState.AWAITING_DECISION
    change = StateChange.objects.filter(dossier=dossier).last()
    assert (change.from_state, change.to_state, change.action, change.by, change.note) == (
        "in_council", "awaiting_decision", "council_done", cast.reviewer,
        "Phiên họp Hội đồng TĐKT ngày 12/08/2025: 1 thông qua, 1 không thông qua.")
    assert sorted(Nomination.objects.filter(dossier=dossier).values_list("outcome", flat=True)) == [
        Outcome.COUNCIL_FAILED, Outcome.COUNCIL_PASSED]


def test_closed_session_takes_no_more_ballots_and_cannot_close_twice(cast):
    nomination = council_dossier(cast).nominations.get()
    session = new_session(cast)
    vote(session, nomination, cast.reviewer)
    service.close_session(session, by=cast.reviewer)
    with pytest.raises(ValidationError) as error:
        vote(session, nomination, cast.reviewer, votes_for=9, votes_against=0)
    assert error.value.messages[0].startswith("Phiên họp đã kết thúc lúc ")
    with pytest.raises(ValidationError):
        service.close_session(session, by=cast.reviewer)
    assert CouncilBallot.objects.get().votes_for == 7


@pytest.mark.parametrize("actor", ["council", "approver", "admin"])
def test_only_the_office_closes_a_session(cast, actor):
    nomination = council_dossier(cast).nominations.get()
    session = new_session(cast)
    vote(session, nomination, cast.reviewer)
    with pytest.raises(PermissionDenied):
        service.close_session(session, by=getattr(cast, actor))
    assert CouncilSession.objects.get().is_open
    assert Dossier.objects.get(pk=nomination.dossier_id).state == DossierState.IN_COUNCIL


def test_a_new_session_opens_once_the_previous_one_closed(cast):
    service.close_session(new_session(cast), by=cast.reviewer)
    assert new_session(cast, held_at=local(2025, 9, 1, 8, 0)).is_open


# --- pages -------------------------------------------------------------------------------------
def other_body_session():
    from orgs.models import Organisation

    return CouncilSession.objects.create(
        issuer=Organisation.objects.get(code="T-STC"), held_at=local(2025, 8, 12, 8, 30), place="Phòng họp",
        chair="Chủ tịch", secretary="Thư ký", members_total=7, members_present=7)


def urls(session):
    return {
        "list": reverse("dossiers:council_list"), "create": reverse("dossiers:council_create"),
        "detail": reverse("dossiers:council_detail", args=[session.pk]),
        "ballots": reverse("dossiers:council_ballots", args=[session.pk]),
        "close": reverse("dossiers:council_close", args=[session.pk]),
    }


# GET statuses per role; "login" is a redirect to the login page (the matrix's rows).
EXPECTED_GET = {
    "list": {"anonymous": "login", "outsider": 403, "clerk_a": 403, "clerk_b": 403, "reviewer": 200,
             "council": 200, "approver": 200, "admin": 200},
    "create": {"anonymous": "login", "outsider": 403, "clerk_a": 403, "clerk_b": 403, "reviewer": 200,
               "council": 403, "approver": 403, "admin": 403},
    "detail": {"anonymous": "login", "outsider": 403, "clerk_a": 403, "clerk_b": 403, "reviewer": 200,
               "council": 200, "approver": 200, "admin": 200},
    "ballots": {"anonymous": "login", "outsider": 403, "clerk_a": 403, "clerk_b": 403, "reviewer": 200,
                "council": 403, "approver": 403, "admin": 403},
    "close": {"anonymous": "login", "outsider": 403, "clerk_a": 403, "clerk_b": 403, "reviewer": 405,
              "council": 403, "approver": 403, "admin": 403},
}


def status_of(response):
    if response.status_code == 302 and response["Location"].startswith(reverse("login")):
        return "login"
    return response.status_code


@pytest.mark.parametrize("role", ROLES)
def test_council_pages_answer_per_role(cast, client_for, role):
    session = new_session(cast)
    client = client_for(None if role == "anonymous" else getattr(cast, role))
    answers = {name: status_of(client.get(url)) for name, url in urls(session).items()}
    assert answers == {name: expected[role] for name, expected in EXPECTED_GET.items()}


# POST statuses per role ("written": a 302 that changed the database; anything else changes nothing).
EXPECTED_POST = {
    "list": {"anonymous": "login", "outsider": 403, "clerk_a": 403, "clerk_b": 403, "reviewer": 405,
             "council": 405, "approver": 405, "admin": 405},
    "create": {"anonymous": "login", "outsider": 403, "clerk_a": 403, "clerk_b": 403, "reviewer": "written",
               "council": 403, "approver": 403, "admin": 403},
    "detail": {"anonymous": "login", "outsider": 403, "clerk_a": 403, "clerk_b": 403, "reviewer": 405,
               "council": 405, "approver": 405, "admin": 405},
    "ballots": {"anonymous": "login", "outsider": 403, "clerk_a": 403, "clerk_b": 403, "reviewer": "written",
                "council": 403, "approver": 403, "admin": 403},
    "close": {"anonymous": "login", "outsider": 403, "clerk_a": 403, "clerk_b": 403, "reviewer": "written",
              "council": 403, "approver": 403, "admin": 403},
}


def database_state():
    return (list(CouncilSession.objects.values_list("pk", "closed_at")),
            list(CouncilBallot.objects.values_list("pk", "votes_for")),
            list(Dossier.objects.values_list("pk", "state")), StateChange.objects.count())


@pytest.mark.parametrize("url_name", list(EXPECTED_POST))
@pytest.mark.parametrize("role", ROLES)
def test_council_posts_answer_per_role(cast, client_for, role, url_name):
    nomination = council_dossier(cast).nominations.get()
    session = new_session(cast)
    if url_name in ("close", "create"):
        vote(session, nomination, cast.reviewer, votes_for=6, votes_against=3)
    if url_name == "create":
        service.close_session(session, by=cast.reviewer)  # one open session per body
        data = {"co-quan": cast.body.pk, "held_at": "01/09/2025 08:00", "place": "Phòng họp số 2", "mode": "paper",
                "chair": "Nguyễn Văn Hải", "secretary": "Lê Thị Thu", "members_total": "10",
                "members_present": "8"}
    else:
        data = {**ballots_data((nomination, 8, 1, 0, 1)), "minutes_number": "09/BB-HĐTĐKT"}
    before = database_state()
    response = client_for(None if role == "anonymous" else getattr(cast, role)).post(urls(session)[url_name], data)
    answer = status_of(response)
    if answer == 302 and database_state() != before:
        answer = "written"
    else:
        assert database_state() == before
    assert answer == EXPECTED_POST[url_name][role]


@pytest.mark.parametrize("role", ["reviewer", "council", "approver"])
def test_session_of_another_body_is_a_404(cast, client_for, role):
    session = other_body_session()
    client = client_for(getattr(cast, role))
    for name in ("detail", "ballots", "close"):
        assert client.get(urls(session)[name]).status_code == 404, name
    assert client.post(urls(session)["close"]).status_code == 404
    assert CouncilSession.objects.get(pk=session.pk).is_open


def test_province_admin_reads_the_sessions_of_every_body_of_the_province(cast, client_for):
    session = other_body_session()
    client = client_for(cast.admin)
    answers = {name: client.get(urls(session)[name]).status_code for name in ("detail", "ballots", "close")}
    assert answers == {"detail": 200, "ballots": 403, "close": 403}


@pytest.mark.parametrize(("role", "status"), [("council", 403), ("approver", 403), ("clerk_a", 403)])
def test_denied_close_post_changes_nothing(cast, client_for, role, status):
    nomination = council_dossier(cast).nominations.get()
    session = new_session(cast)
    vote(session, nomination, cast.reviewer)
    assert client_for(getattr(cast, role)).post(urls(session)["close"]).status_code == status
    assert CouncilSession.objects.get().is_open
    assert Dossier.objects.get(pk=nomination.dossier_id).state == DossierState.IN_COUNCIL


def test_denied_ballots_post_changes_nothing(cast, client_for):
    nomination = council_dossier(cast).nominations.get()
    session = new_session(cast)
    response = client_for(cast.approver).post(urls(session)["ballots"], ballots_data((nomination, 9, 0, 0, 0)))
    assert response.status_code == 403
    assert CouncilBallot.objects.count() == 0


def test_office_opens_a_session_through_the_page(cast, client_for):
    client = client_for(cast.reviewer)
    form = client.get(reverse("dossiers:council_create")).content.decode()
    assert f'name="co-quan" value="{cast.body.pk}"' in form and "Sở Nội vụ tỉnh Thử" in form  # the only body
    response = client.post(reverse("dossiers:council_create"), {
        "co-quan": cast.body.pk, "mode": "paper", "campaign": "", "held_at": "12/08/2025 08:30",
        "place": "Phòng họp số 1",
        "chair": "Nguyễn Văn Hải", "secretary": "Lê Thị Thu", "members_total": "10", "members_present": "5",
        "absentees": ""})
    assert response.status_code == 400
    assert ("Không đủ số thành viên để họp: có mặt 5/10, quy chế hoạt động của Hội đồng cần quá nửa tổng số "
            "thành viên (ít nhất 6)." in response.content.decode())
    response = client.post(reverse("dossiers:council_create"), {
        "co-quan": cast.body.pk, "mode": "paper", "campaign": "", "held_at": "12/08/2025 08:30",
        "place": "Phòng họp số 1",
        "chair": "Nguyễn Văn Hải", "secretary": "Lê Thị Thu", "members_total": "10", "members_present": "9",
        "absentees": ""})
    session = CouncilSession.objects.get()
    assert response["Location"] == reverse("dossiers:council_detail", args=[session.pk])
    assert timezone.localtime(session.held_at).strftime("%d/%m/%Y %H:%M") == "12/08/2025 08:30"


def ballots_data(*rows):
    data = {"phieu-TOTAL_FORMS": str(len(rows)), "phieu-INITIAL_FORMS": str(len(rows)),
            "phieu-MIN_NUM_FORMS": "0", "phieu-MAX_NUM_FORMS": "1000"}
    for index, (nomination, votes_for, against, abstain, written) in enumerate(rows):
        data.update({f"phieu-{index}-nomination": str(nomination.pk), f"phieu-{index}-ballot_type": "secret",
                     f"phieu-{index}-votes_for": "" if votes_for is None else str(votes_for),
                     f"phieu-{index}-votes_against": str(against), f"phieu-{index}-votes_abstain": str(abstain),
                     f"phieu-{index}-written_votes_for": str(written)})
    return data


def test_the_secretary_enters_the_paper_count_and_the_office_closes_through_the_pages(cast, client_for):
    dossier = council_dossier(cast, extra_people=1)
    first, second = dossier.nominations.order_by("order")
    session = new_session(cast)
    client = client_for(cast.reviewer)
    page = client.get(urls(session)["ballots"]).content.decode()
    assert "Nguyễn Thị Hương" in page and "Trần Văn Thêm 1" in page and "Từ 70% trên tổng số thành viên" in page
    response = client.post(urls(session)["ballots"], ballots_data((first, 8, 2, 0, 0), (second, 6, 3, 0, 1)))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nguyễn Thị Hương: tổng số phiếu (10) vượt quá số thành viên có mặt (9)." in html
    assert CouncilBallot.objects.count() == 0  # all or nothing
    response = client.post(urls(session)["ballots"], ballots_data((first, 7, 2, 0, 1), (second, 6, 3, 0, 0)))
    assert response["Location"] == urls(session)["detail"]
    detail = client_for(cast.reviewer).get(urls(session)["detail"]).content.decode()
    assert "80%" in detail and "60%" in detail and "Đạt 60% &lt; 70%" in detail
    assert "Có mặt 9/10 thành viên; vắng mặt 1." in detail and "Kết thúc phiên họp" in detail
    response = client_for(cast.reviewer).post(urls(session)["close"], {"conclusion": "Thống nhất."})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ghi số Biên bản họp Hội đồng (ví dụ 03/BB-HĐTĐKT)." in page and "Thống nhất.</textarea>" in page
    assert CouncilSession.objects.get().is_open  # the Biên bản's number is asked first, the conclusion kept
    detail = client_for(cast.reviewer).get(urls(session)["detail"]).content.decode()
    assert 'value="01/BB-HĐTĐKT"' in detail  # the next number of the body's series, proposed
    response = client_for(cast.reviewer).post(urls(session)["close"], {"conclusion": "Thống nhất.",
                                                                       "minutes_number": "01/BB-HĐTĐKT"})
    assert response["Location"] == urls(session)["detail"]
    assert Dossier.objects.get(pk=dossier.pk).state == DossierState.AWAITING_DECISION
    page = client_for(cast.reviewer).get(urls(session)["ballots"]).content.decode()
    assert "Phiên họp đã kết thúc lúc" in page


def test_blank_row_is_not_recorded(cast, client_for):
    dossier = council_dossier(cast, extra_people=1)
    first, second = dossier.nominations.order_by("order")
    session = new_session(cast)
    client_for(cast.reviewer).post(urls(session)["ballots"], ballots_data((first, 7, 2, 0, 1), (second, None, 0, 0, 0)))
    assert list(CouncilBallot.objects.values_list("nomination_id", flat=True)) == [first.pk]


def test_close_refused_through_the_page_shows_the_message(cast, client_for):
    council_dossier(cast)
    session = new_session(cast)
    response = client_for(cast.reviewer).post(urls(session)["close"], {"minutes_number": "02/BB-HĐTĐKT"},
                                              follow=True)
    assert "Chưa ghi kết quả biểu quyết cho: Nguyễn Thị Hương" in response.content.decode()
    assert CouncilSession.objects.get().is_open


def test_council_list_shows_the_sessions_of_the_users_bodies(cast, client_for):
    new_session(cast)
    other_body_session()
    page = client_for(cast.council).get(reverse("dossiers:council_list")).content.decode()
    assert "Sở Nội vụ tỉnh Thử" in page and "Sở Tài chính tỉnh Thử" not in page
    assert "Mở phiên họp" not in page
    assert "Mở phiên họp" in client_for(cast.reviewer).get(reverse("dossiers:council_list")).content.decode()


def test_council_list_query_count_does_not_grow(cast, client_for):
    client = client_for(cast.reviewer)
    session = new_session(cast)
    client.get(reverse("dossiers:council_list"))  # warm caches (content types, sessions)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("dossiers:council_list"))
    service.close_session(session, by=cast.reviewer)
    for day in range(2, 7):
        service.close_session(new_session(cast, held_at=local(2025, 9, day, 8, 0)), by=cast.reviewer)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("dossiers:council_list"))
    assert response.content.decode().count("Đã kết thúc") == 6
    assert len(many) == len(one)


def test_detail_query_count_does_not_grow_with_the_agenda(cast, client_for):
    dossier = council_dossier(cast)
    session = new_session(cast)
    vote(session, dossier.nominations.get(), cast.reviewer)
    client = client_for(cast.reviewer)
    client.get(urls(session)["detail"])
    with CaptureQueriesContext(connection) as one:
        client.get(urls(session)["detail"])
    campaign = launched_campaign(cast, participants=[cast.unit_a], title="Đợt thi đua thứ hai")
    more = council_dossier(cast, campaign=campaign, extra_people=2)
    for nomination in more.nominations.all():
        vote(session, nomination, cast.reviewer)
    with CaptureQueriesContext(connection) as many:
        response = client.get(urls(session)["detail"])
    assert response.content.decode().count('id="nominee-') == 4
    assert len(many) == len(one)


@pytest.mark.parametrize(("role", "shown"), [
    ("reviewer", True), ("council", True), ("approver", False), ("admin", False), ("clerk_a", False),
])
def test_council_menu_permission(cast, role, shown):
    assert getattr(cast, role).has_perm("dossiers.council_menu") is shown
