"""Decisions, the council's sessions, forwarding upward, and the award register."""
import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from awards.enums import AWARD_TYPE_SHORT, AwardType, BallotType, SubjectType
from awards.models import AwardForm, LegalBasisProfile
from campaigns.models import Campaign
from core.letterhead import SIGN_AS
from core.models import NormalizedTextModel, TimeStampedModel
from core.text import search_key
from orgs.classification import subject_class
from orgs.enums import SubjectClass
from orgs.models import Household, Organisation, Person

from ..enums import Rating
from .council import SessionMode


class CouncilSession(TimeStampedModel):
    """Phiên họp Hội đồng Thi đua – Khen thưởng: votes on the nominees whose form needs it."""

    issuer = models.ForeignKey(Organisation, verbose_name="cơ quan", on_delete=models.PROTECT,
                               related_name="council_sessions")
    campaign = models.ForeignKey(Campaign, verbose_name="phong trào", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="council_sessions")
    held_at = models.DateTimeField("thời gian họp")
    place = models.CharField("địa điểm", max_length=300)
    chair = models.CharField("chủ trì", max_length=160)
    secretary = models.CharField("thư ký", max_length=160)
    members_total = models.PositiveIntegerField("tổng số thành viên Hội đồng")
    members_present = models.PositiveIntegerField("số thành viên có mặt")
    absentees = models.TextField("thành viên vắng mặt (ý kiến bằng văn bản)", blank=True)
    conclusion = models.TextField("kết luận", blank=True)
    closed_at = models.DateTimeField("kết thúc lúc", null=True, blank=True, editable=False)
    # how the council votes: each member on the portal (default), or on paper, the secretary entering the count
    mode = models.CharField("cách bỏ phiếu", max_length=8, default=SessionMode.BALLOTS, choices=SessionMode.choices)
    chair_title = models.CharField("chức danh người chủ trì", max_length=60, default="Chủ tịch Hội đồng")
    minutes_number = models.CharField("số biên bản", max_length=40, blank=True,
                                      help_text="Số và ký hiệu Biên bản họp Hội đồng, ví dụ 03/BB-HĐTĐKT.")
    # paper mode: the signed Biên bản kiểm phiếu, without which the session does not close
    count_file = models.FileField("biên bản kiểm phiếu đã ký", upload_to="hoi-dong/kiem-phieu/", max_length=300,
                                  blank=True)
    count_file_name = models.CharField(max_length=255, blank=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", editable=False)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", editable=False)

    class Meta:
        verbose_name = "phiên họp Hội đồng"
        verbose_name_plural = "phiên họp Hội đồng"
        ordering = ["-held_at"]

    def __str__(self):
        return f"Phiên họp Hội đồng TĐKT {self.held_at:%d/%m/%Y}"

    def get_absolute_url(self):
        return reverse("dossiers:council_detail", args=[self.pk])

    @property
    def is_open(self):
        return self.closed_at is None

    @property
    def on_paper(self):
        return self.mode == SessionMode.PAPER


class CouncilBallot(models.Model):
    """The council's vote on one nominee, tallied against the award form's rule."""

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="ballots")
    nomination = models.ForeignKey("dossiers.Nomination", on_delete=models.CASCADE, related_name="council_ballots")
    ballot_type = models.CharField("hình thức", max_length=10, choices=BallotType.choices)
    votes_for = models.PositiveIntegerField("đồng ý", default=0)
    votes_against = models.PositiveIntegerField("không đồng ý", default=0)
    votes_abstain = models.PositiveIntegerField("không biểu quyết", default=0)
    written_votes_for = models.PositiveIntegerField("đồng ý bằng văn bản (vắng mặt)", default=0)
    percentage = models.DecimalField("tỷ lệ đồng ý (%)", max_digits=5, decimal_places=2, null=True,
                                     editable=False)
    passed = models.BooleanField("đạt", null=True, editable=False)

    class Meta:
        verbose_name = "phiếu biểu quyết của Hội đồng"
        verbose_name_plural = "phiếu biểu quyết của Hội đồng"
        constraints = [models.UniqueConstraint(fields=["session", "nomination"], name="one_ballot_per_session")]


class DecisionQuerySet(models.QuerySet):
    def for_user(self, user):
        from orgs import scope
        from orgs.enums import Role

        if user.is_superuser:
            return self.all()
        return self.filter(scope.issuer_q(user, [Role.REVIEWER, Role.COUNCIL, Role.APPROVER, Role.ADMIN], "issuer"))


class Decision(NormalizedTextModel):
    """Quyết định khen thưởng: the body's own (numbered in its yearly series) or a higher authority's,
    recorded when it arrives."""

    OWN, HIGHER, REVOKE, AMEND = "own", "higher", "revoke", "amend"
    issuer = models.ForeignKey(Organisation, verbose_name="cơ quan ban hành / cơ quan trình", on_delete=models.PROTECT,
                               related_name="decisions")
    kind = models.CharField("loại", max_length=10, choices=[(OWN, "Quyết định của cơ quan"),
                                                            (HIGHER, "Quyết định của cấp trên"),
                                                            (REVOKE, "Quyết định thu hồi khen thưởng"),
                                                            (AMEND, "Quyết định đính chính")], default=OWN)
    # a revoking decision (kind "revoke"): the decision it revokes, in whole or in part, and why (Luật Thi đua,
    # khen thưởng 2022, Chương VII); issued by the authority that issued the revoked decision
    revokes = models.ForeignKey("self", verbose_name="thu hồi quyết định", null=True, blank=True,
                                on_delete=models.PROTECT, related_name="revocations")
    # an amending decision (kind "amend", dossiers/services/amendment.py): the decision it corrects (đính chính)
    amends = models.ForeignKey("self", verbose_name="đính chính quyết định", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="amendments")
    reason = models.TextField("lý do", blank=True)
    higher_authority = models.CharField("cấp quyết định", max_length=200, blank=True,
                                        help_text="Với quyết định của cấp trên, ví dụ: Thủ tướng Chính phủ.")
    campaign = models.ForeignKey(Campaign, verbose_name="phong trào", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="decisions")
    number = models.PositiveIntegerField("số")
    symbol = models.CharField("ký hiệu", max_length=40, help_text="Ví dụ: QĐ-SNV.")
    year = models.PositiveIntegerField("năm")
    date = models.DateField("ngày ký")
    title = models.CharField("trích yếu", max_length=500)
    signer_name = models.CharField("người ký", max_length=120)
    signer_title = models.CharField("chức vụ người ký", max_length=120)
    sign_as = models.CharField("hình thức ký", max_length=6, choices=SIGN_AS, blank=True, default="",
                               help_text="KT. khi cấp phó ký thay; TM., Q., TL., TUQ. theo Nghị định 30/2020.")
    legal_profile = models.ForeignKey(LegalBasisProfile, verbose_name="bộ căn cứ pháp lý", null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="decisions")
    memo_reference = models.CharField("xét đề nghị tại Tờ trình số", max_length=200, blank=True)
    snapshot = models.JSONField("nội dung đã ký", default=dict, blank=True, editable=False)
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                  editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = "quyết định khen thưởng"
        verbose_name_plural = "quyết định khen thưởng"
        ordering = ["-date", "-number"]
        # the body's own decisions, awarding, revoking or amending, share one yearly series of numbers
        constraints = [models.UniqueConstraint(fields=["issuer", "year", "number"],
                                               condition=Q(kind="own") | Q(kind__in=["revoke", "amend"],
                                                                           higher_authority=""),
                                               name="decision_number_per_year")]

    def __str__(self):
        return f"Quyết định số {self.reference} ngày {self.date:%d/%m/%Y}"

    def get_absolute_url(self):
        return reverse("dossiers:decision_detail", args=[self.pk])

    @property
    def reference(self):
        """'125/QĐ-SNV'; below 10 with a leading zero."""
        return f"{self.number:02d}/{self.symbol}"


class Forwarding(NormalizedTextModel):
    """Tờ trình của cơ quan gửi cấp trên: nominees whose award is beyond the body's authority."""

    issuer = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="forwardings")
    campaign = models.ForeignKey(Campaign, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    to_authority = models.CharField("trình", max_length=200, help_text="Ví dụ: Chủ tịch UBND tỉnh.")
    memo_number = models.CharField("số Tờ trình", max_length=60)
    memo_date = models.DateField("ngày Tờ trình")
    signer_name = models.CharField("người ký", max_length=120)
    signer_title = models.CharField("chức vụ người ký", max_length=120)
    sign_as = models.CharField("hình thức ký", max_length=6, choices=SIGN_AS, blank=True, default="",
                               help_text="KT. khi cấp phó ký thay; TM., Q., TL., TUQ. theo Nghị định 30/2020.")
    nominations = models.ManyToManyField("dossiers.Nomination", related_name="forwardings")
    decision = models.ForeignKey(Decision, verbose_name="quyết định của cấp trên", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="forwardings")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "tờ trình gửi cấp trên"
        verbose_name_plural = "tờ trình gửi cấp trên"
        ordering = ["-memo_date", "-pk"]


def verification_code():
    return secrets.token_urlsafe(16)


class AwardQuerySet(models.QuerySet):
    def live(self):
        """Awards in force: not revoked (a revoked award stays in the history, marked, and counts for nothing)."""
        return self.filter(revoked_by__isnull=True)

    def of_person(self, person):
        return self.filter(person=person)

    def of_unit(self, organisation):
        """Awards of a unit and of every unit merged into it (history follows mergers)."""
        return self.filter(organisation_id__in=organisation.lineage_ids())


class Award(TimeStampedModel):
    """Sổ khen thưởng: one award given to a person or a collective, from a decision."""

    PORTAL, IMPORT, MANUAL = "portal", "import", "manual"
    subject_type = models.CharField("đối tượng", max_length=12, choices=SubjectType.choices)
    person = models.ForeignKey(Person, verbose_name="cá nhân", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="awards")
    organisation = models.ForeignKey(Organisation, verbose_name="tập thể", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="awards")
    household = models.ForeignKey(Household, verbose_name="hộ gia đình", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="awards")
    # phân loại đối tượng on the day it was decided (orgs.classification), which the statistical reports count
    subject_class = models.CharField("phân loại đối tượng", max_length=20, choices=SubjectClass.choices, blank=True)
    award_form = models.ForeignKey(AwardForm, verbose_name="danh hiệu, hình thức", on_delete=models.PROTECT,
                                   related_name="awards")
    year = models.PositiveIntegerField("năm")
    award_type = models.CharField("loại hình khen thưởng", max_length=16, choices=AwardType.choices,
                                  default=AwardType.MERIT)
    decision = models.ForeignKey(Decision, verbose_name="quyết định", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="awards")
    decision_number = models.CharField("số quyết định", max_length=60)
    decision_date = models.DateField("ngày quyết định")
    decided_by = models.CharField("cấp quyết định", max_length=200, blank=True)
    campaign = models.ForeignKey(Campaign, verbose_name="phong trào", null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="awarded")
    nomination = models.OneToOneField("dossiers.Nomination", null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="award")
    achievement = models.TextField("thành tích", blank=True)
    bonus_amount = models.PositiveIntegerField("tiền thưởng (đồng)", null=True, blank=True)
    revoked_by = models.ForeignKey(Decision, verbose_name="thu hồi theo quyết định", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="revoked_awards", editable=False)
    # what an amending decision corrected on this award and not on the person's, unit's or household's record
    # (dossiers/services/amendment.py): the name, the "chức vụ, đơn vị" line and the award form's wording as they
    # now read; empty: as decided (the record's name, the decision's line, the catalogue's form)
    corrected_name = models.CharField("tên theo quyết định đính chính", max_length=300, blank=True, editable=False)
    corrected_unit = models.CharField("chức vụ, đơn vị theo quyết định đính chính", max_length=500, blank=True,
                                      editable=False)
    corrected_form = models.CharField("hình thức theo quyết định đính chính", max_length=300, blank=True,
                                      editable=False)
    source = models.CharField("nguồn", max_length=10, choices=[(PORTAL, "Xét trên cổng"), (IMPORT, "Nhập Excel"),
                                                            (MANUAL, "Nhập tay")], default=PORTAL)
    verification_code = models.CharField(max_length=40, unique=True, default=verification_code, editable=False)
    search_text = models.CharField(max_length=600, editable=False, default="", db_index=True)

    objects = AwardQuerySet.as_manager()

    class Meta:
        verbose_name = "khen thưởng"
        verbose_name_plural = "sổ khen thưởng"
        ordering = ["-decision_date", "-pk"]
        indexes = [models.Index(fields=["person", "award_form"]), models.Index(fields=["organisation", "award_form"]),
                   models.Index(fields=["year"]),
                   # the register lists newest first: with this index a frequent search ("nguyen thi huong")
                   # walks the newest awards until a page is full instead of sorting every match
                   models.Index(F("decision_date").desc(), F("id").desc(), name="award_newest_first")]
        # The services compare decision numbers loosely (case, spaces) before writing; these are the
        # backstop against two writers racing: one subject, one form, one decision: one row.
        constraints = [
            models.UniqueConstraint(fields=["person", "award_form", "decision_number"],
                                    condition=Q(person__isnull=False), name="one_award_per_person_decision",
                                    violation_error_message="Sổ khen thưởng đã có khen thưởng này của cá nhân."),
            models.UniqueConstraint(fields=["organisation", "award_form", "decision_number"],
                                    condition=Q(person__isnull=True), name="one_award_per_unit_decision",
                                    violation_error_message="Sổ khen thưởng đã có khen thưởng này của tập thể."),
            models.UniqueConstraint(fields=["household", "award_form", "decision_number"],
                                    condition=Q(household__isnull=False), name="one_award_per_household_decision",
                                    violation_error_message="Sổ khen thưởng đã có khen thưởng này của hộ gia đình."),
        ]

    def __str__(self):
        return f"{self.award_form} – {self.subject_name}"

    @property
    def subject_name(self):
        if self.corrected_name:
            return self.corrected_name
        if self.person_id:
            return self.person.full_name
        if self.household_id:
            return self.household.name
        return self.organisation.name if self.organisation_id else ""

    @property
    def is_revoked(self):
        return self.revoked_by_id is not None

    @property
    def form_name(self):
        """The award form as the decision (as corrected) names it."""
        return self.corrected_form or self.award_form.name

    @property
    def subject_unit(self):
        """Where the subject belongs: a person's unit, a household's managing unit, a collective itself."""
        if self.person_id:
            return self.person.organisation
        return self.household.organisation if self.household_id else self.organisation

    @property
    def award_type_short(self):
        """"Đột xuất", "Thường xuyên"…: the loại hình as lists show it."""
        return AWARD_TYPE_SHORT.get(self.award_type, self.get_award_type_display())

    def save(self, *args, **kwargs):
        self.search_text = search_key(self.subject_name, str(self.award_form), self.decision_number)
        if not self.subject_class:  # the class of the day it enters the register, kept as it was
            self.subject_class = subject_class(person=self.person, organisation=self.organisation,
                                               household=self.household)
        super().save(*args, **kwargs)


class AwardCorrection(models.Model):
    """Đính chính: what one amending decision corrected on one award, each change with what was written before."""

    amendment = models.ForeignKey(Decision, verbose_name="quyết định đính chính", on_delete=models.PROTECT,
                                  related_name="corrections")
    award = models.ForeignKey(Award, verbose_name="khen thưởng", on_delete=models.PROTECT, related_name="corrections")
    # [{"field": "name" | "unit" | "award_form" | "achievement", "label", "before", "after"}], in print order
    changes = models.JSONField("nội dung đính chính", default=list)
    record_updated = models.BooleanField("đã sửa cả hồ sơ", default=False,
                                         help_text="Tên đã được sửa cả trong hồ sơ cá nhân, tập thể, hộ gia đình.")

    class Meta:
        verbose_name = "nội dung đính chính"
        verbose_name_plural = "nội dung đính chính"
        ordering = ["amendment__date", "pk"]
        constraints = [models.UniqueConstraint(fields=["amendment", "award"], name="one_correction_per_award")]


class AnnualRating(models.Model):
    """Xếp loại hằng năm of a person or a unit, the history the award rules read (5 years…)."""

    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.CASCADE, related_name="ratings")
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="ratings")
    year = models.PositiveIntegerField("năm")
    rating = models.CharField("xếp loại", max_length=20, choices=Rating.choices)
    decision_number = models.CharField("số quyết định", max_length=60, blank=True)
    decision_date = models.DateField("ngày quyết định", null=True, blank=True)

    class Meta:
        verbose_name = "xếp loại hằng năm"
        verbose_name_plural = "xếp loại hằng năm"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], condition=Q(person__isnull=False),
                                    name="one_rating_per_person_year"),
            models.UniqueConstraint(fields=["organisation", "year"], condition=Q(organisation__isnull=False),
                                    name="one_rating_per_unit_year"),
        ]
