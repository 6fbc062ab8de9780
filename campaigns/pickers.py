"""The campaign app's pickers (core.pickers): the units a campaign's rows name (participants, plan tasks, a unit's
own quota; the scope is forms.campaign_units), and the person or collective of a registration line (the registering
unit's people and units). Each scope is one function both the rows' fields and the search endpoint read."""
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.pickers import register
from orgs.models import Organisation, Person
from orgs.pickers import person_label, unit_label

from .models import Campaign


def _campaign_units(user, campaign=None):
    from .forms import campaign_units  # the forms import this module

    return campaign_units(user, campaign).select_related("parent")


def visible_campaign(user, raw):
    return get_object_or_404(Campaign.objects.for_user(user), pk=raw)


CAMPAIGN_UNITS = register("don-vi", "phong-trao", _campaign_units, label=unit_label,
                          context={"campaign": ("phong-trao", visible_campaign)})


# --- a unit's registration (đăng ký thi đua): the people and collectives of the registering unit -----------------
def registering_unit(user, raw):
    """The registering unit named by the search's `don-vi`: one the user is a clerk of (else 404)."""
    from .rules import clerk_units

    for unit in clerk_units(user):
        if str(unit.pk) == str(raw):
            return unit
    raise Http404


def _is_clerk_unit(user, unit):
    from .rules import clerk_units

    return unit is not None and user is not None and any(own.pk == unit.pk for own in clerk_units(user))


def registration_people(user, unit=None):
    """A registration line's person: the active people of the registering unit and its sub-units; nobody when the
    unit is not one the user is a clerk of (the page offers only those)."""
    if not _is_clerk_unit(user, unit):
        return Person.objects.none()
    return Person.objects.filter(organisation__path__startswith=unit.path, is_active=True).select_related(
        "organisation").order_by("search_text", "pk")


def registration_units(user, unit=None):
    """A registration line's collective: the registering unit and its current sub-units."""
    if not _is_clerk_unit(user, unit):
        return Organisation.objects.none()
    return unit.descendants(include_self=True).current().select_related("parent").order_by("path")


REGISTRATION_PEOPLE = register("can-bo", "dang-ky", registration_people, label=person_label,
                               context={"unit": ("don-vi", registering_unit)})
REGISTRATION_UNITS = register("don-vi", "dang-ky", registration_units, label=unit_label,
                              context={"unit": ("don-vi", registering_unit)})
