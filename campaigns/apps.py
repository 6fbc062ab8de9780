from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = "Phong trào thi đua"

    def ready(self):
        from auditlog.registry import auditlog

        from . import documents, models  # noqa: F401 (documents registers the printable kinds)

        auditlog.register(models.Campaign, exclude_fields=["updated_at"], m2m_fields={"participant_blocs"})
        for model in (models.Target, models.Criterion, models.CampaignAward, models.QuotaOverride,
                      models.DossierComponent, models.ReminderRule, models.CampaignParticipant,
                      models.Registration, models.RegistrationEntry):
            auditlog.register(model)
        auditlog.register(models.PlanTask, m2m_fields={"responsible", "cooperating"})
