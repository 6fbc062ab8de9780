"""Response headers the portal adds itself; the audit trail's client address; the idle session timeout."""
from contextvars import ContextVar
from datetime import UTC, datetime
from urllib.parse import urlsplit

import auditlog.middleware
from auditlog.context import auditlog_value
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.db.models.signals import pre_save
from django.http import HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django_htmx.http import HttpResponseClientRedirect

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


IDLE_MESSAGE = ("Phiên làm việc đã kết thúc vì không hoạt động quá {minutes} phút. Vui lòng đăng nhập lại để "
                "tiếp tục.")


class IdleTimeoutMiddleware:
    """A signed-in session left idle for IDLE_TIMEOUT_MINUTES is ended (ASVS 3.3.2): the next request logs out
    and goes to the login page with a message, the page it asked for kept as `next` (an htmx request makes the
    page go there, HX-Redirect). The absolute lifetime stays SESSION_COOKIE_AGE from sign-in: the activity stamp
    is written at most once a minute, and each write of the session would otherwise push its expiry on, so the
    session's expiry is set once, as a date."""

    KEY = "_portal_activity"  # [sign-in, last activity], epoch seconds
    STAMP_EVERY = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        now = int(timezone.now().timestamp())
        if self.KEY not in request.session:  # signed in before the stamp existed
            self.start(request.session, now)
        started, last = request.session[self.KEY]
        if now - last > settings.IDLE_TIMEOUT_MINUTES * 60:
            return self.end(request)
        if now - last >= self.STAMP_EVERY:
            request.session[self.KEY] = (started, now)
        return self.get_response(request)

    @classmethod
    def start(cls, session, now):
        session[cls.KEY] = (now, now)
        session.set_expiry(datetime.fromtimestamp(now + settings.SESSION_COOKIE_AGE, tz=UTC))

    @classmethod
    def signed_in(cls, sender, request, user, **kwargs):
        """On sign-in (user_logged_in, connected in core.apps): the session starts its clocks with the login's own
        write, so the pages that follow write nothing for a minute."""
        session = getattr(request, "session", None)
        if session is not None:
            cls.start(session, int(timezone.now().timestamp()))

    def end(self, request):
        target = self.page_of(request)
        logout(request)
        messages.warning(request, IDLE_MESSAGE.format(minutes=settings.IDLE_TIMEOUT_MINUTES))
        response = redirect_to_login(target) if target else HttpResponseRedirect(resolve_url(settings.LOGIN_URL))
        if request.headers.get("HX-Request") == "true":
            return HttpResponseClientRedirect(response["Location"])
        return response

    @staticmethod
    def page_of(request):
        """The page to come back to: this one for a plain GET, the page an htmx request or a form came from."""
        if request.method == "GET" and request.headers.get("HX-Request") != "true":
            return request.get_full_path()
        url = request.headers.get("HX-Current-URL") or request.headers.get("Referer") or ""
        if not url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
            return ""
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")
