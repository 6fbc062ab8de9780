from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = "Khen thưởng"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import AwardForm, BaseSalary, BonusCoefficient, CalendarDay, LegalBasisProfile, VoteRule

        auditlog.register(AwardForm, exclude_fields=["updated_at"])
        auditlog.register(LegalBasisProfile, exclude_fields=["updated_at"])
        auditlog.register(BonusCoefficient)
        auditlog.register(VoteRule)
        auditlog.register(BaseSalary, exclude_fields=["updated_at"])
        auditlog.register(CalendarDay, exclude_fields=["updated_at"])

        # the audit trail an admin reads (audit app): national data, read by every province's admin
        import json

        from audit.registry import watch
        from core.vntext import tien

        from .enums import SubjectType

        def subject_types(text):
            return ", ".join(str(dict(SubjectType.choices).get(item, item)) for item in json.loads(text))

        watch(AwardForm, national=True, formats={"subject_types": subject_types})
        watch(BaseSalary, national=True, formats={"amount": tien})
        for model in (LegalBasisProfile, BonusCoefficient, VoteRule, CalendarDay):
            watch(model, national=True)
