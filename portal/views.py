"""The role-fitted home page and the Vietnamese error pages."""
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from campaigns.enums import CampaignStatus
from campaigns.models import Campaign
from dossiers.services import work_queue
from orgs.enums import Role
from orgs.models import EmulationBloc, Organisation
from orgs.scope import is_admin, membership_org_ids, roles_at, roles_of

OFFICE_ROLES = [Role.REVIEWER, Role.COUNCIL, Role.APPROVER]


def _units(ids):
    return list(Organisation.objects.filter(pk__in=ids).select_related("parent").annotate(
        people_count=Count("people", filter=Q(people__is_active=True), distinct=True),
        children_count=Count("children", distinct=True)).order_by("path"))


@require_safe
@login_required
def home(request):
    """Each role lands on what it has to do next (dossiers.services.work_queue), then on what it works with:
    a clerk their unit, the office its body, an admin the configuration. One include per role
    (templates/home/)."""
    user = request.user
    roles = roles_of(user)
    today = timezone.localdate()
    context = {"roles": roles, "today": today}
    if Role.CLERK in roles:
        context["clerk"] = work_queue.clerk_work(user, today)
        units = _units(membership_org_ids(user, [Role.CLERK]))
        for unit in units:
            unit.recent_people = list(unit.people.filter(is_active=True).order_by("full_name")[:8])
        context["clerk_units"] = units
    if Role.REVIEWER in roles:
        context["office_queues"] = work_queue.office_work(user)
    context["council_sessions"] = work_queue.council_work(user)
    context["is_council"] = Role.COUNCIL in roles
    if Role.APPROVER in roles:
        context["leader"] = work_queue.leader_work(user)
    if roles & set(OFFICE_ROLES):
        bodies = _units(membership_org_ids(user, OFFICE_ROLES))
        for body in bodies:
            body.units = list(body.children.current().annotate(
                people_count=Count("people", filter=Q(people__is_active=True))).order_by("order", "name"))
            body.my_roles = [Role(role).label for role in roles_at(user, body.pk)]
        context["office_bodies"] = bodies
        context["office_blocs"] = EmulationBloc.objects.for_user(user).filter(is_active=True)[:10]
        context["office_campaigns"] = list(Campaign.objects.for_user(user).filter(
            status=CampaignStatus.LAUNCHED, issuer__in=Organisation.objects.for_user(user, OFFICE_ROLES))
            .select_related("issuer").annotate(registered=Count("registrations", filter=~Q(
                registrations__status="draft"))).order_by("dossier_deadline", "pk")[:20])
    if is_admin(user):
        context["admin"] = work_queue.admin_work(user, today)
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
