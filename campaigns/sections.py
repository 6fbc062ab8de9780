"""A campaign's dossier components and criteria, in order: what the dossier pages' checklist and the
eligibility rules read (one query each)."""
from .models import Criterion, DossierComponent


def components(campaign):
    """The campaign's dossier components, in order."""
    return list(DossierComponent.objects.filter(campaign=campaign))


def criteria(campaign):
    """The campaign's criteria, in order."""
    return list(Criterion.objects.filter(campaign=campaign))
