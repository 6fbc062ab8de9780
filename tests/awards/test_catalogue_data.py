"""The data migration 0002_catalogue: the award forms of Luật TĐKT 2022, the two legal-basis
profiles, the base salaries; and it can run twice."""
import importlib
from datetime import date
from decimal import Decimal

import pytest
from django.apps import apps

from awards.enums import AuthorityLevel, AwardCategory, BallotType, SubjectType, VoteDenominator
from awards.models import AwardForm, BaseSalary, BonusCoefficient, LegalBasisProfile

pytestmark = pytest.mark.django_db

CODES = ["cstd-toan-quoc", "cstd-tinh", "cstd-co-so", "ldtt", "co-thi-dua-cp", "co-thi-dua-tinh", "ttldxs",
         "ttldtt", "gia-dinh-van-hoa", "huan-chuong-ld-3", "bang-khen-ttg", "bang-khen-bo", "bang-khen-tinh",
         "giay-khen"]


def coefficient(profile_code, form_code, subject_type=SubjectType.INDIVIDUAL):
    return BonusCoefficient.objects.get(profile__code=profile_code, award_form__code=form_code,
                                        subject_type=subject_type).coefficient


def test_catalogue_has_every_award_form_in_order():
    assert list(AwardForm.objects.values_list("code", flat=True)) == CODES


def test_giay_khen_is_decided_by_the_unit_head_for_individuals_and_collectives():
    giay_khen = AwardForm.objects.get(code="giay-khen")
    assert giay_khen.name == "Giấy khen"
    assert giay_khen.category == AwardCategory.COMMENDATION
    assert giay_khen.authority == AuthorityLevel.UNIT_HEAD
    assert giay_khen.subject_types == [SubjectType.INDIVIDUAL, SubjectType.COLLECTIVE, SubjectType.HOUSEHOLD]
    assert giay_khen.needs_council is False
    assert giay_khen.report_form == "Mẫu số 08"


def test_council_rules_of_the_titles():
    toan_quoc = AwardForm.objects.get(code="cstd-toan-quoc")
    co_so = AwardForm.objects.get(code="cstd-co-so")
    ldtt = AwardForm.objects.get(code="ldtt")
    assert (toan_quoc.needs_council, toan_quoc.vote_threshold, toan_quoc.vote_denominator, toan_quoc.ballot_type) == (
        True, Decimal("90"), VoteDenominator.ALL, BallotType.SECRET)
    assert (co_so.needs_council, co_so.vote_threshold, co_so.vote_denominator, co_so.ballot_type) == (
        True, Decimal("70"), VoteDenominator.PRESENT, BallotType.SECRET)
    assert (ldtt.needs_council, ldtt.vote_threshold) == (False, None)
    assert toan_quoc.authority == AuthorityLevel.PRIME_MINISTER
    assert co_so.category == AwardCategory.TITLE


def test_every_seeded_award_form_passes_its_own_validation():
    for award_form in AwardForm.objects.all():
        award_form.full_clean()


def test_household_title_and_collective_titles():
    assert AwardForm.objects.get(code="gia-dinh-van-hoa").subject_types == [SubjectType.HOUSEHOLD]
    assert AwardForm.objects.get(code="ttldxs").subject_types == [SubjectType.COLLECTIVE]
    assert AwardForm.objects.get(code="huan-chuong-ld-3").authority == AuthorityLevel.PRESIDENT


def test_bang_khen_tinh_is_1_5_under_nd_152_and_1_0_under_nd_98():
    assert coefficient("nd-152-2025", "bang-khen-tinh") == Decimal("1.5")
    assert coefficient("nd-98-2023", "bang-khen-tinh") == Decimal("1.0")


def test_collective_only_forms_have_collective_rows():
    assert coefficient("nd-152-2025", "ttldxs", SubjectType.COLLECTIVE) == Decimal("1.5")
    assert coefficient("nd-152-2025", "ttldtt", SubjectType.COLLECTIVE) == Decimal("0.8")
    assert not BonusCoefficient.objects.filter(award_form__code="giay-khen",
                                               subject_type=SubjectType.COLLECTIVE).exists()


def test_profiles_dates_and_basis_lines():
    nd98 = LegalBasisProfile.objects.get(code="nd-98-2023")
    nd152 = LegalBasisProfile.objects.get(code="nd-152-2025")
    assert (nd98.valid_from, nd98.valid_until) == (date(2024, 1, 1), date(2025, 7, 1))
    assert (nd152.valid_from, nd152.valid_until) == (date(2025, 7, 1), None)
    assert nd152.lines()[0] == "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;"
    assert "152/2025/NĐ-CP" in nd152.lines()[1]
    assert nd98.collective_multiplier == nd152.collective_multiplier == Decimal("2")
    assert list(LegalBasisProfile.objects.in_force(date(2025, 6, 30))) == [nd98]
    assert list(LegalBasisProfile.objects.in_force(date(2025, 7, 1))) == [nd152]


def test_base_salary_table():
    assert BaseSalary.objects.on(date(2024, 6, 30)).amount == 1_800_000
    assert BaseSalary.objects.on(date(2024, 7, 1)).amount == 2_340_000
    assert BaseSalary.objects.on(date(2023, 6, 30)).amount == 1_490_000  # awards/migrations/0008_nd_91_2017.py
    assert BaseSalary.objects.on(date(2017, 6, 30)) is None


def test_the_migration_can_run_again_without_duplicates():
    migration = importlib.import_module("awards.migrations.0002_catalogue")
    counts = (AwardForm.objects.count(), LegalBasisProfile.objects.count(), BonusCoefficient.objects.count(),
              BaseSalary.objects.count())
    AwardForm.objects.filter(code="giay-khen").update(name="Giấy khen (sửa tay)")
    migration.fill_catalogue(apps, None)
    assert (AwardForm.objects.count(), LegalBasisProfile.objects.count(), BonusCoefficient.objects.count(),
            BaseSalary.objects.count()) == counts
    assert AwardForm.objects.get(code="giay-khen").name == "Giấy khen"
