"""The role-fitted home page and the Vietnamese error pages."""
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from campaigns.enums import CampaignStatus
from campaigns.models import Campaign
from orgs.enums import Role
from orgs.models import EmulationBloc, Organisation, Person
from orgs.scope import is_admin, membership_org_ids, roles_at, roles_of


def _units(ids):
    return list(Organisation.objects.filter(pk__in=ids).select_related("parent").annotate(
        people_count=Count("people", filter=Q(people__is_active=True), distinct=True),
        children_count=Count("children", distinct=True)).order_by("path"))


@require_safe
@login_required
def home(request):
    """Each role lands on what it works with: a clerk their unit, the office its body, an admin
    the configuration."""
    user = request.user
    roles = roles_of(user)
    context = {"roles": roles}
    if is_admin(user):
        context["admin"] = {
            "organisations": Organisation.objects.for_user(user, [Role.ADMIN]).current().count(),
            "dissolved": Organisation.objects.for_user(user, [Role.ADMIN]).exclude(
                pk__in=Organisation.objects.current()).count(),
            "people": Person.objects.for_user(user, [Role.ADMIN]).filter(is_active=True).count(),
            "accounts": get_user_model().objects.filter(is_active=True).count() if user.is_superuser
            else get_user_model().objects.filter(
                memberships__organisation__in=Organisation.objects.for_user(user, [Role.ADMIN]),
                is_active=True).distinct().count(),
            "blocs": EmulationBloc.objects.for_user(user).filter(is_active=True).count(),
        }
    open_campaigns = Campaign.objects.for_user(user).filter(status=CampaignStatus.LAUNCHED).select_related(
        "issuer").order_by("dossier_deadline", "pk")
    context["today"] = timezone.localdate()
    if Role.CLERK in roles:
        context["clerk_campaigns"] = list(open_campaigns.exclude(
            issuer__in=Organisation.objects.for_user(user, [Role.ADMIN, Role.REVIEWER]))[:20])
        units = _units(membership_org_ids(user, [Role.CLERK]))
        for unit in units:
            unit.recent_people = list(unit.people.filter(is_active=True).order_by("full_name")[:8])
        context["clerk_units"] = units
    office_roles = [Role.REVIEWER, Role.COUNCIL, Role.APPROVER]
    if roles & set(office_roles):
        bodies = _units(membership_org_ids(user, office_roles))
        for body in bodies:
            body.units = list(body.children.current().annotate(
                people_count=Count("people", filter=Q(people__is_active=True))).order_by("order", "name"))
            body.my_roles = [Role(role).label for role in roles_at(user, body.pk)]
        context["office_bodies"] = bodies
        context["office_blocs"] = EmulationBloc.objects.for_user(user).filter(is_active=True)[:10]
        context["office_campaigns"] = list(open_campaigns.filter(
            issuer__in=Organisation.objects.for_user(user, office_roles)).annotate(
            registered=Count("registrations", filter=~Q(registrations__status="draft")))[:20])
    return render(request, "home.html", context)


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    return render(request, "errors/500.html", status=500)


def csrf_failure(request, reason=""):
    return render(request, "errors/403_csrf.html", status=403)
