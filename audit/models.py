"""One row of the audit trail an admin reads ("Nhật ký hệ thống"): who, from which address, did what to which
object, before → after in words, and the province it belongs to (set when it is written)."""
from django.conf import settings
from django.db import models
from django.utils import timezone

from .enums import kind_label


class EventQuerySet(models.QuerySet):
    def for_user(self, user):
        """The events a user may read: every event for the system administrator; for a province's admin those
        of the provinces they administer and the national changes (the catalogue, the national rules); nothing
        for anyone else. An event of no province that is not national (a failed login with an unknown
        username, the system administrator's own logins) is the system administrator's only."""
        from orgs import scope

        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        provinces = list(scope.provinces_administered(user).values_list("pk", flat=True))
        if not provinces:
            return self.none()
        return self.filter(models.Q(province_id__in=provinces) | models.Q(national=True))


class Event(models.Model):
    at = models.DateTimeField("thời điểm", default=timezone.now, db_index=True)
    province = models.ForeignKey("orgs.Organisation", verbose_name="tỉnh", null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+")
    national = models.BooleanField("dữ liệu dùng chung toàn quốc", default=False)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="người thực hiện", null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+")
    actor_name = models.CharField("tên người thực hiện", max_length=300, blank=True)  # kept if the account goes
    client_address = models.GenericIPAddressField("địa chỉ máy", null=True, blank=True)
    kind = models.CharField("loại sự kiện", max_length=40, db_index=True)
    object_type = models.CharField("loại đối tượng", max_length=100, blank=True, db_index=True)  # "orgs.membership"
    object_id = models.CharField("mã đối tượng", max_length=64, blank=True)
    object_repr = models.CharField("đối tượng", max_length=300, blank=True)
    changes = models.JSONField("thay đổi", default=list, blank=True)  # [[label, before, after]] in words
    details = models.JSONField("chi tiết", default=dict, blank=True)
    log_entry = models.ForeignKey("auditlog.LogEntry", null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", db_constraint=False)
    who_text = models.CharField(max_length=400, blank=True)  # search key: the actor and the account concerned
    search_text = models.TextField(blank=True)  # search key: the object, the changes, the details

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = "sự kiện nhật ký hệ thống"
        verbose_name_plural = "nhật ký hệ thống"
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["province", "-at"], name="audit_event_province_at"),
                   models.Index(fields=["national", "-at"], name="audit_event_national_at")]

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} {self.kind_label} {self.object_repr}"

    @property
    def kind_label(self):
        return kind_label(self.kind)
