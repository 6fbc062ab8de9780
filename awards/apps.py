from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = "Khen thưởng"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import AwardForm, BaseSalary, BonusCoefficient, LegalBasisProfile, VoteRule

        auditlog.register(AwardForm, exclude_fields=["updated_at"])
        auditlog.register(LegalBasisProfile, exclude_fields=["updated_at"])
        auditlog.register(BonusCoefficient)
        auditlog.register(VoteRule)
        auditlog.register(BaseSalary, exclude_fields=["updated_at"])
