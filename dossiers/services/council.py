"""Phiên họp Hội đồng Thi đua – Khen thưởng: the council votes on the nominees whose award form needs it.

The standing office (REVIEWER of the issuing body, acting as the council's secretariat) opens a
session and closes it; the office or a council member (COUNCIL) records the ballot on each nominee
of the agenda. A ballot is tallied against the award form's rule (threshold, members present or all
members, docs/domain.md, "Council votes") and sets the nominee's outcome. Closing the session moves
every dossier of its agenda to "chờ lãnh đạo quyết định" through `workflow.record_consequence()`
(the one writer of a dossier's state, which checks the session's results are there).

Every writing function runs in one transaction with the actor recorded in the audit log, and locks
the session row, so that a ballot and the closing of its session apply one after the other.
"""
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from awards.enums import BallotType, VoteDenominator
from campaigns.models import CampaignAward
from orgs import scope
from orgs.enums import ISSUER_STAFF, Role
from orgs.models import subtree_q

from ..enums import DossierState, Outcome
from ..models import CouncilBallot, CouncilSession, Nomination
from . import outcomes, workflow
from .printing import freeze_council_minutes

BALLOT_ROLES = [Role.REVIEWER, Role.COUNCIL]
NOT_OFFICE = ("Chỉ Văn phòng (thường trực Hội đồng Thi đua – Khen thưởng) của cơ quan mới mở, kết thúc "
              "phiên họp Hội đồng.")
NOT_SECRETARY = ("Chỉ Văn phòng (thường trực Hội đồng) hoặc thành viên Hội đồng Thi đua – Khen thưởng của "
                 "cơ quan mới ghi kết quả biểu quyết.")


# --- reading -----------------------------------------------------------------------------------
def sessions_for(user):
    """Sessions of the bodies the user works for as office, council member, leader or admin."""
    if user.is_superuser:
        return CouncilSession.objects.all()
    return CouncilSession.objects.filter(subtree_q(scope.scope_paths(user, ISSUER_STAFF), prefix="issuer__path"))


def session_list(user):
    """The user's sessions with their ballot counts, newest first, in a fixed number of queries."""
    return (sessions_for(user).select_related("issuer", "campaign")
            .annotate(ballot_count=Count("ballots")).order_by("-held_at", "-pk"))


def office_bodies(user):
    """Bodies whose council sessions the user may open (REVIEWER memberships)."""
    from orgs.models import Organisation

    if user.is_superuser:
        return Organisation.objects.filter(issued_campaigns__isnull=False).distinct().order_by("path")
    return Organisation.objects.filter(pk__in=scope.membership_org_ids(user, [Role.REVIEWER])).order_by("path")


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
    for nomination in nominations:
        nomination.session_ballot = nomination.session_ballots[0] if nomination.session_ballots else None
    return nominations


def percent_text(value):
    """80 → '80', 66.666… → '66,67' (decimal comma, no trailing zeros)."""
    value = Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"{value.normalize():f}".replace(".", ",")


def base_label(award_form):
    """'trên tổng số thành viên' / 'trên số thành viên có mặt'."""
    return VoteDenominator(award_form.vote_denominator).label.lower()


@dataclass
class Tally:
    """A ballot counted against the award form's rule."""

    numerator: int
    base: int
    percentage: Decimal
    threshold: Decimal
    passed: bool


def tally(session, award_form, *, votes_for, written_votes_for=0):
    """Rate of votes for, taken over the members present or over all members (then the written votes
    of absent members count too). Passing compares the exact rate with the threshold; the stored
    percentage is cut (not rounded) to two decimals, as MeetingVote.percentage: a rate just under the
    threshold never reads as the threshold (2 of 3 is 66,66%)."""
    if award_form.vote_denominator == VoteDenominator.ALL:
        numerator, base = votes_for + written_votes_for, session.members_total
    else:
        numerator, base = votes_for, session.members_present
    threshold = Decimal(award_form.vote_threshold)
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
    def threshold_label(self):
        threshold = self.award_form.vote_threshold
        return "" if threshold is None else percent_text(threshold) + "%"

    @property
    def base_label(self):
        return base_label(self.award_form)

    @property
    def percent_label(self):
        if self.ballot is None or self.ballot.percentage is None:
            return ""
        return percent_text(self.ballot.percentage) + "%"

    @property
    def verdict(self):
        if self.ballot is None:
            return "Chưa biểu quyết"
        return "Đạt" if self.ballot.passed else "Không đạt"

    @property
    def badge(self):
        if self.ballot is None:
            return "secondary"
        return "success" if self.ballot.passed else "danger"


def agenda_rows(session):
    return [AgendaRow(nomination, nomination.session_ballot) for nomination in agenda(session)]


def nominee_label(nomination):
    """'Nguyễn Thị Hương (Giấy khen – Phòng Tổ chức cán bộ)' for messages."""
    dossier = nomination.dossier
    return f"{nomination.name} ({dossier.offer.award_form} – {dossier.organisation.name})"


# --- writing -----------------------------------------------------------------------------------
def _require(by, session, roles, message):
    if not scope.covers(by, session.issuer, roles):
        raise PermissionDenied(message)


def open_session(session, *, by):
    """Open a council session (`session`: an unsaved CouncilSession with its header filled) as `by`.

    Refused (PermissionDenied) unless `by` is the office (REVIEWER) of `session.issuer`. Refused
    (ValidationError, by field) when the total of members is 0, when members present is 0 or more
    than the total, when the quorum is not met, when the campaign was not issued by the body, and
    while another session of the body is still open (its agenda would be the same nominees).
    Quorum: more than half of all members present ("quá nửa": present × 2 > total), the usual rule
    for a collegial body to deliberate; 5 of 10 is not enough, 6 of 10 is.
    Side effects (one transaction): the CouncilSession row, its audit entry.
    """
    _require(by, session, [Role.REVIEWER], NOT_OFFICE)
    errors = {}
    total, present = session.members_total, session.members_present
    if total is None or total <= 0:
        errors["members_total"] = "Tổng số thành viên Hội đồng phải lớn hơn 0."
    if present is None or present <= 0:
        errors["members_present"] = "Số thành viên có mặt phải lớn hơn 0."
    elif total and present > total:
        errors["members_present"] = (f"Số thành viên có mặt ({present}) không được lớn hơn tổng số thành viên "
                                     f"Hội đồng ({total}).")
    elif total and present * 2 <= total:
        errors["members_present"] = (f"Không đủ số thành viên để họp: có mặt {present}/{total}, cần quá nửa tổng "
                                     f"số thành viên (ít nhất {total // 2 + 1}).")
    if session.campaign_id and session.campaign.issuer_id != session.issuer_id:
        errors["campaign"] = f"Phong trào này không do {session.issuer.name} phát động."
    if errors:
        raise ValidationError(errors)
    session.full_clean(exclude=["campaign"])
    with set_actor(by), transaction.atomic():
        from orgs.models import Organisation

        Organisation.objects.select_for_update().get(pk=session.issuer_id)  # one opening at a time per body
        other = CouncilSession.objects.filter(issuer_id=session.issuer_id, closed_at__isnull=True).first()
        if other is not None:
            raise ValidationError(f"{other} của {session.issuer.name} chưa kết thúc: kết thúc phiên họp đó trước "
                                  "khi mở phiên mới.")
        session.save()
    return session


def _lock_open(session):
    session = CouncilSession.objects.select_for_update().select_related("issuer").get(pk=session.pk)
    if not session.is_open:
        closed = timezone.localtime(session.closed_at)
        raise ValidationError(f"Phiên họp đã kết thúc lúc {closed:%H:%M %d/%m/%Y}: không thể thay đổi.")
    return session


def record_ballot(session, nomination, *, votes_for, votes_against, votes_abstain, written_votes_for=0,
                  ballot_type=None, by):
    """Record (or correct, while the session is open) the council's vote on one agenda nominee.

    Refused (PermissionDenied) unless `by` is the office (REVIEWER) or a council member (COUNCIL) of
    the session's body. Refused (ValidationError) when the session is closed, the nominee is not on
    its agenda, a count is negative, the ballots cast in the room exceed the members present, the
    written votes exceed the absent members or are given for a form counted over the members present,
    or the form has no threshold. `ballot_type` defaults to the award form's.
    The rate follows the award form: "present" → for / present; "all" → (for + written for) / total;
    passed when the rate reaches the threshold.
    Side effects (one transaction): the CouncilBallot row (counts, percentage, passed); the nomination's
    outcome (council_passed / council_failed) and outcome_reason ("Đạt x% < y% …" when failed, empty
    when passed); audit entries.
    """
    _require(by, session, BALLOT_ROLES, NOT_SECRETARY)
    counts = {"votes_for": votes_for, "votes_against": votes_against, "votes_abstain": votes_abstain,
              "written_votes_for": written_votes_for or 0}
    with set_actor(by), transaction.atomic():
        session = _lock_open(session)
        nomination = next(iter(agenda(session, only=nomination.pk)), None)
        if nomination is None:
            raise ValidationError("Người, tập thể này không có trong danh sách Hội đồng xét tại phiên họp "
                                  "(hồ sơ chưa trình Hội đồng hoặc đã có kết quả).")
        name, award_form = nomination.name, nomination.dossier.offer.award_form
        if any(value is None or value < 0 for value in counts.values()):
            raise ValidationError(f"{name}: số phiếu phải là số nguyên không âm.")
        cast_in_room = votes_for + votes_against + votes_abstain
        absent = session.members_total - session.members_present
        if cast_in_room > session.members_present:
            raise ValidationError(f"{name}: tổng số phiếu ({cast_in_room}) vượt quá số thành viên có mặt "
                                  f"({session.members_present}).")
        written = counts["written_votes_for"]
        if written and award_form.vote_denominator != VoteDenominator.ALL:
            raise ValidationError(f"{name}: “{award_form}” tính tỷ lệ trên số thành viên có mặt, không tính "
                                  "phiếu bằng văn bản của thành viên vắng mặt.")
        if written > absent:
            raise ValidationError(f"{name}: số phiếu đồng ý bằng văn bản ({written}) vượt quá số thành viên "
                                  f"vắng mặt ({absent}).")
        if award_form.vote_threshold is None:
            raise ValidationError(f"“{award_form}” chưa quy định tỷ lệ phiếu đồng ý tối thiểu: quản trị cần "
                                  "bổ sung trong danh mục danh hiệu, hình thức khen thưởng.")
        ballot_type = ballot_type or award_form.ballot_type
        if ballot_type not in BallotType.values:
            raise ValidationError(f"{name}: hình thức biểu quyết không hợp lệ.")
        result = tally(session, award_form, votes_for=votes_for, written_votes_for=written)
        ballot = nomination.session_ballot or CouncilBallot(session=session, nomination=nomination)
        for field, value in counts.items():
            setattr(ballot, field, value)
        ballot.ballot_type, ballot.percentage, ballot.passed = ballot_type, result.percentage, result.passed
        ballot.save()
        outcomes.move([nomination], Outcome.COUNCIL_PASSED if result.passed else Outcome.COUNCIL_FAILED,
                      act="council_vote", by=by, reason="" if result.passed else (
                          f"Đạt {percent_text(result.percentage)}% < {percent_text(result.threshold)}% (tỷ lệ "
                          f"phiếu đồng ý tối thiểu, {base_label(award_form)} Hội đồng)."))
    return ballot


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


def close_session(session, *, by, conclusion=""):
    """Close the session as the office (REVIEWER of its body), with an optional conclusion.

    Refused (PermissionDenied) for anyone else; refused (ValidationError) when the session is already
    closed or while a nominee of its agenda has no ballot (the message names them).
    Side effects (one transaction): the session's closed_at (and conclusion); then, for each dossier
    of the agenda (all its council-needing nominees now have a result), workflow.record_consequence(dossier,
    "council_done") → awaiting_decision, with its StateChange row and, after commit, notifications;
    audit entries.
    """
    _require(by, session, [Role.REVIEWER], NOT_OFFICE)
    with set_actor(by), transaction.atomic():
        session = _lock_open(session)
        nominations = agenda(session)
        missing = [nominee_label(n) for n in nominations if n.session_ballot is None]
        if missing:
            raise ValidationError("Chưa ghi kết quả biểu quyết cho: " + "; ".join(missing)
                                  + ". Ghi đủ kết quả trước khi kết thúc phiên họp.")
        session.closed_at = timezone.now()
        fields = ["closed_at", "updated_at"]
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
