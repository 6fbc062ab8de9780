from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "dossiers"
    verbose_name = "Hồ sơ đề nghị khen thưởng"

    def ready(self):
        from auditlog.registry import auditlog

        from campaigns.signals import campaign_changed

        from . import documents, models  # noqa: F401 (documents registers the printable kinds)
        from .services.checks import campaign_changed_receiver

        campaign_changed.connect(campaign_changed_receiver, dispatch_uid="dossiers.checks")

        from core.imports import register

        from .services.register import AWARDS

        register(AWARDS)  # the worker reads long files of the award register (core.imports)

        from campaigns.signals import campaign_copied

        from .services.rule_settings import copy_campaign_rules

        campaign_copied.connect(copy_campaign_rules, dispatch_uid="dossiers.campaign_rules")

        from orgs import scope

        from .models.council_queries import seats_as_acting

        scope.add_acting_source(seats_as_acting)  # a member seated on a body's council works for that body

        from notifications.registry import register as register_tasks

        from .services.bell import bell_tasks

        register_tasks(bell_tasks)  # nhắc việc under the bell: deadlines near, nominees waiting for the leader

        auditlog.register(models.Dossier, exclude_fields=["updated_at", "search_text"])
        auditlog.register(models.Nomination, exclude_fields=["updated_at", "checks", "checked_at"],
                          m2m_fields={"criteria_confirmed"})
        auditlog.register(models.AchievementReport, exclude_fields=["updated_at"])
        auditlog.register(models.Assignment)
        auditlog.register(models.NominationMeeting)
        auditlog.register(models.MeetingVote)
        auditlog.register(models.Attachment)
        auditlog.register(models.EligibilityRule)
        auditlog.register(models.Award, exclude_fields=["updated_at", "search_text"])
        auditlog.register(models.AnnualRating)
        auditlog.register(models.Decision, exclude_fields=["snapshot"])
        auditlog.register(models.CouncilSession, exclude_fields=["updated_at"])
        auditlog.register(models.CouncilBallot)
        auditlog.register(models.CouncilSeat, exclude_fields=["updated_at"])
        auditlog.register(models.CouncilRules, exclude_fields=["updated_at"])
        auditlog.register(models.ProvinceRule)
        auditlog.register(models.CampaignRule)
        auditlog.register(models.CertificateLayout, exclude_fields=["updated_at"])

        # the audit trail an admin reads (audit app): the national rules, a province's, a campaign's, a council's
        import json

        from audit.registry import watch

        from .services.eligibility import RULES

        def rule_name(row):
            return RULES[row.code][0] if row.code in RULES else row.code

        parameter_labels = {name: label for *_, params in RULES.values() for name, (label, _) in params.items()}

        def parameters(text):
            return "; ".join(f"{parameter_labels.get(name, name)}: {value}"
                             for name, value in sorted(json.loads(text).items()))

        rule_words = {"describe": rule_name, "formats": {"parameters": parameters}}
        watch(models.EligibilityRule, national=True, hide={"code", "order"}, **rule_words)
        watch(models.ProvinceRule, unit="province", hide={"code", "province"}, **rule_words)
        watch(models.CampaignRule, unit="campaign.issuer", hide={"code"},
              describe=lambda row: f"{rule_name(row)} – {row.campaign}", formats=rule_words["formats"])
        watch(models.CertificateLayout, unit="province", hide={"province"})
        watch(models.CouncilRules, unit="body")
        watch(models.CouncilSeat, unit="body")
