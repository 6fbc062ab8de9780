"""Phát động: the participating units' clerks are told of a launched campaign, once (the launch transition calls
`tell_participants` inside its transaction; the e-mails go after commit)."""
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from notifications.services import notify
from orgs.enums import Role


def participant_clerks(campaign, day=None):
    """The active clerks of the units taking part (sub-units as each participant's include_subtree says, bloc
    members), the issuing body itself and units dissolved by `day` left out. One query."""
    day = day or timezone.localdate()
    units = (campaign.participating_units().exclude(pk=campaign.issuer_id)
             .filter(Q(valid_until__isnull=True) | Q(valid_until__gt=day)))
    return get_user_model().objects.filter(
        is_active=True, memberships__role=Role.CLERK,
        memberships__organisation__in=units.order_by().values("pk")).distinct().order_by("pk")


def tell_participants(campaign):
    """Notify the participating units' clerks that `campaign` was launched: its deadlines and a link.

    Side effects: one Notification per clerk (template campaign-launched) and, after commit, their e-mails.
    """
    return notify(list(participant_clerks(campaign)), "campaign-launched", {"campaign": campaign},
                  url=campaign.get_absolute_url())
