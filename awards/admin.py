"""Django admin of the award catalogue (read-mostly: the portal's /danh-muc/ pages edit it, with history)."""
from django.contrib import admin

from .models import AwardForm, BaseSalary, BonusCoefficient, LegalBasisProfile


@admin.register(AwardForm)
class AwardFormAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "category", "authority", "needs_council", "is_active", "order"]
    list_filter = ["category", "authority", "is_active"]
    search_fields = ["name", "code"]


@admin.register(LegalBasisProfile)
class LegalBasisProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "valid_from", "valid_until"]


@admin.register(BonusCoefficient)
class BonusCoefficientAdmin(admin.ModelAdmin):
    list_display = ["award_form", "subject_type", "coefficient", "profile"]
    list_filter = ["profile", "subject_type"]
    list_select_related = ["award_form", "profile"]


@admin.register(BaseSalary)
class BaseSalaryAdmin(admin.ModelAdmin):
    list_display = ["valid_from", "amount", "legal_basis"]
