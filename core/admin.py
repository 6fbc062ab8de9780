"""What the apps' Django admin registrations share."""
from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """A model whose rows only the portal's services write (states, amendments, awards): the admin shows
    them to support staff and never adds, changes or deletes one."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
