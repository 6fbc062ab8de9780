"""Tệp xuất Excel: an export asked for from a page (the inbox's nominee list), built by a Celery worker
(dossiers.exports.build_export) and downloaded by the user who asked, from its progress page."""
from django.conf import settings
from django.db import models
from django.urls import reverse

from documents.enums import RenderStatus


def _export_path(export, filename):
    return f"exports/{export.created_at:%Y/%m}/{export.kind}-{export.pk}.xlsx"


class Export(models.Model):
    class Kind(models.TextChoices):
        INBOX_NOMINATIONS = "inbox_nominations", "Danh sách đề nghị khen thưởng"

    kind = models.CharField("loại", max_length=30, choices=Kind.choices)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người yêu cầu",
                                     on_delete=models.CASCADE, related_name="+")
    params = models.TextField("bộ lọc", blank=True)  # the page's query string, as the user filtered it
    status = models.CharField("trạng thái", max_length=20, choices=RenderStatus.choices,
                              default=RenderStatus.PENDING)
    file = models.FileField("tệp", upload_to=_export_path, blank=True)
    filename = models.CharField("tên tệp", max_length=200)
    rows = models.PositiveIntegerField("số dòng", null=True, blank=True)
    size = models.PositiveBigIntegerField("dung lượng", null=True, blank=True)
    error = models.TextField("lỗi", blank=True)
    created_at = models.DateTimeField("yêu cầu lúc", auto_now_add=True, db_index=True)
    # when the worker began building it: "in progress" far longer than a task may run was cut off (the sweep)
    started_at = models.DateTimeField("bắt đầu tạo lúc", null=True, blank=True)
    finished_at = models.DateTimeField("xong lúc", null=True, blank=True)

    class Meta:
        verbose_name = "tệp xuất Excel"
        verbose_name_plural = "tệp xuất Excel"

    def __str__(self):
        return self.filename

    def get_absolute_url(self):
        return reverse("dossiers:export_status", args=[self.pk])

    @property
    def is_ready(self):
        return self.status == RenderStatus.DONE

    @property
    def status_badge(self):
        return RenderStatus(self.status).badge

    @property
    def status_label(self):
        """The status as the progress page says it (the shared labels speak of a PDF while rendering)."""
        return "Đang tạo tệp Excel" if self.status == RenderStatus.RENDERING else self.get_status_display()
