"""Campaigns (phong trào thi đua) and everything their plan configures."""
import math
import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property

from awards.enums import AwardType, SubjectType
from awards.models import AwardForm, LegalBasisProfile
from core.letterhead import SIGN_AS
from core.models import NormalizedTextModel, TimeStampedModel
from orgs.enums import Role
from orgs.models import EmulationBloc, Organisation, subtree_q

from .citation import TRACK_WORDS, cited_name
from .enums import (
    STATUS_BADGES,
    CampaignKind,
    CampaignStatus,
    ComponentKind,
    QuotaKind,
    RegistrationStatus,
    ReminderAudience,
    ReminderKind,
    TaskStatus,
)


def participation_q(organisation, prefix=""):
    """Q over campaigns in which `organisation` takes part: listed itself, inside a listed
    subtree, or member of a listed bloc."""
    ancestors = [*organisation.ancestor_ids(), organisation.pk]
    return (Q(**{f"{prefix}participants__organisation_id": organisation.pk})
            | Q(**{f"{prefix}participants__organisation_id__in": ancestors,
                   f"{prefix}participants__include_subtree": True})
            | Q(**{f"{prefix}participant_blocs__members": organisation.pk}))


# A track takes proposals of one loại hình outside campaigns; theo đợt, chuyên đề is what campaigns give
TRACK_AWARD_TYPES = [t for t in AwardType.values if t != AwardType.DRIVE]


def award_type_of(kind, chosen=""):
    """The loại hình of the awards decided from a campaign of `kind`: an annual plan's are thường xuyên (công
    trạng và thành tích), a drive's, theme's or special drive's theo đợt, chuyên đề; a track's the one it names."""
    if kind == CampaignKind.TRACK:
        return chosen or AwardType.SUDDEN
    return AwardType.MERIT if kind == CampaignKind.ANNUAL else AwardType.DRIVE


class CampaignQuerySet(models.QuerySet):
    def for_user(self, user):
        """Campaigns issued inside the user's scope, and launched ones their units take part in."""
        from orgs import scope

        if user.is_superuser:
            return self.all()
        issued = scope.issuer_q(user, None, "issuer")
        participating = Q(pk__in=[])
        clerk_units = Organisation.objects.filter(pk__in=scope.membership_org_ids(user, [Role.CLERK]))
        for unit in clerk_units:
            participating |= participation_q(unit)
        visible = self.filter(issued | (participating & ~Q(status=CampaignStatus.DRAFT)))
        return self.filter(pk__in=visible.values("pk"))

    def public(self):
        """The campaigns the public pages list (a track of awards outside campaigns is not a phong trào)."""
        return self.filter(status__in=[CampaignStatus.LAUNCHED, CampaignStatus.CLOSED]).exclude(kind=CampaignKind.TRACK)

    def campaigns(self):
        """Campaigns proper (phong trào thi đua), without the standing tracks of awards outside campaigns."""
        return self.exclude(kind=CampaignKind.TRACK)

    def tracks(self):
        """The standing tracks of awards outside campaigns (đột xuất, cống hiến…)."""
        return self.filter(kind=CampaignKind.TRACK)

    def in_year(self, year):
        """Campaigns running during `year`. One that ends with an event (no end date) runs until its dossier
        deadline, or from its start on when it has none yet."""
        open_end = Q(period_end__isnull=True) & (Q(dossier_deadline__isnull=True)
                                                 | Q(dossier_deadline__year__gte=year))
        return self.filter(Q(period_end__year__gte=year) | open_end, period_start__year__lte=year)


class Campaign(TimeStampedModel):
    """Phong trào thi đua: a campaign launched by a body's plan (Kế hoạch)."""

    kind = models.CharField("loại phong trào", max_length=12, choices=CampaignKind.choices,
                            default=CampaignKind.DRIVE)
    # Loại hình khen thưởng of the awards decided from it: a campaign's follows its kind (award_type_of); a track
    # (kind TRACK) names its own
    award_type = models.CharField("loại hình khen thưởng", max_length=16, choices=AwardType.choices,
                                  default=AwardType.DRIVE)
    status = models.CharField("trạng thái", max_length=10, choices=CampaignStatus.choices,
                              default=CampaignStatus.DRAFT, editable=False)
    issuer = models.ForeignKey(Organisation, verbose_name="cơ quan phát động", on_delete=models.PROTECT,
                               related_name="issued_campaigns")
    title = models.CharField("tên phong trào, kế hoạch", max_length=500)
    # How documents name the campaign inside a sentence; empty: read from the title (campaigns/citation.py)
    citation = models.CharField(
        "tên phong trào khi trích dẫn", max_length=500, blank=True,
        help_text="Cách văn bản gọi phong trào trong câu, ví dụ: phong trào thi đua “Dân vận khéo” năm 2026. "
                  "Để trống: tự suy ra từ tên kế hoạch.")
    theme = models.TextField("chủ đề", blank=True)
    plan_number = models.PositiveIntegerField("số kế hoạch", null=True, blank=True)
    plan_symbol = models.CharField("ký hiệu", max_length=40, blank=True, help_text="Ví dụ: KH-SNV.")
    plan_date = models.DateField("ngày ban hành", null=True, blank=True)
    signer_name = models.CharField("người ký", max_length=120, blank=True)
    signer_title = models.CharField("chức vụ người ký", max_length=120, blank=True,
                                    help_text="Ví dụ: Giám đốc; Phó Giám đốc.")
    sign_as = models.CharField("hình thức ký", max_length=6, choices=SIGN_AS, blank=True, default="",
                               help_text="KT. khi cấp phó ký thay; TM., Q., TL., TUQ. theo Nghị định 30/2020.")
    purpose = models.TextField("mục đích", blank=True)
    requirements = models.TextField("yêu cầu", blank=True)
    tasks_text = models.TextField("nhiệm vụ, giải pháp", blank=True)
    awards_guidance = models.TextField("hướng dẫn khen thưởng", blank=True)
    implementation = models.TextField("tổ chức thực hiện", blank=True)
    period_start = models.DateField("thời gian từ ngày")
    # A plan may end with an event ("đến khi tổ chức thành công Đại hội …"): the date is then empty, or the
    # expected date the computations use (the rating window, the year filter), and the text is what prints.
    period_end = models.DateField("đến ngày", null=True, blank=True,
                                  help_text="Để trống khi kế hoạch kết thúc bằng một sự kiện.")
    period_end_text = models.CharField(
        "hoặc kết thúc khi", max_length=300, blank=True,
        help_text="Ví dụ: đến khi tổ chức thành công Đại hội Đảng bộ tỉnh lần thứ XVIII. Kế hoạch in nội dung "
                  "này thay cho ngày kết thúc.")
    summary_deadline = models.DateField("hạn tổng kết", null=True, blank=True)
    dossier_deadline = models.DateField("hạn nộp hồ sơ khen thưởng", null=True, blank=True)
    legal_profile = models.ForeignKey(LegalBasisProfile, verbose_name="bộ căn cứ pháp lý", null=True,
                                      blank=True, on_delete=models.PROTECT, related_name="campaigns")
    # The plan's own bases, after the legal-basis profile's lines ("Thực hiện Chỉ thị số …", "Căn cứ Kế hoạch số
    # … của Ủy ban nhân dân tỉnh …"): printed in the Kế hoạch, and in the units' Tờ trình with the plan's line.
    plan_bases = models.TextField(
        "căn cứ riêng của kế hoạch", blank=True,
        help_text="Mỗi dòng một căn cứ, in sau các dòng căn cứ pháp lý, ví dụ: Thực hiện Chỉ thị số …; Căn cứ Kế "
                  "hoạch số … của Ủy ban nhân dân tỉnh về …")
    eligible_subject_types = models.JSONField("đối tượng được khen", default=list, blank=True)
    eligible_org_kinds = models.JSONField("loại đơn vị được khen", default=list, blank=True,
                                          help_text="Để trống: mọi loại đơn vị tham gia.")
    participant_blocs = models.ManyToManyField(EmulationBloc, verbose_name="khối, cụm tham gia",
                                               blank=True, related_name="campaigns")
    copied_from = models.ForeignKey("self", verbose_name="sao chép từ", null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="copies")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, editable=False,
                                   on_delete=models.SET_NULL, related_name="+")
    launched_at = models.DateTimeField("phát động lúc", null=True, blank=True, editable=False)
    closed_at = models.DateTimeField("kết thúc lúc", null=True, blank=True, editable=False)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = "phong trào thi đua"
        verbose_name_plural = "phong trào thi đua"
        ordering = ["-period_start", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("campaigns:campaign_detail", args=[self.pk])

    @property
    def is_track(self):
        """A standing track of awards outside campaigns, not a phong trào (CampaignKind.TRACK)."""
        return self.kind == CampaignKind.TRACK

    @property
    def track_achievement(self):
        """A track's "thành tích xuất sắc đột xuất" (what its documents say was achieved); "" for a campaign."""
        return TRACK_WORDS.get(self.award_type, ("", ""))[0] if self.is_track else ""

    @property
    def track_award(self):
        """A track's "khen thưởng đột xuất" (what its documents say is proposed); "" for a campaign."""
        return TRACK_WORDS.get(self.award_type, ("", ""))[1] if self.is_track else ""

    @property
    def cited_name(self):
        """'phong trào thi đua “X” năm 2026': the campaign inside a document's sentence (campaigns/citation.py)."""
        return " ".join(self.citation.split()) or cited_name(self.title)

    @property
    def plan_reference(self):
        """'173/KH-SNV'; numbers below 10 get a leading zero (Nghị định 30/2020)."""
        if not self.plan_number:
            return ""
        return f"{self.plan_number:02d}/{self.plan_symbol}" if self.plan_symbol else f"{self.plan_number:02d}"

    def plan_basis_lines(self):
        """The plan's own căn cứ lines, as typed, one a line."""
        return [line.strip() for line in (self.plan_bases or "").splitlines() if line.strip()]

    def basis_lines(self):
        """What the Kế hoạch prints as its căn cứ: the legal-basis profile's lines, then the plan's own."""
        return [*(self.legal_profile.lines() if self.legal_profile else []), *self.plan_basis_lines()]

    @property
    def period_end_phrase(self):
        """How the period ends inside a sentence: "đến khi tổ chức thành công Đại hội …" as the plan typed it
        (with "đến" put in front when it was left out, no final stop), or "" when the plan gives a date only."""
        text = " ".join(self.period_end_text.split()).rstrip(" .;,")
        if not text:
            return ""
        if re.match(r"đến\b", text, re.IGNORECASE):
            return "đ" + text[1:]  # "Đến khi …" typed as a sentence: lower case inside ours
        return f"đến {text}"  # "khi tổ chức …", "Đại hội …": the rest as typed (a name keeps its capital)

    @property
    def period_label(self):
        """The period as the pages show it: "15/07/2024 – 31/07/2025", or "Từ 15/07/2024 đến khi …"."""
        start = f"{self.period_start:%d/%m/%Y}" if self.period_start else "…"
        if self.period_end_phrase:
            return f"Từ {start} {self.period_end_phrase}"
        return f"{start} – {self.period_end:%d/%m/%Y}" if self.period_end else start

    @property
    def status_badge(self):
        return STATUS_BADGES[self.status]

    @property
    def is_editable_freely(self):
        return self.status == CampaignStatus.DRAFT

    def days_to_deadline(self, today=None):
        if not self.dossier_deadline:
            return None
        return (self.dossier_deadline - (today or timezone.localdate())).days

    def subject_type_labels(self):
        return [SubjectType(s).label for s in self.eligible_subject_types if s in SubjectType.values]

    def participating_units(self):
        """Organisations taking part, resolved from units, subtrees and blocs: those that existed
        during the campaign (a unit dissolved by a mid-campaign merger still took part)."""
        listed, query = [], Q(pk__in=[])
        for participant in self.participants.select_related("organisation"):
            if participant.include_subtree:
                query |= Q(path__startswith=participant.organisation.path)
            else:
                listed.append(participant.organisation_id)
        query |= Q(pk__in=listed)  # one IN list: a campaign listing 1,000 units one by one was a 1,000-term OR
        query |= Q(blocs__in=self.participant_blocs.all())
        existed = Q(valid_until__isnull=True) | Q(valid_until__gt=self.period_start)
        return Organisation.objects.filter(query).filter(existed).distinct()

    def is_participant(self, organisation):
        return Campaign.objects.filter(pk=self.pk).filter(participation_q(organisation)).exists()

    def save(self, *args, **kwargs):
        self.award_type = award_type_of(self.kind, self.award_type)
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.is_track and self.award_type not in TRACK_AWARD_TYPES:
            errors["award_type"] = "Chọn loại hình khen thưởng của đề nghị ngoài phong trào (đột xuất, cống hiến…)."
        if not self.is_track and not self.period_end and not self.period_end_text.strip():
            errors["period_end"] = ("Nhập ngày kết thúc, hoặc ghi mốc kết thúc của phong trào (ví dụ: đến khi tổ "
                                    "chức thành công Đại hội …).")
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = "Ngày kết thúc phải sau ngày bắt đầu phong trào."
        if self.period_start and self.dossier_deadline and self.dossier_deadline < self.period_start:
            errors["dossier_deadline"] = "Hạn nộp hồ sơ không được trước ngày bắt đầu phong trào."
        if self.period_start and self.summary_deadline and self.summary_deadline < self.period_start:
            errors["summary_deadline"] = "Hạn tổng kết không được trước ngày bắt đầu phong trào."
        if self.plan_date and self.period_end and self.plan_date > self.period_end:
            errors["plan_date"] = "Ngày ban hành kế hoạch phải trước khi phong trào kết thúc."
        unknown = set(self.eligible_subject_types or []) - set(SubjectType.values)
        if unknown:
            errors["eligible_subject_types"] = "Đối tượng không hợp lệ."
        if errors:
            raise ValidationError(errors)


class CampaignParticipant(models.Model):
    """Đơn vị tham gia: one organisation, alone or with its whole subtree."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey(Organisation, verbose_name="cơ quan, đơn vị", on_delete=models.PROTECT,
                                     related_name="campaign_participations")
    include_subtree = models.BooleanField("kể cả các đơn vị trực thuộc", default=True)

    class Meta:
        verbose_name = "đơn vị tham gia"
        verbose_name_plural = "đơn vị tham gia"
        constraints = [models.UniqueConstraint(fields=["campaign", "organisation"],
                                               name="campaign_participant_unique")]

    def __str__(self):
        return str(self.organisation)

    def clean(self):
        if self.organisation_id and self.campaign_id and not self.campaign.issuer.same_province(self.organisation):
            raise ValidationError({"organisation": "Đơn vị tham gia phải thuộc tỉnh của cơ quan phát động."})


class Target(NormalizedTextModel):
    """Chỉ tiêu thi đua, e.g. '20% công chức, viên chức hoàn thành xuất sắc nhiệm vụ'."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="targets")
    order = models.PositiveIntegerField("thứ tự", default=0)
    text = models.TextField("nội dung chỉ tiêu")
    value = models.DecimalField("chỉ số", max_digits=12, decimal_places=2, null=True, blank=True)
    unit = models.CharField("đơn vị tính", max_length=40, blank=True, help_text="Ví dụ: %, đơn vị, người.")
    measured_on = models.CharField("áp dụng cho", max_length=200, blank=True,
                                   help_text="Ví dụ: công chức, viên chức hoàn thành xuất sắc nhiệm vụ.")

    class Meta:
        verbose_name = "chỉ tiêu thi đua"
        verbose_name_plural = "chỉ tiêu thi đua"
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text

    @property
    def figure(self):
        if self.value is None:
            return ""
        value = self.value.normalize()
        text = f"{value:f}".replace(".", ",")
        return f"{text}{self.unit}" if self.unit == "%" else f"{text} {self.unit}".strip()


class Criterion(NormalizedTextModel):
    """Tiêu chuẩn khen thưởng: one checklist line for one subject type."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="criteria")
    subject_type = models.CharField("đối tượng", max_length=12, choices=SubjectType.choices)
    order = models.PositiveIntegerField("thứ tự", default=0)
    text = models.TextField("nội dung tiêu chuẩn")
    is_blocking = models.BooleanField("bắt buộc", default=True,
                                      help_text="Không đạt thì không được đề nghị (bỏ chọn: chỉ cảnh báo).")

    class Meta:
        verbose_name = "tiêu chuẩn khen thưởng"
        verbose_name_plural = "tiêu chuẩn khen thưởng"
        ordering = ["subject_type", "order", "pk"]

    def __str__(self):
        return self.text


class CampaignAward(models.Model):
    """Hình thức khen thưởng offered by a campaign, with dossier copies and the per-unit quota."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="awards")
    award_form = models.ForeignKey(AwardForm, verbose_name="hình thức khen thưởng", on_delete=models.PROTECT,
                                   related_name="campaign_offers")
    copies = models.PositiveSmallIntegerField("số bộ hồ sơ", default=1,
                                              validators=[MinValueValidator(1), MaxValueValidator(20)])
    quota_kind = models.CharField("cách tính chỉ tiêu", max_length=20, choices=QuotaKind.choices,
                                  default=QuotaKind.NONE)
    quota_value = models.DecimalField("số lượng / tỷ lệ %", max_digits=7, decimal_places=2, null=True,
                                      blank=True)
    quota_base = models.ForeignKey(AwardForm, verbose_name="tính trên số đề nghị", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+",
                                   help_text="Chỉ dùng với cách tính “% trên số được đề nghị hình thức khác”. Tỷ lệ "
                                             "này tính trên toàn cơ quan phát động (cơ quan quyết định).")
    quota_source = models.CharField("căn cứ của chỉ tiêu", max_length=300, blank=True,
                                    help_text="Văn bản, điều khoản quy định chỉ tiêu, tỷ lệ (in trong cảnh báo).")
    order = models.PositiveIntegerField("thứ tự", default=0)
    note = models.CharField("ghi chú", max_length=300, blank=True)
    # Whether this form goes to the issuing body's council in this campaign: as the catalogue says, or as the
    # plan says (a drive may send a form to the council that the catalogue marks as not needing one).
    council_vote = models.CharField("xét tại Hội đồng TĐKT", max_length=3, blank=True, default="", choices=[
        ("", "Theo danh mục"), ("yes", "Hội đồng bỏ phiếu"), ("no", "Không qua Hội đồng")])

    class Meta:
        verbose_name = "hình thức khen thưởng của phong trào"
        verbose_name_plural = "hình thức khen thưởng của phong trào"
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["campaign", "award_form"], name="campaign_award_unique")]

    def __str__(self):
        return str(self.award_form)

    @property
    def needs_council(self):
        """Whether the council votes on this form in this campaign (the campaign's choice, else the catalogue's)."""
        if self.council_vote:
            return self.council_vote == "yes"
        return self.award_form.needs_council

    @cached_property
    def vote_rule(self):
        """The council's (and the unit's bình xét) vote rule for this form under the campaign's legal-basis
        profile: the profile's row, else the catalogue's (awards.models.vote_rule)."""
        from awards.models import vote_rule

        return vote_rule(self.award_form, self.campaign.legal_profile_id)

    @staticmethod
    def attach_vote_rules(offers):
        """Read the vote rules of several offers (their campaigns loaded) in one query, into each one's
        `vote_rule` (a list of 50 nominees' offers is not 50 queries)."""
        from awards.models import vote_rule, vote_rules_for

        offers = list(offers)
        rules = vote_rules_for({(o.campaign.legal_profile_id, o.award_form_id) for o in offers})
        for offer in offers:
            offer.__dict__["vote_rule"] = vote_rule(offer.award_form, offer.campaign.legal_profile_id, rules)
        return offers

    @staticmethod
    def needs_council_q(prefix=""):
        """needs_council as a filter, `prefix` leading to the CampaignAward ("dossier__offer__")."""
        return Q(**{f"{prefix}council_vote": "yes"}) | Q(**{f"{prefix}council_vote": "",
                                                          f"{prefix}award_form__needs_council": True})

    @property
    def copies_label(self):
        return f"{self.copies:02d} bộ"

    def quota_label(self):
        value = self.quota_value.normalize() if self.quota_value is not None else None
        shown = f"{value:f}".replace(".", ",") if value is not None else ""
        if self.quota_kind == QuotaKind.FIXED:
            return f"Tối đa {shown} mỗi đơn vị"
        if self.quota_kind == QuotaKind.PERCENT_HEADCOUNT:
            return f"Tối đa {shown}% số cán bộ của đơn vị"
        if self.quota_kind == QuotaKind.RATIO_OF_FORM:
            return f"Tối đa {shown}% số được đề nghị {self.quota_base}"
        return "Không giới hạn"

    @property
    def quota_counted_over_body(self):
        """A ratio of another form's nominees is counted over the whole issuing body (the body that decides:
        e.g. Chiến sĩ thi đua cơ sở as a share of Lao động tiên tiến); a fixed or headcount quota per unit."""
        return self.quota_kind == QuotaKind.RATIO_OF_FORM

    def quota_for(self, organisation, headcount=None, base_count=None):
        """The most nominees a unit may propose for this form (None: no limit)."""
        override = self.quota_overrides.filter(organisation=organisation).values_list("max_count", flat=True)
        return self.quota_limit(override.first(), headcount, base_count)

    def quota_limit(self, override, headcount=None, base_count=None):
        """quota_for() when the caller has read the unit's override (None: there is none) itself."""
        if override is not None:
            return override
        if self.quota_kind == QuotaKind.FIXED:
            return int(self.quota_value)
        if self.quota_kind == QuotaKind.PERCENT_HEADCOUNT and headcount is not None:
            return math.floor(Decimal(headcount) * self.quota_value / 100)
        if self.quota_kind == QuotaKind.RATIO_OF_FORM and base_count is not None:
            return math.floor(Decimal(base_count) * self.quota_value / 100)
        return None

    def clean(self):
        errors = {}
        needs_value = self.quota_kind != QuotaKind.NONE
        if needs_value and self.quota_value is None:
            errors["quota_value"] = "Nhập số lượng hoặc tỷ lệ cho chỉ tiêu."
        if self.quota_value is not None and self.quota_value < 0:
            errors["quota_value"] = "Chỉ tiêu không được âm."
        if self.quota_kind in (QuotaKind.PERCENT_HEADCOUNT, QuotaKind.RATIO_OF_FORM) and \
                self.quota_value is not None and self.quota_value > 100:
            errors["quota_value"] = "Tỷ lệ không được quá 100%."
        if self.quota_kind == QuotaKind.FIXED and self.quota_value is not None and \
                self.quota_value != int(self.quota_value):
            errors["quota_value"] = "Số lượng phải là số nguyên."
        if self.quota_kind == QuotaKind.RATIO_OF_FORM and not self.quota_base_id:
            errors["quota_base"] = "Chọn hình thức dùng làm cơ sở tính tỷ lệ."
        if self.quota_base_id and self.quota_base_id == self.award_form_id:
            errors["quota_base"] = "Hình thức cơ sở phải khác hình thức đang tính chỉ tiêu."
        if self.council_vote == "yes" and self.award_form_id and self.campaign_id and self.vote_rule.threshold is None:
            errors["council_vote"] = (f"“{self.award_form}” chưa có tỷ lệ phiếu đồng ý tối thiểu trong danh mục: "
                                      "quản trị cần bổ sung trước khi đưa hình thức này ra Hội đồng.")
        campaign = getattr(self, "campaign", None)
        if campaign is not None and self.award_form_id and campaign.eligible_subject_types:
            offered = set(self.award_form.subject_types) & set(campaign.eligible_subject_types)
            if not offered:
                errors["award_form"] = (f"“{self.award_form}” chỉ tặng cho "
                                        f"{', '.join(self.award_form.subject_type_labels()).lower()}, "
                                        "không thuộc đối tượng được khen của phong trào.")
        if errors:
            raise ValidationError(errors)


class QuotaOverride(models.Model):
    """Chỉ tiêu riêng: an explicit quota for one unit, overriding the rule."""

    campaign_award = models.ForeignKey(CampaignAward, on_delete=models.CASCADE, related_name="quota_overrides")
    organisation = models.ForeignKey(Organisation, verbose_name="đơn vị", on_delete=models.PROTECT,
                                     related_name="+")
    max_count = models.PositiveIntegerField("số lượng tối đa")

    class Meta:
        verbose_name = "chỉ tiêu riêng của đơn vị"
        verbose_name_plural = "chỉ tiêu riêng của đơn vị"
        constraints = [models.UniqueConstraint(fields=["campaign_award", "organisation"],
                                               name="quota_override_unique")]

    def clean(self):
        if self.organisation_id and self.campaign_award_id and not self.campaign_award.campaign.issuer.same_province(
                self.organisation):
            raise ValidationError({"organisation": "Đơn vị phải thuộc tỉnh của cơ quan phát động."})


class DossierComponent(NormalizedTextModel):
    """Thành phần hồ sơ required by the campaign (Tờ trình, Biên bản, Báo cáo per nominee…)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="components")
    kind = models.CharField("loại", max_length=10, choices=ComponentKind.choices)
    name = models.CharField("tên thành phần", max_length=300)
    per_nominee = models.BooleanField("mỗi người, tập thể được đề nghị một bản", default=False)
    required = models.BooleanField("bắt buộc", default=True)
    order = models.PositiveIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "thành phần hồ sơ"
        verbose_name_plural = "thành phần hồ sơ"
        ordering = ["order", "pk"]

    def __str__(self):
        return self.name


class ReminderRule(models.Model):
    """Quy tắc nhắc hạn: when and whom to remind about the dossier deadline."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="reminder_rules")
    kind = models.CharField("khi nào", max_length=10, choices=ReminderKind.choices)
    days = models.PositiveSmallIntegerField("số ngày (N)", default=0)
    max_times = models.PositiveSmallIntegerField("nhắc tối đa (M lần)", default=1)
    audience = models.CharField("gửi đến", max_length=10, choices=ReminderAudience.choices,
                                default=ReminderAudience.CLERKS)
    is_active = models.BooleanField("đang áp dụng", default=True)

    class Meta:
        verbose_name = "quy tắc nhắc hạn"
        verbose_name_plural = "quy tắc nhắc hạn"
        ordering = ["kind", "days"]

    def __str__(self):
        return f"{self.when} → {self.get_audience_display()}"

    @property
    def when(self):
        """The rule in words, with its numbers (the kinds' labels name them N and M, for the form's columns)."""
        if self.kind == ReminderKind.BEFORE:
            return f"{self.days} ngày trước hạn nộp hồ sơ"
        if self.kind == ReminderKind.AFTER:
            return f"Sau hạn nộp hồ sơ: hằng ngày, tối đa {self.max_times} lần"
        if self.kind == ReminderKind.RETURNED:
            return f"Hồ sơ bị trả lại chưa nộp lại sau {self.days} ngày"
        return self.get_kind_display()

    def clean(self):
        if self.kind in (ReminderKind.BEFORE, ReminderKind.RETURNED) and not self.days:
            raise ValidationError({"days": "Nhập số ngày (lớn hơn 0)."})
        if not self.max_times:
            raise ValidationError({"max_times": "Số lần nhắc phải lớn hơn 0."})


class PlanTask(NormalizedTextModel):
    """Nhiệm vụ của kế hoạch năm: a dated task of one quarter with its responsible units."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="tasks")
    quarter = models.PositiveSmallIntegerField("quý", choices=[(1, "Quý I"), (2, "Quý II"), (3, "Quý III"),
                                                               (4, "Quý IV")])
    order = models.PositiveIntegerField("thứ tự", default=0)
    content = models.TextField("nội dung")
    responsible = models.ManyToManyField(Organisation, verbose_name="đơn vị chủ trì", blank=True,
                                         related_name="responsible_tasks")
    cooperating = models.ManyToManyField(Organisation, verbose_name="đơn vị phối hợp", blank=True,
                                         related_name="cooperating_tasks")
    responsible_note = models.CharField("chủ trì, phối hợp (ghi chú)", max_length=300, blank=True,
                                        help_text="Ví dụ: Lãnh đạo Văn phòng; Hội đồng sáng kiến.")
    due_date = models.DateField("hạn hoàn thành", null=True, blank=True)
    status = models.CharField("tình trạng", max_length=12, choices=TaskStatus.choices, default=TaskStatus.TODO)
    done_on = models.DateField("ngày hoàn thành", null=True, blank=True)

    class Meta:
        verbose_name = "nhiệm vụ kế hoạch"
        verbose_name_plural = "nhiệm vụ kế hoạch"
        ordering = ["quarter", "order", "pk"]

    def __str__(self):
        return self.content

    def is_late(self, today=None):
        today = today or timezone.localdate()
        if self.due_date is None:
            return False
        if self.status == TaskStatus.DONE:
            return bool(self.done_on and self.done_on > self.due_date)
        return self.due_date < today


class CampaignAmendment(models.Model):
    """Sửa đổi kế hoạch đã phát động: who changed what, when and why."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="amendments")
    at = models.DateTimeField("lúc", auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    section = models.CharField("phần sửa", max_length=80)
    reason = models.TextField("lý do")
    changes = models.JSONField("nội dung thay đổi", default=dict)

    class Meta:
        verbose_name = "sửa đổi kế hoạch"
        verbose_name_plural = "sửa đổi kế hoạch"
        ordering = ["-at"]


class RegistrationQuerySet(models.QuerySet):
    def for_user(self, user):
        """Registrations the user may open: of campaigns they see, and either those of the units under
        their clerk role (drafts included) or, for the issuer's staff, those a unit has sent (never a
        draft: nobody sees another unit's drafts)."""
        from orgs import scope

        qs = self.filter(campaign__in=Campaign.objects.for_user(user))
        if user.is_superuser:
            return qs
        own = subtree_q(scope.scope_paths(user, [Role.CLERK]), prefix="organisation__path")
        sent = scope.issuer_q(user, None, "campaign__issuer") & ~Q(
            status=RegistrationStatus.DRAFT)
        return qs.filter(own | sent)


class Registration(TimeStampedModel):
    """Đăng ký thi đua: what a unit and its people aim for in a campaign."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="registrations")
    organisation = models.ForeignKey(Organisation, verbose_name="đơn vị", on_delete=models.PROTECT,
                                     related_name="registrations")
    status = models.CharField("trạng thái", max_length=10, choices=RegistrationStatus.choices,
                              default=RegistrationStatus.DRAFT, editable=False)
    note = models.TextField("ghi chú của đơn vị", blank=True)
    submitted_at = models.DateTimeField("gửi lúc", null=True, blank=True, editable=False)
    return_reason = models.TextField("lý do trả lại", blank=True, editable=False)
    returned_at = models.DateTimeField("trả lại lúc", null=True, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = "đăng ký thi đua"
        verbose_name_plural = "đăng ký thi đua"
        ordering = ["organisation__path"]
        constraints = [models.UniqueConstraint(fields=["campaign", "organisation"],
                                               name="registration_unique")]

    def __str__(self):
        return f"{self.organisation} – {self.campaign}"

    def get_absolute_url(self):
        return reverse("campaigns:registration_detail", args=[self.pk])


class RegistrationEntry(NormalizedTextModel):
    """One line of a registration: a person or the unit aiming at one title or award form."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="entries")
    subject_type = models.CharField("đối tượng", max_length=12, choices=SubjectType.choices)
    person = models.ForeignKey("orgs.Person", verbose_name="cá nhân", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="registrations")
    organisation = models.ForeignKey(Organisation, verbose_name="tập thể", null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="+")
    award_form = models.ForeignKey(AwardForm, verbose_name="danh hiệu, hình thức đăng ký",
                                   on_delete=models.PROTECT, related_name="+")
    target_note = models.CharField("mục tiêu, cam kết", max_length=500, blank=True)

    class Meta:
        verbose_name = "nội dung đăng ký"
        verbose_name_plural = "nội dung đăng ký"
        ordering = ["subject_type", "pk"]

    @property
    def subject(self):
        return self.person if self.subject_type == SubjectType.INDIVIDUAL else self.organisation

    def clean(self):
        if self.subject_type == SubjectType.INDIVIDUAL and not self.person_id:
            raise ValidationError({"person": "Chọn cá nhân đăng ký."})
        if self.subject_type != SubjectType.INDIVIDUAL and not self.organisation_id:
            raise ValidationError({"organisation": "Chọn tập thể đăng ký."})
        if self.award_form_id and not self.award_form.applies_to(self.subject_type):
            raise ValidationError({"award_form": f"“{self.award_form}” không tặng cho "
                                                 f"{SubjectType(self.subject_type).label.lower()}."})
