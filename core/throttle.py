"""Login throttling on two limits (issue 16, ASVS 2.2.1), on django-axes' database handler.

- a username from one address: AXES_FAILURE_LIMIT failures (5) lock that pair for the cool-off (axes itself,
  AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]);
- one address across usernames (password spraying): AXES_ADDRESS_FAILURE_LIMIT failures (30) within the
  cool-off lock the address for every username.

axes compares one count with one limit: the handler's count is the pair's, or the limit itself once the
address has reached its own. The address is core.clientip.client_address's (AXES_CLIENT_IP_CALLABLE).

The self-service password reset is limited per address too (reset_request_allowed), so that it cannot be used
to flood mailboxes.
"""
from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from core.clientip import client_address


def address_failures(request):
    """Failures from the request's address within the cool-off, whatever the username."""
    address = getattr(request, "axes_ip_address", None)
    if not address:
        return 0
    attempts = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=get_cool_off_threshold(request))
    attempts = attempts.exclude(username__startswith="#")  # the per-address counters below (no account name has #)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LoginThrottleHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        if address_failures(request) >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            request.login_locked_address = True  # the lockout page says so
            return max(failures, get_failure_limit(request, credentials))
        return failures


# --- the self-service password reset -------------------------------------------------------------------------
# Each reset request that would send an e-mail is counted per address in axes' own table (shared by the gunicorn
# workers, cleaned by axes after the cool-off, rolled back with a test), under a name no account can have.
RESET_REQUESTS = "#quen-mat-khau"


def reset_request_allowed(request):
    """Counts one reset request from the client's address and says whether it may go: after PASSWORD_RESET_LIMIT
    requests, each less than AXES_COOLOFF_TIME after the one before, the address waits for the cool-off to pass
    since its last counted request (a refused request is not counted, so waiting is enough)."""
    return address_allowed(request, RESET_REQUESTS, settings.PASSWORD_RESET_LIMIT)


def address_allowed(request, bucket, limit):
    """Counts one request of `bucket` (a name starting with "#") from the client's address and says whether it may
    go, as reset_request_allowed does with its own limit: the public comment form uses it too."""
    address = client_address(request)
    threshold = timezone.now() - settings.AXES_COOLOFF_TIME
    with transaction.atomic():
        AccessAttempt.objects.filter(username=bucket, ip_address=address, attempt_time__lt=threshold).delete()
        attempt, created = AccessAttempt.objects.select_for_update().get_or_create(
            username=bucket, ip_address=address, user_agent="",
            defaults={"get_data": "", "post_data": "", "http_accept": "", "path_info": request.path[:255],
                      "failures_since_start": 1})
        if created:
            return True
        if attempt.failures_since_start >= limit:
            return False
        attempt.failures_since_start = F("failures_since_start") + 1
        attempt.attempt_time = timezone.now()
        attempt.save(update_fields=["failures_since_start", "attempt_time"])
        return True
