"""Biên bản họp bình xét: the unit's nomination meeting and its vote on each nominee.

Only a clerk whose scope covers the meeting's unit writes it. The header (members present, total,
ballot) is frozen once a dossier that prints the Biên bản has been sent; the votes of a nominee can
change while that nominee's dossier is a draft or returned. Every action runs in one transaction
with the actor recorded in the audit log, and locks the meeting row so that two saves arriving
together apply one after the other.
"""
from dataclasses import dataclass
from decimal import Decimal

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from awards.enums import BallotType, VoteDenominator
from campaigns.enums import CampaignStatus
from campaigns.models import Campaign, CampaignAward, participation_q
from orgs import scope
from orgs.enums import Role
from orgs.models import Organisation

from ..enums import EDITABLE_STATES
from ..models import Dossier, MeetingVote, Nomination, NominationMeeting
from ..models.meeting_queries import is_frozen, meetings_of_clerk
from . import checks
from .eligibility import percent_label

NOT_CLERK = "Bạn không phải cán bộ làm công tác thi đua, khen thưởng của đơn vị này."


# --- reading -----------------------------------------------------------------------------------
def official_date(value):
    """'ngày 05 tháng 8 năm 2025' (Nghị định 30/2020: day < 10 and months 1–2 get a leading 0)."""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def clerk_units(user):
    """Units the user is a clerk of (the unit choices of a new meeting)."""
    return Organisation.objects.filter(pk__in=scope.membership_org_ids(user, [Role.CLERK])).order_by("path")


def clerk_campaigns(user):
    """Launched campaigns one of the user's clerk units takes part in."""
    query = Q(pk__in=[])
    for unit in clerk_units(user):
        query |= participation_q(unit)
    ids = Campaign.objects.filter(query).values("pk")
    return Campaign.objects.filter(status=CampaignStatus.LAUNCHED, pk__in=ids).order_by("-period_start", "-pk")


def meeting_list(user):
    """The clerk's meetings with their counts, in a fixed number of queries."""
    return (meetings_of_clerk(user).select_related("campaign", "organisation")
            .annotate(vote_count=Count("votes", distinct=True), dossier_count=Count("dossiers", distinct=True))
            .order_by("-held_at", "-pk"))


def vote_limit(meeting, offer):
    """(most ballots a nominee may receive, what that number is) for one award form.

    A show of hands counts the members in the room. With a secret ballot, members who are away may
    vote in writing, and their ballots count when the form's rate is taken over all members.
    """
    if meeting.ballot_type == BallotType.SECRET and offer.vote_rule.denominator == VoteDenominator.ALL:
        return meeting.members_total, "tổng số thành viên"
    return meeting.members_present, "số thành viên có mặt"


@dataclass
class VoteResult:
    """One nominee's result: the rate of votes for, and whether it reaches the form's threshold."""

    nomination: Nomination
    vote: MeetingVote
    award_form: object
    rule: object
    percent: float
    threshold: Decimal | None

    @property
    def passed(self):
        return None if self.threshold is None else self.percent >= self.threshold

    @property
    def base_label(self):
        return ("tổng số thành viên" if self.rule.denominator == VoteDenominator.ALL
                else "số thành viên có mặt")

    @property
    def percent_label(self):
        return percent_label(self.percent)  # as the Biên bản and the eligibility rule print it

    @property
    def threshold_label(self):
        return "" if self.threshold is None else percent_label(self.threshold)

    @property
    def badge(self):
        return {True: "success", False: "danger", None: "secondary"}[self.passed]

    @property
    def verdict(self):
        if self.passed is None:
            return "Không quy định tỷ lệ"
        return "Đạt" if self.passed else "Không đạt"


def _with_vote_rules(nominations):
    """The nominations, each offer's vote rule read with the others' (CampaignAward.attach_vote_rules): their
    offers come with their campaigns (select_related "dossier__offer__campaign")."""
    nominations = list(nominations)
    CampaignAward.attach_vote_rules(n.dossier.offer for n in nominations)
    return nominations


def result_of(vote, nomination=None):
    nomination = nomination or vote.nomination
    offer = nomination.dossier.offer
    rule = offer.vote_rule
    return VoteResult(nomination=nomination, vote=vote, award_form=offer.award_form, rule=rule,
                      percent=vote.percentage(rule.denominator), threshold=rule.threshold)


def results(meeting, user):
    """The meeting's votes with rate and verdict. The unit's clerk sees every nominee; the issuing
    body's staff only those of dossiers sent to them (nobody sees another unit's drafts)."""
    votes = (MeetingVote.objects.filter(meeting=meeting)
             .select_related("meeting", "nomination__person", "nomination__organisation",
                             "nomination__dossier__offer__award_form", "nomination__dossier__offer__campaign",
                             "nomination__dossier__organisation")
             .order_by("nomination__dossier__offer__order", "nomination__dossier_id", "nomination__order",
                       "nomination_id"))
    if not scope.covers(user, meeting.organisation, [Role.CLERK]):
        votes = votes.filter(nomination__dossier__in=Dossier.objects.for_user(user))
    votes = list(votes)
    _with_vote_rules(vote.nomination for vote in votes)
    return [result_of(vote) for vote in votes]


def linked_dossiers(meeting, user):
    dossiers = meeting.dossiers.select_related("offer__award_form", "organisation").order_by("offer__order", "pk")
    if not scope.covers(user, meeting.organisation, [Role.CLERK]):
        dossiers = dossiers.filter(pk__in=Dossier.objects.for_user(user).values("pk"))
    return list(dossiers)


@dataclass
class VoteRow:
    """A line of the votes table: a nominee, its vote in this meeting (if any), whether it can change."""

    nomination: Nomination
    vote: MeetingVote | None
    editable: bool

    @property
    def result(self):
        return result_of(self.vote, self.nomination) if self.vote else None


def vote_rows(meeting):
    """The nominees of the meeting's unit (and sub-units) in the meeting's campaign: those of dossiers
    still being prepared, which are not tied to another meeting, can be voted on; those already voted
    in this meeting whose dossier has since been sent are listed read-only."""
    candidates = (Nomination.objects
                  .filter(dossier__campaign_id=meeting.campaign_id,
                          dossier__organisation__path__startswith=meeting.organisation.path)
                  .filter(Q(dossier__state__in=EDITABLE_STATES,
                            dossier__meeting__isnull=True) | Q(dossier__state__in=EDITABLE_STATES,
                                                               dossier__meeting=meeting)
                          | Q(meeting_vote__meeting=meeting))
                  .select_related("person", "organisation", "dossier__offer__award_form", "dossier__offer__campaign",
                                  "dossier__organisation", "meeting_vote")
                  .order_by("dossier__offer__order", "dossier_id", "order", "pk"))
    rows = []
    for nomination in _with_vote_rules(candidates):
        vote = getattr(nomination, "meeting_vote", None)
        if vote is not None and vote.meeting_id != meeting.pk:
            continue  # voted in another meeting of the unit
        if vote is not None:
            vote.meeting = meeting
        rows.append(VoteRow(nomination, vote, nomination.dossier.is_editable))
    return rows


# --- writing -----------------------------------------------------------------------------------
def _require_clerk(by, organisation):
    if not scope.covers(by, organisation, [Role.CLERK]):
        raise PermissionDenied(NOT_CLERK)


def _meeting_errors(meeting, campaign):
    """{field: message} of a meeting's header, checked against its campaign and recorded votes."""
    errors = {}
    present, total = meeting.members_present, meeting.members_total
    if present is not None and present <= 0:
        errors["members_present"] = "Số thành viên có mặt phải lớn hơn 0."
    elif present is not None and total is not None and present > total:
        errors["members_present"] = (f"Số thành viên có mặt ({present}) không được lớn hơn tổng số thành viên "
                                     f"({total}).")
    elif present is not None and total is not None:
        listed = len([line for line in (meeting.absentees or "").splitlines() if line.strip()])
        if listed > total - present:
            errors["absentees"] = (f"Ghi {listed} người vắng mặt nhưng số vắng mặt theo thành phần là "
                                   f"{total - present}: mỗi dòng một người vắng mặt, sửa cho khớp.")
    held_at = timezone.localtime(meeting.held_at) if meeting.held_at else None
    if held_at and held_at.date() < campaign.period_start:
        errors["held_at"] = (f"Cuộc họp bình xét phải diễn ra từ ngày bắt đầu phong trào "
                             f"({campaign.period_start:%d/%m/%Y}) trở đi.")
    if held_at and meeting.closed_at and meeting.closed_at <= held_at.time():
        errors["closed_at"] = (f"Giờ kết thúc ({meeting.closed_at:%H:%M}) phải sau giờ bắt đầu họp "
                               f"({held_at:%H:%M}).")
    if meeting.pk and not errors:
        over = []
        votes = list(meeting.votes.select_related("nomination__person", "nomination__organisation",
                                                  "nomination__dossier__offer__award_form",
                                                  "nomination__dossier__offer__campaign"))
        _with_vote_rules(vote.nomination for vote in votes)
        for vote in votes:
            limit, label = vote_limit(meeting, vote.nomination.dossier.offer)
            if vote.votes_for + vote.votes_against + vote.votes_abstain > limit:
                over.append(vote.nomination.name)
        if over:
            errors["members_present"] = ("Đã ghi kết quả biểu quyết có tổng số phiếu lớn hơn số thành viên này: "
                                         + ", ".join(over) + ". Sửa kết quả biểu quyết trước.")
    return errors


def save_meeting(meeting, *, by):
    """Create or update a Biên bản họp bình xét (`meeting`, unsaved changes included) as clerk `by`.

    Refused (PermissionDenied) unless `by` is a clerk covering the meeting's unit; refused
    (ValidationError, by field) when the campaign is not launched or the unit does not take part in
    it, when members present is 0 or more than the total, when the meeting is held before the
    campaign starts or closes before it opens, when recorded votes would exceed the new numbers, and
    when a dossier that prints this Biên bản has already been sent. The campaign and unit of a
    meeting with votes cannot change.
    Side effects (one transaction): the NominationMeeting row, its audit entry, the eligibility verdicts
    of the open dossiers whose nominees it voted on.
    """
    _require_clerk(by, meeting.organisation)
    with set_actor(by), transaction.atomic():
        campaign = Campaign.objects.get(pk=meeting.campaign_id)
        if campaign.status != CampaignStatus.LAUNCHED:
            raise ValidationError({"campaign": f"Phong trào đang ở trạng thái “{campaign.get_status_display().lower()}"
                                               "”: không thể ghi biên bản họp bình xét."})
        if not campaign.is_participant(meeting.organisation):
            raise ValidationError({"campaign": f"{meeting.organisation.name} không tham gia phong trào này."})
        if meeting.pk:
            stored = NominationMeeting.objects.select_for_update().get(pk=meeting.pk)
            if (stored.campaign_id, stored.organisation_id) != (meeting.campaign_id, meeting.organisation_id):
                _require_clerk(by, stored.organisation)
                if stored.votes.exists() or stored.dossiers.exists():
                    raise ValidationError("Biên bản đã có kết quả biểu quyết hoặc đã gắn với hồ sơ: không thể "
                                          "đổi phong trào, đơn vị.")
            if is_frozen(stored):
                raise ValidationError("Biên bản đã được nộp kèm hồ sơ đề nghị khen thưởng: không thể sửa. "
                                      "Chỉ sửa được khi hồ sơ bị trả lại.")
        errors = _meeting_errors(meeting, campaign)
        if errors:
            raise ValidationError(errors)
        meeting.save()
        if meeting.pk:  # the members present or in all: the rates of the votes recorded in it
            checks.store_dossiers(meeting.votes.values("nomination__dossier_id"))
    return meeting


def record_votes(meeting, rows, *, by):
    """Record the meeting's vote on nominees: `rows` are (nomination, for, against, abstain); a row
    whose `for` is None removes that nominee's vote from this meeting.

    Each nominee must belong to a dossier of the meeting's campaign and unit (sub-units included)
    that is a draft or returned, not tied to another meeting, and not voted in another meeting; the
    ballots of one nominee may not exceed the members present (show of hands, or a rate taken over
    those present) or all members (secret ballot with the rate taken over all members). Every row is
    checked before anything is written: ValidationError keyed by nomination id.
    Side effects (one transaction): created, changed and deleted MeetingVote rows; each affected
    dossier without a meeting gets this one (Dossier.meeting); the eligibility verdicts of the dossiers
    concerned; audit entries. Returns the number of
    nominees whose vote was written or removed.
    """
    _require_clerk(by, meeting.organisation)
    rows = list(rows)
    with set_actor(by), transaction.atomic():
        meeting = (NominationMeeting.objects.select_for_update().select_related("organisation", "campaign")
                   .get(pk=meeting.pk))
        ids = [nomination.pk for nomination, *_ in rows]
        nominations = {n.pk: n for n in _with_vote_rules(Nomination.objects.filter(pk__in=ids).select_related(
            "person", "organisation", "dossier__offer__award_form", "dossier__offer__campaign", "dossier__organisation",
            "meeting_vote"))}
        dossiers = {d.pk: d for d in Dossier.objects.select_for_update().filter(
            pk__in={n.dossier_id for n in nominations.values()}).select_related("organisation")}
        errors, writes = {}, []
        for given, votes_for, against, abstain in rows:
            nomination = nominations.get(given.pk)
            message = None
            if nomination is None:
                errors[str(given.pk)] = "Người, tập thể được đề nghị không còn trong hồ sơ."
                continue
            dossier = dossiers[nomination.dossier_id]
            vote = getattr(nomination, "meeting_vote", None)
            name = nomination.name
            if (dossier.campaign_id != meeting.campaign_id
                    or not dossier.organisation.path.startswith(meeting.organisation.path)):
                message = f"{name} không thuộc hồ sơ của {meeting.organisation.name} trong phong trào này."
            elif dossier.state not in EDITABLE_STATES:
                message = (f"Hồ sơ đề nghị {nomination.dossier.offer.award_form} đang ở trạng thái "
                           f"“{dossier.get_state_display().lower()}”: không thể sửa kết quả biểu quyết của {name}.")
            elif dossier.meeting_id not in (None, meeting.pk):
                message = f"Hồ sơ đề nghị {nomination.dossier.offer.award_form} đã gắn với biên bản họp khác."
            elif vote is not None and vote.meeting_id != meeting.pk:
                message = f"{name} đã có kết quả biểu quyết trong biên bản họp khác."
            elif votes_for is None:
                if against or abstain:
                    message = f"{name}: nhập số phiếu đồng ý (có thể là 0)."
                elif vote is not None:
                    writes.append((nomination, dossier, None))
            elif min(votes_for, against or 0, abstain or 0) < 0:
                message = f"{name}: số phiếu không được âm."
            else:
                against, abstain = against or 0, abstain or 0
                limit, label = vote_limit(meeting, nomination.dossier.offer)
                cast = votes_for + against + abstain
                if cast > limit:
                    message = (f"{name}: tổng số phiếu ({cast}) vượt quá {label} ({limit}).")
                elif vote is None or (vote.votes_for, vote.votes_against, vote.votes_abstain) != (
                        votes_for, against, abstain):
                    writes.append((nomination, dossier, (votes_for, against, abstain)))
            if message:
                errors[str(nomination.pk)] = message
        if errors:
            raise ValidationError(errors)
        for nomination, dossier, counts in writes:
            vote = getattr(nomination, "meeting_vote", None)
            if counts is None:
                vote.delete()
                continue
            if vote is None:
                vote = MeetingVote(meeting=meeting, nomination=nomination)
            vote.votes_for, vote.votes_against, vote.votes_abstain = counts
            vote.save()
            if dossier.meeting_id is None:
                dossier.meeting = meeting
                dossier.save(update_fields=["meeting", "updated_at"])
        checks.store_dossiers({dossier.pk for _nomination, dossier, _counts in writes})
    return len(writes)


# --- the two ways in (docs/workflow.md, "Biên bản và hồ sơ") ---------------------------------------------
# From the Biên bản: a nominee is added with its votes, into the unit's dossier for the award form (opened when
# there is none). From the dossier: its nominees' votes go into the Biên bản it rests on (chosen when it has
# none). Both go through record_votes, the one writer of the votes and of the dossier's link to its Biên bản.
def add_nominee(meeting, *, offer, subject_type, votes, by, person=None, organisation=None):
    """From the Biên bản: propose `person` (or the collective `organisation`) of the meeting's unit for the award
    form `offer` with the meeting's `votes` (for, against, abstain). The unit's dossier for that form is used,
    or opened (building.start_dossier), and tied to this meeting. Refused, with nothing written, when the dossier
    was sent or rests on another Biên bản, when the nominee cannot be proposed (building.add_nominee) or the
    votes cannot be recorded (record_votes): ValidationError with the reasons.
    Side effects (one transaction): those of start_dossier, add_nominee and record_votes. Returns the nomination.
    """
    _require_clerk(by, meeting.organisation)
    from . import building

    with transaction.atomic():
        dossier = building.start_dossier(meeting.campaign, meeting.organisation, offer, by=by)
        nomination = building.add_nominee(dossier, subject_type=subject_type, person=person,
                                          organisation=organisation, by=by)  # refuses a dossier already sent
        if dossier.meeting_id not in (None, meeting.pk):
            raise ValidationError(f"Hồ sơ đề nghị {offer.award_form} của {meeting.organisation.name} đã gắn với "
                                  "biên bản họp khác: ghi kết quả biểu quyết ở biên bản đó.")
        try:
            record_votes(meeting, [(nomination, *votes)], by=by)
        except ValidationError as error:  # keyed by the nominee's id, which the caller does not know yet
            raise ValidationError(error.messages) from None
    return nomination


def dossier_meetings(dossier, user):
    """The Biên bản the dossier's votes may go into: the campaign's meetings of its unit or a unit above it that
    `user` records as clerk, newest first."""
    candidates = (meetings_of_clerk(user).filter(campaign_id=dossier.campaign_id).select_related("organisation")
                  .order_by("-held_at", "-pk"))
    return [m for m in candidates if dossier.organisation.path.startswith(m.organisation.path)]


def dossier_vote_rows(dossier, meeting):
    """From the dossier: its nominees, each with its vote in `meeting` (None: no Biên bản chosen yet); a nominee
    voted in another Biên bản, or a dossier no longer editable, is read-only."""
    nominations = _with_vote_rules(
        dossier.nominations.select_related("person", "organisation", "dossier__offer__award_form",
                                           "dossier__offer__campaign", "dossier__organisation", "meeting_vote")
        .order_by("order", "pk"))
    rows = []
    for nomination in nominations:
        vote = getattr(nomination, "meeting_vote", None)
        elsewhere = vote is not None and (meeting is None or vote.meeting_id != meeting.pk)
        if vote is not None and not elsewhere:
            vote.meeting = meeting
        rows.append(VoteRow(nomination, None if elsewhere else vote, dossier.is_editable and not elsewhere))
    return rows
