from celery import shared_task

from . import services

MAX_RETRIES = 5


@shared_task(bind=True, max_retries=MAX_RETRIES)
def send_notification_emails(self, ids):
    """Send the e-mail copies of notifications; retry failures with exponential backoff."""
    final = self.request.retries >= MAX_RETRIES or self.request.is_eager
    failures = services.deliver_emails(ids, final=final)
    if failures and not final:
        raise self.retry(countdown=60 * 2 ** self.request.retries)
    return failures
