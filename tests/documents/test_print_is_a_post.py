"""Printing is not a GET with side effects (issue 16): a GET of /in/<code>/<id>/<part>/ (or of the dossier's ZIP)
writes no row, stores no file and queues nothing; it serves the stored copy, the progress of one already asked
for, or a page whose button POSTs. The POST takes the snapshot and queues the render, idempotent per part; the
pages' print buttons POST through one form per page."""
import pytest
from django.urls import reverse

from documents.models import Document
from dossiers.services.workflow import transition
from tests.documents.test_store import run_worker
from tests.factories.dossiers import ready_dossier

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def queued(monkeypatch):
    """The renders queued (none may be queued by a GET)."""
    from documents import services

    calls = []
    monkeypatch.setattr(services, "publish_on_commit", lambda task, *args, **kwargs: calls.append(args))
    return calls


def files(root):
    return sorted(path for path in root.rglob("*") if path.is_file())


@pytest.mark.parametrize("submitted", [False, True], ids=["draft (live content)", "sent (frozen at submit)"])
def test_a_get_of_the_print_address_writes_nothing_and_offers_the_post(cast, client_for, media, queued, submitted):
    dossier = ready_dossier(cast)
    if submitted:
        dossier = transition(dossier, "submit", by=cast.clerk_a)
    client = client_for(cast.clerk_a)
    url = reverse("documents:print", args=["to_trinh", dossier.pk])
    rows = list(Document.objects.values_list("pk", "status", "queued_at"))

    page = client.get(url)

    assert page.status_code == 200 and 'id="print-create"' in page.content.decode()
    assert "Văn bản này chưa được tạo thành tệp PDF" in page.content.decode()
    assert list(Document.objects.values_list("pk", "status", "queued_at")) == rows and queued == []
    assert files(media) == []
    made = client.post(url)
    document = Document.objects.get(kind="to_trinh")
    assert made.status_code == 302 and made["Location"] == reverse("documents:status", args=[document.pk])
    assert len(queued) == 1
    assert client.get(url)["Location"] == made["Location"]  # asked for: its progress, still nothing written
    assert (Document.objects.count(), len(queued)) == (len(rows) or 1, 1)
    run_worker()
    assert client.get(url)["Location"] == reverse("documents:status", args=[document.pk])  # its preview (issue 17)
    assert client.post(url)["Location"] == reverse("documents:status", args=[document.pk])  # one per part
    assert Document.objects.filter(kind="to_trinh").count() == 1
    assert len([path for path in files(media) if path.name.startswith("to_trinh")]) == 1


def test_the_dossier_zip_get_writes_nothing(cast, client_for, media, queued):
    dossier = ready_dossier(cast)
    client = client_for(cast.clerk_a)
    page = client.get(reverse("dossiers:dossier_zip", args=[dossier.pk]))
    assert 'id="zip-create"' in page.content.decode() and "Chưa tạo" in page.content.decode()
    assert (Document.objects.count(), queued, files(media)) == (0, [], [])


def test_the_pages_print_buttons_post(cast, client_for):
    dossier = ready_dossier(cast)
    html = client_for(cast.clerk_a).get(dossier.get_absolute_url()).content.decode()
    url = reverse("documents:print", args=["to_trinh", dossier.pk])
    assert f'form="print-form" formaction="{url}"' in html and f'href="{url}"' not in html
    assert '<form id="print-form" method="post" hidden data-repeatable>' in html and html.count('id="print-form"') == 1
    report = reverse("documents:print", args=["bao_cao", dossier.nominations.get().pk])
    assert f'formaction="{report}"' in html and f'href="{report}"' not in html
