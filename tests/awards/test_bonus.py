"""Tiền thưởng = coefficient × base salary on the decision date, rounded up to 10.000 đồng."""
from datetime import date
from decimal import Decimal

import pytest

from awards.enums import SubjectType, TitleBonusRule
from awards.models import AwardForm, BonusCoefficient, LegalBasisProfile, round_up_to
from awards.services.bonus import PaidTitle, bonus_amount, highest_title_only, same_achievement

pytestmark = pytest.mark.django_db


def form(code):
    return AwardForm.objects.get(code=code)


def profile(code):
    return LegalBasisProfile.objects.get(code=code)


def test_bang_khen_tinh_individual_under_nd_152():
    amount = bonus_amount(form("bang-khen-tinh"), SubjectType.INDIVIDUAL, on=date(2025, 8, 15),
                          profile=profile("nd-152-2025"))
    assert amount == 3_510_000


def test_bang_khen_tinh_collective_gets_the_multiplier():
    amount = bonus_amount(form("bang-khen-tinh"), SubjectType.COLLECTIVE, on=date(2025, 8, 15),
                          profile=profile("nd-152-2025"))
    assert amount == 7_020_000


def test_giay_khen_individual_on_the_older_base_salary():
    amount = bonus_amount(form("giay-khen"), SubjectType.INDIVIDUAL, on=date(2024, 3, 1),
                          profile=profile("nd-98-2023"))
    assert amount == 540_000


def test_collective_only_form_uses_its_own_row():
    amount = bonus_amount(form("ttldxs"), SubjectType.COLLECTIVE, on=date(2025, 8, 15),
                          profile=profile("nd-152-2025"))
    assert amount == 3_510_000


def test_amount_is_rounded_up_to_ten_thousand():
    BonusCoefficient.objects.filter(profile__code="nd-152-2025", award_form__code="giay-khen",
                                    subject_type=SubjectType.INDIVIDUAL).update(coefficient=Decimal("0.35"))
    amount = bonus_amount(form("giay-khen"), SubjectType.INDIVIDUAL, on=date(2025, 8, 15),
                          profile=profile("nd-152-2025"))
    assert amount == 820_000  # 0,35 × 2.340.000 = 819.000


def test_round_up_keeps_exact_multiples():
    assert round_up_to(3_510_000) == 3_510_000
    assert round_up_to(819_000) == 820_000
    assert round_up_to(Decimal("810000.01")) == 820_000


def test_form_without_coefficient_has_no_amount():
    assert bonus_amount(form("co-thi-dua-cp"), SubjectType.COLLECTIVE, on=date(2025, 8, 15),
                        profile=profile("nd-152-2025")) is None


def test_no_amount_before_the_first_base_salary():
    assert bonus_amount(form("giay-khen"), SubjectType.INDIVIDUAL, on=date(2017, 6, 30),  # the table starts 01/7/2017
                        profile=profile("nd-98-2023")) is None


# --- several danh hiệu for one achievement: the highest bonus only (the profile's rule) ----------------------
LDTT_PAID = PaidTitle("Lao động tiên tiến", 710_000, "Quyết định số 125/QĐ-SNV")
CSTD_PAID = PaidTitle("Chiến sĩ thi đua cơ sở", 2_340_000, "cùng Quyết định này")
UNKNOWN = PaidTitle("Lao động tiên tiến", None, "Quyết định số 03/QĐ-TCCB")


@pytest.mark.parametrize("code, full, paid, rule, expected", [
    pytest.param("cstd-co-so", 2_340_000, [], TitleBonusRule.HIGHEST, 2_340_000, id="no other title: in full"),
    pytest.param("cstd-co-so", 2_340_000, [LDTT_PAID], TitleBonusRule.HIGHEST, 1_630_000, id="higher: the difference"),
    pytest.param("ldtt", 710_000, [CSTD_PAID], TitleBonusRule.HIGHEST, 0, id="lower: nothing"),
    pytest.param("ldtt", 710_000, [LDTT_PAID], TitleBonusRule.HIGHEST, 0, id="the same amount again: nothing"),
    pytest.param("cstd-co-so", 2_340_000, [UNKNOWN], TitleBonusRule.HIGHEST, 2_340_000,
                 id="amount not in the register: in full"),
    pytest.param("cstd-co-so", 2_340_000, [LDTT_PAID], TitleBonusRule.EACH, 2_340_000, id="rule off: in full"),
    pytest.param("giay-khen", 710_000, [CSTD_PAID], TitleBonusRule.HIGHEST, 710_000, id="a commendation: in full"),
    pytest.param("cstd-co-so", None, [LDTT_PAID], TitleBonusRule.HIGHEST, None, id="no coefficient: no amount"),
])
def test_highest_title_only(code, full, paid, rule, expected):
    profile_ = profile("nd-98-2023")
    profile_.title_bonus_rule = rule

    amount, note = highest_title_only(full, form(code), profile_, paid, year=2025)

    assert amount == expected
    assert bool(note) == (bool(paid) and rule == TitleBonusRule.HIGHEST and code != "giay-khen" and full is not None)


def test_the_note_cites_the_profile_article():
    amount, note = highest_title_only(710_000, form("ldtt"), profile("nd-98-2023"), [CSTD_PAID], year=2024)
    assert (amount, note) == (0, "Chỉ nhận mức tiền thưởng cao nhất (Điều 53 Nghị định số 98/2023/NĐ-CP): danh "
                                 "hiệu “Chiến sĩ thi đua cơ sở” năm 2024 đã nhận 2.340.000 đ (cùng Quyết định này); "
                                 "mức của danh hiệu này (710.000 đ) không cao hơn, không chi.")


@pytest.mark.parametrize("first, second, same", [
    ("ldtt", "cstd-co-so", True),          # both count the year
    ("cstd-co-so", "cstd-tinh", False),    # CSTĐ cấp tỉnh counts three years (NĐ 98/2023 Điều 53 khoản 5)
    ("ldtt", "giay-khen", False),          # a title and a commendation are both paid (khoản 7)
    ("ttldtt", "ttldxs", True),
])
def test_same_achievement(first, second, same):
    assert same_achievement(form(first), form(second)) is same


def test_the_prefilled_profiles_pay_the_highest_title_only_with_their_source():
    rows = {p.code: (p.title_bonus_rule, p.title_bonus_reference) for p in LegalBasisProfile.objects.all()}
    assert rows == {"nd-91-2017": ("highest", "điểm c khoản 2 Điều 66 Nghị định số 91/2017/NĐ-CP"),
                    "nd-98-2023": ("highest", "Điều 53 Nghị định số 98/2023/NĐ-CP"),
                    "nd-152-2025": ("highest", "Nghị định số 152/2025/NĐ-CP")}
    assert "mức tiền thưởng cao nhất" in profile("nd-152-2025").title_bonus_text
    assert {f.code: f.achievement_years for f in AwardForm.objects.exclude(achievement_years=1)} == {
        "cstd-tinh": 3, "cstd-toan-quoc": 6}
