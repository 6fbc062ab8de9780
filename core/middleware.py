"""Response headers the portal adds itself."""
from django.utils.cache import patch_cache_control


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
