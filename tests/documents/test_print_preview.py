"""Printing opens a preview (issue 17): the PDF shown inline in the portal's own frame, "Tải PDF" and, for the
kinds that have one, "Tải Word (.docx)".

The Word copy used to be unreachable in the embedded default (SQLite, no broker: Celery runs tasks eagerly, as
`make run` does): the print POST rendered the PDF inline, found it stored and answered with the PDF itself, so
the status page, the only one offering the Word copy, was never shown. These tests run the print the way the
embedded default does (the render task runs inline once the POST's transaction commits)."""
import io
import subprocess
import sys
import zipfile

import pytest
from django.conf import settings as django_settings
from django.urls import reverse

from core.docx import DOCX_CONTENT_TYPE
from documents.enums import RenderStatus
from documents.models import Document
from tests.documents.test_certificates import higher_award  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def print_eagerly(client, code, obj, capture):
    """The print button's POST as in the embedded default: the render runs inline when the POST commits."""
    from portal.celery import app

    assert app.conf.task_always_eager  # the embedded default's mode (tests/conftest.py keeps it for the suite)
    with capture(execute=True):
        return client.post(reverse("documents:print", args=[code, obj.pk]))


def test_the_embedded_default_runs_tasks_eagerly_on_sqlite():
    """What `make run` starts with: no DATABASE_URL, no REDIS_URL."""
    code = ("import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'portal.settings'; django.setup(); "
            "from django.conf import settings as s; "
            "print(s.CELERY_TASK_ALWAYS_EAGER, s.DATABASES['default']['ENGINE'])")
    env = {key: value for key, value in __import__("os").environ.items() if key not in ("DATABASE_URL", "REDIS_URL")}
    out = subprocess.run([sys.executable, "-c", code], cwd=django_settings.BASE_DIR, env=env, capture_output=True,
                         text=True, check=True, timeout=60).stdout.split()
    assert out == ["True", "django.db.backends.sqlite3"]


def test_printing_a_stored_document_opens_its_preview_with_pdf_and_word(cast, client_for, dossier,
                                                                         django_capture_on_commit_callbacks):
    client = client_for(cast.clerk_a)

    answer = print_eagerly(client, "to_trinh", dossier, django_capture_on_commit_callbacks)

    document = Document.objects.get(kind="to_trinh")
    assert document.status == RenderStatus.DONE  # rendered inline, as in the embedded default
    preview = reverse("documents:status", args=[document.pk])
    assert (answer.status_code, answer["Location"]) == (302, preview)  # the preview, not the PDF itself
    page = client.get(preview).content.decode()
    download, docx = reverse("documents:download", args=[document.pk]), reverse("documents:docx", args=[document.pk])
    assert f'<iframe class="document-preview border rounded w-100" id="document-preview" src="{download}?xem=1"' in page
    assert f'href="{download}" id="download-document"' in page and "Tải PDF" in page
    assert f'href="{docx}" id="download-docx"' in page and "Tải Word (.docx)" in page
    assert f'href="{download}?xem=1" target="_blank"' in page  # the fallback link

    word = client.get(docx)
    assert word.status_code == 200 and word["Content-Type"] == DOCX_CONTENT_TYPE
    assert word["Content-Disposition"].endswith(".docx")
    assert "word/document.xml" in zipfile.ZipFile(io.BytesIO(word.content)).namelist()


def test_a_second_print_of_the_stored_document_opens_the_same_preview(cast, client_for, dossier,
                                                                      django_capture_on_commit_callbacks):
    client = client_for(cast.clerk_a)
    first = print_eagerly(client, "to_trinh", dossier, django_capture_on_commit_callbacks)

    again = print_eagerly(client, "to_trinh", dossier, django_capture_on_commit_callbacks)
    address = client.get(reverse("documents:print", args=["to_trinh", dossier.pk]))

    assert again["Location"] == first["Location"] == address["Location"]
    assert Document.objects.filter(kind="to_trinh").count() == 1


def test_the_preview_of_a_kind_without_a_word_copy_offers_only_the_pdf(cast, client_for, dossier,
                                                                       django_capture_on_commit_callbacks):
    client = client_for(cast.clerk_a)

    answer = print_eagerly(client, "bien_ban", dossier.meeting, django_capture_on_commit_callbacks)

    page = client.get(answer["Location"]).content.decode()
    assert 'id="download-document"' in page and 'id="document-preview"' in page
    assert "Tải Word" not in page and 'id="download-docx"' not in page


def test_the_inline_pdf_may_be_framed_by_the_portal_only(cast, client_for, dossier,
                                                         django_capture_on_commit_callbacks):
    client = client_for(cast.clerk_a)
    print_eagerly(client, "to_trinh", dossier, django_capture_on_commit_callbacks)
    document = Document.objects.get(kind="to_trinh")

    inline = client.get(reverse("documents:download", args=[document.pk]) + "?xem=1")

    assert inline.status_code == 200 and inline["Content-Type"] == "application/pdf"
    assert inline["Content-Disposition"].startswith("inline;")
    assert inline["X-Frame-Options"] == "SAMEORIGIN"
    policy = dict(part.strip().split(" ", 1) for part in inline["Content-Security-Policy"].split(";") if part.strip())
    assert policy["frame-ancestors"] == "'self'"
    page = client.get(reverse("documents:status", args=[document.pk]))
    assert page["X-Frame-Options"] == "DENY"  # every other page stays unframeable
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_another_units_clerk_cannot_see_the_preview(cast, client_for, dossier, django_capture_on_commit_callbacks):
    print_eagerly(client_for(cast.clerk_a), "to_trinh", dossier, django_capture_on_commit_callbacks)
    document = Document.objects.get(kind="to_trinh")
    client = client_for(cast.clerk_b)
    for name in ("documents:status", "documents:download", "documents:docx"):
        assert client.get(reverse(name, args=[document.pk]) + "?xem=1").status_code == 404, name


@pytest.mark.parametrize("referer, link", [
    ("http://testserver/quyet-dinh/1/", '<a href="http://testserver/quyet-dinh/1/">‹ Quay lại</a>'),
    ("https://elsewhere.example/", '<a href="/">‹ Về trang chủ</a>'),  # not followed off the portal
    (None, '<a href="/">‹ Về trang chủ</a>'),
], ids=["from the portal", "another site", "none"])
def test_a_refused_print_links_back_without_a_script(cast, client_for, higher_award, referer, link):  # noqa: F811
    headers = {"HTTP_REFERER": referer} if referer else {}

    response = client_for(cast.approver).get(reverse("documents:print", args=["giay_chung_nhan", higher_award.pk]),
                                             **headers)

    assert response.status_code == 403
    page = response.content.decode()
    assert link in page and "javascript:" not in page
