from django.conf import settings
from django.utils.functional import SimpleLazyObject


def portal(request):
    context = {"PORTAL_NAME": settings.PORTAL_NAME}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        context["UNREAD_NOTIFICATIONS"] = SimpleLazyObject(lambda: _unread(user))
    return context


def _unread(user):
    from notifications.models import Notification  # core stays free of app imports at load time

    return Notification.objects.for_user(user).unread().count()
