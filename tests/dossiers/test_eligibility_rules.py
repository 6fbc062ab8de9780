"""The seven basic eligibility rules, one table each (issue 13).

Each rule is called directly, as `evaluate()` calls it: `(nomination, context, **params)` -> `(passed,
message)`. The nominees are unsaved model instances (their reverse relations, the report and the
meeting's vote, cached by assignment) or plain namespaces, so the tables touch no database; the last
test runs the same rules on a nominee saved through the services, to show the light objects stand for
real ones. Every row asserts the passed flag and the Vietnamese message as the office reads it.
"""
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from awards.enums import SubjectType, VoteDenominator
from awards.models import AwardForm
from campaigns.models import Campaign, CampaignAward, Criterion
from dossiers.enums import GOOD_OR_BETTER, DossierState, Rating
from dossiers.models import AchievementReport, Dossier, MeetingVote, Nomination, NominationMeeting
from dossiers.services.eligibility import (
    RULES,
    criteria_rule,
    deadline_rule,
    discipline_rule,
    meeting_vote_rule,
    not_yet_awarded_rule,
    percent_label,
    quota_rule,
    rating_rule,
)
from orgs.models import Organisation

INDIVIDUAL, COLLECTIVE, HOUSEHOLD = SubjectType.INDIVIDUAL, SubjectType.COLLECTIVE, SubjectType.HOUSEHOLD
TZ = ZoneInfo("Asia/Ho_Chi_Minh")
FORM = "Giấy khen của Giám đốc Sở"
UNIT = "Phòng Tổ chức cán bộ"
DEADLINE = date(2025, 8, 5)


def make_dossier(*, deadline=None, threshold=None, denominator=VoteDenominator.PRESENT, form=FORM, unit=UNIT,
                 state=DossierState.DRAFT, submitted_at=None):
    award_form = AwardForm(name=form, vote_threshold=threshold, vote_denominator=denominator)
    campaign = Campaign(title="Đợt thi đua chào mừng 80 năm ngành Nội vụ", dossier_deadline=deadline)
    return Dossier(campaign=campaign, organisation=Organisation(name=unit),
                   offer=CampaignAward(campaign=campaign, award_form=award_form), state=state,
                   submitted_at=submitted_at)


def make_nomination(subject_type=INDIVIDUAL, *, dossier=None, report=None, vote=None, **fields):
    """An unsaved nominee; `report` ({field: value}) and `vote` ((for, present, total)) become its related
    rows, reachable as `nomination.report` / `nomination.meeting_vote` like the select_related ones."""
    nomination = Nomination(dossier=dossier or make_dossier(), subject_type=subject_type, **fields)
    if report is not None:
        AchievementReport(nomination=nomination, **report)
    if vote is not None:
        votes_for, present, total = vote
        meeting = NominationMeeting(members_present=present, members_total=total)
        MeetingVote(nomination=nomination, meeting=meeting, votes_for=votes_for)
    return nomination


# --- the registry -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("code, function, label, blocking", [
    pytest.param("criteria", criteria_rule, "Đạt các tiêu chuẩn của phong trào", True, id="criteria"),
    pytest.param("rating", rating_rule, "Xếp loại năm từ “hoàn thành tốt nhiệm vụ” trở lên", True, id="rating"),
    pytest.param("discipline", discipline_rule, "Không trong thời gian thi hành kỷ luật", True, id="discipline"),
    pytest.param("quota", quota_rule, "Trong chỉ tiêu của đơn vị", True, id="quota"),
    pytest.param("deadline", deadline_rule, "Nộp trong hạn", False, id="deadline-only-warns"),
    pytest.param("meeting_vote", meeting_vote_rule, "Tỷ lệ phiếu bình xét đạt yêu cầu", True, id="meeting_vote"),
    pytest.param("not_yet_awarded", not_yet_awarded_rule, "Chưa được khen cùng thành tích", True,
                 id="not_yet_awarded"),
])
def test_basic_rule_is_registered_with_its_label_default_and_no_parameters(code, function, label, blocking):
    assert RULES[code] == (label, function, blocking, {})


# --- criteria ---------------------------------------------------------------------------------------------
LONG = ("Có sáng kiến được Hội đồng sáng kiến cấp cơ sở công nhận và áp dụng hiệu quả tại cơ quan, "
        "đơn vị trong năm")  # 108 characters
C90, C91 = "a" * 90, "b" * 91


def criterion(pk, text, *, blocking=True, subject_type=INDIVIDUAL):
    return Criterion(pk=pk, subject_type=subject_type, text=text, is_blocking=blocking)


INDIVIDUAL_CRITERIA = [criterion(1, "Hoàn thành tốt nhiệm vụ được giao"),
                       criterion(2, "Gương mẫu chấp hành chủ trương, chính sách"),
                       criterion(3, "Tích cực tham gia phong trào thi đua", blocking=False),
                       criterion(4, "Tập thể hoàn thành xuất sắc nhiệm vụ", subject_type=COLLECTIVE)]


@pytest.mark.parametrize("subject_type, criteria, confirmed, passed, message", [
    pytest.param(INDIVIDUAL, [], [], True, "Đã xác nhận 0 tiêu chuẩn.", id="none-required"),
    pytest.param(INDIVIDUAL, INDIVIDUAL_CRITERIA[3:], [], True, "Đã xác nhận 0 tiêu chuẩn.",
                 id="na-only-another-subject-types-criteria"),
    pytest.param(INDIVIDUAL, INDIVIDUAL_CRITERIA, [1, 2, 3], True, "Đã xác nhận 3 tiêu chuẩn.", id="all-confirmed"),
    pytest.param(INDIVIDUAL, INDIVIDUAL_CRITERIA, [1, 2], True,
                 "Đã xác nhận 2/2 tiêu chuẩn bắt buộc; 0/1 tiêu chuẩn không bắt buộc.",
                 id="only-a-non-blocking-one-missing-passes-and-says-so"),
    pytest.param(INDIVIDUAL, INDIVIDUAL_CRITERIA[2:3], [], True,
                 "Đã xác nhận 0/0 tiêu chuẩn bắt buộc; 0/1 tiêu chuẩn không bắt buộc.",
                 id="only-non-blocking-criteria-none-confirmed"),
    pytest.param(INDIVIDUAL, INDIVIDUAL_CRITERIA, [1], False,
                 "Chưa xác nhận 1/2 tiêu chuẩn bắt buộc (ví dụ: “Gương mẫu chấp hành chủ trương, chính sách”).",
                 id="one-blocking-missing-counted-over-the-mandatory-only"),
    pytest.param(INDIVIDUAL, INDIVIDUAL_CRITERIA[:2], [1], False,
                 "Chưa xác nhận 1/2 tiêu chuẩn bắt buộc (ví dụ: “Gương mẫu chấp hành chủ trương, chính sách”).",
                 id="one-blocking-missing"),
    pytest.param(INDIVIDUAL, INDIVIDUAL_CRITERIA[:2], [], False,
                 "Chưa xác nhận 2/2 tiêu chuẩn bắt buộc (ví dụ: “Hoàn thành tốt nhiệm vụ được giao”).",
                 id="two-blocking-missing-names-the-first"),
    pytest.param(COLLECTIVE, INDIVIDUAL_CRITERIA, [], False,
                 "Chưa xác nhận 1/1 tiêu chuẩn bắt buộc (ví dụ: “Tập thể hoàn thành xuất sắc nhiệm vụ”).",
                 id="collective-reads-its-own-criteria"),
    pytest.param(INDIVIDUAL, [criterion(5, C90)], [], False,
                 f"Chưa xác nhận 1/1 tiêu chuẩn bắt buộc (ví dụ: “{C90}”).", id="boundary-90-chars-whole"),
    pytest.param(INDIVIDUAL, [criterion(5, C91)], [], False,
                 f"Chưa xác nhận 1/1 tiêu chuẩn bắt buộc (ví dụ: “{'b' * 87}…”).", id="boundary-91-chars-cut"),
    pytest.param(INDIVIDUAL, [criterion(5, LONG)], [], False,
                 f"Chưa xác nhận 1/1 tiêu chuẩn bắt buộc (ví dụ: “{LONG[:87]}…”).", id="long-text-cut-with-ellipsis"),
])
def test_criteria(subject_type, criteria, confirmed, passed, message):
    nomination = make_nomination(subject_type)
    nomination.confirmed_criteria = [c for c in criteria if c.pk in confirmed]

    assert criteria_rule(nomination, {"criteria": criteria}) == (passed, message)


# --- rating -----------------------------------------------------------------------------------------------
def report(rating="", year=2024, number="15/QĐ-SNV", **fields):
    return {"rating": rating, "rating_year": year, "rating_decision_number": number, **fields}


@pytest.mark.parametrize("report_fields, passed, message", [
    pytest.param(None, False, "Báo cáo thành tích chưa ghi kết quả xếp loại.", id="no-report"),
    pytest.param(report(), False, "Báo cáo thành tích chưa ghi kết quả xếp loại.", id="no-rating"),
    pytest.param(report(Rating.EXCELLENT), True, "Năm 2024: hoàn thành xuất sắc nhiệm vụ (Quyết định số 15/QĐ-SNV).",
                 id="excellent-with-decision"),
    pytest.param(report(Rating.GOOD), True, "Năm 2024: hoàn thành tốt nhiệm vụ (Quyết định số 15/QĐ-SNV).",
                 id="good-boundary-with-decision"),
    pytest.param(report(Rating.GOOD, number=""), True, "Năm 2024: hoàn thành tốt nhiệm vụ.",
                 id="good-without-decision-number"),
    pytest.param(report(Rating.DONE), False, "Năm 2024 xếp loại “hoàn thành nhiệm vụ”.",
                 id="done-just-below"),
    pytest.param(report(Rating.NOT_DONE), False, "Năm 2024 xếp loại “không hoàn thành nhiệm vụ”.", id="not-done"),
    pytest.param(report(Rating.DONE, year=None), False, "Năm ? xếp loại “hoàn thành nhiệm vụ”.",
                 id="fail-without-year"),
    pytest.param(report(Rating.GOOD, year=None), True, "Năm ?: hoàn thành tốt nhiệm vụ (Quyết định số 15/QĐ-SNV).",
                 id="pass-without-year"),
    pytest.param(report(Rating.GOOD, year=2023), True, "Năm 2023: hoàn thành tốt nhiệm vụ (Quyết định số 15/QĐ-SNV).",
                 id="the-reports-year-is-shown"),
])
def test_rating(report_fields, passed, message):
    nomination = make_nomination(report=report_fields)

    assert rating_rule(nomination, {}) == (passed, message)


@pytest.mark.parametrize("rating", list(Rating), ids=lambda rating: rating.value)
def test_rating_passes_exactly_the_good_or_better_ratings(rating):
    passed, _message = rating_rule(make_nomination(report=report(rating)), {})

    assert passed is (rating in GOOD_OR_BETTER)


# --- discipline -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("subject_type, report_fields, passed, message", [
    pytest.param(INDIVIDUAL, None, True, "Không bị kỷ luật.", id="individual-no-report"),
    pytest.param(INDIVIDUAL, report(under_discipline=False), True, "Không bị kỷ luật.", id="individual-clean"),
    pytest.param(INDIVIDUAL, report(under_discipline=True), False,
                 "Báo cáo thành tích ghi đang trong thời gian thi hành kỷ luật.", id="individual-disciplined"),
    pytest.param(COLLECTIVE, report(under_discipline=True), True, "Không bị kỷ luật.", id="na-collective"),
    pytest.param(COLLECTIVE, None, True, "Không bị kỷ luật.", id="na-collective-no-report"),
    pytest.param(HOUSEHOLD, report(under_discipline=True), True, "Không bị kỷ luật.", id="na-household"),
])
def test_discipline(subject_type, report_fields, passed, message):
    nomination = make_nomination(subject_type, report=report_fields)

    assert discipline_rule(nomination, {}) == (passed, message)


# --- quota ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("limit, used, passed, message", [
    pytest.param(None, 40, True, "Hình thức này không giới hạn số lượng.", id="na-no-limit"),
    pytest.param(3, 1, True, "Đơn vị đề nghị 1/3.", id="under"),
    pytest.param(3, 3, True, "Đơn vị đề nghị 3/3.", id="boundary-equal-passes"),
    pytest.param(3, 4, False, f"Đơn vị đề nghị 4 trong khi chỉ tiêu {FORM} là 3.", id="boundary-one-over"),
    pytest.param(3, 10, False, f"Đơn vị đề nghị 10 trong khi chỉ tiêu {FORM} là 3.", id="far-over"),
    pytest.param(0, 1, False, f"Đơn vị đề nghị 1 trong khi chỉ tiêu {FORM} là 0.", id="zero-quota"),
])
def test_quota(limit, used, passed, message):
    assert quota_rule(make_nomination(), {"quota": limit, "used": used}) == (passed, message)


# --- deadline ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("deadline, today, passed, message", [
    pytest.param(None, date(2026, 1, 1), True, "Phong trào chưa ấn định hạn nộp.", id="na-no-deadline"),
    pytest.param(DEADLINE, date(2025, 7, 20), True, "Hạn nộp 05/08/2025.", id="before"),
    pytest.param(DEADLINE, DEADLINE, True, "Hạn nộp 05/08/2025.", id="boundary-on-the-day"),
    pytest.param(DEADLINE, date(2025, 8, 6), False, "Hạn nộp hồ sơ là 05/08/2025, đã quá 1 ngày.",
                 id="boundary-one-day-late"),
    pytest.param(DEADLINE, date(2025, 9, 5), False, "Hạn nộp hồ sơ là 05/08/2025, đã quá 31 ngày.",
                 id="a-month-late"),
    pytest.param(date(2025, 12, 31), date(2026, 1, 2), False, "Hạn nộp hồ sơ là 31/12/2025, đã quá 2 ngày.",
                 id="late-across-the-new-year"),
])
def test_deadline(deadline, today, passed, message):
    nomination = make_nomination(dossier=make_dossier(deadline=deadline))

    assert deadline_rule(nomination, {"today": today}) == (passed, message)


def local(day, hour, minute=0):
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


@pytest.mark.parametrize("state, submitted_at, today, passed, message", [
    pytest.param(DossierState.IN_REVIEW, local(date(2025, 8, 4), 16, 30), date(2025, 8, 20), True,
                 "Nộp ngày 04/08/2025, trong hạn 05/08/2025.", id="sent-on-time-reviewed-after-the-deadline"),
    pytest.param(DossierState.SUBMITTED, local(DEADLINE, 23, 30), date(2025, 8, 6), True,
                 "Nộp ngày 05/08/2025, trong hạn 05/08/2025.", id="boundary-sent-at-23h30-on-the-day"),
    pytest.param(DossierState.SUBMITTED, datetime(2025, 8, 5, 17, 30, tzinfo=UTC), date(2025, 8, 6), False,
                 "Hạn nộp hồ sơ là 05/08/2025, nộp ngày 06/08/2025: trễ 1 ngày.",
                 id="boundary-17h30-utc-is-the-next-day-in-vietnam"),
    pytest.param(DossierState.DECIDED, local(date(2025, 8, 7), 9), date(2025, 12, 1), False,
                 "Hạn nộp hồ sơ là 05/08/2025, nộp ngày 07/08/2025: trễ 2 ngày.", id="sent-late"),
    pytest.param(DossierState.RETURNED, local(date(2025, 8, 4), 9), date(2025, 8, 8), False,
                 "Hạn nộp hồ sơ là 05/08/2025, đã quá 3 ngày.", id="returned-is-judged-on-today"),
    pytest.param(DossierState.RETURNED, local(date(2025, 8, 1), 9), date(2025, 8, 3), True,
                 "Hạn nộp 05/08/2025.", id="returned-before-the-deadline"),
])
def test_deadline_of_a_sent_dossier_is_the_day_it_was_sent(state, submitted_at, today, passed, message):
    dossier = make_dossier(deadline=DEADLINE, state=state, submitted_at=submitted_at)

    assert deadline_rule(make_nomination(dossier=dossier), {"today": today}) == (passed, message)


def test_deadline_of_a_sent_campaign_without_deadline_does_not_apply():
    dossier = make_dossier(state=DossierState.SUBMITTED, submitted_at=local(DEADLINE, 9))

    assert deadline_rule(make_nomination(dossier=dossier), {"today": DEADLINE + timedelta(days=30)}) == (
        True, "Phong trào chưa ấn định hạn nộp.")


# --- meeting_vote -----------------------------------------------------------------------------------------
PRESENT, ALL = VoteDenominator.PRESENT, VoteDenominator.ALL


@pytest.mark.parametrize("vote, threshold, denominator, passed, message", [
    pytest.param(None, Decimal("70"), PRESENT, False, "Chưa ghi kết quả biểu quyết trong Biên bản họp bình xét.",
                 id="no-vote"),
    pytest.param((6, 9, 10), Decimal("70"), PRESENT, False, "Đạt 66,66% phiếu đồng ý, cần từ 70%.",
                 id="present-below"),
    pytest.param((7, 10, 12), Decimal("70"), PRESENT, True, "Đạt 70% phiếu đồng ý.",
                 id="present-exactly-at-threshold"),
    pytest.param((7, 9, 10), Decimal("70"), PRESENT, True, "Đạt 77,77% phiếu đồng ý.", id="present-above"),
    pytest.param((7, 9, 10), Decimal("70"), ALL, True, "Đạt 70% phiếu đồng ý.", id="all-exactly-at-threshold"),
    pytest.param((6, 9, 10), Decimal("70"), ALL, False, "Đạt 60% phiếu đồng ý, cần từ 70%.", id="all-below"),
    pytest.param((7, 9, 10), Decimal("75"), PRESENT, True, "Đạt 77,77% phiếu đồng ý.",
                 id="present-passes-where-all-fails"),
    pytest.param((7, 9, 10), Decimal("75"), ALL, False, "Đạt 70% phiếu đồng ý, cần từ 75%.",
                 id="all-fails-where-present-passes"),
    pytest.param((5, 10, 10), Decimal("50.5"), PRESENT, False, "Đạt 50% phiếu đồng ý, cần từ 50,5%.",
                 id="decimal-threshold"),
    pytest.param((0, 0, 10), Decimal("70"), PRESENT, False, "Đạt 0% phiếu đồng ý, cần từ 70%.",
                 id="nobody-present"),
    pytest.param((9, 9, 9), Decimal("100"), PRESENT, True, "Đạt 100% phiếu đồng ý.", id="unanimous-needed"),
    pytest.param((3, 9, 10), None, PRESENT, True, "Đạt 33,33% phiếu đồng ý.", id="na-no-threshold"),
    pytest.param((2, 3, 3), Decimal("66.67"), PRESENT, False, "Đạt 66,66% phiếu đồng ý, cần từ 66,67%.",
                 id="just-under-a-decimal-threshold-never-reads-as-it"),
    pytest.param((2, 3, 3), Decimal("66.66"), PRESENT, True, "Đạt 66,66% phiếu đồng ý.",
                 id="just-over-a-decimal-threshold"),
])
def test_meeting_vote(vote, threshold, denominator, passed, message):
    dossier = make_dossier(threshold=threshold, denominator=denominator)
    nomination = make_nomination(dossier=dossier, vote=vote)

    assert meeting_vote_rule(nomination, {}) == (passed, message)


@pytest.mark.parametrize("vote, denominator, shown", [
    pytest.param((2, 3, 3), PRESENT, Decimal("66.66"), id="cut-not-rounded"),
    pytest.param((7, 9, 10), PRESENT, Decimal("77.77"), id="present"),
    pytest.param((7, 9, 10), ALL, Decimal("70.00"), id="all"),
    pytest.param((17499, 25000, 25000), PRESENT, Decimal("69.99"), id="69-996-is-not-70"),
    pytest.param((0, 0, 0), PRESENT, Decimal("0"), id="nobody-present"),
])
def test_vote_percentage_shown(vote, denominator, shown):
    nomination = make_nomination(vote=vote)

    assert nomination.meeting_vote.percentage(denominator) == shown


# --- not_yet_awarded --------------------------------------------------------------------------------------
def other(pk, subject_type=INDIVIDUAL, *, person_id=None, organisation_id=None, form="Bằng khen của Chủ tịch UBND tỉnh",
          unit="Phòng Công chức, viên chức", category="commendation", form_pk=None):
    """A live nomination of the same campaign in another dossier, as evaluate() reads it."""
    award_form = AwardForm(pk=form_pk, name=form, category=category)
    return SimpleNamespace(pk=pk, subject_type=subject_type, person_id=person_id, organisation_id=organisation_id,
                           household_id=None,
                           dossier=SimpleNamespace(offer=SimpleNamespace(award_form=award_form), organisation=unit))


ALREADY = ("Đã được đề nghị Bằng khen của Chủ tịch UBND tỉnh trong cùng phong trào "
           "(hồ sơ của Phòng Công chức, viên chức).")
NOT_YET = "Chưa được đề nghị, khen thưởng cho thành tích này."


@pytest.mark.parametrize("subject_type, ids, same_campaign, passed, message", [
    pytest.param(INDIVIDUAL, {"person_id": 5}, [], True, NOT_YET, id="nobody-else"),
    pytest.param(INDIVIDUAL, {"person_id": 5}, [other(2, person_id=5)], False, ALREADY,
                 id="same-person-in-another-dossier"),
    pytest.param(INDIVIDUAL, {"person_id": 5}, [other(2, person_id=6)], True, NOT_YET, id="another-person"),
    pytest.param(INDIVIDUAL, {"person_id": 5}, [other(2, COLLECTIVE, organisation_id=5)], True, NOT_YET,
                 id="same-id-another-subject-type"),
    pytest.param(INDIVIDUAL, {"person_id": 5}, [other(1, person_id=5)], True, NOT_YET, id="itself-not-counted"),
    pytest.param(COLLECTIVE, {"organisation_id": 8}, [other(2, COLLECTIVE, organisation_id=8)], False, ALREADY,
                 id="same-collective"),
    pytest.param(COLLECTIVE, {"organisation_id": 8}, [other(2, COLLECTIVE, organisation_id=9)], True, NOT_YET,
                 id="another-collective"),
    pytest.param(INDIVIDUAL, {"person_id": 5},
                 [other(2, person_id=6), other(3, person_id=5),
                  other(4, person_id=5, form="Giấy khen", unit="Phòng Tổ chức cán bộ")], False, ALREADY,
                 id="several-names-the-first-match"),
])
def test_not_yet_awarded(subject_type, ids, same_campaign, passed, message):
    nomination = make_nomination(subject_type, pk=1, **ids)

    assert not_yet_awarded_rule(nomination, {"same_campaign": same_campaign}) == (passed, message)


LDTT, CSTD = "Lao động tiên tiến", "Chiến sĩ thi đua cơ sở"


@pytest.mark.parametrize("form, category, others, passed", [
    # danh hiệu thi đua are recognised together (LĐTT and CSTĐ cơ sở of the same year)
    pytest.param(CSTD, "title", [other(2, person_id=5, form=LDTT, category="title", form_pk=11)], True,
                 id="two-titles"),
    pytest.param(CSTD, "title", [other(2, person_id=5, form="Giấy khen", category="commendation", form_pk=12)],
                 True, id="a-title-and-a-commendation"),
    pytest.param("Giấy khen", "commendation", [other(2, person_id=5, form=CSTD, category="title", form_pk=10)],
                 True, id="a-commendation-and-a-title"),
    # the same form twice, or two hình thức khen thưởng for one achievement: refused
    pytest.param(CSTD, "title", [other(2, person_id=5, form=CSTD, category="title", form_pk=10)], False,
                 id="the-same-title-twice"),
    pytest.param("Giấy khen", "commendation",
                 [other(2, person_id=5, form="Bằng khen của Chủ tịch UBND tỉnh", category="commendation",
                        form_pk=13)], False, id="two-commendations"),
])
def test_not_yet_awarded_lets_titles_go_together(form, category, others, passed):
    dossier = make_dossier(form=form)
    dossier.offer.award_form.pk, dossier.offer.award_form.category = 10 if form == CSTD else 12, category
    nomination = make_nomination(INDIVIDUAL, pk=1, person_id=5, dossier=dossier)

    assert not_yet_awarded_rule(nomination, {"same_campaign": others})[0] is passed


# --- percent_label ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("value, label", [
    pytest.param(66.6667, "66,67%", id="rounded-to-2-decimals"),
    pytest.param(77.78, "77,78%", id="two-decimals"),
    pytest.param(50.5, "50,5%", id="trailing-zero-dropped"),
    pytest.param(70, "70%", id="int"),
    pytest.param(Decimal("70.00"), "70%", id="decimal-field-value"),
    pytest.param(Decimal("66.67"), "66,67%", id="decimal-with-decimals"),
    pytest.param(0, "0%", id="zero"),
    pytest.param(100, "100%", id="hundred-keeps-its-zeros"),
    pytest.param(0.5, "0,5%", id="below-one"),
])
def test_percent_label(value, label):
    assert percent_label(value) == label


# --- the same rules on a nominee saved through the services -----------------------------------------------
def test_rules_read_a_saved_nominee_like_the_light_ones(cast):
    from dossiers.services import building
    from tests.factories.campaigns import launched_campaign
    from tests.factories.dossiers import complete_report, record_vote

    campaign = launched_campaign(cast, participants=[cast.unit_a])
    offer = campaign.awards.get()
    offer.award_form.vote_threshold = Decimal("70")
    offer.award_form.save()
    dossier = building.start_dossier(campaign, cast.unit_a, offer, by=cast.clerk_a)
    building.add_nominee(dossier, subject_type=INDIVIDUAL, person=cast.person_a, by=cast.clerk_a)

    def nominee():
        return Nomination.objects.select_related(
            "report", "meeting_vote__meeting", "dossier__offer__award_form", "dossier__campaign").get()

    fresh = nominee()
    assert rating_rule(fresh, {}) == (False, "Báo cáo thành tích chưa ghi kết quả xếp loại.")
    assert discipline_rule(fresh, {}) == (True, "Không bị kỷ luật.")
    assert meeting_vote_rule(fresh, {}) == (False, "Chưa ghi kết quả biểu quyết trong Biên bản họp bình xét.")
    assert deadline_rule(fresh, {"today": DEADLINE}) == (True, "Hạn nộp 05/08/2025.")

    complete_report(fresh, by=cast.clerk_a)
    record_vote(dossier, fresh, votes_for=6, present=9, total=10)
    voted = nominee()
    assert rating_rule(voted, {}) == (True, "Năm 2024: hoàn thành tốt nhiệm vụ (Quyết định số 15/QĐ-SNV).")
    assert meeting_vote_rule(voted, {}) == (False, "Đạt 66,66% phiếu đồng ý, cần từ 70%.")
    assert quota_rule(voted, {"quota": 1, "used": 2}) == (
        False, "Đơn vị đề nghị 2 trong khi chỉ tiêu Giấy khen (thử) là 1.")
