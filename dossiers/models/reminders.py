"""Reminders of the dossier deadline that were sent (nhắc hạn nộp hồ sơ)."""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from campaigns.models import Campaign, ReminderRule
from orgs.models import Organisation


class Reminder(models.Model):
    """Lời nhắc hạn: one rule's reminder to one person about one unit (or one returned dossier) for one
    due date. The row is written *before* the message is sent, and the unique constraint makes a
    second run, a second worker or a retry after a crash send nothing twice."""

    rule = models.ForeignKey(ReminderRule, on_delete=models.CASCADE, related_name="sent")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="reminders")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="reminders",
                                     verbose_name="đơn vị được nhắc")
    dossier = models.ForeignKey("dossiers.Dossier", null=True, blank=True, on_delete=models.CASCADE,
                                related_name="reminders")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    due_date = models.DateField("ngày đến hạn nhắc")
    created_at = models.DateTimeField("gửi lúc", default=timezone.now)
    notification = models.ForeignKey("notifications.Notification", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "lời nhắc hạn"
        verbose_name_plural = "lời nhắc hạn"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "rule", "organisation", "due_date"],
                                    condition=Q(dossier__isnull=True), name="one_reminder_per_unit_due"),
            models.UniqueConstraint(fields=["recipient", "rule", "dossier", "due_date"],
                                    condition=Q(dossier__isnull=False), name="one_reminder_per_dossier_due"),
        ]
        indexes = [models.Index(fields=["campaign", "organisation", "created_at"], name="reminder_of_unit")]

    def __str__(self):
        return f"{self.rule} → {self.recipient} ({self.due_date:%d/%m/%Y})"
