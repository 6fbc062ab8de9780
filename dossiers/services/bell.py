"""Nhắc việc under the bell (notifications.registry), computed live from the dossiers: registered in
DossiersConfig.ready().

- a clerk: each launched campaign one of their units takes part in, whose dossier deadline falls within the next
  N days (N: the campaign's largest active "before" reminder rule, else DEFAULT_DAYS) and that unit has not sent
  nor said it proposes nobody (services/no_proposal.py);
- the standing office: new dossiers to receive, dossiers late in its hands, appraised ones to pass on
  (work_queue.office_work, as the home page counts them);
- the standing office: the public comments waiting for moderation, per comment window;
- a council member: the open sessions where they have not voted yet (work_queue.council_work);
- a leader: the nominees of their bodies waiting for their opinion, to sign or to forward, per campaign, as the
  home page counts them (work_queue.leader_work).
"""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from campaigns.enums import CampaignStatus, ReminderKind
from campaigns.models import Campaign, ReminderRule, participation_q
from notifications.registry import Task
from orgs import scope
from orgs.enums import Role
from orgs.models import Organisation

from ..models import Dossier, NoProposal
from ..models.public_comment import CommentState
from .inbox import REVIEW_DAYS
from .public_comment import windows_for
from .reminders import NOT_SENT
from .work_queue import council_work, leader_work, office_work

DEFAULT_DAYS = 7
TITLE_CHARS = 70  # the campaign's title inside a one-line task


def clerk_tasks(user, today):
    """The campaigns due soon that a unit of the clerk has not sent a dossier to: 2 queries (none for a user who
    is nobody's clerk), whatever the number of units, campaigns or dossiers."""
    unit_ids = scope.membership_org_ids(user, [Role.CLERK])
    if not unit_ids:
        return []
    units = list(Organisation.objects.filter(pk__in=unit_ids).current(today).only("pk", "name", "path"))
    if not units:
        return []
    window = Coalesce(Subquery(ReminderRule.objects.filter(
        campaign=OuterRef("pk"), kind=ReminderKind.BEFORE, is_active=True).order_by("-days").values("days")[:1]),
        Value(DEFAULT_DAYS), output_field=IntegerField())
    soon = Campaign.objects.filter(status=CampaignStatus.LAUNCHED, dossier_deadline__gte=today)
    parts = [soon.filter(participation_q(unit)).exclude(issuer_id=unit.pk)
             .exclude(pk__in=Dossier.objects.filter(organisation_id=unit.pk).exclude(state__in=NOT_SENT)
                      .values("campaign_id"))
             .exclude(pk__in=NoProposal.objects.active().filter(organisation_id=unit.pk).values("campaign_id"))
             .annotate(unit_id=Value(unit.pk, output_field=IntegerField()), window=window)
             .values("pk", "title", "dossier_deadline", "unit_id", "window").distinct() for unit in units]
    rows = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
    names = {unit.pk: unit.name for unit in units}
    tasks = []
    for row in sorted(rows, key=lambda row: (row["dossier_deadline"], row["pk"], row["unit_id"])):
        days = (row["dossier_deadline"] - today).days
        if days > row["window"]:
            continue
        when = "hôm nay là hạn cuối" if days == 0 else "ngày mai là hạn cuối" if days == 1 else f"còn {days} ngày"
        unit = f"{names[row['unit_id']]} chưa nộp · " if len(units) > 1 else "Đơn vị chưa nộp · "
        tasks.append(Task(
            title=f"Hạn nộp hồ sơ: {Truncator(row['title']).chars(TITLE_CHARS)}",
            url=reverse("campaigns:campaign_detail", args=[row["pk"]]),
            detail=f"{unit}hạn {row['dossier_deadline']:%d/%m/%Y} ({when})", urgent=days <= 1,
            icon="bi-hourglass-split"))
    return tasks


def leader_tasks(user, today):
    """The leader's nominees waiting, per campaign and step, from the home page's counts (work_queue.leader_work,
    2 queries; none for a user who leads no body)."""
    if not scope.membership_org_ids(user, [Role.APPROVER]):
        return []
    tasks = []
    queue, sign, forward = (reverse(name) for name in ("dossiers:approval_queue", "dossiers:decision_sign",
                                                       "dossiers:forward"))
    for row in leader_work(user)["campaigns"]:
        title = Truncator(row["title"]).chars(TITLE_CHARS)
        if row["to_approve"]:
            tasks.append(Task(title=f"Chờ phê duyệt: {title}", url=f"{queue}#campaign-{row['pk']}",
                              icon="bi-check2-square",
                              detail=f"{row['to_approve']} cá nhân, tập thể chờ ý kiến phê duyệt"))
        if row["signs"] and row["to_sign"]:
            tasks.append(Task(title=f"Chờ ký quyết định: {title}", url=f"{sign}?phong-trao={row['pk']}", icon="bi-pen",
                              detail=f"{row['to_sign']} cá nhân, tập thể đã duyệt, chờ ký quyết định khen thưởng"))
        if row["signs"] and row["to_forward"]:
            tasks.append(Task(title=f"Chờ trình cấp trên: {title}", url=f"{forward}?phong-trao={row['pk']}",
                              icon="bi-send",
                              detail=f"{row['to_forward']} cá nhân, tập thể vượt thẩm quyền, chờ trình cấp trên"))
    return tasks


# the office's steps worth a line under the bell (work_queue.OFFICE_QUEUES keys): what waits for the office itself
OFFICE_TASKS = {
    "urgent": ("Hồ sơ khẩn chờ xử lý", "bi-lightning-charge", True),
    "new": ("Hồ sơ mới nộp, chờ tiếp nhận", "bi-inbox", False),
    "late": ("Hồ sơ chờ Văn phòng quá hạn xử lý", "bi-exclamation-triangle", True),
    "appraised": ("Hồ sơ đã thẩm định, chờ trình Hội đồng hoặc lãnh đạo", "bi-send-check", False),
}


def office_tasks(user, today):
    """The standing office's own queues with something in them, each a link to the inbox filtered to exactly those
    (work_queue.office_work: 2 queries; none for a user who is nobody's office)."""
    if Role.REVIEWER not in scope.roles_of(user) and not user.is_superuser:
        return []
    inbox = reverse("dossiers:inbox")
    tasks = []
    for queue in office_work(user):
        if queue["key"] in OFFICE_TASKS and queue["count"]:
            title, icon, urgent = OFFICE_TASKS[queue["key"]]
            tasks.append(Task(title=title, url=f"{inbox}?{queue['query']}", icon=icon, urgent=urgent,
                              detail=f"{queue['count']} hồ sơ" + (
                                  f" (quá {REVIEW_DAYS} ngày làm việc)" if queue["key"] == "late" else "")))
    return tasks


def comment_tasks(user, today):
    """The public comments waiting for the office's moderation, one line per comment window (services/public_comment,
    1 query; none for a user who is nobody's office)."""
    if Role.REVIEWER not in scope.roles_of(user) and not user.is_superuser:
        return []
    rows = (windows_for(user).filter(nominees__comments__state=CommentState.PENDING)
            .annotate(waiting=Count("nominees__comments")).values_list("pk", "title", "waiting").order_by("pk"))
    return [Task(title="Ý kiến nhân dân chờ duyệt", icon="bi-chat-left-text", urgent=False,
                 url=reverse("dossiers:comment_window", args=[pk]),
                 detail=f"{waiting} ý kiến – {Truncator(title).chars(TITLE_CHARS)}") for pk, title, waiting in rows]


def council_tasks(user, today):
    """The open council sessions where the user, present, has not voted on every nominee yet (work_queue.council_work,
    a fixed number of queries; none for a user who sits on no open session)."""
    tasks = []
    for session in council_work(user):
        if session.my_turn:
            when = timezone.localtime(session.held_at)
            tasks.append(Task(title=f"Bỏ phiếu: phiên họp Hội đồng ngày {when:%d/%m/%Y}", icon="bi-ui-checks",
                              url=reverse("dossiers:council_vote", args=[session.pk]), urgent=True,
                              detail=f"{session.agenda_count} cá nhân, tập thể trong chương trình; "
                                     "bạn chưa bỏ phiếu đủ"))
    return tasks


def bell_tasks(user, today):
    return [*clerk_tasks(user, today), *office_tasks(user, today), *comment_tasks(user, today),
            *council_tasks(user, today), *leader_tasks(user, today)]
