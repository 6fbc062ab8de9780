"""The standing office's inbox: the dossiers sent to the bodies a user works for, narrowed by the page's
filters. The inbox page, its Excel export (dossiers.exports) and the benchmarks share it."""
from datetime import datetime, time, timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from awards.services import workdays
from campaigns.models import Campaign
from core.db import aggregate_subquery
from core.pagination import lazy_page
from core.text import search_key
from orgs import scope
from orgs.enums import ISSUER_STAFF
from orgs.search import under_units, units_named

from ..enums import SENT_STATES, DossierState
from ..models import Dossier, Nomination

# How long a dossier may wait on the standing office (received or not) before the inbox and the home page call it
# late: provinces report 8–15 working days after a complete dossier (docs/domain.md, Processing time); there is no
# review deadline on the campaign, so the clock starts the day after the dossier's latest submission and counts
# working days (awards/services/workdays.py: Monday–Friday less the calendar's days off).
REVIEW_DAYS = 15


def review_by(submitted_on):
    """The last day the office is on time for a dossier sent on `submitted_on`: its REVIEW_DAYS-th working day."""
    return workdays.nth_working_day(submitted_on, REVIEW_DAYS)


def late_review_q(now=None):
    """Dossiers waiting on the office (sent, not yet accepted or returned) for more than REVIEW_DAYS working days:
    sent before the (REVIEW_DAYS + 1)-th working day back from today, today counted when it is one."""
    today = timezone.localdate(now or timezone.now())
    first_late = workdays.nth_working_day(today + timedelta(days=1), -(REVIEW_DAYS + 1))
    since = timezone.make_aware(datetime.combine(first_late, time.min))
    return Q(state__in=[DossierState.SUBMITTED, DossierState.IN_REVIEW], submitted_at__lt=since)


def inbox_queryset(user):
    """Dossiers sent to the bodies the user works for (as office, council, leader or admin)."""
    return Dossier.objects.filter(scope.issuer_q(user, ISSUER_STAFF, "campaign__issuer"),
                                  state__in=SENT_STATES)


def _searchable_units(user):
    """The units the inbox's unit box searches: those of the user's provinces (the dossiers a standing office
    receives come from outside its own subtree, never from another province)."""
    from orgs.models import Organisation, subtree_q

    units = Organisation.objects.all()
    return units if user.is_superuser else units.filter(subtree_q(scope.province_paths(user)))


def filtered_inbox(user, params):
    """(filter form, dossiers): the inbox of `user` narrowed by the filters in `params` (a QueryDict);
    without filters, the dossiers still being handled. The inbox page and its Excel export share it."""
    from ..forms.inbox import InboxFilterForm  # the one parser of the inbox's filters (tests/core/test_layers.py)

    base = inbox_queryset(user)
    form = InboxFilterForm(params or None, campaigns=Campaign.objects.filter(
        scope.issuer_q(user, ISSUER_STAFF, "issuer")))
    qs = base
    if not form.is_bound or not form.is_valid():
        return form, qs.exclude(state=DossierState.DECIDED)
    data = form.cleaned_data
    if data["phong_trao"]:
        qs = qs.filter(campaign=data["phong_trao"])
    if data["don_vi"]:
        qs = qs.filter(under_units(units_named(data["don_vi"], _searchable_units(user))))
    if data["hinh_thuc"]:
        qs = qs.filter(offer__award_form=data["hinh_thuc"])
    if data["trang_thai"]:
        qs = qs.filter(state=data["trang_thai"])
    elif not data["tat_ca"]:
        qs = qs.exclude(state__in=[DossierState.DECIDED])
    if data["qua_han"]:
        qs = qs.filter(campaign__dossier_deadline__lt=timezone.localdate(), state__in=[
            DossierState.SUBMITTED, DossierState.RETURNED])
    if data["cham_xu_ly"]:
        qs = qs.filter(late_review_q())
    if data["khan"]:
        qs = qs.filter(urgent=True)
    if data["nam"]:
        qs = qs.filter(submitted_at__year=data["nam"])
    if data["cua_toi"]:  # assigned to me (services/assignment.py)
        qs = qs.filter(assignee=user)
    if data["chua_phan_cong"]:
        qs = qs.filter(assignee__isnull=True)
    for token in search_key(data["q"]).split():  # a semi-join: each dossier once, no DISTINCT over wide rows
        qs = qs.filter(Q(organisation__search_text__contains=token) | Exists(Nomination.objects.filter(
            dossier=OuterRef("pk"), person__search_text__contains=token)))
    return form, qs


# the urgent (khẩn: an đột xuất act to decide within days) first, then the nearest deadline
ORDER = ("-urgent", "campaign__dossier_deadline", "submitted_at", "pk")


def inbox_page(dossiers, page, per_page=50):
    """One page of the inbox: which dossiers, in order, is found on the dossiers and their campaign only;
    the rows shown are then read for that page alone (a "deferred join": joining the unit, the offer and
    the form of every match before sorting them was most of the inbox's SQL time)."""
    return lazy_page(dossiers.order_by(*ORDER).values("pk"), page, per_page,
                     rows=lambda window: inbox_rows(Dossier.objects.filter(pk__in=window)))


def inbox_rows(dossiers):
    """The inbox's rows: each dossier with its campaign, unit, award form, specialist and number of nominees (a
    correlated count, evaluated for the rows shown only: a join + GROUP BY counted every match), in order."""
    return dossiers.select_related("campaign__issuer", "organisation", "offer__award_form", "assignee").annotate(
        nominee_count=aggregate_subquery(Nomination.objects.filter(dossier=OuterRef("pk")))).order_by(*ORDER)
