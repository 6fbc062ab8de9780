"""What a leader is told on the decision's signing page besides the form: notes other apps add (the reward fund's
"quỹ sẽ thiếu …", funds/services.py) without dossiers knowing them. A source is `(issuer, on, amount) -> str`."""
from awards.services.bonus import bonus_amount

_SOURCES = []


def add_source(source):
    if source not in _SOURCES:
        _SOURCES.append(source)
    return source


def most_paid(nominations, on, profile=None):
    """The most the decision could pay the nominations on `on`: each form's full bonus (the "highest only" rule
    may lower it at signing, never raise it)."""
    total = 0
    for nomination in nominations:
        chosen = profile or nomination.dossier.campaign.legal_profile
        if chosen is not None:
            total += bonus_amount(nomination.dossier.offer.award_form, nomination.subject_type, on=on,
                                  profile=chosen) or 0
    return total


def notes(issuer, on, amount):
    return [text for source in _SOURCES if (text := source(issuer, on, amount))]
