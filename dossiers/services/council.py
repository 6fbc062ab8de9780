"""Phiên họp Hội đồng Thi đua – Khen thưởng: the council votes on the nominees whose award form needs it
(docs/domain.md, Council votes).

The council is a body's list of seats (CouncilSeat: the founding decision's members, their titles, the
accounts they vote with), kept by the body's standing office. A session is opened and closed by the
council's chair or by the office on the chair's behalf. Two ways of voting:

- "ballots" (the default): the roll call is taken when the session opens (present, absent with a written
  opinion, absent); each member present casts **their own** ballot on each nominee of the agenda; the
  office records an absent member's written opinion with the signed paper attached. With a secret ballot
  the portal records that a member voted (MemberVote without its choice) and drops the choice into the
  nominee's ballot box (CouncilBallot's counters), never linked to the member. The tally is computed from
  the ballots when the session closes, against the form's threshold, and sets each nominee's outcome.
- "paper": the council votes on paper; the secretary (the office) enters the counted result for each
  nominee, and the signed Biên bản kiểm phiếu must be attached before the session closes.

Closing moves every dossier of its agenda to "chờ lãnh đạo quyết định" through
`workflow.record_consequence()` (the one writer of a dossier's state, which checks the session's results
are there). Every writing function runs in one transaction with the actor recorded in the audit log, and
locks the session row, so that ballots and the closing of their session apply one after the other.
"""
import uuid
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, F, Prefetch, Q
from django.utils import timezone

from awards.enums import BallotType, VoteDenominator
from campaigns.models import CampaignAward
from orgs import scope
from orgs.enums import ISSUER_STAFF, Role

from ..enums import DossierState, Outcome
from ..models import (
    Attendance,
    CouncilBallot,
    CouncilRules,
    CouncilSeat,
    CouncilSession,
    MemberVote,
    Nomination,
    SeatTitle,
    SessionMember,
    SessionMode,
    VoteChoice,
    quorum_met,
    quorum_minimum,
)
from ..models.council_queries import may_preside
from . import outcomes, public_comment, workflow
from .eligibility import percent_label
from .printing import freeze_council_minutes

NOT_SECRETARY = "Chỉ Văn phòng (thường trực, thư ký Hội đồng Thi đua – Khen thưởng) mới ghi kết quả kiểm phiếu."


# --- reading -----------------------------------------------------------------------------------
def sessions_for(user):
    """Sessions of the bodies the user works for as office, council member, leader or admin."""
    if user.is_superuser:
        return CouncilSession.objects.all()
    return CouncilSession.objects.filter(scope.issuer_q(user, ISSUER_STAFF, "issuer"))  # seats included


def session_list(user):
    """The user's sessions with their ballot counts, newest first, in a fixed number of queries."""
    return (sessions_for(user).select_related("issuer", "campaign")
            .annotate(ballot_count=Count("ballots")).order_by("-held_at", "-pk"))


def roster_bodies(user):
    """Bodies whose council list the user keeps (their office)."""
    return _bodies(user, Q())


def office_bodies(user):
    """Bodies whose council sessions the user may open: as their office (REVIEWER), or as their council's chair."""
    return _bodies(user, Q(pk__in=CouncilSeat.objects.filter(user=user, title=SeatTitle.CHAIR).values("body_id")))


def _bodies(user, also):
    """The bodies of the user's office memberships, or `also`; every issuing body for a superuser."""
    from orgs.models import Organisation

    if user.is_superuser:
        return Organisation.objects.filter(issued_campaigns__isnull=False).distinct().order_by("path")
    office = scope.membership_org_ids(user, [Role.REVIEWER]) + scope.acting_for(user, [Role.REVIEWER])
    return Organisation.objects.filter(Q(pk__in=office) | also).order_by("path")


def agenda(session, *, only=None):
    """The nominees the session votes on: accepted by the office, in a dossier sent to the council
    (state in_council) of a campaign issued by the session's body (only `session.campaign`'s when set),
    whose award form needs the council; plus those already voted in this session (their outcome is
    then council_passed / council_failed). Ordered by campaign, award form, unit, order in the dossier.
    Each nomination carries `session_ballot` (its ballot in this session, or None). `only`: a
    nomination id, to check one nominee without loading the whole agenda.
    """
    voted_here = CouncilBallot.objects.filter(session=session).values("nomination_id")
    waiting = Q(dossier__state=DossierState.IN_COUNCIL, outcome=Outcome.ACCEPTED) & CampaignAward.needs_council_q(
        "dossier__offer__")
    qs = Nomination.objects.filter(dossier__campaign__issuer_id=session.issuer_id).filter(
        waiting | Q(pk__in=voted_here))
    if session.campaign_id:
        qs = qs.filter(dossier__campaign_id=session.campaign_id)
    if only is not None:
        qs = qs.filter(pk=only)
    qs = (qs.select_related("person", "organisation", "dossier__organisation", "dossier__campaign",
                            "dossier__offer__award_form")
          .prefetch_related(Prefetch("council_ballots", queryset=CouncilBallot.objects.filter(session=session),
                                     to_attr="session_ballots"))
          .order_by("dossier__campaign_id", "dossier__offer__order", "dossier__organisation__path", "dossier_id",
                    "order", "pk"))
    nominations = list(qs)
    blocked = public_comment.blockers(  # the public comment the law asks first (Public comment)
        nominations, held_on=timezone.localtime(session.held_at).date() if session.held_at else None)
    for nomination in nominations:
        nomination.session_ballot = nomination.session_ballots[0] if nomination.session_ballots else None
        nomination.dossier.offer.campaign = nomination.dossier.campaign  # loaded with the dossier
        nomination.comment_block = blocked.get(nomination.pk, "")
    CampaignAward.attach_vote_rules(n.dossier.offer for n in nominations)
    return nominations


def base_label(rule):
    """'trên tổng số thành viên' / 'trên số thành viên có mặt' (`rule`: the vote rule in force)."""
    return VoteDenominator(rule.denominator).label.lower()


@dataclass
class Tally:
    """A ballot counted against the award form's rule."""

    numerator: int
    base: int
    percentage: Decimal
    threshold: Decimal
    passed: bool


def tally(session, rule, *, votes_for, written_votes_for=0):
    """Rate of votes for, taken over the members present or over all members (then the written votes
    of absent members count too). Passing compares the exact rate with the threshold; the stored
    percentage is cut (not rounded) to two decimals, as MeetingVote.percentage: a rate just under the
    threshold never reads as the threshold (2 of 3 is 66,66%)."""
    if rule.denominator == VoteDenominator.ALL:
        numerator, base = votes_for + written_votes_for, session.members_total
    else:
        numerator, base = votes_for, session.members_present
    threshold = Decimal(rule.threshold)
    percentage = (Decimal(numerator * 100) / Decimal(base)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return Tally(numerator=numerator, base=base, percentage=percentage, threshold=threshold,
                 passed=Decimal(numerator * 100) >= threshold * base)


@dataclass
class AgendaRow:
    """A line of the session's agenda: a nominee, the form's rule and the ballot (if recorded)."""

    nomination: Nomination
    ballot: CouncilBallot | None

    @property
    def award_form(self):
        return self.nomination.dossier.offer.award_form

    @property
    def rule(self):
        return self.nomination.dossier.offer.vote_rule

    @property
    def threshold_label(self):
        threshold = self.rule.threshold
        return "" if threshold is None else percent_label(threshold)

    @property
    def base_label(self):
        return base_label(self.rule)

    @property
    def percent_label(self):
        if self.ballot is None or self.ballot.percentage is None:
            return ""
        return percent_label(self.ballot.percentage)

    @property
    def verdict(self):
        if self.ballot is None or self.ballot.passed is None:
            return "Chưa có kết quả"
        return "Đạt" if self.ballot.passed else "Không đạt"

    @property
    def badge(self):
        if self.ballot is None or self.ballot.passed is None:
            return "secondary"
        return "success" if self.ballot.passed else "danger"


def agenda_rows(session):
    """The agenda as AgendaRow, each with `comments`: the public comment's summary (CommentSummary), or None."""
    rows = [AgendaRow(nomination, nomination.session_ballot) for nomination in agenda(session)]
    comments = public_comment.summaries([row.nomination for row in rows])
    for row in rows:
        row.comments = comments.get(row.nomination.pk)
    return rows


def nominee_label(nomination):
    """'Nguyễn Thị Hương (Giấy khen – Phòng Tổ chức cán bộ)' for messages."""
    dossier = nomination.dossier
    return f"{nomination.name} ({dossier.offer.award_form} – {dossier.organisation.name})"


# --- the council's seats ------------------------------------------------------------------------
def seats_of(body):
    return CouncilSeat.objects.filter(body=body).select_related("user").order_by("order", "pk")


def seat_accounts(body):
    """The accounts a seat of `body` may vote with: the office, council members and leaders of the body (or above
    it), and of its standing office (the provincial council's members hold their role at the Sở Nội vụ)."""
    from django.contrib.auth import get_user_model

    from orgs.models import Membership

    ids = Membership.objects.filter(role__in=[Role.REVIEWER, Role.COUNCIL, Role.APPROVER],  # held on the body
                                    organisation_id__in=[*body.ancestor_ids(), body.pk, body.standing_office_id]
                                    ).values("user_id")
    return get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("last_name", "first_name", "username")


def save_seats(body, seats, *, by):
    """Replace the council's list of seats of `body` by `seats` (unsaved CouncilSeat rows, in order) as
    the body's office. Refused: not the office (PermissionDenied); an empty list, two chairs, one account on
    two seats, an account outside seat_accounts(body), while a session of the body is open (ValidationError).
    Side effects (one transaction): the seats' rows (kept rows updated, others deleted); audit entries."""
    if not scope.acts_for(by, body, [Role.REVIEWER]):
        raise PermissionDenied("Chỉ Văn phòng (thường trực Hội đồng) của cơ quan mới cập nhật thành phần Hội đồng.")
    errors = []
    if not seats:
        errors.append("Hội đồng phải có ít nhất một thành viên.")
    if sum(1 for seat in seats if seat.title == SeatTitle.CHAIR) > 1:
        errors.append("Hội đồng chỉ có một Chủ tịch.")
    users = [seat.user_id for seat in seats if seat.user_id]
    if len(users) != len(set(users)):
        errors.append("Một tài khoản chỉ dùng cho một thành viên Hội đồng.")
    allowed = set(seat_accounts(body).values_list("pk", flat=True))
    if set(users) - allowed:
        errors.append("Tài khoản bỏ phiếu phải là tài khoản của Văn phòng, thành viên Hội đồng hoặc lãnh đạo cơ quan.")
    if errors:
        raise ValidationError(errors)
    with set_actor(by), transaction.atomic():
        from orgs.models import Organisation

        Organisation.objects.select_for_update().get(pk=body.pk)
        if CouncilSession.objects.filter(issuer=body, closed_at__isnull=True).exists():
            raise ValidationError("Đang có phiên họp chưa kết thúc: cập nhật thành phần Hội đồng sau khi phiên họp "
                                  "kết thúc.")
        kept = []
        for order, seat in enumerate(seats, start=1):
            seat.body, seat.order = body, order
            seat.full_clean(exclude=["body", "user"])
            seat.save()
            kept.append(seat.pk)
        CouncilSeat.objects.filter(body=body).exclude(pk__in=kept).delete()
    return seats


# --- opening a session ---------------------------------------------------------------------------
def _require(by, session, roles, message):
    if not scope.acts_for(by, session.issuer, roles):
        raise PermissionDenied(message)


def _require_presiding(by, session, verb):
    if not may_preside(by, session.issuer):
        raise PermissionDenied(f"Chỉ Chủ tịch Hội đồng hoặc Văn phòng (thường trực Hội đồng) của cơ quan mới {verb} "
                               "phiên họp.")


def rules_of(body):
    """The council's regulation as the portal applies it (CouncilRules), or the default (quá nửa) unsaved."""
    return CouncilRules.objects.filter(body=body).first() or CouncilRules(body=body)


def save_rules(body, *, quorum, source, by):
    """Record what the council's regulation of `body` says about its quorum, as the body's office.
    Refused: not the office (PermissionDenied), a quorum the portal does not know (ValidationError).
    Side effects: the body's CouncilRules row, created or updated, with its audit entry. Sessions already
    opened keep the check they passed."""
    if not scope.acts_for(by, body, [Role.REVIEWER]):
        raise PermissionDenied("Chỉ Văn phòng (thường trực Hội đồng) của cơ quan mới cập nhật quy chế hoạt động "
                               "của Hội đồng.")
    rules = rules_of(body)
    rules.quorum, rules.source = quorum, source.strip()
    rules.full_clean(exclude=["body"])
    with set_actor(by):
        rules.save()
    return rules


def _quorum_errors(total, present, rules):
    """The quorum of the council's regulation (`rules`: CouncilRules): quá nửa (present × 2 > total: 5 of 10
    is not enough, 6 is) or từ 2/3 (present × 3 ≥ total × 2)."""
    if total is None or total <= 0:
        return {"members_total": "Tổng số thành viên Hội đồng phải lớn hơn 0."}
    if present is None or present <= 0:
        return {"members_present": "Số thành viên có mặt phải lớn hơn 0."}
    if present > total:
        return {"members_present": f"Số thành viên có mặt ({present}) không được lớn hơn tổng số thành viên "
                                   f"Hội đồng ({total})."}
    if not quorum_met(rules.quorum, total, present):
        where = f" ({rules.source})" if rules.source else ""
        return {"members_present": f"Không đủ số thành viên để họp: có mặt {present}/{total}, quy chế hoạt động của "
                                   f"Hội đồng{where} cần {rules.get_quorum_display().lower()} "
                                   f"(ít nhất {quorum_minimum(rules.quorum, total)})."}
    return {}


def open_session(session, *, by, attendance=None, presiding=None):
    """Open a council session (`session`: an unsaved CouncilSession with its header filled) as `by`.

    Refused (PermissionDenied) unless `by` is the office (REVIEWER) of `session.issuer` or its council's
    chair. Refused (ValidationError, by field) when the quorum is not met, when the campaign was not issued
    by the body, and while another session of the body is still open (its agenda would be the same nominees).
    Ballots mode (default): `attendance` {seat id: Attendance} for every seat of the body, `presiding` the
    seat that chairs (default: the Chủ tịch's); a member present must have an account to vote with. The
    session's totals, chair, secretary and absentees are taken from the roll call. Paper mode: the totals,
    chair and secretary typed on the session.
    Side effects (one transaction): the CouncilSession row, its SessionMember rows, audit entries.
    """
    _require_presiding(by, session, "mở")
    errors, members = {}, []
    if session.mode == SessionMode.BALLOTS:
        members, errors = _roll_call(session, attendance or {}, presiding)
    else:
        errors = _quorum_errors(session.members_total, session.members_present, rules_of(session.issuer))
    if session.campaign_id and session.campaign.issuer_id != session.issuer_id:
        errors["campaign"] = f"Phong trào này không do {session.issuer.name} phát động."
    if errors:
        raise ValidationError(errors)
    session.opened_by = by
    session.full_clean(exclude=["campaign"])
    with set_actor(by), transaction.atomic():
        from orgs.models import Organisation

        Organisation.objects.select_for_update().get(pk=session.issuer_id)  # one opening at a time per body
        other = CouncilSession.objects.filter(issuer_id=session.issuer_id, closed_at__isnull=True).first()
        if other is not None:
            raise ValidationError(f"{other} của {session.issuer.name} chưa kết thúc: kết thúc phiên họp đó trước "
                                  "khi mở phiên mới.")
        session.save()
        for member in members:
            member.session = session
        SessionMember.objects.bulk_create(members)
    return session


def _roll_call(session, attendance, presiding):
    """The session's members from the body's seats and the roll call, and the header it implies."""
    seats = list(seats_of(session.issuer))
    if not seats:
        return [], {"__all__": f"Chưa có danh sách thành viên Hội đồng của {session.issuer.name}: Văn phòng cập nhật "
                               "thành phần Hội đồng trước, hoặc chọn bỏ phiếu giấy."}
    members, errors = [], {}
    for seat in seats:
        state = attendance.get(seat.pk)
        if state not in Attendance.values:
            errors["__all__"] = f"Chưa điểm danh {seat.full_name}."
            continue
        if state == Attendance.PRESENT and seat.user_id is None:
            errors["__all__"] = (f"{seat.full_name} chưa có tài khoản bỏ phiếu: Văn phòng gán tài khoản trong thành "
                                 "phần Hội đồng, hoặc chọn bỏ phiếu giấy.")
        members.append(SessionMember(seat=seat, user_id=seat.user_id, full_name=seat.full_name,
                                     position=seat.position, title=seat.title, order=seat.order, attendance=state))
    if errors:
        return [], errors
    present = [m for m in members if m.is_present]
    errors = _quorum_errors(len(members), len(present), rules_of(session.issuer))
    if presiding is None:  # the Chủ tịch, or in their absence a Phó Chủ tịch present
        presiding = next((m.seat.pk for title in (SeatTitle.CHAIR, SeatTitle.VICE_CHAIR) for m in present
                          if m.title == title), None)
    chair = next((m for m in present if m.seat.pk == getattr(presiding, "pk", presiding)), None)
    if chair is None:
        errors["__all__"] = "Chọn người chủ trì trong số thành viên có mặt."
    if errors:
        return [], errors
    chair.presides = True
    secretary = next((m for m in present if m.title == SeatTitle.SECRETARY), None)
    session.members_total, session.members_present = len(members), len(present)
    session.chair = ", ".join(filter(None, [chair.full_name, chair.position]))
    session.chair_title = chair.get_title_display()
    session.secretary = (", ".join(filter(None, [secretary.full_name, secretary.position])) if secretary
                         else session.secretary)
    session.absentees = "\n".join(f"{m.full_name} – {m.get_attendance_display().lower()}"
                                  for m in members if not m.is_present)
    return members, {}


def _lock_open(session):
    session = CouncilSession.objects.select_for_update().select_related("issuer").get(pk=session.pk)
    if not session.is_open:
        closed = timezone.localtime(session.closed_at)
        raise ValidationError(f"Phiên họp đã kết thúc lúc {closed:%H:%M %d/%m/%Y}: không thể thay đổi.")
    return session


def _on_agenda(session, nomination_id, rows=None):
    """The agenda's nominee `nomination_id` (`rows`: the agenda already read, {id: nomination})."""
    nomination = rows.get(nomination_id) if rows is not None else next(iter(agenda(session, only=nomination_id)),
                                                                        None)
    if nomination is None:
        raise ValidationError("Người, tập thể này không có trong danh sách Hội đồng xét tại phiên họp "
                              "(hồ sơ chưa trình Hội đồng hoặc đã có kết quả).")
    if nomination.comment_block:
        raise ValidationError(f"{nomination.name}: {nomination.comment_block}")
    return nomination


def _check_public_comment(nominations):
    blocked = [f"{nominee_label(n)} – {n.comment_block}" for n in nominations if n.comment_block]
    if blocked:
        raise ValidationError("Chưa biểu quyết được: " + "; ".join(blocked))


def _ballot_box(session, nomination):
    """The nominee's CouncilBallot in this session (created empty at the first vote)."""
    ballot = nomination.session_ballot
    if ballot is None:  # bulk_create and update(): no audit entry, whose actor and diff would link voter and choice
        CouncilBallot.objects.bulk_create([CouncilBallot(
            session=session, nomination=nomination, ballot_type=nomination.dossier.offer.award_form.ballot_type)])
        ballot = nomination.session_ballot = CouncilBallot.objects.get(session=session, nomination=nomination)
    return ballot


COUNTER = {VoteChoice.FOR: "votes_for", VoteChoice.AGAINST: "votes_against", VoteChoice.ABSTAIN: "votes_abstain"}


# --- ballots mode: each member's own ballot -------------------------------------------------------
def member_of(members, user):
    """The user's SessionMember among the session's `members`, or None."""
    return next((m for m in members if m.user_id == user.pk), None)


def cast_votes(session, choices, *, by):
    """Member `by` casts their ballot on nominees of the agenda: `choices` {nomination id: VoteChoice}.

    Refused (PermissionDenied) unless `by` is a member present at the session. Refused (ValidationError)
    when the session is closed or counts on paper, a nominee is not on the agenda, a choice is unknown, or
    the member already cast a secret ballot on the nominee (a ballot in the box cannot be taken back). An
    open ballot (giơ tay) may be changed while the session is open.
    Side effects (one transaction, session locked): per nominee, the MemberVote row (its choice left empty
    for a secret ballot) and the ballot box's counter; no audit entry of the box (it would link the choice
    to the member). Returns the number of ballots cast.
    """
    if not choices:
        raise ValidationError("Chưa chọn ý kiến cho người, tập thể nào.")
    with transaction.atomic():
        session = _lock_open(session)
        if session.on_paper:
            raise ValidationError("Phiên họp bỏ phiếu giấy: thư ký nhập kết quả kiểm phiếu.")
        member = SessionMember.objects.filter(session=session, user=by, attendance=Attendance.PRESENT).first()
        if member is None:
            raise PermissionDenied("Chỉ thành viên Hội đồng có mặt tại phiên họp mới bỏ phiếu.")
        rows = {n.pk: n for n in agenda(session)}  # read once for every choice, as the member's earlier ballots
        earlier = {vote.nomination_id: vote for vote in member.votes.filter(written=False)}
        for nomination_id, choice in sorted(choices.items()):
            if choice not in COUNTER:
                raise ValidationError("Ý kiến không hợp lệ: chọn Đồng ý, Không đồng ý hoặc Không biểu quyết.")
            nomination = _on_agenda(session, nomination_id, rows)
            secret = nomination.dossier.offer.award_form.ballot_type == BallotType.SECRET
            box = CouncilBallot.objects.filter(pk=_ballot_box(session, nomination).pk)
            previous = earlier.get(nomination.pk)
            if previous is not None:
                if secret:
                    raise ValidationError(f"{nomination.name}: bạn đã bỏ phiếu kín, phiếu đã bỏ không sửa được.")
                box.update(**{COUNTER[previous.choice]: F(COUNTER[previous.choice]) - 1})
                previous.choice = choice
                previous.save(update_fields=["choice"])
            else:
                MemberVote.objects.create(member=member, nomination=nomination, choice="" if secret else choice)
            box.update(**{COUNTER[choice]: F(COUNTER[choice]) + 1})
    return len(choices)


def record_written_opinion(session, member, upload, choices, *, by):
    """The office records absent member `member`'s written opinion: the signed paper `upload` (PDF or
    image, checked by content) and their choice on nominees of the agenda ({nomination id: VoteChoice}).
    Recording again replaces the earlier opinion. Refused: not the office (PermissionDenied); the session
    closed or on paper, a member not marked absent with a written opinion, no paper, a nominee outside the
    agenda (ValidationError). A written "for" counts in the rate only for forms counted over all members.
    Side effects (one transaction): the member's paper, when and by whom; MemberVote rows (written); the
    ballot boxes' counters of written votes for; audit entries."""
    from .attachments import IMAGES_AND_PDF, read_upload

    _require(by, session, [Role.REVIEWER], "Chỉ Văn phòng (thường trực Hội đồng) mới ghi ý kiến bằng văn bản.")
    if upload is None:
        raise ValidationError("Đính kèm bản chụp ý kiến bằng văn bản đã ký.")
    name, data, kind = read_upload(upload, kinds=IMAGES_AND_PDF)
    with set_actor(by), transaction.atomic():
        session = _lock_open(session)
        member = SessionMember.objects.select_for_update().get(pk=member.pk, session=session)
        if session.on_paper or member.attendance != Attendance.WRITTEN:
            raise ValidationError(f"{member.full_name} không được điểm danh là vắng mặt có ý kiến bằng văn bản.")
        for vote in member.votes.filter(written=True).select_related("nomination"):
            if vote.choice == VoteChoice.FOR:
                CouncilBallot.objects.filter(session=session, nomination=vote.nomination).update(
                    written_votes_for=F("written_votes_for") - 1)
            vote.delete()
        rows = {n.pk: n for n in agenda(session)}
        for nomination_id, choice in sorted(choices.items()):
            if choice not in COUNTER:
                raise ValidationError("Ý kiến không hợp lệ: chọn Đồng ý, Không đồng ý hoặc Không biểu quyết.")
            nomination = _on_agenda(session, nomination_id, rows)
            box = _ballot_box(session, nomination)
            MemberVote.objects.create(member=member, nomination=nomination, choice=choice, written=True)
            if choice == VoteChoice.FOR:
                CouncilBallot.objects.filter(pk=box.pk).update(written_votes_for=F("written_votes_for") + 1)
        _store_paper(member.written_file, f"y-kien-{member.pk}", data, kind)
        member.written_name, member.written_at, member.written_by = name, timezone.now(), by
        member.save(update_fields=["written_file", "written_name", "written_at", "written_by"])
    return member


def _store_paper(field_file, stem, data, kind):
    """Store a signed paper's bytes in `field_file` under a generated name (nothing the user typed reaches the
    file system); the paper it replaces is deleted once the transaction commits."""
    if field_file:
        old, storage = field_file.name, field_file.storage
        transaction.on_commit(lambda: storage.delete(old))
    field_file.save(f"{stem}-{uuid.uuid4().hex[:8]}.{kind.extension}", ContentFile(data), save=False)


def waiting_voters(session, nominations, members):
    """{nomination id: [members present who have not voted on it]} for the open session's agenda (`members`:
    the session's SessionMember rows)."""
    present = [m for m in members if m.is_present]
    voted = set(MemberVote.objects.filter(member__session=session, written=False).values_list(
        "member_id", "nomination_id"))
    return {n.pk: [m for m in present if (m.pk, n.pk) not in voted] for n in nominations}


# --- paper mode: the counted result -----------------------------------------------------------------
def record_ballot(session, nomination, *, votes_for, votes_against, votes_abstain, written_votes_for=0,
                  ballot_type=None, by):
    """Paper mode: record (or correct, while the session is open) the counted result on one agenda nominee.

    Refused (PermissionDenied) unless `by` is the office (REVIEWER, the council's secretariat) of the
    session's body. Refused (ValidationError) when the session is closed or its members vote on the portal,
    the nominee is not on its agenda, a count is negative, the ballots cast in the room exceed the members
    present, the written votes exceed the absent members or are given for a form counted over the members
    present, or the form has no threshold. `ballot_type` defaults to the award form's.
    The rate follows the award form: "present" → for / present; "all" → (for + written for) / total;
    passed when the rate reaches the threshold.
    Side effects (one transaction): the CouncilBallot row (counts, percentage, passed); the nomination's
    outcome (council_passed / council_failed, outcomes.move) and its reason; audit entries.
    """
    _require(by, session, [Role.REVIEWER], NOT_SECRETARY)
    counts = {"votes_for": votes_for, "votes_against": votes_against, "votes_abstain": votes_abstain,
              "written_votes_for": written_votes_for or 0}
    with set_actor(by), transaction.atomic():
        session = _lock_open(session)
        if not session.on_paper:
            raise ValidationError("Thành viên Hội đồng bỏ phiếu trên cổng: kết quả được tính từ phiếu của từng người.")
        nomination = _on_agenda(session, nomination.pk)
        name, award_form = nomination.name, nomination.dossier.offer.award_form
        if any(value is None or value < 0 for value in counts.values()):
            raise ValidationError(f"{name}: số phiếu phải là số nguyên không âm.")
        cast_in_room = votes_for + votes_against + votes_abstain
        absent = session.members_total - session.members_present
        if cast_in_room > session.members_present:
            raise ValidationError(f"{name}: tổng số phiếu ({cast_in_room}) vượt quá số thành viên có mặt "
                                  f"({session.members_present}).")
        written, rule = counts["written_votes_for"], nomination.dossier.offer.vote_rule
        if written and rule.denominator != VoteDenominator.ALL:
            raise ValidationError(f"{name}: “{award_form}” tính tỷ lệ trên số thành viên có mặt, không tính "
                                  "phiếu bằng văn bản của thành viên vắng mặt.")
        if written > absent:
            raise ValidationError(f"{name}: số phiếu đồng ý bằng văn bản ({written}) vượt quá số thành viên "
                                  f"vắng mặt ({absent}).")
        _check_threshold(rule, award_form)
        ballot_type = ballot_type or award_form.ballot_type
        if ballot_type not in BallotType.values:
            raise ValidationError(f"{name}: hình thức biểu quyết không hợp lệ.")
        ballot = nomination.session_ballot or CouncilBallot(session=session, nomination=nomination)
        for field, value in counts.items():
            setattr(ballot, field, value)
        ballot.ballot_type = ballot_type
        _conclude(session, nomination, ballot, by=by)
    return ballot


def _check_threshold(rule, award_form):
    if rule.threshold is None:
        raise ValidationError(f"“{award_form}” chưa quy định tỷ lệ phiếu đồng ý tối thiểu: quản trị cần "
                              "bổ sung trong danh mục danh hiệu, hình thức khen thưởng.")


def _conclude(session, nomination, ballot, *, by):
    """Tally the ballot box against the form's rule, store the rate, and give the nominee its outcome."""
    rule = nomination.dossier.offer.vote_rule
    written = ballot.written_votes_for if rule.denominator == VoteDenominator.ALL else 0
    result = tally(session, rule, votes_for=ballot.votes_for, written_votes_for=written)
    ballot.percentage, ballot.passed = result.percentage, result.passed
    ballot.save()
    outcomes.move([nomination], Outcome.COUNCIL_PASSED if result.passed else Outcome.COUNCIL_FAILED,
                  act="council_vote", by=by, reason="" if result.passed else (
                      f"Đạt {percent_label(result.percentage)} < {percent_label(result.threshold)} (tỷ lệ "
                      f"phiếu đồng ý tối thiểu, {base_label(rule)} Hội đồng)."))


def record_ballots(session, rows, *, by):
    """Record several ballots at once (the ballots table): `rows` are dicts of record_ballot's
    keywords plus `nomination`. All or nothing: the refusals come back as one ValidationError keyed
    by nomination id. Side effects: those of record_ballot, in one transaction. Returns the count."""
    errors = {}
    with transaction.atomic():
        for row in rows:
            row = dict(row)
            nomination = row.pop("nomination")
            try:
                record_ballot(session, nomination, by=by, **row)
            except ValidationError as error:
                errors[str(nomination.pk)] = error.messages
        if errors:
            raise ValidationError(errors)
    return len(rows)


def attach_count_sheet(session, upload, *, by):
    """Paper mode: the office attaches the signed Biên bản kiểm phiếu (PDF or image, checked by content)."""
    from .attachments import IMAGES_AND_PDF, read_upload

    _require(by, session, [Role.REVIEWER], NOT_SECRETARY)
    if upload is None:
        raise ValidationError("Chọn tệp Biên bản kiểm phiếu đã ký.")
    name, data, kind = read_upload(upload, kinds=IMAGES_AND_PDF)
    with set_actor(by), transaction.atomic():
        session = _lock_open(session)
        if not session.on_paper:
            raise ValidationError("Chỉ phiên họp bỏ phiếu giấy mới đính kèm Biên bản kiểm phiếu.")
        _store_paper(session.count_file, f"kiem-phieu-{session.pk}", data, kind)
        session.count_file_name = name
        session.save(update_fields=["count_file", "count_file_name", "updated_at"])
    return session


# --- closing ---------------------------------------------------------------------------------------
def next_minutes_number(session):
    """The number the session's Biên bản would take in its body's series of the year: "03/BB-HĐTĐKT"."""
    year = timezone.localtime(session.held_at).year
    done = CouncilSession.objects.filter(issuer_id=session.issuer_id, closed_at__isnull=False,
                                         held_at__year=year).count()
    return f"{done + 1:02d}/BB-HĐTĐKT"


def _check_paper_count(session, nominations):
    missing = [nominee_label(n) for n in nominations if n.session_ballot is None]
    if missing:
        raise ValidationError("Chưa ghi kết quả biểu quyết cho: " + "; ".join(missing)
                              + ". Ghi đủ kết quả trước khi kết thúc phiên họp.")
    if nominations and not session.count_file:
        raise ValidationError("Đính kèm Biên bản kiểm phiếu đã ký trước khi kết thúc phiên họp.")


def _check_everyone_voted(session, nominations):
    waiting = waiting_voters(session, nominations, session.members.all())
    names = sorted({m.full_name for members in waiting.values() for m in members})
    if names:
        raise ValidationError(f"Còn {len(names)} thành viên chưa bỏ phiếu đủ: {', '.join(names)}. Phiên họp "
                              "chỉ kết thúc khi mọi thành viên có mặt đã bỏ phiếu.")


def close_session(session, *, by, conclusion="", minutes_number=""):
    """Close the session as its chair or the office, with an optional conclusion.

    Refused (PermissionDenied) for anyone else; refused (ValidationError) when the session is already
    closed; while a nominee needing public comment has no window or its window has not closed;
    in ballots mode while a member present has not voted on a nominee of the agenda (the message
    names them); on paper while a nominee has no counted result or the Biên bản kiểm phiếu is not attached.
    Side effects (one transaction): in ballots mode each nominee's tally from its ballot box and its outcome
    (council_passed / council_failed); the session's closed_at, closed_by (and conclusion); the frozen
    Biên bản; then, for each dossier of the agenda, workflow.record_consequence(dossier, "council_done") →
    awaiting_decision, with its StateChange row and, after commit, notifications; audit entries.
    """
    _require_presiding(by, session, "kết thúc")
    with set_actor(by), transaction.atomic():
        session = _lock_open(session)
        nominations = agenda(session)
        _check_public_comment(nominations)
        if session.on_paper:
            _check_paper_count(session, nominations)  # each result was concluded as it was entered
        else:
            _check_everyone_voted(session, nominations)
            for nomination in nominations:
                _check_threshold(nomination.dossier.offer.vote_rule, nomination.dossier.offer.award_form)
                _conclude(session, nomination, _ballot_box(session, nomination), by=by)
        session.closed_at, session.closed_by = timezone.now(), by
        fields = ["closed_at", "closed_by", "updated_at"]
        if minutes_number and minutes_number.strip():
            session.minutes_number = minutes_number.strip()
            fields.append("minutes_number")
        if conclusion and conclusion.strip():
            session.conclusion = conclusion.strip()
            fields.append("conclusion")
        session.save(update_fields=fields)
        freeze_council_minutes(session)
        dossiers = {}
        for nomination in nominations:
            dossiers.setdefault(nomination.dossier_id, (nomination.dossier, []))[1].append(nomination)
        held = timezone.localtime(session.held_at)
        for dossier, voted in dossiers.values():
            passed = sum(1 for n in voted if n.session_ballot.passed)
            note = (f"Phiên họp Hội đồng TĐKT ngày {held:%d/%m/%Y}: {passed} thông qua, "
                    f"{len(voted) - passed} không thông qua.")
            workflow.record_consequence(dossier, "council_done", by=by, note=note)
    return session
