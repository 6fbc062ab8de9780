"""Several danh hiệu thi đua for one achievement: the subject is paid the highest bonus only, where the
legal-basis profile says so (docs/domain.md, Bonus), when decisions are signed or recorded.

Amounts under the pre-filled profile nd-152-2025 on a 2025 decision date (base salary 2.340.000 đ):
LĐTT 0,3 → 710.000; CSTĐ cơ sở 1,0 → 2.340.000; CSTĐ cấp tỉnh 3,0 → 7.020.000; Giấy khen 0,3 → 710.000;
Tập thể lao động tiên tiến 0,8 → 1.880.000; Tập thể lao động xuất sắc 1,5 → 3.510.000.
"""
from datetime import date

import pytest

from awards.enums import TitleBonusRule
from awards.models import AwardForm, LegalBasisProfile
from campaigns.models import CampaignParticipant
from campaigns.services.campaigns import offer_award
from campaigns.services.campaigns import transition as campaign_transition
from dossiers.enums import Outcome
from dossiers.models import Award, Decision, EligibilityRule, Forwarding
from dossiers.services import building, decisions, register
from dossiers.services.workflow import transition
from tests.factories.campaigns import draft_campaign
from tests.factories.dossiers import complete_report, record_vote

pytestmark = pytest.mark.django_db

FORMS = ["ldtt", "cstd-co-so", "cstd-tinh", "giay-khen", "ttldtt", "ttldxs"]
SUMMER, NEXT_WINTER = date(2025, 8, 20), date(2026, 1, 12)


@pytest.fixture
def campaign(cast):
    """A launched campaign of the Sở under nd-152-2025 offering titles and the Giấy khen, none through the
    council; one person may be proposed for several forms (the rule "not_yet_awarded" is off here)."""
    EligibilityRule.objects.filter(code="not_yet_awarded").update(is_active=False)
    campaign = draft_campaign(cast, kind="annual", legal_profile=LegalBasisProfile.objects.get(code="nd-152-2025"))
    for order, code in enumerate(FORMS):
        offer = offer_award(campaign, AwardForm.objects.get(code=code), copies=1, order=order, by=cast.admin)
        offer.council_vote = "no"
        offer.save(update_fields=["council_vote"])
    CampaignParticipant.objects.create(campaign=campaign, organisation=cast.unit_a, include_subtree=True)
    return campaign_transition(campaign, "launch", by=cast.admin)


def approved(cast, campaign, code, subjects):
    """Unit A's dossier for one form with its nominees, "person" (Nguyễn Thị Hương) and/or "collective" (the
    unit), through the clerk, the office and the leader's approval."""
    dossier = building.start_dossier(campaign, cast.unit_a, campaign.awards.get(award_form__code=code),
                                     by=cast.clerk_a)
    for subject in subjects:
        individual = subject == "person"
        nomination = building.add_nominee(dossier, subject_type="individual" if individual else "collective",
                                          person=cast.person_a if individual else None,
                                          organisation=None if individual else cast.unit_a, by=cast.clerk_a)
        complete_report(nomination, by=cast.clerk_a)
        record_vote(dossier, nomination)
    dossier.memo_number, dossier.memo_date = f"{dossier.pk:02d}/TTr-TCCB", date(2025, 7, 28)
    building.save_dossier(dossier, by=cast.clerk_a)
    dossier = transition(transition(dossier, "submit", by=cast.clerk_a), "start_review", by=cast.reviewer)
    for nomination in dossier.nominations.all():
        building.review_nominee(nomination, verdict=Outcome.ACCEPTED, by=cast.reviewer, override_reason="Đồng ý")
    dossier = transition(transition(dossier, "accept", by=cast.reviewer), "to_leader", by=cast.reviewer)
    for nomination in dossier.nominations.all():
        decisions.approve(nomination, approved=True, by=cast.approver)
    return list(dossier.nominations.order_by("pk"))


def decide(cast, campaign, when, items, number):
    """One decision over `items` [(subject, form code)]: signed by the Sở for its own forms, else forwarded
    to the province and its decision recorded. Returns the Decision."""
    by_form = {}
    for subject, code in items:
        by_form.setdefault(code, []).append(subject)
    nominations = [n for code, subjects in by_form.items() for n in approved(cast, campaign, code, subjects)]
    if all(decisions.within_authority(n) for n in nominations):
        return decisions.sign_decision(Decision(
            issuer=cast.body, campaign=campaign, number=number, symbol="QĐ-SNV", date=when,
            title="Về việc khen thưởng", signer_name="Lê Quang Thắng", signer_title="Giám đốc",
            legal_profile=campaign.legal_profile), nominations, by=cast.approver)
    forwarding = decisions.forward(Forwarding(
        issuer=cast.body, campaign=campaign, to_authority="Chủ tịch UBND tỉnh", memo_number=f"{number}/TTr-SNV",
        memo_date=when, signer_name="Lê Quang Thắng", signer_title="Giám đốc"), nominations, by=cast.approver)
    return decisions.record_higher_decision(forwarding, Decision(
        number=number, symbol="QĐ-UBND", date=when, title="Về việc khen thưởng", higher_authority="Chủ tịch UBND tỉnh",
        signer_name="Võ Văn Hưng", signer_title="Chủ tịch", legal_profile=campaign.legal_profile),
        nominations, by=cast.reviewer)


def paid(decision):
    """[(form code, amount, whether a note says why)] in the decision's order."""
    notes = {row["award"]: row["bonus_note"] for row in decision.snapshot["awardees"]}
    return [(a.award_form.code, a.bonus_amount, bool(notes[a.pk])) for a in decision.awards.order_by("pk")]


# (decisions: [(date, [(subject, form)])], expected per decision: [(form, amount, noted)])
CASES = [
    pytest.param([(SUMMER, [("person", "ldtt"), ("person", "cstd-co-so")])],
                 [[("ldtt", 0, True), ("cstd-co-so", 2_340_000, False)]],
                 id="two titles of one year in one decision: the highest only"),
    pytest.param([(SUMMER, [("person", "ldtt")]), (SUMMER, [("person", "cstd-co-so")])],
                 [[("ldtt", 710_000, False)], [("cstd-co-so", 1_630_000, True)]],
                 id="the higher title later: only the difference"),
    pytest.param([(SUMMER, [("person", "cstd-co-so")]), (SUMMER, [("person", "ldtt")])],
                 [[("cstd-co-so", 2_340_000, False)], [("ldtt", 0, True)]],
                 id="the lower title later: nothing more"),
    pytest.param([(SUMMER, [("person", "ldtt")]), (NEXT_WINTER, [("person", "cstd-co-so")])],
                 [[("ldtt", 710_000, False)], [("cstd-co-so", 2_340_000, False)]],
                 id="titles of different years: each paid"),
    pytest.param([(SUMMER, [("person", "ldtt"), ("person", "giay-khen")])],
                 [[("ldtt", 710_000, False), ("giay-khen", 710_000, False)]],
                 id="a title and a commendation: both paid"),
    pytest.param([(SUMMER, [("person", "cstd-co-so")]), (SUMMER, [("person", "cstd-tinh")])],
                 [[("cstd-co-so", 2_340_000, False)], [("cstd-tinh", 7_020_000, False)]],
                 id="titles counting different years (CSTĐ cơ sở, CSTĐ cấp tỉnh): each paid"),
    pytest.param([(SUMMER, [("collective", "ttldtt"), ("person", "ldtt")]), (SUMMER, [("collective", "ttldxs")])],
                 [[("ttldtt", 1_880_000, False), ("ldtt", 710_000, False)], [("ttldxs", 1_630_000, True)]],
                 id="a collective's two titles (the higher one by the province): the difference; its member apart"),
]


@pytest.mark.parametrize("steps, expected", CASES)
def test_several_titles_for_one_achievement_pay_the_highest_bonus_only(cast, campaign, steps, expected):
    signed = [decide(cast, campaign, when, items, number) for number, (when, items) in enumerate(steps, start=5)]

    assert [paid(decision) for decision in signed] == expected


def test_a_profile_paying_each_title_pays_both(cast, campaign):
    LegalBasisProfile.objects.filter(code="nd-152-2025").update(title_bonus_rule=TitleBonusRule.EACH)

    decision = decide(cast, campaign, SUMMER, [("person", "ldtt"), ("person", "cstd-co-so")], 5)

    assert paid(decision) == [("ldtt", 710_000, False), ("cstd-co-so", 2_340_000, False)]


def test_the_reason_is_recorded_with_the_amounts_and_the_article(cast, campaign):
    first = decide(cast, campaign, SUMMER, [("person", "ldtt")], 5)
    second = decide(cast, campaign, SUMMER, [("person", "cstd-co-so")], 6)

    row = second.snapshot["awardees"][0]
    assert row["bonus_note"] == (
        "Chỉ nhận mức tiền thưởng cao nhất (Nghị định số 152/2025/NĐ-CP): danh hiệu “Lao động tiên tiến” năm 2025 "
        f"đã nhận 710.000 đ (Quyết định số {first.reference}); chi phần chênh lệch 2.340.000 đ − 710.000 đ = "
        "1.630.000 đ.")
    assert (second.snapshot["total_bonus"], second.snapshot["title_bonus_basis"]) == (
        1_630_000, ["Nghị định số 152/2025/NĐ-CP"])


def test_one_decision_pays_its_highest_title_first_and_says_so_for_the_lower(cast, campaign):
    decision = decide(cast, campaign, SUMMER, [("person", "ldtt"), ("person", "cstd-co-so")], 5)

    rows = decision.snapshot["awardees"]  # form by form, in the catalogue's order (as Điều 1 lists them)
    assert [row["award_form"] for row in rows] == ["Chiến sĩ thi đua cơ sở", "Lao động tiên tiến"]
    note = rows[1]["bonus_note"]
    assert note == ("Chỉ nhận mức tiền thưởng cao nhất (Nghị định số 152/2025/NĐ-CP): danh hiệu “Chiến sĩ thi đua "
                    "cơ sở” năm 2025 đã nhận 2.340.000 đ (cùng Quyết định này); mức của danh hiệu này (710.000 đ) "
                    "không cao hơn, không chi.")


def test_a_title_in_the_register_without_an_amount_counts_as_nothing_paid_and_is_named(cast, campaign):
    register.record_award(person=cast.person_a, award_form=AwardForm.objects.get(code="ldtt"),
                          decision_number="03/QĐ-TCCB", decision_date=date(2025, 6, 2), by=cast.reviewer)

    decision = decide(cast, campaign, SUMMER, [("person", "cstd-co-so")], 5)

    assert paid(decision) == [("cstd-co-so", 2_340_000, True)]
    assert decision.snapshot["awardees"][0]["bonus_note"].endswith(
        "danh hiệu “Lao động tiên tiến” năm 2025 (sổ khen thưởng không ghi số tiền đã nhận) (Quyết định số "
        "03/QĐ-TCCB); chi đủ 2.340.000 đ.")


def test_counts_are_of_distinct_people_and_collectives(cast, campaign):
    decision = decide(cast, campaign, SUMMER, [("person", "ldtt"), ("person", "cstd-co-so"), ("person", "giay-khen"),
                                               ("collective", "ttldtt"), ("collective", "giay-khen")], 5)

    snapshot = decision.snapshot
    assert (len(snapshot["awardees"]), snapshot["individuals"], snapshot["collectives"]) == (5, 1, 1)
    assert [(g["award_form"], g["category"], g["individuals"], g["collectives"]) for g in snapshot["groups"]] == [
        ("Chiến sĩ thi đua cơ sở", "title", 1, 0), ("Lao động tiên tiến", "title", 1, 0),
        ("Tập thể lao động tiên tiến", "title", 0, 1), ("Giấy khen", "commendation", 1, 1)]
    assert Award.objects.filter(decision=decision).count() == 5
