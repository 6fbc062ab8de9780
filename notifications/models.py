"""In-app notifications (thông báo) and their e-mail copies."""
from django.conf import settings
from django.db import models
from django.utils import timezone

from .enums import EmailStatus


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """Thông báo: one message to one user, shown under the bell and (when possible) sent by e-mail."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="notifications", verbose_name="người nhận")
    template = models.CharField("mẫu", max_length=80)
    title = models.CharField("tiêu đề ngắn", max_length=120, blank=True,
                             help_text="Một dòng, hiện dưới chuông; nội dung đầy đủ ở thư điện tử.")
    subject = models.CharField("tiêu đề thư", max_length=255)
    body = models.TextField("nội dung")
    body_html = models.TextField("nội dung HTML", blank=True)
    url = models.CharField("liên kết", max_length=300, blank=True)
    created_at = models.DateTimeField("tạo lúc", default=timezone.now, db_index=True)
    read_at = models.DateTimeField("đọc lúc", null=True, blank=True)
    email_status = models.CharField("thư điện tử", max_length=10, choices=EmailStatus.choices,
                                    default=EmailStatus.PENDING)
    emailed_at = models.DateTimeField("gửi thư lúc", null=True, blank=True)
    email_error = models.CharField("lỗi gửi thư", max_length=300, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = "thông báo"
        verbose_name_plural = "thông báo"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self):
        return self.headline

    @property
    def headline(self):
        """The one line the bell lists: the short title (the e-mail subject, for a row written without one)."""
        return self.title or self.subject

    @property
    def is_read(self):
        return self.read_at is not None


class OutboxStatus(models.TextChoices):
    DRAFT = "draft", "Chờ duyệt"
    RELEASED = "released", "Đã gửi"
    DISCARDED = "discarded", "Đã hủy"


class OutboxBatch(models.Model):
    """Hộp thư chờ gửi: one bulk message to many units, held until a person previews and releases it.

    The subject and body are templates with {placeholders} filled per item (plain substitution, not the
    Django template language: the person editing them cannot reach anything but the item's values).
    """

    scope = models.CharField("phạm vi", max_length=60, db_index=True, help_text="Ví dụ: campaign:12")
    title = models.CharField("tên đợt gửi", max_length=200)
    subject_template = models.CharField("tiêu đề", max_length=255)
    body_template = models.TextField("nội dung")
    status = models.CharField("trạng thái", max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField("tạo lúc", default=timezone.now)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField("gửi / hủy lúc", null=True, blank=True)

    class Meta:
        verbose_name = "đợt gửi thư"
        verbose_name_plural = "hộp thư chờ gửi"
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class OutboxItem(models.Model):
    """One message of a batch: to the people of one target (a unit), with the values of its placeholders."""

    batch = models.ForeignKey(OutboxBatch, on_delete=models.CASCADE, related_name="items")
    target = models.CharField("đối tượng", max_length=60, help_text="Ví dụ: org:15")
    label = models.CharField("gửi đến", max_length=300)
    url = models.CharField("liên kết", max_length=300, blank=True)
    values = models.JSONField("giá trị thay thế", default=dict)
    recipients = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", verbose_name="người nhận")
    sent_at = models.DateTimeField("gửi lúc", null=True, blank=True)

    class Meta:
        verbose_name = "thư chờ gửi"
        verbose_name_plural = "thư chờ gửi"
        ordering = ["pk"]
        indexes = [models.Index(fields=["target", "sent_at"], name="outbox_item_target")]

    def __str__(self):
        return self.label
