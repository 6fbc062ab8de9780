"""Authentication without Django's model permissions."""
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import OuterRef

# {attribute: function(OuterRef to the user's row) -> expression}: what the user of each request is read
# with, in the same query. Apps add theirs in AppConfig.ready() (notifications: the bell's unread count),
# so that core imports no app.
USER_ANNOTATIONS = {}


class AccountBackend(ModelBackend):
    """Logs people in with their username and password, and grants no model permissions.

    The portal's permissions are `rules` predicates (rules.permissions.ObjectPermissionBackend) read from
    per-organisation memberships; nobody is given Django model permissions, and only superusers use the
    Django admin (they pass every check anyway). Without this, every `has_perm` that a rule denies would
    fall through to ModelBackend and cost two queries per request for nothing.

    The user of a request is read with what every page shows of them, in the same query: the
    USER_ANNOTATIONS the apps registered (notifications: `user.unread_notifications`, the bell).
    """

    def get_user(self, user_id):
        annotations = {name: expression(OuterRef("pk")) for name, expression in USER_ANNOTATIONS.items()}
        user = get_user_model()._default_manager.annotate(**annotations).filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

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
