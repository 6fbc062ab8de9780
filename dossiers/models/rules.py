"""Configuration of the eligibility rules: which apply, which block submission and which only warn, with what
parameters — in three layers (docs/domain.md, Eligibility rules):

- EligibilityRule: the national defaults, one row per rule, edited by the system administrator only;
- ProvinceRule: a province's own choice for a rule (its root organisation's), edited by the province's admin;
- CampaignRule: a campaign's exception for itself (a drive launched by the Prime Minister is judged on the
  achievement in the drive, not on the periodic history rule), edited with the campaign, with its reason.
"""
from django.db import models


class RuleChoice(models.Model):
    """What one layer says of a rule."""

    is_active = models.BooleanField("áp dụng", default=True)
    is_blocking = models.BooleanField("chặn nộp hồ sơ khi không đạt", default=True,
                                      help_text="Bỏ chọn: chỉ cảnh báo; Văn phòng có thể chấp nhận kèm lý do.")
    parameters = models.JSONField("tham số", default=dict, blank=True,
                                  help_text="Giá trị các tham số của quy tắc (ví dụ số năm); để trống là mặc định.")
    # when it was last changed (shown in the history)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        abstract = True


class EligibilityRule(RuleChoice):
    """Quy tắc xét điều kiện, national default: whether a rule is applied, and whether a failure blocks or warns."""

    code = models.SlugField("mã", max_length=40, unique=True)
    label = models.CharField("tên quy tắc", max_length=200)
    order = models.PositiveIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "quy tắc xét điều kiện"
        verbose_name_plural = "quy tắc xét điều kiện"
        ordering = ["order", "code"]

    def __str__(self):
        return self.label


class ProvinceRule(RuleChoice):
    """A province's choice for one rule; without a row the province follows the national default."""

    province = models.ForeignKey("orgs.Organisation", verbose_name="tỉnh", on_delete=models.CASCADE,
                                 related_name="eligibility_rules")
    code = models.SlugField("mã", max_length=40)

    class Meta:
        verbose_name = "quy tắc xét điều kiện của tỉnh"
        verbose_name_plural = "quy tắc xét điều kiện của tỉnh"
        constraints = [models.UniqueConstraint(fields=["province", "code"], name="province_rule_unique")]


class CampaignRule(RuleChoice):
    """A campaign's exception for one rule, with the reason the plan gives for it."""

    campaign = models.ForeignKey("campaigns.Campaign", verbose_name="phong trào", on_delete=models.CASCADE,
                                 related_name="eligibility_rules")
    code = models.SlugField("mã", max_length=40)
    note = models.CharField("lý do, căn cứ", max_length=300, blank=True)

    class Meta:
        verbose_name = "quy tắc xét điều kiện của phong trào"
        verbose_name_plural = "quy tắc xét điều kiện của phong trào"
        constraints = [models.UniqueConstraint(fields=["campaign", "code"], name="campaign_rule_unique")]
