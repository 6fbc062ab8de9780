from django.db import models


class RenderStatus(models.TextChoices):
    """Where the PDF of a document stands; labels and badge colours as the pages show them."""

    PENDING = "pending", "Đang chờ tạo"
    RENDERING = "rendering", "Đang tạo tệp PDF"
    DONE = "done", "Đã sẵn sàng"
    FAILED = "failed", "Tạo tệp lỗi"

    @property
    def badge(self):
        return {"pending": "secondary", "rendering": "info", "done": "success", "failed": "danger"}[self.value]
