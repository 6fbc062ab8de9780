"""The demo's dates follow the day it is first loaded (issue 17, demo/seeds/anchor.py): seeded on two different days,
its current campaigns are open on that day with their deadlines ahead, and nothing already done is dated after it;
a second run on a later day keeps the demo's day and changes nothing."""
from datetime import date, datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from campaigns.models import Campaign, PlanTask
from campaigns.services.campaigns import profile_in_force
from dossiers.models import (
    AchievementReport,
    AnnualRating,
    Award,
    CouncilSession,
    Decision,
    Dossier,
    Forwarding,
    NominationMeeting,
    StateChange,
)

pytestmark = pytest.mark.django_db

CURRENT = {"QT-SNV": (2150, "KH-SNV"), "LS-UBND": (58, "KH-UBND"), "LS-VP": (1, "KH-VP")}


def seed_on(day):
    with time_machine.travel(datetime(day.year, day.month, day.day, 9, 0, tzinfo=timezone.get_default_timezone())):
        call_command("seed_demo")


def current(code):
    number, symbol = CURRENT[code]
    return Campaign.objects.get(issuer__code=code, plan_number=number, plan_symbol=symbol)


def acts_done():
    """Every date of an act the demo has already performed."""
    days = [*Decision.objects.values_list("date", flat=True), *Forwarding.objects.values_list("memo_date", flat=True),
            *Dossier.objects.exclude(memo_date=None).values_list("memo_date", flat=True),
            *AnnualRating.objects.exclude(decision_date=None).values_list("decision_date", flat=True),
            *Award.objects.values_list("decision_date", flat=True),
            *AchievementReport.objects.exclude(rating_decision_date=None).values_list("rating_decision_date",
                                                                                      flat=True),
            *PlanTask.objects.exclude(done_on=None).values_list("done_on", flat=True),
            *Campaign.objects.exclude(plan_date=None).values_list("plan_date", flat=True)]  # a track has no plan
    moments = [*NominationMeeting.objects.values_list("held_at", flat=True),
               *CouncilSession.objects.values_list("held_at", flat=True),
               *StateChange.objects.values_list("at", flat=True),
               *Campaign.objects.exclude(launched_at=None).values_list("launched_at", flat=True)]
    return days + [timezone.localtime(moment).date() for moment in moments]


@pytest.mark.parametrize("day", [date(2027, 3, 15), date(2028, 10, 2)])
def test_seeded_on_any_day_the_campaigns_are_current_and_nothing_done_is_in_the_future(day):
    seed_on(day)
    for code in CURRENT:
        campaign = current(code)
        assert campaign.status == "launched"
        assert campaign.plan_date <= day < campaign.dossier_deadline, campaign
        assert campaign.period_start <= day
        # the decree of the plan's date (the law keeps its own dates)
        assert campaign.legal_profile == profile_in_force(campaign.plan_date)
    assert str(current("LS-UBND").plan_date.year) in current("LS-UBND").title
    assert str(day.year) in current("LS-VP").title
    assert max(acts_done()) <= day
    # the demo's workflow is in the current Quảng Trị drive, a decision signed under the law of its day
    qt = current("QT-SNV")
    assert sorted(Dossier.objects.filter(campaign=qt).values_list("state", flat=True)) == sorted(
        ["decided", "forwarded", "returned", "in_review", "submitted", "draft", "in_council", "in_review"])
    decision = Decision.objects.get(campaign=qt, kind=Decision.OWN)
    assert day.toordinal() - 7 <= decision.date.toordinal() < day.toordinal()
    revoking = decision.revocations.get()  # the demo's revoked award (demo/seeds/revocations.py), dated after it
    assert decision.date <= revoking.date < day and revoking.legal_profile == profile_in_force(revoking.date)
    assert decision.legal_profile == profile_in_force(decision.date)
    assert all(bonus > 0 for bonus in decision.awards.values_list("bonus_amount", flat=True))
    # the Bằng khen Thủ tướng nominee still meets the rule that reads the five years before the drive ends
    assert Dossier.objects.get(campaign=qt, state="in_council").nominations.get().person.ratings.count() == 5
    # the anniversary drives of 2024–2025 keep their dates and are closed
    assert set(Campaign.objects.filter(period_end__year=2025).values_list("status", flat=True)) == {"closed"}


def test_a_second_run_on_another_day_keeps_the_demos_day():
    seed_on(date(2027, 3, 15))
    before = (list(Campaign.objects.order_by("pk").values_list("pk", "plan_date", "dossier_deadline", "status")),
              Dossier.objects.count(), StateChange.objects.count(), Decision.objects.count())
    seed_on(date(2027, 9, 1))
    after = (list(Campaign.objects.order_by("pk").values_list("pk", "plan_date", "dossier_deadline", "status")),
             Dossier.objects.count(), StateChange.objects.count(), Decision.objects.count())
    assert after == before


def test_the_annual_plan_marks_done_only_the_tasks_done_by_the_demos_day():
    seed_on(date(2027, 5, 10))
    tasks = {(t.quarter, t.order): t for t in current("LS-VP").tasks.all()}
    assert current("LS-VP").plan_date == date(2027, 1, 21)
    assert tasks[1, 1].status == "done" and tasks[1, 1].done_on == date(2027, 2, 26)
    assert tasks[2, 2].status == "in_progress" and tasks[2, 2].done_on is None  # done on 24/6 in the text
    assert tasks[3, 1].status == "todo" and tasks[4, 1].status == "todo"
    assert tasks[2, 1].due_date == date(2027, 6, 30)


def test_before_the_annual_plans_day_last_years_plan_is_closed_and_the_drives_are_current():
    seed_on(date(2027, 1, 10))
    plan = current("LS-VP")
    assert (plan.plan_date, plan.status) == (date(2026, 1, 21), "closed")
    assert all(current(code).status == "launched" and current(code).dossier_deadline > date(2027, 1, 10)
               for code in ("QT-SNV", "LS-UBND"))
    assert max(acts_done()) <= date(2027, 1, 10)
