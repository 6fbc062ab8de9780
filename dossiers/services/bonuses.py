"""Tiền thưởng of the awards a decision is about to write (docs/domain.md, Bonus).

Each award's full amount is coefficient × base salary on the decision date (awards.services.bonus); then,
where the legal-basis profile says so, one person or collective reaching several danh hiệu thi đua for the
same achievement is paid the highest only, counting what the register already paid them for the same year
and what the same decision pays them first (its highest title first).
"""
from collections import defaultdict
from typing import NamedTuple

from django.db.models import Q

from awards.enums import AwardCategory
from awards.services.bonus import (
    PaidTitle,
    applies_highest_only,
    bonus_amount,
    highest_title_only,
    same_achievement,
)
from orgs.models import Organisation, Person

from ..models import Award


class Bonus(NamedTuple):
    """What one award pays: `amount` (stored on the Award), the `full` amount of its form, and why they
    differ (`note`, printed in the decision; `basis`, the profile's article)."""

    amount: int | None
    full: int | None
    note: str = ""
    basis: str = ""


def _subject(nomination_or_award):
    if nomination_or_award.person_id:
        return ("person", nomination_or_award.person_id)
    return ("organisation", nomination_or_award.organisation_id)


def plan(nominations, decision):
    """{nomination pk: Bonus} for the nominations a decision awards (with their dossier's offer and campaign).

    Side effects: locks the rows of the people and collectives holding a title under a "highest only"
    profile (select_for_update, in pk order), so two decisions signed at the same moment for one person
    each see the other's award. One query reads their titles of the decision's year from the register.
    """
    year = decision.date.year
    forms, profiles, full = {}, {}, {}
    for nomination in nominations:
        forms[nomination.pk] = form = nomination.dossier.offer.award_form
        profiles[nomination.pk] = profile = decision.legal_profile or nomination.dossier.campaign.legal_profile
        full[nomination.pk] = (bonus_amount(form, nomination.subject_type, on=decision.date, profile=profile)
                               if profile else None)
    plans = {pk: Bonus(amount, amount) for pk, amount in full.items()}
    titled = [n for n in nominations if full[n.pk] is not None and applies_highest_only(forms[n.pk], profiles[n.pk])]
    if not titled:
        return plans

    people = sorted({n.person_id for n in titled if n.person_id})
    units = sorted({n.organisation_id for n in titled if not n.person_id})
    list(Person.objects.select_for_update().filter(pk__in=people).order_by("pk").values_list("pk", flat=True))
    list(Organisation.objects.select_for_update().filter(pk__in=units).order_by("pk").values_list("pk", flat=True))
    paid = defaultdict(list)  # subject → [(award form, PaidTitle)]
    register = Award.objects.live().filter(Q(person_id__in=people) | Q(person__isnull=True, organisation_id__in=units),
                                    year=year, award_form__category=AwardCategory.TITLE)
    for award in register.select_related("award_form").order_by("decision_date", "pk"):
        paid[_subject(award)].append((award.award_form, PaidTitle(
            str(award.award_form), award.bonus_amount, f"Quyết định số {award.decision_number}")))

    # the highest title of the decision first: it is paid in full, the lower ones only what exceeds it
    for nomination in sorted(titled, key=lambda n: -full[n.pk]):
        form, profile, subject = forms[nomination.pk], profiles[nomination.pk], _subject(nomination)
        others = [title for other_form, title in paid[subject] if same_achievement(form, other_form)]
        amount, note = highest_title_only(full[nomination.pk], form, profile, others, year=year)
        plans[nomination.pk] = Bonus(amount, full[nomination.pk], note,
                                     profile.title_bonus_reference if note else "")
        paid[subject].append((form, PaidTitle(str(form), amount, "cùng Quyết định này")))
    return plans
