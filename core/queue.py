"""Handing work to the Celery worker once the action that asked for it is saved.

A saved action (a submission, a signature, a request for a PDF or an Excel file) is never turned into an
error page because the broker is down: every task is published by `publish_on_commit`, after the
transaction commits. If Redis cannot take the message, the failure is logged, the row the task works on stays
pending (a notification's e-mail, a document, an export, an import), the user is told the work will be done
later, and the sweep (`dossiers.tasks.sweep_pending`, every few minutes in Celery beat) publishes it again.
Every task is safe to run twice, so a message published twice (by the sweep and by Redis restoring an
unacknowledged one) does the work once.

In the embedded default (no Redis: tasks run eagerly) the task runs inline and its errors propagate as before.
"""
import contextvars
import logging

from django.conf import settings
from django.contrib import messages
from django.db import transaction

log = logging.getLogger(__name__)

# What could not be handed to the broker during the current request: the notices to show its user.
_deferred = contextvars.ContextVar("deferred_work", default=None)

# Short publishing: a broker that refuses or does not answer costs the user at most a few seconds.
RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5, "interval_max": 1}


def _broker_errors():
    from kombu.exceptions import OperationalError

    errors = (OperationalError, ConnectionError, TimeoutError, OSError)
    try:
        import redis.exceptions
    except ImportError:  # pragma: no cover - redis is pinned
        return errors
    return (*errors, redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


def publish(task, *args, notice=""):
    """Send `task(*args)` to the worker now; True if the broker took it.

    With the broker down (or not answering within RETRY_POLICY) the failure is logged, `notice` is kept for the
    user of the current request (DeferredWorkMiddleware) and False returned: the caller's rows stay pending
    for the sweep. Eager mode (no broker) runs the task inline; its errors propagate.
    """
    if task.app.conf.task_always_eager:
        task.apply_async(args=args)
        return True
    try:
        task.apply_async(args=args, retry=True, retry_policy=RETRY_POLICY)
    except _broker_errors():
        log.warning("%s%s not queued (broker unavailable); the sweep will queue it again", task.name, args,
                    exc_info=True)
        notices = _deferred.get()
        if notices is not None and notice:
            notices.append(notice)
        return False
    return True


def publish_on_commit(task, *args, notice=""):
    """`publish` once the current transaction commits (at once outside a transaction)."""
    transaction.on_commit(lambda: publish(task, *args, notice=notice))


class DeferredWorkMiddleware:
    """Tells the user when the work their saved action asked for will be done later (the broker was down).

    Sits after MessageMiddleware so the message is stored with this response (shown on the next page)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _deferred.set([])
        try:
            response = self.get_response(request)
            notices = _deferred.get()
        finally:
            _deferred.reset(token)
        if notices and hasattr(request, "_messages"):
            unique = list(dict.fromkeys(notices))
            messages.info(request, "Đã lưu. Hệ thống xử lý nền đang tạm gián đoạn: " + "; ".join(unique)
                          + ". Bạn không cần làm lại thao tác này.")
        return response


def sweep_age():
    """How long a pending row waits before the sweep queues it again (settings.SWEEP_AFTER_MINUTES)."""
    from datetime import timedelta

    return timedelta(minutes=settings.SWEEP_AFTER_MINUTES)
