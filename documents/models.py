"""Rendered official documents (văn bản in): a frozen context and the PDF made from it."""
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from .enums import RenderStatus


def document_path(document, filename):
    return f"documents/{timezone.now():%Y/%m}/{document.kind}-{document.pk or 'new'}-{document.fingerprint[:12]}.pdf"


class Document(models.Model):
    """Văn bản in: one document of one object (a dossier's Tờ trình, a nominee's Báo cáo, a decision…),
    as it was when frozen: the context JSON, its fingerprint, and the stored PDF once rendered."""

    kind = models.CharField("loại văn bản", max_length=40)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("content_type", "object_id")
    part = models.CharField("phần", max_length=40, blank=True, default="")
    context = models.JSONField("nội dung")
    fingerprint = models.CharField("dấu vân tay nội dung", max_length=64)
    status = models.CharField("trạng thái", max_length=10, choices=RenderStatus.choices,
                              default=RenderStatus.PENDING)
    file = models.FileField(upload_to=document_path, max_length=300, blank=True)
    pages = models.PositiveIntegerField("số trang", null=True, blank=True)
    size = models.PositiveIntegerField("dung lượng", null=True, blank=True)
    error = models.TextField("lỗi", blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # when someone last asked for the file (its render was queued), and when the last render began: the sweep
    # queues again what is still pending or was cut off (documents.services.requeue_pending)
    queued_at = models.DateTimeField("yêu cầu tạo tệp lúc", null=True, blank=True)
    started_at = models.DateTimeField("bắt đầu tạo tệp lúc", null=True, blank=True)
    created_at = models.DateTimeField("tạo lúc", default=timezone.now)
    frozen_at = models.DateTimeField("chốt nội dung lúc", null=True, blank=True)
    rendered_at = models.DateTimeField("tạo tệp lúc", null=True, blank=True)
    # the portal's address the file was made for (kinds that print it: the certificates' QR code)
    site_url = models.CharField("địa chỉ cổng khi tạo tệp", max_length=300, blank=True)

    class Meta:
        verbose_name = "văn bản in"
        verbose_name_plural = "văn bản in"
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id", "kind", "part", "fingerprint"],
                                               name="one_document_per_content")]
        indexes = [models.Index(fields=["content_type", "object_id", "kind", "part"], name="document_of_object")]

    def __str__(self):
        return f"{self.kind} #{self.pk}"

    @property
    def is_ready(self):
        return self.status == RenderStatus.DONE and bool(self.file)

    @property
    def status_badge(self):
        return RenderStatus(self.status).badge


class FormSubmission(models.Model):
    """The first use of a create form's one-time token (core/once.py, documents.once): a second POST of the same
    form by the same user finds this row and is sent to what the first one made (`url`), instead of creating
    it again. Written in the create's own transaction, so a create that failed leaves no row."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=64)
    url = models.CharField("kết quả", max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "lần gửi biểu mẫu"
        verbose_name_plural = "lần gửi biểu mẫu"
        constraints = [models.UniqueConstraint(fields=["user", "token"], name="one_submission_per_form_token")]
        indexes = [models.Index(fields=["created_at"], name="form_submission_created")]

    def __str__(self):
        return f"{self.user_id}:{self.token}"

