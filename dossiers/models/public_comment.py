"""Lấy ý kiến nhân dân (docs/domain.md, Public comment): before its council meets, a body's office publishes
the nominees whose award form needs it (`LegalBasisProfile.public_comment_forms`) for comment during a window.

- CommentWindow: the body, the dates, who opened it (and who closed it early).
- CommentNominee: a nominee of the window and the summary published for it (nothing else of the dossier is public).
- PublicComment: what a member of the public wrote; "chờ duyệt" until the office approves or rejects it.
"""
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.models import TimeStampedModel
from orgs.models import Organisation

NAME_MAX, CONTACT_MAX, TEXT_MAX = 120, 200, 2000


class CommentWindow(TimeStampedModel):
    issuer = models.ForeignKey(Organisation, verbose_name="cơ quan", on_delete=models.PROTECT,
                               related_name="comment_windows")
    title = models.CharField("tiêu đề", max_length=300)
    opens_at = models.DateTimeField("bắt đầu nhận ý kiến")
    closes_at = models.DateTimeField("hết hạn nhận ý kiến")
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
                                  editable=False)
    closed_early_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="+", editable=False)

    class Meta:
        verbose_name = "đợt lấy ý kiến nhân dân"
        verbose_name_plural = "đợt lấy ý kiến nhân dân"
        ordering = ["-opens_at", "-pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("dossiers:comment_window", args=[self.pk])

    def get_public_url(self):
        return reverse("publication:comment_window", args=[self.pk])

    def has_started(self, now=None):
        return self.opens_at <= (now or timezone.now())

    def has_closed(self, now=None):
        return self.closes_at <= (now or timezone.now())

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.has_started(now) and not self.has_closed(now)

    @property
    def state_label(self):
        if self.has_closed():
            return "Đã kết thúc"
        return "Đang lấy ý kiến" if self.has_started() else "Chưa bắt đầu"


class CommentNominee(models.Model):
    window = models.ForeignKey(CommentWindow, on_delete=models.CASCADE, related_name="nominees")
    nomination = models.ForeignKey("dossiers.Nomination", on_delete=models.CASCADE, related_name="comment_entries")
    summary = models.TextField("tóm tắt thành tích công khai", max_length=1000)

    class Meta:
        verbose_name = "người, tập thể lấy ý kiến"
        verbose_name_plural = "người, tập thể lấy ý kiến"
        ordering = ["nomination__dossier__offer__order", "nomination__order", "pk"]
        constraints = [models.UniqueConstraint(fields=["window", "nomination"], name="comment_nominee_once")]

    def __str__(self):
        return self.nomination.name


class CommentState(models.TextChoices):
    PENDING = "pending", "Chờ duyệt"
    APPROVED = "approved", "Đã duyệt"
    REJECTED = "rejected", "Không duyệt"


class PublicComment(TimeStampedModel):
    nominee = models.ForeignKey(CommentNominee, on_delete=models.CASCADE, related_name="comments")
    name = models.CharField("họ và tên", max_length=NAME_MAX)
    contact = models.CharField("địa chỉ, điện thoại hoặc thư điện tử", max_length=CONTACT_MAX)
    text = models.TextField("nội dung ý kiến", max_length=TEXT_MAX)
    address = models.GenericIPAddressField("địa chỉ IP gửi", null=True, blank=True, editable=False)
    state = models.CharField("tình trạng", max_length=10, choices=CommentState.choices, default=CommentState.PENDING,
                             editable=False)
    moderation_note = models.TextField("ghi chú của Văn phòng", blank=True, editable=False)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", editable=False)
    moderated_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "ý kiến nhân dân"
        verbose_name_plural = "ý kiến nhân dân"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.name}: {self.text[:40]}"

    @property
    def state_badge(self):
        return {"pending": "warning", "approved": "success", "rejected": "secondary"}[self.state]
