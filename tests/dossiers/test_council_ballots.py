"""Members' own ballots (issue 14, docs/domain.md, Council votes): the council's seats, the roll call, each
member present voting for themself, a secret ballot that keeps no link between a member and a choice, an
absent member's written opinion with its signed paper, the tally computed from the ballots when the chair
(or the office) closes the session."""
from datetime import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from dossiers.enums import DossierState, Outcome
from dossiers.models import (
    CouncilBallot,
    CouncilRules,
    CouncilSeat,
    CouncilSession,
    Dossier,
    MemberVote,
    Nomination,
    OutcomeChange,
    Quorum,
    StateChange,
    quorum_met,
    quorum_minimum,
)
from dossiers.services import council as service
from orgs.enums import Role
from tests.dossiers.test_council import council_dossier
from tests.factories.orgs import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

PRESENT, WRITTEN, ABSENT = "present", "written", "absent"


def paper(name="y-kien.pdf", data=b"%PDF-1.4\n% y kien bang van ban\n"):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


@pytest.fixture
def council(cast):
    """A council of five: the leader chairs, the office's head is its secretary, three members."""
    extra = []
    for username in ("uyvien1", "uyvien2"):
        user = UserFactory(username=username, first_name=username.capitalize())
        MembershipFactory(user=user, organisation=cast.body, role=Role.COUNCIL)
        extra.append(user)
    seats = [CouncilSeat(full_name="Lê Quang Thắng", position="Giám đốc Sở", title="chair", user=cast.approver),
             CouncilSeat(full_name="Phạm Thu Hà", position="Chánh Văn phòng", title="secretary", user=cast.reviewer),
             CouncilSeat(full_name="Hoàng Đức Minh", position="Phó Giám đốc Sở", title="vice_chair", user=cast.council),
             CouncilSeat(full_name="Vũ Thị Lan", position="Trưởng phòng", title="member", user=extra[0]),
             CouncilSeat(full_name="Đỗ Văn Tùng", position="Trưởng phòng", title="member", user=extra[1])]
    service.save_seats(cast.body, seats, by=cast.reviewer)
    return {"seats": seats, "users": [cast.approver, cast.reviewer, cast.council, *extra]}


def open_session(cast, council, attendance=(PRESENT, PRESENT, PRESENT, PRESENT, WRITTEN), by=None, **fields):
    session = CouncilSession(issuer=cast.body, held_at=timezone.make_aware(datetime(2025, 8, 12, 8, 30)),
                             place="Phòng họp số 1", **fields)
    roll = {seat.pk: state for seat, state in zip(council["seats"], attendance, strict=True)}
    return service.open_session(session, by=by or cast.approver, attendance=roll)


# --- the council's seats ---------------------------------------------------------------------------
def test_only_the_office_keeps_the_council_list(cast, council):
    with pytest.raises(PermissionDenied):
        service.save_seats(cast.body, [CouncilSeat(full_name="A", title="member")], by=cast.approver)


@pytest.mark.parametrize(("change", "message"), [
    ("two_chairs", "Hội đồng chỉ có một Chủ tịch."),
    ("same_account", "Một tài khoản chỉ dùng cho một thành viên Hội đồng."),
    ("outsider", "Tài khoản bỏ phiếu phải là tài khoản của Văn phòng, thành viên Hội đồng hoặc lãnh đạo cơ quan."),
])
def test_the_council_list_is_checked(cast, council, change, message):
    seats = list(CouncilSeat.objects.filter(body=cast.body))
    if change == "two_chairs":
        seats[1].title = "chair"
    elif change == "same_account":
        seats[1].user = seats[0].user
    else:
        seats[1].user = cast.outsider
    with pytest.raises(ValidationError) as error:
        service.save_seats(cast.body, seats, by=cast.reviewer)
    assert error.value.messages == [message]


def test_the_accounts_offered_are_the_bodys_staff_only(cast, council):
    accounts = set(service.seat_accounts(cast.body))
    assert {cast.approver, cast.reviewer, cast.council} <= accounts
    assert not accounts & {cast.outsider, cast.clerk_a, cast.admin}


# --- opening: the roll call ----------------------------------------------------------------------------
def test_the_chair_opens_with_the_roll_call(cast, council):
    session = open_session(cast, council)
    assert (session.mode, session.members_total, session.members_present) == ("ballots", 5, 4)
    assert (session.chair, session.chair_title) == ("Lê Quang Thắng, Giám đốc Sở", "Chủ tịch Hội đồng")
    assert session.secretary == "Phạm Thu Hà, Chánh Văn phòng"
    assert session.absentees == "Đỗ Văn Tùng – vắng mặt, có ý kiến bằng văn bản"
    assert [m.attendance for m in session.members.all()] == [PRESENT] * 4 + [WRITTEN]
    assert session.opened_by == cast.approver


def test_a_vice_chair_presiding_is_not_called_chair(cast, council):
    session = open_session(cast, council, attendance=(ABSENT, PRESENT, PRESENT, PRESENT, PRESENT), by=cast.reviewer)
    assert (session.chair, session.chair_title) == ("Hoàng Đức Minh, Phó Giám đốc Sở", "Phó Chủ tịch Hội đồng")


def test_a_member_who_does_not_chair_cannot_open(cast, council):
    with pytest.raises(PermissionDenied):
        open_session(cast, council, by=cast.council)


def test_no_quorum_no_session(cast, council):
    with pytest.raises(ValidationError) as error:
        open_session(cast, council, attendance=(PRESENT, PRESENT, ABSENT, ABSENT, WRITTEN))
    assert "Không đủ số thành viên để họp: có mặt 2/5" in str(error.value)
    assert not CouncilSession.objects.exists()


@pytest.mark.parametrize(("quorum", "total", "present", "met"), [
    (Quorum.MAJORITY, 10, 5, False), (Quorum.MAJORITY, 10, 6, True), (Quorum.MAJORITY, 5, 3, True),
    (Quorum.MAJORITY, 1, 1, True), (Quorum.MAJORITY, 2, 1, False),
    (Quorum.TWO_THIRDS, 9, 5, False), (Quorum.TWO_THIRDS, 9, 6, True), (Quorum.TWO_THIRDS, 5, 3, False),
    (Quorum.TWO_THIRDS, 5, 4, True), (Quorum.TWO_THIRDS, 10, 7, True), (Quorum.TWO_THIRDS, 10, 6, False),
    (Quorum.TWO_THIRDS, 3, 2, True),
])
def test_quorum_table(quorum, total, present, met):
    assert quorum_met(quorum, total, present) is met
    assert (present >= quorum_minimum(quorum, total)) is met


def test_the_councils_regulation_sets_the_quorum(cast, council):
    """Three of five is quá nửa (the default) but not the 2/3 a province's quy chế may require."""
    with pytest.raises(PermissionDenied):
        service.save_rules(cast.body, quorum=Quorum.TWO_THIRDS, source="", by=cast.council)
    service.save_rules(cast.body, quorum=Quorum.TWO_THIRDS, by=cast.reviewer,
                               source=" Điều 7 Quy chế ban hành kèm theo Quyết định số 1619/QĐ-UBND ngày 19/6/2024 ")
    with pytest.raises(ValidationError) as error:
        open_session(cast, council, attendance=(PRESENT, PRESENT, PRESENT, ABSENT, WRITTEN))
    assert error.value.message_dict["members_present"] == [
        "Không đủ số thành viên để họp: có mặt 3/5, quy chế hoạt động của Hội đồng (Điều 7 Quy chế ban hành kèm "
        "theo Quyết định số 1619/QĐ-UBND ngày 19/6/2024) cần từ hai phần ba (2/3) tổng số thành viên trở lên "
        "(ít nhất 4)."]
    assert open_session(cast, council, attendance=(PRESENT, PRESENT, PRESENT, PRESENT, WRITTEN)).pk
    assert CouncilRules.objects.get().source.startswith("Điều 7")


def test_a_member_present_needs_an_account(cast, council):
    CouncilSeat.objects.filter(full_name="Vũ Thị Lan").update(user=None)
    with pytest.raises(ValidationError) as error:
        open_session(cast, council)
    assert "Vũ Thị Lan chưa có tài khoản bỏ phiếu" in str(error.value)


# --- voting --------------------------------------------------------------------------------------------
def test_only_members_present_vote_and_only_for_themselves(cast, council):
    nomination = council_dossier(cast).nominations.get()
    session = open_session(cast, council)
    for user in (council["users"][4], cast.clerk_a, cast.admin):  # the absent member, others
        with pytest.raises(PermissionDenied):
            service.cast_votes(session, {nomination.pk: "for"}, by=user)
    with pytest.raises(ValidationError):
        service.cast_votes(session, {nomination.pk: "maybe"}, by=cast.approver)
    assert not MemberVote.objects.exists()


def test_a_secret_ballot_records_that_a_member_voted_never_what(cast, council):
    nomination = council_dossier(cast, ballot_type="secret").nominations.get()
    session = open_session(cast, council)
    service.cast_votes(session, {nomination.pk: "against"}, by=cast.council)
    vote = MemberVote.objects.get()
    assert (vote.member.user, vote.choice, vote.written) == (cast.council, "", False)
    ballot = CouncilBallot.objects.get()
    assert (ballot.votes_for, ballot.votes_against, ballot.votes_abstain) == (0, 1, 0)
    assert not LogEntry.objects.filter(content_type__model__in=["councilballot", "membervote"]).exists()
    with pytest.raises(ValidationError) as error:
        service.cast_votes(session, {nomination.pk: "for"}, by=cast.council)
    assert "phiếu đã bỏ không sửa được" in error.value.messages[0]


def test_an_open_ballot_may_be_changed_until_the_session_closes(cast, council):
    nomination = council_dossier(cast, ballot_type="hands").nominations.get()
    session = open_session(cast, council)
    service.cast_votes(session, {nomination.pk: "against"}, by=cast.council)
    service.cast_votes(session, {nomination.pk: "for"}, by=cast.council)
    assert MemberVote.objects.get().choice == "for"
    ballot = CouncilBallot.objects.get()
    assert (ballot.votes_for, ballot.votes_against) == (1, 0)


def test_the_written_opinion_is_recorded_by_the_office_with_its_paper(cast, council):
    nomination = council_dossier(cast).nominations.get()
    session = open_session(cast, council)
    absent = session.members.get(attendance=WRITTEN)
    with pytest.raises(PermissionDenied):
        service.record_written_opinion(session, absent, paper(), {nomination.pk: "for"}, by=cast.council)
    with pytest.raises(ValidationError):  # not a PDF or an image, whatever its name says
        service.record_written_opinion(session, absent, paper(data=b"MZ\x90\x00"), {nomination.pk: "for"},
                                       by=cast.reviewer)
    present = session.members.filter(attendance=PRESENT).first()
    with pytest.raises(ValidationError):
        service.record_written_opinion(session, present, paper(), {nomination.pk: "for"}, by=cast.reviewer)
    service.record_written_opinion(session, absent, paper(), {nomination.pk: "for"}, by=cast.reviewer)
    service.record_written_opinion(session, absent, paper(), {nomination.pk: "for"}, by=cast.reviewer)  # again
    absent.refresh_from_db()
    assert (absent.written_by, absent.written_name, bool(absent.written_file)) == (cast.reviewer, "y-kien.pdf", True)
    assert MemberVote.objects.get(member=absent).written
    assert CouncilBallot.objects.get().written_votes_for == 1


# --- closing: the tally from the ballots --------------------------------------------------------------------
@pytest.mark.parametrize(("room", "written", "outcome", "rate"), [
    # over all five members, at least 70%: the written "for" of the absent member counts
    (("for", "for", "for", "against"), "for", Outcome.COUNCIL_PASSED, Decimal("80.00")),
    (("for", "for", "against", "abstain"), "for", Outcome.COUNCIL_FAILED, Decimal("60.00")),
    (("for", "for", "for", "for"), "against", Outcome.COUNCIL_PASSED, Decimal("80.00")),
    (("for", "for", "for", "against"), "against", Outcome.COUNCIL_FAILED, Decimal("60.00")),
])
def test_the_tally_counts_the_ballots_against_the_forms_rule(cast, council, room, written, outcome, rate):
    dossier = council_dossier(cast, threshold="70", denominator="all", ballot_type="secret")
    nomination = dossier.nominations.get()
    session = open_session(cast, council)
    for user, choice in zip(council["users"][:4], room, strict=True):
        service.cast_votes(session, {nomination.pk: choice}, by=user)
    absent = session.members.get(attendance=WRITTEN)
    service.record_written_opinion(session, absent, paper(), {nomination.pk: written}, by=cast.reviewer)
    assert Nomination.objects.get(pk=nomination.pk).outcome == Outcome.ACCEPTED  # nothing decided before closing
    service.close_session(session, by=cast.approver)
    nomination.refresh_from_db()
    ballot = CouncilBallot.objects.get()
    assert (nomination.outcome, ballot.percentage) == (outcome, rate)
    assert Dossier.objects.get(pk=dossier.pk).state == DossierState.AWAITING_DECISION
    assert StateChange.objects.filter(dossier=dossier, action="council_done", by=cast.approver).exists()
    assert OutcomeChange.objects.filter(nomination=nomination, act="council_vote", to_outcome=outcome).exists()
    assert not MemberVote.objects.filter(written=False).exclude(choice="").exists()  # secret: no choice kept


def test_over_members_present_the_written_opinion_does_not_count(cast, council):
    dossier = council_dossier(cast, threshold="75", denominator="present", ballot_type="hands")
    nomination = dossier.nominations.get()
    session = open_session(cast, council)
    for user, choice in zip(council["users"][:4], ("for", "for", "for", "against"), strict=True):
        service.cast_votes(session, {nomination.pk: choice}, by=user)
    service.close_session(session, by=cast.reviewer)
    assert CouncilBallot.objects.get().percentage == Decimal("75.00")
    assert Nomination.objects.get(pk=nomination.pk).outcome == Outcome.COUNCIL_PASSED


def test_the_session_closes_only_when_every_member_present_voted(cast, council):
    nomination = council_dossier(cast).nominations.get()
    session = open_session(cast, council)
    for user in council["users"][:3]:
        service.cast_votes(session, {nomination.pk: "for"}, by=user)
    with pytest.raises(PermissionDenied):
        service.close_session(session, by=cast.council)  # a vice chair who does not preside
    with pytest.raises(ValidationError) as error:
        service.close_session(session, by=cast.approver)
    assert error.value.messages == ["Còn 1 thành viên chưa bỏ phiếu đủ: Vũ Thị Lan. Phiên họp chỉ kết thúc khi mọi "
                                    "thành viên có mặt đã bỏ phiếu."]
    assert CouncilSession.objects.get().is_open


def test_paper_counts_are_refused_when_members_vote(cast, council):
    nomination = council_dossier(cast).nominations.get()
    session = open_session(cast, council)
    with pytest.raises(ValidationError):
        service.record_ballot(session, nomination, votes_for=4, votes_against=0, votes_abstain=0, by=cast.reviewer)


# --- through the pages -------------------------------------------------------------------------------------
def test_a_council_of_five_votes_through_the_pages(cast, council, client_for):
    dossier = council_dossier(cast, ballot_type="secret")
    nomination = dossier.nominations.get()
    office = client_for(cast.reviewer)
    seats = council["seats"]
    data = {"co-quan": cast.body.pk, "mode": "ballots", "held_at": "12/08/2025 08:30", "place": "Phòng họp số 1",
            "presiding": seats[0].pk, **{f"seat_{seat.pk}": state for seat, state in
                                         zip(seats, (PRESENT, PRESENT, PRESENT, PRESENT, WRITTEN), strict=True)}}
    response = office.post(reverse("dossiers:council_create"), data)
    session = CouncilSession.objects.get()
    assert response["Location"] == session.get_absolute_url()
    detail = office.get(session.get_absolute_url()).content.decode()
    assert "Còn 4 người chưa bỏ phiếu đủ" in detail
    for user in council["users"][:4]:
        member = client_for(user)
        page = member.get(reverse("dossiers:council_vote", args=[session.pk])).content.decode()
        assert "Nguyễn Thị Hương" in page and "bỏ phiếu kín" in page
        response = member.post(reverse("dossiers:council_vote", args=[session.pk]), {f"n{nomination.pk}": "for"})
        assert response.status_code == 302
    assert client_for(council["users"][4]).get(reverse("dossiers:council_vote", args=[session.pk])).status_code == 403
    absent = session.members.get(attendance=WRITTEN)
    office = client_for(cast.reviewer)  # one test client: logged in again as the office
    form_page = office.get(reverse("dossiers:council_written", args=[session.pk, absent.pk])).content.decode()
    assert "Chọn tệp" in form_page and 'class="visually-hidden" id="id_paper" name="paper"' in form_page
    response = office.post(reverse("dossiers:council_written", args=[session.pk, absent.pk]),
                           {"paper": paper(), f"n{nomination.pk}": "for"})
    assert response.status_code == 302
    assert office.get(reverse("dossiers:council_written_file", args=[session.pk, absent.pk])).status_code == 200
    assert "Mọi thành viên có mặt đã bỏ phiếu" in office.get(session.get_absolute_url()).content.decode()
    response = client_for(cast.approver).post(reverse("dossiers:council_close", args=[session.pk]),
                                              {"conclusion": "Thống nhất.", "minutes_number": "03/BB-HĐTĐKT"})
    assert response.status_code == 302
    assert Dossier.objects.get(pk=dossier.pk).state == DossierState.AWAITING_DECISION
    page = client_for(cast.reviewer).get(session.get_absolute_url()).content.decode()
    assert "100%" in page and "Đạt" in page


# --- the Biên bản of a session voted on the portal -------------------------------------------------------------
def test_the_minutes_name_the_members_and_who_presided(cast, council):
    from dossiers import documents
    from tests.documents.test_documents import render
    from tests.pdf_assertions import assert_in_order, pdf_text

    nomination = council_dossier(cast, threshold="70", denominator="all").nominations.get()
    session = open_session(cast, council, attendance=(ABSENT, PRESENT, PRESENT, PRESENT, WRITTEN), by=cast.reviewer)
    for user in council["users"][1:4]:
        service.cast_votes(session, {nomination.pk: "for"}, by=user)
    service.record_written_opinion(session, session.members.get(attendance=WRITTEN), paper(), {nomination.pk: "for"},
                                   by=cast.reviewer)
    session = service.close_session(session, by=cast.reviewer, minutes_number="04/BB-HĐTĐKT")
    pdf = render("bien_ban_hoi_dong.html", documents.bien_ban_hoi_dong(session), "bien_ban_hoi_dong_phieu")
    text = pdf_text(pdf)
    assert_in_order(text, (
        "Số: 04/BB-HĐTĐKT", "Chủ trì: Hoàng Đức Minh, Phó Giám đốc Sở, Phó Chủ tịch Hội đồng.",
        "Thư ký: Phạm Thu Hà, Chánh Văn phòng.", "có mặt: 3/5 thành viên.",
        "Thành viên Hội đồng có mặt: Phạm Thu Hà (Chánh Văn phòng), Ủy viên, Thư ký Hội đồng; Hoàng Đức Minh "
        "(Phó Giám đốc Sở), Phó Chủ tịch Hội đồng; Vũ Thị Lan (Trưởng phòng), Ủy viên.",
        "Vắng mặt: 02 thành viên: Lê Quang Thắng – vắng mặt; Đỗ Văn Tùng – vắng mặt, có ý kiến bằng văn bản.",
        "mỗi thành viên có mặt tự bỏ phiếu trên Cổng thi đua – khen thưởng",
        "1 Nguyễn Thị Hương", "3 0 0 1 80% Đạt",
        "THƯ KÝ", "Phạm Thu Hà", "PHÓ CHỦ TỊCH HỘI ĐỒNG", "Hoàng Đức Minh"))
    assert "Chủ tịch Hội đồng." not in text.replace("Phó Chủ tịch Hội đồng.", "")


def test_the_legal_basis_profiles_rule_replaces_the_catalogues(cast, council):
    """A decree in force may set another share for a form: the campaign's profile's rule is the one counted
    (80% of all members passes the catalogue's 70%, not the profile's 90%)."""
    from awards.models import VoteRule

    dossier = council_dossier(cast, threshold="70", denominator="all", ballot_type="secret")
    nomination = dossier.nominations.get()
    assert dossier.campaign.legal_profile is not None
    VoteRule.objects.create(profile=dossier.campaign.legal_profile, award_form=dossier.offer.award_form,
                            threshold=Decimal("90"), denominator="all", source="Điều 99 (thử)")
    session = open_session(cast, council, attendance=(PRESENT, PRESENT, PRESENT, PRESENT, ABSENT))
    assert service.agenda_rows(session)[0].threshold_label == "90%"
    for user in council["users"][:4]:
        service.cast_votes(session, {nomination.pk: "for"}, by=user)
    service.close_session(session, by=cast.approver)
    nomination.refresh_from_db()
    assert (nomination.outcome, CouncilBallot.objects.get().percentage) == (Outcome.COUNCIL_FAILED, Decimal("80.00"))
    assert nomination.outcome_reason.startswith("Đạt 80% < 90%")


def test_the_council_list_page_reads_the_accounts_once(cast, council, client_for):
    """The seats' page: one query for the account choices of every row, whatever the number of seats."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(cast.reviewer)
    url = reverse("dossiers:council_seats")
    client.get(url)
    with CaptureQueriesContext(connection) as five:
        assert client.get(url).status_code == 200
    more = list(CouncilSeat.objects.filter(body=cast.body)) + [
        CouncilSeat(full_name=f"Ủy viên {n}", title="member") for n in range(4)]
    service.save_seats(cast.body, more, by=cast.reviewer)
    with CaptureQueriesContext(connection) as nine:
        assert client.get(url).status_code == 200
    assert len(nine) == len(five)


def test_the_office_records_the_quorum_on_the_council_page(cast, council, client_for):
    client = client_for(cast.reviewer)
    url = reverse("dossiers:council_seats")
    page = client.get(url).content.decode()
    assert "Quy chế hoạt động của Hội đồng" in page
    assert '<option value="majority" selected>Quá nửa tổng số thành viên</option>' in page
    source = "Điều 7 Quy chế ban hành kèm theo Quyết định số 1619/QĐ-UBND"
    refused = client.post(url, {"co-quan": cast.body.pk, "qc-quorum": "all", "qc-source": source})
    assert refused.status_code == 400 and f'value="{source}"' in refused.content.decode()  # kept as typed
    assert not CouncilRules.objects.exists()
    response = client.post(url, {"co-quan": cast.body.pk, "qc-quorum": "two_thirds", "qc-source": source})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Đã lưu quy chế hoạt động của Hội đồng: họp khi có từ hai phần ba (2/3) tổng số thành viên trở lên." in page
    assert '<option value="two_thirds" selected>' in page
    assert service.rules_of(cast.body).source == source
