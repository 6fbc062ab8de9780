"""Authentication without Django's model permissions."""
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.db.models import OuterRef

from .db import aggregate_subquery


class AccountBackend(ModelBackend):
    """Logs people in with their username and password, and grants no model permissions.

    The portal's permissions are `rules` predicates (rules.permissions.ObjectPermissionBackend) read from
    per-organisation memberships; nobody is given Django model permissions, and only superusers use the
    Django admin (they pass every check anyway). Without this, every `has_perm` that a rule denies would
    fall through to ModelBackend and cost two queries per request for nothing.

    The user of a request is read with the count of their unread notifications (the bell on every
    page) in the same query: `user.unread_notifications`, read by core.context_processors.
    """

    def get_user(self, user_id):
        from notifications.models import Notification  # core stays free of app imports at load time

        unread = Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        users = get_user_model()._default_manager.annotate(unread_notifications=aggregate_subquery(unread))
        user = users.filter(pk=user_id).first()
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
