from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "notifications"
    verbose_name = "Thông báo"

    def ready(self):
        """The bell: its count read with the user of each request, shown on every page (core knows no app)."""
        from core import backends, context_processors

        from . import services

        backends.USER_ANNOTATIONS["unread_notifications"] = services.unread_subquery
        context_processors.USER_CONTEXT["UNREAD_NOTIFICATIONS"] = services.unread_count
