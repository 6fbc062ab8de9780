from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "orgs"
    verbose_name = "Tổ chức và con người"

    def ready(self):
        from . import audit  # noqa: F401  (registers models with django-auditlog)
