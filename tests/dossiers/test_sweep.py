"""The sweep (dossiers.tasks.sweep_pending, Celery beat): what a saved action asked for and never reached the
worker, or whose worker died mid-way, is queued again; what is fresh, done or never asked for is left alone;
running it twice does the work once (core.queue, issue 16). Tasks run inline here (eager)."""
from datetime import timedelta

import pytest
from django.core import mail
from django.http import QueryDict
from django.utils import timezone

from documents import services as documents
from documents.enums import RenderStatus
from documents.models import Document
from dossiers import tasks
from dossiers.models import Export
from notifications.enums import EmailStatus
from notifications.models import Notification
from notifications.services import prepare
from tests.factories.dossiers import ready_dossier

pytestmark = pytest.mark.django_db

AGO = timedelta(minutes=11)  # past SWEEP_AFTER_MINUTES (10)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _notification(user, *, age, error=""):
    [row] = prepare([user], "dossier-transition", {"dossier": None, "action": "submit", "action_label": "Nộp",
                                                   "state_label": "Đã nộp", "note": "", "actor": "Đơn vị A",
                                                   "deadline": None})
    row.created_at, row.email_error = timezone.now() - age, error
    row.save()
    return row


@pytest.fixture
def addressed(cast):
    cast.clerk_a.email = "canbo.a@snv.example.gov.vn"
    cast.clerk_a.save(update_fields=["email"])
    return cast.clerk_a


def test_an_email_that_never_reached_the_worker_is_sent_once(addressed):
    lost = _notification(addressed, age=AGO)
    fresh = _notification(addressed, age=timedelta(minutes=1))  # its task may still be on its way
    retrying = _notification(addressed, age=AGO, error="SMTP 451")  # its own task retries it
    stale = _notification(addressed, age=timedelta(days=4))

    assert tasks.sweep_pending()["emails"] == 1
    assert tasks.sweep_pending()["emails"] == 0  # a second run: nothing more

    statuses = dict(Notification.objects.values_list("pk", "email_status"))
    assert statuses == {lost.pk: EmailStatus.SENT, fresh.pk: EmailStatus.PENDING,
                        retrying.pk: EmailStatus.PENDING, stale.pk: EmailStatus.FAILED}
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["canbo.a@snv.example.gov.vn"]
    assert Notification.objects.get(pk=stale.pk).email_error.startswith("Không gửi được thư")


def test_a_render_asked_for_and_never_done_is_done_and_one_never_asked_for_is_left(cast):
    dossier = ready_dossier(cast)
    asked = documents.snapshot("to_trinh", dossier)
    Document.objects.filter(pk=asked.pk).update(queued_at=timezone.now() - AGO)
    never_asked = documents.snapshot("to_trinh", ready_dossier(cast))  # e.g. a frozen copy nobody opened
    Document.objects.filter(pk=never_asked.pk).update(created_at=timezone.now() - timedelta(days=1))

    assert tasks.sweep_pending()["documents"] == 1
    asked.refresh_from_db()
    assert asked.status == RenderStatus.DONE and asked.attempts == 1
    assert tasks.sweep_pending()["documents"] == 0
    never_asked.refresh_from_db()
    assert never_asked.status == RenderStatus.PENDING


def test_a_render_cut_off_by_a_killed_worker_is_done_again(cast):
    dossier = ready_dossier(cast)
    cut_off = documents.snapshot("to_trinh", dossier)
    Document.objects.filter(pk=cut_off.pk).update(status=RenderStatus.RENDERING, attempts=1,
                                                  started_at=timezone.now() - timedelta(minutes=16))
    other = documents.snapshot("to_trinh", ready_dossier(cast))
    Document.objects.filter(pk=other.pk).update(status=RenderStatus.RENDERING, attempts=1,
                                                started_at=timezone.now() - timedelta(minutes=2))  # under way

    assert tasks.sweep_pending()["documents"] == 1
    cut_off.refresh_from_db()
    other.refresh_from_db()
    assert (cut_off.status, cut_off.attempts, cut_off.error) == (RenderStatus.DONE, 2, "")
    assert cut_off.file and cut_off.pages >= 1
    assert other.status == RenderStatus.RENDERING


def test_an_export_that_never_reached_the_worker_is_built(cast, django_capture_on_commit_callbacks):
    from dossiers.exports import request_inbox_export
    from dossiers.services.workflow import transition

    transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    with django_capture_on_commit_callbacks(execute=False):  # its task is lost with the broker
        export = request_inbox_export(cast.reviewer, QueryDict("tat_ca=on"))
    Export.objects.filter(pk=export.pk).update(created_at=timezone.now() - AGO)

    assert tasks.sweep_pending()["exports"] == 1
    export.refresh_from_db()
    assert export.status == RenderStatus.DONE and export.rows == 1
    assert tasks.sweep_pending()["exports"] == 0


def test_the_sweep_covers_excel_imports(monkeypatch):
    import core.imports

    monkeypatch.setattr(core.imports, "requeue_pending_imports", lambda: [7, 8])
    assert tasks.sweep_pending()["imports"] == 2
