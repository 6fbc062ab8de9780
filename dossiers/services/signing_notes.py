"""What a leader is told on the decision's signing page besides the form: notes other apps add (the reward fund's
"quỹ sẽ thiếu …", funds/services.py) without dossiers knowing them. A source is `(issuer, on, amount) -> str`."""
from collections import Counter

from awards.services.bonus import bonus_amount

_SOURCES = []


def add_source(source):
    if source not in _SOURCES:
        _SOURCES.append(source)
    return source


def most_paid(nominations, on, profile=None):
    """The most the decision could pay the nominations on `on`: each form's full bonus (the "highest only" rule
    may lower it at signing, never raise it)."""
    groups = Counter()
    for nomination in nominations:
        chosen = profile or nomination.dossier.campaign.legal_profile
        if chosen is not None:
            groups[(nomination.dossier.offer.award_form, nomination.subject_type, chosen)] += 1
    # one bonus per award form, subject type and profile, not per nominee (each costs the rate's and salary's reads)
    return sum((bonus_amount(form, subject_type, on=on, profile=chosen) or 0) * count
               for (form, subject_type, chosen), count in groups.items())


def notes(issuer, on, amount):
    return [text for source in _SOURCES if (text := source(issuer, on, amount))]
