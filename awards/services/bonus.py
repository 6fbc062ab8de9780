"""Tiền thưởng: coefficient × base salary on the decision date, rounded up to 10.000 đồng; one subject
reaching several danh hiệu thi đua for the same achievement is paid the highest only (the profile's rule)."""
from typing import NamedTuple

from core.vntext import tien

from ..enums import AwardCategory, SubjectType, TitleBonusRule
from ..models import BaseSalary, BonusCoefficient, round_up_to


def coefficient_for(award_form, subject_type, profile):
    """The profile's coefficient for this form and subject type.

    A collective without its own row gets the individual coefficient × the profile's collective
    multiplier (Luật TĐKT 2022: a collective receives twice an individual's bonus).
    """
    rows = {row.subject_type: row.coefficient
            for row in BonusCoefficient.objects.filter(profile=profile, award_form=award_form)}
    if subject_type in rows:
        return rows[subject_type]
    if subject_type == SubjectType.COLLECTIVE and SubjectType.INDIVIDUAL in rows:
        return rows[SubjectType.INDIVIDUAL] * profile.collective_multiplier
    return None


def bonus_amount(award_form, subject_type, *, on, profile):
    """Bonus in đồng for one awardee, or None when the catalogue lacks a coefficient or salary."""
    coefficient = coefficient_for(award_form, subject_type, profile)
    salary = BaseSalary.objects.on(on)
    if coefficient is None or salary is None:
        return None
    return round_up_to(coefficient * salary.amount)


class PaidTitle(NamedTuple):
    """Another danh hiệu thi đua of the same subject and achievement, with what it paid: in the register
    already, or earlier in the same decision."""

    name: str
    amount: int | None  # None: the register does not say (an imported row)
    where: str  # "Quyết định số 125/QĐ-SNV", "cùng Quyết định này"


def same_achievement(award_form, other):
    """Two danh hiệu thi đua given in one year for the same achievement: both titles counting the same number
    of years (Lao động tiên tiến and CSTĐ cơ sở; not CSTĐ cơ sở and CSTĐ cấp tỉnh, which counts three).
    A hình thức khen thưởng (Bằng khen, Giấy khen) never is: a title and a commendation are both paid."""
    return (award_form.category == AwardCategory.TITLE and other.category == AwardCategory.TITLE
            and award_form.achievement_years == other.achievement_years)


def applies_highest_only(award_form, profile):
    return (profile is not None and award_form.category == AwardCategory.TITLE
            and profile.title_bonus_rule == TitleBonusRule.HIGHEST)


def highest_title_only(full, award_form, profile, paid, *, year):
    """(amount to pay, note) for one danh hiệu thi đua whose subject has `paid` other titles of the same
    achievement in `year`.

    "Trong cùng một thời điểm, cùng một thành tích, một đối tượng nếu đạt nhiều danh hiệu thi đua kèm theo
    các mức tiền thưởng khác nhau thì được nhận mức tiền thưởng cao nhất" (NĐ 91/2017 Điều 66 khoản 2 điểm c;
    NĐ 98/2023 Điều 53; the profile says which rule applies and where it is written: docs/domain.md, Bonus).
    The subject never receives more than the highest full amount of the group: a title pays what its own
    amount exceeds what the others already paid, 0 when it does not exceed it. Amounts the register does
    not hold count as nothing paid, and the note says so. Without others, or when the profile's rule is to
    pay each title, the full amount and no note.
    """
    if full is None or not paid or not applies_highest_only(award_form, profile):
        return full, ""
    already = sum(p.amount or 0 for p in paid)
    amount = max(0, full - already)
    basis = f" ({profile.title_bonus_reference})" if profile.title_bonus_reference else ""
    listed = "; ".join(
        f"danh hiệu “{p.name}” năm {year} "
        + (f"đã nhận {tien(p.amount)}" if p.amount is not None else "(sổ khen thưởng không ghi số tiền đã nhận)")
        + f" ({p.where})" for p in paid)
    head = f"Chỉ nhận mức tiền thưởng cao nhất{basis}: {listed}"
    if amount == 0:
        return 0, f"{head}; mức của danh hiệu này ({tien(full)}) không cao hơn, không chi."
    if already:
        return amount, f"{head}; chi phần chênh lệch {tien(full)} − {tien(already)} = {tien(amount)}."
    return amount, f"{head}; chi đủ {tien(full)}."
