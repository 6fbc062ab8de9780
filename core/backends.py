"""Authentication without Django's model permissions."""
from django.contrib.auth.backends import ModelBackend


class AccountBackend(ModelBackend):
    """Logs people in with their username and password, and grants no model permissions.

    The portal's permissions are `rules` predicates (rules.permissions.ObjectPermissionBackend) read from
    per-organisation memberships; nobody is given Django model permissions, and only superusers use the
    Django admin (they pass every check anyway). Without this, every `has_perm` that a rule denies would
    fall through to ModelBackend and cost two queries per request for nothing.
    """

    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def get_all_permissions(self, user_obj, obj=None):
        return set()

    def has_perm(self, user_obj, perm, obj=None):
        return False

    def has_module_perms(self, user_obj, app_label):
        return False
