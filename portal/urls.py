from django.contrib import admin
from django.urls import include, path

from core import pickers

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("tai-khoan/", include("portal.account_urls")),
    path("", include("orgs.urls")),
    path("", include("audit.urls")),
    path("", include("campaigns.urls")),
    path("", include("dossiers.urls")),
    path("", include("funds.urls")),
    path("", include("publication.urls")),
    path("", include("reports.urls")),
    path("danh-muc/", include("awards.urls")),
    path("", include("notifications.urls")),
    path("", include("documents.urls")),
    path("django-admin/", admin.site.urls),
    # the pickers' searches (core/pickers.py): one per kind, the scope in ?pham-vi=
    path("tim-kiem/can-bo/", pickers.search, {"kind": "can-bo"}, name="pick_people"),
    path("tim-kiem/don-vi/", pickers.search, {"kind": "don-vi"}, name="pick_units"),
    path("tim-kiem/tai-khoan/", pickers.search, {"kind": "tai-khoan"}, name="pick_accounts"),
    path("tim-kiem/ho-gia-dinh/", pickers.search, {"kind": "ho-gia-dinh"}, name="pick_households"),
]

handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"

# Uploaded files are never served directly (not even in DEBUG): attachments go through their
# scoped download view, so a unit's files cannot be fetched by guessing a URL.
