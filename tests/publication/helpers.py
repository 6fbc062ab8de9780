"""Signed decisions and their awards written directly (quicker than the workflow), for the public pages' tests."""
from datetime import date

from dossiers.models import Award, Decision
from tests.factories.campaigns import award_form


def quick_decision(issuer, number, *, awardees=(), form=None, day=date(2025, 9, 1), kind=Decision.OWN,
                   title="Về việc tặng Giấy khen", higher_authority="", campaign=None):
    """A signed decision of `issuer` with one award per person or unit of `awardees`."""
    form = form or award_form()
    decision = Decision.objects.create(
        issuer=issuer, kind=kind, number=number, symbol="QĐ-SNV", year=day.year, date=day, title=title,
        signer_name="Lê Quang Thắng", signer_title="Giám đốc", higher_authority=higher_authority, campaign=campaign)
    for subject in awardees:
        is_person = hasattr(subject, "full_name")
        Award.objects.create(
            subject_type="individual" if is_person else "collective", person=subject if is_person else None,
            organisation=None if is_person else subject, award_form=form, year=day.year, decision=decision,
            decision_number=decision.reference, decision_date=day, campaign=campaign,
            decided_by=higher_authority)
    return decision
