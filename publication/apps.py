from django.apps import AppConfig


class PublicationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "publication"
    verbose_name = "Công bố, tra cứu khen thưởng"

    def ready(self):
        from auditlog.registry import auditlog
        from django.db.backends.signals import connection_created

        from audit.registry import watch

        from . import models
        from .search import add_sqlite_unaccent

        connection_created.connect(add_sqlite_unaccent, dispatch_uid="publication_sqlite_unaccent")
        # which forms a province publishes is a configuration change: in the audit trail of its province, in words
        auditlog.register(models.PublicationSetting, exclude_fields=["updated_at"])
        watch(models.PublicationSetting, unit="province", hide={"province"})
