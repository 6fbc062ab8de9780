"""Response headers the portal adds itself; the audit trail's client address."""
from contextvars import ContextVar

import auditlog.middleware
from auditlog.context import auditlog_value
from django.conf import settings
from django.db.models.signals import pre_save
from django.utils.cache import patch_cache_control

from core.clientip import client_address


class NoStoreForSignedInMiddleware:
    """A page or file served to a signed-in user is not kept by the browser or a proxy (ASVS 8.2.1): a dossier
    or a Quyết định left in the cache of a shared office computer would be readable by the next person.
    Public pages (no login) keep their own caching."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response


_request_address = ContextVar("portal_request_address", default=None)


class AuditlogMiddleware(auditlog.middleware.AuditlogMiddleware):
    """django-auditlog's middleware, reading the client's address as login throttling does
    (core.clientip.client_address): the original trusts the first X-Forwarded-For entry, which the client
    writes, and so records whatever address the client likes.

    The services name their actor with auditlog's `set_actor(by)`, which replaces the request's context with
    one whose address is None: every entry they wrote had no address. The address is therefore also kept for
    the request (`_request_address`) and put on each entry saved without one (`_fill_address`)."""

    @staticmethod
    def _get_remote_addr(request):
        if settings.AUDITLOG_DISABLE_REMOTE_ADDR:
            return None
        return client_address(request)

    def __call__(self, request):
        token = _request_address.set(self._get_remote_addr(request))
        try:
            return super().__call__(request)
        finally:
            _request_address.reset(token)


def _fill_address(sender, instance, **kwargs):
    """Before an entry is saved in a request: the request's address where the context has none. This receiver
    is connected once, before any of auditlog's per-context ones, which then copy the context onto the entry."""
    address = _request_address.get()
    if address is None:
        return
    context = auditlog_value.get(None)
    if context is not None and not context.get("remote_addr"):
        context["remote_addr"] = address
    if not instance.remote_addr:
        instance.remote_addr = address


pre_save.connect(_fill_address, sender="auditlog.LogEntry", dispatch_uid="core.middleware.fill_address")
