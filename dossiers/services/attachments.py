"""Tài liệu kèm theo: adding and removing the files of a dossier (signed scans, evidence).

Uploads are checked by content and size (the house rule, as in the people import): the type is
decided by the file's first bytes (and, for Word/Excel, by the parts inside the zip), never by its
name; the name must then agree with what the content is. The file is stored under a generated
name (uuid + the detected extension), so nothing the user typed ever reaches the file system; the
original name is kept only as text, cleaned, for display and for the download's file name.
"""
import io
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass

from auditlog.context import set_actor
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from core.pdfscan import active_content
from core.text import nfc
from orgs import scope
from orgs.enums import Role

from ..models import Attachment, Dossier

MAX_ATTACHMENTS_PER_DOSSIER = 30
NAME_MAX_LENGTH = 255


@dataclass(frozen=True)
class FileKind:
    """A file type we accept, as detected from the content."""

    label: str
    content_type: str
    extension: str  # the extension of the stored file
    extensions: tuple  # the extensions a user's file name may carry


PDF = FileKind("tệp PDF", "application/pdf", "pdf", ("pdf",))
JPEG = FileKind("ảnh JPEG", "image/jpeg", "jpg", ("jpg", "jpeg"))
PNG = FileKind("ảnh PNG", "image/png", "png", ("png",))
DOCX = FileKind("văn bản Word (.docx)",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", ("docx",))
XLSX = FileKind("bảng tính Excel (.xlsx)",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", ("xlsx",))
KINDS = (PDF, JPEG, PNG, DOCX, XLSX)
IMAGES_AND_PDF = (PDF, JPEG, PNG)  # a signed paper, scanned or photographed
ACCEPT = ",".join(f".{ext}" for kind in KINDS for ext in kind.extensions)  # for <input accept=…>

SIGNATURES = ((b"%PDF-", PDF), (b"\xff\xd8\xff", JPEG), (b"\x89PNG\r\n\x1a\n", PNG))
ZIP_SIGNATURE = b"PK\x03\x04"
# An Office Open XML package is a zip; what it is shows in its main part.
OOXML_PARTS = (("word/document.xml", DOCX), ("xl/workbook.xml", XLSX))
# Characters Windows refuses in file names: the name is offered again on download.
_RESERVED = str.maketrans({ch: "_" for ch in '<>:"|?*'})


def human_size(size):
    """3_460_000 → "3,3 MB"; 512_000 → "500 KB" (Vietnamese decimal comma)."""
    if size < 1024:
        return f"{size} byte"
    value, unit = (size / 1024, "KB") if size < 1024 * 1024 else (size / 1024 / 1024, "MB")
    text = f"{value:.1f}".replace(".", ",")
    return f"{text.removesuffix(',0')} {unit}"


def clean_file_name(name):
    """The user's file name made safe to keep and show: last path component only (both / and \\),
    no control or invisible format characters (e.g. the right-to-left override), no characters
    Windows refuses, single spaces, NFC, at most 255 characters (the extension kept).
    May return "" (e.g. for "..", or a name of control characters only)."""
    name = nfc(str(name or "")).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C"
                   and unicodedata.category(ch) not in ("Zl", "Zp"))
    name = " ".join(name.translate(_RESERVED).split()).strip(" .")
    if len(name) > NAME_MAX_LENGTH:
        stem, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            name = stem[:NAME_MAX_LENGTH - len(ext) - 1].rstrip(" .") + "." + ext
        else:
            name = name[:NAME_MAX_LENGTH].rstrip(" .")
    return nfc(name)


def _extension(name):
    stem, dot, ext = name.rpartition(".")
    return ext.lower() if dot and stem else ""


def _read(upload, name):
    """The upload's bytes, refusing an empty or too large file before reading more than the limit."""
    max_bytes = settings.DOSSIER_ATTACHMENT_MAX_BYTES
    limit = human_size(max_bytes)
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(f"Tệp “{name}” quá lớn ({human_size(size)}); mỗi tệp tối đa {limit}.",
                              code="too_large")
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValidationError(f"Tệp “{name}” quá lớn; mỗi tệp tối đa {limit}.", code="too_large")
    if not data:
        raise ValidationError(f"Tệp “{name}” rỗng (0 byte).", code="empty")
    return data


def detect_kind(data, name):
    """The FileKind of `data`, decided by its content. `name` only picks between Word and Excel when
    a package holds both main parts, and appears in the messages."""
    not_allowed = ValidationError(
        f"Tệp “{name}” không phải PDF, ảnh hay văn bản Word/Excel: nội dung không khớp định dạng cho phép.",
        code="bad_type")
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    if not data.startswith(ZIP_SIGNATURE):
        raise not_allowed
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = set(archive.namelist())  # the central directory only: nothing is decompressed
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ValidationError(f"Tệp “{name}” bị hỏng: không đọc được nội dung.", code="corrupt") from None
    if any(part.lower().endswith("vbaproject.bin") for part in parts):
        raise ValidationError(f"Tệp “{name}” có chứa macro: hãy lưu lại thành .docx hoặc .xlsx thường "
                              "(không macro) rồi tải lên.", code="macro")
    candidates = [kind for part, kind in OOXML_PARTS if part in parts]
    if not candidates:
        raise not_allowed
    extension = _extension(name)
    return next((kind for kind in candidates if extension in kind.extensions), candidates[0])


def read_upload(upload, kinds=KINDS):
    """The upload checked by content: (its cleaned name, its bytes, its FileKind). Refused (ValidationError,
    in Vietnamese): no usable name, empty or too large, content not one of `kinds` (magic bytes, zip parts,
    no macros), a name whose extension disagrees with the content."""
    name = clean_file_name(getattr(upload, "name", ""))
    if not name:
        raise ValidationError("Tên tệp không hợp lệ: hãy đổi tên tệp (ví dụ “bien-ban.pdf”) rồi tải lên lại.",
                              code="name")
    data = _read(upload, name)
    kind = detect_kind(data, name)
    if kind not in kinds:
        raise ValidationError(f"Tệp “{name}” là {kind.label}: ở đây chỉ nhận "
                              f"{', '.join(k.label for k in kinds)}.", code="bad_type")
    _check_extension(kind, name)
    if kind is PDF:
        _check_passive(data, name)
    return name, data, kind


def _check_passive(data, name):
    """A PDF that runs a script, acts on opening, launches a program or carries embedded files is refused
    (core.pdfscan: parsed, names decoded, so an escaped /J#61vaScript is found too)."""
    if found := active_content(data):
        raise ValidationError(
            f"Tệp “{name}” có nội dung chạy tự động ({', '.join(n.lstrip('/') for n in found)}: mã JavaScript, "
            "thao tác khi mở tệp, tệp đính kèm bên trong…): cổng không nhận tệp PDF như vậy. Hãy in lại thành PDF "
            "(chọn “Microsoft Print to PDF” hoặc “Lưu dưới dạng PDF”) hoặc quét lại bản giấy, rồi tải lên.",
            code="active_content")


def _check_extension(kind, name):
    extension = _extension(name)
    if extension in kind.extensions:
        return
    expected = " hoặc ".join(f"“.{ext}”" for ext in kind.extensions)
    if not extension:
        raise ValidationError(f"Tên tệp “{name}” không có đuôi; nội dung tệp là {kind.label}, hãy đặt tên "
                              f"có đuôi {expected} rồi tải lên lại.", code="extension")
    raise ValidationError(f"Tệp “{name}” có nội dung là {kind.label} nhưng tên lại có đuôi “.{extension}”: "
                          f"hãy đổi đuôi thành {expected} rồi tải lên lại.", code="extension")


def _clean_title(title, name):
    title = " ".join(nfc(title or "").split())
    if not title:
        title = name.rpartition(".")[0] or name  # the file's own name, without its extension
    limit = Attachment._meta.get_field("title").max_length
    if len(title) > limit:
        raise ValidationError(f"Tên tài liệu dài quá {limit} ký tự.", code="title")
    return title


def _check_may_change(dossier, by, verb):
    """The dossier's own clerk, while the dossier is editable (the facts of dossiers.change_dossier)."""
    if not scope.covers(by, dossier.organisation, [Role.CLERK]):
        raise PermissionDenied(f"Chỉ cán bộ của đơn vị lập hồ sơ mới được {verb} tài liệu kèm theo.")
    if not dossier.is_editable:
        raise ValidationError(
            f"Hồ sơ đang ở trạng thái “{dossier.get_state_display().lower()}”: chỉ {verb} tài liệu khi hồ sơ "
            "đang soạn hoặc bị trả lại để bổ sung.", code="frozen")


def _locked(dossier):
    return (Dossier.objects.select_for_update(of=("self",)).select_related("organisation")
            .get(pk=dossier.pk))


def add_attachment(dossier, upload, *, title, nomination=None, by):
    """Attach the uploaded file `upload` to `dossier` (optionally to one of its nominees) as user `by`.

    Checks, in order: `by` is a clerk covering the dossier's unit (else PermissionDenied) and the
    dossier is editable; the cleaned original name is not empty; the size (≤
    settings.DOSSIER_ATTACHMENT_MAX_BYTES, not empty); the content is a PDF, JPEG, PNG, DOCX or
    XLSX (magic bytes, zip parts, no macros); a PDF holds no active content (scripts, actions on opening,
    launched programs, embedded files: core.pdfscan); the name's extension agrees with the content; the
    title (the file name when blank); the nominee belongs to the dossier; at most
    MAX_ATTACHMENTS_PER_DOSSIER files. Each refusal is a ValidationError in Vietnamese.

    Side effects (one transaction, dossier row locked): writes the file under
    MEDIA_ROOT/ho-so/<dossier id>/<uuid>.<detected extension>, creates the Attachment row and its
    audit log entry (actor `by`). If the row cannot be written the file is removed again.
    Returns the Attachment.
    """
    _check_may_change(dossier, by, "thêm")
    name, data, kind = read_upload(upload)
    title = _clean_title(title, name)
    if nomination is not None and nomination.dossier_id != dossier.pk:
        raise ValidationError("Người, tập thể đã chọn không thuộc hồ sơ này.", code="nomination")

    stored_name = f"{uuid.uuid4().hex}.{kind.extension}"
    attachment = None
    try:
        with set_actor(by), transaction.atomic():
            locked = _locked(dossier)
            _check_may_change(locked, by, "thêm")  # again, under the lock: it may have been submitted meanwhile
            if locked.attachments.count() >= MAX_ATTACHMENTS_PER_DOSSIER:
                raise ValidationError(
                    f"Mỗi hồ sơ có tối đa {MAX_ATTACHMENTS_PER_DOSSIER} tài liệu kèm theo: hãy xoá bớt tài liệu "
                    "không cần thiết hoặc gộp nhiều trang vào một tệp PDF.", code="too_many")
            attachment = Attachment(dossier=locked, nomination=nomination, title=title, original_name=name,
                                    stored_name=stored_name, content_type=kind.content_type, size=len(data),
                                    uploaded_by=by)
            attachment.file.save(stored_name, ContentFile(data), save=False)
            attachment.save()
    except BaseException:
        if attachment is not None and attachment.file.name:
            attachment.file.storage.delete(attachment.file.name)
        raise
    return attachment


def remove_attachment(attachment, *, by):
    """Remove `attachment` from its dossier as user `by` (the dossier's clerk, dossier editable).

    Side effects (one transaction, dossier row locked): deletes the Attachment row and writes its
    audit log entry (actor `by`); the stored file is deleted once the transaction commits, so a
    rollback leaves both in place. Raises PermissionDenied for the wrong user, ValidationError when
    the dossier is no longer editable or the attachment was already removed (e.g. a double click).
    """
    with set_actor(by), transaction.atomic():
        dossier = _locked(attachment.dossier)
        _check_may_change(dossier, by, "xoá")
        current = Attachment.objects.filter(pk=attachment.pk, dossier=dossier).first()
        if current is None:
            raise ValidationError("Tài liệu này đã được xoá.", code="gone")
        storage, name = current.file.storage, current.file.name
        current.delete()
        if not Attachment.objects.filter(file=name).exists():  # a copied dossier's attachment shares the file
            transaction.on_commit(lambda: storage.delete(name))
