"""Print a document: snapshot it, show its progress and then its preview, and serve the stored PDF (never
re-rendered).

Printing always ends on the preview page (`status`): the PDF shown inline, "Tải PDF" and, for a kind that has
one, "Tải Word (.docx)". (Before issue 17 a document already stored answered the print button with the PDF
itself; in the embedded default, where tasks run eagerly, every document is stored by the time the POST
answers, so the page offering the Word copy was never shown.)

The editable Word copy of a kind that has one (`Kind.docx`) is built from the same frozen snapshot on each
download: it takes milliseconds, so it needs neither the worker nor a stored file.
"""
from functools import wraps

from csp.constants import SELF
from csp.decorators import csp_replace
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_http_methods, require_safe

from core.docx import DOCX_CONTENT_TYPE

from . import services
from .models import Document
from .registry import KINDS


class Refused(Exception):
    """The portal does not print this object (`Kind.refuse`): answered with the reason, as a 403."""

    def __init__(self, kind, reason):
        super().__init__(reason)
        self.kind, self.reason = kind, reason


def _visible_document(request, pk):
    document = get_object_or_404(Document, pk=pk, kind__in=list(KINDS))
    if not services.visible(document, request.user):
        raise Http404
    if reason := services.refusal(document):  # stored before the rule, or asked for by its address
        raise Refused(KINDS[document.kind], reason)
    return document


def _refused(request, kind, reason):
    back = request.META.get("HTTP_REFERER", "")  # the page whose button printed (no javascript: link: the CSP)
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = ""
    return render(request, "documents_ui/refused.html", {"kind": kind, "reason": reason, "back": back}, status=403)


def refusing(view):
    """A view of a stored document: `Refused` becomes the 403 page that says why."""
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Refused as refused:
            return _refused(request, refused.kind, refused.reason)
    return wrapped


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def print_document(request, code, object_id, part=""):
    """In văn bản: the current document of the object (its frozen snapshot, or its live content while it
    may still change), then its progress page, or the file itself when it is already stored.

    A GET writes nothing (issue 16): it serves the stored copy, or the progress of one already asked for, or
    else a page whose button POSTs here. The POST takes the snapshot and queues its render (idempotent: the
    same content is the same row and the same file)."""
    kind = KINDS.get(code)
    if kind is None:
        raise Http404
    obj = get_object_or_404(kind.visible(request.user), pk=object_id)  # another unit's object: 404
    if not kind.has_part(obj, part):  # /in/<code>/<id>/<anything>/ would render and store a new file each time
        raise Http404
    if reason := kind.refusal(obj):
        return _refused(request, kind, reason)
    if request.method == "POST":
        document = services.current(code, obj, part)
        document.refresh_from_db()  # with eager tasks (no broker) it was rendered meanwhile
    else:
        document = services.existing(code, obj, part)
        if document is None or not (document.is_ready or document.queued_at):
            return render(request, "documents_ui/print.html", {"kind": kind, "object": obj, "document": document})
    return redirect("documents:status", pk=document.pk)  # stored already: the preview, with PDF and Word


@require_safe
@login_required
@refusing
def status(request, pk):
    """Tiến độ tạo văn bản, then Xem trước: polled by htmx every second until the file is stored (the page then
    shows it inline with its downloads) or the render failed."""
    document = _visible_document(request, pk)
    template = "documents_ui/_status.html" if request.htmx else "documents_ui/status.html"
    kind = KINDS[document.kind]
    return render(request, template, {"document": document, "kind": kind, "filename": services.filename(document),
                                      "has_docx": kind.docx is not None})  # a function: not callable in a template


@require_safe
@login_required
@refusing
@xframe_options_sameorigin
@csp_replace({"frame-ancestors": [SELF]})
def download(request, pk):
    """The stored PDF, with a readable Vietnamese file name; a re-download reads the same file. With ?xem=1
    it is served inline, and may be framed by the portal's own pages (the preview); by no other site."""
    document = _visible_document(request, pk)
    if not document.is_ready:
        return redirect("documents:status", pk=document.pk)
    inline = request.GET.get("xem") == "1"
    return FileResponse(document.file.open("rb"), as_attachment=not inline, filename=services.filename(document),
                        content_type="application/pdf")


@require_safe
@login_required
@refusing
def docx(request, pk):
    """Tải bản Word (sửa được): the document's snapshot as an editable .docx, named like its PDF."""
    document = _visible_document(request, pk)
    build = KINDS[document.kind].docx
    if build is None:
        raise Http404
    name = services.filename(document).removesuffix(".pdf") + ".docx"
    response = HttpResponse(build(document.context), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@login_required
@refusing
def retry(request, pk):
    """Thử tạo lại a document whose render failed."""
    document = _visible_document(request, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.retry(document)
    return redirect("documents:status", pk=document.pk)
