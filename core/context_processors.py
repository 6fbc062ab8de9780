from django.conf import settings
from django.utils.functional import SimpleLazyObject


def portal(request):
    context = {"PORTAL_NAME": settings.PORTAL_NAME}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["UNREAD_NOTIFICATIONS"] = SimpleLazyObject(lambda: _unread(user))
    return context


def _unread(user):
    """The bell's count: read with the user by core.backends.AccountBackend.get_user when it can be."""
    from notifications.models import Notification  # core stays free of app imports at load time

    counted = getattr(user, "unread_notifications", None)
    return counted if counted is not None else Notification.objects.for_user(user).unread().count()
