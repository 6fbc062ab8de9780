from celery import shared_task

from . import imports


@shared_task(bind=True, max_retries=2)
def run_import(self, job_id):
    """Read one Excel import (core.imports.run_job); a failure retries, then stays visible on its page."""
    final = self.request.is_eager or self.request.retries >= self.max_retries
    try:
        imports.run_job(job_id, final=final)
    except Exception as exc:
        if final:
            return None  # recorded on the job; its page says so
        raise self.retry(exc=exc, countdown=10 * 2 ** self.request.retries)
    return job_id
