from functools import partial

from django.conf import settings
from django.utils.functional import SimpleLazyObject

# {template variable: function(user) -> value}: what every page may show of its logged-in user, computed only
# when a template reads it. Apps add theirs in AppConfig.ready() (notifications: UNREAD_NOTIFICATIONS, the
# bell), so that core imports no app.
USER_CONTEXT = {}


def portal(request):
    context = {"PORTAL_NAME": settings.PORTAL_NAME}
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        for name, value in USER_CONTEXT.items():
            context[name] = SimpleLazyObject(partial(value, user))
    return context
