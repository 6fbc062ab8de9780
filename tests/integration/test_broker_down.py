"""Faults that lose nothing (issue 16), on the real services: a Redis of the test's own that it stops and
starts again, a real Celery worker on the test database (tests/integration/workers.py).

- Redis stopped while a clerk submits: the submission is saved, the page says the mail comes later (no error
  page), the e-mail waits; Redis back, the sweep queues it and the worker sends it once.
- A worker killed (SIGKILL) while it holds a render: nothing is lost (the sweep queues it again and a new
  worker renders it) and nothing is done twice (one render, one file).
"""
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time

import pytest

from .workers import REQUIRE_SERVICES, running_worker

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


class PrivateRedis:
    """A redis-server on a free port, owned by the test: stop() and start() it like an operator would."""

    def __init__(self, binary, tmp_path):
        self.binary, self.dir = binary, tmp_path
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.dir)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return
            time.sleep(0.05)
        pytest.fail(f"redis-server did not start on port {self.port}")

    def stop(self):
        self.process.send_signal(signal.SIGKILL)  # as down as it gets: nothing answers on the port
        self.process.wait(timeout=10)


@pytest.fixture
def private_redis(require_redis, tmp_path):
    binary = shutil.which("redis-server")
    if binary is None:
        if REQUIRE_SERVICES:
            pytest.fail("redis-server is required (REQUIRE_SERVICES=1)")
        pytest.skip("redis-server is not installed")
    redis = PrivateRedis(binary, tmp_path)
    redis.start()
    try:
        yield redis
    finally:
        if redis.process.poll() is None:
            redis.stop()


@contextlib.contextmanager
def broker(url):
    """The test process publishes to `url` (a fresh connection pool, given back afterwards)."""
    from portal.celery import app

    saved = app.conf.broker_url
    app.conf.broker_url = url
    app._pool, app.amqp._producer_pool = None, None
    try:
        yield app
    finally:
        app.conf.broker_url = saved
        app._pool, app.amqp._producer_pool = None, None


def test_redis_down_during_a_submission_loses_nothing_and_shows_no_error(private_redis, tmp_path, settings,
                                                                          cast, client_for):
    from dossiers import tasks
    from dossiers.models import Dossier
    from notifications.enums import EmailStatus
    from notifications.models import Notification
    from tests.factories.dossiers import ready_dossier

    settings.SWEEP_AFTER_MINUTES = 0
    cast.reviewer.email = "vanphong@snv.example.gov.vn"
    cast.reviewer.save(update_fields=["email"])
    dossier = ready_dossier(cast)
    with running_worker(private_redis.url, tmp_path, settings, lock=False) as worker, broker(private_redis.url):
        private_redis.stop()

        response = client_for(cast.clerk_a).post(f"/ho-so/{dossier.pk}/chuyen/submit/", follow=True)

        assert response.status_code == 200
        assert Dossier.objects.get(pk=dossier.pk).state == "submitted"
        assert "thư báo sẽ được gửi sau" in response.content.decode()
        waiting = Notification.objects.filter(recipient=cast.reviewer)
        assert [row.email_status for row in waiting] == [EmailStatus.PENDING]

        private_redis.start()
        tasks.sweep_pending()  # what beat runs every few minutes
        worker.wait_for(lambda: waiting.filter(email_status=EmailStatus.SENT).exists(), "the e-mail after the sweep")
        tasks.sweep_pending()  # a second sweep finds nothing left
        time.sleep(1)
        [message] = worker.emails()
        assert message["To"] == "vanphong@snv.example.gov.vn"
        assert waiting.get().email_status == EmailStatus.SENT


def test_a_worker_killed_while_rendering_loses_nothing_and_renders_once(require_redis, tmp_path, settings, cast):
    from django.db import connections

    from documents.enums import RenderStatus
    from documents.models import Document
    from documents.services import current, requeue_pending
    from tests.factories.dossiers import ready_dossier

    settings.SWEEP_AFTER_MINUTES = 0
    dossier = ready_dossier(cast)
    with running_worker(require_redis, tmp_path, settings, name="killed") as first:
        # another connection holds the document's row: the worker takes the task and waits on the row, mid-job
        other = connections.create_connection("default")
        other.set_autocommit(False)
        try:
            document = current("to_trinh", dossier)
            with other.cursor() as cursor:
                cursor.execute("SELECT id FROM documents_document WHERE id = %s FOR UPDATE", [document.pk])
                first.wait_for(lambda: "render_document" in first.log() and "received" in first.log().lower(),
                               "the worker taking the render")
                time.sleep(0.5)
                os.kill(first.process.pid, signal.SIGKILL)
                first.process.wait(timeout=10)
        finally:
            other.rollback()
            other.close()
    document.refresh_from_db()
    assert document.status == RenderStatus.PENDING and not document.file  # cut off before anything was stored

    with running_worker(require_redis, tmp_path, settings, name="second") as second:
        assert requeue_pending() == [document.pk]  # beat's sweep
        second.wait_for(lambda: Document.objects.filter(pk=document.pk, status=RenderStatus.DONE).exists(),
                        "the render by the second worker")
        assert requeue_pending() == []
    document.refresh_from_db()
    assert document.attempts == 1 and document.pages >= 1
    stored = list((tmp_path / "media" / "documents").rglob("*.pdf"))
    assert len(stored) == 1 and stored[0].read_bytes().startswith(b"%PDF")


def test_a_database_cut_during_a_reminder_run_sends_nothing_twice_and_loses_nothing(private_redis, tmp_path,
                                                                                       settings, cast):
    """Two chunks of reminders (reminders.CHUNK): the first commits and is mailed; the worker's database
    connection is cut while the second waits on a row (as a database restart cuts it). The next run sends the
    second chunk only: every clerk gets exactly one reminder and one e-mail."""
    from django.contrib.auth import get_user_model
    from django.db import connections
    from django.utils import timezone

    from campaigns.models import ReminderRule
    from dossiers import tasks
    from dossiers.models import Reminder
    from dossiers.services.reminders import CHUNK
    from notifications.enums import EmailStatus
    from notifications.models import Notification
    from orgs.models import Membership
    from tests.factories.campaigns import launched_campaign

    today = timezone.localdate()
    campaign = launched_campaign(cast, participants=[cast.unit_a], dossier_deadline=today)
    ReminderRule.objects.filter(campaign=campaign).delete()
    rule = ReminderRule.objects.create(campaign=campaign, kind="on_day", days=0, audience="clerks")
    User = get_user_model()
    clerks = User.objects.bulk_create([User(username=f"nhac{n:03}", email=f"nhac{n:03}@snv.example.gov.vn",
                                            first_name="Cán bộ", last_name=f"số {n}") for n in range(CHUNK + 1)])
    Membership.objects.bulk_create([Membership(user=user, organisation=cast.unit_a, role="clerk") for user in clerks])
    members = Membership.objects.filter(organisation=cast.unit_a, role="clerk")
    expected = members.values("user").distinct().count()
    mailed = members.exclude(user__email="").values("user").distinct().count()
    last = members.order_by("-user_id").first().user

    with running_worker(private_redis.url, tmp_path, settings, lock=False) as worker, broker(private_redis.url):
        blocker = connections.create_connection("default")
        blocker.set_autocommit(False)
        try:
            with blocker.cursor() as cursor:  # the second chunk's last row, held by another transaction
                cursor.execute(
                    "INSERT INTO dossiers_reminder (rule_id, campaign_id, organisation_id, recipient_id, due_date, "
                    "created_at) VALUES (%s, %s, %s, %s, %s, now())",
                    [rule.pk, campaign.pk, cast.unit_a.pk, last.pk, today])
                tasks.send_due_reminders.delay()
                worker.wait_for(lambda: Reminder.objects.count() == CHUNK, "the first chunk committed")

                def cut():  # the worker's connection, waiting on the row, is cut
                    cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                                   "current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'")
                    return cursor.fetchall()
                worker.wait_for(cut, "the worker waiting on the held row")
                worker.wait_for(lambda: "Retry in" in worker.log(), "the run failing and asking for a retry")
        finally:
            blocker.rollback()
            blocker.close()
        assert Reminder.objects.count() == CHUNK  # the cut chunk left nothing half-written

        tasks.send_due_reminders.delay()  # the next run (the task's own retry comes later and finds nothing)
        worker.wait_for(lambda: Notification.objects.filter(email_status=EmailStatus.SENT).count() == mailed,
                        "every reminder mailed")
        time.sleep(1)
        assert Reminder.objects.count() == expected
        assert Notification.objects.count() == expected
        recipients = [message["To"] for message in worker.emails()]
        assert len(recipients) == len(set(recipients))  # nobody twice
        assert {f"nhac{n:03}@snv.example.gov.vn" for n in range(CHUNK + 1)} <= set(recipients)
