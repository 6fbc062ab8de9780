"""The request being served, for the events written while it is (audit.services.recording): their client
address and who is signed in, whatever context a service set for django-auditlog."""
from .services.recording import serving


class AuditRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with serving(request):
            return self.get_response(request)
