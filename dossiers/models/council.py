"""The council's composition and its members' ballots (docs/domain.md, Council votes).

- CouncilRules: what the council's own regulation (quy chế hoạt động) says about its sittings: the quorum.
- CouncilSeat: a seat of a body's Hội đồng Thi đua – Khen thưởng as its founding decision lists it (name,
  position, title in the council, the account the member votes with).
- SessionMember: one seat at one session, as the roll call found it (present, absent with a written
  opinion, absent), names and titles copied so that the session's record does not change with the roster.
- MemberVote: that a member voted on a nominee, and what, except by secret ballot, where the choice is
  never stored: the ballot box (CouncilBallot's counters) holds it, unlinked from the member.
"""
from django.conf import settings
from django.db import models
from django.db.models import Q

from core.models import TimeStampedModel
from orgs.models import Organisation


class SeatTitle(models.TextChoices):
    CHAIR = "chair", "Chủ tịch Hội đồng"
    VICE_CHAIR = "vice_chair", "Phó Chủ tịch Hội đồng"
    STANDING = "standing", "Ủy viên thường trực"
    MEMBER = "member", "Ủy viên"
    SECRETARY = "secretary", "Ủy viên, Thư ký Hội đồng"


class Attendance(models.TextChoices):
    PRESENT = "present", "Có mặt"
    WRITTEN = "written", "Vắng mặt, có ý kiến bằng văn bản"
    ABSENT = "absent", "Vắng mặt"


class VoteChoice(models.TextChoices):
    FOR = "for", "Đồng ý"
    AGAINST = "against", "Không đồng ý"
    ABSTAIN = "abstain", "Không biểu quyết"


class SessionMode(models.TextChoices):
    BALLOTS = "ballots", "Thành viên bỏ phiếu trên cổng"
    PAPER = "paper", "Bỏ phiếu giấy: thư ký nhập kết quả kiểm phiếu"


class Quorum(models.TextChoices):
    """How many of all members must be present for the council to sit: set by each council's regulation
    (quy chế hoạt động), not by the decree, so it is the body's data."""

    MAJORITY = "majority", "Quá nửa tổng số thành viên"
    TWO_THIRDS = "two_thirds", "Từ hai phần ba (2/3) tổng số thành viên trở lên"


def quorum_met(quorum, total, present):
    """Whether `present` of `total` members meet `quorum` (integers only: 6 of 10 is quá nửa, 5 is not;
    2/3 of 9 is 6)."""
    if quorum == Quorum.TWO_THIRDS:
        return present * 3 >= total * 2
    return present * 2 > total


def quorum_minimum(quorum, total):
    """The fewest members present that meet `quorum` for a council of `total`."""
    return next(n for n in range(total + 1) if quorum_met(quorum, total, n))


class CouncilRules(TimeStampedModel):
    """Quy chế hoạt động của Hội đồng TĐKT of a body, as far as the portal applies it: the quorum and the
    regulation it comes from. A body without a row sits with the default, quá nửa."""

    body = models.OneToOneField(Organisation, verbose_name="cơ quan", on_delete=models.CASCADE,
                                related_name="council_rules")
    quorum = models.CharField("điều kiện họp", max_length=12, choices=Quorum.choices, default=Quorum.MAJORITY)
    source = models.CharField("căn cứ", max_length=300, blank=True,
                              help_text="Quy chế hoạt động của Hội đồng: số, ngày quyết định ban hành, điều, khoản.")

    class Meta:
        verbose_name = "quy chế hoạt động của Hội đồng TĐKT"
        verbose_name_plural = "quy chế hoạt động của Hội đồng TĐKT"

    def __str__(self):
        return f"{self.body}: {self.get_quorum_display().lower()}"


class CouncilSeat(TimeStampedModel):
    """Thành viên Hội đồng TĐKT of a body (its founding decision's list)."""

    body = models.ForeignKey(Organisation, verbose_name="cơ quan", on_delete=models.CASCADE,
                             related_name="council_seats")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="tài khoản bỏ phiếu", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="council_seats")
    full_name = models.CharField("họ và tên", max_length=120)
    position = models.CharField("chức vụ", max_length=200, blank=True, help_text="Ví dụ: Giám đốc Sở Nội vụ.")
    title = models.CharField("chức danh trong Hội đồng", max_length=12, choices=SeatTitle.choices,
                             default=SeatTitle.MEMBER)
    order = models.PositiveIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "thành viên Hội đồng TĐKT"
        verbose_name_plural = "thành viên Hội đồng TĐKT"
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["body", "user"], condition=Q(user__isnull=False), name="one_seat_per_user"),
            models.UniqueConstraint(fields=["body"], condition=Q(title="chair"), name="one_chair_per_council"),
        ]

    def __str__(self):
        return f"{self.full_name} – {self.get_title_display()}"


def written_opinion_path(instance, filename):
    return f"hoi-dong/{instance.session_id}/{filename}"


class SessionMember(models.Model):
    """A seat at a session, as the roll call found it."""

    session = models.ForeignKey("dossiers.CouncilSession", on_delete=models.CASCADE, related_name="members")
    seat = models.ForeignKey(CouncilSeat, null=True, on_delete=models.SET_NULL, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    full_name = models.CharField("họ và tên", max_length=120)
    position = models.CharField("chức vụ", max_length=200, blank=True)
    title = models.CharField("chức danh trong Hội đồng", max_length=12, choices=SeatTitle.choices)
    order = models.PositiveIntegerField(default=0)
    attendance = models.CharField("điểm danh", max_length=8, choices=Attendance.choices)
    presides = models.BooleanField("chủ trì", default=False)
    # an absent member's written opinion: the signed paper, when and by whom it was recorded
    written_file = models.FileField(upload_to=written_opinion_path, max_length=300, blank=True)
    written_name = models.CharField(max_length=255, blank=True)
    written_at = models.DateTimeField(null=True, blank=True)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        verbose_name = "thành viên dự phiên họp"
        verbose_name_plural = "thành viên dự phiên họp"
        ordering = ["order", "pk"]

    def __str__(self):
        return self.full_name

    @property
    def is_present(self):
        return self.attendance == Attendance.PRESENT


class MemberVote(models.Model):
    """That `member` voted on `nomination` (in the room, or in writing when absent); `choice` is empty
    for a secret ballot cast in the room."""

    member = models.ForeignKey(SessionMember, on_delete=models.CASCADE, related_name="votes")
    nomination = models.ForeignKey("dossiers.Nomination", on_delete=models.CASCADE, related_name="member_votes")
    choice = models.CharField(max_length=8, choices=VoteChoice.choices, blank=True)
    written = models.BooleanField(default=False)

    class Meta:
        verbose_name = "phiếu của thành viên"
        verbose_name_plural = "phiếu của thành viên"
        constraints = [models.UniqueConstraint(fields=["member", "nomination"], name="one_vote_per_member")]
