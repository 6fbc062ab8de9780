"""A campaign's dossier components and criteria, read once per process and campaign version.

The dossier and review pages read them on every request (the checklist and the eligibility rules);
they change only when an admin edits the campaign. Every save or delete of a component or criterion
moves `Campaign.updated_at` (the signals below), the version the cache compares with the campaign
the page has loaded anyway: no query on a hit.
"""
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from core.memo import VersionedCache

from .models import Campaign, Criterion, DossierComponent


def _load(campaign_id):
    return (tuple(DossierComponent.objects.filter(campaign_id=campaign_id)),
            tuple(Criterion.objects.filter(campaign_id=campaign_id)))


_sections = VersionedCache(_load)


def components(campaign):
    """The campaign's dossier components, in order (shared instances: read, never change them)."""
    return _sections.get(campaign.pk, campaign.updated_at)[0]


def criteria(campaign):
    """The campaign's criteria, in order (shared instances: read, never change them)."""
    return _sections.get(campaign.pk, campaign.updated_at)[1]


@receiver([post_save, post_delete], sender=Criterion)
@receiver([post_save, post_delete], sender=DossierComponent)
def _campaign_changed(sender, instance, **kwargs):
    Campaign.objects.filter(pk=instance.campaign_id).update(updated_at=timezone.now())
    _sections.forget(instance.campaign_id)
