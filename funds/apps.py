from django.apps import AppConfig


class FundsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "funds"
    verbose_name = "Quỹ thi đua, khen thưởng"

    def ready(self):
        from auditlog.registry import auditlog

        from audit.registry import watch

        from . import (
            documents,  # noqa: F401  (registers bang_ke_chi, bao_cao_quy)
            models,
        )
        from .services import register_signing_note

        register_signing_note()
        # every line written, corrected or deleted is in the audit trail of the body's province, in words
        auditlog.register(models.FundYear, exclude_fields=["updated_at"])
        auditlog.register(models.FundEntry, exclude_fields=["updated_at"])
        watch(models.FundYear, unit="organisation", hide={"organisation"})
        watch(models.FundEntry, unit="fund.organisation", hide={"fund", "created_by"},
              describe=lambda row: f"{row} ({row.fund})")
