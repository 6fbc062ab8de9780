"""No Django debug page in the embedded default (issue 17): `make run` runs with DEBUG off unless DEBUG=1, so a missing
page answers the Vietnamese 404 and an error the Vietnamese 500, and the static files still load (WhiteNoise serves
them from the source folders, no collectstatic)."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import include, path

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PRINT = ("import json; from portal import settings as s; print(json.dumps([s.DEBUG, s.HTTPS, s.WHITENOISE_USE_FINDERS, "
         "s.STORAGES['staticfiles']['BACKEND']]))")


def settings_with(**env):
    """The settings as `make run` builds them: no DATABASE_URL, nothing else set but `env`."""
    clean = {key: value for key, value in os.environ.items() if key not in {
        "DATABASE_URL", "REDIS_URL", "DEBUG", "HTTPS", "WHITENOISE_USE_FINDERS", "STATICFILES_MANIFEST"}}
    out = subprocess.run([sys.executable, "-c", PRINT], cwd=ROOT, env={**clean, **env}, capture_output=True,
                         text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def boom(request):
    raise RuntimeError("lỗi thử")


# this module is the URL conf of the 500 test: the portal's URLs, one view that fails, the portal's handlers
urlpatterns = [path("loi-thu/", boom), path("", include("portal.urls"))]
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"


def test_the_embedded_default_has_debug_off_plain_http_and_static_files_from_the_source_folders():
    debug, https, finders, storage = settings_with()
    assert (debug, https, finders) == (False, False, True)
    assert storage == "django.contrib.staticfiles.storage.StaticFilesStorage"  # no collectstatic needed
    assert settings_with(DEBUG="1")[0] is True  # a developer's debug pages


@override_settings(DEBUG=False)
def test_a_missing_page_answers_the_vietnamese_404(cast, client_for):
    response = client_for(cast.clerk_a).get("/khong-co-trang-nay/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Không tìm thấy trang" in page and "Page not found" not in page and "Traceback" not in page


@override_settings(DEBUG=False, ROOT_URLCONF=__name__)
def test_an_error_answers_the_vietnamese_500(cast):
    client = Client(raise_request_exception=False)
    client.force_login(cast.clerk_a)
    response = client.get("/loi-thu/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Lỗi hệ thống" in page and "Traceback" not in page and "RuntimeError" not in page


# WHITENOISE_USE_FINDERS as the embedded settings set it (the first test reads them); CI's own are production-like
@override_settings(DEBUG=False, WHITENOISE_USE_FINDERS=True)
def test_the_stylesheets_of_a_page_load_with_debug_off(cast, client_for):
    page = client_for(None).get("/tai-khoan/dang-nhap/").content.decode()
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert len(sheets) >= 2
    for href in sheets:
        response = Client().get(href)
        assert response.status_code == 200, href
        assert response["Content-Type"].startswith("text/css")
