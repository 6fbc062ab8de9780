"""Tiền thưởng: coefficient × base salary on the decision date, rounded up to 10.000 đồng."""
from ..enums import SubjectType
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
