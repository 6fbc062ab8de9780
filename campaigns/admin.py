"""Django admin of campaigns (read-only: a campaign's lifecycle and its amendments log go through the
portal's pages and services.campaigns, never through a bare save)."""
from django.contrib import admin

from core.admin import ReadOnlyAdmin

from .models import Campaign, CampaignAward, ReminderRule


@admin.register(Campaign)
class CampaignAdmin(ReadOnlyAdmin):
    list_display = ["title", "issuer", "kind", "status", "period_start", "period_end", "dossier_deadline"]
    list_filter = ["status", "kind"]
    list_select_related = ["issuer"]
    search_fields = ["title", "issuer__search_text"]
    raw_id_fields = ["issuer", "copied_from", "legal_profile", "created_by"]


@admin.register(CampaignAward)
class CampaignAwardAdmin(ReadOnlyAdmin):
    list_display = ["award_form", "campaign", "copies", "quota_kind", "quota_value"]
    list_filter = ["award_form"]
    list_select_related = ["award_form", "campaign"]
    raw_id_fields = ["campaign", "award_form", "quota_base"]


@admin.register(ReminderRule)
class ReminderRuleAdmin(ReadOnlyAdmin):
    list_display = ["campaign", "kind", "days", "max_times", "audience", "is_active"]
    list_filter = ["kind", "audience", "is_active"]
    list_select_related = ["campaign"]
    raw_id_fields = ["campaign"]
