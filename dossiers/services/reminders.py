"""Deadline reminders (nhắc hạn nộp hồ sơ): who is due a reminder today, sent exactly once.

The rules are the campaign's (campaigns.ReminderRule): N days before the dossier deadline, on the day,
after it (daily, at most M times), and a returned dossier not sent again after N days; each names
whom it reaches (the unit's clerks, the unit head, the issuing body's office). Nothing is scheduled
ahead (no countdowns): one daily run asks what is due *today* and, for each recipient, writes the unique
Reminder row before notifying, so a second run, a second worker or a retry sends nothing twice.
"""
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import BooleanField, CharField, Count, Exists, ExpressionWrapper, OuterRef, Q, Value
from django.db.models.functions import Cast, Concat
from django.utils import timezone

from campaigns.enums import CampaignStatus, ReminderAudience, ReminderKind
from campaigns.models import ReminderRule
from core.db import aggregate_subquery
from notifications.services import notify
from orgs.enums import Role

from ..enums import DossierState
from ..models import Dossier, Reminder

# A unit has "sent" once one of its dossiers of the campaign left its hands (a returned one has not).
NOT_SENT = [DossierState.DRAFT, DossierState.WITHDRAWN, DossierState.RETURNED]
AUDIENCE_ROLES = {ReminderAudience.CLERKS: [Role.CLERK], ReminderAudience.UNIT_HEAD: [Role.APPROVER],
                  ReminderAudience.OFFICE: [Role.REVIEWER]}


@dataclass
class Due:
    """One reminder due today: a rule, the unit it is about (or the returned dossier), its due date."""

    rule: ReminderRule
    organisation: object
    due_date: object
    dossier: object = None
    late_units: list = field(default_factory=list)  # for the office: every unit still missing


def sent_dossiers(campaign):
    """The dossiers of `campaign` that count as sent: the one definition of "sent", for the progress page,
    its totals and every reminder."""
    return Dossier.objects.filter(campaign=campaign).exclude(state__in=NOT_SENT)


def sent_q(campaign):
    """On a queryset of units: the unit has sent (an IN, that PostgreSQL hashes once for all the units)."""
    return Q(pk__in=sent_dossiers(campaign).values("organisation_id"))


def declined_q(campaign):
    """On a queryset of units: the unit answered that it proposes nobody (for a form or the whole campaign) and
    has not undone it (services/no_proposal.py)."""
    from .no_proposal import declined

    return Q(pk__in=declined(campaign).values("organisation_id"))


def answered_q(campaign):
    """On a queryset of units: the unit has answered the campaign, by sending a dossier or by saying it proposes
    nobody. The one definition of "not expected any more", for late units and every reminder."""
    return sent_q(campaign) | declined_q(campaign)


def late_q(campaign, day):
    """On a queryset of units: late on `day`, i.e. the deadline has passed and the unit has not answered
    (before the deadline: no unit, without a query)."""
    if campaign.dossier_deadline is None or day <= campaign.dossier_deadline:
        return Q(pk__in=[])
    return ~answered_q(campaign)


def expected_units(campaign):
    """The participating units that send dossiers: the issuing body itself receives them. A plain queryset
    (no DISTINCT: it can be counted, filtered and paged) over campaign.participating_units() as a subquery
    (its units listed one by one are one IN list): the province's 2,072 units as 2,072 parameters, compiled
    into each of the page's queries, cost more than the subquery (40 -> 33 ms; a 41-unit campaign 21 -> 27)."""
    from orgs.models import Organisation

    return Organisation.objects.filter(pk__in=campaign.participating_units().order_by().values("pk")).exclude(
        pk=campaign.issuer_id)


def missing_units(campaign, day):
    """Participating units, still existing on `day`, that have not answered (sent a dossier, or said they propose
    nobody)."""
    return list(expected_units(campaign).filter(Q(valid_until__isnull=True) | Q(valid_until__gt=day))
                .exclude(answered_q(campaign)).order_by("path"))


def rule_due_date(rule, deadline, day):
    """The due date `day` falls on for a deadline rule, or None when nothing is due today."""
    if rule.kind == ReminderKind.BEFORE:
        due = deadline - timedelta(days=rule.days)
        return due if due <= day < deadline else None  # a missed run catches up until the deadline
    if rule.kind == ReminderKind.ON_DAY:
        return deadline if day == deadline else None
    if rule.kind == ReminderKind.AFTER:
        return day if deadline < day <= deadline + timedelta(days=rule.max_times) else None
    return None


def due_reminders(day):
    """Every reminder due on `day`, across launched campaigns with active rules."""
    rules = (ReminderRule.objects.filter(is_active=True, campaign__status=CampaignStatus.LAUNCHED,
                                         campaign__dossier_deadline__isnull=False)
             .select_related("campaign__issuer").order_by("campaign_id", "kind", "days"))
    missing = {}
    for rule in rules:
        campaign = rule.campaign
        if rule.kind == ReminderKind.RETURNED:
            yield from _returned_due(rule, day)
            continue
        due = rule_due_date(rule, campaign.dossier_deadline, day)
        if due is None:
            continue
        if campaign.pk not in missing:
            missing[campaign.pk] = missing_units(campaign, day)
        if not missing[campaign.pk]:
            continue
        if rule.audience == ReminderAudience.OFFICE:  # one digest for the office, not one per unit
            yield Due(rule, campaign.issuer, due, late_units=missing[campaign.pk])
        else:
            for unit in missing[campaign.pk]:
                yield Due(rule, unit, due)


def _returned_due(rule, day):
    for dossier in (Dossier.objects.filter(campaign=rule.campaign, state=DossierState.RETURNED,
                                           returned_at__isnull=False)
                    .select_related("organisation", "offer__award_form")):
        due = timezone.localtime(dossier.returned_at).date() + timedelta(days=rule.days)
        if due <= day:  # once per return (a new return is a new due date)
            yield Due(rule, dossier.organisation, due, dossier=dossier)


def _audience_unit(due):
    return due.rule.campaign.issuer if due.rule.audience == ReminderAudience.OFFICE else due.organisation


def recipients_of(dues):
    """{(audience, unit id): [users]} for every due, in one query per audience: the active users holding
    the rule's audience role on the unit (the office: on the issuing body)."""
    from orgs.models import Membership

    wanted = {}
    for due in dues:
        wanted.setdefault(due.rule.audience, set()).add(_audience_unit(due).pk)
    found = {}
    for audience, unit_ids in wanted.items():
        for membership in (Membership.objects.filter(organisation_id__in=unit_ids, role__in=AUDIENCE_ROLES[audience],
                                                     user__is_active=True)
                           .select_related("user").order_by("user_id")):
            users = found.setdefault((audience, membership.organisation_id), [])
            if membership.user not in users:
                users.append(membership.user)
    return found


CHUNK = 200


def send_due(day=None):
    """Send every reminder due on `day` (today by default); return how many were sent.

    Side effects, per chunk of reminders and in one transaction: the Reminder rows (unique: one that
    exists was already sent and is skipped), their Notifications, and one e-mail task after commit. When
    another run inserted some of the same rows meanwhile, the chunk is redone one reminder at a time.
    """
    day = day or timezone.localdate()
    dues = list(due_reminders(day))
    users = recipients_of(dues)
    pairs = [(due, user) for due in dues for user in users.get((due.rule.audience, _audience_unit(due).pk), [])]
    sent = 0
    for start in range(0, len(pairs), CHUNK):
        chunk = pairs[start:start + CHUNK]
        try:
            with transaction.atomic():
                sent += _send_chunk(chunk, day)
        except IntegrityError:  # a concurrent run: settle each reminder on its own
            sent += sum(_send_one(due, user, day) for due, user in chunk)
    return sent


def _key(due, user):
    return (due.rule.pk, due.organisation.pk, due.dossier.pk if due.dossier else None, user.pk, due.due_date)


def _send_chunk(chunk, day):
    from notifications.services import prepare, save_and_queue

    existing = set(Reminder.objects.filter(rule__in={due.rule.pk for due, _ in chunk},
                                           due_date__in={due.due_date for due, _ in chunk},
                                           recipient__in={user.pk for _, user in chunk})
                   .values_list("rule_id", "organisation_id", "dossier_id", "recipient_id", "due_date"))
    chunk = [(due, user) for due, user in chunk if _key(due, user) not in existing]
    notifications = []
    for due, user in chunk:
        notifications += prepare([user], "deadline-reminder", _context(due, day), url=_url(due))
    notifications = save_and_queue(notifications)
    Reminder.objects.bulk_create([
        Reminder(rule=due.rule, campaign=due.rule.campaign, organisation=due.organisation, dossier=due.dossier,
                 recipient=user, due_date=due.due_date, notification=notification)
        for (due, user), notification in zip(chunk, notifications, strict=True)])
    return len(chunk)


def _send_one(due, user, day):
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(rule=due.rule, campaign=due.rule.campaign,
                                               organisation=due.organisation, dossier=due.dossier,
                                               recipient=user, due_date=due.due_date)
            [notification] = notify([user], "deadline-reminder", _context(due, day), url=_url(due)) or [None]
            reminder.notification = notification
            reminder.save(update_fields=["notification"])
    except IntegrityError:  # already sent (an earlier run, another worker): nothing twice
        return 0
    return 1


def _context(due, day):
    campaign = due.rule.campaign
    deadline = campaign.dossier_deadline
    return {"rule": due.rule, "kind": due.rule.kind, "campaign": campaign, "unit": due.organisation,
            "dossier": due.dossier, "deadline": deadline, "days_left": (deadline - day).days,
            "days_late": (day - deadline).days, "late_units": due.late_units, "returned_days": due.rule.days}


def _url(due):
    from django.urls import reverse

    if due.dossier is not None:
        return due.dossier.get_absolute_url()
    if due.rule.audience == ReminderAudience.OFFICE:
        return reverse("dossiers:campaign_progress", args=[due.rule.campaign_id])
    return due.rule.campaign.get_absolute_url()


# --- the office's view: who sent, who is late, who was reminded when -------------------------------------
def progress_units(campaign, day=None):
    """The participating units in the page's order, each with `has_sent`, `has_declined` (said it proposes
    nobody, and sent nothing) and `is_late` (SQL annotations): what the totals count, the pages are cut from and
    the late filter (`.filter(is_late=True)`) keeps."""
    return _with_progress(expected_units(campaign), campaign, day).order_by("path")


def progress_totals(units):
    """{"total", "sent", "declined", "late"} of progress_units(…): the units, those that sent, those that said
    they propose nobody (and sent nothing), those late, in one query."""
    return units.aggregate(total=Count("pk"), sent=Count("pk", filter=Q(has_sent=True)),
                           declined=Count("pk", filter=Q(has_declined=True)),
                           late=Count("pk", filter=Q(is_late=True)))


def progress_rows(campaign, units):
    """The rows of the progress page for `units` (one page of progress_units: a slice), in order, each with
    its dossiers (withdrawn ones left out), the date it first sent, whether one was returned and its last
    reminder (the daily run's or the outbox's): a second query, for those units only."""
    rows = list(units)
    details = {row.pop("pk"): row for row in progress_details(campaign, [unit.pk for unit in rows])}
    for unit in rows:
        vars(unit).update(details[unit.pk])
        unit.reminded_at = max((t for t in (unit.last_reminder, unit.last_outbox) if t), default=None)
    return rows


def progress_details(campaign, unit_ids):
    """progress_rows' second query: the figures of each unit of `unit_ids` (correlated subqueries)."""
    from notifications.models import OutboxItem
    from orgs.models import Organisation

    dossiers = Dossier.objects.filter(campaign=campaign, organisation=OuterRef("pk"))
    last_reminder = Reminder.objects.filter(campaign=campaign, organisation=OuterRef("pk"))
    last_outbox = OutboxItem.objects.filter(batch__scope=scope_of(campaign), target=_org_key_ref(),
                                            sent_at__isnull=False)
    return Organisation.objects.filter(pk__in=unit_ids).values("pk").annotate(
        dossier_count=aggregate_subquery(dossiers.exclude(state=DossierState.WITHDRAWN)),
        sent_at=aggregate_subquery(sent_dossiers(campaign).filter(organisation=OuterRef("pk")), "MIN",
                                   "submitted_at"),
        has_returned=Exists(dossiers.filter(state=DossierState.RETURNED)),
        last_reminder=aggregate_subquery(last_reminder, "MAX", "created_at"),
        last_outbox=aggregate_subquery(last_outbox, "MAX", "sent_at"))


def _with_progress(units, campaign, day):
    day = day or timezone.localdate()
    return units.annotate(has_sent=ExpressionWrapper(sent_q(campaign), output_field=BooleanField()),
                          has_declined=ExpressionWrapper(declined_q(campaign) & ~sent_q(campaign),
                                                         output_field=BooleanField()),
                          is_late=ExpressionWrapper(late_q(campaign, day), output_field=BooleanField()))


def _org_key_ref():
    return Concat(Value("org:"), Cast(OuterRef("pk"), CharField()))


def scope_of(campaign):
    return f"campaign:{campaign.pk}"


LATE_SUBJECT = "Đề nghị nộp hồ sơ khen thưởng {phong_trao}"
LATE_BODY = ("Kính gửi {don_vi},\n\n"
             "Theo kế hoạch, hạn nộp hồ sơ đề nghị khen thưởng phong trào “{phong_trao}” là ngày {han_nop}. "
             "Đến nay ({hom_nay}) đơn vị chưa nộp hồ sơ, đã trễ {so_ngay_tre} ngày.\n\n"
             "Đề nghị đơn vị khẩn trương hoàn thiện và nộp hồ sơ trên cổng; nếu không đề nghị khen thưởng, "
             "xin báo lại để Văn phòng tổng hợp.\n\n{co_quan}")


def remind_late_units(campaign, *, by, day=None):
    """"Nhắc tất cả đơn vị trễ hạn": put one message per late unit (to its clerks) in the outbox, for the
    office to preview, edit and release. Returns the batch, or None when no unit is late."""
    from notifications.services import create_batch

    day = day or timezone.localdate()
    late = list(progress_units(campaign, day).filter(is_late=True))
    if not late:
        return None
    clerks = {}
    for membership_user, organisation_id in (get_user_model().objects.filter(
            memberships__organisation__in=late, memberships__role=Role.CLERK, is_active=True)
            .values_list("pk", "memberships__organisation_id")):
        clerks.setdefault(organisation_id, []).append(membership_user)
    items = [(f"org:{unit.pk}", unit.name, campaign.get_absolute_url(), {
        "don_vi": unit.name, "phong_trao": campaign.title, "han_nop": campaign.dossier_deadline.strftime("%d/%m/%Y"),
        "hom_nay": day.strftime("%d/%m/%Y"), "so_ngay_tre": (day - campaign.dossier_deadline).days,
        "co_quan": campaign.issuer.name}, clerks.get(unit.pk, [])) for unit in late]
    return create_batch(scope=scope_of(campaign), title=f"Nhắc {len(late)} đơn vị trễ hạn – {campaign.title}"[:200],
                        subject=LATE_SUBJECT, body=LATE_BODY, items=items, by=by)

