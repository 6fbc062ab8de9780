"""Login throttling on two limits (issue 16, ASVS 2.2.1), on django-axes' database handler.

- a username from one address: AXES_FAILURE_LIMIT failures (5) lock that pair for the cool-off (axes itself,
  AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]);
- one address across usernames (password spraying): AXES_ADDRESS_FAILURE_LIMIT failures (30) within the
  cool-off lock the address for every username.

axes compares one count with one limit: the handler's count is the pair's, or the limit itself once the
address has reached its own. The address is core.clientip.client_address's (AXES_CLIENT_IP_CALLABLE).
"""
from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def address_failures(request):
    """Failures from the request's address within the cool-off, whatever the username."""
    address = getattr(request, "axes_ip_address", None)
    if not address:
        return 0
    attempts = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=get_cool_off_threshold(request))
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LoginThrottleHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        if address_failures(request) >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            request.login_locked_address = True  # the lockout page says so
            return max(failures, get_failure_limit(request, credentials))
        return failures
