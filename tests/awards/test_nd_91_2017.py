"""The legal-basis profile in force before 2024 (Luật TĐKT 2003/2013 + Nghị định 91/2017/NĐ-CP, issue 15): dated data
with the article of each coefficient, the base salaries of 2017–2023, and the bonus of a 2023 award by the law and
the base salary of its date (awards/migrations/0008_nd_91_2017.py)."""
import importlib
from datetime import date
from decimal import Decimal

import pytest
from django.apps import apps

from awards.models import AwardForm, BaseSalary, BonusCoefficient, LegalBasisProfile
from awards.services.bonus import bonus_amount

pytestmark = pytest.mark.django_db

ND = "Nghị định số 91/2017/NĐ-CP"


@pytest.fixture
def nd91():
    return LegalBasisProfile.objects.get(code="nd-91-2017")


def test_the_profile_is_dated_and_cites_the_decree(nd91):
    assert (nd91.valid_from, nd91.valid_until) == (date(2017, 9, 15), date(2024, 1, 1))
    assert nd91.lines() == [
        "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật "
        "Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;",
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một "
        "số điều của Luật Thi đua, khen thưởng;",
    ]
    assert (nd91.report_form_label, nd91.collective_multiplier, nd91.title_bonus_rule) == (
        "Mẫu số 07", Decimal("2"), "highest")
    assert nd91.title_bonus_reference == f"điểm c khoản 2 Điều 66 {ND}"
    assert "chưa đối chiếu với bản gốc" in nd91.notes


@pytest.mark.parametrize(("on", "code"), [
    (date(2017, 9, 15), "nd-91-2017"),
    (date(2023, 3, 15), "nd-91-2017"),
    (date(2023, 12, 31), "nd-91-2017"),
    (date(2024, 1, 1), "nd-98-2023"),
    (date(2025, 7, 1), "nd-152-2025"),
])
def test_the_profile_in_force_on_a_date(on, code):
    assert [p.code for p in LegalBasisProfile.objects.in_force(on)] == [code]


@pytest.mark.parametrize(("form", "subject", "coefficient", "source"), [
    ("cstd-toan-quoc", "individual", "4.5", f"điểm a khoản 1 Điều 70 {ND}"),
    ("cstd-tinh", "individual", "3.0", f"điểm b khoản 1 Điều 70 {ND}"),
    ("cstd-co-so", "individual", "1.0", f"điểm c khoản 1 Điều 70 {ND}"),
    ("ldtt", "individual", "0.3", f"điểm d khoản 1 Điều 70 {ND}"),
    ("co-thi-dua-cp", "collective", "12.0", f"khoản 2 Điều 70 {ND}"),
    ("co-thi-dua-tinh", "collective", "8.0", f"khoản 2 Điều 70 {ND}"),
    ("ttldxs", "collective", "1.5", f"khoản 2 Điều 70 {ND}"),
    ("ttldtt", "collective", "0.8", f"khoản 2 Điều 70 {ND}"),
    ("huan-chuong-ld-3", "individual", "4.5", f"Điều 71 {ND}"),
    ("bang-khen-ttg", "individual", "1.5", f"Điều 75 {ND}"),
    ("bang-khen-bo", "individual", "1.0", f"Điều 76 {ND}"),
    ("bang-khen-tinh", "individual", "1.0", f"Điều 76 {ND}"),
    ("giay-khen", "individual", "0.3", f"Điều 76 {ND}"),
])
def test_each_coefficient_says_where_it_comes_from(nd91, form, subject, coefficient, source):
    row = BonusCoefficient.objects.get(profile=nd91, award_form__code=form, subject_type=subject)
    assert (row.coefficient, row.source) == (Decimal(coefficient), source)


def test_the_profile_has_no_other_coefficients(nd91):
    assert nd91.coefficients.count() == 13


@pytest.mark.parametrize(("on", "amount"), [
    (date(2017, 9, 15), 1_300_000),
    (date(2018, 7, 1), 1_390_000),
    (date(2019, 7, 1), 1_490_000),
    (date(2023, 6, 30), 1_490_000),
    (date(2023, 7, 1), 1_800_000),
    (date(2024, 6, 30), 1_800_000),
    (date(2024, 7, 1), 2_340_000),
])
def test_the_base_salary_table_covers_2017_to_now(on, amount):
    assert BaseSalary.objects.on(on).amount == amount


# The money of a 2023 award: coefficient × base salary on the decision's date, rounded up to 10.000 đồng; a
# collective without its own row twice an individual (the profile's multiplier).
@pytest.mark.parametrize(("form", "subject", "on", "amount"), [
    ("ldtt", "individual", date(2023, 5, 15), 450_000),  # 0,3 × 1.490.000 = 447.000
    ("ldtt", "individual", date(2023, 12, 20), 540_000),  # 0,3 × 1.800.000
    ("cstd-co-so", "individual", date(2023, 5, 15), 1_490_000),
    ("cstd-co-so", "individual", date(2023, 12, 20), 1_800_000),
    ("cstd-tinh", "individual", date(2023, 12, 20), 5_400_000),
    ("cstd-toan-quoc", "individual", date(2023, 12, 20), 8_100_000),
    ("giay-khen", "individual", date(2023, 5, 15), 450_000),
    ("giay-khen", "collective", date(2023, 5, 15), 900_000),  # 0,6 × 1.490.000 = 894.000
    ("giay-khen", "collective", date(2023, 12, 20), 1_080_000),
    ("bang-khen-tinh", "individual", date(2023, 12, 20), 1_800_000),
    ("bang-khen-tinh", "collective", date(2023, 12, 20), 3_600_000),
    ("bang-khen-bo", "individual", date(2023, 5, 15), 1_490_000),
    ("bang-khen-ttg", "individual", date(2023, 5, 15), 2_240_000),  # 1,5 × 1.490.000 = 2.235.000
    ("bang-khen-ttg", "collective", date(2023, 12, 20), 5_400_000),
    ("ttldtt", "collective", date(2023, 12, 20), 1_440_000),
    ("ttldxs", "collective", date(2023, 5, 15), 2_240_000),  # 1,5 × 1.490.000 = 2.235.000
    ("co-thi-dua-tinh", "collective", date(2023, 12, 20), 14_400_000),
    ("co-thi-dua-cp", "collective", date(2023, 5, 15), 17_880_000),
    ("huan-chuong-ld-3", "individual", date(2023, 12, 20), 8_100_000),
    ("huan-chuong-ld-3", "collective", date(2023, 12, 20), 16_200_000),
])
def test_the_bonus_of_a_2023_award(nd91, form, subject, on, amount):
    assert bonus_amount(AwardForm.objects.get(code=form), subject, on=on, profile=nd91) == amount


def test_the_same_award_under_the_decree_of_2024_pays_differently():
    """Bằng khen of the province: 1,0 × 2.340.000 under NĐ 98/2023 in 2024, 1,5 × under NĐ 152/2025."""
    form = AwardForm.objects.get(code="bang-khen-tinh")
    nd98, nd152 = (LegalBasisProfile.objects.get(code=code) for code in ("nd-98-2023", "nd-152-2025"))
    assert bonus_amount(form, "individual", on=date(2024, 12, 20), profile=nd98) == 2_340_000
    assert bonus_amount(form, "individual", on=date(2025, 12, 20), profile=nd152) == 3_510_000


def test_the_migration_can_run_again_and_keeps_what_an_admin_changed(nd91):
    migration = importlib.import_module("awards.migrations.0008_nd_91_2017")
    counts = (LegalBasisProfile.objects.count(), BonusCoefficient.objects.count(), BaseSalary.objects.count())
    LegalBasisProfile.objects.filter(pk=nd91.pk).update(name="NĐ 91/2017 (sửa tay)")
    nd91.coefficients.filter(award_form__code="giay-khen").update(coefficient=Decimal("0.35"))
    BaseSalary.objects.filter(valid_from=date(2019, 7, 1)).update(amount=1_500_000)
    migration.fill(apps, None)
    assert (LegalBasisProfile.objects.count(), BonusCoefficient.objects.count(),
            BaseSalary.objects.count()) == counts
    assert LegalBasisProfile.objects.get(pk=nd91.pk).name == "NĐ 91/2017 (sửa tay)"
    assert nd91.coefficients.get(award_form__code="giay-khen").coefficient == Decimal("0.35")
    assert BaseSalary.objects.get(valid_from=date(2019, 7, 1)).amount == 1_500_000
