"""The wall of the second factor: a signed-in user who owes a code (or an enrolment) sees no page but these.

After the password, a session that owes a code (the user has an authenticator) is sent to "Nhập mã xác thực"; one
whose roles require a second factor and that has none yet is sent to enrolment. Only the pages that settle it and
the sign-out stay open, and the static files (served before this middleware in production and by runserver).
What the session owes is read from the session (orgs.services.second_factor.session_state): no query on an
ordinary page.
"""
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_htmx.http import HttpResponseClientRedirect

from orgs.services import second_factor

OPEN = ("logout", "second_factor_verify", "second_factor_enrol", "second_factor_codes")
TARGET = {second_factor.VERIFY: "second_factor_verify", second_factor.ENROL: "second_factor_enrol"}


class SecondFactorMiddleware:
    """(A page's own htmx request — the bell's count, a search — is not a page to come back to after the code: the
    page it came from is, and on the code's own pages such a request gets nothing, not a redirect to itself.)"""

    def __init__(self, get_response):
        self.get_response = get_response
        self._open = None

    def is_open(self, path):
        if self._open is None:
            self._open = frozenset(reverse(name) for name in OPEN)
        return path in self._open or path.startswith(settings.STATIC_URL)

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not self.is_open(request.path):
            owed = second_factor.session_state(request)
            if owed is not None:
                if getattr(request, "htmx", False):
                    return self.htmx_answer(request, owed)
                url = reverse(TARGET[owed])
                if request.method == "GET" and owed == second_factor.VERIFY:
                    url += "?" + urlencode({"next": request.get_full_path()})
                return redirect(url)
        return self.get_response(request)

    def htmx_answer(self, request, owed):
        current = urlsplit(request.htmx.current_url or "")
        if self.is_open(current.path):
            return HttpResponse(status=204)
        url = reverse(TARGET[owed])
        if owed == second_factor.VERIFY and current.path:
            url += "?" + urlencode({"next": current.path + (f"?{current.query}" if current.query else "")})
        return HttpResponseClientRedirect(url)
