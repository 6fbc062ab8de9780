"""Snapshot → render → store (docs/design.md, Workflow and Documents).

`snapshot()` freezes what a document prints (a JSON context and a fingerprint of it and of the
templates); `render()` turns one snapshot into a stored PDF, in a Celery task; a download serves the
stored file and never renders again. The same content is never rendered twice: a new snapshot with
the same fingerprint is the same row.
"""
import hashlib
import io
import json
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from pypdf import PdfReader

from core.queue import publish, publish_on_commit, sweep_age

from .enums import RenderStatus
from .models import Document
from .registry import kind as kind_of


@lru_cache(maxsize=1)
def templates_version():
    """A hash of every document template and the print stylesheet: a change in the layout renders anew."""
    digest = hashlib.sha256()
    roots = [Path(settings.BASE_DIR) / "templates" / "documents", Path(settings.BASE_DIR) / "static" / "documents"]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def fingerprint(context):
    payload = json.dumps(context, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256((templates_version() + payload).encode()).hexdigest()


def snapshot(code, obj, part="", *, freeze=False):
    """The document `code` of `obj` as it reads now: an existing row with the same content, or a new one.

    Side effects: maybe one Document row (not rendered yet: `current()` queues the render when someone
    asks for the file); with `freeze`, the row is marked as the one the object prints from now on.
    """
    kind = kind_of(code)
    context = kind.build(obj, part)
    key = {"content_type": ContentType.objects.get_for_model(obj), "object_id": obj.pk, "kind": code,
           "part": str(part), "fingerprint": fingerprint(context)}
    document = Document.objects.filter(**key).first()
    if document is None:
        try:
            with transaction.atomic():
                document = Document.objects.create(context=context, **key)
        except IntegrityError:  # two requests at once: the other one created it
            document = Document.objects.get(**key)
    if freeze:
        document.frozen_at = timezone.now()
        document.save(update_fields=["frozen_at"])
    return document


def freeze(items):
    """Freeze the documents [(code, obj, part), …] of something that was just sent or signed."""
    return [snapshot(code, obj, part, freeze=True) for code, obj, part in items]


def current(code, obj, part=""):
    """The document a user gets now: while the object may still change, its live content; once frozen,
    the snapshot taken when it was frozen (taken now if the object predates the documents).

    Side effects: maybe a snapshot row; a render task for a document not rendered yet (the task is
    idempotent, so asking twice costs nothing more than a look at the row).
    """
    kind = kind_of(code)
    frozen = kind.frozen is not None and kind.frozen(obj)
    document = (existing(code, obj, part) if frozen else None) or snapshot(code, obj, part, freeze=frozen)
    if made_for_another_address(kind, document):  # the portal moved: the QR code must open where it runs now
        Document.objects.filter(pk=document.pk, status=RenderStatus.DONE).update(status=RenderStatus.PENDING)
        document.status = RenderStatus.PENDING
    if document.status == RenderStatus.PENDING:
        queue_render(document)
    return document  # a failed one stays failed: its page shows the error and offers to try again


def made_for_another_address(kind, document):
    """A stored file of a kind that prints the portal's address, made when the portal ran elsewhere."""
    return kind.site_bound and document.status == RenderStatus.DONE and document.site_url != settings.SITE_URL


def existing(code, obj, part=""):
    """The document `current()` would give, when it exists already; None otherwise. Writes nothing and queues
    nothing: what a GET may ask (printing is a POST, issue 16)."""
    kind = kind_of(code)
    if kind.frozen is not None and kind.frozen(obj):
        return _rows_of(code, obj, part).filter(frozen_at__isnull=False).order_by("-frozen_at", "-pk").first()
    return _rows_of(code, obj, part).filter(fingerprint=fingerprint(kind.build(obj, part))).first()


def _rows_of(code, obj, part):
    return Document.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk, kind=code,
                                   part=str(part))


def queue_render(document):
    from .tasks import render_document

    Document.objects.filter(pk=document.pk).update(queued_at=timezone.now())
    publish_on_commit(render_document, document.pk, notice="tệp PDF sẽ được tạo sau")


def retry(document):
    """Queue a failed document again (a person asked for it)."""
    updated = Document.objects.filter(pk=document.pk, status=RenderStatus.FAILED).update(
        status=RenderStatus.PENDING, error="")
    if updated:
        document.status, document.error = RenderStatus.PENDING, ""
        queue_render(document)


def render(document_id, *, final=True):
    """Render the PDF of one snapshot and store it; safe to run twice (a done document is left alone).

    Side effects: the PDF file under MEDIA_ROOT/documents/, the row's status, pages, size; on failure
    the error text (status "failed" once `final`, else back to pending for the task's retry).
    """
    from core.pdf import render_documents, render_pdf

    with transaction.atomic():
        document = Document.objects.select_for_update().filter(pk=document_id).first()
        if document is None or document.status == RenderStatus.DONE:
            return document
        document.status, document.attempts = RenderStatus.RENDERING, document.attempts + 1
        document.started_at = timezone.now()
        document.save(update_fields=["status", "attempts", "started_at"])
    kind = kind_of(document.kind)
    try:
        if kind.merged:
            parts = [(part["template"], part["context"]) for part in document.context["parts"]]
            pdf = render_documents(parts, copies=document.context.get("copies", 1))
        else:
            pdf = render_pdf(kind.template, document.context)
    except Exception as exc:
        Document.objects.filter(pk=document.pk).update(
            status=RenderStatus.FAILED if final else RenderStatus.PENDING, error=f"{type(exc).__name__}: {exc}"[:2000])
        raise
    document.file.save("document.pdf", ContentFile(pdf), save=False)
    document.pages = len(PdfReader(io.BytesIO(pdf)).pages)
    document.size, document.status, document.error = len(pdf), RenderStatus.DONE, ""
    document.rendered_at = timezone.now()
    document.site_url = settings.SITE_URL if kind.site_bound else ""
    document.save(update_fields=["file", "pages", "size", "status", "error", "rendered_at", "site_url"])
    return document


def filename(document):
    """A readable Vietnamese file name (diacritics kept), e.g. "Tờ trình 07-TTr-TCCB.pdf"."""
    kind = kind_of(document.kind)
    name = kind.filename(document.context) if kind.filename else kind.label
    cleaned = "".join("-" if ch in '/\\:*?"<>|' else ch for ch in name).strip(" .")
    return (cleaned or kind.label)[:150] + ".pdf"


def visible(document, user):
    """Whether `user` may see the object the document belongs to (the kind's own scope rule)."""
    kind = kind_of(document.kind)
    return kind.visible(user).filter(pk=document.object_id).exists()


def refusal(document):
    """Why the portal does not print the object of `document` ("" when it does): the kind's `refuse` rule,
    for a document stored before the rule or reached by its address."""
    kind = kind_of(document.kind)
    if kind.refuse is None:
        return ""
    obj = document.content_type.get_object_for_this_type(pk=document.object_id)
    return kind.refusal(obj)


def requeue_pending(*, now=None, limit=500):
    """The sweep's share for documents (dossiers.tasks.sweep_pending); returns the ids queued again.

    A render "in progress" for longer than SWEEP_STUCK_MINUTES (more than a task may run) was cut off, its
    worker killed: it goes back to pending. Every document someone asked for that is still pending
    SWEEP_AFTER_MINUTES after it was queued (its message never reached the broker, or was lost) is queued again.
    Rendering is safe to run twice: a done document is left alone.
    """
    from .tasks import render_document

    now = now or timezone.now()
    stuck = now - timedelta(minutes=settings.SWEEP_STUCK_MINUTES)
    cut_off = Document.objects.filter(
        Q(started_at__lt=stuck) | Q(started_at__isnull=True, created_at__lt=stuck), status=RenderStatus.RENDERING)
    ids = list(cut_off.values_list("pk", flat=True)[:limit])
    Document.objects.filter(pk__in=ids, status=RenderStatus.RENDERING).update(
        status=RenderStatus.PENDING, error="Lần tạo tệp trước bị ngắt giữa chừng; đang tạo lại.")
    ids += Document.objects.filter(status=RenderStatus.PENDING, queued_at__lt=now - sweep_age()).exclude(
        pk__in=ids).order_by("queued_at").values_list("pk", flat=True)[:max(limit - len(ids), 0)]
    Document.objects.filter(pk__in=ids).update(queued_at=now)
    return [pk for pk in ids if publish(render_document, pk)]
