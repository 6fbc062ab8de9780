"""Bảng điều khiển phong trào: a campaign's figures for the issuing body (its office, admin and leaders).

Units (participating, registered, sent, late: the progress page's own totals, services.reminders), the
nominees of each award form against the quota, the dossiers by state and the processing time (submission
to the office's answer, and to the decision). One Dashboard is what the page draws (cards, charts and their
tables) and what the Excel export writes, so both always show the same figures. A fixed number of queries
(about ten) however many units and dossiers the campaign has: the per-unit quota sums are made in Python
over grouped counts.
"""
import statistics
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from campaigns.enums import QuotaKind, RegistrationStatus

from ..enums import DossierState, Outcome
from ..models import Dossier, Nomination
from .reminders import expected_units, progress_totals, progress_units, sent_dossiers

# a nominee "accepted" once the office found them eligible, whatever came after (council, leader, decision)
ACCEPTED_OUTCOMES = [Outcome.ACCEPTED, Outcome.COUNCIL_PASSED, Outcome.COUNCIL_FAILED, Outcome.APPROVED,
                     Outcome.NOT_APPROVED, Outcome.AWARDED, Outcome.FORWARDED]
DAY = 86400


@dataclass
class FormRow:
    """One award form of the campaign: its nominees in sent dossiers against the quota."""

    offer_id: int
    award_form_id: int
    name: str
    quota_label: str
    proposed: int = 0
    accepted: int = 0
    quota: int | None = None  # None: no quota (no unit has a limit)
    over: int = 0  # nominees beyond the quota, summed over the units (or the whole body) over it
    units_over: int = 0


@dataclass
class Duration:
    """Processing time of one stage, in days: how many dossiers went through it, the median, the longest."""

    label: str
    short: str
    count: int = 0
    median: float | None = None
    longest: float | None = None


@dataclass
class Dashboard:
    campaign: object
    today: object
    participating: int = 0
    registered: int = 0
    sent: int = 0
    declined: int = 0  # said they propose nobody (and sent nothing): answered, neither sent nor late
    late: int = 0
    forms: list = field(default_factory=list)
    states: list = field(default_factory=list)  # [(state, label, count)], every state a sent dossier can be in
    durations: list = field(default_factory=list)

    @property
    def not_sent(self):
        """The units that have not answered: neither sent a dossier nor said they propose nobody."""
        return self.participating - self.sent - self.declined

    def chart_data(self):
        """What static/js/campaign-dashboard.js draws (through json_script): the tables' figures, no more."""
        return {
            "units": {"labels": ["Tham gia", "Đã đăng ký", "Đã nộp hồ sơ", "Trễ hạn"],
                      "values": [self.participating, self.registered, self.sent, self.late]},
            "forms": {"labels": [row.name for row in self.forms],
                      "proposed": [row.proposed for row in self.forms],
                      "accepted": [row.accepted for row in self.forms],
                      "quota": [row.quota for row in self.forms]},
            "states": {"labels": [label for _state, label, _count in self.states],
                       "values": [count for _state, _label, count in self.states]},
            "durations": {"labels": [duration.short for duration in self.durations],
                          "median": [duration.median for duration in self.durations],
                          "longest": [duration.longest for duration in self.durations]},
        }


def campaign_dashboard(campaign, today=None):
    """The Dashboard of `campaign` on `today` (the local date by default)."""
    today = today or timezone.localdate()
    board = Dashboard(campaign=campaign, today=today)
    totals = progress_totals(progress_units(campaign, today))
    board.participating, board.sent, board.late = totals["total"], totals["sent"], totals["late"]
    board.declined = totals["declined"]
    board.registered = registered_units(campaign)
    board.forms = form_rows(campaign)
    board.states = state_counts(campaign)
    board.durations = durations(campaign)
    return board


def registered_units(campaign):
    """Participating units whose registration (đăng ký thi đua) reached the issuing body: sent, not a draft."""
    from campaigns.models import Registration

    return Registration.objects.filter(campaign=campaign, organisation__in=expected_units(campaign)).exclude(
        status=RegistrationStatus.DRAFT).count()


def form_rows(campaign):
    """A FormRow per award form the campaign offers, in its order. Proposed and accepted count the nominees
    of sent dossiers (the ones the issuing body has); the quota is the sum of each participating unit's
    limit (its own quota when the office set one, else the rule: a fixed number, a share of its active
    staff), and a share of another form's nominees is counted over the whole body, as the quota check
    counts it (services.eligibility.quota_figures)."""
    from campaigns.models import QuotaOverride
    from orgs.models import Person

    offers = list(campaign.awards.select_related("award_form", "quota_base").order_by("order", "pk"))
    if not offers:
        return []
    used = {}  # (offer id, unit id) -> proposed
    rows = {offer.pk: FormRow(offer.pk, offer.award_form_id, str(offer.award_form), offer.quota_label())
            for offer in offers}
    counts = (Nomination.objects.filter(dossier__in=sent_dossiers(campaign))
              .values_list("dossier__offer_id", "dossier__organisation_id")
              .annotate(proposed=Count("pk"), accepted=Count("pk", filter=Q(outcome__in=ACCEPTED_OUTCOMES)))
              .order_by())
    for offer_id, unit_id, proposed, accepted in counts:
        used[offer_id, unit_id] = proposed
        rows[offer_id].proposed += proposed
        rows[offer_id].accepted += accepted
    units = list(expected_units(campaign).values_list("pk", flat=True))
    overrides = {(offer_id, unit_id): limit for offer_id, unit_id, limit in QuotaOverride.objects.filter(
        campaign_award__campaign=campaign, organisation__in=units).values_list(
        "campaign_award_id", "organisation_id", "max_count")}
    headcount = {}
    if any(offer.quota_kind == QuotaKind.PERCENT_HEADCOUNT for offer in offers):
        headcount = dict(Person.objects.filter(organisation__in=units, is_active=True).values_list(
            "organisation_id").annotate(n=Count("pk")).order_by())
    proposed_of_form = {}
    for row in rows.values():
        proposed_of_form[row.award_form_id] = proposed_of_form.get(row.award_form_id, 0) + row.proposed
    for offer in offers:
        _quota(rows[offer.pk], offer, units, used, overrides, headcount, proposed_of_form)
    return [rows[offer.pk] for offer in offers]


def _quota(row, offer, units, used, overrides, headcount, proposed_of_form):
    limits, body_used = [], 0
    for unit in units:
        override = overrides.get((offer.pk, unit))
        unit_used = used.get((offer.pk, unit), 0)
        if override is None and offer.quota_counted_over_body:
            body_used += unit_used
            continue
        limit = offer.quota_limit(override, headcount.get(unit, 0))
        if limit is None:
            continue
        limits.append(limit)
        if unit_used > limit:
            row.over += unit_used - limit
            row.units_over += 1
    if offer.quota_counted_over_body:
        limit = offer.quota_limit(None, base_count=proposed_of_form.get(offer.quota_base_id, 0))
        limits.append(limit)
        if body_used > limit:
            row.over += body_used - limit
    row.quota = sum(limits) if limits else None


def state_counts(campaign):
    """[(state, label, count)] of the campaign's dossiers the issuing body has seen (drafts and withdrawn
    ones left out), every such state listed, 0 included, in the workflow's order."""
    counts = dict(Dossier.objects.filter(campaign=campaign).exclude(
        state__in=[DossierState.DRAFT, DossierState.WITHDRAWN]).values_list("state").annotate(n=Count("pk"))
        .order_by())
    return [(state, label, counts.get(state, 0)) for state, label in DossierState.choices
            if state not in (DossierState.DRAFT, DossierState.WITHDRAWN)]


def durations(campaign):
    """[Duration] from the (last) submission of each dossier to the office's answer (accepted, or returned
    and not sent again), and to the decision."""
    answer = Duration("Từ khi nộp đến khi tiếp nhận hoặc trả lại", "Đến khi tiếp nhận / trả lại")
    decision = Duration("Từ khi nộp đến khi có quyết định", "Đến khi có quyết định")
    answered, decided = [], []
    rows = Dossier.objects.filter(campaign=campaign, submitted_at__isnull=False).exclude(
        state__in=[DossierState.DRAFT, DossierState.WITHDRAWN]).values_list(
        "state", "submitted_at", "accepted_at", "returned_at", "decided_at")
    for state, submitted, accepted, returned, decided_at in rows:
        if accepted and accepted >= submitted:
            answered.append((accepted - submitted).total_seconds() / DAY)
        elif state == DossierState.RETURNED and returned and returned >= submitted:
            answered.append((returned - submitted).total_seconds() / DAY)
        if decided_at and decided_at >= submitted:
            decided.append((decided_at - submitted).total_seconds() / DAY)
    for duration, days in ((answer, answered), (decision, decided)):
        if days:
            duration.count = len(days)
            duration.median = round(statistics.median(days), 1)
            duration.longest = round(max(days), 1)
    return [answer, decision]
