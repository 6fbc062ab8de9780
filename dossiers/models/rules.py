"""Configuration of the eligibility rules: which block submission and which only warn."""
from django.db import models


class EligibilityRule(models.Model):
    """Quy tắc xét điều kiện: whether a rule is applied, and whether a failure blocks or warns."""

    code = models.SlugField("mã", max_length=40, unique=True)
    label = models.CharField("tên quy tắc", max_length=200)
    is_active = models.BooleanField("áp dụng", default=True)
    is_blocking = models.BooleanField("chặn nộp hồ sơ khi không đạt", default=True,
                                      help_text="Bỏ chọn: chỉ cảnh báo; Văn phòng có thể chấp nhận kèm lý do.")
    order = models.PositiveIntegerField("thứ tự", default=0)
    parameters = models.JSONField("tham số", default=dict, blank=True,
                                  help_text="Giá trị các tham số của quy tắc (ví dụ số năm); để trống là mặc định.")
    # when an admin last changed the rule (shown in the history)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        verbose_name = "quy tắc xét điều kiện"
        verbose_name_plural = "quy tắc xét điều kiện"
        ordering = ["order", "code"]

    def __str__(self):
        return self.label
