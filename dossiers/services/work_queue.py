"""Việc cần làm: what each role has to do next, for the home page (portal.views.home).

Each function reads a fixed number of queries whatever the number of campaigns, dossiers, nominees or units
(tests/portal/test_home_queues.py counts them), and only what the user may open: the same querysets as the pages
its figures link to (the unit's dossier list, the inbox, the approval queue, the council's sessions, the campaign
list), so that a figure and the list behind its link cannot disagree.
"""
from collections import Counter, defaultdict

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Q, Value, When
from django.utils import timezone

from campaigns.enums import CampaignStatus
from campaigns.models import Campaign, CampaignAward
from orgs import scope
from orgs.enums import Role
from orgs.models import EmulationBloc, Membership, Organisation, Person, subtree_q

from ..enums import DossierState, Outcome
from ..models import (
    Attendance,
    CouncilBallot,
    CouncilSession,
    Dossier,
    Forwarding,
    MemberVote,
    Nomination,
    NoProposal,
    SessionMember,
    SessionMode,
)
from .decisions import DECIDABLE, authority_of
from .inbox import REVIEW_DAYS, inbox_queryset, late_review_q

LIST_LIMIT = 15  # rows of a home-page list; the page behind its link shows them all

# a clerk's dossiers: those the unit must act on first (returned, then drafts), then those on their way
CLERK_ORDER = Case(When(state=DossierState.RETURNED, then=Value(0)), When(state=DossierState.DRAFT, then=Value(1)),
                   default=Value(2), output_field=IntegerField())
CLERK_STATES = [DossierState.RETURNED, DossierState.DRAFT, DossierState.SUBMITTED, DossierState.IN_REVIEW,
                DossierState.APPRAISED, DossierState.IN_COUNCIL, DossierState.AWAITING_DECISION,
                DossierState.FORWARDED, DossierState.DECIDED]
OPEN_FOR_CLERK = [state for state in CLERK_STATES if state != DossierState.DECIDED]


def clerk_dossiers(user):
    """The dossiers of the clerk's units, as the unit's dossier list reads them (Hồ sơ của đơn vị)."""
    return Dossier.objects.for_user(user).filter(organisation__in=scope.membership_org_ids(user, [Role.CLERK]))


def clerk_work(user, today=None):
    """A clerk's home: the open campaigns their units take part in (nearest deadline first, with how many
    dossiers the units have in each and whether one of them said it proposes nobody, `declined`), the units'
    dossiers counted by state, and the open ones, returned first (with the office's reason), then drafts, then
    those on their way. 4 queries."""
    today = today or timezone.localdate()
    dossiers = clerk_dossiers(user)
    declined = NoProposal.objects.active().filter(
        campaign=OuterRef("pk"), organisation__in=scope.membership_org_ids(user, [Role.CLERK]))
    campaigns = list(Campaign.objects.for_user(user).filter(status=CampaignStatus.LAUNCHED).exclude(
        issuer__in=Organisation.objects.for_user(user, [Role.ADMIN, Role.REVIEWER])).select_related("issuer")
        .annotate(my_dossiers=Count("dossiers", filter=Q(dossiers__in=dossiers.exclude(
            state=DossierState.WITHDRAWN).values("pk"))), declined=Exists(declined))
        .order_by(Case(When(dossier_deadline__isnull=True, then=Value(1)), default=Value(0)),
                  "dossier_deadline", "pk")[:LIST_LIMIT])
    for campaign in campaigns:
        campaign.days = campaign.days_to_deadline(today)
    counts = dict(dossiers.values_list("state").annotate(n=Count("pk")).order_by())
    states = [(DossierState(state), counts[state]) for state in CLERK_STATES if counts.get(state)]
    open_dossiers = list(dossiers.filter(state__in=OPEN_FOR_CLERK).select_related(
        "campaign", "organisation", "offer__award_form").order_by(
        CLERK_ORDER, "campaign__dossier_deadline", "-updated_at", "-pk")[:LIST_LIMIT])
    return {"campaigns": campaigns, "states": states, "dossiers": open_dossiers,
            "open_count": sum(counts.get(state, 0) for state in OPEN_FOR_CLERK),
            "returned_count": counts.get(DossierState.RETURNED, 0)}


# The office's queues: (key, label, inbox query string, state or None for the late ones), in the order of the work.
OFFICE_QUEUES = [
    ("urgent", "Hồ sơ khẩn chưa quyết định", "khan=on", "urgent"),
    ("new", "Hồ sơ mới nộp, chưa tiếp nhận", "trang_thai=submitted", DossierState.SUBMITTED),
    ("in_review", "Đang thẩm định", "trang_thai=in_review", DossierState.IN_REVIEW),
    ("late", f"Chờ Văn phòng quá {REVIEW_DAYS} ngày làm việc", "cham_xu_ly=on", None),
    ("appraised", "Đã thẩm định, chờ trình", "trang_thai=appraised", DossierState.APPRAISED),
    ("council", "Chờ Hội đồng xét", "trang_thai=in_council", DossierState.IN_COUNCIL),
    ("leader", "Chờ lãnh đạo quyết định", "trang_thai=awaiting_decision", DossierState.AWAITING_DECISION),
]


def office_work(user):
    """The standing office's queues: how many of the dossiers sent to its bodies wait at each step, each with the
    inbox's query string that lists exactly those; first "Hồ sơ của tôi", those assigned to the user not yet
    decided (services/assignment.py, the inbox's "cua_toi" filter). 2 queries."""
    dossiers = inbox_queryset(user)
    rows = list(dossiers.values_list("state").annotate(n=Count("pk"), mine=Count("pk", filter=Q(assignee=user)),
                                                       urgent=Count("pk", filter=Q(urgent=True))).order_by())
    counts = {state: n for state, n, _, _ in rows}
    counts["urgent"] = sum(u for state, _, _, u in rows if state != DossierState.DECIDED)
    mine = sum(m for state, _, m, _ in rows if state != DossierState.DECIDED)
    late = dossiers.filter(late_review_q()).count()
    return [{"key": "mine", "label": "Hồ sơ của tôi", "query": "cua_toi=on", "count": mine}] + [
        {"key": key, "label": label, "query": query, "count": late if state is None else counts.get(state, 0)}
        for key, label, query, state in OFFICE_QUEUES]


def council_work(user, limit=LIST_LIMIT):
    """The open council sessions the user sits on (on its roll call), each with how many members present have not
    yet voted on every nominee of its agenda (`waiting`), whether the user has (`my_turn`: present, voting on
    the portal, and not done), in a fixed number of queries: the agendas of all the sessions are read at once."""
    sessions = list(CouncilSession.objects.filter(closed_at__isnull=True, members__user=user).distinct()
                    .select_related("issuer", "campaign").order_by("held_at", "pk")[:limit])
    if not sessions:
        return []
    ids = [session.pk for session in sessions]
    waiting_q = Q(dossier__state=DossierState.IN_COUNCIL, outcome=Outcome.ACCEPTED) & CampaignAward.needs_council_q(
        "dossier__offer__")
    issuers = {session.issuer_id for session in sessions}
    pending = list(Nomination.objects.filter(waiting_q, dossier__campaign__issuer_id__in=issuers).values_list(
        "pk", "dossier__campaign__issuer_id", "dossier__campaign_id"))
    voted_here = defaultdict(set)
    for session_id, nomination_id in CouncilBallot.objects.filter(session_id__in=ids).values_list(
            "session_id", "nomination_id"):
        voted_here[session_id].add(nomination_id)
    members = list(SessionMember.objects.filter(session_id__in=ids).values_list(
        "pk", "session_id", "user_id", "attendance"))
    votes = defaultdict(set)
    for member_id, nomination_id in MemberVote.objects.filter(member__session_id__in=ids, written=False).values_list(
            "member_id", "nomination_id"):
        votes[member_id].add(nomination_id)
    for session in sessions:  # the agenda as council.agenda() reads it, for the counts only
        agenda = {pk for pk, issuer, campaign in pending if issuer == session.issuer_id
                  and (session.campaign_id is None or campaign == session.campaign_id)} | voted_here[session.pk]
        present = [(pk, member_user) for pk, session_id, member_user, attendance in members
                   if session_id == session.pk and attendance == Attendance.PRESENT]
        not_done = [(pk, member_user) for pk, member_user in present if not agenda <= votes[pk]]
        session.agenda_count = len(agenda)
        session.on_portal = session.mode == SessionMode.BALLOTS
        session.waiting = len(not_done) if session.on_portal else None
        session.present = any(member_user == user.pk for _, member_user in present)
        session.my_turn = session.on_portal and any(member_user == user.pk for _, member_user in not_done)
    return sessions


def leader_work(user):
    """The leader's queue per campaign of the bodies they lead, as the approval queue reads it: nominees waiting
    for their opinion, approved ones to sign in a decision (within the body's authority) or to forward upward
    (beyond it); and the Tờ trình sent upward still waiting for the higher decision. 2 queries."""
    nominations = Nomination.objects.filter(dossier__state=DossierState.AWAITING_DECISION)
    if not user.is_superuser:
        nominations = nominations.filter(subtree_q(scope.scope_paths(user, [Role.APPROVER]),
                                                   prefix="dossier__campaign__issuer__path"))
    rows = nominations.values_list(
        "dossier__campaign_id", "dossier__campaign__title", "dossier__campaign__issuer_id",
        "dossier__campaign__issuer__kind", "dossier__offer__award_form__authority", "outcome").annotate(
        n=Count("pk")).order_by("dossier__campaign_id")
    # signing and forwarding are done by the leaders of the issuing body itself (dossiers.views.decisions)
    led = set(scope.membership_org_ids(user, [Role.APPROVER]))
    campaigns = {}
    for campaign_id, title, issuer_id, kind, authority, outcome, n in rows:
        row = campaigns.setdefault(campaign_id, {"pk": campaign_id, "title": title, "to_approve": 0, "to_sign": 0,
                                                 "to_forward": 0, "signs": user.is_superuser or issuer_id in led})
        if outcome in DECIDABLE:
            row["to_approve"] += n
        elif outcome == Outcome.APPROVED:
            within = authority <= authority_of(Organisation(kind=kind))
            row["to_sign" if within else "to_forward"] += n
    forwardings = list(Forwarding.objects.filter(issuer__in=led, decision__isnull=True).order_by(
        "memo_date", "pk")[:LIST_LIMIT])
    return {"campaigns": list(campaigns.values()), "forwardings": forwardings,
            "to_approve": sum(row["to_approve"] for row in campaigns.values()),
            "to_sign": sum(row["to_sign"] for row in campaigns.values()),
            "to_forward": sum(row["to_forward"] for row in campaigns.values())}


def admin_work(user, today=None):
    """An admin's home: the campaigns they see counted by state (each a link to the campaign list filtered by
    it); the units of their provinces where nobody has an account yet (current units without a role held by an
    active user), the first ones listed; and the size of what they configure. 9 queries."""
    counts = Counter(dict(Campaign.objects.for_user(user).values_list("status").annotate(n=Count("pk")).order_by()))
    administered = Organisation.objects.for_user(user, [Role.ADMIN])
    staffed = Membership.objects.filter(organisation=OuterRef("pk"), user__is_active=True)
    unstaffed = administered.current(today).exclude(Exists(staffed))
    accounts = get_user_model().objects.filter(is_active=True)
    if not user.is_superuser:
        accounts = accounts.filter(memberships__organisation__in=administered).distinct()
    return {
        "campaign_states": [(CampaignStatus(state), counts.get(state, 0)) for state in CampaignStatus.values],
        "unstaffed_count": unstaffed.count(),
        "unstaffed": list(unstaffed.select_related("parent").order_by("path")[:10]),
        "organisations": administered.current(today).count(),
        "dissolved": administered.exclude(pk__in=Organisation.objects.current(today)).count(),
        "people": Person.objects.for_user(user, [Role.ADMIN]).filter(is_active=True).count(),
        "accounts": accounts.count(),
        "blocs": EmulationBloc.objects.for_user(user).filter(is_active=True).count(),
    }
