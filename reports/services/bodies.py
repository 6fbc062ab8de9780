"""Which bodies a user reports on (reports.rules.READERS): the walls of every report page, PDF and Excel file."""
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from campaigns.models import Campaign
from dossiers.models import Decision
from orgs import scope
from orgs.models import Organisation

from ..rules import READERS

FIRST_YEAR = 2000


def bodies_for(user, roles=READERS):
    """The bodies the user works for with one of `roles` (None: any role): under those memberships, or served by
    their standing office. With READERS, the bodies whose reports the user reads."""
    if user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(scope.covered_q(user, roles, "path") | Q(pk__in=scope.acting_for(user, roles)))


def body_choices(user):
    """The bodies offered in the chooser: those the user works for (their memberships with a reader role and the
    bodies their standing office serves), and any body in reach that issues campaigns or decisions; a handful per
    province, so a short <select>."""
    own = set(scope.membership_org_ids(user, READERS)) | set(scope.acting_for(user, READERS))
    active = (Q(parent__isnull=True) | Exists(Decision.objects.filter(issuer=OuterRef("pk")))
              | Exists(Campaign.objects.campaigns().filter(issuer=OuterRef("pk"))))
    queryset = bodies_for(user).filter(Q(pk__in=own) | active) if not user.is_superuser else \
        Organisation.objects.filter(active)
    return list(queryset.order_by("path"))


def years():
    """The years a report may be asked for, newest first."""
    return list(range(timezone.localdate().year + 1, FIRST_YEAR - 1, -1))


def year_of(value, default=None):
    today = timezone.localdate().year
    try:
        year = int(value)
    except (TypeError, ValueError):
        return default or today
    return year if FIRST_YEAR <= year <= today + 1 else (default or today)
