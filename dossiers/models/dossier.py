"""Dossiers (hồ sơ đề nghị khen thưởng), their nominees, reports, attachments and state log."""
from decimal import ROUND_DOWN, Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from awards.enums import ReportLayout, SubjectType
from awards.models import default_layout
from campaigns.models import Campaign, CampaignAward, Criterion
from core.letterhead import SIGN_AS
from core.models import NormalizedTextModel, TimeStampedModel
from orgs.models import Household, Organisation, Person

from ..enums import EDITABLE_STATES, OUTCOME_BADGES, STATE_BADGES, UNSENT_STATES, DossierState, Outcome, Rating
from .meeting_queries import MeetingQuerySet


class DossierQuerySet(models.QuerySet):
    def for_user(self, user):
        """Dossiers of the user's own units (drafts included), and for the issuing body's staff those
        that were sent to it: nobody sees another unit's draft."""
        from orgs import scope
        from orgs.enums import ISSUER_STAFF, Role

        if user.is_superuser:
            return self.all()
        own = scope.covered_q(user, [Role.CLERK], "organisation__path")
        sent = scope.issuer_q(user, ISSUER_STAFF, "campaign__issuer") & ~Q(state__in=UNSENT_STATES)
        return self.filter(own | sent)


class Dossier(TimeStampedModel):
    """Hồ sơ đề nghị khen thưởng: one unit's proposal for one award form of one campaign."""

    campaign = models.ForeignKey(Campaign, verbose_name="phong trào", on_delete=models.PROTECT,
                                 related_name="dossiers")
    organisation = models.ForeignKey(Organisation, verbose_name="đơn vị đề nghị", on_delete=models.PROTECT,
                                     related_name="dossiers")
    offer = models.ForeignKey(CampaignAward, verbose_name="hình thức khen thưởng", on_delete=models.PROTECT,
                              related_name="dossiers")
    state = models.CharField("trạng thái", max_length=20, choices=DossierState.choices,
                             default=DossierState.DRAFT, editable=False, db_index=True)
    memo_number = models.CharField("số Tờ trình", max_length=40, blank=True,
                                   help_text="Ví dụ: 07/TTr-TCBC.")
    memo_date = models.DateField("ngày Tờ trình", null=True, blank=True)
    signer_name = models.CharField("người ký Tờ trình", max_length=120, blank=True)
    signer_title = models.CharField("chức vụ người ký", max_length=120, blank=True)
    sign_as = models.CharField("hình thức ký", max_length=6, choices=SIGN_AS, blank=True, default="",
                               help_text="KT. khi cấp phó ký thay; TM., Q., TL., TUQ. theo Nghị định 30/2020.")
    meeting = models.ForeignKey("dossiers.NominationMeeting", verbose_name="biên bản họp bình xét", null=True,
                                blank=True, on_delete=models.SET_NULL, related_name="dossiers")
    note = models.TextField("ghi chú của đơn vị", blank=True)
    # a proposal to be decided within days (an đột xuất act): the office's inbox and queue show it first
    urgent = models.BooleanField(
        "khẩn", default=False, help_text="Đề nghị cần xét ngay (thành tích đột xuất): Văn phòng thấy hồ sơ này trước.")
    version = models.PositiveIntegerField("lần nộp", default=0, editable=False)
    submitted_at = models.DateTimeField("nộp lúc", null=True, blank=True, editable=False)
    returned_at = models.DateTimeField("trả lại lúc", null=True, blank=True, editable=False)
    accepted_at = models.DateTimeField("tiếp nhận lúc", null=True, blank=True, editable=False)
    decided_at = models.DateTimeField("quyết định lúc", null=True, blank=True, editable=False)
    return_reason = models.TextField("lý do trả lại gần nhất", blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, editable=False,
                                   on_delete=models.SET_NULL, related_name="+")
    # a new draft copied from a withdrawn dossier (services/withdrawal.copy_dossier)
    copied_from = models.ForeignKey("self", verbose_name="sao chép từ hồ sơ", null=True, blank=True,
                                    editable=False, on_delete=models.SET_NULL, related_name="copies")
    search_text = models.CharField(max_length=600, editable=False, default="", db_index=True)
    # the specialist (chuyên viên) of the issuing body's office handling it: written by services/assignment.py only
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="chuyên viên xử lý", null=True, blank=True,
                                 editable=False, on_delete=models.SET_NULL, related_name="assigned_dossiers")

    objects = DossierQuerySet.as_manager()

    class Meta:
        verbose_name = "hồ sơ đề nghị khen thưởng"
        verbose_name_plural = "hồ sơ đề nghị khen thưởng"
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "organisation", "offer"],
                                    condition=~Q(state="withdrawn"), name="one_live_dossier_per_form"),
        ]
        indexes = [models.Index(fields=["campaign", "state"])]

    def __str__(self):
        return f"{self.offer.award_form} – {self.organisation}"

    def get_absolute_url(self):
        return reverse("dossiers:dossier_detail", args=[self.pk])

    @property
    def award_form(self):
        return self.offer.award_form

    @property
    def is_editable(self):
        return self.state in EDITABLE_STATES

    @property
    def is_sent(self):
        return self.state not in UNSENT_STATES

    @property
    def state_badge(self):
        return STATE_BADGES[self.state]


class Nomination(TimeStampedModel):
    """Đề nghị khen thưởng: one subject (a person or a collective) proposed in a dossier."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="nominations")
    subject_type = models.CharField("đối tượng", max_length=12, choices=SubjectType.choices)
    person = models.ForeignKey(Person, verbose_name="cá nhân", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="nominations")
    organisation = models.ForeignKey(Organisation, verbose_name="tập thể", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="nominations")
    household = models.ForeignKey(Household, verbose_name="hộ gia đình", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="nominations")
    order = models.PositiveIntegerField("thứ tự", default=0)
    summary = models.CharField("tóm tắt thành tích", max_length=500, blank=True,
                               help_text="Một câu, in trong danh sách kèm Tờ trình.")
    criteria_confirmed = models.ManyToManyField(Criterion, verbose_name="tiêu chuẩn đã đạt", blank=True,
                                                related_name="+")
    outcome = models.CharField("kết quả", max_length=20, choices=Outcome.choices, default=Outcome.PENDING,
                               editable=False)
    outcome_reason = models.TextField("lý do", blank=True, editable=False)
    review_note = models.TextField("yêu cầu bổ sung của Văn phòng", blank=True, editable=False)
    override_reason = models.TextField("lý do chấp nhận dù có cảnh báo", blank=True, editable=False)
    unregistered_reason = models.CharField(
        "lý do đề nghị ngoài đăng ký thi đua", max_length=300, blank=True,
        help_text="Người, tập thể không có trong đăng ký thi đua đã được tiếp nhận: đơn vị ghi lý do.")
    # The eligibility verdicts (dossiers.services.checks.store(), their only writer): one dict per rule
    # as Check.as_json() gives it, with when they were computed; None until the first check.
    checks = models.JSONField("kết quả kiểm tra điều kiện", null=True, blank=True, editable=False)
    checked_at = models.DateTimeField("kiểm tra điều kiện lúc", null=True, blank=True, editable=False)
    # The warnings the office accepted the nominee despite (with override_reason), as they read then.
    accepted_warnings = models.JSONField("cảnh báo đã chấp nhận", default=list, blank=True, editable=False)

    class Meta:
        verbose_name = "người, tập thể được đề nghị"
        verbose_name_plural = "người, tập thể được đề nghị"
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "person"], condition=Q(person__isnull=False),
                                    name="nominee_person_once"),
            models.UniqueConstraint(fields=["dossier", "organisation"], condition=Q(organisation__isnull=False),
                                    name="nominee_collective_once"),
            models.UniqueConstraint(fields=["dossier", "household"], condition=Q(household__isnull=False),
                                    name="nominee_household_once"),
        ]

    def __str__(self):
        return str(self.subject)

    @property
    def subject(self):
        if self.subject_type == SubjectType.INDIVIDUAL:
            return self.person
        return self.household if self.household_id else self.organisation

    @property
    def name(self):
        subject = self.subject
        return subject.full_name if self.person_id else (subject.name if subject else "")

    @property
    def outcome_badge(self):
        return OUTCOME_BADGES[self.outcome]


def report_layouts(campaign, fresh=False):
    """{subject type: the layout of its Báo cáo form} under the campaign's legal-basis profile and loại hình
    (awards.models.report_template, without the form numbers): one query, kept on the campaign object so that a
    page of many nominees asks it once; `fresh` reads it again (the eligibility rules, at a constant count)."""
    cached = getattr(campaign, "_report_layouts", None)
    if cached is None or fresh:
        from awards.models import ReportTemplate

        rows = {row.subject_type: row.layout for row in ReportTemplate.objects.filter(
            profile_id=campaign.legal_profile_id, award_type=campaign.award_type)} if campaign.legal_profile_id else {}
        default = default_layout(campaign.award_type)
        cached = campaign._report_layouts = {subject: rows.get(subject, default) for subject in SubjectType.values}
    return cached


class AchievementReport(TimeStampedModel):
    """Báo cáo thành tích (Mẫu 08): one nominee's achievement report."""

    nomination = models.OneToOneField(Nomination, on_delete=models.CASCADE, related_name="report")
    # general information of an individual (copied from the person, editable)
    position = models.CharField("chức vụ, đơn vị công tác", max_length=300, blank=True)
    qualification = models.CharField("trình độ chuyên môn, nghiệp vụ", max_length=300, blank=True)
    hometown = models.CharField("quê quán", max_length=200, blank=True)
    # general information of a collective
    address = models.CharField("địa chỉ trụ sở", max_length=300, blank=True)
    phone = models.CharField("điện thoại", max_length=60, blank=True)
    structure = models.TextField("cơ cấu tổ chức", blank=True)
    headcount = models.PositiveIntegerField("tổng số cán bộ, công chức, viên chức", null=True, blank=True)
    functions = models.TextField("chức năng, nhiệm vụ được giao", blank=True)
    # the achievements
    duties = models.TextField("quyền hạn, nhiệm vụ được giao (cá nhân)", blank=True)
    # khen thưởng quá trình cống hiến: the posts held, one a line ("01/1990 – 12/1999: Phó Giám đốc Sở …")
    career = models.TextField("quá trình công tác (thời gian, chức vụ, đơn vị)", blank=True,
                              help_text="Mỗi dòng một giai đoạn, ví dụ: 01/1990 – 12/1999: Trưởng phòng …, Sở Nội vụ.")
    measures = models.TextField("biện pháp, giải pháp đã thực hiện", blank=True)
    results = models.TextField("kết quả đạt được (so với chỉ tiêu của phong trào, có số liệu)", blank=True)
    initiatives = models.TextField("sáng kiến, giải pháp được công nhận", blank=True)
    rating_year = models.PositiveIntegerField("năm đánh giá, xếp loại", null=True, blank=True)
    rating = models.CharField("xếp loại", max_length=20, choices=Rating.choices, blank=True)
    rating_decision_number = models.CharField("số quyết định xếp loại", max_length=60, blank=True)
    rating_decision_date = models.DateField("ngày quyết định xếp loại", null=True, blank=True)
    under_discipline = models.BooleanField("đang trong thời gian thi hành kỷ luật", default=False)

    class Meta:
        verbose_name = "báo cáo thành tích"
        verbose_name_plural = "báo cáo thành tích"

    @property
    def layout(self):
        """What the nominee's Báo cáo form asks (awards.enums.ReportLayout): the legal-basis profile's form for the
        award's loại hình and subject (awards.models.report_template)."""
        return report_layouts(self.nomination.dossier.campaign)[self.nomination.subject_type]

    def missing_fields(self):
        """Labels of what a complete Báo cáo thành tích still lacks (no rating for an đột xuất act, the career for
        a cống hiến award)."""
        layout = self.layout
        required = ["results"]
        if layout != ReportLayout.SUDDEN:
            required += ["rating_year", "rating", "rating_decision_number", "rating_decision_date"]
        if layout == ReportLayout.CONTRIBUTION:
            required.append("career")
        if self.nomination.subject_type == SubjectType.INDIVIDUAL:
            required = ["position", *required]
        elif self.nomination.subject_type == SubjectType.COLLECTIVE:
            required = ["functions", *required]
        return [str(self._meta.get_field(name).verbose_name) for name in required
                if getattr(self, name) in (None, "")]


class StateChange(models.Model):
    """Nhật ký xử lý: one move of a dossier, by whom, when, with the note given."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="state_changes")
    from_state = models.CharField(max_length=20, choices=DossierState.choices)
    to_state = models.CharField(max_length=20, choices=DossierState.choices)
    action = models.CharField(max_length=30)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = "nhật ký xử lý hồ sơ"
        verbose_name_plural = "nhật ký xử lý hồ sơ"
        ordering = ["at", "pk"]


class Assignment(models.Model):
    """Phân công: one assignment of a dossier to a specialist of the office (services/assignment.assign(), its
    only writer), by whom, when, with the note given; the dossier's `assignee` is the latest one."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="assignments")
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="chuyên viên", null=True,
                                 on_delete=models.SET_NULL, related_name="+")
    previous = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="chuyên viên trước", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField("ghi chú", blank=True)

    class Meta:
        verbose_name = "phân công xử lý hồ sơ"
        verbose_name_plural = "phân công xử lý hồ sơ"
        ordering = ["at", "pk"]


class OutcomeChange(models.Model):
    """Nhật ký kết quả: one move of a nominee's outcome (dossiers.services.outcomes.move(), its only
    writer), by which act, by whom, when, with the reason given."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="outcome_changes")
    from_outcome = models.CharField(max_length=20, choices=Outcome.choices)
    to_outcome = models.CharField(max_length=20, choices=Outcome.choices)
    act = models.CharField(max_length=30)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(blank=True)

    class Meta:
        verbose_name = "nhật ký kết quả xét"
        verbose_name_plural = "nhật ký kết quả xét"
        ordering = ["at", "pk"]


class DossierVersion(models.Model):
    """What the unit sent at one submission (JSON snapshot): earlier versions stay readable."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    submitted_at = models.DateTimeField(auto_now_add=True)
    content = models.JSONField()

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["dossier", "number"], name="dossier_version_unique")]


class NominationMeeting(NormalizedTextModel):
    """Biên bản họp bình xét: the unit's own meeting choosing whom to nominate."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="meetings")
    organisation = models.ForeignKey(Organisation, verbose_name="đơn vị", on_delete=models.PROTECT,
                                     related_name="meetings")
    number = models.CharField("số biên bản", max_length=40, blank=True,
                              help_text="Số và ký hiệu do văn thư cấp, ví dụ 05/BB-TCCB; in ở dòng “Số:”.")
    held_at = models.DateTimeField("thời gian họp")
    place = models.CharField("địa điểm", max_length=300)
    chair = models.CharField("chủ trì", max_length=160)
    secretary = models.CharField("thư ký", max_length=160)
    members_total = models.PositiveIntegerField("tổng số thành viên")
    members_present = models.PositiveIntegerField("số thành viên có mặt")
    absentees = models.TextField("thành viên vắng mặt (lý do)", blank=True)
    ballot_type = models.CharField("hình thức biểu quyết", max_length=10,
                                   choices=[("hands", "Biểu quyết giơ tay"), ("secret", "Bỏ phiếu kín")])
    discussion = models.TextField("nội dung thảo luận", blank=True)
    conclusion = models.TextField("kết luận", blank=True)
    closed_at = models.TimeField("kết thúc lúc", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = "biên bản họp bình xét"
        verbose_name_plural = "biên bản họp bình xét"
        ordering = ["-held_at"]

    def __str__(self):
        return f"Biên bản họp bình xét {timezone.localtime(self.held_at):%d/%m/%Y} – {self.organisation}"

    def get_absolute_url(self):
        return reverse("dossiers:meeting_detail", args=[self.pk])


class MeetingVote(models.Model):
    """The meeting's vote on one nominee."""

    meeting = models.ForeignKey(NominationMeeting, on_delete=models.CASCADE, related_name="votes")
    nomination = models.OneToOneField(Nomination, on_delete=models.CASCADE, related_name="meeting_vote")
    votes_for = models.PositiveIntegerField("đồng ý")
    votes_against = models.PositiveIntegerField("không đồng ý", default=0)
    votes_abstain = models.PositiveIntegerField("không biểu quyết", default=0)

    class Meta:
        verbose_name = "kết quả biểu quyết"
        verbose_name_plural = "kết quả biểu quyết"

    def base(self, denominator="present"):
        return self.meeting.members_total if denominator == "all" else self.meeting.members_present

    def percentage(self, denominator="present"):
        """The rate of votes for, cut (not rounded) to 2 decimals for display: a rate just under a threshold
        never reads as the threshold itself (2 of 3 is 66,66%, not 66,67%). reaches() compares exactly."""
        base = self.base(denominator)
        if not base:
            return Decimal(0)
        return (Decimal(self.votes_for * 100) / Decimal(base)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)

    def reaches(self, threshold, denominator="present"):
        """Exact comparison with the threshold (69,996% does not reach 70%)."""
        base = self.base(denominator)
        return threshold is None or (base > 0 and self.votes_for * 100 >= threshold * base)


def attachment_path(instance, filename):
    return f"ho-so/{instance.dossier_id}/{instance.stored_name}"


class Attachment(models.Model):
    """Tài liệu kèm theo: a signed scan or evidence uploaded with a dossier (checked by content)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="attachments")
    nomination = models.ForeignKey(Nomination, null=True, blank=True, on_delete=models.CASCADE,
                                   related_name="attachments")
    title = models.CharField("tên tài liệu", max_length=300)
    file = models.FileField(upload_to=attachment_path, max_length=300)
    original_name = models.CharField(max_length=255)
    stored_name = models.CharField(max_length=80)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "tài liệu kèm theo"
        verbose_name_plural = "tài liệu kèm theo"
        ordering = ["uploaded_at", "pk"]
