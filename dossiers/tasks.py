from celery import shared_task

from .services import reminders


@shared_task(bind=True, max_retries=3)
def send_due_reminders(self, day=None):
    """The daily run (Celery beat): send every deadline reminder due today; safe to run twice."""
    from datetime import date

    try:
        return reminders.send_due(date.fromisoformat(day) if day else None)
    except Exception as exc:  # a database hiccup: the next try finds the rows already written
        raise self.retry(exc=exc, countdown=60 * 2 ** self.request.retries)
