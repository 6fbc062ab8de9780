"""The award catalogue: award forms, legal-basis profiles, bonus coefficients, base salaries, and the public
service's calendar of days off (the working days the law's time limits count)."""
import math
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from core.models import TimeStampedModel

from .enums import (
    AuthorityLevel,
    AwardCategory,
    AwardType,
    BallotType,
    DayKind,
    ReportLayout,
    StatGroup,
    SubjectType,
    TitleBonusRule,
    VoteDenominator,
)

# What the "in lên phôi" mode prints, and where (mm from the top-left corner of an A4 landscape blank)
# when an admin has not calibrated the form yet.
CERTIFICATE_FIELDS = {
    "name": ("Họ tên, tên tập thể", (60, 88)),
    "unit": ("Chức vụ, đơn vị", (60, 102)),
    "achievement": ("Thành tích", (45, 116)),
    "decision": ("Số, ngày quyết định", (30, 160)),
    "place_date": ("Địa danh, ngày tháng", (160, 150)),
    "signer": ("Họ tên người ký", (175, 190)),
    "qr": ("Mã QR và mã xác minh", (30, 172)),
}


class AwardForm(TimeStampedModel):
    """Danh hiệu thi đua / hình thức khen thưởng: one entry of the catalogue (e.g. Giấy khen)."""

    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên", max_length=200)
    short_name = models.CharField("tên ngắn", max_length=80, blank=True)
    category = models.CharField("loại", max_length=20, choices=AwardCategory.choices)
    subject_types = models.JSONField("đối tượng được tặng", default=list,
                                     help_text="Cá nhân, tập thể, hộ gia đình.")
    authority = models.PositiveSmallIntegerField("cấp quyết định", choices=AuthorityLevel.choices)
    needs_council = models.BooleanField("cần Hội đồng TĐKT bỏ phiếu", default=False)
    vote_threshold = models.DecimalField(
        "tỷ lệ phiếu đồng ý tối thiểu (%)", max_digits=5, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))])
    vote_denominator = models.CharField("cách tính tỷ lệ", max_length=10, choices=VoteDenominator.choices,
                                        default=VoteDenominator.PRESENT)
    ballot_type = models.CharField("hình thức biểu quyết", max_length=10, choices=BallotType.choices,
                                   default=BallotType.SECRET)
    report_form = models.CharField("mẫu báo cáo thành tích", max_length=60, blank=True,
                                   help_text="Ví dụ: Mẫu số 08 (thi đua theo đợt, chuyên đề).")
    legal_reference = models.CharField("căn cứ pháp lý", max_length=200, blank=True,
                                       help_text="Ví dụ: Điều 74 Luật Thi đua, khen thưởng 2022.")
    # Two danh hiệu of one year are "the same achievement" only if they count the same years: Lao động tiên
    # tiến and CSTĐ cơ sở of 2025 are, CSTĐ cấp tỉnh (three years) is not (NĐ 98/2023, Điều 53 khoản 5).
    achievement_years = models.PositiveSmallIntegerField(
        "số năm tính thành tích", default=1, validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="Với danh hiệu thi đua: thành tích của mấy năm (Lao động tiên tiến, Chiến sĩ thi đua cơ sở: 1; "
                  "Chiến sĩ thi đua cấp tỉnh: 3). Hai danh hiệu cùng năm và cùng số năm là cùng một thành tích.")
    # the column of the statistical biểu 0602 / 0603 (TT 02/2023/TT-BNV) the form is counted in (reports app)
    stat_group = models.CharField(
        "cột trong biểu thống kê", max_length=16, choices=StatGroup.choices, default=StatGroup.NONE, blank=True,
        help_text="Biểu 0602 (khen thưởng cấp Nhà nước) hoặc 0603 (cấp bộ, tỉnh) của Thông tư 02/2023/TT-BNV đếm "
                  "hình thức này ở cột nào. Để trống: không đếm (Giấy khen, Lao động tiên tiến…).")
    order = models.PositiveIntegerField("thứ tự hiển thị", default=0)
    is_active = models.BooleanField("đang sử dụng", default=True)
    certificate_title = models.CharField("tiêu đề in trên bằng, giấy khen", max_length=80, blank=True,
                                         help_text="Ví dụ: Bằng khen, Giấy khen. Để trống: in tên hình thức.")
    certificate_offsets = models.JSONField("vị trí in trên phôi (mm)", default=dict, blank=True)

    class Meta:
        verbose_name = "danh hiệu, hình thức khen thưởng"
        verbose_name_plural = "danh hiệu, hình thức khen thưởng"
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("awards:awardform_update", args=[self.pk])

    def applies_to(self, subject_type):
        return subject_type in self.subject_types

    def subject_type_labels(self):
        return [SubjectType(s).label for s in self.subject_types if s in SubjectType.values]

    def clean(self):
        unknown = set(self.subject_types or []) - set(SubjectType.values)
        if not self.subject_types or unknown:
            raise ValidationError({"subject_types": "Chọn ít nhất một đối tượng được tặng."})
        if self.needs_council and self.vote_threshold is None:
            raise ValidationError({"vote_threshold": "Hình thức cần Hội đồng bỏ phiếu phải có tỷ lệ phiếu tối thiểu."})


class LegalBasisProfileQuerySet(models.QuerySet):
    def in_force(self, on):
        return self.filter(Q(valid_from__lte=on), Q(valid_until__isnull=True) | Q(valid_until__gt=on))


class LegalBasisProfile(TimeStampedModel):
    """Bộ căn cứ pháp lý (e.g. Nghị định 152/2025/NĐ-CP): căn cứ lines, form numbering, bonus rules."""

    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên", max_length=200)
    valid_from = models.DateField("hiệu lực từ ngày")
    valid_until = models.DateField("hết hiệu lực từ ngày", null=True, blank=True)
    basis_lines = models.TextField(
        "các dòng căn cứ", help_text="Mỗi dòng một căn cứ, in ở đầu Tờ trình, Quyết định.")
    report_form_label = models.CharField(
        "ký hiệu mẫu báo cáo thành tích (đợt, chuyên đề)", max_length=60, default="Mẫu số 08")
    collective_multiplier = models.DecimalField(
        "hệ số tập thể so với cá nhân", max_digits=4, decimal_places=2, default=Decimal("2"),
        help_text="Tiền thưởng tập thể = hệ số × tiền thưởng cá nhân cùng hình thức, khi không có hệ số riêng.")
    # The law's "several titles at once → the highest bonus only" (awards/services/bonus.py::highest_title_only)
    title_bonus_rule = models.CharField(
        "tiền thưởng khi đạt nhiều danh hiệu thi đua cùng thời điểm, cùng thành tích", max_length=10,
        choices=TitleBonusRule.choices, default=TitleBonusRule.HIGHEST)
    title_bonus_reference = models.CharField(
        "điều, khoản quy định", max_length=200, blank=True,
        help_text="In trong Quyết định bên cạnh khoản tiền thưởng được giảm, ví dụ: Điều 53 Nghị định số "
                  "98/2023/NĐ-CP.")
    title_bonus_text = models.TextField("nội dung quy định (trích)", blank=True)
    # Lấy ý kiến nhân dân (docs/domain.md, Public comment): the forms whose nominees the office publishes for
    # comment before the council meets, and the article that asks it.
    public_comment_forms = models.ManyToManyField(
        AwardForm, verbose_name="hình thức phải lấy ý kiến nhân dân trước khi họp Hội đồng", blank=True,
        related_name="public_comment_profiles",
        help_text="Danh sách đề nghị các hình thức này được công khai để lấy ý kiến nhân dân; Hội đồng chỉ bỏ phiếu "
                  "sau khi hết thời hạn lấy ý kiến.")
    public_comment_reference = models.CharField(
        "căn cứ lấy ý kiến nhân dân", max_length=200, blank=True,
        help_text="Điều, khoản quy định, ví dụ: khoản 2 Điều 46 Nghị định số 98/2023/NĐ-CP.")
    public_comment_days = models.PositiveSmallIntegerField(
        "số ngày làm việc công khai trước khi họp Hội đồng", default=10,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="Danh sách phải được công khai ít nhất từng này ngày làm việc trước ngày Hội đồng họp (không tính "
                  "ngày công khai và ngày họp, thứ Bảy, Chủ nhật, ngày nghỉ lễ, Tết).")
    notes = models.TextField("ghi chú", blank=True)

    objects = LegalBasisProfileQuerySet.as_manager()

    class Meta:
        verbose_name = "bộ căn cứ pháp lý"
        verbose_name_plural = "bộ căn cứ pháp lý"
        ordering = ["-valid_from"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("awards:profile_update", args=[self.pk])

    def lines(self):
        return [line.strip() for line in self.basis_lines.splitlines() if line.strip()]

    def needs_public_comment(self, award_form):
        """Whether the nominees of `award_form` are published for comment before the council (this profile)."""
        return self.public_comment_forms.filter(pk=award_form.pk).exists()

    def clean(self):
        if self.valid_until and self.valid_until <= self.valid_from:
            raise ValidationError({"valid_until": "Ngày hết hiệu lực phải sau ngày có hiệu lực."})


class VoteRule(models.Model):
    """The council's vote rule for one award form under one legal-basis profile (the decree in force sets the
    share of votes and over whom it is counted): it replaces the catalogue's own threshold and base for the
    campaigns of that profile. A form without a row keeps the catalogue's (`vote_rule()`)."""

    profile = models.ForeignKey(LegalBasisProfile, verbose_name="bộ căn cứ", on_delete=models.CASCADE,
                                related_name="vote_rules")
    award_form = models.ForeignKey(AwardForm, verbose_name="hình thức", on_delete=models.CASCADE,
                                   related_name="vote_rules")
    threshold = models.DecimalField("tỷ lệ phiếu đồng ý tối thiểu (%)", max_digits=5, decimal_places=2,
                                    validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))])
    denominator = models.CharField("cách tính tỷ lệ", max_length=10, choices=VoteDenominator.choices,
                                   default=VoteDenominator.PRESENT)
    source = models.CharField("căn cứ", max_length=200, help_text="Điều, khoản của văn bản quy định tỷ lệ này.")

    class Meta:
        verbose_name = "tỷ lệ biểu quyết"
        verbose_name_plural = "tỷ lệ biểu quyết"
        ordering = ["award_form__order", "award_form__name"]
        constraints = [models.UniqueConstraint(fields=["profile", "award_form"], name="vote_rule_unique")]

    def __str__(self):
        return f"{self.award_form}: từ {self.threshold}% {self.get_denominator_display().lower()}"


@dataclass(frozen=True)
class VoteRuleInForce:
    """What a council vote on a form is counted against: threshold (None: not set), base, and where it comes from."""

    threshold: Decimal | None
    denominator: str
    source: str


def vote_rule(award_form, profile, rules=None):
    """The rule in force for `award_form` under `profile`: the profile's row, else the catalogue's.
    `rules`: {(profile id, form id): VoteRule} already read (vote_rules_for), to avoid a query."""
    row = None
    if profile is not None:
        key = (getattr(profile, "pk", profile), award_form.pk)
        row = rules.get(key) if rules is not None else VoteRule.objects.filter(
            profile_id=key[0], award_form_id=key[1]).first()
    if row is not None:
        return VoteRuleInForce(row.threshold, row.denominator, row.source)
    return VoteRuleInForce(award_form.vote_threshold, award_form.vote_denominator, award_form.legal_reference)


def vote_rules_for(pairs):
    """{(profile id, form id): VoteRule} for the given pairs, in one query."""
    pairs = {(p, f) for p, f in pairs if p is not None}
    if not pairs:
        return {}
    rows = VoteRule.objects.filter(profile_id__in={p for p, _ in pairs}, award_form_id__in={f for _, f in pairs})
    return {(r.profile_id, r.award_form_id): r for r in rows if (r.profile_id, r.award_form_id) in pairs}


class ReportTemplate(models.Model):
    """Mẫu báo cáo thành tích: the form the decree of a legal-basis profile prescribes for one loại hình and one
    kind of subject (a cá nhân's đột xuất award: "Mẫu số …"), and what it asks (layout). A kind without a row
    prints the profile's drive form for a campaign's awards, the merit layout otherwise (report_template())."""

    profile = models.ForeignKey(LegalBasisProfile, verbose_name="bộ căn cứ", on_delete=models.CASCADE,
                                related_name="report_templates")
    award_type = models.CharField("loại hình khen thưởng", max_length=16, choices=AwardType.choices)
    subject_type = models.CharField("đối tượng", max_length=12, choices=SubjectType.choices)
    label = models.CharField("ký hiệu mẫu", max_length=60, help_text="In ở góc trên, ví dụ: Mẫu số 05.")
    layout = models.CharField("nội dung mẫu", max_length=16, choices=ReportLayout.choices)
    source = models.CharField("căn cứ", max_length=200, blank=True,
                              help_text="Phụ lục, mẫu của văn bản quy định, ví dụ: Phụ lục kèm Nghị định số …")

    class Meta:
        verbose_name = "mẫu báo cáo thành tích"
        verbose_name_plural = "mẫu báo cáo thành tích"
        ordering = ["award_type", "subject_type"]
        constraints = [models.UniqueConstraint(fields=["profile", "award_type", "subject_type"],
                                               name="report_template_unique")]

    def __str__(self):
        return f"{self.get_award_type_display()} – {self.get_subject_type_display()}: {self.label}"


@dataclass(frozen=True)
class ReportTemplateInForce:
    label: str
    layout: str


def report_template(profile, award_type, subject_type):
    """The Báo cáo thành tích form of a nominee: the profile's row for the loại hình and subject; else, for a
    campaign's awards (theo đợt, chuyên đề), the profile's drive form (report_form_label); else no form number
    (the profile does not say it: the page of the profile lists what is missing) with the layout of the kind."""
    row = None
    if profile is not None:
        row = next((r for r in profile.report_templates.all()
                    if r.award_type == award_type and r.subject_type == subject_type), None)
    if row is not None:
        return ReportTemplateInForce(row.label, row.layout)
    if award_type == AwardType.DRIVE:
        return ReportTemplateInForce((profile.report_form_label if profile is not None else "") or "Mẫu số 08",
                                     ReportLayout.DRIVE)
    return ReportTemplateInForce("", default_layout(award_type))


def default_layout(award_type):
    """The layout of a loại hình's Báo cáo when the profile names no form for it."""
    return {AwardType.DRIVE: ReportLayout.DRIVE, AwardType.SUDDEN: ReportLayout.SUDDEN,
            AwardType.CONTRIBUTION: ReportLayout.CONTRIBUTION}.get(award_type, ReportLayout.MERIT)


class BonusCoefficient(models.Model):
    """Hệ số tiền thưởng of one award form for one subject type under one legal-basis profile."""

    profile = models.ForeignKey(LegalBasisProfile, verbose_name="bộ căn cứ", on_delete=models.CASCADE,
                                related_name="coefficients")
    award_form = models.ForeignKey(AwardForm, verbose_name="hình thức", on_delete=models.CASCADE,
                                   related_name="coefficients")
    subject_type = models.CharField("đối tượng", max_length=12, choices=SubjectType.choices)
    coefficient = models.DecimalField("hệ số (× mức lương cơ sở)", max_digits=5, decimal_places=2,
                                      validators=[MinValueValidator(Decimal("0"))])
    source = models.CharField("căn cứ", max_length=200, blank=True,
                              help_text="Điều, khoản của văn bản quy định hệ số này.")

    class Meta:
        verbose_name = "hệ số tiền thưởng"
        verbose_name_plural = "hệ số tiền thưởng"
        ordering = ["award_form__order", "subject_type"]
        constraints = [models.UniqueConstraint(fields=["profile", "award_form", "subject_type"],
                                               name="bonus_coefficient_unique")]

    def __str__(self):
        return f"{self.award_form} – {self.get_subject_type_display()}: {self.coefficient}"

    def get_additional_data(self):
        """Stored with each audit entry (django-auditlog), so the profile's history finds the entries
        of its coefficients, deleted ones included."""
        return {"profile_id": self.profile_id,
                "label": f"{self.award_form} – {self.get_subject_type_display()}"}


class BaseSalaryQuerySet(models.QuerySet):
    def on(self, day):
        """The base salary in force on `day` (None before the first row)."""
        return self.filter(valid_from__lte=day).order_by("-valid_from").first()


class BaseSalary(TimeStampedModel):
    """Mức lương cơ sở, in force from a date until the next row."""

    valid_from = models.DateField("áp dụng từ ngày", unique=True)
    amount = models.PositiveIntegerField("mức lương cơ sở (đồng/tháng)")
    legal_basis = models.CharField("văn bản quy định", max_length=200, blank=True)

    objects = BaseSalaryQuerySet.as_manager()

    class Meta:
        verbose_name = "mức lương cơ sở"
        verbose_name_plural = "mức lương cơ sở"
        ordering = ["-valid_from"]

    def __str__(self):
        return f"{self.amount:,} đ từ {self.valid_from:%d/%m/%Y}".replace(",", ".")


class CalendarDay(TimeStampedModel):
    """A day the public service's Monday–Friday week does not decide alone: a holiday, a Tết day, a compensatory
    or swapped day off (nghỉ), or a Saturday / Sunday worked instead (làm bù). National, dated, with the text that
    set it: Bộ luật Lao động 2019 Điều 112 and the yearly notice of the Bộ Nội vụ / Thủ tướng. The time limits
    the law counts in working days read it (awards/services/workdays.py; docs/domain.md, Working days)."""

    day = models.DateField("ngày", unique=True)
    kind = models.CharField("loại ngày", max_length=10, choices=DayKind.choices, default=DayKind.HOLIDAY)
    name = models.CharField("tên ngày", max_length=120, help_text="Ví dụ: Tết Nguyên đán; Nghỉ bù Giỗ Tổ Hùng Vương.")
    legal_basis = models.CharField("văn bản quy định", max_length=200, blank=True)

    class Meta:
        verbose_name = "ngày nghỉ, ngày làm bù"
        verbose_name_plural = "lịch ngày nghỉ, ngày làm bù"
        ordering = ["day"]

    def __str__(self):
        return f"{self.day:%d/%m/%Y} – {self.name}"

    def clean(self):
        if self.day is not None and self.kind == DayKind.WORKDAY and self.day.weekday() < 5:
            raise ValidationError({"kind": "Ngày làm việc bù phải là thứ Bảy hoặc Chủ nhật: ngày "
                                           f"{self.day:%d/%m/%Y} đã là ngày làm việc."})


def round_up_to(amount, step=10_000):
    """Bonuses are rounded up to the next 10.000 đồng."""
    return int(math.ceil(Decimal(amount) / step) * step)
