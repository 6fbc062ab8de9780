from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = "Báo cáo thống kê thi đua, khen thưởng"

    def ready(self):
        from . import documents  # noqa: F401  (registers the biểu 0601, 0602, 0603)
