"""Permission predicates of campaigns: the only place this logic is written."""
import rules

from orgs import scope
from orgs.enums import Role
from orgs.models import Organisation
from orgs.rules import is_portal_admin

from .enums import CampaignStatus


def clerk_units(user):
    cache = getattr(user, "_clerk_units", None)
    if cache is None:
        cache = list(Organisation.objects.filter(pk__in=scope.membership_org_ids(user, [Role.CLERK])))
        user._clerk_units = cache
    return cache


def participating_clerk_units(user, campaign):
    """The user's clerk units that take part in the campaign."""
    return [unit for unit in clerk_units(user) if campaign.is_participant(unit)]


@rules.predicate
def administers_campaign(user, campaign):
    return scope.covers(user, campaign.issuer, [Role.ADMIN])


@rules.predicate
def reviews_campaign(user, campaign):
    return scope.acts_for(user, campaign.issuer, [Role.REVIEWER, Role.ADMIN])


@rules.predicate
def is_issuer_staff(user, campaign):
    return scope.acts_for(user, campaign.issuer, None)


@rules.predicate
def takes_part(user, campaign):
    return campaign.status != CampaignStatus.DRAFT and bool(participating_clerk_units(user, campaign))


@rules.predicate
def can_register(user, campaign):
    return campaign.status == CampaignStatus.LAUNCHED and bool(participating_clerk_units(user, campaign))


@rules.predicate
def manages_task(user, task):
    if scope.acts_for(user, task.campaign.issuer, [Role.ADMIN, Role.REVIEWER]):
        return True
    return any(scope.covers(user, unit, [Role.CLERK]) for unit in task.responsible.all())


rules.add_perm("campaigns.add_campaign", is_portal_admin)
rules.add_perm("campaigns.view_campaign", is_issuer_staff | takes_part)
rules.add_perm("campaigns.change_campaign", administers_campaign)
rules.add_perm("campaigns.review_campaign", reviews_campaign)
rules.add_perm("campaigns.register", can_register)
rules.add_perm("campaigns.change_task", manages_task)
