"""A saved action is never turned into an error page by a broker that is down (core.queue, issue 16).

The broker here is really unreachable: Celery leaves eager mode and publishes to a Redis address where nothing
listens, so the connection is refused exactly as when Redis is stopped (tests/integration/test_broker_down.py
stops and starts a real Redis with a real worker)."""
import pytest

from core import queue
from dossiers.models import Dossier
from notifications.enums import EmailStatus
from notifications.models import Notification
from tests.factories.dossiers import ready_dossier

NOWHERE = "redis://127.0.0.1:9/0"  # the discard port: nothing listens, the connection is refused


@pytest.fixture
def broker_down(settings):
    from portal.celery import app

    saved = app.conf.task_always_eager, app.conf.broker_url, app.conf.broker_transport_options
    app.conf.task_always_eager, app.conf.broker_url = False, NOWHERE
    app.conf.broker_transport_options = {"socket_connect_timeout": 1}
    app._pool = None
    app.amqp._producer_pool = None
    try:
        yield app
    finally:
        app.conf.task_always_eager, app.conf.broker_url, app.conf.broker_transport_options = saved
        app._pool = None
        app.amqp._producer_pool = None


def test_publish_reports_a_broker_that_is_down(broker_down):
    from notifications.tasks import send_notification_emails

    assert queue.publish(send_notification_emails, [1], notice="thư báo sẽ được gửi sau") is False


@pytest.mark.django_db(transaction=True)
def test_a_submission_with_the_broker_down_is_saved_and_says_the_mail_comes_later(cast, client_for, broker_down):
    dossier = ready_dossier(cast)
    for user in (cast.reviewer, cast.clerk_a):
        user.email = f"{user.username}@snv.example.gov.vn"
        user.save(update_fields=["email"])

    response = client_for(cast.clerk_a).post(f"/ho-so/{dossier.pk}/chuyen/submit/", follow=True)

    assert response.status_code == 200  # not the 500 of a refused connection after the commit
    assert Dossier.objects.get(pk=dossier.pk).state == "submitted"
    html = response.content.decode()
    assert "Đã lưu. Hệ thống xử lý nền đang tạm gián đoạn: thư báo sẽ được gửi sau." in html
    assert "Bạn không cần làm lại thao tác này." in html
    pending = Notification.objects.filter(recipient=cast.reviewer)
    assert pending.exists() and {row.email_status for row in pending} == {EmailStatus.PENDING}


@pytest.mark.django_db(transaction=True)
def test_nothing_is_said_when_the_broker_takes_the_work(cast, client_for):
    dossier = ready_dossier(cast)
    response = client_for(cast.clerk_a).post(f"/ho-so/{dossier.pk}/chuyen/submit/", follow=True)
    assert Dossier.objects.get(pk=dossier.pk).state == "submitted"
    assert "tạm gián đoạn" not in response.content.decode()


def test_eager_tasks_still_raise_their_errors(db):
    """Without a broker (the embedded default) a task runs inline: its bug is an error, not a "later"."""
    from celery import shared_task

    @shared_task(name="tests.core.test_queue.broken")
    def broken():
        raise ValueError("a bug")

    with pytest.raises(ValueError, match="a bug"):
        queue.publish(broken)


def test_publishing_waits_for_the_commit(db, monkeypatch, django_capture_on_commit_callbacks):
    from notifications.tasks import send_notification_emails

    calls = []
    monkeypatch.setattr(queue, "publish", lambda *args, **kwargs: calls.append(args))
    with django_capture_on_commit_callbacks(execute=True):
        queue.publish_on_commit(send_notification_emails, [1])
        assert calls == []
    assert calls == [(send_notification_emails, [1])]
