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
