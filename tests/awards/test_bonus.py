"""Tiền thưởng = coefficient × base salary on the decision date, rounded up to 10.000 đồng."""
from datetime import date
from decimal import Decimal

import pytest

from awards.enums import SubjectType
from awards.models import AwardForm, BonusCoefficient, LegalBasisProfile, round_up_to
from awards.services.bonus import bonus_amount

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
    assert bonus_amount(form("giay-khen"), SubjectType.INDIVIDUAL, on=date(2023, 1, 1),
                        profile=profile("nd-98-2023")) is None
