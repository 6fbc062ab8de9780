"""Django admin of dossiers and the award register (read-only: states move only through
services.workflow.transition(), awards are written by the decision and register services)."""
from django.contrib import admin

from core.admin import ReadOnlyAdmin

from .models import Award, Decision, Dossier, Nomination


@admin.register(Dossier)
class DossierAdmin(ReadOnlyAdmin):
    list_display = ["id", "organisation", "campaign", "offer", "state", "submitted_at", "updated_at"]
    list_filter = ["state", "campaign"]
    list_select_related = ["organisation", "campaign", "offer__award_form"]
    search_fields = ["organisation__search_text", "memo_number"]
    raw_id_fields = ["campaign", "organisation", "offer", "meeting", "created_by"]


@admin.register(Nomination)
class NominationAdmin(ReadOnlyAdmin):
    list_display = ["id", "person", "organisation", "subject_type", "dossier", "outcome"]
    list_filter = ["outcome", "subject_type", "dossier__campaign"]
    list_select_related = ["person", "organisation", "dossier__organisation", "dossier__offer__award_form"]
    search_fields = ["person__search_text", "organisation__search_text"]
    raw_id_fields = ["dossier", "person", "organisation"]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "issuer", "kind", "campaign", "date"]
    list_filter = ["kind", "year"]
    list_select_related = ["issuer", "campaign"]
    search_fields = ["title", "symbol"]
    raw_id_fields = ["issuer", "campaign", "legal_profile", "signed_by"]


@admin.register(Award)
class AwardAdmin(ReadOnlyAdmin):
    list_display = ["subject_name", "award_form", "year", "decision_number", "decision_date", "source"]
    list_filter = ["source", "award_form", "year"]
    list_select_related = ["person", "organisation", "award_form"]
    search_fields = ["search_text"]
    raw_id_fields = ["person", "organisation", "decision", "campaign", "nomination"]
