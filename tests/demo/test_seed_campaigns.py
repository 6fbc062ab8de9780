from datetime import date

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from campaigns.models import (
    Campaign,
    CampaignAward,
    CampaignParticipant,
    Criterion,
    DossierComponent,
    PlanTask,
    ReminderRule,
    Target,
)
from orgs.models import EmulationBloc, Membership, Organisation, Person
from tests.portal.second_factor_login import pass_second_factor

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 22)


def counts():
    return {model.__name__: model.objects.count()
            for model in (Campaign, Target, Criterion, CampaignAward, PlanTask, Organisation, CampaignParticipant,
                          DossierComponent, ReminderRule, Person, Membership, EmulationBloc)}


def qt_drive():
    """The anniversary drive of seed 001 (its dates as written); the demo's dossiers are in 2150/KH-SNV."""
    return Campaign.objects.get(issuer__code="QT-SNV", plan_number=1468, plan_symbol="KH-SNV")


def ls_drive():
    return Campaign.objects.get(issuer__code="LS-SNV", plan_number=173, plan_symbol="KH-SNV")


def annual_plan():
    return Campaign.objects.get(issuer__code="LS-VP", plan_number=1, plan_symbol="KH-VP")


def test_seed_demo_twice_does_not_duplicate_campaigns(seeded_demo):
    first = counts()
    call_command("seed_demo")
    assert counts() == first
    assert first["Campaign"] == 6  # five campaigns and the Sở Nội vụ's track of đột xuất awards (seeds/outside.py)
    assert first["PlanTask"] == 16


def test_quang_tri_drive_award_forms_copies_deadline_and_launch(seeded_demo):
    campaign = qt_drive()
    assert campaign.kind == "special"
    # the drive ended in August 2025 and keeps the dates of its text: closed, not "quá hạn"
    assert campaign.status == "closed" and campaign.launched_at is not None
    assert [a.award_form.code for a in campaign.awards.all()] == [
        "bang-khen-ttg", "bang-khen-bo", "bang-khen-tinh", "giay-khen"]
    assert [a.copies for a in campaign.awards.all()] == [4, 4, 3, 2]
    assert campaign.awards.get(award_form__code="giay-khen").quota_kind == "fixed"
    assert campaign.summary_deadline == date(2025, 8, 4)
    assert campaign.dossier_deadline == date(2025, 8, 4)
    assert (campaign.period_start, campaign.period_end) == (date(2024, 7, 10), date(2025, 7, 31))
    assert campaign.legal_profile.code == "nd-98-2023"
    assert sorted(campaign.eligible_subject_types) == ["collective", "individual"]
    assert [t.figure for t in campaign.targets.all() if t.value is not None][:3] == ["100%", "100%", "20%"]
    individual = list(campaign.criteria.filter(subject_type="individual"))
    assert len(individual) == 5 and not individual[-1].is_blocking
    assert all(c.is_blocking for c in individual[:-1])
    assert campaign.criteria.filter(subject_type="collective").count() == 5
    assert campaign.components.count() == 3
    assert campaign.reminder_rules.count() == 4
    participants = {p.organisation.code: p.include_subtree for p in campaign.participants.all()}
    assert participants == {"QT-SNV": True, "QT-STC-VP": False, "QT-SYT-VP": False, "QT-SGDDT-VP": False,
                            "QT-XGL-VHXH": False, "QT-XHL-VHXH": False, "QT-PDH-VHXH": False}


def test_lang_son_drive(seeded_demo):
    campaign = ls_drive()
    assert campaign.plan_reference == "173/KH-SNV"
    assert campaign.status == "closed"
    assert (campaign.period_start, campaign.period_end) == (date(2024, 7, 15), date(2025, 7, 31))
    assert campaign.summary_deadline == date(2025, 8, 5)
    assert [(a.award_form.code, a.copies) for a in campaign.awards.all()] == [
        ("bang-khen-ttg", 2), ("bang-khen-bo", 2), ("giay-khen", 2)]
    codes = set(campaign.participating_units().values_list("code", flat=True))
    assert {"LS-SNV", "LS-SNV-VP", "LS-SNV-TDKT", "LS-TPLS-PNV", "LS-HCL-PNV"} <= codes
    assert not any(code.startswith(("QT-", "LS-VP")) for code in codes)
    office = Organisation.objects.get(code="LS-HCL-PNV")
    assert office.valid_until == date(2025, 7, 1) and office.successor.code == "LS-XCL-VHXH"


def test_annual_plan_tasks_in_every_quarter_and_one_late():
    with time_machine.travel("2026-11-22 10:00 +0700"):  # the day of the text: the plan of 2026 as written
        call_command("seed_demo")
    campaign = annual_plan()
    assert campaign.plan_reference == "01/KH-VP"
    assert campaign.kind == "annual" and campaign.status == "launched"
    tasks = list(campaign.tasks.prefetch_related("responsible"))
    assert {t.quarter for t in tasks} == {1, 2, 3, 4}
    assert all(t.status == "done" and date(2026, 1, 1) <= t.done_on <= date(2026, 3, 31)
               for t in tasks if t.quarter == 1)
    assert all(t.responsible.all() for t in tasks)
    with time_machine.travel(TODAY):
        late = [t for t in tasks if t.is_late()]
    assert [t.quarter for t in late] == [2]
    forms = {a.award_form.code: a for a in campaign.awards.all()}
    assert set(forms) == {"ldtt", "cstd-co-so", "ttldtt", "giay-khen"}
    cstd = forms["cstd-co-so"]
    assert (cstd.quota_kind, cstd.quota_value, cstd.quota_base.code) == ("ratio_of_form", 15, "ldtt")
    assert cstd.quota_for(campaign.issuer, base_count=20) == 3


def test_annual_plan_task_board_flags_the_late_task(client):
    with time_machine.travel("2026-11-22 10:00 +0700"):
        call_command("seed_demo")
    admin = get_user_model().objects.get(username="quantri.ls")
    client.force_login(admin)
    pass_second_factor(client, admin)  # Lạng Sơn's admin signs in with a second factor (demo/seeds/second_factor.py)
    with time_machine.travel("2026-11-22 10:00 +0700"):
        page = client.get(reverse("campaigns:task_board", args=[annual_plan().pk]))
    assert page.status_code == 200
    assert "1 nhiệm vụ chậm" in page.content.decode()


def test_clerks_see_only_their_province(seeded_demo):
    User = get_user_model()
    qt_clerk = User.objects.get(username="canbo.tcbc")
    visible = set(Campaign.objects.for_user(qt_clerk))
    assert qt_drive() in visible
    assert ls_drive() not in visible and annual_plan() not in visible

    ls_clerk = User.objects.get(username="canbo.ls")
    visible = set(Campaign.objects.for_user(ls_clerk))
    assert ls_drive() in visible and qt_drive() not in visible

    qt_admin = User.objects.get(username="quantri")
    assert set(Campaign.objects.filter(issuer__code__startswith="LS-")).isdisjoint(
        Campaign.objects.for_user(qt_admin))
    ls_admin = User.objects.get(username="quantri.ls")
    assert {ls_drive(), annual_plan()} <= set(Campaign.objects.for_user(ls_admin))
    assert qt_drive() not in set(Campaign.objects.for_user(ls_admin))
    assert ls_admin.check_password("ThiDua@2025")
    assert ls_clerk.person.organisation.code == "LS-SNV-CCVC"
