"""A real Celery worker process against Redis and the test database (docs/design.md, Jobs and notifications).

Everywhere else the suite runs tasks inline (tests/conftest.py `_eager_tasks`). Here each test starts
`celery -A portal worker -P solo` as a subprocess, turns eager mode off for its own duration, and waits
until the worker has done the job end to end: an e-mail written by Django's file backend, a PDF
stored under MEDIA_ROOT, a deadline reminder sent.

The worker is a separate process, so it only sees committed rows (`transaction=True`) and its own
settings, passed by environment: the test database (built from the test connection, which pytest-django
and xdist rename), EMAIL_FILE_PATH and MEDIA_ROOT in the test's temporary directory. Workers consume
the default queue, so at most one test worker runs at a time on a given Redis (a file lock): with
`pytest -n 2` a second worker would take the other test's tasks and run them against the wrong database.
"""
from datetime import date
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone

from .workers import TIMEOUT, running_worker

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(require_redis, tmp_path, settings):
    """A running `celery -A portal worker -P solo` on the test database; eager mode off meanwhile."""
    with running_worker(require_redis, tmp_path, settings) as running:
        yield running


def test_the_worker_starts_with_the_portal_tasks(worker):
    from portal.celery import app

    assert app.conf.task_always_eager is False
    log = worker.log()
    for task in ("notifications.tasks.send_notification_emails", "documents.tasks.render_document",
                 "dossiers.tasks.build_export"):
        assert task in log  # registered in the worker ([tasks] in its banner)
    assert "solo" in log


# --- a. notification e-mail ----------------------------------------------------------------------
def test_worker_delivers_a_notification_email(worker, cast):
    from dossiers.enums import ACTION_LABELS
    from dossiers.services import building
    from notifications.enums import EmailStatus
    from notifications.models import Notification
    from notifications.services import notify
    from tests.factories.campaigns import launched_campaign

    campaign = launched_campaign(cast, participants=[cast.unit_a])
    dossier = building.start_dossier(campaign, cast.unit_a, campaign.awards.first(), by=cast.clerk_a)
    cast.clerk_a.email = "canbo.a@snv.example.gov.vn"
    cast.clerk_a.save(update_fields=["email"])
    context = {"dossier": dossier, "action": "return", "action_label": ACTION_LABELS["return"],
               "state_label": "Bị trả lại", "note": "", "actor": "Văn phòng Sở", "deadline": date(2025, 8, 5)}
    with transaction.atomic():  # the task is queued when this commits
        [row] = notify([cast.clerk_a], "dossier-transition", context, url=dossier.get_absolute_url())
    assert row.email_status == EmailStatus.PENDING

    worker.wait_for(
        lambda: Notification.objects.filter(pk=row.pk, email_status=EmailStatus.SENT).exists(),
        "the notification's e-mail status becoming 'sent'")
    [message] = worker.wait_for(worker.emails, "the e-mail file")
    row.refresh_from_db()
    assert row.subject.startswith("[Cổng thi đua – khen thưởng] Trả lại để bổ sung: hồ sơ")
    assert message["Subject"].strip() == row.subject  # RFC 2047 words decoded; folding leaves a space
    assert message["To"] == "canbo.a@snv.example.gov.vn"
    text = message.get_body(("plain",)).get_content()
    assert "Phòng Tổ chức cán bộ" in text and dossier.get_absolute_url() in text
    assert row.emailed_at is not None and row.email_error == ""


# --- b. PDF rendered and stored ------------------------------------------------------------------
def test_worker_renders_and_stores_a_pdf(worker, cast):
    from documents.enums import RenderStatus
    from documents.models import Document
    from documents.services import current
    from tests.factories.dossiers import ready_dossier

    dossier = ready_dossier(cast)
    document = current("to_trinh", dossier)  # queues render_document once this (autocommit) step is over
    assert document.status == RenderStatus.PENDING

    worker.wait_for(lambda: Document.objects.filter(pk=document.pk).exclude(
        status__in=[RenderStatus.PENDING, RenderStatus.RENDERING]).exists(), "the Tờ trình's render")
    document.refresh_from_db()
    assert document.status == RenderStatus.DONE, f"{document.get_status_display()}: {document.error}"
    stored = Path(worker.media_root) / document.file.name
    assert document.file.name.startswith("documents/") and stored.is_file()
    assert Path(document.file.path) == stored
    content = stored.read_bytes()
    assert content.startswith(b"%PDF") and len(content) == document.size
    assert document.pages >= 1 and document.attempts == 1
    assert current("to_trinh", dossier).pk == document.pk  # the same content is not rendered again


# --- c. deadline reminder ------------------------------------------------------------------------
def test_worker_sends_a_deadline_reminder_once(worker, cast):
    tasks = pytest.importorskip("dossiers.tasks", reason="dossiers.tasks is not written yet")
    if not hasattr(tasks, "send_due_reminders"):
        pytest.skip("dossiers.tasks.send_due_reminders is not written yet")
    from campaigns.models import ReminderRule
    from dossiers.models import Reminder
    from notifications.enums import EmailStatus
    from notifications.models import Notification
    from tests.factories.campaigns import launched_campaign

    today = timezone.localdate()  # Asia/Ho_Chi_Minh
    campaign = launched_campaign(cast, participants=[cast.unit_a], dossier_deadline=today)
    ReminderRule.objects.filter(campaign=campaign).delete()  # only the rule of this test
    ReminderRule.objects.create(campaign=campaign, kind="on_day", days=0, audience="clerks")
    cast.clerk_a.email = "canbo.a@snv.example.gov.vn"
    cast.clerk_a.save(update_fields=["email"])
    assert not campaign.dossiers.exists()

    # .get() raises the worker's error, if any (an earlier eager task in this process makes Celery think it
    # runs inside a task, hence disable_sync_subtasks=False)
    tasks.send_due_reminders.delay().get(timeout=TIMEOUT, disable_sync_subtasks=False)
    [row] = worker.wait_for(lambda: list(Notification.objects.filter(recipient=cast.clerk_a,
                                                                     email_status=EmailStatus.SENT)),
                            "the reminder's e-mail")
    assert not Notification.objects.exclude(recipient=cast.clerk_a).exists()  # unit B does not take part
    assert Reminder.objects.filter(campaign=campaign, organisation=cast.unit_a, recipient=cast.clerk_a,
                                   due_date=today).count() == 1
    [message] = worker.emails()
    assert message["Subject"].strip() == row.subject and message["To"] == "canbo.a@snv.example.gov.vn"

    # a second beat the same day sends nothing
    tasks.send_due_reminders.delay().get(timeout=TIMEOUT, disable_sync_subtasks=False)
    assert Notification.objects.filter(recipient=cast.clerk_a).count() == 1
    assert Reminder.objects.filter(campaign=campaign).count() == 1
    assert len(worker.emails()) == 1


# --- d. the inbox's Excel export -----------------------------------------------------------------
def test_worker_builds_the_inbox_export(worker, cast):
    from django.http import QueryDict
    from openpyxl import load_workbook

    from documents.enums import RenderStatus
    from dossiers.exports import request_inbox_export
    from dossiers.models import Export
    from dossiers.services.workflow import transition
    from tests.factories.dossiers import ready_dossier

    transition(ready_dossier(cast), "submit", by=cast.clerk_a)
    export = request_inbox_export(cast.reviewer, QueryDict("tat_ca=on"))  # queued at once (autocommit)
    worker.wait_for(lambda: Export.objects.filter(pk=export.pk).exclude(
        status__in=[RenderStatus.PENDING, RenderStatus.RENDERING]).exists(), "the export")
    export.refresh_from_db()
    assert export.status == RenderStatus.DONE, export.error
    stored = Path(worker.media_root) / export.file.name
    assert export.file.name.startswith("exports/") and stored.stat().st_size == export.size
    rows = list(load_workbook(stored, read_only=True)["Danh sách đề nghị"].iter_rows(values_only=True))
    assert [row[1] for row in rows[1:]] == ["Nguyễn Thị Hương"] and export.rows == 1
