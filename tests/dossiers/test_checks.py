"""Each nominee's eligibility verdicts are stored on its row (dossiers.services.checks) and the pages read
them: every service that changes what the rules read must store them again. Each case below runs one such
writer and checks that what is stored then equals a fresh evaluate(); a writer that forgets fails here."""
from datetime import date

import pytest
from django.utils import timezone

from campaigns.models import Criterion
from campaigns.services.campaigns import add_section_rows, offer_award, update_campaign
from dossiers import tasks
from dossiers.enums import Outcome
from dossiers.models import AchievementReport, Dossier, EligibilityRule, Nomination
from dossiers.services import building, checks, meetings, register
from dossiers.services.eligibility import evaluate
from dossiers.services.workflow import transition
from tests.factories.campaigns import award_form, launched_campaign
from tests.factories.dossiers import complete_report, ready_dossier
from tests.factories.orgs import PersonFactory

pytestmark = pytest.mark.django_db


def assert_stored_is_fresh(*dossiers):
    for dossier in dossiers:
        dossier = Dossier.objects.select_related("campaign", "offer__award_form", "organisation").get(pk=dossier.pk)
        fresh = evaluate(dossier)
        for nomination in dossier.nominations.all():
            assert nomination.checked_at is not None, nomination
            assert nomination.checks == [check.as_json() for check in fresh[nomination.pk]], nomination


def verdict(nomination, code):
    nomination.refresh_from_db()
    return next(check for check in checks.stored(nomination) if check.code == code)


@pytest.fixture
def two_dossiers(cast):
    """Unit A's dossier for the Giấy khen and another one of the same campaign for a second form."""
    campaign = launched_campaign(cast, participants=[cast.unit_a])
    first = ready_dossier(cast, campaign=campaign)
    second_offer = offer_award(campaign, award_form(code="bang-khen-test", name="Bằng khen (thử)"), copies=1,
                               by=cast.admin)
    second = building.start_dossier(campaign, cast.unit_a, second_offer, by=cast.clerk_a)
    return first, second


def test_adding_a_person_proposed_elsewhere_in_the_campaign_flags_both_dossiers(cast, two_dossiers):
    first, second = two_dossiers
    added = building.add_nominee(second, subject_type="individual", person=cast.person_a, by=cast.clerk_a)
    assert not verdict(added, "not_yet_awarded").passed
    assert not verdict(first.nominations.get(), "not_yet_awarded").passed  # the other dossier knows too
    assert_stored_is_fresh(first, second)


def test_removing_or_withdrawing_clears_the_other_dossier(cast, two_dossiers):
    first, second = two_dossiers
    added = building.add_nominee(second, subject_type="individual", person=cast.person_a, by=cast.clerk_a)
    building.remove_nominee(added, by=cast.clerk_a)
    assert verdict(first.nominations.get(), "not_yet_awarded").passed
    building.add_nominee(second, subject_type="individual", person=cast.person_a, by=cast.clerk_a)
    transition(second, "withdraw", by=cast.clerk_a)
    assert verdict(first.nominations.get(), "not_yet_awarded").passed
    assert_stored_is_fresh(first)


def test_saving_the_report_checks_the_rating_again(cast):
    dossier = ready_dossier(cast)
    nomination = dossier.nominations.get()
    assert verdict(nomination, "rating").passed
    complete_report(nomination, by=cast.clerk_a, rating="khong_hoan_thanh")
    assert not verdict(nomination, "rating").passed
    assert_stored_is_fresh(dossier)


def test_votes_recorded_on_the_bien_ban_are_checked(cast):
    dossier = ready_dossier(cast)
    nomination = dossier.nominations.get()
    meetings.record_votes(dossier.meeting, [(nomination, 2, 7, 0)], by=cast.clerk_a)
    assert verdict(nomination, "meeting_vote").message == "Đạt 22,22% phiếu đồng ý."
    assert_stored_is_fresh(dossier)


def test_submitting_decides_on_verdicts_computed_then(cast):
    dossier = ready_dossier(cast)
    nomination = dossier.nominations.get()
    AchievementReport.objects.filter(nomination=nomination).update(under_discipline=True)  # behind the services
    assert verdict(nomination, "discipline").passed  # the stored verdict does not know yet
    with pytest.raises(Exception, match="không trong thời gian thi hành kỷ luật"):
        transition(dossier, "submit", by=cast.clerk_a)
    assert not verdict(nomination, "discipline").passed
    assert_stored_is_fresh(dossier)


def test_the_office_accepts_despite_a_warning_and_the_warning_is_kept(cast):
    dossier = ready_dossier(cast)  # the campaign's deadline (05/08/2025) has passed: a warning
    transition(dossier, "submit", by=cast.clerk_a)
    transition(dossier, "start_review", by=cast.reviewer)
    nomination = dossier.nominations.get()
    building.review_nominee(Nomination.objects.get(pk=nomination.pk), verdict=Outcome.ACCEPTED,
                            override_reason="Đơn vị nộp bù có lý do.",
                            by=cast.reviewer)
    nomination.refresh_from_db()
    assert [w["code"] for w in nomination.accepted_warnings] == ["deadline"]
    assert nomination.accepted_warnings[0]["message"].startswith("Hạn nộp hồ sơ là 05/08/2025, nộp ngày")
    assert_stored_is_fresh(dossier)


def test_an_award_entered_in_the_register_rechecks_the_dossiers_naming_the_person(cast):
    dossier = ready_dossier(cast)
    before = dossier.nominations.get().checked_at
    register.record_award(award_form=award_form(), decision_number="12/QĐ-SNV", decision_date=date(2024, 12, 1),
                          person=cast.person_a, by=cast.reviewer)
    assert dossier.nominations.get().checked_at > before
    assert_stored_is_fresh(dossier)


def test_a_criterion_added_to_the_campaign_is_checked_once_the_edit_commits(
        cast, django_capture_on_commit_callbacks):
    dossier = ready_dossier(cast)
    nomination = dossier.nominations.get()
    with django_capture_on_commit_callbacks(execute=True):
        add_section_rows(dossier.campaign, Criterion, [{"subject_type": "individual", "order": 9, "is_blocking": True,
                                                        "text": "Có sáng kiến"}], by=cast.admin)
    assert not verdict(nomination, "criteria").passed
    assert_stored_is_fresh(dossier)


def test_a_new_deadline_is_checked_once_the_edit_commits(cast, django_capture_on_commit_callbacks):
    dossier = ready_dossier(cast)
    nomination = dossier.nominations.get()
    assert not verdict(nomination, "deadline").passed
    campaign = dossier.campaign
    campaign.dossier_deadline = timezone.localdate().replace(year=timezone.localdate().year + 1)
    with django_capture_on_commit_callbacks(execute=True):
        update_campaign(campaign, by=cast.admin, reason="Gia hạn nộp hồ sơ theo Công văn số 12/SNV.")
    assert verdict(nomination, "deadline").passed
    assert_stored_is_fresh(dossier)


def test_a_rule_set_by_the_admin_is_applied_once_saved(cast, client_for, django_capture_on_commit_callbacks):
    dossier = ready_dossier(cast)
    rules = list(EligibilityRule.objects.order_by("order", "code"))
    data = {"rules-TOTAL_FORMS": str(len(rules)), "rules-INITIAL_FORMS": str(len(rules)),
            "rules-MIN_NUM_FORMS": "0", "rules-MAX_NUM_FORMS": "1000"}
    for index, rule in enumerate(rules):
        data.update({f"rules-{index}-id": str(rule.pk), f"rules-{index}-is_active": "on",
                     f"rules-{index}-is_blocking": "on"})  # every rule blocks, the deadline too
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(cast.admin).post("/quy-tac-xet/", data).status_code == 302
    assert verdict(dossier.nominations.get(), "deadline").blocking is True
    assert_stored_is_fresh(dossier)


def test_the_nightly_run_catches_what_changed_behind_the_services(cast):
    dossier = ready_dossier(cast)
    nomination = dossier.nominations.get()
    AchievementReport.objects.filter(nomination=nomination).update(rating="khong_hoan_thanh")
    assert tasks.refresh_checks.delay().get() == 1  # the open dossiers
    assert not verdict(nomination, "rating").passed
    assert_stored_is_fresh(dossier)


def test_recheck_button_stores_now_for_the_clerk_and_the_office(cast, client_for):
    dossier = ready_dossier(cast)
    nomination = dossier.nominations.get()
    AchievementReport.objects.filter(nomination=nomination).update(rating="khong_hoan_thanh")
    response = client_for(cast.clerk_a).post(f"/ho-so/{dossier.pk}/kiem-tra-lai/")
    assert response.status_code == 302 and response.url == f"/ho-so/{dossier.pk}/"
    assert not verdict(nomination, "rating").passed
    assert client_for(cast.clerk_b).post(f"/ho-so/{dossier.pk}/kiem-tra-lai/").status_code == 404
    assert client_for(cast.clerk_a).get(f"/ho-so/{dossier.pk}/kiem-tra-lai/").status_code == 405
    complete_report(nomination, by=cast.clerk_a)
    transition(dossier, "submit", by=cast.clerk_a)
    AchievementReport.objects.filter(nomination=nomination).update(rating="khong_hoan_thanh")
    assert client_for(cast.council).post(f"/ho-so/{dossier.pk}/kiem-tra-lai/").status_code == 403
    assert verdict(nomination, "rating").passed
    response = client_for(cast.reviewer).post(f"/ho-so/{dossier.pk}/kiem-tra-lai/", {"next": "review"})
    assert response.url == f"/ho-so/{dossier.pk}/tham-dinh/" and not verdict(nomination, "rating").passed


def test_verdicts_are_kept_as_accepted_once_past_the_review(cast, client_for):
    dossier = ready_dossier(cast)
    transition(dossier, "submit", by=cast.clerk_a)
    transition(dossier, "start_review", by=cast.reviewer)
    building.review_nominee(Nomination.objects.get(dossier=dossier), verdict=Outcome.ACCEPTED,
                            override_reason="Nộp bù.", by=cast.reviewer)
    transition(dossier, "accept", by=cast.reviewer)
    nomination = dossier.nominations.get()
    stored = nomination.checks
    AchievementReport.objects.filter(nomination=nomination).update(rating="khong_hoan_thanh")
    tasks.refresh_checks.delay().get()
    response = client_for(cast.reviewer).post(f"/ho-so/{dossier.pk}/kiem-tra-lai/", follow=True)
    assert "kết quả kiểm tra điều kiện được giữ như lúc thẩm định" in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.checks == stored


@pytest.mark.parametrize("accepted", [False, True], ids=["draft", "past-the-review"])
def test_a_nominee_never_checked_is_checked_on_the_first_view(cast, client_for, accepted):
    dossier = ready_dossier(cast)
    user = cast.clerk_a
    if accepted:
        transition(dossier, "submit", by=cast.clerk_a)
        transition(dossier, "start_review", by=cast.reviewer)
        building.review_nominee(Nomination.objects.get(dossier=dossier), verdict=Outcome.ACCEPTED,
                                override_reason="Nộp bù.", by=cast.reviewer)
        transition(dossier, "accept", by=cast.reviewer)
        user = cast.council
    Nomination.objects.filter(dossier=dossier).update(checks=None, checked_at=None)  # rows from before
    html = client_for(user).get(f"/ho-so/{dossier.pk}/").content.decode()
    assert "Kiểm tra điều kiện lúc" in html and "Đạt " in html
    assert_stored_is_fresh(dossier)


def test_after_a_submit_the_deadline_reads_as_sent_and_after_a_return_as_late_again(cast):
    dossier = ready_dossier(cast)  # the campaign's deadline (05/08/2025) has passed
    nomination = dossier.nominations.get()
    assert verdict(nomination, "deadline").message.startswith("Hạn nộp hồ sơ là 05/08/2025, đã quá")
    transition(dossier, "submit", by=cast.clerk_a)
    assert verdict(nomination, "deadline").message.startswith("Hạn nộp hồ sơ là 05/08/2025, nộp ngày")
    transition(dossier, "return", by=cast.reviewer, note="Bổ sung số liệu.")
    assert verdict(nomination, "deadline").message.startswith("Hạn nộp hồ sơ là 05/08/2025, đã quá")
    assert_stored_is_fresh(dossier)


def test_the_bien_ban_members_changed_rechecks_the_vote_rates(cast):
    dossier = ready_dossier(cast)  # 8 of 9 present
    nomination = dossier.nominations.get()
    meeting = dossier.meeting
    meeting.members_total, meeting.members_present = 12, 12
    meetings.save_meeting(meeting, by=cast.clerk_a)
    assert verdict(nomination, "meeting_vote").message == "Đạt 66,66% phiếu đồng ý."
    assert_stored_is_fresh(dossier)


def test_page_shows_when_the_dossier_was_checked(cast, client_for):
    dossier = ready_dossier(cast, person=PersonFactory(organisation=cast.unit_a))
    checked = timezone.localtime(dossier.nominations.get().checked_at)
    html = client_for(cast.clerk_a).get(f"/ho-so/{dossier.pk}/").content.decode()
    assert f"Kiểm tra điều kiện lúc {checked:%H:%M %d/%m/%Y}" in html


def test_the_command_rechecks_the_open_dossiers(cast):
    from io import StringIO

    from django.core.management import call_command

    dossier = ready_dossier(cast)
    nomination = dossier.nominations.get()
    AchievementReport.objects.filter(nomination=nomination).update(rating="khong_hoan_thanh")
    out = StringIO()
    call_command("refresh_checks", "--phong-trao", str(dossier.campaign_id), stdout=out)
    assert out.getvalue().strip() == "Đã kiểm tra lại 1 hồ sơ." and not verdict(nomination, "rating").passed


@pytest.mark.parametrize(("first", "second", "duplicate"), [
    # (code, category) of the two forms proposed for one subject in one campaign
    (("ldtt", "title"), ("cstd-co-so", "title"), False),  # a danh hiệu with the one it presupposes
    (("cstd-co-so", "title"), ("giay-khen", "commendation"), False),  # a danh hiệu and a hình thức
    (("tap-the-ldxs", "title"), ("bang-khen-tinh", "commendation"), False),
    (("giay-khen", "commendation"), ("bang-khen-tinh", "commendation"), True),  # two hình thức for one achievement
    (("giay-khen", "commendation"), ("giay-khen", "commendation"), True),  # the same form twice
    (("cstd-co-so", "title"), ("cstd-co-so", "title"), True),
])
def test_one_achievement_table(first, second, duplicate):
    """Luật TĐKT 2022: one achievement is not rewarded with several hình thức; danh hiệu are recognised."""
    from awards.models import AwardForm
    from dossiers.services.eligibility import _one_achievement

    forms = {}
    for code, category in (first, second):
        forms.setdefault(code, AwardForm(pk=len(forms) + 1, code=code, name=code, category=category))
    assert _one_achievement(forms[first[0]], forms[second[0]]) is duplicate
    assert _one_achievement(forms[second[0]], forms[first[0]]) is duplicate
