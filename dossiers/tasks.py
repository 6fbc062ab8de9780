from celery import shared_task

from . import exports
from .services import reminders


@shared_task(bind=True, max_retries=3)
def send_due_reminders(self, day=None):
    """The daily run (Celery beat): send every deadline reminder due today; safe to run twice."""
    from datetime import date

    try:
        return reminders.send_due(date.fromisoformat(day) if day else None)
    except Exception as exc:  # a database hiccup: the next try finds the rows already written
        raise self.retry(exc=exc, countdown=60 * 2 ** self.request.retries)


@shared_task(bind=True, max_retries=2)
def build_export(self, export_id):
    """Build one Excel export; a failure retries, then stays visible on its page as "Tạo tệp lỗi"."""
    final = self.request.is_eager or self.request.retries >= self.max_retries
    try:
        exports.build_export(export_id, final=final)
    except Exception as exc:
        if final:
            return None  # recorded on the row; the page shows the error and a button to ask again
        raise self.retry(exc=exc, countdown=10 * 2 ** self.request.retries)
    return export_id


@shared_task(bind=True, max_retries=3)
def refresh_checks(self, campaign_id=None):
    """Recompute the eligibility verdicts of every open dossier (of one campaign): nightly (Celery beat) and
    after a campaign's sections or an eligibility rule were edited. Safe to run twice."""
    from .services import checks

    try:
        return checks.refresh_open(campaign_id)
    except Exception as exc:
        raise self.retry(exc=exc, countdown=60 * 2 ** self.request.retries)


@shared_task
def sweep_pending():
    """Every few minutes (Celery beat): queue again the e-mails, renders, exports and imports left pending
    because the broker was down when they were asked for, or cut off because their worker died (core.queue).
    Each part is safe to run twice; returns how many of each kind were queued."""
    from core.imports import requeue_pending_imports
    from documents import services as documents
    from notifications import services as notifications

    return {"emails": notifications.requeue_pending(), "documents": len(documents.requeue_pending()),
            "exports": len(exports.requeue_pending()), "imports": len(requeue_pending_imports())}
