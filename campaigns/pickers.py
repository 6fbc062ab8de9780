"""The campaign app's pickers (core.pickers): the units a campaign's rows name (participants, plan tasks, a unit's
own quota). The scope is forms.campaign_units, which both the rows' fields and the search endpoint read."""
from django.shortcuts import get_object_or_404

from core.pickers import register
from orgs.pickers import unit_label

from .models import Campaign


def _campaign_units(user, campaign=None):
    from .forms import campaign_units  # the forms import this module

    return campaign_units(user, campaign).select_related("parent")


def visible_campaign(user, raw):
    return get_object_or_404(Campaign.objects.for_user(user), pk=raw)


CAMPAIGN_UNITS = register("don-vi", "phong-trao", _campaign_units, label=unit_label,
                          context={"campaign": ("phong-trao", visible_campaign)})
