from celery import shared_task

from . import services

MAX_RETRIES = 3


@shared_task(bind=True, max_retries=MAX_RETRIES)
def render_document(self, document_id):
    """Render one document's PDF; a failure retries with backoff, then stays visible as "Tạo tệp lỗi"."""
    final = self.request.is_eager or self.request.retries >= MAX_RETRIES
    try:
        services.render(document_id, final=final)
    except Exception as exc:
        if final:
            return None  # recorded on the row; the page shows the error and a retry button
        raise self.retry(exc=exc, countdown=10 * 2 ** self.request.retries)
    return document_id
