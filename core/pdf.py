"""The one WeasyPrint wrapper: official documents from `templates/documents/` to PDF.

WeasyPrint is imported inside functions only, so that web processes that never print do not pay for
loading Pango and fontconfig. Every document gets `static/documents/print.css`, our shipped font and a
URL fetcher that can read nothing but our static and media files.
"""
import atexit
import contextlib
import gc
import logging
import mimetypes
import threading
import unicodedata
import urllib.request
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)
WEASYPRINT_LOGGER = "weasyprint"
STYLESHEET = "documents/print.css"
TEMPLATE_DIR = "documents/"

# Fontconfig and Pango objects are not safe to share between threads; documents are rendered in
# Celery worker processes (one task at a time), and this lock keeps a threaded dev server safe too.
_render_lock = threading.RLock()


class PdfWarning(Exception):
    """WeasyPrint reported a problem (bad CSS, a refused or missing resource) during a strict render."""


class FetchRefused(ValueError):
    """A document asked for a resource outside our static and media files."""


# --- resources ---------------------------------------------------------------------------------
def static_roots():
    """Directories whose files a document may load: STATICFILES_DIRS, then STATIC_ROOT."""
    roots = []
    for entry in getattr(settings, "STATICFILES_DIRS", ()):
        roots.append(Path(entry[1] if isinstance(entry, (tuple, list)) else entry))
    if getattr(settings, "STATIC_ROOT", None):
        roots.append(Path(settings.STATIC_ROOT))
    return roots


def _media_roots():
    return [Path(settings.MEDIA_ROOT)] if getattr(settings, "MEDIA_ROOT", None) else []


def base_url():
    """Relative URLs in documents ("img/logo.png") resolve against our first static directory."""
    return static_roots()[0].resolve().as_uri() + "/"


def _inside(path, roots):
    """The resolved file if `path` is an existing file under one of `roots` (symlinks and '..' resolved)."""
    resolved = path.resolve()
    for root in roots:
        if resolved.is_relative_to(root.resolve()) and resolved.is_file():
            return resolved
    return None


def _under_prefix(relative, roots):
    for root in roots:
        if found := _inside(root / relative, [root]):
            return found
    return None


def _local_file(url):
    """The file an allowed URL points to, or None.

    Allowed: file:// paths inside our roots, and STATIC_URL / MEDIA_URL addresses mapped onto those roots:
    `{% static 'img/x.png' %}` writes "/static/img/x.png", which WeasyPrint joins onto our file:// base URL
    as "file:///static/img/x.png" (or, with STATIC_URL on another host, keeps as that absolute URL).
    """
    parts = urlsplit(url)
    prefixes = ((settings.STATIC_URL, static_roots()), (settings.MEDIA_URL, _media_roots()))
    for prefix, roots in prefixes:
        if prefix and urlsplit(prefix).scheme and url.startswith(prefix):  # e.g. STATIC_URL on a CDN
            return _under_prefix(unquote(parts.path[len(urlsplit(prefix).path):]), roots)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = unquote(parts.path)
    for prefix, roots in prefixes:
        if prefix and not urlsplit(prefix).scheme and path.startswith(prefix):
            if found := _under_prefix(path[len(prefix):], roots):
                return found
    return _inside(Path(urllib.request.url2pathname(path)), static_roots() + _media_roots())


def url_fetcher(url):
    """Fetch a resource for WeasyPrint, refusing everything outside our own files.

    Served: our static files (STATICFILES_DIRS, STATIC_ROOT) and media files (MEDIA_ROOT), addressed as
    file:// paths or through STATIC_URL / MEDIA_URL; also `data:` URLs, which carry their bytes inline and
    so can reach neither the network nor the disk (handy for generated images such as QR codes).
    Refused with `FetchRefused`: http(s), ftp, any other scheme, and file:// paths elsewhere
    (file:///etc/passwd, '..' escapes, symlinks leading out).
    """
    from weasyprint.urls import URLFetcherResponse

    if urlsplit(url).scheme == "data":
        with urllib.request.DataHandler().data_open(urllib.request.Request(url)) as response:
            return URLFetcherResponse(url, response.read(), {"Content-Type": response.headers["Content-Type"]})
    path = _local_file(url)
    if path is None:
        raise FetchRefused(f"Tài liệu không được phép tải tài nguyên ngoài hệ thống: {url}")
    mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": mime_type})


@cache
def _fetcher():
    """A WeasyPrint URLFetcher (the type it expects) that delegates to `url_fetcher`."""
    from weasyprint.urls import URLFetcher

    class PortalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            return url_fetcher(url)

    return PortalFetcher()


@cache
def font_config():
    """One FontConfiguration per process: the @font-face files are loaded into fontconfig once."""
    from weasyprint.text.fonts import FontConfiguration

    # Release it before interpreter shutdown: its __del__ removes a temporary font folder and fails
    # noisily once module globals are already gone.
    atexit.register(font_config.cache_clear)
    atexit.register(_stylesheet.cache_clear)
    return FontConfiguration()


@cache
def _stylesheet():
    # Parsed once per process, like the fonts it declares: an edit to print.css needs a restart.
    from weasyprint import CSS

    for root in static_roots():
        if (path := root / STYLESHEET).is_file():
            return CSS(filename=str(path), url_fetcher=_fetcher(), font_config=font_config())
    raise FileNotFoundError(f"{STYLESHEET} not found in {static_roots()}")


# --- warnings ----------------------------------------------------------------------------------
class _Collector(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@contextlib.contextmanager
def capture_warnings():
    """Collect WeasyPrint's warnings and errors: `with capture_warnings() as records: ...`.

    WeasyPrint reports bad CSS and unreachable resources only through logging, never by raising, so this
    is how strict rendering and the test suite notice them. The handler sits on the process-wide logger:
    in a threaded server it may also see another thread's render (rendering is serialised anyway).
    """
    wp_logger = logging.getLogger(WEASYPRINT_LOGGER)
    collector = _Collector()
    old_level = wp_logger.level
    if wp_logger.getEffectiveLevel() > logging.WARNING:
        wp_logger.setLevel(logging.WARNING)
    wp_logger.addHandler(collector)
    try:
        yield collector.records
    finally:
        wp_logger.removeHandler(collector)
        wp_logger.setLevel(old_level)


def format_warnings(records):
    return "; ".join(f"{record.levelname}: {record.getMessage()}" for record in records)


@contextlib.contextmanager
def _checked(strict, names):
    with capture_warnings() as records:
        yield
    if records and strict:
        raise PdfWarning(format_warnings(records))
    if records:  # WeasyPrint's own records do not say which document they belong to
        logger.warning("%d WeasyPrint warning(s) while rendering %s", len(records), ", ".join(names))


# --- rendering ---------------------------------------------------------------------------------
@contextlib.contextmanager
def _collector_paused():
    """The cyclic garbage collector off for one render, back on after it.

    A render allocates boxes by the hundred thousand, and each of them counts towards the collector's
    thresholds: it ran dozens of collections per render, each walking the whole heap of a Django process,
    19 % of a 300-row list's render (docs/performance.md §10–11). The boxes are freed by their reference
    counts when the document is dropped; the few cycles they leave are collected by the next ordinary
    collection after the render. Nested renders (render_documents) leave it to the outermost one.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def warm_up():
    """Load WeasyPrint, the font and the stylesheet now, then move everything loaded so far out of the
    collector's sight (`gc.freeze()`): what a render worker does once when it starts
    (portal/celery.py, worker_process_init), so that its first document does not pay ~0.5 s of imports and
    later collections do not walk Django's and WeasyPrint's modules again."""
    import weasyprint  # noqa: F401

    _stylesheet()
    gc.collect()
    gc.freeze()


def render_html(template_name, context):
    """The HTML of a document, in NFC so that every Vietnamese letter maps to one glyph of our font."""
    if not template_name.startswith(TEMPLATE_DIR):
        template_name = TEMPLATE_DIR + template_name
    return unicodedata.normalize("NFC", render_to_string(template_name, context))


def _layout(template_name, context):
    """Lay out one document (its own page counter) and return WeasyPrint's Document."""
    from weasyprint import HTML

    html = HTML(string=render_html(template_name, context), base_url=base_url(), url_fetcher=_fetcher())
    return html.render(font_config=font_config(), stylesheets=[_stylesheet()])


def render_pdf(template_name, context, *, strict=False):
    """One document as PDF bytes. `template_name` is relative to `templates/documents/`.

    With `strict=True` any WeasyPrint warning raises `PdfWarning`; otherwise warnings are logged.
    """
    with _render_lock, _checked(strict, [template_name]), _collector_paused():
        return _layout(template_name, context).write_pdf()


def render_documents(parts, copies=1, *, strict=False):
    """Several documents merged into one PDF: `parts` is a list of (template_name, context).

    Each part is laid out on its own, so its page numbers start again at 1 (and are hidden on its first
    page); the pages are then written as one PDF, so each font is subset and embedded once: ten one-page
    forms make ~44 KB instead of ~230 KB as ten files, in the same time, and with no PDF merging library.
    `copies` repeats the whole set (collated: 1-2-3, 1-2-3).
    """
    if not parts:
        raise ValueError("render_documents() needs at least one part")
    if copies < 1:
        raise ValueError("copies must be at least 1")
    with _render_lock, _checked(strict, sorted({name for name, _ in parts})), _collector_paused():
        documents = [_layout(name, context) for name, context in parts]
        pages = [page for document in documents for page in document.pages]
        return documents[0].copy(pages * copies).write_pdf()
