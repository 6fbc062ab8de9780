from django.db import models


class EmailStatus(models.TextChoices):
    """Where the e-mail copy of a notification stands; the badge colour follows the label."""

    PENDING = "pending", "Chờ gửi"
    SENT = "sent", "Đã gửi"
    FAILED = "failed", "Gửi lỗi"
    NONE = "none", "Không gửi (không có địa chỉ)"

    @property
    def badge(self):
        return {"pending": "secondary", "sent": "success", "failed": "danger", "none": "light"}[self.value]
