"""Django admin (read-mostly): the portal's own pages are where people work; this is for support staff.
Lists stay cheap on a province's data: related rows joined (list_select_related), foreign keys as raw
ids (no <select> of 60,000 people), filters only on short choice lists."""
from django.contrib import admin

from .models import EmulationBloc, Membership, Organisation, Person


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "parent", "valid_from", "valid_until", "successor"]
    list_filter = ["kind"]
    list_select_related = ["parent", "successor"]
    search_fields = ["search_text", "code"]
    raw_id_fields = ["parent", "successor"]
    readonly_fields = ["path", "depth", "search_text"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "organisation", "position", "category", "is_active"]
    list_filter = ["is_active", "category", "gender"]
    list_select_related = ["organisation"]
    search_fields = ["search_text", "email"]
    raw_id_fields = ["organisation", "user"]
    readonly_fields = ["search_text"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role"]
    list_select_related = ["user", "organisation"]
    search_fields = ["user__username", "organisation__search_text"]
    raw_id_fields = ["user", "organisation"]


@admin.register(EmulationBloc)
class EmulationBlocAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "organiser", "is_active"]
    list_filter = ["kind", "is_active"]
    list_select_related = ["organiser"]
    raw_id_fields = ["organiser", "leader", "members"]
