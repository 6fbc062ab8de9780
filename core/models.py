"""Domain-free model bases, and the Excel imports run by the worker."""
import uuid

from django.conf import settings
from django.db import models

from .text import nfc


class NormalizedTextModel(models.Model):
    """A model whose text fields are stored in Unicode NFC, whatever the input path."""

    class Meta:
        abstract = True

    def normalize_text_fields(self):
        for field in self._meta.concrete_fields:
            if isinstance(field, (models.CharField, models.TextField)):
                value = getattr(self, field.attname)
                if isinstance(value, str):
                    value = nfc(value)
                    setattr(self, field.attname, value.strip() if isinstance(field, models.CharField) else value)

    def save(self, *args, **kwargs):
        self.normalize_text_fields()
        super().save(*args, **kwargs)


class TimeStampedModel(NormalizedTextModel):
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        abstract = True


def _import_path(job, filename):
    return f"imports/{job.created_at:%Y/%m}/{job.kind}-{uuid.uuid4().hex}.xlsx"


class ImportJob(models.Model):
    """Một lần nhập Excel chạy trong worker (core.imports): a file too long to read in the request, kept
    (privately: media is never served) until the worker has read it; its progress and, once done, its
    per-row report, shown to the user who uploaded it and nobody else. `kind` names an import registered
    by its app (core.imports.register), e.g. "people"."""

    class Status(models.TextChoices):
        PENDING = "pending", "Đang chờ xử lý"
        RUNNING = "running", "Đang đọc và kiểm tra"
        IMPORTED = "imported", "Đã nhập xong"
        REJECTED = "rejected", "Chưa nhập: tệp có lỗi"
        FAILED = "failed", "Lỗi khi nhập"

    kind = models.CharField("loại", max_length=30)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người tải lên",
                                     on_delete=models.CASCADE, related_name="+")
    file = models.FileField("tệp", upload_to=_import_path, max_length=200, blank=True)
    filename = models.CharField("tên tệp", max_length=200)
    size = models.PositiveBigIntegerField("dung lượng", default=0)
    status = models.CharField("trạng thái", max_length=20, choices=Status.choices, default=Status.PENDING)
    rows_done = models.PositiveIntegerField("số dòng đã đọc", default=0)
    rows_total = models.PositiveIntegerField("số dòng (ước tính)", null=True, blank=True)
    report = models.JSONField("kết quả", default=dict, blank=True)  # core.xlsx.ImportReport.as_dict()
    error = models.TextField("lỗi", blank=True)  # why the file was refused (shown), or the failure (logged)
    created_at = models.DateTimeField("tải lên lúc", auto_now_add=True, db_index=True)
    queued_at = models.DateTimeField("chuyển cho worker lúc", null=True, blank=True)
    started_at = models.DateTimeField("bắt đầu lúc", null=True, blank=True)
    finished_at = models.DateTimeField("xong lúc", null=True, blank=True)

    class Meta:
        verbose_name = "lần nhập Excel"
        verbose_name_plural = "các lần nhập Excel"
        indexes = [models.Index(fields=["status", "created_at"], name="core_importjob_status")]

    def __str__(self):
        return self.filename

    @property
    def is_finished(self):
        return self.status in (self.Status.IMPORTED, self.Status.REJECTED, self.Status.FAILED)

    @property
    def status_badge(self):
        return {"pending": "secondary", "running": "info", "imported": "success", "rejected": "warning",
                "failed": "danger"}[self.status]

    @property
    def percent(self):
        """How far the reading is (0–100), from the rows read over the sheet's own figure (a hint)."""
        if not self.rows_total:
            return 0
        return min(100, self.rows_done * 100 // self.rows_total)
