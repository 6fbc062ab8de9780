"""Excel imports run in the worker: a file too long to read in the request (more than IMPORT_INLINE_MAX_ROWS
rows, or more than IMPORT_INLINE_MAX_BYTES inflated) is stored privately as an ImportJob and read by a Celery
worker (core.tasks.run_import) while its user watches a progress page; a short one is read in the request, as
before. Either way the same service reads it, all or nothing, with the same per-row report.

An app registers its import (register(ImportKind(...)), from its AppConfig.ready): core knows no domain.
A broker that is down leaves the job pending (its page says so); requeue_pending_imports(), called by the
sweep, queues it again (and any job whose worker died), and is safe to run twice: a worker claims a job
before reading it.
"""
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import ImportJob
from .queue import publish, sweep_age
from .xlsx import ImportFileError, ImportNeedsWorker, ImportReport, SheetReader, check_archive, read_upload

# Defaults of the settings of the same name (portal/settings.py may override them).
IMPORT_INLINE_MAX_ROWS = 500  # rows read in the request at most (blank ones too); a longer file goes to the worker
IMPORT_INLINE_MAX_BYTES = 1024 * 1024  # inflated; a larger workbook goes to the worker without being read
IMPORT_KEEP_DAYS = 30  # a finished job's row (and report) is kept this long; its file is removed once read
log = logging.getLogger(__name__)


def setting(name):
    return getattr(settings, name, globals()[name])


@dataclass(frozen=True)
class ImportKind:
    """One Excel import an app offers. `run(data, *, by, reader)` reads the checked bytes of an .xlsx with
    `reader` (a core.xlsx.SheetReader) and writes only when every row is valid; it returns its report (a
    `report_class`) or raises ImportFileError (or PermissionDenied). `summary(report)`: what the user is told
    once the rows are written."""

    name: str
    label: str
    run: Callable
    summary: Callable
    report_class: type = ImportReport


KINDS = {}


def register(kind):
    KINDS[kind.name] = kind
    return kind


def import_or_queue(name, upload, *, by, max_bytes=None):
    """(report, None) when the upload was read in the request, (None, job) when it was handed to the worker.

    Raises ImportFileError when the file itself is unusable: too large, not an .xlsx, an archive that would
    inflate past the limits (core.xlsx.check_archive, before anything is parsed)."""
    kind = KINDS[name]
    data = read_upload(upload, max_bytes)
    inflated = check_archive(data)
    if inflated <= setting("IMPORT_INLINE_MAX_BYTES"):
        try:
            return kind.run(data, by=by, reader=SheetReader(inline_rows=setting("IMPORT_INLINE_MAX_ROWS"))), None
        except ImportNeedsWorker:
            pass  # nothing written: the worker reads it again from the start
    return None, start_import(name, data, filename=getattr(upload, "name", "") or "tep.xlsx", by=by)


def read_in_request(upload, max_bytes=None):
    """(the checked bytes of `upload`, the SheetReader to read them with) for an import that is only ever read in
    the request: one dossier's nominees, one unit's registration (tens of rows, written against one object).
    Checked as import_or_queue() checks a file; more than IMPORT_INLINE_MAX_BYTES inflated or more than
    IMPORT_INLINE_MAX_ROWS rows is ImportFileError (split the list), never a job for the worker."""
    data = read_upload(upload, max_bytes)
    if check_archive(data) > setting("IMPORT_INLINE_MAX_BYTES"):
        raise ImportFileError(f"Tệp Excel quá lớn cho một danh sách (tối đa {setting('IMPORT_INLINE_MAX_ROWS')} "
                              "dòng): hãy chép danh sách sang tệp mẫu hoặc chia thành nhiều tệp.")
    return data, SheetReader(max_rows=setting("IMPORT_INLINE_MAX_ROWS"))


def start_import(name, data, *, filename, by):
    """An ImportJob holding `data` (the checked bytes), queued for the worker once committed."""
    with transaction.atomic():
        job = ImportJob.objects.create(kind=name, requested_by=by, filename=filename[-200:], size=len(data))
        job.file.save("tep.xlsx", ContentFile(data), save=False)
        ImportJob.objects.filter(pk=job.pk).update(file=job.file.name)
        transaction.on_commit(lambda: queue(job.pk))
    return job


def queue(job_id):
    """Publish the job's task (core.queue.publish); True when the broker took it. A broker that is down is
    logged and leaves the job pending with no queued_at (its page says so): the sweep queues it again."""
    from . import tasks

    if not publish(tasks.run_import, job_id, notice="tệp Excel sẽ được nhập sau"):
        return False
    ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.PENDING).update(queued_at=timezone.now())
    return True


def stuck_after():
    """A job "running" this long was cut off (its worker killed: the task's time limit is far shorter)."""
    return timedelta(minutes=settings.SWEEP_STUCK_MINUTES)


def requeue_pending_imports(*, now=None):
    """The sweep's share for Excel imports (dossiers.tasks.sweep_pending); returns the ids queued again: a job
    still pending SWEEP_AFTER_MINUTES after its upload (its message never reached the broker, or was lost), or
    running for longer than SWEEP_STUCK_MINUTES (its worker was killed; nothing was written: an import writes
    all or nothing). Safe to run twice: a worker claims a job before reading it."""
    now = now or timezone.now()
    stuck = now - stuck_after()
    ids = list(ImportJob.objects.filter(
        Q(status=ImportJob.Status.PENDING, created_at__lt=now - sweep_age())
        | Q(Q(started_at__lt=stuck) | Q(started_at__isnull=True, created_at__lt=stuck),
            status=ImportJob.Status.RUNNING),
        created_at__gte=now - timedelta(days=setting("IMPORT_KEEP_DAYS"))).order_by("pk")
        .values_list("pk", flat=True)[:100])
    ImportJob.objects.filter(pk__in=ids).update(status=ImportJob.Status.PENDING, started_at=None)
    return [pk for pk in ids if queue(pk)]


def run_job(job_id, final=True):
    """Read one job's file (the worker's task) with the service its kind registered, as the user who uploaded
    it, and record the outcome and the report on the job. A job already claimed by another worker (or done)
    is left alone. An unexpected failure is recorded on the `final` try; an earlier one puts the job back to
    pending for the task's retry."""
    forget_old_imports()
    now = timezone.now()
    claimed = ImportJob.objects.filter(pk=job_id).filter(
        Q(status=ImportJob.Status.PENDING) | Q(status=ImportJob.Status.RUNNING, started_at__lt=now - stuck_after())
    ).update(status=ImportJob.Status.RUNNING, started_at=now, rows_done=0)
    if not claimed:
        return None
    job = ImportJob.objects.select_related("requested_by").get(pk=job_id)

    def progress(done, total):
        ImportJob.objects.filter(pk=job_id).update(rows_done=done, rows_total=total)

    try:
        with job.file.open("rb") as stored:
            data = stored.read()
        report = KINDS[job.kind].run(data, by=job.requested_by, reader=SheetReader(progress=progress))
    except ImportFileError as error:
        return _finish(job, ImportJob.Status.REJECTED, error=" ".join(error.messages))
    except PermissionDenied as error:  # the uploader lost the role meanwhile
        return _finish(job, ImportJob.Status.REJECTED, error=str(error) or "Bạn không còn quyền nhập tệp này.")
    except Exception as error:
        log.exception("import %s failed", job_id)
        if final:
            _finish(job, ImportJob.Status.FAILED, error=repr(error)[:2000])
        else:
            ImportJob.objects.filter(pk=job_id).update(status=ImportJob.Status.PENDING)
        raise
    status = ImportJob.Status.IMPORTED if report.ok else ImportJob.Status.REJECTED
    return _finish(job, status, report=report.as_dict())


def _finish(job, status, *, report=None, error=""):
    """Record the outcome; the file (people's data) is removed once read."""
    if job.file:
        job.file.delete(save=False)
    ImportJob.objects.filter(pk=job.pk).update(status=status, report=report or {}, error=error, file="",
                                               finished_at=timezone.now())
    job.refresh_from_db()
    return job


def forget_old_imports(now=None):
    """Remove the jobs (rows and any file left) uploaded more than IMPORT_KEEP_DAYS days ago."""
    old = ImportJob.objects.filter(created_at__lt=(now or timezone.now()) - timedelta(days=setting("IMPORT_KEEP_DAYS")))
    for job in old.exclude(file=""):
        job.file.delete(save=False)
    old.delete()


def report_of(job):
    """The job's report as its kind's ImportReport (None before the worker has read the file)."""
    if not job.report:
        return None
    return KINDS[job.kind].report_class.from_dict(job.report)


def job_of(user, pk, name):
    """One of `user`'s own jobs of kind `name` (ImportJob.DoesNotExist for anyone else's)."""
    return ImportJob.objects.get(pk=pk, kind=name, requested_by=user)
